"""Indirect speech: reported speech without quotation marks, read off a UD tree.

French news reports most of what people said without marks:

- ``X a déclaré que <content>``: a speech verb with a ``ccomp`` introduced by ``que``;
- ``<content>, estime le ministre russe.``: an incise after a clause of the author's;
- ``selon X, <content>`` / ``d'après X, <content>`` / ``pour X, <content>``.

The content span is the reported proposition only (after ``que``, without the final
punctuation), as the annotation guideline of ``../shared/data/gold/GUIDELINE.md`` says.
Each rule returns every :class:`~quotesnap.attribute.Attribution` it finds in a sentence,
with ``content`` set; :func:`find_indirect` runs them all and drops overlaps.
"""

from __future__ import annotations

from collections.abc import Callable

from .attribute import (
    Attribution,
    _according_to,
    _expletive,
    _inverted_subject,
    _speaker,
    is_speech_verb,
    subject_of,
)
from .parse import Sentence

__all__ = ["INDIRECT_RULES", "according_clause", "find_indirect", "inverted_clause",
           "que_clause"]

IndirectRule = Callable[[Sentence, frozenset[int]], list[Attribution]]


def que_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``X a déclaré que <content>``: a speech verb with a ``ccomp`` introduced by que.

    The content runs from after ``que`` to the end of the clause, without the final
    punctuation. ``il a été annoncé que …`` (impersonal passive) has content but no
    source.
    """
    out = []
    for verb in sent.tokens:
        if not is_speech_verb(verb, sent) or verb.upos not in ("VERB", "AUX", "ADJ"):
            continue
        for clause in sent.children(verb):
            if clause.base_deprel != "ccomp":
                continue
            marks = [c for c in sent.children(clause)
                     if c.deprel == "mark" and c.text.lower() in ("que", "qu'", "qu’")]
            if not marks:
                continue
            body = [t for t in sent.subtree(clause) if t.i > marks[0].i]
            while body and body[-1].upos == "PUNCT":
                body.pop()
            if not body or all(t.i in exclude for t in body):
                continue
            subj = subject_of(sent, verb)
            if subj is not None and _expletive(sent, subj, verb):
                subj = None
            speaker = _speaker(sent, subj, verb, frozenset(t.i for t in body))
            out.append(Attribution("que", verb, speaker, 0.8,
                                   (body[0].start, body[-1].end)))
    return out


def inverted_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``<clause>, estime le ministre russe.``: an incise verb after a clause of the
    author's that is not in marks reports that clause as the source's view."""
    for verb in sent.tokens:
        if not is_speech_verb(verb, sent) or verb.i < 3:
            continue
        comma = sent[verb.i - 1]
        aux = verb.i - 1
        while aux > 0 and sent[aux].upos in ("AUX", "PRON") and sent[aux].text != ",":
            aux -= 1
        comma = sent[aux]
        if comma.text != ",":
            continue
        subj = subject_of(sent, verb, climb=0)
        if subj is None or subj.i < verb.i:
            subj = _inverted_subject(sent, verb, aux)
        if subj is None or (subj.i < verb.i and not subj.text.startswith("-")):
            continue
        body = [t for t in sent.tokens[:comma.i] if not t.text.startswith("-")]
        while body and body[0].upos == "PUNCT":
            body.pop(0)
        if len(body) < 4 or any(t.i in exclude for t in body):
            continue
        if not any(t.upos in ("VERB", "AUX") for t in body):
            continue
        speaker = _speaker(sent, subj, verb, frozenset(t.i for t in body))
        return [Attribution("inverted", verb, speaker, 0.75, (body[0].start, body[-1].end))]
    return []


def according_clause(sent: Sentence, exclude: frozenset[int]) -> list[Attribution]:
    """``Selon Moscou, <clause>`` / ``<clause>, selon Moscou``: the main clause without
    the ``selon`` phrase is the reported content."""
    found = _according_to(sent, exclude)
    if found is None:
        return []
    cue, head = found
    phrase = {t.i for t in sent.subtree(head)} | {cue.i}
    if cue.text.lower() in ("d'", "d’"):
        phrase.add(cue.i + 1)
    body = [t for t in sent.tokens if t.i not in phrase]
    # cut the pieces of the sentence separated from the clause by the phrase's commas
    lo, hi = min(phrase), max(phrase)
    if lo <= 1:
        body = [t for t in body if t.i > hi]
    else:
        body = [t for t in body if t.i < lo]
    while body and body[0].upos == "PUNCT":
        body.pop(0)
    while body and body[-1].upos == "PUNCT":
        body.pop()
    if len(body) < 3 or all(t.i in exclude for t in body):
        return []
    if not any(t.upos in ("VERB", "AUX", "ADJ") for t in body):
        return []
    speaker = _speaker(sent, head, None, frozenset(t.i for t in body))
    return [Attribution("selon", cue, speaker, 0.8, (body[0].start, body[-1].end))]


#: The rules for reported speech without marks, all tried on every candidate sentence.
INDIRECT_RULES: tuple[IndirectRule, ...] = (que_clause, inverted_clause, according_clause)


def find_indirect(sent: Sentence, *, exclude: frozenset[int] = frozenset()) -> list[Attribution]:
    """Reported speech without marks in ``sent``; ``exclude`` holds the indices of tokens
    inside quotation marks (a clause that is all quote is not indirect speech)."""
    out: list[Attribution] = []
    for rule in INDIRECT_RULES:
        for found in rule(sent, exclude):
            if found.content is None:
                continue
            if any(_overlaps(found.content, o.content) for o in out if o.content):
                continue
            out.append(found)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
