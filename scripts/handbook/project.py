"""Where a handbook's parts live: one value instead of paths spelled in every module.

The CLI, the site hooks, the macros, the checks and the tests all ask a `Project` for
`sources/`, `docs/chapters/`, `data/` and `mkdocs.yml`, so a copy of the project (a test's,
the benchmark's) is just another root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CHAPTERS_DIR = "chapters"  # under docs/: chapters/<area>/<chapter-slug>.md


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def of_config(cls, mkdocs_yml: str | Path) -> Project:
        return cls(Path(mkdocs_yml).resolve().parent)

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
