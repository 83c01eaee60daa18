"""Load `patterns.yml`, the converter's recognition patterns, and compile them once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .. import datafiles
from ..diagnostics import Diagnostic, InputError, Level, Report
from .dates import DATE


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    kind: str | None = None  # labels and related leads: the block they open
    field: str | None = None  # page dates: the front matter key they fill
    value: str | None = None  # status: the value they give
    where: str = "anywhere"  # chrome: "head" (before the first text line), "tail" (after the last)
    box_only: bool = False  # amendment dates: too loose to trust outside an amendment box
    prose: bool = False  # chrome: removes lines that read as prose by design (a cookie notice), unreported


@dataclass(frozen=True)
class Patterns:
    chrome: tuple[Pattern, ...]
    labels: tuple[Pattern, ...]
    related_leads: tuple[Pattern, ...]
    page_dates: tuple[Pattern, ...]
    amendment_dates: tuple[Pattern, ...]
    status: tuple[Pattern, ...]
    contact: tuple[Pattern, ...]  # searched within a line: a postcode, a telephone number, an e-mail

    @staticmethod
    def first(patterns: tuple[Pattern, ...], text: str) -> tuple[Pattern, re.Match[str]] | None:
        """The first pattern matching the whole of `text`."""
        for pattern in patterns:
            if match := pattern.regex.fullmatch(text):
                return pattern, match
        return None

    def contact_mark(self, text: str) -> Pattern | None:
        """The first contact pattern found anywhere in `text` (a postcode, a number, an address)."""
        return next((p for p in self.contact if p.regex.search(text)), None)

    def label(self, text: str) -> Pattern | None:
        found = self.first(self.labels, text.rstrip(":").strip())
        return found[0] if found else None


DEFAULT_PATH = "patterns.yml"


@cache
def default_patterns() -> Patterns:
    path = resources.files("handbook.ingest").joinpath(DEFAULT_PATH)
    return load_patterns(Path(str(path)))


def load_patterns(path: Path) -> Patterns:
    report = Report(str(path))
    data = datafiles.load(path, "patterns", report)
    if data is None:
        raise InputError(report.errors[0]) if report.errors else InputError(
            Diagnostic(str(path), None, Level.ERROR, "cannot load patterns")
        )
    compiled = {}
    for section, entries in data.items():
        compiled[section] = tuple(_compile(path, section, i, entry) for i, entry in enumerate(entries))
    return Patterns(**compiled)


def _compile(path: Path, section: str, index: int, entry: dict) -> Pattern:
    source = entry["pattern"].replace("{date}", DATE)
    flags = re.IGNORECASE if entry.get("ignore_case") else 0
    try:
        regex = re.compile(source, flags)
    except re.error as exc:
        raise InputError(
            Diagnostic(str(path), None, Level.ERROR, f"{section}[{index}] {entry['name']}: bad pattern: {exc}")
        ) from exc
    return Pattern(
        entry["name"], regex, entry.get("kind"), entry.get("field"), entry.get("value"),
        entry.get("where", "anywhere"), entry.get("box_only", False), entry.get("prose", False),
    )  # fmt: skip
