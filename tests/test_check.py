"""`handbook check` on the fixture handbook, and on copies broken on purpose (on the real
handbook: tests/content/test_content_checks.py)."""

from __future__ import annotations

import json
import shutil

from conftest import ingest_project

from handbook.cli import main
from handbook.packs.build import packs_into
from handbook.site.build import build_into


def test_check_passes_on_the_handbook(capsys, tmp_path, fixture_root, monkeypatch):
    monkeypatch.chdir(fixture_root)  # the command's defaults: sources/, docs/chapters/, mkdocs.yml
    assert main(["check", "--verbose", "--json", str(tmp_path / "found.json")]) == 0
    out = capsys.readouterr().out
    assert out.count("coverage: 100.0% of") == 5
    assert ":6: note[ingest]: removed 'Size: View this website with small text" in out  # removed lines are listed
    assert "paragraph 2.2 ends with ':' but no list follows" in out
    assert out.rstrip().splitlines()[-1].startswith("handbook check passed: 0 error(s)")
    found = json.loads((tmp_path / "found.json").read_text("utf-8"))
    assert found["verdict"] == "passed" and set(found["checks"]) >= {"fidelity", "links", "dates", "statutes"}
    assert any(d["check"] == "statutes" and d["level"] == "warning" for d in found["checks"]["statutes"])


def test_check_reports_bad_usage_with_status_2(capsys):
    assert main(["check", "--only", "spelling"]) == 2
    assert "unknown check spelling; the checks are: data, ingest, fidelity" in capsys.readouterr().err
    assert main(["check", "--today", "24/11/2026"]) == 2


def test_check_catches_a_word_missing_from_the_built_page(project_copy, tmp_path, capsys):
    site = tmp_path / "site"
    build_into(project_copy / "mkdocs.yml", site)
    packs_into(project_copy / "mkdocs.yml", site)  # as `handbook build` does
    built = site / "chapters" / "sussex" / "information-communication-technology" / "index.html"
    html = built.read_text("utf-8")
    built.write_text(html.replace("recognised standards of propriety", "recognised standards", 1), "utf-8")
    args = ["check", "--site", str(site), "--sources", str(project_copy / "sources"),
            "--out", str(project_copy / "docs/chapters"), "--config", str(project_copy / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "43.2-information-communication-technology.txt:51: error[fidelity]: words of the source missing from the page: 'of', 'propriety'" in err
    assert err.rstrip().splitlines()[-1].startswith("handbook check FAILED: 1 error(s)")


def test_check_catches_words_added_to_the_page(project_copy, tmp_path, capsys):
    site = tmp_path / "site"
    build_into(project_copy / "mkdocs.yml", site)
    packs_into(project_copy / "mkdocs.yml", site)  # as `handbook build` does
    built = site / "chapters" / "london" / "information-and-communication-technology-ict-based-forms-of-abuse" / "index.html"
    built.write_text(built.read_text("utf-8").replace("</h1>", "</h1><p>Invented advice</p>", 1), "utf-8")
    args = ["check", "--site", str(site), "--sources", str(project_copy / "sources"),
            "--out", str(project_copy / "docs/chapters"), "--config", str(project_copy / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1
    assert "not in the source: 'Invented', 'advice'" in capsys.readouterr().err


def test_an_extension_that_rewrites_words_is_caught(project_copy):
    """Smart symbols would print "(c)" as a sign: the word "c" is lost, and ingest refuses."""
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "  - pymdownx.smartsymbols\n", "utf-8")
    source = project_copy / "sources" / "liverpool" / "child-abuse-and-the-internet.txt"
    source.write_text(source.read_text("utf-8").replace("Last Updated:", "(c) Liverpool SCP.\n\nLast Updated:"), "utf-8")
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1
    assert "child-abuse-and-the-internet.txt:44: error: the converted chapter would lose text" in errors[0]
    assert "'c'" in errors[0]


def test_check_fails_when_the_site_does_not_build(project_copy, capsys):
    shutil.rmtree(project_copy / "docs" / "chapters" / "sussex")  # the home page links to it
    (project_copy / "sources" / "sussex" / "area.yml").unlink()
    args = ["check", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs/chapters"),
            "--config", str(project_copy / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1


def test_checks_in_a_forked_process_find_what_they_find_here(project_copy):
    """`handbook build` runs the checks beside the site's build in forked processes: the same
    findings as running them in this one, a broken citation included."""
    from handbook.check import run, run_beside
    from conftest import ingest_project

    cautions = project_copy / "data" / "cautions.yml"
    cautions.write_text(cautions.read_text("utf-8").replace("abuse#para-8.2", "abuse#para-8.99", 1), "utf-8")
    result = ingest_project(project_copy)
    names = ["citations", "dates", "ingest"]
    here = run(project_copy / "mkdocs.yml", result, None, names)
    beside = run_beside(project_copy / "mkdocs.yml", result, None, names).result()
    assert beside == here
    assert any("para-8.99" in str(d) for d in beside["citations"])
