"""MkDocs hooks for the reader's tools (named in mkdocs.yml after hooks.py): search, offline
use, print and citing. Kept apart from hooks.py, which adds the chapter parts.

* the iframe-worker shim is shipped inside the site from the project's npm packages
  (`node_modules/`, installed by scripts/dev.py), so search works from `file://` with no
  network: Material's offline plugin would otherwise load it from a CDN;
* the search index (`site/search.py`) is written after Material's search plugin and before its
  offline plugin copies Material's index into a script (priority -50, between 0 and -100);
* the home page says when this copy was built (the offline zip's readers need to know);
* each chapter page carries the facts a citation needs, for `handbook.js`;
* the Training packs page lists the packs of data/packs.yml, linking their PDFs.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from handbook.load import cached_handbook
from handbook.offline import build_date
from handbook.packs.build import PACKS_DIR
from handbook.project import Project
from handbook.site.header import display_date
from handbook.site.html import after_title
from handbook.site.page import render
from handbook.site.search import chapter_label, write_index
from handbook.vendor import MINISEARCH, SHIM, vendored

log = logging.getLogger("mkdocs.plugins.handbook.reader")
_urls: dict[str, str] = {}  # chapter id -> page URL, filled as pages are rendered
PACKS_PAGE = "packs.md"


def on_config(config, **kwargs):
    config.extra.setdefault("handbook_built", build_date().isoformat())
    _urls.clear()
    return config


def on_files(files, config, **kwargs):
    for item in (SHIM, MINISEARCH):
        try:
            content = vendored(Project.of_config(config.config_file_path), item)
        except FileNotFoundError as exc:
            log.warning(str(exc))  # strict: the build fails, saying how to install it
            continue
        files.append(File.generated(config, item.site_path, content=content))
    return files


def on_page_content(content, page, config, files, **kwargs):
    if page.file.src_uri == PACKS_PAGE:
        handbook = cached_handbook(Project.of_config(config.config_file_path))
        return content + packs_list(handbook, page.url, files)
    if page.is_homepage:
        built = display_date(config.extra["handbook_built"])
        note = Markup(
            '<p class="hb-ours hb-built">This copy of the handbook was built on <time datetime="{}">{}</time>. '
            "Always check the partnership's own website before acting.</p>"
        ).format(config.extra["handbook_built"], built)
        return after_title(content, str(note))
    handbook = cached_handbook(Project.of_config(config.config_file_path))
    chapter = handbook.chapter_at(page.file.src_uri)
    if chapter is None:
        return content
    _urls[chapter.id] = page.url
    area = handbook.areas[chapter.area]
    # Plain data for cite.js: the citation is assembled in the browser with the page's address.
    # data-source: the chapter's public address on the partnership's website, which a citation
    # copied from disk gives instead of the reader's file path (only http(s) addresses are kept).
    source = chapter.source_url if chapter.source_url and chapter.source_url.startswith(("http://", "https://")) else ""
    data = Markup(
        '<div class="hb-cite-data" hidden data-area="{}" data-manual="{}" data-chapter="{}" data-captured="{}"'
        ' data-ref="{}" data-site="{}" data-page="{}" data-source="{}"></div>'
    ).format(area.name, area.manual, chapter_label(chapter), display_date(chapter.captured, "date not recorded"),
             chapter.id, config.site_url or "", page.url, source)  # fmt: skip
    return content + str(data)


def packs_list(handbook, page_url: str, files) -> str:
    """The packs of data/packs.yml with links to their PDFs (made by `handbook build` into
    training-packs/) and to their chapters' pages."""
    from handbook.packs.select import in_this_copy

    packs = []
    skipped = 0
    for pack in handbook.data.packs.rows:
        copy = in_this_copy(handbook, pack)  # in a bundle: its areas' chapters only
        if not copy.chapters:
            skipped += 1  # none of its chapters is in this bundle: no pack, and no link out of it
            continue
        chapters = []
        for chapter_id in copy.chapters:
            chapter = handbook.chapters.get(chapter_id)
            area, slug = chapter_id.split("/", 1)
            file = files.get_file_from_path(Project.page_path(area, slug))
            label = f"{handbook.areas[chapter.area].name}: {chapter_label(chapter)}" if chapter else chapter_id
            chapters.append({"label": label, "href": relative_url(page_url, file.url) if file else None})
        # A pack naming a chapter the handbook does not have is not made (`handbook build` says
        # why): the page says so instead of linking a PDF that is not there.
        makeable = all(c in handbook.chapters for c in copy.chapters)
        pdf = relative_url(page_url, f"{PACKS_DIR}/{pack.file_name}") if makeable else None
        packs.append({"id": pack.id, "title": copy.title, "description": pack.description, "pdf": pdf, "chapters": chapters,
                      "left_out": copy.left_out, "total": len(pack.chapters)})  # fmt: skip
    return render("packs.html", packs=packs, skipped=skipped)


def relative_url(page_url: str, target: str) -> str:
    """A link from a page (its URL as MkDocs gives it: "packs/" or "packs.html") to a site path."""
    here = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath(target, here.rstrip("/") or ".")
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


# --- Accessibility repairs of Material's page shell (axe, WCAG 2.2 AA) ------------------------
# Material 9.8 names a section's <nav> by its toggle <label>, which with navigation.indexes holds
# only an icon: every such nav has an empty name and axe fails `landmark-unique`. Point it at the
# section's title label instead. Its search dialog has no name (`aria-dialog-name`). Both are
# exact-markup rewrites: if Material changes its markup they stop matching and the axe tests fail.
_NAV = re.compile(r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby=")([^"]+)_label'
                  r'(" aria-expanded="[^"]*">\s*<label class="md-nav__title" for="\2")')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


_PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary.*?</nav>\s*</div>\s*</div>\s*</div>', re.DOTALL)
_SPACE = re.compile(r"\s+")


def on_post_page(output, page, config, **kwargs):
    output = _NAV.sub(r'\1\2_title\3 id="\2_title"', output)
    # The navigation's indentation is a third of a chapter page when an area has 200 chapters;
    # in it (no <pre>, no scripts) a run of white space renders as one space.
    output = _PRIMARY_NAV.sub(lambda m: _SPACE.sub(" ", m.group(0)), output, count=1)
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + ' aria-label="Search">')


def on_post_template(output_content, template_name, config, **kwargs):
    # The 404 page is a template, not a page: it gets the same navigation ids and search name.
    return on_post_page(output_content, None, config) if template_name == "404.html" else output_content


@event_priority(-50)
def on_post_build(config, **kwargs):
    handbook = cached_handbook(Project.of_config(config.config_file_path))
    write_index(Path(config.site_dir), handbook, dict(_urls))
