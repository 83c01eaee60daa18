"""Glossary terms: a term no chapter uses is dead weight (or a misspelt name), so say so. In a
bundle of some areas (`handbook build --area`) that is only a note: the other areas may use it."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level, display_path
from ..usage import term_uses
from . import Context, check


@check("glossary")
def unused_terms(context: Context) -> list[Diagnostic]:
    handbook = context.handbook
    used = {use.span.term.id for use in term_uses(handbook)}
    replacing = {t.superseded_by.term for t in handbook.data.glossary.rows if t.superseded_by}
    path = display_path(handbook.project.data / "glossary.yml")
    # A bundle holds some areas only: a term its chapters do not use may be used by the others.
    bundle = bool(handbook.left_out_areas)
    return [
        Diagnostic(
            path, term.line, Level.NOTE if bundle else Level.WARNING,
            f"term {term.term!r} ({term.id}) is used in no chapter" + (" of this bundle" if bundle else "")
            + (" (it is listed as what replaced an outdated term)" if term.id in replacing else "")
            + ("; the full build checks it" if bundle else ""),
            None if bundle else "check its names against the chapters' wording, add a synonym or local variant, or remove it",
        )  # fmt: skip
        for term in handbook.data.glossary.rows
        if term.id not in used
    ]
