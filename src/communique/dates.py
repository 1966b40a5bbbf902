"""Date mentions in news text: find them with offsets, give each an ISO 8601 value.

Values use reduced precision ("2025-09", "2024"), intervals ("A/B") and the TIMEX3
form "XXXX-02-13" when no year can be known. Month and weekday names come from
data/dates_lexicon.json; the year-inference signals from data/dates_year_signals.json
and data/dates_numbered_events.json.

Written by hand because dateparser reads one date string well but, run over whole
articles (search_dates), misreads ranges like "September 21-24"; here regexes split the
pieces and datetime checks them, and dateparser is only the fallback of `parse_date`.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from communique import when
from communique.text import alternation

__all__ = ["DateMention", "find_dates", "infer_year", "parse_date", "anaphoric_date", "pick_event_date", "compatible"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: offsets into the text, the text, its ISO value and its kind."""

    start: int
    end: int
    text: str
    value: str
    kind: str  # "day" | "range" | "month" | "year" | "relative"


# ---------------------------------------------------------------- data and regexes

def _load_json(name: str) -> dict:
    return json.loads(resources.files("communique.data").joinpath(name).read_text(encoding="utf-8"))


_alt = alternation  # communique.text: one helper for word alternations


class _Lexicon:
    """The compiled regexes and lookup tables, built once from the data files."""

    def __init__(self) -> None:
        lex = _load_json("dates_lexicon.json")
        self.lex = lex
        self.months = {k.lower(): v for k, v in lex["months"].items()}
        self.weekdays = {k.lower(): v for k, v in lex["weekdays"].items()}
        self.rollback = _dt.timedelta(days=int(lex["rollback_days"]))
        self.future_window = _dt.timedelta(days=int(lex["future_window_days"]))
        self.future = re.compile(rf"(?<![A-Za-z])(?:{_alt(lex['future_cues'])})(?![A-Za-z])", re.I)
        self.year_blockers = {w.lower() for w in lex["year_blockers"]}
        self.relative = {k.lower(): v for k, v in lex["relative"].items()}
        self.number_words = lex["number_words"]
        self.ago_units = lex["ago_units"]

        full = [k for k in lex["months"] if len(k) > 4 or k == "May" or k == "June" or k == "July"]
        abbr = [k for k in lex["months"] if k not in full]
        # Full names never swallow a following period (it may end the sentence); abbreviations may.
        mon = rf"(?:{_alt(full)}|(?:{_alt(abbr)})\.?)(?![A-Za-z])"
        mon_full = rf"(?:{_alt(full)})(?![A-Za-z])"
        wd = rf"(?:{_alt(lex['weekdays'])})\.?(?![A-Za-z])"
        day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
        year = r"(?:1[89]\d\d|20\d\d)(?!\d|,\d)"
        dash = r"\s*[-–—]\s*"
        words = [w for w in lex["range_joiners"] if w.isalpha()]
        join = rf"(?:{dash}|\s+(?:{_alt(words)})\s+)"
        pre = r"(?:(?P<pre>\b(?:[Ff]rom|[Bb]etween)\s+))?"

        def g(pattern: str, **names: str) -> str:
            for key, val in names.items():
                pattern = pattern.replace("{" + key + "}", val)
            return pattern

        parts = dict(MON=mon, DAY=day, YEAR=year, JOIN=join, WD=wd)
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("range_dm", re.compile(g(
                pre + r"(?<![\d])(?P<d1>{DAY})(?:\s+(?:of\s+)?(?P<m1>{MON}))?(?:,?\s+(?P<y1>{YEAR}))?"
                r"(?P<join>{JOIN})(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MON})(?:,?\s+(?P<y2>{YEAR}))?", **parts))),
            ("range_md", re.compile(g(
                pre + r"(?<![A-Za-z])(?P<m1>{MON})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?"
                r"(?P<join>{JOIN})(?:(?P<m2>{MON})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?", **parts))),
            ("day_dm", re.compile(g(
                r"(?:(?P<wd>{WD}),?\s+)?(?<![\d])(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MON})(?:,?\s+(?P<y1>{YEAR}))?",
                **parts))),
            ("day_md", re.compile(g(
                r"(?:(?P<wd>{WD}),?\s+)?(?<![A-Za-z])(?P<m1>{MON})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?",
                **parts))),
            ("iso", re.compile(r"(?<![\d-])(?P<y1>(?:1[89]|20)\d\d)-(?P<m1>[01]?\d)-(?P<d1>[0-3]?\d)(?![\d-])")),
            ("numeric", re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[01]?\d)(?P=sep)"
                                   r"(?P<y1>(?:1[89]|20)\d\d)(?![\d/])")),
            ("month_range", re.compile(g(
                r"(?<![A-Za-z])(?P<m1>{MON})(?P<join>{JOIN})(?P<m2>{MON})(?:,?\s+(?P<y1>{YEAR}))?", **parts))),
            ("month_year", re.compile(g(r"(?<![A-Za-z])(?P<m1>{MON})(?:\s+of)?,?\s+(?P<y1>{YEAR})", **parts))),
            ("month_cue", re.compile(
                rf"(?<![A-Za-z])(?P<cue>{_alt(lex['month_cues'])})\s*(?P<m1>{mon_full})(?!\s*\d)", re.I)),
            ("year_range", re.compile(
                rf"(?<![A-Za-z])(?P<cue>{_alt(lex['year_cues'])})\s*(?P<y1>{year})"
                rf"(?P<join>\s*[-–—]\s*|\s+(?:to|and|until|through)\s+)(?P<y2>{year})", re.I)),
            ("year_cue", re.compile(
                rf"(?<![A-Za-z])(?P<cue>{_alt(lex['year_cues'])})\s*(?P<y1>{year})", re.I)),
            ("relative", re.compile(rf"\b(?P<rel>{_alt(lex['relative'])})\b", re.I)),
            ("ago", re.compile(rf"\b(?P<n>\d{{1,2}}|{_alt(lex['number_words'])})\s+"
                               rf"(?P<unit>{_alt(lex['ago_units'])})\s+ago\b", re.I)),
            ("weekday", re.compile(
                rf"(?:\b(?P<mod>next|last|this|[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
                rf"\b(?P<wd>{_alt(lex['weekdays_alone'])})(?![A-Za-z])")),
            # "met in Canberra on the 14th": a day of the publication's month (or the month before)
            ("ordinal_day", re.compile(g(
                r"\b[Oo]n\s+the\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)(?![\w-])(?!\s+(?:of\s+)?(?:{MON}|[a-z]))",
                **parts))),
        ]
        # what may stand beside the one date of a date line: weekdays, times, zones, labels
        self.date_line_rest = re.compile(
            rf"(?<![A-Za-z])(?:{_alt(lex['weekdays'])}|{_alt(lex['date_line_words'])})\.?(?![A-Za-z])"
            r"|\b\d{1,2}[:h.]\d{2}(?::\d{2})?\b|[+-]\d{1,2}(?::?\d{2})?\b|[\s,.;:|/()\[\]\-–—]+", re.I)
        # cheap gates: a pattern runs on a sentence only when the sentence holds what it needs
        self.gates = {
            "digit": re.compile(r"\d"),
            "month": re.compile(rf"(?<![A-Za-z])(?:{_alt(lex['months'])})(?![a-z])"),
            "weekday": re.compile(rf"(?<![A-Za-z])(?:{_alt(lex['weekdays_alone'])})"),
            "relative": re.compile(rf"\b(?:{_alt({k.split()[-1] for k in lex['relative']})})\b", re.I),
            "ago": re.compile(r"\bago\b", re.I),
        }
        self.needs = {
            "range_dm": ("digit", "month"), "range_md": ("digit", "month"), "day_dm": ("digit", "month"),
            "day_md": ("digit", "month"), "iso": ("digit",), "numeric": ("digit",), "month_range": ("month",),
            "month_year": ("digit", "month"), "month_cue": ("month",), "year_cue": ("digit",),
            "year_range": ("digit",),
            "relative": ("relative",), "ago": ("ago",), "weekday": ("weekday",), "ordinal_day": ("digit",),
        }
        self.year_span = re.compile(r"(?P<y1>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d)(?!\d)")

    # month_cue must see "in September" but not catch "May" with lowercase; enforce capital.
    def month_number(self, word: str) -> int | None:
        return self.months.get(word.rstrip(".").lower())


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon()


