"""Areas: one folder under `sources/` per procedures manual, described by its `area.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import datafiles
from .diagnostics import Report, display_path

# An area's folder name is its id: it appears in URLs and paragraph citations.
AREA_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    manual: str
    site: str | None
    region: str | None
    copyright_holder: str
    copyright_terms: str | None
    notes: str | None = None

    @property
    def order(self) -> tuple[str, str]:
        """The handbook's one order of areas, on every page and in the navigation: by name."""
        return (self.name.casefold(), self.id)


def load_area(folder: Path, report: Report) -> Area | None:
    """Read `folder/area.yml`; None (with errors in `report`) when it is missing or invalid."""
    folder = Path(folder)
    if not AREA_ID.match(folder.name):
        report.error(
            None,
            f"area folder name {folder.name!r} is not a valid area id",
            "use lower-case letters, digits and hyphens, e.g. 'milton-keynes'",
        )
        return None
    path = folder / "area.yml"
    if not path.is_file():
        report.error(
            None,
            f"no area.yml in {display_path(folder)}: its chapters cannot be credited",
            "create area.yml with name, manual, site, region and copyright (see README 'Adding an area')",
        )
        return None
    area_report = Report(display_path(path))
    data = datafiles.load(path, "area", area_report)
    report.items.extend(area_report.items)
    if data is None:
        return None
    return Area(
        id=folder.name,
        name=data["name"],
        manual=data["manual"],
        site=data["site"],
        region=data["region"],
        copyright_holder=data["copyright"]["holder"],
        copyright_terms=data["copyright"]["terms"],
        notes=data.get("notes"),
    )
