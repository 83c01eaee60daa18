"""`data/offences.yml` as typed rows: one offence each, every fact with its status and source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import Fact, unique_ids

FACT_FIELDS = ("covers", "offender", "victim", "max_indictment", "max_summary", "in_force", "amended_by")


@dataclass(frozen=True)
class Offence:
    id: str
    statute: str  # id in statutes.yml
    section: str | None  # None when the reference does not know it
    name: str
    covers: Fact
    offender: Fact
    victim: Fact
    max_indictment: Fact
    max_summary: Fact
    in_force: Fact
    amended_by: Fact
    url: str
    line: int | None

    @property
    def anchor(self) -> str:
        return f"offence-{self.id}"

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(getattr(self, name) for name in FACT_FIELDS)

    @property
    def checked(self) -> str:
        """The row is as current as its least recently checked fact."""
        return min(fact.checked for fact in self.facts)

    def section_key(self) -> tuple:
        if self.section is None:
            return (1, 0, "")
        number, letters = re.match(r"(\d+)([A-Z]*)", self.section).groups()
        return (0, int(number), letters)


@dataclass(frozen=True)
class Offences:
    rows: tuple[Offence, ...] = ()
    _by_section: dict[tuple[str, str], Offence] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_section.update(((o.statute, o.section.upper()), o) for o in self.rows if o.section)

    def at(self, statute: str, section: str | None) -> Offence | None:
        return self._by_section.get((statute, section.upper())) if section else None

    def filtered(self, statute: str | None = None, ids: set[str] | None = None) -> list[Offence]:
        return [o for o in self.rows if (statute is None or o.statute == statute) and (ids is None or o.id in ids)]

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Offences:
        unique_ids(loaded, "offences", report)
        rows = []
        for index, raw in enumerate(loaded.data["offences"]):
            facts = {name: Fact.of(raw[name], loaded.line_of("offences", index, name, "checked")) for name in FACT_FIELDS}
            rows.append(Offence(
                id=raw["id"], statute=raw["statute"], section=raw["section"], name=raw["name"], url=raw["url"],
                line=loaded.line_of("offences", index), **facts,
            ))  # fmt: skip
        return cls(tuple(rows))
