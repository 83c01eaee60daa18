"""Chrome patterns are data: what they remove is recorded with its line, and nothing else goes."""

import pytest

from handbook.diagnostics import InputError, Report
from handbook.ingest.chrome import strip_chrome
from handbook.ingest.patterns import load_patterns
from handbook.ingest.read import Line


def lines(*texts):
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


def test_removed_lines_are_listed_with_their_pattern(patterns):
    result = strip_chrome(lines("Skip to content", "Company Logo", "Title", "Text", "v10"), patterns, Report("x"))
    assert [l.text for l in result.lines] == ["Title", "Text"]
    assert [(r.line, r.reason) for r in result.removed] == [(1, "skip-link"), (2, "logo"), (5, "version-stamp")]
    assert result.version == "v10"


def test_footer_gives_capture_date_and_site(patterns):
    footer = ("This page is correct as printed on Sunday 22nd of July 2018 11:53:50 PM please refer back to this "
              "website (http://mkscb.procedures.org.uk) for updates.")  # fmt: skip
    result = strip_chrome(lines("Title", footer), patterns, Report("x"))
    assert (result.captured, result.source_url) == ("2018-07-22", "http://mkscb.procedures.org.uk")


def test_unreadable_footer_date_is_reported(patterns):
    footer = "This page is correct as printed on Someday please refer back to this website (http://a.b) for updates."
    report = Report("x")
    result = strip_chrome(lines("Title", footer), patterns, report)
    assert result.captured is None and report.warnings[0].line == 2


def test_head_patterns_only_hold_before_the_text(patterns):
    text = ["Home > Procedures > Title", "Title", "Home > this line is part of the chapter"]
    result = strip_chrome(lines(*text), patterns, Report("x"))
    assert [l.text for l in result.lines] == text[1:]


def test_tail_patterns_only_hold_after_the_text(patterns):
    text = ["Title", "© 2024 quoted in the text", "More text.", "© 2024 The Partnership"]
    result = strip_chrome(lines(*text), patterns, Report("x"))
    assert [l.text for l in result.lines] == text[:3]


def test_a_broken_pattern_file_fails_clearly(tmp_path):
    path = tmp_path / "patterns.yml"
    path.write_text("chrome:\n  - name: Bad Name\n    pattern: '('\n", "utf-8")
    with pytest.raises(InputError) as error:
        load_patterns(path)
    assert "patterns.yml:" in str(error.value)
