"""Anchors that survive a re-capture: after the structure stage has given each unnumbered
paragraph a hash of its text (`p-1a2b3c4d`), paragraphs whose text changed a little since the
previous output (a typo fixed, a link added) take their old id back, so links people have
shared keep working. An old id whose paragraph is gone is *retired*: the page keeps it as an
empty anchor beside the paragraph that replaced it, so a shared link still lands near the text.

The previous ids and texts are read from the previous generated chapter, which only this stage
reads (its format is `write.py`'s own); numbered paragraphs keep `para-<number>` anchors anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..diagnostics import Report
from .model import Chapter

CARRY_AT = 0.75  # word-level similarity at which a changed paragraph keeps its old id
NEAR_AT = 0.3  # below this, a retired id points at the paragraph in the same place instead

_DIV = re.compile(r'^<div class="hb-para[^"]*" id="(?P<id>[^"]+)" markdown>$')
_INNER_DIV = re.compile(r'^<div class="hb-(?:list|lines)[^"]*" markdown>$')
_RETIRED = re.compile(r'<span class="hb-retired" id="(?P<id>[^"]+)"></span>')
_OUR_LINKS = re.compile(r"\[[^\]]*\]\(#[^)]*\)\{[^}]*\}")
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Previous:
    """What the last output published: paragraph texts by id, in order, and retired ids."""

    texts: dict[str, str] = field(default_factory=dict)
    retired: dict[str, str] = field(default_factory=dict)  # old id -> the paragraph it lands on


def read_previous(markdown: str | None) -> Previous:
    previous = Previous()
    current: str | None = None
    lines: list[str] = []
    depth = 0  # the paragraph's own blocks (lists, contact blocks) are divs inside its div
    for line in (markdown or "").splitlines():
        match = _DIV.match(line)
        if match:
            current, lines, depth = match["id"], [], 0
        elif current is None:
            continue
        elif _INNER_DIV.match(line):
            depth += 1
        elif line == "</div>" and depth:
            depth -= 1
        elif line == "</div>":
            text = " ".join(lines)
            for retired in _RETIRED.finditer(text):
                previous.retired[retired["id"]] = current
            text = _ESCAPE.sub(r"\1", _OUR_LINKS.sub(" ", _RETIRED.sub(" ", text)))
            previous.texts[current] = " ".join(text.split())
            current = None
        else:
            lines.append(re.sub(r"^[-*]\s+", "", line))  # a list item's marker is ours, not the page's
    return previous


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def carry_forward(chapter: Chapter, previous: Previous, report: Report) -> None:
    paragraphs = chapter.paragraphs()
    new_ids = {p.id for p in paragraphs}
    if not previous.texts:
        return
    lost = [pid for pid in previous.texts if pid.startswith("p-") and pid not in new_ids]
    fresh = [p for p in paragraphs if p.id.startswith("p-") and p.id not in previous.texts]
    pairs = sorted(((_similarity(previous.texts[old], p.text), i, j) for i, old in enumerate(lost) for j, p in enumerate(fresh)),
                   reverse=True)  # fmt: skip
    carried: set[str] = set()
    taken: set[int] = set()
    for ratio, i, j in pairs:
        if ratio < CARRY_AT or lost[i] in carried or j in taken:
            continue
        paragraph = fresh[j]
        report.note(paragraph.line, f"paragraph keeps its anchor {lost[i]} (its text changed a little since the last capture)")
        paragraph.id = lost[i]
        carried.add(lost[i])
        taken.add(j)
    ids = [p.id for p in paragraphs]
    order = list(previous.texts)
    for old in (pid for pid in lost if pid not in carried):
        best = max(((_similarity(previous.texts[old], p.text), p.id) for p in paragraphs), default=(0.0, None))
        target = best[1] if best[0] >= NEAR_AT else ids[min(order.index(old), len(ids) - 1)] if ids else None
        if target:
            chapter.retired_ids[old] = target
            report.note(None, f"anchor {old} retired (its paragraph is gone); links to it now land on {target}")
    for old, target in previous.retired.items():
        if old in new_ids or old in chapter.retired_ids:
            continue
        chapter.retired_ids[old] = target if target in ids else chapter.retired_ids.get(target, ids[0] if ids else target)
