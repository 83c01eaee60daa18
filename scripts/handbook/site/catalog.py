"""The handbook's chapters and areas as typed records, read from the generated front matter.

Macros (tables of chapters) and hooks (navigation order, header box) read the site through
this one module, so the front matter contract is interpreted in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..areas import Area, load_area
from ..diagnostics import Diagnostic, Report
from .config import split_front_matter

CHAPTERS_DIR = "chapters"  # under docs/: chapters/<area>/<chapter-slug>.md


@dataclass(frozen=True)
class AmendmentMeta:
    date: str | None
    text: str


@dataclass(frozen=True)
class ChapterMeta:
    area: str
    slug: str
    path: str  # docs-relative, e.g. "chapters/sussex/information-communication-technology.md"
    title: str
    chapter: str | None
    source_url: str | None
    captured: str | None
    last_updated: str | None
    next_review: str | None
    version: str | None
    status: str | None
    amendments: tuple[AmendmentMeta, ...]
    related_chapters: tuple[str, ...]
    related_guidance: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.area}/{self.slug}"

    @classmethod
    def from_front_matter(cls, meta: dict, path: str) -> ChapterMeta:
        slug = Path(path).stem
        return cls(
            area=meta["area"],
            slug=slug,
            path=path,
            title=meta["title"],
            chapter=meta.get("chapter"),
            source_url=meta.get("source_url"),
            captured=meta.get("captured"),
            last_updated=meta.get("last_updated"),
            next_review=meta.get("next_review"),
            version=meta.get("version"),
            status=meta.get("status"),
            amendments=tuple(AmendmentMeta(a.get("date"), a.get("text", "")) for a in meta.get("amendments") or []),
            related_chapters=tuple(meta.get("related_chapters") or []),
            related_guidance=tuple(meta.get("related_guidance") or []),
        )


def is_chapter_meta(meta: dict) -> bool:
    """Generated chapter pages carry `area` and `source_file`; index pages do not."""
    return bool(meta) and "area" in meta and "source_file" in meta


def sort_key(chapter: ChapterMeta) -> tuple:
    """Chapters in their manual's order: by number (naturally: 1.10 after 1.9), then title."""
    number = chapter.chapter or ""
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", number))
    return (0 if number else 1, parts, chapter.title.casefold())


@dataclass
class Catalog:
    areas: dict[str, Area]
    chapters: list[ChapterMeta]
    problems: list[Diagnostic]
    _by_path: dict[str, ChapterMeta] = field(default_factory=dict, repr=False)

    def for_area(self, area: str) -> list[ChapterMeta]:
        return sorted((c for c in self.chapters if c.area == area), key=sort_key)

    def by_path(self, path: str) -> ChapterMeta | None:
        if len(self._by_path) != len(self.chapters):  # built once; pages ask for it one by one
            self._by_path = {c.path: c for c in self.chapters}
        return self._by_path.get(path)


def read_front_matter(path: Path) -> dict:
    head, _ = split_front_matter(path.read_text("utf-8"))
    return (yaml.safe_load(head) or {}) if head else {}


def load_catalog(docs_dir: Path, sources_dir: Path) -> Catalog:
    problems: list[Diagnostic] = []
    areas: dict[str, Area] = {}
    chapters: list[ChapterMeta] = []
    root = Path(docs_dir) / CHAPTERS_DIR
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        report = Report(str(Path(sources_dir) / folder.name))
        area = load_area(Path(sources_dir) / folder.name, report)
        problems.extend(report.items)
        if area is not None:
            areas[area.id] = area
        for path in sorted(folder.glob("*.md")):
            meta = read_front_matter(path)
            if is_chapter_meta(meta):
                chapters.append(ChapterMeta.from_front_matter(meta, path.relative_to(docs_dir).as_posix()))
    return Catalog(areas, chapters, problems)


_last: tuple[tuple, Catalog] | None = None


def cached_catalog(docs_dir: Path, sources_dir: Path) -> Catalog:
    """`load_catalog`, read once per build: the hooks and the macros both ask for it, and
    `mkdocs serve` asks again after every change (the files' sizes and times tell)."""
    global _last
    root = Path(docs_dir) / CHAPTERS_DIR
    files = sorted([*root.glob("*/*.md"), *Path(sources_dir).glob("*/area.yml")])
    key = (str(docs_dir), str(sources_dir), tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    if _last is None or _last[0] != key:
        _last = (key, load_catalog(docs_dir, sources_dir))
    return _last[1]
