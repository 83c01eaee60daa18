"""Shared template text, found by code: paragraphs of different areas that are near-identical.

Many areas start from the same template and then drift. Nothing here is listed by hand: a
chapter from a new area joins the view as soon as it is ingested.

Comparing every paragraph with every other is quadratic, so candidates come from an index:

1. paragraphs with the same words (case and punctuation aside) are one text;
2. each text is cut into shingles (runs of `SHINGLE` words, hashed); its `SKETCH` smallest
   hashes are its keys (a bottom-k sketch: two texts sharing most shingles share most keys);
3. texts that share a key are compared (word-level similarity, `MIN_SIMILARITY`) only against
   the few groups already met under that key, and joined into a group when close enough;
4. groups spanning two or more areas are shared text: one version is the common text, and
   every paragraph is shown as its word differences from it.

The work grows with the number of paragraphs times `SKETCH`, not with its square.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from rapidfuzz.distance import Indel
from typing import Iterable, Literal

from ..model import Handbook, ParagraphRef
from .quotes import words

SHINGLE = 4  # words per shingle: long enough to be a phrase, short enough to survive an edit
SKETCH = 8  # keys per text: more finds more borderline pairs, at more comparisons
MIN_WORDS = 8  # shorter paragraphs (labels, dates, "Amendment") are not template text
# Similarity of two texts: the words they have in the same order (longest common subsequence),
# twice, over the words of both (Indel similarity; difflib's ratio with an exact match).
MIN_SIMILARITY = 0.7  # "near-identical", drift included
GROUPS_PER_KEY = 6  # groups a text is compared with under one key: bounds the work per text
MIN_OVERLAP = 0.1  # shared shingles below which two texts are not compared word by word


@dataclass(frozen=True)
class Segment:
    kind: Literal["equal", "insert", "delete"]  # insert: this area's words; delete: the common text's
    text: str


@dataclass(frozen=True)
class Version:
    """One paragraph of a group; its differences from the common text are worked out when a
    page shows them, not while grouping (at a thousand chapters most are never shown)."""

    ref: ParagraphRef
    number: str | None
    text: str
    common_text: str

    @property
    def similarity(self) -> float:
        """To the common text, 0..1: the words the two have in the same order, as printed."""
        return Indel.normalized_similarity(self.common_text.split(), self.text.split())

    @cached_property
    def segments(self) -> tuple[Segment, ...]:
        """The paragraph as the common text's words kept, deleted and this area's inserted."""
        return _segments(self.common_text.split(), self.text.split())

    @property
    def identical(self) -> bool:
        return self.text.split() == self.common_text.split()


@dataclass(frozen=True)
class SharedText:
    common: ParagraphRef  # the version the others are compared with
    common_text: str
    versions: tuple[Version, ...]  # every paragraph of the group, the common one included
    first: int  # where the group starts in the handbook's order

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(sorted({v.ref.area for v in self.versions}))


@dataclass(frozen=True)
class ChapterPair:
    first: str  # chapter ids, first < second
    second: str
    paragraphs: int  # groups of shared text the two have in common
    share_first: float  # of the first chapter's words, in paragraphs shared with the second
    share_second: float


@dataclass(frozen=True)
class Finding:
    shared: tuple[SharedText, ...]
    paragraphs: int  # paragraphs looked at
    texts: int  # distinct texts among them
    comparisons: int  # word-level comparisons made (the quadratic number would be texts squared / 2)
    sizes: dict[ParagraphRef, int]  # the number of words of each paragraph looked at

    @cached_property
    def pairs(self) -> tuple[ChapterPair, ...]:
        """How much of each pair of chapters (of different areas) is shared text. Worked out
        when asked: its size grows with the square of the chapters sharing one text."""
        return _pairs(self.shared, self.sizes)


@dataclass
class _Text:
    words: tuple[str, ...]
    members: list[tuple[int, ParagraphRef, str | None, str]]  # input order, ref, number, text as printed
    shingles: frozenset[int] = frozenset()


def find_shared(paragraphs: Iterable[tuple[ParagraphRef, str | None, str]]) -> Finding:
    """Groups of near-identical paragraphs across areas, from (ref, number, text) triples."""
    texts: dict[tuple[str, ...], _Text] = {}
    count = 0
    for order, (ref, number, text) in enumerate(paragraphs):
        key = tuple(words(text))
        if len(key) < MIN_WORDS:
            continue
        count += 1
        texts.setdefault(key, _Text(key, [])).members.append((order, ref, number, text))
    items = list(texts.values())
    for item in items:
        item.shingles = _shingles(item.words)

    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    comparisons = 0
    met: dict[int, list[int]] = defaultdict(list)  # key -> texts that started a group under it
    for index, item in enumerate(items):
        for key in sorted(item.shingles)[:SKETCH]:
            for other in met[key]:
                if root(other) == root(index):
                    continue
                comparisons += 1
                if _similar(items[other], item):
                    parent[root(index)] = root(other)
                    break
            else:
                if len(met[key]) < GROUPS_PER_KEY:
                    met[key].append(index)

    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        groups[root(index)].append(index)
    shared = []
    for members in groups.values():
        if len({ref.area for i in members for _, ref, _, _ in items[i].members}) >= 2:
            shared.append(_shared_text([items[i] for i in members]))
    shared.sort(key=lambda s: (-len(s.areas), s.first))
    sizes = {ref: len(item.words) for item in items for _, ref, _, _ in item.members}
    return Finding(tuple(shared), count, len(items), comparisons, sizes)


def shared_in(handbook: Handbook) -> Finding:
    """The handbook's shared text, computed once per loaded model."""
    return handbook.memo("shared_text", lambda hb: find_shared(
        (ref, paragraph.number, paragraph.text) for ref, _, paragraph in hb.paragraphs() if paragraph.role == "body"))


