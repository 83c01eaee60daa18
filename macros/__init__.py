"""Macros for the handbook's own pages (never for chapters: they do not opt in).

`define_env` only registers; the rows come from `handbook.site.catalog` via `macros.tables`,
and the markup from the small templates in `macros/templates/`.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from . import tables

log = logging.getLogger("mkdocs.plugins.handbook.macros")


def _reported(macro):
    """A macro given a bad argument (an unknown area) warns, naming the page, instead of
    raising: the strict build then fails with that one clear line, not a traceback."""

    @functools.wraps(macro)
    def wrapper(*args, **kwargs):
        try:
            return macro(*args, **kwargs)
        except tables.UnknownArea as exc:
            log.warning(f"{exc} (run `handbook ingest` after fixing sources/)")
            return f"*{exc}*"

    return wrapper


def define_env(env):
    root = Path(env.conf["config_file_path"]).parent
    source = tables.TableSource(Path(env.conf["docs_dir"]), root / "sources")

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    @_reported
    def area_table() -> str:
        """Every area with its manual, site and number of chapters."""
        return tables.render("area_table.md.j2", rows=source.area_rows(current_page()))

    @env.macro
    @_reported
    def area_summary(area: str) -> str:
        """One area's manual, site, region and copyright holder."""
        return tables.render("area_summary.md.j2", area=source.area_summary(current_page(), area))

    @env.macro
    @_reported
    def chapter_table(area: str | None = None) -> str:
        """Chapters (of one area, or all) with number, last updated and next review."""
        return tables.render(
            "chapter_table.md.j2", rows=source.chapter_rows(current_page(), area), with_area=area is None
        )
