"""`handbook check`'s registered checks: each passes on the fixture handbook (copies of real
sources and data), finds what its real defects are, and reports a break in a copy with its file
and line. On the real handbook: tests/content/test_content_checks.py."""

import pytest

from handbook.checks import CHECKS, Context, run_checks
from handbook.diagnostics import Level
from handbook.load import load_handbook
from handbook.project import Project


def findings(root, only):
    return [str(d) for d in run_checks(Context(load_handbook(Project(root))), [only])[only]]


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def real(fixture_root):
    return run_checks(Context(load_handbook(Project(fixture_root))))


def test_every_check_is_registered():
    assert {"statutes", "glossary", "citations"} <= set(CHECKS)


def test_no_check_finds_an_error_on_the_fixture_handbook(real):
    assert [str(d) for found in real.values() for d in found if d.level is Level.ERROR] == []


def test_statutes_reports_the_real_slip_as_a_warning(real):
    slips = [str(d) for d in real["statutes"]]
    assert any("'Sex Offences Act 2003': the Act is the Sexual Offences Act 2003" in m for m in slips), slips


def test_statutes_catches_an_act_missing_from_the_data(project_copy):
    source = project_copy / "sources" / "northumberland" / "1.4.9-child-abuse-and-ict.txt"
    edit(source, "Protection of Children Act 1978 for any", "Protection of Minors Act 1978 for any")
    line = next(i for i, l in enumerate(source.read_text("utf-8").splitlines(), 1) if "Protection of Minors Act 1978" in l)
    [problem] = [m for m in findings(project_copy, "statutes") if "Minors" in m]
    assert f"sources/northumberland/1.4.9-child-abuse-and-ict.txt:{line}: error[statutes]: paragraph " in problem
    assert "'Protection of Minors Act 1978', which is not in data/statutes.yml" in problem


def test_citations_catches_a_caution_citing_a_missing_paragraph(project_copy):
    path = project_copy / "data" / "cautions.yml"
    edit(path, "#para-43.2.9", "#para-43.2.99")
    line = next(i for i, l in enumerate(path.read_text("utf-8").splitlines(), 1) if "para-43.2.99" in l)
    [problem] = findings(project_copy, "citations")
    assert f"data/cautions.yml:{line}: error[citations]: caution " in problem
    assert "names paragraph 'para-43.2.99', which chapter 'sussex/information-communication-technology' does not have" in problem


def test_citations_catches_a_caution_citing_a_missing_chapter(project_copy):
    edit(project_copy / "data" / "cautions.yml", "sussex/information-communication-technology#", "sussex/ict#")
    [problem] = findings(project_copy, "citations")
    assert "names chapter 'sussex/ict', which is not in the handbook" in problem


def test_glossary_warns_about_a_term_no_chapter_uses(project_copy):
    path = project_copy / "data" / "glossary.yml"
    text = path.read_text("utf-8")
    path.write_text(text + (
        "  - id: zz-unused\n    term: Zebra Protocol\n    expansion: null\n    definition: Not a real term.\n"
        "    source: a test\n    status: unverified\n    checked: 2026-12-04\n"
    ), "utf-8")  # fmt: skip
    [problem] = [m for m in findings(project_copy, "glossary") if "Zebra" in m]
    assert "warning[glossary]: term 'Zebra Protocol' (zz-unused) is used in no chapter" in problem


def test_amendments_reports_the_real_claim_the_copy_does_not_bear_out(real):
    found = [str(d) for d in real["amendments"]]
    assert found == ["sources/london/pg25-ict-based-forms-of-abuse.txt:5: warning[amendments]: the amendment says a link to "
                     "the Online Safety Act 2023 was added, but the chapter's text does not mention it (tell the partnership, "
                     "or capture the page again if the copy lost text)"]  # fmt: skip


def test_amendments_catches_a_claimed_topic_missing_from_the_text(project_copy):
    source = project_copy / "sources" / "northumberland" / "1.4.9-child-abuse-and-ict.txt"
    lines = source.read_text("utf-8").splitlines()
    lines[47] = lines[47].replace("outcome 21", "a new outcome code").replace("Outcome 21", "a new outcome code")
    source.write_text("\n".join(lines) + "\n", "utf-8")
    assert ("sources/northumberland/1.4.9-child-abuse-and-ict.txt:26: warning[amendments]: the amendment says the chapter "
            "includes information on 'outcome 21', but its text never mentions it") in "\n".join(findings(project_copy, "amendments"))


def test_amendments_catches_a_section_that_is_not_there():
    from handbook.checks.amendments import claims
    from handbook.datasets.statutes import Statutes
    from handbook.ingest.model import Amendment, Chapter, Heading

    chapter = Chapter("x", "s", "sources/x/s.txt", "T", 1, body=[Heading("4. Who Should be Involved", 3, "4", 2, "sec-4")],
                      amendments=[Amendment("2024-01", "Section 4, Who Should be Involved was updated.", 2),
                                  Amendment("2024-02", "Section 5, Timescales was updated.", 2)])  # fmt: skip
    assert list(claims(chapter, Statutes())) == [(2, "the amendment names Section 5, which the chapter does not have")]
