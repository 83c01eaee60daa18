"""The title is chosen by evidence: banner lines above it (the area's or manual's name run into a
menu, a repeated button label, a manual's name printed twice) are passed over and listed."""

BODY = "\n\nThis chapter sets out what practitioners must do when they are worried about a child and need to act.\n"


def removed(conversion):
    return [(r.text, r.reason) for r in conversion.chapter.removed if r.reason == "banner-above-title"]


def notes(conversion):
    return [str(d) for d in conversion.report.items if d.level == "note" and "taken from this line" in d.message]


def test_a_banner_naming_the_area_run_into_its_menu_is_passed_over(convert_text):
    banner = "Sussex Child Protection and Safeguarding Procedures Download Referral Form Consult Contacts"
    conversion = convert_text(f"{banner}\n\n3.4 Strategy Discussions{BODY}", "3.4-strategy-discussions.txt")
    chapter = conversion.chapter
    assert (chapter.title, chapter.number, chapter.slug) == ("Strategy Discussions", "3.4", "strategy-discussions")
    assert removed(conversion) == [(banner, "banner-above-title")]
    [note] = notes(conversion)
    assert ":3: note: title 'Strategy Discussions' taken from this line (starts with the chapter number 3.4, " in note
    assert "passed over: line 1 'Sussex Child Protection and Safeguarding Procedures Downloa…' (the first line, " \
           "names the area or its manual, with more besides (a banner))" in note
    assert conversion.fidelity.ok


def test_a_repeated_button_label_is_passed_over(convert_text):
    conversion = convert_text(f"View Procedure View Procedure\n\nChild Protection Conferences{BODY}",
                              "child-protection-conferences.txt")  # fmt: skip
    assert conversion.chapter.title == "Child Protection Conferences"
    assert removed(conversion) == [("View Procedure View Procedure", "banner-above-title")]


def test_a_manual_name_printed_twice_and_a_capitals_banner_are_passed_over(convert_text):
    page = ("NORTHSHIRE SAFEGUARDING CHILDREN PARTNERSHIP\n\n"
            "Northshire Procedures Manual Northshire Procedures Manual\n\n1.2 Neglect" + BODY)  # fmt: skip
    conversion = convert_text(page, "1.2-neglect.txt")
    assert (conversion.chapter.title, conversion.chapter.number) == ("Neglect", "1.2")
    assert len(removed(conversion)) == 2


def test_a_clean_page_keeps_its_first_line_and_says_nothing(convert_text):
    conversion = convert_text(f"Bruising in Babies{BODY}", "some-other-name.txt")
    assert conversion.chapter.title == "Bruising in Babies"
    assert removed(conversion) == [] and notes(conversion) == []


def test_the_file_name_outweighs_a_plain_line_above(convert_text):
    conversion = convert_text(f"Practice Guidance\n\nSafer Sleeping Advice{BODY}", "safer-sleeping-advice.txt")
    assert conversion.chapter.title == "Safer Sleeping Advice"
    assert removed(conversion) == [("Practice Guidance", "banner-above-title")]
