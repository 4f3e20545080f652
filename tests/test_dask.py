"""quotesnap.dask on a real cluster: a LocalCluster of two worker processes on localhost,
over JSON Lines files cut from ``../shared/data/corpus/wikinews-fr.jsonl``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

from quotesnap import Extractor
from quotesnap.dask import (
    QUOTE_DTYPES,
    extract_bag,
    extract_partition,
    extractors_built,
    quote_rows,
    read_jsonl,
    to_record,
)
from quotesnap.output import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl"
FILES, PER_FILE = 4, 8  # four files of eight articles: four partitions for two workers


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 32 articles in four JSON Lines files; the third file has a broken line."""
    folder = tmp_path_factory.mktemp("corpus")
    with CORPUS.open("rb") as fh:
        for n in range(FILES):
            lines = list(itertools.islice(fh, PER_FILE))
            if n == 2:
                lines.insert(3, b'{"id": "broken", "text": "\xe9"}\n')  # not UTF-8
            (folder / f"part-{n}.jsonl").write_bytes(b"".join(lines))
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two worker processes of one thread each, on 127.0.0.1, no dashboard."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def single_process(folder: Path) -> list[dict[str, object]]:
    """The same files through one extractor in this process, as records."""
    docs = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            try:
                record = json.loads(line)
            except UnicodeDecodeError:
                continue  # the broken line: no document
            docs.append((record["id"], record["text"]))
    return [to_record(e) for e in Extractor().extract_many(docs)]


@pytest.mark.model
def test_cluster_results_equal_single_process(client: Client, corpus_folder: Path) -> None:
    """On two worker processes, read_jsonl + extract_bag give, in order, the records one
    process gives, and a record with the error for the line that is not UTF-8; each
    worker built one extractor however many partitions it took."""
    bag = read_jsonl(str(corpus_folder / "*.jsonl"))
    assert bag.npartitions == FILES
    records = extract_bag(bag).compute()
    broken = [r for r in records if r["error"]]
    assert [(r["id"], r["quotes"]) for r in broken] == [
        (f"{corpus_folder / 'part-2.jsonl'}:4", [])]
    assert "not UTF-8" in broken[0]["error"]
    expected = single_process(corpus_folder)
    assert [r for r in records if not r["error"]] == expected
    assert sum(len(r["quotes"]) for r in expected) > 50
    built = client.run(extractors_built)
    assert len(built) == 2 and set(built.values()) <= {0, 1} and sum(built.values()) >= 1


@pytest.mark.model
def test_bag_of_records_from_memory(client: Client) -> None:
    """A bag made with from_sequence, ``doc_id`` for ``id`` and a record without text:
    one record out per record in, the bad one with its error."""
    with CORPUS.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in itertools.islice(fh, 6)]
    records = [{"doc_id": a["id"], "text": a["text"]} for a in articles]
    records.insert(2, {"id": 42})
    out = extract_bag(db.from_sequence(records, npartitions=3), indirect=False).compute()
    assert [r["id"] for r in out] == [r.get("doc_id", "42") for r in records]
    assert out[2]["error"].startswith('no "text" field')
    assert all(q["kind"] != "indirect" for r in out for q in r["quotes"])


def test_partition_rejects_what_is_not_a_record() -> None:
    """Lines not parsed into records (a forgotten json.loads) are errors that say so."""
    out = extract_partition(['{"id": "a", "text": "« Oui »"}'],
                            Extractor(attribute=False).settings)
    assert out[0]["quotes"] == [] and "read_jsonl" in out[0]["error"]


def test_quote_rows_have_the_csv_columns() -> None:
    """quote_rows flattens a record to the command line's CSV columns (and depth), the
    columns QUOTE_DTYPES types for a table."""
    record = extract_partition([{"id": "a", "text": "« Nous partons », a dit Paul."}],
                               Extractor(attribute=False).settings)[0]
    rows = quote_rows(record)
    assert len(rows) == 1
    assert list(rows[0]) == [*CSV_COLUMNS, "depth"] == list(QUOTE_DTYPES)
    assert rows[0]["text"] == "Nous partons" and rows[0]["speaker_name"] is None


def test_extract_bag_wants_a_bag() -> None:
    """Anything else than a bag is a TypeError that says how to make one."""
    with pytest.raises(TypeError, match="read_jsonl"):
        extract_bag([{"id": "a", "text": "« Oui »"}])  # type: ignore[arg-type]
