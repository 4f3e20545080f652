"""Candidates: the few stretches of text worth parsing, with the quotes collapsed.

Parsing is the slow part of attribution, and almost all of a quote's words are useless to
find who said it. So the parser only sees:

- the sentence around each quote, with every long quote body replaced by a short
  placeholder (``«Q», a déclaré Lavrov.``): the incise, colon, ``selon`` and subject rules
  need the words around the quote, not inside it;
- the incises inside a quote (``«Nous partons, a-t-il dit, demain.»``), whose sentence is
  the quote itself;
- the sentences that the speech-verb lexicon, ``selon``/``d'après``/``pour`` or a word like
  ``propos`` flag as possible indirect speech or as an attribution after a quote.

A sentence introduced by a colon at the end of a paragraph (``il précise :`` then the
quote in the next paragraph) is joined to the quote that follows.

Each :class:`Window` is a string built from pieces of the original text and placeholders,
with an offset map, so that tokens parsed in it map back to the caller's string exactly
(STYLE.md habit 2: never rewrite the text in place).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import attrs
import regex

from . import lexicon
from .limits import MAX_INCISE_PARTS, inside
from .limits import strip as _strip
from .parse import Sentence, Token
from .scan import MarkedSpan, split_incises

__all__ = [
    "PLACEHOLDER",
    "Candidate",
    "Window",
    "build_window",
    "choose_windows",
    "may_report",
    "outside_quotes",
    "split_sentences",
]

#: What the parser sees instead of a long quote body. A short capitalised word parses as
#: a noun phrase or a one-word clause, which is what a quote is for the sentence around it.
PLACEHOLDER = "Q"

#: Quote bodies shorter than this are kept: a short fragment (``« sanctions illégales »``)
#: is part of the sentence's grammar, and parsing it costs little.
COLLAPSE_MIN_CHARS = 40


@functools.cache
def _abbreviation() -> regex.Pattern[str]:
    """A text that ends with an abbreviation and its full stop, after which the sentence
    goes on: « M. Lavrov », « J.-L. Mélenchon », « av. J.-C. », « etc. », and initials.
    The abbreviations are the ``[abbreviations]`` of ``data/words.txt``; an initial is
    any capital letter alone."""
    listed = sorted(lexicon.words("abbreviations"), key=lambda w: (-len(w), w))
    return regex.compile(
        r"(?:\b(?:" + "|".join(regex.escape(w) for w in listed) + r")|\b\p{Lu})\.$")


def _initial_then_sentence(text: str, head: str, start: int) -> bool:
    """Whether a capital letter alone and its full stop (« la bombe H. ») end a sentence
    after all: the word after it opens a sentence (a determiner or a subject pronoun:
    « … la bombe H. La Corée du Sud a annoncé … »), where an initial is followed by the
    rest of a name (« J. Smith », « Nolan L. a accepté »). Listed abbreviations
    (« M. Le Roux ») never end one."""
    if not _INITIAL.search(head) or _listed_abbreviation().search(head):
        return False
    word = _NEXT_WORD.match(text, start)
    return word is not None and word.group().lower() in (
        lexicon.words("determiners") | lexicon.words("third-subjects"))


@functools.cache
def _listed_abbreviation() -> regex.Pattern[str]:
    listed = sorted(lexicon.words("abbreviations"), key=lambda w: (-len(w), w))
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in listed) + r")\.$")


_INITIAL = regex.compile(r"(?<![\p{L}.])\p{Lu}\.$")
_NEXT_WORD = regex.compile(r"\p{L}+")


# A sentence ends at . ! ? … (possibly repeated, possibly followed by a closing mark or
# bracket) when what follows the spaces starts a new sentence: a capital, a digit, an
# opening quotation mark or a dialogue dash.
_BOUNDARY = regex.compile(
    r"(?<=[.!?…])(?:[ \u00a0\u202f]*[»”\"’)\]])*[ \t\u00a0\u202f]+(?=[\p{Lu}\p{N}«“„\"—–-])"
)
_PARAGRAPH = regex.compile(r"\n+")
_SPACES_BEFORE = regex.compile(r"[ \t\u00a0\u202f]*", regex.REVERSE)


#: How many words may stand between a speech verb and the « que » of its clause (« a
#: déclaré lundi à la presse que … », « a annoncé, dimanche 24 janvier, que »).
QUE_WORDS = 6
#: How many words may stand between a passive speech verb and the « par » of its agent
#: (« est jugé trop coûteux et trop interventionniste par les républicains »).
AGENT_WORDS = 6


@functools.cache
def _after_verb() -> regex.Pattern[str]:
    """What follows a speech verb in indirect speech: a que-clause a few words on, an
    infinitive, maybe after an adverb (« affirme avoir », « dit pourtant assumer », « a
    expliqué avoir été contrainte »; the words that only look like one are
    ``[not-infinitives]`` of ``data/words.txt``), a word that opens an object or a
    complement within two words (« a annoncé des actions », « appelle à continuer »,
    « critique vivement la presse »: ``[complement-openers]``), or the agent of a
    passive a few words on (« est jugé trop coûteux par X »)."""
    not_infinitives = "|".join(sorted(map(regex.escape, lexicon.words("not-infinitives"))))
    openers = "|".join(sorted((regex.escape(w) for w in lexicon.words("complement-openers")),
                              key=lambda w: (-len(w), w)))
    return regex.compile(
        rf"(?:[\s,]+[\w'’-]+){{0,{QUE_WORDS - 1}}}?[\s,]+qu(?:e\b|['’])"
        r"|(?:\s+\p{L}+)?\s+(?:ne\s+pas\s+|n['’]\S+\s+pas\s+)?"
        rf"(?!(?:{not_infinitives})\b)(?:avoir|être|\p{{L}}+(?:er|ir|re))\b"
        rf"|(?:\s+\p{{L}}+){{0,2}}?\s+(?:{openers})(?=[\s\p{{L}}])"
        rf"|(?:\s+[\w'’-]+){{0,{AGENT_WORDS - 1}}}?\s+par\b",
        regex.IGNORECASE,
    )


# A speech verb in an incise after the author's clause: « …, estime le ministre. »: a
# comma before it, its inverted subject after it, and the sentence ends a few words on.
_INCISE_BEFORE = regex.compile(r",\s*(?:[\p{L}'’]+\s+){0,2}$")
_INCISE_AFTER = regex.compile(
    r"(?:-t)?-(?:il|elle|ils|elles|on)\b|\s+(?:le|la|les|l['’]|un|une|M\.|Mme|\p{Lu})"
    r"[^,;:.!?]{0,80}[.!?…]?\s*$"
)
# What may come before the first word of a sentence: a dash, an opening mark.
_LEADING = regex.compile(r"^\W+")


def may_report(text: str) -> bool:
    """Could ``text`` (a sentence, quotes left out) hold indirect speech?

    The test is on words, before any parsing, and errs on the side of yes: a speech verb
    followed by ``que``, an infinitive or a complement (:func:`_after_verb`), a speech
    verb in an incise after a comma, a cue of several words (« fait état de »), or a
    source phrase (``selon X``, ``d'après X``, ``à en croire X``, ``Pour X,``). Sentences
    that only mention a speech verb (« l'annonce du gouvernement », « a-t-il dit. ») are
    not parsed. ``benchmarks/candidate_recall.py`` measures how much of the gold
    indirect speech this lets through.
    """
    # selon X, d'après X, à en croire X…, and Pour X at the head of the sentence: the
    # prepositions of the lexicon (quotesnap/data/speech_cues.txt)
    if lexicon.source_preposition_regex().search(_LEADING.sub("", text, count=1)):
        return True
    if lexicon.multiword_cue_regex().search(text):
        return True
    for m in lexicon.speech_verb_forms_regex().finditer(text):
        if _after_verb().match(text, m.end()) or (
                _INCISE_BEFORE.search(text, 0, m.start()) and _INCISE_AFTER.match(text, m.end())):
            return True
    return False


@attrs.frozen
class Window:
    """A string to parse, built from the original text with quote bodies collapsed.

    ``pieces`` maps the window back: each is ``(win_start, orig_start, length, quote)``
    where ``quote`` is the index of the collapsed quote (in the list given to
    :func:`build_window`) for a placeholder piece, or -1 for a verbatim piece.
    """

    text: str
    start: int
    end: int
    pieces: tuple[tuple[int, int, int, int], ...]

    def to_original(self, pos: int) -> tuple[int, int]:
        """The original offset of window offset ``pos`` and the quote it falls in (or -1)."""
        for win_start, orig_start, length, quote in reversed(self.pieces):
            if pos >= win_start:
                if quote >= 0:
                    return orig_start, quote
                return orig_start + min(pos - win_start, length), -1
        return self.start, -1

    def map_sentence(
        self, sent: Sentence, original: str, quotes: Sequence[MarkedSpan]
    ) -> tuple[Sentence, dict[int, int]]:
        """The sentence with offsets into the original text, and which tokens stand for a
        collapsed quote (token index -> quote index)."""
        tokens: list[Token] = []
        standing: dict[int, int] = {}
        for tok in sent.tokens:
            start, quote = self.to_original(tok.start)
            if quote >= 0:
                span = quotes[quote]
                standing[tok.i] = quote
                tokens.append(tok.moved(span.start, span.end))
                continue
            end, _ = self.to_original(tok.end)
            end = max(end, start)
            tokens.append(tok.moved(start, end, original[start:end]))
        return Sentence(tuple(tokens)), standing


@attrs.frozen
class Candidate:
    """A window to parse and what it is for.

    ``sentence``: the index of the sentence it covers, or -1 for the incise of a quote.
    ``quotes``: the outermost quotes (indices into the document's list) it holds; for an
    incise, the one quote it splits. ``spans``: the spans the window's placeholders stand
    for (the document's outermost quotes, or the parts of the split quote).
    """

    window: Window
    sentence: int
    quotes: tuple[int, ...]
    spans: Sequence[MarkedSpan]


# Words of a sentence that names the source of the quotes just before it
# (« Tels sont les mots employés par … »).
_AFTER_QUOTE = regex.compile(r"(?i)\b(?:propos|paroles?|mots|termes|déclarations?)\b")


def choose_windows(text: str, top: Sequence[MarkedSpan], sentences: Sequence[tuple[int, int]],
                   *, indirect: bool = True) -> list[Candidate]:
    """The windows worth parsing in a document whose outermost quotes are ``top``: every
    sentence with a quote (long bodies collapsed), the incise of every split quote, the
    sentence after a quote when it names its source, and, with ``indirect``, the
    sentences :func:`may_report` selects."""
    out: list[Candidate] = []
    qi = 0
    for si, (a, b) in enumerate(sentences):
        while qi < len(top) and top[qi].start < a:
            qi += 1
        inside = []
        j = qi
        while j < len(top) and top[j].start < b:
            inside.append(j)
            j += 1
        outside = outside_quotes(text, a, b, [top[k] for k in inside])
        after_quote = bool(out) and out[-1].sentence == si - 1 and bool(out[-1].quotes) and \
            bool(_AFTER_QUOTE.search(outside))
        if not (inside or after_quote or (indirect and may_report(outside))):
            continue
        collapse = [k for k in inside
                    if top[k].end - top[k].start >= COLLAPSE_MIN_CHARS or top[k].incises]
        out.append(Candidate(build_window(text, a, b, top, collapse), si, tuple(inside), top))
        for k in inside:
            parts = [attrs.evolve(top[k], start=s, end=e, incises=())
                     for s, e in split_incises(top[k], text)] if top[k].incises else []
            parts = parts[:MAX_INCISE_PARTS]  # a bounded window (docs/limits.md)
            if len(parts) > 1:
                window = build_window(text, parts[0].start, parts[-1].end, parts,
                                      range(len(parts)))
                out.append(Candidate(window, -1, (k,), parts))
    return out


def outside_quotes(text: str, a: int, b: int, quotes: Sequence[MarkedSpan]) -> str:
    """``text[a:b]`` without the given quotes (marks included), pieces joined by spaces."""
    parts, pos = [], a
    for q in quotes:
        parts.append(text[pos:max(pos, q.open_start)])
        pos = max(pos, q.close_end)
    parts.append(text[pos:b])
    return " ".join(parts)


def build_window(text: str, start: int, end: int, quotes: Sequence[MarkedSpan],
                 collapse: Iterable[int]) -> Window:
    """The window over ``text[start:end]`` with the bodies of ``quotes[i]`` for ``i`` in
    ``collapse`` replaced by :data:`PLACEHOLDER` (their marks stay)."""
    pieces: list[tuple[int, int, int, int]] = []
    parts: list[str] = []
    pos = start
    win = 0
    for qi in sorted(collapse, key=lambda i: quotes[i].start):
        q = quotes[qi]
        if q.start < pos or q.end > end:
            continue
        if q.start > pos:
            pieces.append((win, pos, q.start - pos, -1))
            parts.append(text[pos:q.start])
            win += q.start - pos
        # « Q » rather than «Q»: a tokenizer that never saw a mark glued to a word may
        # read «Q» as one token; the spaces map to the quote like the placeholder
        body = PLACEHOLDER
        if q.start > 0 and not text[q.start - 1].isspace():
            body = " " + body
        if q.end < len(text) and not text[q.end].isspace():
            body += " "
        pieces.append((win, q.start, q.end - q.start, qi))
        parts.append(body)
        win += len(body)
        pos = q.end
    if pos < end:
        pieces.append((win, pos, end - pos, -1))
        parts.append(text[pos:end])
    return Window("".join(parts), start, end, tuple(pieces))


def split_sentences(text: str, quotes: Sequence[MarkedSpan]) -> list[tuple[int, int]]:
    """Sentence ranges of ``text``, cheap and regex-based, never cutting inside a quote.

    Paragraph breaks end sentences, except inside a quote (a quote continued over several
    paragraphs stays whole) and after a colon (``il précise :`` then the quote on the next
    line is one sentence). Leading and trailing spaces are left out of each range.
    """
    # Positions that must not end a sentence: inside an outermost quotation.
    guarded = sorted((q.open_start, q.close_end) for q in quotes
                     if q.depth == 0 and not q.dialogue)
    starts = [a for a, _ in guarded]
    cuts: list[int] = []
    for m in _PARAGRAPH.finditer(text):
        if _inside(m.start(), guarded, starts):
            continue
        # the last character before the break, looking back over spaces only
        before = _SPACES_BEFORE.match(text, 0, m.start()).start()
        if before > 0 and text[before - 1] == ":":
            continue
        cuts.append(m.start())
    for m in _BOUNDARY.finditer(text):
        # cut where the next sentence starts, so that « … ! » Un résultat … ends the
        # quote's sentence after its closing mark
        if _inside(m.end(), guarded, starts):
            continue
        head = text[max(0, m.start() - 12):m.start()].rstrip("»”\"’)] \u00a0\u202f")
        if _abbreviation().search(head) and not _initial_then_sentence(text, head, m.end()):
            continue
        cuts.append(m.end())
    cuts.sort()
    out: list[tuple[int, int]] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        a, b = _strip(text, pos, cut)
        if a < b:
            out.append((a, b))
        pos = cut
    return out


def _inside(pos: int, ranges: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    return inside(pos, ranges, starts) is not None
