"""Dates as procedures pages print them, turned into ISO strings.

A page may give a day ("September 24, 2024", "27/02/24") or only a month ("November 2023").
We keep exactly what it says: `YYYY-MM-DD`, or `YYYY-MM` when only the month is given. Nothing
is guessed: a date that cannot be read, or that does not exist, is an error the caller reports.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"

# One date as printed. Used inside recognition patterns as the `{date}` placeholder.
DATE = (
    rf"(?:{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"  # 21st of December 2024
    rf"|{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # September 24, 2024
    rf"|{_MONTH},?\s+\d{{4}}"  # November 2023
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"  # 27/02/24 (day first, as in England)
    r"|\d{1,2}\.\d{1,2}\.\d{4}"  # 27.02.2024 (a four-figure year: "43.2.12" is a paragraph)
    r"|\d{4}-\d{2}(?:-\d{2})?)"  # 2024-09-24
    rf"{_TIME}"
)
_DATE_ONLY = re.compile(rf"^{DATE}$", re.IGNORECASE)


@dataclass(frozen=True)
class UnreadDate:
    """A date the page prints that could not be read: left empty, never guessed."""

    line: int
    label: str  # what it was to date: "last_updated", "amendment date", "captured"
    problem: str


class DateError(ValueError):
    """A date that cannot be read, or that does not exist."""


def is_date(text: str) -> bool:
    """True when the whole of `text` is one date (a bare date line)."""
    return bool(_DATE_ONLY.match(text.strip().rstrip(".")))


def parse_date(text: str) -> str:
    """ISO form of one printed date; raises DateError naming what is wrong."""
    raw = text.strip().rstrip(".")
    if not _DATE_ONLY.match(raw):
        raise DateError(f"cannot read {text!r} as a date")
    raw = re.sub(_TIME + "$", "", raw, flags=re.IGNORECASE)
    words = re.findall(r"[A-Za-z]+|\d+", raw)
    numbers = [int(w) for w in words if w.isdigit()]
    month_names = [MONTHS[w.lower()] for w in words if w.lower() in MONTHS]
    if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", raw):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000  # procedures pages are this century
    elif month_names:
        month = month_names[0]
        year = next(n for n in numbers if n >= 1000)
        days = [n for n in numbers if n < 1000]
        day = days[0] if days else None
    else:  # pragma: no cover - the pattern admits nothing else
        raise DateError(f"cannot read {text!r} as a date")
    return _iso(text, year, month, day)


def _iso(text: str, year: int, month: int, day: int | None) -> str:
    if not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if not 1900 <= year <= 2100:
        raise DateError(f"{text!r} has an implausible year {year}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"{text!r} does not exist: {calendar.month_name[month]} {year} has {last} days")
    return f"{year:04d}-{month:02d}-{day:02d}"


_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](?:\d{2}|\d{4})\b")


def day_first_note(text: str) -> str | None:
    """For an all-number date whose day and month could be swapped ("06/11/19"): what it was
    read as (day first, as in England), so an author can check it against the page."""
    m = _NUMERIC.match(text)
    if not m or int(m[1]) > 12 or int(m[2]) > 12 or m[1].lstrip("0") == m[2].lstrip("0"):
        return None
    try:
        iso = parse_date(text)
    except DateError:
        return None
    day, month = int(m[1]), int(m[2])
    return (f"{text.strip()!r} read day first, as English pages print dates: {day} {calendar.month_name[month]}, "
            f"not {month} {calendar.month_name[day]} ({iso})")  # fmt: skip


def date_key(iso: str) -> tuple[int, int, int]:
    """Sort key for ISO dates of either precision; a month sorts before its days."""
    parts = [int(p) for p in iso.split("-")]
    return (parts[0], parts[1], parts[2] if len(parts) > 2 else 0)


def agrees(month_date: str, day_date: str) -> bool:
    """True when a month-only date and a day date name the same month."""
    return day_date.startswith(month_date) or month_date.startswith(day_date)
