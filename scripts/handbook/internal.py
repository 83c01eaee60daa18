"""In-text references within a chapter ("see Section 6, Outcome of the Section 47 Enquiry",
"see paragraph 43.2.7"), resolved against the chapter's own headings and paragraphs. Shared by
the check (`checks/sections.py`) and the page (`site/sections.py`, which links them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ingest.model import Chapter, Paragraph
from .refs import InternalRef, find_internal_refs


@dataclass(frozen=True)
class Resolved:
    paragraph: Paragraph  # where the reference is
    ref: InternalRef
    target: str | None  # the anchor it points to, when it resolves
    problem: str | None  # why it does not


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def resolve(chapter: Chapter) -> list[Resolved]:
    headings = {(h.number or "").rstrip("."): h for h in chapter.headings() if h.number}
    paragraphs = {p.number: p for p in chapter.paragraphs() if p.number}
    found = []
    for paragraph in chapter.paragraphs():
        for ref in find_internal_refs(paragraph.text):
            if ref.kind == "paragraph":
                target = paragraphs.get(ref.number)
                found.append(Resolved(paragraph, ref, target.id if target else None,
                                      None if target else f"paragraph {ref.number}, which this chapter does not have"))  # fmt: skip
                continue
            heading = headings.get(ref.number)
            if heading is None:
                found.append(Resolved(paragraph, ref, None, f"Section {ref.number}, which this chapter does not have"))
            elif ref.title and _plain(ref.title) not in _plain(heading.text):
                found.append(Resolved(paragraph, ref, None, f"Section {ref.number} as {ref.title!r}, but it is titled {heading.text!r}"))
            else:
                found.append(Resolved(paragraph, ref, heading.id, None))
    return found
