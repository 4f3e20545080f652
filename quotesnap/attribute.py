"""Attribution: who said a quote, and with which word, read off a UD tree.

Each rule is a small named function ``rule(sent, quote) -> Attribution | None`` tried in
the order of :data:`QUOTE_RULES`; the first that answers wins and its name is kept on the
result. The rules read only :class:`~quotesnap.parse.Sentence` objects, so they run the
same on a spaCy parse, a stanza parse or a gold treebank tree.

``quote`` is the set of token indices that stand for the quotation in ``sent``: the words
inside the marks, or the single placeholder that replaced a long quote body
(:mod:`quotesnap.candidates`).

The heuristics follow the way French news reports speech (see the annotation guideline
of the gold data, ``../shared/data/gold/GUIDELINE.md``) and the tree shapes of the French
UD treebanks: an incise verb (``«…», a ajouté le jury``) is ``parataxis`` (``:insert`` in
GSD and Sequoia) with the speaker as its ``nsubj`` placed *after* it; PUD makes the speech
verb the root and the quote its ``parataxis``; indirect speech is a ``ccomp``. Parsers
often get the attachment of a quote wrong while getting the verb-subject relation right,
so the rules lean on word order around the quote and on the verb's own subject, not on
the arc from the verb to the quote.
"""

from __future__ import annotations

from collections.abc import Callable

from . import lexicon
from .parse import Sentence, Token
from .rules import Attribution, rule
from .trees import (
    agent_of,
    inverted_subject,
    is_expletive,
    is_passive,
    is_speech_verb,
    person_like,
    quote_head,
    source_phrase,
    speaker_tokens,
    speech_verbs,
    subject_of,
)

__all__ = [
    "NEWS_ONLY_RULES",
    "QUOTE_RULES",
    "attribute_quote",
    "proposals",
]


# -- word classes ----------------------------------------------------------------------

# Clitics and auxiliaries that may stand between a quote and its incise verb:
# « … », a-t-il ainsi affirmé ; « … », s'est réjoui le maire ; « … », lui a-t-il dit.
_INCISE_FILLERS = {"AUX", "PRON", "ADV", "PART", "PUNCT"}
# The French word lists these rules test against (object clitics, impersonal verbs,
# demonstratives that are nobody, relative pronouns, nouns of saying) are sections of
# ``data/words.txt``, read through :func:`quotesnap.lexicon.words`.


# -- rules for a quotation in marks -----------------------------------------------------

QuoteRule = Callable[[Sentence, frozenset[int]], "Attribution | None"]


