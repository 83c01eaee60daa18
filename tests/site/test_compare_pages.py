"""The comparison pages in the built site (the fixture handbook's): a page per topic with every
area, the matrix, the differences found in the text and the shared template text; our words
marked as ours and every value escaped. On the real site: tests/content/test_content_site.py."""

import re
from html import unescape

import pytest

from conftest import DATA, ROOT, copy_project, fixture_template
from handbook.datasets import load_data
from handbook.site.build import build_into

TOPICS = load_data(DATA)[0].topics.rows
AREAS = ("Liverpool", "London", "Milton Keynes", "Northumberland", "Sussex")


def page(site, path):
    return (site / path / "index.html").read_text("utf-8")


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("topic", TOPICS, ids=[t.id for t in TOPICS])
def test_each_topic_has_a_page_with_every_area_and_its_quotations_linked(built_site, topic):
    html = page(built_site, f"compare/{topic.id}")
    for entry in topic.entries:
        assert f'id="area-{entry.area}"' in html
        for cite in entry.cites:
            area, rest = cite.ref.split("/", 1)
            slug, anchor = rest.split("#")
            assert f'href="../../chapters/{area}/{slug}/#{anchor}"' in html
            assert " ".join(cite.quote.split()) in text(html)
            target = page(built_site, f"chapters/{area}/{slug}")
            assert f'id="{anchor}"' in target


def test_summaries_and_not_covered_statements_are_marked_as_ours(built_site):
    topic, entry = next((t, e) for t in TOPICS for e in t.entries if e.coverage == "not-covered")
    html = page(built_site, f"compare/{topic.id}")
    section = html.split(f'id="area-{entry.area}"')[1].split("<h2")[0]
    assert '<div class="hb-ours">' in section and "Not covered (the handbook's statement)" in text(section)
    assert " ".join(entry.summary.split()) in text(section)
    covered = next(e for e in topic.entries if e.coverage != "not-covered")
    section = html.split(f'id="area-{covered.area}"')[1].split("<h2")[0]
    assert "the handbook's words, not the partnership's" in text(section)
    assert '<blockquote class="hb-quote">' in section


def test_the_matrix_shows_every_topic_and_area_linked_to_the_entries(built_site):
    html = page(built_site, "compare")
    matrix = html.split('class="hb-table-scroll hb-matrix"')[1].split("</table>")[0]
    for area in AREAS:
        assert f"<th>{area}</th>" in matrix
    for topic in TOPICS:
        assert f'href="{topic.id}/"' in matrix
        for entry in topic.entries:
            assert f'href="{topic.id}/#area-{entry.area}"' in matrix
    assert "● covered" in matrix and "◐ partly" in matrix and "○ not covered" in matrix


def test_differences_are_found_in_the_text(built_site):
    body = text(page(built_site, "compare"))
    # Local names of one thing, from the glossary's local variants, each as the area prints it.
    assert "“Child and Public Protection Unit”" in body and "“Child Abuse Investigation Team”" in body
    assert "“Statutory Assessment”" in body and "“Child and Family Single Assessment”" in body
    assert "“within 15 working days of the last Strategy Discussion”" in body
    assert "Online Safety Act 2023" in body


def test_shared_text_shows_northumberland_and_liverpool_with_word_differences(built_site):
    html = page(built_site, "compare/shared-text")
    groups = html.split("<h3 ")[1:]
    shared = [g for g in groups if "Liverpool" in g.split("</h3>")[0] and "Northumberland" in g.split("</h3>")[0]]
    assert len(shared) >= 2
    assert any('<del class="hb-del">' in g or '<ins class="hb-ins">' in g for g in shared)
    assert "chapters/northumberland/child-abuse-and-information-communication-technology/#p-" in shared[0]
    assert "Chapters sharing text" in html


def test_navigation_lists_the_topics_in_the_data_order(built_site):
    html = page(built_site, "compare")
    nav = html[html.index('class="md-nav__list"'):html.index('class="md-content"')]
    positions = [nav.find(f'href="{t.id}/" class="md-nav__link') for t in TOPICS]
    assert all(p > 0 for p in positions) and positions == sorted(positions)


def test_summaries_and_titles_are_escaped_never_code(tmp_path):
    root = copy_project(tmp_path / "project")
    topics = root / "data" / "topics.yml"
    source = topics.read_text("utf-8")
    first_summary = source.split("summary: >-\n", 1)[1].split("\n", 1)[0]
    hostile = "          <script>alert(1)</script> {{ config.site_name }} [x](javascript:alert(1))"
    topics.write_text(source.replace(first_summary, hostile, 1), "utf-8")
    site = tmp_path / "site"
    build_into(root / "mkdocs.yml", site)
    html = (site / "compare" / TOPICS[0].id / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ config.site_name }}" in text(html)
    assert 'href="javascript:' not in html


def test_a_broken_citation_still_builds_and_says_not_found(tmp_path):
    root = copy_project(tmp_path / "project")
    topics = root / "data" / "topics.yml"
    topics.write_text(topics.read_text("utf-8").replace("#para-43.2.12\n", "#para-43.2.99\n", 1), "utf-8")
    build_into(root / "mkdocs.yml", tmp_path / "site")
    html = (tmp_path / "site" / "compare" / "grooming-and-sexual-communication" / "index.html").read_text("utf-8")
    assert "sussex/information-communication-technology#para-43.2.99 (not found)" in text(html)


def test_a_text_shared_by_many_chapters_shows_the_most_different_in_full_and_lists_the_rest():
    """At a thousand chapters one template paragraph can be in hundreds of them: the page shows
    the common text, VERSIONS_SHOWN versions with their differences (least similar first), lists
    the word-for-word copies and the other versions as links, and stays linear in size."""
    import sys

    from handbook.compare.shared import SharedText, Version
    from handbook.load import load_handbook
    from handbook.project import Project

    sys.path.insert(0, str(ROOT))
    from macros.compare import VERSIONS_SHOWN, _group
    from macros.context import MacroContext

    handbook = load_handbook(Project(fixture_template()))
    refs = [ref for ref, _, p in handbook.paragraphs() if p.role == "body"][:40]
    common = "the police and social care should hold a strategy discussion about the child today"
    words = common.split()
    drifted = [" ".join(words[:-n] + ["area"] * n) for n in range(1, 21)]  # 1 to 20 words changed
    versions = [Version(refs[0], None, common, common)]
    versions += [Version(ref, None, text, common) for ref, text in zip(refs[1:21], drifted)]
    versions += [Version(ref, None, common, common) for ref in refs[21:31]]  # word for word
    group = _group(MacroContext(handbook, "compare/shared-text.md"), SharedText(refs[0], common, tuple(versions), 0))
    assert len(group.versions) == VERSIONS_SHOWN
    assert [v.similarity for v in group.versions] == sorted((v.similarity for v in group.versions), key=lambda s: int(s[:-1]))
    assert len(group.more) == 20 - VERSIONS_SHOWN and len(group.same) == 10
    assert all('<del class="hb-del">' in v.diff for v in group.versions)
