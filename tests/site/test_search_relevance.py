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


# Two of the handbook's own pages, in the shape Material's index gives them: they must come after
# the partnerships' paragraphs unless the query names them.
OUR_PAGES = [
    {"location": "compare/grooming/", "title": "Grooming and sexual communication",
     "text": "<p>How does the chapter describe online grooming and sexual communication with a child? Grooming.</p>"},
    {"location": "glossary/", "title": "Glossary", "text": "<p>One definition for each term: grooming, LADO, CEOP.</p>"},
]  # fmt: skip


def make_index(tmp: Path, with_mini: bool = True) -> Path:
    handbook = load_handbook(Project(ROOT))
    chapters = judged()["chapters"].values()
    missing = [c for c in chapters if c not in handbook.chapters]
    assert not missing, f"{QUERIES}: the judged chapters {missing} are not in the handbook: judge the queries again"
    urls = {cid: f"chapters/{cid}/" for cid in chapters}
    index = build_index(handbook, urls, OUR_PAGES, glossary_url="glossary/")
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
    """The results in the order shown: each group's items after its page line (so the glossary's
    one line above the results, a group of its own, is not one)."""
    return [item["location"] for group in result["items"] for item in group[1:]]


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


def test_our_pages_come_after_the_chapters_unless_the_query_names_them(index):
    grooming, named, glossary = run(WORKER, index, ["grooming", "grooming and sexual communication", "glossary"])
    shown = paragraphs(grooming)
    ours = [n for n, loc in enumerate(shown) if not loc.startswith("chapters/")]
    assert ours and min(ours) > max(n for n, loc in enumerate(shown) if loc.startswith("chapters/"))
    assert paragraphs(named)[0].startswith("compare/grooming/")
    assert paragraphs(glossary)[0].startswith("glossary/")


def test_nothing_is_folded_and_the_best_paragraph_is_shown_first(index):
    for result in run(WORKER, index, ["grooming", "section 7", "what should I do if a colleague is looking at indecent images at work"]):
        for group in result["items"]:
            # Material folds under "N more on this page" the items scoring below the group's first
            assert all(item["score"] >= group[0]["score"] for item in group), group


def test_the_words_typed_are_marked_but_not_stop_words(index):
    [result] = run(WORKER, index, ["allegation against a teacher"])
    texts = " ".join(item["text"] for group in result["items"] for item in group)
    assert "<mark>Allegations</mark>" in texts
    assert "<mark>a</mark>" not in texts.lower() and "<mark>against</mark>" not in texts.lower()


def test_a_corrected_word_says_so_and_a_glossary_term_gets_one_line_above(index):
    pornography, lado = run(WORKER, index, ["pornagraphy", "LADO"])
    assert "Showing results for <b>pornography</b>" in pornography["items"][0][0]["title"]
    line = lado["items"][0]
    assert len(line) == 1 and "hb-search-define" in line[0]["title"] and "Local Authority Designated Officer" in line[0]["title"]
    assert "#" in paragraphs(lado)[0]  # and the paragraphs follow it


def test_an_area_named_narrows_to_it_and_numbers_land_on_paragraphs(index):
    sussex, number, s47 = run(WORKER, index, ["strategy discussion sussex", "london 9.2", "S.47"])
    assert paragraphs(sussex) and all(loc.startswith("chapters/sussex/") for loc in paragraphs(sussex))
    assert paragraphs(number)[0].endswith("london/information-and-communication-technology-ict-based-forms-of-abuse/#para-9.2")
    first = s47["items"][0][1]["text"]
    assert "<mark>Section</mark> <mark>47</mark>" in first, first


if __name__ == "__main__":  # the figures for another worker (today's, say): python test_search_relevance.py WORKER
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        worker = Path(sys.argv[1]) if len(sys.argv) > 1 else WORKER
        spec = judged()
        out, lines = figures(run(worker, make_index(Path(tmp), with_mini=worker == WORKER), [q["q"] for q in spec["queries"]]), spec)
        print(report(str(worker.name), out, lines))
