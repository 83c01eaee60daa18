"""Related chapters on a chapter page: an entry that is a chapter of the handbook gets a link to
it; one that is not says so, with its address when known (ours, beside the partnership's words)."""

from __future__ import annotations

from ..project import Project
from ..related import related_chapters
from .header import safe_href
from .html import after_paragraph
from .page import PageContext, render


def part(page: str, context: PageContext) -> str:
    fragments: dict[str, str] = {}
    for entry in related_chapters(context.handbook, context.chapter):
        if entry.paragraph is None:
            continue
        href = None
        if entry.chapter is not None:
            href = context.link(Project.page_path(entry.chapter.area, entry.chapter.slug))
        area = context.handbook.areas.get(entry.elsewhere.area).name if entry.elsewhere and entry.elsewhere.area in context.handbook.areas else None
        fragments[entry.paragraph.id] = fragments.get(entry.paragraph.id, "") + render(
            "related.html", entry=entry, href=href, area=area,
            url=safe_href(entry.elsewhere.url) if entry.elsewhere else None,
        )  # fmt: skip
    return after_paragraph(page, fragments) if fragments else page
