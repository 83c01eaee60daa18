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


@dataclass(frozen=True)
class OffenceRow:
    offence: Offence
    statute: str  # the Act's title
    areas: tuple[str, ...]


@cache
def _templates() -> Environment:
    return Environment(loader=PackageLoader("handbook.packs", "templates"), autoescape=select_autoescape(default=True))


def chapter_html(handbook: Handbook, chapter, render, anchor: str) -> str:
    path = handbook.project.chapters / chapter.area / f"{chapter.slug}.md"
    _, body = split_front_matter(path.read_text("utf-8"))
    page = decorate(render(body), PageContext(chapter, handbook, f"chapters/{chapter.id}/", lambda _path: None))
    page = _PILCROW.sub("", _HEADERLINK.sub("", page))
    page = _ID.sub(lambda m: f'id="{anchor}-{m[1]}"', page)
    page = _HREF.sub(lambda m: f'href="#{anchor}-{m[1]}"', page)
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


def used_offences(handbook: Handbook, selection: Selection) -> list[OffenceRow]:
    data = handbook.data
    areas: dict[str, dict[str, None]] = {}
    for chapter in selection.chapters:
        for paragraph in chapter.paragraphs():
            for span in find_statutes(paragraph.text, data.statutes):
                offence = data.offences.at(span.statute.id, span.section) if span.statute else None
                if offence is not None:
                    areas.setdefault(offence.id, {})[handbook.areas[chapter.area].name] = None
    rows = [o for o in data.offences.rows if o.id in areas]
    rows.sort(key=lambda o: (o.statute, o.section_key()))
    return [OffenceRow(o, data.statutes.get(o.statute).title, tuple(areas[o.id])) for o in rows]


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
