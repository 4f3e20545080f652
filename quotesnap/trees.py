"""Tree helpers: what the attribution rules ask of a Universal Dependencies tree.

The rules for quotes in marks (:mod:`quotesnap.attribute`) and for indirect speech
(:mod:`quotesnap.indirect`) ask the same questions of a parse: is this word a verb of
saying, who is its subject (French leaves it unsaid in many ways), what noun phrase
does a mention span, is the verb passive and who is its agent, is there a ``selon X``.
The answers live here, once, and read only :class:`~quotesnap.parse.Sentence` objects,
so they hold the same on a spaCy parse, a stanza parse or a gold treebank tree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from . import lexicon
from .parse import Sentence, Token

__all__ = [
    "PREPOSITION_WORDS",
    "agent_of",
    "has_case",
    "inverted_subject",
    "is_expletive",
    "is_passive",
    "is_speech_verb",
    "is_time",
    "joined_text",
    "mention_tokens",
    "person_like",
    "quote_head",
    "source_phrase",
    "source_phrases",
    "speaker_tokens",
    "speech_lemma",
    "speech_verbs",
    "subject_of",
]


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
    take rare participles for nouns (« a twitté »). The rules ask this of every token at
    every quote: the answer is remembered on the sentence.
    """
    if sent is None:
        return _is_speech_verb(tok, None)
    memo: dict[int, tuple[Token, bool]] = sent.memo.setdefault("is_speech_verb", {})
    known = memo.get(tok.i)
    if known is None or known[0] is not tok:
        known = memo[tok.i] = (tok, _is_speech_verb(tok, sent))
    return known[1]


def speech_verbs(sent: Sentence) -> list[Token]:
    """The tokens of ``sent`` that :func:`is_speech_verb` accepts, in order (worked out
    once per sentence: rules ask for them at every quote)."""
    if "speech_verbs" not in sent.memo:
        sent.memo["speech_verbs"] = [t for t in sent.tokens if is_speech_verb(t, sent)]
    return list(sent.memo["speech_verbs"])


def _is_speech_verb(tok: Token, sent: Sentence | None) -> bool:
    if tok.upos in ("VERB", "AUX"):
        return speech_lemma(tok) is not None or (
            sent is not None and _multiword_cue(sent, tok))
    if tok.upos in ("ADJ", "NOUN", "PROPN"):
        # « L'armée turque annonce … »: a verb form with a subject of its own is a verb,
        # whatever the tagger says (annonce, estime, déclare are nouns too).
        if speech_lemma(tok) is None:  # remembered: asked first, the rest is slower
            return False
        return tok.feat("VerbForm") == "Part" or (sent is not None and (
            _after_auxiliary(sent, tok) or _after_quote(sent, tok)
            or any(c.base_deprel == "nsubj" for c in sent.children(tok))))
    return False


def _after_auxiliary(sent: Sentence, tok: Token) -> bool:
    """Does an auxiliary stand right before ``tok``, but for the clitics of an inverted
    subject (« a twitté », « a-t-il communiqué »)?"""
    for prev in reversed(sent.tokens[:tok.i]):
        if prev.text.startswith("-") and prev.upos in ("PRON", "PART", "X", "NOUN"):
            continue
        return prev.lemma in ("avoir", "être") and (prev.upos == "AUX"
                                                    or prev.base_deprel == "aux")
    return False


def _after_quote(sent: Sentence, tok: Token) -> bool:
    """Does ``tok`` open an incise, right after a closing quotation mark (and a comma)?
    There a verb of saying is a verb, whatever the tagger says (« », complète le
    ministre »)."""
    k = tok.i - 1
    if k >= 0 and sent[k].text == ",":
        k -= 1
    return k >= 0 and sent[k].text in ("»", "”", '"')


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
    clitics = [t for t in subjects if t.upos == "PRON" and t.i < verb.i
               and t.text.lower() in ("il", "elle", "ils", "elles")]
    if clitics and any(_bare_word(sent, t) for t in subjects if t.i < clitics[0].i):
        # « Ému, il déclare : »: a participle or adjective set before the clause, which
        # the parser took for a subject beside the clitic; the clitic is the subject
        subjects = clitics
    nobody = lexicon.words("fact-subjects")
    for subj in subjects:
        if is_time(sent, subj):
            continue  # « a déclaré le 20 mars le cosmonaute »: a date, not who spoke
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
    if verb.feat("VerbForm") == "Inf" and (causee := _causee(sent, verb, head)) is not None:
        return causee
    if climb and head is not None and verb.base_deprel in ("advcl", "xcomp", "conj", "acl"):
        return subject_of(sent, head, climb=climb - 1)
    if verb.feat("VerbForm") == "Fin" or any(c.base_deprel == "aux" for c in sent.children(verb)):
        return _stranded_subject(sent, verb)
    return None


