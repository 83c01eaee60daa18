"""Amendment claims that can be checked, are: an amendment note saying the chapter "now includes
information on 'outcome 21'", that "a link to the Online Safety Act 2023 was added", or that
"Section 4, Who Should be Involved was updated" is compared with the chapter's own text.
A claim the text does not bear out is a warning: the partnership's note or its page is wrong,
or the copy lost something."""

from __future__ import annotations

import re
from typing import Iterator

from ..diagnostics import Diagnostic, Level
from ..ingest.model import Chapter
from ..refs import find_statutes
from . import Context, check

# Each claim: what it says is there. Quotes may be straight or curly.
_INFORMATION_ON = re.compile(r"(?:information|guidance|detail|details) (?:on|about) ['‘\"“](?P<phrase>[^'’\"”]+)['’\"”]", re.I)
_SECTION = re.compile(r"\bSection (?P<number>\d+(?:\.\d+)*),? (?P<title>[A-Z][^,.;]*?) (?:was|has been|were) (?:updated|amended|added|revised)\b")
_LINK_TO_ACT = re.compile(r"\b(?:a )?links? to the (?P<act>.+? Act \(?\d{4}\)?)", re.I)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[‘’“”'\"]", "", text).casefold().split())


def _body_text(chapter: Chapter) -> str:
    parts = [h.text for h in chapter.headings()]
    parts += [p.text for p in chapter.paragraphs() if p.role == "body"]
    return _normal(" ".join(parts))


def claims(chapter: Chapter, statutes) -> Iterator[tuple[int, str]]:
    """(line, what is wrong) for each claim of an amendment that the chapter does not bear out."""
    body = _body_text(chapter)
    headings = {h.number: _normal(h.text) for h in chapter.headings() if h.number}
    cited = {s.statute.id for p in chapter.paragraphs() if p.role == "body"
             for s in find_statutes(p.text, statutes) if s.statute}  # fmt: skip
    for amendment in chapter.amendments:
        for match in _INFORMATION_ON.finditer(amendment.text):
            if _normal(match["phrase"]) not in body:
                yield amendment.line, f"the amendment says the chapter includes information on {match['phrase']!r}, but its text never mentions it"
        for match in _SECTION.finditer(amendment.text):
            heading = headings.get(match["number"].rstrip("."))
            if heading is None:
                yield amendment.line, f"the amendment names Section {match['number']}, which the chapter does not have"
            elif _normal(match["title"]) not in heading:
                yield amendment.line, f"the amendment names Section {match['number']} {match['title']!r}, but that section is titled {heading!r}"
        for match in _LINK_TO_ACT.finditer(amendment.text):
            [span, *_] = find_statutes(match["act"], statutes) or [None]
            if span is not None and span.statute is not None and span.statute.id not in cited:
                yield amendment.line, f"the amendment says a link to the {span.statute.title} was added, but the chapter's text does not mention it"


@check("amendments")
def amendment_claims(context: Context) -> list[Diagnostic]:
    statutes = context.handbook.data.statutes
    return [
        Diagnostic(chapter.source_file, line, Level.WARNING, message,
                   "tell the partnership, or capture the page again if the copy lost text")  # fmt: skip
        for chapter in context.handbook.chapters.values()
        for line, message in claims(chapter, statutes)
    ]
