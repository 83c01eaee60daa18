"""Content properties of `sources/` and the committed chapters: whatever areas and chapters
they hold, every source converts with no word lost, and the committed chapters are what
`handbook ingest` writes. No area, chapter or count is named here: an author's new area must
pass these as it is (tests/test_any_area.py proves it on a copy with one added)."""

from __future__ import annotations

import re

import pytest

from conftest import CONTENT_ROOT
from handbook.cli import main
from handbook.ingest import default_patterns, ingest
from handbook.site.config import chapter_renderer
from test_fidelity import quick_path_agrees

SOURCE_FILES = sorted(CONTENT_ROOT.glob("sources/*/*.txt"))
GENERATED = sorted((CONTENT_ROOT / "docs" / "chapters").rglob("*.md"))
CHAPTER_FILES = [p for p in GENERATED if p.name != "index.md"]


def shown(path):
    return path.relative_to(CONTENT_ROOT).as_posix()


@pytest.fixture(scope="module")
def conversions():
    """Every source converted as `handbook ingest --check` converts it (nothing written)."""
    result = ingest(CONTENT_ROOT / "sources", CONTENT_ROOT / "docs" / "chapters", default_patterns(),
                    chapter_renderer(CONTENT_ROOT / "mkdocs.yml"), check=True)  # fmt: skip
    assert [str(d) for r in result.reports for d in r.errors] == []  # area.yml files and the tree
    return {c.source.resolve(): c for c in result.conversions}


def test_there_is_content_to_test():
    assert SOURCE_FILES and CHAPTER_FILES, f"no sources or chapters under {CONTENT_ROOT}"


def test_the_committed_chapters_are_what_ingest_writes(capsys, monkeypatch):
    """`handbook ingest --check`: a source added or changed without `handbook ingest` fails."""
    monkeypatch.chdir(CONTENT_ROOT)
    assert main(["ingest", "--check"]) == 0, capsys.readouterr()


@pytest.mark.parametrize("source", SOURCE_FILES, ids=shown)
def test_every_source_converts_with_no_word_lost(conversions, source):
    conversion = conversions[source.resolve()]
    assert conversion.ok, [str(d) for d in conversion.report.errors]
    assert conversion.fidelity.ok and conversion.fidelity.coverage == 100.0
    chapter = conversion.chapter
    assert chapter.title and chapter.paragraphs()
    ids = [p.id for p in chapter.paragraphs()] + [h.id for h in chapter.headings()]
    assert all(ids) and len(ids) == len(set(ids))
    for paragraph in chapter.paragraphs():
        assert paragraph.id.startswith(f"para-{paragraph.number}" if paragraph.number else "p-"), paragraph.id


@pytest.mark.parametrize("chapter", CHAPTER_FILES, ids=shown)
def test_the_quick_path_gives_the_parsers_words(chapter, render_html):
    assert quick_path_agrees(chapter, render_html)


def test_generated_chapters_never_opt_into_macros():
    for path in GENERATED:
        text = path.read_text("utf-8")
        head = text.split("\n---\n", 1)[0]
        if "source_file:" in head:
            assert "render_macros" not in head, path
        assert not re.search(r"\{#[A-Za-z0-9]", text), f"{path}: Jinja comment opener"
