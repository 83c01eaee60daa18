"""Printed dates to ISO: day precision when printed, month precision otherwise, never guessed."""

import pytest

from handbook.ingest.dates import DateError, date_key, day_first_note, is_date, parse_date


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


@pytest.mark.parametrize("printed, iso", [("12.11.2018", "2018-11-12"), ("12th November 2018", "2018-11-12"),
                                          ("Nov 2018", "2018-11"), ("12/11/2018", "2018-11-12")])  # fmt: skip
def test_more_printed_forms(printed, iso):
    assert parse_date(printed) == iso and is_date(printed)


def test_a_paragraph_number_is_not_a_dotted_date():
    assert not is_date("43.2.12") and not is_date("1.4.09")


@pytest.mark.parametrize("printed, note", [
    ("06/11/19", "'06/11/19' read day first, as English pages print dates: 6 November, not 11 June (2019-11-06)"),
    ("12.03.2023", "'12.03.2023' read day first, as English pages print dates: 12 March, not 3 December (2023-03-12)"),
    ("13/11/2018", None), ("05/05/2020", None), ("November 2018", None),
])  # fmt: skip
def test_a_day_and_month_that_could_be_swapped_are_said_to_be_read_day_first(printed, note):
    assert day_first_note(printed) == note
