"""Every amendment the chapters record, newest first (undated last): one list for the log page,
the feed and the checks."""

from __future__ import annotations

from dataclasses import dataclass

from .ingest.dates import date_key
from .ingest.model import Chapter
from .model import Handbook


@dataclass(frozen=True)
class Dated:
    chapter: Chapter
    date: str | None
    text: str
    index: int  # its place in the chapter's own list, for a stable feed id


def all_amendments(handbook: Handbook) -> list[Dated]:
    found = [
        Dated(chapter, a.date, a.text, i)
        for chapter in handbook.chapters.values()
        for i, a in enumerate(chapter.amendments)
    ]
    dated = sorted((a for a in found if a.date), key=lambda a: (date_key(a.date), a.chapter.id), reverse=True)
    return dated + sorted((a for a in found if not a.date), key=lambda a: (a.chapter.id, a.index))
