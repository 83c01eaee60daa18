"""Every internal link and anchor in the built site resolves: the links MkDocs validates, and
the ones it cannot see (those the hooks and macros write as HTML: law links, glossary links,
the laws box, cautions, feed and search pages)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostic, Level
from . import Context, check

_HREF = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]*)"', re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]+)"')
# Material's own furniture links to these; they are not pages of ours.
_IGNORED_PREFIXES = ("#__", "assets/", "search/")


def _target(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file and anchor an internal href names, or None for an outside or special link."""
    parts = urlsplit(html.unescape(href))
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = site if parts.path.startswith("/") else page.parent  # 404.html links from the root
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


@check("links", needs_site=True)
def internal_links(context: Context) -> list[Diagnostic]:
    site = Path(context.site).resolve()
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(_ID.findall(path.read_text("utf-8"))) if path.suffix == ".html" else set()
        return ids[path]

    found = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8")
        shown = page.relative_to(site).as_posix()
        for href in sorted(set(_HREF.findall(text))):
            if any(href.startswith(p) for p in _IGNORED_PREFIXES):
                continue
            resolved = _target(page, href, site)
            if resolved is None:
                continue
            target, anchor = resolved
            if not target.is_file() or site not in target.parents:
                found.append(Diagnostic(f"site/{shown}", None, Level.ERROR, f"link {href!r} points to a page the site does not have",
                                        "fix the link, or the macro or hook that made it"))  # fmt: skip
            elif anchor and anchor not in anchors(target) and not anchor.startswith("__"):
                found.append(Diagnostic(f"site/{shown}", None, Level.ERROR,
                                        f"link {href!r} points to #{anchor}, which {target.relative_to(site).as_posix()} does not have",
                                        "an id changed: re-cite the paragraph or fix the data that names it"))  # fmt: skip
    return found
