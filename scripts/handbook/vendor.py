"""Browser code the site ships from the project's npm packages (never fetched at view time).

`package.json` and `package-lock.json` pin them; `scripts/dev.py` installs them with `npm ci`
into `node_modules/`. A project copy (a test's, the benchmark's) may have no `node_modules/` of
its own, so the installed handbook's folder is tried next.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .project import Project

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the checkout the handbook is installed from


@dataclass(frozen=True)
class Vendored:
    package: str
    path: str  # inside the package
    site_path: str  # where the site serves it


# Material's offline plugin adds no CDN address when a polyfill's path names "iframe-worker".
SHIM = Vendored("iframe-worker", "shim/index.js", "assets/javascripts/iframe-worker-shim.js")
# Search ranking (the worker loads it from beside itself; site/search.py also runs it in node).
MINISEARCH = Vendored("minisearch", "dist/umd/index.js", "assets/javascripts/workers/minisearch.js")


def vendored(project: Project, item: Vendored) -> bytes:
    tried = []
    for root in dict.fromkeys((project.root, _PACKAGE_ROOT)):
        path = root / "node_modules" / item.package / item.path
        if path.is_file():
            return path.read_bytes()
        tried.append(str(path))
    raise FileNotFoundError(
        f"package.json: the npm package {item.package!r} is not installed (looked for {', '.join(tried)}): "
        "run `python3 scripts/dev.py test` (or `npm ci`) to install it"
    )
