"""When chapters are due for review, from their printed dates and the build date.

A page that prints only a month ("Next review: November 2026") means the end of that month:
the chapter is due on 2026-11-23 and overdue from 2026-12-01. Nothing is guessed: a chapter
with no next-review date is reported as missing one. The build date is today, unless
`HANDBOOK_TODAY` (or `handbook build --today`) fixes it, so tests and reissued packs are
reproducible.
"""

from __future__ import annotations

import calendar
import os
from dataclasses import dataclass
from datetime import date
from typing import Literal

DUE_WITHIN_MONTHS = 3
STALE_CAPTURE_YEARS = 2

Review = Literal["overdue", "due", "missing", "ok"]


def today() -> date:
    fixed = os.environ.get("HANDBOOK_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(iso: str) -> date:
    """The last day a date of any precision can mean: "2026-11" is 30 November 2026."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_status(next_review: str | None, on: date) -> Review:
    if not next_review:
        return "missing"
    deadline = last_day(next_review)
    if deadline < on:
        return "overdue"
    if deadline <= add_months(on, DUE_WITHIN_MONTHS):
        return "due"
    return "ok"


def capture_is_stale(captured: str | None, on: date) -> bool:
    return captured is not None and last_day(captured) < add_months(on, -12 * STALE_CAPTURE_YEARS)


@dataclass(frozen=True)
class ReviewState:
    review: Review
    under_review: bool
    stale_capture: bool


def chapter_review(next_review: str | None, status: str | None, captured: str | None, on: date) -> ReviewState:
    under = bool(status) and "review" in status.casefold()
    return ReviewState(review_status(next_review, on), under, capture_is_stale(captured, on))
