"""The data files load cleanly (area.yml problems are the ingest check's: each is reported once)."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from . import Context, check


@check("data")
def loading(context: Context) -> list[Diagnostic]:
    data = context.handbook.project.data.resolve()
    return [d for d in context.handbook.problems if Path(d.path).resolve().is_relative_to(data)]
