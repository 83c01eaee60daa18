"""WCAG 2.2 AA as axe-core checks it (axe-playwright-python, in Debian's Chromium), with no rule
disabled: the handbook's pages, and the page while search results or the cite dialog are open."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from test_browser import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

CHAPTER = "chapters/sussex/information-communication-technology/index.html"
WIDTHS = {"desktop": 1280, "phone": 390}


def every_page(site):
    """Every page of the built site, whatever the handbook holds (assets aside). The 404 page is
    served at addresses the site does not have, so it is checked served (below), not from disk."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


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


@pytest.mark.parametrize("width", WIDTHS)
def test_no_violations_on_any_page_at_either_width(built_site, browser, axe, width):  # noqa: F811
    """axe's WCAG 2.0 to 2.2 A and AA rules and its best practices, on every page."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    found = {}
    for path in every_page(built_site):
        page.goto((built_site / path).as_uri())
        page.wait_for_load_state("load")
        problems = violations(axe, page)
        if problems:
            found[path] = problems
    context.close()
    assert found == {}


def test_every_kind_of_page_is_checked(built_site):
    pages = every_page(built_site)
    for kind in ("index.html", CHAPTER, "chapters/sussex/index.html", "glossary/index.html", "offences/index.html",
                 "compare/index.html", "amendments/index.html", "review/index.html", "packs/index.html", "about/index.html"):
        assert kind in pages, kind


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


class _NotFound(http.server.SimpleHTTPRequestHandler):
    """A static host: the site's own 404.html for an address it does not have."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_404_page_explains_and_has_no_violations(built_site, browser, axe, width):  # noqa: F811
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFound, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    try:
        page = context.new_page()
        response = page.goto(f"http://127.0.0.1:{server.server_port}/chapters/sussex/a-renamed-chapter/")
        assert response.status == 404
        assert page.locator("h1").text_content() == "Page not found"
        assert page.locator("[data-hb-open-search]").is_visible()
        assert page.locator("a", has_text="the home page").get_attribute("href") == "/"
        assert violations(axe, page) == []
    finally:
        context.close()
        server.shutdown()
