"""MkDocs hooks: what the site adds around the partnerships' text (named in mkdocs.yml).

* the handbook model is loaded once per build (`on_config`); a broken data file is logged as a
  warning, so the strict build fails with every problem listed; an area whose area.yml is broken
  is left out of the site (its problems printed), so the other areas still build, and so is
  every area a bundle does not hold (`HANDBOOK_AREAS`, see project.py);
* page titles are HTML-escaped, because MkDocs and the theme print them unescaped into
  `<title>`, the navigation and the header;
* each chapter page gets its parts (`site/page.py`: header box, law links, term definitions,
  cautions, laws box, credit), rendered from the model by autoescaping templates;
* area sections are named from their index pages and their chapters put in manual order.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import yaml

# MkDocs loads this file by path; the handbook package is installed (pip install -e .).
from handbook.diagnostics import Level
from handbook.ingest.run import ingest_paths, print_result
from handbook.load import cached_handbook, pin
from handbook.model import chapter_sort_key
from handbook.project import CHAPTERS_DIR, Project
from handbook.review import today
from handbook.compare import topic_id_of
from handbook.site.compare import add_topic_pages
from handbook.site.config import split_front_matter
from handbook.site.feed import FEED_FILE, atom
from mkdocs.structure.files import File
from handbook.site.page import PageContext, decorate
from handbook.site import serving
from handbook.site.html import after_title

log = logging.getLogger("mkdocs.plugins.handbook")
_state: dict = {}  # "handbook": the model of this build; "serving": running under `handbook serve`


# --- Hooks -----------------------------------------------------------------------------------


def on_startup(command, dirty, **kwargs):
    _state["serving"] = command == "serve"


def on_pre_build(config, **kwargs):
    """While `handbook serve` runs, every rebuild (a change under sources/ or data/ triggers one)
    first re-runs ingest: a new or edited source appears, a failed one keeps its old page and
    says why in the terminal, with its row of the recognition summary and what the checks find
    in the files that changed (site/serving.py)."""
    if _state.get("serving"):
        project = Project.of_config(config.config_file_path)
        loop = _state.setdefault("loop", serving.Loop())
        changed = loop.changes(project)
        result = ingest_paths(project.sources, project.chapters, project.mkdocs_yml)
        loop.last = result
        if changed == set() and not (result.written or result.removed) and result.ok:
            return  # a rebuild for ingest's own writes, or a page edit: nothing new to say
        _tell(config, result, changed)


def _tell(config, result, changed) -> None:
    from handbook.check import run as run_checks
    from handbook.ingest import summary

    conversions = list(serving.changed_conversions(result, changed))
    shown = {c.source.resolve() for c in conversions}
    if result.written or result.removed or not result.ok or conversions:
        print_result(result, only=shown)
    rows = summary.rows(conversions)
    if rows:
        print("\n" + summary.table(rows, summary.changed(result), show_all=True))
    chapters, failed = serving.chapter_ids(conversions, Project.of_config(config.config_file_path).chapters)
    found = run_checks(Path(config.config_file_path), None, None, list(serving.SERVE_CHECKS))
    lines, errors, warnings = serving.check_lines(found, changed, chapters, failed)
    for line in lines:
        print(line)
    what = "every file" if changed is None else ", ".join(sorted(changed)) or "the generated files (no source or data file changed)"
    verdict = "FAILED" if errors else "passed"
    print(f"handbook serve: checks of {what} {verdict}: {errors} error(s), {warnings} warning(s) "
          "(`handbook check` runs them all, with the built site's)")  # fmt: skip


def on_config(config, **kwargs):
    project = Project.of_config(config.config_file_path)
    handbook = cached_handbook(project)
    pin(handbook)  # until the build ends (on_post_build, on_build_error)
    for problem in handbook.problems:
        if problem.level is not Level.ERROR:
            continue
        if Path(problem.path).resolve().is_relative_to(project.sources.resolve()):
            # Not a warning: one broken area must not take the others down (strict mode counts
            # warnings). `on_files` leaves the area out; ingest and `handbook check` report it.
            log.info(f"{problem} (area left out of the site)")
        else:
            log.warning(str(problem))  # a broken data file: strict mode fails the build
    _state["handbook"] = handbook
    return config


def on_files(files, config, **kwargs):
    """An area with a broken area.yml is left out, and so is an area a bundle does not hold
    (`handbook build --offline --area`); the amendments feed and a page per topic of
    data/topics.yml are generated from the model as files of the site (so links to them
    validate like any other)."""
    handbook = _state["handbook"]
    for area in sorted(handbook.excluded_areas):
        for file in [f for f in files if f.src_uri.startswith(f"{CHAPTERS_DIR}/{area}/")]:
            files.remove(file)
    for path in add_topic_pages(handbook, files, config):
        log.warning(f"docs/{path} is generated from data/topics.yml: delete the file (its topic makes the page)")

    def url_of(doc_path: str) -> str | None:
        file = files.get_file_from_path(doc_path)
        return file.url if file is not None else None

    files.append(File.generated(config, FEED_FILE, content=atom(handbook, config.site_name, today(), url_of)))
    return files


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
        chapter = _state["handbook"].chapter_at(page.file.src_uri)
        if chapter is not None:
            # Browser tabs and the header say which area: several areas share chapter titles.
            # The navigation (page.title) already sits under the area's section.
            area = _state["handbook"].areas[chapter.area].name
            page.meta["title"] = html.escape(" ".join(filter(None, [area, chapter.number, chapter.title])), quote=False)
            # The search index holds chapters paragraph by paragraph from the model (site/search.py):
            # Material's plugin need not parse their pages (seconds at a thousand chapters).
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
            nav_status(page.meta, chapter)
    return markdown


def nav_status(meta: dict, chapter) -> None:
    """The front matter's `status` is the partnership's ("under review"), but Material reads a
    page's `status` as its own and draws an unexplained icon beside it in the navigation. Say it
    in words instead (Material's navigation subtitle), and only where it asks something of the
    reader: a chapter under review."""
    meta.pop("status", None)
    if chapter.status and "review" in chapter.status.casefold():
        meta["subtitle"] = html.escape(chapter.status[:1].upper() + chapter.status[1:], quote=False)


def on_page_content(content, page, config, files, **kwargs):
    handbook = _state["handbook"]
    if page.is_homepage and _state.get("serving"):
        # What is left out and why, where an author looking at the site sees it.
        notice = serving.home_notice(handbook, _state.get("loop", serving.Loop()).last)
        return after_title(content, notice) if notice else content
    chapter = handbook.chapter_at(page.file.src_uri)
    if chapter is None:
        return content

    def url_of(doc_path: str) -> str | None:
        file = files.get_file_from_path(doc_path)
        if file is None:
            log.warning(f"{page.file.src_uri}: links to {doc_path}, which is not in the site")
            return None
        return file.url

    return decorate(content, PageContext(chapter, handbook, page.url, url_of))


# --- Helpers -----------------------------------------------------------------------------------


def _name_and_order(items, docs_dir: Path) -> None:
    """Give each section its index page's title, put areas in the handbook's one order (by name,
    as every page lists them), chapters in manual order and topics in the order of
    data/topics.yml. Sections are named before they are sorted: MkDocs titles an area's section
    from its folder name (its id) until then."""
    sections = [item for item in items if getattr(item, "is_section", False)]
    for item in sections:
        index = _index_of(item)
        if index is not None:
            # Pages are not read yet when the navigation is built: the title is in front matter.
            title = _front_matter_title(Path(docs_dir) / index.file.src_uri)
            if title:
                item.title = html.escape(str(title), quote=False)
    for item in sections:
        _name_and_order(item.children, docs_dir)
        item.children.sort(key=_child_key)


def _index_of(section):
    return next((c for c in section.children if getattr(c, "is_page", False) and c.file.name == "index"), None)


def _front_matter_title(path: Path) -> str | None:
    head, _ = split_front_matter(path.read_text("utf-8"))
    meta = yaml.safe_load(head) if head else None
    return meta.get("title") if isinstance(meta, dict) else None


def _pages(items):
    for item in items:
        if getattr(item, "is_page", False):
            yield item
        elif getattr(item, "is_section", False):
            yield from _pages(item.children)


def _child_key(child) -> tuple:
    if getattr(child, "is_page", False):
        if child.file.name == "index":
            return (0,)
        handbook = _state["handbook"]
        chapter = handbook.chapter_at(child.file.src_uri)
        if chapter is not None:
            return (1, chapter_sort_key(chapter))
        topic = handbook.data.topics.get(topic_id_of(child.file.src_uri) or "")
        if topic is not None:
            return (2, handbook.data.topics.rows.index(topic))  # the order of data/topics.yml
        return (3, child.file.src_uri)
    index = _index_of(child)
    area = _state["handbook"].areas.get(_area_of(index.file.src_uri)) if index is not None else None
    return (4, area.order) if area is not None else (5, str(child.title))


def _area_of(src_uri: str) -> str | None:
    """The area whose index page is `src_uri` ("chapters/<area>/index.md"), if it is one."""
    parts = src_uri.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == CHAPTERS_DIR and parts[2] == "index.md" else None


def on_post_build(config, **kwargs):
    pin(None)


def on_build_error(error, **kwargs):
    pin(None)
