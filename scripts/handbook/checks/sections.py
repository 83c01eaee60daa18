"""In-text section and paragraph references point to a real section (with that number and
title) or paragraph of the same chapter; the page links those that do."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level
from ..internal import resolve
from . import Context, check


@check("sections")
def internal_references(context: Context) -> list[Diagnostic]:
    return [_problem(chapter, r) for chapter in context.handbook.chapters.values() for r in resolve(chapter) if r.problem]


def _problem(chapter, r) -> Diagnostic:
    where = f"paragraph {r.paragraph.id} of {chapter.id} refers to {r.problem}"
    if r.beyond_copy and r.beyond_copy.split(", ")[1].startswith("mid-sentence"):
        # The copy is cut off before what the text refers to: ours to fix, not the partnership's.
        return Diagnostic(chapter.source_file, r.paragraph.line, Level.ERROR,
                          f"{where}: a short copy ({r.beyond_copy}), not a fault of the partnership's",
                          "copy the whole page again: select from the chapter's title to the end of its text")  # fmt: skip
    if r.beyond_copy:
        return Diagnostic(chapter.source_file, r.paragraph.line, Level.ERROR, f"{where} ({r.beyond_copy})",
                          "if the page goes on past the copy, it is a short copy: copy the whole page again; if not, "
                          "the partnership renumbered the section: tell them")  # fmt: skip
    return Diagnostic(chapter.source_file, r.paragraph.line, Level.ERROR, where,
                      "the partnership renumbered or renamed the section: tell them; capture the page again if the copy is old")
