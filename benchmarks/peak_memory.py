"""Peak memory (and CPU time) of a command and every process it starts, for the benchmarks
(Linux: read from ``/proc``).

    from peak_memory import run_measured
    out, peak_mb = run_measured([sys.executable, "-m", "quotesnap", "extract", ...])

The peak is the largest sum of resident memory (RSS) of the process and its descendants
seen while it runs, sampled from ``/proc`` every 20 ms, and never less than the process's
own peak as the kernel counts it (``wait4``): a worker's memory counts while the worker
lives, as the machine has to hold it.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PAGE = os.sysconf("SC_PAGE_SIZE")
INTERVAL = 0.02


def processes() -> dict[int, tuple[int, int, float]]:
    """Every process now: ``pid -> (parent pid, resident bytes, CPU seconds used)``."""
    ticks, out = os.sysconf("SC_CLK_TCK"), {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            statm = Path(entry.path, "statm").read_text()
        except OSError:  # the process ended while we looked
            continue
        # the command name, in parentheses, may hold spaces: fields follow the last ')'
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(entry.name)] = (int(fields[1]), int(statm.split()[1]) * PAGE,
                                (int(fields[11]) + int(fields[12])) / ticks)
    return out


def tree(root: int) -> list[tuple[int, float]]:
    """``(resident bytes, CPU seconds)`` of ``root`` and each of its descendants, now."""
    now = processes()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in now.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in now:
            found.append(now[pid][1:])
        todo.extend(children.get(pid, ()))
    return found


def tree_cpu(root: int | None = None) -> float:
    """CPU seconds used so far by ``root`` (this process by default) and its descendants
    alive now."""
    return sum(cpu for _, cpu in tree(os.getpid() if root is None else root))


def run_measured(cmd: Sequence[str], **popen: Any) -> tuple[str, float]:
    """Run ``cmd`` to its end; its standard output and its peak memory in MB (its
    process tree's). Raises CalledProcessError when it fails."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, **popen)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(INTERVAL):
            peak[0] = max(peak[0], sum(rss for rss, _ in tree(proc.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    out = proc.stdout.read()
    # wait4 reaps the process and gives its own peak (ru_maxrss, in kB on Linux)
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out)
    return out, max(peak[0], usage.ru_maxrss * 1024) / 2**20
