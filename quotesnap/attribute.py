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

import functools
from collections.abc import Callable, Iterable

import attrs

from . import lexicon
from .parse import Sentence, Token

__all__ = [
    "QUOTE_RULES",
    "Attribution",
    "after_quote",
    "attribute_quote",
    "is_speech_verb",
    "mention_tokens",
    "speech_lemma",
    "subject_of",
]


@attrs.frozen
class Attribution:
    """What a rule found: the speaker mention's tokens, the cue, the rule's name.

    ``content`` is the character range of the reported content, for indirect speech.
    """

    rule: str
    cue: Token | None
    speaker: tuple[Token, ...]
    confidence: float
    content: tuple[int, int] | None = None
    #: for a pronoun the syntax resolves on its own (« X, qui a rappelé que selon lui
    #: … »), the phrase it stands for: it gives the name, ``speaker`` stays the mention
    refers_to: tuple[Token, ...] = ()


# -- word classes ----------------------------------------------------------------------

# Clitics and auxiliaries that may stand between a quote and its incise verb:
# « … », a-t-il ainsi affirmé ; « … », s'est réjoui le maire ; « … », lui a-t-il dit.
_INCISE_FILLERS = {"AUX", "PRON", "ADV", "PART", "PUNCT"}
# The French word lists these rules test against (object clitics, impersonal verbs,
# demonstratives that are nobody, relative pronouns, nouns of saying) are sections of
# ``data/words.txt``, read through :func:`quotesnap.lexicon.words`.


def speech_lemma(tok: Token) -> str | None:
    """The speech-verb lemma of ``tok``: the parser's lemma when it is one, else the
    lemma the lexicon gives the word form (parsers' French lemmatisers slip on verb
    forms they saw little: spaCy lemmatises ``indique`` as ``indique``)."""
    return _speech_lemma(tok.lemma, tok.text)


@functools.lru_cache(maxsize=65536)
def _speech_lemma(lemma: str, form: str) -> str | None:
    # the rules ask this of every token, again and again: remember the answers
    if lexicon.is_speech_lemma(lemma):
        return lemma.lower()
    lemmas = lexicon.lemmas_for_form(form.lower())
    return lemmas[0] if lemmas else None


def is_speech_verb(tok: Token, sent: Sentence | None = None) -> bool:
    """A verb (or a participle tagged as adjective) whose lemma is a verb of saying.

    With ``sent``, a word tagged as a noun right after an auxiliary counts too: taggers
    take rare participles for nouns (« a twitté »).
    """
    if tok.upos in ("VERB", "AUX"):
        return speech_lemma(tok) is not None or (
            sent is not None and _multiword_cue(sent, tok))
    if tok.upos in ("ADJ", "NOUN", "PROPN"):
        # « L'armée turque annonce … »: a verb form with a subject of its own is a verb,
        # whatever the tagger says (annonce, estime, déclare are nouns too).
        verbal = tok.feat("VerbForm") == "Part" or (sent is not None and (
            (tok.i > 0 and sent[tok.i - 1].lemma in ("avoir", "être")
            and (sent[tok.i - 1].upos == "AUX" or sent[tok.i - 1].base_deprel == "aux"))
            or any(c.base_deprel == "nsubj" for c in sent.children(tok))))
        return verbal and speech_lemma(tok) is not None
    return False


def _multiword_cue(sent: Sentence, tok: Token) -> bool:
    """Is ``tok`` the verb of a multi-word cue (« mettent en avant », « fait valoir »)?"""
    words = " ".join(t.text for t in sent.tokens[tok.i:tok.i + 4])
    return lexicon.multiword_cue_regex().match(words) is not None


def person_like(sent: Sentence, tok: Token) -> bool:
    """Could this noun phrase head be a source? Names, pronouns, people and institutions,
    not things (``Cette veillée avait pour thème : « … »`` is a title, not speech)."""
    if tok.upos == "PROPN" or tok.ent in ("PER", "ORG"):
        return True
    if tok.upos == "PRON":
        p = lexicon.pronoun(tok.text.lstrip("-").lower())
        return p is not None and tok.text.lower() not in lexicon.words("relative-pronouns")
    lemma = tok.lemma.lower()
    if lemma in lexicon.role_nouns() or lemma in lexicon.group_nouns():
        return True
    return any(t.upos == "PROPN" for t in sent.subtree(tok))


# -- subjects and mentions --------------------------------------------------------------


