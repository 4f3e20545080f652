"""Dialogue in fiction: who speaks each line, and to whom.

A novel's dialogue gives the speaker of a line only now and then. Readers follow the
exchange instead (after Muzny et al., *A Two-stage Sieve Approach for Quote Attribution*,
EACL 2017, and the conversation rules of BookNLP):

- **turn-taking**: in a run of lines without an incise, the two people of the exchange
  speak in turn, so a line is usually spoken by whoever spoke two lines before; an incise
  anywhere re-anchors the sequence; a narrative sentence between two lines can hand the
  floor to someone else (« Le vicomte tressaillit. -- Pourquoi ? »);
- **who is addressed**: a line that calls someone by name (« Oui, Marius. ») is not
  spoken by Marius, and the person called is likely to answer next; the person an incise
  names as addressed (« lui répondit-il », « cria-t-elle au cocher ») is never the
  speaker;
- **who is in the scene**: the pronoun of an incise (« dit-elle », « s'écria-t-il »)
  names a character of the scene of its gender, a description (« le vicomte », « la
  vieille ») a character of the scene rather than a new one.

Each line is decided in text order. A line whose own incise names its speaker (« dit
Rocambole ») is sure and decides alone (the sieve); for every other line the candidates
(the speakers of the lines before, the characters the narration names since, the one
the line's own mention resolves to) are ranked by the ``turn`` model of
:mod:`quotesnap.models` from the features of :func:`turn_features`. The rule a line so
attributed carries is ``turn``.

The same pass finds the **addressee** of each line when the text says it
(:class:`~quotesnap.results.Addressee`): a vocative in the line, or the person an incise
says it is spoken to. A first-person narrator (« m'écriai-je ») is a speaker of its own,
:data:`NARRATOR`.

Only documents told as fiction are handled (:func:`is_fiction`: dialogue turns, or
incises in the past simple); news articles go through unchanged.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Sequence

import attrs
import regex

from . import lexicon
from .models import SHARED_GENRE, Instance, LinearModel
from .resolve import Resolver, learned_genders, masked
from .results import Addressee, Kind, Quote, Span, Speaker
from .rules import rule
from .scan import MarkedSpan
from .turns import names_in

__all__ = [
    "NARRATOR",
    "Line",
    "genre_of",
    "is_fiction",
    "lines_of",
    "said_after",
    "same_person",
    "turn",
    "turn_features",
    "usual_names",
    "vocatives",
]

#: The name of a first-person narrator whose name the text does not give: the mention
#: itself, as the annotation guideline names a source the text never names
#: (``../shared/data/gold/GUIDELINE.md``, ``speaker_name``).
NARRATOR = "je"
#: How many lines before a line stand as candidates (their speakers).
HISTORY = 4
#: Beyond this many characters of narration between two lines, the later one starts a new
#: scene: the speakers before are no longer candidates.
SCENE_GAP = 2500
#: How far before the first line of a scene the narration's characters are looked for.
OPENING_CHARS = 600
#: How far an incise runs after its speech verb, at most (« cria-t-elle au cocher »).
INCISE_CHARS = 120
#: A text is fiction when it has at least this many dialogue turns, or incises whose verb
#: is in the past simple or the imperfect (« dit-il », « répondit Rocambole »).
FICTION_LINES = 2
#: A text without dialogue turns is attributed with the weights of fiction
#: (:func:`genre_of`) when at least this many of its quotes have an incise verb of
#: narration: more than :data:`FICTION_LINES`, as an article may have a few
#: (« répondra », « confiait »: at most 3 in an article of news-train, at least 4 in an
#: excerpt of lit-train).
GENRE_NARRATIVE_CUES = 4
#: The confidence of a line whose speaker :func:`said_after` read after it.
SAID_AFTER_CONFIDENCE = 0.9
#: Speakers are named by the text's most frequent form of their name
#: (:func:`usual_names`) in a text with at least this many (a novel, not a news story
#: with a few incises in the past: « France Stratégie » there is no « France »).
USUAL_NAME_LINES = 10


@attrs.define
class Line:
    """One line of dialogue: an outermost quote in marks or a dialogue turn, with its
    parts (the quotes its incises split it into) and what the text says of it.

    ``own``: the speaker the sentence rules and the resolution gave it (None if none);
    ``own_kind``: the type of its mention (``name``, ``pronoun``, ``description``, ``none``);
    ``own_gender``: the gender the mention marks (``Masc``, ``Fem``, ``""``);
    ``called``: the names the line calls someone by (vocatives); ``told``: the person an
    incise says the line is spoken to, as written; ``speaker``: the name decided here.
    """

    span: MarkedSpan
    parts: list[int]
    own: Speaker | None
    rule: str
    own_kind: str = "none"
    own_gender: str = ""
    called: list[tuple[str, Span]] = attrs.Factory(list)
    told: tuple[str, Span] | None = None
    told_pronoun: str = ""
    speaker: str | None = None


# -- which documents ----------------------------------------------------------------------

# A verb in the past simple or the imperfect, as an incise of a novel has it (« dit »,
# « répondit », « s'écria », « reprit », « murmurait »): news report in the present or
# the perfect (« a déclaré », « estime »).
_NARRATIVE_VERB = regex.compile(
    r"(?:a|it|ut|int|èrent|irent|urent|ait|aient)$")


def is_fiction(top: Sequence[MarkedSpan], quotes: Sequence[Quote], *,
               lines: int = FICTION_LINES) -> bool:
    """Is the document told as fiction: at least ``lines`` (:data:`FICTION_LINES`)
    dialogue turns, or as many quotes whose incise verb is in the past simple or the
    imperfect?"""
    narrative = sum(1 for q in quotes if q.cue is not None and _narrative(q.cue.text))
    return _told_as_fiction(top, narrative, turns=lines, cues=lines)


def genre_of(top: Sequence[MarkedSpan], cues: Iterable[Iterable[str]]) -> str:
    """``fiction`` or ``news``: the genre whose learned weights attribute a document
    (:data:`~quotesnap.models.GENRE_MODELS`), decided as :func:`is_fiction` does, before
    any source is chosen: ``cues`` holds, for each quote in marks, the cues the rules
    propose for it (a quote counts when one of them is a verb of narration). Stricter
    than :func:`is_fiction` (:data:`GENRE_NARRATIVE_CUES`)."""
    narrative = sum(1 for options in cues if any(_narrative(c) for c in options))
    fiction = _told_as_fiction(top, narrative, turns=FICTION_LINES, cues=GENRE_NARRATIVE_CUES)
    return "fiction" if fiction else SHARED_GENRE


def _told_as_fiction(top: Sequence[MarkedSpan], narrative: int, *, turns: int,
                     cues: int) -> bool:
    """At least ``turns`` dialogue turns, or ``narrative`` (the quotes with an incise verb
    of narration) at least ``cues``."""
    return narrative >= cues or sum(1 for s in top if s.dialogue) >= turns


def _narrative(cue: str) -> bool:
    """Is ``cue`` an incise verb of narration (« dit », « répondit », « murmurait »)?"""
    return cue[:1].islower() and bool(_NARRATIVE_VERB.search(cue.lower()))


# -- lines and what they say ----------------------------------------------------------------


def lines_of(text: str, top: Sequence[MarkedSpan], quotes: Sequence[Quote]) -> list[Line]:
    """The lines of dialogue of a document: its outermost direct quotes, in text order,
    each with the indices of its parts in ``quotes``."""
    starts = [q.start for q in quotes]
    lowercase = {m.group() for m in _LOWER_WORD.finditer(text)}
    names = names_in(text)
    out: list[Line] = []
    for span in sorted(top, key=lambda s: s.start):
        k = bisect.bisect_left(starts, span.start)
        parts = []
        while k < len(quotes) and quotes[k].start < span.end:
            if quotes[k].depth == 0 and quotes[k].end <= span.end:
                parts.append(k)
            k += 1
        if not parts or quotes[parts[0]].kind != Kind.DIRECT:
            continue
        first = quotes[parts[0]]
        line = Line(span, parts, first.speaker, first.rule)
        if first.rule not in ("incise", "colon") and (
                found := said_after(text, [quotes[p] for p in parts], names)) is not None:
            line.own, line.rule = found, "said_after"
        if line.own is not None and line.own.mention is not None:
            line.own_kind, line.own_gender = _mention_kind(line.own.mention.text)
            if line.own_kind == "name":
                line.own = attrs.evolve(line.own, name=_bare_name(line.own.name))
        line.called = [(name, span) for name, span in
                       vocatives(text, [(quotes[p].start, quotes[p].end) for p in parts])
                       if _may_be_called(name, span, lowercase, names)]
        if first.cue is not None:
            line.told, line.told_pronoun = _told(text, first)
        out.append(line)
    return out


_LOWER_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}[\p{L}-]*")


@rule
def said_after(text: str, parts: Sequence[Quote], names: frozenset[str]) -> Speaker | None:
    """A named speaker right after a part of a line, read off the text when the parse
    found no incise there (spaCy tags « répondit », « murmura » as nouns now and then):
    a verb of saying (or ``incise-only-verbs``: « fit »), then a proper name, maybe with
    its titles or its article (« -- Connu, connu ! répondit Tortillard. », « murmura don
    Torribio Moreno », « s'écria la Chouette »), as the first sieve of Muzny et al. (2017)
    reads « quote, said, person ». The name's first word must be one the text writes
    inside sentences (:func:`quotesnap.turns.names_in`), or follow a title or an article."""
    incise_only = lexicon.words("incise-only-verbs")
    for part in parts:
        m = _said_after().match(text, part.end)
        if m is None:
            continue
        verb = m.group("verb")
        if verb not in incise_only and not any(
                lexicon.is_speech_lemma(lemma) for lemma in lexicon.lemmas_for_form(verb)):
            continue
        if not m.group("lead") and m.group("first") not in names:
            continue
        return Speaker(m.group("name"), Span(m.start("name"), m.end("name"), m.group("name")))
    return None


@functools.cache
def _said_after() -> regex.Pattern[str]:
    titles = sorted({t for t in lexicon.titles() if len(t) > 1}, key=lambda t: (-len(t), t))
    title = "|".join(regex.escape(t).replace(r"\.", r"\.?") for t in titles)
    space = r"[ \u00a0\u202f]+"
    particle = rf"(?:(?:de|du|d['’]){space.replace('+', '*')}(?:la{space}|l['’])?)"
    word = r"\p{Lu}[\p{L}'’-]*"
    article = rf"(?:la|le|l['’]){space.replace('+', '*')}"
    return regex.compile(
        rf"[ \u00a0\u202f,»”]*(?:s['’])?(?P<verb>\p{{Ll}}[\p{{L}}-]*){space}"
        rf"(?P<name>(?P<lead>(?:(?i:{title})\.?{space})+{particle}?|{article})?"
        rf"(?P<first>{word})(?:{space}{particle}?{word})*)")


def _may_be_called(name: str, span: Span, lowercase: set[str], names: frozenset[str]) -> bool:
    """Can a vocative of :func:`vocatives` name someone: a role (« le curé »), a name
    after a title or an adjective (« madame Georges », « ma bonne Marianne »), or a bare
    capitalised word the text writes lowercase nowhere and as a name somewhere (in the
    middle of a sentence, :func:`~quotesnap.turns.names_in`): « Cependant, si… »,
    « Heureusement, … », « L'ennui, c'est… » open their sentence and are no one."""
    if not name[:1].isupper():
        return True
    first = name.split()[0]
    if first.lower() in lowercase:
        return False
    return span.text != name or first in names


_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "von", "van", "di", "da", "y"})


def _bare_name(name: str) -> str:
    """A name without the words after it that say how the person was (« M. Rossignol un
    peu confus » -> « M. Rossignol », « la Chouette toujours courroucée » -> « la
    Chouette »): cut at the first lowercase word after the first that is no particle of a
    name (« M. de la Morlière », « le Maître d'école » keep theirs)."""
    words = name.split()
    for n, word in enumerate(words):
        if n and word[:1].islower() and word not in _PARTICLES and not word.startswith(
                ("d'", "d’", "l'", "l’")):
            return " ".join(words[:n])
    return name


def _mention_kind(mention: str) -> tuple[str, str]:
    """The type of a speaker mention and the gender it marks. A capitalised noun after
    the definite article is a name, a nickname (« la Chouette », « le Chourineur », « le
    Maître d'école »), not a description (« la vieille », « Le vicomte »)."""
    words = mention.split()
    pron = lexicon.pronoun(mention.lstrip("-").lower()) if len(words) <= 2 else None
    if pron is not None:
        return "pronoun", pron.gender
    first = words[0].lower() if words else ""
    gender = {"le": "Masc", "un": "Masc", "ce": "Masc", "cet": "Masc", "la": "Fem",
              "une": "Fem", "cette": "Fem"}.get(first, "")
    if first in ("le", "la", "les") and len(words) > 1 and words[1][:1].isupper():
        return "name", gender
    if first in lexicon.words("determiners") or first in ("l'", "l’") or mention[:1].islower():
        return "description", gender
    return "name", gender


# A name as a vocative: capitalised words (« Marius », « Fleur-de-Marie », « don José »).
_CAPITALISED = r"\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+(?:de |d['’]|du |la |le )?\p{Lu}[\p{L}'’-]*)*"
_WORD = regex.compile(r"[\p{L}'’-]+")
_VOCATIVE_EDGE = regex.compile(r"[,;:!?.…]")


def vocatives(text: str, parts: Sequence[tuple[int, int]]) -> list[tuple[str, Span]]:
    """The names a line calls someone by: a name, or a title and a name or a role, set
    off by punctuation inside the speaker's words (« Pousse tes chevaux, Josselin ! »,
    « Oui, madame Georges. », « Tu parlas bien, ma bonne Marianne. », « Vous avez raison,
    monsieur le curé »). Each as (the name: the capitalised words, or the title's role
    with its article, « le curé »; the span of the whole vocative)."""
    out: list[tuple[str, Span]] = []
    for start, end in parts:
        for m in _vocative_pattern().finditer(text, start, end):
            phrase_start, phrase_end = m.span("phrase")
            before = text[start:phrase_start].rstrip()
            after = text[phrase_end:end].lstrip()
            # set off on both sides: the part's edge or punctuation
            if before and not _VOCATIVE_EDGE.match(before[-1]) and not (
                    m.group("open") and m.group("open").strip()):
                continue
            if after and not _VOCATIVE_EDGE.match(after[0]):
                continue
            name = m.group("tname") or m.group("name") or ""
            if name and not m.group("tname"):
                if name.split()[0].lower() in lexicon.words("interjections"):
                    continue  # « Oui, Ah ! » is no one
                if not m.group("adjectives") and _whole_sentence(before, after):
                    continue  # « Après ? », « Demain ! »: a word, not someone called
            called = name or m.group("role") or ""
            if not called:
                continue
            out.append((called, Span(phrase_start, phrase_end, text[phrase_start:phrase_end])))
    return out


def _whole_sentence(before: str, after: str) -> bool:
    """Is a phrase, with ``before`` and ``after`` it in its part, a sentence of its own?"""
    return (not before or before[-1] in ".!?…") and (not after or after[0] in ".!?…")


_PATTERNS: list[regex.Pattern[str]] = []


def _vocative_pattern() -> regex.Pattern[str]:
    """The vocative pattern (built from the word lists on first use)."""
    if _PATTERNS:
        return _PATTERNS[0]

    def alternatives(section: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(lexicon.words(section),
                                                        key=lambda w: (-len(w), w)))

    titles = alternatives("address-titles")
    adjectives = alternatives("address-adjectives")
    interjections = alternatives("interjections")
    pattern = regex.compile(
        rf"(?P<open>(?i:\b(?:{interjections})\b[ \u00a0]*[,!]?[ \u00a0]*)?)"
        rf"(?P<phrase>(?P<adjectives>(?:(?i:(?:{adjectives}))[ \u00a0]+)*)"
        rf"(?:(?i:(?P<title>{titles}))[ \u00a0]+"
        rf"(?:(?P<role>(?:le|la|l['’])[ \u00a0]*\p{{Ll}}[\p{{L}}-]+)|(?P<tname>{_CAPITALISED}))"
        rf"|(?P<name>{_CAPITALISED})))",
    )
    _PATTERNS.append(pattern)
    return pattern


def _told(text: str, quote: Quote) -> tuple[tuple[str, Span] | None, str]:
    """The person an incise says the line is spoken to: « à X » after the verb
    (« cria-t-elle au cocher », « demanda-t-il à un esclave », « dit-il à Marie »), and the
    object clitic before it (« lui dit-elle » -> ``lui``, « me dit-il » -> ``me``)."""
    assert quote.cue is not None
    cue = quote.cue.span
    m = _CLITIC.search(text, max(0, cue.start - 8), cue.start)
    clitic = m.group(1).lower().rstrip("'’") if m else ""
    if clitic in ("me", "m", "te", "t", "nous", "vous") and any(
            lemma.startswith(("s'", "se ")) for lemma in lexicon.lemmas_for_form(
                quote.cue.text.lower())):
        clitic = ""  # « m'écriai-je »: the reflexive of s'écrier, not someone spoken to
    stop = _INCISE_END.search(text, cue.end, min(len(text), cue.end + INCISE_CHARS))
    end = stop.start() if stop else min(len(text), cue.end + INCISE_CHARS)
    m = _TO.search(text, cue.end, end)
    if m is None:
        return None, clitic
    phrase = m.group("who")
    article = {"au": "le ", "aux": "les "}.get(m.group("to").lower(), "")
    return (article + phrase, Span(m.start("who"), m.end("who"), phrase)), clitic


# An object clitic right before the incise verb: « lui dit-elle », « me dit-il », « m'écria »
# is reflexive (« s' » is not listed).
_CLITIC = regex.compile(r"(?<![\p{L}'’])(lui|leur|me|m['’]|te|t['’]|nous|vous)[ \u00a0]*\Z",
                        regex.IGNORECASE)
_INCISE_END = regex.compile(r"[,;:.!?…\n]|(?<=\s)(?:en|d['’]une?|avec|sans|et|puis)\s")
_TO = regex.compile(
    r"(?<![\p{L}])(?P<to>à|au|aux)[ \u00a0]+(?P<who>(?:(?:la|l['’]|un|une|son|sa|ses|ce|cet|"
    r"cette|mon|ma|leur)[ \u00a0]*)?[\p{L}'’-]+(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*)*)")


# -- the decision ---------------------------------------------------------------------------


@attrs.frozen
class _Candidate:
    name: str
    kind: str  # person | description | narrator
    gender: str
    source: str = ""  # own | self | previous | narration | called | narrator


def _folded(name: str) -> list[str]:
    """The words a name is compared on: no case, accents, titles or articles
    (« M. de la Morlière » -> ``de``, ``morliere``)."""
    bare = unicodedata.normalize("NFKD", name.lower())
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    skip = _TITLE_WORDS | lexicon.titles()
    return [w for w in regex.split(r"[^\p{L}\p{N}]+", bare) if w and w not in skip]


_TITLE_WORDS = frozenset({"m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "le",
                          "la", "les", "l"})


def same_person(a: str, b: str) -> bool:
    """Do two names name one character: the same words, or the same last word with the
    words of one among the other's (« Morlière », « M. de la Morlière »)?"""
    p, g = _folded(a), _folded(b)
    if not p or not g:
        return False
    return p == g or (p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p)))


