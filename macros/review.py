"""The review dashboard and the home page's counts: chapters whose next review has passed, is
due within three months or is missing, chapters under review, and copies captured more than
two years ago. Computed from the build date (`handbook.review.today`)."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.review import DUE_WITHIN_MONTHS, STALE_CAPTURE_YEARS, chapter_review, today
from handbook.site.header import display_date

from .context import MacroContext, cell, render

REVIEW_PAGE = "review.md"


@dataclass(frozen=True)
class Row:
    area: str
    number: str
    title: str
    link: str
    next_review: str
    captured: str


@dataclass(frozen=True)
class Group:
    anchor: str
    heading: str
    explanation: str
    rows: tuple[Row, ...]


def groups(ctx: MacroContext) -> list[Group]:
    on = today()
    found: dict[str, list[Row]] = {k: [] for k in ("overdue", "due", "missing", "under-review", "old-capture")}
    handbook = ctx.handbook
    for area in handbook.areas_in_order():
        for chapter in handbook.for_area(area.id):
            state = chapter_review(chapter.next_review, chapter.status, chapter.captured, on)
            row = Row(cell(area.name), cell(chapter.number), cell(chapter.title), ctx.link(ctx.chapter_page(chapter.id)),
                      cell(display_date(chapter.next_review)), cell(display_date(chapter.captured, "not recorded")))  # fmt: skip
            if state.review in ("overdue", "due", "missing"):
                found[state.review].append(row)
            if state.under_review:
                found["under-review"].append(row)
            if state.stale_capture:
                found["old-capture"].append(row)
    texts = {
        "overdue": ("Review overdue", "The next review date the page prints has passed."),
        "due": ("Review due", f"The next review falls within {DUE_WITHIN_MONTHS} months."),
        "missing": ("No review date", "The page prints no next review date."),
        "under-review": ("Under review", "The page says the chapter is under review."),
        "old-capture": ("Old copies", f"The handbook's copy was captured more than {STALE_CAPTURE_YEARS} years ago: "
                                      "check the partnership's website for the current version."),
    }  # fmt: skip
    return [Group(k, *texts[k], tuple(v)) for k, v in found.items()]


def review_dashboard(ctx: MacroContext) -> str:
    """Every chapter that needs attention, grouped by why."""
    return render("review_dashboard.md.j2", groups=groups(ctx), today=cell(display_date(today().isoformat())))


# How the home page counts each group: one, several, none (a count of none links nowhere).
COUNTS = {
    "overdue": ("review overdue", "reviews overdue", "no review overdue"),
    "due": ("review due", "reviews due", "no review due"),
    "missing": ("chapter without a review date", "chapters without a review date", "every chapter has a review date"),
    "under-review": ("under review", "under review", "none under review"),
    "old-capture": ("old copy", "old copies", "no old copies"),
}


@dataclass(frozen=True)
class Count:
    text: str
    anchor: str | None  # None for a count of none


def review_counts(ctx: MacroContext) -> str:
    """One line for the home page: how many chapters need review, linked to the dashboard."""
    counts = []
    for group in groups(ctx):
        one, many, none = COUNTS[group.anchor]
        n = len(group.rows)
        counts.append(Count(f"{n} {one if n == 1 else many}", group.anchor) if n else Count(none, None))
    return render("review_counts.md.j2", counts=counts, link=ctx.link(REVIEW_PAGE),
                  today=cell(display_date(today().isoformat())))  # fmt: skip


MACROS = {"review_dashboard": review_dashboard, "review_counts": review_counts}
