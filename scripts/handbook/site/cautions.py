"""Legal cautions: our editorial notes beside the paragraphs that state the law wrongly or out
of date (`data/cautions.yml`), each with its primary source."""

from __future__ import annotations

from .html import after_paragraph
from .page import PageContext, render


def part(page: str, context: PageContext) -> str:
    cautions = context.handbook.data.cautions
    found = [(p, cautions.at(f"{context.chapter.id}#{p.id}")) for p in context.chapter.paragraphs()]
    found = [(p, at) for p, at in found if at]
    total = sum(len(at) for _, at in found)
    fragments, shown = {}, 0
    for paragraph, at in found:
        labelled = []
        for caution in at:
            shown += 1
            labelled.append((caution, label(shown, total, paragraph.number)))
        fragments[paragraph.id] = render("caution.html", cautions=labelled)
    return after_paragraph(page, fragments) if fragments else page


def label(n: int, total: int, number: str | None) -> str:
    """Each caution is a landmark (<aside>): screen readers list them by name, so no two on a
    page share one (one caution can cite several paragraphs of a chapter)."""
    name = "Legal caution from the handbook" if total == 1 else f"Legal caution {n} of {total} from the handbook"
    return f"{name}, beside paragraph {number}" if number else name