# ---------------------------------------------------------------- value helpers

def _int_day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        _dt.date(year or 2000, month, day)  # 2000 is a leap year: "XXXX-02-29" is allowed
        return True
    except ValueError:
        return False


def _fmt_day(year: int | None, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def _fmt_month(year: int | None, month: int) -> str:
    return f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"


def _anchor_year(month: int, day: int, year: int | None, published: _dt.date | None,
                 future: bool = False) -> int | None:
    """The year of a year-less month-day: `year` if given, else the publication year
    (the previous one when the date would lie more than a few days after publication,
    unless the sentence speaks of the future and the date is within half a year). A `year` that
    is the publication's own says nothing more: "December 30" in a January article is last year's."""
    if year and not (published is not None and year == published.year):
        return year
    if published is None:
        return year
    lex = _lexicon()
    y = published.year
    try:
        when = _dt.date(y, month, day)
    except ValueError:  # 29 February in a common year
        return y
    limit = lex.future_window if future else lex.rollback
    if when > published + limit:
        y -= 1
    return y


def _add_months(d: _dt.date, n: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) + n
    return idx // 12, idx % 12 + 1


# ---------------------------------------------------------------- per-pattern readers

def _read_range(m: re.Match, year, published, future=False):
    lex = _lexicon()
    if m.group("join").strip().lower() == "and" and not (m.group("pre") or "").lower().startswith("between"):
        return None  # "on May 3 and May 5" lists two days; only "between ... and ..." is a range
    m1 = lex.month_number(m.group("m1")) if m.group("m1") else None
    m2 = lex.month_number(m.group("m2")) if m.group("m2") else None
    m1, m2 = m1 or m2, m2 or m1
    d1, d2 = _int_day(m.group("d1")), _int_day(m.group("d2"))
    y1 = int(m.group("y1")) if m.group("y1") else None
    y2 = int(m.group("y2")) if m.group("y2") else None
    wraps = (m1, d1) > (m2, d2)
    if y2 and not y1:
        y1 = y2 - 1 if wraps else y2
    elif y1 and not y2:
        y2 = y1 + 1 if wraps else y1
    elif not y1 and not y2:
        y1 = _anchor_year(m1, d1, year, published, future)
        y2 = (y1 + 1 if wraps else y1) if y1 else None
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    if y1 and y2 and _dt.date(y1, m1, d1) >= _dt.date(y2, m2, d2):
        return None
    if not y1 and wraps:
        return None
    start = m.end("pre") if m.group("pre") else m.start()
    return start, m.end(), f"{_fmt_day(y1, m1, d1)}/{_fmt_day(y2, m2, d2)}", "range"


def _read_day(m: re.Match, year, published, future=False):
    lex = _lexicon()
    mo, d = lex.month_number(m.group("m1")), _int_day(m.group("d1"))
    y = int(m.group("y1")) if m.group("y1") else _anchor_year(mo, d, year, published, future)
    if not _valid(y, mo, d):
        return None
    return m.start(), m.end(), _fmt_day(y, mo, d), "day"


def _read_iso(m: re.Match, year, published, future=False):
    y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    return (m.start(), m.end(), _fmt_day(y, mo, d), "day") if _valid(y, mo, d) else None


def _read_numeric(m: re.Match, year, published, future=False):
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y1"))
    # day-first unless impossible (then month-first)
    for d, mo in ((a, b), (b, a)):
        if 1 <= mo <= 12 and _valid(y, mo, d):
            return m.start(), m.end(), _fmt_day(y, mo, d), "day"
    return None


def _read_month_year(m: re.Match, year, published, future=False):
    mo = _lexicon().month_number(m.group("m1"))
    return m.start(), m.end(), _fmt_month(int(m.group("y1")), mo), "month"


def _read_month_range(m: re.Match, year, published, future=False):
    lex = _lexicon()
    if m.group("join").strip().lower() not in ("-", "–", "—", "to", "through", "until", "till"):
        return None
    m1, m2 = lex.month_number(m.group("m1")), lex.month_number(m.group("m2"))
    if m1 == m2:
        return None
    if m.group("y1"):
        y2 = int(m.group("y1"))
        y1 = y2 - 1 if m1 > m2 else y2
    else:
        y1 = _anchor_year(m1, 1, year, published, future)
        y2 = (y1 + 1 if m1 > m2 else y1) if y1 else None
    return m.start(), m.end(), f"{_fmt_month(y1, m1)}/{_fmt_month(y2, m2)}", "range"


_YEAR_AFTER = re.compile(r"\s+(last|next|this)\s+year\b", re.I)


def _read_month_cue(m: re.Match, year, published, future=False):
    word = m.group("m1")
    if not word[0].isupper():
        return None
    mo = _lexicon().month_number(word)
    cue = m.group("cue").lower()
    # as in _anchor_year: the publication's own year says nothing more ("met in December" in a
    # February article is last December)
    y = year if not (year and published is not None and year == published.year) else None
    after = _YEAR_AFTER.match(m.string, m.end("m1"))
    if after and published is not None:  # "in February last year", "in May next year"
        shift = {"last": -1, "next": 1, "this": 0}[after.group(1).lower()]
        return m.start("m1"), after.end(), _fmt_month(published.year + shift, mo), "month"
    if y is None and published is not None:
        if cue == "next":
            y = published.year if mo > published.month else published.year + 1
        elif cue == "last":
            y = published.year if mo < published.month else published.year - 1
        elif cue == "this":
            y = published.year
        elif future:  # "will meet again in December": the next December to come
            y = published.year if mo >= published.month else published.year + 1
        else:
            y = _anchor_year(mo, 1, None, published, future)
    return m.start("m1"), m.end("m1"), _fmt_month(y, mo), "month"


def _read_year_cue(m: re.Match, year, published, future=False):
    lex = _lexicon()
    y = int(m.group("y1"))
    lo, hi = int(lex.lex["year_min"]), int(lex.lex["year_max"])
    if not lo <= y <= hi:
        return None
    text = m.string
    before = text[max(0, m.start("y1") - 2):m.start("y1")]
    if any(c in before for c in "$€£¥#№"):
        return None
    after = re.match(r"\s*([-–—]?\s*\d|[A-Za-z%]+)?", text[m.end("y1"):])
    nxt = (after.group(1) or "").strip().lower() if after else ""
    if nxt and (nxt[0].isdigit() or nxt.lstrip("-–— ")[:1].isdigit() or nxt in lex.year_blockers
                or nxt == "%"):
        return None
    return m.start("y1"), m.end("y1"), f"{y:04d}", "year"


def _read_year_range(m: re.Match, year, published, future=False):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    joiner = m.group("join").strip().lower()
    if joiner == "and" and m.group("cue").lower() != "between":
        return None
    if not y1 < y2 <= y1 + 50:
        return None
    return m.start("y1"), m.end("y2"), f"{y1:04d}/{y2:04d}", "range"


def _relative_value(unit: str, offset: int, published: _dt.date) -> str:
    if unit == "day":
        return (published + _dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        monday = published - _dt.timedelta(days=published.weekday()) + _dt.timedelta(weeks=offset)
        return f"{monday.isoformat()}/{(monday + _dt.timedelta(days=6)).isoformat()}"
    if unit == "month":
        y, mo = _add_months(published, offset)
        return _fmt_month(y, mo)
    if unit == "weekend":  # the Saturday-Sunday on or before publication; "last weekend" on a weekend: the one before
        saturday = published - _dt.timedelta(days=(published.weekday() - 5) % 7)
        if offset < 0 and published.weekday() >= 5:
            saturday -= _dt.timedelta(weeks=1)
        return f"{saturday.isoformat()}/{(saturday + _dt.timedelta(days=1)).isoformat()}"
    return f"{published.year + offset:04d}"


def _read_relative(m: re.Match, year, published, future=False):
    if published is None:
        return None  # nothing to count from: a relative date without an anchor says nothing
    if re.match(r"\s+(?:of|the)\b", m.string[m.end():m.end() + 5]) and m.group("rel").lower() in (
            "on the eve", "the day before", "a day earlier", "the same day"):
        return None  # "on the eve of the summit", "the day before the vote": counted from that, not the page
    spec = _lexicon().relative[m.group("rel").lower()]
    return m.start(), m.end(), _relative_value(spec["unit"], int(spec["offset"]), published), "relative"


def _read_ago(m: re.Match, year, published, future=False):
    if published is None:
        return None
    lex = _lexicon()
    n = m.group("n").lower()
    n = int(n) if n.isdigit() else int(lex.number_words[n])
    unit = lex.ago_units[m.group("unit").lower()]
    if unit == "day":
        value = (published - _dt.timedelta(days=n)).isoformat()
    elif unit == "week":
        value = _relative_value("week", -n, published)
    elif unit == "month":
        value = _relative_value("month", -n, published)
    else:
        value = f"{published.year - n:04d}"
    return m.start(), m.end(), value, "relative"


def _read_weekday(m: re.Match, year, published, future=False):
    if published is None:
        return None
    wd = _lexicon().weekdays[m.group("wd").lower()]
    mod = (m.group("mod") or "").lower()
    if mod == "next":
        delta = (wd - published.weekday()) % 7 or 7
        day = published + _dt.timedelta(days=delta)
    else:  # on or before publication ("on Tuesday", "last Tuesday")
        delta = (published.weekday() - wd) % 7
        if mod == "last" and delta == 0:
            delta = 7
        day = published - _dt.timedelta(days=delta)
    return m.start("wd"), m.end(), day.isoformat(), "relative"


def _read_ordinal_day(m: re.Match, year, published, future=False):
    """ "on the 14th": that day of the publication's month, of the month before when it lies ahead
    (a past event) or of the month after when the sentence speaks of the future."""
    if published is None:
        return None
    day = int(m.group("d1"))
    y, mo = published.year, published.month
    if day > published.day + (0 if not future else 31):
        y, mo = _add_months(published, -1)
    elif future and day < published.day:
        y, mo = _add_months(published, 1)
    if not _valid(y, mo, day):
        return None
    return m.start(), m.end(), _fmt_day(y, mo, day), "day"


_READERS = {
    "range_dm": _read_range, "range_md": _read_range, "day_dm": _read_day, "day_md": _read_day,
    "iso": _read_iso, "month_range": _read_month_range, "numeric": _read_numeric, "month_year": _read_month_year,
    "month_cue": _read_month_cue, "year_range": _read_year_range, "year_cue": _read_year_cue, "relative": _read_relative,
    "ago": _read_ago, "weekday": _read_weekday, "ordinal_day": _read_ordinal_day,
}


def _as_date(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.datetime):
        return value.date()
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- public API

# Dates never run across sentences; splitting lets most sentences (no digit, no month) be skipped.
_SEGMENT = re.compile(r"[^\n]+?(?:[.!?](?=\s+[\"“'‘(]?[A-Z])|$)", re.M)


def _segments(text: str):
    for m in _SEGMENT.finditer(text):
        yield m.start(), m.end()


def find_dates(text: str, *, published=None, year: int | None = None) -> list[DateMention]:
    """All date expressions of `text`, left to right, without overlaps (the longest wins).

    Year-less dates take the year of the expression, else `year`, else `published`
    (previous year when the date lies after publication), else "XXXX". Relative dates
    ("yesterday", "last week", "on Tuesday") need `published` and are skipped without it.
    """
    if not text:
        return []
    published = _as_date(published)
    lex = _lexicon()
    found = []
    for seg_start, seg_end in _segments(text):
        present = {g for g, rx in lex.gates.items() if rx.search(text, seg_start, seg_end)}
        if not present:
            continue
        future = published is not None and bool(lex.future.search(text, seg_start, seg_end))
        for prio, (name, rx) in enumerate(lex.patterns):
            if not all(n in present for n in lex.needs[name]):
                continue
            reader = _READERS[name]
            pos = seg_start
            while True:
                m = rx.search(text, pos, seg_end)
                if m is None:
                    break
                got = reader(m, year, published, future)
                if got:
                    start, end, value, kind = got
                    found.append((start, -(end - start), prio, end, value, kind))
                    pos = m.end()
                else:  # rejected: look again one character on, a shorter reading may fit
                    pos = m.start() + 1
    found.sort()
    out: list[DateMention] = []
    last_end = -1
    for start, _neg, _prio, end, value, kind in found:
        if start < last_end:
            continue
        out.append(DateMention(start, end, text[start:end], value, kind))
        last_end = end
    return out


def _day_offsets(key: str) -> tuple[dict, dict[str, int]]:
    """A table of dates_lexicon.json mapping phrases to day offsets, and the offsets by lower-case phrase."""
    spec = _load_json("dates_lexicon.json")[key]
    return spec, {k.lower(): int(v) for k, v in spec.items()}


@lru_cache(maxsize=1)
def _anaphoric():
    spec, offsets = _day_offsets("anaphoric")
    # "the day before yesterday" counts from the page; "the day before the vote" from the vote
    rx = re.compile(rf"(?<![A-Za-z])(?P<a>{_alt(spec)})(?![A-Za-z])(?!\s+(?:yesterday|of)\b)"
                    rf"(?<!before(?=\s+the\b))", re.I)
    return rx, offsets


def anaphoric_date(text: str, anchor) -> str | None:
    """A day counted from the event told just before ("The next day, the ministers ...", "On the
    same day, X met Y"): `anchor` (that event's day, ISO or date) plus the phrase's offset, or
    None. These phrases are never counted from the publication date: they point back in the text."""
    anchor = _as_date(anchor) if anchor and len(str(anchor)) >= 10 and str(anchor)[:4].isdigit() else None
    if anchor is None or not text:
        return None
    rx, offsets = _anaphoric()
    m = rx.search(text)
    if not m:
        return None
    return (anchor + _dt.timedelta(days=offsets[m.group("a").lower()])).isoformat()


@lru_cache(maxsize=1)
def _visit_days():
    spec, offsets = _day_offsets("visit_days")
    rx = re.compile(rf"(?<![A-Za-z])the\s+(?P<n>{_alt(spec)})\s+day\s+of\s+(?:the|his|her|their|its)\s+"
                    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay)\b", re.I)
    return rx, offsets


def visit_day(text: str, span: str | None) -> str | None:
    """ "On the second day of the visit": that day of the trip whose days `span` gives
    ("2025-03-03/2025-03-05" -> 2025-03-04), or None."""
    if not span or "/" not in span or not text:
        return None
    rx, offsets = _visit_days()
    m = rx.search(text)
    got = when.interval(span) if m else None
    if got is None:
        return None
    n = offsets[m.group("n").lower()]
    day = got[1] if n < 0 else got[0] + _dt.timedelta(days=n)
    return day.isoformat() if got[0] <= day <= got[1] else None


# between an event's trigger and a later date: a planned follow-up ("agreeing to meet again in
# the autumn") or a clause about another occasion ("..., which was signed on 3 May 2019")
_OTHER_CLAUSE = re.compile(r",\s*(?:which|who|when|that|after|before|following|ahead\s+of)\b|\b(?:since|after|following|before|until|ahead of)\s+(?:the\s+)?$"
                           r"|\bagree(?:d|ing)?\s+to\b|\bto\s+meet\s+again\b|\bagain\b"
                           # "to discuss the declaration initialled in Washington in August": a document's own date
                           r"|\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+){1,4}?(?:signed|initialled|initialed|adopted|ratified"
                           r"|launched|established|founded|approved|unveiled|brokered)\s+(?:[^,.;]{0,40}?\s)?(?:in|on|last)\s+$",
                           re.I)


# a "since" phrase between a trigger and a later date dates the reference point, not the event
_SINCE = re.compile(r"\bsince\b", re.I)

# ", who ...", and an apposition's relative clause: ", a retired general who became minister in October,"
_ASIDE_OPEN = re.compile(r",\s*(?:(?:a|an|the)\s+[^,]{0,60}?\s)?(?:who|which|whose)\b", re.I)


def _in_aside_before(text: str, start: int, end: int, anchor: int) -> bool:
    """A date inside a relative clause set off by commas that closes before the trigger."""
    opened = None
    for x in _ASIDE_OPEN.finditer(text, 0, start):
        opened = x.end()
    return opened is not None and "," not in text[opened:start] and "," in text[end:anchor]


# "NAIROBI, March 3 (Reuters) -", "Hanoi, 14/3/2025 -", "LIMA, Peru, May 2, 2025 /AP/ -": the date a
# wire dateline gives is when the story was filed, never by itself when what it tells happened
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][\w.'’\- ]{1,40}?,\s*(?:[A-Z][\w.'’\- ]{1,30}?,\s*)?$")
_DATELINE_AFTER = re.compile(r"^(?:,?\s*\d{4})?\s*(?:\([^()\n]{2,40}\)\s*)?(?:--?|–|—|:|\.?\s*/[A-Za-z-]{2,20}/)")


