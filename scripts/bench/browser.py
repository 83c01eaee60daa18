"""Time to the first search result in Debian's Chromium (headless): a fresh browser context
and page load each round, then the query typed into Material's search box; the time runs from
focusing the box to the first result drawn. `page_to_result` also counts the page load
(from navigation start), as a reader who opens a chapter and searches at once feels it."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"


def measure(page, url: str, query: str) -> tuple[float, float, int]:
    """(focus -> first result ms, navigation start -> first result ms, requests outside the site)."""
    outside: list[str] = []
    base = url.split("/chapters/")[0]
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(base) else None)
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate("""() => { window.__t0 = performance.now(); window.__t1 = null;
        new MutationObserver((_, obs) => { if (document.querySelector('.md-search-result__item')) {
          window.__t1 = performance.now(); obs.disconnect(); } })
          .observe(document.querySelector('.md-search-result__list'), {childList: true}); }""")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function("window.__t1 !== null", timeout=60_000)
    focus, total = page.evaluate("[window.__t1 - window.__t0, window.__t1]")
    return focus, total, len(outside)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """The folder over http on loopback, as `http://127.0.0.1:PORT`."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_search(urls: dict[str, str], query: str, rounds: int) -> dict[str, list[tuple[float, float, int]]]:
    """Rounds interleaved across the named URLs, each on a fresh context."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[tuple[float, float, int]]] = {name: [] for name in urls}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for _ in range(rounds):
                for name, url in urls.items():
                    context = browser.new_context()
                    try:
                        found[name].append(measure(context.new_page(), url, query))
                    finally:
                        context.close()
        finally:
            browser.close()
    return found
