"""Indirect speech: reported speech without marks, read off a UD tree.

French news reports most of what people said without marks. The rules here *propose*
every clause that may be a report, generously; which of them are reported speech is
decided by the learned ``report`` model (:mod:`quotesnap.reports`), because whether
``X critique la presse`` or ``X prévoit une hausse`` reports someone's words depends on
the verb, its complement and its subject in ways a list of verbs does not capture. The
rules, each a registered function (:mod:`quotesnap.rules`):

- ``X a déclaré que <content>``: a reporting verb and the clause its ``que`` opens,
  wherever the parser hung it (:func:`que_clause`); ``que A et que B`` is one report, as
  news-train annotates it;
  a clause in marks (``X a déclaré que « … »``) is reported with its marks, as the v1.1
  convention of the guideline annotates it, besides the quote in marks;
- ``X a dit <infinitive>``, ``X appelle à <infinitive>``, ``X reproche à Y de
  <infinitive>``: an infinitive whose unsaid subject is the speaker's or the addressee's
  (:func:`infinitive_clause`);
- ``X a annoncé <noun phrase>``, ``X s'indigne de <noun phrase>``, ``X appelle à <noun
  phrase>``: the object of a reporting verb, or its noun after a preposition
  (:func:`object_clause`); ``X fait état de <noun phrase>`` after a cue of several words
  (:func:`phrase_clause`);
- ``<noun phrase> a été revendiqué par X``: the subject of a passive whose agent is the
  source (:func:`passive_clause`);
- ``<content>, estime le ministre russe.``: an incise after a clause of the author's
  (:func:`inverted_clause`);
- ``selon X, <content>``, ``d'après X``, ``à en croire X``, ``de l'avis de X``…: every
  source preposition of the lexicon (:func:`selon_clause`).

The content span is the reported proposition only, as the annotation guideline of
``../shared/data/gold/GUIDELINE.md`` says: from after ``que`` (or from the complement) to
the end of that clause, without the final punctuation but with the quotation marks of a
quote that the clause ends on (``les caisses étaient « intactes »``). Parsers often
attach the end of a long clause wrongly, so the end is found by walking to the end of
the reporting verb's phrase and stopping at the words that open another statement
(:func:`_extent`).

Each rule returns every :class:`~quotesnap.rules.Attribution` it finds in a sentence,
with ``content`` set; :func:`propose` runs them all. Which proposals are reported speech
is decided in :mod:`quotesnap.reports`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from . import lexicon
from .parse import Sentence, Token
from .rules import Attribution, rule
from .trees import (
    agent_of,
    inverted_subject,
    is_passive,
    is_speech_verb,
    joined_text,
    person_like,
    source_phrases,
    speaker_tokens,
    speech_lemma,
    subject_of,
)

__all__ = [
    "INDIRECT_RULES",
    "QUE_WINDOW",
    "infinitive_clause",
    "inverted_clause",
    "object_clause",
    "passive_clause",
    "phrase_clause",
    "propose",
    "que_clause",
    "reporting_verb",
    "selon_clause",
]

IndirectRule = Callable[[Sentence, frozenset[int]], list[Attribution]]

# -- word classes ----------------------------------------------------------------------

_QUE = ("que", "qu'", "qu’", "qu")  # spaCy cuts « qu' « … » » into « qu » and « ' »
# Closing quotation marks: a content that ends on a quote keeps its mark, as the gold
# spans do (``estime qu'« en d'autres temps, on aurait appelé ça de la censure »``).
_CLOSERS = ("»", "”", '"', "’")
_BRACKETS = {")": "(", "]": "["}  # closing -> opening
# The French word lists of the rules below (subjects that are nobody, nouns of time, the
# prepositions whose noun may be the content) are sections of ``data/words.txt``, read
# through :func:`quotesnap.lexicon.words`.

#: How many words may stand between a reporting verb and the « que » of its clause
#: when the parser hung the clause elsewhere (« a annoncé, dimanche 24 janvier, que »,
#: « précise bien que »: spaCy hangs the clause under the date or under « bien »).
QUE_WINDOW = 12
#: How many tokens a cue of several words spans at most (« fait aussi état de »).
CUE_WORDS = 8
#: The fewest words a content holds after a complement that is not a que-clause (an
#: infinitive, an object): « a dit partir » is too little to be a report.
MIN_COMPLEMENT_WORDS = 2


def reporting_verb(tok: Token, sent: Sentence,
                   exclude: frozenset[int] = frozenset()) -> lexicon.SpeechVerb | None:
    """The lexicon entry of ``tok`` when it is a verb of saying outside a quotation (a
    verb inside the quoted words is part of the quote), of any class: whether a verb of
    reacting (``déplore que``) or of manner reports speech is the ``report`` model's
    call. The head verb of a cue of several words (``fait état de``, ``a fait savoir``)
    gets an entry named after the whole cue (``faire état``)."""
    if tok.i in exclude or not is_speech_verb(tok, sent):
        return None
    verb = _entry(tok, sent)
    if verb is not None:
        return verb
    found = multiword_cue(sent, tok)
    if found is None:
        return None
    cue, _ = found
    return lexicon.SpeechVerb(" ".join(cue.lemmas), cue.cls, ())


@attrs.define
class _Verbs:
    """The reporting verbs of the last sentence the rules read: every rule asks for
    them, on the same sentence in a row (:func:`propose`)."""

    sent: Sentence | None = None
    exclude: frozenset[int] = frozenset()
    verbs: list[Token] = attrs.Factory(list)
    #: the cue of several words each verb heads (:func:`multiword_cue`), by index
    cues: dict[int, tuple[lexicon.MultiwordCue, int] | None] = attrs.Factory(dict)


_LAST = _Verbs()


def _reporting_verbs(sent: Sentence, exclude: frozenset[int]) -> list[Token]:
    """The tokens of ``sent`` that are reporting verbs (:func:`reporting_verb`), found
    once for all the rules that read the same sentence."""
    if _LAST.sent is not sent or _LAST.exclude != exclude:
        _LAST.sent, _LAST.exclude, _LAST.cues = sent, exclude, {}
        _LAST.verbs = [t for t in sent.tokens if reporting_verb(t, sent, exclude) is not None]
    return _LAST.verbs


def _cue_of(sent: Sentence, verb: Token) -> tuple[lexicon.MultiwordCue, int] | None:
    """:func:`multiword_cue` of a reporting verb, found once per sentence."""
    if _LAST.sent is not sent:
        return multiword_cue(sent, verb)
    if verb.i not in _LAST.cues:
        _LAST.cues[verb.i] = multiword_cue(sent, verb)
    return _LAST.cues[verb.i]


def multiword_cue(sent: Sentence, tok: Token) -> tuple[lexicon.MultiwordCue, int] | None:
    """The cue of several words that ``tok`` heads (« faisait état de », « fait aussi
    savoir ») and the index of its last token."""
    if tok.upos not in ("VERB", "AUX", "NOUN"):
        return None
    text, offsets = joined_text(sent, tok.i, tok.i + CUE_WORDS)
    found = lexicon.leading_multiword_cue(text)
    if found is None:
        return None
    cue, length = found
    return cue, tok.i + max(k for k, offset in enumerate(offsets) if offset < length)


def _entry(tok: Token, sent: Sentence) -> lexicon.SpeechVerb | None:
    """The lexicon entry of the verb ``tok``: the pronominal one (``se demander``) only
    when a reflexive clitic stands before the verb, else the plain one (``demander``)."""
    lemma = speech_lemma(tok)
    if lemma is None:
        return None
    bare = lemma.split(" ", 1)[-1].split("'", 1)[-1].split("’", 1)[-1]
    if _reflexive(sent, tok):
        return lexicon.speech_verb(bare, reflexive=True) or lexicon.speech_verb(bare)
    return lexicon.speech_verb(bare) or lexicon.speech_verb(bare, reflexive=True)


def _reflexive(sent: Sentence, verb: Token) -> bool:
    """A reflexive clitic on the verb: « se dit », « s'est excusé »."""
    return any(c.deprel in ("expl:pv", "expl:comp") or c.text.lower() in ("se", "s'", "s’")
               for c in sent.children(verb))


