"""No public page of the site built from the content shows what only the team should see:
fact-ledger ids, the team's notes, commands or file names. Checked on our words only (what we
add to chapter pages, and our own pages less the partnerships' words they quote), so whatever
a chapter says, this holds."""

import re

from handbook.fidelity import html_text

# What only the team should see: fact-ledger ids, the team's notes, commands and file names.
SCAFFOLDING = re.compile(
    r"\bF\d{1,3}[a-z]?\b|team's reference|reference facts|handbook (?:check|build|ingest|pack)\b|\bREADME\b"
    r"|\b[\w-]+\.(?:yml|py|j2)\b|capture the page again|shingle"
)


def ours(html: str) -> str:
    """The text of every element of ours on a page (notes, boxes, cautions, banners)."""
    return " ".join(m[1] for m in re.findall(r'<(aside|div|p|span)[^>]*class="[^"]*hb-ours[^"]*"[^>]*>(.*?)</\1>', html, re.S))


def test_no_public_page_shows_the_teams_scaffolding(content_site):
    """Checked on our words only: on chapter pages what we add, on our own pages their text less
    the partnerships' words they quote (quotations, shared text), whatever the chapters say."""

    for path in sorted(content_site.rglob("*.html")):
        rel = path.relative_to(content_site).as_posix()
        if "assets" in path.parts:
            continue
        html = path.read_text("utf-8")
        text = ours(html)
        if not rel.startswith("chapters/") and "shared-text" not in rel:
            text += " " + html_text(re.sub(r"<blockquote.*?</blockquote>", " ", html, flags=re.S), root_class="md-content__inner")
        found = SCAFFOLDING.findall(re.sub(r"<[^>]+>", " ", text))
        assert found == [], (rel, found[:5])
