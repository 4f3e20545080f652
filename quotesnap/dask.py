"""quotesnap on a Dask cluster: corpora beyond one machine (``pip install 'quotesnap[dask]'``).

    import dask.bag as db
    from distributed import Client
    from quotesnap.dask import extract_bag, quote_rows, read_jsonl

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    results = extract_bag(read_jsonl("corpus/*.jsonl"))
    results.map(json.dumps).to_textfiles("quotes/*.jsonl")

Records in are ``{"id": ..., "text": ...}`` dicts (``doc_id`` is taken for ``id``, as on
the command line). Records out are plain dicts, one per document, in the order of the
input::

    {"id": "a", "quotes": [Quote.to_dict(), ...], "diagnostics": [...], "error": None}

A document that cannot be processed (no text, a line that is not JSON) is not lost: its
record has no quotes and says why in ``error``. :func:`quote_rows` flattens a record to one
row per quote, with the columns of the command line's CSV and their types in
:data:`QUOTE_DTYPES`, for a table (Parquet).

Each worker process builds one :class:`~quotesnap.Extractor` (so loads one model) for each
settings it is asked for, the first time, and keeps it for every partition after: a
cache in the worker's memory, not a model per partition or per document
(:func:`extractors_built` tells how many a worker holds). The parser keeps Python's
interpreter lock, so give workers one thread each and as many processes as cores
(``LocalCluster(threads_per_worker=1)``, ``dask worker --nthreads 1 --nworkers auto``);
threads in one worker share its extractor, one at a time.

Nothing here imports Dask but :func:`read_jsonl`: the other functions take and give what
Dask passes to a partition, so they run with the ``threads`` or ``processes`` schedulers
too, and the workers need quotesnap installed, not this module's callers.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import ExtraNotInstalledError, InputFormatError
from .extract import Extraction, Extractor, Settings

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["QUOTE_DTYPES", "extract_bag", "extract_partition", "extractors_built",
           "quote_rows", "read_jsonl", "to_record"]

# -- in the workers: one extractor per settings, kept for the life of the process --------

_LOCK = threading.Lock()
#: by the pickled settings: settings that hold learned weights (dicts) do not hash
_EXTRACTORS: dict[bytes, tuple[Extractor, threading.Lock]] = {}


def _extractor(settings: Settings) -> tuple[Extractor, threading.Lock]:
    key = pickle.dumps(settings)
    with _LOCK:
        if key not in _EXTRACTORS:
            _EXTRACTORS[key] = (Extractor(settings), threading.Lock())
        return _EXTRACTORS[key]


def extractors_built() -> int:
    """How many extractors (so models) this process holds: at most one per settings.
    On a cluster, ``client.run(extractors_built)`` asks every worker."""
    return len(_EXTRACTORS)


def _document(record: Any) -> tuple[str | None, Any, str | None]:
    """``(id, text, error)`` of an input record."""
    if not isinstance(record, dict):
        hint = " (read JSON Lines with read_jsonl, or .map(json.loads))" if isinstance(
            record, str | bytes) else ""
        return None, None, (f'expected a record {{"id": ..., "text": ...}}, got '
                            f"{type(record).__name__}{hint}")
    doc_id = record.get("id", record.get("doc_id"))
    doc_id = None if doc_id is None else str(doc_id)
    if record.get("error") is not None:  # a line read_jsonl could not read
        return doc_id, None, str(record["error"])
    if "text" not in record:
        return doc_id, None, 'no "text" field; each record must be {"id": ..., "text": "..."}'
    return doc_id, record["text"], None


def to_record(extraction: Extraction) -> dict[str, Any]:
    """An :class:`~quotesnap.Extraction` as the plain record :func:`extract_bag` gives."""
    return {"id": extraction.doc_id,
            "quotes": [q.to_dict() for q in extraction.quotes],
            "diagnostics": [d.to_dict() for d in extraction.diagnostics],
            "error": extraction.error}


def extract_partition(records: Iterable[Any], settings: Settings | None = None
                      ) -> list[dict[str, Any]]:
    """Extract from one partition of ``{"id", "text"}`` records: one record out for each
    record in, in the same order (see the module's docstring). Give it to
    ``bag.map_partitions`` yourself, or use :func:`extract_bag`."""
    extractor, lock = _extractor(settings or Settings())
    docs = [_document(r) for r in records]
    with lock:
        done = iter(extractor.extract_many(
            [(doc_id, text) for doc_id, text, error in docs if error is None]))
        return [to_record(next(done) if error is None else Extraction((), (), doc_id, error))
                for doc_id, text, error in docs]


def extract_bag(bag: Bag, settings: Settings | None = None, **options: Any) -> Bag:
    """A bag of result records from a bag of ``{"id", "text"}`` records, lazily (compute
    it, or write it with ``.map(json.dumps).to_textfiles(...)``). Options are those of
    :class:`~quotesnap.Extractor` (``indirect=False``, ``backend="stanza"``...)."""
    if not hasattr(bag, "map_partitions"):
        raise TypeError(f"extract_bag takes a dask.bag.Bag, not {type(bag).__name__}; "
                        f"make one with quotesnap.dask.read_jsonl or dask.bag.from_sequence")
    chosen = Extractor(settings, **options).settings  # a bad option fails here, not there
    return bag.map_partitions(extract_partition, settings=chosen)


#: The columns of :func:`quote_rows` (the command line's CSV columns, then ``depth``) and
#: their pandas types, nullable where a quote may have no speaker or cue: the ``meta`` of
#: ``bag.to_dataframe``, which would otherwise guess them from the first partition.
QUOTE_DTYPES = {
    "doc_id": "string", "kind": "string", "start": "int64", "end": "int64", "text": "string",
    "speaker_name": "string", "speaker_start": "Int64", "speaker_end": "Int64",
    "speaker_text": "string", "cue_text": "string", "cue_lemma": "string",
    "cue_start": "Int64", "cue_end": "Int64", "confidence": "float64", "rule": "string",
    "speaker_kind": "string", "speaker_gender": "string", "depth": "int64",
}


def quote_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per quote of a result record, with the columns of
    :data:`QUOTE_DTYPES` (None where there is no speaker or cue), for a table:
    ``results.map(quote_rows).flatten().to_dataframe(meta=QUOTE_DTYPES)``, then
    ``.to_parquet(...)`` (pandas and pyarrow needed)."""
    rows = []
    for quote in record["quotes"]:
        flat = dict(quote)
        for key in ("speaker", "cue"):  # {"speaker": {"name": ...}} -> speaker_name
            flat.update({f"{key}_{sub}": value for sub, value in (flat.pop(key) or {}).items()})
        rows.append({column: flat.get(column) for column in QUOTE_DTYPES})
    return rows


def _read_lines(lines: Iterable[tuple[str, str]], numbered: bool) -> Iterator[dict[str, Any]]:
    """Records from ``(line, path)`` pairs: ``{"id", "text"}``, or ``{"id", "error"}`` for
    a line that is not a record, its id ``FILE:LINE`` (``FILE`` when the file was split)."""
    from .cli import parse_record

    for n, (line, path) in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}" if numbered else path
        try:
            # the bytes of the line (undecodable ones kept as they were read), so that a
            # line that is not UTF-8 gets the command line's message
            doc = parse_record(line.encode("utf-8", "surrogateescape"), where)
        except InputFormatError as exc:
            yield {"id": where, "error": f"{where}: {exc}"}
            continue
        yield {"id": doc.doc_id, "text": doc.text}


def read_jsonl(urlpath: str | list[str], *, blocksize: int | str | None = None) -> Bag:
    """A bag of ``{"id", "text"}`` records from JSON Lines files (a glob, a list, or any
    URL Dask reads: ``s3://...``), one partition per file. A line that is not a record
    becomes a record with an ``error``, ``FILE:LINE`` as its id. ``blocksize`` splits large
    files into partitions of that many bytes; line numbers are then unknown."""
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ExtraNotInstalledError(
            f"quotesnap.dask.read_jsonl needs Dask, which cannot be imported ({exc}). "
            f"Install it with: pip install 'quotesnap[dask]'") from exc
    lines = db.read_text(urlpath, blocksize=blocksize, include_path=True, encoding="utf-8",
                         errors="surrogateescape")
    return lines.map_partitions(_read_lines, numbered=blocksize is None)
