"""An address block (short lines with a postcode, telephone numbers, an e-mail address) stays one
block of lines in the chapter; none of its lines is a box label or a heading (#20).

The real case: Doncaster's LADO contact block, in the SCOPE box of its allegations chapter,
became a box headed "LADO" and another labelled "DN4 5HF" over the phone numbers, with advice
to add the postcode to patterns.yml."""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES
from handbook.ingest.model import Box, ListBlock, TextBlock

CORPUS = FIXTURES / "other-areas"
PAGES = [e for e in yaml.safe_load((CORPUS / "expected.yml").read_text("utf-8")) if e.get("contact_block")]


def blocks(chapter, style):
    return [(p, b) for p in chapter.paragraphs() for b in p.blocks if isinstance(b, ListBlock) and b.style == style]


@pytest.mark.parametrize("entry", PAGES, ids=[e["file"] for e in PAGES])
def test_a_real_lado_contact_block_stays_one_block(convert, entry):
    conversion = convert(CORPUS / entry["file"])
    assert conversion.ok and conversion.fidelity.ok
    chapter = conversion.chapter
    labels = [n.label.text for n in chapter.body if isinstance(n, Box) and n.label]
    first, postcode, last = entry["contact_block"]
    assert first not in labels and postcode not in labels, labels
    assert not [w for w in conversion.report.warnings if "box label" in w.message], conversion.report.warnings
    [(paragraph, block)] = blocks(chapter, "lines")
    texts = [item.text for item in block.items]
    assert texts[0] == first and postcode in texts and texts[-1] == last
    # the lead-in that names the LADO keeps its address, as a lead-in keeps its list
    assert isinstance(paragraph.blocks[0], TextBlock) and paragraph.blocks[0].text.endswith(":")
    assert '<div class="hb-lines" markdown>' in conversion.markdown


def test_an_address_in_the_text_is_one_block_and_no_list_is_said_missing(convert_text):
    conversion = convert_text(
        "Contacting the Team\n\n1. Who to contact\n\nThe Child Protection Unit can be reached at:\n\n"
        "CHILD PROTECTION UNIT\nCounty Hall\nHigh Street\nNorthtown\nNT1 2AB\n\n"
        "Telephone: 01234 567890\nOut of hours: 0300 123 4567\nE-mail: cpu@northshire.gov.uk\n\n"
        "Referrals made by telephone must be confirmed in writing by the person who made them.\n"
    )
    assert conversion.ok and conversion.fidelity.ok
    chapter = conversion.chapter
    [(paragraph, block)] = blocks(chapter, "lines")
    texts = [i.text for i in block.items]
    assert (texts[0], texts[4], texts[-1], len(texts)) == ("CHILD PROTECTION UNIT", "NT1 2AB", "E-mail: cpu@northshire.gov.uk", 8)
    assert paragraph.blocks[0].text == "The Child Protection Unit can be reached at:"
    assert [h.text for h in chapter.headings()] == ["1. Who to contact"]  # "County Hall" is not a heading
    assert not [w for w in conversion.report.warnings if "no list follows" in w.message]
    assert any(p.text.startswith("Referrals made by telephone") for p in chapter.paragraphs())


def test_a_postcode_or_a_telephone_line_is_never_a_box_label(convert_text):
    conversion = convert_text(
        "Allegations Against Staff\n\nRELATED GUIDANCE\n\nManaging Allegations Guidance\n\nNT1 2AB\n\n"
        "Managing Allegations Leaflet\n\nPHONE 01234 567890\n\n"
        "1. Introduction\n\nThese procedures apply to every organisation that works with children in the county.\n"
    )
    assert conversion.ok
    labels = [n.label.text for n in conversion.chapter.body if isinstance(n, Box) and n.label]
    assert labels == ["RELATED GUIDANCE"]
    assert not [w for w in conversion.report.warnings if "box label" in w.message]


def test_short_lines_without_an_address_are_left_as_they_were(convert_text):
    conversion = convert_text(
        "Roles\n\n1. Who is involved\n\nThe people involved are:\n\nSocial worker\nTeam manager\nPolice officer\n\n"
        "Each of them keeps a record of what was decided and why it was decided.\n"
    )
    assert not blocks(conversion.chapter, "lines")
