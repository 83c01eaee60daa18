"""A pack's HTML: the chapters as the site renders them, and the appendices, for WeasyPrint.

Each chapter is its generated Markdown rendered with the site's own extensions and decorated
with the site's own page parts (header box, law links, term notes, cautions, credit), so a
pack shows what the site shows. Then what only works on screen goes (permalink marks) and ids
are prefixed per chapter (`c3-para-43.2.12`), so two chapters' paragraph ids never collide and
the contents can point at each chapter. The appendices list the glossary terms the chapters
use and the offences they refer to, from the data sets.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..datasets.glossary import Term
from ..datasets.offences import Offence
from ..model import Handbook
from ..refs import find_statutes, find_terms
from ..site.config import chapter_renderer, split_front_matter
from ..site.header import display_date
from ..site.page import PageContext, decorate
from ..site.search import chapter_label
from .select import Selection

_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_PILCROW = re.compile(r'\s*<a class="hb-pilcrow"[^>]*>.*?</a>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'href="#([^"]+)"')
_H1 = re.compile(r"<h1\b[^>]*>")
# The laws box names an unnumbered paragraph only as that: on paper, say which, and where.
_UNNUMBERED = re.compile(r'<a href="#([^"]+)">unnumbered paragraph</a>')
FIRST_WORDS = 6


@dataclass(frozen=True)
class PackChapter:
    anchor: str  # "c1"
    area: str
    label: str  # "43.2 Information Communication Technology"
    html: Markup


@dataclass(frozen=True)
class TermRow:
    term: Term
    areas: tuple[str, ...]  # the areas whose chapters in the pack use it
    replaced_by: str | None


# Why an offence is in Appendix B, strongest first (the appendix page explains each).
CITED, NAMED, CAUTION = "cited", "named", "caution"
_REASON = {
    CITED: "Section cited: {}",
    NAMED: "Act and subject named: {}",
    CAUTION: "Handbook caution beside {}",
}


@dataclass(frozen=True)
class OffenceRow:
    offence: Offence
    statute: str  # the Act's title
    why: dict[str, tuple[str, ...]]  # CITED / NAMED / CAUTION -> area names, each area at its strongest

    @property
    def areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for names in self.why.values() for a in names))

    @property
    def reasons(self) -> list[str]:
        return [_REASON[kind].format(", ".join(names)) for kind, names in self.why.items()]


def url_breaks(url: str) -> Markup:
    """A URL that may wrap after each "/" (and nowhere inside a word), for a narrow column."""
    return Markup("/<wbr>").join(html.escape(part) for part in url.split("/"))


@cache
def _templates() -> Environment:
    env = Environment(loader=PackageLoader("handbook.packs", "templates"), autoescape=select_autoescape(default=True))
    env.filters["url_breaks"] = url_breaks
    return env


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    shown = " ".join(words[:count])
    return shown + "…" if len(words) > count else shown


def _unnumbered_by_words(page: str, chapter, anchor: str) -> str:
    """`in unnumbered paragraph, unnumbered paragraph` (laws box) becomes the paragraphs' first
    words, quoted, and the page they are on (pack.css: target-counter)."""
    texts = {f"{anchor}-{p.id}": p.text for p in chapter.paragraphs()}

    def words(match: re.Match) -> str:
        text = texts.get(match[1])
        if text is None:
            return match[0]
        return f'<a class="hb-page-ref" href="#{match[1]}">“{html.escape(first_words(text), quote=False)}”</a>'

    return _UNNUMBERED.sub(words, page)


def chapter_html(handbook: Handbook, chapter, render, anchor: str) -> str:
    path = handbook.project.chapters / chapter.area / f"{chapter.slug}.md"
    _, body = split_front_matter(path.read_text("utf-8"))
    page = decorate(render(body), PageContext(chapter, handbook, f"chapters/{chapter.id}/", lambda _path: None))
    page = _PILCROW.sub("", _HEADERLINK.sub("", page))
    page = _ID.sub(lambda m: f'id="{anchor}-{m[1]}"', page)
    page = _HREF.sub(lambda m: f'href="#{anchor}-{m[1]}"', page)
    page = _unnumbered_by_words(page, chapter, anchor)
    return _H1.sub('<h1 class="chapter-title">', page, count=1)


def used_terms(handbook: Handbook, selection: Selection) -> list[TermRow]:
    glossary = handbook.data.glossary
    areas: dict[str, dict[str, None]] = {}
    for chapter in selection.chapters:
        for paragraph in chapter.paragraphs():
            for span in find_terms(paragraph.text, glossary):
                areas.setdefault(span.term.id, {})[handbook.areas[chapter.area].name] = None
    rows = []
    for term in glossary.a_to_z():
        if term.id in areas:
            newer = glossary.get(term.superseded_by.term) if term.superseded_by else None
            rows.append(TermRow(term, tuple(areas[term.id]), newer.term if newer else None))
    return rows


def _offences_cited(text: str, handbook: Handbook) -> list[Offence]:
    """The offences of the table that `text` cites by Act and section."""
    data = handbook.data
    found = (data.offences.at(s.statute.id, s.section) if s.statute else None for s in find_statutes(text, data.statutes))
    return [o for o in found if o is not None]


def used_offences(handbook: Handbook, selection: Selection) -> list[OffenceRow]:
    """The offences of the table the pack refers to, each with why (see the appendix's own words
    in pack.html). Never inferred from a description alone: an offence comes in only when the
    words on the page name its Act and section, or name its Act and a glossary term whose
    definition cites that section, or when one of our cautions printed in the pack cites it."""
    data = handbook.data
    # A term that is itself an Act's name ("Online Safety Act 2023") is not a subject: its
    # definition lists what the Act did, not what the paragraph is about.
    by_term = {t.id: _offences_cited(t.definition, handbook) for t in data.glossary.rows
               if not any(s.statute for s in find_statutes(t.term, data.statutes))}
    why: dict[str, dict[str, dict[str, None]]] = {}  # offence id -> kind -> area names

    def add(offence: Offence, kind: str, area: str) -> None:
        why.setdefault(offence.id, {}).setdefault(kind, {})[area] = None

    chosen = {c.id for c in selection.chapters}
    for chapter in selection.chapters:
        area = handbook.areas[chapter.area].name
        acts: set[str] = set()
        subjects: dict[str, Offence] = {}
        for paragraph in chapter.paragraphs():
            acts.update(s.statute.id for s in find_statutes(paragraph.text, data.statutes) if s.statute)
            for offence in _offences_cited(paragraph.text, handbook):
                add(offence, CITED, area)
            for span in find_terms(paragraph.text, data.glossary):
                subjects.update((o.id, o) for o in by_term.get(span.term.id, ()))
        for offence in subjects.values():
            if offence.statute in acts:
                add(offence, NAMED, area)
    for caution in data.cautions.rows:
        areas = [handbook.areas[c.split("/", 1)[0]].name for c in caution.cites if c.split("#", 1)[0] in chosen]
        for offence in _offences_cited(caution.note, handbook) if areas else ():
            for area in areas:
                add(offence, CAUTION, area)
    rows = [o for o in data.offences.rows if o.id in why]
    rows.sort(key=lambda o: (o.statute, o.section_key()))
    return [OffenceRow(o, data.statutes.get(o.statute).title, _strongest(why[o.id])) for o in rows]


def _strongest(kinds: dict[str, dict[str, None]]) -> dict[str, tuple[str, ...]]:
    """Each area once, under its strongest reason."""
    seen: set[str] = set()
    out = {}
    for kind in (CITED, NAMED, CAUTION):
        names = tuple(a for a in kinds.get(kind, ()) if a not in seen)
        seen.update(names)
        if names:
            out[kind] = names
    return out


def pack_html(handbook: Handbook, selection: Selection, made: dt.date) -> str:
    render = chapter_renderer(handbook.project.mkdocs_yml)
    chapters = []
    for number, chapter in enumerate(selection.chapters, start=1):
        anchor = f"c{number}"
        chapters.append(PackChapter(
            anchor, handbook.areas[chapter.area].name, chapter_label(chapter),
            Markup(chapter_html(handbook, chapter, render, anchor)),  # our renderer's output: text escaped at ingest
        ))  # fmt: skip
    areas = list(dict.fromkeys(c.area for c in chapters))
    return _templates().get_template("pack.html").render(
        title=selection.title, made=display_date(made.isoformat()), made_iso=made.isoformat(), areas=areas,
        chapters=chapters, terms=used_terms(handbook, selection), offences=used_offences(handbook, selection),
        TO_BE_CONFIRMED="to be confirmed",
    )  # fmt: skip
