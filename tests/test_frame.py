"""Quotes as a pandas DataFrame (``quotesnap.to_frame``, ``Extraction.to_frame``) and as a
Parquet file (``--format parquet``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

import quotesnap
from quotesnap.frame import COLUMNS, ParquetWriter

from .conftest import GOLD, ROOT, read_gold

OFFSETS = ["start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "depth"]
TEXTS = ["doc_id", "text", "speaker_name", "speaker_text", "cue_text", "cue_lemma", "rule"]


def flat_json(q: quotesnap.Quote) -> dict[str, Any]:
    """The JSON form of a quote with ``speaker``, ``cue`` and ``addressee`` flattened, None
    for missing."""
    d = q.to_dict()
    row = {k: v for k, v in d.items() if k not in ("speaker", "cue", "addressee")}
    for key, subs in (("speaker", ("name", "start", "end", "text")),
                      ("cue", ("start", "end", "text", "lemma")),
                      ("addressee", ("name", "start", "end", "text", "via"))):
        for sub in subs:
            row[f"{key}_{sub}"] = d[key][sub] if d[key] else None
    return row


def plain(value: Any) -> Any:
    """A frame cell as the JSON form holds it (pd.NA -> None, numpy ints -> int)."""
    if value is pd.NA:
        return None
    return value.item() if hasattr(value, "item") else value


@pytest.mark.model
def test_to_frame_on_news_train(news_train_extractions: list[quotesnap.Extraction]) -> None:
    """news-train's extraction: one row per quote, every field of the JSON form, typed
    (kind categorical, offsets Int64, missing speakers pd.NA), values as to_dict gives."""
    quotes = [q for ex in news_train_extractions for q in ex.quotes]
    frame = quotesnap.to_frame(news_train_extractions)
    assert len(frame) == len(quotes) > 1000
    assert list(frame.columns) == list(COLUMNS)
    assert set(COLUMNS) == set(flat_json(quotes[0]))
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == ["direct", "partial", "indirect", "other"]
    assert all(frame[c].dtype == "Int64" for c in OFFSETS)
    assert all(frame[c].dtype == "string" for c in TEXTS)
    assert frame["confidence"].dtype == "float64"
    no_speaker = [i for i, q in enumerate(quotes) if q.speaker is None]
    assert no_speaker and frame.loc[no_speaker, "speaker_name"].isna().all()
    inherited = [i for i, q in enumerate(quotes) if q.speaker and q.speaker.mention is None]
    assert inherited and frame.loc[inherited, "speaker_start"].isna().all()
    assert frame.loc[inherited, "speaker_name"].notna().all()
    for i, q in enumerate(quotes):
        assert {c: plain(v) for c, v in frame.iloc[i].items()} == flat_json(q), q
    assert set(frame["doc_id"]) <= {d["doc_id"] for d in read_gold("news-train")}


def test_extraction_to_frame_gives_its_doc_id() -> None:
    """Extraction.to_frame(): the document's quotes, each row with the document's doc_id."""
    text = (ROOT / "examples" / "lavrov-maduro-2020.txt").read_text(encoding="utf-8")
    extraction = quotesnap.Extraction(
        tuple(quotesnap.Extractor(attribute=False).extract(text)), doc_id="lavrov")
    frame = extraction.to_frame()
    assert len(frame) == 7
    assert list(frame["doc_id"]) == ["lavrov"] * 7
    assert list(frame["start"]) == [q.start for q in extraction.quotes]


def test_empty_frame_keeps_columns_and_types() -> None:
    """No quotes: an empty frame with the same columns and dtypes."""
    frame = quotesnap.to_frame([])
    assert len(frame) == 0 and list(frame.columns) == list(COLUMNS)
    assert frame["start"].dtype == "Int64" and isinstance(frame["kind"].dtype, pd.CategoricalDtype)


def test_to_frame_rejects_what_is_not_a_quote() -> None:
    """A dict or a string is a TypeError that says what to_frame takes."""
    with pytest.raises(TypeError, match="Extraction or Quote"):
        quotesnap.to_frame([{"kind": "direct"}])  # type: ignore[list-item]


def _without(module: str, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter where ``import MODULE`` fails."""
    prelude = f"import sys; sys.modules[{module!r}] = None\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def test_without_pandas_the_error_names_the_extra() -> None:
    """Without pandas, quotesnap imports fine and to_frame raises ExtraNotInstalledError
    (an ImportError) naming quotesnap[pandas]."""
    code = (
        "import quotesnap\n"
        "try:\n"
        "    quotesnap.to_frame([])\n"
        "except quotesnap.ExtraNotInstalledError as e:\n"
        "    assert isinstance(e, ImportError)\n"
        "    print(e)\n"
    )
    done = _without("pandas", code)
    assert done.returncode == 0, done.stderr
    assert "pip install 'quotesnap[pandas]'" in done.stdout


