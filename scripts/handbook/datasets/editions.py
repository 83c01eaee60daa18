"""`data/editions.yml` as typed documents: the guidance chapters cite, edition by edition, and
which edition (or which other document) replaced each one."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report
from .common import Status, unique_ids


@dataclass(frozen=True)
class Edition:
    document: str  # id of its document
    edition: str  # the year chapters print: "2023"
    published: str | None  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source
    note: str | None
    status: Status
    source: str
    checked: str  # YYYY-MM-DD
    line: int | None

    @property
    def confirmed(self) -> bool:
        return self.status == "verified-primary"

    @property
    def anchor(self) -> str:
        return f"guidance-{self.document}-{self.edition}"


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    publisher: str
    names: tuple[str, ...]
    replaced_by: str | None  # id of the document that replaced this one as a whole
    url: str | None
    editions: tuple[Edition, ...]  # oldest first
    line: int | None

    @property
    def anchor(self) -> str:
        return f"guidance-{self.id}"

    def edition(self, year: str) -> Edition | None:
        return next((e for e in self.editions if e.edition == year), None)

    @property
    def latest(self) -> Edition:
        return self.editions[-1]


@dataclass(frozen=True)
class Editions:
    rows: tuple[Document, ...] = ()
    _by_id: dict[str, Document] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((d.id, d) for d in self.rows)

    def get(self, document_id: str) -> Document | None:
        return self._by_id.get(document_id)

    def replacement(self, document: Document, year: str | None) -> Edition | None:
        """The edition that replaced `year` of `document` (the latest the handbook knows of, so
        a note never points at an edition that is itself out of date), or None when it is
        current or unknown. A document replaced as a whole is replaced whatever the year; an
        edition is replaced by any later one."""
        seen = {document.id}
        while document.replaced_by and document.replaced_by not in seen:
            seen.add(document.replaced_by)
            document, year = self._by_id[document.replaced_by], None
        if len(seen) > 1:
            return document.latest
        if year is not None and document.edition(year) is not None and document.latest.edition > year:
            return document.latest
        return None

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> Editions:
        unique_ids(loaded, "documents", report)
        rows = []
        for index, raw in enumerate(loaded.data["documents"]):
            editions = tuple(
                Edition(
                    document=raw["id"], edition=e["edition"], published=e["published"], note=e.get("note"),
                    status=e["status"], source=e["source"], checked=e["checked"],
                    line=loaded.line_of("documents", index, "editions", e_index, "checked"),
                )
                for e_index, e in enumerate(raw["editions"])
            )  # fmt: skip
            years = [e.edition for e in editions]
            if years != sorted(set(years)):
                report.error(
                    loaded.line_of("documents", index, "editions"),
                    f"the editions of {raw['id']!r} are not oldest first, or one repeats ({', '.join(years)})",
                    "list each edition once, oldest first: a later edition replaces every earlier one",
                )
            rows.append(Document(
                id=raw["id"], title=raw["title"], publisher=raw["publisher"], names=tuple(raw["names"]),
                replaced_by=raw.get("replaced_by"), url=raw.get("url"), editions=editions,
                line=loaded.line_of("documents", index),
            ))  # fmt: skip
        table = cls(tuple(rows))
        for index, document in enumerate(table.rows):
            if document.replaced_by and table.get(document.replaced_by) is None:
                report.error(
                    loaded.line_of("documents", index, "replaced_by"),
                    f"{document.id!r} is replaced by {document.replaced_by!r}, which is not a document id in this file",
                    "add that document, or name an existing document id",
                )
        return table
