#!/usr/bin/env python3
"""Benchmark the handbook at scale against plain Material, on one generated corpus.

    .venv/bin/python scripts/benchmark.py --chapters 1000 [--areas 5] [--runs 3] [--growth 250,3000]

For each size (the `--chapters` one and each `--growth` one) it writes a synthetic corpus
(`handbook synth`, seeded), copies the project into a temporary folder with those areas beside
the real sources, and measures, as separate processes on the 2 cores:

* ingest alone: chapters per second (the no-words-lost check included);
* the cold pipeline, `handbook build` from no generated chapters and no site (ingest, the strict
  build with every training pack, the checks), against plain Material building the same
  Markdown with the same Markdown extensions, nested navigation (`navigation.sections`,
  `navigation.indexes`, `navigation.prune`) and its search plugin: times, their ratio, and the
  peak memory of each (summed over the process and its workers);
* bytes: HTML per chapter page, the whole site, the search index, the offline zip, and a
  one-area offline bundle (`handbook build --offline --area AREA`);
* the first search result in headless Chromium on a nested chapter page, from file:// (the
  offline bundle), from file:// (one area's bundle) and over http on loopback, fresh page loads;
* a 10-chapter training pack (`handbook pack`), and the template-text finder on the corpus.

Runs are interleaved (ours, then plain) and summarised as median and range. It writes
`build/benchmark/report.json` and `report.md` (`--out`): every figure, the targets met or
missed with the gap, and how each figure grows with the chapters. Timings are for one machine;
tests never assert them.

`--finder-only` times only the template-text finder on real chapters drifted apart (the worst
case for its index); see `bench_finder`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench.measure import Summary, folder_bytes, run  # noqa: E402

PARTS = ("mkdocs.yml", "docs", "macros", "sources", "scripts", "data", "overrides", "package.json", "node_modules")
FEATURES = ["navigation.sections", "navigation.indexes", "navigation.prune"]
QUERY = "chronology"  # in about one paragraph in six of the synthetic corpus
TARGETS = {  # figure: (limit, "max" or "min", what it is)
    "pipeline_ratio": (1.25, "max", "cold pipeline / plain Material build"),
    "ingest_per_second": (300, "min", "ingest, chapters per second"),
    "page_kb": (100, "max", "HTML per chapter page (KB, mean)"),
    "rss_ratio": (1.25, "max", "peak memory / plain Material's"),
    "search_file_s": (0.5, "max", "first search result from disk (s)"),
    "search_http_s": (0.5, "max", "first search result over http (s)"),
    "pack_s": (10, "max", "10-chapter training pack (s)"),
}


def plain_config(project: Path) -> dict:
    """Plain Material with the handbook's Markdown extensions, nested navigation and search."""
    ours = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    return {
        "site_name": "Plain Material",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": FEATURES},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search"],
    }


def make_project(work: Path, chapters: int, areas: int, seed: int) -> dict:
    """The project copied into `work`, the synthetic areas beside the real sources, no generated
    chapters (cold). Returns the synth manifest."""
    from handbook.synth import synthesise

    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, work / part, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        elif source.exists():
            shutil.copy(source, work / part)
    manifest = synthesise(chapters, areas, seed, work / "synth")
    for area in manifest.areas:
        shutil.move(work / "synth" / area, work / "sources" / area)
    # The related chapters the corpus names but does not hold, as an editor lists them.
    elsewhere = work / "data" / "elsewhere.yml"
    entries = "".join(f"  - area: {area}\n    title: {json.dumps(title)}\n    url: null\n    note: null\n"
                      for area, titles in manifest.unresolved.items() for title in titles)  # fmt: skip
    elsewhere.write_text(elsewhere.read_text("utf-8").rstrip("\n") + "\n" + entries, "utf-8")
    (work / "plain.yml").write_text(yaml.safe_dump(plain_config(work)), "utf-8")
    return {"areas": manifest.areas, "seed": seed}


def clean(work: Path) -> None:
    """Back to cold: no generated chapters, no sites."""
    from handbook.ingest.tree import generated_from

    for path in (work / "docs" / "chapters").rglob("*.md"):
        if generated_from(path):
            path.unlink()
    for name in ("site-ours", "site-plain"):
        shutil.rmtree(work / name, ignore_errors=True)


def chapter_pages(site: Path) -> list[Path]:
    return [p for p in site.glob("chapters/*/*/index.html")]


