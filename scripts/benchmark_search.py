#!/usr/bin/env python3
"""Benchmark search from disk (file://) at scale: the handbook's worker, its index made at build time or in the browser.

    .venv/bin/python scripts/benchmark_search.py [--chapters 1000] [--rounds 5]

Builds the offline site once, then makes one copy per variant with a synthetic index of
`--chapters` chapters (25 paragraphs of about 60 words each, Zipf-distributed vocabulary of
about 20,000 words, one entry per paragraph as the real index has), and in Debian's Chromium
times, on a fresh page each round, from focusing the search box on a nested chapter page to
the first result drawn (Material's own box and list), and to the first result with its snippet
(the handbook's worker answers with the results' titles first, the paragraphs' text loading
after), for a word and for a paragraph number:

* handbook: the handbook's worker (docs/assets/javascripts/workers/handbook-search.js) loading
  the MiniSearch index serialised at build time (site/search.py, as `handbook build` makes it);
* handbook-unbuilt: the same worker building that index in the browser at the first search (what
  a site built without node gets).

Rounds are interleaved across variants; medians are printed. Timings compare options on one
machine and are never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NESTED = "chapters/london/index.html"
DOMAIN = ("child abuse neglect referral strategy discussion section enquiry assessment conference plan police "
          "social care health education coercive exploitation online images grooming consent disclosure risk "
          "harm threshold partnership designated officer allegation investigation").split()  # fmt: skip
FUNCTION = "the of and to a in is that for be by on with as or are this it may should will which from".split()


def synthetic_index(chapters: int, real_pages: list[list]) -> dict:
    rng = random.Random(7)
    vocab = FUNCTION + DOMAIN + [f"w{n:05d}x" for n in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    pages, entries = [], []
    for c in range(1, chapters + 1):
        url, _, area = real_pages[c % len(real_pages)]
        page = len(pages)
        pages.append([url, f"{area}: {c} Chapter {c}", area])
        entries.append([page, "", str(c), pages[-1][1], "", ""])
        for s in range(1, 6):
            for k in range(1, 6):
                number = f"{c}.{s}.{k}"
                text = " ".join(rng.choices(vocab, weights, k=60)).capitalize() + "."
                entries.append([page, f"para-{number}", number, f"{area} {number} · {c} Chapter {c}", text, ""])
    return {"v": 1, "pages": pages, "entries": entries}


def build_site(target: Path) -> Path:
    from handbook.cli import main as handbook

    status = handbook(["build", "--offline", "--site-dir", str(target), "--zip", str(target.parent / "bench.zip")])
    if status:
        sys.exit("the offline site did not build")
    return target


def make_variants(site: Path, index: dict) -> dict[str, Path]:
    from handbook.site.search import index_files, index_script, minisearch_index

    variants = {"handbook": site / "handbook", "handbook-unbuilt": site / "handbook-unbuilt"}
    for name, copy in variants.items():
        shutil.copytree(site / "site", copy)
        data = dict(index, mini=minisearch_index(index, ROOT)) if name == "handbook" else index
        for stale in [*(copy / "search").glob("handbook_index_*.js"), copy / "search" / "handbook_text.js"]:
            stale.unlink(missing_ok=True)
        files = index_files(data) if name == "handbook" else {"handbook_index.js": index_script(data)}
        for file, text in files.items():
            (copy / "search" / file).write_text(text, "utf-8")
    return variants


def measure(page, site: Path, query: str) -> float:
    page.goto((site / NESTED).as_uri())
    page.wait_for_load_state("load")
    page.evaluate("""q => { window.__t0 = performance.now(); window.__t1 = null; window.__t2 = null;
        new MutationObserver((_, obs) => {
          if (window.__t1 === null && document.querySelector('.md-search-result__item')) window.__t1 = performance.now();
          // a snippet: an article with text beyond its heading
          if ([...document.querySelectorAll('.md-search-result__article')].some(a => a.querySelector('h1, h2') &&
              a.textContent.length > a.querySelector('h1, h2').textContent.length + 10)) {
            window.__t2 = performance.now(); obs.disconnect(); } })
          .observe(document.querySelector('.md-search-result__list'), {childList: true, subtree: true}); }""", query)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_function("window.__t2 !== null", timeout=60_000)
    return page.evaluate("[window.__t1 - window.__t0, window.__t2 - window.__t0]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chapters", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from handbook.site.search import read_index_script

    with tempfile.TemporaryDirectory(prefix="handbook-search-bench-") as tmp:
        work = Path(tmp)
        site = build_site(work / "site")
        real = read_index_script((site / "search/handbook_index.js").read_text("utf-8"))
        real_pages = [p for p in real["pages"] if p[2]]
        index = synthetic_index(args.chapters, real_pages)
        variants = make_variants(work, index)
        sizes = {name: sum(f.stat().st_size for f in (path / "search").glob("*.js")) / 1e6 for name, path in variants.items()}
        times: dict[tuple[str, str], list[float]] = {}
        snippets: dict[tuple[str, str], list[float]] = {}
        queries = ("coercive", f"{args.chapters // 2}.3.4")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for _ in range(args.rounds):
                for name, path in variants.items():
                    for query in queries:
                        context = browser.new_context()
                        first, full = measure(context.new_page(), path, query)
                        times.setdefault((name, query), []).append(first)
                        snippets.setdefault((name, query), []).append(full)
                        context.close()
            browser.close()
        print(f"{args.chapters} chapters, {len(index['entries'])} entries; focus -> first result, ms "
              f"(median / min / max of {args.rounds})")
        for name in variants:
            cells = [f"{q!r}: {statistics.median(t):.0f} / {min(t):.0f} / {max(t):.0f}"
                     for q in queries for t in [times[(name, q)]]]  # fmt: skip
            print(f"  {name:20} search payload {sizes[name]:6.2f} MB   " + "   ".join(cells))
            cells = [f"{q!r}: {statistics.median(t):.0f} / {min(t):.0f} / {max(t):.0f}"
                     for q in queries for t in [snippets[(name, q)]]]  # fmt: skip
            print(f"  {'  with snippets':20} {'':22}   " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
