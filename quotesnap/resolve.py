"""Resolve: from what the text says at a quote to the person or body it names.

A speaker mention is a name (``Lavrov``), a pronoun (``il``, ``-t-elle``, ``lui``) or a
description (``le chef de la diplomatie russe``). News French names a person in full once
(``le ministre russe des Affaires étrangères Sergueï Lavrov``), then by last name, pronoun
or role; it names a body in full (``l'Organisation mondiale de la Santé (OMS)``), then by
its acronym or its head noun (``l'OMS``, ``l'Organisation``). The gold files report every
source under its fullest name in the article, and so does quotesnap:

- **names** are a sure sieve: a name is clustered with the fullest form the article uses
  that shares its last word (``Lavrov``, ``M. Lavrov`` -> ``Sergueï Lavrov``), read whole
  from the text even where the tokenizer cut it (``Ban Ki-moon``, ``Bruno Le Maire``); an
  acronym is expanded where the article defines it (``la Gendarmerie royale du Canada
  (GRC)``) or where its letters are the initials of a body the article names; a body
  named by its head noun gets its fullest form (``l'Ordre`` -> ``l'Ordre souverain de
  Malte``);
- **pronouns and descriptions** are linked by a learned decision (the ``entity`` model of
  :mod:`quotesnap.models`): the candidates are the people, bodies and groups the article
  has named or heard before the mention, and, for a description, the description itself
  (``une source proche de l'enquête`` names nobody else). The features
  (:func:`link_features`) are what a reader weighs: agreement in gender and number, how
  recently and how prominently each candidate was named or quoted, whether the article
  sets the description's role beside the candidate's name (``le porte-parole de la
  Maison-Blanche, Sean Spicer``), and the words the two share.

The resolver walks the article in order, so "recent" means before the mention, and each
source it settles becomes a candidate for the mentions after it.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator, Sequence

import attrs
import regex

from . import lexicon
from .models import Instance, LinearModel
from .parse import Sentence, Token
from .trees import is_speech_verb, mention_tokens

__all__ = ["Entity", "Mention", "Resolver", "conjuncts", "holder", "learned_genders",
           "link_features", "mention_from_tokens"]

# Capitalised word sequences, the shape of a name in running French: Sergueï Lavrov,
# Thomas de Maizière, Abou Mohammed al-Joulani, Jean-Luc Mélenchon, Recep Tayyip Erdoğan.
# An apostrophe inside a name word only before a capital (O'Neill, d'Estaing), so that
# elisions (« C'est Joseph Butore ») are not names.
_NAME_WORD = r"\p{Lu}(?:[\p{Ll}\p{Lu}.-]|['’]\p{Lu})*\p{L}"
_PARTICLE = r"(?:de|du|des|d'|d’|von|van|der|al-|el-|ben|bin|ibn|da|di|dos|la|le)"
_NAME = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}'’]){_NAME_WORD}"
    rf"(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]?)?{_NAME_WORD})*"
)
# A full name in subject position, as running text shows it without a parse: at the
# start of a sentence or after a comma, followed by a verb-like word (« Alan Bean a
# pris sa retraite », « …, Donald Trump a ordonné »).
_SUBJECT_NAME = regex.compile(
    rf"(?:^|[.!?»]\s+|,\s+|\n)(?P<name>{_NAME_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]?)?"
    rf"{_NAME_WORD})+)(?:\s+(?:a|avait|aura|est|était|sera|fut|va|vient|ont|sont|se|s['’]|"
    rf"n['’]|ne|y|en|lui|leur|l['’]|le|la|les|\p{{Ll}}{{3,}}(?:e|t|ait|a))\b"
    # « Arnaud Montebourg, l'emblématique ministre …, avait été » (an apposition follows)
    rf"|,\s+(?:l['’]|le|la|un|une|son|sa|\p{{Ll}}+(?:e|ien|ienne|iste|eur|rice)\b))",
    regex.MULTILINE,
)
# A title before a name gives its gender: « Mme Bush », « M. Lavrov ».
_TITLED = regex.compile(rf"\b(?P<title>M\.|Mme|Mlle|Madame|Monsieur|Mademoiselle)\s+"
                        rf"(?P<name>{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD})*)")
# An acronym the article defines: « la Gendarmerie royale du Canada (GRC) », « le CNCC
# (Conseil national des centres commerciaux) ».
_ACRONYM = r"\p{Lu}[\p{Lu}\p{Ll}&-]{0,2}\p{Lu}[\p{Lu}\p{Ll}]{0,3}"
_DEFINED_AFTER = regex.compile(rf"\(\s*(?P<acr>{_ACRONYM})\s*\)")
_DEFINED_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?P<acr>{_ACRONYM})\s*\((?P<long>[^()]{{6,90}})\)")
_WORD_BEFORE = regex.compile(r"[\p{L}'’-]+", regex.REVERSE)
# Compiled once, as resolution reads every name of every document with them: an elided
# article (« l'Ordre »), a content word (four letters or more), the end of a role's
# phrase, a sentence's end, what stands before a name that opens a sentence, and a
# preposition of place before a name.
_ELISION = regex.compile(r"^[lLdD]['’]")
_CONTENT_WORD = regex.compile(r"\p{L}[\p{L}-]{3,}")
_PHRASE_END = regex.compile(r"[,.;:!?«»()\n]")
_SENTENCE_END = regex.compile(r"[.!?…»]\s*$")
_SENTENCE_START_BEFORE = regex.compile(r"(?:^|[.!?;:«»—–\n])\s*$")
_PLACE_BEFORE = regex.compile(r"(?<!\p{L})(?:à|au|aux|en|dans|vers|sur|chez)\s+$",
                              regex.IGNORECASE)

#: How sure a name is of its source, against a linked pronoun or description (whose
#: confidence is the entity model's probability).
NAME_CONFIDENCE = 1.0
#: How many candidates a pronoun or a description is linked among: the most recently
#: named ones.
MAX_CANDIDATES = 12
#: How sure the description sieve is (:meth:`Resolver._same_role_speaker`).
SAME_ROLE_CONFIDENCE = 0.9
#: Within this many characters of the last attribution, a mention may continue its
#: speaker's turn (the feature ``continues``).
CONTINUATION_CHARS = 500
#: How far after a description the person it introduces may be named (« La gardienne de
#: l'équipe américaine a qualifié … Hope Solo »).
CATAPHORA_CHARS = 400
#: How far around a name the words said of it are read (« le ministre russe … Lavrov »),
#: at how many of the places it is named.
CONTEXT_CHARS = 60
CONTEXT_PLACES = 8

# The word lists of resolution (determiners and words that never open a name, name
# particles, organisation nouns, demonstratives like « ce dernier »…) are sections of
# ``data/words.txt``, read through :func:`quotesnap.lexicon.words`.


@attrs.frozen
class Mention:
    """A speaker mention, reduced to what resolution needs."""

    text: str
    start: int
    end: int
    kind: str  # "name" | "pronoun" | "description"
    name: str = ""  # the proper-name part (``Sergueï Lavrov`` in ``le ministre Sergueï Lavrov``)
    head: str = ""  # lemma of the head noun or the pronoun
    gender: str = ""  # Masc | Fem | ""
    plural: bool = False
    name_start: int = -1  # where the proper-name part starts in the text
    determiner: str = ""  # the first word of a description (« le », « une », « sa »…)
    label: str = ""  # the named-entity label of the proper-name part (PER, ORG…)


def mention_from_tokens(tokens: Sequence[Token], original: str) -> Mention | None:
    """Classify a speaker mention read off a parse."""
    if not tokens:
        return None
    start, end = tokens[0].start, tokens[-1].end
    while start < end and original[start] in "-‐":
        start += 1  # « a-t-il souligné »: the mention is « il », without the hyphen
    propn, name_start = _proper_run(tokens, original)
    if (tail := _HYPHEN_TAIL.match(original, end)) is not None:
        # « Bras-Rouge » parsed as « Bras », « - », « Rouge » with the mention cut at the
        # hyphen: the name is the whole word
        if propn and name_start + len(propn) == end:
            propn += tail.group()
        end = tail.end()
    text = original[start:end]
    head = _head(tokens)
    gender = head.feat("Gender") if head else ""
    plural = bool(head and head.feat("Number") == "Plur")
    if propn and head is not None and not any(t.ent == "PER" for t in tokens) and (
            head.start == name_start
            or original[name_start:head.start].strip().lower() in _ARTICLES):
        # a body named by a capitalised noun and its complements (« l'Automobile club
        # de Monaco », « l'Observatoire des métiers de la presse », « la Gendarmerie
        # royale du Canada (GRC) »): the whole phrase, up to what is not part of the
        # head's name (« la Mairie dans un communiqué », « l'AFP et l'Autorité … »)
        whole = _body_name(tokens, head, original, name_start)
        if len(whole) > len(propn):
            propn = whole
    if propn:
        label = next((t.ent for t in tokens if name_start <= t.start < name_start + len(propn)
                      and t.ent), "")
        return Mention(text, start, end, "name", propn, head.lemma.lower() if head else "",
                       gender, plural, name_start, tokens[0].text.lower(), label)
    word = tokens[0].text.lstrip("-").lower()
    if (m := _INVERTED_PRONOUN.search(text)) is not None and len(tokens) <= 3:
        # « a-t-elle » read as one or three words: the mention is the pronoun
        inverted = lexicon.pronoun(m.group("p").lower())
        if inverted is not None:
            return Mention(m.group("p"), start + m.start("p"), end, "pronoun", "",
                           m.group("p").lower(), inverted.gender or gender,
                           bool(inverted.plural))
    if text.lower() in lexicon.words("demonstrative-mentions"):
        # « Ce dernier indique que … »: the last person named, like a pronoun.
        fem = text.lower().startswith(("cette", "celle"))
        return Mention(text, start, end, "pronoun", "", text.lower(),
                       "Fem" if fem else "Masc", False)
    pron = lexicon.pronoun(word) if len(tokens) <= 2 else None
    if pron is not None and (head is None or head.upos == "PRON"):
        return Mention(text, start, end, "pronoun", "", word,
                       pron.gender or gender, pron.plural if pron.plural is not None else plural)
    lemma = head.lemma.lower() if head else tokens[-1].lemma.lower()
    if not gender:
        gender = next((t.feat("Gender") for t in tokens if t.upos == "DET"), "")
    core = _core(tokens, head)
    if core is not None:
        end = core.end
        text = original[start:end]
    determiner = tokens[0].text.lower()
    if tokens[0].upos != "DET" and (m := _CONTRACTED.search(original, max(0, start - 5),
                                                              start)) is not None:
        # « selon les déclarations du ministre russe »: « du » is de + le
        determiner = "les" if m.group(1).lower() in ("des", "aux") else "le"
    return Mention(text, start, end, "description", "", lemma, gender, plural,
                   determiner=determiner)


@attrs.define
class Entity:
    """A person, a body or a group the article names: the unit sources resolve to.

    ``occurrences``: where the article names it (positions, sorted); ``speaker_at``:
    where a quote is attributed to it; ``subject_at``: where it is the subject of a main
    clause. ``words``: content words of the roles and descriptions given to it.
    """

    name: str
    kind: str  # "person" | "body" | "group" | "name" (not known which) | "description"
    gender: str = ""
    plural: bool = False
    occurrences: list[int] = attrs.Factory(list)
    speaker_at: list[int] = attrs.Factory(list)
    subject_at: list[int] = attrs.Factory(list)
    words: set[str] = attrs.Factory(set)
    #: for a description, the lemma of its head noun (« police » of « la police »)
    head: str = ""
    #: how many times it is named after a preposition of place (« en Syrie », « à Paris »)
    placed: int = 0

    def seen(self, position: int) -> None:
        bisect.insort(self.occurrences, position)

    def last_before(self, position: int, where: list[int] | None = None) -> int | None:
        """The last position before ``position`` in ``occurrences`` (or ``where``)."""
        positions = self.occurrences if where is None else where
        k = bisect.bisect_left(positions, position)
        return positions[k - 1] if k else None


class Resolver:
    """Resolves the mentions of one document, in text order (call :meth:`resolve` in
    order). ``model`` is the ``entity`` model that links pronouns and descriptions;
    with ``trace``, every such decision is recorded for training."""

    def __init__(self, text: str, model: LinearModel | None = None, *,
                 doc_id: str | None = None, trace: list[Instance] | None = None,
                 speech: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.model = model or LinearModel.untrained("entity")
        self.doc_id = doc_id
        self.trace = trace
        self.entities: dict[str, Entity] = {}
        self._resolved: dict[tuple[int, int], tuple[str | None, float]] = {}
        self._context_cache: dict[tuple[int, int], set[str]] = {}
        self._fuller_cache: dict[str, str] = {}
        self._pairing_cache: dict[str, list[tuple[int, int, str, frozenset[str]]]] = {}
        self._canonical_cache: dict[str, str] = {}
        self._lowercase = lowercase = set(_LOWER_WORD.findall(text))
        # every capitalised sequence, as written and without leading common words
        self._names: list[tuple[int, int, str]] = []
        for m in _NAME.finditer(text):
            name = _common_words_off(m.group(), lowercase)
            if name and _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                name = _demonym_off(name)
            if name:
                start = m.start() + m.group().rfind(name) if name in m.group() else m.start()
                self._names.append((start, m.end(), name))
        self._name_starts = [s for s, _, _ in self._names]
        self.names: dict[str, int] = {}
        for start, _, name in self._names:
            self.names.setdefault(name, start)
        self.acronyms = _acronyms(text, self._names)
        self.genders: dict[str, str] = {}
        for m in _TITLED.finditer(text):
            gender = lexicon.title_gender(m.group("title"))
            if gender:
                self.genders[self.canonical(m.group("name"))] = gender
        for m in _SUBJECT_NAME.finditer(text):
            name = _common_words_off(m.group("name"), lowercase)
            if len(name.split()) > 1:
                self.add_person(name, m.start("name"), subject=True)
        for start, _, name in self._names:
            if len(name) > 1 and not name.isdigit():
                ent = self.entity(self.canonical(_role_free_tail(name)), "name")
                ent.seen(start)
                if _PLACED.search(text, max(0, start - 12), start):
                    ent.placed += 1
        for name, gender in self._apposition_genders():
            named = self.entities.get(_fold_name(self.canonical(name)))
            if named is not None and not named.gender:
                named.gender = gender
                named.kind = "person" if named.kind == "name" else named.kind
        # the genders the narration gives: a name in someone's words is no antecedent
        # of the pronoun after the quote (« … contre Sarkozy ». Elle juge que …)
        for name, gender in learned_genders(masked(text, speech)).items():
            canonical = self.canonical(name)
            self.genders.setdefault(canonical, gender)
            # Fiction names its characters by one word (Bouvard, Clarimonde, Rachel):
            # each time one opens a clause, it is the one a later « il »/« elle » takes up.
            for start in _clause_openings(text, name):
                self.add_person(canonical, start, gender, subject=True)

    # -- what the article names ------------------------------------------------------

    def entity(self, name: str, kind: str, *, gender: str = "", plural: bool = False) -> Entity:
        """The entity named ``name`` (made on first use); spellings that differ only in
        case and article (« La Mairie », « la mairie ») are one entity."""
        key = _fold_name(name)
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(name, kind, gender or self.genders.get(name, ""),
                                               plural)
        elif len(name) > len(ent.name) and kind != "description":
            ent.name = name
        if gender and not ent.gender:
            ent.gender = gender
        if ent.kind in ("description", "name") and kind not in ("description", "name"):
            ent.kind = kind
        return ent

    def learn(self, sent: Sentence, standing: dict[int, int]) -> None:
        """Register the people, bodies and groups a parsed sentence names: candidate
        antecedents for later pronouns. ``standing``: tokens that stand for a quote."""
        for name, pos, gender, subject in _persons(sent, standing, self.text):
            self.add_person(name, pos, gender, subject=subject)
        for group, pos in _groups(sent, self.text):
            ent = self.entity(group, "group", plural=True)
            ent.seen(pos)
            ent.subject_at.append(pos)
            ent.subject_at.sort()
        for body, pos in _bodies(sent, standing, self.text):
            self.entity(self.canonical(body), "body").seen(pos)
        for body, pos in _body_subjects(sent, self.text):
            ent = self.entity(self.fuller_form(body), "body")
            ent.seen(pos)
            bisect.insort(ent.subject_at, pos)

    def add_group(self, text: str, position: int) -> None:
        """Register a plural subject (« Les personnels ont décidé … »): a candidate
        antecedent for a later ``ils``/``elles``/``eux``."""
        ent = self.entity(text, "group", plural=True)
        ent.seen(position)
        ent.subject_at.append(position)

    def add_person(self, name: str, position: int, gender: str = "", *,
                   subject: bool = False) -> None:
        """Register a person named at ``position``: a candidate antecedent for later
        pronouns, even if that person never speaks. ``subject``: the name is the subject
        of its sentence's main verb, the position French pronouns most often take up."""
        name = _common_words_off(name, self._lowercase) or name
        ent = self.entity(self.canonical(name), "person", gender=gender)
        ent.seen(position)
        if subject:
            bisect.insort(ent.subject_at, position)

    # -- names -------------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` in the article: the longest name with the same
        last word that holds all its words (``Lavrov`` -> ``Sergueï Lavrov``), an
        acronym's expansion (``GRC`` -> ``Gendarmerie royale du Canada``). Remembered:
        the names and acronyms it reads are fixed when the resolver is built, and every
        name of the text is asked for, often many times."""
        known = self._canonical_cache.get(name)
        if known is None:
            known = self._canonical_cache[name] = self._canonical(name)
        return known

    def _canonical(self, name: str) -> str:
        bare = name
        for article in ("la ", "le ", "les ", "l'", "l’", "La ", "Le ", "Les ", "L'", "L’"):
            if bare.startswith(article) and len(bare) > len(article):
                bare = bare[len(article):]
                break
        if bare in self.acronyms:
            return self.acronyms[bare]
        if _ACRONYM_WORD.fullmatch(bare) and (full := self._expansions.get(_fold_acronym(bare))
                                         or self._spelt_out(_fold_acronym(bare))):
            return full  # « La FFtri » after « la Fédération française de triathlon
            #   (FFTri) »; « l'E.I » where the article names « l'État islamique »
        words = _words(name)
        if not words:
            return name
        best, best_len = name, (len(words), len(name))
        for full, fw in self._variants:
            # more words, or as many spelt out (« Nicole Belloubet » for « N. Belloubet »)
            if fw[-1] == words[-1] and (len(fw), len(full)) > best_len and _covered(words, fw):
                best, best_len = full, (len(fw), len(full))
        return best

    def _spelt_out(self, letters: str) -> str:
        """The one phrase of the article that spells an acronym it never defines (« l'État
        islamique » for « l'E.I »); "" when none or several do."""
        if len(letters) < 2:
            return ""
        found = self._spellings.get(letters, set())
        return next(iter(found)) if len(found) == 1 else ""

    @functools.cached_property
    def _spellings(self) -> dict[str, set[str]]:
        return _spellings(self.text)

    @functools.cached_property
    def _expansions(self) -> dict[str, str]:
        """Acronyms spelt otherwise than the article defines them (case, dots), and the
        initials of the article's names of several words when only one name has them:
        what an acronym the article does not define may stand for."""
        out: dict[str, str] = {}
        ambiguous: set[str] = set()
        for name in self.names:
            if len(_words(name)) < 2:
                continue
            key = _fold_acronym(_initials(name))
            if len(key) >= 2 and out.get(key, name) != name:
                ambiguous.add(key)
            out.setdefault(key, name)
        for key in ambiguous:
            del out[key]
        out.update({_fold_acronym(acr): long for acr, long in self.acronyms.items()})
        return out

    @functools.cached_property
    def _variants(self) -> list[tuple[str, list[str]]]:
        """The inventory's names without a leading role, with their words: computed once,
        as :meth:`canonical` runs for every mention."""
        out = []
        for full in self.names:
            tail = _role_free_tail(full)
            if fw := _words(tail):
                out.append((tail, fw))
        return out

    def name_at(self, start: int, fallback: str) -> str:
        """The whole name the text writes at ``start``, where the tokenizer may have cut
        it (« Ban Ki » of « Ban Ki-moon », « Bruno Le » of « Bruno Le Maire », « le New »
        of « le New York Times »)."""
        words = fallback.split()
        if len(words) > 1 and words[0].lower() in _ARTICLES:
            start += len(fallback) - len(fallback.split(None, 1)[1])
            words = words[1:]
        k = bisect.bisect_right(self._name_starts, start) - 1
        if k >= 0 and words:
            s, e, name = self._names[k]
            written = " ".join(words)
            if s <= start < e and len(name) >= len(written) and words[0] in name and (
                    len(words) == len(fallback.split()) or len(name) > len(written)):
                return _role_free_tail(name)  # (an article is kept: « la Mairie »)
        return fallback

    # -- resolving ---------------------------------------------------------------------

    def resolve(self, mention: Mention | None, position: int) -> tuple[str | None, float]:
        """The canonical source name of ``mention`` (at ``position``) and how sure the
        link is (1 for a name; the entity model's probability for the others)."""
        if mention is None:
            return None, 0.0
        # One mention may attribute several quotes (« « … », écrit-il, ajoutant que
        # « … » »): it names the same source each time.
        key = (mention.start, mention.end)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(mention, position)
        return self._resolved[key]

    def resolve_coordination(self, parts: Sequence[Mention], position: int,
                             ) -> tuple[str | None, float]:
        """The name of sources a coordinated mention names together: each part's
        canonical name, joined by « et » (« l'AFP et l'Autorité des technologies de
        l'information »); a plural pronoun may later take them up as a group."""
        names: list[str] = []
        confidence = 1.0
        for part in parts:
            name, p = self.resolve(part, part.start)
            if name is None:
                return None, 0.0
            if name not in names:
                names.append(name)
            confidence = min(confidence, p)
        joined = " et ".join(names)
        if len(names) > 1:
            group = self.entity(joined, "group", plural=True)
            group.seen(position)
        return joined, confidence

    def _resolve(self, mention: Mention, position: int) -> tuple[str | None, float]:
        if mention.kind == "name":
            ent = self._named(mention)
            self._spoke(ent, position, mention)
            return ent.name, NAME_CONFIDENCE
        pron = lexicon.pronoun(mention.head) if mention.kind == "pronoun" else None
        if pron is not None and pron.person == 1 and not mention.plural:
            # Outside quotes, « je dis », « m'écriai-je » is the narrator of a first-person
            # tale: never named, so named by the pronoun itself (the gold's « je »).
            return "je", NAME_CONFIDENCE
        options = self._candidates(mention, position)
        ctx = self.link_context(position, mention)
        same = self._same_role_speaker(mention, position, options, ctx)
        if same is not None:
            self._spoke(same, position, mention)
            return same.name, SAME_ROLE_CONFIDENCE
        features = [link_features(self, mention, position, ent, rank, ctx)
                    for rank, ent in enumerate(options)]
        prior = self._prior(mention, position, options)
        if prior is not None:
            features[prior]["prior"] = 1.0
            features[prior][f"m={mention.kind}&prior"] = 1.0
        if self.trace is not None:
            self.trace.append(Instance("entity", self.doc_id, (mention.start, mention.end),
                                       tuple((ent.name, f) for ent, f in
                                             zip(options, features, strict=True))))
        probs = self.model.rank(features)
        pick = max(range(len(options)), key=lambda k: (probs[k], -k))
        ent = options[pick]
        if ent.kind == "description" and not ent.occurrences:
            ent = self.entity(ent.name, "description", gender=mention.gender,
                              plural=mention.plural)
            ent.head = ent.head or mention.head
        self._spoke(ent, position, mention)
        return ent.name, probs[pick]

    def _named(self, mention: Mention) -> Entity:
        """The entity a name mention names (the sieve: no model)."""
        name = mention.name
        if mention.name_start >= 0:
            name = self.name_at(mention.name_start, name)
        canonical = self.canonical(name)
        person = mention.label == "PER" or mention.head in lexicon.role_nouns() or (
            canonical in self.genders)
        known = self.entities.get(_fold_name(canonical))
        if not person and (known is None or known.kind != "person"):
            canonical = self.fuller_form(canonical)
        kind = "person" if person else "body" if mention.label == "ORG" else "name"
        return self.entity(canonical, kind, gender=self.genders.get(canonical, ""))

    def fuller_form(self, short: str) -> str:
        """The fullest form the article gives a body named by its head (« l'Ordre »,
        « la police », « La coalition »): the same head followed by adjectives or a
        complement that ends on a name (« l'Ordre souverain de Malte », « la police
        malaisienne »). ``short`` itself when there is none."""
        words = short.split()
        if not words or len(words) > 3:
            return short
        head = _ELISION.sub("", words[-1])
        if len(head) < 3 or not head[0].isalpha():
            return short
        if head.islower() and head not in lexicon.group_nouns() and head not in lexicon.words(
                "organisation-nouns"):
            return short  # « l'étude »: a thing, not a body with a fuller name
        if head not in self._fuller_cache:
            best = ""
            tail = _fuller_tail()
            for m in _head_pattern(head).finditer(self.text):
                if (t := tail.match(self.text, m.end())) is None:
                    continue
                found = self.text[m.start():t.end()]
                if len(found) > len(best) and _adjectives_only(found):
                    best = found
            self._fuller_cache[head] = best
        best = self._fuller_cache[head]
        return best if len(best) > len(short) else short

    def _spoke(self, ent: Entity, position: int, mention: Mention) -> None:
        ent.seen(position)
        bisect.insort(ent.speaker_at, position)
        if mention.kind == "description" or (mention.kind == "name" and mention.head):
            ent.words |= _content_words(mention.text, exclude=ent.name) | _roles_of(mention)
        if mention.gender and not ent.gender and mention.kind != "name":
            ent.gender = mention.gender

    def _candidates(self, mention: Mention, position: int) -> list[Entity]:
        """The entities a pronoun or a description may name: those named before
        ``position``, the most recent first (at most :data:`MAX_CANDIDATES`), then,
        for a description, the description itself."""
        before = [(ent.last_before(position), ent) for ent in self.entities.values()
                  if _may_name(mention, ent)]
        ranked = [ent for last, ent in sorted(((p, e) for p, e in before if p is not None),
                                              key=lambda pe: -pe[0])]
        options = ranked[:MAX_CANDIDATES]
        if mention.kind == "description" and _head_class(mention.head) == "role":
            # the person named right after the description, when it comes first
            # (« La gardienne de l'équipe américaine a qualifié … Hope Solo, … »)
            after = sorted(((first, ent) for ent in self.entities.values()
                            if ent.kind in ("person", "name") and len(_words(ent.name)) > 1
                            and ent.occurrences and mention.end <= (
                                first := ent.occurrences[0]) < mention.end + CATAPHORA_CHARS),
                           key=lambda fe: fe[0])
            options += [ent for _, ent in after[:2] if ent not in options]
        if mention.kind == "description":
            name = mention.text
            if _determiner_class(mention.determiner) == "definite":
                name = self.fuller_form(name)  # « la police » -> « la police malaisienne »
            own = self.entities.get(_fold_name(name))
            if own is None:
                own = Entity(name, "description", mention.gender, mention.plural,
                             head=mention.head)
            if own not in options:
                options.append(own)
        if not options:
            options.append(Entity(mention.text, "description", mention.gender, mention.plural))
        return options

    def _same_role_speaker(self, mention: Mention, position: int, options: Sequence[Entity],
                           ctx: LinkContext) -> Entity | None:
        """The sieve of descriptions: a definite description whose role the article gave
        to the person quoted last, a moment before, is that person (« « … », a annoncé
        Sergueï Lavrov » … « « … », a précisé le chef de la diplomatie russe », after
        « selon … le ministre russe »)."""
        if mention.kind != "description" or _determiner_class(mention.determiner) not in (
                "definite", "demonstrative") or _head_class(mention.head) != "role":
            return None
        roles = _roles_of(mention)
        for ent in options:
            if ent.kind in ("person", "name") and ctx.speaker_rank.get(id(ent)) == 0 and (
                    roles & ent.words) and not (mention.gender and ent.gender
                                                 and mention.gender != ent.gender):
                spoke = ent.last_before(position, ent.speaker_at)
                if spoke is not None and position - spoke < CONTINUATION_CHARS:
                    return ent
        return None

    def _prior(self, mention: Mention, position: int, options: Sequence[Entity]) -> int | None:
        """The option a reader's rule of thumb picks (the feature ``prior``):

        - a role (« le ministre ») names the person the article sets beside that role
          (« le ministre russe Sergueï Lavrov »), else the last person quoted who agrees
          with it, when the description adds nothing the article did not say of them
          (« le chef de la diplomatie russe » after « le ministre russe »);
        - a body noun (« la compagnie ») names the body set beside it, or the last one
          whose name holds the noun (« la compagnie aérienne Air Méditerranée »);
        - a pronoun takes up the last person quoted or the last main-clause subject
          that agrees with it;
        - otherwise the description names itself.
        """
        def agrees(ent: Entity) -> bool:
            return mention.plural == ent.plural and not (
                mention.gender and ent.gender and mention.gender != ent.gender)

        def latest(ents: Sequence[Entity]) -> int | None:
            best = None
            for k, ent in enumerate(options):
                if ent in ents:
                    last = max((p for p in (ent.last_before(position, ent.speaker_at),
                                            ent.last_before(position, ent.subject_at))
                                if p is not None), default=None)
                    if last is not None and (best is None or last > best[0]):
                        best = (last, k)
            return best[1] if best else None

        own = next((k for k, e in enumerate(options) if e.kind == "description"
                    and not e.occurrences), None)
        if mention.kind == "pronoun":
            return latest([e for e in options if agrees(e)])
        cls = _head_class(mention.head)
        named = self.beside(mention.head,
                            frozenset(_content_words(mention.text) - {mention.head}))
        beside = [k for k, e in enumerate(options) if e.name in named]
        if beside:
            return max(beside, key=lambda k: named[options[k].name])
        if cls == "role":
            words = _content_words(mention.text) - {mention.head}
            fits = [e for e in options if e.kind in ("person", "name") and agrees(e)
                    and e.speaker_at and (not words or words & e.words
                                          or mention.head in e.words)]
            pick = latest(fits)
            if pick is None and not any(e.speaker_at for e in options if e.kind == "person"):
                # nobody has spoken yet: the person named (again) right after
                soon = [(ent.occurrences[j], k) for k, ent in enumerate(options)
                        if ent.kind in ("person", "name") and agrees(ent)
                        and (j := bisect.bisect_right(ent.occurrences, mention.end))
                        < len(ent.occurrences)
                        and ent.occurrences[j] < mention.end + CATAPHORA_CHARS]
                pick = min(soon)[1] if soon else None
            return pick if pick is not None else own
        if cls == "body":
            holds = [k for k, e in enumerate(options) if e.kind != "description"
                     and mention.head in e.name.lower() and len(e.name) > len(mention.text)]
            if holds:
                return holds[0]
        return own

    def link_context(self, position: int, mention: Mention | None = None) -> LinkContext:
        """What every candidate of a mention at ``position`` is compared against."""
        # ties go to the entity met first (dict order), never to memory addresses
        order = {id(e): k for k, e in enumerate(self.entities.values())}
        spoke = sorted(((p, -order[id(e)], id(e)) for e in self.entities.values()
                        if (p := e.last_before(position, e.speaker_at)) is not None),
                       reverse=True)
        subject = max((p for e in self.entities.values()
                       if (p := e.last_before(position, e.subject_at)) is not None), default=-1)
        start = max(self.text.rfind(".", 0, position), self.text.rfind("\n", 0, position))
        named = sorted(((bisect.bisect_left(e.occurrences, position), -order[id(e)], id(e))
                        for e in self.entities.values()
                        if e.kind in ("person", "name") and len(_words(e.name)) > 1),
                       reverse=True)
        beside = bool(mention is not None and mention.kind == "description" and self.beside(
            mention.head, frozenset(_content_words(mention.text) - {mention.head})))
        return LinkContext({i: k for k, (_, _, i) in enumerate(spoke)}, subject, start,
                           {i: k for k, (_, _, i) in enumerate(named)},
                           sum(1 for n, _, _ in named if n > 0), beside)

    # -- the article's focus -----------------------------------------------------------

    def focus(self, position: int) -> str | None:
        """Who the article is about at ``position``: the last person who spoke or was
        the subject of a main clause before it, else the protagonist (the full name
        whose last word the text repeats most), or None."""
        best: tuple[int, Entity] | None = None
        for ent in self.entities.values():
            if ent.kind != "person" or ent.plural:
                continue
            last = max((p for p in (ent.last_before(position, ent.speaker_at),
                                    ent.last_before(position, ent.subject_at))
                        if p is not None), default=None)
            if last is not None and (best is None or last > best[0]):
                best = (last, ent)
        if best is not None:
            return best[1].name
        before = [n for n, pos in self.names.items()
                  if pos < position and len(_words(n)) > 1 and self._repeated(n)]
        if before:
            return max(before, key=lambda n: (self._mentions(n), self.names[n]))
        return None

    def _repeated(self, name: str) -> bool:
        """Does the text use the last word of ``name`` outside a heading? A name only
        in a first line that is no sentence (« Émile Zola », « George Sand Nouvelle
        Édition … ») is a book's author or publisher."""
        return self._mention_counts.get(_words(name)[-1], 0) > self._heading_counts.get(
            _words(name)[-1], 0) or bool(_SENTENCE_END.search(self._heading))

    def _mentions(self, name: str) -> int:
        """How much the article is about ``name``: how often it uses its last word,
        counting the headline (the text's first line) twice."""
        last = _words(name)[-1]
        return self._mention_counts.get(last, 0) + 2 * self._heading_counts.get(last, 0)

    @functools.cached_property
    def _heading(self) -> str:
        return self.text.split("\n", 1)[0]

    @functools.cached_property
    def _mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in _LAST_NAME_WORD.finditer(self.text):
            counts[m.group()] = counts.get(m.group(), 0) + 1
        return counts

    @functools.cached_property
    def _heading_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in _LAST_NAME_WORD.finditer(self._heading):
            counts[m.group()] = counts.get(m.group(), 0) + 1
        return counts

    # -- what the article says of a name -------------------------------------------------

    @functools.cached_property
    def _role_index(self) -> dict[str, list[tuple[int, int]]]:
        """Where each role or organisation noun stands in the text, once per document."""
        index: dict[str, list[tuple[int, int]]] = {}
        nouns = _role_nouns()
        for m in _WORD_RUN.finditer(self.text):
            word = m.group().lower()
            if (word in nouns or (word.endswith("s") and word[:-1] in nouns)) and not (
                    _inside_name(self.text, m.start())):
                index.setdefault(word.rstrip("s"), []).append(m.span())
        return index

    def _apposition_genders(self) -> Iterator[tuple[str, str]]:
        """Names set beside a role whose article or form gives the gender (« la
        ministre de la Défense Florence Parly », « Fraser Seitel, son porte-parole »,
        « le directeur X »)."""
        for role, spans in self._role_index.items():
            marked = lexicon.noun_gender(role) or ""
            for start, end in spans:
                gender = marked or _ARTICLE_GENDER.get(
                    (_WORD_BEFORE.search(self.text, max(0, start - 12), start) or _NO_MATCH
                     ).group().lower(), "")
                if not gender:
                    continue
                k = bisect.bisect_left(self._name_starts, end)
                for s, _, name in self._names[k:k + 2]:
                    if not _phrase_gap(self.text[end:s]):
                        break
                    if len(_words(name)) > 1:
                        yield _role_free_tail(name), gender
                        break

    def beside(self, role: str, words: frozenset[str] = frozenset()) -> dict[str, int]:
        """The names the article sets beside ``role`` (« le ministre russe … Sergueï
        Lavrov », « Fraser Seitel, son porte-parole »), by canonical name, with the
        position of the closest pairing. With ``words`` (the other content words of a
        description: « russe » of « le ministre russe »), only pairings whose role
        phrase says one of them count: « le ministre des Affaires étrangères Jorge
        Arreaza » is another minister."""
        out: dict[str, int] = {}
        for start, _end, name, phrase in self._pairings(role):
            if words and not words & phrase:
                continue
            out.setdefault(name, start)
        return out

    def _pairings(self, role: str) -> list[tuple[int, int, str, frozenset[str]]]:
        """Every place a name stands beside ``role``: (start, end, canonical name, the
        content words of the role's phrase), computed once per role."""
        if role in self._pairing_cache:
            return self._pairing_cache[role]
        found = []
        for start, end in self._role_index.get(role, []) + self._role_index.get(
                role.rstrip("s"), []):
            # a name within the role's phrase after it (« le ministre russe des Affaires
            # étrangères Sergueï Lavrov »), else just before it (« X, son porte-parole »,
            # not in a list: « le Président Maduro, le ministre … Jorge Arreaza »)
            k = bisect.bisect_left(self._name_starts, end)
            after = None
            for s, _, name in self._names[k:k + 3]:
                gap = self.text[end:s]
                if not _phrase_gap(gap):
                    break
                if len(_words(name)) > 1 or name.isupper():
                    after = (self.canonical(_role_free_tail(name)), gap)
                    break
            if after is not None:
                found.append((start, end, after[0], frozenset(_content_words(after[1]))))
                continue
            k = bisect.bisect_left(self._name_starts, start) - 1
            if k >= 0:
                s, e, name = self._names[k]
                gap = self.text[e:start]
                tail = self.text[end:end + CONTEXT_CHARS]
                tail = _PHRASE_END.split(tail, maxsplit=1)[0]
                if gap.lstrip().startswith(",") and len(gap) < 25 and "\n" not in gap:
                    found.append((start, end, self.canonical(name),
                                  frozenset(_content_words(tail))))
        self._pairing_cache[role] = found
        return found

    def context_words(self, ent: Entity) -> set[str]:
        """Content words within :data:`CONTEXT_CHARS` of the first places ``ent`` is
        named (cached until it is named again)."""
        key = (id(ent), len(ent.occurrences))
        if key not in self._context_cache:
            words: set[str] = set()
            for pos in ent.occurrences[:CONTEXT_PLACES]:
                words |= _content_words(self.text[max(0, pos - CONTEXT_CHARS):
                                                  pos + len(ent.name) + CONTEXT_CHARS],
                                        exclude=ent.name)
            self._context_cache[key] = words
        return self._context_cache[key]


@functools.lru_cache(maxsize=1024)
def _head_pattern(head: str) -> regex.Pattern[str]:
    """``head`` as a word, with its article (« la police », « l'Ordre »)."""
    return regex.compile(
        rf"(?<![\p{{L}}'’])(?:(?i:le|la|les)[ \u00a0]+|(?i:l)['’])?{regex.escape(head)}")


@functools.cache
def _fuller_tail() -> regex.Pattern[str]:
    """What makes a head a fuller form: up to three adjectives (words with an ending of
    ``[adjective-endings]``) and a complement that ends on capitalised words (« de l'État
    de Victoria »), at least one of the two. Compiled once (the adjective endings make it
    a large pattern); each head is matched by :func:`_head_pattern` and this after it."""
    endings = "|".join(sorted(lexicon.words("adjective-endings"), key=lambda e: (-len(e), e)))
    adjective = rf"\p{{Ll}}[\p{{Ll}}-]{{2,}}(?:{endings})s?(?![\p{{L}}-])"
    name = r"\p{Lu}[\p{L}-]+(?:[ \u00a0]+(?:(?:de|du|des|d['’])[ \u00a0]*)?\p{Lu}[\p{L}-]+){0,3}"
    # a common noun's complement may come before the name's (« la cour d'appel de Paris »,
    # « le tribunal de grande instance de Lyon »)
    common = (rf"(?:[ \u00a0]+(?:de|du|des|d['’])[ \u00a0]*(?:{adjective}[ \u00a0]+)?"
              rf"\p{{Ll}}[\p{{Ll}}-]{{2,}})?")
    complement = (rf"{common}[ \u00a0]+(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|de|du|des|d['’])"
                  rf"[ \u00a0]*(?:la[ \u00a0]+|l['’]|le[ \u00a0]+)?{name}")
    return regex.compile(rf"(?:(?:[ \u00a0]+{adjective}){{1,3}}(?:{complement})?|{complement})")


# A name after a preposition of place (« en Syrie », « à Varsovie », « aux États-Unis »).
_PLACED = regex.compile(r"(?i)(?<![\p{L}])(?:à|au|aux|en|dans|vers|depuis)[ \u00a0]+$")
# The gender an article or a demonstrative before a role noun gives it.
_ARTICLE_GENDER = {"le": "Masc", "un": "Masc", "ce": "Masc", "cet": "Masc", "du": "Masc",
                   "au": "Masc", "son": "", "la": "Fem", "une": "Fem", "cette": "Fem"}
_NO_MATCH = regex.match(r"", "")

_LAST_NAME_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*")


# What may stand before a name that opens a clause: the start of a line, the end of a
# sentence or of a quote, a dash, a comma, a coordinator or a sequence adverb.
_CLAUSE_BEFORE = regex.compile(r"(?:\n|[.!?;:»]\s*|—\s*|,\s+|\b(?:et|puis|mais|alors|Puis|"
                               r"Mais|Alors|Et)\s+)\Z")
# A lower-case word after a name: the name is the subject of a verb that follows.
_LOWER_NEXT = regex.compile(r"\s+\p{Ll}")


def _clause_openings(text: str, name: str) -> Iterator[int]:
    """Where ``name`` opens a clause as its subject (« Bouvard reprit », « , et Rachel
    dit »): the positions of the name with a clause opening before it and a lower-case
    word after it."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (_LOWER_NEXT.match(text, end)
                and (at == 0 or _CLAUSE_BEFORE.search(text, max(0, at - 40), at))):
            yield at
        at = text.find(name, end)


# A run of letters and hyphens: a whole word (« porte-parole »), as the role nouns are.
_WORD_RUN = regex.compile(r"[\p{L}-]+")


@functools.cache
def _role_nouns() -> frozenset[str]:
    """The role and organisation nouns of the lexicon, lower-cased (each one word of
    letters and hyphens: a plural is the noun and an ``s``)."""
    return frozenset(n.lower() for n in set(lexicon.role_nouns()) | lexicon.group_nouns()
                     | lexicon.words("organisation-nouns"))


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


@attrs.frozen
class LinkContext:
    """The state of the article at a mention: the speakers by recency (entity id ->
    rank, 0 the last one quoted), where the last main-clause subject was named, where the
    mention's sentence starts."""

    speaker_rank: dict[int, int]
    last_subject: int
    sentence_start: int
    #: persons by how often the article named them before the mention (id -> rank)
    salience: dict[int, int] = attrs.Factory(dict)
    #: how many full names of persons the article gave before the mention
    full_names: int = 0
    #: whether the article sets the description's role beside a name somewhere
    beside_role: bool = False


def link_features(resolver: Resolver, mention: Mention, position: int, ent: Entity,
                  rank: int, ctx: LinkContext) -> dict[str, float]:
    """The features of linking ``mention`` (a pronoun or a description at ``position``)
    to the entity ``ent``, the ``rank``-th most recently named candidate.

    By name (``m=`` is the mention's type, crossed with the main features):

    - ``self``: the option of a description naming itself, with ``self&det=`` (its
      determiner class: definite, indefinite, possessive, demonstrative), ``self&role``,
      ``self&body-noun``, ``self&proper-complement`` (« le maire de Tignes »);
    - ``rank<=N``: recency among the candidates; ``gap<=N``: characters since the
      entity was last named; ``speaker-rank<=N``, ``spoke``: whether and
      how recently it was quoted; ``continues``: quoted last, less than
      :data:`CONTINUATION_CHARS` before; ``last-subject``: the last main-clause subject;
      ``same-sentence``: named earlier in the mention's sentence; ``named-after``,
      ``named-soon-after``: first named after the mention, named again within
      :data:`CATAPHORA_CHARS` after it;
    - ``kind=K``: person, body, group, name (not known which) or description;
      ``place``: mostly named after a preposition of place (« en Syrie »);
      ``full-name``: a name of several words; ``gender=agree|clash|unknown``,
      ``number=agree|clash``;
    - ``beside``: the article sets the description's role beside the entity's name;
      ``prior`` (added by the resolver): the option a reader's rule of thumb picks
      (:meth:`Resolver._prior`);
      ``shared-words<=N``: content words of the description found where the entity is
      named or said of it; ``unshared-modifiers``: the description's other words
      (« australienne ») are nowhere in what the article says of the entity;
      ``same-role``: the article gave it the description's role
      before (periphrases included: « le chef de la diplomatie » is a ``ministre``),
      ``continues&same-role``; ``named<=N``: how often the article names it.
    """
    m = f"m={mention.kind}"
    f: dict[str, float] = {m: 1.0}
    if ent.kind == "description" and not ent.occurrences:
        f["self"] = 1.0
        det = _determiner_class(mention.determiner)
        f[f"self&det={det}"] = 1.0
        if mention.head in lexicon.role_nouns():
            f["self&role"] = 1.0
        if mention.head in lexicon.words("organisation-nouns") or (
                mention.head in lexicon.group_nouns()):
            f["self&body-noun"] = 1.0
        if _PROPER_COMPLEMENT.search(mention.text):
            f["self&proper-complement"] = 1.0
        if mention.plural:
            f["self&plural"] = 1.0
        # is there someone else the description could be? (« le ministre » in an article
        # that names a minister; « le boxeur » in an article about one boxer)
        f[f"self&persons{_bucket(ctx.full_names, (0, 1, 3))}"] = 1.0
        if ctx.beside_role:
            f["self&role-beside-a-name"] = 1.0
        return f
    f[f"rank{_bucket(rank, (0, 1, 2, 4))}"] = 1.0
    f[f"{m}&rank{_bucket(rank, (0, 1, 2, 4))}"] = 1.0
    f[f"kind={ent.kind}"] = 1.0
    f[f"{m}&kind={ent.kind}"] = 1.0
    if mention.kind == "description":
        f[f"head={_head_class(mention.head)}&kind={ent.kind}"] = 1.0
    if ent.kind in ("person", "name") and ctx.salience.get(id(ent)) == 0:
        f["most-named-person"] = 1.0
        f[f"{m}&most-named-person"] = 1.0
    last = ent.last_before(position)
    if last is not None:
        f[f"gap{_bucket(position - last, (80, 300, 1000, 3000))}"] = 1.0
    else:
        f["named-after"] = 1.0  # first named after the mention
        f[f"{m}&named-after"] = 1.0
    k = bisect.bisect_right(ent.occurrences, mention.end)
    if k < len(ent.occurrences) and ent.occurrences[k] < mention.end + CATAPHORA_CHARS:
        # named (again) right after: « selon les déclarations du ministre russe. « … »,
        # a annoncé Sergueï Lavrov »
        f["named-soon-after"] = 1.0
        f[f"{m}&named-soon-after"] = 1.0
    srank = ctx.speaker_rank.get(id(ent))
    if srank == 0:
        spoke_at = ent.last_before(position, ent.speaker_at)
        if spoke_at is not None and position - spoke_at < CONTINUATION_CHARS:
            # the one quoted just before: « … », a annoncé Sergueï Lavrov. « … », a
            # précisé le chef de la diplomatie russe
            f["continues"] = 1.0
            f[f"{m}&continues"] = 1.0
    if srank is not None:
        f["spoke"] = 1.0
        f[f"speaker-rank{_bucket(srank, (0, 1, 2))}"] = 1.0
        f[f"{m}&speaker-rank{_bucket(srank, (0, 1, 2))}"] = 1.0
    subject = ent.last_before(position, ent.subject_at)
    if subject is not None and subject == ctx.last_subject:
        f["last-subject"] = 1.0
        f[f"{m}&last-subject"] = 1.0
    if last is not None and last > ctx.sentence_start:
        f["same-sentence"] = 1.0
    if mention.gender and ent.gender:
        f["gender=agree" if mention.gender == ent.gender else "gender=clash"] = 1.0
    else:
        f["gender=unknown"] = 1.0
    f["number=agree" if mention.plural == ent.plural else "number=clash"] = 1.0
    f[f"named{_bucket(len(ent.occurrences), (1, 3, 8))}"] = 1.0
    if ent.placed * 2 >= max(len(ent.occurrences), 1):
        f["place"] = 1.0
    if ent.kind in ("person", "name") and len(_words(ent.name)) > 1:
        f["full-name"] = 1.0
    if mention.kind == "description":
        words = _content_words(mention.text) - {mention.head}
        if ent.name in resolver.beside(mention.head, frozenset(words)):
            f["beside"] = 1.0
        if words and not words & (ent.words | _content_words(ent.name)
                                  | resolver.context_words(ent)):
            # « La police australienne » is not « la police de l'État de Victoria »
            f["unshared-modifiers"] = 1.0
        shared = len(words & (ent.words | resolver.context_words(ent)))
        f[f"shared-words{_bucket(shared, (0, 1, 2))}"] = 1.0
        if _roles_of(mention) & ent.words:
            f["same-role"] = 1.0
            if "continues" in f:
                f["continues&same-role"] = 1.0
    return f


def _phrase_gap(gap: str) -> bool:
    """Can ``gap`` stand between a role noun and a name inside one noun phrase (« le
    ministre russe des Affaires étrangères », « la porte-parole de la Maison-Blanche, »)?
    Short, no sentence punctuation, no verb of the lexicon's (« L'armée annonce avoir
    tué Abou … »: a verb, so another phrase)."""
    if len(gap) > CONTEXT_CHARS or any(c in gap for c in ".;:!?«»()\n"):
        return False
    words = [w.lower() for w in _GAP_WORD.findall(gap)]
    if len(words) > 6:
        return False
    auxiliaries = lexicon.words("auxiliary-forms")
    # « accusée par Nicolas Sarkozy », « à commencer par Bruno Le Maire »: a name after
    # a preposition such as « par » is another participant, not the role's holder
    if any(w in lexicon.words("not-apposition-prepositions") for w in words):
        return False
    return not any(w in auxiliaries or lexicon.lemmas_for_form(w) for w in words)


def _inside_name(text: str, start: int) -> bool:
    """Is the capitalised word at ``start`` part of a name (« Bruno Le Maire »: after a
    capitalised word, or after a capitalised article that follows one)?"""
    if not text[start:start + 1].isupper():
        return False
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    last: str = before.group("last")
    first: str | None = before.group("first")
    if not last[0].isupper():
        return False
    if last.lower() in lexicon.words("determiners") | lexicon.words("name-particles"):
        return first is not None and first[0].isupper()
    return True


_WORDS_BEFORE = regex.compile(r"(?:(?P<first>[\p{L}-]+)[ \u00a0]+)?(?P<last>[\p{L}'’-]+)"
                              r"(?:[ \u00a0]+|(?<=['’]))$")


_GAP_WORD = regex.compile(r"[\p{L}'’-]+")

_PROPER_COMPLEMENT = regex.compile(r"\b(?:de|du|des|d['’])\s+(?:la\s+|l['’]|le\s+)?\p{Lu}")


def _covered(words: Sequence[str], fuller: Sequence[str]) -> bool:
    """Is every word of a name among those of a fuller one, an initial standing for a
    word it begins (« N. Belloubet » in « Nicole Belloubet »)?"""
    rest = set(fuller)
    for word in words:
        if word in rest:
            continue
        if len(word) == 2 and word.endswith(".") and any(w.startswith(word[0]) for w in rest):
            continue
        return False
    return True


def _may_name(mention: Mention, ent: Entity) -> bool:
    """Can ``mention`` name ``ent`` at all? A role (« le ministre ») names a person, a
    body noun (« la police », « le gouvernement ») a body or a group; a singular
    personal pronoun (« il », « elle ») names no group. Agreement the sieve enforces
    before the model weighs the rest."""
    if mention.kind == "description":
        cls = _head_class(mention.head)
        if cls == "role" and ent.kind in ("body", "group"):
            return False
        if cls == "body" and ent.kind == "person":
            return False
        if cls != "other" and ent.kind == "description" and ent.head and _head_class(
                ent.head) == "other":
            return False  # « les autorités » never take up « ces essais nucléaires »
    if mention.kind == "pronoun" and not mention.plural and ent.kind == "group":
        return False
    return True


def _adjectives_only(phrase: str) -> bool:
    """Is every lowercase word after the head of ``phrase`` free of the lexicon's verb
    forms (« l'ESA indique » is a clause, not « l'ESA » in full)?"""
    words = [w.lower() for w in _GAP_WORD.findall(phrase)[1:]]
    function = (lexicon.words("auxiliary-forms") | lexicon.words("never-names")
                | lexicon.words("description-stopwords"))
    return not any(w in function or lexicon.lemmas_for_form(w) for w in words)


def _roles_of(mention: Mention) -> set[str]:
    """The role nouns a description says, its head and what its periphrases stand for
    (« le chef de la diplomatie russe »: ``chef`` and ``ministre``)."""
    roles = {mention.head} if mention.head else set()
    low = mention.text.lower().replace("’", "'")
    roles |= {role for phrase, role in lexicon.role_phrases().items() if phrase in low}
    return roles


def _head_class(lemma: str) -> str:
    """What a description's head noun says of its referent: a ``role`` (a person), a
    ``body`` (an organisation or a group that speaks), or ``other``."""
    if lemma in lexicon.role_nouns():
        return "role"
    if lemma in lexicon.group_nouns() or lemma in lexicon.words("organisation-nouns"):
        return "body"
    return "other"


def _determiner_class(word: str) -> str:
    word = word.lower()
    if word in ("le", "la", "les", "l'", "l’"):
        return "definite"
    if word in ("un", "une", "des", "plusieurs", "certains", "certaines", "diverses", "divers"):
        return "indefinite"
    if word in ("son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"):
        return "possessive"
    if word in ("ce", "cet", "cette", "ces"):
        return "demonstrative"
    return "other"


def _acronyms(text: str, names: Sequence[tuple[int, int, str]]) -> dict[str, str]:
    """The acronyms the article defines, with their expansion: « la Gendarmerie royale
    du Canada (GRC) » (the words before the parenthesis whose initials spell it) and
    « le CNCC (Conseil national des centres commerciaux) »."""
    out: dict[str, str] = {}
    for m in _DEFINED_BEFORE.finditer(text):
        acr, long = m.group("acr"), m.group("long").strip()
        if _initials(long).startswith(_capitals(acr)[:2]):
            out.setdefault(acr, long)
    for m in _DEFINED_AFTER.finditer(text):
        acr = m.group("acr")
        letters = _capitals(acr)
        words = [w.group() for w in _WORD_BEFORE.finditer(text, max(0, m.start() - 120),
                                                           m.start())]
        # the shortest run of words before the parenthesis whose initials spell it
        for k in range(1, min(len(words), 10) + 1):
            run = list(reversed(words[:k]))
            if _initials(" ".join(run)) == letters:
                out.setdefault(acr, " ".join(run))
                break
    return out


_ACRONYM_WORD = regex.compile(r"(?:\p{Lu}\.?){2,}\p{Ll}{0,3}\.?|(?:\p{Lu}\.){1,}\p{Lu}")


def _fold_acronym(acronym: str) -> str:
    """An acronym's letters for comparison: capitals, no dots, no accents (« E.I. »,
    « ÉI » -> ``EI``; « FFtri », « FFTri » -> ``FFTRI``)."""
    letters = unicodedata.normalize("NFKD", acronym.replace(".", "").upper())
    return "".join(c for c in letters if c.isalpha())


@functools.cache
def _initial_stopwords() -> frozenset[str]:
    return lexicon.words("description-stopwords") | lexicon.words("acronym-stopwords")


_SPELT_WORD = regex.compile(r"[\p{L}][\p{L}-]*")
#: The longest acronym read as the initials of words the article writes.
SPELT_MAX_LETTERS = 6


def _spellings(text: str) -> dict[str, set[str]]:
    """Every phrase of ``text`` that opens on a capitalised word, by the initials of its
    content words (stop words skipped): « l'État islamique » under ``EI``. One pass over
    the text, at most :data:`SPELT_MAX_LETTERS` words from each capital."""
    stop = _initial_stopwords()
    words = [(m.start(), m.end(), m.group()) for m in _SPELT_WORD.finditer(text)]
    out: dict[str, set[str]] = {}
    for k, (start, _, w) in enumerate(words):
        if not w[0].isupper() or len(w) < 3:
            continue
        letters = _fold_acronym(w[0])
        at = k + 1
        while len(letters) < SPELT_MAX_LETTERS and at < len(words):
            _, e2, nxt = words[at]
            at += 1
            if nxt.lower() in stop:
                continue
            if len(nxt) < 3:
                break
            letters += _fold_acronym(nxt[0])
            out.setdefault(letters, set()).add(text[start:e2])
    return out


def _capitals(acronym: str) -> str:
    return "".join(c for c in acronym if c.isupper())


def _initials(phrase: str) -> str:
    """The initials of the content words of a phrase, in capitals (« Conseil national
    des centres commerciaux » -> ``CNCC``)."""
    stop = _initial_stopwords()
    out = []
    for word in _SPACES.split(phrase):
        word = _ELISION.sub("", word)
        if word and word.lower() not in stop and word[0].isalpha():
            out.append(word[0].upper())
    return "".join(out)


def _body_subjects(sent: Sentence, text: str) -> Iterator[tuple[str, int]]:
    """Singular bodies that are the subject of a main verb (« L'armée turque a
    affirmé … », « La police indique … »): what a later « elle » or « l'armée » takes up."""
    for tok in sent.tokens:
        verb = sent.head_of(tok)
        if (tok.base_deprel == "nsubj" and tok.upos == "NOUN"
                and tok.feat("Number") != "Plur" and verb is not None and verb.head < 0
                and tok.lemma.lower() in lexicon.group_nouns()):
            phrase = mention_tokens(sent, tok, avoid=(verb.i,))
            yield text[phrase[0].start:phrase[-1].end], phrase[0].start


def _bodies(sent: Sentence, standing: dict[int, int], text: str) -> Iterator[tuple[str, int]]:
    """Bodies the parser names in ``sent`` (``ORG`` entities, with their complements:
    « la Cour pénale internationale »), and their position."""
    run: list[Token] = []
    for tok in [*sent.tokens, None]:
        if tok is not None and tok.ent == "ORG" and tok.i not in standing:
            run.append(tok)
            continue
        if run:
            name = text[run[0].start:run[-1].end].strip()
            if len(name) > 1 and not name.isdigit():
                yield name, run[0].start
            run = []


_HYPHEN_TAIL = regex.compile(r"[-‐]\p{Lu}[\p{L}'’]*(?:[-‐]\p{L}[\p{L}'’]*)*")
_CONTRACTED = regex.compile(r"(?i)(?<![\p{L}])(du|des|au|aux)[ \u00a0]+$")
_INVERTED_PRONOUN = regex.compile(r"-(?:t-)?(?P<p>il|elle|ils|elles|on)$", regex.IGNORECASE)


def _core(tokens: Sequence[Token], head: Token | None) -> Token | None:
    """The last word of a description before what fiction adds to its incise: a
    gerund (« l'aveugle en passant ses doigts … »), a participle or adjective set off
    by a comma (« la maîtresse, un peu bourrue », « M. de Courville, impatienté »), or
    a participle right after the noun (« la servante ébahie », « le postillon à demi
    débotté »). The person is the noun; the rest says how they spoke. None when
    nothing follows the head noun but its complements."""
    if head is None or head.upos not in ("NOUN", "ADJ"):
        return None
    after = [t for t in tokens if t.i > head.i]
    for k, tok in enumerate(after):
        nxt = after[k + 1] if k + 1 < len(after) else None
        gerund = tok.text.lower() == "en" and nxt is not None and nxt.upos == "VERB"
        aside = tok.text == "," and nxt is not None and (
            nxt.upos in ("ADJ", "VERB", "ADV") or nxt.feat("VerbForm") == "Part")
        # a bare participle (« ébahie »), not a reduced relative with dependents of its
        # own (« le communiqué rédigé par les organisateurs »)
        participle = k == 0 and tok.feat("VerbForm") == "Part" and not any(
            t.head == tok.i for t in tokens)
        halfway = k == 0 and tok.text.lower() == "à" and nxt is not None and nxt.upos == "ADV"
        if gerund or aside or participle or halfway:
            kept = [t for t in tokens if t.i < tok.i]
            return kept[-1] if kept else None
    return None


_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
# how a word may hang from the head noun of a body's name, or from a word of it: an
# adjective, a complement (« de », « aux », « pour »: ``body-name-prepositions``), the
# words of a flat name, a coordination inside a complement (« de la statistique et des
# études économiques »)
_NAME_RELATIONS = frozenset({"amod", "nmod", "case", "det", "flat", "fixed", "compound",
                             "nummod", "conj", "cc"})


def _body_name(tokens: Sequence[Token], head: Token, original: str, name_start: int) -> str:
    """The name of a body whose head noun is capitalised: the head and the words after it
    that belong to its name, read off the tree; what is coordinated with the head itself
    (« l'AFP et l'Autorité »), a relative clause or an apposition ends it."""
    by_i = {t.i: t for t in tokens}
    preps = lexicon.words("body-name-prepositions")
    times = lexicon.words("time-nouns")

    def named_part(t: Token) -> bool:
        cur = t
        while True:
            if cur.base_deprel not in _NAME_RELATIONS or (
                    cur.base_deprel == "case" and cur.text.lower() not in preps) or (
                    cur.text in times):
                return False  # « l'ONU lundi »: when, not who (« du Dimanche » is a name)
            if cur.head == head.i:
                return cur.base_deprel not in ("conj", "cc")  # another source
            if cur.head not in by_i:
                return False
            cur = by_i[cur.head]

    last = head
    for t in tokens:
        if t.i <= head.i:
            continue
        if not named_part(t) or t.upos == "PUNCT":
            break
        last = t
    whole = original[name_start:last.end]
    while whole and whole.split()[-1].lower() in _DANGLING:
        whole = whole.rsplit(None, 1)[0] if " " in whole else ""
    return whole


_DANGLING = _ARTICLES | {"de", "du", "des", "d'", "d’", "et", "à", "au", "aux", "pour"}


def holder(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Who holds the words a mention names, when it names words rather than people
    (``saying-nouns``): « l'avis de Fottorino » -> « Fottorino », « un communiqué de
    Turkey Blocks » -> « Turkey Blocks », « le dernier rapport de l'ONU » -> « l'ONU ».
    Empty when the mention names a source itself or says nobody's words it carries."""
    head = _head(tokens)
    if head is None or head.upos != "NOUN" or head.lemma.lower() not in (
            lexicon.words("saying-nouns") | lexicon.words("document-nouns")):
        return ()
    ids = {t.i: t for t in tokens}
    of = lexicon.words("acronym-stopwords")
    # the author is someone: a name, or a person's or a body's noun (not « la première
    # version du texte »)
    owner = next((t for t in tokens if t.head == head.i and t.base_deprel == "nmod"
                  and (t.upos == "PROPN" or t.text[:1].isupper()
                       or t.lemma.lower() in lexicon.role_nouns()
                       or t.lemma.lower() in lexicon.words("organisation-nouns")
                       or t.lemma.lower() in lexicon.group_nouns()) and any(
                      c.head == t.i and c.base_deprel == "case" and c.text.lower() in of
                      for c in tokens)), None)
    if owner is None:
        return ()

    def under(u: Token) -> bool:
        cur = u
        while cur.i != owner.i:
            if cur.head not in ids or cur.head == head.i:
                return False
            cur = ids[cur.head]
        return True

    part = [u for u in tokens if under(u) and not (u.base_deprel == "case"
                                                   and u.head == owner.i)]
    while part and part[-1].upos == "PUNCT":
        part.pop()
    return tuple(part)


def conjuncts(tokens: Sequence[Token]) -> list[tuple[Token, ...]]:
    """The sources a coordinated mention names, each as its own words (« l'AFP et
    l'Autorité des technologies », « L'Autriche et, surtout, l'Allemagne », « Thierry et
    Véronique Roy »); empty when the mention names one source. Only nouns joined by a
    coordinator of ``source-coordinators`` count: « ou » offers a choice, not two
    sources."""
    head = _head(tokens)
    if head is None or head.upos not in ("NOUN", "PROPN"):
        return []
    ids = {t.i: t for t in tokens}
    joined = lexicon.words("source-coordinators")
    # a conjunct names a source: a proper noun or a noun with its determiner; a bare
    # noun is a second role of the same person (« X, astronome … et coauteur de l'étude »)
    heads = [t for t in tokens if t.head == head.i and t.base_deprel == "conj"
             and (t.upos == "PROPN" or (t.upos == "NOUN" and (t.text[:1].isupper() or any(
                 c.head == t.i and c.base_deprel == "det" for c in tokens))))
             and any(c.head == t.i and c.base_deprel == "cc" and c.text.lower() in joined
                     for c in tokens)]
    if not heads:
        return []

    conjunct_heads = {h.i for h in heads}

    def top(t: Token) -> int:
        """The conjunct ``t`` belongs to (``head.i`` for the first)."""
        cur = t
        while cur.head in ids and cur.head != head.i:
            cur = ids[cur.head]
        return cur.i if cur.i in conjunct_heads else head.i

    parts: list[tuple[Token, ...]] = []
    for h in (head, *heads):
        part = [t for t in tokens if top(t) == h.i and (t.i == h.i or t.head != head.i
                                                         or h is not head)]
        while part and (part[0].base_deprel in ("cc", "punct", "advmod") and part[0] is not h):
            part = part[1:]
        while part and part[-1].upos == "PUNCT":
            part = part[:-1]
        if part:
            parts.append(tuple(part))
    return parts if len(parts) > 1 else []


def _head(tokens: Sequence[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head not in ids:
            return t
    return tokens[0] if tokens else None


def _proper_run(tokens: Sequence[Token], original: str) -> tuple[str, int]:
    """The proper name in a mention: the run of proper-noun words (with their particles)
    that names a person if one does (``Le Président des États-Unis Donald Trump`` ->
    ``Donald Trump``), else the longest, as written in the text (``Michel-Ange``)."""
    of_words = lexicon.words("complement-prepositions")
    particles = lexicon.words("name-particles")
    runs: list[list[Token]] = []
    run: list[Token] = []
    skipping = False
    for n, t in enumerate(tokens):
        # a capitalised word the tagger took for a noun (« Le Dauphiné », « iTELE », the
        # acronym « CHRU »), past the mention's first word (a sentence's capital)
        capital = n > 0 and t.upos in ("NOUN", "ADJ", "X") and (
            t.text[:1].isupper() or (len(t.text) > 2 and any(c.isupper() for c in t.text[1:])))
        is_name = t.upos == "PROPN" or capital or (
            t.ent in ("PER", "ORG", "LOC") and t.text[:1].isupper())
        # A name after « de » is a complement of the description, not who it is:
        # « le ministre russe des Affaires étrangères », « le secrétaire général de la
        # CGT », « soutien de Benoît Hamon », « un porte-parole d'A. Barrow, Halifa
        # Sannah » (-> Halifa Sannah).
        after_de = (not run and n > 0 and tokens[n - 1].text.lower() in of_words) or (
            not run and n > 1 and tokens[n - 1].upos == "DET"
            and tokens[n - 2].text.lower() in of_words)
        # ... until a person's name begins (« le président de la Catalogne Carles
        # Puigdemont »: the region, then the man)
        person_starts = t.ent == "PER" and n > 0 and tokens[n - 1].ent != "PER"
        skipping = is_name and (after_de or skipping) and not (skipping and person_starts)
        if is_name and t.text.lower() not in lexicon.titles() and not skipping:
            run.append(t)
        elif run and t.text.lower() in particles:
            run.append(t)
        else:
            runs.append(_trim(run))
            run = []
    runs.append(_trim(run))
    runs = [r for r in runs if r]
    if not runs:
        return "", -1
    people = [r for r in runs if any(t.ent == "PER" for t in r)]
    best = people[-1] if people else max(runs, key=len)
    # « Le Français Camille Lacourt », « Médias Nestor Bankumukunzi »: capitalised nouns
    # before the person's own name are not part of it
    if any(t.ent == "PER" for t in best):
        while len(best) > 1 and best[0].ent != "PER":
            best = best[1:]
    else:
        # an institution keeps its article: « la Mairie », « le Pentagone »
        before = tokens.index(best[0]) - 1
        if before >= 0 and tokens[before].text.lower() in ("le", "la", "les", "l'", "l’"):
            best = [tokens[before], *best]
    return original[best[0].start:best[-1].end], best[0].start


def _trim(run: list[Token]) -> list[Token]:
    while run and not run[-1].text[:1].isupper():
        run = run[:-1]
    while run and (run[0].text.lower() in lexicon.role_nouns()
                   or run[0].text.lower() in lexicon.titles()):
        run = run[1:]
    return run


def _content_words(text: str, exclude: str = "") -> set[str]:
    """Lowercase content words of a description: what makes it recognisable."""
    skip = {w.lower() for w in _words(exclude)}
    stop = lexicon.words("description-stopwords")
    return {w for w in (m.group().lower() for m in _CONTENT_WORD.finditer(text))
            if w not in stop and w not in skip}


_SPACES = regex.compile(r"[\s\u00a0]+")


def _fold_name(name: str) -> str:
    """A name's spelling for comparison: lowercase, without a leading article."""
    words = name.lower().replace("’", "'").split()
    if words and words[0] in ("le", "la", "les"):
        words = words[1:]
    elif words and words[0].startswith("l'"):
        words[0] = words[0][2:]
    return " ".join(words)


def _role_free_tail(name: str) -> str:
    """The name after the last role, title or particle-joined complement of a capitalised
    sequence: « Président des États-Unis Donald Trump » -> « Donald Trump »."""
    words = name.split()
    # a role word that ends the sequence after a particle is part of the name
    # (« Bruno Le Maire », « Jean-Marie Le Pen »)
    roles = [n for n, w in enumerate(words)
             if (w.lower() in lexicon.role_nouns() or w.lower().rstrip(".") in lexicon.titles())
             and not (n == len(words) - 1 and n > 0 and words[n - 1].lower() in ("le", "la"))]
    if not roles or roles[-1] == len(words) - 1:
        return name
    tail = words[roles[-1] + 1:]
    # the role's complement: « des États-Unis », « du Travail », « de la Défense »
    if len(tail) > 2 and tail[0].lower() in ("de", "des", "du", "d'", "d’"):
        skip = 3 if tail[1].lower() in ("la", "l'", "l’") and len(tail) > 3 else 2
        tail = tail[skip:]
    return " ".join(tail)


def _words(name: str) -> list[str]:
    return [w for w in _SPACES.split(name.strip()) if w
            and w.lower().rstrip(".") not in lexicon.titles()]


def _strip_titles(name: str) -> str:
    words = name.split()
    while words and (words[0].lower().rstrip(".") in lexicon.titles()
                     or words[0].lower() in lexicon.role_nouns()):
        words.pop(0)
    return " ".join(words)


def _name_inventory(text: str) -> dict[str, int]:
    """Every capitalised word sequence of the text (titles stripped), with its first
    position.

    A sentence starts with a capital whatever its first word: a leading word that the
    text also writes in lowercase is a common word, not part of a name (« Quand Noël »,
    « Ceux de Pécuchet », « Pauvre Fifi » give Noël, Pécuchet, Fifi)."""
    lowercase = set(_LOWER_WORD.findall(text))
    names: dict[str, int] = {}
    for m in _NAME.finditer(text):
        name = _common_words_off(m.group(), lowercase)
        if name and name not in names:
            names[name] = m.start()
    return names


# Subject pronouns as a narrative takes a character up: « Douce … Elle », « dit-il ».
# The impersonal « il » of « il y a », « il faut », « il semblait » is nobody.
_SUBJECT_PRONOUN = regex.compile(
    r"(?<![\p{L}'’])(?:-t-|-)?(?P<p>il|elle|Il|Elle)(?!\p{L})"
    r"(?!\s+(?:y\b|fa(?:u|ll)|sembl|s['’]agi|suffi|import|para[iî]t|me\s+sembl|ne\s+fa))")


def masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces (offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def learned_genders(text: str) -> dict[str, str]:
    """The gender of one-word names, learned from the pronouns that follow them.

    Fiction gives its characters a first name and no title (« Douce », « Clarimonde »,
    « Rachel »), and a narrative names a character, then takes it up with « il » or
    « elle » in the next clauses (« Douce hésita … Elle ne répondit pas »). Counting
    the subject pronouns between each mention of a name and the next name gives the
    character's gender when one side clearly wins. A capitalised word that only opens
    sentences (« Jamais ») is no name, and a place (« à Paris », « aux Halles ») is
    mostly after a preposition.
    """
    found = [(m.start(), m.end(), m.group()) for m in _NAME.finditer(text)
             if " " not in m.group() and len(m.group()) > 2
             and lexicon.pronoun(m.group().lower()) is None]
    inside: dict[str, int] = {}
    placed: dict[str, int] = {}
    for start, _, word in found:
        before = text[max(0, start - 12):start]
        if not _SENTENCE_START_BEFORE.search(before):
            inside[word] = inside.get(word, 0) + 1
        if _PLACE_BEFORE.search(before):
            placed[word] = placed.get(word, 0) + 1
    seen: dict[str, int] = {}
    for _, _, word in found:
        seen[word] = seen.get(word, 0) + 1
    names = {w for w, n in inside.items() if n >= 2 and placed.get(w, 0) * 3 <= seen[w]}
    mentions = [(start, end, word) for start, end, word in found if word in names]
    votes: dict[str, list[int]] = {}
    for k, (_, end, word) in enumerate(mentions):
        stop = mentions[k + 1][0] if k + 1 < len(mentions) else len(text)
        # the first pronoun after the name is the likeliest to take it up
        m = _SUBJECT_PRONOUN.search(text, end, min(stop, end + 200))
        if m is not None:
            tally = votes.setdefault(word, [0, 0])
            tally[m.group("p").lower() == "elle"] += 1
    out = {}
    for word, (masc, fem) in votes.items():
        if masc >= 2 and masc >= 2 * fem:
            out[word] = "Masc"
        elif fem >= 2 and fem >= 2 * masc:
            out[word] = "Fem"
    return out


_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:le|la|les|l['’])[ \u00a0]*$")


def _demonym_off(name: str) -> str:
    """A capitalised word set before a person's first and last names after an article is
    what they are, not their name: « le Français Jimmy Vicaut », « la Slovène Tina
    Trstenjak », « la Catalogne Carles Puigdemont » -> the last two words."""
    words = name.split()
    if len(words) >= 3 and all(w[:1].isupper() for w in words[:3]) and "-" not in words[0]:
        return " ".join(words[1:])
    return name


def _common_words_off(name: str, lowercase: set[str]) -> str:
    """``name`` without leading titles and leading words the text also writes in
    lowercase (« En Haute-Normandie » -> « Haute-Normandie »)."""
    words = _strip_titles(name).split()
    particles, determiners = lexicon.words("name-particles"), lexicon.words("determiners")
    never = lexicon.words("never-names")  # « Celui de Bouvard », « Quelquefois Bouvard »
    while words and (words[0].lower() in lowercase or words[0].lower() in particles
                     or words[0].lower() in determiners or words[0].lower() in never):
        words.pop(0)
    return " ".join(words)


_LOWER_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*")


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
            before = sent[run[0].i - 1].text if run[0].i > 0 else ""
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

