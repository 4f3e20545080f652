"""The errors quotesnap raises.

Every error that must stop the caller derives from :class:`QuotesnapError` *and* from
the builtin exception that matches it, so callers can catch either
(``except quotesnap.ModelNotFoundError`` or ``except LookupError``). Messages say what
happened, why, and how to fix it. Broken typography is never an error: it is a
:class:`~quotesnap.results.Diagnostic` on the result.
"""

from __future__ import annotations

__all__ = [
    "BackendNotInstalledError",
    "DataFileError",
    "ExtraNotInstalledError",
    "InputFormatError",
    "ModelNotFoundError",
    "QuotesnapError",
    "SettingError",
    "UnknownBackendError",
    "WorkerError",
]


class QuotesnapError(Exception):
    """Base class of every error raised by quotesnap."""


class UnknownBackendError(QuotesnapError, ValueError):
    """The backend name is not one quotesnap knows (``spacy`` or ``stanza``)."""


class BackendNotInstalledError(QuotesnapError, ImportError):
    """The Python package behind a backend is not installed."""


class ExtraNotInstalledError(QuotesnapError, ImportError):
    """An optional feature needs a package that is not installed; the message names the
    extra that brings it (``pip install 'quotesnap[pandas]'``)."""


class ModelNotFoundError(QuotesnapError, LookupError):
    """The parser package is installed but the French model it needs is not on disk."""


class SettingError(QuotesnapError, TypeError, ValueError):
    """An extractor option has the wrong type or a value out of range
    (``Extractor(attribute="no")``, ``batch_size=-5``). It is both a TypeError and a
    ValueError, so that either catches it."""


class InputFormatError(QuotesnapError, ValueError):
    """An input document cannot be read (bad JSON, no text field, undecodable bytes)."""


class DataFileError(QuotesnapError, ValueError):
    """A line of a packaged data file cannot be read. This is a bug in quotesnap's data
    files (or a local edit to them): the message gives the file, the line and what is
    wrong."""


class WorkerError(QuotesnapError, RuntimeError):
    """A worker process of a parallel extraction died (killed by the system for lack of
    memory, or a crash in the parser) and took its documents with it."""
