"""In-text section and paragraph references, and related chapters: each resolves or is reported
with its file and line; those that resolve are linked on the page."""

from handbook.checks import Context, run_checks
from handbook.ingest.model import Chapter, Heading, Paragraph, TextBlock
from handbook.internal import resolve
from handbook.load import load_handbook
from handbook.project import Project

NORTHUMBERLAND = "sources/northumberland/1.4.9-child-abuse-and-ict.txt"
SUSSEX = "sources/sussex/43.2-information-communication-technology.txt"


def found(root, name):
    return "\n".join(str(d) for d in run_checks(Context(load_handbook(Project(root))), [name])[name])


def edit(root, source, old, new):
    path = root / source
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if new.strip() in line)


def test_a_section_reference_to_a_missing_section(project_copy):
    line = edit(project_copy, NORTHUMBERLAND, "see Section 6, Outcome", "see Section 9, Outcome")
    assert f"{NORTHUMBERLAND}:{line}: error[sections]: paragraph " in found(project_copy, "sections")
    assert "refers to Section 9, which this chapter does not have" in found(project_copy, "sections")


def test_a_section_reference_with_the_wrong_title(project_copy):
    edit(project_copy, NORTHUMBERLAND, "see Section 6, Outcome of the Section 47 Enquiry", "see Section 5, Outcome of the Section 47 Enquiry")
    assert "refers to Section 5 as 'Outcome of the Section 47 Enquiry', but it is titled '5. Referral and Strategy Discussion'" in found(project_copy, "sections")


def test_paragraph_references_resolve_to_numbered_paragraphs():
    chapter = Chapter("x", "s", "sources/x/s.txt", "T", 1, body=[
        Heading("1. One", 2, "1", 2, "sec-1"),
        Paragraph([TextBlock("First.", 3)], 3, "1.1", id="para-1.1"),
        Paragraph([TextBlock("As paragraph 1.1 says, and see paragraph 1.9.", 4)], 4, "1.2", id="para-1.2"),
    ])  # fmt: skip
    results = [(r.ref.number, r.target, r.problem) for r in resolve(chapter)]
    assert results == [("1.1", "para-1.1", None), ("1.9", None, "paragraph 1.9, which this chapter does not have")]


def test_the_resolving_reference_is_linked_on_the_page(built_site):
    html = (built_site / "chapters/northumberland/child-abuse-and-information-communication-technology/index.html").read_text("utf-8")
    assert '<a class="hb-ref" href="#sec-6">Section 6, Outcome of the Section 47 Enquiry</a>' in html
    assert 'id="sec-6"' in html


def test_a_related_chapter_listed_nowhere_is_an_error_naming_the_file_to_add_it_to(project_copy):
    line = edit(project_copy, SUSSEX, "Children who Harm Other Children", "Children who Harm Others Online")
    assert (f"{SUSSEX}:{line}: error[related]: related chapter 'Children who Harm Others Online' is neither a chapter of "
            "the handbook nor listed in data/elsewhere.yml") in found(project_copy, "related")  # fmt: skip


def test_related_chapters_say_where_they_are(built_site):
    html = (built_site / "chapters/sussex/information-communication-technology/index.html").read_text("utf-8")
    assert '<span class="hb-ours hb-related" data-search-exclude>[not in this handbook: Sussex]</span>' in html


def test_a_related_chapter_in_the_handbook_is_linked(project_copy):
    from handbook.site.build import build_into

    (project_copy / "sources/sussex/children-who-harm.txt").write_text(
        "Children who Harm Other Children\n\nWhen a child harms another child, the procedure is this one.\n", "utf-8")
    from conftest import ingest_project

    assert ingest_project(project_copy).ok
    build_into(project_copy / "mkdocs.yml", project_copy / "site")
    html = (project_copy / "site/chapters/sussex/information-communication-technology/index.html").read_text("utf-8")
    assert '[<a href="../children-who-harm-other-children/">in this handbook</a>]' in html


def test_a_reference_past_the_end_of_a_short_copy_is_named_a_short_copy(project_copy):
    """The copy, not the partnership, is at fault when it stops mid-sentence before the section
    it refers to (#20): a new chapter pasted from a page cut off in its Section 5."""
    path = project_copy / NORTHUMBERLAND
    lines = path.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("A Strategy Discussion and any Section 47 Enquiry"))
    path.write_text("\n".join(lines[:at] + ["A Strategy Discussion and any Section 47 Enquiry must carefully"]) + "\n", "utf-8")
    (project_copy / "docs/chapters/northumberland/child-abuse-and-information-communication-technology.md").unlink()
    message = found(project_copy, "sections")
    assert "refers to Section 6, which this chapter does not have: a short copy (the copy stops at Section 5, " \
           f"mid-sentence at line {at + 1}), not a fault of the partnership's (copy the whole page again" in message
    assert "the partnership renumbered" not in message


def test_a_reference_past_the_last_section_of_a_whole_copy_says_both(project_copy):
    edit(project_copy, NORTHUMBERLAND, "see Section 6, Outcome", "see Section 9, Outcome")
    message = found(project_copy, "sections")
    assert "(the copy stops at Section 7, at the end of a sentence at line " in message
    assert "if the page goes on past the copy, it is a short copy" in message
