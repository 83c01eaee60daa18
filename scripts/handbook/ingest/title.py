"""Which line is the chapter's title: chosen by evidence, not by position.

Pages copied from sites the converter has not seen often carry banner lines above the title: the
site's product name run into its menu, a manual's name printed twice, a repeated button label.
Taking the first line as the title then gives a wrong title, file name and citation address. So
every short line before the first box label, date line or paragraph is a candidate, weighed on:

* a chapter number in front ("3.4 Strategy Discussions")                    evidence for
* the words of the file name the author chose                               evidence for
* being the first line (what a clean copy has)                              slight evidence for
* the area's or manual's name in it (area.yml), with more words besides     a banner
* a line that repeats itself ("View Procedure View Procedure")              a banner
* words in capitals only, several of them ("NORTHSHIRE SAFEGUARDING ...")   a banner

The best candidate wins; the lines above it that look like chrome (short, no sentence, no date:
see prose.py) are taken off and listed like any other (reason `banner-above-title`), and the
ingest report says which line was taken, why, and which were passed over. A line above it that
reads as text stays on the page, above the title, with a warning. The weights are general
shapes, not any area's wording.

A title stated in the source's .meta.yml steers the choice: the line printing it is the title
line (when no line prints it, the converter's choice stays the title line: its heading is the
partnership's), and no line above the title is removed as a banner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import is_date
from .patterns import Patterns
from .read import Line

TITLE_NUMBERED = re.compile(r"^(?P<num>[A-Z]{1,4}\d+(?:\.\d+)*|\d+(?:\.\d+)+|\d+(?=\.))\.?\s+(?P<title>\S.*)$")
MAX_TITLE_WORDS = 20
CANDIDATES = 8  # non-empty lines looked at before the first box label, date line or paragraph
TERMINAL = ".;:,!?|"

WEIGHT_NUMBER = 2.0
WEIGHT_FILE_NAME = 4.0  # times the share of the line's words that are in the file name
WEIGHT_FIRST = 1.0
WEIGHT_BANNER = -4.0  # the area's or manual's name and more
WEIGHT_REPEAT = -4.0
WEIGHT_CAPITALS = -1.5

_STOP = {"a", "an", "and", "the", "of", "to", "in", "for", "on", "or", "with", "by", "at", "from", "who", "are", "is"}


@dataclass
class Candidate:
    index: int  # in the lines
    line: int  # in the source
    printed: str
    number: str | None
    title: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def weigh(self, weight: float, reason: str) -> None:
        self.score += weight
        self.reasons.append(reason)


@dataclass(frozen=True)
class TitleChoice:
    index: int | None  # None: no line looks like a title
    number: str | None
    title: str | None
    chosen: Candidate | None
    passed_over: tuple[Candidate, ...]
    unstated: str | None = None  # with a stated title: what the converter would have chosen itself
    stated: bool = False  # the title was stated in the source's .meta.yml
    keep_above: bool = False  # stated: no line above the title is removed as a banner


STATED_SEARCH = 60  # non-empty lines searched for the line printing a stated title


def choose_title(
    lines: list[Line], patterns: Patterns, file_stem: str = "", banners: tuple[str, ...] = (), stated: str | None = None,
) -> TitleChoice:
    choice = _choose(lines, patterns, file_stem, banners)
    if stated is None:
        return choice
    wanted = _letters(stated)
    printing: list[Candidate] = []
    seen = 0
    for index, line in enumerate(lines):
        if not line.text:
            continue
        seen += 1
        if seen > STATED_SEARCH:
            break
        match = TITLE_NUMBERED.match(line.text)
        number, title = (match.group("num"), match.group("title")) if match else (None, line.text)
        if wanted and wanted in (_letters(title), _letters(line.text)):
            # "2." in front is a contents entry's or section's number, not the chapter's
            chapter_number = number if number and not number.isdigit() and _letters(title) == wanted else None
            printing.append(Candidate(index, line.number, line.text, chapter_number, title))
    # The author has read the page: whichever line is the title, nothing above it is removed as
    # a banner. Prefer a line printing the title without a bare "2." (a contents entry's).
    found = min(printing, key=lambda c: (bool(TITLE_NUMBERED.match(c.printed)) and c.number is None, c.index), default=None)
    if found is None:
        # printed on no line: the converter's own choice stays the title line (its heading is the
        # partnership's; the front matter takes the stated title)
        return TitleChoice(choice.index, choice.number, choice.title, choice.chosen, choice.passed_over, choice.title,
                           True, keep_above=True)  # fmt: skip
    found.reasons.append("prints the title stated in the .meta.yml")
    return TitleChoice(found.index, found.number, found.title, found, (), choice.title, True, keep_above=True)


def _choose(lines: list[Line], patterns: Patterns, file_stem: str, banners: tuple[str, ...]) -> TitleChoice:
    candidates = _candidates(lines, patterns)
    if not candidates:
        return TitleChoice(None, None, None, None, ())
    stem_words = set(_words(re.sub(r"^[A-Za-z]{0,4}\d+(?:\.\d+)*[-_. ]+", "", file_stem)))
    names = [_letters(b) for b in banners if _letters(b)]
    for position, candidate in enumerate(candidates):
        _weigh(candidate, position, stem_words, names)
    best = max(candidates, key=lambda c: (c.score, -c.index))
    return TitleChoice(best.index, best.number, best.title, best, tuple(c for c in candidates if c is not best))


# Words of a file name or manual that say nothing about which chapter it is.
GENERIC = _STOP | {
    "chapter", "page", "copy", "source", "text", "new", "untitled", "document", "procedure", "procedures", "manual",
    "safeguarding", "children", "child", "partnership", "board", "policies", "policy", "guidance", "practice",
    "multi", "agency", "local", "inter", "interagency", "scp", "lscb", "scb", "lscp", "protection", "online",
}  # fmt: skip


def unsupported(title: str, file_stem: str, manual: str | None) -> bool:
    """A title sharing no telling word with the file name the author chose, nor with the manual's
    name (its area), when the file name has telling words at all: worth a second look."""
    def telling(text: str) -> set[str]:
        return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _words(text)} - GENERIC

    own, named = telling(title), telling(manual or "")
    stem = telling(re.sub(r"^[A-Za-z]{0,4}\d+(?:\.\d+)*[-_. ]+", "", file_stem))
    return bool(stem) and bool(own) and not own & stem and not own & named


def _candidates(lines: list[Line], patterns: Patterns) -> list[Candidate]:
    found: list[Candidate] = []
    seen = 0
    for index, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        seen += 1
        if seen > CANDIDATES or patterns.label(text) or patterns.first(patterns.page_dates, text) or is_date(text):
            break
        match = TITLE_NUMBERED.match(text)
        number, title = (match.group("num"), match.group("title")) if match else (None, text)
        if not _title_shaped(title):
            if found:
                break  # prose: the header is over
            continue
        found.append(Candidate(index, line.number, text, number, title))
    return found


def _title_shaped(title: str) -> bool:
    # A title may start with anything ("<b>", "'Sexting'"), but is short and not a sentence.
    if not title or len(title) > 200:
        return False
    if title[-1] in TERMINAL and title[-1] != "?":
        return False
    return len(title.split()) <= MAX_TITLE_WORDS


def _weigh(candidate: Candidate, position: int, stem_words: set[str], names: list[str]) -> None:
    if position == 0:
        candidate.weigh(WEIGHT_FIRST, "the first line")
    if candidate.number and not candidate.number.isdigit():
        # "3.4", "PG25": a chapter's number. A bare "1." starts a section heading as often.
        candidate.weigh(WEIGHT_NUMBER, f"starts with the chapter number {candidate.number}")
    words = [w for w in _words(candidate.title) if w not in _STOP]
    if words and stem_words:
        share = sum(1 for w in words if w in stem_words) / len(words)
        if share:
            candidate.weigh(WEIGHT_FILE_NAME * share, f"{share:.0%} of its words are in the file name")
    letters = _letters(candidate.printed)
    for name in names:
        if name in letters and len(letters) > len(name) + 3:
            candidate.weigh(WEIGHT_BANNER, "names the area or its manual, with more besides (a banner)")
            break
    if _repeats_itself(candidate.printed):
        candidate.weigh(WEIGHT_REPEAT, "repeats itself (a banner or button)")
    capitals = [w for w in re.findall(r"[A-Za-z]+", candidate.printed) if len(w) > 1]
    if len(capitals) >= 3 and all(w.isupper() for w in capitals):
        candidate.weigh(WEIGHT_CAPITALS, "all in capitals (a banner)")


def banner_shaped(text: str, banners: tuple[str, ...]) -> bool:
    """The area's or manual's name with more besides, or a line that repeats itself: a banner
    however many words it runs to ("<Partnership> Procedures Download Referral Form Consult ...")."""
    letters = _letters(text)
    named = any(name in letters and len(letters) > len(name) + 3 for name in (_letters(b) for b in banners) if name)
    return named or _repeats_itself(text)


def _repeats_itself(text: str) -> bool:
    words = text.split()
    for size in range(1, len(words) // 2 + 1):
        if len(words) % size == 0 and len(words) // size >= 2:
            if all(words[i:i + size] == words[:size] for i in range(0, len(words), size)):
                return True
    half = len(words) // 2
    return half >= 2 and words[:half] == words[half:2 * half]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.casefold()) if not w.isdigit()]


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalpha())
