"""Query-parameter checks shared by the API and the pages; a bad value raises BadParameter (-> 422)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry
from fastapi import Query

from communique import when
from communique.model import CONSULT_MODES, PLOVER_TYPES

MODES = CONSULT_MODES + ("signing",)
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000  # far past any page a person reads; keeps OFFSET inside every database's integer
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadParameter(ValueError):
    """A query parameter a user got wrong; `str()` is the message shown to them."""

    def __init__(self, name: str, message: str):
        super().__init__(f"parameter '{name}': {message}")
        self.name = name


def levels() -> list[str]:
    """The seniority levels, highest first (from communique.resolve once it exists)."""
    try:
        from communique.resolve import LEVELS
    except ImportError:  # resolve not built yet: accept what the store accepts
        return []
    return list(LEVELS)


def country(value: str | None, name: str = "country") -> str | None:
    """An ISO3 code from a code ("VNM", "vnm") or a name as news writes it ("Vietnam", "the UK")."""
    if value is None or value.strip() == "":
        return None
    raw = text(value, name, max_len=100) or ""
    code = raw.upper() if re.fullmatch(r"[A-Za-z]{3}", raw) and pycountry.countries.get(alpha_3=raw.upper()) else None
    if code is None:
        from communique.places import country_code

        code = country_code(raw)
    if code is None:
        raise BadParameter(name, f"{value!r} is not a country: give a name (Vietnam) or an ISO 3166-1 alpha-3 "
                                 "code (VNM)")
    return code


def date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = value.strip()
    ok = bool(_DATE.match(value)) and when.parts(value) is not None
    if not ok:
        raise BadParameter(name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _many(value) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))[:20]


def event_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise BadParameter("type", f"{value!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    return value.upper()


STATUSES = ("happened", "planned")
QUAD_CLASSES = ("1", "2", "3", "4")


def status(value: str | None) -> str | None:
    if not value:
        return None
    if value.strip().lower() not in STATUSES:
        raise BadParameter("status", f"{value!r} is not an event status ({', '.join(STATUSES)})")
    return value.strip().lower()


def quad_class(value: str) -> int:
    if value.strip() not in QUAD_CLASSES:
        raise BadParameter("quad_class", f"{value!r} is not a CAMEO quad class (1 verbal cooperation, 2 material "
                                         "cooperation, 3 verbal conflict, 4 material conflict)")
    return int(value)


def goldstein(value: str | None, name: str) -> float | None:
    """A Goldstein score bound, -10 .. 10."""
    if value is None or value.strip() == "":
        return None
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not -10 <= number <= 10:  # NaN and infinities fail too
        raise BadParameter(name, f"{value!r} is not a Goldstein score (a number from -10 to 10)")
    return number


def mode(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in MODES:
        raise BadParameter("mode", f"{value!r} is not a mode ({', '.join(MODES)})")
    return value.lower()


def min_level(value: str | None) -> str | None:
    if not value:
        return None
    known = levels()
    if known and value not in known:
        raise BadParameter("min_level", f"{value!r} is not a level ({', '.join(known)})")
    return value


def unicode_text(value: str | None, name: str) -> str | None:
    """`value` if it can be stored as UTF-8; a lone surrogate (from JSON's \\ud800) is a 422."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadParameter(name, f"character {exc.start + 1} is a lone surrogate, not text") from None
    return value


def text(value: str | None, name: str, max_len: int = 200) -> str | None:
    if value is None:
        return None
    value = unicode_text(value, name).strip()
    if len(value) > max_len:
        raise BadParameter(name, f"longer than {max_len} characters")
    return value or None


def paging(limit: int | None, offset: int | None, default: int = 50) -> tuple[int, int]:
    limit = default if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"must be between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadParameter("offset", f"must be between 0 and {MAX_OFFSET}")
    return limit, offset


def level(value: str) -> str:
    known = levels()
    if value != "unknown" and known and value not in known:
        raise BadParameter("level", f"{value!r} is not a level ({', '.join(known + ['unknown'])})")
    return value


def source(value: str) -> str:
    return text(value, "source", max_len=200) or ""


@dataclass
class EventFilters:
    """The filters of `communique events`, checked; type, mode, level, source and quad_class may hold
    several values (an event matches any of them). `as_kwargs()` feeds store/aggregates.py."""

    actor: str | None = None
    country: str | None = None
    with_: str | None = None
    type: tuple = ()
    mode: tuple = ()
    level: tuple = ()
    source: tuple = ()
    since: str | None = None
    until: str | None = None
    min_level: str | None = None
    status: str | None = None
    quad_class: tuple = ()
    goldstein_min: float | None = None
    goldstein_max: float | None = None

    @classmethod
    def check(cls, actor=None, country_=None, with_=None, type_=None, mode_=None, since=None, until=None,
              min_level_=None, level_=None, source_=None, status_=None, quad_class_=None, goldstein_min_=None,
              goldstein_max_=None) -> "EventFilters":
        actor = text(actor, "actor")
        if actor and not re.search(r"\w", actor):
            raise BadParameter("actor", f"{actor!r} has no letters to match a name")
        f = cls(actor=actor, country=country(country_), with_=country(with_, "with"),
                type=tuple(event_type(t) for t in _many(type_)), mode=tuple(mode(m) for m in _many(mode_)),
                level=tuple(level(v) for v in _many(level_)), source=tuple(source(v) for v in _many(source_)),
                since=date(since, "since"), until=date(until, "until"), min_level=min_level(min_level_),
                status=status(status_), quad_class=tuple(sorted({quad_class(q) for q in _many(quad_class_)})),
                goldstein_min=goldstein(goldstein_min_, "goldstein_min"),
                goldstein_max=goldstein(goldstein_max_, "goldstein_max"))
        if f.goldstein_min is not None and f.goldstein_max is not None and f.goldstein_min > f.goldstein_max:
            raise BadParameter("goldstein_min", f"{f.goldstein_min:g} is above goldstein_max={f.goldstein_max:g}")
        if f.since and f.until and f.since > f.until:
            raise BadParameter("since", f"{f.since} is after until={f.until}")
        if f.country and f.country == f.with_:
            raise BadParameter("with", "pick a country other than the first one")
        return f

    def as_kwargs(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self).items() if v not in (None, ())}

    def as_query(self) -> dict:
        """The same filters as URL query parameters (`with`, not `with_`; lists repeat the name)."""
        out = {}
        for k, v in self.as_kwargs().items():
            out["with" if k == "with_" else k] = v[0] if isinstance(v, list) and len(v) == 1 else v
        return out

    def without(self, *names) -> "EventFilters":
        """These filters less some (a facet counts with every filter but its own)."""
        from dataclasses import replace

        return replace(self, **{n: (() if isinstance(getattr(self, n), tuple) else None) for n in names})


