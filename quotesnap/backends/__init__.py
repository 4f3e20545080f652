"""Parser backends: spaCy (the offline default) and stanza.

Each backend module is imported only when it is asked for, so importing quotesnap never
imports spaCy, stanza or torch.
"""

from __future__ import annotations

from typing import Any

from ..errors import UnknownBackendError
from ..parse import Backend

__all__ = ["BACKENDS", "load_backend"]

#: Backend names, in the order the docs present them.
BACKENDS = ("spacy", "stanza")


def load_backend(name: str, model: str | None = None, **options: Any) -> Backend:
    """Build the backend ``name`` (its model loads lazily, on the first parse).

    Raises :class:`~quotesnap.errors.UnknownBackendError` for a name that is not in
    :data:`BACKENDS`.
    """
    if name == "spacy":
        from .spacy_backend import SpacyBackend

        return SpacyBackend(model=model, **options)
    if name == "stanza":
        from .stanza_backend import StanzaBackend

        return StanzaBackend(model=model, **options)
    raise UnknownBackendError(
        f"Unknown backend {name!r}. quotesnap knows {', '.join(BACKENDS)}: "
        f"use Extractor(backend='spacy') (the default) or backend='stanza'."
    )