# -- the name a character goes by ---------------------------------------------------------

# A word of a text, an elided article or preposition standing alone (« l' », « d' »), with
# the dot of an abbreviated title (« M. »).
_FORM_WORD = regex.compile(r"\p{L}[\p{L}\p{M}-]*(?:['’]|\.)?")
_ARTICLE_WORDS = frozenset({"le", "la", "les", "l'", "l’"})
_INITIAL = regex.compile(r"\p{Lu}\.")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’"})


def name_forms(text: str) -> dict[str, int]:
    """How often ``text`` writes each proper name, as a whole form: an article, titles
    and a particle may open it, then capitalised words that the text also writes in the
    middle of a sentence and never in lowercase (« don José », « M. de la Morlière »,
    « la Chouette », « Ourson Tête-de-Fer »), each occurrence counted under its longest
    form only."""
    words: list[tuple[str, int, int]] = [(m.group(), m.start(), m.end())
                                         for m in _FORM_WORD.finditer(text)]
    lowercase = {w.lower().rstrip(".") for w, _, _ in words if w[:1].islower()}
    mid = names_in(text)
    titles = lexicon.titles()

    def bare(k: int) -> str:
        return words[k][0].rstrip(".")

    def gap(k: int) -> bool:  # nothing but spaces between word k - 1 and word k
        return not text[words[k - 1][2]:words[k][1]].strip()

    def name_word(k: int, opening: bool = True) -> bool:
        # a capitalised word the text never writes in lowercase; the first word of a
        # form must also stand in the middle of a sentence somewhere (« Laissez » opens
        # sentences only), not the later ones (« James » of « Paul James »)
        w = bare(k)
        return w[:1].isupper() and (w in mid or not opening) and (
            w.lower() not in lowercase) and w.lower() not in titles

    def particle(k: int) -> int:
        """How many words of a particle start at k (« de », « de la », « d' »), 0 if none
        or if no name word follows it."""
        for size in (2, 1):
            part = [words[j][0].lower() for j in range(k, min(k + size, len(words)))]
            if len(part) < size or part[0] not in _NAME_PARTICLES:
                continue
            if size == 2 and part[1] not in _ARTICLE_WORDS:
                continue
            nxt = k + size
            if nxt < len(words) and gap(nxt) and name_word(nxt, opening=False):
                return size
        return 0

    counts: dict[str, int] = {}
    k = 0
    while k < len(words):
        j = k
        if words[j][0].lower() in _ARTICLE_WORDS:
            j += 1
        first_title = j
        while j < len(words) and gap(j) and words[j][0].lower().rstrip(".") in titles:
            j += 1
        titled = j > first_title
        if titled and j < len(words) and gap(j):
            j += particle(j)  # a particle only after a title: « M. de la Morlière »
        if j >= len(words) or (j > k and not gap(j)) or not name_word(j):
            k += 1
            continue
        end = j + 1
        while end < len(words) and gap(end) and not (
                words[end - 1][0].endswith(".") and not _INITIAL.fullmatch(words[end - 1][0])):
            # (a word's dot ends the name: « … par Eugène Sue. Cet enregistrement »; an
            # initial's does not: « Audra D. Bridges »)
            if name_word(end, opening=False):
                end += 1
            elif (size := particle(end)):
                end += size + 1
            else:
                break
        form = text[words[k][1]:words[end - 1][2]].rstrip(".")
        head, _, rest = form.partition(" ")
        if j > k and rest and (head.lower() in _ARTICLE_WORDS or (
                lexicon.is_title(head.lower()))):
            # « Don José » at a sentence's start is « don José » (« M. » stays)
            form = f"{head.lower()} {rest}"
        counts[form] = counts.get(form, 0) + 1
        k = end
    return counts