def _causee(sent: Sentence, verb: Token, head: Token | None) -> Token | None:
    """Who does what an infinitive says after a verb of object control (the lexicon's
    ``object-control-verbs``): its object or its « à » complement, not its subject.
    « Ce chiffre a permis à la ministre de déclarer que … » (``déclarer`` is the xcomp of
    ``permis``, ``ministre`` its ``obl:arg``); « Ce revirement fait dire au journal La
    Tribune que … » (spaCy makes ``fait`` a dependent of ``dire``, which then holds the
    « à » complement itself)."""
    control = lexicon.words("object-control-verbs")

    def controls(tok: Token) -> bool:
        return tok.lemma.lower() in control or tok.text.lower() in control

    if head is not None and verb.base_deprel == "xcomp" and controls(head):
        governor = head
    elif any(controls(c) and c.i < verb.i and c.base_deprel in ("dep", "aux")
             for c in sent.children(verb)):
        governor = verb  # the causative verb hangs from the infinitive
    else:
        return None
    for child in sent.children(governor):
        if child.upos not in ("NOUN", "PROPN", "PRON") or child.i == verb.i:
            continue
        if child.base_deprel == "obj" and governor is not verb:
            return child
        if child.base_deprel in ("obl", "iobj") and has_case(sent, child, ("à", "au", "aux")):
            return child
    return None


def _bare_word(sent: Sentence, tok: Token) -> bool:
    """A word standing alone, with no determiner and no entity label: not a noun phrase
    that can name a source (« Ému », « Ailleurs »)."""
    return tok.upos != "PRON" and not tok.ent and not any(
        c.deprel == "det" for c in sent.children(tok))


def is_time(sent: Sentence, tok: Token) -> bool:
    """Does ``tok`` head a phrase of time (« lundi », « le 20 mars », « la veille »: the
    ``time-nouns`` of the lexicon), which parsers take for a subject or hang on a noun
    (« le président lundi »)? A capitalised word is a name (« le Journal du Dimanche »)."""
    times = lexicon.words("time-nouns")
    if tok.upos == "NUM":
        return any(c.text in times for c in sent.children(tok)) or (
            tok.i + 1 < len(sent) and sent[tok.i + 1].text in times)
    return tok.upos in ("NOUN", "ADV") and tok.text in times


def has_case(sent: Sentence, tok: Token, prepositions: Iterable[str]) -> bool:
    """Is ``tok`` introduced by one of ``prepositions`` (a ``case`` dependent: « par » of
    an agent, « à » of a dative)?"""
    words = set(prepositions)
    return any(c.deprel == "case" and c.text.lower() in words for c in sent.children(tok))


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
    # a branch holds an avoided token when its head is that token or one of its heads:
    # found once, not by walking every branch's subtree (quadratic in a long sentence)
    blocked: set[int] = set()
    for i in avoid:
        if 0 <= i < len(sent) and i not in blocked:
            blocked.add(i)
            for a in sent.ancestors(sent[i]):
                if a.i in blocked:
                    break  # and so are its heads: the walk from it came this way
                blocked.add(a.i)
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
            if child.i in blocked:
                continue
            if cur is head and is_time(sent, child) and not any(
                    c.deprel == "case" for c in sent.children(child)):
                continue  # « le président lundi »: when, not who
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


def speaker_tokens(sent: Sentence, subj: Token | None, verb: Token | None,
             quote: frozenset[int]) -> tuple[Token, ...]:
    if subj is None:
        return ()
    avoid = set(quote)
    if verb is not None and verb.i != subj.i:
        avoid.add(verb.i)
    return mention_tokens(sent, subj, avoid=avoid)


