"""Small, tested helpers for adding our markup to a built chapter page without touching the
partnership's words: after the title, after a paragraph, and around words inside paragraphs.

The page HTML comes from our own converter and Python-Markdown, so its shape is known: the
title is the first `<h1>`, each citable paragraph is `<div class="hb-para" id="...">`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterator

_PARA_OPEN = re.compile(r'<div class="hb-para[^"]*" id="(?P<id>[^"]+)"[^>]*>')
_DIV = re.compile(r"<(/?)div\b[^>]*>")
_TAG = re.compile(r"(<[^>]+>)")
# Text inside these is never rewritten: links are already links, and code is code.
_SKIP = ("a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6")


def before_title(page: str, fragment: str) -> str:
    start = page.find("<h1")
    at = start if start != -1 else 0
    return page[:at] + fragment + page[at:]


def after_title(page: str, fragment: str) -> str:
    end = page.find("</h1>")
    at = end + len("</h1>") if end != -1 else 0
    return page[:at] + fragment + page[at:]


@dataclass(frozen=True)
class ParagraphSpan:
    id: str
    start: int  # just after the opening <div>
    end: int  # at its closing </div>


def paragraphs(page: str) -> Iterator[ParagraphSpan]:
    for match in _PARA_OPEN.finditer(page):
        depth, at = 1, match.end()
        for div in _DIV.finditer(page, match.end()):
            depth += -1 if div.group(1) else 1
            if depth == 0:
                at = div.start()
                break
        yield ParagraphSpan(match["id"], match.end(), at)


def edit_paragraphs(page: str, edit: Callable[[str, str], str]) -> str:
    """Replace each paragraph's inner HTML with `edit(id, inner)`; the rest stays as it is."""
    out, last = [], 0
    for span in paragraphs(page):
        out += [page[last : span.start], edit(span.id, page[span.start : span.end])]
        last = span.end
    return "".join(out) + page[last:]


def after_paragraph(page: str, fragments: dict[str, str]) -> str:
    """Put `fragments[id]` just after the paragraph with that id (inside its box, at the end)."""
    return edit_paragraphs(page, lambda pid, inner: inner + fragments[pid] if pid in fragments else inner)


Replacer = Callable[[str], list[tuple[str, bool]]]  # text -> [(piece, is_markup)]


def rewrite_text(fragment: str, replace: Replacer) -> str:
    """Run `replace` over each run of text outside tags (and outside links, code and headings).

    `replace` gets plain text and returns pieces: text pieces are escaped again, markup pieces
    (ours, built from escaped data) are kept. Text that `replace` returns unchanged comes out
    exactly as it went in.
    """
    out: list[str] = []
    skipping: list[str] = []
    for piece in _TAG.split(fragment):
        if not piece:
            continue
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if tag in _SKIP and not piece.endswith("/>"):
                if piece.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                else:
                    skipping.append(tag)
            out.append(piece)
        elif skipping:
            out.append(piece)
        else:
            pieces = replace(html.unescape(piece))
            if len(pieces) == 1 and not pieces[0][1]:
                out.append(piece)  # unchanged: keep the original entities
            else:
                out.extend(p if markup else html.escape(p, quote=False) for p, markup in pieces)
    return "".join(out)
