"""`handbook pack` and the packs `handbook build` makes: the PDF's text read back with pdftotext
(cover, contents with the right page numbers, chapters with paragraph numbers and header boxes,
appendices, running headers and footers), and bad input refused with the valid names."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project
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


def test_every_page_has_the_date_made_and_page_x_of_y(pages):
    for number, page in enumerate(pages, start=1):
        foot = [line for line in page.splitlines() if line.strip()][-1]
        assert foot.strip().startswith(f"Made on {TODAY}: check the online version for updates"), foot
        assert foot.strip().endswith(f"Page {number} of {len(pages)}"), foot


def test_the_appendices_list_the_terms_and_offences_the_chapters_use(pdf):
    appendix = squeeze(" ".join(page for page in text_of(pdf, layout=False) if "Appendix" in page[:40]))
    assert "ACPO (Association of Chief Police Officers)" in appendix and "Replaced by NPCC" in appendix
    assert "Used in: Sussex, Northumberland" in appendix
    assert "Meeting a child following sexual grooming" in appendix
    assert "Sexual Offences Act 2003, section 15" in appendix
    assert "Protection of Children Act 1978, section 1" in appendix


def test_the_pdf_is_tagged_with_its_title(project, tmp_path):
    pdf = tmp_path / "one.pdf"
    assert pack(project, "--chapter", "sussex/information-communication-technology", "-o", str(pdf)) == 0
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M) and "Title:           Information Communication Technology" in info


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
