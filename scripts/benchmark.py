#!/usr/bin/env python3
"""Benchmark the handbook's build against plain Material on the same content.

    .venv/bin/python scripts/benchmark.py [--runs 5] [--copies 1]

Copies the project to a temporary folder (with `--copies N`, every area's chapters N times
over, as more areas), then times, as separate processes:

* `handbook ingest` of all sources;
* `mkdocs build` with the handbook's configuration (hooks, macros, its extensions);
* `mkdocs build` with plain Material (no hooks, macros or extra extensions) on the same docs.

It prints the median of each, the ratio of the handbook's build to plain Material's, and the
average weight of a chapter page. Timings are for comparing changes on one machine, never
asserted in tests.

It also times the template-text finder (`handbook.compare.shared`) on `--finder-chapters`
chapters made from the real ones, each copy's paragraphs drifted a few words apart (seeded), so
that every paragraph has many near-identical neighbours: the case an index must handle without
comparing every pair. `--finder-only` skips the builds.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "macros", "sources", "scripts", "data", "overrides")
PLAIN = {"site_name": "Plain Material", "docs_dir": "docs", "theme": {"name": "material", "font": False}}


def copy_project(target: Path, copies: int) -> None:
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target / part)
    for n in range(2, copies + 1):  # more areas: the same chapters under other area ids
        for area in sorted(p for p in (ROOT / "sources").iterdir() if p.is_dir()):
            shutil.copytree(area, target / "sources" / f"{area.name}-{n}")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_weight(site: Path) -> float:
    """Mean size in KB of the chapter pages (chapters/<area>/<slug>/index.html)."""
    chapters = list(site.glob("chapters/*/*/index.html"))
    return statistics.mean(p.stat().st_size for p in chapters) / 1024 if chapters else 0.0


def drifted_paragraphs(chapters: int, seed: int = 1) -> list:
    """(ref, number, text) of `chapters` chapters: the real ones copied as more areas, each copy
    keeping some paragraphs word for word and changing one to four words of the others."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from handbook.load import load_handbook
    from handbook.model import ParagraphRef
    from handbook.project import Project

    handbook = load_handbook(Project(ROOT))
    real = [(ref, p.number, p.text) for ref, _, p in handbook.paragraphs() if p.role == "body"]
    vocabulary = sorted({w for _, _, text in real for w in text.split()})
    per_copy = len(handbook.chapters)
    rng = random.Random(seed)
    out = []
    for copy in range(-(-chapters // per_copy)):
        for ref, number, text in real:
            words = text.split()
            if copy and rng.random() > 0.3:
                for _ in range(rng.randint(1, 4)):
                    words[rng.randrange(len(words))] = rng.choice(vocabulary)
            out.append((ParagraphRef(f"{ref.area}-{copy}", ref.slug, ref.id), number, " ".join(words)))
    return out


def bench_finder(chapters: int, runs: int) -> None:
    from handbook.compare.shared import find_shared

    paragraphs = drifted_paragraphs(chapters)
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
    print(f"  chapter-pair table: {len(table)} pairs of chapters sharing text, {time.perf_counter() - start:.2f} s "
          f"(grows with the square of the chapters sharing one text: here every copy shares with every other)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=1, help="copies of every area (scales the content)")
    parser.add_argument("--finder-chapters", type=int, default=1000, help="chapters for the template-text finder")
    parser.add_argument("--finder-only", action="store_true", help="time only the template-text finder")
    args = parser.parse_args()
    bench_finder(args.finder_chapters, args.runs)
    if args.finder_only:
        return 0
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as temp:
        work = Path(temp)
        copy_project(work, args.copies)
        (work / "plain.yml").write_text(yaml.safe_dump(PLAIN), "utf-8")
        ingest = [timed([str(bin_dir / "handbook"), "ingest", "--quiet"], work) for _ in range(args.runs)]
        ours = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site-ours"], work) for _ in range(args.runs)]
        plain = [
            timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plain.yml", "-d", "site-plain"], work)
            for _ in range(args.runs)
        ]
        chapters = len([p for p in (work / "docs" / "chapters").glob("*/*.md") if p.name != "index.md"])
        rows = [
            ("ingest (all sources)", statistics.median(ingest)),
            ("build: handbook", statistics.median(ours)),
            ("build: plain Material", statistics.median(plain)),
        ]
        print(f"{chapters} chapters, {args.runs} runs each, medians:")
        for name, seconds in rows:
            print(f"  {name:<24} {seconds:6.2f} s")
        print(f"  build ratio handbook / plain Material: {rows[1][1] / rows[2][1]:.2f}")
        print(f"  chapter page weight: handbook {page_weight(work / 'site-ours'):.0f} KB, "
              f"plain Material {page_weight(work / 'site-plain'):.0f} KB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
