"""Citations of paragraphs from data files: every `<area>/<chapter-slug>#<id>` a caution cites
is a real paragraph, so a renumbered or re-captured chapter cannot leave a note pointing nowhere."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Level, display_path
from ..model import Handbook, ParagraphRef
from . import Context, check


def unresolved(handbook: Handbook, ref_text: str) -> str | None:
    """Why a citation does not resolve, or None when it does."""
    ref = ParagraphRef.parse(ref_text)
    if ref is None:
        return "is not of the form <area>/<chapter-slug>#<paragraph-id>"
    if ref.area in handbook.broken_areas:
        return f"is in area {ref.area!r}, left out of the site because its area.yml cannot be used"
    if ref.chapter_id not in handbook.chapters:
        known = ", ".join(c for c in handbook.chapters if c.startswith(f"{ref.area}/")) or "none in that area"
        return f"names chapter {ref.chapter_id!r}, which is not in the handbook (chapters: {known})"
    if handbook.paragraph(ref) is None:
        return f"names paragraph {ref.id!r}, which chapter {ref.chapter_id!r} does not have"
    return None


@check("citations")
def caution_citations(context: Context) -> list[Diagnostic]:
    handbook = context.handbook
    path = display_path(handbook.project.data / "cautions.yml")
    found = []
    for caution in handbook.data.cautions.rows:
        for ref, line in zip(caution.cites, caution.cite_lines, strict=True):
            problem = unresolved(handbook, ref)
            if problem:
                # A citation into an area left out for a broken area.yml resolves again once it is fixed.
                level = Level.WARNING if ref.split("/")[0] in handbook.broken_areas else Level.ERROR
                found.append(Diagnostic(
                    path, line, level, f"caution {caution.id!r} cites {ref!r}, which {problem}",
                    "cite an existing paragraph: its id is in the chapter page's paragraph links",
                ))  # fmt: skip
    return found
