"""A new capture against the previous one: a copy that shrank is stopped.

A page cut off after its first paragraphs and saved over the whole one is the commonest way to
lose a chapter: it still has a title and text, so it converts, and the anchors of everything it
lost would be retired onto the little that is left. So a new capture is compared with the
previous generated chapter (the one `anchors.py` carries ids from):

* the share of the previous capture's words it still holds (as a bag of words, so text that
  moved or was renumbered still counts), and
* the share of the previous capture's paragraphs it still holds (a paragraph is held when most
  of its runs of three words are in the new text, so one split or joined differently counts).

Keeping under KEPT_WORDS_AT of the words, or losing more than LOST_PARAGRAPHS_AT of the
paragraphs, is an error for that chapter: its previous page stays. A partnership that really
cut (or rewrote) a chapter is confirmed by the author with a line `cut: <how you know>` in the
source's .meta.yml; once the shorter page is the previous one, the line is reported as no
longer needed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Level, Report
from ..fidelity import words
from .anchors import Previous
from .model import Chapter

KEPT_WORDS_AT = 0.6  # a new capture holding less of the previous capture's words than this has shrunk
LOST_PARAGRAPHS_AT = 0.5  # ... or one that lost more of its paragraphs than this
SMALLEST = 40  # previous captures with fewer words are not compared (a stub can only grow)
GRAM = 3


@dataclass(frozen=True)
class Shrinkage:
    words_before: int
    words_kept: int
    paragraphs_before: int
    paragraphs_kept: int

    @property
    def word_share(self) -> float:
        return self.words_kept / self.words_before if self.words_before else 1.0

    @property
    def paragraph_share(self) -> float:
        return self.paragraphs_kept / self.paragraphs_before if self.paragraphs_before else 1.0

    @property
    def shrunk(self) -> bool:
        return self.words_before >= SMALLEST and (
            self.word_share < KEPT_WORDS_AT or 1 - self.paragraph_share > LOST_PARAGRAPHS_AT
        )

    def __str__(self) -> str:
        return (f"it keeps {self.word_share:.0%} of the previous capture's words ({self.words_kept} of "
                f"{self.words_before}) and {self.paragraphs_kept} of its {self.paragraphs_before} paragraphs")  # fmt: skip


def _tokens(text: str) -> list[str]:
    return [w.casefold() for w in words(text)]


def _grams(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def measure(chapter: Chapter, previous: Previous) -> Shrinkage:
    before = [_tokens(text) for text in previous.texts.values()]
    now = [t for p in chapter.paragraphs() for t in _tokens(p.text)]
    old_bag = Counter(t for tokens in before for t in tokens)
    kept = sum((old_bag & Counter(now)).values())
    grams = {size: _grams(now, size) for size in range(1, GRAM + 1)}
    held = 0
    for tokens in before:
        size = min(GRAM, len(tokens))
        if size == 0:
            continue
        own = _grams(tokens, size)
        held += len(own & grams[size]) * 2 > len(own)
    return Shrinkage(sum(old_bag.values()), kept, sum(1 for tokens in before if tokens), held)


def check(chapter: Chapter, previous: Previous, report: Report, previous_page: str, meta: str) -> bool:
    """False (with an error) when the new capture shrank and the author has not confirmed a cut."""
    if not previous.texts:
        return True
    found = measure(chapter, previous)
    cut = chapter.cut
    if not found.shrunk:
        if cut is not None:
            report.items.append(Diagnostic(meta, cut[1], Level.WARNING, "`cut:` is no longer needed: this capture is not "
                                           f"much shorter than the previous one ({found})", "remove the line"))  # fmt: skip
        return True
    if cut is not None:
        report.note(chapter.title_line, f"this capture is much shorter than the previous one ({found}); published, "
                    f"as {meta} confirms: {cut[0]!r}")  # fmt: skip
        return True
    report.error(
        chapter.title_line,
        f"this capture is much shorter than the previous one ({previous_page}): {found}; a half copy? "
        "Not published: the previous page is kept",
        f"copy the whole page again; if the partnership really cut the chapter, confirm it with a line "
        f"`cut: <what was cut, and how you know>` in {meta}",
    )
    return False
