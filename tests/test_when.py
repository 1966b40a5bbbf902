"""Reduced-precision ISO dates read one way: bounds, order, overlap, months."""
import datetime as dt

from communique import when


def test_bounds_of_each_precision():
    assert when.bounds("2025") == (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    assert when.bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")
    assert when.bounds("2025-09-14") == (dt.date(2025, 9, 14), dt.date(2025, 9, 14), "day")
    assert when.bounds("XXXX-02-13") is None
    assert when.bounds("XXXX-02-13", 2025) == (dt.date(2025, 2, 13), dt.date(2025, 2, 13), "inferred-year")
    assert when.bounds("2025-02-30") is None and when.bounds("next week") is None


def test_intervals_and_order():
    assert when.interval("2025-03-04/2025-03-06") == (dt.date(2025, 3, 4), dt.date(2025, 3, 6))
    assert when.interval("2025-03-06/2025-03-04") is None
    assert when.before("2025-01-10", "2025-03-01", 45)
    assert not when.before("2025-02-20", "2025-03-01", 45)
    assert not when.before("XXXX-01-10", "2025-03-01", 45)


def test_overlap_across_precisions():
    assert when.overlaps("2025-03", "2025-03-05")
    assert when.overlaps("2025-03-04/2025-03-06", "2025-03-05")
    assert not when.overlaps("2025-03-05", "2025-03-07")
    assert when.overlaps("XXXX-03", "XXXX-03-05")
    assert not when.overlaps("XXXX-03-05", "2025-03-05")


def test_months_and_validity():
    assert when.months("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert when.months(dt.date(2025, 1, 9), dt.date(2025, 12, 1), limit=3) == ["2025-01", "2025-02", "2025-03"]
    assert when.month_day("XXXX-02-29") == (2, 29)
    assert when.is_date("2025-03-04/2025-03-06") and not when.is_date("2025-13")


def test_compatible_lets_an_unknown_year_fit_any_year_but_never_another_day():
    from communique.when import compatible

    assert compatible("XXXX-03-07", "2024-03-07")          # a headline's "March 7", the body's date
    assert compatible("XXXX-03-07", "2024-03-05/2024-03-09")
    assert compatible("XXXX-03-07", "2024-03")
    assert not compatible("XXXX-03-07", "2024-03-08")
    assert not compatible("2024-03-07", "2023-03-07")      # two known years must agree
    assert compatible(None, "2024") and compatible("2024", "2024-06-01")


def test_span_of_days_ending_or_starting_on_a_day():
    assert when.span_of("2025-08-13", 4, ending=True) == "2025-08-10/2025-08-13"
    assert when.span_of("2024-02-28", 3, ending=False) == "2024-02-28/2024-03-01"  # across a leap day
    assert when.span_of("2025-01-01", 2, ending=True) == "2024-12-31/2025-01-01"
    assert when.span_of("XXXX-08-13", 4, ending=True) is None  # the year is unknown
    assert when.span_of("2025-08", 4, ending=True) is None and when.span_of("2025-08-13", 1, ending=True) is None
