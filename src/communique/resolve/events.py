"""Event merging: reports of one real-world event (several outlets, or one outlet twice) -> MergedEvent.

Two raw events are the same event only when ALL of these hold (precision first):
  * same PLOVER type and the same mode (a meeting and a call stay apart); if both name a
    standing mechanism, the same mechanism and round;
  * same status: a planned event ("will meet next month") never merges with one that happened;
  * actors: they share at least one person identity, and apart from what they share at most
    one of the two names anybody else ("X met Y" + "X met Y and Z" merge; "X met Y" and
    "X met Z" do not). Reports that name no person must name the same countries/orgs;
  * dates compatible: the intervals overlap (reduced precision allowed: "2025-09" covers the
    month); a year-less "XXXX-MM-DD" only matches a report of the same month and day;
    a report with no event date matches only through its publication date: the event is
    taken to lie in the PUBLISHED_WINDOW_DAYS before publication (see _anchor);
  * places compatible: the same city, or one of them unknown; never two different countries.
An event with a single actor ("Japan agreed to ...") is never merged: it names no pair, and two
such reports of one country in the same days are most often about different things.
A background event (recalled in passing: "the two last spoke in December 2022") is never merged:
its date and place are told loosely, and a recall of an earlier occasion would otherwise join an
article about a later one to the earlier one's reports (the same pair, another occasion).
Merging is complete-linkage: a report joins a cluster only if it fits every member, and
reports are taken most precise date first, so a vague "2025" report cannot chain two
meetings held on different days. Candidate clusters come from blocks keyed by
(type, mode, a shared actor, month), so the work grows with block sizes, not corpus size.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from itertools import combinations
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from communique import when
from communique.resolve.mechanisms import mechanism_key
from communique.resolve.names import fold

#: A report without an event date is assumed to describe something that happened at most
#: this many days before its publication (news of a meeting appears the same day or within
#: two or three; chosen from the dev articles' dateline-to-event gaps, all 0-2 days).
PUBLISHED_WINDOW_DAYS = 3
#: a date interval wider than this many months gives no month blocks (it cannot be matched).
MAX_BLOCK_MONTHS = 24
#: Multi-day modes: outlets date a visit by its arrival, its main talks or its whole span, so two
#: reports of the same person visiting the same country count as one visit when their dates
#: are at most this many days apart (a state visit rarely lasts longer than a week).
MODE_SLACK_DAYS = {"visit": 6, "conference": 3}
#: Modes that name the same kind of interaction: a session of a named standing mechanism
#: ("dialogue") is also a meeting, and outlets call it either.
MODE_FAMILY = {"dialogue": "meeting"}
#: an event naming more people than this is a gathering, not a report to merge: its subsets
#: would be too many to block on (2 ** n).
MAX_MERGE_PERSONS = 10


def _family(mode: str | None) -> str | None:
    return MODE_FAMILY.get(mode, mode)


def _status(rec: dict) -> str:
    """"planned" or "happened" (the contract's Event.status; records without one happened)."""
    return "planned" if rec.get("status") == "planned" else "happened"


@lru_cache(maxsize=1)
def _weekday_words() -> dict[str, int]:
    """Full weekday names (data/dates_lexicon.json) -> Monday=0 ... Sunday=6."""
    data = json.loads(resources.files("communique.data").joinpath("dates_lexicon.json").read_text(encoding="utf-8"))
    return {k.lower(): v for k, v in data["weekdays"].items() if len(k) > 4}


def _weekdays_said(texts) -> frozenset[int]:
    """The weekdays an undated report's evidence names ("on Saturday")."""
    words = _weekday_words()
    found = {words[w] for t in texts or () for w in re.findall(r"[a-z]+", t.lower()) if w in words}
    return frozenset(found)


@dataclass
class MergedEvent:
    """One real-world event and the raw events (article_id, event_index) that report it."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    location: dict | None
    actors: list[dict]
    members: list[tuple[int, int]]
    merge_reason: str
    mechanism: dict | None = None


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class _When:
    start: dt.date | None = None     # known-year interval
    end: dt.date | None = None
    md: tuple[tuple[int, int], tuple[int, int]] | None = None  # year-less month-day interval
    width: int = 10 ** 6             # days covered; smaller is more precise
    from_published: bool = False


def _bounds(part: str):
    md = when.month_day(part)
    if md is not None:
        return ("md", md, md)
    got = when.bounds(part)
    return ("ymd", got[0], got[1]) if got else None


def parse_when(value: str | None) -> _When | None:
    """ISO date with reduced precision or an interval -> _When; None when absent or unreadable."""
    if not value or not isinstance(value, str):
        return None
    parts = value.split("/")
    if len(parts) > 2:
        return None
    a = _bounds(parts[0])
    b = _bounds(parts[-1])
    if not a or not b or a[0] != b[0]:
        return None
    if a[0] == "md":
        return _When(md=(a[1], b[2]), width=1 if a[1] == b[2] else 2)
    start, end = a[1], b[2]
    if end < start:
        return None
    return _When(start=start, end=end, width=(end - start).days + 1)


def _anchor(published: str | None) -> _When | None:
    """The window a dateless report can describe: the PUBLISHED_WINDOW_DAYS up to publication;
    a page dated only by its month ("2024-11") gives that month and the days just before it."""
    p = _published_day(published)
    if p is None:
        month = parse_when(published[:7]) if published and len(published) >= 7 else None
        if month is None or month.start is None or month.width > 31:
            return None
        first = month.start - dt.timedelta(days=PUBLISHED_WINDOW_DAYS)
        return _When(start=first, end=month.end, width=(month.end - first).days + 1, from_published=True)
    return _When(start=p - dt.timedelta(days=PUBLISHED_WINDOW_DAYS), end=p,
                 width=PUBLISHED_WINDOW_DAYS + 1, from_published=True)


def _published_day(published: str | None) -> dt.date | None:
    p = parse_when(published[:10] if published else None)
    return p.start if p and p.start is not None and p.width == 1 else None


def _settle_year(w: _When, published: str | None) -> _When:
    """A year-less date in a report with a publication date takes the latest year that does not
    put it after publication (a report is not written before the event)."""
    p = _published_day(published)
    if not w.md or p is None:
        return w
    days = []
    for (mo, d) in w.md:
        for year in (p.year, p.year - 1):
            try:
                day = dt.date(year, mo, d)
            except ValueError:
                continue
            if day <= p + dt.timedelta(days=1):
                days.append(day)
                break
    if len(days) != 2 or days[1] < days[0]:
        return w
    return _When(start=days[0], end=days[1], width=(days[1] - days[0]).days + 1)


def _md_days(md, slack: int) -> list[tuple[int, int]]:
    """Month-days of a year-less interval padded by slack days (read in a leap year)."""
    try:
        first = dt.date(2000, *md[0]) - dt.timedelta(days=slack)
        last = dt.date(2000, *md[1]) + dt.timedelta(days=slack)
    except ValueError:
        return []
    out, d = [], first
    while d <= last and len(out) < 400:
        out.append((d.month, d.day))
        d += dt.timedelta(days=1)
    return out


def _dates_compatible(a: _When, b: _When, slack: int = 0) -> bool:
    if a.md or b.md:
        x, y = (a, b) if a.md else (b, a)
        days = set(_md_days(x.md, slack))
        if y.md:
            return bool(days & set(_md_days(y.md, 0)))
        if y.start is None or y.width > 31:
            return False  # a year-less day cannot be matched against a month or a year
        d = y.start
        while d <= y.end:
            if (d.month, d.day) in days:
                return True
            d += dt.timedelta(days=1)
        return False
    pad = dt.timedelta(days=slack)
    return a.start - pad <= b.end and b.start - pad <= a.end


def _months(w: _When, slack: int = 0) -> list[str]:
    if w.md:
        return sorted({f"XX-{m:02d}" for m, _ in _md_days(w.md, slack)})
    pad = dt.timedelta(days=slack)
    first, last = w.start - pad, w.end + pad
    out = when.months(first, last, limit=MAX_BLOCK_MONTHS + 1)
    if len(out) > MAX_BLOCK_MONTHS:
        return []
    if w.width <= 31:  # a precise date can meet a year-less report of the same month-day
        out += sorted({f"XX-{first.month:02d}", f"XX-{last.month:02d}"})
    return out


# ---------------------------------------------------------------- actors and places

def _actor_key(a: dict) -> tuple[str, str]:
    kind = a.get("kind") or "person"
    if kind == "person":
        if a.get("identity"):
            return ("id", a["identity"])
        return ("person", fold(a.get("name") or ""))
    if kind == "country" and a.get("country"):
        return ("country", a["country"])
    return (kind, fold(a.get("name") or ""))


def _names_a_country(name: str) -> bool:
    try:  # communique.places (helper DATES) knows country names and their variants
        from communique.places import country_code
    except ImportError:
        return False
    try:
        return bool(country_code(name))
    except Exception:  # a half-built helper must not break merging
        return False


def _place_key(name: str | None) -> str | None:
    """A city-level key ("Ha Noi" = "Hanoi"); None for no place or a whole country ("Australia")."""
    if not name or _names_a_country(name):
        return None
    s = fold(name).split(",")[0]
    s = re.sub(r"\b(city|capital)\b", "", s)
    s = re.sub(r"[^a-z0-9]", "", s)
    return s or None


@dataclass
class _Raw:
    rec: dict
    key: tuple[int, int]
    persons: frozenset
    others: frozenset
    when: _When | None
    place: str | None
    place_country: str | None
    mech: tuple | None
    head: tuple = ()
    weekdays: frozenset = frozenset()
    year_settled: bool = False
    blocks: list = field(default_factory=list)
    anchors: list = field(default_factory=list)


def _prepare(i: int, rec: dict) -> _Raw:
    keys = [_actor_key(a) for a in rec.get("actors") or []]
    persons = frozenset(k for k in keys if k[0] in ("id", "person"))
    others = frozenset(k for k in keys if k[0] not in ("id", "person"))
    when = parse_when(rec.get("date"))
    settled = False
    if when is not None and when.md:
        settled_when = _settle_year(when, rec.get("published"))
        settled, when = settled_when is not when, settled_when
    when = when or _anchor(rec.get("published"))
    loc = rec.get("location") or {}
    mech = rec.get("mechanism") or None
    mech_key = mechanism_key(mech.get("name"), mech.get("round")) if mech else None
    key = rec.get("key")
    key = (int(key[0]), int(key[1])) if key is not None else (int(rec.get("article_id") or 0), i)
    raw = _Raw(rec, key, persons, others, when, _place_key(loc.get("name")), loc.get("country") or None, mech_key)
    raw.year_settled = settled
    raw.head = (rec.get("type"), _family(rec.get("mode")), _status(rec))
    if when is None or when.from_published:
        raw.weekdays = _weekdays_said(rec.get("evidence_text"))
    if len(persons) > MAX_MERGE_PERSONS:
        return raw  # a gathering: never merged (see MAX_MERGE_PERSONS)
    if rec.get("background"):
        return raw  # recalled in passing: never merged (see the module docstring)
    if len(persons) + len(others) < 2:
        return raw  # one actor ("Japan agreed", "leaders condemned"): no pair to tell one occasion by
    raw.anchors = sorted(persons) if persons else [tuple(sorted(others))] if others else []
    months = _months(when, MODE_SLACK_DAYS.get(rec.get("mode"), 0)) if when else []
    raw.blocks = [(raw.head, a, m) for a in raw.anchors for m in months]
    return raw


def block_keys(rec: dict) -> tuple[set[str], set[str]]:
    """(occupied, probed) blocking keys of one raw event: two reports merge_events may compare
    always have one report's occupied key among the other's probed keys (an actor set inside
    the other's, the same type and mode family, a shared month; or either one undated).
    The store keeps these keys to find the events a new report touches."""
    r = _prepare(0, rec)
    if not r.anchors:
        return set(), set()
    full = r.persons or r.others
    items = sorted(full)
    subsets = [frozenset(c) for n in range(1, len(items) + 1) for c in combinations(items, n)] \
        if r.persons else [full]
    months = {b[2] for b in r.blocks}
    head = f"{r.head[0]}|{r.head[1]}" + ("|planned" if r.head[2] == "planned" else "")  # stored keys stay valid

    def k(tag: str, actors, month: str) -> str:
        return f"{tag}|{head}|{month}|" + ";".join(sorted(":".join(x) for x in actors))

    occupied = {k("f", full, m) for m in months}
    probed = {k("s", full, m) for m in months} | {k("f", s, m) for s in subsets for m in months}
    occupied |= {k("s", s, m) for s in subsets for m in months}
    # undated reports meet any report of the same actors, whatever its date
    if r.when is None:
        occupied |= {k("uf", full, "*")} | {k("us", s, "*") for s in subsets}
        probed |= {k("df", s, "*") for s in subsets} | {k("ds", full, "*")} \
            | {k("uf", s, "*") for s in subsets} | {k("us", full, "*")}
    else:
        occupied |= {k("df", full, "*")} | {k("ds", s, "*") for s in subsets}
        probed |= {k("uf", s, "*") for s in subsets} | {k("us", full, "*")}
    return occupied, probed


def _actors_compatible(a: _Raw, b: _Raw) -> bool:
    if a.persons and b.persons:
        shared = a.persons & b.persons
        if not shared:
            return False
        rest_a = (a.persons - shared) | (a.others - b.others)
        rest_b = (b.persons - shared) | (b.others - a.others)
        return not rest_a or not rest_b
    if not a.persons and not b.persons:
        return bool(a.others) and a.others == b.others
    return False


def _places_compatible(a: _Raw, b: _Raw) -> bool:
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    return a.place is None or b.place is None or a.place == b.place


def _weekday_fits(a: _Raw, b: _Raw) -> bool:
    """An undated report that names a weekday does not fit a report dated to other weekdays,
    nor another undated report naming only other weekdays ("Monday" / "Tuesday")."""
    if a.weekdays and b.weekdays and not a.weekdays & b.weekdays:
        return False
    for x, y in ((a, b), (b, a)):
        if x.weekdays and y.when and y.when.start is not None and not y.when.from_published and y.when.width <= 7:
            days = {(y.when.start + dt.timedelta(days=n)).weekday() for n in range(y.when.width)}
            if not days & x.weekdays:
                return False
    return True


def _compatible(a: _Raw, b: _Raw, places: bool = True) -> bool:
    if a.head != b.head:
        return False
    if a.mech and b.mech and (a.mech[0] != b.mech[0] or (a.mech[1] is not None and b.mech[1] is not None
                                                        and a.mech[1] != b.mech[1])):
        return False
    if a.when is not None and b.when is not None:
        if not _dates_compatible(a.when, b.when, MODE_SLACK_DAYS.get(a.rec.get("mode"), 0)):
            return False
    elif not _weekday_fits(a, b):
        return False
    return _actors_compatible(a, b) and (not places or _places_compatible(a, b))


def _place_votes(members: list[_Raw]) -> tuple[str | None, str | None, list[_Raw]]:
    """(country, city) most reports with a place give, and the reports that disagree; a place
    stands only with a strict majority (None, None, [...]) when there is none."""
    placed = [m for m in members if m.place_country or m.place]
    if not placed:
        return None, None, []
    countries = Counter(m.place_country for m in placed if m.place_country)
    country = None
    if countries:
        country, n = countries.most_common(1)[0]
        if n * 2 <= sum(countries.values()):
            return None, None, placed
    same = [m for m in placed if m.place_country in (None, country)]
    cities = Counter(m.place for m in same if m.place)
    city = None
    if cities:
        city, n = cities.most_common(1)[0]
        if n * 2 <= sum(cities.values()):
            return country, None, placed
    dissent = [m for m in placed if (m.place_country and m.place_country != country) or (m.place and m.place != city)]
    return country, city, dissent


def _has_year(w) -> bool:
    """A date whose year is known (given, or settled by the publication date)."""
    return w is not None and w.md is None


def _fits(r: _Raw, members: list[_Raw]) -> bool:
    """Complete linkage: r fits every member; a place conflict is outvoted by a strict majority
    of the reports that give a place (two against one), never decided one against one."""
    if not all(_compatible(r, m, places=False) for m in members):
        return False
    if r.when is None or all(m.when is None for m in members):
        # nothing dates the pair: the place is what tells one occasion from another, so an
        # undated report never outvotes, and undated reports alone need the same city named
        if not all(_places_compatible(r, m) for m in members):
            return False
        if all(m.when is None for m in members + [r]):
            return bool(r.place) and any(m.place == r.place for m in members)
        # an undated report joins only where a date with a known year is told: "XXXX-10-07"
        # settles no occasion ("Blinken in Jordan" in October of which year?)
        return any(_has_year(m.when) for m in members + [r])
    if all(_places_compatible(r, m) for m in members):
        return True
    country, city, dissent = _place_votes(members + [r])
    placed = [m for m in members + [r] if m.place_country or m.place]
    return (country is not None or city is not None) and len(dissent) * 2 < len(placed)


def _score(r: _Raw, members: list[_Raw]) -> tuple:
    shared = max(len(r.persons & m.persons) + len(r.others & m.others) for m in members)
    same_place = any(r.place and r.place == m.place for m in members)
    same_date = any(r.rec.get("date") and r.rec.get("date") == m.rec.get("date") for m in members)
    return (shared, same_place, same_date)


# ---------------------------------------------------------------- merged output

def _stable_id(raw: _Raw) -> str:
    rec = raw.rec
    doc = rec.get("doc_hash") or rec.get("doc_id") or raw.key[0]
    return "ev-" + hashlib.sha1(f"{doc}:{raw.key[1]}".encode()).hexdigest()[:12]


def _label(k: tuple[str, str], members: list[_Raw]) -> str:
    for m in members:
        for a in m.rec.get("actors") or []:
            if _actor_key(a) == k:
                return a.get("identity") or a.get("name") or k[1]
    return k[1]


def _build(members: list[_Raw]) -> MergedEvent:
    members = sorted(members, key=lambda m: m.key)
    first = members[0].rec
    # the most precise date a member reports; ties: the most common, then the earliest report
    dated = [m for m in members if m.rec.get("date") and m.when and not m.when.from_published]
    date = None
    spans = [m for m in dated if "/" in m.rec["date"] and m.when.width <= 31]
    if first.get("mode") in MODE_SLACK_DAYS and spans:
        dated = spans  # a visit is best told by its whole span ("2026-01-19/2026-01-21")
    if dated:
        best = min(m.when.width for m in dated)
        said = [_date_text(m) for m in members]
        counts = Counter(_date_text(m) for m in dated if m.when.width == best)
        date = max(counts, key=lambda d: (not d.startswith("XXXX"), counts[d], -said.index(d)))
    country, city, dissent = _place_votes(members)
    location = None
    placed = [m for m in members if m.rec.get("location") and m not in dissent]
    if placed:
        named = [m.rec["location"] for m in placed if m.rec["location"].get("name")
                 and (city is None or m.place == city)]
        pool = named or [m.rec["location"] for m in placed]
        counts = Counter((l.get("name"), l.get("country")) for l in pool)
        name, loc_country = counts.most_common(1)[0][0]
        location = {"name": name, "country": loc_country or country}
    actors: dict[tuple, dict] = {}
    roles: dict[tuple, Counter] = defaultdict(Counter)
    forms: dict[tuple, Counter] = defaultdict(Counter)
    for m in members:
        for a in m.rec.get("actors") or []:
            k = _actor_key(a)
            if a.get("name"):
                forms[k][a["name"]] += 1
            if k not in actors:
                actors[k] = {"name": a.get("name"), "kind": a.get("kind") or "person",
                             "country": a.get("country"), "role": None, "identity": a.get("identity")}
            elif not actors[k]["country"] and a.get("country"):
                actors[k]["country"] = a["country"]
            if a.get("role"):
                roles[k][a["role"]] += 1
    for k, a in actors.items():
        a["role"] = roles[k].most_common(1)[0][0] if roles[k] else None
        names = forms[k]
        if names:  # the fullest name the reports use, the most frequent among those
            a["name"] = max(names, key=lambda n: (len(n.split()), names[n], n == fold(n)))
    cameos = Counter(m.rec.get("cameo") for m in members if m.rec.get("cameo"))
    mech = next((m.rec.get("mechanism") for m in members if m.rec.get("mechanism")), None)
    modes = [m.rec.get("mode") for m in members]
    mode = next((x for x in modes if x and x != _family(x)), first.get("mode"))  # "dialogue" over "meeting"
    return MergedEvent(id=_stable_id(members[0]), type=first.get("type"), mode=mode,
                       cameo=cameos.most_common(1)[0][0] if cameos else None, date=date,
                       location=location, actors=list(actors.values()), members=[m.key for m in members],
                       merge_reason=_reason(members, date, location, dissent), mechanism=mech)


def _date_text(m: _Raw) -> str | None:
    """The member's date as ISO text; a year-less date settled by publication gets its year."""
    if m.year_settled and m.when and m.when.start:
        a, b = m.when.start.isoformat(), m.when.end.isoformat()
        return a if a == b else f"{a}/{b}"
    return m.rec.get("date")


def _reason(members: list[_Raw], date: str | None, location: dict | None, dissent=()) -> str:
    if len(members) == 1:
        return "single report"
    shared = frozenset.intersection(*[m.persons for m in members]) if all(m.persons for m in members) \
        else frozenset.intersection(*[m.others for m in members])
    names = sorted(_label(k, members) for k in shared)
    articles = len({m.key[0] for m in members})
    parts = [f"{len(members)} reports in {articles} article{'s' if articles != 1 else ''}",
             f"same {members[0].rec.get('type')}" + (f"/{members[0].rec.get('mode')}" if members[0].rec.get("mode") else ""),
             "same actors {" + ", ".join(names) + "}"]
    parts.append(f"dates overlap ({date})" if date else "no event date")
    by_pub = sum(1 for m in members if m.when and m.when.from_published)
    if by_pub:
        parts.append(f"{by_pub} undated report{'s' if by_pub > 1 else ''} matched by publication date "
                     f"(within {PUBLISHED_WINDOW_DAYS} days)")
    settled = sum(1 for m in members if m.year_settled)
    if settled:
        parts.append(f"{settled} year-less date{'s' if settled > 1 else ''} settled by publication date")
    undated = sum(1 for m in members if m.when is None)
    if undated:
        parts.append(f"{undated} report{'s' if undated > 1 else ''} with no date joined on actors, mode and place")
    modes = sorted({m.rec.get("mode") for m in members if m.rec.get("mode")})
    if len(modes) > 1:
        parts.append("called " + " and ".join(modes))
    if location and (location.get("name") or location.get("country")):
        where = location.get("name") or location.get("country")
        places = {m.place for m in members if m.place}
        if dissent:
            placed = sum(1 for m in members if m.place or m.place_country)
            others = "; ".join(f"article {m.key[0]} said {(m.rec.get('location') or {}).get('name') or m.place_country}"
                               for m in dissent)
            parts.append(f"place {where} by {placed - len(dissent)} of {placed} reports ({others})")
        else:
            parts.append(f"same place {where}" + ("" if len(places) == 1 and all(m.place for m in members)
                                                  else " (or unknown)"))
    return "; ".join(parts)


def merge_events(records: list[dict]) -> list[MergedEvent]:
    """Group raw event records (STORE_API EventRecord dicts) into MergedEvents, sorted by id."""
    raws = [_prepare(i, r) for i, r in enumerate(records)]
    # most precise first; reports dated only by publication after every dated one, undated last
    order = sorted(range(len(raws)), key=lambda i: (raws[i].when is None,
                                                   bool(raws[i].when and raws[i].when.from_published),
                                                   raws[i].when.width if raws[i].when else 0, raws[i].key))
    clusters: list[list[_Raw]] = []
    index: dict[tuple, set[int]] = defaultdict(set)
    by_anchor: dict[tuple, set[int]] = defaultdict(set)  # (head, anchor) -> clusters, any date
    for i in order:
        r = raws[i]
        if r.when is None:  # no date of its own: any cluster of the same actors, mode and place
            candidates = {c for a in r.anchors for c in by_anchor.get((r.head, a), ())}
        else:
            candidates = {c for b in r.blocks for c in index.get(b, ())}
        fits = [c for c in sorted(candidates) if _fits(r, clusters[c])]
        target = None
        if len(fits) == 1:
            target = fits[0]
        elif len(fits) > 1:
            scored = sorted(((_score(r, clusters[c]), c) for c in fits), reverse=True)
            if scored[0][0] > scored[1][0]:
                target = scored[0][1]  # else ambiguous: better a duplicate than a wrong merge
        if target is None:
            clusters.append([r])
            target = len(clusters) - 1
        else:
            clusters[target].append(r)
        for b in r.blocks:
            index[b].add(target)
        for a in r.anchors:
            by_anchor[(r.head, a)].add(target)
    merged = [_build(c) for c in clusters]
    merged.sort(key=lambda e: e.id)
    return merged
