"""The command line's progress bar and messages on stderr.

A bar (tqdm's: documents done, documents a second, time left) is drawn on stderr when it is
a terminal, once a second document is done: nothing for one document, nothing when stderr
goes to a file or a pipe, nothing with ``--quiet``. Everything the command says on stderr
while the bar is up goes through :meth:`Progress.say`, which lifts the bar, prints and puts
it back; output written to the same terminal goes through :meth:`Progress.lifted`.

The number of documents to come, for the time left, is counted in a background thread
(the lines of JSON Lines files, one per text file), so a large input starts at once; from
stdin, the bar shows what is done and the rate, without an end.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import IO, Any

__all__ = ["Progress", "count_documents"]

_BLOCK = 1 << 20


def count_documents(paths: Sequence[str], input_format: str) -> int | None:
    """How many documents ``paths`` hold: one per text file, one per line of a JSON Lines
    file (blank lines, which are skipped, make it a little high). None when one of them is
    stdin, which cannot be read twice."""
    if any(p == "-" for p in paths):
        return None
    if input_format != "jsonl":
        return len(paths)
    total = 0
    for path in paths:
        last = b"\n"
        try:
            with open(path, "rb") as f:
                while block := f.read(_BLOCK):
                    total += block.count(b"\n")
                    last = block[-1:]
        except OSError:
            continue  # the reader reports it, as one failed document
        total += last != b"\n"
    return total


class Progress:
    """Counts documents and draws the bar when ``enabled`` (see the module's docstring)."""

    def __init__(self, *, enabled: bool, stream: IO[str] | None = None) -> None:
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self._bar: Any = None
        self._total: int | None = None

    @classmethod
    def for_terminal(cls, quiet: bool) -> Progress:
        """A progress that draws when stderr is a terminal and ``quiet`` is not set."""
        return cls(enabled=not quiet and sys.stderr.isatty())

    def count_in_background(self, paths: Sequence[str], input_format: str) -> None:
        """Count the documents to come in a thread; the bar shows an end when it knows."""
        if not self.enabled:
            return

        def count() -> None:
            self._total = count_documents(paths, input_format)

        threading.Thread(target=count, daemon=True, name="quotesnap-count").start()

    def advance(self) -> None:
        """One more document done (extracted, or failed)."""
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if self.done < 2:
                return
            self._bar = self._start()
        elif self._total is not None and self._bar.total != self._total:
            self._bar.total = max(self._total, self.done)
        self._bar.update(self.done - self._bar.n)

    def _start(self) -> Any:
        from tqdm import tqdm

        # tqdm would otherwise make a multiprocessing lock, and a process to track it
        tqdm.set_lock(threading.RLock())
        try:
            sized = os.get_terminal_size(self.stream.fileno()).columns > 0
        except (AttributeError, OSError, ValueError):
            sized = False
        # follow the terminal's size; one that does not tell it (0 x 0) is taken as 80 x 24
        return tqdm(total=self._total, initial=self.done - 1, unit=" docs",
                    file=self.stream, dynamic_ncols=sized, ncols=None if sized else 80,
                    nrows=None if sized else 24, mininterval=0.2, smoothing=0.05,
                    leave=False)

    def say(self, message: str) -> None:
        """Print one line on stderr, under the bar if there is one."""
        with self.lifted():
            print(message, file=self.stream, flush=True)

    @contextlib.contextmanager
    def lifted(self) -> Iterator[None]:
        """Take the bar off the terminal while something else writes there."""
        if self._bar is None:
            yield
            return
        self._bar.clear()
        try:
            yield
        finally:
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def stdout_is_terminal() -> bool:
    """Is standard output the terminal the bar is drawn on (so writing there must lift it)?"""
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return False
