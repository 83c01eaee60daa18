"""How four kinds of procedures website lay a chapter out, as its copied page text shows them.

Each function turns one `Page` into the text a practitioner gets by selecting the page and
pasting it: the site's chrome (buttons, a logo, a printed-on footer) included, because the
converter must take it off. Modelled on the habits of the real sources (see
../shared/source-chapters/README.md), never on their words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Callable

Item = str | tuple[str, list[str]]  # a paragraph, or a lead-in with its bullet points


@dataclass
class Section:
    title: str
    items: list[Item]


@dataclass
class Page:
    title: str
    number: str | None
    sections: list[Section]
    related: list[str]
    updated: date
    review: date
    captured: date
    amended: date | None
    change: str | None


def month_year(d: date) -> str:
    return d.strftime("%B %Y")


def long_date(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def printed_on(page: Page, ident: str) -> str:
    d = page.captured
    return (f"This page is correct as printed on {d.strftime('%A')} {ordinal(d.day)} of {d.strftime('%B %Y')} "
            f"10:15:00 AM please refer back to this website (https://{ident}.procedures.example) for updates.")  # fmt: skip


def amendment(page: Page) -> list[str]:
    if page.amended is None:
        return []
    return ["AMENDMENT", "", f"This chapter was updated in {month_year(page.amended)}; {page.change}.", ""]


def related_box(page: Page, label: str) -> list[str]:
    if not page.related:
        return []
    return [label, "", *[line for title in page.related for line in (title, "")]]


def number_alone(page: Page, area: str, ident: str, rng: random.Random) -> str:
    """Each paragraph's number on its own line, the text on the next; bullets as '  • '."""
    lines = [f"{page.number} {page.title}", "", "Show amendments", "",
             f"Last updated in {month_year(page.updated)}", "", f"Date of next review {month_year(page.review)}", ""]  # fmt: skip
    lines += related_box(page, "RELATED CHAPTERS") + amendment(page) + ["Contents", ""]
    k = 0
    for section in page.sections:
        lines += [section.title, ""]
        for item in section.items:
            k += 1
            lines += [f"{page.number}.{k}", ""]
            if isinstance(item, tuple):
                lead, bullets = item
                lines += [lead, "", *[f"  • {b}" for b in bullets]]
            else:
                lines += [item, ""]
    return "\n".join([*lines, printed_on(page, ident)])


def number_inline(page: Page, area: str, ident: str, rng: random.Random) -> str:
    """Numbered section headings ('2. Recognition') and paragraph numbers in front of the text."""
    lines = ["Top", "", f"{page.number} {page.title}", "", "Show amendments", ""]
    lines += related_box(page, "Related Chapters") + amendment(page)
    lines += ["Contents", "", *[f"{s}. {section.title}" for s, section in enumerate(page.sections, 1)], ""]
    for s, section in enumerate(page.sections, 1):
        lines += [f"{s}. {section.title}", ""]
        for k, item in enumerate(section.items, 1):
            if isinstance(item, tuple):
                lead, bullets = item
                lines += [f"{s}.{k} {lead}", "", *[f"  • {b}" for b in bullets], ""]
            else:
                lines += [f"{s}.{k} {item}", ""]
    lines += [f"Last updated in {month_year(page.updated)}", "", printed_on(page, ident)]
    return "\n".join(lines)


def table_rows(page: Page, area: str, ident: str, rng: random.Random) -> str:
    """A copied table: the number and ' |' on one line, the text ending ' |' on the next."""
    lines = [f"{page.number}. {page.title}",
             "For a record of all amendments and updates, see the Amendments & Archives.",
             *amendment(page)[0::2]]  # fmt: skip
    lines += [line for line in related_box(page, "Related Chapters") if line]
    for s, section in enumerate(page.sections, 1):
        lines.append(f"{s}. {section.title}")
        for k, item in enumerate(section.items, 1):
            text = item if isinstance(item, str) else " ".join([item[0], *item[1]])
            lines += [f"{s}.{k} |", f"{text} |"]
    lines += [f"Updated on {page.updated.day} {month_year(page.updated)}."]
    return "\n".join(lines)


def unnumbered(page: Page, area: str, ident: str, rng: random.Random) -> str:
    """No numbers at all: a logo and skip link, an Amendment box, a 'Last Updated:' line."""
    lines = ["Skip to content", "Company Logo", "", page.title, ""]
    # Without numbers only the next box closes the related box, so these pages always have one.
    lines += related_box(page, "Related Chapters")
    if page.amended is not None:
        lines += ["Amendment", "", f"This chapter was refreshed in {month_year(page.amended)}.", "", long_date(page.amended), ""]
    else:
        lines += ["Amendment", "", f"This chapter was published in {month_year(page.updated)}.", ""]
    for section in page.sections:
        lines += [section.title, ""]
        for item in section.items:
            if isinstance(item, tuple):
                lead, bullets = item
                lines += [lead, "", *[f"• {b}" for b in bullets], ""]
            else:
                lines += [item, ""]
    lines += [f"Last Updated: {long_date(page.updated)}", ""]
    return "\n".join(lines)


LAYOUTS: dict[str, Callable[[Page, str, str, random.Random], str]] = {
    "number-alone": number_alone,
    "number-inline": number_inline,
    "table": table_rows,
    "unnumbered": unnumbered,
}
