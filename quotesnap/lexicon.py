"""French language data: speech verbs, multi-word cues, source prepositions, titles, role
nouns and pronouns.

The words live in commented plain-text files in ``quotesnap/data/`` (spaCy's habit of
keeping language data apart from algorithms); this module parses them on first use,
never at import time, and caches the result. The file formats are described at the top of
each file:

- ``speech_verbs.txt``: one speech-verb lemma a line with its class, the surface stems of
  its inflected forms, and whether it is ambiguous or pronominal;
- ``speech_cues.txt``: multi-word cues (``faire valoir``, ``mettre en garde``) and the
  prepositions that introduce a source (``selon``, ``d'après``, ``pour``);
- ``titles.txt``: honorifics before a name (``M.``, ``Mme``, ``le général``);
- ``roles.txt``: role nouns (``ministre``, ``porte-parole``) and group nouns
  (``gouvernement``, ``police``);
- ``pronouns.txt``: pronouns with person, gender and number, and whether they can be a
  source;
- ``gender.txt``: what marks a person's gender (determiners, agreement endings, nouns for
  people that say it or say nothing), one ``[section]`` each, read with
  :func:`gender_words`;
- ``words.txt``: the small closed lists the rules test words against (object clitics,
  impersonal verbs, nouns of saying, name particles, abbreviations…), one ``[section]``
  each, read with :func:`words`.

The stems give a cheap pre-filter: :func:`speech_verb_forms_regex` finds every inflected
form of every speech verb in raw text without a parser (and over-matches a few nouns,
``déclaration`` for ``déclar``), so only the sentences that can report speech are parsed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import TypeAlias

import attrs

from .errors import DataFileError

__all__ = [
    "CLASSES",
    "DataFileError",
    "MultiwordCue",
    "Pronoun",
    "SourcePreposition",
    "SpeechVerb",
    "any_cue_regex",
    "gender_words",
    "group_nouns",
    "is_speech_lemma",
    "is_title",
    "leading_multiword_cue",
    "leading_source_preposition",
    "lemmas_for_form",
    "multiword_cue_entries",
    "multiword_cue_regex",
    "multiword_cues",
    "non_source_pronouns",
    "noun_gender",
    "pronoun",
    "role_nouns",
    "role_phrases",
    "source_preposition",
    "source_preposition_openers",
    "source_preposition_regex",
    "source_prepositions",
    "speech_verb",
    "speech_verb_forms_regex",
    "speech_verbs",
    "title_gender",
    "titles",
    "words",
]

#: The classes of speech verbs (see the head of ``data/speech_verbs.txt``).
CLASSES = frozenset({"say", "opinion", "ask", "answer", "write", "manner", "react"})

_GENDERS = frozenset({"Masc", "Fem", ""})
_NUMBERS = frozenset({"Sing", "Plur", ""})
_PRONOUN_FORMS = frozenset({"subject", "tonic", "object", "demonstrative", "indefinite"})
_WHERE = frozenset({"anywhere", "initial"})

# French writes the apostrophe straight (') or typographic (’, U+2019); the data files use
# the straight one and every lookup folds ’ to it.
_APOSTROPHES = "'’"


# -- results -------------------------------------------------------------------------------


@attrs.frozen
class SpeechVerb:
    """One speech-verb lemma.

    ``lemma``: the infinitive, with its pronoun for a pronominal verb (``s'écrier``).
    ``cls``: one of :data:`CLASSES`. ``stems``: the surface stems of its inflected forms,
    in the syntax of the data file (``déclar``; ``dit(|e|s|es)`` for closed endings).
    ``ambiguous``: the verb often means something else (``admis à l'hôpital``), and
    ``note`` says what. ``reflexive``: a pronominal verb (``s'écrier``, ``se demander``).
    """

    lemma: str
    cls: str
    stems: tuple[str, ...]
    ambiguous: bool = False
    reflexive: bool = False
    note: str = ""

    @property
    def bare(self) -> str:
        """The lemma without its reflexive pronoun, as a parser gives it: ``écrier``."""
        return _strip_reflexive(self.lemma)[1]


@attrs.frozen
class MultiwordCue:
    """A cue of several words as a sequence of UD lemmas (``("faire", "valoir")``)."""

    lemmas: tuple[str, ...]
    cls: str
    note: str = ""


@attrs.frozen
class SourcePreposition:
    """A word or phrase that introduces the source of a statement: ``selon X``.

    ``initial_only``: only at the start of a sentence (``Pour le ministre, …``).
    """

    text: str
    initial_only: bool = False
    note: str = ""


@attrs.frozen
class Pronoun:
    """The features of a pronoun.

    ``person``: 1, 2 or 3. ``gender``: ``Masc``, ``Fem`` or ``""`` (unmarked).
    ``number``: ``Sing``, ``Plur`` or ``""``. ``form``: ``subject``, ``tonic``, ``object``,
    ``demonstrative`` or ``indefinite``. ``source``: whether it can stand for a speaker
    other than the author (False for ``moi``, ``nous``, ``on``…).
    """

    word: str
    person: int
    gender: str
    number: str
    form: str
    source: bool

    @property
    def plural(self) -> bool | None:
        """True, False, or None when the number is not marked (``vous``)."""
        return {"Plur": True, "Sing": False}.get(self.number)


# -- reading the data files ----------------------------------------------------------------


@attrs.frozen
class _Line:
    """One data line: its fields (stripped, padded to the expected count) and note."""

    file: str
    number: int
    fields: tuple[str, ...]
    note: str

    def error(self, what: str) -> DataFileError:
        return DataFileError(
            f"quotesnap/data/{self.file}, line {self.number}: {what}. The format is "
            f"described at the top of the file; fix the line or reinstall quotesnap."
        )


# "|" separates fields, except inside the parentheses of closed endings: dit(|e|s|es)
_FIELD_SEPARATOR = re.compile(r"\|(?![^()]*\))")


def _read(name: str) -> str:
    return resources.files("quotesnap").joinpath("data").joinpath(name).read_text("utf-8")


def _sections(name: str, nfields: int) -> dict[str, list[_Line]]:
    """The data lines of a file by section (``""`` before any ``[section]`` line).

    ``#`` starts a comment (kept as the line's note), blank lines are skipped, fields are
    separated by ``|`` (not inside parentheses); missing trailing fields are empty.
    """
    sections: dict[str, list[_Line]] = {"": []}
    current = ""
    for number, raw in enumerate(_read(name).splitlines(), 1):
        body, _, note = raw.partition("#")
        body = body.strip()
        if not body:
            continue
        if body.startswith("[") and body.endswith("]"):
            current = body[1:-1].strip()
            sections[current] = []
            continue
        fields = [f.strip() for f in _FIELD_SEPARATOR.split(body)]
        line = _Line(name, number, (), note.strip())
        if len(fields) > nfields:
            raise line.error(f"{len(fields)} fields where at most {nfields} are expected")
        if not fields[0]:
            raise line.error("the first field is empty")
        fields += [""] * (nfields - len(fields))
        sections[current].append(attrs.evolve(line, fields=tuple(fields)))
    return sections


def _unique(lines: Iterable[_Line], key_of: int = 0) -> Iterator[_Line]:
    """The lines, checking that their key field never repeats."""
    seen: dict[str, int] = {}
    for line in lines:
        key = line.fields[key_of].lower()
        if key in seen:
            raise line.error(f"{key!r} is already listed on line {seen[key]}")
        seen[key] = line.number
        yield line


def _fold(word: str) -> str:
    """Lowercase, typographic apostrophe folded to the straight one, spaces trimmed."""
    return word.strip().lower().replace("’", "'")


def _strip_reflexive(lemma: str) -> tuple[bool, str]:
    """``s'écrier`` -> (True, ``écrier``); ``se demander`` -> (True, ``demander``).

    The reflexive pronoun elides before a vowel or a mute h (« s'écrier », « s'habituer »)
    and is written « se » before a consonant (« se demander »).
    """
    lemma = _fold(lemma)
    if lemma.startswith("se "):
        return True, lemma[3:].strip()
    if lemma.startswith("s'"):
        return True, lemma[2:]
    return False, lemma


# -- stems ---------------------------------------------------------------------------------

_STEM = re.compile(r"(?P<prefix>[^\s()|]+)(?:\((?P<endings>[^()]*)\))?")
_CONSONANT = "[bcdfghjklmnpqrstvwxzç]"
# The last vowel of an -er stem that becomes è when the ending is a mute e:
# révéler -> révèle, relever -> relève, célébrer -> célèbre, alléguer -> allègue.
_GRAVE = re.compile(rf"(?P<pre>.*)[eé](?P<post>{_CONSONANT}|[bcdfgptv][rl]|[gq]u)")


def _parse_stems(text: str, line: _Line) -> tuple[str, ...]:
    stems = tuple(text.split())
    for stem in stems:
        if not _STEM.fullmatch(stem):
            raise line.error(f"{stem!r} is not a stem (a prefix, or a prefix(end1|end2))")
    return stems


# The endings of the first conjugation (déclarer): present, imperfect, simple past,
# future, conditional, imperfect subjunctive (the present one is among the others),
# participles (the present one agreeing as an adjective: réclamantes), infinitive.
_ER_ENDINGS = (
    "e", "es", "ent", "ons", "ez",
    "ais", "ait", "ions", "iez", "aient",
    "ai", "as", "a", "âmes", "âtes", "èrent",
    "erai", "eras", "era", "erons", "erez", "eront",
    "erais", "erait", "erions", "eriez", "eraient",
    "asse", "asses", "ât", "assions", "assiez", "assent",
    "ant", "ante", "ants", "antes", "é", "ée", "és", "ées", "er",
)


def _derived_stems(bare: str) -> tuple[str, ...]:
    """The stems of a regular -er verb, with the spelling changes of the first conjugation,
    each taking the endings of that conjugation (written ``stem(ER)``).

    Before an ending in a or o, c takes a cedilla and g an e to keep their soft sound
    (nous annonçons, il annonça; il exigeait); a last e or é opens to è before a mute
    ending (il révèle, elle relève), or the consonant doubles (il appelle, il jette);
    y turns into i before a mute ending (il emploie). Every ending goes on every variant:
    the few forms that do not exist (annonçe) cost nothing.
    """
    base = bare[:-2]
    stems = [base]
    if base.endswith("c"):
        stems.append(base[:-1] + "ç")
    if base.endswith("g"):
        stems.append(base + "e")
    grave = _GRAVE.fullmatch(base)
    if grave:
        stems.append(grave["pre"] + "è" + grave["post"])
    if base.endswith(("el", "et")):
        stems.append(base + base[-1])
    if base.endswith("y"):
        stems.append(base[:-1] + "i")
    return tuple(stem + "(ER)" for stem in stems)


def _expand(stem: str) -> Iterator[tuple[str, bool]]:
    """A stem as (surface, open): ``dis`` -> (``dis``, True), any continuation;
    ``dit(|e|s)`` -> (``dit``, False), (``dite``, False), (``dits``, False), whole words;
    ``déclar(ER)`` -> ``déclare``, ``déclarait``… every form of the first conjugation."""
    m = _STEM.fullmatch(stem)
    assert m is not None  # checked by _parse_stems
    prefix = _fold(m["prefix"])
    if m["endings"] is None:
        yield prefix, True
        return
    endings = _ER_ENDINGS if m["endings"] == "ER" else m["endings"].split("|")
    for ending in endings:
        yield prefix + _fold(ending), False


# -- speech verbs --------------------------------------------------------------------------


@functools.cache
def speech_verbs() -> Mapping[str, SpeechVerb]:
    """Every speech verb, by lemma (lowercase; pronominal verbs with their pronoun:
    ``s'écrier``, ``se demander``)."""
    verbs: dict[str, SpeechVerb] = {}
    for line in _unique(_sections("speech_verbs.txt", 4)[""]):
        lemma, cls, stems_text, flags = line.fields
        reflexive, bare = _strip_reflexive(lemma)
        if cls not in CLASSES:
            raise line.error(f"unknown class {cls!r} (one of {', '.join(sorted(CLASSES))})")
        unknown = set(flags.split()) - {"ambiguous"}
        if unknown:
            raise line.error(f"unknown flag {', '.join(sorted(unknown))!r} (only 'ambiguous')")
        ambiguous = "ambiguous" in flags.split()
        if ambiguous and not line.note:
            raise line.error("an ambiguous verb needs a note saying why")
        stems = _parse_stems(stems_text, line)
        if bare.endswith("er"):
            stems = _derived_stems(bare) + tuple(s for s in stems if s not in _derived_stems(bare))
        elif not stems:
            raise line.error(f"{lemma!r} is not a regular -er verb: give its stems")
        key = _fold(lemma)
        verbs[key] = SpeechVerb(key, cls, stems, ambiguous, reflexive, line.note)
    return MappingProxyType(verbs)


@functools.cache
def _by_bare_lemma() -> Mapping[str, tuple[SpeechVerb, ...]]:
    index: dict[str, list[SpeechVerb]] = {}
    for verb in speech_verbs().values():
        index.setdefault(verb.bare, []).append(verb)
    # the plain verb first: « dire » before « se dire »
    return {k: tuple(sorted(v, key=lambda verb: verb.reflexive)) for k, v in index.items()}


def speech_verb(lemma: str, *, reflexive: bool = False) -> SpeechVerb | None:
    """The speech verb of a lemma as a parser gives it, or None.

    ``lemma`` may carry its pronoun (``s'écrier``) or not (``écrier``); ``reflexive=True``
    says the parse has a reflexive clitic on the verb, and prefers the pronominal entry
    (``se dire`` for « il se dit prêt ») when there is one.
    """
    with_pronoun, bare = _strip_reflexive(lemma)
    entries = _by_bare_lemma().get(bare, ())
    if not entries:
        return None
    if reflexive or with_pronoun:
        return next((v for v in entries if v.reflexive), entries[0])
    return next((v for v in entries if not v.reflexive), entries[0])


def is_speech_lemma(lemma: str) -> bool:
    """Whether ``lemma`` is a speech verb (case-insensitive; ``s'écrier`` and ``écrier``
    both are)."""
    return _strip_reflexive(lemma)[1] in _by_bare_lemma()


@functools.cache
def _surface_stems() -> tuple[tuple[str, bool, str], ...]:
    """(surface, open, lemma) for every stem of every speech verb."""
    return tuple(
        (surface, is_open, verb.lemma)
        for verb in speech_verbs().values()
        for stem in verb.stems
        for surface, is_open in _expand(stem)
    )


@functools.lru_cache(maxsize=8192)
def lemmas_for_form(form: str) -> tuple[str, ...]:
    """The speech-verb lemmas whose stems match an inflected form (``annonça`` ->
    ``("annoncer",)``; ``écria`` -> ``("écrire", "s'écrier")``), in file order."""
    if not speech_verb_forms_regex().fullmatch(form):
        return ()  # most words are no verb of saying: the compiled trie says so at once
    word = _fold(form)
    lemmas: list[str] = []
    for surface, is_open, lemma in _stems_by_initial().get(word[:1], ()):
        if (word.startswith(surface) if is_open else word == surface) and lemma not in lemmas:
            lemmas.append(lemma)
    return tuple(lemmas)


@functools.cache
def _stems_by_initial() -> Mapping[str, tuple[tuple[str, bool, str], ...]]:
    """:func:`_surface_stems` grouped by first letter, in file order within a group."""
    groups: dict[str, list[tuple[str, bool, str]]] = {}
    for entry in _surface_stems():
        groups.setdefault(entry[0][:1], []).append(entry)
    return {initial: tuple(entries) for initial, entries in groups.items()}


# A character trie: each key is a character or a marker ("open": any continuation, "end":
# the word ends here), each value the subtree.
_Trie: TypeAlias = "dict[str, _Trie]"


def _trie_pattern(forms: Iterable[tuple[str, bool]]) -> str:
    """One regex alternation for many stems, factored as a trie (``déclar|dénonc`` ->
    ``d(?:éclar|énonc)``), so the engine tests each character once instead of trying
    every stem at every position.

    An open stem ends in ``\\w*`` (any continuation); a closed form must end the word.
    """
    trie: _Trie = {}
    for surface, is_open in forms:
        node = trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node["open" if is_open else "end"] = {}

    def emit(node: _Trie) -> str:
        if "open" in node:
            return r"\w*"  # an open stem swallows every longer stem below it
        branches = [re.escape(ch) + emit(child)
                    for ch, child in sorted(node.items()) if ch != "end"]
        if "end" in node:
            branches.append(r"(?!\w)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


# The pre-filters are compiled with the standard library's ``re``: on this pattern shape
# (a trie of a few hundred stems behind a word boundary) it scans about twice as fast as
# ``regex`` (measured on the Wikinews corpus: 0.10 against 0.21 s per MB).


@functools.cache
def speech_verb_forms_regex() -> re.Pattern[str]:
    """A compiled pattern that matches every inflected form of every speech verb, as a
    whole word, case-insensitively. It also matches some nouns of the same stem
    (``déclaration``, ``annonce``): it is a pre-filter, not a tagger."""
    return re.compile(r"\b" + _verbs_pattern(), re.IGNORECASE)


def _verbs_pattern() -> str:
    return _trie_pattern((s, o) for s, o, _ in _surface_stems())


# -- multi-word cues and prepositions ------------------------------------------------------


@functools.cache
def _cue_sections() -> dict[str, list[_Line]]:
    sections = _sections("speech_cues.txt", 2)
    for required in ("verbs", "cues", "prepositions"):
        if required not in sections:
            raise DataFileError(f"quotesnap/data/speech_cues.txt has no [{required}] section")
    return sections


@functools.cache
def _head_verb_stems() -> Mapping[str, tuple[str, ...]]:
    """Stems of the verbs that head multi-word cues: [verbs] and the speech verbs."""
    heads = {v.bare: v.stems for v in speech_verbs().values()}
    for line in _unique(_cue_sections()["verbs"]):
        heads[_fold(line.fields[0])] = _parse_stems(line.fields[1], line)
    return heads


@functools.cache
def multiword_cue_entries() -> tuple[MultiwordCue, ...]:
    """The multi-word cues with their class, in file order."""
    cues = []
    heads = _head_verb_stems()
    for line in _unique(_cue_sections()["cues"]):
        lemmas = tuple(_fold(line.fields[0]).split())
        if line.fields[1] not in CLASSES:
            raise line.error(f"unknown class {line.fields[1]!r}")
        if _head(lemmas) not in heads:
            raise line.error(f"the head verb {_head(lemmas)!r} is neither in [verbs] nor a "
                             f"speech verb")
        cues.append(MultiwordCue(lemmas, line.fields[1], line.note))
    return tuple(cues)


def multiword_cues() -> tuple[tuple[str, ...], ...]:
    """The multi-word cues as lemma sequences: ``("faire", "valoir")``,
    ``("prendre", "le", "parole")``, ``("se", "en", "prendre", "à")``."""
    return tuple(cue.lemmas for cue in multiword_cue_entries())


def _head(lemmas: tuple[str, ...]) -> str:
    """The head verb of a cue: the first word after the clitics « se » and « en »."""
    return next(w for w in lemmas if w not in ("se", "en"))


# The surface forms of the function words of a cue, written as lemmas in the file: an
# article agrees and elides (le -> la, l', les), the indefinite article has the plural
# « des » and the elided « d' » after a negation, « de » and « à » contract with the
# article (du, des; au, aux), a possessive agrees with its owner and the noun.
_ELIDED = rf"[{_APOSTROPHES}]"
_FUNCTION_WORDS = {
    "le": rf"(?:(?:le|la|les)(?!\w)|l{_ELIDED})",
    "un": rf"(?:(?:une?|des)(?!\w)|d{_ELIDED})",
    "de": rf"(?:(?:de|du|des)(?!\w)|d{_ELIDED})",
    "à": r"(?:à|au|aux)(?!\w)",
    "son": r"(?:son|sa|ses|leurs?|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos)(?!\w)",
}
# Between two words: spaces, or nothing after an elided article (« l'assurance »).
_GAP = rf"(?:\s+|(?<={_ELIDED}))"
# After the head verb and after a leading « en », up to two words may come in between:
# « a fait aussi valoir », « mettait même en avant », « s'en est pris à ».
_SKIP = r"(?:\s+[\w'’-]+){0,2}?"


def _word_pattern(word: str) -> str:
    if word in _FUNCTION_WORDS:
        return _FUNCTION_WORDS[word]
    # a noun or an adjective may take the plural or the feminine (« des réserves »)
    return re.escape(word).replace("'", _ELIDED) + r"(?:e?s|x)?(?!\w)"


@functools.cache
def multiword_cue_regex() -> re.Pattern[str]:
    """A compiled pattern that finds the multi-word cues in raw text, case-insensitively,
    with any form of their head verb: « a fait valoir », « ont mis en garde »."""
    return re.compile(r"\b" + _multiword_pattern(), re.IGNORECASE)


@functools.cache
def _leading_cue_regex() -> re.Pattern[str]:
    """Every multi-word cue as a named group, anchored at the start of the text."""
    heads = _head_verb_stems()
    groups = []
    for n, cue in enumerate(multiword_cue_entries()):
        lead, tail = _cue_parts(cue)
        first = _trie_pattern(_head_forms(lead)) + r"(?!\w)" if lead in heads \
            else _word_pattern(lead)
        groups.append(f"(?P<c{n}>{first}{tail})")
    return re.compile("(?:" + "|".join(groups) + ")", re.IGNORECASE)


def leading_multiword_cue(text: str) -> tuple[MultiwordCue, int] | None:
    """The multi-word cue that ``text`` starts with (at its head verb, or at « en » for
    « en appeler à ») and its length in characters: « faisait état de neuf victimes »
    gives ``faire état`` and 12, « a fait savoir » nothing (the text starts with the
    auxiliary), « fait aussi savoir que » gives ``faire savoir`` and 17."""
    m = _leading_cue_regex().match(text)
    if m is None or m.lastgroup is None:
        return None
    return multiword_cue_entries()[int(m.lastgroup[1:])], m.end()


def _cue_parts(cue: MultiwordCue) -> tuple[str, str]:
    """The first word of a cue as written in text (the clitic « se » left out: it comes
    before the auxiliary) and the pattern of the words after it."""
    words = [w for w in cue.lemmas if w != "se"]
    head = _head(cue.lemmas)
    parts = []
    for i, word in enumerate(words[1:], 1):
        skip = words[i - 1] == head or (i == 1 and words[0] == "en")
        parts.append((_SKIP if skip else "") + _GAP)
        parts.append(_trie_pattern(_head_forms(head)) + r"(?!\w)" if word == head
                     else _word_pattern(word))
    return words[0], "".join(parts)


def _multiword_pattern() -> str:
    heads = _head_verb_stems()
    # Cues are grouped by their first word, so that the forms of « faire » are tried once
    # and not once for each of its twenty cues.
    tails: dict[str, list[str]] = {}
    for cue in multiword_cue_entries():
        lead, tail = _cue_parts(cue)
        tails.setdefault(lead, []).append(tail)
    alternatives = [
        (_trie_pattern(_head_forms(lead)) + r"(?!\w)" if lead in heads else _word_pattern(lead))
        + "(?:" + "|".join(group) + ")"
        for lead, group in tails.items()
    ]
    return "(?:" + "|".join(alternatives) + ")"


def _head_forms(head: str) -> Iterator[tuple[str, bool]]:
    return (form for stem in _head_verb_stems()[head] for form in _expand(stem))


@functools.cache
def _prepositions() -> Mapping[str, SourcePreposition]:
    entries = {}
    for line in _unique(_cue_sections()["prepositions"]):
        text, where = _fold(line.fields[0]), line.fields[1]
        if where not in _WHERE:
            raise line.error(f"unknown place {where!r} (anywhere or initial)")
        entries[text] = SourcePreposition(text, where == "initial", line.note)
    return MappingProxyType(entries)


def source_prepositions() -> frozenset[str]:
    """The words that introduce a source (``selon``, ``d'après``, ``pour``, ``de l'avis
    de``…), lowercase with a straight apostrophe."""
    return frozenset(_prepositions())


def source_preposition(text: str) -> SourcePreposition | None:
    """The entry of a source preposition (``D’après`` -> ``d'après``), or None."""
    return _prepositions().get(_fold(" ".join(text.split())))


# The start of a sentence: the start of the text or of a line, or after a sentence end
# and up to two spaces or closing quotation marks (``re`` wants fixed-width lookbehinds).
_SENTENCE_START = r"(?:^|(?<=[\n.!?…])|(?<=[\n.!?…][\s»”\"])|(?<=[\n.!?…][\s»”\"]{2}))"


@functools.cache
def source_preposition_regex() -> re.Pattern[str]:
    """A compiled pattern for the source prepositions in raw text, case-insensitively:
    « selon », « d’après », « aux yeux du »…; those marked ``initial`` (« pour ») only at
    the start of the text, of a line or after a sentence end."""
    anywhere, initial = _preposition_patterns()
    return re.compile(r"\b" + anywhere + "|" + initial, re.IGNORECASE)


@functools.cache
def _leading_preposition_regex() -> re.Pattern[str]:
    """Every source preposition as a named group, anchored at the start of the text."""
    groups = [f"(?P<p{n}>{_preposition_pattern(prep.text)})(?!\\w)"
              for n, prep in enumerate(_prepositions().values())]
    return re.compile("(?:" + "|".join(groups) + ")", re.IGNORECASE)


@functools.cache
def source_preposition_openers() -> frozenset[str]:
    """The first token of every source preposition as a tokenizer gives it, lowercase
    with a straight apostrophe: ``selon``, ``d'`` (« d'après »), ``de`` (« de l'avis
    de »), ``à`` (« à en croire »)…: a cheap test before
    :func:`leading_source_preposition`."""
    out = set()
    for prep in _prepositions():
        first = prep.split()[0]
        out.add(first[:first.index("'") + 1] if "'" in first else first)
    return frozenset(out)


def leading_source_preposition(text: str) -> tuple[SourcePreposition, int] | None:
    """The source preposition that ``text`` starts with and its length in characters,
    whatever its spelling in the text: « D’après la police » gives ``d'après`` and 7,
    « de l'avis des experts » gives ``de l'avis de`` and 13 (its final « de » contracted
    with the article), « À en croire le ministre » gives ``à en croire`` and 11. Where
    the preposition may stand (``initial``) is left to the caller, who knows the clause."""
    m = _leading_preposition_regex().match(text)
    if m is None or m.lastgroup is None:
        return None
    entries = list(_prepositions().values())
    return entries[int(m.lastgroup[1:])], m.end()


def _preposition_pattern(text: str) -> str:
    """The pattern of one preposition in raw text: spaces of any width, both apostrophes,
    and a final « de » contracted with the article of the source (aux yeux du ministre)."""
    words = text.split()
    return r"\s+".join(
        _FUNCTION_WORDS["de"] if w == "de" and i == len(words) - 1
        else re.escape(w).replace("'", _ELIDED + r"\s*")  # « l'avis », « l' avis »
        for i, w in enumerate(words)
    )


def _preposition_patterns() -> tuple[str, str]:
    """The patterns of the prepositions allowed anywhere and of those allowed only at the
    start of a sentence."""
    anywhere: list[str] = []
    initial: list[str] = []
    for prep in _prepositions().values():
        pattern = _preposition_pattern(prep.text)
        (initial if prep.initial_only else anywhere).append(pattern)
    first = "(?:" + "|".join(initial or ["(?!)"]) + r")(?!\w)"
    # the word is looked for first: testing the sentence start at every position is slow
    return "(?:" + "|".join(anywhere) + r")(?!\w)", rf"\b(?={first}){_SENTENCE_START}{first}"


@functools.cache
def any_cue_regex() -> re.Pattern[str]:
    """One pattern for the three pre-filters: a speech-verb form, a multi-word cue or a
    source preposition. A sentence it does not match reports no indirect speech."""
    anywhere, initial = _preposition_patterns()
    return re.compile(
        rf"\b(?:{_verbs_pattern()}|{_multiword_pattern()}|{anywhere})|{initial}", re.IGNORECASE
    )


# -- titles, roles, groups -----------------------------------------------------------------


@functools.cache
def _titles() -> Mapping[str, str]:
    """Title as written -> gender."""
    entries = {}
    for line in _unique(_sections("titles.txt", 2)[""]):
        title, gender = line.fields
        if gender not in _GENDERS:
            raise line.error(f"unknown gender {gender!r} (Masc, Fem or empty)")
        entries[title] = gender
    return MappingProxyType(entries)


@functools.cache
def titles() -> frozenset[str]:
    """Honorific titles, lowercase, abbreviations with and without their dot (``m.``,
    ``m``, ``mme``, ``dr``, ``monsieur``, ``général``): compare ``word.lower()``.

    Lowercasing merges the title « Me » (maître) with the pronoun « me »; use
    :func:`is_title` on the word as written where that matters.
    """
    return frozenset(w for t in _titles() for w in (t.lower(), t.lower().rstrip(".")))


def is_title(word: str) -> bool:
    """Whether ``word`` as written is a title: abbreviations by their exact spelling
    (« Me » yes, « me » no), full words in any case (« Monsieur »)."""
    return title_gender(word) is not None


def title_gender(word: str) -> str | None:
    """The gender a title marks (``Mme`` -> ``Fem``; ``Dr`` -> ``""``), None if ``word``
    is not a title. Abbreviations are capitalised in the data file and full words
    lowercase, so lowering ``word`` can only find a full word."""
    entries = _titles()
    for key in (word, word.lower()):
        if key in entries:
            return entries[key]
    return None


@functools.cache
def _roles_file() -> dict[str, list[_Line]]:
    sections = _sections("roles.txt", 2)
    for required in ("roles", "groups"):
        if required not in sections:
            raise DataFileError(f"quotesnap/data/roles.txt has no [{required}] section")
    return sections


def _gendered(lines: list[_Line]) -> Mapping[str, str]:
    entries = {}
    for line in _unique(lines):
        lemma, gender = _fold(line.fields[0]), line.fields[1]
        if gender not in _GENDERS:
            raise line.error(f"unknown gender {gender!r} (Masc, Fem or empty)")
        entries[lemma] = gender
    return MappingProxyType(entries)


@functools.cache
def role_nouns() -> Mapping[str, str]:
    """Nouns that refer to a person (``ministre``, ``porte-parole``, ``directrice``), by
    lowercase lemma, with the gender the noun marks: ``Masc``, ``Fem`` or ``""`` for an
    epicene noun."""
    return _gendered(_roles_file()["roles"])


@functools.cache
def role_phrases() -> Mapping[str, str]:
    """Periphrases for a role (``chef de la diplomatie`` -> ``ministre``), lowercase, from
    the ``[phrases]`` section of ``data/roles.txt``."""
    lines = _roles_file().get("phrases", [])
    return MappingProxyType({line.fields[0].lower().replace("’", "'"): line.fields[1].lower()
                             for line in _unique(lines)})


@functools.cache
def _group_genders() -> Mapping[str, str]:
    return _gendered(_roles_file()["groups"])


@functools.cache
def group_nouns() -> frozenset[str]:
    """Nouns of organisations and collectives that speak (``gouvernement``, ``police``,
    ``autorité``), lowercase lemmas."""
    return frozenset(_group_genders())


def noun_gender(lemma: str) -> str | None:
    """The grammatical gender of a role or group noun (``Masc``, ``Fem``, ``""`` when
    epicene), None for other nouns."""
    key = _fold(lemma)
    gender = role_nouns().get(key)
    return gender if gender is not None else _group_genders().get(key)


# -- pronouns ------------------------------------------------------------------------------


@functools.cache
def _pronouns() -> Mapping[str, Pronoun]:
    entries = {}
    for line in _unique(_sections("pronouns.txt", 6)[""]):
        word, person, gender, number, form, source = line.fields
        if person not in ("1", "2", "3") or gender not in _GENDERS or number not in _NUMBERS:
            raise line.error("person must be 1-3, gender Masc/Fem/empty, number Sing/Plur/empty")
        if form not in _PRONOUN_FORMS or source not in ("yes", "no"):
            raise line.error(f"form must be one of {sorted(_PRONOUN_FORMS)}, source yes or no")
        key = _fold(word)
        entries[key] = Pronoun(key, int(person), gender, number, form, source == "yes")
    return MappingProxyType(entries)


def pronoun(word: str) -> Pronoun | None:
    """The features of a pronoun (``il``, ``Elle``, ``celui-ci``, ``ce dernier``,
    ``j’``), None for any other word."""
    return _pronouns().get(_fold(" ".join(word.split())))


@functools.cache
def non_source_pronouns() -> frozenset[str]:
    """Pronouns that never name a source after ``selon``/``d'après``/``pour``: the first
    and second persons (``selon moi``, ``pour nous`` give the author's own view) and the
    impersonal ``on``. Lowercase, with both apostrophes for the elided forms."""
    words = {p.word for p in _pronouns().values() if not p.source}
    return frozenset(words | {w.replace("'", "’") for w in words})


# -- word lists ----------------------------------------------------------------------------


@functools.cache
def _word_sections() -> dict[str, list[_Line]]:
    sections = _sections("words.txt", 1)
    if sections[""]:
        raise sections[""][0].error("a word before any [section] line")
    return sections


def _section(file: str, sections: dict[str, list[_Line]], section: str) -> list[_Line]:
    """The lines of a named ``[section]`` of a data file, or an error naming those it has."""
    if section not in sections or not section:
        known = ", ".join(sorted(name for name in sections if name))
        raise DataFileError(f"quotesnap/data/{file} has no [{section}] section (it has "
                            f"{known}); check the name, or reinstall quotesnap")
    return sections[section]


@functools.cache
def words(section: str) -> frozenset[str]:
    """The words of one ``[section]`` of ``data/words.txt`` (``"object-clitics"``,
    ``"saying-nouns"``, ``"abbreviations"``…), as written there, each elided form both
    with the straight and the typographic apostrophe (``l'`` and ``l’``).

    Raises :class:`DataFileError` for a section the file does not have.
    """
    entries: set[str] = set()
    for line in _unique(_section("words.txt", _word_sections(), section)):
        word = " ".join(line.fields[0].split())
        if "’" in word:
            raise line.error("write the straight apostrophe ('): the typographic one is added")
        entries.update({word, word.replace("'", "’")})
    return frozenset(entries)


@functools.cache
def _gender_sections() -> dict[str, list[_Line]]:
    return _sections("gender.txt", 2)


@functools.cache
def gender_words(section: str) -> Mapping[str, str]:
    """The ``[section]`` of ``data/gender.txt`` (``"determiners"``, ``"adjectives"``,
    ``"person-nouns"``, ``"feminine-endings"``…): each word, lowercase, with the gender it
    marks (``Masc``, ``Fem``, or ``""`` when it marks none); elided forms with both
    apostrophes.

    Raises :class:`DataFileError` for a section the file does not have.
    """
    entries: dict[str, str] = {}
    for line in _unique(_section("gender.txt", _gender_sections(), section)):
        word, gender = line.fields
        if gender not in _GENDERS:
            raise line.error(f"unknown gender {gender!r} (Masc, Fem or empty)")
        entries[word] = gender
        entries[word.replace("'", "’")] = gender
    return MappingProxyType(entries)


# -- a light lemmatiser --------------------------------------------------------------------

# The auxiliaries and the commonest irregular verbs, whose forms the rules test by lemma.
_IRREGULAR = {
    **dict.fromkeys(("ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions",
                     "aviez", "avaient", "aurai", "auras", "aura", "aurons", "aurez",
                     "auront", "aurais", "aurait", "aurions", "auriez", "auraient", "eu",
                     "eus", "eut", "eûmes", "eurent", "aie", "aies", "ait", "ayons", "ayez",
                     "aient", "eût", "avoir", "ayant"), "avoir"),
    **dict.fromkeys(("suis", "es", "est", "sommes", "êtes", "sont", "étais", "était",
                     "étions", "étiez", "étaient", "serai", "seras", "sera", "serons",
                     "serez", "seront", "serais", "serait", "serions", "seriez", "seraient",
                     "été", "fus", "fut", "fûmes", "furent", "sois", "soit", "soyons",
                     "soyez", "soient", "fût", "être", "étant"), "être"),
    **dict.fromkeys(("tel", "telle", "tels", "telles"), "tel"),
    **dict.fromkeys(("ce", "cet", "cette", "ces"), "ce"),
    **dict.fromkeys(("le", "la", "l'", "l’", "les"), "le"),
    **dict.fromkeys(("un", "une"), "un"),
}


def light_lemma(form: str, upos: str) -> str:
    """A lemma good enough for the attribution rules, at a fraction of a full
    lemmatiser's cost: verbs of saying through the lexicon's stems, auxiliaries and
    determiners by table, nouns and adjectives by the regular French plural
    (``déclarations`` -> ``déclaration``, ``journaux`` -> ``journal``), proper nouns as
    written, anything else in lowercase.
    """
    if upos == "PROPN":
        return form
    low = form.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if upos in ("VERB", "AUX"):
        lemmas = lemmas_for_form(low)
        return lemmas[0] if lemmas else low
    if upos in ("NOUN", "ADJ") and len(low) > 3:
        if low.endswith("aux") and (low[:-3] + "al" in role_nouns()
                                    or low[:-3] + "al" in words("plural-in-aux")):
            return low[:-3] + "al"
        if low.endswith(("s", "x")) and not low.endswith(("ss", "us", "is", "ès")):
            return low[:-1]
    return low
