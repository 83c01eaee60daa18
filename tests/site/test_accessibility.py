"""WCAG 2.2 AA as axe-core checks it (axe-playwright-python, in Debian's Chromium), with no rule
disabled: a chapter page of the fixture handbook while search results or the cite dialog are
open, and the 404 page as a static host serves it. Every page of the real site, as built: tests/content/test_content_accessibility.py."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

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


WIDTHS = {"desktop": 1280, "phone": 390}


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
def test_the_404_page_explains_and_has_no_violations(built_site, browser, axe, width):
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
