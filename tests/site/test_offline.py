"""The offline bundle in Debian's Chromium: unzipped anywhere and opened from disk, every page
navigates and searches with zero requests outside the folder (counted at the browser context,
so frames and workers count too), and each practitioner's query lands on its paragraph."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from handbook.cli import main as handbook
from handbook.load import load_handbook
from handbook.offline import write_zip
from handbook.project import Project

pytestmark = pytest.mark.browser

BUILT = dt.date(2026, 3, 1)  # SOURCE_DATE_EPOCH for the build under test
SUSSEX = "chapters/sussex/information-communication-technology.html"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """`handbook build --offline` on a copy of the project, then its zip unpacked somewhere else."""
    root = copy_project(tmp_path_factory.mktemp("offline") / "project")
    epoch = str(int(dt.datetime(BUILT.year, BUILT.month, BUILT.day, 12, tzinfo=dt.timezone.utc).timestamp()))
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        status = handbook(["build", "--offline", "--sources", str(root / "sources"), "--out", str(root / "docs/chapters"),
                           "--config", str(root / "mkdocs.yml"), "--site-dir", str(root / "site-offline"),
                           "--zip", str(root / "dist" / "handbook-offline.zip")])  # fmt: skip
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH") if before is None else os.environ.__setitem__("SOURCE_DATE_EPOCH", before)
    assert status == 0
    unpacked = tmp_path_factory.mktemp("somewhere else")
    with zipfile.ZipFile(root / "dist" / "handbook-offline.zip") as archive:
        archive.extractall(unpacked)
    return {"root": root, "site": unpacked / "handbook", "handbook": load_handbook(Project(root))}


@pytest.fixture()
def offline_page(browser):  # noqa: F811
    """A page whose context refuses and counts every request that is not for a file."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:")) else outside.append(r.url))
    page = context.new_page()
    page.outside = outside
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def anchor_of(bundle, area: str, phrase: str) -> str:
    """The id of the one paragraph of `area` whose text has `phrase` (hash ids are not typed here)."""
    found = [ref.id for ref, _, p in bundle["handbook"].paragraphs() if ref.area == area and phrase in p.text]
    assert len(found) == 1, (area, phrase, found)
    return found[0]


