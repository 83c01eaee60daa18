"""Where a handbook's parts live: one value instead of paths spelled in every module.

The CLI, the site hooks, the macros, the checks and the tests all ask a `Project` for
`sources/`, `docs/chapters/`, `data/` and `mkdocs.yml`, so a copy of the project (a test's,
the benchmark's) is just another root.

A project may also name the areas a build holds (`areas`): `handbook build --offline --area
sussex` sets `HANDBOOK_AREAS=sussex` while it builds, and every part that loads the model
through `Project.of_config` (the hooks, the macros, the packs, the checks) sees only those
areas; the others are left out as an area with a broken area.yml is (see `load.py`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CHAPTERS_DIR = "chapters"  # under docs/: chapters/<area>/<chapter-slug>.md
AREAS_ENV = "HANDBOOK_AREAS"  # comma-separated area ids: the areas this build holds (unset: all)


@dataclass(frozen=True)
class Project:
    root: Path
    areas: frozenset[str] | None = None  # the areas this build holds; None: every area

    @classmethod
    def of_config(cls, mkdocs_yml: str | Path) -> Project:
        return cls(Path(mkdocs_yml).resolve().parent, selected_areas())

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def chapters(self) -> Path:
        return self.docs / CHAPTERS_DIR

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @staticmethod
    def page_path(area: str, slug: str) -> str:
        """A chapter's page, relative to docs/: how MkDocs names it (`page.file.src_uri`)."""
        return f"{CHAPTERS_DIR}/{area}/{slug}.md"

    @staticmethod
    def built_page(site: Path, area: str, slug: str, directory_urls: bool = True) -> Path:
        """Where MkDocs writes a chapter's page in a built site."""
        base = Path(site) / CHAPTERS_DIR / area / slug
        return base / "index.html" if directory_urls else base.with_suffix(".html")


def selected_areas() -> frozenset[str] | None:
    """The areas `HANDBOOK_AREAS` names (set by `handbook build --area`), or None for all."""
    value = os.environ.get(AREAS_ENV, "")
    ids = frozenset(a.strip() for a in value.split(",") if a.strip())
    return ids or None
