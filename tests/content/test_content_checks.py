"""`handbook check` passes on the content, whatever it holds: every source converts with no
word lost on its built page, every link and anchor resolves, every date is plausible, every
citation of the data (cautions, comparisons) resolves and every quotation is in its paragraph.
Warnings (a source's defects, an area not yet compared) are reported, never failures."""

from __future__ import annotations

import json

from conftest import CONTENT_ROOT
from handbook.checks import Context, run_checks
from handbook.cli import main
from handbook.diagnostics import Level


def test_handbook_check_passes_on_the_built_site(content_site, content_handbook, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(CONTENT_ROOT)  # the command's defaults: sources/, docs/chapters/, mkdocs.yml
    status = main(["check", "--site", str(content_site), "--verbose", "--json", str(tmp_path / "found.json")])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.out.count("coverage: 100.0% of") == len(content_handbook.chapters)  # every chapter's page
    assert captured.out.rstrip().splitlines()[-1].startswith("handbook check passed: 0 error(s)")
    found = json.loads((tmp_path / "found.json").read_text("utf-8"))
    assert found["verdict"] == "passed" and set(found["checks"]) >= {"ingest", "fidelity", "links", "dates", "topics"}


def test_no_check_of_the_model_finds_an_error(content_handbook):
    found = run_checks(Context(content_handbook))
    assert [str(d) for ds in found.values() for d in ds if d.level is Level.ERROR] == []
