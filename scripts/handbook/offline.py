"""The offline bundle: `handbook build --offline` writes `site-offline/` and zips it into
`dist/handbook-offline.zip`, for laptops with no connection (open `index.html` from disk).

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
from pathlib import Path


OFFLINE_PLUGIN = "material/offline"


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
