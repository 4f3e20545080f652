"""Resolve: from what the text says at a quote to the source it names.

A speaker mention is a name (``Lavrov``), a pronoun (``il``, ``-t-elle``, ``lui``) or a
description (``le chef de la diplomatie russe``). News French names a person in full once
(``le ministre russe des Affaires étrangères Sergueï Lavrov``), then by last name, pronoun
or role. So:

- names are clustered by their last word and reported under the fullest form the article
  uses (``Lavrov``, ``M. Lavrov`` -> ``Sergueï Lavrov``);
- a pronoun goes to the most recent source that agrees with it in number (``ils``) and,
  when known, gender (``elle``);
- a description goes to the person the article gives that role to in an apposition
  (``le ministre de l'intérieur Thomas de Maizière``, ``Fraser Seitel, son porte-parole``),
  else to the most recent person who spoke; a description of a group or thing that names
  nobody (``les autorités``, ``la mairie``) stays as written, under its fullest earlier
  form (``l'armée`` -> ``L'armée turque``).

The resolver walks the article in order, so "recent" means before the mention.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import attrs
import regex

from . import lexicon
from .parse import Sentence, Token
from .trees import is_speech_verb, mention_tokens

__all__ = ["Mention", "Resolver", "mention_from_tokens"]

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


def mention_from_tokens(tokens: Sequence[Token], original: str) -> Mention | None:
    """Classify a speaker mention read off a parse."""
    if not tokens:
        return None
    start, end = tokens[0].start, tokens[-1].end
    while start < end and original[start] in "-‐":
        start += 1  # « a-t-il souligné »: the mention is « il », without the hyphen
    text = original[start:end]
    propn = _proper_run(tokens, original)
    head = _head(tokens)
    gender = head.feat("Gender") if head else ""
    plural = bool(head and head.feat("Number") == "Plur")
    if propn:
        return Mention(text, start, end, "name", propn, head.lemma.lower() if head else "",
                       gender, plural)
    word = tokens[0].text.lstrip("-").lower()
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
    return Mention(text, start, end, "description", "", lemma, gender, plural)


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
        participle = k == 0 and tok.feat("VerbForm") == "Part"
        halfway = k == 0 and tok.text.lower() == "à" and nxt is not None and nxt.upos == "ADV"
        if gerund or aside or participle or halfway:
            kept = [t for t in tokens if t.i < tok.i]
            return kept[-1] if kept else None
    return None


def _head(tokens: Sequence[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head not in ids:
            return t
    return tokens[0] if tokens else None


def _proper_run(tokens: Sequence[Token], original: str) -> str:
    """The proper name in a mention: the run of proper-noun words (with their particles)
    that names a person if one does (``Le Président des États-Unis Donald Trump`` ->
    ``Donald Trump``), else the longest, as written in the text (``Michel-Ange``)."""
    of_words = lexicon.words("complement-prepositions")
    particles = lexicon.words("name-particles")
    runs: list[list[Token]] = []
    run: list[Token] = []
    skipping = False
    for n, t in enumerate(tokens):
        is_name = t.upos == "PROPN" or (t.ent in ("PER", "ORG", "LOC") and t.text[:1].isupper())
        # A name after « de » is a complement of the description, not who it is:
        # « le ministre russe des Affaires étrangères », « le secrétaire général de la
        # CGT », « soutien de Benoît Hamon », « un porte-parole d'A. Barrow, Halifa
        # Sannah » (-> Halifa Sannah).
        after_de = (not run and n > 0 and tokens[n - 1].text.lower() in of_words) or (
            not run and n > 1 and tokens[n - 1].upos == "DET"
            and tokens[n - 2].text.lower() in of_words)
        skipping = is_name and (after_de or skipping)
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
        return ""
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
    return original[best[0].start:best[-1].end]


def _trim(run: list[Token]) -> list[Token]:
    while run and not run[-1].text[:1].isupper():
        run = run[:-1]
    while run and (run[0].text.lower() in lexicon.role_nouns()
                   or run[0].text.lower() in lexicon.titles()):
        run = run[1:]
    return run


@attrs.define
class _Source:
    name: str
    position: int
    person: bool
    gender: str = ""
    plural: bool = False
    roles: set[str] = attrs.Factory(set)
    #: Content words of the descriptions and appositions given to this source
    #: (``ministre``, ``russe``, ``diplomatie``): what a later description must share.
    words: set[str] = attrs.Factory(set)


class Resolver:
    """Resolves mentions of one document, in text order (call :meth:`resolve` in order)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names = _name_inventory(text)
        self.sources: list[_Source] = []
        # (position, name, gender, subject of its sentence)
        self.persons: list[tuple[int, str, str, bool]] = []
        self.genders: dict[str, str] = {}
        self.groups: list[tuple[int, str]] = []
        self._resolved: dict[tuple[int, int], tuple[str | None, float]] = {}
        for m in _TITLED.finditer(text):
            gender = lexicon.title_gender(m.group("title").lower())
            if gender:
                self.genders[self.canonical(m.group("name"))] = gender
        lowercase = set(_LOWER_WORD.findall(text))
        for m in _SUBJECT_NAME.finditer(text):
            name = _common_words_off(m.group("name"), lowercase)
            if len(name.split()) > 1:
                self.add_person(name, m.start("name"), subject=True)
        for name, gender in _learned_genders(text).items():
            canonical = self.canonical(name)
            self.genders.setdefault(canonical, gender)
            # Fiction names its characters by one word (Bouvard, Clarimonde, Rachel):
            # each time one opens a clause, it is the one a later « il »/« elle » takes up.
            for m in regex.finditer(rf"(?<=(?:^|[.!?;:»]\s*|—\s*|,\s+|\b(?:et|puis|mais|"
                                    rf"alors|Puis|Mais|Alors|Et)\s+)){regex.escape(name)}"
                                    rf"(?=\s+\p{{Ll}})", text, regex.MULTILINE):
                self.add_person(canonical, m.start(), gender, subject=True)

    def learn(self, sent: Sentence, standing: dict[int, int]) -> None:
        """Register the people and groups a parsed sentence names: candidate
        antecedents for later pronouns. ``standing``: tokens that stand for a quote."""
        for name, pos, gender, subject in _persons(sent, standing, self.text):
            self.add_person(name, pos, gender, subject=subject)
        for group, pos in _groups(sent, self.text):
            self.add_group(group, pos)

    def add_group(self, text: str, position: int) -> None:
        """Register a plural subject the parser saw (« Les personnels ont décidé … »):
        a candidate antecedent for a later ``ils``/``elles``/``eux``."""
        self.groups.append((position, text))
        self.groups.sort()

    def add_person(self, name: str, position: int, gender: str = "", *,
                   subject: bool = False) -> None:
        """Register a person the parser saw named at ``position`` (a ``PER`` entity):
        a candidate antecedent for later pronouns, even if that person never speaks.
        ``subject``: the name is the subject of its sentence's main verb, the position
        French pronouns most often take up."""
        canonical = self.canonical(name)
        self.persons.append((position, canonical, gender or self.genders.get(canonical, ""),
                             subject))
        self.persons.sort()

    # -- names --------------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """The fullest form of ``name`` in the article (clustered on the last word)."""
        words = _words(name)
        if not words:
            return name
        best, best_len = name, len(words)
        for full, fw in self._variants:
            if fw[-1] == words[-1] and set(words) <= set(fw) and len(fw) > best_len:
                best, best_len = full, len(fw)
        return best

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

    def resolve(self, mention: Mention | None, position: int) -> tuple[str | None, float]:
        """The canonical source name of ``mention`` (at ``position``) and a confidence
        factor (1 for a name, lower for a pronoun or a description)."""
        if mention is None:
            return None, 0.0
        # One mention may attribute several quotes (« « … », écrit-il, ajoutant que
        # « … » »): it names the same source each time.
        key = (mention.start, mention.end)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(mention, position)
        return self._resolved[key]

    def _resolve(self, mention: Mention, position: int) -> tuple[str | None, float]:
        if mention.kind == "name":
            name = self.canonical(mention.name)
            known = self._source(name)  # « La Mairie » at a sentence start: « la Mairie »
            name = known.name if known is not None else name
            self._remember(name, position, mention, person=True)
            return name, 1.0
        if mention.kind == "pronoun":
            pron = lexicon.pronoun(mention.head)
            if pron is not None and pron.person == 1 and not mention.plural:
                # Outside quotes, « je dis », « m'écriai-je » is the narrator of a
                # first-person tale: never named, so named by the pronoun itself (the
                # gold's « je » for « m'écriai-je » too).
                return "je", 0.9
            src = self._antecedent(mention, position)
            if src is None:
                return mention.text, 0.5
            self._remember(src.name, position, mention, person=src.person)
            return src.name, 0.9
        return self._description(mention, position)

    def _remember(self, name: str, position: int, mention: Mention, *, person: bool) -> None:
        src = self._source(name)
        if src is None:
            src = _Source(name, position, person, self.genders.get(name, ""), mention.plural)
            self.sources.append(src)
        src.position = position
        if mention.gender and not src.gender:
            src.gender = mention.gender
        if mention.kind == "description" or (mention.kind == "name" and mention.head):
            src.roles.add(mention.head)
        src.words |= _content_words(mention.text, exclude=name)

    def _antecedent(self, mention: Mention, position: int) -> _Source | None:
        """The most recent source or named person before ``position`` that agrees with
        the pronoun. French ``il``/``elle`` mostly takes up the last person in focus:
        the last speaker, or a person named since (``elle est saluée par Donald Trump :
        « … », a-t-il écrit``)."""
        def agrees(src: _Source) -> bool:
            return mention.plural == src.plural and not (
                mention.gender and src.gender and mention.gender != src.gender)

        genders = {**self.genders, **{src.name: src.gender for src in self.sources if src.gender}}

        def person(pos: int, name: str, gender: str) -> _Source:
            return self._source(name) or _Source(name, pos, True, gender or genders.get(name, ""))

        # The centre of attention: who spoke last, or who was last the subject of a
        # main clause (« Alain Juppé a annoncé … si François Fillon jetterait l'éponge.
        # « … », a-t-il affirmé »: Juppé, not Fillon, named later but in a subordinate).
        focus = [(src.position, src) for src in self.sources
                 if (src.person or src.plural) and src.position < position]
        if not mention.plural:
            focus += [(pos, person(pos, name, gender)) for pos, name, gender, subject
                      in self.persons if subject and pos < position]
        if mention.plural:
            focus += [(pos, self._source(text) or _Source(text, pos, False, "", True))
                      for pos, text in self.groups if pos < position]
        for _, src in sorted(focus, key=lambda c: -c[0]):
            if agrees(src):
                return src
        if not mention.plural:
            for pos, name, gender, _ in reversed(self.persons):
                if pos < position and agrees(src := person(pos, name, gender)):
                    return src
            # nobody spoke or was recognised as a person: the article's protagonist,
            # the full name whose last word the text repeats most (« Pierre
            # Bouteiller » in his obituary), the more recent on a tie; a name the text
            # uses once or twice is nobody's story (the author's name at the head of a
            # novel: « Émile Zola »)
            before = [n for n, pos in self.names.items()
                      if pos < position and len(_words(n)) > 1 and self._repeated(n)]
            if before:
                name = max(before, key=lambda n: (self._mentions(n), self.names[n]))
                return _Source(name, self.names[name], True)
        return None

    def _repeated(self, name: str) -> bool:
        """Does the text use the last word of ``name`` outside a heading? A name only
        in a first line that is no sentence (« Émile Zola », « George Sand Nouvelle
        Édition … ») is a book's author or publisher."""
        last = regex.escape(_words(name)[-1])
        first, _, body = self.text.partition("\n")
        if regex.search(r"[.!?…»]\s*$", first):
            body = self.text
        return regex.search(rf"(?<!\p{{L}}){last}(?!\p{{L}})", body) is not None

    def _mentions(self, name: str) -> int:
        """How much the article is about ``name``: how often it uses its last word,
        counting the headline (the text's first line) twice."""
        last = regex.escape(_words(name)[-1])
        pattern = rf"(?<!\p{{L}}){last}(?!\p{{L}})"
        headline = self.text.split("\n", 1)[0]
        return len(regex.findall(pattern, self.text)) + 2 * len(regex.findall(pattern, headline))

    def focus(self, position: int) -> str | None:
        """Who the article is about at ``position``: the last person who spoke or was
        the subject of a main clause before it, or None."""
        src = self._antecedent(Mention("", position, position, "pronoun"), position)
        return src.name if src is not None and src.person else None

    def _source(self, name: str) -> _Source | None:
        # « la Mairie », « La Mairie » at a sentence start and « la mairie » are one source
        key = _fold_name(name)
        return next((src for src in self.sources if _fold_name(src.name) == key), None)

    def _description(self, mention: Mention, position: int) -> tuple[str, float]:
        role = mention.head
        is_role = role in lexicon.role_nouns()
        if is_role:
            named = self._apposition(mention, position)
            if named:
                self._remember(named, position, mention, person=True)
                return named, 0.9
            words = _content_words(mention.text) - {role}
            for src in sorted(self.sources, key=lambda s: -s.position):
                if not src.person or src.plural != mention.plural:
                    continue
                if mention.gender and src.gender and src.gender != mention.gender:
                    continue
                # A bare role (« le ministre ») takes up the last speaker; a fuller
                # description must share a word with what the article said of them
                # (« le chef de la diplomatie russe » after « le ministre russe »),
                # otherwise it introduces someone new (« le porte-parole de la
                # famille »).
                if not words or words & src.words or (role in src.roles and not words - src.words):
                    self._remember(src.name, position, mention, person=True)
                    return src.name, 0.8
            # nobody has spoken yet: the person named right after the description
            # (« La gardienne de l'équipe américaine a qualifié … Hope Solo, … »)
            # (but not a name that comes with a role of its own: « l'homme d'affaires
            # algérien Ali Haddad » is not « le président du tribunal »)
            after = [(pos, name) for pos, name, _, _ in self.persons
                     if mention.end <= pos < mention.end + 400
                     and not _other_role_before(self.text, pos, role)]
            if after and not mention.plural and not any(src.person for src in self.sources):
                name = after[0][1]
                self._remember(name, position, mention, person=True)
                return name, 0.7
        if role in lexicon.words("organisation-nouns"):
            # « la compagnie » after « la compagnie aérienne Air Méditerranée »
            named = self._apposition(mention, position)
            if named:
                self._remember(named, position, mention, person=False)
                return named, 0.8
        # a group or a thing: the form it already has (« la mairie » after « la Mairie »),
        # else its fullest earlier form with the same head word
        known = self._source(mention.text)
        if known is not None:
            return known.name, 0.8
        for src in sorted(self.sources, key=lambda s: -s.position):
            if not src.person and role and role in src.name.lower() and len(src.name) > len(
                    mention.text):
                return src.name, 0.8
        name = mention.text
        self._remember(name, position, mention, person=False)
        return name, 0.8

    def _apposition(self, mention: Mention, position: int) -> str | None:
        """A name the article sets beside the same role word: ``le ministre russe des
        Affaires étrangères Sergueï Lavrov``, ``Fraser Seitel, son porte-parole``, ``la
        compagnie aérienne Air Méditerranée``.

        A description with complements (``le président du tribunal de commerce``) only
        matches an apposition that shares one of them: ``le président du groupe ETRHB,
        Ali Haddad`` is another president.
        """
        role = mention.head
        words = _content_words(mention.text) - {role}
        best: tuple[int, str] | None = None
        for m in _apposition_pattern(role).finditer(self.text):
            raw = m.group("name") or m.group("name2")
            gap = m.group("gap") if m.group("name") else m.group("gap2") + m.group("gap3")
            if words and not words & _content_words(gap):
                continue
            name = _strip_titles(raw)
            if len(_words(name)) < 2 and mention.head in lexicon.role_nouns():
                continue
            pos = m.start()
            score = pos if pos <= position else -pos
            if best is None or score > best[0]:
                best = (score, self.canonical(name))
        return best[1] if best else None