_YEARS = re.compile(r"\d{4}/\d{4}")


def in_dateline(text: str, m: "DateMention") -> bool:
    """Whether date `m` is the date of a dateline opening `text` ("NAIROBI, March 3 (Reuters) -")."""
    return m.start < 60 and bool(_DATELINE_BEFORE.match(text[:m.start])) and bool(_DATELINE_AFTER.match(text[m.end:]))


def pick_event_date(text: str, anchor: int, *, published=None, year=None, found=None) -> str | None:
    """The date of the event whose trigger sits at `anchor` in `text`: the nearest date, days and
    months before bare years, but never one after a future cue or inside a clause about another
    occasion that opens between the trigger and the date, nor a dateline's. `found`:
    find_dates(text, published=..., year=...) when the caller has it already."""
    if found is None:
        found = find_dates(text, published=published, year=year)
    lex = _lexicon()
    ok = []
    for m in found:
        if in_dateline(text, m):
            continue  # when the wire filed it; "on Sunday" later in the lead is when it happened
        if m.start > anchor:
            between = text[anchor:m.start]
            if lex.future.search(between) or _OTHER_CLAUSE.search(between) or _SINCE.search(between):
                continue  # "met on ..., their first since the inauguration in January": January is not theirs
        elif _OTHER_CLAUSE.search(text[max(0, m.start - 25):m.start]):
            continue  # "since 3 May ... they met": the date of the earlier occasion
        elif _in_aside_before(text, m.start, m.end, anchor):
            continue  # "X, who arrived on Thursday, later met Y": the arrival's date
        ok.append(m)
    # a span of years ("a programme for 2025-2030") says less of the day than "on Tuesday" does
    days = [m for m in ok if m.kind != "year" and not _YEARS.fullmatch(m.value)]
    pool = days or ok
    if not pool:
        return None
    return min(pool, key=lambda m: abs(m.start - anchor)).value


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two ISO values can name the same time (communique.when.compatible)."""
    return when.compatible(a, b)


_PLAIN_MD = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?")
_PLAIN_DM = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?")


def month_day(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a plain "June 23", "Aug. 12, 2025" or "23 June 2025" whose
    month is in the lexicon and whose day exists (in a common year when none is given); None
    for anything else, which the caller hands to dateparser."""
    m = _PLAIN_MD.fullmatch(text.strip())
    if m:
        word, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _PLAIN_DM.fullmatch(text.strip())
        if not m:
            return None
        day, word, year = m.group(1), m.group(2), m.group(3)
    month = _lexicon().month_number(word)
    if month is None:
        return None
    y = int(year) if year else None
    try:
        _dt.date(y or 2001, month, int(day))  # 2001: no Feb 29 without a year, as dateparser's current year may lack it
    except ValueError:
        return None
    return month, int(day), y


