"""Gender: what the article says of each source, read once the whole document is resolved.

    text -> scan -> candidates -> parse -> attribute -> resolve -> gender -> Quote objects

A pass over one document's text and its resolved quotes. For each source (a speaker's
canonical name) it decides what kind of source it is (a person, an organisation, a group
of people, or unknown) and, for a person, the gender the text gives, with the evidence:

- a **title** before the name: « M. Lavrov », « Mme Bush »;
- a **pronoun** the resolution linked to the speaker at one of their quotes: « a-t-elle
  déclaré », « selon lui »;
- a **role noun** in apposition or as the mention, when its form or its determiner says
  the gender: « la ministre du travail Myriam El Khomri », « le porte-parole », « Kellyanne
  Conway, conseillère de Trump », « le Français Camille Lacourt »; not an epicene noun
  without a determiner that says (« porte-parole de la Maison-Blanche », « l'élève »), and
  not a noun whose gender is its own (« un témoin », « une source proche du dossier »);
- **agreement** of a participle or adjective with the name as subject: « Nathalie
  Kosciusko-Morizet avait été sortie », « X s'est dite satisfaite », « X est ravi »;
- the speaker's own words in the first person: « je suis la seule à … », « je suis ravie ».

Never a guess from a first-name list: a source the text says nothing of has no gender.
Evidence on both sides (a typo, a pronoun resolved to the wrong person) gives the side
that clearly outweighs the other, else no gender. Organisations and groups have none.

The French behind the rules is in ``data/gender.txt`` (determiners, agreement endings,
nouns for people) beside the titles, role nouns and pronouns of the other data files.
"""

from __future__ import annotations

import bisect
import functools
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from . import lexicon
from .results import Kind, Quote

__all__ = ["SOURCE_KINDS", "Evidence", "Profile", "assign", "profile"]

#: The kinds of source: ``person``, ``organisation``, ``group`` (people in the plural:
#: « les manifestants »), ``unknown`` (a study, a count, a name the text says nothing of).
SOURCE_KINDS = ("person", "organisation", "group", "unknown")

#: How much each kind of evidence weighs when the text says both genders.
WEIGHTS = {"title": 3.0, "role": 2.0, "agreement": 2.0, "self": 1.5, "pronoun": 1.0}


@attrs.frozen
class Evidence:
    """One thing the text says of a source's gender: its kind (a key of :data:`WEIGHTS`),
    the words (``Mme Bush``, ``a-t-elle``), the gender (``f`` or ``m``) and where."""

    kind: str
    text: str
    gender: str
    start: int

    def __str__(self) -> str:
        return f"{self.kind}: {self.text} ({self.gender})"


@attrs.frozen
class Profile:
    """What the article says of one source: its kind, its gender and why."""

    kind: str
    gender: str | None = None
    evidence: tuple[Evidence, ...] = ()