def test_importing_quotesnap_imports_neither_pandas_nor_pyarrow() -> None:
    """pandas and pyarrow are imported when to_frame or Parquet output runs, not before."""
    code = "import sys, quotesnap; print([m for m in ('pandas', 'pyarrow') if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


# -- Parquet ---------------------------------------------------------------------------


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m quotesnap ARGS`` from the repository root."""
    done = subprocess.run([sys.executable, "-m", "quotesnap", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_parquet_output_reads_back_as_to_frame(tmp_path: Path) -> None:
    """`--format parquet -o FILE`: the file reads back as to_frame of the same quotes,
    dtypes included (news-train, scan only)."""
    out = tmp_path / "quotes.parquet"
    gold = GOLD / "news-train.jsonl"
    done = cli("extract", "--scan-only", "--input-format", "jsonl", "--format", "parquet",
               "-o", out, gold)
    assert done.returncode == 0, done.stderr
    docs = read_gold("news-train")
    expected = quotesnap.to_frame(quotesnap.Extractor(attribute=False).extract_many(
        (d["doc_id"], d["text"]) for d in docs))
    pd.testing.assert_frame_equal(pd.read_parquet(out), expected)


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    """ParquetWriter streams: rows go out in groups, and read back whole and in order."""
    docs = read_gold("news-train")[:60]
    extractions = list(quotesnap.Extractor(attribute=False).extract_many(
        (d["doc_id"], d["text"]) for d in docs))
    path = tmp_path / "q.parquet"
    writer = ParquetWriter(path, rows_per_group=10)
    for ex in extractions:
        writer.add(ex.quotes, doc_id=ex.doc_id)
    writer.close()
    assert pq.ParquetFile(path).num_row_groups > 1
    pd.testing.assert_frame_equal(pd.read_parquet(path), quotesnap.to_frame(extractions))
    assert writer.count == sum(len(ex.quotes) for ex in extractions)


def test_parquet_without_a_file_is_a_usage_error() -> None:
    """--format parquet without -o: one line saying to name a file, exit status 2."""
    done = cli("extract", "--scan-only", "--format", "parquet", "examples/lavrov-maduro-2020.txt")
    assert done.returncode == 2
    assert done.stderr == ("quotesnap: --format parquet writes a binary file: name it with "
                           "-o FILE.parquet\n")


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    """Without pyarrow, --format parquet exits 2 with one line naming quotesnap[pandas]."""
    code = ("from quotesnap.cli import main\n"
            f"sys.exit(main(['extract', '--scan-only', '--format', 'parquet', '-o', "
            f"{str(tmp_path / 'q.parquet')!r}, 'examples/lavrov-maduro-2020.txt']))\n")
    done = _without("pyarrow", code)
    assert done.returncode == 2
    assert "pip install 'quotesnap[pandas]'" in done.stderr
    assert len(done.stderr.splitlines()) == 1
