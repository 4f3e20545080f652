"""What the journalists' examples share: read a folder of articles and extract it.

A folder holds articles as UTF-8 ``.txt`` files (one article each) and ``.jsonl`` files
(one ``{"id": ..., "text": ...}`` article a line, like ``../shared/data/corpus/``); its
licence and read-me files are not articles. The
reading is quotesnap's own (``quotesnap.cli.read_documents``): the same rules, the same
error messages as ``quotesnap extract``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import quotesnap
from quotesnap.cli import Document, read_documents

#: The corpus the examples read by default, relative to the repository root.
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "corpus"


def _article_file(path: Path) -> bool:
    """A ``.txt`` or ``.jsonl`` file that is not the folder's licence or read-me."""
    return path.suffix in (".txt", ".jsonl") and not path.name.upper().startswith(
        ("LICENSE", "LICENCE", "README", "COPYING"))


def documents(paths: Sequence[str | Path], limit: int | None = None) -> Iterator[Document]:
    """The articles of ``paths`` (folders, ``.txt`` or ``.jsonl`` files), at most
    ``limit``; what cannot be read is said on stderr and skipped."""
    files: list[Path] = []
    for path in map(Path, paths or [CORPUS]):
        files += sorted(p for p in path.iterdir() if _article_file(p)) if path.is_dir() \
            else [path]
    count = 0
    for f in files:
        kind = "jsonl" if f.suffix == ".jsonl" else "text"
        for doc in read_documents([str(f)], kind):
            if not isinstance(doc, Document):
                print(f"{doc.where}: {doc.message}", file=sys.stderr)
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield doc


def extract(paths: Sequence[str | Path], limit: int | None = None
            ) -> Iterator[tuple[Document, quotesnap.Extraction]]:
    """Each article with its quotes, the parser loaded once."""
    docs = list(documents(paths, limit))
    extractor = quotesnap.Extractor()
    for doc, result in zip(docs, extractor.extract_many((d.doc_id, d.text) for d in docs),
                           strict=True):
        if result.error is not None:
            print(f"{doc.where}: {result.error}", file=sys.stderr)
            continue
        yield doc, result
