"""What the site adds to a chapter page: dates for people, safe links, an honest credit."""

import pytest

from handbook.areas import Area
from handbook.site.catalog import AmendmentMeta, ChapterMeta, sort_key
from handbook.site.header import chapter_header, display_date, safe_href


def chapter(**changes):
    values = dict(area="x", slug="s", path="chapters/x/s.md", title="T", chapter=None, source_url=None, captured=None,
                  last_updated=None, next_review=None, version=None, status=None, amendments=(),
                  related_chapters=(), related_guidance=())  # fmt: skip
    values.update(changes)
    return ChapterMeta(**values)


AREA = Area("x", "Exampleshire", "Exampleshire procedures", None, None, "Exampleshire SCP", None)


@pytest.mark.parametrize("iso, shown", [("2023-11", "November 2023"), ("2024-09-24", "24 September 2024"), (None, "not stated")])
def test_display_date(iso, shown):
    assert display_date(iso) == shown


@pytest.mark.parametrize("url, href", [("https://a.b/c", "https://a.b/c"), ("javascript:alert(1)", None),
                                       ("JaVaScRiPt:alert(1)", None), ("data:text/html,x", None), (None, None)])  # fmt: skip
def test_only_http_links(url, href):
    assert safe_href(url) == href


def test_header_rows_and_credit():
    header = chapter_header(chapter(chapter="1.2", captured="2018-07-22", source_url="javascript:x",
                                    amendments=(AmendmentMeta(None, "Links added."),)), AREA)  # fmt: skip
    rows = {row.label: row for row in header.rows}
    assert rows["Chapter"].value == "1.2" and rows["Last updated"].value == "not stated"
    assert rows["Source"].href is None and rows["Source"].value == "javascript:x"
    assert header.amendments[0].date == "undated"
    assert header.credit == ("© Exampleshire SCP. Reproduced from javascript:x, captured 22 July 2018. "
                             "Terms of reuse not recorded.")  # fmt: skip


def test_chapters_sort_in_manual_order():
    numbers = ["1.10", "1.9", None, "PG3", "1.2.1", "PG25", "2"]
    ordered = sorted((chapter(chapter=n, title=str(n)) for n in numbers), key=sort_key)
    assert [c.chapter for c in ordered] == ["1.2.1", "1.9", "1.10", "2", "PG3", "PG25", None]


def test_catalog_is_read_once_until_a_file_changes(project_copy):
    import os

    from handbook.site.catalog import cached_catalog

    docs, sources = project_copy / "docs", project_copy / "sources"
    first = cached_catalog(docs, sources)
    assert cached_catalog(docs, sources) is first and len(first.chapters) == 5
    chapter = docs / "chapters" / "sussex" / "information-communication-technology.md"
    os.utime(chapter, ns=(chapter.stat().st_atime_ns, chapter.stat().st_mtime_ns + 1_000_000))
    assert cached_catalog(docs, sources) is not first
