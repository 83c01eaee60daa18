"""What the site adds to a chapter page: dates for people, safe links, an honest credit."""

import pytest

from handbook.areas import Area
from handbook.ingest.model import Amendment, Chapter
from handbook.model import chapter_sort_key
from handbook.site.header import chapter_header, display_date, safe_href


def chapter(**changes):
    values = dict(area="x", slug="s", source_file="sources/x/s.txt", title="T", title_line=1)
    values.update(changes)
    return Chapter(**values)


AREA = Area("x", "Exampleshire", "Exampleshire procedures", None, None, "Exampleshire SCP", None)


@pytest.mark.parametrize("iso, shown", [("2023-11", "November 2023"), ("2024-09-24", "24 September 2024"), (None, "not stated")])
def test_display_date(iso, shown):
    assert display_date(iso) == shown


@pytest.mark.parametrize("url, href", [("https://a.b/c", "https://a.b/c"), ("javascript:alert(1)", None),
                                       ("JaVaScRiPt:alert(1)", None), ("data:text/html,x", None), (None, None)])  # fmt: skip
def test_only_http_links(url, href):
    assert safe_href(url) == href


def test_header_rows_and_credit():
    header = chapter_header(chapter(number="1.2", captured="2018-07-22", source_url="javascript:x",
                                    amendments=[Amendment(None, "Links added.", 3)]), AREA)  # fmt: skip
    rows = {row.label: row for row in header.rows}
    assert rows["Chapter"].value == "1.2" and rows["Last updated"].value == "not stated"
    assert rows["Source"].href is None and rows["Source"].value == "javascript:x"
    assert header.amendments[0].date == "undated"
    assert header.credit == ("© Exampleshire SCP. Reproduced from javascript:x, captured 22 July 2018. "
                             "Terms of reuse not recorded.")  # fmt: skip


def test_chapters_sort_in_manual_order():
    numbers = ["1.10", "1.9", None, "PG3", "1.2.1", "PG25", "2"]
    ordered = sorted((chapter(number=n, title=str(n)) for n in numbers), key=chapter_sort_key)
    assert [c.number for c in ordered] == ["1.2.1", "1.9", "1.10", "2", "PG3", "PG25", None]


def test_handbook_is_loaded_once_until_a_source_or_data_file_changes(project_copy):
    import os

    from handbook.load import cached_handbook
    from handbook.project import Project

    project = Project(project_copy)
    first = cached_handbook(project)
    assert cached_handbook(project) is first and len(first.chapters) == 5
    for changed in (project.sources / "sussex" / "43.2-information-communication-technology.txt",
                    project.data / "glossary.yml"):  # fmt: skip
        before = cached_handbook(project)
        os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1_000_000))
        assert cached_handbook(project) is not before


def test_a_date_the_page_does_not_print_is_marked_with_where_it_came_from():
    header = chapter_header(chapter(last_updated="2016-10", inferred={"last_updated": "the latest amendment"}), AREA)
    rows = {row.label: row for row in header.rows}
    assert rows["Last updated"].value == "October 2016" and rows["Last updated"].inferred == "from the latest amendment"
    assert rows["Next review"].inferred is None


def test_inferred_facts_on_the_built_page_and_in_front_matter(built_site, fixture_root):
    html = (built_site / "chapters/northumberland/child-abuse-and-information-communication-technology/index.html").read_text("utf-8")
    assert ('<time datetime="2017-10">October 2017</time> <span class="hb-inferred">(from the latest amendment: '
            "not printed on the page)</span>") in html  # fmt: skip
    front = (fixture_root / "docs/chapters/northumberland/child-abuse-and-information-communication-technology.md").read_text("utf-8")
    assert 'inferred:\n  last_updated: "the latest amendment"' in front


def test_chapter_pages_name_their_area_in_the_title(built_site):
    html = (built_site / "chapters/sussex/information-communication-technology/index.html").read_text("utf-8")
    assert "<title>Sussex 43.2 Information Communication Technology - Safeguarding Procedures Handbook</title>" in html
    home = (built_site / "index.html").read_text("utf-8")
    assert "<title>Home - Safeguarding Procedures Handbook</title>" in home
