"""`data/cautions.yml` as typed notes: ours, shown beside the paragraphs they cite."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import Status, unique_ids


@dataclass(frozen=True)
class Caution:
    id: str
    cites: tuple[str, ...]  # "<area>/<chapter-slug>#<paragraph-id>"
    note: str
    source: str
    url: str | None
    status: Status
    checked: str  # YYYY-MM-DD: when the note was last checked against its source
    line: int | None
    cite_lines: tuple[int | None, ...]  # the line of each citation, for messages

    @property
    def confirmed(self) -> bool:
        return self.status == "verified-primary"


@dataclass(frozen=True)
class Cautions:
    rows: tuple[Caution, ...] = ()
    _by_ref: dict[str, list[Caution]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for caution in self.rows:
            for ref in caution.cites:
                self._by_ref.setdefault(ref, []).append(caution)

    def at(self, ref: str) -> list[Caution]:
        return self._by_ref.get(ref, [])

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Cautions:
        unique_ids(loaded, "cautions", report)
        rows = []
        for index, raw in enumerate(loaded.data["cautions"]):
            rows.append(Caution(
                id=raw["id"], cites=tuple(raw["cites"]), note=raw["note"], source=raw["source"],
                url=raw.get("url"), status=raw["status"], checked=raw["checked"], line=loaded.line_of("cautions", index),
                cite_lines=tuple(loaded.line_of("cautions", index, "cites", i) for i in range(len(raw["cites"]))),
            ))  # fmt: skip
        return cls(tuple(rows))
