"""Content properties of the built site: whatever areas, chapters and data rows there are, every
chapter has its page with its header box and credit, the home page and the navigation list every
area (in one order: by name) and chapter, every comparison shows its quotations linked to their
paragraphs, every term and offence has its anchor, every search entry names its area, and no
page loads anything from outside."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from handbook.project import Project
from handbook.site.search import INDEX_FILE, read_index_script


class Resources(HTMLParser):
    """Every URL a page would load by itself (scripts, styles, images, frames, fonts)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload", "manifest"):
            self.urls.append(attrs["href"])


def page(site, path):
    return (site / path).read_text("utf-8")


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def by_name(handbook):
    return sorted(handbook.areas.values(), key=lambda a: (a.name.casefold(), a.id))


def test_the_site_builds_strictly_with_every_training_pack(content_build, content_handbook):
    assert content_build.pack_errors == []
    for row in content_handbook.data.packs.rows:
        assert (content_build.site / "training-packs" / f"{row.id}.pdf").read_bytes().startswith(b"%PDF")


def test_every_chapter_page_has_its_header_box_credit_and_area_in_the_title(content_site, content_handbook):
    for chapter in content_handbook.chapters.values():
        html = Project.built_page(content_site, chapter.area, chapter.slug).read_text("utf-8")
        assert 'class="hb-ours hb-chapter-header"' in html, chapter.id
        assert html.index("</h1>") < html.index("hb-chapter-header"), chapter.id
        assert 'class="hb-ours hb-credit"' in html and "© " in html and "Reproduced from" in html, chapter.id
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert unescape(title).startswith(content_handbook.areas[chapter.area].name + " "), (chapter.id, title)


def test_the_home_page_lists_every_area_and_chapter(content_site, content_handbook):
    html = page(content_site, "index.html")
    for area in content_handbook.areas:
        assert f'href="chapters/{area}/"' in html, area
    for chapter in content_handbook.chapters.values():
        assert f'href="chapters/{chapter.area}/{chapter.slug}/"' in html, chapter.id


def test_the_navigation_lists_every_area_by_name(content_site, content_handbook):
    """One order of areas everywhere: the navigation's, the tables', the comparisons' (by name)."""
    html = page(content_site, "index.html")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    positions = [nav.find(f'href="chapters/{a.id}/"') for a in by_name(content_handbook)]
    assert all(p > 0 for p in positions) and positions == sorted(positions), [a.id for a in by_name(content_handbook)]
    matrix = page(content_site, "compare/index.html").split('class="hb-table-scroll hb-matrix"')[1].split("</table>")[0]
    columns = re.findall(r"<th>(.*?)</th>", matrix)
    assert [unescape(c) for c in columns if unescape(c) in {a.name for a in by_name(content_handbook)}] == \
        [a.name for a in by_name(content_handbook)]  # fmt: skip


def test_no_page_loads_anything_from_outside(content_site):
    outside = []
    for path in content_site.rglob("*.html"):
        parser = Resources()
        parser.feed(path.read_text("utf-8"))
        outside += [(path.name, u) for u in parser.urls if re.match(r"^(https?:)?//", u)]
    assert outside == []
    css = "".join(p.read_text("utf-8") for p in content_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_every_comparison_shows_its_quotations_linked_to_their_paragraphs(content_site, content_handbook):
    for topic in content_handbook.data.topics.rows:
        html = page(content_site, f"compare/{topic.id}/index.html")
        for area in content_handbook.areas:  # compared or not yet: every area has its section
            assert f'id="area-{area}"' in html, (topic.id, area)
        for entry in topic.entries:
            for cite in entry.cites:
                area, rest = cite.ref.split("/", 1)
                slug, anchor = rest.split("#")
                assert f'href="../../chapters/{area}/{slug}/#{anchor}"' in html, (topic.id, cite.ref)
                assert " ".join(cite.quote.split()) in text(html), (topic.id, cite.ref)
                assert f'id="{anchor}"' in page(content_site, f"chapters/{area}/{slug}/index.html"), cite.ref


def test_the_matrix_shows_every_topic_and_area(content_site, content_handbook):
    html = page(content_site, "compare/index.html")
    matrix = html.split('class="hb-table-scroll hb-matrix"')[1].split("</table>")[0]
    for area in content_handbook.areas.values():
        assert f"<th>{area.name}</th>" in unescape(matrix), area.id
    for topic in content_handbook.data.topics.rows:
        assert f'href="{topic.id}/"' in matrix
        for entry in topic.entries:
            assert f'href="{topic.id}/#area-{entry.area}"' in matrix


def test_every_glossary_term_and_offence_has_its_anchor(content_site, content_handbook):
    glossary = page(content_site, "glossary/index.html")
    for term in content_handbook.data.glossary.rows:
        assert f'id="{term.anchor}"' in glossary, term.id
    offences = page(content_site, "offences/index.html")
    for offence in content_handbook.data.offences.rows:
        assert f'id="{offence.anchor}"' in offences, offence.id
    assert offences.count("to be confirmed") >= sum(1 for o in content_handbook.data.offences.rows
                                                    for f in o.facts if not f.confirmed)  # fmt: skip


def test_every_search_entry_of_a_chapter_names_its_area_and_every_paragraph_is_found(content_site, content_handbook):
    script = page(content_site, INDEX_FILE)
    index = read_index_script(script)
    pages = index["pages"]
    anchors = {(pages[e[0]][0], e[1]) for e in index["entries"]}
    for entry in index["entries"]:
        area = pages[entry[0]][2]
        if area:
            assert entry[3].startswith(area), entry[:4]
    for chapter in content_handbook.chapters.values():
        url = f"chapters/{chapter.area}/{chapter.slug}/"
        assert all((url, p.id) in anchors for p in chapter.paragraphs()), chapter.id
