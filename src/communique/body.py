"""Find the article body in plain text captured from a web page, and set page furniture aside.

Written by hand on purpose: HTML extractors (trafilatura, readability) work on the DOM
and no maintained library finds the body of a page that is already plain text, with its
menus, photo frames and "Related news" lists flattened into lines. This is a scored line
classifier: each line gets features whose weights, word lists and patterns live in
data/body_signals.json; the body is the contiguous stretch of article lines around the
first real paragraph.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# A line is an article line at this score or above. A 12-word sentence that ends in a
# full stop scores -1 + 1.2 + 2 = 2.2; a headline of the same length without a full stop
# scores 0.2. Chosen so that every paragraph of the dev captures and of the test pages
# passes while their headlines, teaser titles and menu lines do not.
ARTICLE_MIN_SCORE = 2.0
# A line at this score or below is furniture. Any one marker (weight -4 to -8) puts a
# short line below it; an all-caps banner of up to ~10 words (-2) does too, while a
# normal short line ("He left on Friday.") stays neutral and stays in the body.
FURNITURE_MAX_SCORE = -2.0
# The lead (first real paragraph) is an article line with at least this many words:
# shorter sentences are often captions or teaser summaries cut short.
LEAD_MIN_WORDS = 12
# A headline has this many words at most; longer lines without a full stop are captions.
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 30
# How many non-blank lines back from the lead the headline may be (menus, date lines,
# share links and photo frames sit between them on the pages seen so far: at most 5).
HEADLINE_LOOKBACK = 6
# A "Related news" style header ends the body only after this many words of article
# text: more than a standfirst (20-45 words), less than any real story (80+ words). A
# header seen earlier (share bars under the title) is excluded furniture instead.
CUT_MIN_ARTICLE_WORDS = 60
# Runs of at least this many consecutive short lines (<= SHORT_WORDS words, no full
# stop) are menus.
SHORT_RUN_MIN, SHORT_WORDS = 3, 4
# The dateline is looked for in this many non-blank lines from the lead.
DATELINE_SEARCH_LINES = 6
# A date line ("Published: 13/02/2026 | 09:15", "KYODO NEWS - Feb 15, 2025 - 19:05 | World")
# is short and, besides its date, label and time, has at most this many words: the
# outlet or place and a section or two (5 on the pages seen so far).
DATE_LINE_MAX_WORDS, DATE_LINE_MAX_OTHER_WORDS = 16, 5
# A line without a full stop this long, directly above the lead, with a shorter
# headline-like line above it, is the standfirst (deck) and the shorter line the headline.
DECK_MIN_WORDS = 15
# Short lines without a full stop at the very end of the body (a place, initials, an
# author's name) are a sign-off, not article text.
SIGNOFF_MAX_WORDS = 3

Span = tuple[int, int]


@dataclass
class Body:
    """Where the article is inside a text, and what the page says about it."""

    start: int
    end: int
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    dateline: dict | None = None
    source: str | None = None
    excluded: list[Span] = field(default_factory=list)
    captions: list[Span] = field(default_factory=list)


@dataclass
class _Line:
    index: int
    start: int  # offsets of the stripped content
    end: int
    text: str
    words: int = 0
    features: dict = field(default_factory=dict)
    score: float = 0.0
    kind: str = "blank"  # blank | article | other | furniture | caption | header
    caption: Span | None = None
    credits: list = field(default_factory=list)
    date: str | None = None
    date_label: str | None = None
    source: str | None = None

    @property
    def headline_like(self) -> bool:
        return (self.kind in ("other", "article") and HEADLINE_MIN_WORDS <= self.words <= HEADLINE_MAX_WORDS
                and self.features.get("sentence_end", 0) < 1 and not self.text.endswith(":"))


# ---------------------------------------------------------------------------- signals

@dataclass(frozen=True)
class _Signals:
    weights: dict
    nav_words: frozenset
    end_headers: frozenset
    inline_headers: frozenset
    patterns: dict
    datelines: tuple
    outlet_words: frozenset


@lru_cache(maxsize=1)
def signals() -> _Signals:
    """The signals file, loaded once."""
    raw = json.loads(resources.files("communique.data").joinpath("body_signals.json").read_text("utf-8"))
    case_sensitive = set(raw.get("case_sensitive_patterns", []))
    patterns = {name: re.compile(rx, 0 if name in case_sensitive else re.I) for name, rx in raw["patterns"].items()}
    return _Signals(weights=raw["weights"], nav_words=frozenset(raw["nav_words"]),
                    end_headers=frozenset(raw["end_headers"]), inline_headers=frozenset(raw["inline_headers"]),
                    patterns=patterns, datelines=tuple(re.compile(rx) for rx in raw["datelines"]),
                    outlet_words=frozenset(raw["outlet_words"]))


# ---------------------------------------------------------------------------- public API

def detect_body(text: str) -> Body:
    """Find the article body span, title, dateline, date and outlet in a page's plain text.

    Furniture inside the body goes to `excluded`; photo captions go to `captions` (they
    are evidence and stay inside the body).
    """
    stamp = _page_stamp(text)
    if stamp:  # the stamp is no text of the page: lines are read as if it were blank
        text = " " * stamp[1] + text[stamp[1]:]
    lines = _split_lines(text)
    for line in lines:
        _features(line)
    _mark_runs(lines)
    for line in lines:
        _classify(line)
    content = [ln for ln in lines if ln.kind != "blank"]
    if not content:
        return Body(0, 0)

    lead = next((ln for ln in content if ln.kind == "article" and ln.words >= LEAD_MIN_WORDS), None)
    if lead is None:
        lead = next((ln for ln in content if ln.kind in ("article", "other", "caption")), None)
    if lead is None:  # nothing but furniture
        return Body(0, 0)
    lead = _short_paragraphs_before(content, lead)
    first = _headline_before(content, lead) or lead
    cut = _find_cut(content, first, lead)
    inside = [ln for ln in content if first.index <= ln.index < cut]
    while inside and (inside[-1].kind in ("furniture", "header") or _signoff(inside[-1], inside[0])):
        inside.pop()
    if not inside:
        inside = [first]
    last = inside[-1]

    body = Body(start=first.start, end=last.end)
    if first.headline_like:
        body.title, body.title_span = first.text, (first.start, first.end)
    _set_aside(inside, body)

    before_cut = [ln for ln in content if ln.index < cut]
    body.dateline = _dateline(content, lead)
    body.published = stamp[0] if stamp else _published(
        before_cut, body.dateline, first, [ln for ln in content if ln.index >= cut])
    body.source = _source(body.dateline, before_cut, last)
    return body


# ---------------------------------------------------------------------------- features

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_SENTENCE_END = re.compile(r"(?:[.!?…]|\./\.)[\"”’')\]]*$")
_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
# Patterns anchored at the line's end ("(Photo: X)", "Photo: X", "D.C.") are searched in its
# last TAIL_CHARS characters only: searched from every position of a long line (a run of
# 40,000 spaces), their leading `\s*` or repeated group rescans the rest of the line each
# time, which is quadratic (3.6 s for one such line). No credit is that long.
TAIL_CHARS = 500
_HEADER_SPLIT = re.compile(r"^(?P<head>[^:|]{2,40}?)\s*:\s*(?P<rest>.*)$")
_DIGIT_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"}


def _split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        content = raw.rstrip("\r")
        stripped = content.strip()
        lead_ws = len(content) - len(content.lstrip())
        s = pos + lead_ws
        out.append(_Line(index=i, start=s, end=s + len(stripped), text=stripped))
        pos += len(raw) + 1
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().strip(":|·•-–—>».").strip()).lower()


def _features(line: _Line) -> None:
    """Fire each signal of the signals file on one line (markers first, then shape)."""
    sig, p, t = signals(), signals().patterns, line.text
    if not t:
        return
    f = line.features
    line.words = len(_WORD.findall(t))
    if _SENTENCE_END.search(t):
        f["sentence_end"] = 0.25 if _INITIALISM_END.search(t, _tail(t)) else 1.0
    if t.isupper() and sum(c.isalpha() for c in t) >= 2:
        f["all_caps"] = 1.0

    norm = _norm(t)
    m = _HEADER_SPLIT.match(t)
    head = _norm(m.group("head")) if m else None
    if p["frame_empty"].match(t):
        f["frame_empty"] = 1.0
        return
    fm = p["frame_caption"].match(t)
    if fm:  # "| caption (Photo: X) |": the caption is evidence, the credit is not
        s = line.start + fm.start("caption")
        _split_caption(line, s, s + len(fm.group("caption")))
        return
    if norm in sig.end_headers or p["header_like"].match(t):
        f["block_header"] = 1.0
        return
    if head and m.group("rest"):
        if head in sig.inline_headers:
            f["inline_link"] = 1.0
            return
        if head in sig.end_headers:
            f["block_header"] = 1.0
            return
    if _date_line(line):
        f["date_line"] = 1.0
        return
    if _repost_date(line):
        f["repost"] = 1.0
        return
    sm = p["source_line"].match(t)
    if sm and line.words <= 8:
        f["source_line"] = 1.0
        line.source = sm.group("source").strip()
        return
    if p["copyright"].search(t) and line.words <= 25:
        f["copyright"] = 1.0
        return
    if p["byline"].match(t):
        f["byline"] = 1.0
        return
    if p["staff_credit"].match(t):
        f["staff_credit"] = 1.0
        return
    if p["back_link"].match(t) and "sentence_end" not in f:
        f["back_link"] = 1.0
        return
    if p["credit_line"].match(t) and line.words <= 8:
        f["credit_line"] = 1.0  # "Photo: X" on its own line: the line above is the caption
        line.credits.append((line.start, line.end))
        return
    sm = p["signoff_source"].match(t)
    if sm:  # "--AGENCY" closing a wire story
        f["signoff_source"] = 1.0
        line.source = sm.group("source")
        return
    pm = p["photo_label"].match(t)
    if pm:  # "PHOTO: the caption": the label is set aside, the caption kept
        line.credits.append((line.start, line.start + pm.start("caption")))
        s = line.start + pm.start("caption")
        _split_caption(line, s, line.end)
        return
    if p["end_mark"].match(t):
        f["end_mark"] = 1.0
        return
    if p["photo_credit"].search(t, _tail(t)) or p["trailing_credit"].search(t, _tail(t)):
        _split_caption(line, line.start, line.end)
        return
    if norm in sig.nav_words:
        f["nav_word"] = 1.0
    elif p["breadcrumb"].match(t) and line.words <= 15 and "sentence_end" not in f:
        f["breadcrumb"] = 1.0
    elif p["pipe_menu"].match(t) and "sentence_end" not in f:
        f["pipe_menu"] = 1.0


def _split_caption(line: _Line, s: int, e: int) -> None:
    """Mark [s, e) as a caption, moving a trailing "(Photo: X)" / "Photo: X" credit aside."""
    p = signals().patterns
    seg = _text_of(line, s, e)
    for name in ("photo_credit", "trailing_credit"):
        m = p[name].search(seg, _tail(seg))
        if m and m.start() > 0:
            line.credits.append((s + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), e))
            e = s + len(seg[:m.start()].rstrip())
            break
    line.caption = (s, e) if e > s else None
    line.features["caption"] = 1.0


def _tail(text: str) -> int:
    """Where a search for an end-anchored pattern starts (see TAIL_CHARS)."""
    return max(0, len(text) - TAIL_CHARS)


def _text_of(line: _Line, s: int, e: int) -> str:
    return line.text[s - line.start:e - line.start]


def _mark_runs(lines: list[_Line]) -> None:
    """Features that need neighbours: runs of short lines (menus) and repeated lines."""
    content = [ln for ln in lines if ln.text]
    run: list[_Line] = []
    for ln in content + [None]:
        short = ln is not None and ln.words <= SHORT_WORDS and "sentence_end" not in ln.features \
            and "caption" not in ln.features
        if short:
            run.append(ln)
            continue
        if len(run) >= SHORT_RUN_MIN:
            for r in run:
                r.features["short_run"] = 1.0
        run = []
    for prev, ln in zip(content, content[1:]):
        if ln.text == prev.text:
            ln.features["repeated_line"] = 1.0


def _classify(line: _Line) -> None:
    if not line.text:
        return
    w, f = signals().weights, line.features
    score = w["bias"] + min(line.words / 10 * w["words_per_10"], w["words_cap"])
    for name, value in f.items():
        score += w.get(name, 0.0) * value
    line.score = score
    if "caption" in f:
        line.kind = "furniture" if f.get("repeated_line") else "caption"
    elif "block_header" in f:
        line.kind = "header"
    elif "credit_line" in f or score <= FURNITURE_MAX_SCORE:
        line.kind = "furniture"
    elif score >= ARTICLE_MIN_SCORE:
        line.kind = "article"
    else:
        line.kind = "other"


# ---------------------------------------------------------------------------- segmentation

def _short_paragraphs_before(content: list[_Line], lead: _Line) -> _Line:
    """The first of the article sentences right above the lead that are too short to be the lead
    themselves ("X visited Qatar on March 3-5." then "X met Y in Doha on March 4."): the story
    begins there, not at its first long paragraph."""
    above = [ln for ln in content if ln.index < lead.index][::-1]
    for ln in above:
        if ln.kind != "article" or ln.headline_like or "sentence_end" not in ln.features:
            break
        lead = ln
    return lead


def _headline_before(content: list[_Line], lead: _Line) -> _Line | None:
    """The headline above the lead, across furniture, captions, date lines and a lead-in ("...:")."""
    before = [ln for ln in content if ln.index < lead.index][::-1][:HEADLINE_LOOKBACK]
    found = None
    for k, ln in enumerate(before):
        if ln.kind in ("furniture", "caption", "header") or (ln.kind == "other" and ln.text.endswith(":")) \
                or _dateline_match(ln, whole=True):
            continue
        if not ln.headline_like:
            break
        if found is None:
            found = ln
            if not (ln.words >= DECK_MIN_WORDS and k == 0):  # k == 0: directly above the lead
                break
            continue
        if ln.words < found.words:  # `found` was the standfirst; this is the headline
            found = ln
        break
    return found


def _signoff(line: _Line, first: _Line) -> bool:
    return (line is not first and line.kind == "other" and line.words <= SIGNOFF_MAX_WORDS
            and "sentence_end" not in line.features)


def _find_cut(content: list[_Line], first: _Line, lead: _Line) -> int:
    """Index of the first line after the body: a related/trending block or a teaser run."""
    words = 0
    after = [ln for ln in content if ln.index >= first.index]
    for k, ln in enumerate(after):
        if ln.kind == "article":
            words += ln.words
        if ln.index <= lead.index:
            continue
        if ln.kind == "header" and (words >= CUT_MIN_ARTICLE_WORDS or _norm(ln.text) in signals().end_headers):
            if k + 1 < len(after) and signals().patterns["live_entry_stamp"].match(after[k + 1].text.strip()):
                continue  # a live blog's "Share" under each entry, then the next entry's time stamp
            return ln.index  # a named end block ("Related news") ends even a short article
        if words < CUT_MIN_ARTICLE_WORDS:
            continue
        nxt = after[k + 1] if k + 1 < len(after) else None
        if nxt is not None and nxt.text == ln.text and ln.headline_like and "caption" not in ln.features:
            return ln.index  # a teaser headline printed twice: the related list has begun
    return content[-1].index + 1


def _set_aside(inside: list[_Line], body: Body) -> None:
    prev = None
    for ln in inside:
        if ln.kind in ("furniture", "header"):
            if ln.kind == "furniture" and "credit_line" in ln.features and prev is not None \
                    and prev.kind in ("other", "article") and prev is not inside[0] and prev.caption is None:
                body.captions.append((prev.start, prev.end))
            body.excluded.append((ln.start, ln.end))
        elif ln.kind == "caption":
            if ln.caption:
                body.captions.append(ln.caption)
            body.excluded.extend(ln.credits)
        prev = ln
    body.captions.sort()
    body.excluded.sort()


# ---------------------------------------------------------------------------- dates, dateline, outlet

@lru_cache(maxsize=4096)  # dateparser takes milliseconds a call; pages repeat the same few dates
def _parse_date(value: str) -> str | None:
    """One complete date string -> ISO day, via communique.dates when present, else dateparser."""
    try:
        from communique.dates import parse_date
    except ImportError:
        parse_date = None
    if parse_date is not None:
        try:
            iso = parse_date(value)
        except Exception:
            iso = None
        return iso if iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) else None
    import dateparser

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"})
    return parsed.date().isoformat() if parsed else None


def _page_stamp(text: str) -> tuple[str, int] | None:
    """A leading `date YYYY-MM-DD` (or `YYYY-MM`) stamp that archived pages carry before their
    text, often on the lead's own line: (its ISO value, where it ends), else None."""
    m = signals().patterns["page_stamp"].match(text)
    if not m:
        return None
    value = m.group("date")
    try:
        y, mo, *d = (int(x) for x in value.split("-"))
        _dt.date(y, mo, d[0] if d else 1)
    except ValueError:
        return None
    return value, m.end()


