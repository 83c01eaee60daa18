"""Related chapters resolve: each is a chapter of the handbook (then the page links it) or is
listed in data/elsewhere.yml (then the page says it is not in this handbook)."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level
from ..related import related_chapters
from . import Context, check


@check("related")
def related(context: Context) -> list[Diagnostic]:
    found = []
    for chapter in context.handbook.chapters.values():
        for entry in related_chapters(context.handbook, chapter):
            if entry.chapter is None and entry.elsewhere is None:
                found.append(Diagnostic(
                    chapter.source_file, entry.paragraph.line if entry.paragraph else chapter.title_line, Level.ERROR,
                    f"related chapter {entry.title!r} is neither a chapter of the handbook nor listed in data/elsewhere.yml",
                    f"add the chapter's source, or add it to data/elsewhere.yml (area: {chapter.area}, title, url or null)",
                ))  # fmt: skip
    return found