def inverted_subject(sent: Sentence, verb: Token, after: int) -> Token | None:
    """A subject the parser missed: the hyphenated pronoun before the verb
    (``a-t-il dit``) or the noun phrase right after it (``a déclaré le ministre``)."""
    for tok in sent.tokens[after + 1:verb.i]:
        if tok.text.startswith("-") and tok.text not in ("-t", "-t-") and (
                tok.upos == "PRON" or lexicon.pronoun(tok.text[1:].lower()) is not None):
            return tok
    prepositional = False
    for tok in sent.tokens[verb.i + 1:verb.i + 6]:
        if tok.text in ("-t", "-t-", "t"):
            continue  # the euphonic -t- of « ajoute-t-il »: the pronoun comes next
        if tok.text.startswith("-") and tok.text[1:].isalpha() and (
                tok.upos == "PRON" or lexicon.pronoun(tok.text[1:].lower()) is not None):
            return tok
        if tok.upos == "ADP":
            # « dit avec chaleur la bonne Pauline »: the noun after a preposition is a
            # manner adverbial; the subject comes after it
            prepositional = True
            continue
        if prepositional and tok.upos == "NOUN":
            prepositional = False
            continue
        if is_time(sent, tok) or (tok.upos == "NOUN"
                                  and tok.lemma.lower() in lexicon.words("time-nouns")):
            continue  # « a déclaré le 20 mars le cosmonaute »: a date, then the subject
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


def is_passive(sent: Sentence, verb: Token) -> bool:
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
    means = lexicon.words("not-agents")  # « par la suite », « par courriel »
    for child in sent.children(verb):
        if child.lemma.lower() in means or child.text.lower() in means:
            continue
        if child.deprel == "obl:agent" or (
            child.base_deprel in ("obl", "nmod")
            and has_case(sent, child, ("par",))
        ):
            return child
    if not is_passive(sent, verb):
        return None
    start = max(verb.i, after) + 1
    for tok in sent.tokens[start:start + 6]:
        if tok.text.lower() == "par":
            head = sent.head_of(tok)
            if head is None or head.i <= tok.i or head.upos not in ("NOUN", "PROPN", "PRON"):
                head = next((t for t in sent.tokens[tok.i + 1:tok.i + 4]
                             if t.upos in ("NOUN", "PROPN", "PRON")), None)
            if head is not None and head.lemma.lower() in means:
                return None
            return head
        if tok.text in (".", ";", ":"):
            break
    return None


def is_expletive(sent: Sentence, subj: Token, verb: Token) -> bool:
    """``il a été annoncé que``: an impersonal ``il`` is nobody."""
    if subj.deprel == "expl:subj" or subj.deprel.startswith("expl"):
        return True
    passive = any(c.deprel == "aux:pass" for c in sent.children(verb))
    return passive and subj.text.lower() == "il"


def quote_head(sent: Sentence, quote: frozenset[int]) -> Token | None:
    """The quote token whose head lies outside the quote (its attachment point)."""
    for i in sorted(quote):
        tok = sent[i]
        if tok.head not in quote:
            return tok
    return None


def source_phrase(sent: Sentence,
                  exclude: frozenset[int] = frozenset()) -> tuple[Token, Token] | None:
    """The first phrase of ``sent`` outside ``exclude`` (the quote's own words: « … le
    contexte difficile d'après Tiananmen » is not a source) that gives the source of a
    statement with no verb, as the first token of its preposition and the head of the
    source (see :func:`source_phrases`)."""
    return next(((cue, head) for cue, head, _ in source_phrases(sent, exclude)), None)


def source_phrases(sent: Sentence,
                   exclude: frozenset[int] = frozenset()) -> list[tuple[Token, Token, int]]:
    """Every phrase of ``sent`` outside ``exclude`` that gives the source of a statement
    with no verb, as the first token of its preposition, the head of the source and the
    index of the preposition's last token: every preposition of the lexicon's
    ``[prepositions]`` (:func:`quotesnap.lexicon.leading_source_preposition`: ``selon
    X``, ``d'après X``, ``de l'avis de X``, ``aux yeux de X``, ``à en croire X``, and
    ``Pour X, …`` or ``Suivant X, …`` at the head of a clause). A relative pronoun is
    not a source (« la rumeur selon laquelle … »: the rumour says it). Found once per
    sentence (:attr:`~quotesnap.parse.Sentence.memo`), then filtered by ``exclude``."""
    if "source_phrases" not in sent.memo:
        sent.memo["source_phrases"] = _source_phrases(sent)
    found: list[tuple[Token, Token, int]] = sent.memo["source_phrases"]
    return [phrase for phrase in found if phrase[0].i not in exclude]


