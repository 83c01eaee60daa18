"""Ingest a whole project and say what happened, the same way from the command line and from
the server that follows the sources: what changed (written, removed, failed), the messages of
those chapters (all of them with `verbose`), and one verdict line."""

from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import display_path, print_diagnostics
from .patterns import default_patterns
from .tree import IngestResult, ingest


def ingest_paths(sources: Path, out: Path, config: Path, check: bool = False) -> IngestResult:
    from ..site.config import chapter_renderer

    return ingest(sources, out, default_patterns(), chapter_renderer(config), check=check)


def print_result(
    result: IngestResult, *, check: bool = False, quiet: bool = False, verbose: bool = False, only: set[Path] | None = None,
) -> bool:
    """Print the result; True when all is well (warnings allowed). `only`: the sources whose
    messages to print too, though their chapters were not written (the server's changed files)."""
    changed = {p.resolve() for p in [*result.written, *result.stale]}
    for report in result.reports:
        print_diagnostics(report.items, quiet=quiet)
    for conversion in result.conversions:
        written = conversion.chapter is not None and any(p.stem == conversion.chapter.slug for p in changed)
        if verbose or not conversion.ok or written:
            print_diagnostics(conversion.report.items, quiet=quiet)
        elif only is not None and conversion.source.resolve() in only:
            print_diagnostics(conversion.report.items, quiet=quiet, notes=False)
    converted = sum(1 for c in result.conversions if c.ok)
    failed = len(result.conversions) - converted + result.skipped
    if check:
        for path in result.stale:
            print(f"{display_path(path)}: stale: differs from what `handbook ingest` would write", file=sys.stderr)
        if result.stale:
            print("Run `handbook ingest` and commit the result.", file=sys.stderr)
    elif not quiet:
        for path in result.written:
            print(f"wrote {display_path(path)}")
        for path in result.removed:
            print(f"removed {display_path(path)} (its source is gone)")
    ok = result.ok and not result.stale
    if not quiet or not ok:
        verdict = "passed" if ok else "FAILED"
        print(f"handbook ingest {verdict}: {converted} chapter(s) converted, {failed} failed, "
              f"{len(result.written)} file(s) written", file=sys.stdout if ok else sys.stderr)  # fmt: skip
    return ok
