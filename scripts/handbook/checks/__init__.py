"""`handbook check` as a list of checks: one small module each, `check(context) -> diagnostics`.

A new kind of reference is one new module with `@check("name")` and its tests, plus its name
in the import list at the bottom. Every check reads the loaded handbook model (and the built
site, when it says it needs one) and returns Diagnostics naming file, line and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ..diagnostics import Diagnostic
from ..ingest import IngestResult
from ..model import Handbook


@dataclass(frozen=True)
class Context:
    handbook: Handbook
    site: Path | None = None  # the built site, for checks that need one
    ingest: IngestResult | None = None  # `handbook ingest --check` run, for checks of the conversion
    directory_urls: bool = True  # how the site names its pages (mkdocs.yml use_directory_urls)


Check = Callable[[Context], Iterable[Diagnostic]]
CHECKS: dict[str, tuple[Check, bool]] = {}  # name -> (function, needs the built site)
NEEDS_INGEST = {"ingest", "fidelity"}  # checks that read the conversion itself


def check(name: str, *, needs_site: bool = False) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = (function, needs_site)
        return function

    return register


def run_checks(context: Context, only: Iterable[str] = ()) -> dict[str, list[Diagnostic]]:
    """Every registered check (or those named), each problem labelled with its check."""
    selected = list(only) or list(CHECKS)
    unknown = [n for n in selected if n not in CHECKS]
    if unknown:
        raise ValueError(f"unknown check {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    found: dict[str, list[Diagnostic]] = {}
    for name in selected:
        function, needs_site = CHECKS[name]
        if needs_site and context.site is None or name in NEEDS_INGEST and context.ingest is None:
            continue
        found[name] = [replace(d, check=name) for d in function(context)]
    return found


# The checks, in the order they report (explicit, so a reader sees them all here).
from . import data, ingest, fidelity, links, dates, sections, related, statutes, glossary, citations, topics, amendments, currency  # noqa: E402,F401,I001
