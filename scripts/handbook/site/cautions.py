"""Legal cautions: our editorial notes beside the paragraphs that state the law wrongly or out
of date (`data/cautions.yml`), each with its primary source."""

from __future__ import annotations

from .html import after_paragraph
from .page import PageContext, render


def part(page: str, context: PageContext) -> str:
    cautions = context.handbook.data.cautions
    fragments = {}
    for paragraph in context.chapter.paragraphs():
        found = cautions.at(f"{context.chapter.id}#{paragraph.id}")
        if found:
            fragments[paragraph.id] = render("caution.html", cautions=found)
    return after_paragraph(page, fragments) if fragments else page
