"""A chapter page's additions, in order: each part is one small function over the model that
returns the page with its markup added (or unchanged when it does not apply).

A new thing on a chapter page is one module, one template and one line in `PARTS`. Every
part's markup is ours and carries `hb-ours` (or wraps the partnership's words without adding
any), so the no-words-lost check tells ours from theirs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from typing import Callable

from jinja2 import Environment, PackageLoader, select_autoescape

from ..ingest.model import Chapter
from ..model import Handbook

# Pages of the handbook's own that chapter pages link to, by their docs path.
GLOSSARY_PAGE = "glossary.md"
OFFENCES_PAGE = "offences.md"


@dataclass(frozen=True)
class PageContext:
    chapter: Chapter
    handbook: Handbook
    page_url: str  # the page's own URL, as MkDocs gives it ("chapters/sussex/x/")
    urls: Callable[[str], str | None]  # docs path -> site URL, or None when there is no such page

    def link(self, doc_path: str, anchor: str | None = None) -> str | None:
        """A relative link from this page to another page of the site (and an anchor on it)."""
        target = self.urls(doc_path)
        if target is None:
            return None
        here = self.page_url if self.page_url.endswith("/") else posixpath.dirname(self.page_url)
        relative = posixpath.relpath(target or ".", here.rstrip("/") or ".")
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative + (f"#{anchor}" if anchor else "")


Part = Callable[[str, PageContext], str]


@cache
def templates() -> Environment:
    return Environment(
        loader=PackageLoader("handbook.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=False,
    )


def render(template: str, **values) -> str:
    return templates().get_template(template).render(**values)


def parts() -> tuple[Part, ...]:
    from . import cautions, currency, editions, header, laws, missing, related, sections, terms

    # The header box goes just after the title, then the currency banner just after the title
    # (so above the box), then the area above the title.
    return (header.part, currency.part, header.area_part, sections.part, laws.in_text, terms.part, related.part,
            missing.part, cautions.part, editions.part, laws.box, header.credit_part)  # fmt: skip


def decorate(page: str, context: PageContext) -> str:
    for part in parts():
        page = part(page, context)
    return page
