"""Result types: frozen attrs classes holding plain values.

Offsets are character offsets into the caller's original string, half-open, so that
``text[q.start:q.end] == q.text`` always holds. A quote's span is its *content*: without
the quotation marks and without the spaces that follow an opening mark or precede a
closing one (the convention of the gold files in ``../shared/data/gold``).

Nothing here holds a spaCy or stanza object: results compare, hash, pickle and
serialise the same whatever backend produced them.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = ["Addressee", "Cue", "Diagnostic", "Kind", "Quote", "Span", "Speaker"]


class Kind(str, enum.Enum):
    """What a quote is.

    ``direct``: words reproduced from a source, a clause or more, in marks.
    ``partial``: a fragment in marks embedded in the author's own sentence.
    ``indirect``: reported speech without marks (``X a déclaré que …``, ``selon X, …``).
    ``other``: marks around a title, a nickname, a term or a scare quote (no source).
    """

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Span:
    """A stretch of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def _named_mention(name: str, mention: Span | None) -> dict[str, Any]:
    """The JSON fields a speaker and an addressee share: the name and the mention's
    offsets and words (None when the text gives none at this quote)."""
    return {
        "name": name,
        "start": mention.start if mention else None,
        "end": mention.end if mention else None,
        "text": mention.text if mention else None,
    }


@attrs.frozen
class Speaker:
    """Who said it.

    ``name`` is the canonical name of the source in the document (the fullest form of a
    person's name, ``Sergueï Lavrov`` for ``Lavrov``, ``il`` or ``le chef de la diplomatie
    russe``); ``mention`` is what the text says at this quote, or None when the speaker is
    only inherited from the context.

    What the article says of the source (read by :mod:`quotesnap.gender` once the whole
    document is resolved): ``kind`` is ``person``, ``organisation``, ``group`` (a plural
    of people: « les manifestants ») or ``unknown``; ``gender`` is ``"f"``, ``"m"`` or None
    when the text does not say (and always None but for a person); ``gender_evidence``
    lists what the text says, each item ``"kind: words (gender)"``, e.g. ``"title: Mme
    Bush (f)"``, ``"pronoun: elle (f)"``, ``"role: la ministre (f)"``, ``"agreement:
    s'est dite satisfaite (f)"``.
    """

    name: str
    mention: Span | None = None
    kind: str = "unknown"
    gender: str | None = None
    gender_evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **_named_mention(self.name, self.mention),
            "kind": self.kind,
            "gender": self.gender,
            "gender_evidence": list(self.gender_evidence),
        }


@attrs.frozen
class Addressee:
    """Who a line of dialogue is spoken to, when the text says it (fiction only,
    :mod:`quotesnap.dialogue`).

    ``name`` is the character's name as the speaker's is given (``Josselin``, ``Mme
    Georges``, ``le cocher``, ``je`` for the narrator); ``mention`` is the words that say it at
    this line (the vocative « ma bonne Marianne », or « au cocher » in the incise), None
    when the text says it with a pronoun (« lui répondit-elle »: the other person of the
    exchange); ``via`` is how the text says it: ``vocative`` (the speaker calls them by
    name) or ``incise`` (the narrator's words around the line).
    """

    name: str
    mention: Span | None = None
    via: str = "vocative"

    def to_dict(self) -> dict[str, Any]:
        return {**_named_mention(self.name, self.mention), "via": self.via}


@attrs.frozen
class Cue:
    """The reporting word: a speech verb (``déclaré``, lemma ``déclarer``), ``selon``,
    ``d'après``, or the colon that introduces a quote."""

    text: str
    lemma: str
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.span.start, "end": self.span.end, "text": self.text,
                "lemma": self.lemma}


@attrs.frozen
class Diagnostic:
    """Something odd in the input that did not stop extraction (an unclosed «, a stray »).

    ``code`` is a short stable identifier (``unclosed``, ``stray-close``, ``mismatch``…),
    ``start``/``end`` point at the offending characters.
    """

    code: str
    message: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start,
                "end": self.end}


@attrs.frozen
class Quote:
    """One piece of reported speech.

    ``start``/``end``/``text``: the content span (for marked quotes, inside the marks).
    ``rule``: the name of the attribution rule that found the speaker (``incise``,
    ``nsubj``, ``colon``, ``selon``…), ``"scan"`` when only the scanner ran
    (``attribute=False``), or ``""`` when no rule fired.
    ``confidence``: 0-1, how sure the attribution is; with ``rule == "scan"``, how often
    the scanner's guess at the kind is right (:data:`quotesnap.scan.KIND_CONFIDENCE`).
    ``depth``: 0 for an outermost quote, 1 for a quote inside it, and so on.
    ``doc_id``: the document the quote comes from, when extraction was given one.
    ``addressee``: who the words are spoken to, when the text says it (a line of dialogue
    in fiction, :class:`Addressee`), else None.
    """

    text: str
    start: int
    end: int
    kind: Kind
    speaker: Speaker | None = None
    cue: Cue | None = None
    confidence: float = 0.0
    rule: str = ""
    depth: int = 0
    doc_id: str | None = None
    addressee: Addressee | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md (keys may be added, none renamed)."""
        return {
            "doc_id": self.doc_id,
            "kind": str(self.kind),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "depth": self.depth,
            "addressee": self.addressee.to_dict() if self.addressee else None,
        }
