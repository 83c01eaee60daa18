"""`handbook check`: the handbook's proof. Runs every registered check (`checks/`) over the
model, the conversion and the built site, and reports like a compiler: `file:line: level[check]:
message (what to do)`, a summary line per check, and one verdict line that matches the exit
status (0: no error, warnings allowed; 1: errors; 2: bad usage). `--json FILE` writes the same
findings for CI.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

from .checks import CHECKS, NEEDS_INGEST, Context, run_checks
from .diagnostics import Diagnostic, Level, print_diagnostics
from .ingest import IngestResult
from .load import cached_handbook
from .project import Project
from .site.config import load_mkdocs_yml


# Checks of the built site itself: when one fails, `handbook build` keeps the previous site.
# The others report problems of single chapters or data entries, which never stop the rest.
SITE_CHECKS = ("fidelity", "links")


class UsageError(ValueError):
    """Bad arguments: exit status 2."""


def set_today(value: str | None) -> None:
    """`--today YYYY-MM-DD` fixes the build date for the review dashboard and the date checks."""
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today {value!r} is not a date: use YYYY-MM-DD") from None
    os.environ["HANDBOOK_TODAY"] = value


def selected(only: list[str] | None) -> list[str]:
    names = list(only or CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UsageError(f"unknown check {', '.join(unknown)}; the checks are: {', '.join(CHECKS)}")
    return names


def run(
    config: Path, ingest: IngestResult | None, site: Path | None, only: list[str] | None = None,
    directory_urls: bool | None = None,
) -> dict[str, list[Diagnostic]]:
    """The checks over a built site (or without one: those that need it are skipped).
    `directory_urls=False` for the offline build, which names pages `x.html`."""
    if directory_urls is None:
        directory_urls = load_mkdocs_yml(config).get("use_directory_urls", True)
    context = Context(cached_handbook(Project.of_config(config)), site, ingest, directory_urls)
    return run_checks(context, selected(only))


_inherited: dict = {}


class Beside:
    """Checks running in a forked process; `result()` waits for their findings. A plain fork
    and a pipe, no pool: a pool's helper thread would make the fork of the next one unsafe."""

    def __init__(self, config: Path, site: Path | None, only: list[str], directory_urls: bool | None):
        context = multiprocessing.get_context("fork")
        self._answer, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(sending, config, site, only, directory_urls), daemon=True)
        self._process.start()
        sending.close()

    def result(self) -> dict[str, list[Diagnostic]]:
        try:
            ok, value = self._answer.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"the checks' process ended without an answer (exit status {self._process.exitcode})") from None
        self._process.join()
        if not ok:
            raise RuntimeError(f"a check failed in its process: {value}")
        return value


class Done:
    def __init__(self, found: dict[str, list[Diagnostic]]):
        self._found = found

    def result(self) -> dict[str, list[Diagnostic]]:
        return self._found


def _child(sending, config: Path, site: Path | None, only: list[str], directory_urls: bool | None) -> None:
    try:
        sending.send((True, run(config, _inherited["ingest"], site, only, directory_urls)))
    except BaseException as exc:  # noqa: BLE001 - said in the parent, where the build reports
        sending.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        sending.close()


def run_beside(
    config: Path, ingest: IngestResult | None, site: Path | None, only: list[str], directory_urls: bool | None = None
) -> Beside | Done:
    """`run` in a forked process, beside what this one does next (the site's build, the other
    site check): a build has two cores and the checks are independent of it and of each other.
    The child inherits the ingest result and the chapters recognised, so only names and paths
    are sent to it. Where processes cannot be forked, the checks run here and now."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return Done(run(config, ingest, site, only, directory_urls))
    _inherited["ingest"] = ingest
    return Beside(config, site, only, directory_urls)


def in_order(found: dict[str, list[Diagnostic]]) -> dict[str, list[Diagnostic]]:
    """Findings gathered from several processes, in the order the checks report."""
    return {name: found[name] for name in CHECKS if name in found}


def report(found: dict[str, list[Diagnostic]], verbose: bool, json_file: Path | None) -> int:
    """Print the findings, the summary per check and the verdict; write JSON; the exit status."""
    for diagnostics in found.values():
        print_diagnostics(diagnostics, notes=verbose)
    print()
    errors = warnings = 0
    for name, diagnostics in found.items():
        e = sum(1 for d in diagnostics if d.level is Level.ERROR)
        w = sum(1 for d in diagnostics if d.level is Level.WARNING)
        errors, warnings = errors + e, warnings + w
        print(f"  {name:<11} {'ok' if not e and not w else f'{e} error(s), {w} warning(s)'}")
    verdict = "FAILED" if errors else "passed"
    line = f"handbook check {verdict}: {errors} error(s), {warnings} warning(s) from {len(found)} check(s)"
    if json_file is not None:
        records = {name: [dict(asdict(d), level=str(d.level)) for d in ds] for name, ds in found.items()}
        Path(json_file).write_text(json.dumps({"verdict": verdict, "errors": errors, "warnings": warnings,
                                               "checks": records}, indent=2) + "\n", "utf-8")  # fmt: skip
    print(line, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


def check_command(args, ingest: IngestResult) -> int:
    """`handbook check`: build the site in a temporary folder unless `--site` names one."""
    from .packs.build import packs_into
    from .site.build import build_into

    names = selected(args.only)
    needs_site = any(CHECKS[n][1] for n in names)
    site, temp = args.site, None
    if site is None and needs_site:
        temp = Path(tempfile.mkdtemp(prefix="handbook-check-"))
        site = temp / "site"
        try:
            build_into(args.config, site)
            packs_into(args.config, site)  # as `handbook build` does: the Training packs page links them
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any build failure is reported the same way
            shutil.rmtree(temp, ignore_errors=True)
            print(f"{args.config}: error: the site does not build: {exc}", file=sys.stderr)
            print("handbook check FAILED: the site does not build", file=sys.stderr)
            return 1
    try:
        found = run(args.config, ingest if any(n in NEEDS_INGEST for n in names) else None, site, names)
        return report(found, args.verbose, args.json)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