def assign(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes of one document, each speaker given its kind, gender and evidence.

    ``text`` is the whole document, ``quotes`` its quotes after resolution (speakers under
    their canonical names). Quotes without a speaker are returned as they are.
    """
    by_name: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.speaker is not None:
            by_name.setdefault(q.speaker.name, []).append(q)
    profiles = {name: profile(text, name, [q for q in qs if not _indefinite(q)])
                for name, qs in by_name.items()}
    out = []
    for q in quotes:
        if q.speaker is None:
            out.append(q)
            continue
        p = profiles[q.speaker.name]
        if _indefinite(q) and q.speaker.mention is not None:
            # « on », « une source proche de l'enquête »: an indefinite mention brings in
            # someone new, whoever the resolution linked it to; it is what it says
            p = profile(text, q.speaker.mention.text, [q])
        speaker = attrs.evolve(q.speaker, kind=p.kind, gender=p.gender,
                               gender_evidence=_reported(p.evidence))
        out.append(attrs.evolve(q, speaker=speaker))
    return out


#: At most this many pieces of evidence are reported with a speaker; the decision weighs
#: all of them. A text that names someone a thousand times would otherwise repeat the whole
#: list at each of their quotes: output quadratic in the text (issue 8, F3).
MAX_EVIDENCE = 6


def _reported(evidence: Sequence[Evidence]) -> tuple[str, ...]:
    """The evidence a speaker carries: the first piece of each kind, then the earliest
    others, at most :data:`MAX_EVIDENCE`, in text order."""
    ordered = sorted(evidence, key=lambda e: e.start)
    kept: list[Evidence] = []
    kinds: set[str] = set()
    for e in ordered:  # one of each kind first
        if e.kind not in kinds and len(kept) < MAX_EVIDENCE:
            kinds.add(e.kind)
            kept.append(e)
    for e in ordered:
        if len(kept) >= MAX_EVIDENCE:
            break
        if e not in kept:
            kept.append(e)
    return tuple(str(e) for e in sorted(kept, key=lambda e: e.start))


_INDEFINITE = frozenset({"on", "un", "une", "des", "quelqu'un", "certains", "certaines",
                         "plusieurs", "d'autres"})


def _indefinite(quote: Quote) -> bool:
    """Is the quote's mention indefinite (« on », « une source proche de l'enquête »,
    « un témoin ») while its source is a name the mention does not hold?"""
    m = quote.speaker.mention if quote.speaker else None
    if m is None or quote.speaker is None:
        return False
    words = _WORD.findall(m.text)
    if not words or _low(words[0]) not in _INDEFINITE:
        return False
    return _surname(quote.speaker.name) not in m.text and quote.speaker.name != m.text


def profile(text: str, name: str, quotes: Iterable[Quote] = ()) -> Profile:
    """What ``text`` says of the source named ``name``, whose quotes are ``quotes``."""
    quotes = [q for q in quotes if q.speaker is not None]
    pron = _pronoun(name)
    if pron is not None:
        return _pronoun_profile(name, pron, text, quotes)
    words = _WORD.findall(name)
    if not words:
        return Profile("unknown")
    if _is_description(words):
        kind = _description_kind(words)
        if kind != "person":
            return Profile(kind)
        found = _description_evidence(text, name, quotes)
        found += _quote_evidence(text, quotes)
        return _decide("person", found)
    if _organisation_name(words):
        return Profile("organisation")
    found = _name_evidence(text, name, quotes) + _quote_evidence(text, quotes)
    if any(e.kind in ("title", "role", "self") for e in found):
        return _decide("person", found)
    if _with_article(text, name) or _named_organisation(text, name):
        return Profile("organisation")  # « le Tehrik-e-Taliban Pakistan », « du Monde »
    if _person_shaped(name) or sum(e.kind == "pronoun" for e in found) > 1:
        return _decide("person", found)
    return Profile("unknown")


def _named_organisation(text: str, name: str) -> bool:
    """Does the text set a noun of organisations beside the name (« son association,
    Noé21 », « Conmebol, la Confédération de football », « la compagnie aérienne United
    Airlines »)?"""
    for start, end in _occurrences(text, name):
        after = _APPOSITION.match(text, end)
        if after is not None:
            det, noun, _, _ = _head(_WORD.findall(after.group("phrase"))[:4])
            if noun and _organisation_noun(noun) and det not in _QUANTIFIERS:
                return True
        left = _WORD.findall(text[max(0, start - 40):start])[-3:]
        if any(_organisation_noun(w) for w in left[-2:]) and (
                not left or _low(left[-1]) not in _COMPLEMENT):
            return True
    return False


_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:le|la|les|l['’]|du|des|au|aux)\s*$")


def _with_article(text: str, name: str) -> bool:
    """Does the text put an article right before the name (« le Tehrik-e-Taliban
    Pakistan », « à l'Unédic »)? French never does before a person's name."""
    return any(_ARTICLE_BEFORE.search(text, max(0, start - 6), start)
               for start, _ in _written(text, name, _LETTER_OR_DIGIT))


def _decide(kind: str, found: list[Evidence]) -> Profile:
    """The gender the evidence gives: one side only, or a side that outweighs the other
    three times over (« Le Français Camille Lacourt, très attendue, … a-t-il raconté »);
    None when the text says nothing or contradicts itself."""
    found = _dedupe(found)
    score = {"f": 0.0, "m": 0.0}
    for e in found:
        score[e.gender] += WEIGHTS[e.kind]
    best = max(score, key=lambda g: score[g])
    other = score["m" if best == "f" else "f"]
    gender = best if score[best] > 0 and score[best] >= 3 * other else None
    return Profile(kind, gender, tuple(sorted(found, key=lambda e: e.start)))


def _dedupe(found: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per kind and place (a mention may attribute several quotes,
    and a role may be seen both as the mention and in the text)."""
    seen: dict[tuple[str, int], Evidence] = {}
    for e in found:
        seen.setdefault((e.kind, e.start), e)
    return list(seen.values())


# -- words ---------------------------------------------------------------------------------

# A word, with an elided article or pronoun as a word of its own (« l'homme » is « l' »
# and « homme »), and hyphenated words whole (« porte-parole », « a-t-elle »).
_WORD = regex.compile(r"(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=\p{L})"
                      r"|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_APOSTROPHE = str.maketrans({"’": "'"})


def _low(word: str) -> str:
    return word.lower().translate(_APOSTROPHE)


def _g(gender: str) -> str:
    return {"Masc": "m", "Fem": "f"}.get(gender, "")


@functools.cache
def _person_nouns() -> dict[str, str]:
    """Every noun for a person, singular, with the gender its form marks (``""``:
    epicene): the role nouns of ``roles.txt`` and the nouns of ``gender.txt``."""
    nouns = dict(lexicon.role_nouns())
    for section in ("person-nouns", "people-nouns", "fixed-nouns", "masculine-for-all"):
        for word, gender in lexicon.gender_words(section).items():
            nouns.setdefault(word, gender)
    # The 1990 spelling drops the circumflex on i and u: « entraineur », « maitre ».
    for word, gender in list(nouns.items()):
        nouns.setdefault(word.replace("î", "i").replace("û", "u"), gender)
    return nouns


def _person_noun(word: str) -> tuple[str, bool] | None:
    """``(gender, plural)`` of a noun for a person (« ministres » -> ``("", True)``),
    None for any other word."""
    low = _low(word)
    if low in lexicon.gender_words("adjectives"):
        return None  # « un premier pas »: « le Premier ministre » has its noun after it
    nouns = _person_nouns()
    if low in nouns:
        return nouns[low], False
    if low.endswith(("s", "x")) and low[:-1] in nouns:
        return nouns[low[:-1]], True
    if low.endswith("aux") and low[:-3] + "al" in nouns:
        return nouns[low[:-3] + "al"], True
    return None


@functools.cache
def _organisation_words() -> frozenset[str]:
    return (lexicon.group_nouns() | lexicon.words("organisation-nouns")
            | frozenset(lexicon.gender_words("organisation-words")))


def _organisation_noun(word: str) -> bool:
    low = _low(word)
    words = _organisation_words()
    return low in words or (low.endswith(("s", "x")) and low[:-1] in words) or (
        low.endswith("aux") and low[:-3] + "al" in words)


def _fixed(noun: str) -> bool:
    """A noun whose gender is its own, whoever it names (« un témoin », « une source »)."""
    return _low(noun) in lexicon.gender_words("fixed-nouns")


def _noun_gender(noun: str, determiner: str, adjectives: Sequence[str]) -> str:
    """The gender a noun for a person says with its determiner and the adjectives before
    it: its own form (« directrice »), else the determiner (« la ministre »), else an
    adjective (« l'ancienne ministre »). ``""`` when they say nothing."""
    low = _low(noun)
    if _fixed(noun):
        return ""  # « un témoin », « une source »: the noun's gender, not the person's
    own = _g(_person_nouns().get(low, ""))
    if own == "m" and low in lexicon.gender_words("masculine-for-all"):
        own = ""  # « le professeur Anne Dupont »
    if own:
        return own
    det = _low(determiner)
    said = _g(lexicon.gender_words("determiners").get(det, ""))
    if said == "m" and det in ("mon", "ton", "son") and low[:1] in "aeiouyhéèêàâîôû":
        said = ""  # « son épouse », « son amie »: the feminine before a vowel
    if said == "m" and low in lexicon.gender_words("masculine-for-all"):
        said = ""
    if said:
        return said
    adjs = lexicon.gender_words("adjectives")
    return next((g for a in adjectives if (g := _g(adjs.get(_low(a), "")))), "")


def _head(words: Sequence[str]) -> tuple[str, str, list[str], int]:
    """The determiner, the first noun and the adjectives between them of a noun phrase's
    words (« l'ancienne ministre de … » -> ``("l'", "ministre", ["ancienne"], 2)``), and
    the noun's index."""
    k = 0
    det = ""
    first = _low(words[0]) if words else ""
    if first in lexicon.gender_words("determiners") or first in _QUANTIFIERS:
        det, k = first, 1
        if first == "de" and len(words) > 1:  # « de nombreuses études »
            k = 2
    adjs = []
    while k < len(words) - 1 and (_low(words[k]) in lexicon.gender_words("adjectives")
                                  or _low(words[k]) in _NUMBERS or words[k].isdigit()):
        adjs.append(words[k])
        k += 1
    return det, words[k] if k < len(words) else "", adjs, k


_QUANTIFIERS = frozenset({"certains", "certaines", "plusieurs", "diverses", "divers",
                          "quelques", "de", "nombreux", "nombreuses", "ses", "leurs",
                          "différents", "différentes", "deux", "trois", "tous", "toutes"})
_NUMBERS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                      "douze", "quinze", "vingt", "cent", "mille"})
_PLURAL_DETERMINERS = frozenset({"les", "des", "ces", "ses", "leurs", "nos", "vos"})