@rule
def incise(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``«…», a déclaré Lavrov`` / ``«…», a-t-il souligné`` / ``«…» s'écria Pécuchet``.

    In an incise the subject follows the verb: French inverts it after a quotation
    (``ajoute-t-elle``, with the euphonic ``-t-`` between a vowel and the pronoun). Only
    clitics, auxiliaries, adverbs and punctuation may stand between the quote and the
    verb (``a-t-il ainsi affirmé``, ``s'est réjoui le maire``, ``lui a confié``).
    """
    last = max(quote)
    for tok in sent.tokens[last + 1:]:
        if tok.i in quote:
            return None
        if is_speech_verb(tok, sent):
            if any(c.deprel == "aux:pass" for c in sent.children(tok)):
                return None  # « … » a été annoncé par X: the passive rule's
            if tok.feat("VerbForm") in ("Part", "Ger") and tok.feat("Tense") == "Pres":
                return None  # « … », ajoutant que …: a participle shares its clause's subject
            subj = subject_of(sent, tok, climb=0)
            if subj is None or subj.i <= last or (
                    subj.i < tok.i and subj.text.lower() in lexicon.words("object-clitics")):
                # The parser's subject is not after the quote, so it is not the inverted
                # subject of an incise (the ``-t-il`` of ``a-t-il souligné`` stands
                # between the quote and the participle, and counts); nor is the clitic
                # before the verb of « lui cria le vicomte », the one spoken to.
                subj = inverted_subject(sent, tok, last)
            if subj is None:
                return None
            return Attribution(tok, speaker_tokens(sent, subj, tok, quote))
        if tok.upos not in _INCISE_FILLERS or tok.text in ("«", "“", "—", ":"):
            return None
    return None


@rule
def colon(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``Lavrov a déclaré : «…»``, ``il précise : «…»``, ``Lavrov : «…»``.

    A colon announces the quote; the speaker is the subject of the clause before it,
    preferably of a speech verb, else of any verb whose subject can speak (fiction's
    ``Le major quitta sa pipe : «…»``), else the noun phrase just before the colon.
    """
    first = min(quote)
    before = [t for t in sent.tokens[:first] if not (t.upos == "PUNCT" and t.text != ":")]
    if not before or before[-1].text != ":":
        return None
    colon_tok = before[-1]
    verbs = [t for t in reversed(sent.tokens[:colon_tok.i]) if t.upos in ("VERB", "AUX")]
    for verb in reversed(sent.tokens[:colon_tok.i]):
        if is_speech_verb(verb, sent):
            subj = subject_of(sent, verb)
            if subj is None and verb.upos != "VERB":
                # a participle tagged as a noun has lost its subject arc: « X a twitté : »
                subj = next((t for t in reversed(sent.tokens[:verb.i])
                             if t.base_deprel == "nsubj"), None)
            if subj is not None:
                return Attribution(verb, speaker_tokens(sent, subj, verb, quote))
    for verb in verbs:
        subj = subject_of(sent, verb)
        if subj is not None and person_like(sent, subj):
            return Attribution(colon_tok, speaker_tokens(sent, subj, verb, quote))
    prev = [t for t in sent.tokens[:colon_tok.i] if t.upos != "PUNCT"]
    if prev and prev[-1].upos in ("PROPN", "NOUN", "PRON") and person_like(sent, prev[-1]):
        head = prev[-1]
        while (h := sent.head_of(head)) is not None and h.i < colon_tok.i and h.upos in (
                "PROPN", "NOUN"):
            head = h
        return Attribution(colon_tok, speaker_tokens(sent, head, None, quote))
    return None


@rule
def governor(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``X a dit qu'il faut « continuer le combat »``, ``le pape les a encouragés « … »``.

    The quote hangs (within a few arcs) from a speech verb: its speaker is the verb's
    subject, found through relatives, participles and coordination (:func:`subject_of`),
    or, for a passive, its agent (``qualifié de « … » par ses détracteurs``).
    """
    top = quote_head(sent, quote)
    if top is None:
        return None
    for steps, anc in enumerate(sent.ancestors(top)):
        if steps > 4:
            break
        if is_speech_verb(anc, sent):
            found = _source(sent, anc, quote)
            if found is not None:
                return found
    return None


def _source(sent: Sentence, verb: Token, quote: frozenset[int]) -> Attribution | None:
    """Who says what ``verb`` reports: its subject. A passive verb's source is its agent,
    which :func:`agent` proposes; its subject is what is said (« le risque était qualifié
    de « … » »)."""
    if is_passive(sent, verb) or agent_of(sent, verb, after=max(quote)) is not None:
        return None
    subj = subject_of(sent, verb)
    if subj is None or subj.i in quote:
        return None
    return Attribution(verb, speaker_tokens(sent, subj, verb, quote))


@rule
def agent(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """The passive: ``a été annoncé par le ministère``. The agent (``obl:agent``, or a
    ``par`` phrase) of a speech verb is the source."""
    for verb in speech_verbs(sent):
        if verb.i not in quote:
            by = agent_of(sent, verb, after=max(quote))
            if by is not None and by.i not in quote:
                return Attribution(verb, speaker_tokens(sent, by, verb, quote))
    return None


@rule
def selon(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``selon X``, ``d'après X``, ``pour X,`` (but not ``selon moi``: the author's own
    opinion, nor ``pour`` inside a clause, where it means *for*)."""
    found = source_phrase(sent, quote)
    if found is None:
        return None
    cue, head = found
    if head.upos == "PRON":
        # « Idriss Déby, …, qui a rappelé que selon lui « … » »: the pronoun of a selon
        # inside a reported clause is that clause's speaker
        for anc in sent.ancestors(cue):
            if anc.i != head.i and is_speech_verb(anc, sent):
                subj = subject_of(sent, anc)
                if subj is not None and subj.upos != "PRON":
                    return Attribution(cue, speaker_tokens(sent, head, None, quote),
                                       refers_to=speaker_tokens(sent, subj, anc, quote))
                break
    return Attribution(cue, speaker_tokens(sent, head, None, quote))


@rule
def dash(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``« … » – Jean Dupont`` or ``« … » (Jean Dupont)``: a name set after the quote."""
    last = max(quote)
    rest = [t for t in sent.tokens[last + 1:] if t.text not in ("»", "”", "\"")]
    if len(rest) >= 2 and rest[0].text in ("–", "—", "-", "(") and rest[1].upos == "PROPN":
        head = rest[1]
        while (h := sent.head_of(head)) is not None and h.upos == "PROPN" and h.i > last:
            head = h
        return Attribution(None, speaker_tokens(sent, head, None, quote))
    return None


@rule
def same_sentence(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``Al-Joulani indique que cette décision a été prise pour « protéger la
    révolution »``: a fragment in marks inside a sentence that reports someone's words
    belongs to that someone, even when the parser hangs it far from the verb. The speech
    verb nearest before the quote wins, else the nearest after it."""
    first, last = min(quote), max(quote)
    verbs = [t for t in speech_verbs(sent) if t.i not in quote]
    verbs.sort(key=lambda v: (v.i > first, abs(v.i - first)))
    for verb in verbs:
        if is_passive(sent, verb) or agent_of(sent, verb, after=last) is not None:
            continue  # a passive's source is its agent: :func:`agent` proposes it
        subj = subject_of(sent, verb)
        if subj is None and verb.i > last:
            # « Cet « événement grave … » du pays, a-t-il ajouté »: an incise closing
            # the sentence, after some words of the author's
            subj = inverted_subject(sent, verb, last)
        if subj is None or subj.i in quote or is_expletive(sent, subj, verb):
            continue
        if person_like(sent, subj):
            return Attribution(verb, speaker_tokens(sent, subj, verb, quote))
    return None


@rule
def clause_subject(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``Le ministère de l'Intérieur a décidé de « suspendre … »``, ``Ce texte « rappelle
    que … »``, ``il « ne répondra plus qu'à la justice »``: a fragment in marks that is
    part of a clause whose verb is not a verb of saying still reports the words of that
    clause's subject, when the subject can speak. The verb is the nearest one the
    quote hangs from (or, when the parser hangs the quote from nothing, the quote's own
    head), and there is no cue."""
    top = quote_head(sent, quote)
    if top is None:
        return None
    chain = [top, *sent.ancestors(top)] if top.upos in ("VERB", "AUX") else list(
        sent.ancestors(top))
    for steps, verb in enumerate(chain):
        if steps > 3:
            break
        if verb.upos not in ("VERB", "AUX", "ADJ") or (verb.i in quote and verb is not top):
            continue
        if is_passive(sent, verb):
            return None
        subj = subject_of(sent, verb)
        if subj is None or subj.i in quote or is_expletive(sent, subj, verb):
            continue
        if person_like(sent, subj):
            return Attribution(None, speaker_tokens(sent, subj, verb, quote))
        return None
    return None


@rule
def sentence_person(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``Un écran géant diffusait un clip de la comédienne Josiane Balasko, dénonçant
    « les préjugés qui tuent »``: the person the quote's sentence names nearest to the
    quote (a proper noun the entity recogniser calls a person, outside the marks), with
    no cue. The loosest proposal, last: the other rules propose the syntax's answer (here
    « Un écran géant »), and the ``source`` model weighs it against them."""
    first, last = min(quote), max(quote)
    best: Token | None = None
    for tok in sent.tokens:
        if tok.i in quote or tok.upos != "PROPN" or tok.ent != "PER":
            continue
        head = sent.head_of(tok)
        if head is not None and head.upos == "PROPN" and head.ent == "PER" and (
                head.i not in quote):
            continue  # « Josiane » of « Josiane Balasko »: the name's head stands for it
        if best is None or _distance(tok, first, last) < _distance(best, first, last):
            best = tok
    if best is None:
        return None
    return Attribution(None, speaker_tokens(sent, best, None, quote))


def _distance(tok: Token, first: int, last: int) -> int:
    return first - tok.i if tok.i < first else tok.i - last


#: The rules for a quotation in marks, in the order they are tried.
QUOTE_RULES: tuple[QuoteRule, ...] = (
    incise, colon, selon, governor, agent, dash, same_sentence, clause_subject,
    sentence_person,
)

#: The rules whose proposals a work of fiction does without: in a novel, the person a
#: line's sentence names is most often the one spoken to or spoken about, and the
#: turn-taking of the dialogue (:mod:`quotesnap.dialogue`) decides better (lit-train
#: cross-validated speaker 65.6 without ``sentence_person``, 61.1 with it).
NEWS_ONLY_RULES = frozenset({"sentence_person"})


def proposals(sent: Sentence, quote: frozenset[int]) -> list[Attribution]:
    """What every rule of :data:`QUOTE_RULES` proposes as the source of ``quote``, in
    rule order (:mod:`quotesnap.ranking` chooses among them). A proposal that sets the
    quote inside the speaker's own phrase (``Benjamin Cauchy, des « Gilets jaunes
    libres », estime que …``: the marks name a group) is left out."""
    if not quote:
        return []
    found = [fn(sent, quote) for fn in QUOTE_RULES]
    return [f for f in found if f is not None and not _in_apposition(sent, f, quote)]


def attribute_quote(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """The first rule of :data:`QUOTE_RULES` that finds a source for ``quote``.

    Marks inside the speaker's own phrase name a group or a nickname, not words said
    (``Benjamin Cauchy, des « Gilets jaunes libres », estime que …``): no source then.
    """
    if not quote:
        return None
    for fn in QUOTE_RULES:
        found = fn(sent, quote)
        if found is not None:
            if _in_apposition(sent, found, quote):
                return None
            return found
    return None


def _in_apposition(sent: Sentence, found: Attribution, quote: frozenset[int]) -> bool:
    """Is the quote set beside the speaker, between the speaker and its verb, with
    nothing but punctuation and a preposition or determiner in between (``Benjamin
    Cauchy, des « Gilets jaunes libres », estime``)?"""
    if not found.speaker or found.cue is None:
        return False
    end = found.speaker[-1].i
    if not end < min(quote) <= max(quote) < found.cue.i:
        return False
    between = sent.tokens[end + 1:min(quote)]
    return all(t.upos in ("PUNCT", "DET", "ADP") for t in between)


