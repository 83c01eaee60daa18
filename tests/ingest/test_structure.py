"""Structure recognition on small made-up chapters: each case is a layout that once went wrong."""

from __future__ import annotations

import pytest


def headings(conversion):
    return [(h.text, h.id) for h in conversion.chapter.headings()]


def warnings(conversion):
    return [w.message for w in conversion.report.warnings]


STEPS = """1.5 Responding to Concerns

1. Introduction

This chapter sets out what practitioners must do when they are worried about a child and need to act quickly to protect them.

When a concern arises, the practitioner should take the following steps in this order:

1. Make sure the child is safe
2. Contact the police on 999 if the child is in immediate danger
3. Tell your designated safeguarding lead
4. Record what you saw and heard

2. Local Guidance

Local guidance on making a referral is available from the partnership's website, and practitioners should read it before making a referral to children's social care.
"""


def test_numbered_steps_after_a_lead_in_are_a_list_not_sections(convert_text):
    conversion = convert_text(STEPS)
    assert headings(conversion) == [("1. Introduction", "sec-1"), ("2. Local Guidance", "sec-2")]
    steps = [b for p in conversion.chapter.paragraphs() for b in p.blocks if getattr(b, "style", "") == "steps"]
    assert len(steps) == 1 and len(steps[0].items) == 4
    assert warnings(conversion) == []


NO_HEADER = """Child Abuse and the Internet

The internet and social media has become a significant tool in the distribution of illegal indecent and abusive images of children and other materials.

Where young people are voluntarily sharing images, the guidance was updated in March 2021 and police may use outcome 21 to record the crime.

See also the Bullying Procedure for more on online bullying.

Where there is a concern that a child is being groomed via their use of the internet, a Strategy Meeting should be convened in accordance with the protocol.

Last Updated: September 24, 2024
"""


def test_the_header_ends_at_the_first_prose_paragraph(convert_text):
    conversion = convert_text(NO_HEADER)
    chapter = conversion.chapter
    assert chapter.last_updated == "2024-09-24" and chapter.related_chapters == []
    assert warnings(conversion) == []


BODY_DATES = """Child Abuse and the Internet

Amendment

This chapter was refreshed in September 2024.

September 24, 2024

Working Together to Safeguard Children was revised in December 2023 and sets out what agencies must do to safeguard children online.

The internet and social media has become a significant tool in the distribution of illegal indecent and abusive images of children and other materials.

Review date for the child protection plan should be set at the initial child protection conference.

Next review: March 2027

Last updated guidance from the Department for Education is listed below.
"""


def test_dates_in_the_body_are_not_the_pages_dates(convert_text):
    conversion = convert_text(BODY_DATES)
    chapter = conversion.chapter
    assert [(a.date, a.text) for a in chapter.amendments] == [("2024-09-24", "This chapter was refreshed in September 2024.")]
    assert chapter.next_review is None and chapter.last_updated == "2024-09-24"
    assert warnings(conversion) == []
    roles = {p.text[:12]: p.role for p in chapter.paragraphs()}
    assert roles["Review date "] == "body" and roles["Last updated"] == "body"


def test_chrome_patterns_never_take_numbered_or_body_lines(convert_text):
    text = ("PG25. ICT-based forms of abuse\n\n1. Introduction\n\n1.1 Information and communication technology based "
            "forms of abuse can include bullying.\n\n2. Roles\n\n2.2 Look for the Report Abuse logo\n\nPolice | Investigate offences\n")  # fmt: skip
    conversion = convert_text(text)
    assert conversion.chapter.removed == []
    assert any(p.number == "2.2" for p in conversion.chapter.paragraphs())


def test_a_site_banner_naming_the_manual_is_not_the_title(convert_text):
    # The test area's manual (its area.yml is Sussex's) is "Sussex Child Protection and Safeguarding Procedures".
    text = ("Skip to content\nCompany Logo\nSussex Child Protection and Safeguarding Procedures\nMenu\nSearch\n\n"
            "Child Abuse and the Internet\n\nThe internet has become a significant tool in the distribution of images.\n")  # fmt: skip
    conversion = convert_text(text)
    assert conversion.chapter.title == "Child Abuse and the Internet"
    assert {r.reason for r in conversion.chapter.removed} >= {"manual-name", "site-menu"}


