"""The curated data sets under `data/`: one YAML file and one JSON schema each, typed on load.

    data/glossary.yml  -> glossary.Glossary   terms, synonyms, local variants, superseded terms
    data/statutes.yml  -> statutes.Statutes   the Acts chapters cite, with known slips
    data/offences.yml  -> offences.Offences   one row per offence, every fact with its status
    data/cautions.yml  -> cautions.Cautions   our notes beside paragraphs that state the law wrongly
    data/packs.yml     -> packs.Packs         the training packs built into the site (PDF)
    data/topics.yml    -> topics.Topics       cross-area comparisons: quotations and our summaries
    data/elsewhere.yml -> elsewhere.ElsewhereChapters  related chapters the handbook does not hold
    data/editions.yml  -> editions.Editions   guidance chapters cite, its editions and replacements

A missing file is an empty data set (a project copy in a test may have none); a broken one is
reported with every problem at once, each with its line, and the site does not build on it.
References between the files (an offence's statute, a superseding term) are checked here too,
because a row that points nowhere cannot be rendered; references into chapters (a caution's
paragraph, a topic's quotation) are checked by `handbook check` (`checks/citations.py`,
`checks/topics.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import datafiles
from ..diagnostics import Report, display_path
from .cautions import Cautions
from .editions import Editions
from .elsewhere import ElsewhereChapters
from .glossary import Glossary
from .offences import Offences
from .packs import Packs
from .statutes import Statutes
from .topics import Topics


@dataclass(frozen=True)
class DataSets:
    glossary: Glossary = field(default_factory=Glossary)
    statutes: Statutes = field(default_factory=Statutes)
    offences: Offences = field(default_factory=Offences)
    cautions: Cautions = field(default_factory=Cautions)
    packs: Packs = field(default_factory=Packs)
    elsewhere: ElsewhereChapters = field(default_factory=ElsewhereChapters)
    topics: Topics = field(default_factory=Topics)
    editions: Editions = field(default_factory=Editions)


# name -> its typed table (which reads a valid document with `from_document`)
DATASETS = {
    "glossary": Glossary,
    "statutes": Statutes,
    "offences": Offences,
    "cautions": Cautions,
    "packs": Packs,
    "elsewhere": ElsewhereChapters,
    "topics": Topics,
    "editions": Editions,
}


def load_data(data_dir: Path) -> tuple[DataSets, list[Report]]:
    reports: list[Report] = []
    tables = {}
    for name, table in DATASETS.items():
        path = Path(data_dir) / f"{name}.yml"
        report = Report(display_path(path))
        reports.append(report)
        # Authors write dates unquoted (checked: 2026-12-04): they stay text, as the schemas want.
        loaded = datafiles.load_document(path, name, report, dates_as_text=True) if path.is_file() else None
        tables[name] = table.from_document(loaded, report) if loaded is not None else table()
    data = DataSets(**tables)
    _cross_references(data, reports[list(DATASETS).index("offences")])
    return data, reports


def _cross_references(data: DataSets, offences_report: Report) -> None:
    for offence in data.offences.rows:
        if data.statutes.get(offence.statute) is None:
            offences_report.error(
                offence.line,
                f"offence {offence.id!r} names statute {offence.statute!r}, which is not in data/statutes.yml",
                f"add it to data/statutes.yml or use one of: {', '.join(s.id for s in data.statutes.rows)}",
            )
