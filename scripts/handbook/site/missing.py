"""Text the copy lost, said on the page: a lead-in ending with ':' whose list the copied page
did not hold, and a box whose label survived without its entries. The converter reports both
to the author (`handbook ingest`); the reader is told here, in our words, beside the place."""

from __future__ import annotations

import re

from ..ingest.defects import lists_cut_short
from .html import after_paragraph
from .page import PageContext, render

# A box the converter wrote with its label and nothing else (ingest/write.py).
_EMPTY_BOX = re.compile(r'(<div class="hb-box [^"]*">\s*<p class="hb-box-label">[^<]*</p>)(\s*</div>)')


def part(page: str, context: PageContext) -> str:
    fragments = {p.id: render("missing.html", kind="list") for p, _ in lists_cut_short(context.chapter)}
    page = after_paragraph(page, fragments) if fragments else page
    return _EMPTY_BOX.sub(lambda m: m.group(1) + render("missing.html", kind="box") + m.group(2), page)
