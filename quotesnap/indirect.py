"""Indirect speech: reported speech without quotation marks, read off a UD tree.

French news reports most of what people said without marks:

- ``X a déclaré que <content>``: a speech verb with a ``ccomp`` introduced by ``que``
  (:func:`que_clause`); ``que A et que B`` gives two reports;
- ``X a dit <infinitive>``, ``X appelle à <infinitive>``, ``X demande de <infinitive>``:
  the same report with the subject left unsaid because it is the speaker's
  (:func:`infinitive_clause`);
- ``X a annoncé <noun phrase>``, ``X dénonce <noun phrase>``: a few verbs whose object is
  itself what was said (:func:`object_clause`);
- ``<content>, estime le ministre russe.``: an incise after a clause of the author's
  (:func:`inverted_clause`);
- ``selon X, <content>`` / ``d'après X, <content>`` / ``pour X, <content>``
  (:func:`selon_clause`).

The content span is the reported proposition only, as the annotation guideline of
``../shared/data/gold/GUIDELINE.md`` says: from after ``que`` (or from the complement) to
the end of that clause, without the final punctuation but with the quotation marks of a
quote that the clause ends on (``les caisses étaient « intactes »``). Parsers often
attach the end of a long clause wrongly, so the end is found by walking to the end of
the reporting verb's phrase and stopping at the words that open another statement
(:func:`_extent`).

Each rule returns every :class:`~quotesnap.attribute.Attribution` it finds in a sentence,
with ``content`` set; :func:`find_indirect` runs them all and resolves overlaps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from . import lexicon
from .parse import Sentence, Token
from .rules import Attribution, rule
from .trees import (
    inverted_subject,
    is_speech_verb,
    person_like,
    source_phrase,
    speaker_tokens,
    speech_lemma,
    subject_of,
)

__all__ = [
    "INDIRECT_RULES",
    "find_indirect",
    "infinitive_clause",
    "inverted_clause",
    "object_clause",
    "que_clause",
    "selon_clause",
]

IndirectRule = Callable[[Sentence, frozenset[int]], list[Attribution]]

# -- word classes ----------------------------------------------------------------------

_QUE = ("que", "qu'", "qu’")
# Closing quotation marks: a content that ends on a quote keeps its mark, as the gold
# spans do (``estime qu'« en d'autres temps, on aurait appelé ça de la censure »``).
_CLOSERS = ("»", "”", '"', "’")
# Verbs of fearing, wishing and reacting (``le gouvernement redoute que …``, ``il
# souhaite que …``) report a feeling, not a statement: the guideline leaves them out.
# Verbs of manner (``sourire``, ``gémir``) only report speech in an incise.
_NOT_REPORTING = frozenset({"react", "manner"})
# The French word lists of the rules below (subjects that are nobody, verbs whose object
# or infinitive is the content, nouns of time, verbs of calling) are sections of
# ``data/words.txt``, read through :func:`quotesnap.lexicon.words`.




def _reporting(tok: Token, sent: Sentence,
               exclude: frozenset[int]) -> lexicon.SpeechVerb | None:
    """The lexicon entry of ``tok`` when it is a verb that can report speech without
    marks (outside a quotation: a verb inside the quoted words is part of the quote)."""
    if tok.i in exclude or not is_speech_verb(tok, sent):
        return None
    verb = _entry(tok, sent)
    if verb is None or verb.cls in _NOT_REPORTING:
        return None
    return verb


def _entry(tok: Token, sent: Sentence) -> lexicon.SpeechVerb | None:
    """The lexicon entry of the verb ``tok``: the pronominal one (``se demander``) only
    when a reflexive clitic stands before the verb, else the plain one (``demander``)."""
    lemma = speech_lemma(tok)
    if lemma is None:
        return None
    reflexive = any(c.deprel in ("expl:pv", "expl:comp") or c.text.lower() in (
        "se", "s'", "s’") for c in sent.children(tok))
    bare = lemma.split(" ", 1)[-1].split("'", 1)[-1].split("’", 1)[-1]
    if reflexive:
        return lexicon.speech_verb(bare, reflexive=True) or lexicon.speech_verb(bare)
    return lexicon.speech_verb(bare) or lexicon.speech_verb(bare, reflexive=True)


# -- the source ------------------------------------------------------------------------


def _source(sent: Sentence, verb: Token) -> tuple[bool, Token | None]:
    """Whether ``verb`` reports someone's words, and the head of that someone.

    - ``Rappelons que …``, ``Notez que …``: an imperative is the writer speaking.
    - ``on note que``, ``rien n'indique que``: nobody is the source.
    - ``il a été annoncé que …``: an impersonal passive reports words with no source.
    - ``Il déclare que …``: spaCy may tag a referential ``il`` as ``expl:subj``; before an
      active verb of saying it is a person.
    - ``…, reconnaissant cependant que …``: a present participle without a subject
      shares the subject of the clause it hangs from, however the parser attached it.
    """
    if verb.feat("Mood") == "Imp":
        return False, None
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
    passive = any(c.deprel == "aux:pass" for c in sent.children(verb))
    if subj is None:
        finite = verb.feat("VerbForm") == "Fin"
        first = next((t for t in sent.tokens if t.upos not in ("PUNCT", "ADV", "CCONJ")),
                     None)
        if finite and first is verb:
            return False, None  # Rappelons que …, sentence-initial and subjectless
        return True, None
    if subj.text.lower() in lexicon.words("no-source-subjects"):
        return False, None  # rien n'indique que, on note que: nobody's report
    if subj.text.lower() == "il" and passive:
        return True, None  # il a été annoncé que …
    if subj.deprel.startswith("expl") and subj.head != verb.i:
        return True, None  # il convient de rappeler que …: an impersonal governor
    return True, subj


def _add(out: list[Attribution], sent: Sentence, verb: Token, first: int,
         exclude: frozenset[int], *, minimum: int = 1) -> None:
    """Append to ``out`` the report of ``verb`` whose content starts at token ``first``,
    when the content has ``minimum`` words and the verb has a source (:func:`_source`)."""
    body = _extent(sent, verb, first, exclude)
    if len([t for t in body if t.upos != "PUNCT"]) < minimum:
        return
    ok, subj = _source(sent, verb)
    if not ok:
        return
    speaker = () if subj is None else speaker_tokens(sent, subj, verb,
                                                     frozenset(t.i for t in body))
    out.append(Attribution(verb, speaker, _span(body)))


# -- the content -----------------------------------------------------------------------


def _extent(sent: Sentence, verb: Token, first: int,
            exclude: frozenset[int]) -> list[Token]:
    """The tokens of the reported content that starts at token ``first``: up to the end
    of the reporting verb's phrase, stopping where another statement begins.

    The stops are what French news puts after a report:

    - ``: « … »`` or ``;``: a new member of the sentence;
    - ``et que B``: a second report of the same verb (its own entry);
    - ``, a-t-il ajouté``, ``, reconnaissant que …``, ``, selon X``: another cue;
    - ``et averti que``, ``et appelle à``, ``en insistant sur``: a verb coordinated with
      the reporting verb, or a gerund of its, says something else;
    - ``, ce qui a été critiqué``: the writer's comment on the report;
    - ``[1]``: a reference mark.

    Words inside quotation marks never stop the content.
    """
    last = max(t.i for t in sent.subtree(verb))
    start = sent[first]
    last = max(last, max(t.i for t in sent.subtree(start)))
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
    while out and out[-1].i not in exclude and (
            out[-1].upos in ("PUNCT", "CCONJ") and out[-1].text not in _CLOSERS):
        out.pop()
    while out and out[0].upos == "PUNCT" and out[0].text not in ("«", "“", '"'):
        out.pop(0)
    return out


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
    if word in ("et", "ou") and following in _QUE:
        return True  # que A et que B
    if word in ("et", "puis"):
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
    return body[0].start, body[-1].end


# -- rules -----------------------------------------------------------------------------


@rule
def que_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``X a déclaré que <content>``: a speech verb with a ``ccomp`` introduced by que.

    The content runs from after ``que`` to the end of the clause, without the final
    punctuation; a quotation inside it keeps its marks (``a déclaré que les caisses
    étaient « intactes »``). A clause that is all quotation (``il estime que « … »``) is
    left to the quote rules. ``que A et que B`` gives two reports with the same source
    and cue. ``il a été annoncé que …`` (impersonal passive) has content but no
    source.
    """
    out: list[Attribution] = []
    for verb in sent.tokens:
        if _reporting(verb, sent, exclude) is None or verb.upos not in (
                "VERB", "AUX", "ADJ", "NOUN"):
            continue
        for clause in sent.children(verb):
            if clause.base_deprel != "ccomp":
                continue
            for part in (clause, *[c for c in sent.children(clause)
                                   if c.base_deprel == "conj"]):
                mark = next((c for c in sent.children(part)
                             if c.deprel == "mark" and c.text.lower() in _QUE), None)
                if mark is None or mark.i < verb.i or mark.i + 1 >= len(sent):
                    continue
                _add(out, sent, verb, mark.i + 1, exclude)
    return out


