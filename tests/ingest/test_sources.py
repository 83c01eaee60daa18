"""The fixture handbook's five source chapters (copies of real pages): what the converter must
find in each."""

from __future__ import annotations

import pytest

from conftest import SOURCES

EXPECTED = {
    # area: (file, chapter, last_updated, next_review, captured, amendment dates, version)
    "sussex": ("43.2-information-communication-technology.txt", "43.2", "2023-11", "2026-11", "2024-12-21", [], None),
    "milton-keynes": ("1.4.2-abusive-images-of-children-and-ict.txt", "1.4.2", None, None, "2018-07-22", [], None),
    "northumberland": ("1.4.9-child-abuse-and-ict.txt", "1.4.9", "2017-10", None, None, ["2017-10"], None),
    "london": ("pg25-ict-based-forms-of-abuse.txt", "PG25", "2024-09", None, None, ["2024-09"], None),
    "liverpool": ("child-abuse-and-the-internet.txt", None, "2024-09-24", None, None, ["2024-09-24"], "v10"),
}
TITLES = {
    "sussex": "Information Communication Technology",
    "milton-keynes": "Abusive Images of Children and Information Communication Technology (ICT)",
    "northumberland": "Child Abuse and Information Communication Technology",
    "london": "Information and Communication Technology (ICT) based Forms of Abuse",
    "liverpool": "Child Abuse and the Internet",
}
NUMBERED = {  # area: (count, first, last)
    "sussex": (30, "43.2.1", "43.2.30"),
    "milton-keynes": (13, "1.1", "3.3"),
    "london": (35, "1.1", "11.3"),
    "northumberland": (0, None, None),
    "liverpool": (0, None, None),
}


@pytest.fixture(scope="module")
def converted(convert):
    return {area: convert(SOURCES / area / spec[0]) for area, spec in EXPECTED.items()}


@pytest.mark.parametrize("area", EXPECTED)
def test_title_number_and_dates(converted, area):
    _, number, last_updated, next_review, captured, amendments, version = EXPECTED[area]
    chapter = converted[area].chapter
    assert chapter.title == TITLES[area]
    assert chapter.number == number
    assert chapter.last_updated == last_updated
    assert chapter.next_review == next_review
    assert chapter.captured == captured
    assert [a.date for a in chapter.amendments] == amendments
    assert chapter.version == version


@pytest.mark.parametrize("area", EXPECTED)
def test_numbered_paragraphs(converted, area):
    count, first, last = NUMBERED[area]
    numbers = [p.number for p in converted[area].chapter.paragraphs() if p.number]
    assert len(numbers) == count
    if count:
        assert (numbers[0], numbers[-1]) == (first, last)
        assert len(set(numbers)) == count


@pytest.mark.parametrize("area", EXPECTED)
def test_nothing_lost_and_converts_cleanly(converted, area):
    conversion = converted[area]
    assert conversion.ok, [str(d) for d in conversion.report.errors]
    assert conversion.fidelity.coverage == 100.0 and conversion.fidelity.ok
    assert conversion.fidelity.expected > 800


@pytest.mark.parametrize("area", EXPECTED)
def test_every_paragraph_has_a_unique_id(converted, area):
    chapter = converted[area].chapter
    ids = [p.id for p in chapter.paragraphs()] + [h.id for h in chapter.headings()]
    assert all(ids) and len(ids) == len(set(ids))
    for paragraph in chapter.paragraphs():
        expected = f"para-{paragraph.number}" if paragraph.number else "p-"
        assert paragraph.id.startswith(expected)