# -- pronouns ------------------------------------------------------------------------------


def _pronoun(text: str) -> lexicon.Pronoun | None:
    """The pronoun a mention or name is (« -t-elle », « elle, qui avait obtenu … »,
    « ce dernier »), None when it is not one."""
    words = _WORD.findall(text.lstrip("-‐ "))
    if not words:
        return None
    body = text.lstrip("-‐ ")
    for n in (2, 1):
        if len(words) >= n and (p := lexicon.pronoun(" ".join(words[:n]))) is not None:
            # « elle, qui … » is the pronoun; « ce dernier chiffre » is not
            rest = body[body.find(words[n - 1]) + len(words[n - 1]):].lstrip()
            return p if not rest or rest[:1] in ",;(" else None
    return None


def _pronoun_profile(name: str, pron: lexicon.Pronoun, text: str,
                     quotes: Sequence[Quote]) -> Profile:
    """A source the resolution left as a pronoun (« il », « elle », « ils »)."""
    if pron.form == "indefinite" and pron.plural is not True:
        return Profile("unknown")
    if pron.plural:
        return Profile("group")
    found = _quote_evidence(text, quotes)
    if pron.person == 3 and (g := _g(pron.gender)):
        start = next((q.speaker.mention.start for q in quotes
                      if q.speaker and q.speaker.mention), -1)
        found.append(Evidence("pronoun", name, g, start))
    return _decide("person", found)


