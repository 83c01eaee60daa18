"""Every pack of `data/packs.yml` into a built site, as `training-packs/<id>.pdf` (the Training
packs page links them). A pack that names an unknown chapter is reported with its line and
left out; the others are still made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Handbook
from .pdf import make_pack
from .select import PackError, by_pack

PACKS_DIR = "training-packs"


def build_packs(handbook: Handbook, site_dir: Path, made: dt.date) -> list[str]:
    errors = []
    for pack in handbook.data.packs.rows:
        try:
            selection = by_pack(handbook, pack.id)
        except PackError as exc:
            errors.append(f"{exc}: the pack was not made")
            continue
        make_pack(handbook, selection, Path(site_dir) / PACKS_DIR / pack.file_name, made)
    return errors
