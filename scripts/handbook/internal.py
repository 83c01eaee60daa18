"""In-text references within a chapter ("see Section 6, Outcome of the Section 47 Enquiry",
"see paragraph 43.2.7"), resolved against the chapter's own headings and paragraphs. Shared by
the check (`checks/sections.py`) and the page (`site/sections.py`, which links them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ingest.model import Chapter, ListBlock, Paragraph, TextBlock
from .refs import InternalRef, find_internal_refs


@dataclass(frozen=True)
class Resolved:
    paragraph: Paragraph  # where the reference is
    ref: InternalRef
    target: str | None  # the anchor it points to, when it resolves
    problem: str | None  # why it does not
    beyond_copy: str | None = None  # the copy stops before what is referred to: where, and how it ends


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def copy_end(chapter: Chapter) -> tuple[int, bool] | None:
    """The line the copy's text ends on, and whether it ends mid-sentence (cut off)."""
    texts = [(b.line, b.text) if isinstance(b, TextBlock) else (b.items[-1].line, b.items[-1].text)
             for p in chapter.paragraphs() if p.role == "body" for b in p.blocks if not isinstance(b, ListBlock) or b.items]
    if not texts:
        return None
    line, text = max(texts)
    return line, text.rstrip()[-1:] not in ".!?:;)\"'’”"


def _beyond(chapter: Chapter, number: str, known: list[str], what: str) -> str | None:
    """Where the copy stops, when it stops before `number` (a section or paragraph it does not
    reach): "the copy stops at Section 4, mid-sentence at line 100"."""
    end = copy_end(chapter)
    last = max(known, key=_key, default=None)
    if end is None or (last is not None and _key(number) <= _key(last)):
        return None
    line, cut = end
    stop = f"the copy stops at {what} {last}" if last else "the copy stops"
    return f"{stop}, {'mid-sentence' if cut else 'at the end of a sentence'} at line {line}"


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
                                      None if target else f"paragraph {ref.number}, which this chapter does not have",
                                      None if target else _beyond(chapter, ref.number, list(paragraphs), "paragraph")))  # fmt: skip
                continue
            heading = headings.get(ref.number)
            if heading is None:
                found.append(Resolved(paragraph, ref, None, f"Section {ref.number}, which this chapter does not have",
                                      _beyond(chapter, ref.number, list(headings), "Section")))  # fmt: skip
            elif ref.title and _plain(ref.title) not in _plain(heading.text):
                found.append(Resolved(paragraph, ref, None, f"Section {ref.number} as {ref.title!r}, but it is titled {heading.text!r}"))
            else:
                found.append(Resolved(paragraph, ref, heading.id, None))
    return found
