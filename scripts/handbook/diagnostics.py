"""Messages about the handbook's inputs, in one shape everywhere.

Every problem the converter, the loaders or the checks find is a `Diagnostic`: the file and
line it is about, how serious it is, what is wrong and what to do. They print like compiler
messages (`sources/london/pg25.txt:17: warning: ...`) so an editor can jump to them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable


class Level(str, Enum):
    ERROR = "error"  # this input cannot be used; its previous output is kept
    WARNING = "warning"  # a defect of the source, reported and never repaired
    NOTE = "note"  # something the converter did that a reviewer should see

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int | None
    level: Level
    message: str
    hint: str | None = None
    check: str | None = None  # which `handbook check` check found it ("statutes")

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        level = f"{self.level}[{self.check}]" if self.check else str(self.level)
        text = f"{where}: {level}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass
class Report:
    """Diagnostics gathered for one input file (or one data file)."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, level: Level, line: int | None, message: str, hint: str | None = None) -> None:
        self.items.append(Diagnostic(self.path, line, level, message, hint))

    def error(self, line: int | None, message: str, hint: str | None = None) -> None:
        self.add(Level.ERROR, line, message, hint)

    def warning(self, line: int | None, message: str, hint: str | None = None) -> None:
        self.add(Level.WARNING, line, message, hint)

    def note(self, line: int | None, message: str, hint: str | None = None) -> None:
        self.add(Level.NOTE, line, message, hint)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level is Level.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level is Level.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


class InputError(Exception):
    """Raised by a stage when its input cannot be used at all; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a person should see it in a message: relative to the project when possible."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def print_diagnostics(diagnostics: Iterable[Diagnostic], quiet: bool = False, notes: bool = True) -> None:
    """Errors to stderr, the rest to stdout; `quiet` keeps errors only, `notes=False` drops notes."""
    for diagnostic in diagnostics:
        if quiet and diagnostic.level is not Level.ERROR or not notes and diagnostic.level is Level.NOTE:
            continue
        print(diagnostic, file=sys.stderr if diagnostic.level is Level.ERROR else sys.stdout)
