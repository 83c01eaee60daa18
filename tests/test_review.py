"""Review dates against the build date: a month-only date means the end of that month."""

from datetime import date

import pytest

from handbook.review import capture_is_stale, chapter_review, last_day, review_status


@pytest.mark.parametrize("on, status", [
    (date(2026, 8, 29), "ok"),
    (date(2026, 9, 1), "due"),  # within three months of 30 November
    (date(2026, 11, 23), "due"),
    (date(2026, 11, 30), "due"),
    (date(2026, 12, 1), "overdue"),
])  # fmt: skip
def test_sussex_next_review_november_2026(on, status):
    assert review_status("2026-11", on) == status


def test_a_missing_date_is_missing_not_guessed():
    assert review_status(None, date(2026, 11, 24)) == "missing"


def test_last_day_of_each_precision():
    assert [last_day("2024"), last_day("2024-02"), last_day("2024-02-03")] == [
        date(2024, 12, 31), date(2024, 2, 29), date(2024, 2, 3)]  # fmt: skip


def test_captures_older_than_two_years_are_stale():
    assert capture_is_stale("2018-07-22", date(2026, 11, 24))
    assert not capture_is_stale("2024-12-21", date(2026, 11, 24))
    assert not capture_is_stale(None, date(2026, 11, 24))


def test_under_review_comes_from_the_page_status():
    assert chapter_review("2027-01", "under review", None, date(2026, 11, 24)).under_review
    assert not chapter_review("2027-01", "up to date", None, date(2026, 11, 24)).under_review
