"""No sentence is removed silently (#20). Removed lines are outside the no-words-lost check, so:
a line removed as chrome or as a contents entry that reads as prose (a full sentence, a date,
many words) is a warning naming it; a line above the title is removed only when it looks like
chrome (one that reads as text stays on the page, above the title, with a warning); a title taken
from a contents entry, or sharing no word with the file name or the manual, is a warning; and a
title stated in the .meta.yml keeps every line above it.

The real case (written here from its description: the page itself is not stored): a copy that
began above its title (a logo, the manual's banner, an amendment sentence, then the contents
list); the title was taken from a contents entry and everything above it, the sentence "In March
2021, this chapter was updated throughout ..." included, was removed as a banner with a note."""

from __future__ import annotations

import re
import shutil

from conftest import FIXTURES
from handbook.ingest.prose import reads_as_prose

DONCASTER = FIXTURES / "other-areas" / "doncaster"
TEES = FIXTURES / "other-areas" / "tees" / "children-who-go-missing.txt"
AMENDMENT = ("In March 2021, this chapter was updated throughout to reflect the revised local arrangements for "
             "strategy discussions.")  # fmt: skip
ABOVE_ITS_TITLE = "\n".join([
    "Doncaster SCB logo", "",
    "Doncaster Safeguarding Children Partnership Procedures Manual", "",
    AMENDMENT, "",
    "1. Introduction", "2. Strategy Discussions", "3. Who Takes Part", "4. Recording the Discussion", "",
    "1. Introduction", "",
    "A strategy discussion is held whenever there is reasonable cause to suspect that a child is suffering significant harm.", "",
    "2. Strategy Discussions", "",
    "The discussion is convened by children's social care and held as soon as possible after the referral.", "",
    "3. Who Takes Part", "",
    "Children's social care, the police and health always take part, with the referring agency where it can.", "",
    "4. Recording the Discussion", "",
    "The decisions and the reasons for them are recorded and shared with everyone who took part.", "",
])  # fmt: skip


def area(tmp_path, source=DONCASTER):
    folder = tmp_path / source.name
    folder.mkdir()
    shutil.copy(source / "area.yml", folder)
    return folder


def above_title(markdown: str) -> str:
    """The chapter's Markdown between its front matter and its title heading."""
    body = markdown.split("\n---\n", 1)[1]
    return body[: re.search(r"^# ", body, re.M).start()]


def warnings(conversion):
    return [str(w) for w in conversion.report.warnings]


def test_what_reads_as_prose():
    assert reads_as_prose(AMENDMENT) == "a date"
    assert reads_as_prose("All referrals must be confirmed in writing by the referrer.") == "a full sentence"
    assert reads_as_prose("Doncaster SCB logo") is None
    assert reads_as_prose("Worried about a child?") is None  # a button
    assert reads_as_prose("View Working Together View Working Together") is None


def test_an_amendment_sentence_above_a_title_taken_from_the_contents_stays_on_the_page(tmp_path, convert):
    folder = area(tmp_path)
    (folder / "strategy-discussions.txt").write_text(ABOVE_ITS_TITLE, "utf-8")
    conversion = convert(folder / "strategy-discussions.txt")
    assert conversion.ok and conversion.fidelity.ok
    chapter = conversion.chapter
    assert AMENDMENT not in [r.text for r in chapter.removed]
    assert AMENDMENT in above_title(conversion.markdown)  # above the title, as the page prints it
    assert chapter.last_updated == "2021-03"  # and read as the page's date
    found = warnings(conversion)
    assert any(":5: warning: above the title (line 8), but reads as the chapter's text (a date): kept on the page" in w
               for w in found), found  # fmt: skip
    assert any(":8: warning: title 'Strategy Discussions' taken from a line that looks like an entry of a copied "
               "contents list" in w for w in found), found  # fmt: skip


