"""Extraction on every core of one machine: a pool of worker processes.

:meth:`quotesnap.Extractor.extract_many` hands its documents here when it is given
``n_process`` greater than 1::

    documents ─▶ chunks of batch_size ─▶ workers (one Extractor, one model each)
                                              │
    Extractions, in input order  ◀── the oldest chunk first ◀┘

Why a pool of our own rather than spaCy's ``nlp.pipe(n_process=...)``: spaCy's pool runs
only the parser in its workers and ships every parsed ``Doc`` back as bytes, while
scanning, attribution and resolution stay in the parent. On the Wikinews corpus the
parser takes about three quarters of quotesnap's time, so two processes could not make it
more than 1.6 times faster, before the cost of the bytes. Here each worker runs the whole
pipeline on a chunk of documents and sends back :class:`~quotesnap.Extraction` objects,
which are small frozen values.

- **Order and streaming**: chunks are submitted as the input is read and their results
  yielded oldest first; at most ``window`` chunks (two per worker by default) are in
  flight, so memory holds a few chunks of documents, whatever the length of the input.
- **One model per worker**: each worker process builds one :class:`~quotesnap.Extractor`
  when it starts and reuses it for every chunk; its model loads on the first chunk.
- **Bad documents**: a worker runs the same ``extract_many`` as one process does, so a
  document that fails gets its :class:`~quotesnap.Extraction` with ``error`` and the others
  go on. A :class:`~quotesnap.QuotesnapError` (a missing model) stops the whole run, as it
  does in one process. A worker that dies (killed for lack of memory, a crash in the
  parser) raises :class:`~quotesnap.errors.WorkerError`.
- **Ctrl-C**: the workers ignore SIGINT (a terminal sends it to the whole process group);
  the parent stops them at once and ``KeyboardInterrupt`` goes on up to the caller. The
  same happens when the caller stops reading the results early.

Workers are started with the ``spawn`` method, on every platform: a fresh interpreter
inherits no threads or locks from the parent (torch's and spaCy's thread pools are not safe
to fork), and it is what macOS and Windows do anyway. A script that uses several
processes must therefore keep its work under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import attrs

from .errors import WorkerError

if TYPE_CHECKING:
    from .extract import Extraction, Extractor, Settings

__all__ = ["AUTO", "available_cores", "extract_parallel", "processes"]

#: The ``n_process`` (and ``--jobs``) value that means every core: 0 says the same.
AUTO = "auto"

def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def processes(n_process: int | str) -> int:
    """The number of worker processes ``n_process`` asks for: a positive number as is,
    ``0`` or ``"auto"`` for every core. Raises ValueError for anything else."""
    if isinstance(n_process, str):
        text = n_process.strip().lower()
        if text == AUTO:
            return available_cores()
        if not text.isdigit():
            raise ValueError(
                f"n_process must be a number of processes or 'auto', not {n_process!r}")
        n_process = int(text)
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 0:
        raise ValueError(
            f"n_process must be 1 or more (or 0 / 'auto' for every core), not {n_process!r}")
    return n_process or available_cores()


@attrs.define
class _Chunk:
    """Consecutive documents: those a worker extracts, and the results already known
    (documents rejected here, as ``extract_many`` rejects them in one process)."""

    first: int  # the input position of the chunk's first document
    work: list[tuple[str | None, str]] = attrs.Factory(list)
    known: dict[int, Extraction] = attrs.Factory(dict)  # position in the chunk -> result

    def __len__(self) -> int:
        return len(self.work) + len(self.known)

    def merge(self, extracted: list[Extraction]) -> list[Extraction]:
        """The chunk's results in input order, from the worker's and the known ones."""
        done = iter(extracted)
        return [self.known[k] if k in self.known else next(done) for k in range(len(self))]


def _chunks(docs: Iterable[str | tuple[str | None, str]], size: int) -> Iterator[_Chunk]:
    """The documents, ``size`` at a time, read only as far as the chunk needs."""
    from .extract import Extraction

    position = 0
    while True:
        chunk = _Chunk(position)
        for doc in itertools.islice(docs, size):
            doc_id, text = (None, doc) if isinstance(doc, str) else doc
            if isinstance(text, str):
                chunk.work.append((doc_id, text))
            else:  # the message extract_many gives in one process
                chunk.known[len(chunk)] = Extraction(
                    (), (), doc_id, error=f"TypeError: text must be a str, not "
                                          f"{type(text).__name__}")
        if not len(chunk):
            return
        position += len(chunk)
        yield chunk


def extract_parallel(settings: Settings, docs: Iterable[str | tuple[str | None, str]],
                     n_process: int, *, chunk_size: int | None = None,
                     window: int | None = None,
                     workers: dict[int, int] | None = None,
                     warm_up: bool = False) -> Generator[Extraction, None, None]:
    """Extract from ``docs`` in ``n_process`` worker processes; results in input order.

    ``chunk_size`` documents go to a worker at a time (default: ``settings.batch_size``,
    so one chunk is one call to the parser); at most ``window`` chunks are in flight
    (default: two per worker, one being extracted while the next waits). ``workers``, if
    given, is filled with the process id of each worker that extracted a chunk and how
    many extractors (so models) it built: one each. ``warm_up`` starts every worker and
    loads its model before the first document is read (what a benchmark wants, to time
    the extraction apart from the start).
    """
    size = chunk_size or settings.batch_size
    window = window or 2 * n_process
    if size < 1 or window < 1:
        raise ValueError("chunk_size and window must be at least 1")
    pool = _Pool(settings, n_process)
    pending: deque[tuple[_Chunk, Future[_Done]]] = deque()
    finished = False
    try:
        if warm_up:
            pool.warm_up()
        for chunk in _chunks(iter(docs), size):
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft(), workers)
        while pending:
            yield from _collect(*pending.popleft(), workers)
        finished = True
    finally:
        # a normal end lets the workers finish; an interrupt, an error or a caller that
        # stopped reading ends them at once
        pool.close(now=not finished)


def _collect(chunk: _Chunk, future: Future[_Done],
             workers: dict[int, int] | None) -> list[Extraction]:
    try:
        done = future.result()
    except BrokenProcessPool:
        raise WorkerError(
            f"A worker process died while extracting documents {chunk.first + 1} to "
            f"{chunk.first + len(chunk)} (numbered from 1 in input order): the system may "
            f"have killed it for lack of memory, or the parser crashed. Run again with "
            f"fewer processes or a smaller batch size, or with one process to find the "
            f"document.") from None
    if workers is not None:
        workers[done.pid] = done.built
    return chunk.merge(done.results)


class _Pool:
    """A ``spawn`` process pool whose workers each hold one extractor."""

    def __init__(self, settings: Settings, n_process: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._size = n_process
        threads = max(1, available_cores() // n_process)
        self._executor = ProcessPoolExecutor(
            max_workers=n_process, mp_context=context, initializer=_start_worker,
            initargs=(settings, os.getpid(), context.Barrier(n_process), threads))

    def warm_up(self) -> None:
        """Start every worker and load its model. Each warm-up task waits at a barrier
        for the others, so that the tasks run on as many different workers."""
        with _sigint_blocked():
            futures = [self._executor.submit(_warm_up) for _ in range(self._size)]
        concurrent.futures.wait(futures)
        errors = [e for f in futures if (e := f.exception()) is not None]
        # the worker that failed first says why; the others only saw the barrier break
        errors.sort(key=lambda e: isinstance(e, threading.BrokenBarrierError))
        if errors:
            raise errors[0]

    def submit(self, chunk: _Chunk) -> Future[_Done]:
        # the executor starts its workers on submit: they start with SIGINT blocked, so a
        # Ctrl-C while they boot reaches the parent only
        with _sigint_blocked():
            return self._executor.submit(_extract_chunk, chunk.work)

    def close(self, *, now: bool) -> None:
        if not now:
            self._executor.shutdown(wait=True)
            return
        # concurrent.futures has no public way to stop running workers before 3.14
        workers = list(getattr(self._executor, "_processes", None) or {})
        self._executor.shutdown(wait=False, cancel_futures=True)
        for pid in workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        self._executor.shutdown(wait=True)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: the worker's own handler does
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


# -- in the worker processes -------------------------------------------------------------

_WORKER: Extractor | None = None
_BARRIER: threading.Barrier | None = None
#: how many extractors this process has built: one in a worker
_BUILT = 0
#: how long a warming-up worker waits for the others to load their models
_WARM_UP_SECONDS = 600.0


def _start_worker(settings: Settings, parent: int, barrier: threading.Barrier,
                  threads: int) -> None:
    """Set up a worker: ignore Ctrl-C (the parent decides), keep the maths libraries
    under the parser to this worker's share of the cores (``threads``; they read it when
    they load, after this, unless the user has set it), build the extractor, and leave if
    the parent goes away without telling (killed)."""
    global _WORKER, _BARRIER, _BUILT
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    from .extract import Extractor

    _WORKER, _BARRIER = Extractor(settings), barrier
    _BUILT += 1
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="quotesnap-watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(1.0)
    os._exit(1)


@attrs.frozen
class _Done:
    """A chunk's results, and which worker extracted them."""

    results: list[Extraction]
    pid: int
    built: int  # extractors this worker has built so far


def _extract_chunk(work: list[tuple[str | None, str]]) -> _Done:
    return _Done(list(_worker().extract_many(work)), os.getpid(), _BUILT)


def _warm_up() -> None:
    """Load the model and compile the lexicon's patterns (a quote, a speech verb with an
    object for the indirect-speech rules), then wait for the other workers; a worker that
    fails breaks the barrier so that the others do not wait."""
    barrier = _BARRIER
    if barrier is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("quotesnap worker used before it was started")
    try:
        _worker().run("Il dénonce des « sanctions illégales ». «Nous partons», a dit Lavrov.")
    except BaseException:
        barrier.abort()
        raise
    barrier.wait(_WARM_UP_SECONDS)


def _worker() -> Extractor:
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("quotesnap worker used before it was started")
    return _WORKER