# -- the source ------------------------------------------------------------------------


def _source(sent: Sentence, verb: Token) -> tuple[bool, Token | None]:
    """Whether ``verb`` reports someone's words, and the head of that someone.

    - ``Rappelons que …``, ``Notez que …``: an imperative is the writer speaking.
    - ``on note que``, ``rien n'indique que``: nobody is the source.
    - ``il a été annoncé que …``, ``ces taux sont accusés de …``: the subject of a
      passive is what is talked about, never the source; the agent is (``est jugé trop
      coûteux par les républicains``, ``accusée par Nicolas Sarkozy de …``), and without
      one the report has no source in the sentence.
    - ``Il déclare que …``: spaCy may tag a referential ``il`` as ``expl:subj``; before an
      active verb of saying it is a person.
    - ``…, reconnaissant cependant que …``: a present participle without a subject
      shares the subject of the clause it hangs from, however the parser attached it.
    """
    if verb.feat("Mood") == "Imp":
        return False, None
    if is_passive(sent, verb) and not _reflexive(sent, verb):
        return True, agent_of(sent, verb)
    subj = subject_of(sent, verb)
    adjunct = verb.feat("VerbForm") == "Part" and verb.feat("Tense") == "Pres" and (
        verb.i > 0 and sent[verb.i - 1].text in (",", "en"))
    if subj is None:
        subj = next((c for c in sent.children(verb) if c.deprel.startswith("expl")
                     and c.text.lower() in ("il", "elle", "ils", "elles")), None)
    if adjunct and subj is not None and subj.i > verb.i:
        subj = None  # the parser took a word of the content for the subject
    if (subj is None or adjunct) and verb.feat("VerbForm") == "Part":
        for anc in sent.ancestors(verb):
            if anc.upos in ("VERB", "AUX"):
                subj = subject_of(sent, anc)
                if subj is not None:
                    break
    if subj is None:
        finite = verb.feat("VerbForm") == "Fin"
        first = next((t for t in sent.tokens if t.upos not in ("PUNCT", "ADV", "CCONJ")),
                     None)
        if finite and first is verb:
            return False, None  # Rappelons que …, sentence-initial and subjectless
        return True, None
    if subj.text.lower() in lexicon.words("no-source-subjects"):
        return False, None  # rien n'indique que, on note que: nobody's report
    if subj.deprel.startswith("expl") and subj.head != verb.i:
        return True, None  # il convient de rappeler que …: an impersonal governor
    return True, subj