def parse_date(text: str) -> str | None:
    """One standalone date string ("13/02/2026", "Feb. 13, 2026", "2026-02-13T08:00") -> ISO, or None."""
    if not text or not text.strip():
        return None
    s = text.strip()
    iso = re.match(r"^((?:1[89]|20)\d\d)-(\d\d)-(\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", s)
    if iso:
        y, mo, d = map(int, iso.groups())
        return _fmt_day(y, mo, d) if _valid(y, mo, d) else None
    ymd = re.fullmatch(r"((?:1[89]|20)\d\d)/(\d{1,2})/(\d{1,2})", s)  # "2025/10/21": year first, as dateparser reads it
    if ymd and _valid(*map(int, ymd.groups())):  # (dateparser swaps an impossible month and day: "2025/13/01")
        return _fmt_day(*map(int, ymd.groups()))
    mentions = [m for m in find_dates(s) if m.kind != "relative" and not m.value.startswith("X")]
    if len(mentions) == 1:
        best = mentions[0]
        rest = _lexicon().date_line_rest.sub(" ", s[:best.start] + " " + s[best.end:])
        if not rest.strip():
            return best.value
    if re.search(r"\b[A-Z]{3,9}\b", s):  # "23 JUN 2025": the month in capitals, read as "23 Jun 2025"
        titled = re.sub(r"\b[A-Z]{3,9}\b", lambda m: m.group(0).title() if _lexicon().month_number(m.group(0))
                        else m.group(0), s)
        mentions = [m for m in find_dates(titled) if m.kind == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value)]
        if titled != s and len(mentions) == 1 and not _lexicon().date_line_rest.sub(
                " ", titled[:mentions[0].start] + " " + titled[mentions[0].end:]).strip():
            return mentions[0].value
    import dateparser  # imported lazily: slow to load and only a fallback here

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    got = dateparser.parse(s, languages=["en"], settings=settings)
    if got is None and re.search(r"[^\W\d_]{3,}", s):  # "14 de mayo de 2026", "14 mai 2026": a page's own language
        got = dateparser.parse(s, languages=list(PAGE_LANGUAGES), settings=settings)
    return got.date().isoformat() if got else None


