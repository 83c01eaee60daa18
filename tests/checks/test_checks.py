"""`handbook check`'s registered checks: each passes on the real handbook, and each reports a
break in a copy of real data with its file and line."""

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
def real():
    from conftest import ROOT

    return run_checks(Context(load_handbook(Project(ROOT))))


def test_every_check_is_registered():
    assert {"statutes", "glossary", "citations"} <= set(CHECKS)


def test_no_check_finds_an_error_on_the_real_handbook(real):
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
        "    source: a test\n    status: unverified\n"
    ), "utf-8")  # fmt: skip
    [problem] = [m for m in findings(project_copy, "glossary") if "Zebra" in m]
    assert "warning[glossary]: term 'Zebra Protocol' (zz-unused) is used in no chapter" in problem
