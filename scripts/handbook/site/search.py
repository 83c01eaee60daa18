"""The search index: one entry per paragraph, made at build time from the handbook model.

Material's own worker builds a Lunr index in the browser at the first search: measured at 4 s
and more from disk at 1,000 chapters, whatever the settings (reference: offline-search.md). The
handbook swaps in its own worker (`docs/assets/javascripts/workers/handbook-search.js`, same
messages) over a compact index written here, `search/handbook_index.js`:

    {"v": 1, "pages": [[url, title, area name], ...],
     "entries": [[page, anchor, number, title, text, keywords], ...]}

* a chapter page gives one entry per paragraph (its anchor, so a result lands on it) plus one
  for the page itself, and every entry names its area and paragraph number, because the areas'
  chapters have near-identical titles;
* `keywords` are the names a practitioner may type that the paragraph does not contain: every
  form of each glossary term the paragraph uses, and of the terms that replaced it or that it
  replaced ("NPCC" finds a paragraph that says "ACPO");
* the handbook's other pages (home, glossary, area lists) keep Material's own entries;
* `mini` is made in node by the worker's own code (`search_build.js`), so the index and the
  queries are cut into words the same way; without node the worker builds it in the browser.
  It comes in shards by the first letters of its terms, and the site ships them as files of
  their own (`search/handbook_index_N.js`), with the paragraphs' text in another
  (`search/handbook_text.js`): at 1,000 chapters loading the whole index took about 1.6 s from
  disk, and a query needs only its words' shards (the titles come first, the snippets a moment
  later); see `index_files`.

The index is plain data (JSON inside a script, so `file://` can load it without fetch); the
text is the partnership's, escaped by the worker before it is shown.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..datasets.glossary import Glossary, Term
from ..fidelity import html_text
from ..ingest.model import Chapter, Paragraph
from ..model import Handbook
from ..refs import find_terms

log = logging.getLogger("mkdocs.plugins.handbook.search")
INDEX_FILE = "search/handbook_index.js"
BUILD_SCRIPT = Path(__file__).with_name("search_build.js")
WORKER = Path(__file__).resolve().parents[3] / "docs" / "assets" / "javascripts" / "workers" / "handbook-search.js"
INDEX_VAR = "__handbook_index"


@dataclass(frozen=True)
class Entry:
    page: int  # index into the page list
    anchor: str  # "" for the page itself
    number: str  # "43.2.12", or "" for an unnumbered paragraph
    title: str  # what the result shows: area, paragraph number, section
    text: str
    keywords: str  # names from the glossary the text does not contain, "; "-separated
    section: str = ""  # the heading it falls under, as printed ("7. Impact on Children")

    def row(self) -> list:
        return [self.page, self.anchor, self.number, self.title, self.text, self.keywords, self.section]


@dataclass(frozen=True)
class Page:
    url: str  # relative to the site root, as Material's index gives it
    title: str
    area: str  # the area's name, "" for the handbook's own pages

    def row(self) -> list:
        return [self.url, self.title, self.area]


# --- Synonyms ---------------------------------------------------------------------------------


def related_forms(glossary: Glossary) -> dict[str, tuple[str, ...]]:
    """term id -> every name that should find a paragraph using that term: its own forms, the
    forms of the term that superseded it, and of the terms it superseded."""
    replaced: dict[str, list[Term]] = {}
    for term in glossary.rows:
        if term.superseded_by:
            replaced.setdefault(term.superseded_by.term, []).append(term)
    names: dict[str, tuple[str, ...]] = {}
    for term in glossary.rows:
        related = [term, *replaced.get(term.id, ())]
        newer = glossary.get(term.superseded_by.term) if term.superseded_by else None
        if newer is not None:
            related.append(newer)
        names[term.id] = tuple(dict.fromkeys(form for t in related for form in t.forms))
    return names


def keywords(text: str, glossary: Glossary, names: dict[str, tuple[str, ...]]) -> str:
    """The glossary names of the terms `text` uses that `text` does not itself contain."""
    lowered = text.casefold()
    found: dict[str, None] = {}
    for span in find_terms(text, glossary):
        for form in names.get(span.term.id, span.term.forms):
            if form.casefold() not in lowered:
                found[form] = None
    return "; ".join(found)


# --- Entries ----------------------------------------------------------------------------------


# What an unnumbered paragraph outside any section is, for its result's title.
_ROLES = {"body": "introduction", "related": "related links", "page-dates": "page dates", "amendment": "amendment", "box": "box"}


def paragraph_title(area: str, chapter: Chapter, paragraph: Paragraph, sections: dict[str, str]) -> str:
    """"Sussex 43.2.12 · Use of the Internet": the area always, then the paragraph's number and
    the section it falls under (the result's group already names the chapter); for an
    unnumbered paragraph its section, or what it is, and the chapter."""
    section = sections.get(paragraph.section or "")
    if paragraph.number:
        return f"{area} {paragraph.number} · {section or chapter_label(chapter)}"
    return f"{area} {section or _ROLES.get(paragraph.role, 'paragraph')} · {chapter_label(chapter)}"


def chapter_label(chapter: Chapter) -> str:
    return f"{chapter.number} {chapter.title}" if chapter.number else chapter.title


def chapter_entries(handbook: Handbook, urls: dict[str, str]) -> tuple[list[Page], list[Entry]]:
    """Pages and entries for every chapter the site has a page for (`urls`: chapter id -> URL)."""
    glossary = handbook.data.glossary
    names = related_forms(glossary)
    pages: list[Page] = []
    entries: list[Entry] = []
    for area in handbook.areas_in_order():
        for chapter in handbook.for_area(area.id):
            url = urls.get(chapter.id)
            if url is None:
                continue
            page = len(pages)
            pages.append(Page(url, f"{area.name}: {chapter_label(chapter)}", area.name))
            entries.append(Entry(page, "", chapter.number or "", pages[-1].title, "", ""))
            sections = {h.id: h.text for h in chapter.headings()}
            for paragraph in chapter.paragraphs():
                text = paragraph.text
                entries.append(Entry(
                    page, paragraph.id, paragraph.number or "",
                    paragraph_title(area.name, chapter, paragraph, sections),
                    text, keywords(text, glossary, names), sections.get(paragraph.section or "", ""),
                ))  # fmt: skip
    return pages, entries


def other_entries(docs: Iterable[dict], chapter_urls: set[str], first_page: int) -> tuple[list[Page], list[Entry]]:
    """Material's own entries for the handbook's other pages, in the compact shape."""
    pages: list[Page] = []
    entries: list[Entry] = []
    by_url: dict[str, int] = {}
    for doc in docs:
        url, _, anchor = doc["location"].partition("#")
        if url in chapter_urls:
            continue
        if url not in by_url:
            by_url[url] = first_page + len(pages)
            pages.append(Page(url, doc["title"] if not anchor else url, ""))
        elif not anchor:
            pages[by_url[url] - first_page] = Page(url, doc["title"], "")
        entries.append(Entry(by_url[url], anchor, "", doc["title"], _plain(doc.get("text", "")), ""))
    return pages, entries


def _plain(text: str) -> str:
    """Material's entry text is HTML; the worker escapes what it shows, so give it plain text."""
    return " ".join(html_text(text).split()) if text else ""


def glossary_terms(glossary: Glossary, glossary_url: str | None) -> list[list]:
    """What the worker shows as one line above the results when the query names a term."""
    return [[t.term, t.expansion or "", t.definition, list(t.forms), f"{glossary_url}#{t.anchor}" if glossary_url else ""]
            for t in glossary.rows]  # fmt: skip


def build_index(handbook: Handbook, urls: dict[str, str], material_docs: list[dict], glossary_url: str | None = None) -> dict:
    pages, entries = chapter_entries(handbook, urls)
    more_pages, more_entries = other_entries(material_docs, set(urls.values()), len(pages))
    if glossary_url is None:  # Material's entries name the glossary page by its title
        glossary_url = next((d["location"] for d in material_docs if d.get("title") == "Glossary" and "#" not in d["location"]), None)
    return {
        "v": 2,
        "pages": [p.row() for p in pages + more_pages],
        "entries": [e.row() for e in entries + more_entries],
        "terms": glossary_terms(handbook.data.glossary, glossary_url),
    }


def minisearch_index(index: dict, project_root: Path) -> dict | None:
    """MiniSearch's index of `index`, made in node by the worker's own code; None (with a
    warning saying what to install) when node or the package is missing: the worker then
    builds it in the browser, slower but the same."""
    from ..project import Project
    from ..vendor import MINISEARCH, vendored

    node = shutil.which("node")
    try:
        library = vendored(Project(project_root), MINISEARCH)
    except FileNotFoundError as exc:
        log.warning(f"{exc} (search will build its index in the browser)")
        return None
    if node is None:
        log.warning("search: `node` is not on PATH, so the search index is built in the browser at the first "
                    "search (slower): install Node.js and build again")  # fmt: skip
        return None
    done = subprocess.run([node, str(BUILD_SCRIPT), str(WORKER), "-"], input=json.dumps({"library": library.decode("utf-8"),
                          "data": index}), capture_output=True, text=True, encoding="utf-8")  # fmt: skip
    if done.returncode != 0:
        log.warning(f"search: {BUILD_SCRIPT.name} failed ({done.stderr.strip()[-500:]}); the index is built in the browser")
        return None
    return json.loads(done.stdout)


def index_script(index: dict) -> str:
    """The index as a script (file:// forbids fetch): the same bytes for the same content."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # As a string for JSON.parse: browsers parse JSON much faster than a large object literal.
    # "</" could end an inline script; the file is loaded by src, but keep it inert anyway.
    literal = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f"// Generated by the handbook build (scripts/handbook/site/search.py). Do not edit.\nself.{INDEX_VAR}=JSON.parse({literal});\n"


def index_files(index: dict) -> dict[str, str]:
    """The index as the site ships it: file name (under search/) -> script. MiniSearch's shards
    each get a file of their own, loaded as a query needs them; the main file keeps the rest."""
    mini = index.get("mini")
    if not mini or "shards" not in mini:
        return {Path(INDEX_FILE).name: index_script(index)}
    # The paragraphs' text, most of the bytes, in a file of its own (loaded after the first answer).
    entries = [row[:4] + [""] + row[5:] for row in index["entries"]]
    main = dict(index, entries=entries, textLater=True, mini={"base": mini["base"], "bounds": mini["bounds"]})
    files = {Path(INDEX_FILE).name: index_script(main)}
    files["handbook_text.js"] = _data_script("the paragraphs' text", "self.__handbook_text", [row[4] for row in index["entries"]])
    for n, rows in enumerate(mini["shards"]):
        files[f"handbook_index_{n}.js"] = _data_script(f"shard {n} of MiniSearch's index", f"self.__handbook_shards[{n}]", rows)
    return files


def _data_script(what: str, target: str, value) -> str:
    literal = json.dumps(json.dumps(value, ensure_ascii=False, separators=(",", ":")), ensure_ascii=False).replace("</", "<\\/")
    return f"// Generated by the handbook build (scripts/handbook/site/search.py): {what}. Do not edit.\n{target}=JSON.parse({literal});\n"


def read_index_script(text: str) -> dict:
    """The index back from its script (tests, the benchmark)."""
    literal = text[text.index(f"{INDEX_VAR}=JSON.parse(") + len(INDEX_VAR) + len("=JSON.parse(") : text.rindex(");")]
    return json.loads(json.loads(literal.replace("<\\/", "</")))


def write_index(site_dir: Path, handbook: Handbook, urls: dict[str, str]) -> None:
    """Write the index, and empty Material's own (its worker no longer reads it: the page
    still loads it for the search settings, so keep it small)."""
    material = Path(site_dir) / "search" / "search_index.json"
    data = json.loads(material.read_text("utf-8")) if material.is_file() else {"config": {}, "docs": []}
    index = build_index(handbook, urls, data.get("docs", []))
    mini = minisearch_index(index, handbook.project.root)
    if mini is not None:
        index["mini"] = mini
    target = Path(site_dir) / INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in [*target.parent.glob("handbook_index_*.js"), target.parent / "handbook_text.js"]:
        stale.unlink(missing_ok=True)
    for name, text in index_files(index).items():
        (target.parent / name).write_text(text, "utf-8")
    data["docs"] = []
    settings = json.dumps(data, separators=(",", ":"))
    material.write_text(settings, "utf-8")
    # What the page loads from file:// for the settings (the offline plugin writes the same).
    material.with_suffix(".js").write_text(f"var __index = {settings}", "utf-8")
