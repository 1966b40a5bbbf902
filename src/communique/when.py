"""Dates of reduced precision as the contract writes them: "2025", "2025-09", "2025-09-14",
"XXXX-02-13" (year unknown) and intervals "A/B". One reading of them for extraction, the store,
resolution and the web: their first and last days, order, overlap and the months they span.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

PART = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?$")
_LEAP = 2000  # a year-less "XXXX-02-29" is a real day of some year


def parts(part: str) -> tuple[int | None, int | None, int | None] | None:
    """(year or None for XXXX, month, day) of one ISO date of any precision; None if unreadable."""
    m = PART.match((part or "").strip())
    if not m:
        return None
    y, mo, d = m.groups()
    year = None if y == "XXXX" else int(y)
    month = int(mo) if mo else None
    day = int(d) if d else None
    try:
        dt.date(year or _LEAP, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def bounds(part: str, year: int | None = None) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, precision) of one ISO date; an unknown year ("XXXX-…") is taken from
    `year`, else None. Precision: "day", "month", "year", or "inferred-year"."""
    got = parts(part)
    if got is None:
        return None
    y, mo, d = got
    inferred = y is None
    if inferred:
        if year is None:
            return None
        y = year
    try:
        if d:
            lo = hi = dt.date(y, mo, d)
            precision = "day"
        elif mo:
            lo, hi = dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
            precision = "month"
        else:
            lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
            precision = "year"
    except ValueError:  # 29 February of an inferred non-leap year
        return None
    return lo, hi, ("inferred-year" if inferred else precision)


def month_day(part: str) -> tuple[int, int] | None:
    """(month, day) of a year-less day "XXXX-MM-DD"; None for anything else."""
    got = parts(part)
    if got is None or got[0] is not None or got[1] is None or got[2] is None:
        return None
    return got[1], got[2]


def is_date(value: str | None) -> bool:
    """A readable date or interval of the contract's form."""
    if not value:
        return False
    pieces = value.split("/")
    return len(pieces) <= 2 and all(parts(p) is not None for p in pieces)


def start(value: str | None) -> str | None:
    """The first part of an interval ("2025-03-04/2025-03-06" -> "2025-03-04")."""
    return value.split("/")[0] if value else None


def interval(value: str | None, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date or interval may cover; None when unreadable or the year unknown."""
    if not value:
        return None
    pieces = value.split("/")
    if len(pieces) > 2:
        return None
    a, b = bounds(pieces[0], year), bounds(pieces[-1], year)
    if a is None or b is None or b[1] < a[0]:
        return None
    return a[0], b[1]


def before(a: str | None, b: str | None, days: int) -> bool:
    """Date a starts more than `days` before date b starts (both with known years)."""
    ba, bb = bounds(start(a) or ""), bounds(start(b) or "")
    return bool(ba and bb and (bb[0] - ba[0]).days > days)


def overlaps(a: str, b: str) -> bool:
    """Two dates may be the same day(s): their spans overlap. Year-less dates overlap only
    year-less ones (by month and day); an unreadable date only its equal."""
    ia, ib = interval(a), interval(b)
    if ia and ib:
        return ia[0] <= ib[1] and ib[0] <= ia[1]
    if (start(a) or "").startswith("XXXX") and (start(b) or "").startswith("XXXX"):
        ia, ib = interval(a, _LEAP), interval(b, _LEAP)
        if ia and ib:
            return ia[0] <= ib[1] and ib[0] <= ia[1]
    return a == b


def months(first: dt.date | str, last: dt.date | str, limit: int | None = None) -> list[str]:
    """The months "YYYY-MM" from first to last, inclusive; at most `limit` of them."""
    y, m = (first.year, first.month) if isinstance(first, dt.date) else (int(first[:4]), int(first[5:7]))
    ly, lm = (last.year, last.month) if isinstance(last, dt.date) else (int(last[:4]), int(last[5:7]))
    out = []
    while (y, m) <= (ly, lm) and (limit is None or len(out) < limit):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates an article may give for one event: None fits anything, an unknown year fits any
    year ("March 7" in a headline, "7 March 2024" in the body), otherwise their spans overlap."""
    if not a or not b:
        return True
    a_bare, b_bare = (start(a) or "").startswith("XXXX"), (start(b) or "").startswith("XXXX")
    if a_bare != b_bare:
        known = b if a_bare else a
        if len(start(known) or "") < 7:
            return True  # a bare year says nothing of month and day
        known = "/".join("XXXX" + part[4:] for part in known.split("/"))
        return overlaps(known, a if a_bare else b)
    return overlaps(a, b)


def span_of(day: str, days: int, *, ending: bool) -> str | None:
    """The interval of `days` days that ends (or starts) on `day` ("2025-08-13", 4, ending) ->
    "2025-08-10/2025-08-13"; None for a day of unknown year or a span under two days."""
    got = bounds(day)
    if got is None or got[2] != "day" or days < 2:
        return None
    other = got[0] - dt.timedelta(days=days - 1) if ending else got[0] + dt.timedelta(days=days - 1)
    first, last = (other, got[0]) if ending else (got[0], other)
    return f"{first.isoformat()}/{last.isoformat()}"