_SHORT_YEAR = re.compile(r"\b[0-3]?\d/[01]?\d/\d{2}\b(?!/)")


def _date_line(line: _Line) -> bool:
    """A short line that is mostly one complete date ("Published: 13/02/2026", "May 2, 2025 | 09:15 GMT+7",
    "By A. Writer | Published March 3, 2025 9:40 am | 5 min read", "13/01/24 | 12:15 pm")."""
    t = line.text
    if line.words > DATE_LINE_MAX_WORDS or not (_DIGIT_YEAR.search(t) or _SHORT_YEAR.search(t)) \
            or line.features.get("sentence_end") == 1.0 and not t.endswith(("a.m.", "p.m.")):
        return False
    p = signals().patterns
    m = p["date_form"].search(t)
    if not m:
        return False
    label_m = p["date_label"].match(t)
    label = label_m.group("label").lower() if label_m and label_m.group("label") else None
    if label is None:  # a label after a byline: "By A. Writer | Published: ..."
        inner = re.search(r"(?:^|[|·•,–—-])\s*(?P<label>published|posted|updated|last updated)\b", t[:m.start()], re.I)
        label = inner.group("label").lower() if inner else None
    rest = t[:m.start()] + " " + t[m.end():]
    if label_m:
        rest = rest[label_m.end():] if label_m.end() <= m.start() else rest
    rest = p["byline_part"].sub(" ", rest)  # authors and reading time stand around page dates
    rest = p["time"].sub(" ", rest)
    if len(_WORD.findall(rest)) > DATE_LINE_MAX_OTHER_WORDS:
        return False
    iso = _parse_date(m.group(0))
    if not iso:
        return False
    line.date = iso
    line.date_label = label
    return True


