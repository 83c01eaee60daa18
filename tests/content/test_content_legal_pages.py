"""The law's currency on the built pages, as properties of whatever the content holds: each
offence says when its law was checked, every guidance edition has its anchor, and every
paragraph citing a replaced edition carries our note beside it, with the words kept whole."""

import re

from handbook.fidelity import html_text
from handbook.refs import find_editions
from handbook.site.header import display_date

def offences_page(site):
    return (site / "offences" / "index.html").read_text("utf-8")


def test_each_offence_and_the_page_say_when_the_law_was_checked(content_site, content_handbook):
    html = offences_page(content_site)
    assert re.search(r"Law as checked (on|between) \d{1,2} \w+ \d{4}", html)
    for offence in content_handbook.data.offences.rows:
        start = html.index(f'id="{offence.anchor}"')
        section = html[start : html.find("<h3", start + 10)]
        assert f"Law as checked on {display_date(offence.checked)}." in section, offence.id


def test_an_offence_without_a_known_section_is_named_without_one(content_site):
    assert "sNone" not in offences_page(content_site)


def test_every_guidance_edition_has_its_anchor_and_checked_date(content_site, content_handbook):
    html = offences_page(content_site)
    for document in content_handbook.data.editions.rows:
        assert f'id="{document.anchor}"' in html
        for edition in document.editions:
            assert f'id="{edition.anchor}"' in html
            item = html[html.index(f'id="{edition.anchor}"') : html.index("</li>", html.index(f'id="{edition.anchor}"'))]
            assert f"Checked on {display_date(edition.checked)}" in item
            if not edition.confirmed:
                assert "to be confirmed" in item


def test_every_paragraph_citing_a_replaced_edition_has_our_note_beside_it(content_site, content_handbook):
    for ref, chapter, paragraph in content_handbook.paragraphs():
        replaced = [s for s in find_editions(paragraph.text, content_handbook.data.editions) if s.replaced_by]
        html = (content_site / "chapters" / chapter.area / chapter.slug / "index.html").read_text("utf-8")
        start = html.index(f'id="{paragraph.id}"')
        end = html.find('<div class="hb-para', start + 10)
        block = html[start : end if end > 0 else len(html)]
        if not replaced:
            assert "hb-edition-note" not in block, ref
            continue
        assert 'class="hb-ours hb-edition-note" data-search-exclude' in block, ref
        newer = replaced[0].replaced_by
        assert f"offences/#{newer.anchor}" in block and "has been replaced" in block, ref
        # The partnership's words are unchanged, and ours are not counted as theirs.
        words = lambda text: " ".join(re.findall(r"\w+", text))  # noqa: E731
        assert words(paragraph.text) in words(html_text(block)), ref