def _add(out: list[Attribution], sent: Sentence, verb: Token, first: int,
         exclude: frozenset[int], *, minimum: int = 1, clause: Token | None = None,
         last: int | None = None) -> None:
    """Append to ``out`` the report of ``verb`` whose content starts at token ``first``
    (and takes in the phrase of ``clause``, or ends at token ``last``), when the content
    has ``minimum`` words and the verb has a source (:func:`_source`)."""
    body = _extent(sent, verb, first, exclude, clause=clause)
    if last is not None:
        body = _trimmed([t for t in body if t.i <= last], exclude)
    if len([t for t in body if t.upos != "PUNCT"]) < minimum:
        return
    ok, subj = _source(sent, verb)
    if not ok:
        return
    speaker = () if subj is None else speaker_tokens(sent, subj, verb,
                                                     frozenset(t.i for t in body))
    out.append(Attribution(verb, speaker, _span(body)))


# -- the content -----------------------------------------------------------------------


def _extent(sent: Sentence, verb: Token, first: int, exclude: frozenset[int], *,
            clause: Token | None = None) -> list[Token]:
    """The tokens of the reported content that starts at token ``first``: up to the end
    of the reporting verb's phrase (or of ``clause``'s, the content's head, when the
    parser hung it elsewhere), stopping where another statement begins.

    The stops are what French news puts after a report:

    - ``: « … »`` or ``;``: a new member of the sentence;
    - ``, a-t-il ajouté``, ``, reconnaissant que …``, ``, selon X``: another cue;
    - ``et averti que``, ``mais nie``, ``en insistant sur``, ``tout en ajoutant``: a verb
      coordinated with the reporting verb, or a gerund of its, says something else;
    - ``, ce qui a été critiqué``: the writer's comment on the report;
    - ``, tandis que …``, ``, mais cela …``: a clause set against the report
      (``[clause-breaks]`` of ``words.txt``; ``, mais qu'il faut …`` goes on);
    - ``[1]``: a reference mark.

    Words inside quotation marks never stop the content.
    """
    last = max(t.i for t in sent.subtree(verb))
    for head in (sent[first], clause):
        if head is not None:
            last = max(last, max(t.i for t in sent.subtree(head)))
    # The parser may cut a sentence in two (``sur les ronds-points mais qu'il faut…``
    # parsed as two sentences at the hyphen): a tree that starts right after the verb's
    # phrase continues the content.
    top = _root(sent, verb)
    while last + 1 < len(sent) and _root(sent, sent[last + 1]) is not top:
        last = max(t.i for t in sent.subtree(_root(sent, sent[last + 1])))
    stops = {c.i for c in sent.children(verb) if c.i > first and _opens_statement(sent, c)}
    out: list[Token] = []
    for tok in sent.tokens[first:last + 1]:
        if tok.i in exclude:
            out.append(tok)
            continue
        if tok.i in stops:
            # cut before the coordinator, comma or ``en`` that opens the verb
            while out and (out[-1].upos in ("CCONJ", "PUNCT") or out[-1].text == "en") and (
                    out[-1].text not in _CLOSERS):
                out.pop()
            break
        if tok.i > first and _stops(sent, tok):
            break
        out.append(tok)
    return _trimmed(out, exclude)


