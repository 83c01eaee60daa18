"""Search relevance on judged queries (tests/fixtures/search/queries.yml): each query is run
through the real worker (docs/assets/javascripts/workers/handbook-search.js, in node, over the
index the build makes) and scored at paragraph level: success at 1 and 5, and the mean
reciprocal rank of the first right paragraph.

The index is made from the fixture's chapters only, so chapters added to the handbook never
move these figures; the figures are printed (`pytest -s`) whatever the outcome.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from handbook.load import load_handbook
from handbook.project import Project
from handbook.site.search import WORKER, build_index, index_script, minisearch_index

QUERIES = FIXTURES / "search" / "queries.yml"
EVAL = Path(__file__).with_name("search_eval.js")
LIBRARY = ROOT / "node_modules" / "minisearch" / "dist" / "umd" / "index.js"
TARGETS = {"success@1": 0.7, "success@5": 0.9, "MRR": 0.8, "questions success@5": 0.8}


def judged() -> dict:
    return yaml.safe_load(QUERIES.read_text("utf-8"))


def make_index(tmp: Path, with_mini: bool = True) -> Path:
    handbook = load_handbook(Project(ROOT))
    chapters = judged()["chapters"].values()
    missing = [c for c in chapters if c not in handbook.chapters]
    assert not missing, f"{QUERIES}: the judged chapters {missing} are not in the handbook: judge the queries again"
    urls = {cid: f"chapters/{cid}/" for cid in chapters}
    index = build_index(handbook, urls, [], glossary_url="glossary/")
    if with_mini:
        index["mini"] = minisearch_index(index, ROOT)
        assert index["mini"], "the MiniSearch index was not made (node and `npm ci` are needed)"
    path = tmp / "handbook_index.js"
    path.write_text(index_script(index), "utf-8")
    return path


def run(worker: Path, index: Path, queries: list[str]) -> list[dict]:
    done = subprocess.run(["node", str(EVAL), str(worker), str(LIBRARY), str(index)], input=json.dumps(queries),
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout)


def paragraphs(result: dict) -> list[str]:
    """The result's paragraphs in the order shown: each group's items after its page line (the
    glossary's one line above the results is not one)."""
    return [item["location"] for group in result["items"] for item in group
            if "#" in item["location"] and "hb-search-define" not in item["title"]]  # fmt: skip


def figures(results: list[dict], spec: dict) -> tuple[dict, list[str]]:
    keys = {k: f"chapters/{v}/" for k, v in spec["chapters"].items()}
    rows, lines = [], []
    for query, result in zip(spec["queries"], results):
        answers = {keys[a.split(":")[0]] + "#" + a.split(":", 1)[1] for a in query["answers"]}
        shown = paragraphs(result)
        rank = next((n for n, loc in enumerate(shown, 1) if loc in answers), None)
        rows.append((query, rank, len(shown)))
        if rank != 1:
            lines.append(f"  {query['kind']:12} {query['q']!r}: rank {rank} of {len(shown)}; first {shown[:1]}")
    def share(selected, k):
        return sum(1 for _, r, _ in selected if r and r <= k) / max(1, len(selected))
    questions = [r for r in rows if r[0]["kind"] == "question"]
    out = {
        "queries": len(rows),
        "success@1": share(rows, 1),
        "success@5": share(rows, 5),
        "MRR": sum(1 / r for _, r, _ in rows if r) / len(rows),
        "questions success@5": share(questions, 5),
        "misspelt with no result": sum(1 for q, _, n in rows if q["kind"] == "misspelt" and n == 0),
    }
    for kind in sorted({q["kind"] for q, _, _ in rows}):
        of = [r for r in rows if r[0]["kind"] == kind]
        out[f"  {kind} ({len(of)}) s@1 / s@5"] = f"{share(of, 1):.2f} / {share(of, 5):.2f}"
    return out, lines


def report(name: str, out: dict, lines: list[str]) -> str:
    text = [f"search relevance ({name}):"] + [f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}" for k, v in out.items()]
    return "\n".join(text + ["not first:"] + lines)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return make_index(tmp_path_factory.mktemp("search"))


def test_judged_queries_find_their_paragraphs(index):
    spec = judged()
    out, lines = figures(run(WORKER, index, [q["q"] for q in spec["queries"]]), spec)
    print("\n" + report("handbook worker", out, lines))
    assert len(spec["queries"]) >= 60
    below = {k: out[k] for k, target in TARGETS.items() if out[k] < target}
    assert not below, f"below target {TARGETS}: {below}\n" + report("handbook worker", out, lines)
    assert out["misspelt with no result"] == 0


if __name__ == "__main__":  # the figures for another worker (today's, say): python test_search_relevance.py WORKER
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        worker = Path(sys.argv[1]) if len(sys.argv) > 1 else WORKER
        spec = judged()
        out, lines = figures(run(worker, make_index(Path(tmp), with_mini=worker == WORKER), [q["q"] for q in spec["queries"]]), spec)
        print(report(str(worker.name), out, lines))
