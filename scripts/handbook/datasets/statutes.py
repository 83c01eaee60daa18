"""`data/statutes.yml` as typed Acts: the laws chapters cite, their known slips and phrasings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import unique_ids


@dataclass(frozen=True)
class Mention:
    """A phrase that cites a provision without naming its Act ("Section 47 Enquiry")."""

    pattern: re.Pattern
    section: str


@dataclass(frozen=True)
class Statute:
    id: str
    title: str
    year: int
    url: str
    slips: tuple[str, ...]
    mentions: tuple[Mention, ...]
    note: str | None
    source: str  # where the title, year and chapter number were read
    checked: str  # YYYY-MM-DD: when they were last checked
    line: int | None

    @property
    def anchor(self) -> str:
        return f"act-{self.id}"

    def section_url(self, section: str | None) -> str:
        """legislation.gov.uk's address for one section follows the Act's: `<act>/section/<n>`."""
        return f"{self.url}/section/{section}" if section and "/ukpga/" in self.url else self.url


def name_key(name: str) -> str:
    """How Act names are compared: case, spacing and brackets round the year do not count."""
    return " ".join(re.sub(r"[()]", " ", name).split()).casefold()


@dataclass(frozen=True)
class Statutes:
    rows: tuple[Statute, ...] = ()
    _by_id: dict[str, Statute] = field(default_factory=dict, repr=False, compare=False)
    _by_name: dict[str, tuple[Statute, bool]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for statute in self.rows:
            self._by_id[statute.id] = statute
            self._by_name[name_key(statute.title)] = (statute, False)
            for slip in statute.slips:
                self._by_name[name_key(slip)] = (statute, True)

    def get(self, statute_id: str) -> Statute | None:
        return self._by_id.get(statute_id)

    def named(self, name: str) -> tuple[Statute, bool] | None:
        """The Act a printed name means, and whether the name is a known slip."""
        return self._by_name.get(name_key(name))

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Statutes:
        unique_ids(loaded, "statutes", report)
        rows = []
        for index, raw in enumerate(loaded.data["statutes"]):
            mentions = []
            for m_index, mention in enumerate(raw.get("mentions", ())):
                try:
                    pattern = re.compile(rf"(?<![\w-])(?:{mention['pattern']})(?![\w-])", re.IGNORECASE)
                except re.error as exc:
                    report.error(
                        loaded.line_of("statutes", index, "mentions", m_index, "pattern"),
                        f"pattern {mention['pattern']!r} is not a valid regular expression ({exc})",
                        "fix the pattern (Python regular expression syntax)",
                    )
                    continue
                mentions.append(Mention(pattern, mention["section"]))
            rows.append(Statute(
                id=raw["id"], title=raw["title"], year=raw["year"], url=raw["url"],
                slips=tuple(raw.get("slips", ())), mentions=tuple(mentions), note=raw.get("note"),
                source=raw["source"], checked=raw["checked"], line=loaded.line_of("statutes", index),
            ))  # fmt: skip
        return cls(tuple(rows))