def event_filters(
        actor: str | None = Query(None, description="person name or id taking part"),
        country: str | None = Query(None, description="a taking-part state: name or ISO3, e.g. Vietnam or VNM"),
        with_: str | None = Query(None, alias="with", description="the other side, with `country`"),
        type: list[str] = Query([], description="PLOVER event type, e.g. CONSULT (repeat for several)"),
        mode: list[str] = Query([], description="meeting, visit, dialogue, call, conference, signing (repeatable)"),
        level: list[str] = Query([], description="exact level of the most senior participant (repeatable)"),
        source: list[str] = Query([], description="source outlet of a report (repeatable)"),
        since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
        until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
        min_level: str | None = Query(None, description="lowest seniority level, e.g. minister"),
        status: str | None = Query(None, description="happened, or planned (announced visits, intents)"),
        quad_class: list[str] = Query([], description="CAMEO quad class: 1 verbal cooperation, 2 material "
                                                      "cooperation, 3 verbal conflict, 4 material conflict (repeatable)"),
        goldstein_min: str | None = Query(None, description="lowest Goldstein score of the event's CAMEO code, -10..10"),
        goldstein_max: str | None = Query(None, description="highest Goldstein score of the event's CAMEO code, -10..10"),
) -> EventFilters:
    """The event filters as a FastAPI dependency, shared by /api/events, /timeline and the exports."""
    return EventFilters.check(actor, country, with_, type, mode, since, until, min_level, level, source, status,
                              quad_class, goldstein_min, goldstein_max)