def _source_phrases(sent: Sentence) -> list[tuple[Token, Token, int]]:
    out = []
    openers = lexicon.source_preposition_openers()
    for tok in sent.tokens:
        if tok.text.lower().replace("’", "'") not in openers:
            continue
        text, offsets = joined_text(sent, tok.i, tok.i + PREPOSITION_WORDS)
        found = lexicon.leading_source_preposition(text)
        if found is None:
            continue
        prep, length = found
        if prep.initial_only and not _opens_clause(sent, tok):
            continue
        last = tok.i + max(k for k, offset in enumerate(offsets) if offset < length)
        head = _source_head(sent, last)
        if head is None:
            continue
        if head.text.lower() in lexicon.non_source_pronouns():
            continue  # selon moi, pour nous: the writer's own view
        if head.text.lower() in lexicon.words("relative-pronouns"):
            continue  # la rumeur selon laquelle …
        if head.lemma.lower() in lexicon.words("saying-nouns"):
            # selon les déclarations du ministre russe -> le ministre russe
            holder = next((c for c in sent.children(head)
                           if c.base_deprel == "nmod" and c.upos in ("NOUN", "PROPN", "PRON")),
                          None)
            if holder is not None:
                head = holder
        if head.upos not in ("PROPN", "NOUN", "PRON"):
            continue
        out.append((tok, head, last))
    return out


#: How many tokens a source preposition spans at most (« de l' avis des »).
PREPOSITION_WORDS = 6
#: How many words after a source preposition its source's head may come (« selon le tout
#: premier bilan »: the determiner and adjectives before the noun).
SOURCE_HEAD_WINDOW = 3


def _source_head(sent: Sentence, last: int) -> Token | None:
    """The head of the source after a preposition whose last word is token ``last``: the
    noun the preposition's last word hangs from (``selon le ministre``), or, when the
    parser hung it elsewhere (``à en croire le ministre``: the verb « croire »
    takes the source as its object), the first nominal word after it, climbed to the head
    of its phrase while that stays after the preposition."""
    head = sent.head_of(sent[last])
    if head is not None and head.i > last and head.upos in ("PROPN", "NOUN", "PRON"):
        return head
    head = next((t for t in sent.tokens[last + 1:last + 1 + SOURCE_HEAD_WINDOW]
                 if t.upos in ("PROPN", "NOUN", "PRON")), None)
    while head is not None and (up := sent.head_of(head)) is not None and (
            up.i > head.i and up.upos in ("PROPN", "NOUN")):
        head = up  # « selon le Premier ministre »: from « Premier » to « ministre »
    return head


def joined_text(sent: Sentence, start: int = 0,
                stop: int | None = None) -> tuple[str, list[int]]:
    """The words of tokens ``start`` to ``stop`` (by default the whole sentence) with one
    space where the text has any (what the lexicon's patterns of several words read),
    and where each of these tokens starts in that string."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for t in sent.tokens[start:stop]:
        if t.i > start and t.start > sent[t.i - 1].end:
            parts.append(" ")
            pos += 1
        offsets.append(pos)
        parts.append(t.text)
        pos += len(t.text)
    return "".join(parts), offsets


def _opens_clause(sent: Sentence, tok: Token) -> bool:
    """``Pour X, …`` at the head of a sentence (or after a connective) gives a source;
    elsewhere ``pour`` is *for* or *in order to*."""
    before = [t for t in sent.tokens[:tok.i] if t.upos != "PUNCT"]
    if before and not all(t.upos in ("CCONJ", "ADV") for t in before):
        return False
    comma = next((t for t in sent.tokens[tok.i + 1:tok.i + 8] if t.text == ","), None)
    return comma is not None