# -- descriptions (« la rectrice de l'académie », « un porte-parole », « les policiers ») --


def _is_description(words: Sequence[str]) -> bool:
    first = _low(words[0])
    return words[0][:1].islower() or first in lexicon.gender_words("determiners") or (
        first in _QUANTIFIERS)


def _description_kind(words: Sequence[str]) -> str:
    """The kind of source a description names, by its head noun: « la rectrice » a
    person, « les policiers » a group, « le gouvernement », « la RATP » an organisation,
    « l'étude », « un bilan provisoire » nobody in particular."""
    det, noun, _, _ = _head(words)
    if not noun:
        return "unknown"
    plural = det in _PLURAL_DETERMINERS or det in _QUANTIFIERS
    person = _person_noun(noun)
    if person is not None:
        return "group" if plural or person[1] else "person"
    if _organisation_noun(noun):
        # « certains journaux » are people; « les autorités », « le ministère » speak as one
        return "group" if det in _QUANTIFIERS and det != "ses" else "organisation"
    if noun[:1].isupper():
        # « la RATP », « le Parisien », « l'Unédic », « les États-Unis »; « les Afghans »
        # are people
        people = plural and _low(noun).endswith("s") and "-" not in noun
        return "group" if people else "organisation"
    return "unknown"


def _description_evidence(text: str, name: str, quotes: Sequence[Quote]) -> list[Evidence]:
    """The gender a description says by its own head (« la rectrice de l'académie »,
    « un porte-parole »), where the text writes it."""
    found = []
    spots = [(q.speaker.mention.start, q.speaker.mention.text) for q in quotes
             if q.speaker and q.speaker.mention and not _pronoun(q.speaker.mention.text)]
    at = text.find(name)
    if at >= 0:
        spots.append((at, name))
    for start, phrase in spots:
        if (e := _phrase_role(phrase, start)) is not None:
            found.append(e)
    found += _mention_evidence(quotes)
    return found


def _phrase_role(phrase: str, start: int) -> Evidence | None:
    """Role evidence from the start of a noun phrase (« Le président américain »)."""
    tokens = list(_WORD.finditer(phrase))
    words = [t.group() for t in tokens]
    if not words:
        return None
    det, noun, adjs, k = _head(words)
    if not noun or (person := _person_noun(noun)) is None or person[1]:
        return None
    if det in _PLURAL_DETERMINERS or det in _QUANTIFIERS or _fixed(noun):
        return None
    g = _noun_gender(noun, det, adjs) or _after_noun(words[k + 1:k + 2])
    if not g:
        return None
    return Evidence("role", phrase[:tokens[k].end()], g, start + tokens[k].start())


def _mention_evidence(quotes: Sequence[Quote], text: str = "",
                      name: str = "") -> list[Evidence]:
    """The pronouns the resolution linked to the source at its quotes (« a-t-elle »,
    « selon lui »), and the descriptions it was given there (« le nageur français »).

    With a ``name``, a pronoun counts only when that name is the last person named before
    it: « … de Christophe Chalençon, ce dernier a affirmé » is Chalençon, whoever the
    resolution took it for."""
    found = []
    for q in quotes:
        m = q.speaker.mention if q.speaker else None
        if m is None:
            continue
        pron = _pronoun(m.text)
        if pron is not None:
            if pron.person == 3 and not pron.plural and (g := _g(pron.gender)) and (
                    not name or _last_named(text, name, m.start)):
                found.append(Evidence("pronoun", m.text.strip(), g, m.start))
        elif m.text[:1].islower() or _is_description(_WORD.findall(m.text) or ["x"]):
            if name and not _described(text, name, m.start, m.text):
                continue
            if (e := _phrase_role(m.text, m.start)) is not None:
                found.append(e)
    return found


