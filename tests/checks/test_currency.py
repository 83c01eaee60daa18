"""The `currency` check: a legal fact last checked more than 12 months before the build date,
and a fact whose source rests on a guidance edition the data marks as replaced, are reported
with their file and line. Each test breaks a copy of the real data."""

from datetime import date

import pytest

from handbook.checks import Context, run_checks
from handbook.load import load_handbook
from handbook.project import Project
from handbook.review import add_months


def currency(root):
    return run_checks(Context(load_handbook(Project(root))), ["currency"])["currency"]


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path, needle, after=0):
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if i > after and needle in line)


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 12, 4), 12, date(2025, 12, 4)),
    (date(2024, 2, 29), 12, date(2023, 2, 28)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2026, 1, 15), 13, date(2024, 12, 15)),
])  # fmt: skip
def test_a_year_before_keeps_the_day_where_the_month_has_it(day, months, expected):
    assert add_months(day, -months) == expected


def test_a_fact_checked_more_than_a_year_before_the_build_date_is_a_warning_at_its_line(project_copy, monkeypatch):
    path = project_copy / "data" / "offences.yml"
    text = path.read_text("utf-8")
    first_row = text.index("  - id: ")
    at = text.index("checked: ", first_row)
    end = text.index("\n", at)
    path.write_text(text[:at] + "checked: 2025-12-03" + text[end:], "utf-8")
    line = text[:at].count("\n") + 1
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    stale = [d for d in currency(project_copy) if "last checked" in d.message]

    assert len(stale) == 1, [str(d) for d in stale]
    assert stale[0].path.endswith("data/offences.yml") and stale[0].line == line and stale[0].level == "warning"
    assert "was last checked on 3 December 2025, more than 12 months before the build date (4 December 2026)" in stale[0].message
    assert "update `checked:`" in stale[0].hint


def test_a_fact_checked_exactly_a_year_ago_is_not_yet_stale(project_copy, monkeypatch):
    path = project_copy / "data" / "cautions.yml"
    text = path.read_text("utf-8")
    at = text.index("checked: ")
    path.write_text(text[:at] + "checked: 2025-12-04" + text[text.index("\n", at):], "utf-8")
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    assert [str(d) for d in currency(project_copy) if "last checked" in d.message] == []


@pytest.mark.parametrize("file", ["glossary.yml", "statutes.yml", "cautions.yml", "editions.yml"])
def test_every_kind_of_fact_is_dated_and_reported_when_stale(project_copy, monkeypatch, file):
    path = project_copy / "data" / file
    text = path.read_text("utf-8")
    at = text.index("checked: ")
    path.write_text(text[:at] + "checked: 2020-01-01" + text[text.index("\n", at):], "utf-8")
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    stale = [d for d in currency(project_copy) if "last checked on 1 January 2020" in d.message]
    assert len(stale) == 1 and stale[0].path.endswith(f"data/{file}") and stale[0].line, [str(d) for d in stale]


def test_a_source_resting_on_a_replaced_edition_is_a_warning(project_copy, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    path = project_copy / "data" / "glossary.yml"
    # The LADO entry as it was before Working Together 2026 was entered.
    edit(path, "(Working Together 2023, chapter 4); Working Together 2026 replaced the 2023 edition (leedsscp.org.uk, secondary), not yet read",
         "(Working Together 2023, chapter 4)")  # fmt: skip
    found = [d for d in currency(project_copy) if "rests on" in d.message]
    assert len(found) == 1, [str(d) for d in found]
    [problem] = found
    assert problem.path.endswith("data/glossary.yml") and problem.line == line_of(path, "id: lado")
    assert "glossary term lado (LADO) rests on Working Together to Safeguard Children 2023, which Working Together to Safeguard Children 2026 replaced" in problem.message
    assert "check the fact against the 2026 edition" in problem.hint


def test_a_source_naming_the_newer_edition_too_is_not_reported(project_copy, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    assert [str(d) for d in currency(project_copy) if "rests on" in d.message and "lado" in d.message] == []


def test_entering_a_new_edition_makes_facts_on_the_old_one_reported(project_copy, monkeypatch):
    """Once an edition is entered, every fact citing the one it replaces is flagged, without
    anyone having to find them: here a KCSIE 2025 fact when KCSIE 2026 is entered."""
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-04")
    edit(project_copy / "data" / "glossary.yml", "    source: nspcc.org.uk (not checked)",
         "    source: nspcc.org.uk; Keeping Children Safe in Education 2025")  # fmt: skip
    assert [d for d in currency(project_copy) if "rests on Keeping" in d.message] == []
    edit(project_copy / "data" / "editions.yml", '''        note: applies from 1 September 2025
        status: verified-secondary''', '''        note: applies from 1 September 2025
        status: verified-secondary
        source: a test
        checked: 2026-12-04
      - edition: "2026"
        published: "2026-09"
        status: verified-secondary''')  # fmt: skip
    [problem] = [d for d in currency(project_copy) if "rests on Keeping" in d.message]
    assert "glossary term nspcc (NSPCC) rests on Keeping Children Safe in Education 2025, which Keeping Children Safe in Education 2026 replaced" in problem.message
