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

The best candidate wins; the lines above it are taken off as chrome and listed like any other
(reason `banner-above-title`), and the ingest report says which line was taken, why, and which
were passed over. The weights are general shapes, not any area's wording.
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


def choose_title(lines: list[Line], patterns: Patterns, file_stem: str = "", banners: tuple[str, ...] = ()) -> TitleChoice:
    candidates = _candidates(lines, patterns)
    if not candidates:
        return TitleChoice(None, None, None, None, ())
    stem_words = set(_words(re.sub(r"^[A-Za-z]{0,4}\d+(?:\.\d+)*[-_. ]+", "", file_stem)))
    names = [_letters(b) for b in banners if _letters(b)]
    for position, candidate in enumerate(candidates):
        _weigh(candidate, position, stem_words, names)
    best = max(candidates, key=lambda c: (c.score, -c.index))
    return TitleChoice(best.index, best.number, best.title, best, tuple(c for c in candidates if c is not best))


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
