"""Document rules: sources found outside a quote's own sentence.

The sentence rules (:mod:`quotesnap.attribute`) read the sentence that holds a quote.
French news also names a source elsewhere, and a reader finds it there:

- on the line under the quote, as a signature (:func:`signature`);
- in the next sentence, through a noun of saying (:func:`next_sentence`: « Tels sont les
  mots de X »);
- in the words around it: a quote that continues an attributed one (:func:`inherit`), a
  quote at the head of an article about someone (:func:`focus`), a fragment that repeats
  an attributed quote's words (:func:`verbatim`), a quote inside another one
  (:func:`nested`).

Each is a named rule (:data:`quotesnap.rules.RULES`); the name is written on the quotes
it attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from . import lexicon
from .candidates import outside_quotes
from .parse import Sentence, Token
from .results import Kind, Quote, Speaker
from .rules import Attribution, rule
from .scan import MarkedSpan
from .trees import mention_tokens

__all__ = [
    "focus",
    "inherit",
    "nested",
    "next_sentence",
    "signature",
    "stands_alone",
    "verbatim",
]

#: How much less sure a source taken from the context is than the quote it comes from:
#: the previous speaker's (:func:`inherit`), the article's protagonist (:func:`focus`),
#: the speaker of the quote a fragment repeats (:func:`verbatim`), of the quote around a
#: nested one (:func:`nested`).
INHERIT_FACTOR = 0.5
FOCUS_CONFIDENCE = 0.3
VERBATIM_FACTOR = 0.6
NESTED_FACTOR = 0.8
#: A quote continues the last speaker's words within this many characters of narration
#: (or in the same or the next paragraph, whatever the distance).
INHERIT_WINDOW = 300
#: A fragment shorter than this that repeats an attributed quote is too common a phrase
#: to say whose words it is.
VERBATIM_MIN_CHARS = 8


@rule
def next_sentence(sent: Sentence) -> Attribution | None:
    """``« … » Ce sont les mots de X`` / ``Tels sont les mots employés par X``: the
    sentence after a quote names its source through a noun of saying. The attribution
    may have no speaker (``Tels sont les mots employés ce jeudi``): the quotes are still
    someone's words, so partial, not scare quotes."""
    nouns = lexicon.words("after-quote-nouns")  # « Tels sont les mots … »
    for tok in sent.tokens:
        if tok.lemma.lower() not in nouns:
            continue
        for child in sent.children(tok):
            if child.base_deprel == "nmod" and child.upos in ("PROPN", "NOUN", "PRON"):
                return Attribution(tok, mention_tokens(sent, child))
        # « les mots employés … »: the participle is the reporting word
        participle = next((c for c in sent.children(tok) if c.base_deprel == "acl"
                           and c.feat("VerbForm") == "Part"), None)
        cue = participle or tok
        for child in sent.children(tok):
            if child.base_deprel == "acl":  # les mots employés par X
                for grand in sent.children(child):
                    if grand.i - child.i > 4:
                        break  # « employés … après le blocage … par la CGT »: not its agent
                    if grand.deprel == "obl:agent" or any(
                            c.lemma == "par" for c in sent.children(grand)):
                        return Attribution(child, mention_tokens(sent, grand))
        if any(t.lemma.lower() in ("tel", "ce", "voilà", "voici") for t in sent.tokens[:tok.i]):
            return Attribution(cue, ())
    return None


def stands_alone(text: str, sentence: tuple[int, int], quotes: Sequence[MarkedSpan]) -> bool:
    """Are the quotes all their sentence holds, but marks, punctuation and ``et``/``ou``
    (« Scandaleuse », « atteinte à la démocratie » et « censure »)? Then the next
    sentence may name their source (:func:`next_sentence`)."""
    a, b = sentence
    rest = outside_quotes(text, a, b, quotes)
    return not any(w.isalnum() and w not in ("et", "ou") for w in regex.split(r"\W+", rest)
                   if w)


_SIGNATURE = regex.compile(
    r"[ \t\u00a0]*\n+[ \t\u00a0]*[—–-][ \t\u00a0]*(?P<name>\p{Lu}[\p{L}'’.-]+"
    r"(?:[ \u00a0]+(?:(?:de|d'|d’|al-|van|von)[ \u00a0]?)?\p{Lu}[\p{L}'’.-]+)+)"
)


@rule
def signature(text: str, q: MarkedSpan) -> Attribution | None:
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
    return Attribution(None, (tok,))


def _paragraph_breaks(text: str) -> int:
    """How many paragraph breaks ``text`` holds (blank lines, or single newlines in
    texts that break paragraphs that way)."""
    return len(regex.findall(r"\n[ \t\u00a0]*\n", text)) or text.count("\n")


