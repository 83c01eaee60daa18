"""`data/elsewhere.yml`: chapters named as related that the handbook does not hold, with their
area and address when known, so a related-chapters entry is never a dead end and never a guess."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import Loaded
from ..diagnostics import Report


def title_key(title: str) -> str:
    return " ".join(title.replace("’", "'").split()).casefold()


@dataclass(frozen=True)
class Elsewhere:
    area: str
    title: str
    url: str | None
    note: str | None
    line: int | None


@dataclass(frozen=True)
class ElsewhereChapters:
    rows: tuple[Elsewhere, ...] = ()
    _by_title: dict[tuple[str, str], Elsewhere] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_title.update(((r.area, title_key(r.title)), r) for r in self.rows)

    def get(self, area: str, title: str) -> Elsewhere | None:
        return self._by_title.get((area, title_key(title)))

    @classmethod
    def from_document(cls, loaded: Loaded, report: Report) -> ElsewhereChapters:
        rows = []
        seen: dict[tuple[str, str], int | None] = {}
        for index, raw in enumerate(loaded.data["chapters"]):
            line = loaded.line_of("chapters", index)
            key = (raw["area"], title_key(raw["title"]))
            if key in seen:
                report.error(line, f"{raw['title']!r} of {raw['area']} is listed twice (first on line {seen[key]})", "keep one entry")
            seen.setdefault(key, line)
            rows.append(Elsewhere(raw["area"], raw["title"], raw["url"], raw.get("note"), line))
        return cls(tuple(rows))