def _described(text: str, name: str, position: int, description: str) -> bool:
    """Does the description at ``position`` speak of ``name``? Not when the name is its
    complement (« L'avocate de Jean-Marc Morandini »), nor when another person was named
    since the name (« La mère » after the father's name and someone else's)."""
    words = _WORD.findall(description)
    for k, w in enumerate(words):
        if w in name.split() and k > 0 and (
                _low(words[k - 1]) in _COMPLEMENT or (k > 1 and _low(words[k - 1]) in (
                    "le", "la", "l'", "les") and _low(words[k - 2]) in _COMPLEMENT)):
            return False
    if any(w in name.split() for w in words):
        return True  # « le sénateur républicain Tom Cotton »: the name is the head's
    return _last_named(text, name, position)


# -- names (« Sergueï Lavrov », « Lavrov », « M. Lavrov ») ----------------------------------


def _organisation_name(words: Sequence[str]) -> bool:
    """« Amnesty International », « MSF », « United Airlines »: an organisation by a word
    of its name or by being an acronym."""
    if any(len(w) > 1 and w.isupper() and w.isalpha() for w in words):
        # an acronym (« MSF », « ONU »), but not initials inside a person's name
        return not any(w[:1].isupper() and w[1:].islower() for w in words) or len(words) == 1
    return any(_organisation_noun(w) for w in words)


def _person_shaped(name: str) -> bool:
    """Two or more capitalised words, with only name particles between them (« Thomas de
    Maizière », « Marie-Amélie Le Fur »): the shape of a person's name in news French.
    « Médecins sans frontières », « Pôle emploi » are not."""
    words = name.split()
    particles = lexicon.words("name-particles") | {"le", "la", "van", "von", "der", "da",
                                                   "di", "dos", "del", "bin", "ben", "ibn"}
    capitals = [w for w in words if w[:1].isupper()]
    return len(capitals) >= 2 and all(w[:1].isupper() or w.lower() in particles
                                      for w in words)


def _surname(name: str) -> str:
    """The part of a full name the text repeats alone: its last word, with the particle
    before it (« Le Fur », « de Gaulle », « van Rompuy »)."""
    words = name.split()
    if len(words) > 2 and words[-2].lower() in ("le", "la", "de", "du", "van", "von",
                                                "der", "da", "di", "del", "al", "el"):
        return " ".join(words[-2:])
    return words[-1]


class _Found(threading.local):
    """The occurrences of each name in the text read last, per thread: a text's sources
    and descriptions ask for them again and again, and each search reads the whole text."""

    text: str | None = None
    names: dict[str, list[tuple[int, int]]]


