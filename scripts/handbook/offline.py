"""The offline bundle: `handbook build --offline` writes `site-offline/` and zips it into
`dist/handbook-offline.zip`, for laptops with no connection (open `index.html` from disk).

`handbook build --offline --area sussex [--area london ...]` makes a bundle of those areas only:
`site-offline-london+sussex/` and `dist/handbook-offline-london+sussex.zip` (ids sorted, joined
with `+`). The build runs with `HANDBOOK_AREAS` set (project.py), so the model, and everything
drawn from it, holds only those areas.

The site is built with Material's offline plugin (file:// links, the search index as a script)
and the iframe-worker shim shipped inside it (`vendor.py`). The zip is reproducible: the same
content gives the same bytes (entries sorted, one timestamp, fixed permissions), so a rebuild
that changed nothing is visibly nothing. The build date, shown on the home page, is today's, or
`SOURCE_DATE_EPOCH`'s when set (the reproducible-builds convention).
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .areas import load_area
from .diagnostics import Report
from .project import AREAS_ENV


OFFLINE_PLUGIN = "material/offline"
SITE_DIR = Path("site-offline")
ZIP_FILE = Path("dist/handbook-offline.zip")


class UnknownArea(ValueError):
    """`--area` names no usable area: the message lists the valid ids."""


def bundle_areas(sources: Path, wanted: list[str]) -> tuple[str, ...]:
    """The area ids a bundle holds (sorted, once each), or UnknownArea naming the valid ones.
    Only reads the area.yml files: nothing is written."""
    sources = Path(sources)
    folders = sorted(p for p in sources.iterdir() if p.is_dir() and not p.name.startswith(".")) if sources.is_dir() else []
    valid = [f.name for f in folders if load_area(f, Report(str(f))) is not None]
    broken = {f.name for f in folders} - set(valid)
    chosen = tuple(sorted(dict.fromkeys(wanted)))
    unknown = [f"{a!r} has an area.yml that cannot be used (`handbook ingest` says why)" if a in broken
               else f"{a!r} is not an area" for a in chosen if a not in valid]  # fmt: skip
    if unknown:
        raise UnknownArea(f"--area {'; '.join(unknown)}; the areas are: "
                          f"{', '.join(valid) or f'none (no area folders in {sources})'}")  # fmt: skip
    return chosen


def bundle_paths(areas: tuple[str, ...]) -> tuple[Path, Path]:
    """The default site folder and zip of a bundle: `site-offline-<ids>/`, `dist/handbook-offline-<ids>.zip`."""
    if not areas:
        return SITE_DIR, ZIP_FILE
    name = "+".join(areas)
    return Path(f"{SITE_DIR}-{name}"), ZIP_FILE.with_name(f"{ZIP_FILE.stem}-{name}.zip")


@contextmanager
def holding(areas: tuple[str, ...]) -> Iterator[None]:
    """While building: `HANDBOOK_AREAS` names a bundle's areas, or is unset for the whole
    handbook (so only `--area` ever selects); restored afterwards."""
    before = os.environ.get(AREAS_ENV)
    if areas:
        os.environ[AREAS_ENV] = ",".join(areas)
    else:
        os.environ.pop(AREAS_ENV, None)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(AREAS_ENV, None)
        else:
            os.environ[AREAS_ENV] = before


def build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def write_zip(folder: Path, zip_path: Path, date: dt.date, prefix: str = "handbook") -> Path:
    """Zip `folder` under `prefix/`, the same bytes for the same files; written beside the
    target and renamed, so a failed run never leaves half a zip."""
    folder, zip_path = Path(folder), Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    partial = zip_path.with_name(f".{zip_path.name}.partial")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine made it
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(zip_path)
    return zip_path
