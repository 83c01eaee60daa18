"""Chapters from other areas, in layouts the five sources do not use (tests/fixtures/other-areas,
see its README for where each comes from). The converter was not fitted to these files: they
came after it, and it had to be made more general to read them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES

from handbook.cli import main

CORPUS = FIXTURES / "other-areas"
# file: (title, number, last_updated, next_review, status, amendment dates, numbered paragraphs)
EXPECTED = {
    "barnsley/bruising-or-injury-to-a-non-mobile-child.txt": (
        "Procedure for bruising or injury to a baby or child who is not independently mobile (non-mobile)",
        None, "2023-04", None, None, ["2023-04"], 0),
    "barnsley/resolving-professional-disagreements.txt": (
        "Resolving Professional Disagreements (Escalation Policy)", None, None, None, "under review", [], 0),
    "buckinghamshire/1.5-child-protection-conferences-procedure.txt": (
        "Child Protection Conferences: Procedure", "1.5", "2019-11-06", None, "up to date", [], 2),
    "buckinghamshire/5.1-multi-agency-child-exploitation-protocol.txt": (
        "Multi-Agency Child Exploitation Protocol", "5.1", "2024-02-22", None, "up to date", [], 6),
    "cornwall-and-isles-of-scilly/bruising-and-injuries-to-non-mobile-children.txt": (
        "Bruising and Injuries to Non-Mobile Children", None, None, None, "under review", [], 0),
    "derby-and-derbyshire/child-protection-section-47-enquiries.txt": (
        "Child Protection Section 47 Enquiries", None, "2017-05", None, None, ["2017-05"], 0),
    "derby-and-derbyshire/child-protection-conferences.txt": (
        "Child Protection Conferences", None, "2018-01", None, None, ["2018-01"], 0),
    "hips/3.14-children-exposed-to-abuse-through-digital-media.txt": (
        "Children Exposed to Abuse through Digital Media", "3.14", None, None, None, [], 0),
    "norfolk/1.1-introduction.txt": ("Introduction", "1.1", None, None, None, [], 0),
    "norfolk/3.4-strategy-discussions.txt": ("Strategy Discussions", "3.4", "2023-03-12", "2025-03", None, [], 0),
    "surrey/13.13.13-female-genital-mutilation.txt": (
        "Female Genital Mutilation", "13.13.13", "2014-09", None, None, [None, "2014-09"], 0),
    "surrey/8.7-strategy-discussions-and-section-47-enquiries.txt": (
        "Strategy Discussions and Section 47 Enquiries", "8.7", "2022-06", None, None, ["2022-06"], 0),
}  # fmt: skip


@pytest.fixture(scope="module")
def converted(convert):
    return {name: convert(CORPUS / name) for name in EXPECTED}


@pytest.mark.parametrize("name", EXPECTED)
def test_other_layouts_convert_with_their_facts(converted, name):
    title, number, last_updated, next_review, status, amendments, numbered = EXPECTED[name]
    conversion = converted[name]
    assert conversion.ok and conversion.fidelity.ok, [str(d) for d in conversion.report.items]
    chapter = conversion.chapter
    assert (chapter.title, chapter.number) == (title, number)
    assert (chapter.last_updated, chapter.next_review, chapter.status) == (last_updated, next_review, status)
    assert [a.date for a in chapter.amendments] == amendments
    assert len([p for p in chapter.paragraphs() if p.number]) == numbered


def test_odd_chrome_is_removed_and_listed(converted):
    removed = {r.reason for r in converted["norfolk/3.4-strategy-discussions.txt"].chapter.removed}
    assert {"cookie-banner", "breadcrumb", "link-bar", "page-feedback", "site-copyright", "back-to-top"} <= removed


def test_related_box_ends_where_the_text_begins(converted):
    chapter = converted["barnsley/resolving-professional-disagreements.txt"].chapter
    assert chapter.related_chapters == ["Responding to Abuse and Neglect", "Strategy Discussions"]
    steps = [b for p in chapter.paragraphs() for b in p.blocks if getattr(b, "style", None) == "steps"]
    assert len(steps) == 1 and len(steps[0].items) == 4


def test_unknown_label_is_reported_not_taken_as_guidance(converted):
    conversion = converted["derby-and-derbyshire/child-protection-conferences.txt"]
    assert [w.line for w in conversion.report.warnings if "RELATED DCOUMENTS" in w.message] == [15]
    assert all("DCOUMENTS" not in g for g in conversion.chapter.related_guidance)


def test_numbered_subheading_is_not_a_paragraph(converted):
    headings = converted["norfolk/1.1-introduction.txt"].chapter.headings()
    assert [(h.text, h.id, h.level) for h in headings][-1] == ("4.1 Policy Framework", "sec-4.1", 3)


def test_missing_list_in_a_layout_without_numbers(converted):
    warnings = converted["hips/3.14-children-exposed-to-abuse-through-digital-media.txt"].report.warnings
    assert [w.line for w in warnings if "no list follows" in w.message] == [10]


def test_ingest_command_on_the_whole_corpus(tmp_path, capsys):
    assert main(["ingest", "--sources", str(CORPUS), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    chapters = len(EXPECTED) + len(MORE)
    areas = sum(1 for p in CORPUS.iterdir() if (p / "area.yml").is_file())
    assert f"{chapters} chapter(s) converted, 0 failed" in out
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in Path(tmp_path / "out").rglob("*.md"))
    assert "norfolk/strategy-discussions.md" in written and len(written) == chapters + areas + 1
    # the recognition summary: a row per chapter
    assert sum(1 for line in out.splitlines() if line.split()[:1] and (CORPUS / line.split()[0]).is_dir()) == chapters


# --- The pages added for unseen layouts (issue #11): expectations in the corpus's expected.yml ---

MORE = {e["file"]: e for e in yaml.safe_load((CORPUS / "expected.yml").read_text("utf-8"))}


@pytest.mark.parametrize("name", MORE)
def test_unseen_layouts_give_the_title_number_and_dates_the_page_prints(convert, name):
    want = MORE[name]
    conversion = convert(CORPUS / name)
    assert conversion.ok and conversion.fidelity.ok, [str(d) for d in conversion.report.items if d.level == "error"]
    chapter = conversion.chapter
    assert (chapter.title, chapter.number) == (want["title"], want["number"])
    assert (chapter.last_updated, chapter.next_review) == (want["last_updated"], want["next_review"])
    assert [a.date for a in chapter.amendments] == want["amendments"]
    if want.get("last_updated_from"):
        assert chapter.inferred.get("last_updated") == want["last_updated_from"]


def test_the_corpus_spans_enough_areas_and_platforms():
    areas = {name.split("/")[0].removesuffix("-proceduresonline") for name in MORE}
    assert len(MORE) >= 15 and len(areas) >= 10 and len({e["platform"] for e in MORE.values()}) >= 3
    assert all(e["url"].startswith("http") for e in MORE.values())


@pytest.mark.parametrize("name", [n for n, e in MORE.items() if e.get("override")])
def test_each_ambiguous_page_has_an_override_that_takes_effect(convert, name, tmp_path):
    import shutil

    source = CORPUS / name
    override = source.with_name(MORE[name]["override"])
    assert override.is_file(), f"{name} is listed as ambiguous: it needs {override.name}"
    folder = tmp_path / source.parent.name
    folder.mkdir()
    shutil.copy(source.parent / "area.yml", folder)
    shutil.copy(source, folder)  # without its override
    without = convert(folder / source.name).chapter
    assert without.last_updated != MORE[name]["last_updated"]
    assert convert(source).chapter.overridden.keys() == {"last_updated"}


def test_banner_lines_above_a_title_are_listed_as_removed(convert):
    conversion = convert(CORPUS / "tees/children-who-go-missing.txt")
    assert conversion.chapter.title == "Children Who Go Missing"
    assert [r.text for r in conversion.chapter.removed if r.reason == "banner-above-title"] == [
        "Tees Safeguarding Children Partnerships' Procedures Download Referral Form Consult 'Providing the Right Support'"]


RECAPTURED = FIXTURES / "recaptured"


def test_a_later_capture_of_the_same_chapter_keeps_its_address_and_adds_its_amendment(tmp_path):
    import shutil

    from conftest import ingest_project  # noqa: F401 - the project helpers are not needed: the corpus is its own tree

    sources, out = tmp_path / "sources", tmp_path / "out"
    for area in ("hertfordshire", "tees"):
        shutil.copytree(CORPUS / area, sources / area)
    assert main(["ingest", "--sources", str(sources), "--out", str(out), "--quiet"]) == 0
    before = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    later = yaml.safe_load((RECAPTURED / "expected.yml").read_text("utf-8"))
    for entry in later:
        shutil.copy(RECAPTURED / entry["file"], sources / entry["file"])  # the new capture replaces the old
    assert main(["ingest", "--sources", str(sources), "--out", str(out), "--quiet"]) == 0
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.md")} == before  # the same addresses
    herts = next(e for e in later if e["file"].startswith("hertfordshire/"))
    page = (out / "hertfordshire" / "implementing-the-child-protection-plan-core-group-and-lead-social-worker.md").read_text("utf-8")
    assert herts["amendments"] == ["2024-11"] and 'amendments:\n  - date: "2024-11"' in page


def test_a_real_list_without_markers_is_a_list_not_a_missing_one(convert):
    conversion = convert(CORPUS / "nottinghamshire/escalating-for-the-right-outcome-conflict-resolution-and-professional-disagreement-policy.txt")
    lists = [b for p in conversion.chapter.paragraphs() for b in p.blocks if getattr(b, "style", None) == "plain"]
    assert [[i.text[:24] for i in block.items] for block in lists] == [["To avoid professional di", "To resolve difficulties "]]
    assert not any("It is important" in w.message or w.line == 26 for w in conversion.report.warnings if "no list" in w.message)
