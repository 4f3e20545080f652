"""Limits that keep every stage linear in the text, whatever it holds.

Real text never comes near them; hostile or broken text (a novel without a full stop, a
scraped page of marks) would otherwise make a stage slow with the square of its length,
or lose the document. Above each limit the text is still processed, in bounded pieces,
and the offsets still point into the caller's string (``docs/limits.md``):

- :data:`MAX_SENTENCE_CHARS`: a sentence longer than this (text without sentence
  punctuation) is cut for the parser at clause punctuation, else at a space, never inside a
  quotation: each piece is parsed and attributed on its own.
- :data:`MAX_INCISE_PARTS`: the incises of one quotation that go to the parser to find
  its source (the quote is still split at every incise).
- The scanner's limits (nesting, diagnostics, look-back) are in :mod:`quotesnap.scan`;
  a text longer than the parser's own limit (spaCy's ``max_length``) is parsed in parts
  by the backend.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from .scan import MarkedSpan

__all__ = ["MAX_INCISE_PARTS", "MAX_SENTENCE_CHARS", "bound_sentences", "inside",
           "split_at_spaces", "strip"]

#: The longest sentence (in characters, quotations included) given to the parser whole.
#: The longest sentences of the news corpus and the gold files are under 1,000 characters.
MAX_SENTENCE_CHARS = 2000
#: How many parts of a quotation split by incises (« …, dit-il, … ») go to the parser.
MAX_INCISE_PARTS = 8

# Where a long sentence may be cut, best first: after clause punctuation, at a space.
_CLAUSE_END = regex.compile(r"[,;:)\]—–](?=\s)", regex.REVERSE)
_SPACE = regex.compile(r"\s", regex.REVERSE)


def bound_sentences(text: str, sentences: Sequence[tuple[int, int]],
                    quotes: Sequence[MarkedSpan],
                    limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """The sentence ranges of ``text``, with every range longer than ``limit`` cut into
    pieces of at most ``limit`` characters (``quotes``: the text's outermost quotations).

    A piece ends after the last clause punctuation (``, ; : ) —``) of its second half,
    else at its last space, else at the limit itself; never inside a quotation (marks
    included): a quotation longer than the limit makes a piece of its own. Ranges that
    are not too long are returned as they are.
    """
    if all(b - a <= limit for a, b in sentences):
        return list(sentences)
    guarded = sorted((q.open_start, q.close_end) for q in quotes if q.depth == 0)
    starts = [a for a, _ in guarded]
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        while b - a > limit:
            cut = _cut(text, a, a + limit, guarded, starts)
            piece = strip(text, a, cut)
            if piece[0] < piece[1]:
                out.append(piece)
            a = cut
        a, b = strip(text, a, b)
        if a < b:
            out.append((a, b))
    return out


def _cut(text: str, lo: int, hi: int, guarded: Sequence[tuple[int, int]],
         starts: Sequence[int]) -> int:
    """Where to end a piece that starts at ``lo`` and may not go past ``hi``."""
    quote = inside(hi, guarded, starts)
    if quote is not None:
        if quote[0] <= lo:
            return quote[1]  # the quotation makes a piece of its own
        hi = quote[0]  # end before it
    half = lo + (hi - lo) // 2
    for pattern, after in ((_CLAUSE_END, 1), (_SPACE, 0)):
        for m in pattern.finditer(text, half, hi):  # from the right
            cut: int = m.start() + after
            if cut > lo and inside(cut, guarded, starts) is None:
                return cut
    return hi


def split_at_spaces(text: str, limit: int) -> list[tuple[int, int]]:
    """``text`` cut into consecutive ranges of at most ``limit`` characters, each ending
    at its last space (at the limit itself when it has none): what a parser that refuses
    longer texts can take, nothing left out."""
    out = []
    start = 0
    while len(text) - start > limit:
        m = _SPACE.search(text, start + limit // 2, start + limit)
        end = m.end() if m else start + limit
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def inside(pos: int, ranges: Sequence[tuple[int, int]], starts: Sequence[int]
           ) -> tuple[int, int] | None:
    """The range that ``pos`` falls strictly inside, if any: ``ranges`` do not overlap
    and are in order, ``starts`` are their starts (a binary search, not a look at each)."""
    k = bisect.bisect_left(starts, pos) - 1
    if k >= 0 and ranges[k][0] < pos < ranges[k][1]:
        return ranges[k]
    return None


def strip(text: str, a: int, b: int) -> tuple[int, int]:
    """``text[a:b]`` without the spaces at either end, as a range."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
