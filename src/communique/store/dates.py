"""Sortable bounds for dates of reduced precision ("2025-09", "2024", "XXXX-02-13", intervals),
so that --since/--until filter an event by the span of days it may have happened on.
"""
import re

from communique import when
from communique.store.errors import StoreError

def _bounds(part: str, year: int | None) -> tuple[str, str, str] | None:
    """(first day, last day, precision) of one ISO date of any precision; None if unreadable."""
    got = when.bounds(part, year)
    return (got[0].isoformat(), got[1].isoformat(), got[2]) if got else None


def _year(published: str | None) -> int | None:
    m = re.match(r"^(\d{4})", published or "")
    return int(m.group(1)) if m else None


def date_bounds(value: str | None, published: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(date_start, date_end, precision) for an event date; an unknown year is taken from
    `published`, and an event with no readable date falls back to the publication date."""
    year = _year(published)
    if value:
        if "/" in value:
            a, _, b = value.partition("/")
            lo, hi = _bounds(a, year), _bounds(b, year)
            if lo and hi:
                inferred = "inferred-year" in (lo[2], hi[2])
                return lo[0], hi[1], ("inferred-year" if inferred else "range")
        else:
            got = _bounds(value, year)
            if got:
                return got
    if published:
        got = _bounds(published[:10], None)
        if got:
            return got[0], got[1], "published"
    return None, None, None


def filter_bounds(value: str | None, option: str) -> tuple[str, str] | None:
    """Bounds of a --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD); StoreError if malformed."""
    if value is None:
        return None
    value = str(value).strip()
    got = _bounds(value, None) if not value.startswith("XXXX") else None
    if not got:
        raise StoreError(f"malformed date for {option}: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return got[0], got[1]
