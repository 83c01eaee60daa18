"""The no-words-lost check's text extraction: the quick path ingest takes for a converted
chapter gives exactly the parser's words, on every chapter of the fixture handbook and on the
markup that needs the parser (on every real chapter: tests/content/test_content_sources.py)."""

from __future__ import annotations

import pytest

from conftest import SOURCES
from handbook.fidelity import _TextExtractor, html_text, words
from handbook.site.config import split_front_matter

AREAS = sorted(p.name for p in SOURCES.iterdir() if p.is_dir())


def parsed(html: str) -> str:
    parser = _TextExtractor(None)
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def quick_path_agrees(chapter, render_html) -> list[str]:
    """The chapter's words by the quick path, having checked they are the parser's."""
    _, body = split_front_matter(chapter.read_text("utf-8"))
    html = render_html(body)
    assert words(html_text(html)) == words(parsed(html))
    return words(parsed(html))


@pytest.mark.parametrize("area", AREAS)
def test_quick_path_gives_the_parsers_words_on_every_chapter(area, fixture_root, render_html):
    chapters = [p for p in (fixture_root / "docs" / "chapters" / area).glob("*.md") if p.name != "index.md"]
    assert chapters
    for chapter in chapters:
        assert len(quick_path_agrees(chapter, render_html)) > 100


@pytest.mark.parametrize("html", [
    '<p>kept <span class="hb-ours">ours</span> kept</p>',
    "<p>a<script>var x = 1;</script>b</p>",
    "<p>a<!-- a comment -->b</p>",
    "<p>a &amp; b &lt;c&gt; &#8217;d</p>",
])  # fmt: skip
def test_markup_the_quick_path_cannot_judge_goes_to_the_parser(html):
    assert words(html_text(html)) == words(parsed(html))
    assert "ours" not in html_text(html) and "var" not in html_text(html) and "comment" not in html_text(html)
