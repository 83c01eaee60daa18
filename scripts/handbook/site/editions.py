"""Guidance a chapter cites in an edition that has been replaced ("Working Together to Safeguard
Children 2013"): our note beside the paragraph, naming the latest edition the handbook knows of
(`data/editions.yml`). The partnership's sentence is left whole; the note follows it."""

from __future__ import annotations

from dataclasses import dataclass

from ..refs import find_editions
from .header import display_date
from .html import after_paragraph
from .page import OFFENCES_PAGE, PageContext, render


@dataclass(frozen=True)
class EditionNote:
    cited: str  # as the paragraph prints it
    replaced_by: str  # "Working Together to Safeguard Children 2026"
    published: str | None
    confirmed: bool
    href: str | None  # the edition on the offences page's guidance list


def notes_for(text: str, context: PageContext) -> list[EditionNote]:
    editions = context.handbook.data.editions
    notes: dict[tuple[str, str], EditionNote] = {}
    for span in find_editions(text, editions):
        newer = span.replaced_by
        if newer is None:
            continue
        document = editions.get(newer.document)
        notes.setdefault((newer.document, newer.edition), EditionNote(
            cited=" ".join(text[span.start : span.end].split()).rstrip("("),
            replaced_by=f"{document.title} ({newer.edition})", published=display_date(newer.published, "") or None,
            confirmed=newer.confirmed, href=context.link(OFFENCES_PAGE, newer.anchor),
        ))  # fmt: skip
    return list(notes.values())


def part(page: str, context: PageContext) -> str:
    if not context.handbook.data.editions.rows:
        return page
    fragments = {}
    for paragraph in context.chapter.paragraphs():
        notes = notes_for(paragraph.text, context)
        if notes:
            fragments[paragraph.id] = render("edition_note.html", notes=notes, paragraph=paragraph.number)
    return after_paragraph(page, fragments) if fragments else page
