"""The amendments log: every amendment every chapter records, newest first (undated last), with
its area, chapter and the partnership's own words. The feed (`site/feed.py`) lists the same."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.amendments import all_amendments
from handbook.site.header import display_date

from .context import MacroContext, cell, render


@dataclass(frozen=True)
class Row:
    date: str
    area: str
    chapter: str
    link: str
    text: str


def amendments_log(ctx: MacroContext) -> str:
    rows = [
        Row(cell(display_date(a.date, "undated")), cell(ctx.handbook.areas[a.chapter.area].name),
            cell(" ".join(filter(None, [a.chapter.number, a.chapter.title]))), ctx.link(ctx.chapter_page(a.chapter.id)),
            cell(a.text or "(no text given)"))  # fmt: skip
        for a in all_amendments(ctx.handbook)
    ]
    return render("amendments_log.md.j2", rows=rows)


MACROS = {"amendments_log": amendments_log}
