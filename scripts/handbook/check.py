"""`handbook check`: prove, chapter by chapter, that the built site holds every source word.

For each source it prints the page it became, the coverage (words of the source, outside the
lines removed as chrome, found on the built page in the same order), every removed line with
the pattern that removed it, and the source's defects (warnings). It fails when a word is
missing or added, when a chapter cannot be converted, when the committed chapters are stale,
or when the site does not build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .cli import print_diagnostics, run_ingest
from .diagnostics import Level, display_path
from .fidelity import compare, html_text, words
from .ingest import Conversion
from .site.config import load_mkdocs_yml

ARTICLE_CLASS = "md-content__inner"  # Material's <article>: the page's content, no chrome


def built_page(site: Path, conversion: Conversion, directory_urls: bool) -> Path:
    chapter = conversion.chapter
    assert chapter is not None
    base = site / "chapters" / chapter.area / chapter.slug
    return base / "index.html" if directory_urls else base.with_suffix(".html")


def check_handbook(args: argparse.Namespace) -> int:
    from .site.build import build_into

    result = run_ingest(args, check=True)
    failures = 0
    for path in result.stale:
        print(f"{display_path(path)}: error: stale: run `handbook ingest` and commit the result", file=sys.stderr)
        failures += 1
    temp = None
    site = args.site
    if site is None:
        temp = Path(tempfile.mkdtemp(prefix="handbook-check-"))
        site = temp / "site"
        try:
            build_into(args.config, site)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any build failure is reported the same way
            print(f"{args.config}: error: the site does not build: {exc}", file=sys.stderr)
            shutil.rmtree(temp, ignore_errors=True)
            return 1
    directory_urls = load_mkdocs_yml(args.config).get("use_directory_urls", True)
    try:
        for conversion in result.conversions:
            failures += _check_one(conversion, Path(site), directory_urls)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    print_diagnostics([d for r in result.reports for d in r.items])  # area and tree level
    failures += sum(1 for r in result.reports if not r.ok)
    failures += _run_registered_checks(args.config, Path(site) if temp is None else None)
    print(f"\n{len(result.conversions)} chapter(s) checked; {failures} problem(s)")
    return 1 if failures else 0


def _run_registered_checks(config: Path, site: Path | None) -> int:
    """The handbook's references (statutes, glossary terms, citations), over the model."""
    from .checks import Context, run_checks
    from .load import load_handbook
    from .project import Project

    handbook = load_handbook(Project.of_config(config))
    print_diagnostics(d for d in handbook.problems if d.level is Level.ERROR)  # broken data files
    errors = sum(1 for d in handbook.problems if d.level is Level.ERROR)
    for name, diagnostics in run_checks(Context(handbook, site)).items():
        print(f"\ncheck {name}: {_count(diagnostics)}")
        print_diagnostics(diagnostics)
        errors += sum(1 for d in diagnostics if d.level is Level.ERROR)
    return errors


def _count(diagnostics) -> str:
    errors = sum(1 for d in diagnostics if d.level is Level.ERROR)
    warnings = sum(1 for d in diagnostics if d.level is Level.WARNING)
    return f"{errors} error(s), {warnings} warning(s)" if diagnostics else "ok"


def _check_one(conversion: Conversion, site: Path, directory_urls: bool) -> int:
    print(f"\n{conversion.shown}")
    for diagnostic in conversion.report.items:
        print(f"  {diagnostic}")
    if conversion.chapter is None or conversion.markdown is None:
        return 1
    page = built_page(site, conversion, directory_urls)
    print(f"  page: {conversion.chapter.id} ({page.relative_to(site).as_posix()})")
    if not page.is_file():
        print(f"  error: no built page at {display_path(page)}", file=sys.stderr)
        return 1
    text = html_text(page.read_text("utf-8"), root_class=ARTICLE_CLASS)
    fidelity = compare(conversion.expected_words, words(text))
    print(f"  coverage: {fidelity.summary()}")
    removed = sorted(conversion.chapter.removed, key=lambda r: r.line)
    print(f"  removed {len(removed)} line(s) as chrome or copied contents:")
    for line in removed:
        print(f"    line {line.line}: {line.text!r} ({line.reason})")
    if fidelity.ok:
        return 0
    line, problem = fidelity.first_problem()
    where = f"{conversion.shown}:{line}" if line else conversion.shown
    print(f"{where}: error: {problem}", file=sys.stderr)
    return 1
