"""The no-words-lost check's text extraction: the quick path ingest takes for a converted
chapter gives exactly the parser's words, on every real chapter and on the markup that needs
the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.fidelity import _TextExtractor, html_text, words
from handbook.site.config import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted(p for p in (ROOT / "docs" / "chapters").glob("*/*.md") if p.name != "index.md")


def parsed(html: str) -> str:
    parser = _TextExtractor(None)
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_quick_path_gives_the_parsers_words_on_every_real_chapter(chapter, render_html):
    _, body = split_front_matter(chapter.read_text("utf-8"))
    html = render_html(body)
    assert words(html_text(html)) == words(parsed(html))
    assert len(words(parsed(html))) > 100


@pytest.mark.parametrize("html", [
    '<p>kept <span class="hb-ours">ours</span> kept</p>',
    "<p>a<script>var x = 1;</script>b</p>",
    "<p>a<!-- a comment -->b</p>",
    "<p>a &amp; b &lt;c&gt; &#8217;d</p>",
])  # fmt: skip
def test_markup_the_quick_path_cannot_judge_goes_to_the_parser(html):
    assert words(html_text(html)) == words(parsed(html))
    assert "ours" not in html_text(html) and "var" not in html_text(html) and "comment" not in html_text(html)
