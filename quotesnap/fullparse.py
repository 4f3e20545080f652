"""Candidate windows cut out of a parse of the whole text, instead of parsed on their own.

quotesnap normally parses only its candidate windows (:mod:`quotesnap.candidates`), each
a sentence with long quote bodies collapsed to a placeholder. Inside a user's spaCy
pipeline the whole ``Doc`` is already parsed: :func:`cut_windows` gives the rules the same
windows read off that parse, so nothing is parsed twice and the rest of the pipeline
(attribution, resolution, kinds) runs unchanged.

Each window is made of the full parse's tokens that fall inside it, with offsets moved
into the window's string; the tokens of a collapsed quote body become one token standing
for the quote (where the placeholder stands), attached where the body's top token was
attached. Arcs that leave the window are cut (the token becomes a root).

The result is close to, not the same as, parsing the windows: the parser saw the whole
quote and the sentences around it, so it may attach a quote, split sentences or tag a
word differently from what it does on ``«Q», a déclaré X.`` alone (``docs/spacy.md``
measures how often the quotes differ).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from .candidates import PLACEHOLDER, Candidate
from .parse import Sentence, Token

__all__ = ["cut_windows"]


def cut_windows(candidates: Sequence[Candidate], sentences: Sequence[Sentence]
                ) -> list[list[Sentence]]:
    """For each candidate, its window read off ``sentences`` (a parse of the whole text,
    offsets into the text): one sentence with offsets into the window's string, as a
    backend's ``parse`` returns it for that string."""
    tokens: list[Token] = []  # every token of the text, heads as indices into this list
    for sent in sentences:
        base = len(tokens)
        tokens.extend(attrs.evolve(t, i=base + t.i, head=base + t.head if t.head >= 0 else -1)
                      for t in sent.tokens)
    tokens.sort(key=lambda t: (t.start, t.i))
    starts = [t.start for t in tokens]
    return [[_cut(cand, tokens, starts)] for cand in candidates]


def _cut(cand: Candidate, tokens: Sequence[Token], starts: Sequence[int]) -> Sentence:
    window = cand.window
    # (start and end in the window, the collapsed quote it belongs to or -1, the token)
    placed: list[tuple[int, int, int, Token]] = []
    ends = [p[0] for p in window.pieces[1:]] + [len(window.text)]
    for (win_start, orig_start, length, quote), win_end in zip(window.pieces, ends,
                                                               strict=True):
        orig_end = orig_start + length
        inside = tokens[bisect.bisect_left(starts, orig_start):
                        bisect.bisect_left(starts, orig_end)]
        if quote < 0:
            placed.extend((win_start + t.start - orig_start,
                           win_start + min(t.end, orig_end) - orig_start, -1, t)
                          for t in inside)
        else:
            # every token of a collapsed body stands where the placeholder is (« Q »)
            at = window.text.index(PLACEHOLDER, win_start, win_end)
            placed.extend((at, at + len(PLACEHOLDER), quote, t) for t in inside)
    placed.sort(key=lambda p: (p[0], p[3].i))
    local: dict[int, int] = {}  # token of the text -> its index in the window
    entries: list[tuple[int, int, int, list[Token]]] = []
    stands: dict[int, int] = {}  # collapsed quote -> index of the token standing for it
    for start, end, quote, tok in placed:
        if quote >= 0 and quote in stands:
            entries[stands[quote]][3].append(tok)
            local[tok.i] = stands[quote]
            continue
        local[tok.i] = len(entries)
        if quote >= 0:
            stands[quote] = len(entries)
        entries.append((start, end, quote, [tok]))
    built = [_moved(toks[0], n, start, end, local) if quote < 0
             else _standing(toks, n, start, end, local)
             for n, (start, end, quote, toks) in enumerate(entries)]
    return Sentence(_without_cycles(built))


def _moved(tok: Token, n: int, start: int, end: int, local: dict[int, int]) -> Token:
    """``tok`` at its place in the window; an arc that leaves the window is cut."""
    head = local.get(tok.head, -1) if tok.head >= 0 else -1
    return attrs.evolve(tok, i=n, head=head, start=start, end=end,
                        deprel=tok.deprel if head >= 0 else "root")


def _standing(body: list[Token], n: int, start: int, end: int,
              local: dict[int, int]) -> Token:
    """The token that stands for a collapsed quote body: attached as the body's first
    token whose head lies outside the body (the top of the quoted clause)."""
    inside = {t.i for t in body}
    top = next((t for t in sorted(body, key=lambda t: t.i) if t.head not in inside), body[0])
    head = local.get(top.head, -1) if top.head >= 0 else -1
    return Token(i=n, text=PLACEHOLDER, lemma=PLACEHOLDER, upos=top.upos,
                 head=head if head != n else -1, deprel=top.deprel if head >= 0 else "root",
                 start=start, end=end, feats=top.feats)


def _without_cycles(tokens: list[Token]) -> tuple[Token, ...]:
    """Collapsing a body that is not one subtree can close a loop (the body's top hangs
    from a word outside that hangs from another word of the body): such a loop is broken
    at the standing token, which becomes a root."""
    out = list(tokens)
    for tok in out:
        seen = {tok.i}
        cur = tok.head
        while cur >= 0 and cur not in seen:
            seen.add(cur)
            cur = out[cur].head
        if cur >= 0:  # a loop through ``cur``
            loop = [cur]
            nxt = out[cur].head
            while nxt != cur:
                loop.append(nxt)
                nxt = out[nxt].head
            breaker = next((k for k in loop if out[k].text == PLACEHOLDER), cur)
            out[breaker] = attrs.evolve(out[breaker], head=-1, deprel="root")
    return tuple(out)