@rule
def infinitive_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``X a dit ne pas y voir une tentative``, ``X appelle à continuer le mouvement``,
    ``X propose de garder cette possibilité``: an infinitive complement whose unsaid
    subject is the speaker (or, after a request, its addressee).

    A bare infinitive reports a claim after a verb of saying (``affirme être
    déterminé``, ``a annoncé pouvoir présenter``); with ``à``/``de`` only requests,
    promises and threats report speech (``se mettre à``, ``finir de`` do not).
    """
    out: list[Attribution] = []
    for verb in sent.tokens:
        entry = _reporting(verb, sent, exclude)
        if entry is None or not _finite_report(verb):
            continue
        lemma, cls, ambiguous = entry.lemma, entry.cls, entry.ambiguous
        for comp in sent.children(verb):
            if comp.base_deprel not in ("xcomp", "ccomp") or comp.i < verb.i or (
                    not _infinitival(sent, comp)):
                continue
            marks = [c for c in sent.children(comp)
                     if c.deprel in ("mark", "case") and c.i < comp.i]
            if any(m.text.lower() in _QUE for m in marks):
                continue
            if marks:
                if marks[0].text.lower() not in ("à", "de", "d'", "d’"):
                    continue
                if cls != "ask" and lemma not in lexicon.words("preposition-infinitive-verbs"):
                    continue
                if lemma in ("dire", "annoncer") and marks[0].text.lower() == "à":
                    continue
            elif not ((cls == "say" and not ambiguous)
                      or lemma in lexicon.words("bare-infinitive-verbs")):
                continue
            first = min(t.i for t in sent.subtree(comp) if t.i not in {m.i for m in marks})
            _add(out, sent, verb, first, exclude, minimum=2)
    return out


@rule
def object_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``La CGT a annoncé des actions surprises``, ``Renaud Muselier demande l'arrêt du
    mouvement``, ``il appelle à la fin de la dérive``: the object of a verb of
    announcing, requesting or denouncing is what was said (the guideline's ``X a
    annoncé <content>``). Only the verbs of ``[object-report-verbs]`` in ``words.txt``
    (and those of ``[call-verbs]`` with ``à``) take their object as content; a pronoun
    object (``l'a annoncé``) is not content.
    """
    out: list[Attribution] = []
    for verb in sent.tokens:
        entry = _reporting(verb, sent, exclude)
        if entry is None or not _finite_report(verb):
            continue
        lemma = entry.lemma
        calling = lemma in lexicon.words("call-verbs")
        if lemma not in lexicon.words("object-report-verbs") and not calling:
            continue
        for comp in sent.children(verb):
            if comp.i < verb.i or comp.upos not in ("NOUN", "NUM") or _is_person(sent, comp):
                continue  # « …, a annoncé Sergueï Lavrov »: an inverted subject
            if comp.lemma.lower() in lexicon.words("time-nouns"):
                continue  # a annoncé ce matin …: a date, not the content
            if calling:
                case = [c for c in sent.children(comp) if c.deprel == "case"]
                if comp.base_deprel not in ("obl", "iobj") or not case or (
                        case[0].text.lower() not in ("à", "au", "aux")):
                    continue
                first = case[0].i + 1
            elif comp.base_deprel == "obj":
                first = min(t.i for t in sent.subtree(comp))
            else:
                continue
            _add(out, sent, verb, first, exclude, minimum=2)
    return out


