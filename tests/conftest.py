"""Shared fixtures: the fixture handbook, copies of it to break, and built sites.

The code is tested on the fixture handbook (tests/fixtures/handbook/: a copy of the five areas'
sources and the data files, ingested once per session with this checkout's code), never on the
real `sources/` and `data/`, so that adding an area, a chapter or a data row never breaks a test
of the code. The real content is tested by properties in tests/content/.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from handbook.diagnostics import Report
from handbook.ingest import default_patterns, ingest
from handbook.ingest.convert import convert_file
from handbook.packs.build import packs_into
from handbook.site.build import build_into
from handbook.site.config import chapter_renderer

ROOT = Path(__file__).resolve().parent.parent  # the checkout: its code, and the real content
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_HANDBOOK = FIXTURES / "handbook"  # the content the code's tests run on (its README says why)
SOURCES = FIXTURE_HANDBOOK / "sources"
DATA = FIXTURE_HANDBOOK / "data"
# The code a project needs to ingest and build on its own (docs/ without its generated chapters).
CODE_PARTS = ("mkdocs.yml", "docs", "macros", "scripts", "overrides")
# ... and the content, for a copy of the real project.
CONTENT_PARTS = ("sources", "data")
# The project whose content tests/content/ checks: this checkout, or the copy this names
# (tests/test_any_area.py runs them on a copy with an area added).
CONTENT_ENV = "HANDBOOK_CONTENT_ROOT"
CONTENT_ROOT = Path(os.environ.get(CONTENT_ENV) or ROOT).resolve()

_factory: pytest.TempPathFactory | None = None


@pytest.fixture(scope="session", autouse=True)
def _temporary_folders(tmp_path_factory):
    """Where the fixture handbook is made, on first use (see fixture_template)."""
    global _factory
    _factory = tmp_path_factory


@pytest.fixture(scope="session")
def patterns():
    return default_patterns()


@pytest.fixture(scope="session")
def render_html():
    return chapter_renderer(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def convert(patterns, render_html):
    """Convert one source file of a real area (or a made-up one) in memory."""
    from handbook.areas import load_area

    def run(path: Path, area_folder: Path | None = None):
        folder = area_folder or path.parent
        area = load_area(folder, Report(str(folder)))
        assert area is not None, f"{folder} has no valid area.yml"
        return convert_file(path, str(path), area, patterns, render_html)

    return run


@pytest.fixture(scope="session")
def convert_text(tmp_path_factory, convert):
    """Convert source text written to a temporary area folder (area.yml copied from sussex)."""
    counter = iter(range(1_000_000))

    def run(text: str | bytes, name: str = "chapter.txt"):
        folder = tmp_path_factory.mktemp("area") / f"test-area-{next(counter)}"
        folder.mkdir()
        shutil.copy(SOURCES / "sussex" / "area.yml", folder / "area.yml")
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return convert(path, folder)

    return run


def _copy_code(root: Path) -> Path:
    root.mkdir(parents=True)
    for part in CODE_PARTS:
        source = ROOT / part
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "dev.py")
            if part == "docs":  # generated from the sources: made again by ingest
                ignore = _ignoring_chapters(ignore)
            shutil.copytree(source, root / part, ignore=ignore)
        elif source.exists():
            shutil.copy(source, root / part)
    return root


def _ignoring_chapters(ignore):
    chapters = ROOT / "docs" / "chapters"
    return lambda folder, names: set(ignore(folder, names)) | ({"chapters"} if Path(folder) == chapters.parent else set())


@functools.cache
def fixture_template() -> Path:
    """The fixture handbook, made once per session: this checkout's code, the fixture content,
    its chapters ingested. Never change it: copy it (copy_project)."""
    assert _factory is not None, "fixture_template() is for tests (the session has not started)"
    root = _copy_code(_factory.mktemp("fixture-handbook") / "project")
    shutil.copytree(SOURCES, root / "sources")
    shutil.copytree(DATA, root / "data")
    result = ingest_project(root)
    assert result.ok, [str(d) for d in result.diagnostics if d.level == "error"]
    return root


def copy_project(root: Path) -> Path:
    """A copy of the fixture handbook at `root` (created), to change or break: what it needs to
    ingest and build on its own, its chapters already ingested."""
    shutil.copytree(fixture_template(), root)
    return root


def copy_real_project(root: Path) -> Path:
    """A copy of this checkout's real project at `root` (created): its code and its own content
    (sources, data and the committed chapters), as an author's clone has them."""
    _copy_code(root)
    for part in CONTENT_PARTS:
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "chapters", root / "docs" / "chapters")
    return root


