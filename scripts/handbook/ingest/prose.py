"""Does a line read as the partnership's prose? Asked of every line the converter removes (site
chrome, a banner above the title, a copied contents entry), because removed lines are left out
of the no-words-lost check: a sentence removed by a pattern too broad would vanish unseen.

Chrome is short and formulaic: a logo's alt text, a button, a menu, a breadcrumb, a manual's
name. A line reads as prose when it holds a date ("In March 2021, ..."), is a full sentence
(several words ending in a full stop, a question or an exclamation mark), or runs to many words.
Chrome patterns that remove such lines by design (a cookie notice, a print footer whose date is
kept as the capture date) say so with `prose: true` in patterns.yml.
"""

from __future__ import annotations

import re

from .dates import DATE

SENTENCE_WORDS = 5  # "Worried about a child?" is a button; "In March 2021, this chapter was ..." is not
MANY_WORDS = 12

_DATE_IN = re.compile(DATE, re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def reads_as_prose(text: str, many_words: bool = True) -> str | None:
    """Why `text` reads as prose ("a date", "a full sentence", "14 words"), or None. Without
    `many_words`, length alone does not count (a contents entry repeats a long heading)."""
    text = text.strip()
    if not text:
        return None
    if _DATE_IN.search(text):
        return "a date"
    count = len(_WORD.findall(text))
    if count >= SENTENCE_WORDS and text[-1] in ".!?" and text[0].isupper():
        return "a full sentence"
    if many_words and count >= MANY_WORDS:
        return f"{count} words"
    return None


def clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
