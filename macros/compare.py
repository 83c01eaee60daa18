"""Cross-area comparison pages: the topics x areas matrix, one page per topic with the areas side
by side, what differs between areas (found in the text), and the shared template text with each
area's word differences. Rows are computed here from the model and `handbook.compare`; every
value is escaped; templates only lay them out. Summaries and "not covered" are ours and marked so.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.compare import OVERVIEW_PAGE, topic_page
from handbook.compare.differences import acts_by_area, local_names, timescales
from handbook.compare.shared import SharedText, shared_in
from handbook.datasets.topics import COVERAGE_LABELS, Topic
from handbook.model import ParagraphRef
from handbook.site.page import GLOSSARY_PAGE, OFFENCES_PAGE

from .context import Link, MacroContext, cell, known, render

NOT_COMPARED = "not yet compared"
# Shown with the words, never instead of them (colour and shape alone do not reach everyone).
MARKS = {"covered": "●", "partly": "◐", "not-covered": "○", None: "–"}


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    anchor: str


@dataclass(frozen=True)
class Cell:
    kind: str  # covered, partly, not-covered, not-compared
    text: str
    href: str


@dataclass(frozen=True)
class MatrixRow:
    topic: Link
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    source: Link  # "Sussex 43.2.9" -> the paragraph's anchor
    chapter: str


@dataclass(frozen=True)
class Entry:
    area: Area
    kind: str
    mark: str
    coverage: str
    summary: str | None  # ours
    quotes: tuple[Quote, ...]


def _areas(ctx: MacroContext) -> list[Area]:
    areas = ctx.handbook.areas_in_order()
    return [Area(a.id, cell(a.name), f"area-{a.id}") for a in areas]


def _paragraph_link(ctx: MacroContext, ref: ParagraphRef) -> Link:
    """"Sussex 43.2.9", or "Liverpool (unnumbered paragraph)", linked to the paragraph's anchor."""
    handbook = ctx.handbook
    paragraph = handbook.paragraph(ref)
    area = handbook.areas[ref.area].name if ref.area in handbook.areas else ref.area
    label = f"{area} {paragraph.number}" if paragraph is not None and paragraph.number else f"{area} (unnumbered paragraph)"
    return Link(cell(label), ctx.link(ctx.chapter_page(ref.chapter_id), ref.id))


def _chapter_label(ctx: MacroContext, chapter_id: str) -> str:
    chapter = ctx.handbook.chapters[chapter_id]
    return cell(" ".join(filter(None, [chapter.number, chapter.title])))


def topic_matrix(ctx: MacroContext) -> str:
    """Topics x areas: covered, partly, not covered, or not yet compared; each cell links to the
    area's entry on the topic's page."""
    areas = _areas(ctx)
    rows = []
    for topic in ctx.handbook.data.topics.rows:
        page = topic_page(topic.id)
        cells = []
        for area in areas:
            entry = topic.entry(area.id)
            kind = entry.coverage if entry else "not-compared"
            text = f"{MARKS[entry.coverage if entry else None]} {COVERAGE_LABELS[entry.coverage] if entry else NOT_COMPARED}"
            cells.append(Cell(kind, text, ctx.link(page, area.anchor)))
        rows.append(MatrixRow(Link(cell(topic.title), ctx.link(page)), tuple(cells)))
    return render("topic_matrix.md.j2", areas=areas, rows=rows)


def topic_comparison(ctx: MacroContext, topic_id: str) -> str:
    """One topic, every area side by side: coverage, our summary, the partnership's words."""
    topics = ctx.handbook.data.topics
    known("topic", topic_id, [t.id for t in topics.rows])
    topic = topics.get(topic_id)
    entries = [_entry(ctx, topic, area) for area in _areas(ctx)]
    return render("topic_comparison.md.j2", question=cell(topic.question), entries=entries,
                  overview=ctx.link(OVERVIEW_PAGE), not_compared=NOT_COMPARED)  # fmt: skip


def _entry(ctx: MacroContext, topic: Topic, area: Area) -> Entry:
    entry = topic.entry(area.id)
    if entry is None:
        return Entry(area, "not-compared", MARKS[None], NOT_COMPARED, None, ())
    quotes = []
    for cite in entry.cites:
        ref = ParagraphRef.parse(cite.ref)
        if ref is None or ctx.handbook.paragraph(ref) is None:
            # `handbook check` fails on it; the page still builds and says so, never links nowhere.
            quotes.append(Quote(cell(cite.quote), Link(cell(f"{cite.ref} (not found)"), ""), ""))
            continue
        quotes.append(Quote(cell(cite.quote), _paragraph_link(ctx, ref), _chapter_label(ctx, ref.chapter_id)))
    return Entry(area, entry.coverage, MARKS[entry.coverage], cell(COVERAGE_LABELS[entry.coverage]), cell(entry.summary),
                 tuple(quotes))  # fmt: skip


def topic_list(ctx: MacroContext) -> str:
    """The topics, each linked to its page, with its question (ours)."""
    links = [(Link(cell(t.title), ctx.link(topic_page(t.id))), cell(t.question)) for t in ctx.handbook.data.topics.rows]
    return render("topic_list.md.j2", topics=links)


@dataclass(frozen=True)
class TimeCell:
    stated: tuple[Link, ...]  # the time limits an area states
    unsure: tuple[Link, ...]  # what the finder could not tell is one (shown when none is stated)


@dataclass(frozen=True)
class Difference:
    label: Link
    cells: tuple[tuple[Link, ...], ...]  # per area: what it says, each linked to where


