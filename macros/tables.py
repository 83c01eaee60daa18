"""Rows for the handbook's tables of areas and chapters, ready for the templates.

Every value is already Markdown-escaped and every link is computed from ids (area, chapter
path) relative to the page that asks, so templates only lay rows out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handbook.ingest.write import escape_text
from handbook.site.catalog import CHAPTERS_DIR, Catalog, cached_catalog
from handbook.site.header import display_date, safe_href

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=False,
    autoescape=False,  # the output is Markdown; values are escaped with escape_text
)


def render(template: str, **values) -> str:
    return _templates.get_template(template).render(**values).strip() + "\n"


def link(from_page: str, to_page: str) -> str:
    """Relative Markdown link target from one docs-relative page to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def cell(text: str | None) -> str:
    return escape_text(text, block_start=False) if text else "—"


class UnknownArea(ValueError):
    """A page asks for an area that has no valid area.yml."""


@dataclass(frozen=True)
class AreaRow:
    name: str
    link: str
    manual: str
    region: str
    chapters: int


@dataclass(frozen=True)
class ChapterRow:
    area: str
    area_link: str
    number: str
    title: str
    link: str
    last_updated: str
    next_review: str


@dataclass(frozen=True)
class AreaSummary:
    manual: str
    region: str
    site: str | None
    site_text: str
    holder: str


class TableSource:
    def __init__(self, docs_dir: Path, sources_dir: Path):
        self.docs_dir, self.sources_dir = docs_dir, sources_dir
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = cached_catalog(self.docs_dir, self.sources_dir)
        return self._catalog

    def _area_page(self, area: str, page: str = "") -> str:
        if area not in self.catalog.areas:
            known = ", ".join(sorted(self.catalog.areas)) or "none"
            raise UnknownArea(f"{page}: unknown area {area!r}; known areas: {known}")
        return f"{CHAPTERS_DIR}/{area}/index.md"

    def area_rows(self, page: str) -> list[AreaRow]:
        return [
            AreaRow(cell(a.name), link(page, self._area_page(a.id)), cell(a.manual), cell(a.region),
                    len(self.catalog.for_area(a.id)))
            for a in sorted(self.catalog.areas.values(), key=lambda a: a.name.casefold())
        ]  # fmt: skip

    def area_summary(self, page: str, area: str) -> AreaSummary:
        self._area_page(area, page)
        a = self.catalog.areas[area]
        return AreaSummary(cell(a.manual), cell(a.region), safe_href(a.site), cell(a.site or "not recorded"),
                           cell(a.copyright_holder))  # fmt: skip

    def chapter_rows(self, page: str, area: str | None) -> list[ChapterRow]:
        areas = [area] if area else sorted(self.catalog.areas, key=lambda a: self.catalog.areas[a].name.casefold())
        rows = []
        for area_id in areas:
            area_page = self._area_page(area_id, page)
            for chapter in self.catalog.for_area(area_id):
                rows.append(ChapterRow(
                    area=cell(self.catalog.areas[area_id].name),
                    area_link=link(page, area_page),
                    number=cell(chapter.chapter),
                    title=cell(chapter.title),
                    link=link(page, chapter.path),
                    last_updated=cell(display_date(chapter.last_updated)),
                    next_review=cell(display_date(chapter.next_review)),
                ))  # fmt: skip
        return rows
