"""Bad and hostile input: each case converts, or fails with one clear message, and nothing
copied from a page ever reaches the reader (or the build) as code."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import HOSTILE_PAGE, SOURCES

from handbook.cli import main

SUSSEX = (SOURCES / "sussex" / "43.2-information-communication-technology.txt").read_text("utf-8")


def errors(conversion):
    return [str(d) for d in conversion.report.errors]


def warnings(conversion):
    return [d.message for d in conversion.report.warnings]


# --- Files that cannot be used: one clear error naming the file and what to do -------------


@pytest.mark.parametrize(
    "content, line, message, hint",
    [
        (b"", 1, "the file is empty", "paste the chapter's page text"),
        (b"  \n\t\r\n \xc2\xa0 \n", 1, "only white space", "paste the chapter's page text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 2, "not text (it holds binary bytes)",
         "save the page as plain text"),
    ],
    ids=["empty", "whitespace-only", "binary"],
)
def test_unusable_files_fail_with_one_clear_error(convert_text, content, line, message, hint):
    conversion = convert_text(content, "broken.txt")
    assert conversion.markdown is None
    [error] = errors(conversion)
    assert re.match(rf".*broken\.txt:{line}: error: ", error) and message in error and hint in error


# --- Encodings: detected or reported, never mangled -------------------------------------------


def test_cp1252_curly_quotes_are_read_and_reported(convert_text):
    text = "Children\u2019s Social Care\n\nThe child\u2019s \u201cwelfare\u201d \u2013 always.\n"
    conversion = convert_text(text.encode("cp1252"))
    assert conversion.ok
    assert "Children\u2019s Social Care" == conversion.chapter.title
    assert "\u201cwelfare\u201d \u2013" in conversion.markdown
    [warning] = conversion.report.warnings
    assert warning.line == 1 and "not UTF-8" in warning.message and "cp1252" in warning.message


def test_latin1_text_is_read_and_reported(convert_text):
    # 0x81 is undefined in cp1252, so only Latin-1 reads this file.
    conversion = convert_text("Caf\xe9 procedures\n\nA na\xefve \x81 paragraph.\n".encode("latin-1"))
    assert conversion.ok and conversion.chapter.title == "Café procedures"
    assert any("read as latin-1" in w for w in warnings(conversion))


def test_utf8_bom_is_removed(convert_text):
    conversion = convert_text(b"\xef\xbb\xbf" + SUSSEX.encode("utf-8"))
    assert conversion.ok and conversion.chapter.number == "43.2"
    assert "\ufeff" not in conversion.markdown


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_line_endings_do_not_change_the_output(convert_text, ending):
    plain = convert_text(SUSSEX)
    other = convert_text(SUSSEX.replace("\n", ending))
    assert other.ok and other.markdown.split("\n---\n", 1)[1] == plain.markdown.split("\n---\n", 1)[1]


# --- Size -------------------------------------------------------------------------------------


def test_a_5_mb_chapter_converts_without_loss(convert_text):
    rows = []
    for section in range(1, 281):
        rows.append(f"{section}. Section number {section}\n\n")
        for n in range(1, 51):
            rows.append(
                f"{section}.{n}\n\nParagraph {section}.{n}: police must be informed of any information that a person "
                f"may be in possession of abusive images of children (case {section * 1000 + n}); consideration must "
                "be given to the possibility that the individual might also be involved in the active abuse of "
                "children and their access to children should be established, including family and work settings.\n\n"
            )
    text = "A Very Long Chapter\n\n" + "".join(rows)
    assert len(text.encode()) > 5_000_000
    conversion = convert_text(text)
    assert conversion.ok and conversion.fidelity.ok
    assert len([p for p in conversion.chapter.paragraphs() if p.number]) == 280 * 50


def test_lines_of_100000_characters(convert_text):
    long_line = " ".join(f"word{i}" for i in range(14_000))[:100_000]
    conversion = convert_text(f"Long Lines\n\n1.1 {long_line}\n\n{long_line}.1. Heading glued\n\n{'x' * 100_000}\n")
    assert conversion.ok and conversion.fidelity.ok and conversion.fidelity.expected > 20_000


# --- Structure the converter cannot recognise ---------------------------------------------------


def test_no_recognisable_title_is_titled_from_file_name(convert_text):
    text = "this chapter starts with a sentence, not a title, and goes on for quite a while.\n\nMore text.\n"
    conversion = convert_text(text, "5.1-missing-children-procedure.txt")
    assert conversion.ok and conversion.chapter.title == "Missing children procedure"
    assert any("no title line recognised" in w for w in warnings(conversion))
    assert "# Missing children procedure { .hb-ours }" in conversion.markdown  # our words, marked


def test_duplicate_and_out_of_order_paragraph_numbers(convert_text):
    text = "Numbers\n\n1.1 First.\n\n1.3 Third.\n\n1.2 Second, late.\n\n1.3 Third again.\n\n1.4 Fourth.\n"
    conversion = convert_text(text)
    assert conversion.ok
    found = warnings(conversion)
    assert any("skip from 1.1 to 1.3" in w for w in found)
    assert any("1.2 is out of order" in w for w in found)
    assert any("1.3 repeats line 5" in w for w in found)
    ids = [p.id for p in conversion.chapter.paragraphs()]
    assert ids == ["para-1.1", "para-1.3", "para-1.2", "para-1.3-2", "para-1.4"]


@pytest.mark.parametrize(
    "line, problem",
    [("Last updated in Novembr 2026", "cannot read 'Novembr 2026' as a date"),
     ("Last updated: 31 February 2024", "does not exist: February 2024 has 29 days"),
     ("Date of next review 30/13/2025", "has no month 13")],
)  # fmt: skip
def test_unparseable_and_impossible_dates_are_reported_and_left_empty(convert_text, line, problem):
    conversion = convert_text(f"Dates\n\n{line}\n\n1.1 Text.\n")
    assert conversion.ok
    assert conversion.chapter.last_updated is None and conversion.chapter.next_review is None
    [warning] = conversion.report.warnings
    assert warning.line == 3 and problem in warning.message
    assert line in conversion.markdown  # the words themselves stay on the page


# --- Hostile text: never code, in the body or in a title ---------------------------------------


def hostile_page(root: Path) -> str:
    return (root / "site" / HOSTILE_PAGE / "index.html").read_text("utf-8")


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.article: list[str] = []
        self._in_article = 0
        self._ours_open: list[str] = []  # open elements of ours (hb-ours asides and paragraphs)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "article":
            self._in_article += 1
        elif self._in_article:
            # What our notes use for emphasis ("This chapter may be out of date.") is ours, not the text's.
            self.article.append(f"{tag} (ours)" if tag == "strong" and self._ours_open else tag)
        if "hb-ours" in (dict(attrs).get("class") or "") and tag in ("aside", "p"):
            self._ours_open.append(tag)

    def handle_endtag(self, tag):
        if self._ours_open and tag == self._ours_open[-1]:
            self._ours_open.pop()
        if tag == "article":
            self._in_article -= 1


def test_hostile_chapter_builds_without_markup_from_its_text(hostile_site):
    html = hostile_page(hostile_site)
    parser = Elements()
    parser.feed(html)
    allowed = {"a", "aside", "dd", "div", "dl", "dt", "footer", "h1", "h2", "li", "p", "span", "time", "ul", "strong (ours)"}
    assert set(parser.article) <= allowed, set(parser.article) - allowed
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert "evil" not in (attrs.get("class") or "") and attrs.get("id") != "injected"
    article = html[html.index("<article") : html.index("</article>")]
    for literal in ("{{ config }}", '{% include "mkdocs.yml" %}', '--8&lt;-- "mkdocs.yml"', "{# a comment #}",
                    '&lt;script&gt;alert("script")&lt;/script&gt;', "*[HTML]: Hyper Text Markup Language",
                    "[click me](javascript:alert(3))", "render_macros: true", "&amp;copy; &amp;lt;entity&amp;gt;",
                    "(c) (tm)", "!!! warning"):  # fmt: skip
        assert literal in article, literal
    assert "site_name:" not in article  # mkdocs.yml was not included


def test_hostile_title_is_escaped_everywhere(hostile_site):
    html = hostile_page(hostile_site)
    assert "<b>Hostile</b>" not in html and "<b>Area</b>" not in html
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title.startswith("Hostile Test Area &lt;b&gt;Hostile&lt;/b&gt; Chapter &amp; {{ config.site_name }}")
    home = (hostile_site / "site" / "index.html").read_text("utf-8")
    assert "&lt;b&gt;Hostile&lt;/b&gt; Chapter" in home and "<b>Hostile</b>" not in home
    assert "alert('holder')" not in html.replace("&#39;", "'").split("hb-credit")[0] or "<script>alert" not in html


def test_hostile_chapter_loses_no_word_on_the_built_page(hostile_site, capsys):
    args = ["check", "--site", str(hostile_site / "site"), "--sources", str(hostile_site / "sources"),
            "--out", str(hostile_site / "docs" / "chapters"), "--config", str(hostile_site / "mkdocs.yml")]  # fmt: skip
    assert main([*args, "--only", "fidelity", "--verbose"]) == 0, capsys.readouterr()
    assert capsys.readouterr().out.count("coverage: 100.0% of") == 6
    # Its unreadable printed dates are errors of the dates check, with their lines.
    assert main([*args, "--only", "dates"]) == 1
    err = capsys.readouterr().err
    assert "hostile-chapter.txt:3: error[dates]: the page prints a last updated that cannot be read" in err


def test_hostile_chapter_reports_its_defects(hostile_site):
    from handbook.areas import load_area
    from handbook.diagnostics import Report
    from handbook.ingest import convert_file, default_patterns
    from handbook.site.config import chapter_renderer

    folder = hostile_site / "sources" / "hostile"
    area = load_area(folder, Report("x"))
    conversion = convert_file(folder / "hostile-chapter.txt", "hostile-chapter.txt", area, default_patterns(),
                              chapter_renderer(hostile_site / "mkdocs.yml"))  # fmt: skip
    found = [str(d) for d in conversion.report.warnings]
    assert any(":3: warning: last_updated: cannot read 'Novembr 2026'" in w for w in found)
    assert any(":5: warning: next_review:" in w and "does not exist" in w for w in found)
    assert any("1.3 repeats line" in w for w in found) and any("1.2 repeats line 13" in w for w in found)


def test_a_chapter_titled_index_does_not_replace_the_area_page(convert_text):
    conversion = convert_text("Index\n\nText of a chapter called Index.\n")
    assert conversion.ok and conversion.chapter.slug == "index-chapter"
