"""`handbook`: the one command, with a subcommand for each step.

    handbook ingest [--sources DIR] [--out DIR] [--check]   sources -> docs/chapters
    handbook check  [--site DIR]                             prove nothing was lost
    handbook build  [--site-dir DIR] [--offline]             ingest, then build the site (and packs)
    handbook pack   (--chapter AREA/SLUG ... | --topic T | --pack NAME) -o FILE.pdf   a training pack
    handbook serve  [--dev-addr HOST:PORT]                   ingest, then serve with reload

Exit status: 0 when all is well (warnings about the sources allowed), 1 when something failed
(a chapter could not be converted, output is stale, a word was lost), 2 for bad usage.
"""

from __future__ import annotations

import argparse
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
    ingest.set_defaults(run=cmd_ingest)

    check = commands.add_parser("check", help="build the site and prove every source word is on its page")
    _paths(check)
    check.add_argument("--site", type=Path, help="check this already-built site instead of building one")
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="ingest, then build the site strictly")
    _paths(build)
    build.add_argument("--site-dir", type=Path, help="where the site goes (default: site, or site-offline)")
    build.add_argument("--offline", action="store_true",
                       help="build for opening from disk into site-offline/ and zip it as dist/handbook-offline.zip")
    build.add_argument("--zip", type=Path, default=Path("dist/handbook-offline.zip"), help="the offline zip's path")
    build.set_defaults(run=cmd_build)

    pack = commands.add_parser("pack", help="make a training pack (PDF) of chosen chapters")
    _paths(pack)
    chosen = pack.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--chapter", action="append", metavar="AREA/SLUG", help="a chapter (repeat for more)")
    chosen.add_argument("--topic", help="the chapters a topic of data/topics.yml cites")
    chosen.add_argument("--pack", help="a pack named in data/packs.yml")
    pack.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="where the PDF goes")
    pack.set_defaults(run=cmd_pack)

    serve = commands.add_parser("serve", help="ingest, then serve the site with live reload")
    _paths(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)

    args = parser.parse_args(argv)
    return args.run(args)


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


def print_diagnostics(diagnostics, quiet: bool = False) -> None:
    for diagnostic in diagnostics:
        if quiet and diagnostic.level is not Level.ERROR:
            continue
        print(diagnostic, file=sys.stderr if diagnostic.level is Level.ERROR else sys.stdout)


def cmd_ingest(args: argparse.Namespace) -> int:
    result = run_ingest(args, check=args.check)
    print_diagnostics(result.diagnostics, quiet=args.quiet)
    converted = sum(1 for c in result.conversions if c.ok)
    failed = len(result.conversions) - converted
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
    if not args.quiet:
        print(f"{converted} chapter(s) converted, {failed} failed, {len(result.written)} file(s) written")
    return 0 if result.ok and not result.stale else 1


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_handbook

    return check_handbook(args)


def cmd_build(args: argparse.Namespace) -> int:
    from .site.build import build_site

    result = run_ingest(args, check=False)
    print_diagnostics(result.diagnostics, quiet=True)
    site_dir = args.site_dir or Path("site-offline" if args.offline else "site")
    status = build_site(args.config, site_dir, offline=args.offline, after=lambda staging: _packs_into(args, staging))
    if status == 0 and args.offline:
        from .offline import build_date, write_zip

        print(f"wrote {display_path(write_zip(site_dir, args.zip, build_date()))}")
    return status or (1 if getattr(args, "pack_errors", None) or not result.ok else 0)


def _packs_into(args: argparse.Namespace, site_dir: Path) -> None:
    """Every pack of data/packs.yml into the new site; a bad pack is reported, the rest made."""
    from .load import cached_handbook
    from .offline import build_date
    from .packs.build import build_packs
    from .project import Project

    errors = build_packs(cached_handbook(Project.of_config(args.config)), site_dir, build_date())
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    args.pack_errors = errors


def cmd_pack(args: argparse.Namespace) -> int:
    from .load import cached_handbook
    from .packs import select
    from .packs.pdf import make_pack
    from .project import Project

    handbook = cached_handbook(Project.of_config(args.config))
    try:
        if args.pack:
            selection = select.by_pack(handbook, args.pack)
        elif args.topic:
            selection = select.by_topic(handbook, args.topic)
        else:
            selection = select.by_chapters(handbook, args.chapter)
    except select.PackError as exc:
        print(f"error: {exc}; no PDF was written", file=sys.stderr)
        return 1
    out = make_pack(handbook, selection, args.output)
    print(f"wrote {display_path(out)} ({len(selection.chapters)} chapter(s))")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    result = run_ingest(args, check=False)
    print_diagnostics(result.diagnostics, quiet=True)
    serve(config_file=str(args.config), dev_addr=args.dev_addr, strict=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
