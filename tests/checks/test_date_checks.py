"""The dates check: each rule broken in a copy of a real source (the fixture handbook's) is
reported with its line."""

import pytest

from handbook.checks import Context, run_checks
from handbook.load import load_handbook
from handbook.project import Project

SUSSEX = "sources/sussex/43.2-information-communication-technology.txt"
LIVERPOOL = "sources/liverpool/child-abuse-and-the-internet.txt"


def dates(root):
    return [str(d) for d in run_checks(Context(load_handbook(Project(root))), ["dates"])["dates"]]


def edit(root, source, old, new):
    path = root / source
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if new.strip() in line)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-24")


def test_dates_pass_on_the_fixture_handbook(fixture_root):
    assert dates(fixture_root) == []


def test_last_updated_after_the_capture(project_copy):
    line = edit(project_copy, SUSSEX, "Last updated in\xa0November 2023", "Last updated in January 2025")
    assert f"{SUSSEX}:{line}: error[dates]: last updated 2025-01 is after the capture (2024-12-21)" in "\n".join(dates(project_copy))


def test_next_review_not_after_last_updated(project_copy):
    line = edit(project_copy, SUSSEX, "Date of next review November 2026", "Date of next review November 2023")
    assert f"{SUSSEX}:{line}: error[dates]: next review 2023-11 is not after last updated (2023-11)" in "\n".join(dates(project_copy))


def test_a_date_outside_the_plausible_range(project_copy):
    line = edit(project_copy, SUSSEX, "Date of next review November 2026", "Date of next review November 2036")
    assert f"{SUSSEX}:{line}: error[dates]: next review 2036-11 is outside 1989 to 2031" in "\n".join(dates(project_copy))


def test_a_capture_in_the_future(project_copy):
    line = edit(project_copy, SUSSEX, "printed on Saturday 21st of December 2024", "printed on Saturday 21st of December 2027")
    found = "\n".join(dates(project_copy))
    assert f"{SUSSEX}:{line}: error[dates]: captured 2027-12-21 is after today (2026-11-24)" in found


def test_a_printed_date_that_cannot_be_read(project_copy):
    line = edit(project_copy, LIVERPOOL, "Last Updated: September 24, 2024", "Last Updated: September 31, 2024")
    found = "\n".join(dates(project_copy))
    assert f"{LIVERPOOL}:{line}: error[dates]: the page prints a last updated that cannot be read" in found


def test_an_amendment_after_the_capture(project_copy):
    path = project_copy / LIVERPOOL
    footer = "This page is correct as printed on Saturday 21st of December 2024 04:54:37 PM please refer back to this website (http://x.example) for updates."
    path.write_text(path.read_text("utf-8") + "\n" + footer + "\n", "utf-8")
    edit(project_copy, LIVERPOOL, "\nSeptember 24, 2024\n", "\nSeptember 24, 2025\n")
    line = edit(project_copy, LIVERPOOL, "This chapter was refreshed", "This chapter was refreshed")  # the amendment's own line
    found = "\n".join(dates(project_copy))
    assert f"{LIVERPOOL}:{line}: error[dates]: amendment dated 2025-09-24 is after the capture (2024-12-21)" in found, found


def test_amendments_out_of_order():
    from datetime import date

    from handbook.checks.dates import problems
    from handbook.ingest.model import Amendment, Chapter

    chapter = Chapter("x", "s", "sources/x/s.txt", "T", 1, amendments=[
        Amendment("2020-01", "a", 5), Amendment("2022-03", "b", 7), Amendment("2021-06", "c", 9)])  # fmt: skip
    assert (5, "the amendment dates are not in order: 2020-01, 2022-03, 2021-06") in problems(chapter, date(2026, 11, 24))
    chapter.amendments.pop()
    assert problems(chapter, date(2026, 11, 24)) == []
