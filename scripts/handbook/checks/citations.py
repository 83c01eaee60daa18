"""Citations of paragraphs from data files: every `<area>/<chapter-slug>#<id>` a caution cites
is a real paragraph, so a renumbered or re-captured chapter cannot leave a note pointing nowhere.
In a bundle (`handbook build --area`) a citation of an area it does not hold is only a note."""

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
    if ref.area in handbook.left_out_areas:
        return f"is in area {ref.area!r}, which this bundle does not hold (the full build checks it)"
    if ref.chapter_id not in handbook.chapters:
        known = ", ".join(c for c in handbook.chapters if c.startswith(f"{ref.area}/")) or "none in that area"
        return f"names chapter {ref.chapter_id!r}, which is not in the handbook (chapters: {known})"
    if handbook.paragraph(ref) is None:
        return f"names paragraph {ref.id!r}, which chapter {ref.chapter_id!r} does not have"
    return None


def left_out_level(handbook: Handbook, area: str) -> Level:
    """How much a citation that does not resolve matters, by the area it names: an error, unless
    the area is left out of this site (a warning for a broken area.yml, a note in a bundle)."""
    if area in handbook.broken_areas:
        return Level.WARNING
    return Level.NOTE if area in handbook.left_out_areas else Level.ERROR


@check("citations")
def caution_citations(context: Context) -> list[Diagnostic]:
    handbook = context.handbook
    path = display_path(handbook.project.data / "cautions.yml")
    found = []
    for caution in handbook.data.cautions.rows:
        for ref, line in zip(caution.cites, caution.cite_lines, strict=True):
            problem = unresolved(handbook, ref)
            if problem:
                # A citation into an area left out for a broken area.yml resolves again once it is
                # fixed; one into an area a bundle does not hold is not this build's to check.
                level = left_out_level(handbook, ref.split("/")[0])
                found.append(Diagnostic(
                    path, line, level, f"caution {caution.id!r} cites {ref!r}, which {problem}",
                    "cite an existing paragraph: its id is in the chapter page's paragraph links" if level is not Level.NOTE else None,
                ))  # fmt: skip
    return found