def test_a_title_stated_in_the_meta_file_keeps_the_lines_above_it(tmp_path, convert):
    folder = area(tmp_path)
    (folder / "strategy-discussions.txt").write_text(ABOVE_ITS_TITLE, "utf-8")
    without = convert(folder / "strategy-discussions.txt")
    assert "1. Introduction" in [r.text for r in without.chapter.removed if r.reason == "banner-above-title"]
    (folder / "strategy-discussions.meta.yml").write_text("title: Strategy Discussions\nchapter: null\n", "utf-8")
    conversion = convert(folder / "strategy-discussions.txt")
    assert conversion.ok and conversion.fidelity.ok
    assert not [r for r in conversion.chapter.removed if r.reason == "banner-above-title"]
    assert conversion.chapter.number is None  # "2." was the contents entry's number
    above = above_title(conversion.markdown)
    assert AMENDMENT in above and "1. Introduction" in above  # kept as the page prints it


def test_a_banner_above_a_real_page_is_removed_but_a_sentence_above_it_is_kept(tmp_path, convert):
    folder = area(tmp_path, TEES.parent)
    (folder / TEES.name).write_text(AMENDMENT + "\n\n" + TEES.read_text("utf-8"), "utf-8")
    conversion = convert(folder / TEES.name)
    assert conversion.ok and conversion.fidelity.ok and conversion.chapter.title == "Children Who Go Missing"
    removed = [r.text for r in conversion.chapter.removed if r.reason == "banner-above-title"]
    assert removed == ["Tees Safeguarding Children Partnerships' Procedures Download Referral Form Consult "
                       "'Providing the Right Support'"]  # fmt: skip
    assert AMENDMENT in above_title(conversion.markdown)
    assert any(":1: warning: above the title" in w for w in warnings(conversion))


def test_a_sentence_removed_by_a_chrome_pattern_is_a_warning(convert_text):
    sentence = "From 1 April 2024 all agencies in the county must follow the Northshire Procedures Manual"
    conversion = convert_text(f"{sentence}\n\nNeglect\n\nNeglect is the persistent failure to meet a child's basic needs, "
                              "and it is the commonest reason for a child protection plan.\n", "neglect.txt")  # fmt: skip
    assert (1, sentence, "manual-banner") in [(r.line, r.text, r.reason) for r in conversion.chapter.removed]
    assert any(":1: warning: removed as site chrome (manual-banner), but reads as text (a date): 'From 1 April 2024" in w
               for w in warnings(conversion)), warnings(conversion)  # fmt: skip


def test_chrome_that_removes_sentences_by_design_says_so_and_is_not_reported(convert_text):
    conversion = convert_text("We use some essential cookies to make this website work.\n\nAccept all cookies\n\n"
                              "Neglect\n\nNeglect is the persistent failure to meet a child's basic needs.\n", "neglect.txt")  # fmt: skip
    assert "cookie-banner" in {r.reason for r in conversion.chapter.removed}
    assert not [w for w in warnings(conversion) if "reads as text" in w]


def test_a_contents_entry_that_reads_as_prose_is_a_warning(convert_text):
    conversion = convert_text(
        "Neglect\n\nContents\n\n1. Introduction\nThe chapter was updated in May 2024.\n\n1. Introduction\n\n"
        "The chapter was updated in May 2024.\n\nNeglect is the persistent failure to meet a child's basic needs.\n",
        "neglect.txt")  # fmt: skip
    assert "The chapter was updated in May 2024." in [r.text for r in conversion.chapter.removed if r.reason == "contents-list"]
    assert any(":6: warning: removed as an entry of a copied contents list" in w for w in warnings(conversion))


def test_a_title_sharing_no_word_with_the_file_name_or_the_manual_is_a_warning(convert_text):
    conversion = convert_text("Working Together Resources\n\nBruising in a baby who is not yet mobile is rare and must "
                              "always be explained by a medical examination.\n", "bruising-in-babies.txt")  # fmt: skip
    assert any(":1: warning: title 'Working Together Resources' shares no word with the file name 'bruising-in-babies'"
               in w for w in warnings(conversion)), warnings(conversion)  # fmt: skip
    fine = convert_text("Bruising in Non-Mobile Babies\n\nBruising in a baby who is not yet mobile is rare.\n",
                        "bruising-in-babies.txt")  # fmt: skip
    assert not [w for w in warnings(fine) if "shares no word" in w]
