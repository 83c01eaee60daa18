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


_NUMBER = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
           r"twenty(?:[- ](?:one|four|eight))?|thirty|forty[- ](?:five|eight)|seventy[- ]two|ninety)")
_UNIT = r"(?:(?:working|calendar|school|business|clear)\s+)?(?:hours?|days?|weeks?|months?)"
_AMOUNT = (rf"(?:(?:a\s+)?(?:further|maximum\s+of|minimum\s+of|period\s+of)\s+)?"
           rf"(?:{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?|a|an)\s+{_UNIT}")
# A time limit on an action: "within 15 working days of the last Strategy Discussion", "the same
# working day", "WITHIN 24 HOURS", "within a further 2 working days", "no later than 10 days".
# Not a bare "24 hour" ("a 24 hour online facility"): that is a duration the finder is unsure of.
TIMESCALE = re.compile(
    rf"\b(?:(?:within|in|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|not\s+more\s+than|"
    rf"by\s+the\s+end\s+of|before\s+the\s+end\s+of)\s+(?:{_AMOUNT}|the\s+(?:same|next|following)\s+"
    rf"(?:working\s+|business\s+)?day)|(?:the\s+)?(?:same|next|following)\s+(?:working\s+|business\s+)day|"
    rf"(?:the\s+)?same\s+day)",
    re.IGNORECASE,
)
# A number of hours, days, weeks or months anywhere: it may state a time limit the finder does
# not recognise ("a 28 day review"), so an area showing only these is "unsure", never "none".
DURATION = re.compile(rf"\b{_NUMBER}[\s-]+{_UNIT}\b", re.IGNORECASE)
# Durations that say how long a service is open or how old or far along someone is: not limits.
NOT_A_LIMIT = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:day|week|year|month)\b|\s+(?:old|pregnant|gestation)\b",
                         re.IGNORECASE)  # fmt: skip
# What a time limit runs from ("of the referral being received"), up to the end of its clause.
_FROM = re.compile(r"\s+(?:of|from|after|following|before|since)\b", re.IGNORECASE)
_WORD = re.compile(r"\s+([^\s.,;:!?()\[\]]+)")
_CLAUSE_ENDS = {"and", "but", "which", "who", "where", "when", "while", "unless", "if", "so", "then", "whereupon"}
MAX_FROM_WORDS = 12  # a longer "of ..." is cut, and the mention marked unsure


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int
    end: int
    whole: bool  # False: cut at MAX_FROM_WORDS words, so shown as unsure


def timescale_phrases(text: str) -> list[Phrase]:
    """Every time limit in `text`, each with what it runs from, as a whole phrase."""
    found = []
    for match in TIMESCALE.finditer(text):
        end, whole = match.end(), True
        lead = _FROM.match(text, end)
        if lead:
            words, at = [], lead.end()
            while (word := _WORD.match(text, at)) and word.group(1).casefold() not in _CLAUSE_ENDS:
                if len(words) == MAX_FROM_WORDS:
                    whole = False  # the clause goes on: cut here, and say so
                    break
                words.append(word)
                at = word.end()
            if words:
                end = words[-1].end()
        found.append(Phrase(" ".join(text[match.start():end].split()), match.start(), end, whole))
    return found


def unsure_durations(text: str, phrases: list[Phrase]) -> list[str]:
    """Numbers of hours, days, weeks or months outside the time limits found: possibly limits."""
    taken = [(p.start, p.end) for p in phrases]
    found = []
    for match in DURATION.finditer(text):
        if any(start <= match.start() < end for start, end in taken) or NOT_A_LIMIT.match(text, match.end()):
            continue
        found.append(" ".join(match.group(0).split()))
    return found


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


def timescales(handbook: Handbook, unsure: bool = False) -> dict[str, tuple[Mention, ...]]:
    """Area -> every timescale its chapters state, in the order first stated: in their text and
    header boxes. With `unsure`, instead what the finder is unsure of: a time limit cut short, one
    in a heading or an amendment note, or a bare duration ("a 28 day review", "24 hour")."""
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    doubtful: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for ref, chapter, paragraph in handbook.paragraphs():
        phrases = timescale_phrases(paragraph.text)
        stated = paragraph.role in ("body", "box")
        for phrase in phrases:
            target = found if stated and phrase.whole else doubtful
            target[ref.area][phrase.text + ("" if phrase.whole else " …")].append(Found(ref, paragraph.number, paragraph.line))
        for printed in unsure_durations(paragraph.text, phrases):
            doubtful[ref.area][printed].append(Found(ref, paragraph.number, paragraph.line))
    if unsure:
        for chapter in handbook.chapters.values():
            for heading in chapter.headings():
                for phrase in timescale_phrases(heading.text):
                    ref = ParagraphRef(chapter.area, chapter.slug, heading.id)
                    doubtful[chapter.area][phrase.text].append(Found(ref, None, heading.line))
    chosen = doubtful if unsure else found
    return {area: tuple(_mention(printed, uses) for printed, uses in by_text.items()) for area, by_text in sorted(chosen.items())}


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
