"""The built site in a real browser (Debian's Chromium, driven by Playwright): opened from disk
it makes no outside request, paragraph links land, and hostile source text never runs."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from conftest import HOSTILE_PAGE

pytestmark = pytest.mark.browser

LOCAL = ("file://", "data:", "blob:", "about:", "http://127.0.0.1:")


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []  # every URL the page asked for
    page.dialogs = []  # every alert/confirm/prompt a script tried to open
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def served(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_pages_opened_from_disk_make_no_outside_request(built_site, page):
    for path in ("index.html", "chapters/sussex/information-communication-technology/index.html",
                 "chapters/london/index.html"):  # fmt: skip
        page.goto((built_site / path).as_uri())
        page.wait_for_load_state("networkidle")
    assert page.requests and all(url.startswith(LOCAL) for url in page.requests), page.requests


def test_paragraph_link_lands_on_its_paragraph(built_site, page):
    url = (built_site / "chapters/sussex/information-communication-technology/index.html").as_uri()
    page.goto(f"{url}#para-43.2.12")
    target = page.locator("#para-43\\.2\\.12")
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "para-43.2.12"
    assert target.inner_text().startswith("43.2.12")
    assert page.locator("aside.hb-chapter-header").inner_text().count("November 2026") == 1


def test_search_finds_a_paragraph_by_its_number(built_site, page):
    server = served(built_site)
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("s")  # Material's shortcut to the search box; typing fires its key handlers
        page.keyboard.type("43.2.12")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        results = page.locator(".md-search-result").inner_text()
        # Served, the handbook's worker runs as a real worker (from disk, in the shim: test_offline.py).
        assert "Sussex 43.2.12 · Use of the Internet" in results
        assert "It is a criminal offence" in results
        link = page.locator(".md-search-result__item a[href*='#para-43.2.12']").first.get_attribute("href")
        assert link.endswith("chapters/sussex/information-communication-technology/?h=43.2.12#para-43.2.12"), link
    finally:
        server.shutdown()
    assert all(url.startswith(LOCAL) for url in page.requests), page.requests


def test_hostile_text_never_runs(hostile_site, page):
    page.goto((hostile_site / "site" / HOSTILE_PAGE / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    page.locator("a.hb-num").first.click()
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('article script, article img, article iframe').length") == 0
    assert page.title().startswith("Hostile Test Area <b>Hostile</b> Chapter & {{ config.site_name }}")
    assert "<script>alert(\"script\")</script>" in page.locator("article").inner_text()
    assert all(url.startswith(LOCAL) for url in page.requests), page.requests
