"""`handbook synth`: the synthetic corpus the scale benchmark runs on. It must be what the
converter meets on real sites (every layout recognised: title, number, dates, related chapters,
no warnings), the same bytes for a seed, and never mixed with the real sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from handbook.cli import main as handbook
from handbook.datasets import load_data
from handbook.ingest import default_patterns, ingest
from handbook.synth import MANIFEST, load_phrases, synthesise
from handbook.synth.layouts import LAYOUTS

ROOT = Path(__file__).resolve().parents[2]


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "corpus"
    manifest = synthesise(48, 4, seed=7, out=out)
    return out, manifest


@pytest.fixture(scope="module")
def converted(corpus, render_html, tmp_path_factory):
    out, _ = corpus
    return ingest(out, tmp_path_factory.mktemp("chapters"), default_patterns(), render_html)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_pages(corpus, tmp_path):
    out, _ = corpus
    synthesise(48, 4, seed=7, out=tmp_path / "again")
    synthesise(48, 4, seed=8, out=tmp_path / "other")
    assert files(tmp_path / "again") == files(out)
    assert files(tmp_path / "other") != files(out)


def test_chapters_are_shared_out_among_the_areas_one_layout_each(corpus):
    out, manifest = corpus
    assert manifest.areas == ["ashcombe", "bramfield", "corrington", "dunholt"]
    assert [len(list((out / a).glob("*.txt"))) for a in manifest.areas] == [12, 12, 12, 12]
    assert all((out / a / "area.yml").is_file() for a in manifest.areas)
    assert yaml.safe_load((out / MANIFEST).read_text("utf-8"))["seed"] == 7
    assert len(LAYOUTS) == 4


def test_every_page_converts_without_an_error_or_a_warning(converted):
    assert converted.ok
    assert len(converted.conversions) == 48
    problems = [str(d) for d in converted.diagnostics if d.level.name in ("ERROR", "WARNING")]
    assert problems == []


def test_the_converter_reads_each_layouts_number_dates_and_related_chapters(converted, corpus):
    out, manifest = corpus
    by_area: dict[str, list] = {}
    for conversion in converted.conversions:
        by_area.setdefault(conversion.chapter.area, []).append(conversion.chapter)
    numbered, inline, table, unnumbered = (by_area[a] for a in manifest.areas)
    assert all(re.fullmatch(r"\d+\.\d+", c.number) for c in numbered + inline)
    assert all(re.fullmatch(r"PG\d+", c.number) for c in table)
    assert all(c.number is None for c in unnumbered)
    assert all(c.last_updated for chapters in by_area.values() for c in chapters)
    assert all(c.captured for c in numbered + inline)  # the printed-on footer
    assert any(c.amendments for chapters in by_area.values() for c in chapters)
    for area, chapters in by_area.items():
        titles = {c.title for c in chapters}
        named = {t for c in chapters for t in c.related_chapters}
        assert named, f"{area}: no related chapters"
        assert named - titles == set(manifest.unresolved.get(area, []))


def test_the_acts_and_terms_it_writes_are_known_to_the_data(corpus):
    phrases = load_phrases()
    data, reports = load_data(ROOT / "data")
    assert all(r.ok for r in reports)
    statutes = {s.title for s in data.statutes.rows}
    names = {n.casefold() for t in data.glossary.rows for n in t.forms}
    assert set(phrases["acts"]) <= statutes
    for term in phrases["concerns"] + phrases["meetings"] + [c.removeprefix("the ") for c in phrases["contacts"]]:
        assert term.casefold() in names, term


def test_synth_refuses_the_sources_folder_and_a_folder_it_did_not_write(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert handbook(["synth", "--chapters", "8", "--out", "sources/synthetic"]) == 2
    assert "inside sources/" in capsys.readouterr().err
    assert not (ROOT / "sources" / "synthetic").exists()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", "utf-8")
    assert handbook(["synth", "--chapters", "8", "--out", str(tmp_path / "mine")]) == 2
    assert (tmp_path / "mine" / "notes.txt").read_text("utf-8") == "keep me"
    assert handbook(["synth", "--chapters", "4", "--areas", "2", "--out", str(tmp_path / "new")]) == 0
    assert handbook(["synth", "--chapters", "4", "--areas", "2", "--out", str(tmp_path / "new")]) == 0  # its own: replaced
    assert len(list((tmp_path / "new").glob("*/*.txt"))) == 4
