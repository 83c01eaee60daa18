"""MkDocs hooks: what the site adds around the partnerships' text (named in mkdocs.yml).

* page titles are HTML-escaped, because MkDocs and the theme print them unescaped into
  `<title>`, the navigation and the header;
* each chapter page gets its header box after the title and a credit line after the text,
  rendered from front matter by autoescaping templates and marked `hb-ours`;
* area sections are named from area.yml and their chapters put in manual order.
"""

from __future__ import annotations

import html
import logging
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

# MkDocs loads this file by path; the handbook package is installed (pip install -e .).
from handbook.site.catalog import Catalog, cached_catalog, is_chapter_meta, read_front_matter, sort_key
from handbook.site.header import chapter_header

log = logging.getLogger("mkdocs.plugins.handbook")
_state: dict[str, Catalog] = {}


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("handbook.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=False,
    )


# --- Hooks -----------------------------------------------------------------------------------


def on_config(config, **kwargs):
    root = Path(config.config_file_path).parent
    catalog = cached_catalog(Path(config.docs_dir), root / "sources")
    for problem in catalog.problems:
        log.warning(str(problem))  # strict mode turns this into a failed build
    _state["catalog"] = catalog
    return config


def on_nav(nav, config, files, **kwargs):
    _name_and_order(nav.items, Path(config.docs_dir))
    # Re-derive page order (and previous/next links) from the re-ordered tree.
    nav.pages = list(_pages(nav.items))
    for i, page in enumerate(nav.pages):
        page.previous_page = nav.pages[i - 1] if i > 0 else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.meta.get("title"):
        escaped = html.escape(str(page.meta["title"]), quote=False)
        # Both: the theme reads meta.title for <title>, and the macros plugin may have set
        # page.title itself (it does when a title contains "{{").
        page.meta["title"] = page.title = escaped
    return markdown


def on_page_content(content, page, config, files, **kwargs):
    if not is_chapter_meta(page.meta):
        return content
    catalog = _state["catalog"]
    chapter = catalog.by_path(page.file.src_uri)
    area = catalog.areas.get(page.meta["area"])
    if chapter is None or area is None:
        log.warning(f"{page.file.src_uri}: chapter or its area missing from the catalog; run `handbook ingest`")
        return content
    facts = chapter_header(chapter, area)
    header = _templates().get_template("chapter_header.html").render(header=facts)
    credit = _templates().get_template("credit.html").render(credit=facts.credit)
    end_of_title = content.find("</h1>")
    at = end_of_title + len("</h1>") if end_of_title != -1 else 0
    return content[:at] + header + content[at:] + credit


# --- Helpers -----------------------------------------------------------------------------------


def _name_and_order(items, docs_dir: Path) -> None:
    """Give each section its index page's title, and put chapters in manual order."""
    for item in items:
        if not getattr(item, "is_section", False):
            continue
        index = next((c for c in item.children if getattr(c, "is_page", False) and c.file.name == "index"), None)
        if index is not None:
            title = read_front_matter(Path(docs_dir) / index.file.src_uri).get("title")
            if title:
                item.title = html.escape(str(title), quote=False)
        catalog = _state.get("catalog")
        if catalog is not None:
            item.children.sort(key=lambda c: _child_key(c, catalog))
        _name_and_order(item.children, docs_dir)


def _pages(items):
    for item in items:
        if getattr(item, "is_page", False):
            yield item
        elif getattr(item, "is_section", False):
            yield from _pages(item.children)


def _child_key(child, catalog: Catalog) -> tuple:
    if getattr(child, "is_page", False):
        if child.file.name == "index":
            return (0,)
        chapter = catalog.by_path(child.file.src_uri)
        if chapter is not None:
            return (1, sort_key(chapter))
        return (2, child.file.src_uri)
    return (3, str(child.title))
