"""WCAG 2.2 AA as axe-core checks it (axe-playwright-python, in Debian's Chromium), with no rule
disabled: a chapter page of the fixture handbook while search results or the cite dialog are
open. Every page of the real site, as built: tests/content/test_content_accessibility.py."""

from __future__ import annotations

import pytest

from conftest import violations

pytestmark = pytest.mark.browser

CHAPTER = "chapters/sussex/information-communication-technology/index.html"


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


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
