"""The parser layer: backend-neutral Universal Dependencies sentences.

A backend (spaCy, stanza) turns strings into :class:`Sentence` objects made of
:class:`Token` objects that carry only plain values. The attribution rules in
:mod:`quotesnap.attribute` read these and nothing else, so they run the same on a spaCy
parse, a stanza parse, or a gold CoNLL-U tree from a treebank.

Conventions (those of UD, 0-based):

- ``Token.i`` is the token's index in its sentence; ``Token.head`` the index of its head,
  or ``-1`` for the root.
- ``deprel`` is the full UD relation, subtype included (``nsubj:pass``, ``parataxis:insert``).
- ``feats`` is the UD FEATS string (``Gender=Masc|Number=Sing``), ``""`` when empty.
- ``start``/``end`` are character offsets into the string given to the backend. The words
  of a multi-word token (``du`` = ``de`` + ``le``) all carry the offsets of the token.
- ``ent`` is the named-entity label (``PER``, ``LOC``, ``ORG``, ``MISC``) or ``""``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

__all__ = ["Backend", "Sentence", "Token"]


@attrs.frozen
class Token:
    """One syntactic word of a UD tree."""

    i: int
    text: str
    lemma: str
    upos: str
    head: int
    deprel: str
    start: int
    end: int
    feats: str = ""
    ent: str = ""

    def feat(self, name: str) -> str:
        """The value of one morphological feature (``Gender`` -> ``Masc``), or ``""``."""
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return ""

    def moved(self, start: int, end: int, text: str | None = None) -> Token:
        """The token at other offsets (and with ``text`` for its text, if given): what
        ``attrs.evolve`` gives, built directly, as every token of every parsed window is
        moved back into its document (evolve costs several times more)."""
        return Token(self.i, self.text if text is None else text, self.lemma, self.upos,
                     self.head, self.deprel, start, end, self.feats, self.ent)

    @property
    def base_deprel(self) -> str:
        """The relation without its subtype: ``nsubj:pass`` -> ``nsubj``."""
        return self.deprel.partition(":")[0]


@attrs.frozen
class Sentence:
    """A parsed sentence: tokens in order, with char offsets into the parsed string."""

    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start if self.tokens else 0

    @property
    def end(self) -> int:
        return self.tokens[-1].end if self.tokens else 0

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    @functools.cached_property
    def _dependents(self) -> tuple[tuple[Token, ...], ...]:
        # the rules ask for a token's dependents again and again: index them once
        deps: list[list[Token]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if 0 <= t.head < len(deps) and t.head != t.i:
                deps[t.head].append(t)
        return tuple(tuple(d) for d in deps)

    @functools.cached_property
    def memo(self) -> dict[str, Any]:
        """Answers the rules remember about this sentence, by question: a rule asked for
        every token at every quote of a long sentence must not work them out again."""
        return {}

    def children(self, tok: Token) -> list[Token]:
        """The dependents of ``tok``, in sentence order."""
        return list(self._dependents[tok.i])

    def head_of(self, tok: Token) -> Token | None:
        """The head of ``tok``, or None for the root."""
        return self.tokens[tok.head] if tok.head >= 0 else None

    def ancestors(self, tok: Token) -> Iterator[Token]:
        """The heads of ``tok`` up to the root (robust to cycles in bad trees)."""
        seen = {tok.i}
        cur = self.head_of(tok)
        while cur is not None and cur.i not in seen:
            yield cur
            seen.add(cur.i)
            cur = self.head_of(cur)

    def subtree(self, tok: Token) -> list[Token]:
        """``tok`` and everything it dominates, in sentence order."""
        inside = {tok.i}
        stack = [tok.i]
        while stack:
            for child in self._dependents[stack.pop()]:
                if child.i not in inside:
                    inside.add(child.i)
                    stack.append(child.i)
        return [t for t in self.tokens if t.i in inside]


@runtime_checkable
class Backend(Protocol):
    """What a parser backend provides.

    ``parse`` takes many strings at once (so a backend can batch them) and returns, for
    each string, its sentences with offsets into that string.
    """

    name: str

    def parse(self, texts: Sequence[str]) -> list[list[Sentence]]: ...