def _is_person(sent: Sentence, tok: Token) -> bool:
    return tok.upos == "PROPN" or tok.ent == "PER" or tok.lemma.lower() in lexicon.role_nouns()


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
    author's that is not in marks reports that clause as the source's view.

    French inverts the subject of such an incise, and nothing but the subject follows:
    the verb comes after a comma (its auxiliary and clitics between), its subject
    right after it (``estime le ministre russe``) or hyphenated before it
    (``estime-t-il``), and the sentence ends there. A verb followed by an object
    (``…, nommé par X à la tête de France Musique``, ``…, gémit sur le débordement du
    luxe``) is the author's narration, not an incise.
    """
    for verb in sent.tokens:
        if verb.i < 3 or _reporting(verb, sent, exclude) is None:
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
        while aux > 0 and sent[aux].upos in ("AUX", "PRON") and sent[aux].text != ",":
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
        tail_from = max([verb.i, *(t.i for t in speaker)]) + 1
        tail = [t for t in sent.tokens[tail_from:] if t.upos != "PUNCT"]
        if tail and tail[0].text.lower() not in ("qui", "selon"):
            continue
        body = [t for t in sent.tokens[:comma.i] if not t.text.startswith("-")]
        while body and body[0].upos == "PUNCT":
            body.pop(0)
        if len(body) < 4 or any(t.i in exclude for t in body):
            continue
        if not any(t.upos in ("VERB", "AUX") for t in body):
            continue
        return [Attribution(verb, speaker, _span(body))]
    return []


@rule
def selon_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``Selon Moscou, <clause>`` / ``<clause>, selon Moscou``: the main clause without
    the ``selon`` phrase is the reported content.

    ``Pour X, …`` gives a source only when X can hold a view (``Pour L'Opinion``, ``pour
    le député Yann Galut``), not ``Pour les séries générales`` nor ``Pour ses 90 ans``.
    A clause that is all quotation but for a conjunction (``« … » et « … », selon X``)
    is a quote in marks, not indirect speech.
    """
    found = source_phrase(sent, exclude)
    if found is None:
        return []
    cue, head = found
    if cue.text.lower() == "pour" and not person_like(sent, head):
        return []
    phrase = {t.i for t in sent.subtree(head)} | {cue.i}
    if cue.text.lower() in ("d'", "d’"):
        phrase.add(cue.i + 1)
    body = [t for t in sent.tokens if t.i not in phrase]
    # cut the pieces of the sentence separated from the clause by the phrase's commas
    lo, hi = min(phrase), max(phrase)
    if lo <= 1 or _before_is_short(sent, lo):
        body = [t for t in body if t.i > hi]
    else:
        body = [t for t in body if t.i < lo]
    while body and body[0].upos == "PUNCT":
        body.pop(0)
    while body and body[-1].upos == "PUNCT" and body[-1].text not in _CLOSERS:
        body.pop()
    if len(body) < 3:
        return []
    own = [t for t in body if t.i not in exclude]
    if not any(t.upos in ("VERB", "AUX", "ADJ") for t in own):
        return []
    speaker = speaker_tokens(sent, head, None, frozenset(t.i for t in body))
    return [Attribution(cue, speaker, _span(body))]


