"""The recognition summary: one row per chapter of what the converter took from its page, so an
author adding ten pages sees at a glance what came out (a wrong title, a missed date, a chapter
with no numbered paragraphs) before reading any message. Printed at the end of `handbook
ingest`; `--summary-json FILE` writes the same rows for tools."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..diagnostics import Level
from .convert import Conversion
from .tree import IngestResult

# Above this many chapters the table shows only those that changed or have something to say
# (the JSON always has them all): a thousand rows scroll the messages away.
ALL_ROWS_UP_TO = 40


@dataclass(frozen=True)
class Row:
    area: str
    file: str
    title: str | None
    number: str | None
    last_updated: str | None
    next_review: str | None
    captured: str | None
    amendments: int
    numbered: int  # paragraphs with their own printed number
    unnumbered: int
    coverage: float | None  # % of the source's words on the page, in order
    warnings: int
    errors: int
    inferred: tuple[str, ...]  # facts not printed on the page (taken from elsewhere)
    overridden: tuple[str, ...]  # facts stated in the source's .meta.yml

    @property
    def ok(self) -> bool:
        return self.errors == 0


def row(conversion: Conversion) -> Row:
    chapter = conversion.chapter
    area, file = conversion.source.parent.name, conversion.source.name
    count = {level: sum(1 for d in conversion.report.items if d.level is level) for level in (Level.WARNING, Level.ERROR)}
    paragraphs = [p for p in chapter.paragraphs() if p.role == "body"] if chapter else []
    return Row(
        area=area, file=file, title=chapter.title if chapter else None, number=chapter.number if chapter else None,
        last_updated=chapter.last_updated if chapter else None, next_review=chapter.next_review if chapter else None,
        captured=chapter.captured if chapter else None, amendments=len(chapter.amendments) if chapter else 0,
        numbered=sum(1 for p in paragraphs if p.number), unnumbered=sum(1 for p in paragraphs if not p.number),
        coverage=round(conversion.fidelity.coverage, 1) if conversion.fidelity else None,
        warnings=count[Level.WARNING], errors=count[Level.ERROR],
        inferred=tuple(sorted(chapter.inferred)) if chapter else (),
        overridden=tuple(sorted(chapter.overridden)) if chapter else (),
    )  # fmt: skip


def rows(conversions: list[Conversion]) -> list[Row]:
    return sorted((row(c) for c in conversions), key=lambda r: (r.area, r.file))


def changed(result: IngestResult) -> set[str]:
    """The sources ("<area>/<file>") whose chapters this run wrote."""
    written = {(p.parent.name, p.stem) for p in result.written}
    return {f"{c.source.parent.name}/{c.source.name}" for c in result.conversions
            if c.chapter is not None and (c.chapter.area, c.chapter.slug) in written}  # fmt: skip


def table(found: list[Row], changed: set[str] | None = None, show_all: bool = False) -> str:
    """A plain-text table for the terminal. `changed`: sources ("<area>/<file>") written this run."""
    shown = found
    if not show_all and len(found) > ALL_ROWS_UP_TO:
        shown = [r for r in found if not r.ok or r.warnings or (changed and f"{r.area}/{r.file}" in changed)]
    header = ("area", "file", "title", "number", "last updated", "next review", "captured", "amend.",
              "paragraphs", "coverage", "warnings")  # fmt: skip
    lines = [header] + [_cells(r) for r in shown]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    if len(shown) < len(found):
        text.append(f"({len(found) - len(shown)} unchanged chapter(s) with nothing to report not shown: "
                    "--verbose shows every row, --summary-json FILE writes them)")  # fmt: skip
    text.append("paragraphs: numbered/unnumbered; * not printed on the page (from an amendment or area.yml); "
                "= stated in the source's .meta.yml")  # fmt: skip
    return "\n".join(text)


def _cells(r: Row) -> tuple[str, ...]:
    def fact(name: str, value: str | None) -> str:
        mark = "=" if name in r.overridden else "*" if name in r.inferred else ""
        return f"{value}{mark}" if value else ("—" + mark if mark else "—")

    if not r.ok and r.title is None:
        return (r.area, r.file, f"FAILED ({r.errors} error(s))", "", "", "", "", "", "", "", str(r.warnings))
    return (
        r.area, r.file, _clip(r.title or "—", 48) + ("=" if "title" in r.overridden else ""), fact("chapter", r.number),
        fact("last_updated", r.last_updated), fact("next_review", r.next_review), fact("captured", r.captured),
        str(r.amendments), f"{r.numbered}/{r.unnumbered}", f"{r.coverage:.0f}%" if r.coverage is not None else "—",
        str(r.warnings) + (f" +{r.errors} error(s)" if r.errors else ""),
    )  # fmt: skip


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_json(found: list[Row], path: Path) -> None:
    data = [{**asdict(r), "inferred": list(r.inferred), "overridden": list(r.overridden)} for r in found]
    Path(path).write_text(json.dumps({"chapters": data}, indent=2, ensure_ascii=False) + "\n", "utf-8")