@pytest.fixture(scope="session")
def fixture_root():
    """The fixture handbook's project (read only: use project_copy to change it)."""
    return fixture_template()


@pytest.fixture()
def project_copy(tmp_path):
    """A throwaway copy of the fixture handbook to break; returns its root."""
    return copy_project(tmp_path / "project")


def ingest_project(root: Path, check: bool = False):
    return ingest(
        root / "sources", root / "docs" / "chapters", default_patterns(), chapter_renderer(root / "mkdocs.yml"),
        check=check,
    )  # fmt: skip


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, fixture_root):
    """The fixture handbook, built strictly once per session."""
    site = tmp_path_factory.mktemp("built") / "site"
    build_into(fixture_root / "mkdocs.yml", site)
    assert packs_into(fixture_root / "mkdocs.yml", site) == []  # as `handbook build` makes them
    return site


# --- The real content (tests/content/): whatever it holds ---------------------------------------


@pytest.fixture(scope="session")
def content_handbook():
    """The model of the content under test (CONTENT_ROOT)."""
    from handbook.load import load_handbook
    from handbook.project import Project

    return load_handbook(Project(CONTENT_ROOT))


@pytest.fixture(scope="session")
def content_build(tmp_path_factory):
    """The content under test built strictly once per session, with every training pack of its
    data/packs.yml (as `handbook build` makes them); `pack_errors` says what a pack could not make."""
    site = tmp_path_factory.mktemp("content") / "site"
    build_into(CONTENT_ROOT / "mkdocs.yml", site)
    return SimpleNamespace(site=site, pack_errors=packs_into(CONTENT_ROOT / "mkdocs.yml", site))


@pytest.fixture(scope="session")
def content_site(content_build):
    return content_build.site


@pytest.fixture(scope="session", autouse=True)
def _run_from_root(tmp_path_factory):
    """Messages show paths relative to the working directory; tests run from the project."""
    import os

    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


# --- Debian's Chromium, driven by Playwright (the browser tests) -------------------------------

CHROMIUM = "/usr/bin/chromium"
# As the machine notes advise: without the background-networking flags Chromium phones home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: run `python3 scripts/dev.py test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe():
    """axe-core (WCAG 2.2 AA), bundled by axe-playwright-python: no network."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(axe, page) -> list[str]:
    result = axe.run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result.response["violations"]]


HOSTILE_PAGE = "chapters/hostile/b-hostile-b-chapter-config-site-name"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The fixture handbook plus an area whose chapter tries every way of becoming code, built strictly."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copytree(FIXTURES / "hostile" / "hostile", root / "sources" / "hostile")
    result = ingest_project(root)
    assert result.ok, [str(d) for d in result.diagnostics if d.level == "error"]
    build_into(root / "mkdocs.yml", root / "site")
    return root


# --- Runs beside the suite (tests/test_any_area.py) ---------------------------------------------


def pytest_collection_finish(session):
    """Start what a `background` test waits for as soon as the tests are collected, when it is
    among those to run: it runs beside the other tests instead of after them."""
    if session.config.option.collectonly:
        return
    for module in {item.module for item in session.items if item.get_closest_marker("background")}:
        module.start_in_background()
        _background.append(module)


def pytest_sessionfinish(session):
    for module in _background:
        module.stop_background()
    _background.clear()


_background: list = []