_FOUND = _Found()


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``text`` names the person: the full name, and the surname alone unless
    another name in the text ends with it (« Marine Le Pen » and « Jean-Marie Le Pen »)."""
    if _FOUND.text is not text:
        _FOUND.text, _FOUND.names = text, {}
    if name not in _FOUND.names:
        _FOUND.names[name] = _find_occurrences(text, name)
    return _FOUND.names[name]


def _find_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    forms = [name]
    surname = _surname(name)
    if surname != name and not _shared_surname(text, name, surname):
        forms.append(surname)
    spans: dict[int, int] = {}
    full: list[tuple[int, int]] = []  # the full name's spans, in order
    for form in forms:
        for start, end in _written(text, form, _INSIDE_WORD):
            # the surname inside the full name is the full name's occurrence (a binary
            # search among the full name's spans: one form's matches never overlap)
            k = bisect.bisect_right(full, (start, sys.maxsize)) - 1
            if form is not name and k >= 0 and full[k][0] <= start < full[k][1]:
                continue
            spans.setdefault(start, end)
            if form is name:
                full.append((start, end))
    return sorted(spans.items())


# What may not stand right before a name's first letter: a letter or a digit, or also a
# hyphen or an apostrophe (« Jean-Louis Dupont », « d'Alep » are no place of « Louis
# Dupont », « Alep » for :func:`_occurrences`); and any run of spaces between its words.
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
_INSIDE_WORD = regex.compile(r"[\p{L}\p{N}\-'’]")
_SPACE_RUN = regex.compile(r"\s+")


def _written(text: str, form: str, inside: regex.Pattern[str]) -> Iterator[tuple[int, int]]:
    r"""Where ``text`` writes ``form``, its words with any run of spaces between them,
    after no character ``inside`` matches and before no letter or digit; in order and
    without overlaps. What the pattern ``(?<!inside)word\s+word…(?![\p{L}\p{N}])``
    finds, without compiling a pattern for each name: the regex engine compiles slowly,
    and every document brings new names."""
    words = form.split()
    if not words:
        return
    first = words[0]
    at = text.find(first)
    while at >= 0:
        end = at + len(first)
        for word in words[1:]:
            space = _SPACE_RUN.match(text, end)
            if space is None or not text.startswith(word, space.end()):
                end = -1
                break
            end = space.end() + len(word)
        if end >= 0 and not (at and inside.match(text, at - 1)) and not (
                _LETTER_OR_DIGIT.match(text, end)):
            yield at, end
            at = text.find(first, end)
        else:
            at = text.find(first, at + 1)


def _shared_surname(text: str, name: str, surname: str) -> bool:
    given = set(name.split()[:-len(surname.split())])
    before = r"(?P<first>(?:\p{Lu}[\p{L}.\-]*\s+){1,2})"
    pattern = before + r"\s*".join(regex.escape(w) for w in surname.split()) + r"(?!\p{L})"
    for m in regex.finditer(pattern, text):
        words = set(m.group("first").split())
        if words - given and not any(lexicon.is_title(w) for w in words):
            return True
    return False


def _name_evidence(text: str, name: str, quotes: Sequence[Quote]) -> list[Evidence]:
    """Everything the text says of a named source: around each place it is named, and
    at its quotes."""
    found = []
    for start, end in _occurrences(text, name):
        found += _around(text, name, start, end)
    found += _mention_evidence(quotes, text, name)
    return found


# A person's name as running text shows it: two capitalised words or more, with name
# particles between them (« Christophe Chalençon », « Thomas de Maizière »).
_PERSON_NAME = regex.compile(r"\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|du|d['’]|van|von|al-|el-|le|la)"
                             r"\s*)?\p{Lu}[\p{L}'’.-]+)+")


_QUOTED = regex.compile(r"«[^«»]*»|“[^“”]*”")


def _last_named(text: str, name: str, position: int) -> bool:
    """Is ``name`` the last person the text names before ``position``? (Not another
    person's name between its last mention and ``position``.)"""
    before = [s for s, _ in _occurrences(text, name) if s < position]
    if not before:
        return False
    own = set(name.split())
    between = _QUOTED.sub(" ", text[before[-1]:position])  # not the names quoted words hold
    for m in _PERSON_NAME.finditer(between):
        words = [w for w in m.group().split() if w not in ("Le", "La", "Les", "L'", "L’")]
        if (len(words) > 1 and not set(words) <= own and _person_shaped(" ".join(words))
                and not _organisation_name(words)):
            return False
    return True


_CLAUSE_END = regex.compile(r"[.;:!?«»\"“”()\[\]\n—–]")
_ABBREVIATION = regex.compile(r"(?:^|[^\p{L}])(?P<word>\p{L}+)$")


def _clause_start(left: str) -> int:
    """Where the clause that ends ``left`` starts: after the last punctuation that ends a
    clause, but not the full stop of an abbreviation (« M. », « J.-L. »)."""
    for m in reversed(list(_CLAUSE_END.finditer(left))):
        if m.group() == ".":
            word = _ABBREVIATION.search(left, 0, m.start())
            if word is not None and (len(word.group("word")) == 1 or word.group("word")
                                     in lexicon.words("abbreviations")):
                continue
        return int(m.end())
    return 0
_COMPLEMENT = frozenset({"de", "d'", "du", "des", "à", "au", "aux", "par", "pour", "avec",
                         "contre", "chez", "entre", "sur", "sans", "et", "ou", "ni"})
_BREAK = frozenset({"a", "ont", "est", "sont", "était", "avait", "sera", "qui", "que",
                    "qu'", "dont", "où", "mais", "et", "ou", "ni", "ayant", "étant",
                    "après", "avant", "lors", "quand", "alors"})


def _around(text: str, name: str, start: int, end: int) -> list[Evidence]:
    """What the text says of a person where it names them at ``start:end``: a title or a
    role before the name, a role in apposition after it, agreement with it as subject."""
    found = []
    left = text[max(0, start - 160):start]
    cut = _clause_start(left)
    before = [(m.group(), max(0, start - 160) + m.start())
              for m in _WORD.finditer(left, cut)]
    comma = left[cut:].rstrip().endswith(",")
    if before and not comma:
        word, at = before[-1]
        g = lexicon.title_gender(word) or lexicon.title_gender(word + ".")
        if text[at + len(word):at + len(word) + 1] == ".":
            g = lexicon.title_gender(word + ".") or g
        if g and _person_noun(word) is None:
            found.append(Evidence("title", text[at:end], _g(g), at))
    if (e := _role_before(text, name, before, comma)) is not None:
        found.append(e)
    if (e := _role_after(text, end)) is not None:
        found.append(e)
    if (e := _agreement(text, start, end)) is not None:
        found.append(e)
    return found


def _role_before(text: str, name: str, before: Sequence[tuple[str, int]],
                 comma: bool) -> Evidence | None:
    """« le ministre russe des Affaires étrangères Sergueï Lavrov », « selon le secrétaire
    général, Ban Ki-moon », « le Français Camille Lacourt »: the nearest noun for a person
    before the name, in the same noun phrase, with what gives its gender. Not when the
    name is a complement (« le porte-parole de Marine Le Pen »)."""
    if not before:
        return None
    last = _low(before[-1][0])
    if last in _COMPLEMENT or (len(before) > 1 and last in ("le", "la", "l'", "les")
                               and _low(before[-2][0]) in _COMPLEMENT):
        return None  # « de Marine Le Pen », « de la Maison Blanche »
    window = before[-7:]
    for k in range(len(window) - 1, -1, -1):
        word, at = window[k]
        low = _low(word)
        if low in _BREAK or (low.endswith(("é", "ée")) and k < len(window) - 1
                             and _person_noun(word) is None and k > 0
                             and _low(window[k - 1][0]) in ("a", "ont", "avait")):
            return None
        person = _person_noun(word)
        demonym = (k == len(window) - 1 and not comma and word[:1].isupper() and k > 0
                   and _low(window[k - 1][0]) in ("le", "la", "un", "une")
                   and word not in name.split())
        if person is None and not demonym:
            continue
        if person is not None and person[1]:
            return None  # « Une des passagères »: the plural is not the person
        adjs = []
        j = k - 1
        while j >= 0 and _low(window[j][0]) in lexicon.gender_words("adjectives"):
            adjs.append(window[j][0])
            j -= 1
        det = window[j][0] if j >= 0 else ""
        if person is None:
            g = _g(lexicon.gender_words("determiners").get(_low(det), ""))
        else:
            g = "" if _fixed(word) else _noun_gender(word, det, adjs) or _after_noun(
                [w for w, _ in window[k + 1:k + 2]])
        if not g:
            return None
        has_det = j >= 0 and _low(det) in lexicon.gender_words("determiners")
        first = window[j][1] if has_det else window[j + 1][1]
        return Evidence("role", text[first:at + len(word)], g, at)
    return None


_APPOSITION = regex.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?P<phrase>[^,.;:!?«»()\n]{1,100})")