def _trimmed(out: list[Token], exclude: frozenset[int]) -> list[Token]:
    """``out`` without the punctuation and coordinators at its ends (but with the marks
    of a quote it starts or ends on, and the bracket that closes one it opened: « au
    conseil national de la communication (CNC) »)."""
    while out and out[-1].i not in exclude and (
            out[-1].upos in ("PUNCT", "CCONJ") and out[-1].text not in _CLOSERS
            and not _closes_bracket(out)):
        out.pop()
    while out and out[0].upos == "PUNCT" and out[0].text not in ("«", "“", '"'):
        out.pop(0)
    return out


def _closes_bracket(out: list[Token]) -> bool:
    """Is the last of ``out`` a bracket that closes one opened before it in ``out``?"""
    closing = out[-1].text
    opening = _BRACKETS.get(closing)
    return opening is not None and any(t.text == opening for t in out[:-1])


def _root(sent: Sentence, tok: Token) -> Token:
    for anc in sent.ancestors(tok):
        tok = anc
    return tok


def _opens_statement(sent: Sentence, child: Token) -> bool:
    """A dependent of the reporting verb that is a statement of its own: a coordinated
    or adverbial verb that is finite or itself a verb of saying (``et averti que``,
    ``reconnaissant que``, ``en insistant sur``), but not a gerund that belongs to the
    request (``appelle à continuer la mobilisation, mais en portant un brassard``)."""
    if child.base_deprel not in ("conj", "advcl", "parataxis"):
        return False
    if child.upos not in ("VERB", "AUX") and not is_speech_verb(child, sent):
        return False
    return child.feat("VerbForm") == "Fin" or is_speech_verb(child, sent)


def _stops(sent: Sentence, tok: Token) -> bool:
    """Does ``tok`` open a new member of the sentence (see :func:`_extent`)?"""
    word = tok.text.lower()
    if word in (":", ";", "["):
        return True
    nxt = sent[tok.i + 1] if tok.i + 1 < len(sent) else None
    if nxt is None:
        return False
    following = nxt.text.lower()
    if word == "tout" and following == "en" and tok.i + 2 < len(sent) and _gerund(
            sent, sent[tok.i + 2]):
        return True  # « tout en ajoutant que … »: the source's next statement
    if word in ("et", "puis", "mais"):
        # et averti que …, et ajoute que …: the source's next statement
        for later in sent.tokens[tok.i + 1:tok.i + 4]:
            if is_speech_verb(later, sent) and later.feat("VerbForm") != "Inf":
                return True
            if later.upos not in ("AUX", "ADV", "PRON"):
                break
    if word == ",":
        if following in ("selon", "d'", "d’") and (
                following == "selon" or (tok.i + 2 < len(sent)
                                         and sent[tok.i + 2].text.lower() == "après")):
            return True
        if following == "ce" and tok.i + 2 < len(sent) and sent[tok.i + 2].text.lower() in (
                "qui", "que", "qu'", "qu’"):
            return True  # , ce qui a été critiqué
        gerund = tok.i + 3 if following == "tout" else tok.i + 2
        if gerund < len(sent) and sent[gerund - 1].text.lower() == "en" and _gerund(
                sent, sent[gerund]):
            return True  # , tout en évoquant …: what the source did besides, not the content
        if following in lexicon.words("clause-breaks") and (
                tok.i + 2 >= len(sent) or sent[tok.i + 2].text.lower() not in _QUE):
            return True  # , tandis que la commission …; , mais cela n'a pas empêché …
        # , a-t-il ajouté / , reconnaissant cependant que / , ajoute-t-elle
        for later in sent.tokens[tok.i + 1:tok.i + 5]:
            if is_speech_verb(later, sent) and later.upos in ("VERB", "AUX") and (
                    later.feat("VerbForm") in ("Fin", "Part")):
                head = sent.head_of(later)
                return head is None or head.i < tok.i or later.deprel in (
                    "parataxis", "advcl", "conj", "ccomp", "root")
            if later.upos not in ("AUX", "PRON", "ADV") or later.text in ("«", "»"):
                break
    return False


def _span(body: Sequence[Token]) -> tuple[int, int]:
    """The offsets of ``body``, without the full stop of a closing initial (« la bombe
    H. »), which the sentence's end shares."""
    end = body[-1].end
    if _INITIAL_TOKEN.fullmatch(body[-1].text):
        end -= 1
    return body[0].start, end


_INITIAL_TOKEN = regex.compile(r"\p{Lu}\.")


# -- rules -----------------------------------------------------------------------------


