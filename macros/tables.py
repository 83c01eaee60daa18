"""Tables of areas and chapters for the handbook's own pages (home, area pages).

Every value is Markdown-escaped and every link computed from ids relative to the asking page,
so the templates only lay rows out.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.project import CHAPTERS_DIR
from handbook.review import today
from handbook.site.currency import currency
from handbook.site.header import display_date, safe_href, source_of

from .context import MacroContext, cell, known, render


@dataclass(frozen=True)
class AreaRow:
    name: str
    link: str
    manual: str
    region: str
    chapters: int


@dataclass(frozen=True)
class ChapterRow:
    area: str
    area_link: str
    number: str
    title: str
    link: str
    last_updated: str
    next_review: str


@dataclass(frozen=True)
class AreaSummary:
    manual: str
    region: str
    site: str | None
    site_text: str
    holder: str


def area_page(area: str) -> str:
    return f"{CHAPTERS_DIR}/{area}/index.md"


def area_table(ctx: MacroContext) -> str:
    """Every area with its manual, site and number of chapters."""
    handbook = ctx.handbook
    rows = [
        AreaRow(cell(a.name), ctx.link(area_page(a.id)), cell(a.manual), cell(a.region), len(handbook.for_area(a.id)))
        for a in handbook.areas_in_order()
    ]
    return render("area_table.md.j2", rows=rows, bundle=bundle_note(ctx))


def bundle_note(ctx: MacroContext) -> str | None:
    """In a bundle of some areas (`handbook build --offline --area`): which areas this copy holds
    and how many the full handbook has. None for the full handbook."""
    handbook = ctx.handbook
    if not handbook.left_out_areas:
        return None
    names = [a.name for a in handbook.areas_in_order()]
    total = len(handbook.areas) + len(handbook.left_out_areas)
    return cell(f"This copy holds: {', '.join(names)}. The full handbook has {total} areas.")


def area_summary(ctx: MacroContext, area: str) -> str:
    """One area's manual, site, region and copyright holder."""
    known("area", area, list(ctx.handbook.areas))
    a = ctx.handbook.areas[area]
    summary = AreaSummary(cell(a.manual), cell(a.region), safe_href(a.site), cell(a.site or "not recorded"),
                          cell(a.copyright_holder))  # fmt: skip
    return render("area_summary.md.j2", area=summary)


def chapter_table(ctx: MacroContext, area: str | None = None) -> str:
    """Chapters (of one area, or all) with number, last updated and next review."""
    handbook = ctx.handbook
    if area is not None:
        known("area", area, list(handbook.areas))
    areas = [area] if area else [a.id for a in handbook.areas_in_order()]
    rows = [
        ChapterRow(
            area=cell(handbook.areas[area_id].name),
            area_link=ctx.link(area_page(area_id)),
            number=cell(chapter.number),
            title=cell(chapter.title),
            link=ctx.link(ctx.chapter_page(chapter.id)),
            last_updated=cell(display_date(chapter.last_updated)),
            next_review=cell(display_date(chapter.next_review)),
        )
        for area_id in areas
        for chapter in handbook.for_area(area_id)
    ]
    return render("chapter_table.md.j2", rows=rows, with_area=area is None)


@dataclass(frozen=True)
class HomeChapter:
    label: str
    link: str
    last_updated: str
    may_be_out_of_date: bool


@dataclass(frozen=True)
class HomeArea:
    name: str
    link: str
    manual: str
    chapters: int
    shown: tuple[HomeChapter, ...]  # the chapters themselves, for an area with few
    out_of_date: int


# An area with more chapters than this is summed up on the home page; its own page lists them.
HOME_CHAPTERS_LISTED = 3


def handbook_scope(ctx: MacroContext) -> str:
    """What the handbook holds, in one line: the first thing a practitioner reads."""
    handbook = ctx.handbook
    areas, chapters = len(handbook.areas), len(handbook.chapters)
    return cell(
        f"The local child safeguarding procedures of {areas} area{'s' if areas != 1 else ''} of England "
        f"({chapters} chapter{'s' if chapters != 1 else ''}), word for word and side by side, every paragraph citable."
    )


def home_areas(ctx: MacroContext) -> str:
    """Every area with its chapters (or how many) and their dates, and how many may be out of
    date, so a practitioner finds their area on the first screen."""
    handbook, on = ctx.handbook, today()
    rows = []
    for area in sorted(handbook.areas.values(), key=lambda a: a.name.casefold()):
        chapters = handbook.for_area(area.id)
        stale = {c.id for c in chapters if currency(c, area.name, source_of(c, area), on) is not None}
        shown = tuple(
            HomeChapter(cell(" ".join(p for p in (c.number, c.title) if p)), ctx.link(ctx.chapter_page(c.id)),
                        cell(display_date(c.last_updated)), c.id in stale)
            for c in (chapters if len(chapters) <= HOME_CHAPTERS_LISTED else ())
        )  # fmt: skip
        rows.append(HomeArea(cell(area.name), ctx.link(area_page(area.id)), cell(area.manual), len(chapters), shown, len(stale)))
    return render("home_areas.md.j2", rows=rows, bundle=bundle_note(ctx))


MACROS = {
    "area_table": area_table,
    "area_summary": area_summary,
    "chapter_table": chapter_table,
    "handbook_scope": handbook_scope,
    "home_areas": home_areas,
}