# languages a page's date line may be written in when its article is in English
PAGE_LANGUAGES = ("es", "fr", "pt", "de", "it")


# ---------------------------------------------------------------- infer_year

@lru_cache(maxsize=1)
def _year_signals():
    signals = _load_json("dates_year_signals.json")
    series = []
    ordinal = r"(?P<n>\d{1,3})(?:st|nd|rd|th)"
    for s in _load_json("dates_numbered_events.json")["series"]:
        rxs = [re.compile(p.replace("{ord}", ordinal).replace("{num}", r"(?P<n>\d{1,3})"), re.I)
               for p in s["patterns"]]
        series.append((s, rxs))
    cue = lambda words: re.compile(rf"(?<![A-Za-z])(?:{_alt(words)})(?![A-Za-z])", re.I)
    return {
        "weights": signals["weights"],
        "present": cue(signals["present_cues"]),
        "ahead": cue(signals["ahead_cues"]),
        "future": cue(signals["future_cues"]),
        "late_month": int(signals["late_month"]),
        "late_month_plan": int(signals["late_month_plan"]),
        "plan_year": [re.compile(p, re.I) for p in signals["plan_year_patterns"]],
        "series": series,
        "anniv": re.compile(r"(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:\w+\s+){0,2}anniversary", re.I),
    }


