"""The links check: every internal link and anchor in the built site resolves, including those
that hooks and macros write as HTML, which MkDocs does not validate."""

import shutil

from handbook.checks import Context, run_checks
from handbook.load import load_handbook
from handbook.project import Project

from conftest import fixture_template

SUSSEX = "chapters/sussex/information-communication-technology/index.html"


def links(site):
    handbook = load_handbook(Project(fixture_template()))  # the fixture handbook, which built_site is
    return [str(d) for d in run_checks(Context(handbook, site), ["links"])["links"]]


def test_links_pass_on_the_fixture_site(built_site):
    assert links(built_site) == []


def test_links_catch_an_anchor_that_disappeared(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / SUSSEX
    html = page.read_text("utf-8")
    assert 'id="para-43.2.12"' in html
    page.write_text(html.replace('id="para-43.2.12"', 'id="para-gone"'), "utf-8")
    found = links(site)
    assert f"site/{SUSSEX}: error[links]: link '#para-43.2.12' points to #para-43.2.12, which {SUSSEX} does not have" in "\n".join(found)


def test_links_catch_a_page_that_disappeared(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "glossary")
    found = links(site)
    assert any("error[links]: link '../../../glossary/#term-" in m and "a page the site does not have" in m for m in found), found[:3]


def test_links_catch_a_link_out_of_the_site_and_accept_root_and_folder_links(built_site, tmp_path):
    """Links are resolved as strings against the site's files: one climbing out of the site is
    an error like a missing page; a folder link means its index.html."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / SUSSEX
    html = page.read_text("utf-8").replace(
        "</article>", '<a href="../../../../outside.html">x</a><a href="../../../glossary/">g</a><a href="/">r</a></article>', 1
    )
    page.write_text(html, "utf-8")
    found = links(site)
    assert [m for m in found if "outside.html" in m and "a page the site does not have" in m]
    assert not [m for m in found if "'../../../glossary/'" in m or "'/'" in m]
