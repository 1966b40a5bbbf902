"""Plain dates ("June 23", "Aug. 12, 2025", "23 JUN 2025") are read without dateparser, which
takes a second to start; what they read must be what dateparser reads, and anything else still
goes to dateparser."""
from __future__ import annotations

import dateparser
import pytest

from communique import body, dates

PLAIN = ["June 23", "Aug. 12", "October 21, 2025", "Sept 9", "Sept. 16", "23 June 2025", "5 May", "Mar 3 2025",
         "May 5, 2150", "Feb 29, 2024", "Dec 1, 1999", "1 Jan"]
ODD = ["Feb 29", "June 31", "31 JUN 2025", "JUN 2025", "Monday 5", "Frob 12", "2025/10/21"]


def dateparser_mdy(value):
    p = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return (None, None, None) if p is None else (p.month, p.day, p.year if body._DIGIT_YEAR.search(value) else None)


def dateparser_day(value):
    p = dateparser.parse(value, languages=["en"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"})
    return p.date().isoformat() if p else None


@pytest.mark.parametrize("value", PLAIN + ODD)
def test_dateline_dates_read_as_dateparser_reads_them(value):
    body._month_day_year.cache_clear()
    assert body._month_day_year(value) == dateparser_mdy(value)


@pytest.mark.parametrize("value", ["23 JUN 2025", "06 AUG 2025", "14 OCT 2025", "31 JUN 2025", "JUN 2025",
                                   "23 June 2025", "October 21, 2025", "2025/10/21", "2024/2/29", "2025/2/29",
                                   "2025/03/04", "1999/12/31", "2025/13/01"])
def test_date_lines_read_as_dateparser_reads_them(value):
    assert dates.parse_date(value) == dateparser_day(value)


@pytest.mark.parametrize("value", PLAIN + ["23 JUN 2025", "06 AUG 2025", "2025/10/21", "2025/3/4"])
def test_plain_dates_never_start_dateparser(value, monkeypatch):
    def refuse(*a, **k):
        raise AssertionError(f"dateparser asked for {value!r}")

    monkeypatch.setattr(dateparser, "parse", refuse)
    body._month_day_year.cache_clear()
    if "/" not in value:  # datelines write the month in words
        body._month_day_year(value)
    if value.split()[-1] in ("2025", "2024", "1999") or "/" in value:  # date lines carry a year (of this era: "2150" is no date form)
        dates.parse_date(value)
    body._month_day_year.cache_clear()


def test_month_day_needs_a_known_month_and_a_real_day():
    assert dates.month_day("June 23") == (6, 23, None)
    assert dates.month_day("23 Sept. 2025") == (9, 23, 2025)
    assert dates.month_day("Frob 12") is None
    assert dates.month_day("June 31") is None
    assert dates.month_day("Feb 29") is None  # left to dateparser, whose answer depends on the current year