def subject_of(sent: Sentence, verb: Token, *, climb: int = 3) -> Token | None:
    """The subject of ``verb``, following the paths French uses to leave it unsaid.

    - ``a-t-il souligné``: spaCy may tag both ``-t`` and ``-il`` as subjects; the
      euphonic ``-t-`` is not a word of the subject and is skipped.
    - ``John Kirby, qui indique que …``: a relative ``qui`` stands for its antecedent,
      the noun the relative clause hangs from.
    - ``estimant que …``, ``en insistant sur …``, ``et a ajouté que …``: a participle,
      gerund or coordinated verb without a subject shares its governor's subject.
    """
    # spaCy tags a personal « Il déclare que … » as expl:subj now and then; it is a
    # subject unless the verb is passive (« il a été annoncé que ») or impersonal.
    personal_il = not any(c.deprel == "aux:pass" for c in sent.children(verb)) and (
        verb.lemma not in lexicon.words("impersonal-verbs"))
    subjects = [
        t for t in sent.children(verb)
        if (t.base_deprel in ("nsubj", "csubj") or (t.deprel == "expl:subj" and personal_il))
        and t.text not in ("-t", "-t-", "t")
    ]
    nobody = lexicon.words("fact-subjects")
    for subj in subjects:
        if subj.text.lower() in nobody:
            return None  # « ce qui a été critiqué », « cela montre que »: no source
        if subj.text.lower() in lexicon.words("relative-pronouns"):
            head = sent.head_of(verb)
            if head is not None and verb.base_deprel == "acl":
                # « ce qui a été critiqué »: a relative on « ce » is a fact, nobody
                return None if head.text.lower() in nobody else head
            continue
        return subj
    head = sent.head_of(verb)
    if climb and head is not None and verb.base_deprel in ("advcl", "xcomp", "conj", "acl"):
        return subject_of(sent, head, climb=climb - 1)
    if verb.feat("VerbForm") == "Fin" or any(c.base_deprel == "aux" for c in sent.children(verb)):
        return _stranded_subject(sent, verb)
    return None


def _stranded_subject(sent: Sentence, verb: Token) -> Token | None:
    """A named subject the parser hung elsewhere. News sentences open with long
    adverbials (``Vers 14h00, Benjamin Cauchy, des « Gilets jaunes libres », estime
    que …``) that the parser may attach the name to; a person's name just before a
    finite verb that has no subject, with no preposition of its own, is that subject."""
    for tok in reversed(sent.tokens[:verb.i]):
        if tok.text in (";", ":", "."):
            return None
        # « Hope Solo, poursuivant sa déclaration, en estime que … »: a participle
        # clause set between the subject and its verb does not stop the search
        participle = tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Pres"
        if tok.upos in ("VERB", "AUX") and tok.deprel not in ("aux", "aux:tense", "cop") \
                and not participle:
            return None
        if (tok.ent == "PER" or tok.upos == "PROPN") and not any(
                c.deprel == "case" for c in sent.children(tok)):
            head = tok
            while (h := sent.head_of(head)) is not None and h.i < verb.i and (
                    head.deprel.startswith("flat") or head.deprel == "fixed"):
                head = h
            return head
    return None


def mention_tokens(sent: Sentence, head: Token, *, avoid: Iterable[int] = ()) -> tuple[Token, ...]:
    """The noun phrase headed by ``head``, as the gold files mark a speaker mention.

    The phrase keeps its determiners, adjectives, complements and appositions
    (``le chef du gouvernement, le conservateur Mariano Rajoy``) but not a leading
    preposition, relative clauses, punctuation at its edges, nor any branch that holds
    the verb or the quote (``avoid``).
    """
    avoid = set(avoid)
    keep = {head.i}
    frontier = [head]
    while frontier:
        cur = frontier.pop()
        for child in sent.children(cur):
            if child.i in avoid or child.i in keep:
                continue
            if cur is head and child.deprel in ("case", "acl:relcl", "parataxis", "cop",
                                                "mark", "advcl", "dep", "cc", "conj",
                                                "advmod", "obl", "obl:mod"):
                if child.deprel != "conj" or child.upos not in ("PROPN", "NOUN"):
                    continue
            if any(t.i in avoid for t in sent.subtree(child)):
                continue
            keep.add(child.i)
            frontier.append(child)
    ordered = sorted(keep)
    # Keep the contiguous run around the head, trimmed of edge punctuation.
    lo = hi = ordered.index(head.i)
    while lo > 0 and ordered[lo - 1] == ordered[lo] - 1:
        lo -= 1
    while hi + 1 < len(ordered) and ordered[hi + 1] == ordered[hi] + 1:
        hi += 1
    toks = [sent[i] for i in ordered[lo:hi + 1]]
    while toks and (toks[0].upos == "PUNCT" or toks[0].deprel == "case"):
        toks.pop(0)
    while toks and toks[-1].upos == "PUNCT":
        toks.pop()
    if toks and toks[0].text.startswith("-"):
        # -t-il / -elle: the mention is the pronoun itself.
        toks = [t for t in toks if t.text not in ("-t", "-t-")]
    return tuple(toks) or (head,)