@functools.lru_cache(maxsize=512)
def _apposition_pattern(role: str) -> regex.Pattern[str]:
    """``role`` then a name (« le ministre russe … Sergueï Lavrov »), or a name then
    ``role`` (« Fraser Seitel, son porte-parole »), compiled once per role."""
    return regex.compile(
        rf"\b{regex.escape(role)}s?\b(?P<gap>[^.;:!?«»\n]{{0,60}}?)(?P<name>{_NAME.pattern})"
        rf"|(?P<name2>{_NAME.pattern}),\s+(?P<gap2>(?:[\p{{L}}'’-]+\s+){{0,2}})"
        rf"{regex.escape(role)}\b(?P<gap3>[^.;:!?«»\n,]{{0,40}})",
    )


def _other_role_before(text: str, pos: int, role: str) -> bool:
    """Does a role noun other than ``role`` stand just before the name at ``pos``?"""
    before = {w.lower() for w in regex.findall(r"[\p{L}-]+", text[max(0, pos - 40):pos])}
    return any(w in lexicon.role_nouns() and w != role for w in before)


def _content_words(text: str, exclude: str = "") -> set[str]:
    """Lowercase content words of a description: what makes it recognisable."""
    skip = {w.lower() for w in _words(exclude)}
    stop = lexicon.words("description-stopwords")
    return {w for w in (m.group().lower() for m in regex.finditer(r"\p{L}[\p{L}-]{3,}", text))
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
    roles = [n for n, w in enumerate(words)
             if w.lower() in lexicon.role_nouns() or w.lower().rstrip(".") in lexicon.titles()]
    if not roles:
        return name
    tail = words[roles[-1] + 1:]
    # the role's complement: « des États-Unis », « du Travail »
    if len(tail) > 3 and tail[0].lower() in ("de", "des", "du", "d'", "d’"):
        tail = tail[2:]
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


def _learned_genders(text: str) -> dict[str, str]:
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
        if not regex.search(r"(?:^|[.!?;:«»—–\n])\s*$", before):
            inside[word] = inside.get(word, 0) + 1
        if regex.search(r"(?<!\p{L})(?:à|au|aux|en|dans|vers|sur|chez)"
                        r"\s+$", before, regex.IGNORECASE):
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
            before = sent[run[0].i - 1].text.lower() if run[0].i > 0 else ""
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
