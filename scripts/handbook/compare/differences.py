"""What differs between areas, found in the chapters' own words (nothing typed by hand):

* local names: which of a glossary term's names each area prints (the assessment, the police unit);
* timescales: every "within 24 hours", "15 working days", "within one working day" an area states;
* Acts: which areas cite each Act, newest first, so an area that never mentions a newer law shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..datasets.glossary import Term
from ..datasets.statutes import Statute
from ..model import Handbook, ParagraphRef
from ..usage import Found, law_citations, term_uses


@dataclass(frozen=True)
class Mention:
    """Where an area says something: the words as printed and the first paragraph saying them."""

    printed: str
    ref: ParagraphRef
    number: str | None
    count: int  # paragraphs of the area saying it


@dataclass(frozen=True)
class NameRow:
    term: Term
    by_area: dict[str, tuple[Mention, ...]]  # area -> the names it prints, most used first


@dataclass(frozen=True)
class ActRow:
    statute: Statute
    by_area: dict[str, Mention]  # area -> its first citation of the Act


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|twenty[- ]four|forty[- ]eight|forty[- ]five)"
# A time limit on an action: "within 15 working days of the last Strategy Discussion", "the same
# working day", "within 24 hours". Not a bare "24 hour" ("a 24 hour online facility").
TIMESCALE = re.compile(
    rf"\b(?:(?:within|in|no\s+later\s+than)\s+(?:the\s+same|a|an|{_NUMBER})\s+(?:working\s+|calendar\s+)?"
    r"(?:hours?|days?|weeks?|months?)|(?:the\s+)?same\s+(?:working\s+)?day)"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}[A-Za-z]+)?",
    re.IGNORECASE,
)


def local_names(handbook: Handbook) -> list[NameRow]:
    """Terms with local names that areas print differently (only where two areas differ)."""
    seen: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for use in term_uses(handbook):
        term = use.span.term
        if not term.local_variants:
            continue
        printed = " ".join(handbook.paragraph(use.ref).text[use.span.start:use.span.end].split())
        seen[term.id][use.ref.area][printed].append(use)
    rows = []
    for term_id, by_area in seen.items():
        names = {area: tuple(_mentions(found)) for area, found in by_area.items()}
        if len(by_area) >= 2 and len({m.printed.casefold() for ms in names.values() for m in ms}) >= 2:
            rows.append(NameRow(handbook.data.glossary.get(term_id), dict(sorted(names.items()))))
    return sorted(rows, key=lambda r: r.term.term.casefold())


def timescales(handbook: Handbook) -> dict[str, tuple[Mention, ...]]:
    """Area -> every timescale its chapters state, in the order first stated."""
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for ref, _, paragraph in handbook.paragraphs():
        if paragraph.role != "body":
            continue
        for match in TIMESCALE.finditer(paragraph.text):
            printed = " ".join(match.group(0).split())
            found[ref.area][printed].append(Found(ref, paragraph.number, paragraph.line))
    return {area: tuple(_mention(printed, uses) for printed, uses in by_text.items()) for area, by_text in sorted(found.items())}


def acts_by_area(handbook: Handbook) -> list[ActRow]:
    """Every Act any chapter cites, newest first, with the areas citing it."""
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for citation in law_citations(handbook):
        if citation.span.statute is not None:
            found[citation.span.statute.id][citation.ref.area].append(citation)
    rows = []
    for statute_id, by_area in found.items():
        statute = handbook.data.statutes.get(statute_id)
        rows.append(ActRow(statute, {area: _mention(cites[0].span.printed, cites) for area, cites in sorted(by_area.items())}))
    return sorted(rows, key=lambda r: (-r.statute.year, r.statute.title))


def _mention(printed: str, uses: list[Found]) -> Mention:
    """What was printed, with the first paragraph printing it and how many paragraphs do."""
    return Mention(printed, uses[0].ref, uses[0].number, len({u.ref for u in uses}))


def _mentions(by_printed: dict[str, list[Found]]) -> list[Mention]:
    """Uses grouped by the words printed, most used first."""
    return sorted((_mention(printed, uses) for printed, uses in by_printed.items()), key=lambda m: -m.count)
