"""What the site adds to a chapter page about the chapter itself, from the model and its area.

Plain data for small templates: the header box (area, manual, number, dates, source link,
amendment history) and the credit line. Nothing here is the partnership's text; the template
marks all of it as ours (`hb-ours`), so the no-words-lost check leaves it out.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..areas import Area
from ..ingest.model import Chapter
from .html import after_title, before_title
from .page import PageContext, render

NOT_STATED = "not stated"


def display_date(iso: str | None, missing: str = NOT_STATED) -> str:
    """"2023-11" gives "November 2023"; "2024-09-24" gives "24 September 2024"; "2020" stays."""
    if not iso:
        return missing
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def safe_href(url: str | None) -> str | None:
    """A link only for http(s) URLs: a scraped "javascript:" URL is shown, never linked."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    datetime: str | None = None  # ISO date for a <time> element
    href: str | None = None
    inferred: str | None = None  # "from the latest amendment": the page does not print it


def _from(chapter: Chapter, key: str) -> str | None:
    """Where a fact the page does not print came from, in a reader's words: the converter
    records a file ("area.yml", "<source>.meta.yml"), which means nothing to a practitioner."""
    if key not in chapter.inferred:
        return None
    origin = chapter.inferred[key]
    if origin == "area.yml":
        return "from the handbook's record of the area"
    if origin.endswith(".meta.yml"):
        return "stated by the handbook's editors"
    return f"from {origin}"


@dataclass(frozen=True)
class DatedText:
    date: str
    datetime: str | None
    text: str


@dataclass(frozen=True)
class ChapterHeader:
    rows: tuple[Row, ...]
    amendments: tuple[DatedText, ...]
    credit: str


def source_of(chapter: Chapter, area: Area) -> str | None:
    """Where the text was reproduced from: the page's own URL (its footer's, or the area's site,
    as ingest recorded it), else the area's site as area.yml gives it now."""
    return chapter.source_url or area.site


def chapter_header(chapter: Chapter, area: Area) -> ChapterHeader:
    source = source_of(chapter, area)
    rows = [
        Row("Area", area.name),
        Row("Manual", area.manual),
        Row("Chapter", chapter.number or "not numbered"),
        Row("Last updated", display_date(chapter.last_updated), chapter.last_updated,
            inferred=_from(chapter, "last_updated")),
        Row("Next review", display_date(chapter.next_review), chapter.next_review),
        Row("Captured", display_date(chapter.captured, "not recorded"), chapter.captured),
        Row("Source", source or "not recorded", href=safe_href(source), inferred=_from(chapter, "source_url")),
    ]
    if chapter.status:
        rows.insert(5, Row("Status", chapter.status))
    if chapter.version:
        rows.insert(3, Row("Version", chapter.version))
    amendments = tuple(
        DatedText(display_date(a.date, "undated"), a.date, a.text or "(no text given)") for a in chapter.amendments
    )
    return ChapterHeader(tuple(rows), amendments, credit(chapter, area))


def credit(chapter: Chapter, area: Area) -> str:
    site = source_of(chapter, area) or "the partnership's website (address not recorded)"
    captured = display_date(chapter.captured, "date not recorded")
    terms = area.copyright_terms or "Terms of reuse not recorded."
    return f"© {area.copyright_holder}. Reproduced from {site}, captured {captured}. {terms}"


# --- Page parts (site/page.py) ----------------------------------------------------------------


def part(page: str, context: PageContext) -> str:
    """The "About this chapter" box, just after the title."""
    area = context.handbook.areas[context.chapter.area]
    return after_title(page, render("chapter_header.html", header=chapter_header(context.chapter, area)))


def area_part(page: str, context: PageContext) -> str:
    """Whose procedure this is, above the title: the chapters of different areas have
    near-identical titles, so the area and its manual lead the page (and its print)."""
    area = context.handbook.areas[context.chapter.area]
    return before_title(page, render("chapter_area.html", area=area))


def credit_part(page: str, context: PageContext) -> str:
    """The credit line, after the text."""
    area = context.handbook.areas[context.chapter.area]
    return page + render("credit.html", credit=credit(context.chapter, area))
