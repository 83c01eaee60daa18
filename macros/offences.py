"""The offences page: the full table (every fact with its status and source), the Acts, and
filtered views by Act and by area. The paragraphs that cite each law are computed from the
chapters' text (`handbook.usage`), never typed. Every value is escaped before a template."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.datasets.common import TO_BE_CONFIRMED, Fact
from handbook.datasets.offences import Offence
from handbook.site.header import display_date
from handbook.site.page import OFFENCES_PAGE
from handbook.usage import Found, citations_of, edition_citations

from .context import Link, MacroContext, cell, known, render


@dataclass(frozen=True)
class FactCell:
    value: str
    confirmed: bool
    source: str


@dataclass(frozen=True)
class OffenceRow:
    anchor: str
    name: str
    law: Link  # "Sexual Offences Act 2003 s15" -> legislation.gov.uk
    covers: FactCell
    who: tuple[FactCell, FactCell]
    max_indictment: FactCell
    max_summary: FactCell
    in_force: FactCell
    amended_by: FactCell
    cited_in: tuple[Link, ...]
    checked: str  # "4 December 2026": the least recently checked of its facts


@dataclass(frozen=True)
class ActRow:
    anchor: str
    title: str
    url: str
    note: str | None
    offences: tuple[Link, ...]
    cited_in: tuple[Link, ...]
    printed_as: str | None  # slips the chapters use for it


def _fact(fact: Fact) -> FactCell:
    value = fact.value + (f" ({fact.note})" if fact.note else "")
    return FactCell(cell(value), fact.confirmed, cell(fact.source))


def _cited(ctx: MacroContext, found: list[Found]) -> tuple[Link, ...]:
    seen: dict[str, Link] = {}
    for citation in found:
        chapter = ctx.handbook.chapters[citation.ref.chapter_id]
        where = citation.number or f"{chapter.number or chapter.title}, unnumbered paragraph"
        label = cell(f"{ctx.handbook.areas[chapter.area].name} {where}")
        seen.setdefault(str(citation.ref), Link(label, ctx.link(ctx.chapter_page(chapter.id), citation.ref.id)))
    return tuple(seen.values())


def _row(ctx: MacroContext, offence: Offence, found: list[Found]) -> OffenceRow:
    statute = ctx.handbook.data.statutes.get(offence.statute)
    return OffenceRow(
        anchor=offence.anchor, name=cell(offence.name),
        law=Link(cell(statute.title + (f" s{offence.section}" if offence.section else "")), offence.url),
        covers=_fact(offence.covers), who=(_fact(offence.offender), _fact(offence.victim)),
        max_indictment=_fact(offence.max_indictment), max_summary=_fact(offence.max_summary),
        in_force=_fact(offence.in_force), amended_by=_fact(offence.amended_by), cited_in=_cited(ctx, found),
        checked=display_date(offence.checked),
    )  # fmt: skip


def _order(ctx: MacroContext, offence: Offence) -> tuple:
    statute = ctx.handbook.data.statutes.get(offence.statute)
    return (statute.year, statute.title, offence.section_key())


def offence_rows(ctx: MacroContext, statute: str | None = None, area: str | None = None) -> list[OffenceRow]:
    rows = []
    for offence in sorted(ctx.handbook.data.offences.filtered(statute), key=lambda o: _order(ctx, o)):
        found = citations_of(ctx.handbook, offence.statute, offence.section)
        if area is not None:
            found = [c for c in found if c.ref.area == area]
            if not found:
                continue
        rows.append(_row(ctx, offence, found))
    return rows


def offence_table(ctx: MacroContext, statute: str | None = None, area: str | None = None) -> str:
    """The offences (all, one Act's, or those one area's chapters cite), one row each: the law,
    both maxima and the paragraphs citing it. Each row links to the offence in full."""
    if statute is not None:
        known("statute", statute, [s.id for s in ctx.handbook.data.statutes.rows])
    if area is not None:
        known("area", area, list(ctx.handbook.areas))
    rows = offence_rows(ctx, statute, area)
    if not rows:
        return "*No offence in the table matches.*\n"
    return render("offence_table.md.j2", rows=rows, full=ctx.link(OFFENCES_PAGE), to_be_confirmed=TO_BE_CONFIRMED)


def offence_details(ctx: MacroContext) -> str:
    """Every offence in full, one section each (the anchor the rest of the site links to):
    what it covers, who, both maxima, when in force, what amended it, every fact's source."""
    return render("offence_details.md.j2", rows=offence_rows(ctx), to_be_confirmed=TO_BE_CONFIRMED,
                  nowhere_cites=f"no chapter of {ctx.in_this_copy} cites this section")  # fmt: skip


