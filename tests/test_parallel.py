"""Many documents: batch sizes, worker processes, streaming, on a slice of the Wikinews corpus.

Every run here is compared with one reference: the same documents through one process
with the default batch size. Only what is written in ``../shared/data/corpus/`` is used.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotesnap import Extraction, Extractor, WorkerError
from quotesnap.parallel import available_cores, extract_parallel, processes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl"
SLICE = 40  # the first articles of the corpus: 94 quotes, 0.2 to 6 k characters each


def corpus_slice(n: int = SLICE) -> list[tuple[str | None, str]]:
    """``(id, text)`` of the first ``n`` articles of the corpus."""
    with CORPUS.open(encoding="utf-8") as fh:
        return [(d["id"], d["text"]) for d in map(json.loads, itertools.islice(fh, n))]


# Documents that are not text, among good ones: isolated, never a stop.
BAD = [("no-text", None), ("a-number", 12)]


def with_bad(docs: list[tuple[str | None, str]]) -> list[tuple[str | None, object]]:
    """The documents with the bad ones put in at the 2nd and the 11th places."""
    out: list[tuple[str | None, object]] = list(docs)
    out.insert(1, BAD[0])
    out.insert(10, BAD[1])
    return out


@pytest.fixture(scope="module")
def reference(extractor: Extractor) -> list[Extraction]:
    """The slice, bad documents included, through one process, batches of 16."""
    return list(extractor.extract_many(with_bad(corpus_slice())))  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize("batch_size", [1, 16, 64])
def test_batch_size_does_not_change_results(extractor: Extractor, reference: list[Extraction],
                                            batch_size: int) -> None:
    """Documents parsed one, 16 or 64 at a time give the same extractions."""
    ex = Extractor(batch_size=batch_size)
    ex._backend = extractor.backend  # share the loaded model
    assert list(ex.extract_many(with_bad(corpus_slice()))) == reference  # type: ignore[arg-type]


@pytest.mark.model
def test_reference_has_quotes_and_isolates_the_bad_documents(
        reference: list[Extraction]) -> None:
    """The reference itself: ids in order, the bad documents failed alone, quotes found."""
    assert [e.doc_id for e in reference] == [d for d, _ in with_bad(corpus_slice())]
    failed = {e.doc_id: e.error for e in reference if e.error}
    assert failed == {"no-text": "TypeError: text must be a str, not NoneType",
                      "a-number": "TypeError: text must be a str, not int"}
    assert sum(len(e.quotes) for e in reference) > 80


@pytest.mark.model
def test_two_processes_give_the_same_results_in_order(extractor: Extractor,
                                                      reference: list[Extraction]) -> None:
    """Two worker processes: the same extractions in input order, bad documents isolated
    the same way, each worker building one extractor, input read as it is needed."""
    pulled = 0

    def documents() -> Iterator[tuple[str | None, object]]:
        nonlocal pulled
        for doc in with_bad(corpus_slice()):
            pulled += 1
            yield doc

    workers: dict[int, int] = {}
    results = extract_parallel(extractor.settings, documents(), 2,  # type: ignore[arg-type]
                               chunk_size=3, workers=workers)
    first = next(results)
    # streaming: what is in flight is at most two chunks per worker, not the input
    assert pulled <= 2 * 2 * 3 < len(reference)
    assert [first, *results] == reference
    assert 1 <= len(workers) <= 2 and set(workers.values()) == {1}


@pytest.mark.model
def test_a_worker_that_dies_is_a_clear_error(extractor: Extractor) -> None:
    """A worker killed under the pool (as the system kills one short of memory) raises
    WorkerError naming the documents, not a hang or a bare BrokenProcessPool."""
    workers: dict[int, int] = {}
    results = extract_parallel(extractor.settings, corpus_slice(), 2, chunk_size=2,
                               workers=workers)
    next(results)
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkerError, match=r"died while extracting documents \d+ to \d+"):
        list(results)


@pytest.mark.parametrize("asked, expected", [
    (1, 1), (2, 2), ("3", 3), (0, available_cores()), ("auto", available_cores()),
    ("AUTO", available_cores()),
], ids=["one", "two", "text-three", "zero", "auto", "auto-capitals"])
def test_process_counts(asked: int | str, expected: int) -> None:
    """n_process / --jobs: a number, or 0 / auto for every core."""
    assert processes(asked) == expected


@pytest.mark.parametrize("asked", [-1, "-2", "many", "1.5", True],
                         ids=["negative", "negative-text", "word", "fraction", "bool"])
def test_bad_process_counts_are_refused(asked: object) -> None:
    """A count that is not a number of processes is a ValueError when extract_many is
    called, before any document is read."""
    with pytest.raises(ValueError, match="n_process"):
        Extractor(attribute=False).extract_many(["« Oui »"], n_process=asked)  # type: ignore[arg-type]


def test_one_process_streams_its_input() -> None:
    """extract_many reads an endless input a batch at a time: results come before the end."""
    endless = ((f"d{n}", f"« Phrase {n} », dit-il.") for n in itertools.count())
    out = list(itertools.islice(Extractor(attribute=False, batch_size=4).extract_many(endless),
                                10))
    assert [e.doc_id for e in out] == [f"d{n}" for n in range(10)]
    assert next(endless)[0] == "d12"  # three batches of 4 read, no more
