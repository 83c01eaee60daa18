"""Quotations against paragraphs: found after normalising only what copying changes (runs of
white space, curly or straight quote marks, kinds of dash), never the words or their case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz.distance import LCSseq

from ..model import ParagraphRef

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
                         "\u2212": "-", "\u00a0": " "})  # fmt: skip
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")

# A paragraph is suggested for a lost quotation only if it holds this share of the quotation's
# words in order: below it, "nearest" would be a guess that sends the author the wrong way.
NEAREST_MIN_SHARE = 0.6


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def quoted_in(quote: str, paragraph_text: str) -> bool:
    """The quotation is in the paragraph, starting and ending where its words do."""
    return _where(normalise(quote), normalise(paragraph_text)) == "whole"


def cut_word(quote: str, paragraph_text: str) -> bool:
    """The quotation's characters are there, but it starts or ends inside a word (a half copy)."""
    return _where(normalise(quote), normalise(paragraph_text)) == "cut"


def _where(quote: str, text: str) -> str | None:
    found, start = None, text.find(quote)
    while start >= 0 and quote:
        end = start + len(quote)
        cut_start = quote[0].isalnum() and start > 0 and text[start - 1].isalnum()
        cut_end = quote[-1].isalnum() and end < len(text) and text[end].isalnum()
        if not (cut_start or cut_end):
            return "whole"
        found, start = "cut", text.find(quote, start + 1)
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text).casefold())


@dataclass(frozen=True)
class Nearest:
    ref: ParagraphRef
    share: float  # of the quotation's words found in order in that paragraph
    exact: bool  # the quotation is there verbatim


def nearest(quote: str, candidates: Iterable[tuple[ParagraphRef, str]]) -> Nearest | None:
    """The paragraph that holds the quotation, or failing that most of its words in order."""
    wanted = words(quote)
    if not wanted:
        return None
    best: Nearest | None = None
    wanted_set = set(wanted)
    for ref, text in candidates:
        if quoted_in(quote, text):
            return Nearest(ref, 1.0, True)
        have = words(text)
        if len(wanted_set.intersection(have)) < NEAREST_MIN_SHARE * len(wanted_set):
            continue  # cheap filter before the in-order comparison
        share = LCSseq.similarity(wanted, have) / len(wanted)
        if share >= NEAREST_MIN_SHARE and (best is None or share > best.share):
            best = Nearest(ref, share, False)
    return best
