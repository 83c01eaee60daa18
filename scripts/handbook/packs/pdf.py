"""Render a pack's HTML to PDF with WeasyPrint and the pack's print CSS.

Tagged (PDF/UA-1 as WeasyPrint writes it: structure tree, language, title shown), so a screen
reader can follow it. The PDF is written beside its target and renamed only when complete:
bad input fails before anything is written, and a failure while rendering leaves no partial
PDF and the previous one, if any, in place.
"""

from __future__ import annotations

import datetime as dt
import logging
from importlib.resources import files
from pathlib import Path

from ..model import Handbook
from .html import pack_html
from .select import Selection


def render_pdf(html: str, out: Path) -> Path:
    from weasyprint import CSS, HTML  # imported late: it loads Pango, which only packs need

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        css = CSS(string=files("handbook.packs").joinpath("pack.css").read_text("utf-8"))
        HTML(string=html, base_url=str(out.parent)).write_pdf(partial, stylesheets=[css], pdf_variant="pdf/ua-1")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return out


def make_pack(handbook: Handbook, selection: Selection, out: Path, made: dt.date | None = None) -> Path:
    return render_pdf(pack_html(handbook, selection, made or dt.date.today()), out)
