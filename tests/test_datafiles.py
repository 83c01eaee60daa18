"""Data files: YAML checked against its schema, every problem listed at once with its line."""

from handbook import datafiles
from handbook.diagnostics import Report


def test_syntax_error_names_the_line():
    report = Report("data/x.yml")
    assert datafiles.load_text("name: a\nmanual: [b\n", "area", report) is None
    [error] = report.errors
    assert error.line == 3 and "not valid YAML" in error.message


def test_all_schema_errors_at_once_with_lines():
    text = "name: '<b>x</b>'\nmanual: m\nsite: javascript:alert(1)\nregion: null\ncopyright: {holder: h}\n"
    report = Report("data/x.yml")
    assert datafiles.load_text(text, "area", report) is None
    found = sorted((e.line, e.message.split(":")[0]) for e in report.errors)
    assert found == [(1, "name"), (3, "site"), (5, "copyright")]


def test_valid_file_loads():
    text = "name: A\nmanual: M\nsite: null\nregion: null\ncopyright: {holder: H, terms: null}\n"
    assert datafiles.load_text(text, "area", Report("x"))["name"] == "A"
