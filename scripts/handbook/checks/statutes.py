"""Statute references in chapter text: every Act a paragraph names is in data/statutes.yml.

A known slip ("Sex Offences Act 2003") resolves, with a warning so the partnership can be told;
an Act the handbook does not know is an error, because its mention cannot be linked or checked.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level
from ..usage import law_citations
from . import Context, check


@check("statutes")
def statute_references(context: Context) -> list[Diagnostic]:
    handbook = context.handbook
    found = []
    for citation in law_citations(handbook):
        chapter = handbook.chapters[citation.ref.chapter_id]
        span = citation.span
        where = f"paragraph {citation.ref.id} of {chapter.id}"
        if span.statute is None:
            found.append(Diagnostic(
                chapter.source_file, citation.line, Level.ERROR,
                f"{where} names {span.printed!r}, which is not in data/statutes.yml",
                "add the Act to data/statutes.yml (title, year, legislation.gov.uk URL), or as a `slips:` "
                "entry of the Act it means",
            ))  # fmt: skip
        elif span.slip:
            found.append(Diagnostic(
                chapter.source_file, citation.line, Level.WARNING,
                f"{where} names {span.printed!r}: the Act is the {span.statute.title}",
                "a slip in the partnership's text, linked to the right Act; tell the partnership",
            ))  # fmt: skip
    return found