@rule
def que_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``X a déclaré que <content>``: a reporting verb and the clause its ``que`` opens.

    The clause is the verb's ``ccomp`` introduced by ``que`` (``que A et que B`` is one
    report: news-train annotates it so 14 times out of 16); when the parser hung it
    elsewhere (under an adverb in ``précise bien que``, under a date in ``a annoncé,
    dimanche 24 janvier, que``), it is the ``que`` that follows the verb within
    :data:`QUE_WINDOW` words, before any other verb. The content runs from after
    ``que`` to the end of the clause, without the final punctuation; a quotation inside
    it keeps its marks (``a déclaré que les caisses étaient « intactes »``), and a
    clause that is all quotation (``il estime que « … »``) is reported with its marks.
    ``il a été annoncé que …`` (impersonal passive) has content but no source.
    """
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if verb.upos not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        for mark in _que_marks(sent, verb, exclude):
            if mark.i + 1 < len(sent):
                _add(out, sent, verb, mark.i + 1, exclude, clause=sent.head_of(mark))
    return out


def _que_marks(sent: Sentence, verb: Token, exclude: frozenset[int]) -> list[Token]:
    """The ``que`` of each clause ``verb`` reports: those of its ``ccomp`` children, or
    else the first ``que`` within :data:`QUE_WINDOW` words."""
    marks = []
    for clause in sent.children(verb):
        if clause.base_deprel != "ccomp":
            continue
        mark = next((c for c in sent.children(clause)
                     if c.deprel == "mark" and c.text.lower() in _QUE), None)
        if mark is not None and mark.i > verb.i:
            marks.append(mark)
    if marks:
        return marks
    found = _cue_of(sent, verb)
    after = found[1] if found is not None else verb.i
    for tok in sent.tokens[after + 1:after + 1 + QUE_WINDOW]:
        if tok.i in exclude or tok.text in (":", ";", ".", "?", "!"):
            break
        if tok.text.lower() in _QUE:
            head = sent.head_of(tok)
            # a relative « que » follows the noun it takes up; after a comma it can only
            # open the reported clause, however the parser labelled it (« a annoncé
            # lundi, en retenant ses larmes, qu'il démissionnait »)
            opens = tok.deprel == "mark" or tok.upos == "SCONJ" or (
                tok.i > 0 and sent.tokens[tok.i - 1].text == ",")
            if opens and head is not None and head.i > tok.i:
                return [tok]
            break
        if _gerund(sent, tok):
            continue  # « en retenant ses larmes »: how it was said, not another clause
        if tok.upos == "VERB" or (tok.upos == "AUX" and tok.base_deprel not in ("aux", "cop")):
            break  # another verb: the que is its
    return []


def _gerund(sent: Sentence, tok: Token) -> bool:
    """``tok`` is the participle of a gerund (« en retenant »)."""
    return tok.upos == "VERB" and tok.feat("VerbForm") in ("Part", "Ger") and tok.i > 0 and (
        sent.tokens[tok.i - 1].text.lower() == "en")


@rule
def infinitive_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``X a dit ne pas y voir une tentative``, ``X appelle à continuer le mouvement``,
    ``X propose de garder cette possibilité``, ``X reproche aux médias de sous-estimer
    …``, ``accusée par Y de prendre …``: an infinitive complement, bare or after ``à``
    or ``de``, whose unsaid subject is the speaker (or, after a request, its addressee).

    Whether the verb reports speech with such a complement (``affirme être déterminé``
    does, ``se met à`` does not) is left to the ``report`` model.
    """
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if not _finite_report(verb):
            continue
        for comp in sent.children(verb):
            if comp.base_deprel not in ("xcomp", "ccomp", "advcl", "obl") or comp.i < verb.i or (
                    not _infinitival(sent, comp)):
                continue
            # the words before the infinitive (« être en rupture »: « en » is the
            # predicate's, after the copula)
            verb_form = comp if comp.feat("VerbForm") == "Inf" else min(
                (c for c in sent.children(comp) if c.feat("VerbForm") == "Inf"),
                key=lambda c: c.i)
            marks = [c for c in sent.children(comp)
                     if c.deprel in ("mark", "case") and c.i < verb_form.i]
            if any(m.text.lower() in _QUE for m in marks):
                continue
            if marks and marks[0].text.lower() not in ("à", "de", "d'", "d’"):
                continue
            first = min(t.i for t in sent.subtree(comp) if t.i not in {m.i for m in marks})
            before = sent[first - 1]
            if before.head == verb.i and before.feat("VerbForm") == "Inf" and not marks:
                continue  # « a annoncé pouvoir présenter »: the modal's report has it
            _add(out, sent, verb, first, exclude, minimum=MIN_COMPLEMENT_WORDS)
    return out


