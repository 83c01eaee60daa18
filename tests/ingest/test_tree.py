"""Ingesting a whole sources folder (the fixture handbook's): determinism, writes, staleness,
failures kept apart. The real chapters are current: tests/content/test_content_sources.py."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, fixture_template, ingest_project

from handbook.cli import main


def test_deterministic_and_writes_only_changes(project_copy):
    out = project_copy / "docs" / "chapters"
    shutil.rmtree(out)
    first = ingest_project(project_copy)
    assert first.ok and len(first.written) == 11
    snapshot = {p: p.read_bytes() for p in out.rglob("*.md")}
    mtimes = {p: p.stat().st_mtime_ns for p in snapshot}
    second = ingest_project(project_copy)
    assert second.written == [] and second.removed == []
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == snapshot
    assert {p: p.stat().st_mtime_ns for p in snapshot} == mtimes
    # And identical to what ingest wrote into the fixture handbook (a fresh folder, at another path).
    made = fixture_template() / "docs" / "chapters"
    assert {p.relative_to(made): p.read_bytes() for p in made.rglob("*.md")} == {p.relative_to(out): c for p, c in snapshot.items()}


def test_check_reports_stale_output(project_copy, capsys):
    source = project_copy / "sources" / "sussex" / "43.2-information-communication-technology.txt"
    source.write_text(source.read_text("utf-8").replace("Abusive Images\n", "Abusive Imagery\n", 1), "utf-8")
    result = ingest_project(project_copy, check=True)
    assert [p.name for p in result.stale] == ["information-communication-technology.md"]
    args = ["ingest", "--check", "--sources", str(project_copy / "sources"), "--out", str(project_copy / "docs/chapters"),
            "--config", str(project_copy / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1
    assert "stale" in capsys.readouterr().err


def test_failed_chapter_keeps_previous_output_and_others_convert(project_copy):
    out = project_copy / "docs" / "chapters"
    kept = out / "london" / "information-and-communication-technology-ict-based-forms-of-abuse.md"
    before = kept.read_bytes()
    (project_copy / "sources" / "london" / "pg25-ict-based-forms-of-abuse.txt").write_bytes(b"\x00\x01binary")
    sussex = project_copy / "sources" / "sussex" / "43.2-information-communication-technology.txt"
    sussex.write_text(sussex.read_text("utf-8").replace("Abusive Images\n", "Abusive Imagery\n", 1), "utf-8")
    result = ingest_project(project_copy)
    assert not result.ok
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1 and "pg25-ict-based-forms-of-abuse.txt:1: error: the file is not text" in errors[0]
    assert kept.read_bytes() == before
    assert "Abusive Imagery" in (out / "sussex" / "information-communication-technology.md").read_text("utf-8")


def test_removed_source_removes_its_chapter(project_copy):
    (project_copy / "sources" / "liverpool" / "child-abuse-and-the-internet.txt").unlink()
    result = ingest_project(project_copy)
    assert [p.name for p in result.removed] == ["child-abuse-and-the-internet.md"]
    assert (project_copy / "docs" / "chapters" / "liverpool" / "index.md").exists()


def test_area_without_area_yml_is_an_error_and_others_build(project_copy):
    (project_copy / "sources" / "sussex" / "area.yml").unlink()
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1 and "no area.yml" in errors[0] and "sussex" in errors[0]
    assert len([c for c in result.conversions if c.ok]) == 4
    # Its previously generated chapter is kept, not deleted.
    assert (project_copy / "docs" / "chapters" / "sussex" / "information-communication-technology.md").exists()


def test_malformed_area_yml_names_file_and_line(project_copy):
    (project_copy / "sources" / "london" / "area.yml").write_text(
        "name: London\nmanual: [unclosed\nsite: null\n", "utf-8"
    )
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1
    assert "sources/london/area.yml:" in errors[0] and "not valid YAML" in errors[0]


def test_area_yml_schema_errors_listed_at_once_with_lines(project_copy):
    (project_copy / "sources" / "london" / "area.yml").write_text(
        "name: London\nmanual: 7\nsite: ftp://x\nregion: London\ncopyright:\n  holder: LSCP\n  terms: null\ncolour: red\n",
        "utf-8",
    )
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 3
    assert any("area.yml:8:" in e and "colour" in e for e in errors)
    assert any("area.yml:2:" in e and "manual" in e for e in errors)
    assert any("area.yml:3:" in e and "site" in e for e in errors)


def test_two_sources_with_one_title_collide_clearly(project_copy):
    folder = project_copy / "sources" / "sussex"
    shutil.copy(folder / "43.2-information-communication-technology.txt", folder / "zz-copy.txt")
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1 and "zz-copy.txt:1: error: has the same title as " in errors[0]
    assert "43.2-information-communication-technology.txt, which is kept (the first by file name); this file is not published" in errors[0]


@pytest.mark.parametrize("text", ["43.2 Information Communication Technology\n",
                                  "Skip to content\n\nA Title Alone\n\nRelated Chapters\n\nSomething\n"])  # fmt: skip
def test_a_source_with_no_chapter_text_is_an_error_and_not_published(project_copy, text):
    (project_copy / "sources" / "sussex" / "empty.txt").write_text(text, "utf-8")
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1 and "empty.txt:" in errors[0]
    assert "the file has no chapter text (only a title, site chrome or header boxes): not published" in errors[0]
    assert not result.ok and sorted(p.name for p in (project_copy / "docs/chapters/sussex").iterdir()) == [
        "index.md", "information-communication-technology.md"]  # fmt: skip


def test_a_converter_bug_on_one_file_does_not_stop_the_others(project_copy, monkeypatch):
    from handbook.ingest import tree

    real = tree.convert_file

    def flaky(path, *args, **kwargs):
        if path.name.startswith("pg25"):
            raise RuntimeError("simulated bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tree, "convert_file", flaky)
    result = ingest_project(project_copy)
    errors = [str(d) for d in result.diagnostics if d.level == "error"]
    assert len(errors) == 1 and "the converter failed on this file (RuntimeError: simulated bug)" in errors[0]
    assert len([c for c in result.conversions if c.ok]) == 4


def test_many_sources_convert_on_every_core_to_the_same_pages(tmp_path, monkeypatch):
    """Past POOL_FROM files ingest converts in worker processes; what it writes and reports is
    exactly what one process would (here 60 synthetic chapters, two workers against one)."""
    from handbook.ingest import default_patterns, ingest
    from handbook.ingest.tree import POOL_FROM
    from handbook.site.config import chapter_renderer
    from handbook.synth import synthesise

    synthesise(60, 3, seed=3, out=tmp_path / "sources")
    assert 60 >= POOL_FROM
    results = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("HANDBOOK_WORKERS", workers)
        out = tmp_path / f"out-{workers}"
        result = ingest(tmp_path / "sources", out, default_patterns(), chapter_renderer(ROOT / "mkdocs.yml"))
        assert result.ok
        results[workers] = ({p.relative_to(out): p.read_bytes() for p in out.rglob("*.md")},
                            [str(d) for d in result.diagnostics], [c.chapter.id for c in result.conversions])  # fmt: skip
    assert results["1"] == results["2"]
    assert len(results["2"][0]) == 60 + 3 + 1


def test_the_model_reuses_what_ingest_recognised_until_a_source_changes(project_copy):
    """The build after an ingest reuses its chapters (the model is the same as recognising them
    again); a source edited since is recognised afresh."""
    from handbook.load import _recognised, load_handbook, remember
    from handbook.project import Project

    result = ingest_project(project_copy)
    fresh = load_handbook(Project(project_copy))
    remember(result.conversions)
    reused = load_handbook(Project(project_copy))
    source = project_copy / "sources" / "sussex" / "43.2-information-communication-technology.txt"
    assert _recognised[source.resolve()][2] is reused.chapters["sussex/information-communication-technology"]
    assert [(str(r), p.text) for r, _, p in reused.paragraphs()] == [(str(r), p.text) for r, _, p in fresh.paragraphs()]
    source.write_text(source.read_text("utf-8").replace("Abusive Images\n", "Abusive Imagery\n", 1), "utf-8")
    edited = load_handbook(Project(project_copy))
    chapter = edited.chapters["sussex/information-communication-technology"]
    assert chapter is not reused.chapters["sussex/information-communication-technology"]
    assert any("Abusive Imagery" == getattr(node, "title", None) for node in chapter.body) or \
        "Abusive Imagery" in str(chapter.body)
