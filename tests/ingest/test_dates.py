"""Printed dates to ISO: day precision when printed, month precision otherwise, never guessed."""

import pytest

from handbook.ingest.dates import DateError, date_key, is_date, parse_date


@pytest.mark.parametrize(
    "printed, iso",
    [("November 2023", "2023-11"), ("September 24, 2024", "2024-09-24"), ("24 September 2024", "2024-09-24"),
     ("Saturday 21st of December 2024 04:54:37 PM", "2024-12-21"), ("27/02/24", "2024-02-27"),
     ("06/11/2019", "2019-11-06"), ("2024-09-24", "2024-09-24"), ("Sept 2024", "2024-09"), ("1st March 2025.", "2025-03-01")],
)  # fmt: skip
def test_printed_forms(printed, iso):
    assert parse_date(printed) == iso
    assert is_date(printed)


@pytest.mark.parametrize(
    "printed, problem",
    [("Novembr 2026", "cannot read"), ("31 February 2024", "does not exist"), ("29 February 2023", "does not exist"),
     ("30/13/2025", "no month 13"), ("next spring", "cannot read"), ("November 3024", "implausible year")],
)  # fmt: skip
def test_bad_dates_are_errors(printed, problem):
    with pytest.raises(DateError, match=problem):
        parse_date(printed)


def test_leap_day_exists():
    assert parse_date("29 February 2024") == "2024-02-29"


def test_month_sorts_before_its_days():
    assert sorted(["2024-09-24", "2024-09", "2023-11"], key=date_key) == ["2023-11", "2024-09", "2024-09-24"]