def usual_names(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """Each speaker and addressee of a work of fiction named as the text names them most
    often: the most frequent proper form of the character (« don José » written 15 times
    over « José Rivas » written 4 times), as BookNLP names its characters and as the gold
    files of fiction name a speaker (the most frequent proper mention of its chain). A
    form stands for a name when it holds the name's words, or is shorter and keeps its
    first word (titles and articles aside), and fits no other name of the document; a
    form whose title says another gender than the speaker's is not theirs."""
    names = {q.speaker.name for q in quotes if q.speaker is not None} | {
        q.addressee.name for q in quotes if q.addressee is not None}
    names.discard(NARRATOR)
    names = {n for n in names if " et " not in n}  # sources named together stay so
    if not names:
        return list(quotes)
    forms = name_forms(text)
    words = {n: set(_folded(n)) for n in names}
    first = {n: (_folded(n) or [""])[0] for n in names}

    def fits(a: set[str], b: set[str]) -> bool:
        return bool(a) and bool(b) and (a <= b or b <= a)

    def may_stand_for(form: set[str], name: str) -> bool:
        # a fuller form, or a shorter one that keeps the name's first word: « don José »
        # for « José Rivas », never « Lebrun » for « Henri Lebrun » (the father?)
        own = words[name]
        return bool(form) and bool(own) and (own <= form or (
            form <= own and first[name] in form))

    def gender(form: str) -> str:
        return next((g for w in form.split() if (g := lexicon.title_gender(w) or "")), "")

    genders = {q.speaker.name: q.speaker.gender for q in quotes
               if q.speaker is not None and q.speaker.gender}
    usual: dict[str, str] = {}
    for name in names:
        own = words[name]
        others = [w for n, w in words.items() if n != name and not fits(w, own)]
        best, count = name, forms.get(name, 0)
        for form, n in forms.items():
            folded = set(_folded(form))
            if n <= count or not may_stand_for(folded, name) or any(
                    fits(folded, o) for o in others):
                continue
            said = {"Fem": "f", "Masc": "m"}.get(gender(form), "")
            if said and genders.get(name, said) != said:
                continue  # « mademoiselle de Chamery » is not the chevalier
            best, count = form, n
        usual[name] = best
    out = []
    for q in quotes:
        if q.speaker is not None and usual.get(q.speaker.name, q.speaker.name) != q.speaker.name:
            q = attrs.evolve(q, speaker=attrs.evolve(q.speaker, name=usual[q.speaker.name]))
        if q.addressee is not None and usual.get(q.addressee.name,
                                                 q.addressee.name) != q.addressee.name:
            q = attrs.evolve(q, addressee=attrs.evolve(q.addressee,
                                                       name=usual[q.addressee.name]))
        out.append(q)
    return out


def _narration_names(resolver: Resolver, start: int, end: int) -> list[tuple[int, str]]:
    """The people the resolver knows as named in ``text[start:end]``, by position."""
    found = []
    for ent in resolver.entities.values():
        if ent.kind not in ("person", "name") or ent.plural:
            continue
        k = bisect.bisect_left(ent.occurrences, start)
        if k < len(ent.occurrences) and ent.occurrences[k] < end:
            last = ent.occurrences[bisect.bisect_left(ent.occurrences, end) - 1]
            found.append((last, ent.name))
    found.sort()
    return found


def _subject_names(text: str, start: int, end: int) -> set[str]:
    """The subjects that open the sentences of the narration in ``text[start:end]``, a
    name or a description (the one a narrator gives the next line to: « Le vicomte
    tressaillit. », « Rocambole eut un fin sourire. »)."""
    out = set()
    for m in _SENTENCE_SUBJECT.finditer(text, start, end):
        words = m.group("subject")
        if words.split()[0].lower() in lexicon.words("third-subjects"):
            continue
        # « Le vicomte » opens its sentence: the description is « le vicomte »
        out.add(words[0].lower() + words[1:] if words.startswith(("Le ", "La ", "L'", "L’"))
                else words)
    return out


# A sentence's subject: a capitalised name (« Rocambole », « M. de la Morlière ») or a
# definite description (« Le vicomte », « La vieille »), then a lowercase verb.
_SENTENCE_SUBJECT = regex.compile(
    r"(?:^|(?<=[.!?…»:]\s+)|(?<=\n\s*))"
    r"(?P<subject>(?:M\.|Mme|Mlle)\s+(?:de\s+(?:la\s+)?)?\p{Lu}[\p{L}'’-]+"
    r"|(?:Le|La|L['’])\s*\p{Ll}[\p{L}-]+"
    r"|\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+(?:la\s+)?)?\p{Lu}[\p{L}'’-]+)*)"
    r"\s+(?:(?:se|s['’]|lui|le|la|l['’]|ne|n['’])\s*)?\p{Ll}[\p{L}-]*(?:a|it|ut|int|ait)\b",
    regex.MULTILINE)


def turn_features(cand: _Candidate, line: Line, k: int, lines: Sequence[Line],
                  context: _Context) -> dict[str, float]:
    """The features of ``cand`` as the speaker of ``lines[k]``.

    By name: ``prev=1..4`` the candidate spoke the line that many lines before (crossed
    with ``gap=`` the narration between this line and the one before: ``none``, ``short``,
    ``long``), ``alternates`` (spoke two lines before, not the line before),
    ``other-party`` (the last one before who is not the speaker of the line before: the
    other person of the exchange, even when the line before and the one before it went to
    one speaker), ``own`` the line's own mention resolves to it (crossed with the
    mention's type ``own=``),
    ``gender=agree|clash`` with the line's pronoun or description, ``called-here`` the line
    calls it by name (it is spoken to, not speaking), ``called-before`` the line before
    called it, ``told-before`` the incise of the line before said it was spoken to,
    ``told-here``, ``narration-named``/``narration-subject``/``narration-last`` it is
    named in the narration since the line before (opening a sentence, the last one named),
    ``next-sure``/``next2-sure`` the next line or the one after names it in its incise,
    ``scene-first`` the line opens a scene, ``kind=`` person, description or narrator,
    ``from=`` where the candidate comes from (``own``: what the resolver made of the
    line's mention; ``self``: the mention itself, or the name the text gives it;
    ``previous``, ``narration``, ``called``, ``narrator``), crossed with ``own=``.
    """
    f: dict[str, float] = {f"own={line.own_kind}": 1.0, f"kind={cand.kind}": 1.0,
                           f"from={cand.source}": 1.0,
                           f"from={cand.source}&own={line.own_kind}": 1.0}
    gap = context.gap
    scene_first = not context.previous
    if scene_first:
        f["scene-first"] = 1.0
    for n, name in enumerate(context.previous[:HISTORY], start=1):
        if name is not None and same_person(name, cand.name):
            f[f"prev={n}"] = 1.0
            f[f"prev={n}&gap={gap}"] = 1.0
            f[f"prev={n}&own={line.own_kind}"] = 1.0
    prev = context.previous
    if len(prev) >= 2 and prev[1] is not None and same_person(prev[1], cand.name) and not (
            prev[0] is not None and same_person(prev[0], cand.name)):
        f["alternates"] = 1.0
        f[f"alternates&gap={gap}"] = 1.0
    if prev and prev[0] is not None and not same_person(prev[0], cand.name):
        other = next((name for name in prev[1:] if name is not None
                      and not same_person(name, prev[0])), None)
        if other is not None and same_person(other, cand.name):
            f["other-party"] = 1.0
            f[f"other-party&gap={gap}"] = 1.0
    if line.own is not None and same_person(line.own.name, cand.name):
        f["own"] = 1.0
        f[f"own&own={line.own_kind}"] = 1.0
    if line.own_kind in ("pronoun", "description") and line.own_gender and cand.gender:
        agree = "agree" if line.own_gender == cand.gender else "clash"
        f[f"gender={agree}"] = 1.0
        f[f"gender={agree}&own={line.own_kind}"] = 1.0
    if any(same_person(name, cand.name) for name, _ in line.called):
        f["called-here"] = 1.0
    if line.told is not None and same_person(line.told[0], cand.name):
        f["told-here"] = 1.0
    if context.before is not None:
        if any(same_person(name, cand.name) for name, _ in context.before.called):
            f["called-before"] = 1.0
        if context.before.told is not None and same_person(context.before.told[0], cand.name):
            f["told-before"] = 1.0
    if any(same_person(name, cand.name) for name in context.narration):
        f["narration-named"] = 1.0
        f[f"narration-named&gap={gap}"] = 1.0
    if context.narration and same_person(context.narration[-1], cand.name):
        f["narration-last"] = 1.0
    if any(same_person(name, cand.name) for name in context.subjects):
        f["narration-subject"] = 1.0
    if context.next_sure and same_person(context.next_sure, cand.name):
        f["next-sure"] = 1.0
    if context.next2_sure and same_person(context.next2_sure, cand.name):
        f["next2-sure"] = 1.0
    return f


@attrs.frozen
class _Context:
    """What the lines around a line say: the speakers decided before (the last first),
    the narration between it and the line before (``gap``: none, short or long; the
    names it gives, the names that open its sentences), the line before, and the sure
    speakers of the next two lines."""

    previous: list[str | None]
    gap: str
    narration: list[str]
    subjects: set[str]
    before: Line | None
    next_sure: str | None
    next2_sure: str | None


#: How much narration between two lines counts as ``short`` (characters).
SHORT_GAP = 200


def _sure(line: Line, narrator: str | None, cast: _Cast) -> str | None:
    """The sieve: a line whose own incise or introducing clause names its speaker, or
    says « je » in a tale told in the first person (« m'écriai-je », « lui dis-je »: the
    narrator, who has no other name there). The name is the resolver's when it is the
    mention's (« Morlière » -> « M. de la Morlière »), else the mention's own, without how
    the person spoke (« le Maître d'école d'un ton d'autorité » -> « le Maître d'école »)."""
    if line.own is None or line.rule not in ("incise", "colon", "said_after"):
        return None
    written = line.own.mention.text if line.own.mention else ""
    if line.own_kind == "name":
        if written and not same_person(line.own.name, written):
            return cast.name(written)
        return line.own.name
    mention = written.lstrip("-").lower()
    if narrator and line.own_kind == "pronoun" and mention in ("je", "j'", "j’"):
        return narrator
    return None


@rule
def turn(text: str, top: Sequence[MarkedSpan], quotes: list[Quote], resolver: Resolver,
         model: LinearModel, *, doc_id: str | None = None,
         trace: list[Instance] | None = None) -> list[Quote]:
    """Give every line of dialogue of a work of fiction its speaker and its addressee
    (the module's docstring); other documents are returned unchanged."""
    if not is_fiction(top, quotes):
        return quotes
    out = list(quotes)
    lines = lines_of(text, top, quotes)
    narrator = _narrator(text, top)
    cast = _Cast(text, resolver, [(q.start, q.end) for q in quotes])
    decided: list[str | None] = []
    for k, line in enumerate(lines):
        context = _context(text, lines, k, decided, resolver, cast, narrator)
        candidates = _candidates(line, context, cast, narrator)
        sure = _sure(line, narrator, cast)
        if sure is not None or not candidates:
            name = sure if sure is not None else (line.own.name if line.own else None)
            if name == "je" and narrator:
                name = narrator
            line.speaker = name
            decided.append(name)
            _write(out, line, name, None, cast, narrator, decided)
            continue
        features = [turn_features(c, line, k, lines, context) for c in candidates]
        if trace is not None:
            trace.append(Instance("turn", doc_id, (line.span.start, line.span.end),
                                  tuple((c.name, f) for c, f in
                                        zip(candidates, features, strict=True))))
        probs = model.rank(features)
        pick = max(range(len(candidates)), key=lambda n: (probs[n], -n))
        name = candidates[pick].name
        line.speaker = name
        decided.append(name)
        if line.own_kind == "pronoun":
            cast.learn(name, line.own_gender)
        _write(out, line, name, probs[pick], cast, narrator, decided)
    return out


def _context(text: str, lines: Sequence[Line], k: int, decided: list[str | None],
             resolver: Resolver, cast: _Cast, narrator: str | None) -> _Context:
    line = lines[k]
    before = lines[k - 1] if k > 0 else None
    start = before.span.close_end if before is not None else max(
        0, line.span.open_start - OPENING_CHARS)
    gap_chars = line.span.open_start - start
    if before is not None and gap_chars > SCENE_GAP:
        before = None
        start = max(0, line.span.open_start - OPENING_CHARS)
    narration_text = text[start:line.span.open_start]
    has_narration = bool(_NARRATION.search(narration_text))
    gap = "none" if not has_narration else "short" if gap_chars <= SHORT_GAP else "long"
    previous: list[str | None] = []
    if before is not None:
        n = k - 1
        while n >= 0 and len(previous) < HISTORY:
            previous.append(decided[n])
            if n > 0 and lines[n].span.open_start - lines[n - 1].span.close_end > SCENE_GAP:
                break
            n -= 1
    narration = [name for _, name in _narration_names(resolver, start, line.span.open_start)]
    subjects = {cast.name(name) for name in _subject_names(text, start, line.span.open_start)}
    nxt = [_sure(lines[n], narrator, cast) for n in (k + 1, k + 2) if n < len(lines)]
    return _Context(previous, gap, narration, subjects, before,
                    nxt[0] if nxt else None, nxt[1] if len(nxt) > 1 else None)


# Narration between two lines: a sentence that starts with a capital after the end of the
# line before (an incise after a turn starts with a lowercase verb).
_NARRATION = regex.compile(r"(?:^|[.!?…:]\s+|\n\s*)\p{Lu}\p{Ll}")


def _candidates(line: Line, context: _Context, cast: _Cast,
                narrator: str | None) -> list[_Candidate]:
    """Who may speak ``line``: the character its own mention names (the resolver's
    answer, and the description itself or the name the text gives it), the speakers of
    the lines before, the characters the narration names since, those the line before
    called by name, the narrator."""
    names: list[tuple[str, str]] = []
    if line.own is not None:
        own = narrator if line.own.name == "je" and narrator else line.own.name
        names.append((own, "own"))
        if line.own.mention is not None and line.own_kind in ("description", "name"):
            names.append((cast.name(line.own.mention.text), "self"))
    names += [(n, "previous") for n in context.previous if n is not None]
    names += [(n, "narration") for n in context.narration[::-1]]
    names += [(n, "narration") for n in sorted(context.subjects)]
    if context.before is not None:
        names += [(cast.name(name), "called") for name, _ in context.before.called]
    out: list[_Candidate] = []
    for name, source in names:
        if not name or any(same_person(name, c.name) for c in out):
            continue
        kind = "narrator" if name == narrator else (
            "description" if _mention_kind(name)[0] == "description" else "person")
        out.append(_Candidate(name, kind, cast.gender(name), source))
    if narrator and not any(c.name == narrator for c in out) and line.own_kind == "none":
        out.append(_Candidate(narrator, "narrator", "", "narrator"))
    return out


class _Cast:
    """The characters of one text as the dialogue pass knows them: the name a mention
    or a vocative stands for, and each one's gender (from the resolver, titles and
    articles, and the pronouns of the lines given to them so far)."""

    def __init__(self, text: str, resolver: Resolver,
                 speech: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.resolver = resolver
        self.genders: dict[str, str] = {}
        self._links: dict[str, str] = {}
        self._names: frozenset[str] | None = None
        self._speech = speech
        self._told: dict[str, str] | None = None

    def told_genders(self) -> dict[str, str]:
        """The genders the narration gives its characters (the pronouns that take a name
        up, :func:`~quotesnap.resolve.learned_genders`), read on the text without the
        words of the speakers: there a name is mostly the person spoken to (« mon cher
        Léon, … dit-elle »), and the pronoun of the incise after it is the speaker's."""
        if self._told is None:
            told = learned_genders(masked(self.text, self._speech))
            self._told = {self.resolver.canonical(name): g for name, g in told.items()}
        return self._told

    def names(self) -> frozenset[str]:
        """The names the text writes in the middle of a sentence
        (:func:`~quotesnap.turns.names_in`), computed once."""
        if self._names is None:
            self._names = names_in(self.text)
        return self._names

    def name(self, mention: str) -> str:
        """The character a mention names: a name under its fullest form; a description
        without how the person spoke (« la jeune fille avec violence » -> « la jeune
        fille »), under the name the text sets it beside when it does (« l'abbé
        Laporte, curé de Bouqueval »: « le curé » -> « l'abbé Laporte »)."""
        mention = _MANNER.split(mention, maxsplit=1)[0].strip(" ,")
        kind, _ = _mention_kind(mention)
        if kind == "name":
            return self.resolver.canonical(_bare_name(mention))
        if kind != "description":
            return mention
        head = regex.split(r"['’]", mention.split()[-1].lower())[-1]
        if head not in self._links:
            self._links[head] = self._linked(head)
        return self._links[head] or mention

    def _linked(self, head: str) -> str:
        """The name the text sets right after the noun ``head`` (« l'abbé Laporte »), or
        before it in an apposition (« Laporte, curé de Bouqueval »), the most often."""
        if len(head) < 3 or not head.isalpha():
            return ""
        votes: dict[str, int] = {}
        pattern = regex.compile(
            rf"(?<![\p{{L}}])(?P<noun>(?i:{regex.escape(head)}))[ \u00a0]+(?P<after>{_CAPITALISED})"
            rf"|(?P<before>{_CAPITALISED}),[ \u00a0]+(?:(?i:le|la|l['’]|son|sa)[ \u00a0]*"
            rf"(?:\p{{Ll}}+[ \u00a0]+){{0,2}})?(?i:{regex.escape(head)})(?![\p{{L}}])")
        for m in pattern.finditer(self.text):
            found = m.group("after") or m.group("before")
            if found.split()[0].lower() in lexicon.words("interjections"):
                continue
            if m.group("before") and found.split()[0] not in self.names():
                continue  # « Peut-être, monsieur le curé »: a sentence's first word
            if m.group("after"):
                # « l'abbé Laporte », « le père Rouault »: the phrase is the name
                article = _ARTICLE_BEFORE.search(self.text, max(0, m.start() - 3), m.start())
                found = (article.group() if article else "") + m.group("noun") + " " + found
            votes[found] = votes.get(found, 0) + 1
        if not votes:
            return ""
        return max(votes, key=lambda n: (votes[n], len(n)))

    def gender(self, name: str) -> str:
        """What the text says of a character's gender (``Masc``, ``Fem`` or ``""``): its
        title or article, the pronouns the narration takes it up with, what the resolver
        found, and last the pronouns of the lines given to it so far (which may be wrong,
        and must not outweigh the text)."""
        told = _title_gender(name) or self.told_genders().get(name, "")
        if told:
            return told
        for ent in self.resolver.entities.values():
            if ent.gender and ent.name == name:
                return ent.gender
        return self.resolver.genders.get(name, "") or self.genders.get(name, "")

    def learn(self, name: str, gender: str) -> None:
        """A line given to ``name`` said its gender (« dit-elle »)."""
        if gender and name not in self.genders:
            self.genders[name] = gender


# How a speaker spoke, after who they are: « la jeune fille avec violence », « le Maître
# d'école d'un ton d'autorité », « le marquis tout à coup », « le vicomte en souriant ».
_MANNER = regex.compile(r"\s(?:avec|en|d['’]une?|sans|tout|toute|par|après)\s|,")
_ARTICLE_BEFORE = regex.compile(r"(?i:l['’]|le |la )\Z")


def _title_gender(name: str) -> str:
    """The gender the first word of a name marks: « M. », « Mme », « la », « le »…"""
    first = name.split()[0].lower() if name.split() else ""
    return {"m.": "Masc", "monsieur": "Masc", "le": "Masc", "don": "Masc", "mme": "Fem",
            "mlle": "Fem", "madame": "Fem", "mademoiselle": "Fem", "la": "Fem",
            "doña": "Fem"}.get(first, "")


def _narrator(text: str, top: Sequence[MarkedSpan]) -> str | None:
    """:data:`NARRATOR` when the narration (the text outside quotes) speaks in the first
    person (« je », « me », « mon » … at least three times), else None."""
    pos = 0
    count = 0
    words = lexicon.words("first-person-words")
    for span in sorted(top, key=lambda s: s.open_start):
        for m in _WORD.finditer(text, pos, max(pos, span.open_start)):
            if m.group().lower() in words and m.group().lower() not in ("nous", "notre", "nos"):
                count += 1
        pos = max(pos, span.close_end)
    for m in _WORD.finditer(text, pos):
        if m.group().lower() in words and m.group().lower() not in ("nous", "notre", "nos"):
            count += 1
    return NARRATOR if count >= 3 else None


def _write(out: list[Quote], line: Line, name: str | None, probability: float | None,
           cast: _Cast, narrator: str | None, decided: list[str | None]) -> None:
    """Set the speaker and the addressee of every part of ``line``."""
    addressee = _addressee(line, name, cast, narrator, decided)
    for p in line.parts:
        q = out[p]
        speaker = q.speaker
        rule_name = q.rule
        confidence = q.confidence
        if name is not None and (speaker is None or not same_person(speaker.name, name)
                                 or speaker.name == "je"):
            mention = speaker.mention if speaker is not None else None
            if line.rule == "said_after" and line.own is not None and same_person(
                    line.own.name, name):
                mention, rule_name = line.own.mention, "said_after"
                confidence = SAID_AFTER_CONFIDENCE
            else:
                rule_name = "turn"
                confidence = probability if probability is not None else confidence
            speaker = Speaker(name, mention)
        out[p] = attrs.evolve(q, speaker=speaker, rule=rule_name, confidence=confidence,
                              addressee=addressee)


def _addressee(line: Line, speaker: str | None, cast: _Cast, narrator: str | None,
               decided: list[str | None]) -> Addressee | None:
    """Who ``line`` is spoken to, when the text says it: a vocative, then « à X » in the
    incise, then « me » (the narrator) or « lui » (the other person of the exchange)."""
    for name, span in line.called:
        if speaker is None or not same_person(name, speaker):
            return Addressee(cast.name(name), span, "vocative")
    if line.told is not None:
        name, span = line.told
        return Addressee(cast.name(name), span, "incise")
    if line.told_pronoun in ("me", "m") and narrator and speaker != narrator:
        return Addressee(narrator, None, "incise")
    if line.told_pronoun == "lui" and len(decided) >= 2:
        other = decided[-2]
        if other is not None and speaker is not None and not same_person(other, speaker):
            return Addressee(other, None, "incise")
    return None
