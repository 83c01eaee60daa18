"""Build the site strictly, replacing the previous build only when the new one succeeded."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..offline import OFFLINE_PLUGIN


def build_into(config_file: Path, site_dir: Path, offline: bool = False) -> None:
    """Build into `site_dir` (created); raises MkDocsException on any warning. `offline` turns
    on Material's offline plugin (for file://: see handbook/offline.py)."""
    config = load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir))
    if offline:
        config.plugins[OFFLINE_PLUGIN].config["enabled"] = True
    build(config)


def build_site(
    config_file: Path,
    site_dir: Path,
    verify: Callable[[Path], bool] | None = None,
    offline: bool = False,
    after: Callable[[Path], None] | None = None,
) -> int:
    """Build into a temporary folder beside `site_dir`, add `after`'s output (training packs),
    check it with `verify`, then swap it in. Returns an exit status; on any failure the previous
    site is kept."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building.", dir=site_dir.parent))
    try:
        build_into(config_file, staging, offline)
        if after is not None:
            after(staging)  # more output into the new site (training packs), before it is swapped in
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{config_file}: error: the site did not build ({exc}); the previous site is kept", file=sys.stderr)
        return 1
    if verify is not None and not verify(staging):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{config_file}: error: the built site failed its checks; the previous site is kept", file=sys.stderr)
        return 1
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return 0