def _orphan(q: Quote, turns: frozenset[int]) -> bool:
    """A direct quote with no source of its own, outside dash dialogue."""
    return q.depth == 0 and q.speaker is None and q.kind == Kind.DIRECT and q.start not in turns


def _orphan_fragment(q: Quote) -> bool:
    """A partial quote (someone's words, the kind decision says) with no source of its
    own in its sentence."""
    return q.depth == 0 and q.speaker is None and q.kind == Kind.PARTIAL


@rule
def inherit(quotes: list[Quote], text: str, turns: frozenset[int] = frozenset()) -> list[Quote]:
    """A direct quote with no attribution right after an attributed one (the same or the
    next paragraph, or a few lines of narration away, nobody else quoted in between)
    continues that speaker's words, with lower confidence.

    Not a turn of dash dialogue (``turns``: their starts): in « — Tu ne sais pas nager ! /
    — Oh ! ce n'est pas difficile », each dash gives the floor to someone else, and a turn
    without an incise leaves the reader to work out who from the exchange.
    """
    out = list(quotes)
    last: Quote | None = None
    for k in sorted(range(len(out)), key=lambda k: out[k].start):
        q = out[k]
        if q.depth > 0:
            continue
        if last is not None and last.speaker is not None and (
                _orphan(q, turns) or _orphan_fragment(q)):
            gap = text[last.end:q.start]
            # a fragment only continues within its paragraph (« La cause de l'erreur
            # serait « … » » after the sub-prefect's words)
            breaks = _paragraph_breaks(gap)
            if q.kind == Kind.PARTIAL:
                near = breaks == 0 and len(gap) < INHERIT_WINDOW
            else:
                near = breaks <= 1 or len(gap) < INHERIT_WINDOW
            if near:
                q = out[k] = attrs.evolve(
                    q, speaker=Speaker(last.speaker.name, None), rule="inherit",
                    confidence=INHERIT_FACTOR * max(last.confidence, INHERIT_FACTOR))
        if q.speaker is not None and q.kind != Kind.OTHER:
            last = q
    return out


@rule
def focus(quotes: list[Quote], protagonist: Callable[[int], str | None],
          turns: frozenset[int] = frozenset()) -> list[Quote]:
    """A direct quote with no attribution and nobody quoted before it is the words of the
    person the article is about at that point: the last main-clause subject
    (« … il doit quitter Europe 1. « Je n'ai pas été surpris … » »), as ``protagonist``
    (:meth:`quotesnap.resolve.Resolver.focus`) says."""
    out = list(quotes)
    first_attributed = min((q.start for q in out if q.speaker is not None
                            and q.kind != Kind.OTHER and q.depth == 0), default=None)
    for k, q in enumerate(out):
        if not _orphan(q, turns) or (first_attributed is not None and q.start > first_attributed):
            continue
        name = protagonist(q.start)
        if name is not None:
            out[k] = attrs.evolve(q, speaker=Speaker(name, None), confidence=FOCUS_CONFIDENCE,
                                  rule="focus")
    return out


@rule
def verbatim(quotes: list[Quote]) -> list[Quote]:
    """A fragment in marks that repeats words of an attributed quote elsewhere in the
    article (the headline's « sanctions illégales », quoted in full later) is a partial
    quote of that speaker."""
    out = list(quotes)
    attributed = [q for q in out if q.speaker is not None and q.kind == Kind.DIRECT]
    for k, q in enumerate(out):
        if q.kind != Kind.OTHER or q.depth > 0 or len(q.text) < VERBATIM_MIN_CHARS:
            continue
        source = next((a for a in attributed if a.start != q.start and q.text in a.text), None)
        if source is not None and source.speaker is not None:
            out[k] = attrs.evolve(q, kind=Kind.PARTIAL,
                                  speaker=Speaker(source.speaker.name, None),
                                  confidence=VERBATIM_FACTOR * source.confidence,
                                  rule="verbatim")
    return out


@rule
def nested(q: MarkedSpan, text: str, quotes: Sequence[Quote], doc_id: str | None) -> Quote:
    """A quote inside another one: the words of someone the outer speaker quotes, a
    partial quote of the outer speaker when it is a clause, else a term in marks
    (``other``)."""
    outer = next((o for o in quotes if o.start <= q.start and q.end <= o.end), None)
    if q.kind == Kind.DIRECT and outer is not None and outer.speaker is not None:
        return Quote(text[q.start:q.end], q.start, q.end, Kind.PARTIAL, outer.speaker, None,
                     outer.confidence * NESTED_FACTOR, "nested", q.depth, doc_id)
    return Quote(text[q.start:q.end], q.start, q.end, Kind.OTHER, None, None, 0.0, "",
                 q.depth, doc_id)
