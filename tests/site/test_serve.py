"""`handbook serve` follows the sources: started on a free port in a copy of the project, a pasted
source appears and an edit shows, the address is printed once ready, a busy port gets one clear
line, and stopping the server (or `dev.py serve`) frees the port. Bounded waits, loopback only."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

HANDBOOK = Path(sys.executable).parent / "handbook"
NEW_SOURCE = "Online Gaming and Children\n\n1. Games\n\n1.1 Children meet strangers in online games, sometimes in voice chat.\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Nothing listens on it (connections closing in TIME_WAIT do not count)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def start(cwd: Path, command: list[str], venv: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, **({"HANDBOOK_VENV": str(venv)} if venv else {})}
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop(process: subprocess.Popen, sig=signal.SIGINT) -> str:
    if process.poll() is None:
        process.send_signal(sig)
    try:
        out, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
    return out


def test_the_server_follows_the_sources(project_copy):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(project_copy, [str(HANDBOOK), "serve", "--dev-addr", f"127.0.0.1:{port}"])
    try:
        assert wait_for(lambda: fetch(f"{base}/") is not None), "the server never answered"
        (project_copy / "sources" / "sussex" / "online-gaming.txt").write_text(NEW_SOURCE, "utf-8")
        page = f"{base}/chapters/sussex/online-gaming-and-children/"
        assert wait_for(lambda: "voice chat" in (fetch(page) or "")), "the pasted source never appeared"
        source = project_copy / "sources" / "sussex" / "online-gaming.txt"
        source.write_text(NEW_SOURCE.replace("voice chat", "text chat"), "utf-8")
        assert wait_for(lambda: "text chat" in (fetch(page) or "")), "the edit never showed"
        source.write_text("Online Gaming and Children\n", "utf-8")  # a half copy: the title alone
        time.sleep(6)  # several rebuild cycles
        assert "text chat" in (fetch(page) or ""), "a failed conversion took the old page away"
    finally:
        out = stop(server)
    assert f"Serving on {base}/" in out
    assert "online-gaming.txt:1: error: the file has no chapter text" in out
    assert server.returncode is not None and wait_for(lambda: port_is_free(port), 10)


def test_a_busy_port_gets_one_clear_line(project_copy):
    port = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        server = start(project_copy, [str(HANDBOOK), "serve", "--dev-addr", f"127.0.0.1:{port}"])
        out = stop(server) if wait_for(lambda: server.poll() is not None, 60) else stop(server)
    assert server.returncode == 1
    assert f"handbook serve: error: 127.0.0.1:{port} is already in use" in out and "--dev-addr" in out
    assert "Traceback" not in out


def set_up_venv(root: Path, venv: Path) -> None:
    """A stand-in for the environment dev.py sets up, already up to date (so dev.py installs
    nothing, and never touches the real .venv): it holds the real interpreter and command."""
    (venv / "bin").mkdir(parents=True)
    for name, target in (("python", sys.executable), ("handbook", HANDBOOK)):
        (venv / "bin" / name).symlink_to(target)
    stamp = hashlib.sha256((root / "requirements.lock").read_bytes() + (root / "pyproject.toml").read_bytes())
    (venv / ".handbook-installed").write_text(stamp.hexdigest() + "\n")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_stopping_dev_py_serve_stops_the_server(project_copy, tmp_path, sig):
    for part in ("scripts/dev.py", "requirements.lock", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / part, project_copy / part)
    venv = tmp_path / "venv"
    set_up_venv(project_copy, venv)
    port = free_port()
    server = start(project_copy, [sys.executable, "scripts/dev.py", "serve", "--dev-addr", f"127.0.0.1:{port}"], venv)
    try:
        assert wait_for(lambda: fetch(f"http://127.0.0.1:{port}/") is not None), "dev.py serve never answered"
    finally:
        stop(server, sig)
    assert server.returncode is not None  # dev.py became the server, so stopping it stopped the server
    assert wait_for(lambda: port_is_free(port), 10), "the server outlived dev.py"


def test_the_loop_says_everything_ingest_and_the_checks_find(project_copy):
    """As an author (#20): a half copy saved over a real chapter, a hand edit of a generated page,
    a misquote in data/topics.yml and a broken area.yml are each reported in the terminal while
    serving (with the changed chapter's row of the recognition summary), and the broken area's
    reason is on the home page; the pages that were good stay."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = project_copy / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([str(HANDBOOK), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project_copy,
                                  stdout=out, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    said = lambda text: text in log.read_text("utf-8")  # noqa: E731
    try:
        assert wait_for(lambda: fetch(f"{base}/") is not None), "the server never answered"
        assert said("handbook serve: checks of every file ")  # the first build reports everything
        source = next((project_copy / "sources").glob("*/*.txt"))
        lines = source.read_text("utf-8").splitlines()
        source.write_text("\n".join(lines[: len(lines) // 4]) + "\n", "utf-8")  # a half copy
        assert wait_for(lambda: said("this capture is much shorter than the previous one")), log.read_text("utf-8")[-3000:]
        row = lambda: [l for l in log.read_text("utf-8").splitlines() if source.name in l and "FAILED (1 error(s))" in l]  # noqa: E731
        assert wait_for(lambda: bool(row()))  # its row of the recognition summary
        # The checks run after the summary is printed: wait for their verdict line too.
        assert wait_for(lambda: said(f"handbook serve: checks of sources/{source.parent.name}/{source.name} FAILED")), \
            log.read_text("utf-8")[-3000:]
        topics = project_copy / "data" / "topics.yml"
        text = topics.read_text("utf-8")
        quote = next(line for line in text.splitlines() if line.strip().startswith("quote: \""))
        topics.write_text(text.replace(quote, quote.replace('quote: "', 'quote: "Misquoted: ', 1), 1), "utf-8")
        assert wait_for(lambda: said("error[topics]") and said("handbook serve: checks of data/topics.yml FAILED"))
        page = next(p for p in (project_copy / "docs/chapters").glob("*/*.md") if p.name != "index.md"
                    and source.parent.name not in p.parts)  # fmt: skip
        page.write_text(page.read_text("utf-8") + "\nA word of ours.\n", "utf-8")
        assert wait_for(lambda: said(f"{page.name}:") and said("error: edited by hand since `handbook ingest` wrote it"))
        assert "A word of ours." in page.read_text("utf-8")  # reported, not overwritten
        area = project_copy / "sources" / "sussex" / "area.yml"
        area.write_text(area.read_text("utf-8").replace("region:", "regoin:", 1), "utf-8")
        home = lambda: fetch(f"{base}/") or ""  # noqa: E731
        assert wait_for(lambda: "Area left out of the site" in home()), home()[:2000]
        assert "unknown key &#39;regoin&#39; (did you mean &#39;region&#39;?)" in home()
    finally:
        stop(server)
    assert server.returncode is not None and wait_for(lambda: port_is_free(port), 10)