def act_list(ctx: MacroContext) -> str:
    """Every Act the handbook knows: its legislation.gov.uk page, offences, citing paragraphs."""
    data = ctx.handbook.data
    rows = []
    for statute in sorted(data.statutes.rows, key=lambda s: (s.year, s.title)):
        found = citations_of(ctx.handbook, statute.id)
        slips = sorted({" ".join(c.span.printed.split()) for c in found if c.span.slip})
        offences = tuple(Link(cell(f"s{o.section} {o.name}" if o.section else o.name), ctx.link(OFFENCES_PAGE, o.anchor))
                         for o in data.offences.filtered(statute.id))  # fmt: skip
        rows.append(ActRow(
            anchor=statute.anchor, title=cell(statute.title), url=statute.url, note=cell(statute.note) if statute.note else None,
            offences=offences, cited_in=_cited(ctx, found),
            printed_as=cell(", ".join(f"“{s}”" for s in slips)) if slips else None,
        ))  # fmt: skip
    return render("act_list.md.j2", rows=rows, nowhere=f"no chapter of {ctx.in_this_copy} yet")


def law_checked(ctx: MacroContext) -> str:
    """"Law as checked on 4 December 2026": the day the least recently checked offence fact
    was checked (and the most recent, when they differ), so a reader knows how old the table is."""
    days = sorted(fact.checked for offence in ctx.handbook.data.offences.rows for fact in offence.facts)
    if not days:
        return ""
    if days[0] == days[-1]:
        return f"**Law as checked on {display_date(days[0])}.**"
    return f"**Law as checked between {display_date(days[0])} and {display_date(days[-1])}** (each offence gives its own date)."


@dataclass(frozen=True)
class EditionRow:
    anchor: str
    edition: str
    published: str
    fact: FactCell  # the edition's note, status and source
    checked: str
    replaced_by: Link | None
    cited_in: tuple[Link, ...]


@dataclass(frozen=True)
class DocumentRow:
    anchor: str
    title: str
    publisher: str
    url: str | None
    replaced_by: Link | None
    editions: tuple[EditionRow, ...]
    cited_otherwise: tuple[Link, ...]  # citations with no year, or a year not listed as an edition


def guidance_editions(ctx: MacroContext) -> str:
    """The guidance documents chapters cite (`data/editions.yml`), each edition with its date,
    status and source, what replaced it, and the paragraphs that cite it (computed)."""
    editions = ctx.handbook.data.editions
    cited = edition_citations(ctx.handbook)
    rows = []
    for document in editions.rows:
        edition_rows = []
        for edition in document.editions:
            newer = editions.replacement(document, edition.edition)
            fact = FactCell(cell(edition.note) if edition.note else "", edition.confirmed, cell(edition.source))
            found = [c for c in cited if c.span.document.id == document.id and c.span.year == edition.edition]
            edition_rows.append(EditionRow(
                anchor=edition.anchor, edition=edition.edition, published=display_date(edition.published),
                fact=fact, checked=display_date(edition.checked),
                replaced_by=Link(cell(f"{editions.get(newer.document).title} ({newer.edition})"), f"#{newer.anchor}") if newer else None,
                cited_in=_cited(ctx, found),
            ))  # fmt: skip
        listed = {e.edition for e in document.editions}
        otherwise = [c for c in cited if c.span.document.id == document.id and c.span.year not in listed]
        whole = editions.get(document.replaced_by) if document.replaced_by else None
        rows.append(DocumentRow(
            anchor=document.anchor, title=cell(document.title), publisher=cell(document.publisher), url=document.url,
            replaced_by=Link(cell(whole.title), f"#{whole.anchor}") if whole else None, editions=tuple(edition_rows),
            cited_otherwise=_cited(ctx, otherwise),
        ))  # fmt: skip
    if not rows:
        return "*No guidance documents in the data.*\n"
    return render("guidance_editions.md.j2", rows=rows, to_be_confirmed=TO_BE_CONFIRMED,
                  nowhere=f"no chapter of {ctx.in_this_copy} cites this edition by its year")  # fmt: skip


def offences_by_act(ctx: MacroContext) -> str:
    """A compact table for each Act that has offences in the table."""
    return "\n".join(
        f"### {cell(s.title)}\n\n" + offence_table(ctx, statute=s.id)
        for s in sorted(ctx.handbook.data.statutes.rows, key=lambda s: (s.year, s.title))
        if ctx.handbook.data.offences.filtered(s.id)
    )


def offences_by_area(ctx: MacroContext) -> str:
    """For each area, the offences its chapters cite by section."""
    return "\n".join(
        f"### {cell(a.name)}\n\n" + offence_table(ctx, area=a.id)
        for a in ctx.handbook.areas_in_order()
    )


MACROS = {
    "offence_table": offence_table,
    "offence_details": offence_details,
    "act_list": act_list,
    "offences_by_act": offences_by_act,
    "offences_by_area": offences_by_area,
    "law_checked": law_checked,
    "guidance_editions": guidance_editions,
}
