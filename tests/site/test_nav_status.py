"""A chapter the page says is under review is marked so in words in the navigation, not by an
unexplained icon (#20): Material draws an icon for a page's front-matter `status`, which in a
chapter is the partnership's statement. Built with a real page that says "This chapter is
currently under review." (Doncaster)."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, copy_project
from handbook.site.build import build_into

DONCASTER = FIXTURES / "other-areas" / "doncaster"
PAGE = "chapters/doncaster/responding-to-allegations-against-staff-carers-or-volunteers/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("status") / "project")
    shutil.copytree(DONCASTER, root / "sources" / "doncaster")
    from conftest import ingest_project

    assert ingest_project(root).ok
    build_into(root / "mkdocs.yml", root / "site")
    return root / "site"


def test_under_review_is_said_in_words_beside_the_chapter_in_the_navigation(site):
    html = (site / PAGE).read_text("utf-8")
    assert "md-status" not in html  # no icon standing alone
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    link = nav[nav.index("Responding to Allegations Against Staff"):][:400]
    assert "<small>Under review</small>" in link
    assert "under review" in html  # the header box says it too, as before


def test_no_page_of_the_site_shows_a_status_icon(site):
    assert not [p for p in site.rglob("*.html") if "md-status" in p.read_text("utf-8")]
