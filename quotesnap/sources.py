"""Sources: who is quoted across a corpus, one record per source.

    >>> extractor = quotesnap.Extractor()
    >>> table = quotesnap.sources(extractor.extract_many(docs))
    >>> table[0].name, table[0].quotes, table[0].articles
    ('Donald Trump', 57, 21)

Each article names its sources under their canonical name (the fullest form it uses);
across articles, sources are merged by name: spellings that differ only by case, accents,
a leading article or spacing are one source (« la Mairie », « La mairie »), and a name
that is the end of a fuller one (« Lavrov » in an article that never gives the first
name) joins it when that fuller name is the only one, or by far the most quoted, that ends
so (« Sergueï Lavrov »). What only an article can say stays with that article: a pronoun
the resolution could not name (« il »), a description with an indefinite article (« un
porte-parole », « une source proche du dossier ») are sources of their article alone.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from . import lexicon
from .extract import Extraction
from .results import Kind, Quote

__all__ = ["Source", "fold_name", "sources"]


_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_INDEFINITE = frozenset({"un", "une", "des", "de", "d", "on", "certains", "certaines",
                         "plusieurs", "quelques", "divers", "diverses", "d'autres"})


@attrs.frozen
class Source:
    """One source across a corpus.

    ``name``: the canonical name (the most quoted spelling of more than one word);
    ``names``: every name merged into it; ``kind``: ``person``, ``organisation``,
    ``group`` or ``unknown``; ``gender``: ``f``, ``m`` or None (see
    :mod:`quotesnap.gender`), with the ``gender_evidence`` of the articles that gave it;
    ``quotes``: how many quotes, ``direct``/``partial``/``indirect`` by kind; ``words``: words
    quoted; ``articles``: in how many documents; ``first_doc_id``/``last_doc_id``: the
    first and last of them in input order; ``quoted``: the quotes themselves.
    """

    name: str
    kind: str
    gender: str | None
    quotes: int
    direct: int
    partial: int
    indirect: int
    words: int
    articles: int
    first_doc_id: str | None
    last_doc_id: str | None
    names: tuple[str, ...] = ()
    gender_evidence: tuple[str, ...] = ()
    quoted: tuple[Quote, ...] = attrs.field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain values (without the quotes themselves)."""
        return {
            "name": self.name, "kind": self.kind, "gender": self.gender,
            "quotes": self.quotes, "direct": self.direct, "partial": self.partial,
            "indirect": self.indirect, "words": self.words, "articles": self.articles,
            "first_doc_id": self.first_doc_id, "last_doc_id": self.last_doc_id,
            "names": list(self.names), "gender_evidence": list(self.gender_evidence),
        }


def sources(extractions: Iterable[Extraction | Sequence[Quote]]) -> list[Source]:
    """One :class:`Source` per source quoted in ``extractions`` (the results of
    :meth:`Extractor.extract_many`, or lists of quotes), the most quoted first."""
    groups: dict[tuple[str, str], list[tuple[int, Quote]]] = {}
    for n, ex in enumerate(extractions):
        quotes = ex.quotes if isinstance(ex, Extraction) else ex
        for q in quotes:
            if q.speaker is None or q.kind == Kind.OTHER:
                continue
            groups.setdefault(_key(q, n), []).append((n, q))
    _merge_surnames(groups)
    table = [_record(members) for members in groups.values()]
    table.sort(key=lambda s: (-s.quotes, -s.articles, fold_name(s.name)))
    return table


