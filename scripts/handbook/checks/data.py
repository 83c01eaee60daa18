"""The data files and every area.yml load cleanly: what loading the handbook model found."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import Context, check


@check("data")
def loading(context: Context) -> list[Diagnostic]:
    return list(context.handbook.problems)