BODY_LABEL = """Responding to Concerns

This chapter sets out what practitioners must do when they are worried about a child and need to act quickly to protect them.

Practitioners should always discuss concerns with their designated safeguarding lead before deciding what to do next.

Local Guidance

Local guidance on making a referral is available from the partnership's website, and practitioners should read it before making a referral.

Making a Referral

A referral should be made by telephone and confirmed in writing within 48 hours by the referring practitioner.
"""


def test_box_labels_are_only_labels_in_the_header(convert_text):
    conversion = convert_text(BODY_LABEL)
    assert conversion.chapter.related_guidance == []
    assert [h for h, _ in headings(conversion)] == ["Local Guidance", "Making a Referral"]


def test_intro_paragraph_after_a_related_link_is_not_a_related_item(convert_text):
    text = ("Child Abuse and ICT\n\nRELATED GUIDANCE\n\nChild Online Safety: a Practical Guide\n\n"
            "This chapter explains what practitioners should do when they find indecent images of children online.\n\n"
            "1. The Internet\n\nThe internet is used to distribute images.\n")  # fmt: skip
    conversion = convert_text(text)
    assert conversion.chapter.related_guidance == ["Child Online Safety: a Practical Guide"]


def test_sub_paragraphs_are_anchored_and_decimals_in_text_are_not_numbers(convert_text):
    text = ("Strategy\n\n1.1 A strategy discussion is held when there is cause to suspect harm.\n\n"
            "1.2 The discussion should involve:\n\n1.2.1 the police;\n\n1.2.2 children's social care.\n\n"
            "2.5 million children were contacted by strangers online in 2023, a study found.\n\n"
            "1.3 The chair records the decisions.\n\nFor more information see the CEOP website at www.ceop.police.uk\n\n"
            "1.4 End of the chapter.\n")  # fmt: skip
    conversion = convert_text(text)
    numbers = [p.number for p in conversion.chapter.paragraphs() if p.number]
    assert numbers == ["1.1", "1.2", "1.2.1", "1.2.2", "1.3", "1.4"]
    assert conversion.chapter.headings() == []
    assert warnings(conversion) == []


def test_a_file_of_nothing_but_chrome_is_an_error(convert_text):
    conversion = convert_text("Top\n\nPrint\n\nSkip to content\n", "only-chrome.txt")
    [error] = conversion.report.errors
    assert "only-chrome.txt:1: error: the file holds only site chrome" in str(error)


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfeT\x00i\x00t\x00l\x00e\x00\n", b"\xff\xfeT\x00i\x00\x00\xd8"],
    ids=["odd-length", "lone-surrogate"],
)
def test_damaged_utf16_is_a_clear_error(convert_text, content):
    conversion = convert_text(content, "damaged.txt")
    [error] = conversion.report.errors
    assert "damaged.txt:1: error: the file is damaged UTF-16 text" in str(error)


def test_noncharacters_are_removed_and_reported(convert_text):
    conversion = convert_text("Title \uffff here\n\n1. Intro\n\n1.1 Text.\n")
    assert conversion.ok and conversion.chapter.title == "Title here"
    assert any("characters that are not text" in w for w in warnings(conversion))


def test_one_stray_cp1252_byte_spoils_only_its_line(convert_text):
    conversion = convert_text(b"Children\xe2\x80\x99s Services\n\nThe child\xe2\x80\x99s views matter.\n\nThe parent\x92s view.\n")
    assert conversion.chapter.title == "Children\u2019s Services"
    assert "The parent\u2019s view." in conversion.markdown and "The child\u2019s views matter." in conversion.markdown
    [warning] = conversion.report.warnings
    assert warning.line == 5 and "line 5 is not UTF-8" in warning.message


def test_an_amendment_glued_to_the_next_numbered_heading_is_split(convert_text):
    page = ("Online Safety\n\nAMENDMENT\n\nIn December 2023, additional links were added into Relevant Guidance "
            "(see above).1. The Internet\n\nChildren use the internet at home and at school, and most of them do so safely and well.\n")  # fmt: skip
    conversion = convert_text(page)
    chapter = conversion.chapter
    assert [(a.date, a.text) for a in chapter.amendments] == [
        ("2023-12", "In December 2023, additional links were added into Relevant Guidance (see above).")]
    assert [h.text for h in chapter.headings()] == ["1. The Internet"]
    assert conversion.fidelity.ok


