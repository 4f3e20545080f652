"""Input normalisation with exact offsets: what the pipeline reads, and the way back.

Text reaches quotesnap from Mac tools and PDFs in decomposed form (NFD: ``é`` as ``e`` and a
combining acute accent), and from scraped pages and OCR with invisible characters in it (a
soft hyphen, a zero-width joiner, a byte-order mark, NUL or DEL). The lexicon, the
scanner's patterns and the parser all expect composed text without them: in NFD, « a
déclaré » is no speech verb, and « Dupont.\\u00ad » is one token whose name keeps the
period and the hyphen.

So the pipeline reads a normalised copy: every cluster of a base character and its
combining marks in NFC, invisible characters taken out. :class:`Normalized` keeps the few
places where the copy differs from the caller's string, and maps every result back: the
offsets and texts of quotes, speaker mentions, cues and diagnostics are those of the
caller's string (``text[q.start:q.end] == q.text``, always); a span never starts or ends
on an invisible character. Names are the copy's: composed and without invisible characters.

Text that is already composed and clean (almost all text) is not copied at all.

A lone surrogate (``"\\ud800"`` in JSON) is not Unicode text at all: it is an
:class:`~quotesnap.errors.InputFormatError` that names the document, not a
``UnicodeEncodeError`` from deep inside the parser.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import unicodedata

import attrs
import regex

from .errors import InputFormatError
from .results import Cue, Diagnostic, Quote, Span

__all__ = ["Normalized", "find_surrogate", "normalize"]

# Invisible characters: format characters (soft hyphen, zero-width space and joiners, the
# byte-order mark, bidirectional controls) and control characters but the ones that are
# spaces or line breaks to str.splitlines() and to the scanner.
_INVISIBLE = r"\p{Cf}\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
# Characters that attach to the one before them: combining marks, and the Hangul vowels and
# final consonants that compose with the syllable before.
_ATTACHED = r"\p{M}\u1160-\u11ff\ud7b0-\ud7ff"
_INVISIBLES = regex.compile(f"[{_INVISIBLE}]")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


@functools.cache
def _changes() -> regex.Pattern[str]:
    """What normalisation changes: an invisible character, a base character with the marks
    attached to it, or a character NFC replaces on its own (``Å`` the ångström sign, the
    Ω of ohms, CJK compatibility ideographs). Those last are found once, on first use."""
    # (all of them are in the first two planes or among the CJK compatibility ideographs)
    codes = [c for c in itertools.chain(range(0x20000), range(0x2F800, 0x2FA20))
             if not 0xD800 <= c <= 0xDFFF and unicodedata.combining(chr(c)) == 0
             and unicodedata.normalize("NFC", chr(c)) != chr(c)]
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    singles = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return regex.compile(
        rf"(?P<gone>[{_INVISIBLE}])"
        rf"|[^{_ATTACHED}{_INVISIBLE}]?[{_ATTACHED}]+"
        rf"|[{singles}]"
    )


def find_surrogate(text: str) -> int:
    """The offset of the first lone surrogate in ``text``, or -1."""
    if text.isascii():
        return -1
    m = _SURROGATE.search(text)
    return m.start() if m else -1


@attrs.frozen
class Normalized:
    """The text the pipeline reads and the way back to the caller's string.

    ``edits``: the places where ``text`` differs from ``original``, in order, as
    ``(start in text, start in original, length in text, length in original)``; between
    them the two strings are the same. No edits: ``text is original``.
    """

    original: str
    text: str
    edits: tuple[tuple[int, int, int, int], ...] = ()

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [e[0] for e in self.edits]

    def start(self, pos: int) -> int:
        """Where a span that starts at ``pos`` in ``text`` starts in ``original`` (after
        any invisible character taken out before it)."""
        if not self.edits:
            return pos
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return pos
        at, orig, length, orig_length = self.edits[k]
        if pos < at + length:
            return orig  # inside a replaced cluster: from its start
        return orig + orig_length + pos - at - length

    def end(self, pos: int) -> int:
        """Where a span that ends at ``pos`` in ``text`` ends in ``original`` (before
        any invisible character taken out after it)."""
        if not self.edits or pos <= 0:
            return pos
        last = pos - 1  # the span's last character
        k = bisect.bisect_right(self._starts, last) - 1
        if k < 0:
            return pos
        at, orig, length, orig_length = self.edits[k]
        if last < at + length:
            return orig + orig_length  # inside a replaced cluster: to its end
        return orig + orig_length + last - at - length + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The range of ``original`` that ``text[start:end]`` comes from."""
        a = self.start(start)
        return a, max(a, self.end(end)) if end > start else a

    def restore(self, quotes: tuple[Quote, ...], diagnostics: tuple[Diagnostic, ...],
                ) -> tuple[tuple[Quote, ...], tuple[Diagnostic, ...]]:
        """Quotes and diagnostics found in ``text``, with offsets and texts into
        ``original`` (names stay as normalised: composed, no invisible character)."""
        if not self.edits:
            return quotes, diagnostics
        return (tuple(self._quote(q) for q in quotes),
                tuple(attrs.evolve(d, start=a, end=b)
                      for d in diagnostics for a, b in [self.span(d.start, d.end)]))

    def _quote(self, q: Quote) -> Quote:
        start, end = self.span(q.start, q.end)
        speaker = q.speaker
        if speaker is not None and speaker.mention is not None:
            speaker = attrs.evolve(speaker, mention=self._span(speaker.mention))
        cue = q.cue
        if cue is not None:
            span = self._span(cue.span)
            cue = Cue(span.text, cue.lemma, span)
        return attrs.evolve(q, text=self.original[start:end], start=start, end=end,
                            speaker=speaker, cue=cue)

    def _span(self, span: Span) -> Span:
        start, end = self.span(span.start, span.end)
        return Span(start, end, self.original[start:end])


