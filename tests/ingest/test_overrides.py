"""Overrides (`sources/<area>/<file>.meta.yml`): the author's statement of an ambiguous page's
facts replaces what was recognised, never the partnership's text; a stale one is reported."""

from conftest import ingest_project

LIVERPOOL = "sources/liverpool/child-abuse-and-the-internet"


def messages(result):
    return [str(d) for d in result.diagnostics]


def test_an_override_replaces_the_recognised_facts_and_the_front_matter_says_so(project_copy):
    (project_copy / f"{LIVERPOOL}.meta.yml").write_text(
        "title: Child Abuse and the Internet (Pan-Merseyside)\nchapter: '7.3'\nnext_review: September 2026\n"
        "note: the page prints its number in the menu only\n", "utf-8")  # fmt: skip
    result = ingest_project(project_copy)
    assert result.ok
    page = (project_copy / "docs/chapters/liverpool/child-abuse-and-the-internet-pan-merseyside.md").read_text("utf-8")
    assert 'title: "Child Abuse and the Internet (Pan-Merseyside)"' in page and 'chapter: "7.3"' in page
    assert 'next_review: "2026-09"' in page
    assert 'overridden:\n  chapter: null\n  next_review: null\n  title: "Child Abuse and the Internet"\n' in page
    assert "\n# Child Abuse and the Internet\n" in page  # the partnership's own heading is unchanged
    assert not (project_copy / "docs/chapters/liverpool/child-abuse-and-the-internet.md").exists()


def test_an_override_that_agrees_with_the_page_is_reported_as_stale(project_copy):
    (project_copy / f"{LIVERPOOL}.meta.yml").write_text("last_updated: 2024-09-24\n", "utf-8")
    result = ingest_project(project_copy)
    assert result.ok
    assert (f"{LIVERPOOL}.meta.yml:1: warning: the override of last_updated ('2024-09-24') agrees with what the page "
            "says (remove last_updated from child-abuse-and-the-internet.meta.yml: it is no longer needed)") in "\n".join(messages(result))  # fmt: skip


def test_a_broken_override_stops_that_chapter_only_and_keeps_its_page(project_copy):
    before = (project_copy / "docs/chapters/liverpool/child-abuse-and-the-internet.md").read_bytes()
    (project_copy / f"{LIVERPOOL}.meta.yml").write_text("titel: Something\nlast_updated: 31 February 2024\n", "utf-8")
    result = ingest_project(project_copy)
    assert not result.ok
    found = "\n".join(messages(result))
    assert f"{LIVERPOOL}.meta.yml:1: error: unknown key 'titel' (did you mean 'title'?)" in found
    assert (project_copy / "docs/chapters/liverpool/child-abuse-and-the-internet.md").read_bytes() == before
    assert sum(1 for c in result.conversions if c.ok) == 4


def test_an_impossible_date_in_an_override_is_an_error_with_its_line(project_copy):
    (project_copy / f"{LIVERPOOL}.meta.yml").write_text("title: Child Abuse Online\nlast_updated: 31 February 2024\n", "utf-8")
    found = "\n".join(messages(ingest_project(project_copy)))
    assert f"{LIVERPOOL}.meta.yml:2: error: last_updated: '31 February 2024' does not exist: February 2024 has 29 days" in found


def test_an_override_for_no_source_is_reported(project_copy):
    (project_copy / "sources/liverpool/child-abuse-and-the-web.meta.yml").write_text("title: X\n", "utf-8")
    found = "\n".join(messages(ingest_project(project_copy)))
    assert "child-abuse-and-the-web.meta.yml overrides no source: child-abuse-and-the-web.txt is not in the folder" in found
