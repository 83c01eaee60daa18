"""What `handbook serve` says after a rebuild (site/serving.py): only the changed files' findings,
a failed chapter's knock-on citations in one line, and the home page's notice (escaped)."""

from __future__ import annotations

from pathlib import Path

from handbook.diagnostics import Diagnostic, Level
from handbook.ingest import IngestResult
from handbook.ingest.convert import Conversion
from handbook.diagnostics import Report
from handbook.project import Project
from handbook.site.serving import Loop, check_lines, home_notice


def test_the_loop_knows_what_changed(project_copy):
    loop = Loop()
    project = Project(project_copy)
    assert loop.changes(project) is None  # the first build: everything
    assert loop.changes(project) == set()
    source = next((project_copy / "sources").glob("*/*.txt"))
    source.write_text(source.read_text("utf-8") + "\nMore.\n", "utf-8")
    (project_copy / "data" / "new.yml").write_text("x: 1\n", "utf-8")
    changed = loop.changes(project)
    assert len(changed) == 2 and all(p.endswith((source.name, "new.yml")) for p in changed)


def finding(path, message, level=Level.ERROR, check="topics"):
    return Diagnostic(path, 3, level, message, check=check)


def test_only_findings_about_changed_files_or_chapters_are_printed():
    found = {"topics": [
        finding("data/topics.yml", "topic 't', area 'a' cites 'a/one#p-1': not in that paragraph"),
        finding("data/topics.yml", "topic 't', area 'b' cites 'b/two#p-2': not in that paragraph"),
        finding("data/glossary.yml", "term unused", Level.WARNING, "glossary"),
        finding("data/topics.yml", "a note", Level.NOTE),
    ]}  # fmt: skip
    lines, errors, warnings = check_lines(found, {"sources/a/one.txt"}, {"a/one"})
    assert (lines, errors, warnings) == ([str(found["topics"][0])], 1, 0)
    lines, errors, warnings = check_lines(found, None, set())  # the first build: all but notes
    assert (len(lines), errors, warnings) == (3, 2, 1)


def test_citations_of_a_failed_chapter_are_one_line():
    found = {"topics": [finding("data/topics.yml", f"topic 't', area 'a' cites 'a/one#p-{n}': names chapter 'a/one', "
                                "which is not in the handbook") for n in range(5)]}  # fmt: skip
    lines, errors, _ = check_lines(found, {"sources/a/one.txt"}, {"a/one"}, {"a/one"})
    assert errors == 5 and len(lines) == 1
    assert lines[0].startswith("data/topics.yml: error[topics]: 5 citation(s) of a/one, which is not published (above)")


class _Handbook:
    def __init__(self, root: Path, problems):
        self.project = Project(root)
        self.problems = problems


def test_the_home_notice_says_what_is_left_out_and_why_escaped(tmp_path):
    (tmp_path / "sources" / "x").mkdir(parents=True)
    broken = Diagnostic(str(tmp_path / "sources/x/area.yml"), 2, Level.ERROR, "unknown key '<script>'")
    result = IngestResult()
    conversion = Conversion(tmp_path / "sources/y/a.txt", "sources/y/a.txt", "sources/y/a.txt", Report("sources/y/a.txt"))
    conversion.report.error(1, "this capture is much shorter than the previous one")
    result.conversions.append(conversion)
    html = home_notice(_Handbook(tmp_path, [broken]), result)
    assert "Area left out of the site" in html and "&lt;script&gt;" in html and "<script>" not in html
    assert "Not updated (its previous page, if any, is kept)" in html and "much shorter" in html
    assert 'class="admonition warning hb-ours hb-serving-notice"' in html
    assert home_notice(_Handbook(tmp_path, []), IngestResult()) == ""
