"""Dates: every date a page prints is read, and the dates agree with each other and with today.

Rules (a month-only date compares as the month it names; "November 2023" is neither before
nor after "2023-11-14"):
* a printed date that cannot be read is an error (the converter left it empty);
* last updated <= captured <= today; next review after last updated;
* amendment dates run in one order (oldest or newest first) and none is after the capture;
* any date before 1989 (the Children Act) or more than five years ahead is an error.
Today is the build date: `HANDBOOK_TODAY` or `handbook check --today` fixes it in tests.
"""

from __future__ import annotations

from datetime import date

from ..diagnostics import Diagnostic, Level
from ..ingest.model import Chapter
from ..review import add_months, today
from . import Context, check

EARLIEST_YEAR = 1989
LATEST_YEARS_AHEAD = 5
FIX = "correct the date in the source copy, or capture the page again"


def _parts(iso: str) -> tuple[int, ...]:
    return tuple(int(p) for p in iso.split("-"))


def compare(a: str, b: str) -> int:
    """-1, 0 or 1, at the precision both dates have."""
    x, y = _parts(a), _parts(b)
    n = min(len(x), len(y))
    return (x[:n] > y[:n]) - (x[:n] < y[:n])


def problems(chapter: Chapter, on: date) -> list[tuple[int | None, str]]:
    found: list[tuple[int | None, str]] = []
    where = chapter.date_lines.get
    for unread in chapter.unread_dates:
        found.append((unread.line, f"the page prints a {unread.label.replace('_', ' ')} that cannot be read: {unread.problem}"))
    named = [("last updated", chapter.last_updated, where("last_updated")), ("next review", chapter.next_review, where("next_review")),
             ("captured", chapter.captured, where("captured"))]  # fmt: skip
    named += [("amendment", a.date, a.line) for a in chapter.amendments if a.date]
    latest = add_months(on, 12 * LATEST_YEARS_AHEAD).isoformat()
    for label, value, line in named:
        if value and (_parts(value)[0] < EARLIEST_YEAR or compare(value, latest) > 0):
            found.append((line, f"{label} {value} is outside {EARLIEST_YEAR} to {latest[:4]}"))
    today_iso = on.isoformat()
    if chapter.captured and compare(chapter.captured, today_iso) > 0:
        found.append((where("captured"), f"captured {chapter.captured} is after today ({today_iso})"))
    if chapter.last_updated and chapter.captured and compare(chapter.last_updated, chapter.captured) > 0:
        found.append((where("last_updated"), f"last updated {chapter.last_updated} is after the capture ({chapter.captured})"))
    if chapter.last_updated and chapter.next_review and compare(chapter.next_review, chapter.last_updated) <= 0:
        found.append((where("next_review"), f"next review {chapter.next_review} is not after last updated ({chapter.last_updated})"))
    dated = [a for a in chapter.amendments if a.date]
    steps = {compare(b.date, a.date) for a, b in zip(dated, dated[1:])} - {0}
    if len(steps) > 1:
        found.append((dated[0].line, "the amendment dates are not in order: " + ", ".join(a.date for a in dated)))
    for amendment in dated:
        if chapter.captured and compare(amendment.date, chapter.captured) > 0:
            found.append((amendment.line, f"amendment dated {amendment.date} is after the capture ({chapter.captured})"))
    return found


@check("dates")
def chronology(context: Context) -> list[Diagnostic]:
    on = today()
    return [
        Diagnostic(chapter.source_file, line or chapter.title_line, Level.ERROR, message, FIX)
        for chapter in context.handbook.chapters.values()
        for line, message in problems(chapter, on)
    ]