def _repost_date(line: _Line) -> bool:
    """A footer that dates the original post ("This article was originally published on 2 June 2023.")."""
    p = signals().patterns
    if line.words > DATE_LINE_MAX_WORDS * 2 or not p["repost"].match(line.text):
        return False
    m = p["date_form"].search(line.text)
    iso = _parse_date(m.group(0)) if m else None
    if not iso:
        return False
    line.date, line.date_label = iso, "original"
    return True


def _dateline_matches(ln: _Line, whole: bool = False):
    """The dateline patterns that open the line ("TOKYO, Aug 29 (Reuters) - ..."), in order; with
    `whole`, only a dateline standing on a line of its own, which its line break ends."""
    if whole and (ln.kind not in ("article", "other") or len(ln.text) > 80):
        return
    text = ln.text + "\n" if whole else ln.text
    for rx in signals().datelines:
        m = rx.match(text)
        if m and (not whole or m.end() >= len(ln.text)):
            yield m


def _dateline_match(ln: _Line, whole: bool = False):
    return next(_dateline_matches(ln, whole), None)


def _dateline(content: list[_Line], lead: _Line) -> dict | None:
    sig = signals()
    above = [ln for ln in content if ln.index < lead.index][-2:]
    after = [ln for ln in content if ln.index >= lead.index and ln.kind in ("article", "other")]
    for ln in [x for x in above if _dateline_match(x, whole=True)] + after[:DATELINE_SEARCH_LINES]:
        for m in _dateline_matches(ln, whole=ln.index < lead.index):
            g = m.groupdict()
            place = g.get("place")
            agency = g.get("agency") or g.get("agency_b") or g.get("agency_c")
            if g.get("outlet"):
                outlet = g["outlet"]
                words = outlet.lower().split()
                if words[0] == "the" or any(w in sig.outlet_words for w in words):
                    agency = outlet
                else:
                    place = outlet
            month = day = year = None
            if g.get("date"):
                month, day, year = _month_day_year(g["date"])
                if month is None:
                    continue
            elif agency and any(c.isdigit() for c in agency) and _month_day_year(agency.strip())[0] is not None:
                month, day, year = _month_day_year(agency.strip())  # "HANOI (May 7) -": a date, no agency
                agency = None
            return {"place": place.strip() if place else None, "month": month, "day": day, "year": year,
                    "agency": agency.strip() if agency else None,
                    "span": [ln.start, ln.start + min(m.end(), len(ln.text))]}
    return None


