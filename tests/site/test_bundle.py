"""Per-area offline bundles: `handbook build --offline --area AREA` builds, strictly and checked,
a site of those areas only, with nothing in it that shows or links another area's chapters.

One Sussex bundle is built once for the module (about 4 s) from a copy of the project, run from
the copy's folder so the default names are exercised; the rest needs no build."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from conftest import copy_project
from handbook.checks import Context, run_checks
from handbook.cli import main as handbook
from handbook.diagnostics import Level
from handbook.load import cached_handbook, load_handbook
from handbook.offline import holding
from handbook.project import AREAS_ENV, Project
from handbook.site.search import INDEX_FILE, read_index_script

SUSSEX_PAGE = "chapters/sussex/information-communication-technology.html"
OTHERS = ("london", "liverpool", "milton-keynes", "northumberland")
LONDON_ONLY_PACK = """
  - id: london-only
    title: London's chapter on its own
    description: A pack whose only chapter is London's.
    chapters:
      - london/information-and-communication-technology-ict-based-forms-of-abuse
"""


def build_args(root: Path, *more: str) -> list[str]:
    return ["build", "--sources", str(root / "sources"), "--out", str(root / "docs" / "chapters"),
            "--config", str(root / "mkdocs.yml"), *more]  # fmt: skip


def in_folder(folder: Path, run):
    before = os.getcwd()
    os.chdir(folder)
    try:
        return run()
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """A Sussex bundle of a project copy whose packs.yml also has a pack of London's chapter only."""
    root = copy_project(tmp_path_factory.mktemp("bundle") / "project")
    packs = root / "data" / "packs.yml"
    packs.write_text(packs.read_text("utf-8") + LONDON_ONLY_PACK, "utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = in_folder(root, lambda: handbook(build_args(root, "--offline", "--area", "sussex")))
    site = root / "site-offline-sussex"
    return {"root": root, "site": site, "status": status, "out": out.getvalue(), "err": err.getvalue(),
            "html": {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}}  # fmt: skip


def test_an_unknown_area_is_refused_and_nothing_is_written(project_copy, capsys):
    chapters = {p: p.read_bytes() for p in (project_copy / "docs").rglob("*") if p.is_file()}
    previous = project_copy / "site-offline-sussex"
    previous.mkdir()
    (previous / "index.html").write_text("the previous bundle", "utf-8")
    status = in_folder(project_copy, lambda: handbook(build_args(project_copy, "--offline", "--area", "sussex", "--area", "kent")))
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["handbook build: error: --area 'kent' is not an area; the areas are: "
                   "liverpool, london, milton-keynes, northumberland, sussex; nothing was built"]  # fmt: skip
    assert sorted(p.name for p in project_copy.iterdir() if p.name.startswith(("site", "dist", "."))) == ["site-offline-sussex"]
    assert (previous / "index.html").read_text("utf-8") == "the previous bundle"
    assert {p: p.read_bytes() for p in (project_copy / "docs").rglob("*") if p.is_file()} == chapters


def test_area_without_offline_is_a_usage_error(project_copy, capsys):
    assert handbook(build_args(project_copy, "--area", "sussex")) == 2
    assert "--area makes an offline bundle: add --offline" in capsys.readouterr().err


def test_the_bundle_builds_strictly_and_its_checks_pass(bundle):
    assert bundle["status"] == 0, bundle["err"]
    assert "handbook check passed" in bundle["out"]
    assert bundle["out"].strip().splitlines()[-1] == (
        "handbook build passed: site built in site-offline-sussex (areas: sussex), "
        "zipped as dist/handbook-offline-sussex.zip"
    )
    assert "error" not in bundle["err"]


def test_the_bundle_holds_that_areas_chapters_and_no_others(bundle):
    site = bundle["site"]
    assert (site / SUSSEX_PAGE).is_file() and (site / "chapters" / "sussex" / "index.html").is_file()
    assert sorted(p.name for p in (site / "chapters").iterdir() if p.is_dir()) == ["sussex"]


def test_no_page_links_to_a_left_out_area(bundle):
    found = []
    for name, html in bundle["html"].items():
        for href in re.findall(r'\bhref="([^"]*)"', html):
            if any(f"chapters/{area}/" in href or f"chapters/{area}." in href for area in OTHERS):
                found.append((name, href))
    assert found == []


def test_the_search_index_holds_only_that_areas_paragraphs(bundle):
    text = (bundle["site"] / INDEX_FILE).read_text("utf-8")
    index = read_index_script(text)
    sussex = load_handbook(Project(bundle["root"], frozenset({"sussex"})))
    paragraphs = {p.id for c in sussex.chapters.values() for p in c.paragraphs()}
    chapter_pages = {i for i, (url, _, area) in enumerate(index["pages"]) if area}
    assert {index["pages"][i][2] for i in chapter_pages} == {"Sussex"}
    assert all(not url.startswith("chapters/") or url.startswith("chapters/sussex/") or url == "chapters/index.html"
               for url, _, _ in index["pages"])  # fmt: skip
    anchors = {e[1] for e in index["entries"] if e[0] in chapter_pages and e[1]}
    assert anchors == paragraphs and len(anchors) > 20


def test_the_zip_is_written_under_its_areas_name(bundle):
    with zipfile.ZipFile(bundle["root"] / "dist" / "handbook-offline-sussex.zip") as archive:
        names = archive.namelist()
    assert f"handbook/{SUSSEX_PAGE}" in names and "handbook/index.html" in names
    assert not [n for n in names if any(n.startswith(f"handbook/chapters/{a}/") for a in OTHERS)]


def test_the_home_page_and_area_index_say_what_the_copy_holds(bundle):
    line = "This copy holds: Sussex. The full handbook has 5 areas."
    for page in ("index.html", "chapters/index.html"):
        assert f'<p class="hb-ours hb-bundle">{line}</p>' in bundle["html"][page]
    home = bundle["html"]["index.html"]
    assert "London" not in home.split('id="find-your-area"')[1]


def test_comparisons_show_only_the_bundles_areas(bundle):
    matrix = bundle["html"]["compare/index.html"]
    table = matrix[matrix.index("Topics by area") :]
    table = table[: table.index("</table>")]
    assert ">Sussex<" in table and not any(name in table for name in ("London", "Liverpool", "Northumberland", "Milton Keynes"))
    topic = bundle["html"]["compare/grooming-and-sexual-communication.html"]
    assert 'id="area-sussex"' in topic and 'id="area-london"' not in topic


def test_packs_are_reduced_to_the_bundles_chapters_or_skipped(bundle):
    packs = bundle["html"]["packs.html"]
    assert "(Sussex chapters only)" in packs and "In this copy the pack holds 1 of its 5 chapters" in packs
    assert (bundle["site"] / "training-packs" / "online-abuse.pdf").is_file()
    assert not (bundle["site"] / "training-packs" / "london-only.pdf").exists()
    assert "London&#39;s chapter on its own" not in packs
    assert "1 pack of the full handbook is not in this copy" in packs


def test_the_glossary_says_used_in_this_copys_areas(bundle):
    glossary = bundle["html"]["glossary.html"]
    assert "no chapter of this copy's areas yet" in glossary
    assert "no chapter of the handbook yet" not in glossary


# --- Without a build: the model, the cache and the checks of a bundle ----------------------------


def test_the_model_of_a_bundle_holds_its_areas_and_the_cache_tells_them_apart(project_copy):
    whole = cached_handbook(Project(project_copy))
    sussex = cached_handbook(Project(project_copy, frozenset({"sussex"})))
    assert sussex is not whole and cached_handbook(Project(project_copy)) is not sussex
    assert set(sussex.areas) == {"sussex"} and {c.split("/")[0] for c in sussex.chapters} == {"sussex"}
    assert sorted(sussex.left_out_areas) == sorted(OTHERS) and not whole.left_out_areas
    assert sussex.excluded_areas == set(OTHERS)


def test_only_the_build_option_selects_areas(monkeypatch, tmp_path):
    monkeypatch.setenv(AREAS_ENV, "sussex")
    assert Project.of_config(tmp_path / "mkdocs.yml").areas == frozenset({"sussex"})
    with holding(()):  # `handbook build` without --area: the whole handbook, whatever the shell says
        assert Project.of_config(tmp_path / "mkdocs.yml").areas is None
    with holding(("london", "sussex")):
        assert Project.of_config(tmp_path / "mkdocs.yml").areas == frozenset({"london", "sussex"})
    assert os.environ[AREAS_ENV] == "sussex"


def test_citations_of_left_out_areas_are_notes_and_the_bundles_own_errors_stay(project_copy):
    cautions = project_copy / "data" / "cautions.yml"
    cautions.write_text(cautions.read_text("utf-8").replace("#para-43.2.9", "#para-43.2.99"), "utf-8")
    topics = project_copy / "data" / "topics.yml"
    topics.write_text(topics.read_text("utf-8").replace("sussex/information-communication-technology#para-43.2.1\n",
                                                        "sussex/information-communication-technology#para-43.2.1000\n", 1), "utf-8")  # fmt: skip
    found = run_checks(Context(load_handbook(Project(project_copy, frozenset({"sussex"})))), ["citations", "topics", "glossary"])
    errors = [str(d) for ds in found.values() for d in ds if d.level is Level.ERROR]
    assert len(errors) == 2, errors
    assert "caution 'computer-generated-images' cites 'sussex/information-communication-technology#para-43.2.99'" in errors[0]
    assert "area 'sussex' cites 'sussex/information-communication-technology#para-43.2.1000'" in errors[1]
    assert not [d for ds in found.values() for d in ds if d.level is Level.WARNING]
    notes = [str(d) for d in found["citations"] if d.level is Level.NOTE]
    assert notes and all("which this bundle does not hold (the full build checks it)" in n for n in notes)
    assert any("area 'london': not checked, this bundle does not hold the area" in str(d) for d in found["topics"])


def test_several_areas_are_one_bundle_named_by_their_sorted_ids(tmp_path):
    from conftest import SOURCES
    from handbook.offline import bundle_areas, bundle_paths

    areas = bundle_areas(SOURCES, ["sussex", "london", "sussex"])
    assert areas == ("london", "sussex")
    assert bundle_paths(areas) == (Path("site-offline-london+sussex"), Path("dist/handbook-offline-london+sussex.zip"))
    assert bundle_paths(()) == (Path("site-offline"), Path("dist/handbook-offline.zip"))


def test_an_area_whose_area_yml_is_broken_is_refused_too(project_copy, capsys):
    (project_copy / "sources" / "london" / "area.yml").write_text("name: London\nregoin: London\n", "utf-8")
    assert handbook(build_args(project_copy, "--offline", "--area", "london")) == 2
    err = capsys.readouterr().err
    assert "--area 'london' has an area.yml that cannot be used (`handbook ingest` says why); " \
           "the areas are: liverpool, milton-keynes, northumberland, sussex; nothing was built" in err  # fmt: skip
