"""`data/packs.yml` as typed rows: the training packs `handbook build` makes into the site."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import unique_ids


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    description: str
    chapters: tuple[str, ...]  # "<area>/<chapter-slug>"
    line: int | None
    chapter_lines: tuple[int | None, ...]  # the line of each chapter, for messages

    @property
    def file_name(self) -> str:
        return f"{self.id}.pdf"


@dataclass(frozen=True)
class Packs:
    rows: tuple[Pack, ...] = ()
    _by_id: dict[str, Pack] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((p.id, p) for p in self.rows)

    def get(self, pack_id: str) -> Pack | None:
        return self._by_id.get(pack_id)

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Packs:
        unique_ids(loaded, "packs", report)
        rows = []
        for index, raw in enumerate(loaded.data["packs"]):
            rows.append(Pack(
                id=raw["id"], title=raw["title"], description=raw["description"], chapters=tuple(raw["chapters"]),
                line=loaded.line_of("packs", index),
                chapter_lines=tuple(loaded.line_of("packs", index, "chapters", i) for i in range(len(raw["chapters"]))),
            ))  # fmt: skip
        return cls(tuple(rows))
