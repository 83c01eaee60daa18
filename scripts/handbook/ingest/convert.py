"""One source file through the stages: read, strip chrome, recognise structure, write Markdown.

The result also carries what the no-words-lost check needs: the source's words outside the
removed lines, each with its line, and the check's verdict on the rendered Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..areas import Area
from ..diagnostics import InputError, Report, display_path
from ..fidelity import Fidelity, compare, html_text, words
from ..site.config import split_front_matter
from .anchors import carry_forward, read_previous
from .chrome import Removed, Stripped, strip_chrome
from . import overrides, recapture
from .model import Chapter
from .patterns import Patterns
from .read import read_source
from .structure import chapter_slug, recognise
from .write import render_chapter


@dataclass
class Conversion:
    source: Path
    shown: str  # the source path as shown in messages
    source_file: str  # the source path as recorded in the generated file: "sources/<area>/<file>"
    report: Report
    chapter: Chapter | None = None
    markdown: str | None = None
    fidelity: Fidelity | None = None
    expected_words: list[tuple[str, int]] = field(default_factory=list)
    recognised: bool = False  # the first stages went cleanly: the handbook model holds this chapter

    @property
    def ok(self) -> bool:
        return self.markdown is not None and self.report.ok


def title_from_file_name(path: Path) -> str:
    """"1.4.2-abusive-images-of-children" gives "Abusive images of children"."""
    stem = re.sub(r"^[A-Za-z]{0,4}\d+(?:\.\d+)*[-_. ]+", "", path.stem)
    text = " ".join(re.split(r"[-_\s]+", stem)).strip()
    return text[:1].upper() + text[1:] if text else path.stem


def source_words(stripped: Stripped, removed: list[Removed]) -> list[tuple[str, int]]:
    gone = {r.line for r in removed}
    return [(w, line.number) for line in stripped.lines if line.number not in gone for w in words(line.text)]


def recognise_file(
    path: Path, shown: str, area: Area, patterns: Patterns, report: Report, source_file: str,
    previous: Callable[[str], str | None] = lambda slug: None,
) -> tuple[Chapter, Stripped] | None:
    """The first stages (read, chrome, structure, anchors): what the handbook model is loaded
    from. `previous(slug)` gives the chapter's last generated Markdown, whose unnumbered
    paragraphs' anchors are carried forward (anchors.py).

    Never raises for bad input; returns None when the file cannot be used (problems go into
    `report`)."""
    try:
        source = read_source(path, shown, report)
    except InputError as exc:
        report.items.append(exc.diagnostic)
        return None
    except OSError as exc:
        report.error(None, f"cannot be read: {exc.strerror}")
        return None
    stripped = strip_chrome(source.lines, patterns, report, banners=(area.name, area.manual))
    if not any(line.text for line in stripped.lines):
        report.error(1, "the file holds only site chrome (menus, buttons, footers)", "copy the chapter's text as well")
        return None
    chapter = recognise(
        stripped, patterns, report, area=area.id, source_file=source_file, fallback_title=title_from_file_name(path),
        banners=(area.name, area.manual), stated_title=overrides.stated_title(path),
    )
    if chapter.source_url is None and area.site:
        chapter.source_url = area.site
        chapter.inferred["source_url"] = "area.yml"
    if not overrides.apply(chapter, path, report, chapter_slug):
        return None
    if not any(p.role == "body" for p in chapter.paragraphs()):
        report.error(
            chapter.title_line or 1, "the file has no chapter text (only a title, site chrome or header boxes): not published",
            "copy the whole page: select from the chapter's title to the end of its text, then paste",
        )
        return None
    before = read_previous(previous(chapter.slug))
    folder = getattr(previous, "folder", None)
    page = display_path(folder / f"{chapter.slug}.md") if folder else f"the previous {chapter.slug}.md"
    if not recapture.check(chapter, before, report, page, display_path(overrides.meta_path(path))):
        return None  # a half copy saved over the whole one: its previous page stays
    carry_forward(chapter, before, report)
    return chapter, stripped


def convert_file(
    path: Path,
    shown: str,
    area: Area,
    patterns: Patterns,
    render_html: Callable[[str], str],
    source_file: str | None = None,
    previous: Callable[[str], str | None] = lambda slug: None,
) -> Conversion:
    """Convert one source; never raises for bad input (problems go into the report)."""
    result = Conversion(Path(path), shown, source_file or shown, Report(shown))
    report = result.report
    recognised = recognise_file(path, shown, area, patterns, report, result.source_file, previous)
    if recognised is None:
        return result
    chapter, stripped = recognised
    result.chapter, result.recognised = chapter, report.ok
    markdown = render_chapter(chapter)
    result.expected_words = source_words(stripped, chapter.removed)
    _, body = split_front_matter(markdown)
    result.fidelity = compare(result.expected_words, words(html_text(render_html(body))))
    if not result.fidelity.ok:
        line, problem = result.fidelity.first_problem()
        report.error(
            line,
            f"the converted chapter would lose text ({result.fidelity.summary()}): {problem}",
            "its previous output is kept; report this to the handbook's developers with the source file",
        )
        return result
    result.markdown = markdown
    return result
