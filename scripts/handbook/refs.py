"""References found in paragraph text: glossary terms and statute citations.

Pure functions over plain text that return spans, shared by the checks (which report what does
not resolve), the site (which links and explains what does) and the glossary and offence pages
(which list the paragraphs that use each term or law). Nothing here changes the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .datasets.editions import Document, Edition, Editions
from .datasets.glossary import Glossary, Term
from .datasets.statutes import Statute, Statutes

# --- Glossary terms ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TermSpan:
    start: int
    end: int
    term: Term
    form: str  # the name as the glossary has it


def _is_abbreviation(form: str) -> bool:
    """ACPO, IIOC, TA-HSB: matched case-sensitively, so "Acpo" in a sentence is not taken."""
    letters = re.sub(r"[^A-Za-z]", "", form)
    return len(letters) >= 2 and letters.isupper()


@lru_cache(maxsize=8)
def _term_patterns(glossary: Glossary) -> tuple[re.Pattern, dict[str, tuple[Term, str]]]:
    forms: dict[str, tuple[Term, str]] = {}
    for term in glossary.rows:
        for form in term.forms:
            forms.setdefault(form.replace("’", "'").casefold(), (term, form))
    # Longest first, so "Child and Family Assessment" wins over a shorter name inside it.
    alternatives = []
    for key in sorted(forms, key=len, reverse=True):
        term, form = forms[key]
        # Straight and curly apostrophes are the same letter to a reader ("Children’s").
        body = r"\s+".join(re.escape(w) for w in form.split()).replace("’", "'").replace("'", "['’]")
        alternatives.append(body if _is_abbreviation(form) or term.match_case else f"(?i:{body})")
    if not alternatives:
        return re.compile(r"(?!x)x"), forms
    # Plurals count ("IIOCs", "Section 47 Enquiries" need their own form); hyphens and word
    # characters on either side mean another word.
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?:s|es)?(?![\w-])"), forms


@lru_cache(maxsize=1 << 17)
def find_terms(text: str, glossary: Glossary) -> tuple[TermSpan, ...]:
    """The glossary's terms in `text`, in order. Cached: the page, the search index, the
    glossary's "used in" and the checks each ask for the same paragraphs."""
    pattern, forms = _term_patterns(glossary)
    spans = []
    for match in pattern.finditer(text):
        found = match.group(0)
        key = _strip_plural(" ".join(found.replace("’", "'").split()).casefold(), forms)
        if key in forms:
            term, form = forms[key]
            spans.append(TermSpan(match.start(), match.end(), term, form))
    return tuple(spans)


def _strip_plural(key: str, forms: dict) -> str:
    if key in forms:
        return key
    for suffix in ("es", "s"):
        if key.endswith(suffix) and key[: -len(suffix)] in forms:
            return key[: -len(suffix)]
    return key


# --- Statutes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatuteSpan:
    start: int
    end: int
    printed: str  # the Act's name as the paragraph prints it ("Sex Offences Act 2003")
    statute: Statute | None  # None: an Act that is not in data/statutes.yml
    section: str | None  # "15", "47": when the text names one
    slip: bool  # the name is a known misnaming of `statute`


# A capitalised name, then "Act", then a year, bracketed or not: "Serious Crime Act (2015)".
_ACT = re.compile(
    r"(?P<name>[A-Z][\w'’]*(?:\s+(?:[A-Z][\w'’]*|and|of|the|for|on|in))*)\s+Act\s*(?:\(\s*(?P<y1>\d{4})\s*\)|(?P<y2>\d{4}))(?!\d)"
)
# Words a sentence may put before an Act's name that are not part of it.
_LEADING = {"the", "in", "under", "see", "and", "of", "by", "from", "within", "also", "this", "that", "as", "per",
            "section", "sections", "part", "schedule", "both", "or", "to", "a", "an"}  # fmt: skip
# "Section 15 of the", "s.15A of", "s 160 of the", just before the Act's name.
_SECTION_BEFORE = re.compile(r"(?:\b[Ss]ection|\bs\.?)\s*(?P<section>\d+[A-Z]*)(?:\s*\(\w+\))*\s+of\s+(?:the\s+)?$")
# "..., section 15", "Act 2003 s.15A", "(s47)" just after the Act's name.
_SECTION_AFTER = re.compile(r"^\s*,?\s*\(?(?:[Ss]ection|s\.?)\s*(?P<section>\d+[A-Z]*)\b")