def normalize(text: str, doc_id: str | None = None) -> Normalized:
    """The text the pipeline should read for ``text``: clusters in NFC, invisible
    characters out; ``text`` itself when nothing changes.

    Raises :class:`~quotesnap.errors.InputFormatError`, naming ``doc_id``, for a lone
    surrogate.
    """
    bad = find_surrogate(text)
    if bad >= 0:
        name = "the text" if doc_id is None else f"document {doc_id!r}"
        raise InputFormatError(
            f"{name} holds a lone surrogate (U+{ord(text[bad]):04X}) at character {bad}: "
            "half of a UTF-16 pair, not Unicode text, so it cannot be processed. It usually "
            "comes from a JSON escape such as \"\\ud800\" or bytes decoded with "
            "errors='surrogateescape'; fix the source, or replace it first, e.g. "
            "text.encode('utf-8', 'replace').decode('utf-8').")
    if _INVISIBLES.search(text) or (
            not text.isascii() and not unicodedata.is_normalized("NFC", text)):
        return _normalized(text)
    return Normalized(text, text)


def _normalized(text: str) -> Normalized:
    pieces: list[str] = []
    edits: list[list[int]] = []
    pos = out = 0  # where we are in ``text`` and in the copy
    for m in _changes().finditer(text):
        new = "" if m.group("gone") is not None else unicodedata.normalize("NFC", m.group())
        if new == m.group():
            continue
        start, end = m.span()
        pieces.append(text[pos:start])
        out += start - pos
        if edits and edits[-1][1] + edits[-1][3] == start:  # right after the last edit
            edits[-1][2] += len(new)
            edits[-1][3] += end - start
        else:
            edits.append([out, start, len(new), end - start])
        pieces.append(new)
        out += len(new)
        pos = end
    pieces.append(text[pos:])
    if not edits:
        return Normalized(text, text)
    return Normalized(text, "".join(pieces), tuple((a, b, c, d) for a, b, c, d in edits))