def measure_size(work: Path, chapters: int, areas: list[str], runs: int, search_rounds: int, log) -> dict:
    bin_dir = Path(sys.executable).parent
    handbook = str(bin_dir / "handbook")
    total = chapters + len([p for p in (ROOT / "sources").glob("*/*.txt")])
    ingest, ours, plain, stages = [], [], [], []
    for n in range(runs):
        clean(work)
        ingest.append(run([handbook, "ingest", "--quiet"], work))
        clean(work)
        timings = work / f"stages-{n}.json"
        ours.append(run([handbook, "build", "--site-dir", "site-ours"], work, env={**os.environ, "HANDBOOK_TIMINGS": str(timings)}))
        stages.append(json.loads(timings.read_text("utf-8")))
        plain.append(run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plain.yml", "-d", "site-plain"], work))
        log(f"  run {n + 1}: ingest {ingest[-1].seconds:.1f} s, handbook build {ours[-1].seconds:.1f} s, "
            f"plain Material {plain[-1].seconds:.1f} s")  # fmt: skip
    offline = run([handbook, "build", "--offline", "--site-dir", "site-offline", "--zip", "dist/offline.zip"], work)
    area = areas[0]
    bundle = run([handbook, "build", "--offline", "--area", area, "--site-dir", "site-area", "--zip", "dist/area.zip"], work)
    log(f"  offline build {offline.seconds:.1f} s, one-area bundle {bundle.seconds:.1f} s")
    slugs = sorted(p.parent.name for p in (work / "site-ours" / "chapters" / area).glob("*/index.html"))
    pack_chapters = [f"{area}/{s}" for s in slugs[:10]]
    pack_command = [handbook, "pack", *[a for c in pack_chapters for a in ("--chapter", c)], "-o", "pack.pdf"]
    packs = [run(pack_command, work) for _ in range(runs)]
    finder = finder_seconds(work, runs)
    search = search_times(work, area, slugs[len(slugs) // 2], search_rounds)
    searched = ", ".join(f"{name} {found['focus'].median:.0f} ms" for name, found in search.items())
    log(f"  pack {statistics.median(r.seconds for r in packs):.1f} s, finder {statistics.median(finder):.2f} s, search {searched}")
    pages_ours, pages_plain = chapter_pages(work / "site-ours"), chapter_pages(work / "site-plain")
    kb = [p.stat().st_size / 1024 for p in pages_ours]
    seconds = lambda runs_: Summary.of([r.seconds for r in runs_])  # noqa: E731
    rss = lambda runs_: Summary.of([r.peak_rss / 2**20 for r in runs_])  # noqa: E731
    figures = {
        "chapters": total,
        "ingest_s": seconds(ingest),
        "ingest_per_second": total / statistics.median(r.seconds for r in ingest),
        "pipeline_s": seconds(ours),
        "plain_s": seconds(plain),
        "pipeline_ratio": statistics.median(o.seconds / p.seconds for o, p in zip(ours, plain)),
        "rss_mb": rss(ours),
        "plain_rss_mb": rss(plain),
        "rss_ratio": statistics.median(o.peak_rss / p.peak_rss for o, p in zip(ours, plain)),
        "page_kb": statistics.mean(kb),
        "page_kb_max": max(kb),
        "plain_page_kb": statistics.mean(p.stat().st_size / 1024 for p in pages_plain),
        "site_mb": folder_bytes(work / "site-ours") / 1e6,
        "plain_site_mb": folder_bytes(work / "site-plain") / 1e6,
        "search_index_mb": sum(f.stat().st_size for f in (work / "site-ours" / "search").glob("*")) / 1e6,
        "plain_search_index_mb": sum(f.stat().st_size for f in (work / "site-plain" / "search").glob("*")) / 1e6,
        "offline_zip_mb": (work / "dist" / "offline.zip").stat().st_size / 1e6,
        "area_zip_mb": (work / "dist" / "area.zip").stat().st_size / 1e6,
        "offline_build_s": offline.seconds,
        "area_build_s": bundle.seconds,
        "pack_s": seconds(packs),
        "finder_s": Summary.of(finder),
    }
    for stage in stages[0]:
        figures[f"stage: {stage}"] = Summary.of([s[stage] for s in stages])
    for name, found in search.items():
        figures[f"search_{name}_s"] = Summary.of([v / 1000 for v in found["raw_focus"]])
        figures[f"search_{name}_page_s"] = Summary.of([v / 1000 for v in found["raw_total"]])
        figures[f"search_{name}_outside_requests"] = found["outside"]
    return figures


FINDER = """
import sys, time
from handbook.compare.shared import shared_in
from handbook.load import load_handbook
from handbook.project import Project
handbook = load_handbook(Project(__import__('pathlib').Path('.')))
start = time.perf_counter(); shared_in(handbook); print(time.perf_counter() - start)
"""


def finder_seconds(work: Path, runs: int) -> list[float]:
    import subprocess

    return [float(subprocess.run([sys.executable, "-c", FINDER], cwd=work, check=True, capture_output=True, text=True)
                  .stdout.split()[-1]) for _ in range(runs)]  # fmt: skip


def search_times(work: Path, area: str, slug: str, rounds: int) -> dict:
    from bench.browser import first_search, served

    with served(work / "site-ours") as http:
        urls = {
            "file": (work / "site-offline" / "chapters" / area / f"{slug}.html").as_uri(),
            "area_file": (work / "site-area" / "chapters" / area / f"{slug}.html").as_uri(),
            "http": f"{http}/chapters/{area}/{slug}/",
        }
        found = first_search(urls, QUERY, rounds)
    return {
        name: {"focus": Summary.of([f for f, _, _ in values]), "raw_focus": [f for f, _, _ in values],
               "raw_total": [t for _, t, _ in values], "outside": max(o for _, _, o in values)}
        for name, values in found.items()
    }  # fmt: skip


# --- the report ------------------------------------------------------------------------------


def plain_value(value):
    return value.as_dict() if isinstance(value, Summary) else value


def median_of(value) -> float:
    return value.median if isinstance(value, Summary) else value


# What limits each figure, from profiling `handbook build` (cProfile) at 1,000 chapters; the
# numbers in braces are this run's. Shown under a target the run misses.
LIMITS = {
    "pipeline_ratio": (
        "Of the handbook's {pipeline_s:.0f} s, ingest is {stage: ingest:.1f} s (converting and proving every chapter), "
        "the training packs {stage: packs:.1f} s (WeasyPrint; constant) and the site checks {stage: site checks:.1f} s "
        "(two processes); the model's checks run beside the site build. The site build itself takes {stage: site:.0f} s "
        "where plain Material takes {plain_s:.0f} s for the same Markdown: the rest is the handbook's own work per page "
        "(header box, term definitions, law links and box, related chapters, cautions: about 8 ms a chapter page), "
        "its pages made by macros from the whole handbook (shared template text, glossary 'used in', chapter tables, "
        "amendments, review dashboard) and larger pages to lay out. MkDocs renders pages on one core, so the second "
        "core helps only ingest and the checks."
    ),
    "ingest_per_second": (
        "Each chapter is rendered with Python-Markdown and the site's extensions to prove no word is lost: about 5 ms a "
        "chapter, half of ingest's work, the rest reading, chrome and structure (about 3 ms) and the text comparison. "
        "Ingest converts on both cores; with process start-up that gives about {ingest_per_second:.0f} chapters a second. "
        "300 a second would need the no-words-lost check without rendering Markdown, which is the check's point."
    ),
    "rss_ratio": (
        "The handbook holds its whole model (every chapter's paragraphs, boxes and dates), the conversions with the "
        "source words the no-words-lost check compares, the glossary and statute matches of every paragraph, and "
        "WeasyPrint for the packs, on top of what MkDocs holds; the processes that run the checks beside it add about "
        "as much again, because Python touches (and so copies) the objects a forked process inherits."
    ),
    "page_kb": "The navigation lists every chapter of the page's area ({page_kb:.0f} KB a page).",
    "search_file_s": "The search worker scans one lower-cased string; its time grows with the text searched.",
    "search_http_s": "The search worker scans one lower-cased string; its time grows with the text searched.",
    "pack_s": "WeasyPrint lays out about 0.07 s a page.",
}


def limit_text(key: str, figures: dict) -> str:
    values = {k: median_of(v) for k, v in figures.items() if isinstance(median_of(v), (int, float))}
    return LIMITS.get(key, "").replace("{stage: ", "{stage_").format(
        **{k.replace("stage: ", "stage_"): v for k, v in values.items()}
    )


def verdicts(figures: dict) -> list[dict]:
    found = []
    for key, (limit, kind, what) in TARGETS.items():
        value = median_of(figures[key])
        met = value <= limit if kind == "max" else value >= limit
        gap = value / limit if kind == "max" else limit / value
        found.append({"figure": key, "what": what, "value": value, "limit": limit, "met": met, "gap": gap,
                      "why": None if met else limit_text(key, figures)})  # fmt: skip
    return found


def growth(sizes: dict[int, dict]) -> dict[str, float]:
    """Per figure, the exponent k in value ~ chapters^k between the smallest and largest size:
    1 is linear, 2 quadratic, 0 constant."""
    if len(sizes) < 2:
        return {}
    small, large = min(sizes), max(sizes)
    found = {}
    for key, value in sizes[small].items():
        a, b = median_of(value), median_of(sizes[large].get(key))
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a > 0 and b > 0 and key != "chapters":
            found[key] = math.log(b / a) / math.log(sizes[large]["chapters"] / sizes[small]["chapters"])
    return found


ROWS = [  # (key, label, format)
    ("ingest_s", "ingest (s)", "{:.2f}"),
    ("ingest_per_second", "ingest, chapters per second", "{:.0f}"),
    ("pipeline_s", "cold pipeline: `handbook build` (s)", "{:.1f}"),
    ("plain_s", "plain Material build (s)", "{:.1f}"),
    ("pipeline_ratio", "ratio, handbook / plain", "{:.2f}"),
    ("rss_mb", "peak memory, `handbook build` (MB)", "{:.0f}"),
    ("plain_rss_mb", "peak memory, plain Material (MB)", "{:.0f}"),
    ("rss_ratio", "peak memory ratio", "{:.2f}"),
    ("page_kb", "HTML per chapter page, mean (KB)", "{:.0f}"),
    ("page_kb_max", "HTML per chapter page, largest (KB)", "{:.0f}"),
    ("plain_page_kb", "plain Material's chapter page, mean (KB)", "{:.0f}"),
    ("site_mb", "site (MB)", "{:.0f}"),
    ("plain_site_mb", "plain Material's site (MB)", "{:.0f}"),
    ("search_index_mb", "search index (MB)", "{:.1f}"),
    ("plain_search_index_mb", "plain Material's search index (MB)", "{:.1f}"),
    ("offline_zip_mb", "offline zip (MB)", "{:.1f}"),
    ("area_zip_mb", "one-area offline zip (MB)", "{:.1f}"),
    ("offline_build_s", "`handbook build --offline` (s, one run)", "{:.1f}"),
    ("area_build_s", "`handbook build --offline --area` (s, one run)", "{:.1f}"),
    ("search_file_s", "first search result, file:// (s)", "{:.2f}"),
    ("search_area_file_s", "first search result, file://, one-area bundle (s)", "{:.2f}"),
    ("search_http_s", "first search result, http (s)", "{:.2f}"),
    ("search_file_page_s", "page load + first result, file:// (s)", "{:.2f}"),
    ("search_http_page_s", "page load + first result, http (s)", "{:.2f}"),
    ("pack_s", "10-chapter training pack (s)", "{:.1f}"),
    ("finder_s", "template-text finder (s)", "{:.2f}"),
]


def cell(value, fmt: str) -> str:
    if isinstance(value, Summary):
        text = fmt.format(value.median)
        return text if value.runs < 2 else f"{text} ({fmt.format(value.low)}–{fmt.format(value.high)})"
    return fmt.format(value)


def markdown(report: dict) -> str:
    sizes = {int(k): v for k, v in report["sizes"].items()}
    order = sorted(sizes)
    lines = [f"# Scale benchmark, {report['date']}", "",
             f"{report['machine']}; {report['runs']} runs per size (median, range in brackets); "
             f"{report['areas']} synthetic areas (seed {report['seed']}) beside the 5 real chapters; "
             f"search: query `{QUERY}`, {report['search_rounds']} fresh page loads.", "",
             "| figure | " + " | ".join(f"{sizes[n]['chapters']} chapters" for n in order) + " | growth |",
             "|---|" + "---|" * (len(order) + 1)]  # fmt: skip
    grows = report["growth"]
    stage_rows = [(k, f"of which {k.removeprefix('stage: ')} (s)", "{:.1f}") for k in sizes[order[0]] if k.startswith("stage: ")]
    for key, label, fmt in ROWS[:4] + stage_rows + ROWS[4:]:
        if key not in sizes[order[0]]:
            continue
        exponent = grows.get(key)
        lines.append(f"| {label} | " + " | ".join(cell(sizes[n][key], fmt) for n in order)
                     + f" | {'' if exponent is None else f'n^{exponent:.2f}'} |")  # fmt: skip
    lines += ["", f"## Targets at {report['target_size']} chapters", "", "| target | measured | limit | verdict |", "|---|---|---|---|"]
    for v in report["targets"]:
        verdict = "met" if v["met"] else f"missed by {v['gap']:.2f}x"
        lines.append(f"| {v['what']} | {v['value']:.2f} | {v['limit']} | {verdict} |")
    missed = [v for v in report["targets"] if not v["met"]]
    if missed:
        lines += ["", "### What limits the targets missed", ""]
        lines += [f"- **{v['what']}** ({v['value']:.2f} against {v['limit']}): {v['why']}" for v in missed]
    lines += ["", "Growth: the exponent k of chapters^k between the smallest and largest size (1 linear, 2 quadratic).", ""]
    return "\n".join(lines)


def bench_finder(chapters: int, runs: int) -> None:
    """The template-text finder on `chapters` chapters made from the real ones, each copy's
    paragraphs drifted one to four words apart (seeded): every paragraph has many near-identical
    neighbours, the case an index must handle without comparing every pair."""
    from handbook.compare.shared import find_shared
    from handbook.load import load_handbook
    from handbook.model import ParagraphRef
    from handbook.project import Project

    handbook = load_handbook(Project(ROOT))
    real = [(ref, p.number, p.text) for ref, _, p in handbook.paragraphs() if p.role == "body"]
    vocabulary = sorted({w for _, _, text in real for w in text.split()})
    rng = random.Random(1)
    paragraphs = []
    for copy in range(-(-chapters // len(handbook.chapters))):
        for ref, number, text in real:
            words = text.split()
            if copy and rng.random() > 0.3:
                for _ in range(rng.randint(1, 4)):
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
            paragraphs.append((ParagraphRef(f"{ref.area}-{copy}", ref.slug, ref.id), number, " ".join(words)))
    seconds, finding = [], None
    for _ in range(runs):
        start = time.perf_counter()
        finding = find_shared(paragraphs)
        seconds.append(time.perf_counter() - start)
    pairs = finding.texts * (finding.texts - 1) // 2
    print(f"template-text finder, {chapters} chapters ({finding.paragraphs} paragraphs, {finding.texts} distinct), "
          f"{runs} runs: median {statistics.median(seconds):.2f} s (range {min(seconds):.2f}-{max(seconds):.2f} s); "
          f"{finding.comparisons} word comparisons instead of {pairs} pairs; {len(finding.shared)} groups")  # fmt: skip
    start = time.perf_counter()
    table = finding.pairs
    print(f"  chapter-pair table: {len(table)} pairs of chapters sharing text, {time.perf_counter() - start:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chapters", type=int, default=1000, help="the size the targets are for")
    parser.add_argument("--areas", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--growth", default="250,3000", help="other sizes, comma-separated ('' for none)")
    parser.add_argument("--growth-runs", type=int, default=1, help="runs at the growth sizes")
    parser.add_argument("--search-rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "benchmark")
    parser.add_argument("--finder-only", action="store_true", help="time only the template-text finder on drifted copies")
    parser.add_argument("--finder-chapters", type=int, default=1000)
    parser.add_argument("--from-json", type=Path, metavar="FILE", help="write report.md again from a report.json")
    args = parser.parse_args()
    if args.from_json:
        report = json.loads(args.from_json.read_text("utf-8"))
        sizes = {n: {k: Summary(**{"median": v["median"], "low": v["min"], "high": v["max"], "runs": v["runs"]})
                     if isinstance(v, dict) else v for k, v in f.items()} for n, f in report["sizes"].items()}  # fmt: skip
        target = next(f for f in sizes.values() if f["chapters"] == report["target_size"])
        report["targets"] = verdicts(target)
        (args.out / "report.md").write_text(markdown({**report, "sizes": sizes}), "utf-8")
        print(f"wrote {args.out / 'report.md'}")
        return 0
    if args.finder_only:
        bench_finder(args.finder_chapters, args.runs)
        return 0
    sizes = sorted({args.chapters, *(int(n) for n in args.growth.split(",") if n.strip())})
    results: dict[int, dict] = {}
    for n in sizes:
        runs = args.runs if n == args.chapters else args.growth_runs
        print(f"{n} chapters in {args.areas} areas, {runs} run(s):", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"handbook-bench-{n}-") as temp:
            work = Path(temp)
            made = make_project(work, n, args.areas, args.seed)
            results[n] = measure_size(work, n, made["areas"], runs, args.search_rounds, lambda s: print(s, flush=True))
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}",
        "runs": args.runs, "areas": args.areas, "seed": args.seed, "search_rounds": args.search_rounds,
        "target_size": results[args.chapters]["chapters"],
        "sizes": {str(n): {k: plain_value(v) for k, v in f.items()} for n, f in results.items()},
        "targets": verdicts(results[args.chapters]),
        "growth": growth(results),
    }  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2), "utf-8")
    report_md = markdown({**report, "sizes": results})
    (args.out / "report.md").write_text(report_md, "utf-8")
    print(report_md)
    print(f"wrote {args.out / 'report.json'} and {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
