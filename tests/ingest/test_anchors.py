"""Anchors survive a re-capture: a paragraph whose text changed a little keeps its id; an id whose
paragraph is gone stays on the page as an anchor beside the paragraph that replaced it."""

from conftest import ingest_project

from handbook.ingest.anchors import read_previous
from handbook.site.build import build_into

LIVERPOOL = "sources/liverpool/child-abuse-and-the-internet.txt"
PAGE = "docs/chapters/liverpool/child-abuse-and-the-internet.md"
OLD = "p-d42a4e9e"  # "As part of the Serious Crime Act (2015) an offence of sexual communication ..."


def edit(root, old, new):
    path = root / LIVERPOOL
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_paragraph_with_a_word_changed_keeps_its_anchor(project_copy):
    assert f'id="{OLD}"' in (project_copy / PAGE).read_text("utf-8")
    edit(project_copy, "an offence of sexual communication with a child was introduced",
         "a new offence of sexual communication with a child was introduced")  # fmt: skip
    result = ingest_project(project_copy)
    assert result.ok and [p.name for p in result.written] == ["child-abuse-and-the-internet.md"]
    markdown = (project_copy / PAGE).read_text("utf-8")
    assert f'<div class="hb-para" id="{OLD}" markdown>' in markdown
    assert "a new offence of sexual communication" in read_previous(markdown).texts[OLD]
    notes = [str(d) for d in result.diagnostics]
    assert any(f"keeps its anchor {OLD}" in n for n in notes), notes
    # Stable: ingesting again changes nothing, and the built page's old link still lands there.
    assert ingest_project(project_copy).written == []
    build_into(project_copy / "mkdocs.yml", project_copy / "site")
    html = (project_copy / "site/chapters/liverpool/child-abuse-and-the-internet/index.html").read_text("utf-8")
    landing = html[html.index(f'id="{OLD}"') :][:600]
    assert "a new offence of" in landing


def test_a_paragraph_rewritten_retires_its_anchor_beside_its_replacement(project_copy):
    path = project_copy / LIVERPOOL
    lines = path.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("As part of the Serious Crime Act (2015)"))
    lines[at] = "The rules on online contact with children changed, and the police can now act on a single message."
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = ingest_project(project_copy)
    assert result.ok
    markdown = (project_copy / PAGE).read_text("utf-8")
    assert f'<span class="hb-retired" id="{OLD}"></span>' in markdown
    assert any(f"anchor {OLD} retired" in str(d) for d in result.diagnostics)
    assert ingest_project(project_copy).written == []  # the retired anchor persists, unchanged
    build_into(project_copy / "mkdocs.yml", project_copy / "site")
    html = (project_copy / "site/chapters/liverpool/child-abuse-and-the-internet/index.html").read_text("utf-8")
    assert f'id="{OLD}"' in html


def test_the_model_sees_the_carried_anchor_too(project_copy):
    from handbook.load import load_handbook
    from handbook.project import Project

    edit(project_copy, "an offence of sexual communication with a child was introduced",
         "a new offence of sexual communication with a child was introduced")  # fmt: skip
    assert ingest_project(project_copy).ok
    handbook = load_handbook(Project(project_copy))
    assert "a new offence" in handbook.paragraph(f"liverpool/child-abuse-and-the-internet#{OLD}").text
