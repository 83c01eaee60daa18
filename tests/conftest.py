"""Shared fixtures: the real project, copies of it to break, and built sites.

Every check is tested on real data: the five committed sources and the site built from them,
or a temporary copy of the project with one thing broken.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.diagnostics import Report
from handbook.ingest import default_patterns, ingest
from handbook.ingest.convert import convert_file
from handbook.packs.build import packs_into
from handbook.site.build import build_into
from handbook.site.config import chapter_renderer

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What a project copy needs to ingest and build on its own.
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "sources", "scripts", "data", "overrides")


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


def copy_project(root: Path) -> Path:
    """A copy of the project at `root` (created): what it needs to ingest and build on its own."""
    root.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__", "dev.py"))
        elif source.exists():
            shutil.copy(source, root / part)
    return root


@pytest.fixture()
def project_copy(tmp_path):
    """A throwaway copy of the project to break; returns its root."""
    return copy_project(tmp_path / "project")


def ingest_project(root: Path, check: bool = False):
    return ingest(
        root / "sources", root / "docs" / "chapters", default_patterns(), chapter_renderer(root / "mkdocs.yml"),
        check=check,
    )  # fmt: skip


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The committed handbook, built strictly once per session."""
    site = tmp_path_factory.mktemp("built") / "site"
    build_into(ROOT / "mkdocs.yml", site)
    assert packs_into(ROOT / "mkdocs.yml", site) == []  # as `handbook build` makes them
    return site


@pytest.fixture(scope="session", autouse=True)
def _run_from_root(tmp_path_factory):
    """Messages show paths relative to the working directory; tests run from the project."""
    import os

    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


HOSTILE_PAGE = "chapters/hostile/b-hostile-b-chapter-config-site-name"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """The handbook plus an area whose chapter tries every way of becoming code, built strictly."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copytree(FIXTURES / "hostile" / "hostile", root / "sources" / "hostile")
    result = ingest_project(root)
    assert result.ok, [str(d) for d in result.diagnostics if d.level == "error"]
    build_into(root / "mkdocs.yml", root / "site")
    return root
