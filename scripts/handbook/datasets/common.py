"""What the data sets share: facts with a verification status, and ids checked unique."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..datafiles import Loaded
from ..diagnostics import Report

Status = Literal["verified-primary", "verified-secondary", "unverified"]
TO_BE_CONFIRMED = "to be confirmed"


@dataclass(frozen=True)
class Fact:
    """One fact and how far it has been checked: only a primary source makes it confirmed."""

    value: str
    status: Status
    source: str
    checked: str  # YYYY-MM-DD: when it was last checked against its source
    note: str | None = None
    line: int | None = None  # where `checked` is, for messages

    @property
    def confirmed(self) -> bool:
        return self.status == "verified-primary"

    @classmethod
    def of(cls, raw: dict, line: int | None = None) -> Fact:
        return cls(raw["value"], raw["status"], raw["source"], raw["checked"], raw.get("note"), line)


def unique_ids(loaded: Loaded, key: str, report: Report) -> None:
    """Ids are anchors and citation targets: a repeated one is an error at its second line."""
    seen: dict[str, int | None] = {}
    for index, row in enumerate(loaded.data[key]):
        line = loaded.line_of(key, index, "id")
        if row["id"] in seen:
            report.error(line, f"id {row['id']!r} repeats the one on line {seen[row['id']]}", "give each entry its own id")
        seen.setdefault(row["id"], line)
