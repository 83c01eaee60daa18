"""`handbook`: the one command, with a subcommand for each step.

    handbook ingest [--sources DIR] [--out DIR] [--check]   sources -> docs/chapters
    handbook check  [--site DIR] [--only NAME] [--json FILE] prove every word, link, date and reference
    handbook build  [--site-dir DIR]                         ingest, build the site, check it
    handbook serve  [--dev-addr HOST:PORT]                   ingest, then serve with reload

Exit status: 0 when all is well (warnings about the sources allowed), 1 when something failed
(a chapter could not be converted, output is stale, a word was lost, a reference does not
resolve), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import Level, display_path, print_diagnostics

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
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    _today(build)
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="ingest, then serve the site with live reload")
    _paths(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)

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
    from .ingest import default_patterns, ingest
    from .site.config import chapter_renderer

    if not args.config.is_file():
        print(f"{args.config}: error: no mkdocs.yml (run from the project folder or pass --config)", file=sys.stderr)
        raise SystemExit(2)
    return ingest(args.sources, args.out, default_patterns(), chapter_renderer(args.config), check=check)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Quiet by default: what changed (written, removed, failed), the messages of those chapters,
    then one summary line. `--verbose` prints every chapter's messages."""
    result = run_ingest(args, check=args.check)
    changed = {p.resolve() for p in [*result.written, *result.stale]}
    for report in result.reports:
        print_diagnostics(report.items, quiet=args.quiet)
    for conversion in result.conversions:
        written = conversion.chapter is not None and any(p.stem == conversion.chapter.slug for p in changed)
        if args.verbose or not conversion.ok or written:
            print_diagnostics(conversion.report.items, quiet=args.quiet)
    converted = sum(1 for c in result.conversions if c.ok)
    failed = len(result.conversions) - converted + result.skipped
    if args.check:
        for path in result.stale:
            print(f"{display_path(path)}: stale: differs from what `handbook ingest` would write", file=sys.stderr)
        if result.stale:
            print("Run `handbook ingest` and commit the result.", file=sys.stderr)
    elif not args.quiet:
        for path in result.written:
            print(f"wrote {display_path(path)}")
        for path in result.removed:
            print(f"removed {display_path(path)} (its source is gone)")
    ok = result.ok and not result.stale
    if not args.quiet or not ok:
        verdict = "passed" if ok else "FAILED"
        print(f"handbook ingest {verdict}: {converted} chapter(s) converted, {failed} failed, "
              f"{len(result.written)} file(s) written", file=sys.stdout if ok else sys.stderr)  # fmt: skip
    return 0 if ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_command, selected

    selected(args.only)  # bad names are a usage error before any work
    return check_command(args, run_ingest(args, check=True))


def cmd_build(args: argparse.Namespace) -> int:
    """Ingest, build into a staging folder, check it, and only then replace the old site."""
    from .check import SITE_CHECKS, report, run
    from .site.build import build_site

    result = run_ingest(args, check=False)
    found: dict = {}

    def verify(staging: Path) -> bool:
        found.update(run(args.config, result, staging))
        return not any(d.level is Level.ERROR for name in SITE_CHECKS for d in found.get(name, []))

    status = build_site(args.config, args.site_dir, verify)
    checked = report(found, verbose=False, json_file=None) if found else 0
    failed = sum(1 for c in result.conversions if not c.ok) + result.skipped
    if status:
        print("handbook build FAILED: the previous site is kept", file=sys.stderr)
        return 1
    built = f"site built in {display_path(args.site_dir)}"
    if checked or not result.ok:
        why = [f"{failed} chapter(s) not published (errors above)"] if failed else []
        why += ["the checks found errors (above)"] if checked else []
        print(f"handbook build FAILED: {built}; {'; '.join(why) or 'errors above'}", file=sys.stderr)
        return 1
    print(f"handbook build passed: {built}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    result = run_ingest(args, check=False)
    print_diagnostics(result.diagnostics, quiet=True)
    serve(config_file=str(args.config), dev_addr=args.dev_addr, strict=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
