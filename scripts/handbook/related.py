"""Related chapters, resolved: each title a chapter's "related chapters" box prints is either a
chapter of this handbook (in the same area), or one listed in `data/elsewhere.yml`, or unknown.
Shared by the check (`checks/related.py`) and the page (`site/related.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from .datasets.elsewhere import Elsewhere, title_key
from .ingest.model import Box, Chapter, Paragraph
from .model import Handbook


@dataclass(frozen=True)
class Related:
    title: str
    paragraph: Paragraph | None  # the box entry that prints it
    chapter: Chapter | None  # in this handbook
    elsewhere: Elsewhere | None  # known to exist elsewhere


def related_chapters(handbook: Handbook, chapter: Chapter) -> list[Related]:
    entries = [p for node in chapter.body if isinstance(node, Box) and node.kind == "related_chapters" for p in node.paragraphs]
    by_title = {title_key(c.title): c for c in handbook.for_area(chapter.area)}
    found = []
    for title in chapter.related_chapters:
        paragraph = next((p for p in entries if title_key(title) in title_key(p.text)), None)
        found.append(Related(title, paragraph, by_title.get(title_key(title)), handbook.data.elsewhere.get(chapter.area, title)))
    return found