def test_prose_straight_under_a_related_label_is_the_chapter_not_the_box(convert_text):
    page = ("Online Safety\n\nRelated guidance\n\n"
            "Children use the internet at home and at school, and most of them do so safely and well.\n\n"
            "Some adults use it to contact children with a view to grooming them for abuse, online or offline.\n")  # fmt: skip
    conversion = convert_text(page)
    body = [p.text for p in conversion.chapter.paragraphs() if p.role == "body"]
    assert len(body) == 2 and body[0].startswith("Children use the internet")
    assert conversion.chapter.related_guidance == []
    assert any("Related guidance has no entries (lost in the copy?)" in w for w in warnings(conversion))


def test_a_box_of_prose_notes_before_another_box_stays_in_the_header(convert_text):
    page = ("Online Safety\n\nRELATED GUIDANCE\n\n"
            "This procedure should be read in conjunction with the national guidance on keeping children safe.\n\n"
            "AMENDMENT\n\nThis chapter was updated in May 2024.\n\n"
            "Children use the internet at home and at school, and most of them do so safely and well.\n")  # fmt: skip
    chapter = convert_text(page).chapter
    assert chapter.related_guidance == [
        "This procedure should be read in conjunction with the national guidance on keeping children safe."]
    assert [a.date for a in chapter.amendments] == ["2024-05"]


def test_an_ambiguous_numeric_date_is_read_day_first_with_a_warning(convert_text):
    conversion = convert_text("Online Safety\n\nLast updated 06/11/2019\n\nChildren use the internet at home and at school.\n")
    assert conversion.chapter.last_updated == "2019-11-06"
    assert any("'06/11/2019' read day first, as English pages print dates: 6 November, not 11 June" in w
               for w in warnings(conversion))  # fmt: skip


def test_a_list_copied_without_its_markers_is_kept_as_a_list(convert_text):
    page = ("Escalation\n\nIt is important:\n\nTo avoid disputes that put children at risk;\n\n"
            "To resolve difficulties between organisations; and\n\nTo agree a plan within five working days.\n\n"
            "Practitioners should first talk to each other, and keep a record of what was said and agreed.\n")  # fmt: skip
    conversion = convert_text(page)
    lead_in = next(p for p in conversion.chapter.paragraphs() if p.text.startswith("It is important:"))
    [items] = [b for b in lead_in.blocks if getattr(b, "style", None) == "plain"]
    assert [i.text for i in items.items] == ["To avoid disputes that put children at risk;",
                                             "To resolve difficulties between organisations; and",
                                             "To agree a plan within five working days."]  # fmt: skip
    assert not any("no list follows" in w for w in warnings(conversion))
    assert '<div class="hb-list hb-list--plain" markdown>' in conversion.markdown and conversion.fidelity.ok


def test_lines_of_different_shapes_after_a_colon_are_not_taken_as_a_list(convert_text):
    page = ("Escalation\n\nThe stages are:\n\nThe aim of the protocol\n\n"
            "Practitioners should first talk to each other, and keep a record of what was said and agreed.\n")  # fmt: skip
    conversion = convert_text(page)
    assert not any(getattr(b, "style", None) == "plain" for p in conversion.chapter.paragraphs() for b in p.blocks)
    assert any("no list follows" in w for w in warnings(conversion))


def test_headings_never_skip_a_level(convert):
    """Wirral 5.4 (a real page) repeats its title as a numbered heading, "5.4 Initial Child
    Protection Conference", the first heading under the title: by its number it would be an h3
    straight under the h1, and the page would fail axe's heading-order."""
    from conftest import FIXTURES

    wirral = convert(FIXTURES / "other-areas" / "wirral" / "5.4-initial-child-protection-conferences.txt")
    assert wirral.ok
    levels = [h.level for h in wirral.chapter.headings()]
    assert levels[0] == 2 and all(b <= a + 1 for a, b in zip([1, *levels], levels)), levels
    assert "\n## 5.4 Initial Child Protection Conference { #sec-5.4 }\n" in wirral.markdown