def fold_name(name: str) -> str:
    """A name's spelling for comparison: no accents, lowercase, no leading article, words
    only (« L’Unédic » and « l'Unedic » are one)."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    words = _WORDS.findall(plain.replace("'", "' "))
    if words and words[0] in ("le", "la", "les", "l"):
        words = words[1:]
    return " ".join(words)


def _key(q: Quote, doc: int) -> tuple[str, str]:
    """What merges sources: their folded name, plus the document for what only its
    article can say: a pronoun (« il »), an indefinite description (« un porte-parole »),
    a description without a proper name (« la police », « le gouvernement »: whose?)."""
    assert q.speaker is not None
    name = q.speaker.name
    words = name.replace("’", "'").replace("'", "' ").split()
    local = (lexicon.pronoun(name) is not None or not words
             or words[0].lower() in _INDEFINITE
             or not any(w[:1].isupper() for w in words[1:] + words[:1]
                        if w.lower() not in ("le", "la", "les", "l'")))
    return (str(doc) if local else "", fold_name(name))


def _merge_surnames(groups: dict[tuple[str, str], list[tuple[int, Quote]]]) -> None:
    """« Lavrov » joins « Sergueï Lavrov » when that is the only fuller name of a person
    ending so, or holds at least two thirds of their quotes."""
    fuller: dict[str, list[tuple[str, str]]] = {}
    for key, members in groups.items():
        words = key[1].split()
        if not key[0] and len(words) > 1 and _kind(members) == "person":
            fuller.setdefault(words[-1], []).append(key)
    for key in list(groups):
        words = key[1].split()
        if key[0] or not words or key not in groups:
            continue
        candidates = [k for k in fuller.get(words[-1], []) if k != key and k in groups
                      and set(words) < set(k[1].split())]
        if not candidates or _kind(groups[key]) not in ("person", "unknown"):
            continue
        best = max(candidates, key=lambda k: len(groups[k]))
        total = sum(len(groups[k]) for k in candidates)
        if len(candidates) == 1 or 3 * len(groups[best]) >= 2 * total:
            groups[best].extend(groups.pop(key))


def _kind(members: Sequence[tuple[int, Quote]]) -> str:
    """The kind most of the quotes give, unknown only when none says more."""
    kinds = Counter(q.speaker.kind for _, q in members if q.speaker and q.speaker.kind
                    != "unknown")
    return kinds.most_common(1)[0][0] if kinds else "unknown"


def _gender(members: Sequence[tuple[int, Quote]]) -> tuple[str | None, tuple[str, ...]]:
    """The gender the articles give, one vote per article: the one they agree on, or the
    one at least two thirds of them give; None when they say nothing or disagree."""
    by_doc: dict[int, tuple[str | None, tuple[str, ...]]] = {}
    for n, q in members:
        if q.speaker is not None and q.speaker.gender is not None:
            by_doc.setdefault(n, (q.speaker.gender, q.speaker.gender_evidence))
    votes = Counter(g for g, _ in by_doc.values())
    if not votes:
        return None, ()
    gender, n = votes.most_common(1)[0]
    if 3 * n < 2 * sum(votes.values()):
        return None, ()
    evidence = tuple(dict.fromkeys(e for g, ev in by_doc.values() if g == gender for e in ev))
    return gender, evidence


def _record(members: list[tuple[int, Quote]]) -> Source:
    members.sort(key=lambda m: (m[0], m[1].start))
    quotes = [q for _, q in members]
    names = Counter(q.speaker.name for q in quotes if q.speaker)
    # the most quoted full name (« Donald Trump », not « États-Unis Donald Trump » that
    # one article's apposition gave, nor the bare « Trump »)
    full = [n for n in names if len(n.split()) > 1] or list(names)
    name = max(full, key=lambda n: (names[n], -len(n.split())))
    kinds = Counter(q.kind for q in quotes)
    docs = list(dict.fromkeys(n for n, _ in members))
    by_doc = {n: q.doc_id for n, q in members}
    gender, evidence = _gender(members)
    kind = _kind(members)
    return Source(
        name=name, kind=kind, gender=gender if kind == "person" else None,
        quotes=len(quotes), direct=kinds[Kind.DIRECT], partial=kinds[Kind.PARTIAL],
        indirect=kinds[Kind.INDIRECT],
        words=sum(len(_WORDS.findall(q.text)) for q in quotes), articles=len(docs),
        first_doc_id=by_doc[docs[0]], last_doc_id=by_doc[docs[-1]],
        names=tuple(sorted(names, key=lambda n: -names[n])),
        gender_evidence=evidence if kind == "person" else (), quoted=tuple(quotes))
