"""Quotes as a pandas DataFrame, and as a Parquet file.

    >>> import quotesnap
    >>> text = open("examples/lavrov-maduro-2020.txt", encoding="utf-8", newline="").read()
    >>> frame = quotesnap.Extractor().run(text, doc_id="lavrov").to_frame()
    >>> frame[["kind", "start", "end", "speaker_name"]].head(3)
           kind  start  end    speaker_name
    0   partial    154  173  Sergueï Lavrov
    1  indirect    656  746  Sergueï Lavrov
    2    direct    792  944  Sergueï Lavrov

One row per quote, one column per field of the JSON form (:meth:`Quote.to_dict`) with the
nested ``speaker`` and ``cue`` flattened (``speaker_name``, ``cue_lemma``…), typed:
``kind`` is categorical (the four kinds, in the order of :class:`~quotesnap.Kind`), offsets
and ``depth`` are nullable integers (``Int64``), texts and names are pandas strings, and
what a quote does not have (no speaker, an inherited speaker without mention, no cue) is
``pd.NA``.

pandas and pyarrow are an extra, ``pip install 'quotesnap[pandas]'``, imported only when
these functions run; without them, :class:`~quotesnap.errors.ExtraNotInstalledError` says
what to install.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import ExtraNotInstalledError
from .output import _with_doc_id
from .results import Kind, Quote

if TYPE_CHECKING:
    import pandas as pd

    from .extract import Extraction

__all__ = ["COLUMNS", "ParquetWriter", "to_frame"]

#: The columns of :func:`to_frame`, in order, with their pandas dtypes: the JSON form of a
#: quote with ``speaker``, ``cue`` and ``addressee`` flattened.
COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "kind": "category",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "speaker_name": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_text": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "cue_text": "string",
    "cue_lemma": "string",
    "confidence": "float64",
    "rule": "string",
    "depth": "Int64",
    "addressee_name": "string",
    "addressee_start": "Int64",
    "addressee_end": "Int64",
    "addressee_text": "string",
    "addressee_via": "string",
}


def _pandas() -> Any:
    """pandas, or an error that names the extra to install."""
    try:
        import pandas
    except ImportError as exc:
        raise ExtraNotInstalledError(
            "quotesnap.to_frame needs pandas, which is not installed. Install the extra "
            "with: pip install 'quotesnap[pandas]' (pandas and pyarrow)."
        ) from exc
    return pandas


def _flat(quote: Quote) -> dict[str, Any]:
    """The JSON form of ``quote`` with nested objects flattened (``speaker.name`` ->
    ``speaker_name``)."""
    row: dict[str, Any] = {}
    for key, value in quote.to_dict().items():
        if key in ("speaker", "cue", "addressee"):
            for sub in ("name", "start", "end", "text", "lemma", "via"):
                if f"{key}_{sub}" in COLUMNS:
                    row[f"{key}_{sub}"] = value.get(sub) if value else None
        else:
            row[key] = value
    return row


def _quotes(items: Extraction | Iterable[Extraction | Quote]) -> Iterable[Quote]:
    """Every quote of ``items``, each with its document's doc_id."""
    from .extract import Extraction

    for item in [items] if isinstance(items, Extraction) else items:
        if isinstance(item, Quote):
            yield item
        elif isinstance(item, Extraction):
            yield from _with_doc_id(item.quotes, item.doc_id)
        else:
            raise TypeError(f"to_frame takes Extraction or Quote objects, not "
                            f"{type(item).__name__}")


def to_frame(extractions: Extraction | Iterable[Extraction | Quote]) -> pd.DataFrame:
    """The quotes of ``extractions`` (an :class:`~quotesnap.Extraction`, or many, or
    :class:`~quotesnap.Quote` objects) as a pandas DataFrame, one row per quote.

    Columns and dtypes are those of :data:`COLUMNS`; a quote without a doc_id takes its
    Extraction's. Needs the ``pandas`` extra.

    >>> frame = quotesnap.to_frame(quotesnap.Extractor(attribute=False).extract_many(
    ...     [("a", "«Nous partons», a dit Lavrov."), ("b", "Rien ici.")]))
    >>> frame[["doc_id", "kind", "start", "end", "speaker_name"]]
      doc_id    kind  start  end speaker_name
    0      a  direct      1   13         <NA>
    """
    pandas = _pandas()
    rows = [_flat(q) for q in _quotes(extractions)]
    columns = {}
    for name, dtype in COLUMNS.items():
        values = [row[name] for row in rows]
        if name == "kind":
            columns[name] = pandas.Categorical(values, categories=[str(k) for k in Kind])
        else:
            columns[name] = pandas.array(values, dtype=dtype)
    frame: pd.DataFrame = pandas.DataFrame(columns)
    return frame


class ParquetWriter:
    """Quotes streamed to a Parquet file, the columns and types of :func:`to_frame`.

    The same ``add``/``close`` as the writers of :mod:`quotesnap.output` (what
    ``--format parquet`` uses); rows are written in groups of ``rows_per_group`` quotes so
    that a large corpus never sits in memory. Needs the ``pandas`` extra (pyarrow).
    """

    name = "parquet"

    def __init__(self, path: str | os.PathLike[str], *, rows_per_group: int = 50_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise ExtraNotInstalledError(
                "Parquet output needs pyarrow, which is not installed. Install the extra "
                "with: pip install 'quotesnap[pandas]' (pandas and pyarrow)."
            ) from exc
        self._arrow: Any = pa
        self._writer: Any = pq.ParquetWriter(os.fspath(path), self._table([]).schema)
        self._pending: list[Quote] = []
        self.rows_per_group = rows_per_group
        self.count = 0

    def add(self, quotes: Iterable[Quote], *, text: str = "", doc_id: str | None = None) -> None:
        """Add one document's quotes (``doc_id`` given to those that have none)."""
        before = len(self._pending)
        self._pending.extend(_with_doc_id(quotes, doc_id))
        self.count += len(self._pending) - before
        if len(self._pending) >= self.rows_per_group:
            self._flush()

    def _table(self, quotes: list[Quote]) -> Any:
        return self._arrow.Table.from_pandas(to_frame(quotes), preserve_index=False)

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(self._table(self._pending))
            self._pending = []

    def close(self) -> None:
        """Write what is left and close the file."""
        self._flush()
        self._writer.close()
