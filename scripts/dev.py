#!/usr/bin/env python3
"""Set up and run the handbook: the two commands the README gives.

    python3 scripts/dev.py serve   # set up, convert the sources, serve on http://127.0.0.1:8000
    python3 scripts/dev.py test    # set up (Debian's Chromium included), run the whole test suite

Set-up is idempotent and quick when nothing changed: a virtual environment in .venv with the
exact versions in requirements.lock, the handbook itself installed in editable mode, and for
the tests Debian's Chromium (the browser tests drive it; no browser is ever downloaded), the
npm packages the site ships (package-lock.json, `npm ci`: the offline search shim) and the
Debian libraries WeasyPrint needs for the training-pack PDFs.
Extra arguments go to `handbook serve` or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("HANDBOOK_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".handbook-installed"
CHROMIUM = "/usr/bin/chromium"
NPM_STAMP = ROOT / "node_modules" / ".handbook-installed"
# WeasyPrint (training packs) dlopens Pango and HarfBuzz; fonts for the PDFs; poppler's
# pdftotext reads the PDFs back in the tests. (npm too, when the machine has none.)
DEBIAN_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core",
                   "poppler-utils")  # fmt: skip


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*command: str | Path, **kwargs) -> None:
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not venv_python().exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("installing the pinned dependencies (requirements.lock)")
    pip = [venv_python(), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    run(*pip, "-r", LOCK)
    run(*pip, "--no-deps", "-e", ROOT)
    STAMP.write_text(wanted + "\n")


def apt_install(packages: list[str], why: str) -> None:
    apt = shutil.which("apt-get")
    if not (apt and os.geteuid() == 0):
        sys.exit(f"[dev] {why} needs these Debian packages: sudo apt-get install {' '.join(packages)}"
                 "    (then run this command again)")
    say(f"installing Debian packages for {why}: {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(apt, "update", "-qq", env=env)
    run(apt, "install", "-y", "-qq", *packages, env=env)


def ensure_debian_packages() -> None:
    missing = [p for p in DEBIAN_PACKAGES if not _installed(p)]
    if not shutil.which("npm"):
        missing.append("npm")
    if missing:
        apt_install(missing, "the site's packages and training packs")


def _installed(package: str) -> bool:
    if not shutil.which("dpkg-query"):
        return True  # not Debian: the README says what to install
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return done.returncode == 0 and "install ok installed" in done.stdout


def ensure_npm_packages() -> None:
    """The browser code the site ships (package-lock.json), installed exactly with `npm ci`."""
    wanted = hashlib.sha256((ROOT / "package-lock.json").read_bytes()).hexdigest()
    if NPM_STAMP.exists() and NPM_STAMP.read_text().strip() == wanted:
        return
    say("installing the site's npm packages (package-lock.json)")
    run(shutil.which("npm") or "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=ROOT)
    NPM_STAMP.write_text(wanted + "\n")


def ensure_chromium() -> None:
    """The browser tests use Debian's Chromium; install it when we can, else say how."""
    if Path(CHROMIUM).exists():
        return
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        say("installing Debian's chromium for the browser tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(apt, "update", "-qq", env=env)
        run(apt, "install", "-y", "-qq", "chromium", env=env)
        return
    sys.exit(
        "[dev] the browser tests need Debian's Chromium at /usr/bin/chromium:\n"
        "      sudo apt-get install chromium    (then run this command again)"
    )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("serve", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    setup()
    ensure_debian_packages()
    ensure_npm_packages()
    bin_dir = venv_python().parent
    if command == "serve":
        # Become the server (no child left behind): Ctrl-C or a signal to this process stops it.
        handbook = str(bin_dir / "handbook")
        os.execv(handbook, [handbook, "serve", *rest])
    ensure_chromium()
    return subprocess.call([str(venv_python()), "-m", "pytest", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
