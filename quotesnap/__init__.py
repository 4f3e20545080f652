"""quotesnap: find reported speech in French text and say who said it.

    >>> import quotesnap
    >>> quotes = quotesnap.extract("«Nous partons demain», a déclaré Lavrov.")

Importing this package loads no model, downloads nothing and configures no logging.
"""

from __future__ import annotations

from .errors import (
    BackendNotInstalledError,
    DataFileError,
    ExtraNotInstalledError,
    InputFormatError,
    ModelNotFoundError,
    QuotesnapError,
    SettingError,
    UnknownBackendError,
    WorkerError,
)
from .extract import Extraction, Extractor, Settings, extract
from .frame import to_frame
from .results import Cue, Diagnostic, Kind, Quote, Span, Speaker
from .scoring import Evaluation, evaluate
from .sources import Source, sources

__version__ = "0.1.0"
"""The version of quotesnap (``quotesnap --version`` prints it too)."""

__all__ = [
    "BackendNotInstalledError",
    "Cue",
    "DataFileError",
    "Diagnostic",
    "Evaluation",
    "ExtraNotInstalledError",
    "Extraction",
    "Extractor",
    "InputFormatError",
    "Kind",
    "ModelNotFoundError",
    "Quote",
    "QuotesnapError",
    "SettingError",
    "Settings",
    "Source",
    "Span",
    "Speaker",
    "UnknownBackendError",
    "WorkerError",
    "__version__",
    "evaluate",
    "extract",
    "sources",
    "to_frame",
]