def _shingles(key: tuple[str, ...]) -> frozenset[int]:
    # crc32, not hash(): Python salts str hashes per process, and the groups must not change between runs.
    return frozenset(zlib.crc32(" ".join(key[i:i + SHINGLE]).encode()) for i in range(max(1, len(key) - SHINGLE + 1)))


def similarity(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> float:
    return Indel.normalized_similarity(a, b)


def _similar(a: _Text, b: _Text) -> bool:
    # Cheap bound first: texts sharing almost no phrase are not compared word by word.
    if len(a.shingles & b.shingles) < MIN_OVERLAP * len(a.shingles | b.shingles):
        return False
    return Indel.normalized_similarity(a.words, b.words, score_cutoff=MIN_SIMILARITY) >= MIN_SIMILARITY


def _shared_text(group: list[_Text]) -> SharedText:
    # The common text is the version most paragraphs have word for word (then the first in order).
    base = min(group, key=lambda t: (-len(t.members), t.members[0][0]))
    _, base_ref, _, base_text = base.members[0]
    members = sorted(m for item in group for m in item.members)
    versions = tuple(Version(ref, number, text, base_text) for _, ref, number, text in members)
    return SharedText(base_ref, base_text, versions, members[0][0])


def _segments(base: list[str], tokens: list[str]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for op in Indel.opcodes(base, tokens):
        if op.tag == "equal":
            segments.append(Segment("equal", " ".join(base[op.src_start:op.src_end])))
            continue
        if op.src_end > op.src_start:
            segments.append(Segment("delete", " ".join(base[op.src_start:op.src_end])))
        if op.dest_end > op.dest_start:
            segments.append(Segment("insert", " ".join(tokens[op.dest_start:op.dest_end])))
    # A changed word reads as the common text's word struck out, then the area's own.
    for i in range(len(segments) - 1):
        if segments[i].kind == "insert" and segments[i + 1].kind == "delete":
            segments[i], segments[i + 1] = segments[i + 1], segments[i]
    return tuple(segments)


def _pairs(shared: tuple[SharedText, ...], size: dict[ParagraphRef, int]) -> tuple[ChapterPair, ...]:
    total: Counter[str] = Counter()
    for ref, count in size.items():
        total[ref.chapter_id] += count
    groups: Counter[tuple[str, str]] = Counter()  # chapter pair -> groups of shared text in common
    shared_words: Counter[tuple[str, str]] = Counter()  # (chapter, other chapter) -> its words shared with it
    for group in shared:
        by_chapter: Counter[str] = Counter()
        for version in group.versions:
            by_chapter[version.ref.chapter_id] += size[version.ref]
        for first, second in combinations(sorted(by_chapter), 2):
            if first.partition("/")[0] != second.partition("/")[0]:
                groups[first, second] += 1
                shared_words[first, second] += by_chapter[first]
                shared_words[second, first] += by_chapter[second]
    pairs = [ChapterPair(a, b, n, round(shared_words[a, b] / total[a], 3), round(shared_words[b, a] / total[b], 3))
             for (a, b), n in groups.items()]  # fmt: skip
    pairs.sort(key=lambda p: (-max(p.share_first, p.share_second), p.first, p.second))
    return tuple(pairs)
