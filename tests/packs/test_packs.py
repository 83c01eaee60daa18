"""`handbook pack` and the packs `handbook build` makes: the PDF's text read back with pdftotext
(cover, contents with the right page numbers, chapters with paragraph numbers and header boxes,
appendices, running headers and footers), and bad input refused with the valid names."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from handbook.cli import main as handbook
from handbook.site.header import display_date

TODAY = display_date(dt.date.today().isoformat())
CHAPTERS = {  # area name -> the chapter's label in the contents and running header
    "Sussex": "43.2 Information Communication Technology",
    "London": "PG25 Information and Communication Technology (ICT) based Forms of Abuse",
    "Liverpool": "Child Abuse and the Internet",
    "Northumberland": "1.4.9 Child Abuse and Information Communication Technology",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the fixture handbook, with its (real, copied) data files."""
    return copy_project(tmp_path_factory.mktemp("packs") / "project")


def pack(project: Path, *args: str) -> int:
    return handbook(["pack", "--config", str(project / "mkdocs.yml"), *args])


def text_of(pdf: Path, layout: bool = True) -> list[str]:
    """The PDF's pages as text (with the layout kept, margin boxes are lines of their own)."""
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def pdf(project, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "online-abuse.pdf"
    assert pack(project, "--pack", "online-abuse", "-o", str(path)) == 0
    return path


@pytest.fixture(scope="module")
def pages(pdf):
    return text_of(pdf)


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_the_cover_has_title_date_and_areas(pages):
    cover = squeeze(pages[0])
    assert "Online abuse and images of children: five areas' procedures" in cover
    assert "Areas: Sussex, London, Liverpool, Northumberland, Milton Keynes" in cover
    assert f"Made on {TODAY}" in cover
    assert "not legal advice" in cover
    assert "Page 1 of" not in cover and "check the online version for updates" not in cover  # a cover has no footer


def test_the_contents_give_the_page_each_chapter_starts_on(pages):
    contents = pages[1]
    for area, label in CHAPTERS.items():
        match = re.search(rf"{area} {re.escape(label)} \.+\s+(\d+)", contents)
        assert match, (area, contents)
        start = squeeze(pages[int(match[1]) - 1])
        title = label.split(" ", 1)[1]  # the page prints its own number ("PG25.")
        assert re.match(rf"{area} \S+ {re.escape(title)} {area} \S+ {re.escape(title)}", start), start[:200]  # header, title
    assert re.search(r"Appendix A: glossary terms used in these chapters \.+\s+\d+", contents)
    assert re.search(r"Appendix B: offences these chapters refer to \.+\s+\d+", contents)


def test_chapters_keep_their_paragraph_numbers_and_header_boxes(pages):
    text = squeeze(" ".join(pages))
    assert "43.2.12 It is a criminal offence for anyone aged 18 or over" in text
    assert text.count("About this chapter (added by the handbook)") == 5
    assert "Last updated November 2023" in squeeze(pages[2]) or "Last updated" in pages[2]
    assert "¶" not in text  # permalink marks are for screens


def test_every_page_but_the_cover_has_the_date_made_and_page_x_of_y(pages):
    for number, page in enumerate(pages[1:], start=2):
        foot = [line for line in page.splitlines() if line.strip()][-1]
        assert foot.strip().startswith(f"Made on {TODAY}: check the online version for updates"), foot
        assert foot.strip().endswith(f"Page {number} of {len(pages)}"), foot


def body_lines(page: str) -> list[str]:
    """A page's lines between its running head and its footer."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[1:-1]


def appendix(pages: list[str], letter: str) -> list[str]:
    return [page for page in pages if f"Appendix {letter}:" in page.splitlines()[0]]


def test_the_appendices_list_the_terms_and_offences_the_chapters_use(pdf, pages):
    text = squeeze(" ".join(page for page in text_of(pdf, layout=False) if "Appendix" in page[:120]))
    assert "ACPO (Association of Chief Police Officers)" in text and "Replaced by NPCC" in text
    assert "Used in: Sussex, Northumberland" in text
    plain = text_of(pdf, layout=False)  # table cells read whole, not side by side
    offences = squeeze(" ".join(plain[i] for i, page in enumerate(pages) if page in appendix(pages, "B")))
    assert "How these offences were chosen" in offences
    for name, law in (("Meeting a child following sexual grooming", "Sexual Offences Act 2003, section 15"),
                      ("Taking, making, distributing, showing or advertising indecent photographs of children",
                       "Protection of Children Act 1978, section 1"),
                      ("Sexual communication with a child", "Sexual Offences Act 2003, section 15A"),
                      ("Possession of an indecent photograph of a child", "Criminal Justice Act 1988, section 160")):  # fmt: skip
        assert name in offences and law in offences, name
    # Each row says why it is there: the section cited, or the Act and subject named, or a caution.
    assert "Section cited: Northumberland" in offences
    assert "Act and subject named: London, Liverpool, Northumberland" in offences
    assert "Handbook caution beside Sussex" in offences


def test_appendix_b_says_why_and_never_lists_an_offence_without_a_reason(project, fixture_root):
    from handbook.load import load_handbook
    from handbook.packs.html import used_offences
    from handbook.packs.select import by_chapters, by_pack
    from handbook.project import Project

    loaded = load_handbook(Project(fixture_root))
    rows = used_offences(loaded, by_pack(loaded, "online-abuse"))
    assert len(rows) >= 5 and all(row.reasons for row in rows)
    # Sussex alone names the Sexual Offences Act 2003 but no glossary term whose definition cites
    # one of its sections, and cites no section: only our cautions beside it bring offences in.
    sussex = used_offences(loaded, by_chapters(loaded, ["sussex/information-communication-technology"]))
    assert sussex and all(set(row.why) == {"caution"} for row in sussex)
    # An Act named as a glossary term ("Online Safety Act 2023") is not a subject: London names
    # it, and its definition mentions cyberflashing (s66A), which London does not discuss.
    assert "soa-2003-s66a" not in {row.offence.id for row in rows}


def test_a_box_label_is_never_alone_at_the_foot_of_a_page(pages):
    labels = {"AMENDMENT", "RELATED GUIDANCE", "RELATED CHAPTER", "Amendment", "Related guidance",
              "About this chapter (added by the handbook)", "Offences and laws referred to (added by the handbook)"}  # fmt: skip
    for number, page in enumerate(pages, start=1):
        lines = body_lines(page)
        assert lines and lines[-1] not in labels, (number, lines[-1])
    # Northumberland's amendment box (the review found its label at one page's foot, its text on the next).
    page = next(p for p in pages if "In October 2017, this chapter was updated and now includes" in p
                and "1.4.9" in p.splitlines()[0] and "Amendment history" not in p)  # fmt: skip
    lines = body_lines(page)
    at = lines.index("AMENDMENT")
    assert lines[at + 1].startswith("In October 2017, this chapter was updated"), lines[at : at + 2]


def test_glossary_entries_are_not_split_across_pages(project, pages, fixture_root):
    from handbook.load import load_handbook
    from handbook.packs.html import used_terms
    from handbook.packs.select import by_pack
    from handbook.project import Project

    loaded = load_handbook(Project(fixture_root))
    heads = [row.term.term + (f" ({row.term.expansion})" if row.term.expansion else "") for row in used_terms(loaded, by_pack(loaded, "online-abuse"))]
    glossary = appendix(pages, "A")
    assert len(glossary) > 1
    for page in glossary[1:]:  # each page after the first starts with an entry's term
        first = body_lines(page)[0]
        assert any(first.startswith(head) for head in heads), first
        assert not body_lines(page)[-1].startswith(tuple(heads)) or "Used in:" in body_lines(page)[-1], body_lines(page)[-1]


def test_running_heads_stay_on_one_line_and_name_the_pack_over_the_appendices(pages):
    long_label = "1.4.2 Abusive Images of Children and Information Communication Technology (ICT)"
    mk = [p for p in pages if p.splitlines()[0].lstrip().startswith("Milton Keynes")]
    assert mk
    for page in mk:
        head, second = [line.strip() for line in page.splitlines() if line.strip()][:2]
        assert head.endswith("…") and head.split("   ")[-1].strip()[:-1] in long_label, head
        assert not second.startswith("(ICT)"), second
    for page in appendix(pages, "A") + appendix(pages, "B"):
        assert page.splitlines()[0].lstrip().startswith("Online abuse and images of children"), page.splitlines()[0]


def test_the_laws_box_names_unnumbered_paragraphs_by_first_words_and_page(pages):
    text = " ".join(pages)
    assert "unnumbered paragraph" not in text
    match = re.search(r"Online Safety Act 2023 · legislation\.gov\.uk · in “This chapter was updated in September…” \(p\. (\d+)\)", squeeze(text))
    assert match, "the Online Safety Act row of London's laws box"
    assert "This chapter was updated in September 2024, a link to the Online Safety Act 2023" in squeeze(pages[int(match[1]) - 1])


def test_the_pack_css_keeps_boxes_entries_and_the_currency_warning_whole():
    css = (ROOT / "scripts/handbook/packs/pack.css").read_text("utf-8")
    assert re.search(r"\.hb-box, \.hb-ours \{ break-inside: avoid; \}", css)
    assert re.search(r"\.terms > div \{ break-inside: avoid; \}", css)
    assert re.search(r"aside\.hb-currency \{[^}]*border:[^}]*font-weight: bold;[^}]*break-inside: avoid;", css)
    assert re.search(r"@page cover \{[^\n]*@bottom-right \{ content: none; \}", css)
    assert "text-overflow: ellipsis" in css


def test_the_pdf_is_tagged_with_its_title(project, tmp_path):
    pdf = tmp_path / "one.pdf"
    assert pack(project, "--chapter", "sussex/information-communication-technology", "-o", str(pdf)) == 0
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M) and "Title:           Information Communication Technology" in info


def test_title_names_a_chapter_pack_on_its_cover_and_in_its_metadata(project, tmp_path):
    pdf = tmp_path / "two.pdf"
    assert pack(project, "--chapter", "sussex/information-communication-technology",
                "--chapter", "northumberland/child-abuse-and-information-communication-technology",
                "--title", "  ICT abuse:   Sussex and Northumberland ", "-o", str(pdf)) == 0  # fmt: skip
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           ICT abuse: Sussex and Northumberland" in info
    pages = text_of(pdf)
    assert "ICT abuse: Sussex and Northumberland" in squeeze(pages[0])
    assert appendix(pages, "A")[0].splitlines()[0].lstrip().startswith("ICT abuse: Sussex and Northumberland")


def test_title_is_taken_for_a_topic_and_a_pack_too(fixture_root):
    from handbook.load import load_handbook
    from handbook.packs.select import by_pack, by_topic
    from handbook.project import Project

    loaded = load_handbook(Project(fixture_root))
    assert by_pack(loaded, "online-abuse", "Day 2 handout").title == "Day 2 handout"
    assert by_topic(loaded, "grooming-and-sexual-communication", "Grooming, for the DSL course").title == "Grooming, for the DSL course"
    assert by_pack(loaded, "online-abuse").title == "Online abuse and images of children: five areas' procedures"


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_is_refused_and_nothing_is_written(project, tmp_path, capsys, title):
    out = tmp_path / "untitled.pdf"
    assert pack(project, "--pack", "online-abuse", "--title", title, "-o", str(out)) == 2
    error = capsys.readouterr().err
    assert "handbook pack: error: --title is empty: give the pack a title in words" in error
    assert "no PDF was written" in error and list(tmp_path.iterdir()) == []


def test_an_unknown_chapter_lists_the_valid_names_and_writes_nothing(project, tmp_path, capsys):
    out = tmp_path / "bad.pdf"
    assert pack(project, "--chapter", "sussex/information-communication-technology", "--chapter", "sussex/nope",
                "-o", str(out)) == 1  # fmt: skip
    error = capsys.readouterr().err
    assert "error: no chapter 'sussex/nope' in the handbook" in error
    assert "sussex/information-communication-technology" in error and "london/information-and-communication" in error
    assert "no PDF was written" in error and not out.exists() and list(tmp_path.iterdir()) == []


def test_an_unknown_pack_or_topic_says_what_exists(project, tmp_path, capsys):
    assert pack(project, "--pack", "nope", "-o", str(tmp_path / "x.pdf")) == 1
    assert "no pack 'nope' in data/packs.yml; packs are: online-abuse" in capsys.readouterr().err
    assert pack(project, "--topic", "online", "-o", str(tmp_path / "x.pdf")) == 1
    error = capsys.readouterr().err
    assert "no topic 'online' in data/topics.yml; topics are: ai-and-computer-generated-images, " in error
    assert "grooming-and-sexual-communication" in error
    assert list(tmp_path.iterdir()) == []


def test_a_topic_packs_the_chapters_it_cites(project, tmp_path):
    assert pack(project, "--topic", "grooming-and-sexual-communication", "-o", str(tmp_path / "t.pdf")) == 0
    pages = text_of(tmp_path / "t.pdf")
    assert "Grooming and sexual communication" in squeeze(pages[0])
    whole = squeeze(" ".join(pages))
    for title in ("43.2 Information Communication Technology", "Child Abuse and the Internet"):
        assert title in whole


def test_a_failure_while_rendering_keeps_the_previous_pdf_and_leaves_no_partial(project, tmp_path, monkeypatch):
    import weasyprint

    out = tmp_path / "kept.pdf"
    out.write_bytes(b"%PDF previous")

    def broken(self, target, **kwargs):
        Path(target).write_bytes(b"half a pdf")
        raise RuntimeError("disk full")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    with pytest.raises(RuntimeError):
        pack(project, "--chapter", "sussex/information-communication-technology", "-o", str(out))
    assert out.read_bytes() == b"%PDF previous" and [p.name for p in tmp_path.iterdir()] == ["kept.pdf"]


def test_build_makes_every_pack_into_the_site_linked_from_the_packs_page(project, tmp_path, capsys):
    site = tmp_path / "site"
    packs_yml = project / "data" / "packs.yml"
    original = packs_yml.read_text("utf-8")
    packs_yml.write_text(original + (
        "  - id: broken\n    title: Broken\n    description: Names a chapter that is not there.\n"
        "    chapters:\n      - sussex/information-communication-technology\n      - sussex/nope\n"
    ), "utf-8")  # fmt: skip
    try:
        status = handbook(["build", "--sources", str(project / "sources"), "--out", str(project / "docs/chapters"),
                           "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)])  # fmt: skip
    finally:
        packs_yml.write_text(original, "utf-8")
    error = capsys.readouterr().err
    lines = original.count("\n")
    assert f"data/packs.yml:{lines + 6}: pack 'broken': no chapter 'sussex/nope'" in error, error
    assert status == 1  # the bad pack fails the command; the site and the good pack are still made
    pdf = site / "training-packs" / "online-abuse.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and not (site / "training-packs" / "broken.pdf").exists()
    page = (site / "packs" / "index.html").read_text("utf-8")
    assert 'href="../training-packs/online-abuse.pdf"' in page
    assert 'href="../chapters/sussex/information-communication-technology/"' in page


def test_the_packs_name_chapters_the_handbook_has(project):
    from handbook.load import load_handbook
    from handbook.packs.select import by_pack
    from handbook.project import Project

    loaded = load_handbook(Project(project))
    assert [p.id for p in loaded.data.packs.rows] == ["online-abuse"]
    for row in loaded.data.packs.rows:
        assert len(by_pack(loaded, row.id).chapters) == len(row.chapters)


def test_pack_ends_with_its_verdict_line_like_the_other_commands(project, tmp_path, capsys):
    """Every command ends with one line whose verdict (passed or FAILED) matches its exit status (#20)."""
    assert pack(project, "--chapter", "sussex/information-communication-technology", "-o", str(tmp_path / "a.pdf")) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("handbook pack passed: wrote ") and out[-1].endswith("(1 chapter(s))")
    assert pack(project, "--chapter", "sussex/nope", "-o", str(tmp_path / "b.pdf")) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == "handbook pack FAILED: no PDF was written"
