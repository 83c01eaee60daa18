"""Glossary terms on a chapter page: a definition on the first use of each term in each
paragraph (`<abbr title>`, and for keyboard and touch a tooltip from handbook.js on the page's
first use, which is also a Tab stop), and for an outdated term a note of ours after the
paragraph where the page first uses it, saying what replaced it. The partnership's sentence is
never interrupted: the term is marked in the text (`aria-describedby` points at the note) and
the note follows the paragraph, once per page."""

from __future__ import annotations

from markupsafe import Markup

from ..datasets.glossary import Term
from ..refs import find_terms
from .html import edit_paragraphs, rewrite_text
from .page import GLOSSARY_PAGE, PageContext


def hover_text(term: Term) -> str:
    lead = f"{term.term} ({term.expansion})" if term.expansion else term.term
    return f"{lead}: {term.definition}"


def note_id(term: Term) -> str:
    return f"hb-note-{term.id}"


def part(page: str, context: PageContext) -> str:
    glossary = context.handbook.data.glossary
    if not glossary.rows:
        return page
    on_page: set[str] = set()  # terms already defined (focusable, noted) earlier on the page

    def edit(_id: str, inner: str) -> str:
        seen: set[str] = set()
        notes: list[Markup] = []

        def replace(text: str) -> list[tuple[str, bool]]:
            pieces: list[tuple[str, bool]] = []
            at = 0
            for span in find_terms(text, glossary):
                if span.term.id in seen:
                    continue
                seen.add(span.term.id)
                first = span.term.id not in on_page
                on_page.add(span.term.id)
                noted = first and span.term.superseded_by is not None
                pieces.append((text[at : span.start], False))
                pieces.append((Markup('<abbr class="hb-term{}" title="{}"{}{}>{}</abbr>').format(
                    " hb-term--noted" if noted else "", hover_text(span.term),
                    Markup(' tabindex="0"') if first else "",
                    Markup(' aria-describedby="{}"').format(note_id(span.term)) if noted else "",
                    text[span.start : span.end]), True))  # fmt: skip
                if noted:
                    notes.append(note(span.term, context))
                at = span.end
            return pieces + [(text[at:], False)] if pieces else [(text, False)]

        return rewrite_text(inner, replace) + "".join(notes)

    return edit_paragraphs(page, edit)


def note(term: Term, context: PageContext) -> Markup:
    superseded = term.superseded_by
    assert superseded is not None
    replacement = context.handbook.data.glossary.get(superseded.term)
    href = context.link(GLOSSARY_PAGE, replacement.anchor if replacement else term.anchor)
    text = superseded.note.rstrip(".") + "."
    return Markup(
        '<aside class="hb-ours hb-term-note" id="{}" data-search-exclude aria-label="Handbook note on {}">'
        "<p><strong>Handbook note:</strong> {}{}</p></aside>"
    ).format(note_id(term), term.term, text, Markup(' <a href="{}">See the glossary.</a>').format(href) if href else "")