def compare_differences(ctx: MacroContext) -> str:
    """Local names, timescales and Acts, area by area, found in the chapters' words."""
    handbook = ctx.handbook
    areas = _areas(ctx)

    def said(mention) -> Link:
        count = f" ({mention.count} paragraphs)" if mention.count > 1 else ""
        return Link(cell(f"“{mention.printed}”{count}"), ctx.link(ctx.chapter_page(mention.ref.chapter_id), mention.ref.id))

    names = [
        Difference(Link(cell(row.term.term), ctx.link(GLOSSARY_PAGE, row.term.anchor)),
                   tuple(tuple(said(m) for m in row.by_area.get(a.id, ())) for a in areas))
        for row in local_names(handbook)
    ]  # fmt: skip
    found, unsure = timescales(handbook), timescales(handbook, unsure=True)
    # An area is said to state none only when the finder saw nothing it was unsure of either.
    times = [TimeCell(tuple(said(m) for m in found.get(a.id, ())), tuple(said(m) for m in unsure.get(a.id, ())))
             for a in areas]  # fmt: skip
    acts = [
        Difference(Link(cell(_act_label(row.statute)), ctx.link(OFFENCES_PAGE, row.statute.anchor)),
                   tuple((said(row.by_area[a.id]),) if a.id in row.by_area else () for a in areas))
        for row in acts_by_area(handbook)
    ]  # fmt: skip
    return render("compare_differences.md.j2", areas=areas, names=names, times=times, acts=acts)


def _act_label(statute) -> str:
    return statute.title if str(statute.year) in statute.title else f"{statute.title} ({statute.year})"


@dataclass(frozen=True)
class PairRow:
    first: Link
    second: Link
    paragraphs: int
    share_first: str
    share_second: str


@dataclass(frozen=True)
class VersionRow:
    source: Link
    chapter: str
    similarity: str
    diff: str  # escaped words, with <del>/<ins> of our own around the differences


@dataclass(frozen=True)
class SharedGroup:
    anchor: str
    areas: str
    common_source: Link
    common_text: str
    versions: tuple[VersionRow, ...]  # those that differ most from the common text, shown in full
    same: tuple[Link, ...]  # paragraphs word for word the common text
    more: tuple[Link, ...]  # further paragraphs that differ, listed only


# The page stays readable (and its size linear in the chapters) however many chapters share
# a text: the pairs sharing most, and in each group the versions that differ most, in full;
# the rest are listed as links.
PAIR_ROWS = 40
VERSIONS_SHOWN = 8


def shared_text(ctx: MacroContext) -> str:
    """Paragraphs near-identical across areas (found by code), with word differences, and how
    much of each pair of chapters is shared."""
    handbook = ctx.handbook
    finding = shared_in(handbook)

    def chapter(chapter_id: str) -> Link:
        area = handbook.areas[chapter_id.split("/")[0]].name
        return Link(cell(area) + " " + _chapter_label(ctx, chapter_id), ctx.link(ctx.chapter_page(chapter_id)))

    all_pairs = finding.pairs
    pairs = [PairRow(chapter(p.first), chapter(p.second), p.paragraphs, f"{p.share_first:.0%}", f"{p.share_second:.0%}")
             for p in all_pairs[:PAIR_ROWS]]  # fmt: skip
    groups = [_group(ctx, group) for group in finding.shared]
    return render("shared_text.md.j2", pairs=pairs, pair_count=len(all_pairs), groups=groups, finding=finding)


def _group(ctx: MacroContext, group: SharedText) -> SharedGroup:
    names = ", ".join(a.name for a in ctx.handbook.areas_in_order() if a.id in group.areas)
    others = [v for v in group.versions if v.ref != group.common]
    same = [v for v in others if v.identical]
    differing = sorted((v for v in others if not v.identical), key=lambda v: v.similarity)
    shown = tuple(
        VersionRow(_paragraph_link(ctx, v.ref), _chapter_label(ctx, v.ref.chapter_id), f"{v.similarity:.0%}", _diff(v.segments))
        for v in differing[:VERSIONS_SHOWN]
    )  # fmt: skip
    anchor = f"shared-{group.common.area}-{group.common.id}".replace(".", "-")
    return SharedGroup(
        anchor, cell(names), _paragraph_link(ctx, group.common), cell(group.common_text), shown,
        tuple(_listed_link(ctx, v.ref) for v in same), tuple(_listed_link(ctx, v.ref) for v in differing[VERSIONS_SHOWN:]),
    )  # fmt: skip


def _listed_link(ctx: MacroContext, ref: ParagraphRef) -> Link:
    """A paragraph in a list of links: an unnumbered one is told apart by its chapter's title."""
    link = _paragraph_link(ctx, ref)
    paragraph = ctx.handbook.paragraph(ref)
    if paragraph is not None and paragraph.number:
        return link
    area = ctx.handbook.areas[ref.area].name if ref.area in ctx.handbook.areas else ref.area
    return Link(cell(area) + ", " + _chapter_label(ctx, ref.chapter_id), link.href)


def _diff(segments) -> str:
    marks = {"equal": "{}", "delete": '<del class="hb-del">{}</del>', "insert": '<ins class="hb-ins">{}</ins>'}
    return " ".join(marks[s.kind].format(cell(s.text)) for s in segments)


MACROS = {
    "topic_matrix": topic_matrix,
    "topic_comparison": topic_comparison,
    "topic_list": topic_list,
    "compare_differences": compare_differences,
    "shared_text": shared_text,
}