def _role_after(text: str, end: int) -> Evidence | None:
    """« Oscar Munoz, le PDG de la compagnie », « Kellyanne Conway, conseillère de Trump »:
    a noun for a person in apposition after the name. Not the next item of a list
    (« Angela Merkel, le président français François Hollande et … »)."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return None
    tokens = list(_WORD.finditer(m.group("phrase")))
    words = [t.group() for t in tokens]
    det, noun, adjs, k = _head(words[:5])
    if not noun or (person := _person_noun(noun)) is None:
        return None
    if person[1] or det in _PLURAL_DETERMINERS or det in _QUANTIFIERS:
        return None
    complement = False
    for w in words[k + 1:k + 8]:
        if w[:1].isupper() and not complement:
            return None  # a name after the role: it is that person's role
        complement = _low(w) in _COMPLEMENT | {"la", "le", "l'", "les"} or (
            complement and w[:1].isupper())  # « du HBC Nantes »
    g = "" if _fixed(noun) else _noun_gender(noun, det, adjs) or _after_noun(words[k + 1:k + 2])
    if not g:
        return None
    start = m.start("phrase")
    return Evidence("role", m.group("phrase")[:tokens[k].end()], g, start + tokens[k].start())


def _after_noun(words: Sequence[str]) -> str:
    """The gender an adjective right after an epicene noun shows (« professeur associé »,
    « ministre déléguée »), when no determiner says it."""
    if not words or not words[0][:1].islower():
        return ""
    return _agreement_gender(words[0], "") if _person_noun(words[0]) is None else ""


# « X est ravie », « X s'est dite satisfaite », « X a été élue », « X, 45 ans, se dit
# prête »: the name as subject of a copula or a reflexive verb of saying or seeming.
_AGREEMENT = regex.compile(
    r"(?:\s*,[^,.;:!?«»()\n]{1,60},)?\s+(?:ne\s+|n['’])?"
    r"(?P<verb>est|était|sera|serait|fut|a\s+été|avait\s+été|aura\s+été|aurait\s+été"
    r"|semble|semblait|paraît|paraissait|reste|restait|demeure|devient|est\s+devenue?"
    r"|s['’]est|s['’]était|se\s+serait|se\s+sera|se\s+(?:dit|disait|dira|dirait|déclare"
    r"|déclarait|montre|montrait|veut|voulait|sent|sentait|trouve|trouvait|révèle))"
    r"(?P<skip>(?:\s+(?:pas|plus|jamais|très|si|bien|tout|toujours|aussi|déjà|également"
    r"|encore|alors|ensuite|désormais|d['’]abord|\p{L}+ment))*)"
    r"\s+(?P<w>[\p{L}’'-]+)(?:\s+(?P<w2>[\p{L}’'-]+))?"
)
# Participles after « s'est » that introduce an attribute of the subject: « s'est dit
# satisfait », « s'est montrée prudente ». Their attribute agrees too.
_SAYING = frozenset({"dit", "dite", "déclaré", "déclarée", "montré", "montrée", "voulu",
                     "voulue", "avoué", "avouée", "révélé", "révélée", "affirmé", "affirmée",
                     "estimé", "estimée", "senti", "sentie", "trouvé", "trouvée", "retrouvé",
                     "retrouvée", "dites", "déclarés"})
_INDIRECT = frozenset({"que", "qu'", "qu’", "de", "d'", "d’", "à"})


def _agreement(text: str, start: int, end: int) -> Evidence | None:
    """Agreement with the name as subject: « Nathalie Kosciusko-Morizet avait été sortie »,
    « X s'est dite satisfaite », « X est ravi », « X est la seule ».

    After « s'est », a masculine participle followed by « que », « de » or « à » says
    nothing: « elle s'est dit que … » does not agree (« se » is an indirect object)."""
    m = _AGREEMENT.match(text, end)
    if m is None:
        return None
    verb, w, w2 = m.group("verb"), m.group("w"), m.group("w2") or ""
    reflexive = verb.startswith(("s'", "s’", "se"))
    g = _agreement_gender(w, w2)
    if reflexive and verb.startswith(("s'", "s’")) and g == "m" and _low(w2) in _INDIRECT:
        g = ""
    if reflexive and not g and _low(w) in _SAYING:
        g = _agreement_gender(w2, "")  # « s'est dit prête »
    if reflexive and g == "m" and _low(w) in _SAYING and (
            g2 := _agreement_gender(w2, "")) and g2 != g:
        g = g2  # « s'est dit satisfaite »: the invariable « dit », then the attribute
    if not g:
        return None
    return Evidence("agreement", text[start:m.end()].replace("\n", " "), g, m.start("verb"))


