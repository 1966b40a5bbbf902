"""Query-parameter checks shared by the API and the pages; a bad value raises BadParameter (-> 422)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from communique import when
from communique.model import CONSULT_MODES, PLOVER_TYPES

MODES = CONSULT_MODES + ("signing",)
MAX_LIMIT = 500
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
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.countries.get(alpha_3=code) is None:
        raise BadParameter(name, f"{value!r} is not an ISO 3166-1 alpha-3 country code (e.g. VNM, USA)")
    return code


def date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = value.strip()
    ok = bool(_DATE.match(value)) and when.parts(value) is not None
    if not ok:
        raise BadParameter(name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def event_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise BadParameter("type", f"{value!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    return value.upper()


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


def text(value: str | None, name: str, max_len: int = 200) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > max_len:
        raise BadParameter(name, f"longer than {max_len} characters")
    return value or None


def paging(limit: int | None, offset: int | None, default: int = 50) -> tuple[int, int]:
    limit = default if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter("limit", f"must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise BadParameter("offset", "must be 0 or more")
    return limit, offset


@dataclass
class EventFilters:
    """The filters of `communique events`, checked; `as_kwargs()` feeds Store.events()."""

    actor: str | None = None
    country: str | None = None
    with_: str | None = None
    type: str | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None
    min_level: str | None = None

    @classmethod
    def check(cls, actor=None, country_=None, with_=None, type_=None, mode_=None, since=None, until=None,
              min_level_=None) -> "EventFilters":
        actor = text(actor, "actor")
        if actor and not re.search(r"\w", actor):
            raise BadParameter("actor", f"{actor!r} has no letters to match a name")
        f = cls(actor=actor, country=country(country_), with_=country(with_, "with"),
                type=event_type(type_), mode=mode(mode_), since=date(since, "since"), until=date(until, "until"),
                min_level=min_level(min_level_))
        if f.since and f.until and f.since > f.until:
            raise BadParameter("since", f"{f.since} is after until={f.until}")
        return f

    def as_kwargs(self) -> dict:
        return {k: v for k, v in vars(self).items() if v is not None}

    def as_query(self) -> dict:
        """The same filters as URL query parameters (`with`, not `with_`)."""
        return {("with" if k == "with_" else k): v for k, v in self.as_kwargs().items()}
