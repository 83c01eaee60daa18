"""Every internal link and anchor in the built site resolves: the links MkDocs validates, and
the ones it cannot see (those the hooks and macros write as HTML: law links, glossary links,
the laws box, cautions, feed and search pages)."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostic, Level
from . import Context, check

_HREF = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]*)"', re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]+)"')
# Material's own furniture links to these; they are not pages of ours.
_IGNORED_PREFIXES = ("#__", "assets/", "search/")


class _Site:
    """The built site's files and folders as relative paths, so that resolving a link is string
    work (a thousand chapter pages hold a quarter of a million links, mostly the navigation's)."""

    def __init__(self, root: Path):
        self.root = root
        self.files: set[str] = set()
        self.folders: set[str] = {""}
        for path in root.rglob("*"):
            (self.folders if path.is_dir() else self.files).add(path.relative_to(root).as_posix())
        self._ids: dict[str, set[str]] = {}

    def target(self, page: str, href: str) -> tuple[str | None, str] | None:
        """(file, anchor) an internal href names (file None: outside the site, or no such page),
        or None for an outside or special link."""
        parts = urlsplit(html.unescape(href))
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:", "javascript:")):
            return None
        if not parts.path:
            return page, unquote(parts.fragment)
        base = "" if parts.path.startswith("/") else posixpath.dirname(page)  # 404.html links from the root
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        target = "" if target == "." else target
        if target == ".." or target.startswith("../"):
            return None, unquote(parts.fragment)
        if parts.path.endswith("/") or target in self.folders:
            target = posixpath.join(target, "index.html") if target else "index.html"
        return (target if target in self.files else None), unquote(parts.fragment)

    def anchors(self, path: str) -> set[str]:
        if path not in self._ids:
            self._ids[path] = set(_ID.findall((self.root / path).read_text("utf-8"))) if path.endswith(".html") else set()
        return self._ids[path]


@check("links", needs_site=True)
def internal_links(context: Context) -> list[Diagnostic]:
    site = _Site(Path(context.site).resolve())
    found = []
    for shown in sorted(f for f in site.files if f.endswith(".html")):
        text = (site.root / shown).read_text("utf-8")
        for href in sorted(set(_HREF.findall(text))):
            if any(href.startswith(p) for p in _IGNORED_PREFIXES):
                continue
            resolved = site.target(shown, href)
            if resolved is None:
                continue
            target, anchor = resolved
            if target is None:
                found.append(Diagnostic(f"site/{shown}", None, Level.ERROR, f"link {href!r} points to a page the site does not have",
                                        "fix the link, or the macro or hook that made it"))  # fmt: skip
            elif anchor and anchor not in site.anchors(target) and not anchor.startswith("__"):
                found.append(Diagnostic(f"site/{shown}", None, Level.ERROR,
                                        f"link {href!r} points to #{anchor}, which {target} does not have",
                                        "an id changed: re-cite the paragraph or fix the data that names it"))  # fmt: skip
    return found
