"""`data/glossary.yml` as typed terms: one definition per term, wherever the areas' names differ."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import Status, unique_ids


@dataclass(frozen=True)
class Supersession:
    term: str  # id of the term that replaced this one
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source
    note: str  # ours: "ACPO: replaced by the NPCC in 2015"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    expansion: str | None
    definition: str
    source: str
    status: Status
    checked: str  # YYYY-MM-DD: when the definition was last checked against its source
    synonyms: tuple[str, ...]
    local_variants: tuple[str, ...]
    superseded_by: Supersession | None
    line: int | None
    match_case: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Every name a chapter may use for this term, the glossary's own first."""
        return (self.term, *self.synonyms, *self.local_variants)

    @property
    def anchor(self) -> str:
        return f"term-{self.id}"

    @property
    def letter(self) -> str:
        first = re.sub(r"^[^A-Za-z0-9]+", "", self.term)[:1].upper()
        return first if first.isalpha() else "#"


@dataclass(frozen=True)
class Glossary:
    rows: tuple[Term, ...] = ()
    _by_id: dict[str, Term] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((t.id, t) for t in self.rows)

    def get(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    def a_to_z(self) -> list[Term]:
        return sorted(self.rows, key=lambda t: (t.letter, t.term.casefold()))

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Glossary:
        unique_ids(loaded, "terms", report)
        rows = []
        for index, raw in enumerate(loaded.data["terms"]):
            superseded = raw.get("superseded_by")
            rows.append(Term(
                id=raw["id"], term=raw["term"], expansion=raw["expansion"], definition=raw["definition"],
                source=raw["source"], status=raw["status"], checked=raw["checked"], synonyms=tuple(raw.get("synonyms", ())),
                local_variants=tuple(raw.get("local_variants", ())),
                superseded_by=Supersession(**superseded) if superseded else None,
                line=loaded.line_of("terms", index), match_case=raw.get("match_case", False),
            ))  # fmt: skip
        glossary = cls(tuple(rows))
        _check_forms(glossary, loaded, report)
        return glossary


def _check_forms(glossary: Glossary, loaded: Loaded, report: Report) -> None:
    """A name must mean one term, and a superseding term must exist."""
    owner: dict[str, Term] = {}
    for index, term in enumerate(glossary.rows):
        for form in term.forms:
            key = form.casefold()
            if key in owner and owner[key] is not term:
                report.error(
                    term.line, f"{form!r} is a name of both {owner[key].id!r} and {term.id!r}",
                    "a name may belong to one term only: remove it from one of them",
                )  # fmt: skip
            owner.setdefault(key, term)
        if term.superseded_by and glossary.get(term.superseded_by.term) is None:
            report.error(
                loaded.line_of("terms", index, "superseded_by", "term"),
                f"{term.id!r} is superseded by {term.superseded_by.term!r}, which is not a term id in this file",
                "add that term, or name an existing term id",
            )