def test_sussex_structure(converted):
    chapter = converted["sussex"].chapter
    assert chapter.source_url == "http://sussexchildprotection.procedures.org.uk"
    assert chapter.related_chapters == ["Children who Harm Other Children"]
    assert chapter.related_guidance[0] == "CEOPS - Child Exploitation and Online Protection"
    assert [h.text for h in chapter.headings()][:3] == ["Abusive Images", "Unlawful Material", "Lawful Material"]
    first = chapter.paragraphs()[[p.number for p in chapter.paragraphs()].index("43.2.1")]
    assert first.blocks[1].style == "bullets" and len(first.blocks[1].items) == 2
    # 43.2.26 runs on to the next heading: its stray link line belongs to it.
    p26 = next(p for p in chapter.paragraphs() if p.number == "43.2.26")
    assert "Making a referral" in p26.text
    assert {r.reason for r in chapter.removed} == {"amendments-toggle", "printed-on-footer", "contents-list"}


def test_sussex_repeated_paragraph_is_reported_not_removed(converted):
    chapter = converted["sussex"].chapter
    warnings = [str(w) for w in converted["sussex"].report.warnings]
    assert any(":168: warning: paragraph repeats line 139" in w for w in warnings)
    texts = [p.text for p in chapter.paragraphs() if p.number in ("43.2.25", "43.2.30")]
    assert len(texts) == 2 and texts[0] == texts[1]


def test_london_missing_lists_reported(converted):
    warnings = [w.message for w in converted["london"].report.warnings]
    missing = [m for m in warnings if "no list follows" in m]
    assert [m.split()[1] for m in missing] == ["2.2", "7.1", "8.5"]


def test_london_glued_heading_split(converted):
    chapter = converted["london"].chapter
    assert chapter.amendments[0].text.endswith("further information on online grooming.")
    assert chapter.headings()[0].text == "1. Introduction" and chapter.headings()[0].id == "sec-1"
    assert len([h for h in chapter.headings() if h.number]) == 12


def test_milton_keynes_inline_and_alone_numbers(converted):
    chapter = converted["milton-keynes"].chapter
    p15 = next(p for p in chapter.paragraphs() if p.number == "1.5")
    assert len(p15.blocks) == 2  # its second paragraph belongs to it
    p31 = next(p for p in chapter.paragraphs() if p.number == "3.1")
    assert len(p31.blocks) == 6
    headings = [(h.text, h.level) for h in chapter.headings()]
    assert ("1. Definition", 2) in headings and ("Unlawful Material", 3) in headings
    assert ("Further information and resources", 3) in headings


def test_northumberland_lists_and_contents(converted):
    chapter = converted["northumberland"].chapter
    styles = [b.style for p in chapter.paragraphs() for b in p.blocks if hasattr(b, "style")]
    assert styles == ["questions", "steps"]
    steps = next(b for p in chapter.paragraphs() for b in p.blocks if getattr(b, "style", "") == "steps")
    assert len(steps.items) == 8 and steps.items[0].text.startswith("1. The employee")
    contents = [r for r in chapter.removed if r.reason == "contents-list"]
    assert len(contents) == 8  # the label and its seven entries
    assert [h.text for h in chapter.headings() if h.number][0] == "1. The Internet"
    assert chapter.related_guidance[0].startswith("Child Online Safety")
    assert chapter.related_chapters == ["ACPO: Young People who post Self-Taken Indecent Images", "E-Safety - Social Media Guidance"]


def test_liverpool_amendment_and_empty_related_box(converted):
    chapter = converted["liverpool"].chapter
    assert chapter.amendments[0].text == "This chapter was refreshed in September 2024."
    warnings = [w.message for w in converted["liverpool"].report.warnings]
    assert any("Related guidance has no entries" in m for m in warnings)
    assert chapter.source_url == "https://liverpoolscp.trixonline.co.uk"  # from area.yml


def test_what_the_page_does_not_give_is_noted(converted):
    notes = {area: [d.message for d in c.report.items if d.level == "note"] for area, c in converted.items()}
    assert any("no chapter number" in n for n in notes["liverpool"])
    assert any("no paragraph numbers" in n for n in notes["northumberland"])
    assert any("last_updated left empty" in n for n in notes["milton-keynes"])
    assert notes["sussex"] == []
