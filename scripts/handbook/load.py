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
            shown = display_path(path)
            recorded = (Path(sources.name) / path.relative_to(sources)).as_posix()
            chapter_report = Report(shown)
            try:
                recognised = recognise_file(path, shown, area, patterns, chapter_report, recorded,
                                            previous_output(project.chapters / area.id))  # fmt: skip
            except Exception:  # noqa: BLE001 - ingest reports converter bugs; the model just leaves the chapter out
                recognised = None
            # Ingest publishes a chapter only when it converts cleanly and its slug is free.
            if recognised is None or not chapter_report.ok or recognised[0].id in chapters:
                continue
            chapters[recognised[0].id] = recognised[0]
    data, reports = load_data(project.data)
    problems.extend(d for r in reports for d in r.items)
    return Handbook(project, areas, chapters, data, problems, broken_areas=broken, left_out_areas=left_out)


_last: tuple[tuple, Handbook] | None = None


def cached_handbook(project: Project) -> Handbook:
    """`load_handbook`, once per build: the hooks, the macros and the checks all ask for it,
    and `mkdocs serve` asks again after every change (the inputs' sizes and times tell). The
    areas a build holds are part of the key: a bundle's model is not the full handbook's."""
    global _last
    files = sorted([*project.sources.rglob("*"), *project.data.glob("*.yml")])
    key = (str(project.root), project.areas, tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file()))
    if _last is None or _last[0] != key:
        _last = (key, load_handbook(project))
    return _last[1]