@lru_cache(maxsize=4096)
def _month_day_year(value: str):
    from communique.dates import month_day

    if re.fullmatch(r"[0-3]?\d/[01]?\d/\d{4}", value):  # "Hanoi, 14/3/2025 -": day first, as date lines are read
        iso = _parse_date(value)
        if iso is None:
            return None, None, None
        return int(iso[5:7]), int(iso[8:10]), int(iso[:4])
    got = month_day(value)  # "June 23", "Aug. 12, 2025": read without dateparser (slow to start)
    if got is not None:
        month, day, year = got
        return month, day, (year if year is not None and _DIGIT_YEAR.search(value) else None)
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None, None, None
    year = parsed.year if _DIGIT_YEAR.search(value) else None
    return parsed.month, parsed.day, year


def _published(lines: list[_Line], dateline: dict | None, first: _Line | None = None,
               after: list[_Line] = ()) -> str | None:
    """Named fallbacks: a "Published" date line, then the plain date line nearest the headline
    (a site's "today" in its header bar sits further up), then a dateline with a year, then a
    repost footer dating the original post, then "Updated"."""
    dated = [ln for ln in lines if ln.date and ln.date_label != "original"]
    labelled = [ln for ln in dated if ln.date_label in ("published", "posted", "date", "release date", "issued")]
    if labelled:
        return labelled[0].date
    plain = [ln for ln in dated if not ln.date_label or not ln.date_label.startswith(("updated", "last"))]
    if plain:
        if first is not None:
            return min(plain, key=lambda ln: (abs(ln.index - first.index), ln.index < first.index)).date
        return plain[0].date
    if dateline and dateline.get("year") and dateline.get("day"):
        return f"{dateline['year']:04d}-{dateline['month']:02d}-{dateline['day']:02d}"
    original = [ln for ln in list(lines) + list(after) if ln.date_label == "original"]
    if original:
        return original[0].date
    return dated[0].date if dated else None


def _source(dateline: dict | None, lines: list[_Line], last: _Line) -> str | None:
    """The outlet: a dateline's agency, then a "Source: X" line, then a lone agency line after the body."""
    if dateline and dateline.get("agency"):
        return _outlet_name(dateline["agency"])
    for ln in lines:
        if ln.source:
            return _outlet_name(ln.source)
    for ln in lines:
        if ln.index > last.index and ln.kind == "furniture" and re.fullmatch(r"[A-Z]{2,8}", ln.text):
            return _outlet_name(ln.text)
    return None


def _outlet_name(name: str) -> str:
    """A multi-word all-caps outlet is title-cased ("THE X TIMES" -> "The X Times"); one word stays as written."""
    name = re.sub(r"\s+", " ", name).strip(" .")
    if name.isupper() and " " in name:
        words = name.lower().split()
        return " ".join(w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words))
    return name
