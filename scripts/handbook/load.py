"""Load the handbook model once per build or check: areas, chapters, paragraphs, data sets.

Chapters come from the converter's first stages (read, chrome, structure) run on `sources/`,
the same code `handbook ingest` runs, so a paragraph's id, number and text here are exactly
those of the generated page (about 2 ms a chapter). The committed Markdown is read for one thing
only: the anchors of the previous capture, which the anchors stage carries forward.
"""

from __future__ import annotations

from pathlib import Path

from .areas import Area, load_area
from .datasets import load_data
from .diagnostics import Diagnostic, Report, display_path
from .ingest.convert import recognise_file
from .ingest.tree import previous_output
from .ingest.model import Chapter
from .ingest.patterns import default_patterns
from .model import Handbook
from .project import Project


# Chapters recognised by this process's ingest, by source file with its size and time: a build
# that has just ingested need not run the first stages again (at 1,000 chapters that is seconds).
_recognised: dict[Path, tuple[int, int, Chapter | None]] = {}


def remember(conversions) -> None:
    """Keep what ingest recognised (`Conversion`s), for the model of the build that follows."""
    for conversion in conversions:
        try:
            stat = conversion.source.stat()
        except OSError:
            continue
        chapter = conversion.chapter if conversion.recognised else None
        _recognised[conversion.source.resolve()] = (stat.st_mtime_ns, stat.st_size, chapter)


def _known(path: Path) -> tuple[bool, Chapter | None]:
    found = _recognised.get(path.resolve())
    if found is None:
        return False, None
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size) == found[:2], found[2]


def load_handbook(project: Project) -> Handbook:
    problems: list[Diagnostic] = []
    areas: dict[str, Area] = {}
    broken: set[str] = set()
    chapters: dict[str, Chapter] = {}
    patterns = default_patterns()
    sources = project.sources
    left_out: dict[str, Area] = {}
    for folder in sorted(p for p in sources.iterdir() if p.is_dir() and not p.name.startswith(".")) if sources.is_dir() else []:
        report = Report(display_path(folder))
        area = load_area(folder, report)
        if project.areas is not None and folder.name not in project.areas:
            # Not in this build (`handbook build --area`): its problems are the full build's.
            if area is None:
                broken.add(folder.name)
            else:
                left_out[area.id] = area
            continue
        problems.extend(report.items)
        if area is None:
            broken.add(folder.name)
            continue
        areas[area.id] = area
        for path in sorted(folder.rglob("*.txt")):
            known, chapter = _known(path)
            if not known:
                chapter = _recognise(path, sources, area, patterns, project)
            # Ingest publishes a chapter only when it converts cleanly and its slug is free.
            if chapter is None or chapter.id in chapters:
                continue
            chapters[chapter.id] = chapter
    data, reports = load_data(project.data)
    problems.extend(d for r in reports for d in r.items)
    return Handbook(project, areas, chapters, data, problems, broken_areas=broken, left_out_areas=left_out)


def _recognise(path: Path, sources: Path, area: Area, patterns, project: Project) -> Chapter | None:
    shown = display_path(path)
    recorded = (Path(sources.name) / path.relative_to(sources)).as_posix()
    report = Report(shown)
    try:
        recognised = recognise_file(path, shown, area, patterns, report, recorded, previous_output(project.chapters / area.id))
    except Exception:  # noqa: BLE001 - ingest reports converter bugs; the model just leaves the chapter out
        return None
    return recognised[0] if recognised is not None and report.ok else None


_last: tuple[tuple, Handbook] | None = None
_pinned: Handbook | None = None


def pin(handbook: Handbook | None) -> None:
    """Within one site build the model cannot change: the hooks pin it when the build starts
    (and unpin it when it ends), so the thousand pages that ask for it do not each look at
    every source file's size and time again."""
    global _pinned
    _pinned = handbook


def cached_handbook(project: Project) -> Handbook:
    """`load_handbook`, once per build: the hooks, the macros and the checks all ask for it,
    and `mkdocs serve` asks again after every change (the inputs' sizes and times tell). The
    areas a build holds are part of the key: a bundle's model is not the full handbook's."""
    global _last
    if _pinned is not None and _pinned.project.root == project.root and _pinned.project.areas == project.areas:
        return _pinned
    files = sorted([*project.sources.rglob("*"), *project.data.glob("*.yml")])
    key = (str(project.root), project.areas, tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file()))
    if _last is None or _last[0] != key:
        _last = (key, load_handbook(project))
    return _last[1]
