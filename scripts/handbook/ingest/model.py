"""The structured chapter the converter builds: paragraphs are first-class, metadata is typed.

Stage 3 (structure.py) fills these from a page's lines; stage 4 (write.py) writes them out.
Later features (citations, comparisons, exports) read the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from .chrome import Removed
from .dates import UnreadDate


@dataclass
class TextBlock:
    text: str
    line: int


@dataclass
class ListBlock:
    # plain: a list copied without markers; lines: a contact block (an address, its telephone
    # and e-mail lines), kept line for line as one block
    style: Literal["bullets", "steps", "questions", "plain", "lines"]
    items: list[TextBlock] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.items[0].line


Block = Union[TextBlock, ListBlock]


@dataclass
class Paragraph:
    """A citable paragraph: a numbered one runs until the next number or heading."""

    blocks: list[Block]
    line: int
    number: str | None = None  # as printed: "43.2.12", "1.2"
    role: Literal["body", "page-dates", "amendment", "related", "box"] = "body"
    id: str = ""  # "para-<number>" or "p-<hash>", assigned once the chapter is complete
    section: str | None = None  # id of the heading it falls under

    @property
    def text(self) -> str:
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, TextBlock):
                parts.append(block.text)
            else:
                parts.extend(item.text for item in block.items)
        return " ".join(" ".join(parts).split())


@dataclass
class Heading:
    text: str  # as printed, number included ("1. Definition")
    line: int
    number: str | None = None
    level: int = 2
    id: str = ""


@dataclass
class Box:
    """A labelled block of the chapter's header: related chapters or guidance, amendments,
    scope, or a label the converter does not know ("other", reported)."""

    kind: Literal["related_chapters", "related_guidance", "amendment", "scope", "other"]
    label: TextBlock | None
    paragraphs: list[Paragraph] = field(default_factory=list)


Node = Union[Heading, Paragraph, Box]


@dataclass
class Amendment:
    date: str | None
    text: str
    line: int


@dataclass
class Chapter:
    area: str
    slug: str
    source_file: str  # as shown in messages and in the generated file's header
    title: str
    title_line: int | None  # None when the title came from the file name
    title_printed: str | None = None  # the title line exactly as the page prints it
    # With a title stated in the source's .meta.yml: the title the converter would have chosen.
    recognised_title: str | None = None
    number: str | None = None
    source_url: str | None = None
    captured: str | None = None
    last_updated: str | None = None
    next_review: str | None = None
    version: str | None = None
    status: str | None = None
    amendments: list[Amendment] = field(default_factory=list)
    related_chapters: list[str] = field(default_factory=list)
    related_guidance: list[str] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    date_lines: dict[str, int] = field(default_factory=dict)  # "last_updated" -> where the page prints it
    # Facts the page does not print, and where they came from instead: "last_updated" ->
    # "the latest amendment", "source_url" -> "area.yml". Shown as such, never as printed.
    inferred: dict[str, str] = field(default_factory=dict)
    # Anchors of earlier captures whose paragraphs are gone -> the paragraph they now land on.
    retired_ids: dict[str, str] = field(default_factory=dict)
    unread_dates: list[UnreadDate] = field(default_factory=list)
    # Facts stated in the source's .meta.yml (overrides.py) -> what the page itself gave.
    overridden: dict[str, str | None] = field(default_factory=dict)
    # The .meta.yml's `cut:` (why, and its line): the author confirms this capture is shorter
    # than the previous one because the partnership cut the chapter (recapture.py).
    cut: tuple[str, int] | None = None

    @property
    def id(self) -> str:
        """How a chapter is cited: `<area>/<chapter-slug>`."""
        return f"{self.area}/{self.slug}"

    def paragraphs(self) -> list[Paragraph]:
        found: list[Paragraph] = []
        for node in self.body:
            if isinstance(node, Paragraph):
                found.append(node)
            elif isinstance(node, Box):
                found.extend(node.paragraphs)
        return found

    def headings(self) -> list[Heading]:
        return [node for node in self.body if isinstance(node, Heading)]
