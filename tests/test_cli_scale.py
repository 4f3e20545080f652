"""The command line on many documents: --jobs, Ctrl-C, the progress bar, --quiet.

Real subprocesses on a slice of ``../shared/data/corpus/wikinews-fr.jsonl``; a real SIGINT
sent to the command's process group, as a terminal sends it; a real pseudo-terminal for
stderr where the bar must show.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.test_cli import ROOT, run

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl"
SCAN = ["extract", "--scan-only", "--input-format", "jsonl", "--format", "jsonl"]


def corpus_lines(tmp_path: Path, n: int, *, bad_line: int | None = None) -> Path:
    """The first ``n`` lines of the corpus as a JSON Lines file, with a line that is not
    JSON put in at ``bad_line`` (counted from 1) if asked."""
    with CORPUS.open("rb") as fh:
        lines = list(itertools.islice(fh, n))
    if bad_line is not None:
        lines.insert(bad_line - 1, b'{"id": "broken", "text": \n')
    path = tmp_path / f"corpus-{n}.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def run_on_terminal(*args: str | Path, columns: int = 100) -> tuple[int, str]:
    """``python -m quotesnap ARGS`` with stderr on a pseudo-terminal of ``columns``
    columns (stdout discarded); the exit status and everything the terminal received."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "quotesnap", *map(str, args)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=follower)
    os.close(follower)
    received = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # EIO: the command has closed the terminal
            break
        if not data:
            break
        received += data
    os.close(leader)
    return proc.wait(), received.decode("utf-8", "replace")


@pytest.mark.parametrize("columns", [100, 0], ids=["100-columns", "size-unknown"])
def test_progress_bar_on_a_terminal(tmp_path: Path, columns: int) -> None:
    """stderr a terminal, many documents: a bar with documents done, rate and time left,
    on a terminal that does not say its size too."""
    status, screen = run_on_terminal(*SCAN, "-o", tmp_path / "q.jsonl",
                                     corpus_lines(tmp_path, 300), columns=columns)
    assert status == 0
    assert "/300 [" in screen and "docs/s]" in screen and "<" in screen  # done/total, ETA
    assert "Traceback" not in screen


@pytest.mark.parametrize("options, files", [
    (["--quiet"], ["corpus"]),
    ([], ["one"]),
], ids=["quiet", "one-document"])
def test_no_progress_bar(tmp_path: Path, options: list[str], files: list[str]) -> None:
    """No bar with --quiet, nor for a single document, even on a terminal."""
    paths = {"corpus": corpus_lines(tmp_path, 300), "one": corpus_lines(tmp_path, 1)}
    status, screen = run_on_terminal(*SCAN, *options, "-o", tmp_path / "q.jsonl",
                                     *(paths[f] for f in files))
    assert status == 0
    assert screen == ""


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    """stderr a pipe: nothing on it but errors, however many documents."""
    result = run(*SCAN, corpus_lines(tmp_path, 300))
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) > 200  # the quotes, all there


@pytest.mark.model
def test_two_jobs_print_what_one_job_prints(tmp_path: Path) -> None:
    """--jobs 2 gives the output of --jobs 1 byte for byte, and the same error for the
    broken line among the good ones."""
    path = corpus_lines(tmp_path, 24, bad_line=5)
    one = run("extract", "--input-format", "jsonl", "--format", "jsonl", "-j", "1",
              "--batch-size", "4", path)
    two = run("extract", "--input-format", "jsonl", "--format", "jsonl", "-j", "2",
              "--batch-size", "4", path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 40
    errors = one.stderr.splitlines()[1:]  # after the notice of the model loading
    assert len(errors) == 1 and errors[0].startswith(f"quotesnap: {path}:5: bad JSON")
    assert two.stderr.splitlines()[1:] == errors


def _group_alive(pgid: int) -> list[str]:
    """The processes of group ``pgid`` still running, as ``ps`` lists them (zombies left
    to init excepted)."""
    listing = subprocess.run(["ps", "-eo", "pgid=,pid=,stat=,args="], capture_output=True,
                             text=True, check=True).stdout
    return [line for line in listing.splitlines()
            if line.split()[0] == str(pgid) and not line.split()[2].startswith("Z")]


def _ctrl_c_as_in_a_terminal() -> None:
    """SIGINT back to its default in the child: a test run started in the background
    (``cmd &`` in a script, ``nohup``) ignores SIGINT, the command it starts inherits that,
    and quite rightly goes on to the end whatever Ctrl-C the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.model
def test_ctrl_c_stops_every_process(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group) while two workers extract: exit status 130
    within seconds, no traceback, no worker left running."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotesnap", "extract", "-j", "2", "--input-format", "jsonl",
         "--format", "jsonl", CORPUS], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline()  # a first quote: the workers are at work
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode("utf-8")
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group_alive(proc.pid) == []