def _speaker(sent: Sentence, subj: Token | None, verb: Token | None,
             quote: frozenset[int]) -> tuple[Token, ...]:
    if subj is None:
        return ()
    avoid = set(quote)
    if verb is not None and verb.i != subj.i:
        avoid.add(verb.i)
    return mention_tokens(sent, subj, avoid=avoid)


# -- rules for a quotation in marks -----------------------------------------------------

QuoteRule = Callable[[Sentence, frozenset[int]], "Attribution | None"]


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
            if subj is None or subj.i <= last:
                # The parser's subject is not after the quote, so it is not the inverted
                # subject of an incise (the ``-t-il`` of ``a-t-il souligné`` stands
                # between the quote and the participle, and counts).
                subj = _inverted_subject(sent, tok, last)
            if subj is None:
                return None
            return Attribution("incise", tok, _speaker(sent, subj, tok, quote), 0.95)
        if tok.upos not in _INCISE_FILLERS or tok.text in ("«", "“", "—", ":"):
            return None
    return None


def _inverted_subject(sent: Sentence, verb: Token, after: int) -> Token | None:
    """A subject the parser missed: the hyphenated pronoun before the verb
    (``a-t-il dit``) or the noun phrase right after it (``a déclaré le ministre``)."""
    for tok in sent.tokens[after + 1:verb.i]:
        if tok.text.startswith("-") and tok.text not in ("-t", "-t-") and tok.upos == "PRON":
            return tok
    prepositional = False
    for tok in sent.tokens[verb.i + 1:verb.i + 6]:
        if tok.text.startswith("-") and tok.upos == "PRON" and tok.text not in ("-t", "-t-"):
            return tok
        if tok.upos == "ADP":
            # « dit avec chaleur la bonne Pauline »: the noun after a preposition is a
            # manner adverbial; the subject comes after it
            prepositional = True
            continue
        if prepositional and tok.upos == "NOUN":
            prepositional = False
            continue
        if tok.upos == "PRON" and tok.text.lower() in lexicon.words("object-clitics"):
            break  # « … », appelant à s'écarter: an object or reflexive clitic
        if tok.upos in ("PROPN", "NOUN") or (tok.upos == "PRON" and tok.text[0].isalpha()):
            # climb to the head of the phrase while staying after the verb
            cur = tok
            while (h := sent.head_of(cur)) is not None and h.i > verb.i and h.upos in (
                    "PROPN", "NOUN"):
                cur = h
            return cur
        if tok.upos not in ("DET", "ADJ", "PUNCT", "ADP"):
            break
    return None


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
                return Attribution("colon", verb, _speaker(sent, subj, verb, quote), 0.9)
    for verb in verbs:
        subj = subject_of(sent, verb)
        if subj is not None and person_like(sent, subj):
            return Attribution("colon", colon_tok, _speaker(sent, subj, verb, quote), 0.75)
    prev = [t for t in sent.tokens[:colon_tok.i] if t.upos != "PUNCT"]
    if prev and prev[-1].upos in ("PROPN", "NOUN", "PRON") and person_like(sent, prev[-1]):
        head = prev[-1]
        while (h := sent.head_of(head)) is not None and h.i < colon_tok.i and h.upos in (
                "PROPN", "NOUN"):
            head = h
        return Attribution("colon", colon_tok, _speaker(sent, head, None, quote), 0.8)
    return None


