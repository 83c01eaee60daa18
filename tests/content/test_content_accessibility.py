"""WCAG 2.2 AA as axe-core checks it, with no rule disabled, on every page of the site built from
the content: each chapter and area page, each comparison (one per topic of data/topics.yml) and
each of the handbook's own pages. A new area's pages are checked as soon as it is added.
(The page with search results or the cite dialog open: tests/site/test_accessibility.py.)"""

from __future__ import annotations

import pytest

from conftest import CONTENT_ROOT, violations
from handbook.datasets import load_data

pytestmark = pytest.mark.browser


def site_pages() -> list[str]:
    """Every page of the built site, from the content's Markdown files (docs/**/*.md) and its
    topics (a page each, generated at build time)."""
    docs = CONTENT_ROOT / "docs"
    pages = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).with_suffix("")
        folder = relative.parent if relative.name == "index" else relative
        pages.append(f"{folder.as_posix()}/index.html".removeprefix("./"))
    topics = load_data(CONTENT_ROOT / "data")[0].topics.rows
    return pages + [f"compare/{t.id}/index.html" for t in topics]


WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module", params=list(WIDTHS))
def page(browser, request):
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", site_pages())
def test_no_violations_on_any_page(content_site, page, axe, path):
    """At a desktop and a phone width (the module's `page` fixture runs each)."""
    built = content_site / path
    assert built.exists(), f"the site has no page {path}"
    page.goto(built.as_uri())
    page.wait_for_load_state("load")
    assert violations(axe, page) == []
