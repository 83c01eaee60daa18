"""Source defects, reported and never repaired: paragraph numbering out of order, repeated or
skipped; a lead-in ending in ":" whose list is missing; a paragraph repeated word for word.
Also notes of what a page does not give (a number, a date), so empty facts are explained.
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Report
from .model import Chapter, ListBlock, Paragraph, TextBlock


def report_all(chapter: Chapter, report: Report) -> None:
    note_what_was_not_found(chapter, report)
    check_numbers(chapter, report)
    check_lists(chapter, report)
    check_repeats(chapter, report)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def note_what_was_not_found(chapter: Chapter, report: Report) -> None:
    """Say what the page did not give, so a reviewer knows which facts are empty and why."""
    if chapter.title_printed is not None and chapter.number is None:
        report.note(chapter.title_line, "no chapter number before the title; chapter left empty")
    if chapter.last_updated is None:
        report.note(None, "no 'last updated' date and no dated amendment; last_updated left empty")
    if not any(p.number for p in chapter.paragraphs()):
        report.note(None, "no paragraph numbers; paragraphs are anchored by a hash of their text (p-...)")


def check_numbers(chapter: Chapter, report: Report) -> None:
    previous: tuple[int, ...] | None = None
    seen: dict[str, int] = {}
    for paragraph in (p for p in chapter.paragraphs() if p.number):
        key = _number_key(paragraph.number)
        if paragraph.number in seen:
            report.warning(paragraph.line, f"paragraph number {paragraph.number} repeats line {seen[paragraph.number]}; anchored as {paragraph.id}")
        elif previous is not None and key < previous:
            report.warning(paragraph.line, f"paragraph number {paragraph.number} is out of order (follows {'.'.join(map(str, previous))})")
        elif previous is not None and not _follows(previous, key):
            report.warning(paragraph.line, f"paragraph numbers skip from {'.'.join(map(str, previous))} to {paragraph.number} (paragraph missing from the copy?)")
        seen.setdefault(paragraph.number, paragraph.line)
        previous = max(previous, key) if previous else key
    last_section: tuple[int, ...] = ()
    for heading in (h for h in chapter.headings() if h.number):
        number = _number_key(heading.number)
        if number <= last_section:
            shown = ".".join(map(str, last_section))
            report.warning(heading.line, f"section number {heading.number} is out of order (follows {shown})")
        last_section = max(last_section, number)


def _follows(previous: tuple[int, ...], key: tuple[int, ...]) -> bool:
    if len(previous) != len(key):
        return True  # different numbering depths are reported elsewhere, if at all
    if previous[:-1] == key[:-1]:
        return key[-1] == previous[-1] + 1
    return key[-1] == 1 and key[:-1] > previous[:-1] and key[-2] == previous[-2] + 1


def lists_cut_short(chapter: Chapter) -> Iterator[tuple[Paragraph, TextBlock]]:
    """Lead-ins ending with ':' that no list follows (nor the paragraph's own subparagraphs):
    a list the copy lost. The check reports them; the page says so beside them."""
    paragraphs = chapter.paragraphs()
    for at, paragraph in enumerate(paragraphs):
        after = paragraphs[at + 1] if at + 1 < len(paragraphs) else None
        subparagraphs_follow = bool(
            paragraph.number and after and after.number and after.number.startswith(paragraph.number + ".")
        )
        for i, block in enumerate(paragraph.blocks):
            if isinstance(block, TextBlock) and block.text.endswith(":"):
                following = paragraph.blocks[i + 1] if i + 1 < len(paragraph.blocks) else None
                last = following is None
                if paragraph.role == "body" and not isinstance(following, ListBlock) and not (last and subparagraphs_follow):
                    yield paragraph, block


def check_lists(chapter: Chapter, report: Report) -> None:
    for paragraph, block in lists_cut_short(chapter):
        where = f"paragraph {paragraph.number}" if paragraph.number else "a paragraph"
        report.warning(block.line, f"{where} ends with ':' but no list follows (missing from the source?)")
    for paragraph in chapter.paragraphs():
        for block in paragraph.blocks:
            if isinstance(block, ListBlock) and block.style == "bullets" and all(i.text.endswith("?") for i in block.items):
                block.style = "questions"


def check_repeats(chapter: Chapter, report: Report) -> None:
    seen: dict[str, int] = {}
    for paragraph in chapter.paragraphs():
        for block in paragraph.blocks:
            if not isinstance(block, TextBlock) or len(block.text.split()) < 6:
                continue
            key = " ".join(block.text.split())
            if key in seen:
                report.warning(block.line, f"paragraph repeats line {seen[key]} word for word")
            else:
                seen[key] = block.line
