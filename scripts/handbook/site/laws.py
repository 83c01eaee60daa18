"""Statute references on a chapter page: the Act's words linked to its row on the offences page
(and to legislation.gov.uk from the laws box), and an "Offences and laws referred to" box.

The partnership's words are never changed: a link wraps them, and a known slip ("Sex Offences
Act 2003") is linked to the Act it means, with a note from `handbook check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..refs import StatuteSpan, find_statutes
from ..usage import LawCitation, law_citations
from .html import edit_paragraphs, rewrite_text
from .page import OFFENCES_PAGE, PageContext, render


def target(span: StatuteSpan, context: PageContext) -> str | None:
    """The offence row when the text names a section we have a row for, else the Act's entry."""
    assert span.statute is not None
    offence = context.handbook.data.offences.at(span.statute.id, span.section)
    return context.link(OFFENCES_PAGE, offence.anchor if offence else span.statute.anchor)


def in_text(page: str, context: PageContext) -> str:
    statutes = context.handbook.data.statutes
    if not statutes.rows:
        return page

    def replace(text: str) -> list[tuple[str, bool]]:
        pieces: list[tuple[str, bool]] = []
        at = 0
        for span in find_statutes(text, statutes):
            href = target(span, context) if span.statute else None
            if href is None or span.start < at:
                continue
            title = span.statute.title + (f", section {span.section}" if span.section else "")
            pieces.append((text[at : span.start], False))
            pieces.append((Markup('<a class="hb-law" href="{}" title="{}">{}</a>').format(href, title, text[span.start : span.end]), True))
            at = span.end
        return pieces + [(text[at:], False)] if pieces else [(text, False)]

    return edit_paragraphs(page, lambda _id, inner: rewrite_text(inner, replace))


@dataclass(frozen=True)
class LawRow:
    title: str
    section: str | None
    offence: str | None  # the offence's name when we have a row for that section
    href: str | None  # our row
    legislation: str  # legislation.gov.uk
    paragraphs: tuple[tuple[str, str], ...]  # (label, "#id")
    printed_as: tuple[str, ...]  # how the chapter names it, where that differs from the title


def law_rows(citations: list[LawCitation], context: PageContext) -> list[LawRow]:
    grouped: dict[tuple[str, str | None], list[LawCitation]] = {}
    for citation in citations:
        if citation.span.statute is not None:
            key = (citation.span.statute.id, (citation.span.section or "").upper() or None)
            grouped.setdefault(key, []).append(citation)
    rows = []
    data = context.handbook.data
    for (statute_id, section), found in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        statute = data.statutes.get(statute_id)
        offence = data.offences.at(statute_id, section)
        seen: dict[str, str] = {}
        for c in found:
            seen.setdefault(c.ref.id, c.number or "unnumbered paragraph")
        printed = sorted({" ".join(c.span.printed.split()) for c in found} - {statute.title})
        rows.append(LawRow(
            title=statute.title, section=section, offence=offence.name if offence else None,
            href=target(found[0].span, context), legislation=offence.url if offence else statute.section_url(section),
            paragraphs=tuple((label, f"#{pid}") for pid, label in seen.items()), printed_as=tuple(printed),
        ))  # fmt: skip
    return rows


def box(page: str, context: PageContext) -> str:
    """The "Offences and laws referred to" box, after the chapter's text (ours)."""
    chapter_id = context.chapter.id
    citations = [c for c in law_citations(context.handbook) if c.ref.chapter_id == chapter_id]
    return page + render("laws.html", rows=law_rows(citations, context))
