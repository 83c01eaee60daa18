"""What every macro gets: the handbook model and the page that asks, plus the shared helpers
(relative links through ids, escaping, templates). Macro modules compute rows; templates lay
them out."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from handbook.ingest.write import escape_text
from handbook.model import Handbook
from handbook.project import Project


@dataclass(frozen=True)
class Link:
    """A link ready for a Markdown template: escaped label, relative target."""

    label: str
    href: str


class MacroInputError(ValueError):
    """A page called a macro with an argument that names nothing (an unknown area, term, Act)."""


@dataclass(frozen=True)
class MacroContext:
    handbook: Handbook
    page: str  # the asking page, docs-relative ("chapters/sussex/index.md")

    def link(self, to_page: str, anchor: str | None = None) -> str:
        """Relative Markdown/HTML link from the asking page to another docs page (by its path)."""
        return relative_link(self.page, to_page) + (f"#{anchor}" if anchor else "")

    @property
    def in_this_copy(self) -> str:
        """How pages name the chapters they draw on: all of the handbook's, or in a bundle
        (`handbook build --offline --area`) only those of the areas it holds."""
        return "this copy's areas" if self.handbook.left_out_areas else "the handbook"

    def chapter_page(self, chapter_id: str) -> str:
        area, slug = chapter_id.split("/", 1)
        return Project.page_path(area, slug)


def relative_link(from_page: str, to_page: str) -> str:
    """Relative link target from one docs-relative page to another: MkDocs turns `.md` links
    into the right URL both online and in the offline build."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def cell(text: str | None) -> str:
    return escape_text(text, block_start=False) if text else "—"


def known(kind: str, value: str, valid: list[str]) -> None:
    if value not in valid:
        raise MacroInputError(f"unknown {kind} {value!r}; known: {', '.join(sorted(valid)) or 'none'}")


def attr(text: str) -> str:
    """Text for an HTML attribute value (a hover title): Markdown leaves inline HTML alone."""
    return html.escape(text, quote=True)


_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,  # the output is Markdown; rows hold values escaped by `cell` or `attr`
)


def render(template: str, **values) -> str:
    return _templates.get_template(template).render(**values).strip() + "\n"
