"""`data/topics.yml` as typed comparisons: for each topic and each area, the paragraphs cited
with a verbatim quotation, and a summary in our words (or our statement that it is not covered).

The loader checks shape only; whether each citation resolves and each quotation is in its
paragraph is `handbook check`'s (`checks/topics.py`), against the chapters of the day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import unique_ids

Coverage = Literal["covered", "partly", "not-covered"]
COVERAGE_LABELS: dict[str, str] = {"covered": "covered", "partly": "partly", "not-covered": "not covered"}


@dataclass(frozen=True)
class Quotation:
    ref: str  # "<area>/<chapter-slug>#<paragraph-id>"
    quote: str  # the partnership's words, verbatim
    line: int | None
    quote_line: int | None


@dataclass(frozen=True)
class AreaEntry:
    area: str
    coverage: Coverage
    summary: str  # ours
    cites: tuple[Quotation, ...]
    line: int | None


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    question: str  # ours
    entries: tuple[AreaEntry, ...]  # in the file's order
    line: int | None

    def entry(self, area: str) -> AreaEntry | None:
        return next((e for e in self.entries if e.area == area), None)


@dataclass(frozen=True)
class Topics:
    rows: tuple[Topic, ...] = ()
    _by_id: dict[str, Topic] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((t.id, t) for t in self.rows)

    def get(self, topic_id: str) -> Topic | None:
        return self._by_id.get(topic_id)

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Topics:
        unique_ids(loaded, "topics", report)
        rows = []
        for index, raw in enumerate(loaded.data["topics"]):
            entries = []
            for area, entry in raw["areas"].items():
                at = ("topics", index, "areas", area)
                cites = tuple(
                    Quotation(c["ref"], c["quote"], loaded.line_of(*at, "cites", i), loaded.line_of(*at, "cites", i, "quote"))
                    for i, c in enumerate(entry.get("cites") or ())
                )
                entries.append(AreaEntry(area, entry["coverage"], entry["summary"], cites, loaded.line_of(*at)))
            rows.append(Topic(raw["id"], raw["title"], raw["question"], tuple(entries), loaded.line_of("topics", index)))
        return cls(tuple(rows))
