"""The glossary page (A-Z, one anchor per term, the chapters that use each term) and `term()`
for hand-written pages. Definitions are ours; every value is escaped before a template sees it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from handbook.datasets.common import TO_BE_CONFIRMED
from handbook.datasets.glossary import Term
from handbook.site.page import GLOSSARY_PAGE
from handbook.site.terms import hover_text
from handbook.usage import uses_of_term

from .context import Link, MacroContext, attr, cell, known, render


@dataclass(frozen=True)
class Entry:
    anchor: str
    term: str
    expansion: str | None
    definition: str
    names: str | None  # synonyms and local names, joined
    replaced_by: Link | None
    replaced_note: str | None
    replaces: tuple[Link, ...]
    source: str
    confirmed: bool
    uses: tuple[Link, ...]  # "Sussex 43.2 Information ... (3 paragraphs)" -> first paragraph


@dataclass(frozen=True)
class Letter:
    letter: str
    entries: tuple[Entry, ...]


def _uses(ctx: MacroContext, term: Term) -> tuple[Link, ...]:
    by_chapter: dict[str, list] = {}
    for use in uses_of_term(ctx.handbook, term.id):
        by_chapter.setdefault(use.ref.chapter_id, []).append(use)
    links = []
    for chapter_id, found in by_chapter.items():
        chapter = ctx.handbook.chapters[chapter_id]
        count = len({u.ref for u in found})
        label = " ".join(filter(None, [ctx.handbook.areas[chapter.area].name, chapter.number, chapter.title]))
        label += f" ({count} paragraph{'s' if count > 1 else ''})"
        links.append(Link(cell(label), ctx.link(ctx.chapter_page(chapter_id), found[0].ref.id)))
    return tuple(links)


def _entry(ctx: MacroContext, term: Term) -> Entry:
    glossary = ctx.handbook.data.glossary
    superseded = term.superseded_by
    replacement = glossary.get(superseded.term) if superseded else None
    names = [*term.synonyms, *(f"{v} (local name)" for v in term.local_variants)]
    return Entry(
        anchor=term.anchor, term=cell(term.term), expansion=cell(term.expansion) if term.expansion else None,
        definition=cell(term.definition), names=cell("; ".join(names)) if names else None,
        replaced_by=Link(cell(replacement.term), f"#{replacement.anchor}") if replacement else None,
        replaced_note=cell(superseded.note) if superseded else None,
        replaces=tuple(Link(cell(t.term), f"#{t.anchor}") for t in glossary.rows
                       if t.superseded_by and t.superseded_by.term == term.id),
        source=cell(term.source), confirmed=term.status == "verified-primary", uses=_uses(ctx, term),
    )  # fmt: skip


def glossary_page(ctx: MacroContext) -> str:
    """Every term A-Z: definition, names, what replaced it, and the chapters that use it."""
    terms = ctx.handbook.data.glossary.a_to_z()
    letters = [Letter(k, tuple(_entry(ctx, t) for t in g)) for k, g in groupby(terms, key=lambda t: t.letter)]
    return render("glossary.md.j2", letters=letters, to_be_confirmed=TO_BE_CONFIRMED,
                  nowhere=f"no chapter of {ctx.in_this_copy} yet")  # fmt: skip


def term(ctx: MacroContext, term_id: str, text: str | None = None) -> str:
    """A glossary term in running text: hover definition, linked to its entry."""
    glossary = ctx.handbook.data.glossary
    known("glossary term", term_id, [t.id for t in glossary.rows])
    entry = glossary.get(term_id)
    return render(
        "term.md.j2", text=cell(text or entry.term), title=attr(hover_text(entry)), href=ctx.link(GLOSSARY_PAGE, entry.anchor)
    ).strip()


MACROS = {"glossary_page": glossary_page, "term": term}