def search(page, query: str) -> list[str]:
    """Type into Material's search box; the links of the results once they answer this query."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(query)
    # The results answer this query once a link's highlight (?h=) carries its words (the worker
    # leaves out common words such as "and", so only the longer ones are looked for).
    wanted = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 3] or [query.strip().lower()]
    page.wait_for_function(
        "ws => [...document.querySelectorAll('.md-search-result__item a')].some(a => { const h = (new URL(a.href).searchParams.get('h') || '').toLowerCase();"
        " return ws.every(w => h.includes(w)); })"
        " || /No matching/.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=wanted, timeout=15_000,
    )  # fmt: skip
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


QUERIES = [  # query, then the paragraphs it must land on: (area, number or a phrase of the paragraph)
    ("43.2.12", [("sussex", "para-43.2.12")]),
    ("LADO", [("northumberland", "Local Authority Designated Officer")]),
    ("CEOP", [("london", "para-3.4"), ("milton-keynes", "para-3.1")]),
    ("IIOC", [("sussex", "para-43.2.9")]),
    ("NPCC", [("sussex", "Note: ACPO now National Police"), ("northumberland", "ACPO: Young People who post")]),
    ("nudes", [("northumberland", "‘outcome 21’ recording code")]),
    ("Child and Family Assessment", [("liverpool", "the Core Assessment should be completed"),
                                     ("northumberland", "followed by a Statutory Assessment")]),
]  # fmt: skip


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_a_query_from_disk_lands_on_its_paragraphs(bundle, offline_page, query, expected):
    # A nested page: the worker, its index and the shim must resolve from two folders down.
    offline_page.goto((bundle["site"] / "chapters/london/index.html").as_uri())
    links = search(offline_page, query)
    for area, where in expected:
        anchor = where if where.startswith("para-") else anchor_of(bundle, area, where)
        assert any(f"/chapters/{area}/" in link and link.endswith(f"#{anchor}") for link in links), (area, anchor, links)
    assert offline_page.outside == [] and offline_page.errors == []


def test_every_result_names_its_area_and_paragraph_number(bundle, offline_page):
    offline_page.goto((bundle["site"] / "index.html").as_uri())
    search(offline_page, "CEOP")
    results = offline_page.evaluate("""Array.from(document.querySelectorAll('.md-search-result__item'))
        .filter(li => li.querySelector('article h2'))  // not the glossary's one line above them
        .map(li => [li.querySelector('a').href, li.querySelector('article h2').textContent])""")
    # Chapter results name their area and number; the glossary's own entries ("CEOP") need not.
    titles = [title for href, title in results if "/chapters/" in href]
    assert titles and all(re.match(r"(London|Milton Keynes|Sussex|Liverpool|Northumberland) \S", t) for t in titles), [t for t in titles if not re.match(r"(London|Milton Keynes|Sussex|Liverpool|Northumberland) \S", t)]
    assert "London 3.4 · 3. Concern about Particular Child/ren" in titles


def test_a_result_opens_its_paragraph(bundle, offline_page):
    offline_page.goto((bundle["site"] / SUSSEX).as_uri())
    search(offline_page, "43.2.12")
    offline_page.locator(".md-search-result__item a[href$='#para-43.2.12']").first.click()
    # The result's link loads the page afresh (it carries ?h= for highlighting): wait for it to be parsed.
    offline_page.wait_for_function("location.hash === '#para-43.2.12' && document.querySelector(':target') !== null")
    assert offline_page.evaluate("document.querySelector(':target').id") == "para-43.2.12"
    assert offline_page.outside == [] and offline_page.errors == []


def test_pages_and_navigation_work_from_disk(bundle, offline_page):
    offline_page.goto((bundle["site"] / "index.html").as_uri())
    offline_page.locator(".md-nav a", has_text="Sussex").first.click()
    offline_page.locator("article a", has_text="Information Communication Technology").first.click()
    assert offline_page.url.endswith(SUSSEX)
    assert "Information Communication Technology" in offline_page.locator("article h1").inner_text()
    assert offline_page.outside == [] and offline_page.errors == []


def test_the_home_page_states_the_build_date(bundle):
    home = (bundle["site"] / "index.html").read_text("utf-8")
    assert 'This copy of the handbook was built on <time datetime="2026-03-01">1 March 2026</time>' in home


def test_the_shim_is_shipped_and_nothing_names_a_cdn(bundle):
    site = bundle["site"]
    shim = site / "assets/javascripts/iframe-worker-shim.js"
    assert shim.read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    for page in (site / "index.html", site / SUSSEX):
        assert "unpkg.com" not in page.read_text("utf-8") and "iframe-worker-shim.js" in page.read_text("utf-8")


def test_the_zip_is_the_same_bytes_for_the_same_content(bundle, tmp_path):
    root = bundle["root"]
    again = write_zip(root / "site-offline", tmp_path / "again.zip", BUILT)
    assert again.read_bytes() == (root / "dist" / "handbook-offline.zip").read_bytes()
    (root / "site-offline" / "index.html").touch()  # a new time alone changes nothing
    assert write_zip(root / "site-offline", tmp_path / "third.zip", BUILT).read_bytes() == again.read_bytes()


def test_a_failed_offline_build_keeps_the_previous_zip(bundle, tmp_path):
    root = bundle["root"]
    zip_path = tmp_path / "kept.zip"
    zip_path.write_bytes(b"previous")
    (root / "docs" / "broken.md").write_text("[nowhere](missing.md)\n", "utf-8")
    try:
        status = handbook(["build", "--offline", "--sources", str(root / "sources"), "--out", str(root / "docs/chapters"),
                           "--config", str(root / "mkdocs.yml"), "--site-dir", str(tmp_path / "site"), "--zip", str(zip_path)])  # fmt: skip
    finally:
        (root / "docs" / "broken.md").unlink()
    assert status == 1 and zip_path.read_bytes() == b"previous"
