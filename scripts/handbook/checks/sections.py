"""In-text section and paragraph references point to a real section (with that number and
title) or paragraph of the same chapter; the page links those that do."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level
from ..internal import resolve
from . import Context, check


@check("sections")
def internal_references(context: Context) -> list[Diagnostic]:
    return [
        Diagnostic(chapter.source_file, r.paragraph.line, Level.ERROR,
                   f"paragraph {r.paragraph.id} of {chapter.id} refers to {r.problem}",
                   "the partnership renumbered or renamed the section: tell them; capture the page again if the copy is old")  # fmt: skip
        for chapter in context.handbook.chapters.values()
        for r in resolve(chapter)
        if r.problem
    ]