def _agreement_gender(word: str, after: str) -> str:
    """The gender a word after « est » shows: a participle or adjective by its ending
    (« ravie », « satisfait », « élue », « heureuse »), a noun for a person (« candidate »),
    a determiner and what follows (« la seule », « une militante », « le premier »)."""
    low = _low(word)
    if not low or len(low) < 2:
        return ""
    determiners = lexicon.gender_words("determiners")
    if low in determiners:
        nxt = _low(after)
        if nxt in lexicon.gender_words("adjectives") or _person_noun(after) is not None:
            person = _person_noun(after)
            if person is not None and person[1]:
                return ""
            if person is None:
                return _g(lexicon.gender_words("adjectives").get(nxt, "")) or _g(
                    determiners.get(low, ""))
            return _noun_gender(after, low, [])
        return ""
    person = _person_noun(word)
    if person is not None:
        return "" if person[1] else _noun_gender(word, "", [])
    if low in lexicon.gender_words("adjectives"):
        return _g(lexicon.gender_words("adjectives")[low])
    if low in lexicon.gender_words("not-agreement") or low.endswith("ment") or len(low) < 3:
        return ""
    for section in ("feminine-endings", "masculine-endings"):
        endings = lexicon.gender_words(section)
        for ending in sorted(endings, key=len, reverse=True):
            if low.endswith(ending) and len(low) > len(ending) + 1:
                if low.endswith(("que", "gue")):
                    return ""
                return _g(endings[ending])
    return ""


# -- the speaker's own words ----------------------------------------------------------------

# « je suis ravie », « je me suis sentie », « je suis la seule », « j'ai été élue »
_SELF = regex.compile(
    r"(?i)(?<![\p{L}])(?:je\s+(?:ne\s+|n['’])?(?:suis|serai|serais|étais|fus|reste|"
    r"me\s+sens|me\s+sentais|me\s+suis\s+(?:senti|sentie)|me\s+suis)|j['’](?:ai|avais)"
    r"\s+été|moi\s+qui\s+suis)"
    r"(?:\s+(?:pas|plus|jamais|très|si|bien|tout|toujours|aussi|vraiment|tellement"
    r"|déjà|\p{L}+ment))*\s+(?P<w>[\p{L}’'-]+)(?:\s+(?P<w2>[\p{L}’'-]+))?"
)


def _quote_evidence(text: str, quotes: Sequence[Quote]) -> list[Evidence]:
    """Agreement in the first person in the source's own words (« Moi, … je suis la seule à
    l'ouvrir contre Sarkozy »)."""
    found = []
    for q in quotes:
        if q.kind not in (Kind.DIRECT, Kind.PARTIAL):
            continue
        for m in _SELF.finditer(q.text):
            g = _agreement_gender(m.group("w"), m.group("w2") or "")
            if g:
                found.append(Evidence("self", " ".join(m.group().split()), g,
                                      q.start + m.start()))
    return found
