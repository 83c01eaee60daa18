"""Which paragraphs use which glossary term and cite which law: computed from the model, never
typed by hand, and shared by the glossary and offence pages, the laws box and the checks."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Handbook, ParagraphRef
from .refs import EditionSpan, StatuteSpan, TermSpan, find_editions, find_statutes, find_terms


@dataclass(frozen=True)
class Found:
    ref: ParagraphRef
    number: str | None  # the paragraph's printed number, when it has one
    line: int  # its source line


@dataclass(frozen=True)
class LawCitation(Found):
    span: StatuteSpan


@dataclass(frozen=True)
class TermUse(Found):
    span: TermSpan


@dataclass(frozen=True)
class EditionCitation(Found):
    span: EditionSpan


def _term_uses(handbook: Handbook) -> list[TermUse]:
    return [
        TermUse(ref, paragraph.number, paragraph.line, span)
        for ref, _, paragraph in handbook.paragraphs()
        for span in find_terms(paragraph.text, handbook.data.glossary)
    ]


def _law_citations(handbook: Handbook) -> list[LawCitation]:
    return [
        LawCitation(ref, paragraph.number, paragraph.line, span)
        for ref, _, paragraph in handbook.paragraphs()
        for span in find_statutes(paragraph.text, handbook.data.statutes)
    ]


def _edition_citations(handbook: Handbook) -> list[EditionCitation]:
    return [
        EditionCitation(ref, paragraph.number, paragraph.line, span)
        for ref, _, paragraph in handbook.paragraphs()
        for span in find_editions(paragraph.text, handbook.data.editions)
    ]


def edition_citations(handbook: Handbook) -> list[EditionCitation]:
    """Every guidance document the chapters cite, with the edition's year where they give one."""
    return handbook.memo("edition_citations", _edition_citations)


def term_uses(handbook: Handbook) -> list[TermUse]:
    return handbook.memo("term_uses", _term_uses)


def law_citations(handbook: Handbook) -> list[LawCitation]:
    return handbook.memo("law_citations", _law_citations)


def uses_of_term(handbook: Handbook, term_id: str) -> list[TermUse]:
    return [u for u in term_uses(handbook) if u.span.term.id == term_id]


def citations_of(handbook: Handbook, statute_id: str, section: str | None = None) -> list[LawCitation]:
    """Paragraphs citing an Act (any section), or one section of it."""
    return [
        c for c in law_citations(handbook)
        if c.span.statute is not None and c.span.statute.id == statute_id
        and (section is None or (c.span.section or "").upper() == section.upper())
    ]  # fmt: skip
