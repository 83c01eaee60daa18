"""The handbook model: everything the site, the checks and the exports know, in one object.

Chapters come from the converter's own stages (see `load.py`), so there is one way to get a
paragraph: `handbook.paragraph("sussex/information-communication-technology#para-43.2.9")`.
Nothing else parses front matter or Markdown to find one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .areas import Area
from .datasets import DataSets
from .diagnostics import Diagnostic
from .ingest.model import Chapter, Heading, Paragraph
from .project import Project

_REF = re.compile(r"^(?P<area>[a-z0-9][a-z0-9-]*)/(?P<slug>[a-z0-9][a-z0-9-]*)#(?P<id>[A-Za-z0-9._-]+)$")


@dataclass(frozen=True, order=True)
class ParagraphRef:
    """How a paragraph is cited: `<area>/<chapter-slug>#<paragraph-id>`."""

    area: str
    slug: str
    id: str

    @classmethod
    def parse(cls, text: str) -> ParagraphRef | None:
        match = _REF.match(text.strip())
        return cls(match["area"], match["slug"], match["id"]) if match else None

    @property
    def chapter_id(self) -> str:
        return f"{self.area}/{self.slug}"

    def __str__(self) -> str:
        return f"{self.chapter_id}#{self.id}"


def chapter_sort_key(chapter: Chapter) -> tuple:
    """Chapters in their manual's order: by number (naturally: 1.10 after 1.9), then title."""
    number = chapter.number or ""
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", number))
    return (0 if number else 1, parts, chapter.title.casefold())


@dataclass
class Handbook:
    project: Project
    areas: dict[str, Area]
    chapters: dict[str, Chapter]  # by Chapter.id ("sussex/information-communication-technology")
    data: DataSets
    problems: list[Diagnostic] = field(default_factory=list)  # what loading found wrong
    broken_areas: set[str] = field(default_factory=set)  # folders whose area.yml cannot be used
    # Areas of the project this build leaves out (`handbook build --offline --area`): not in
    # `areas` or `chapters`, so nothing built from the model shows or links them.
    left_out_areas: dict[str, Area] = field(default_factory=dict)
    _paragraphs: dict[str, Paragraph] = field(default_factory=dict, repr=False)
    _by_page: dict[str, Chapter] = field(default_factory=dict, repr=False)
    _memo: dict[str, object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for chapter in self.chapters.values():
            self._by_page[Project.page_path(chapter.area, chapter.slug)] = chapter
            for paragraph in chapter.paragraphs():
                self._paragraphs[f"{chapter.id}#{paragraph.id}"] = paragraph

    @property
    def excluded_areas(self) -> set[str]:
        """Area folders the site leaves out: a broken area.yml, or not in this bundle."""
        return self.broken_areas | set(self.left_out_areas)

    def memo(self, key: str, compute):
        """What is computed once per loaded handbook (which paragraphs cite which law, ...)."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def chapter_at(self, src_uri: str) -> Chapter | None:
        """The chapter whose page is `src_uri` ("chapters/sussex/x.md"), if it is one."""
        return self._by_page.get(src_uri)

    def paragraph(self, ref: str | ParagraphRef) -> Paragraph | None:
        return self._paragraphs.get(str(ref))

    def heading(self, chapter_id: str, heading_id: str) -> Heading | None:
        chapter = self.chapters.get(chapter_id)
        return next((h for h in chapter.headings() if h.id == heading_id), None) if chapter else None

    def areas_in_order(self) -> list[Area]:
        """The areas by name (Area.order), as every page and the navigation list them."""
        return sorted(self.areas.values(), key=lambda a: a.order)

    def for_area(self, area: str) -> list[Chapter]:
        return sorted((c for c in self.chapters.values() if c.area == area), key=chapter_sort_key)

    def paragraphs(self) -> Iterator[tuple[ParagraphRef, Chapter, Paragraph]]:
        """Every paragraph of every chapter, in area and manual order."""
        for area in self.areas_in_order():
            for chapter in self.for_area(area.id):
                for paragraph in chapter.paragraphs():
                    yield ParagraphRef(chapter.area, chapter.slug, paragraph.id), chapter, paragraph