def _series_year(spec: dict, n: int) -> int | None:
    if n < int(spec.get("min_ordinal", 1)):
        return None
    anchors = [a for a in spec["anchors"] if a["ordinal"] <= n]
    if not anchors:
        return None
    a = max(anchors, key=lambda a: a["ordinal"])
    return int(a["year"] + (n - a["ordinal"]) // spec["per_year"])


_NUMBER_HINT = re.compile(r"(?<!\d)\d{1,3}(?!\d)")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“'‘(]?[A-Z0-9])|\n+")


def infer_year(text: str, published=None) -> int | None:
    """The year of the article's year-less dates, settled from the text itself, or None.

    Signals: anniversaries with year spans, numbered gatherings (UNGA sessions, summits),
    "next/last month" beside a dated expression, "this year" with a year; explicit past
    years ("in September 2023") set a floor. With `published` its year is the answer.
    """
    published = _as_date(published)
    if published is not None:
        return published.year
    if not text:
        return None
    sig = _year_signals()
    w = sig["weights"]
    votes: dict[int, float] = defaultdict(float)
    floor = None
    mentions = find_dates(text)
    late = [int(m.value[5:7]) for m in mentions
            if m.value.startswith("XXXX") and m.kind in ("day", "range", "month")]
    late_months = late
    floor_month = None  # the month of the floor, when the floor is a month or a day
    dates_late = not late or max(late) >= sig["late_month"]

    pos = 0
    for sent in _SENT_SPLIT.split(text):
        s_start = text.find(sent, pos)
        pos = s_start + len(sent)
        s_end = pos
        in_sent = [m for m in mentions if s_start <= m.start < s_end]
        future = bool(sig["future"].search(sent))
        # explicit years: a floor (the article is not older than the past it reports)
        for m in in_sent:
            if m.value[:4].isdigit() and m.kind in ("day", "range", "month"):
                y = int(m.value[:4])
                if not future and (floor is None or y >= floor):
                    end = m.value.split("/")[-1]
                    month = int(end[5:7]) if len(end) >= 7 and end[:4] == str(y) else None
                    if floor is None or y > floor:
                        floor_month = month
                    elif month is not None:
                        floor_month = max(floor_month or 0, month)
                    floor = y
                if m.kind == "day":
                    votes[y] += w["explicit_full_date"]
        # "next month" / "last month" / "this month" beside a month with its year
        for rel, shift in (("next month", -1), ("last month", 1), ("this month", 0)):
            if rel in sent.lower():
                for m in in_sent:
                    if m.value[:4].isdigit() and len(m.value) >= 7 and m.kind in ("day", "month", "range"):
                        y, mo = int(m.value[:4]), int(m.value[5:7])
                        votes[y + (mo + shift - 1) // 12] += w["relative_next_to_date"]
        # "this year" with a year
        if re.search(r"\bthis year\b", sent, re.I):
            years = {int(m.value) for m in in_sent if m.kind == "year"}
            if len(years) == 1 and not sig["anniv"].search(sent):
                votes[years.pop()] += w["this_year_with_year"]
        # anniversaries: "30th anniversary ... (1995-2025)"
        for a in sig["anniv"].finditer(sent):
            n = int(a.group("n"))
            end_year = None
            for sp in _lexicon().year_span.finditer(sent):
                y1, y2 = int(sp.group("y1")), int(sp.group("y2"))
                if y2 - y1 == n:
                    end_year = y2
            if end_year is None:
                years = [int(x) for x in re.findall(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", sent)]
                if len(years) == 1:
                    # "founded in 1995 ... 30th anniversary" vs "the 30th anniversary ... in 2025":
                    # articles are not written in the future, so a sum past next year reads the second way
                    end_year = years[0] + n if years[0] + n <= _dt.date.today().year + 1 else years[0]
            if end_year is None:
                continue
            if sig["ahead"].search(sent):
                votes[end_year - 1 if dates_late else end_year] += w["anniversary_ahead"]
            elif sig["present"].search(sent):
                votes[end_year] += w["anniversary_present"]
            else:
                votes[end_year] += w["anniversary_plain"]
    # a year planned for: "the new tasks and orientations for 2024", "the 2023 cooperation plan"
    # (articles are not written in the future: a plan year past next year is a long-term goal)
    for rx in sig["plan_year"]:
        for m in rx.finditer(text):
            y = int(m.group("y"))
            if y <= _dt.date.today().year + 1:
                votes[y - 1 if late and min(late) >= sig["late_month_plan"] else y] += w["plan_year"]
    # numbered gatherings ("the 80th United Nations General Assembly"), over the whole text at once
    # each series pattern holds a number: search only the stretch after each number
    seen_hits = set()
    for hit in _NUMBER_HINT.finditer(text):
        lo, hi = max(0, hit.start() - 12), min(len(text), hit.end() + 160)
        for spec, rxs in sig["series"]:
            for rx in rxs:
                for m in rx.finditer(text, lo, hi):
                    if m.start("n") != hit.start() or (m.start(), spec["name"]) in seen_hits:
                        continue
                    seen_hits.add((m.start(), spec["name"]))
                    y = _series_year(spec, int(m.group("n")))
                    if y:
                        votes[y] += spec["weight"]
    # a year-less date in a month the article writes with its year: "on March 7" beside "March 7-8, 2024"
    dated_months = defaultdict(set)
    for m in mentions:
        if m.value[:4].isdigit() and len(m.value) >= 10 and m.kind in ("day", "range"):
            for part in m.value.split("/"):
                if len(part) >= 10:
                    dated_months[int(part[5:7])].add(int(part[:4]))
    for mo in set(late_months):
        if len(dated_months.get(mo, ())) == 1:
            votes[next(iter(dated_months[mo]))] += w["same_month_dated"]
    candidates = {y: v for y, v in votes.items() if floor is None or y >= floor}
    best = max(candidates.values()) if candidates else 0
    if best >= 2:
        return max(y for y, v in candidates.items() if v == best)
    if floor is not None and late_months:
        # nothing votes, but the article recalls a dated past ("the talks in June 2023"): it is
        # set after it, so its year-less dates lie in the floor's year or, when they fall in
        # or before the floor's month, in the next one
        return floor + 1 if floor_month and max(late_months) <= floor_month else floor
    return None  # one weak hint (a single full date) does not settle it
