"""Legal currency: the law changes every year, and nothing in a fact notices by itself. Every
legal fact (offences, statutes, glossary terms, cautions, guidance editions) records the day it
was last `checked` against its source; a fact checked more than 12 months before the build date
is a warning, and so is one whose `source` rests on a guidance edition `data/editions.yml` marks
as replaced without naming the edition that replaced it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator

from ..datasets import DataSets
from ..diagnostics import Diagnostic, Level, display_path
from ..refs import find_editions
from ..datasets.offences import FACT_FIELDS
from ..review import add_months, today
from ..site.header import display_date
from . import Context, check

STALE_AFTER_MONTHS = 12


@dataclass(frozen=True)
class CheckedFact:
    """One dated fact of the data, wherever it lives, in the terms a message needs."""

    file: str  # data file name: "offences.yml"
    line: int | None
    label: str  # "offence soa-2003-s15, max_summary"
    checked: str
    source: str
    about_editions: bool = False  # an edition's own source names that edition: never "resting on" it


def dated_facts(data: DataSets) -> Iterator[CheckedFact]:
    for offence in data.offences.rows:
        for name in FACT_FIELDS:
            fact = getattr(offence, name)
            yield CheckedFact("offences.yml", fact.line or offence.line, f"offence {offence.id}, {name}", fact.checked, fact.source)
    for statute in data.statutes.rows:
        yield CheckedFact("statutes.yml", statute.line, f"statute {statute.id} ({statute.title})", statute.checked, statute.source)
    for term in data.glossary.rows:
        yield CheckedFact("glossary.yml", term.line, f"glossary term {term.id} ({term.term})", term.checked, term.source)
    for caution in data.cautions.rows:
        yield CheckedFact("cautions.yml", caution.line, f"caution {caution.id}", caution.checked, caution.source)
    for document in data.editions.rows:
        for edition in document.editions:
            label = f"edition {document.id} {edition.edition}"
            yield CheckedFact("editions.yml", edition.line, label, edition.checked, edition.source, about_editions=True)


@check("currency")
def legal_currency(context: Context) -> list[Diagnostic]:
    data = context.handbook.data
    build_day = today()
    limit = add_months(build_day, -STALE_AFTER_MONTHS)
    found = []
    for fact in dated_facts(data):
        path = display_path(context.handbook.project.data / fact.file)
        if date.fromisoformat(fact.checked) < limit:
            found.append(Diagnostic(
                path, fact.line, Level.WARNING,
                f"{fact.label} was last checked on {display_date(fact.checked)}, more than {STALE_AFTER_MONTHS} months "
                f"before the build date ({display_date(build_day.isoformat())})",
                "check it against its source again, then update `checked:`, and `status` and `source` if the law changed",
            ))  # fmt: skip
        if fact.about_editions:
            continue
        spans = find_editions(fact.source, data.editions)
        named = {(s.document.id, s.year) for s in spans}
        for span in spans:
            newer = span.replaced_by
            if newer is None or (newer.document, newer.edition) in named:
                continue
            document = data.editions.get(newer.document)
            found.append(Diagnostic(
                path, fact.line, Level.WARNING,
                f"{fact.label} rests on {span.document.title}{f' {span.year}' if span.year else ''}, which "
                f"{document.title} {newer.edition} replaced (data/editions.yml)",
                f"check the fact against the {newer.edition} edition and name it in `source` "
                f"(or say there that it is not yet read)",
            ))  # fmt: skip
    return found
