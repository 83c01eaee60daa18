"""The scale benchmark's own machinery (scripts/benchmark.py): the project it measures and the
report it writes. Nothing here times anything; the measured report of 2026-11-29 (the README's
Scale table) is the fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bench" / "report.json"
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark  # noqa: E402


def test_the_measured_project_holds_the_corpus_beside_the_real_chapters_and_plain_material_the_same_markdown(tmp_path):
    made = benchmark.make_project(tmp_path, 12, 3, seed=1)
    assert made["areas"] == ["ashcombe", "bramfield", "corrington"]
    real = len(list((ROOT / "sources").glob("*/*.txt")))  # beside the real chapters, whatever they are
    assert len(list((tmp_path / "sources").glob("*/*.txt"))) == 12 + real
    elsewhere = (tmp_path / "data" / "elsewhere.yml").read_text("utf-8")
    assert all(json.dumps(t) in elsewhere for titles in yaml.safe_load((tmp_path / "synth" / "synth.yml").read_text("utf-8"))
               ["unresolved_related"].values() for t in titles)  # fmt: skip
    plain = yaml.safe_load((tmp_path / "plain.yml").read_text("utf-8"))
    ours = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    assert plain["markdown_extensions"] == ours["markdown_extensions"]
    assert plain["theme"]["features"] == ["navigation.sections", "navigation.indexes", "navigation.prune"]
    assert plain["plugins"] == ["search"] and "hooks" not in plain


def test_the_report_has_every_figure_each_target_and_what_limits_a_missed_one(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--from-json", str(FIXTURE), "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert "report.md" in out.stdout
    report = (tmp_path / "report.md").read_text("utf-8")
    measured = json.loads(FIXTURE.read_text("utf-8"))
    for key, label, _ in benchmark.ROWS:
        assert label in report, key
    for key, (limit, _, what) in benchmark.TARGETS.items():
        assert f"| {what} |" in report
    missed = [t for t in measured["targets"] if not t["met"]]
    assert missed and report.count("missed by") == len(missed)
    for target in missed:
        assert f"- **{target['what']}**" in report
    assert "| 255 chapters | 1005 chapters | 3005 chapters | growth |" in report
