"""Is this chapter current? Our banner at the top of a chapter page, in plain words with the
dates, when the chapter's review is overdue, it was last updated more than three years before
the build date, our copy was captured more than a year before it, or those dates are unknown.
None when the chapter is current. Acting on an out-of-date procedure is the harm to prevent,
so the page says so itself (and its print and training packs with it), not only the review
dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..ingest.model import Chapter
from ..review import add_months, last_day, review_status, today
from .header import display_date, safe_href, source_of
from .html import after_title
from .page import PageContext, render

UPDATED_WITHIN_YEARS = 3
CAPTURED_WITHIN_MONTHS = 12
YEARS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True)
class Currency:
    reasons: tuple[str, ...]  # each a sentence in our words, with its date
    site: str | None  # where to check the procedure in force
    area: str


def currency(chapter: Chapter, area_name: str, site: str | None, on: date) -> Currency | None:
    reasons = []
    if review_status(chapter.next_review, on) == "overdue":
        reasons.append(f"This chapter was due for review in {display_date(chapter.next_review)}.")
    if chapter.last_updated is None:
        reasons.append("The partnership's page does not say when it was last updated.")
    elif last_day(chapter.last_updated) < add_months(on, -12 * UPDATED_WITHIN_YEARS):
        when = display_date(chapter.last_updated)
        # A date the page does not print (taken from its latest amendment) is not presented as printed.
        said = f"Its latest amendment is dated {when}" if "last_updated" in chapter.inferred else f"It was last updated in {when}"
        reasons.append(f"{said}, more than {YEARS[UPDATED_WITHIN_YEARS]} years ago.")
    if chapter.captured is None:
        reasons.append("We do not know when our copy of the page was captured.")
    elif last_day(chapter.captured) < add_months(on, -CAPTURED_WITHIN_MONTHS):
        reasons.append(f"Our copy was captured on {display_date(chapter.captured)}, more than a year ago.")
    if not reasons:
        return None
    return Currency(tuple(reasons), safe_href(site), area_name)


def part(page: str, context: PageContext) -> str:
    """Just after the title, before the "About this chapter" box."""
    chapter = context.chapter
    area = context.handbook.areas[chapter.area]
    found = currency(chapter, area.name, source_of(chapter, area), today())
    if found is None:
        return page
    return after_title(page, render("currency.html", currency=found))
