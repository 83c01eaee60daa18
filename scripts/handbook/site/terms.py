"""Glossary terms on a chapter page: a hover definition on the first use of each term in each
paragraph (`<abbr title>`), and beside an outdated term a short note of ours saying what
replaced it. The partnership's words stay as they are."""

from __future__ import annotations

from markupsafe import Markup

from ..datasets.glossary import Term
from ..refs import find_terms
from .html import edit_paragraphs, rewrite_text
from .page import GLOSSARY_PAGE, PageContext


def hover_text(term: Term) -> str:
    lead = f"{term.term} ({term.expansion})" if term.expansion else term.term
    return f"{lead}: {term.definition}"


def part(page: str, context: PageContext) -> str:
    glossary = context.handbook.data.glossary
    if not glossary.rows:
        return page

    def edit(_id: str, inner: str) -> str:
        seen: set[str] = set()

        def replace(text: str) -> list[tuple[str, bool]]:
            pieces: list[tuple[str, bool]] = []
            at = 0
            for span in find_terms(text, glossary):
                if span.term.id in seen:
                    continue
                seen.add(span.term.id)
                pieces.append((text[at : span.start], False))
                pieces.append((Markup('<abbr class="hb-term" title="{}">{}</abbr>').format(
                    hover_text(span.term), text[span.start : span.end]), True))  # fmt: skip
                if span.term.superseded_by:
                    pieces.append((note(span.term, context), True))
                at = span.end
            return pieces + [(text[at:], False)] if pieces else [(text, False)]

        return rewrite_text(inner, replace)

    return edit_paragraphs(page, edit)


def note(term: Term, context: PageContext) -> Markup:
    superseded = term.superseded_by
    assert superseded is not None
    replacement = context.handbook.data.glossary.get(superseded.term)
    href = context.link(GLOSSARY_PAGE, replacement.anchor if replacement else term.anchor)
    return Markup(
        ' <span class="hb-ours hb-term-note" data-search-exclude>[handbook note: {}'
        '{}]</span>'
    ).format(superseded.note, Markup(' <a href="{}">see glossary</a>').format(href) if href else "")
