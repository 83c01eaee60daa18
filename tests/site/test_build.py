"""The site built from the fixture handbook: strict, anchored, credited, local-only (what holds
on the real site: tests/content/test_content_site.py)."""

from __future__ import annotations

import re

import pytest

CHAPTER_PAGES = {
    "sussex": "information-communication-technology",
    "milton-keynes": "abusive-images-of-children-and-information-communication-technology-ict",
    "northumberland": "child-abuse-and-information-communication-technology",
    "london": "information-and-communication-technology-ict-based-forms-of-abuse",
    "liverpool": "child-abuse-and-the-internet",
}


def page(site, area, slug=None):
    slug = slug or CHAPTER_PAGES[area]
    return (site / "chapters" / area / slug / "index.html").read_text("utf-8")


@pytest.mark.parametrize("area", CHAPTER_PAGES)
def test_every_chapter_page_built_with_header_and_credit(built_site, area):
    html = page(built_site, area)
    assert 'class="hb-ours hb-chapter-header"' in html
    assert html.index("</h1>") < html.index("hb-chapter-header")
    assert 'class="hb-ours hb-credit"' in html and "© " in html and "Reproduced from" in html


def test_paragraph_anchors_and_permalinks(built_site):
    html = page(built_site, "sussex")
    assert 'id="para-43.2.12"' in html
    assert 'href="#para-43.2.12"' in html  # the visible paragraph number is its permalink
    london = page(built_site, "london")
    assert len(re.findall(r'id="para-\d+\.\d+"', london)) == 35
    liverpool = page(built_site, "liverpool")
    assert len(re.findall(r'id="p-[0-9a-f]{8}(-\d+)?"', liverpool)) >= 15


def test_header_box_shows_dates_and_amendments(built_site):
    html = page(built_site, "sussex")
    assert '<time datetime="2023-11">November 2023</time>' in html
    assert '<time datetime="2026-11">November 2026</time>' in html
    assert '<time datetime="2024-12-21">21 December 2024</time>' in html
    assert 'href="http://sussexchildprotection.procedures.org.uk"' in html
    liverpool = page(built_site, "liverpool")
    assert '<time datetime="2024-09-24">24 September 2024</time>: This chapter was refreshed in September 2024.' in liverpool
    northumberland = page(built_site, "northumberland")
    assert "Source</dt><dd>not recorded" in northumberland


