"""The no-words-lost check: every word of the source, outside removed chrome, in order.

A *word* is a run of letters, digits or underscores (`\\w+`), after Unicode NFC normalisation.
Punctuation and white space are not compared: table borders and bullet symbols may go, but an
extension that rewrote "(c)" as a sign would lose the word "c" and be caught.

The check runs on rendered HTML: at ingest on the chapter's Markdown rendered with the site's
Markdown settings, and in `handbook check` on the page the site actually built. Text inside
elements marked `hb-ours` (what the handbook adds: header box, credit, notes) is left out,
and so are words the page has that the source does not (reported as added).
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


@dataclass
class Fidelity:
    expected: int
    matched: int
    missing: list[tuple[str, int]] = field(default_factory=list)  # (word, source line)
    added: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return 100.0 if self.expected == 0 else 100.0 * self.matched / self.expected

    @property
    def ok(self) -> bool:
        return not self.missing and not self.added

    def summary(self) -> str:
        text = f"{self.coverage:.1f}% of {self.expected} words in order"
        if self.missing:
            text += f", {len(self.missing)} missing"
        if self.added:
            text += f", {len(self.added)} added"
        return text

    def first_problem(self) -> tuple[int | None, str]:
        if self.missing:
            word, line = self.missing[0]
            shown = ", ".join(repr(w) for w, _ in self.missing[:5])
            return line, f"words of the source missing from the page: {shown}"
        return None, "words on the page that are not in the source: " + ", ".join(repr(w) for w in self.added[:5])


# Above this many words a precise alignment gets slow; a greedy in-order match is used instead
# (exact for pages that pass, approximate only in where it says the first loss is).
PRECISE_LIMIT = 50_000


def compare(expected: list[tuple[str, int]], actual: list[str]) -> Fidelity:
    """Match `expected` (word, source line) in order against the page's `actual` words."""
    wanted = [w for w, _ in expected]
    if wanted == actual:
        return Fidelity(len(expected), len(expected))
    if max(len(wanted), len(actual)) <= PRECISE_LIMIT:
        return _aligned(expected, wanted, actual)
    return _greedy(expected, actual)


def _aligned(expected: list[tuple[str, int]], wanted: list[str], actual: list[str]) -> Fidelity:
    result = Fidelity(len(expected), 0)
    matcher = difflib.SequenceMatcher(None, wanted, actual, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.matched += i2 - i1
            continue
        result.missing.extend(expected[i1:i2])
        result.added.extend(actual[j1:j2])
    return result


def _greedy(expected: list[tuple[str, int]], actual: list[str]) -> Fidelity:
    positions: dict[str, list[int]] = defaultdict(list)
    for index, word in enumerate(actual):
        positions[word].append(index)
    used: set[int] = set()
    cursor = 0
    result = Fidelity(len(expected), 0)
    for word, line in expected:
        places = positions.get(word, [])
        at = bisect.bisect_left(places, cursor)
        if at == len(places):
            result.missing.append((word, line))
            continue
        used.add(places[at])
        cursor = places[at] + 1
        result.matched += 1
    result.added = [w for i, w in enumerate(actual) if i not in used]
    return result


class _TextExtractor(HTMLParser):
    """Text of an HTML document, less `hb-ours` elements, scripts and styles.

    With `root_class`, only text inside the first element carrying that class is kept.
    """

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    SKIPPED_TAGS = {"script", "style", "template"}

    def __init__(self, root_class: str | None):
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.state = "inside" if root_class is None else "before"
        self.depth = 0  # open elements since the root
        self.skip_at: int | None = None  # depth of the skipped element we are in
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID or self.state == "after":
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.state == "before":
            if self.root_class in classes:
                self.state, self.depth = "inside", 0
            return
        self.depth += 1
        if self.skip_at is None and ("hb-ours" in classes or tag in self.SKIPPED_TAGS):
            self.skip_at = self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or self.state != "inside":
            return
        if self.skip_at == self.depth:
            self.skip_at = None
        self.depth -= 1
        if self.depth < 0 and self.root_class is not None:
            self.state = "after"

    def handle_data(self, data: str) -> None:
        if self.state == "inside" and self.skip_at is None:
            self.parts.append(data)


_TAG = re.compile(r"<[^<>]*>")
# What only the parser handles right: elements whose text is left out, and markup whose text is not data.
_NEEDS_PARSER = re.compile(r"hb-ours|<(script|style|template)\b|<!|<\?", re.IGNORECASE)


def html_text(html: str, root_class: str | None = None) -> str:
    """The partnership's text in rendered HTML: within the element of class `root_class`
    (the whole fragment when None), leaving out `hb-ours` elements."""
    if root_class is None and not _NEEDS_PARSER.search(html):
        # A converted chapter's fragment (ingest checks a thousand of them): plain elements only,
        # so taking the tags away gives the same words as the parser, several times faster.
        return unescape(_TAG.sub(" ", html))
    if root_class is not None:
        # Nothing before the root element counts: start at the tag where its class is first
        # named (a built page's header and navigation are most of its bytes).
        at = html.find(root_class)
        html = html[max(html.rfind("<", 0, at), 0) :] if at != -1 else ""
    parser = _TextExtractor(root_class)
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)