@rule
def object_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``La CGT a annoncé des actions surprises``, ``il critique la presse``, ``il appelle
    à la fin de la dérive``, ``ils se sont indignés de l'absence des médias``: the object
    of a reporting verb, or its noun after one of the prepositions of
    ``[content-prepositions]`` in ``words.txt``, is what was said (the guideline's ``X a
    annoncé <content>``). Which verbs report speech with an object is the ``report``
    model's call; a date (``a annoncé ce matin``) is never the content, nor is a
    pronoun before the verb (``l'a annoncé``).
    """
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if not _finite_report(verb):
            continue
        cue = _cue_of(sent, verb)
        if _incise_after_clause(sent, verb):
            continue  # « …, a annoncé son propriétaire Evgeny Lebedev »: the subject follows
        for comp in sent.children(verb):
            if comp.i < verb.i or comp.upos not in ("NOUN", "NUM", "PROPN", "PRON"):
                continue
            if cue is not None and comp.i <= cue[1]:
                continue  # « état » in « fait état de »: a word of the cue
            if comp.lemma.lower() in lexicon.words("time-nouns"):
                continue  # a annoncé ce matin …: a date, not the content
            if comp.base_deprel == "obj":
                first = min(t.i for t in sent.subtree(comp))
            else:
                case = [c for c in sent.children(comp) if c.deprel == "case" and c.i < comp.i]
                if comp.base_deprel not in ("obl", "iobj") or len(case) != 1 or (
                        case[0].text.lower() not in lexicon.words("content-prepositions")):
                    continue
                first = case[0].i + 1
            _add(out, sent, verb, first, exclude, minimum=MIN_COMPLEMENT_WORDS,
                 last=_phrase_end(sent, comp, exclude))
    return out


def _incise_after_clause(sent: Sentence, verb: Token) -> bool:
    """``verb`` is an incise after a clause (« Le journal va cesser d'être imprimé, a
    annoncé son propriétaire »): a comma and at most auxiliaries and adverbs before it,
    words before the comma, no subject of its own before it. The noun phrase after such
    a verb is its subject, not what was said."""
    k = verb.i - 1
    while k >= 0 and sent[k].upos in ("AUX", "ADV"):
        k -= 1
    if k < 2 or sent[k].text != ",":
        return False
    if verb.feat("VerbForm") != "Fin" and not any(sent[j].upos == "AUX"
                                                 for j in range(k + 1, verb.i)):
        return False  # « …, dénonçant les violences »: a participle says what they did
    return not any(c.base_deprel == "nsubj" and c.i < verb.i for c in sent.children(verb))


@rule
def phrase_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``Un premier bilan faisait état de neuf victimes``, ``le collectif met également en
    avant les problèmes de sécurité``, ``a fait part de son inquiétude``: the words after
    a cue of several words (``[cues]`` of ``speech_cues.txt``), after its ``de`` if it
    has one. (``a fait savoir que …`` is a que-clause.)"""
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if not _finite_report(verb):
            continue
        found = _cue_of(sent, verb)
        if found is None:
            continue
        first = found[1] + 1
        if first < len(sent) and sent[first].text.lower() in lexicon.words(
                "content-prepositions"):
            first += 1
        if first >= len(sent) or sent[first].upos not in ("DET", "NOUN", "NUM", "PROPN",
                                                          "ADJ", "PRON", "PUNCT"):
            continue
        if sent[first].text.lower() in _QUE:
            continue  # a fait savoir que: the que-clause's
        _add(out, sent, verb, first, exclude, minimum=MIN_COMPLEMENT_WORDS)
    return out


@rule
def passive_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``L'attentat a rapidement été revendiqué par la branche locale``, ``Ces
    bombardements sont d'ailleurs critiqués par des ONG``: the subject of a passive
    reporting verb with an agent is what the agent said (the guideline annotates the
    subject's phrase as the content, the agent as the source)."""
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if not _finite_report(verb):
            continue
        if not any(c.deprel == "aux:pass" for c in sent.children(verb)):
            continue
        subj = next((c for c in sent.children(verb) if c.deprel == "nsubj:pass"
                     and c.i < verb.i and c.upos in ("NOUN", "PROPN", "NUM", "PRON")), None)
        agent = agent_of(sent, verb)
        if subj is None or agent is None or subj.upos == "PRON":
            continue  # « qui a été revendiqué par X »: the antecedent is elsewhere
        body = _trimmed([t for t in sent.subtree(subj) if t.i < verb.i], exclude)
        if len([t for t in body if t.upos != "PUNCT"]) < MIN_COMPLEMENT_WORDS:
            continue
        speaker = speaker_tokens(sent, agent, verb, frozenset(t.i for t in body))
        out.append(Attribution(verb, speaker, _span(body)))
    return out


def _phrase_end(sent: Sentence, comp: Token, exclude: frozenset[int]) -> int:
    """Where a noun complement's content ends: at the comma after its phrase (« a
    annoncé leur ratification dans un communiqué commun, à la veille du sommet »: the
    parser hangs the words before the comma from the verb or the noun, whichever; those
    after it are the writer's), or at the end of the sentence."""
    end = max(t.i for t in sent.subtree(comp))
    comma = next((t.i for t in sent.tokens[end + 1:] if t.text == "," and t.i not in exclude),
                 None)
    return len(sent) - 1 if comma is None else comma - 1


def _finite_report(verb: Token) -> bool:
    """A verb that reports: not an infinitive (``pour annoncer sa candidature``, ``de
    leur demander de cacher un objet`` say what someone means to do, not what was
    said)."""
    return verb.upos in ("VERB", "AUX") and verb.feat("VerbForm") != "Inf"


def _infinitival(sent: Sentence, comp: Token) -> bool:
    """An infinitive complement, also when the parser heads it by a participle or an
    adjective with an infinitive auxiliary or copula (``a expliqué avoir été contrainte``,
    ``a affirmé être déterminé``)."""
    if comp.feat("VerbForm") == "Inf":
        return True
    return any(c.base_deprel in ("aux", "cop") and c.feat("VerbForm") == "Inf"
               for c in sent.children(comp))


@rule
def inverted_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``<clause>, estime le ministre russe.``: an incise verb after a clause of the
    author's reports that clause as the source's view.

    French inverts the subject of such an incise: the verb comes after a comma (its
    auxiliary, clitics and adverbs between: ``, a d'ailleurs confirmé``; or one of the
    ``[incise-openers]`` of ``words.txt``: ``, comme l'indique X``, ``, ce qu'a confirmé
    X``), its subject right after it (``estime le ministre russe``, ``ont annoncé le 26
    mars les Nations unies``) or hyphenated before it (``estime-t-il``). A verb with a
    subject before it, or followed by a preposition (``…, gémit sur le débordement du
    luxe``), is the author's narration. The content is the member of the sentence
    before the comma (after a semicolon, if any).
    """
    out: list[Attribution] = []
    for verb in _reporting_verbs(sent, exclude):
        if verb.i < 3:
            continue
        if verb.feat("VerbForm") in ("Part", "Inf") and verb.feat("Tense") != "Past":
            continue  # …, affirmant que …: a participle, not an incise
        if any(c.deprel == "aux:pass" for c in sent.children(verb)):
            continue  # …, ont été présentés au parquet: a passive
        if any(c.base_deprel == "nsubj" and c.i < verb.i and not c.text.startswith("-")
               for c in sent.children(verb)):
            continue  # …, le chef du Front, Abou al-Joulani, annonce …: a subject before
        after = next((t for t in sent.tokens[verb.i + 1:] if not t.text.startswith("-")), None)
        if after is not None and after.upos == "ADP":
            continue  # …, gémit sur le débordement du luxe: no subject right after
        aux = verb.i - 1
        while aux > 0 and sent[aux].text != "," and (
                sent[aux].upos in ("AUX", "PRON", "ADV")
                or sent[aux].text.lower() in lexicon.words("incise-openers")):
            aux -= 1
        comma = sent[aux]
        if comma.text != ",":
            continue
        subj = subject_of(sent, verb, climb=0)
        if subj is None or subj.i < aux:
            subj = inverted_subject(sent, verb, aux)
        if subj is None or (subj.i < verb.i and not subj.text.startswith("-")):
            continue
        if not person_like(sent, subj):
            continue
        speaker = speaker_tokens(sent, subj, verb, frozenset(range(comma.i + 1)))
        member = _member(sent, comma, exclude)
        body = [t for t in member if t.i < comma.i and not t.text.startswith("-")]
        while body and body[0].upos == "PUNCT":
            body.pop(0)
        if len(body) < 4 or not any(t.upos in ("VERB", "AUX") for t in body):
            continue
        out.append(Attribution(verb, speaker, _span(body)))
    return out


@rule
def selon_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``Selon Moscou, <clause>`` / ``<clause>, selon Moscou``, and every other source
    preposition of the lexicon (``à en croire X``, ``de l'avis de X``…): the clause
    without the phrase is the reported content, within the member of the sentence that
    holds the phrase (``Pour certains, A ; pour d'autres, B``: two reports).

    ``Pour X, …`` gives a source only when X can hold a view (``Pour L'Opinion``, ``pour
    le député Yann Galut``), not ``Pour les séries générales`` nor ``Pour ses 90 ans``.
    A clause that is all quotation but for a conjunction (``« … » et « … », selon X``)
    is a quote in marks, not indirect speech.
    """
    out = []
    for cue, head, last in source_phrases(sent, exclude):
        if cue.text.lower() == "pour" and not person_like(sent, head):
            continue
        phrase = _source_words(sent, head, exclude) | set(range(cue.i, last + 1))
        member = _member(sent, cue, exclude)
        body = [t for t in member if t.i not in phrase]
        # cut the pieces of the sentence separated from the clause by the phrase's commas
        lo, hi = min(phrase), max(phrase)
        if lo <= member[0].i + 1 or _before_is_short(sent, lo, member[0].i):
            # a fronted phrase ends at its comma, whatever the parser hung on it
            # (« Selon des témoins s'exprimant sur les réseaux sociaux, il y aurait … »)
            hi = _fronted_end(sent, hi, exclude)
            body = [t for t in body if t.i > hi]
        else:
            body = [t for t in body if t.i < lo]
        while body and body[0].upos == "PUNCT":
            body.pop(0)
        while body and body[-1].upos == "PUNCT" and body[-1].text not in _CLOSERS:
            body.pop()
        if len(body) < 3:
            continue
        own = [t for t in body if t.i not in exclude]
        # the clause has words of its own besides the quotation: a verb, or the subject
        # the quotation is said of (« Selon la CGT, cela « reste un épiphénomène » »)
        if not any(t.upos in ("VERB", "AUX", "ADJ") or t.base_deprel == "nsubj"
                   for t in own):
            continue
        speaker = speaker_tokens(sent, head, None, frozenset(t.i for t in body))
        out.append(Attribution(cue, speaker, _span(body)))
    return out


def _fronted_end(sent: Sentence, hi: int, exclude: frozenset[int]) -> int:
    """The comma that closes a source phrase set before its clause, when only words
    that are no finite verb stand between it and the phrase's last word ``hi``; else
    ``hi``."""
    for tok in sent.tokens[hi + 1:]:
        if tok.i in exclude or tok.feat("VerbForm") == "Fin":
            return hi
        if tok.text == ",":
            return tok.i
    return hi


def _source_words(sent: Sentence, head: Token, exclude: frozenset[int]) -> set[int]:
    """The words of the source phrase headed by ``head``: its subtree, unless the parser
    hung the reported clause itself from the source (« Selon ses proches, l'arme était
    … » parsed with « proches » as the root), in which case the phrase ends at the
    first comma after the head."""
    words = {t.i for t in sent.subtree(head)}
    if not any(t.feat("VerbForm") == "Fin" and t.i > head.i for t in sent.subtree(head)):
        return words
    comma = next((t.i for t in sent.tokens[head.i + 1:] if t.text == "," and t.i not in exclude),
                 len(sent))
    return {i for i in words if i < comma}


def _member(sent: Sentence, tok: Token, exclude: frozenset[int]) -> list[Token]:
    """The member of the sentence that holds ``tok``: the tokens between the semicolons
    (outside quotation marks) around it."""
    cuts = [t.i for t in sent.tokens if t.text == ";" and t.i not in exclude]
    lo = max([c for c in cuts if c < tok.i], default=-1) + 1
    hi = min([c for c in cuts if c > tok.i], default=len(sent))
    return list(sent.tokens[lo:hi])


def _before_is_short(sent: Sentence, lo: int, start: int = 0) -> bool:
    """``Vers 20h45, selon la Banque de France, …``: a short adverbial before the
    ``selon`` phrase (from token ``start``) still leaves the content after it."""
    words = [t for t in sent.tokens[start:lo] if t.upos != "PUNCT"]
    return len(words) <= 4 and not any(t.upos in ("VERB", "AUX") for t in words)


#: The rules for reported speech without marks, all tried on every candidate sentence,
#: in this order.
INDIRECT_RULES: tuple[IndirectRule, ...] = (
    que_clause, infinitive_clause, object_clause, phrase_clause, passive_clause,
    inverted_clause, selon_clause,
)


def _all_quoted(sent: Sentence, found: Attribution, exclude: frozenset[int]) -> bool:
    """Are all the words of ``found``'s content inside quotation marks, and not after a
    « que » (:func:`que_clause`)?"""
    if not exclude or found.content is None or found.rule == "que_clause":
        return False
    start, end = found.content
    return all(t.i in exclude for t in sent.tokens
               if start <= t.start and t.end <= end and t.upos != "PUNCT")


def propose(sent: Sentence, *, exclude: frozenset[int] = frozenset()) -> list[Attribution]:
    """Every report the rules find in ``sent``, in rule order, each (cue, content) once;
    ``exclude`` holds the indices of tokens inside quotation marks (a verb inside a
    quotation is part of the quote). A content with no word outside the marks is the
    quotation itself (« «Nous partons», a déclaré X » is direct speech), not a report;
    but a whole clause in marks after « que » is one, beside its partial quote (the
    guideline's v1.1 convention: « X a déclaré que « … » »)."""
    out: list[Attribution] = []
    seen: set[tuple[int, tuple[int, int] | None]] = set()
    for fn in INDIRECT_RULES:
        for found in fn(sent, exclude):
            key = (found.cue.i if found.cue is not None else -1, found.content)
            if found.content is None or key in seen or _all_quoted(sent, found, exclude):
                continue
            seen.add(key)
            out.append(found)
    return out