def _before_is_short(sent: Sentence, lo: int) -> bool:
    """``Vers 20h45, selon la Banque de France, …``: a short adverbial before the
    ``selon`` phrase still leaves the content after it."""
    words = [t for t in sent.tokens[:lo] if t.upos != "PUNCT"]
    return len(words) <= 4 and not any(t.upos in ("VERB", "AUX") for t in words)


#: The rules for reported speech without marks, all tried on every candidate sentence;
#: on overlapping contents the earlier rule wins.
INDIRECT_RULES: tuple[IndirectRule, ...] = (
    que_clause, infinitive_clause, object_clause, inverted_clause, selon_clause,
)


def find_indirect(sent: Sentence, *, exclude: frozenset[int] = frozenset()) -> list[Attribution]:
    """Reported speech without marks in ``sent``; ``exclude`` holds the indices of tokens
    inside quotation marks (a verb inside a quotation is part of the quote).

    When two reports overlap, the one found first stays; the other keeps the part of
    its content before the first's cue and source (``Pour le journal Le Monde, ce
    blocage est « intolérable » et Louis Dreyfus […] estime qu'« … »``: the ``selon``
    content ends where Louis Dreyfus's report begins), or is dropped.
    """
    out: list[Attribution] = []
    for fn in INDIRECT_RULES:
        for found in fn(sent, exclude):
            if found.content is None:
                continue
            trimmed = _trim(sent, found, out)
            if trimmed is not None:
                out.append(trimmed)
    return out


def _trim(sent: Sentence, found: Attribution, kept: list[Attribution]) -> Attribution | None:
    assert found.content is not None
    start, end = found.content
    for other in kept:
        assert other.content is not None
        if not _overlaps((start, end), other.content):
            continue
        opening = min([other.content[0],
                       *(t.start for t in other.speaker),
                       *([other.cue.start] if other.cue is not None else [])])
        if opening <= start:
            return None
        body = [t for t in sent.tokens if start <= t.start and t.end <= opening]
        while body and (body[-1].upos in ("PUNCT", "CCONJ") and body[-1].text not in _CLOSERS):
            body.pop()
        if len([t for t in body if t.upos != "PUNCT"]) < 3:
            return None
        start, end = _span(body)
    if (start, end) == found.content:
        return found
    return attrs.evolve(found, content=(start, end))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