def governor(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``X a dit qu'il faut « continuer le combat »``, ``le pape les a encouragés « … »``.

    The quote hangs (within a few arcs) from a speech verb: its speaker is the verb's
    subject, found through relatives, participles and coordination (:func:`subject_of`),
    or, for a passive, its agent (``qualifié de « … » par ses détracteurs``).
    """
    top = _quote_head(sent, quote)
    if top is None:
        return None
    for steps, anc in enumerate(sent.ancestors(top)):
        if steps > 4:
            break
        if is_speech_verb(anc, sent):
            found = _source(sent, anc, quote, "nsubj", 0.9 if steps < 2 else 0.8)
            if found is not None:
                return found
    return None


def _source(sent: Sentence, verb: Token, quote: frozenset[int], rule: str,
            confidence: float) -> Attribution | None:
    """Who says what ``verb`` reports: its agent when it is passive, else its subject."""
    by = agent_of(sent, verb, after=max(quote))
    if by is not None and by.i not in quote:
        return Attribution("agent", verb, _speaker(sent, by, verb, quote), confidence)
    if _passive(sent, verb):
        return None  # « le risque était qualifié de « … » »: the subject is what is said
    subj = subject_of(sent, verb)
    if subj is None or subj.i in quote:
        return None
    return Attribution(rule, verb, _speaker(sent, subj, verb, quote), confidence)


def _passive(sent: Sentence, verb: Token) -> bool:
    """A passive verb: an auxiliary of the passive, a passive subject, or a bare past
    participle (« qualifié de », « décrit par »)."""
    if any(c.deprel in ("aux:pass", "nsubj:pass") for c in sent.children(verb)):
        return True
    return verb.feat("VerbForm") == "Part" and verb.feat("Tense") != "Pres" and not any(
        c.base_deprel == "aux" for c in sent.children(verb))


def agent_of(sent: Sentence, verb: Token, *, after: int = -1) -> Token | None:
    """The agent of a passive speech verb: its ``obl:agent`` (or a ``par`` phrase), or,
    for a bare participle the parser left alone, the ``par`` phrase that follows it
    (« qualifié de « coup d'État constitutionnel » par ses détracteurs »)."""
    entry = lexicon.speech_verb(speech_lemma(verb) or "")
    if entry is not None and entry.cls == "manner":
        return None  # « une série d'actions a été lancée par X »: an act, not words
    for child in sent.children(verb):
        if child.deprel == "obl:agent" or (
            child.base_deprel in ("obl", "nmod")
            and any(c.deprel == "case" and c.text.lower() == "par" for c in sent.children(child))
        ):
            return child
    if not _passive(sent, verb):
        return None
    start = max(verb.i, after) + 1
    for tok in sent.tokens[start:start + 6]:
        if tok.text.lower() == "par":
            head = sent.head_of(tok)
            if head is not None and head.i > tok.i and head.upos in ("NOUN", "PROPN", "PRON"):
                return head
            return next((t for t in sent.tokens[tok.i + 1:tok.i + 4]
                         if t.upos in ("NOUN", "PROPN", "PRON")), None)
        if tok.text in (".", ";", ":"):
            break
    return None


def agent(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """The passive: ``a été annoncé par le ministère``. The agent (``obl:agent``, or a
    ``par`` phrase) of a speech verb is the source."""
    for verb in sent.tokens:
        if is_speech_verb(verb, sent) and verb.i not in quote:
            by = agent_of(sent, verb, after=max(quote))
            if by is not None and by.i not in quote:
                return Attribution("agent", verb, _speaker(sent, by, verb, quote), 0.8)
    return None


def according_to(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``selon X``, ``d'après X``, ``pour X,`` (but not ``selon moi``: the author's own
    opinion, nor ``pour`` inside a clause, where it means *for*)."""
    found = _according_to(sent, quote)
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
                    return Attribution("selon", cue, _speaker(sent, head, None, quote), 0.85,
                                       refers_to=_speaker(sent, subj, anc, quote))
                break
    return Attribution("selon", cue, _speaker(sent, head, None, quote), 0.85)


def _according_to(sent: Sentence,
                  exclude: frozenset[int] = frozenset()) -> tuple[Token, Token] | None:
    """The ``selon``/``d'après``/``pour`` phrase of ``sent`` outside ``exclude`` (the
    quote's own words: « … le contexte difficile d'après Tiananmen » is not a source)."""
    for tok in sent.tokens:
        if tok.i in exclude:
            continue
        word = tok.text.lower()
        if word == "selon" or (word == "après" and tok.i > 0
                               and sent[tok.i - 1].text.lower() in ("d'", "d’")):
            cue = sent[tok.i - 1] if word == "après" else tok
        elif word == "pour" and _opens_clause(sent, tok):
            cue = tok
        else:
            continue
        head = sent.head_of(tok)
        if head is None or head.i < tok.i:
            # the parser did not attach the preposition: take the next nominal word
            head = next((t for t in sent.tokens[tok.i + 1:tok.i + 4]
                         if t.upos in ("PROPN", "NOUN", "PRON")), None)
        if head is None:
            continue
        if head.text.lower() in lexicon.non_source_pronouns():
            continue  # selon moi, pour nous: the writer's own view
        if head.lemma.lower() in lexicon.words("saying-nouns"):
            # selon les déclarations du ministre russe -> le ministre russe
            holder = next((c for c in sent.children(head)
                           if c.base_deprel == "nmod" and c.upos in ("NOUN", "PROPN", "PRON")),
                          None)
            if holder is not None:
                head = holder
        if head.upos not in ("PROPN", "NOUN", "PRON"):
            continue
        return cue, head
    return None


def _opens_clause(sent: Sentence, tok: Token) -> bool:
    """``Pour X, …`` at the head of a sentence (or after a connective) gives a source;
    elsewhere ``pour`` is *for* or *in order to*."""
    before = [t for t in sent.tokens[:tok.i] if t.upos != "PUNCT"]
    if before and not all(t.upos in ("CCONJ", "ADV") for t in before):
        return False
    comma = next((t for t in sent.tokens[tok.i + 1:tok.i + 8] if t.text == ","), None)
    return comma is not None


def dash_after(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``« … » – Jean Dupont`` or ``« … » (Jean Dupont)``: a name set after the quote."""
    last = max(quote)
    rest = [t for t in sent.tokens[last + 1:] if t.text not in ("»", "”", "\"")]
    if len(rest) >= 2 and rest[0].text in ("–", "—", "-", "(") and rest[1].upos == "PROPN":
        head = rest[1]
        while (h := sent.head_of(head)) is not None and h.upos == "PROPN" and h.i > last:
            head = h
        return Attribution("dash", None, _speaker(sent, head, None, quote), 0.7)
    return None


def same_sentence(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """``Al-Joulani indique que cette décision a été prise pour « protéger la
    révolution »``: a fragment in marks inside a sentence that reports someone's words
    belongs to that someone, even when the parser hangs it far from the verb. The speech
    verb nearest before the quote wins, else the nearest after it."""
    first, last = min(quote), max(quote)
    verbs = [t for t in sent.tokens if t.i not in quote and is_speech_verb(t, sent)]
    verbs.sort(key=lambda v: (v.i > first, abs(v.i - first)))
    for verb in verbs:
        by = agent_of(sent, verb, after=last)
        if by is not None and by.i not in quote:
            return Attribution("agent", verb, _speaker(sent, by, verb, quote), 0.6)
        if _passive(sent, verb):
            continue
        subj = subject_of(sent, verb)
        if subj is None and verb.i > last:
            # « Cet « événement grave … » du pays, a-t-il ajouté »: an incise closing
            # the sentence, after some words of the author's
            subj = _inverted_subject(sent, verb, last)
        if subj is None or subj.i in quote or _expletive(sent, subj, verb):
            continue
        if person_like(sent, subj):
            return Attribution("sentence", verb, _speaker(sent, subj, verb, quote), 0.6)
    return None


def _expletive(sent: Sentence, subj: Token, verb: Token) -> bool:
    """``il a été annoncé que``: an impersonal ``il`` is nobody."""
    if subj.deprel == "expl:subj" or subj.deprel.startswith("expl"):
        return True
    passive = any(c.deprel == "aux:pass" for c in sent.children(verb))
    return passive and subj.text.lower() == "il"


def _quote_head(sent: Sentence, quote: frozenset[int]) -> Token | None:
    """The quote token whose head lies outside the quote (its attachment point)."""
    for i in sorted(quote):
        tok = sent[i]
        if tok.head not in quote:
            return tok
    return None


#: The rules for a quotation in marks, in the order they are tried.
QUOTE_RULES: tuple[QuoteRule, ...] = (
    incise, colon, according_to, governor, agent, dash_after, same_sentence,
)


def attribute_quote(sent: Sentence, quote: frozenset[int]) -> Attribution | None:
    """The first rule of :data:`QUOTE_RULES` that finds a source for ``quote``.

    Marks inside the speaker's own phrase name a group or a nickname, not words said
    (``Benjamin Cauchy, des « Gilets jaunes libres », estime que …``): no source then.
    """
    if not quote:
        return None
    for rule in QUOTE_RULES:
        found = rule(sent, quote)
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


def after_quote(sent: Sentence) -> Attribution | None:
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
                return Attribution("next-sentence", tok, mention_tokens(sent, child), 0.7)
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
                        return Attribution("next-sentence", child,
                                           mention_tokens(sent, grand), 0.7)
        if any(t.lemma.lower() in ("tel", "ce", "voilà", "voici") for t in sent.tokens[:tok.i]):
            return Attribution("next-sentence", cue, (), 0.5)
    return None