def test_home_page_lists_every_area_and_chapter(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    for area, slug in CHAPTER_PAGES.items():
        assert f'href="chapters/{area}/{slug}/"' in html
        assert f'href="chapters/{area}/"' in html
    assert "November 2023" in html and "24 September 2024" in html  # each chapter's last update


def test_navigation_names_areas_and_orders_chapters(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    for name in ("Milton Keynes", "Northumberland", "Liverpool", "London", "Sussex", "Chapters by area"):
        assert name in nav


def test_build_command_keeps_the_previous_site_when_a_build_fails(project_copy, tmp_path, capsys):
    from handbook.cli import main

    site = tmp_path / "site"
    args = ["build", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(site)]  # fmt: skip
    assert main(args) == 0
    before = (site / "index.html").read_bytes()
    home = project_copy / "docs" / "index.md"
    home.write_text(home.read_text("utf-8") + "\nSee [a missing page](nowhere.md).\n", "utf-8")
    assert main(args) == 1
    assert "the site did not build" in capsys.readouterr().err
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no half-built folders left


def test_build_checks_the_new_site_and_keeps_the_previous_one_when_a_site_check_fails(project_copy, tmp_path, capsys):
    from handbook.cli import main

    site = tmp_path / "site"
    args = ["build", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(site)]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "handbook check passed" in out and out.rstrip().splitlines()[-1].startswith("handbook build passed: site built in")
    before = (site / "index.html").read_bytes()
    # A link MkDocs cannot see (raw HTML) to a page that does not exist: the site is wrong.
    home = project_copy / "docs" / "index.md"
    home.write_text(home.read_text("utf-8") + '\n<p><a href="nowhere/">a missing page</a></p>\n', "utf-8")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "site/index.html: error[links]: link 'nowhere/' points to a page the site does not have" in err
    assert "the built site failed its checks; the previous site is kept" in err
    assert err.rstrip().splitlines()[-1] == "handbook build FAILED: the previous site is kept"
    assert (site / "index.html").read_bytes() == before


def test_a_data_citation_error_fails_the_build_but_publishes_the_rest(project_copy, tmp_path, capsys):
    from handbook.cli import main

    site = tmp_path / "site"
    args = ["build", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(site)]  # fmt: skip
    cautions = project_copy / "data" / "cautions.yml"
    cautions.write_text(cautions.read_text("utf-8").replace("#para-43.2.9", "#para-43.2.99"), "utf-8")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "error[citations]: caution 'computer-generated-images' cites" in err
    assert err.rstrip().splitlines()[-1].startswith("handbook build FAILED: site built in")
    assert (site / "index.html").is_file()


def test_a_broken_area_yml_leaves_that_area_out_and_the_rest_builds(project_copy, tmp_path, capsys):
    from handbook.cli import main

    (project_copy / "sources" / "london" / "area.yml").write_text("name: London\nregoin: London\n", "utf-8")
    site = tmp_path / "site"
    args = ["build", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs" / "chapters"),
            "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(site)]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "sources/london/area.yml:2: error[ingest]: unknown key 'regoin' (did you mean 'region'?)" in err
    assert "sources/london/area.yml:1: error[ingest]: 'manual' is missing" in err
    assert "Traceback" not in err and "Aborted" not in err
    assert err.rstrip().splitlines()[-1].startswith("handbook build FAILED: site built in")
    assert "1 chapter(s) not published" in err.rstrip().splitlines()[-1]
    assert (site / "chapters" / "sussex" / "information-communication-technology" / "index.html").is_file()
    assert not (site / "chapters" / "london").exists()
    assert "London" not in (site / "index.html").read_text("utf-8").split('id="find-your-area"')[1]

def test_the_navigation_is_sent_without_its_indentation(built_site):
    """At 200 chapters an area the navigation's white space was a third of a chapter page: it is
    folded to single spaces, with every link and label kept."""
    page = (built_site / "chapters/sussex/information-communication-technology/index.html").read_text("utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary.*?</nav>\s*</div>\s*</div>\s*</div>', page, re.DOTALL).group(0)
    assert "\n" not in nav and "  " not in nav
    assert 'href="../../london/"' in nav or "London" in nav
    assert nav.count("<a ") >= 10
    toc = page[page.index('data-md-type="toc"') :]
    assert "\n" in toc  # only the navigation is folded


def test_areas_are_in_one_order_everywhere_by_name(project_copy):
    """An area whose id and name sort differently (the id is the folder, chosen once; the name is
    what readers see): the navigation, the home page, the comparisons and the search results
    list it by its name, as they list the others."""
    from handbook.site.build import build_into
    from handbook.site.search import INDEX_FILE, read_index_script

    from conftest import ingest_project

    area = project_copy / "sources" / "zz-aardvark"
    area.mkdir()
    (area / "area.yml").write_text((project_copy / "sources/sussex/area.yml").read_text("utf-8").replace(
        "name: Sussex", "name: Aardvark Borough"), "utf-8")  # fmt: skip
    (area / "strategy-discussions.txt").write_text(
        "Strategy Discussions\n\nA strategy discussion is held whenever a child may be suffering significant harm.\n", "utf-8")
    assert ingest_project(project_copy).ok
    site = project_copy / "site"
    build_into(project_copy / "mkdocs.yml", site)
    names = ["Aardvark Borough", "Liverpool", "London", "Milton Keynes", "Northumberland", "Sussex"]
    ids = ["zz-aardvark", "liverpool", "london", "milton-keynes", "northumberland", "sussex"]

    def order(html, found):
        at = [html.find(f) for f in found]
        assert all(a >= 0 for a in at), found
        return [f for _, f in sorted(zip(at, found))]

    home = (site / "index.html").read_text("utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    assert order(nav, [f'href="chapters/{a}/"' for a in ids]) == [f'href="chapters/{a}/"' for a in ids]
    tables = home[home.index('id="find-your-area"') :]
    assert order(tables, [f'href="chapters/{a}/"' for a in ids]) == [f'href="chapters/{a}/"' for a in ids]
    matrix = (site / "compare/index.html").read_text("utf-8").split('class="hb-table-scroll hb-matrix"')[1]
    assert order(matrix, [f"<th>{n}</th>" for n in names]) == [f"<th>{n}</th>" for n in names]
    pages = read_index_script((site / INDEX_FILE).read_text("utf-8"))["pages"]
    areas = list(dict.fromkeys(p[2] for p in pages if p[2]))
    assert areas == names  # its pages, area by area
