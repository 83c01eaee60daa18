"""Every source converts, and the committed chapters are exactly what `handbook ingest` writes.

The converter's own findings come through here too: a chapter that cannot be converted is an
error, the source's defects (a lost list, a repeated paragraph, a date left empty) are warnings,
and what the converter removed as chrome is listed as notes (`--verbose`)."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level, display_path
from . import Context, check


@check("ingest")
def conversion(context: Context) -> list[Diagnostic]:
    result = context.ingest
    assert result is not None
    found = list(result.diagnostics)
    for conversion in result.conversions:
        if conversion.chapter is None:
            continue
        for removed in sorted(conversion.chapter.removed, key=lambda r: r.line):
            found.append(Diagnostic(conversion.shown, removed.line, Level.NOTE, f"removed {removed.text!r} ({removed.reason})"))
    for path in result.stale:
        found.append(Diagnostic(display_path(path), None, Level.ERROR, "stale: differs from what `handbook ingest` would write",
                                "run `handbook ingest` and commit the result"))  # fmt: skip
    return found
