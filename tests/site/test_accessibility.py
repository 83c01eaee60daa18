"""WCAG 2.2 AA as axe-core checks it (axe-playwright-python, in Debian's Chromium), with no rule
disabled: the handbook's pages, and the page while search results or the cite dialog are open."""

from __future__ import annotations

import pytest

from test_browser import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

CHAPTER = "chapters/sussex/information-communication-technology/index.html"
PAGES = {  # one of each kind of page
    "home": "index.html",
    "chapter": CHAPTER,
    "area": "chapters/sussex/index.html",
    "glossary": "glossary/index.html",
    "offences": "offences/index.html",
    "comparison": "compare/index.html",
    "topic": "compare/grooming-and-sexual-communication/index.html",
    "shared text": "compare/shared-text/index.html",
    "amendments": "amendments/index.html",
    "dashboard": "review/index.html",
    "packs": "packs/index.html",
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture()
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def violations(axe, page) -> list[str]:
    result = axe.run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


@pytest.mark.parametrize("name", PAGES)
def test_no_violations_on_the_page(built_site, page, axe, name):
    path = built_site / PAGES[name]
    assert path.exists(), f"the site has no {name} page ({PAGES[name]})"
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert violations(axe, page) == []


def test_no_violations_with_search_results_open(built_site, page, axe):
    page.goto((built_site / CHAPTER).as_uri())
    page.keyboard.press("s")
    page.keyboard.type("CEOP")
    page.wait_for_selector(".md-search-result__item")
    assert violations(axe, page) == []


def test_no_violations_with_the_cite_dialog_open(built_site, page, axe):
    page.goto((built_site / CHAPTER).as_uri())
    page.locator("#para-43\\.2\\.12 .hb-cite-button").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.hb-cite-dialog[open]")
    assert violations(axe, page) == []
