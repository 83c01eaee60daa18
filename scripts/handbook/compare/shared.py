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

import difflib
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal

from ..model import Handbook, ParagraphRef
from .quotes import words

SHINGLE = 4  # words per shingle: long enough to be a phrase, short enough to survive an edit
SKETCH = 8  # keys per text: more finds more borderline pairs, at more comparisons
MIN_WORDS = 8  # shorter paragraphs (labels, dates, "Amendment") are not template text
MIN_SIMILARITY = 0.7  # share of the words, in order (difflib's ratio): "near-identical", drift included
GROUPS_PER_KEY = 6  # groups a text is compared with under one key: bounds the work per text
MIN_OVERLAP = 0.1  # shared shingles below which two texts are not compared word by word


@dataclass(frozen=True)
class Segment:
    kind: Literal["equal", "insert", "delete"]  # insert: this area's words; delete: the common text's
    text: str


@dataclass(frozen=True)
class Version:
    ref: ParagraphRef
    number: str | None
    similarity: float  # to the common text, 0..1
    segments: tuple[Segment, ...]  # a single "equal" segment when it is the common text word for word

    @property
    def identical(self) -> bool:
        return all(s.kind == "equal" for s in self.segments)


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
    pairs: tuple[ChapterPair, ...]
    paragraphs: int  # paragraphs looked at
    texts: int  # distinct texts among them
    comparisons: int  # word-level comparisons made (the quadratic number would be texts squared / 2)


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
    return Finding(tuple(shared), _pairs(shared, items), count, len(items), comparisons)


def shared_in(handbook: Handbook) -> Finding:
    """The handbook's shared text, computed once per loaded model."""
    return handbook.memo("shared_text", lambda hb: find_shared(
        (ref, paragraph.number, paragraph.text) for ref, _, paragraph in hb.paragraphs() if paragraph.role == "body"))


def _shingles(key: tuple[str, ...]) -> frozenset[int]:
    # crc32, not hash(): Python salts str hashes per process, and the groups must not change between runs.
    return frozenset(zlib.crc32(" ".join(key[i:i + SHINGLE]).encode()) for i in range(max(1, len(key) - SHINGLE + 1)))


def _similar(a: _Text, b: _Text) -> bool:
    # Cheap bound first: shingle overlap far below the threshold cannot be near-identical words.
    overlap = len(a.shingles & b.shingles) / len(a.shingles | b.shingles)
    if overlap < MIN_OVERLAP:
        return False
    return difflib.SequenceMatcher(None, a.words, b.words, autojunk=False).ratio() >= MIN_SIMILARITY


def _shared_text(group: list[_Text]) -> SharedText:
    # The common text is the version most paragraphs have word for word (then the first in order).
    base = min(group, key=lambda t: (-len(t.members), t.members[0][0]))
    _, base_ref, _, base_text = base.members[0]
    base_tokens = base_text.split()
    versions = []
    for item in group:
        for order, ref, number, text in item.members:
            tokens = text.split()
            matcher = difflib.SequenceMatcher(None, base_tokens, tokens, autojunk=False)
            versions.append((order, Version(ref, number, round(matcher.ratio(), 3), _segments(matcher, base_tokens, tokens))))
    versions.sort(key=lambda v: v[0])
    return SharedText(base_ref, base_text, tuple(v for _, v in versions), versions[0][0])


def _segments(matcher: difflib.SequenceMatcher, base: list[str], tokens: list[str]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", " ".join(base[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", " ".join(base[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", " ".join(tokens[j1:j2])))
    return tuple(segments)


def _pairs(shared: list[SharedText], items: list[_Text]) -> tuple[ChapterPair, ...]:
    total: dict[str, int] = defaultdict(int)
    for item in items:
        for _, ref, _, _ in item.members:
            total[ref.chapter_id] += len(item.words)
    # chapter pair -> the words of each side in groups shared by the pair
    common: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, 0])
    for group in shared:
        by_chapter: dict[str, int] = defaultdict(int)
        for version in group.versions:
            by_chapter[version.ref.chapter_id] += len(words(" ".join(s.text for s in version.segments if s.kind != "delete")))
        chapters = sorted(by_chapter)
        for i, first in enumerate(chapters):
            for second in chapters[i + 1:]:
                if first.split("/")[0] == second.split("/")[0]:
                    continue
                entry = common[(first, second)]
                entry[0] += 1
                entry[1] += by_chapter[first]
                entry[2] += by_chapter[second]
    pairs = [ChapterPair(a, b, n, round(wa / total[a], 3), round(wb / total[b], 3))
             for (a, b), (n, wa, wb) in common.items()]  # fmt: skip
    pairs.sort(key=lambda p: (-max(p.share_first, p.share_second), p.first, p.second))
    return tuple(pairs)
