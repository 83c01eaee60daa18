"""Comparisons (`data/topics.yml`) against the chapters: every citation is a real paragraph of
the area it is filed under, every quotation is in its paragraph, and every area of the handbook
has an entry under every topic. A renumbered or re-captured chapter shows here first, with the
paragraph that now holds the words, so re-citing takes one edit."""

from __future__ import annotations

from ..compare.quotes import Nearest, cut_word, nearest, quoted_in
from ..datasets.topics import AreaEntry, Quotation, Topic
from ..diagnostics import Diagnostic, Level, display_path
from ..model import Handbook, ParagraphRef
from . import Context, check
from .citations import unresolved


@check("topics")
def topic_citations(context: Context) -> list[Diagnostic]:
    handbook = context.handbook
    path = display_path(handbook.project.data / "topics.yml")
    found: list[Diagnostic] = []
    topics = handbook.data.topics.rows
    for topic in topics:
        for entry in topic.entries:
            found.extend(_entry_problems(handbook, path, topic, entry))
    # One warning per area, not one per topic and area: a new area is missing from every topic.
    for area in handbook.areas_in_order():
        if area.id in handbook.broken_areas:
            continue
        missing = [t for t in topics if area.id not in {e.area for e in t.entries}]
        if not missing:
            continue
        under = f"any of the {len(topics)} topics" if len(missing) == len(topics) else f"{len(missing)} of the {len(topics)} topics"
        found.append(Diagnostic(
            path, missing[0].line, Level.WARNING,
            f"area {area.id!r} ({area.name}) is not yet compared: no entry under {under}: {', '.join(t.id for t in missing)}",
            f"add '{area.id}:' under each of these topics' areas, citing its paragraphs or saying coverage: not-covered",
        ))  # fmt: skip
    return found


def _entry_problems(handbook: Handbook, path: str, topic: Topic, entry: AreaEntry) -> list[Diagnostic]:
    where = f"topic {topic.id!r}, area {entry.area!r}"
    if entry.area in handbook.broken_areas:
        return [Diagnostic(path, entry.line, Level.WARNING, f"{where}: the area is left out of the site "
                           "because its area.yml cannot be used; its citations are checked once it is fixed")]  # fmt: skip
    if entry.area in handbook.left_out_areas:
        return [Diagnostic(path, entry.line, Level.NOTE, f"{where}: not checked, this bundle does not hold the area "
                           "(the full build checks it)")]  # fmt: skip
    if entry.area not in handbook.areas:
        known = ", ".join(sorted(handbook.areas)) or "none"
        return [Diagnostic(path, entry.line, Level.ERROR, f"{where}: the handbook has no area {entry.area!r}",
                           f"use an area id (a folder under sources/): {known}")]  # fmt: skip
    found = []
    for cite in entry.cites:
        problem = _citation_problem(handbook, entry.area, cite)
        if problem:
            message, hint = problem
            found.append(Diagnostic(path, cite.line, Level.ERROR, f"{where} cites {cite.ref!r}: {message}", hint))
    return found


def _citation_problem(handbook: Handbook, area: str, cite: Quotation) -> tuple[str, str | None] | None:
    """What is wrong with one citation, and what to do about it; None when it holds."""
    ref = ParagraphRef.parse(cite.ref)
    if ref is not None and ref.area != area:
        return f"a paragraph of area {ref.area!r} filed under {area!r}", f"file it under '{ref.area}:' or cite {area}'s own"
    why = unresolved(handbook, cite.ref)
    if why:
        return why, _hint(_nearest_in_area(handbook, area, cite.quote), cite.ref)
    paragraph = handbook.paragraph(ref)
    if cut_word(cite.quote, paragraph.text):
        return (f"the quotation {_clip(cite.quote)!r} starts or ends inside a word of that paragraph",
                "quote whole words: copy from the start of the first word to the end of the last")  # fmt: skip
    if not quoted_in(cite.quote, paragraph.text):
        return (f"the quotation {_clip(cite.quote)!r} is not in that paragraph",
                _hint(_nearest_in_area(handbook, area, cite.quote), cite.ref))  # fmt: skip
    return None


def _nearest_in_area(handbook: Handbook, area: str, quote: str) -> Nearest | None:
    return nearest(quote, ((ref, p.text) for ref, _, p in handbook.paragraphs() if ref.area == area))


def _hint(nearby: Nearest | None, cited: str) -> str:
    if nearby is None:
        return "no paragraph of the area holds most of these words: check the quotation against the chapter page"
    if nearby.exact:
        return f"the quotation is in {nearby.ref}: cite that"
    if str(nearby.ref) == cited:
        return (f"the cited paragraph has {nearby.share:.0%} of the quotation's words, in order: "
                "copy the quotation from it word for word")  # fmt: skip
    return (f"nearest paragraph: {nearby.ref} ({nearby.share:.0%} of the quotation's words, in order): "
            "cite it and copy the quotation from it")  # fmt: skip


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
