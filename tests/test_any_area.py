"""An author adds an area, and no test needs an edit: the content tests pass on it.

A copy of this checkout's project (its code and its real content) gets a new area made from a
real page of another partnership (tests/fixtures/other-areas/), with a plain area.yml as the
README's "Adding a chapter or an area" has an author write it; `handbook ingest` is run in it as
an author runs it, then the content tests (tests/content/) run on it in a pytest of their own,
which HANDBOOK_CONTENT_ROOT points at the copy: the same tests CI runs on the real content.

That run takes about as long as the content tests themselves (a site built, every page through
axe), so it starts in the background as soon as the suite is collected (the `background`
marker; conftest's pytest_collection_finish) and runs beside the other tests on the second
core; the test waits for it and reads its report."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import CONTENT_ENV, FIXTURES, ROOT, copy_real_project

PAGE = FIXTURES / "other-areas" / "nottinghamshire" / "child-protection-conferences.txt"
AREA_YML = """\
# yaml-language-server: $schema=../../scripts/handbook/schemas/area.schema.json
name: {name}
manual: Nottinghamshire Safeguarding Children Partnership Procedures
site: https://nottinghamshirescp.trixonline.co.uk
region: East Midlands
copyright:
  holder: Nottinghamshire Safeguarding Children Partnership
  terms: null
"""
# In the background: `handbook ingest` in the copy, as an author runs it, then the content tests.
DRIVER = """\
import subprocess, sys
copy, root, basetemp = sys.argv[1:]
ingest = subprocess.run([sys.executable, "-m", "handbook.cli", "ingest"], cwd=copy)
print(f"[handbook ingest exited with {ingest.returncode}]", flush=True)
if ingest.returncode:
    sys.exit(ingest.returncode)
tests = [sys.executable, "-m", "pytest", "tests/content", "-q", "-rA", "-p", "no:cacheprovider", "--basetemp", basetemp]
sys.exit(subprocess.run(tests, cwd=root).returncode)
"""
WAIT = 1800  # seconds: a bound, never reached by a run that works (about a minute on two cores)


class Run:
    """The new-area run: a copy of the project and the process checking it."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="handbook-any-area-"))
        self.root = copy_real_project(self.folder / "project")
        self.area = new_area(self.root / "sources")
        shutil.copy(PAGE, self.root / "sources" / self.area / PAGE.name)
        self.log = self.folder / "run.log"
        with self.log.open("w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", DRIVER, str(self.root), str(ROOT), str(self.folder / "pytest")],
                cwd=ROOT, env={**os.environ, CONTENT_ENV: str(self.root)}, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with everything it started
            )  # fmt: skip

    def report(self) -> tuple[int, str]:
        status = self.process.wait(timeout=WAIT)
        return status, self.log.read_text("utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def new_area(sources: Path) -> str:
    """The page's area, as a folder sources/ does not have yet (should the handbook hold
    Nottinghamshire one day, a second one beside it: still an area the tests never heard of)."""
    area, name, n = "nottinghamshire", "Nottinghamshire", 1
    while (sources / area).exists():
        n += 1
        area, name = f"nottinghamshire-{n}", f"Nottinghamshire ({n})"
    (sources / area).mkdir()
    (sources / area / "area.yml").write_text(AREA_YML.format(name=name), "utf-8")
    return area


_run: Run | None = None
_failed: BaseException | None = None  # why the run could not start: this test's failure, not the suite's


def start_in_background() -> None:
    """Called once the suite is collected (conftest), when this test is among those to run."""
    global _run, _failed
    if _run is None and _failed is None:
        try:
            _run = Run()
        except Exception as error:  # noqa: BLE001 - reported by the test
            _failed = error


def stop_background() -> None:
    """Called when the session ends: whatever happened, nothing it started outlives the suite."""
    global _run
    if _run is not None:
        _run.stop()
        _run = None


@pytest.mark.background
def test_a_new_area_from_a_real_page_passes_every_content_test():
    start_in_background()  # already started, unless collection hooks were bypassed
    if _failed is not None:
        raise _failed
    status, report = _run.report()
    assert "[handbook ingest exited with 0]" in report, report[-8000:]
    assert "handbook ingest passed" in report
    assert status == 0, report[-8000:]
    # They ran on the copy: the new area's source and pages were among them, and all passed.
    area = _run.area
    assert f"PASSED tests/content/test_content_sources.py::test_every_source_converts_with_no_word_lost[sources/{area}/{PAGE.name}]" in report, report[-3000:]
    for width in ("desktop", "phone"):
        assert f"PASSED tests/content/test_content_accessibility.py::test_no_violations_on_any_page[{width}-chapters/{area}/index.html]" in report
    summary = report.rstrip().splitlines()[-1]
    assert " passed" in summary and not any(word in summary for word in ("failed", "error", "skipped")), summary


def test_the_new_area_is_one_the_handbook_does_not_have(tmp_path):
    assert new_area(tmp_path) == "nottinghamshire"
    assert new_area(tmp_path) == "nottinghamshire-2"  # the handbook holds Nottinghamshire already
    assert "name: Nottinghamshire (2)\n" in (tmp_path / "nottinghamshire-2" / "area.yml").read_text("utf-8")
