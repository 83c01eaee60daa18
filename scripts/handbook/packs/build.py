"""Every pack of `data/packs.yml` into a built site, as `training-packs/<id>.pdf` (the Training
packs page links them). A pack that names an unknown chapter is reported with its line and
left out; the others are still made. A bundle makes each pack with its own areas' chapters only,
and skips a pack that has none (see `select.in_this_copy`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Handbook
from .pdf import make_pack
from .select import PackError, PackLeftOut, by_pack

PACKS_DIR = "training-packs"


def build_packs(handbook: Handbook, site_dir: Path, made: dt.date) -> list[str]:
    errors = []
    for pack in handbook.data.packs.rows:
        try:
            selection = by_pack(handbook, pack.id)
        except PackLeftOut:
            continue  # a bundle without any of its chapters: the Training packs page says so
        except PackError as exc:
            errors.append(f"{exc}: the pack was not made")
            continue
        make_pack(handbook, selection, Path(site_dir) / PACKS_DIR / pack.file_name, made)
    return errors


def packs_into(config: Path, site_dir: Path) -> list[str]:
    """`build_packs` for the project of `config`: what `handbook build` and `handbook check` add
    to a freshly built site (MkDocs alone does not make the PDFs)."""
    from ..load import cached_handbook
    from ..offline import build_date
    from ..project import Project

    return build_packs(cached_handbook(Project.of_config(config)), site_dir, build_date())
