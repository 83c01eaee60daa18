"""What `handbook serve` tells an author after each rebuild, so the loop says everything that
`handbook ingest` and `handbook check` would about the files just changed:

* the messages of the chapters ingest converted or could not convert (as `handbook ingest`);
* their rows of the recognition summary;
* what every check that needs no built site (dates, sections, related, statutes, glossary,
  citations, topics, amendments, data) finds in the changed files: a message about a changed file,
  or naming a changed chapter (a comparison's quotation of it in data/topics.yml);
* one line saying how many errors and warnings that was.

The first build reports every file. While serving, the home page also says what is left out of
the site (an area whose area.yml is broken, a chapter that kept its previous page) and why, as
the terminal does: an author looking at the browser sees it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..diagnostics import Diagnostic, Level, display_path
from ..ingest import IngestResult
from ..project import Project

# Checks of the model and data, cheap enough for every rebuild (`ingest` is printed as ingest's
# own messages; the no-words-lost and links checks need the built site: `handbook check`).
SERVE_CHECKS = ("data", "dates", "sections", "related", "statutes", "glossary", "citations", "topics", "amendments")


@dataclass
class Loop:
    """The files seen at the last rebuild, so the next one can say what changed."""

    seen: dict[str, tuple[int, int]] | None = None
    last: IngestResult | None = field(default=None, repr=False)

    def changes(self, project: Project) -> set[str] | None:
        """The sources and data files (as shown in messages) changed since the last rebuild,
        created or deleted included; None at the first, when everything is reported."""
        now = {}
        for root in (project.sources, project.data):
            for path in root.rglob("*") if root.is_dir() else ():
                if path.is_file():
                    stat = path.stat()
                    now[display_path(path)] = (stat.st_mtime_ns, stat.st_size)
        before, self.seen = self.seen, now
        if before is None:
            return None
        return {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}


def changed_conversions(result: IngestResult, changed: set[str] | None):
    """The chapters to report: those written or failed this time, and those whose source changed."""
    written = {p.resolve() for p in [*result.written, *result.removed]}
    for conversion in result.conversions:
        wrote = conversion.chapter is not None and any(p.stem == conversion.chapter.slug and p.parent.name == conversion.chapter.area
                                                       for p in written)  # fmt: skip
        if changed is None or wrote or not conversion.ok or display_path(conversion.source) in changed:
            yield conversion


def chapter_ids(conversions, chapters: Path) -> tuple[set[str], set[str]]:
    """`<area>/<slug>` of the chapters reported, and of those among them that failed: a chapter
    that failed is known by the page it kept (the generated file naming its source), so findings
    about that page count too."""
    from ..ingest.tree import generated_from

    found = {c.chapter.id for c in conversions if c.chapter is not None and c.ok}
    failed = set()
    for conversion in (c for c in conversions if not c.ok):
        folder = chapters / conversion.source.parent.name
        for page in folder.glob("*.md") if folder.is_dir() else ():
            if generated_from(page) == conversion.source_file:
                failed.add(f"{folder.name}/{page.stem}")
    return found | failed, failed


def about(diagnostic: Diagnostic, changed: set[str] | None, chapters: set[str]) -> bool:
    """A finding about a changed file, naming a changed chapter (`<area>/<slug>`), or naming an
    area whose area.yml changed ("topic 'x', area 'london': the area is left out ...")."""
    if changed is None:
        return True
    if display_path(Path(diagnostic.path)) in changed or diagnostic.path in changed:
        return True
    areas = {Path(p).parent.name for p in changed if Path(p).name == "area.yml"}
    return any(f"{chapter}#" in diagnostic.message or f"'{chapter}'" in diagnostic.message for chapter in chapters) \
        or any(f"area '{area}'" in diagnostic.message for area in areas)  # fmt: skip


def check_lines(
    found: dict[str, list[Diagnostic]], changed: set[str] | None, chapters: set[str], failed: set[str] = frozenset(),
) -> tuple[list[str], int, int]:
    """The findings to print (errors and warnings, not notes), and how many of each. Findings
    that only cite a chapter which failed above (`failed`: its id) are one line per file and
    check, so the failure itself stays in view."""
    lines, errors, warnings = [], 0, 0
    knock_on: dict[tuple[str, str | None], list[Diagnostic]] = {}
    for diagnostics in found.values():
        for diagnostic in diagnostics:
            if diagnostic.level is Level.NOTE or not about(diagnostic, changed, chapters):
                continue
            errors += diagnostic.level is Level.ERROR
            warnings += diagnostic.level is Level.WARNING
            if any(f"{chapter}#" in diagnostic.message for chapter in failed):
                knock_on.setdefault((diagnostic.path, diagnostic.check), []).append(diagnostic)
            else:
                lines.append(str(diagnostic))
    for (path, name), group in knock_on.items():
        chapter = next(c for c in sorted(failed) if f"{c}#" in group[0].message)
        lines.append(f"{path}: {group[0].level}[{name}]: {len(group)} citation(s) of {chapter}, which is not published "
                     f"(above), do not resolve; first: {group[0].message}")  # fmt: skip
    return lines, errors, warnings


def home_notice(handbook, result: IngestResult | None) -> str:
    """While serving: what the site leaves out and why, on the home page (ours, escaped)."""
    sources = handbook.project.sources.resolve()
    left_out = [d for d in handbook.problems if d.level is Level.ERROR and Path(d.path).resolve().is_relative_to(sources)]
    said = {str(d) for d in left_out}
    failed = [d for c in (result.conversions if result else []) if not c.ok for d in c.report.errors]
    failed += [d for r in (result.reports if result else []) for d in r.errors if str(d) not in said]
    if not left_out and not failed:
        return ""
    items = []
    for diagnostic in left_out:
        items.append(Markup("<li>Area left out of the site: <code>{}</code></li>").format(str(diagnostic)))
    for diagnostic in failed:
        items.append(Markup("<li>Not updated (its previous page, if any, is kept): <code>{}</code></li>").format(str(diagnostic)))
    return str(Markup(
        '<div class="admonition warning hb-ours hb-serving-notice" role="status"><p class="admonition-title">'
        "While serving: {} problem(s) with the sources (the terminal says the same)</p><ul>{}</ul></div>"
    ).format(len(items), Markup("").join(items)))
