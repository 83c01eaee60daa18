"""`handbook`: the one command, with a subcommand for each step.

    handbook ingest [--sources DIR] [--out DIR] [--check]   sources -> docs/chapters
    handbook check  [--site DIR] [--only NAME] [--json FILE] prove every word, link, date and reference
    handbook build  [--site-dir DIR] [--offline [--area AREA ...]]   ingest, build the site (and packs), check it
    handbook pack   (--chapter AREA/SLUG ... | --topic T | --pack NAME) [--title T] -o FILE.pdf   a training pack
    handbook serve  [--dev-addr HOST:PORT]                   ingest, then serve with reload
    handbook synth  --chapters N --areas K --seed S [--out DIR]   synthetic pages for benchmarks

Exit status: 0 when all is well (warnings about the sources allowed), 1 when something failed
(a chapter could not be converted, output is stale, a word was lost, a reference does not
resolve), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from .diagnostics import Level, display_path

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("docs/chapters")
DEFAULT_CONFIG = Path("mkdocs.yml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="convert sources/ into docs/chapters/")
    _paths(ingest)
    ingest.add_argument("--check", action="store_true", help="write nothing; fail if the committed output is stale")
    ingest.add_argument("--quiet", action="store_true", help="print errors only")
    ingest.add_argument("--verbose", action="store_true", help="print every chapter's messages, not only those that changed")
    ingest.add_argument("--summary-json", type=Path, metavar="FILE", help="also write the recognition summary as JSON")
    ingest.set_defaults(run=cmd_ingest)

    check = commands.add_parser("check", help="prove every word, link, anchor, date and reference of the handbook")
    _paths(check)
    check.add_argument("--site", type=Path, help="check this already-built site instead of building one")
    check.add_argument("--only", action="append", metavar="NAME", help="run only this check (repeatable)")
    check.add_argument("--json", type=Path, metavar="FILE", help="also write the findings as JSON")
    check.add_argument("--verbose", action="store_true", help="print notes too (coverage, removed lines)")
    _today(check)
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="ingest, build the site strictly, and check it")
    _paths(build)
    build.add_argument("--site-dir", type=Path, help="where the site goes (default: site, or site-offline[-AREA])")
    build.add_argument("--offline", action="store_true",
                       help="build for opening from disk into site-offline/ and zip it as dist/handbook-offline.zip")
    build.add_argument("--area", action="append", metavar="AREA",
                       help="with --offline: a bundle of this area only (repeat for more): site-offline-AREA/, "
                            "dist/handbook-offline-AREA.zip (several: ids joined with '+')")  # fmt: skip
    build.add_argument("--zip", type=Path, help="the offline zip's path (default: dist/handbook-offline[-AREA].zip)")
    _today(build)
    build.set_defaults(run=cmd_build)

    pack = commands.add_parser("pack", help="make a training pack (PDF) of chosen chapters")
    _paths(pack)
    chosen = pack.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--chapter", action="append", metavar="AREA/SLUG", help="a chapter (repeat for more)")
    chosen.add_argument("--topic", help="the chapters a topic of data/topics.yml cites")
    chosen.add_argument("--pack", help="a pack named in data/packs.yml")
    pack.add_argument("--title", help="the pack's title, on its cover and in the PDF's metadata "
                      "(default: the pack's or topic's title; for chapters, the chapter's title or 'N chapters from the handbook')")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="where the PDF goes")
    pack.set_defaults(run=cmd_pack)

    serve = commands.add_parser("serve", help="ingest, then serve the site with live reload")
    _paths(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)

    synth = commands.add_parser("synth", help="write synthetic source pages for benchmarks (never into sources/)")
    synth.add_argument("--chapters", type=int, required=True, metavar="N", help="how many chapters in all")
    synth.add_argument("--areas", type=int, default=5, metavar="K", help="how many areas (default: 5)")
    synth.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed gives the same pages (default: 1)")
    synth.add_argument("--out", type=Path, default=Path("build/synth"), help="where (default: build/synth)")
    synth.set_defaults(run=cmd_synth)

    args = parser.parse_args(argv)
    from .check import UsageError, set_today

    try:
        set_today(getattr(args, "today", None))
        return args.run(args)
    except UsageError as exc:
        print(f"handbook {args.command}: error: {exc}", file=sys.stderr)
        return 2


def _today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the build date for reviews and date checks "
                        "(default: HANDBOOK_TODAY, else today)")  # fmt: skip


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="source chapters (default: sources)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="generated chapters (default: docs/chapters)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="the site's mkdocs.yml")


def run_ingest(args: argparse.Namespace, check: bool):
    from .ingest.run import ingest_paths

    if not args.config.is_file():
        print(f"{args.config}: error: no mkdocs.yml (run from the project folder or pass --config)", file=sys.stderr)
        raise SystemExit(2)
    from .load import remember

    result = ingest_paths(args.sources, args.out, args.config, check=check)
    remember(result.conversions)  # the build and checks that follow reuse the chapters recognised
    return result


def cmd_ingest(args: argparse.Namespace) -> int:
    """Quiet by default: what changed, the messages of those chapters, one verdict line."""
    from .ingest.run import print_result

    from .ingest import summary

    result = run_ingest(args, check=args.check)
    ok = print_result(result, check=args.check, quiet=args.quiet, verbose=args.verbose)
    rows = summary.rows(result.conversions)
    if not args.quiet and rows:
        print("\n" + summary.table(rows, summary.changed(result), show_all=args.verbose))
    if args.summary_json:
        summary.write_json(rows, args.summary_json)
    return 0 if ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_command, selected

    selected(args.only)  # bad names are a usage error before any work
    return check_command(args, run_ingest(args, check=True))


def cmd_build(args: argparse.Namespace) -> int:
    """Ingest, build into a staging folder, check it, and only then replace the old site.
    With `--area`: a bundle of those areas (checked before anything is written)."""
    from .check import UsageError
    from .offline import UnknownArea, bundle_areas, bundle_paths, holding

    areas: tuple[str, ...] = ()
    if args.area:
        if not args.offline:
            raise UsageError("--area makes an offline bundle: add --offline")
        try:
            areas = bundle_areas(args.sources, args.area)
        except UnknownArea as exc:
            raise UsageError(f"{exc}; nothing was built") from None
    default_site, default_zip = bundle_paths(areas)
    args.zip = args.zip or default_zip
    site_dir = args.site_dir or (default_site if args.offline else Path("site"))
    with holding(areas):
        return _build(args, site_dir, areas)


def _build(args: argparse.Namespace, site_dir: Path, areas: tuple[str, ...]) -> int:
    from .check import CHECKS, SITE_CHECKS, in_order, report, run_beside
    from .site.build import build_site

    stages = Stages()
    result = run_ingest(args, check=False)
    if areas:
        result = result.only_areas(args.sources, areas)  # the other areas' chapters are not in this site
    stages.mark("ingest")
    found: dict = {}
    directory_urls = False if args.offline else None
    # The checks of the model and the data run on the other core while the site builds; those of
    # the built site, each in its own process, once it is built.
    of_model = run_beside(args.config, result, None, [n for n, (_, site) in CHECKS.items() if not site], directory_urls)

    def packs(staging: Path) -> None:
        stages.mark("site")
        _packs_into(args, staging)
        stages.mark("packs")

    def verify(staging: Path) -> bool:
        of_site = [run_beside(args.config, result, staging, [n], directory_urls) for n, (_, site) in CHECKS.items() if site]
        for checks in of_site:
            found.update(checks.result())
        stages.mark("site checks")
        return not any(d.level is Level.ERROR for name in SITE_CHECKS for d in found.get(name, []))

    status = build_site(args.config, site_dir, verify, offline=args.offline, after=packs)
    found.update(of_model.result())
    stages.mark("other checks (beside the site build)")
    stages.write()
    found = in_order(found)
    checked = report(found, verbose=False, json_file=None) if found else 0
    failed = sum(1 for c in result.conversions if not c.ok) + result.skipped
    if status:
        print("handbook build FAILED: the previous site is kept", file=sys.stderr)
        return 1
    built = f"site built in {display_path(site_dir)}" + (f" (areas: {', '.join(areas)})" if areas else "")
    if args.offline:
        from .offline import build_date, write_zip

        built += f", zipped as {display_path(write_zip(site_dir, args.zip, build_date()))}"
    pack_errors = getattr(args, "pack_errors", None)
    if checked or not result.ok or pack_errors:
        why = [f"{failed} chapter(s) not published (errors above)"] if failed else []
        why += ["the checks found errors (above)"] if checked else []
        why += [f"{len(pack_errors)} training pack(s) not made (errors above)"] if pack_errors else []
        print(f"handbook build FAILED: {built}; {'; '.join(why) or 'errors above'}", file=sys.stderr)
        return 1
    print(f"handbook build passed: {built}")
    return 0


class Stages:
    """Where a build's time goes, for the benchmark: with HANDBOOK_TIMINGS=FILE, `handbook
    build` writes each stage's seconds there as JSON."""

    def __init__(self) -> None:
        import time

        self.clock = time.perf_counter
        self.last = self.clock()
        self.seconds: dict[str, float] = {}

    def mark(self, stage: str) -> None:
        now = self.clock()
        self.seconds[stage] = round(now - self.last, 3)
        self.last = now

    def write(self) -> None:
        import json
        import os

        if os.environ.get("HANDBOOK_TIMINGS"):
            Path(os.environ["HANDBOOK_TIMINGS"]).write_text(json.dumps(self.seconds), "utf-8")


def _packs_into(args: argparse.Namespace, site_dir: Path) -> None:
    """Every pack of data/packs.yml into the new site; a bad pack is reported, the rest made."""
    from .packs.build import packs_into

    errors = packs_into(args.config, site_dir)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    args.pack_errors = errors


def cmd_pack(args: argparse.Namespace) -> int:
    from .load import cached_handbook
    from .packs import select
    from .packs.pdf import make_pack
    from .project import Project

    from .check import UsageError

    try:
        select.titled(args.title)  # bad usage is refused before the handbook is loaded
    except select.PackError as exc:
        raise UsageError(f"{exc}; no PDF was written") from None
    handbook = cached_handbook(Project.of_config(args.config))
    try:
        if args.pack:
            selection = select.by_pack(handbook, args.pack, args.title)
        elif args.topic:
            selection = select.by_topic(handbook, args.topic, args.title)
        else:
            selection = select.by_chapters(handbook, args.chapter, args.title)
    except select.PackError as exc:
        print(f"error: {exc}; no PDF was written", file=sys.stderr)
        print("handbook pack FAILED: no PDF was written", file=sys.stderr)
        return 1
    out = make_pack(handbook, selection, args.output)
    print(f"handbook pack passed: wrote {display_path(out)} ({len(selection.chapters)} chapter(s))")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from .check import UsageError
    from .synth import synthesise

    if args.areas < 1 or args.chapters < args.areas:
        raise UsageError("--areas must be at least 1 and --chapters at least --areas")
    if args.out.resolve().is_relative_to(DEFAULT_SOURCES.resolve()):
        raise UsageError(f"{args.out} is inside sources/: synthetic pages must never mix with the real ones")
    try:
        manifest = synthesise(args.chapters, args.areas, args.seed, args.out)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from None
    print(f"handbook synth passed: {args.chapters} chapters in {len(manifest.areas)} areas "
          f"({', '.join(manifest.areas)}) written to {display_path(args.out)} (seed {args.seed})")  # fmt: skip
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve with live reload; the hooks re-run ingest before every build, so a source pasted or
    edited while the server runs appears (see site/hooks.py `on_pre_build`)."""
    import errno

    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from .project import Project

    if not args.config.is_file():
        print(f"{args.config}: error: no mkdocs.yml (run from the project folder or pass --config)", file=sys.stderr)
        return 2
    _show_mkdocs_log(logging.INFO)  # "Serving on http://..." once the first build is done
    signal.signal(signal.SIGTERM, _stop)  # a signal stops the server as Ctrl-C does: cleanly
    project = Project.of_config(args.config)
    try:
        serve(config_file=str(args.config), dev_addr=args.dev_addr, strict=True,
              watch=[str(project.sources), str(project.data)])  # fmt: skip
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"handbook serve: error: {args.dev_addr} is already in use (is another server running?); "
                  f"stop it, or pick another address: handbook serve --dev-addr 127.0.0.1:8001", file=sys.stderr)  # fmt: skip
            return 1
        raise
    except MkDocsException as exc:
        print(f"handbook serve: error: the site did not build ({exc}); fix the problems above and start again",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def _show_mkdocs_log(level: int) -> None:
    """MkDocs' own messages (its warnings included) on the terminal, as its own command shows them."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_handbook", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._handbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)  # its start-up chatter


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
