"""The stanza backend: French Universal Dependencies models from Stanford NLP.

stanza's French models are trained on the French UD treebanks (GSD, Sequoia, ParTUT...),
so their trees follow the same annotation the attribution rules are written against, and
they split multi-word tokens the UD way: ``du`` -> ``de`` + ``le``, ``aux`` -> ``à`` +
``les``, ``auquel`` -> ``à`` + ``lequel``.

Nothing here downloads anything. The models are fetched once, on purpose, with
:func:`download_models` (``quotesnap download stanza`` on the command line); building a
:class:`StanzaBackend` only checks, cheaply, that they are on disk, and the heavy
``stanza.Pipeline`` is built on the first :meth:`StanzaBackend.parse`, once, with stanza's
own downloading turned off (``download_method=None``).

Where the models live, first match wins:

1. the folder given as argument (``StanzaBackend(model=folder)``, ``download_models(dir)``),
2. the environment variable ``QUOTESNAP_STANZA_DIR``,
3. stanza's own variable ``STANZA_RESOURCES_DIR``,
4. stanza's default folder (``~/stanza_resources`` or the platform cache, depending on the
   stanza version).
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import BackendNotInstalledError, ModelNotFoundError
from ..parse import Sentence, Token

__all__ = [
    "ENV_VAR",
    "PROCESSORS",
    "StanzaBackend",
    "document_to_sentences",
    "download_models",
    "missing_model_files",
    "resources_dir",
]

#: The environment variable naming quotesnap's stanza resources folder.
ENV_VAR = "QUOTESNAP_STANZA_DIR"

#: The processors the attribution rules need, in pipeline order. ``ner`` is added when
#: its model is on disk: it helps tell a person (``PER``) from a place or an organisation.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")

_LANG = "fr"
_FIX = "run `quotesnap download stanza` (or `python -m stanza.download fr`)"


def _import_stanza() -> ModuleType:
    """Import stanza, or say how to install it."""
    try:
        return importlib.import_module("stanza")
    except ImportError as err:
        raise BackendNotInstalledError(
            "The stanza backend needs the stanza package, which cannot be imported "
            f"({err}). Install it with: pip install 'quotesnap[stanza]' "
            "(or use the default spaCy backend: backend='spacy')."
        ) from err


def resources_dir(dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder stanza models are read from and downloaded to.

    Precedence: the argument, then ``QUOTESNAP_STANZA_DIR``, then ``STANZA_RESOURCES_DIR``,
    then stanza's default folder (which needs stanza imported to be known).
    """
    if dir is not None:
        return Path(dir).expanduser()
    for var in (ENV_VAR, "STANZA_RESOURCES_DIR"):
        value = os.environ.get(var)
        if value:
            return Path(value).expanduser()
    _import_stanza()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def _model_files(
    folder: Path, package: str, processors: Sequence[str]
) -> tuple[list[Path], list[str]]:
    """The model files ``processors`` of ``package`` need, and the processors not found.

    Uses stanza's own resolution of packages and dependencies (pretrained word vectors,
    character language models) on the ``resources.json`` of ``folder``: a JSON read, no
    model loaded. Raises ModelNotFoundError when there is no usable ``resources.json``.
    """
    from stanza.resources.common import (
        add_dependencies,
        flatten_processor_list,
        maintain_processor_list,
    )

    index = folder / "resources.json"
    try:
        resources = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelNotFoundError(
            f"No stanza French models in {folder}: {index} is missing or unreadable "
            f"({err.__class__.__name__}). To fix it, {_FIX}; to use models in another "
            f"folder, pass it as the model or set {ENV_VAR}."
        ) from err
    if _LANG not in resources or "alias" in resources[_LANG]:
        raise ModelNotFoundError(
            f"The stanza resources in {folder} list no French models. To fix it, {_FIX}."
        )
    wanted = {proc: package for proc in processors}
    load_list = maintain_processor_list(resources, _LANG, None, wanted, maybe_add_mwt=False)
    load_list = add_dependencies(resources, _LANG, load_list)
    found = {proc for proc, _ in load_list}
    files = [folder / _LANG / proc / f"{pkg}.pt" for proc, pkg in flatten_processor_list(load_list)]
    return files, [proc for proc in processors if proc not in found]


def missing_model_files(
    dir: str | os.PathLike[str] | None = None,
    package: str = "default",
    processors: Sequence[str] = PROCESSORS,
) -> list[Path]:
    """The French model files the backend needs that are not on disk (``[]``: ready).

    Raises ModelNotFoundError when the folder has no ``resources.json`` listing French, or
    when ``package`` has no model for one of ``processors``.
    """
    _import_stanza()
    folder = resources_dir(dir)
    files, unknown = _model_files(folder, package, processors)
    if unknown:
        raise ModelNotFoundError(
            f"The stanza package {package!r} has no French model for "
            f"{', '.join(unknown)} in {folder / 'resources.json'}. Choose another "
            f"package, or {_FIX}."
        )
    return [f for f in files if not f.is_file()]