def find_statutes(text: str, statutes: Statutes) -> list[StatuteSpan]:
    spans: list[StatuteSpan] = []
    for match in _ACT.finditer(text):
        words = match["name"].split()
        # Drop what a sentence puts in front ("In the"), then the longest known name wins.
        while words and words[0].casefold() in _LEADING:
            words = words[1:]
        year = match["y1"] or match["y2"]
        known = None
        for i in range(len(words)):
            candidate = " ".join(words[i:]) + f" Act {year}"
            if (known := statutes.named(candidate)) is not None:
                words = words[i:]
                break
        if not words:
            continue
        start = match.start("name") + match["name"].find(words[0])
        printed = text[start : match.end()]
        before = _SECTION_BEFORE.search(text[max(0, start - 40) : start])
        after = _SECTION_AFTER.match(text[match.end() : match.end() + 20])
        section = (before or after)["section"] if (before or after) else None
        statute, slip = known if known else (None, False)
        spans.append(StatuteSpan(start, match.end(), printed, statute, section, slip))
    for statute in statutes.rows:
        for mention in statute.mentions:
            for match in mention.pattern.finditer(text):
                if not any(s.start <= match.start() < s.end for s in spans):
                    spans.append(StatuteSpan(match.start(), match.end(), match.group(0), statute, mention.section, False))
    return sorted(spans, key=lambda s: s.start)


# --- Guidance editions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EditionSpan:
    start: int
    end: int  # the end of the year, or of the name when no year follows it
    document: Document
    year: str | None  # the edition's year as printed, None when the text gives none
    replaced_by: Edition | None  # the latest edition that replaced it; None when current or unknown

    @property
    def edition(self) -> Edition | None:
        return self.document.edition(self.year) if self.year else None


# After a guidance title, the year of its edition: "2018", "(2018)", "published in December 2023",
# "(January 2018)". A few words at most between, and never past the end of a sentence.
_EDITION_YEAR = re.compile(r"(?:[^.;:!?\n\d]{0,60}?\b)??\(?(?P<year>(?:19|20)\d\d)(?!\d)")
_WORDS_BEFORE_YEAR = 4


@lru_cache(maxsize=8)
def _edition_pattern(editions: Editions) -> tuple[re.Pattern, dict[str, Document]]:
    names = {" ".join(name.split()): document for document in editions.rows for name in document.names}
    if not names:
        return re.compile(r"(?!x)x"), names
    # Longest first ("Working Together to Safeguard Children" before "Working Together"), with
    # the capitals the title prints, so "working together" in a sentence is not a citation.
    bodies = [r"\s+".join(map(re.escape, name.split())) for name in sorted(names, key=len, reverse=True)]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)})(?![\w-])"), names


@lru_cache(maxsize=1 << 15)
def find_editions(text: str, editions: Editions) -> tuple[EditionSpan, ...]:
    """Guidance documents `text` cites, each with the edition's year when one follows its
    title, and what replaced that edition. Used on chapters (a note beside the paragraph) and
    on the data's own `source` texts (`handbook check`: a fact resting on a replaced edition)."""
    pattern, names = _edition_pattern(editions)
    spans = []
    for match in pattern.finditer(text):
        document = names[" ".join(match.group(0).split())]
        after = _EDITION_YEAR.match(text, match.end())
        near = after is not None and len(text[match.end() : after.start("year")].split()) <= _WORDS_BEFORE_YEAR
        year = after["year"] if near else None
        end = after.end() if near else match.end()
        spans.append(EditionSpan(match.start(), end, document, year, editions.replacement(document, year)))
    return tuple(spans)


# --- References within a chapter ----------------------------------------------------------------


@dataclass(frozen=True)
class InternalRef:
    start: int
    end: int
    kind: str  # "section" or "paragraph"
    number: str  # "6", "43.2.7"
    title: str | None  # the section title the text gives after the number, if any


# "see Section 6, Outcome of the Section 47 Enquiry": "see" keeps Acts' sections out ("Section 15
# of the Sexual Offences Act" is a statute reference), and the title runs to the sentence's end.
_SECTION_REF = re.compile(
    r"\b[Ss]ee (?:also )?(?P<ref>[Ss]ection (?P<number>\d+(?:\.\d+)*)(?:,\s*(?P<title>[A-Z][^.;:()]*[^.;:()\s]))?)"
)
_PARAGRAPH_REF = re.compile(r"\b(?P<ref>(?:[Pp]aragraphs?|[Pp]ara\.?)\s+(?P<number>\d+(?:\.\d+)+))")


def find_internal_refs(text: str) -> list[InternalRef]:
    found = [InternalRef(m.start("ref"), m.end("ref"), "section", m["number"], m["title"]) for m in _SECTION_REF.finditer(text)]
    found += [InternalRef(m.start("ref"), m.end("ref"), "paragraph", m["number"], None) for m in _PARAGRAPH_REF.finditer(text)]
    return sorted(found, key=lambda r: r.start)