def download_models(dir: str | None = None, package: str = "default") -> Path:
    """Download the French models the backend needs; return the folder they are in.

    Fetches ``resources.json`` and the models for tokenize, mwt, pos, lemma, depparse and
    ner of ``package`` (with their word vectors and character models) through
    ``stanza.download``, into ``dir`` or the folder :func:`resources_dir` picks. This is
    the only place quotesnap downloads anything; it needs the network. Files already
    there with the right checksum are not fetched again.
    """
    stanza = _import_stanza()
    folder = resources_dir(dir)
    folder.mkdir(parents=True, exist_ok=True)
    stanza.download(
        _LANG,
        model_dir=str(folder),
        package=package,
        processors=",".join((*PROCESSORS, "ner")),
    )
    return folder


def _entity_label(ner: str | None) -> str:
    """The entity type of a BIOES tag from stanza's NER: ``S-PER`` / ``B-ORG`` -> type."""
    if not ner or ner == "O":
        return ""
    prefix, sep, label = ner.partition("-")
    return label if sep and len(prefix) == 1 else ner


def document_to_sentences(doc: Any) -> list[Sentence]:
    """Turn a processed ``stanza.Document`` into backend-neutral sentences.

    One :class:`~quotesnap.parse.Token` per syntactic word. The words of a multi-word
    token (``du`` = ``de`` + ``le``) each get the whole token's character span and entity
    label. Heads become 0-based indices in the sentence, ``-1`` for the root (stanza's
    are 1-based word ids, 0 for the root); a document never dependency-parsed gets
    ``-1`` and ``""`` throughout. Offsets are stanza's ``start_char``/``end_char``: into
    the text the document was made from.
    """
    out: list[Sentence] = []
    for sent in doc.sentences:
        index = {word.id: k for k, word in enumerate(sent.words)}
        tokens: list[Token] = []
        for tok in sent.tokens:
            if tok.start_char is None or tok.end_char is None:
                raise ValueError(
                    f"stanza token {tok.text!r} has no character offsets: build the "
                    "Document from raw text, or from CoNLL-U with reconstruct_text=True."
                )
            ent = _entity_label(tok.ner)
            for word in tok.words:
                head = word.head or 0
                tokens.append(
                    Token(
                        i=len(tokens),
                        text=word.text,
                        lemma=word.lemma or "",
                        upos=word.upos or "",
                        head=index[head] if head else -1,
                        deprel=word.deprel or "",
                        start=tok.start_char,
                        end=tok.end_char,
                        feats=word.feats or "",
                        ent=ent,
                    )
                )
        out.append(Sentence(tuple(tokens)))
    return out


class StanzaBackend:
    """Parse French with a ``stanza.Pipeline`` (tokenize, mwt, pos, lemma, depparse, ner).

    ``model`` is a resources folder (a path to a directory) or a French package name
    (``default``, ``gsd``, ``sequoia``...); ``package`` names the package when ``model``
    is a folder. Building the backend imports stanza and checks that the model files are
    on disk (BackendNotInstalledError, ModelNotFoundError otherwise); the pipeline itself
    is built on the first :meth:`parse` and then reused.
    """

    name = "stanza"

    def __init__(
        self,
        model: str | None = None,
        *,
        package: str = "default",
        use_gpu: bool = False,
    ) -> None:
        if model is not None and (os.sep in model or "/" in model or Path(model).is_dir()):
            folder: str | None = model
        else:
            folder, package = None, model or package
        self.dir = resources_dir(folder)
        self.package = package
        self.use_gpu = use_gpu
        missing = missing_model_files(self.dir, package)
        if missing:
            raise ModelNotFoundError(
                f"stanza French models missing in {self.dir}: "
                f"{', '.join(str(p.relative_to(self.dir)) for p in missing)}. To fix it, "
                f"{_FIX}; to use models in another folder, pass it as the model or set "
                f"{ENV_VAR}."
            )
        # NER is optional: used when its model (and what it depends on) is there.
        try:
            ner_ready = not missing_model_files(self.dir, package, ("ner",))
        except ModelNotFoundError:
            ner_ready = False
        self.processors = (*PROCESSORS, "ner") if ner_ready else PROCESSORS
        self._pipeline: Any = None

    def _get_pipeline(self) -> Any:
        """The stanza pipeline, built on first use with downloads turned off."""
        if self._pipeline is None:
            stanza = _import_stanza()
            self._pipeline = stanza.Pipeline(
                lang=_LANG,
                dir=str(self.dir),
                package=self.package,
                processors=",".join(self.processors),
                download_method=None,
                use_gpu=self.use_gpu,
                logging_level="WARN",
            )
        return self._pipeline

    def parse(self, texts: Sequence[str]) -> list[list[Sentence]]:
        """Parse every text in one pipeline call; offsets are into each given string."""
        stanza = _import_stanza()
        out: list[list[Sentence]] = [[] for _ in texts]
        # Blank texts have no sentences; stanza is given only the others, all at once.
        todo = [k for k, text in enumerate(texts) if text.strip()]
        if not todo:
            return out
        docs = [stanza.Document([], text=texts[k]) for k in todo]
        done = self._get_pipeline()(docs)
        for k, doc in zip(todo, done, strict=True):
            out[k] = document_to_sentences(doc)
        return out
