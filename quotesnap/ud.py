"""Gold Universal Dependencies trees: CoNLL-U files read as backend-neutral sentences.

The French UD treebanks (GSD, Sequoia, PUD, ParTUT) are hand-checked trees over real
sentences, news among them. Reading them into :class:`~quotesnap.parse.Sentence` objects
lets the attribution rules run on trees no parser got wrong, so the rules can be judged
apart from any parser's errors, and gives the stanza adapter a reference to agree with.

CoNLL-U records no character offsets. They are recovered by laying the surface tokens
over the sentence's ``# text`` comment, which is the text the treebank claims: each
offset is into that string, so ``gold.text[tok.start:tok.end]`` is the token's surface
form. A multi-word token (``du`` = ``de`` + ``le``, ``aux`` = ``à`` + ``les``,
``auquel`` = ``à`` + ``lequel``) is one stretch of text for two syntactic words: both
words carry the whole token's span, as in :mod:`quotesnap.parse`.

:func:`read_conllu` needs nothing but the standard library. :func:`stanza_documents`
builds real ``stanza.Document`` objects from the same files with stanza's own CoNLL-U
reader (stanza must be installed), one document per sentence, so that the text of each
document is the sentence's ``# text``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .parse import Sentence, Token

if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    import stanza

__all__ = [
    "GoldSentence",
    "align_forms",
    "parse_conllu",
    "read_conllu",
    "stanza_document",
    "stanza_documents",
]


@attrs.frozen
class GoldSentence:
    """One hand-annotated sentence of a treebank, with offsets into its ``# text``."""

    sent_id: str
    text: str
    sentence: Sentence
    treebank: str = ""


def align_forms(text: str, forms: Sequence[str]) -> list[tuple[int, int]] | None:
    """Find each surface form in ``text``, in order, with only whitespace between them.

    Returns one ``(start, end)`` per form, or None when the forms cannot be laid over the
    text (a treebank whose ``# text`` disagrees with its tokens). Requiring the gaps to be
    whitespace keeps a form from matching by chance further on in the sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for form in forms:
        at = text.find(form, pos)
        if at < 0 or text[pos:at].strip():
            return None
        spans.append((at, at + len(form)))
        pos = at + len(form)
    if text[pos:].strip():
        return None
    return spans


def _space_after(misc: str) -> str:
    """The whitespace a MISC column puts after its token (``SpaceAfter=No`` -> ``""``)."""
    for item in misc.split("|"):
        if item == "SpaceAfter=No":
            return ""
        if item.startswith("SpacesAfter="):
            raw = item.partition("=")[2]
            return raw.replace("\\s", " ").replace("\\n", "\n").replace("\\t", "\t")
    return " "


def _rebuild(surface: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Rebuild a sentence's text from ``(form, misc)`` pairs and their SpaceAfter marks."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for k, (form, misc) in enumerate(surface):
        spans.append((pos, pos + len(form)))
        pieces.append(form)
        pos += len(form)
        if k < len(surface) - 1:
            gap = _space_after(misc)
            pieces.append(gap)
            pos += len(gap)
    return "".join(pieces), spans


def _sent_id(block: Sequence[str]) -> str | None:
    """The ``# sent_id`` of a CoNLL-U sentence, if it has one."""
    for line in block:
        key, _, value = line[1:].partition("=")
        if line.startswith("#") and key.strip() == "sent_id":
            return value.strip()
    return None


def _blank(value: str) -> str:
    """CoNLL-U writes an empty field as ``_``."""
    return "" if value == "_" else value


def _sentence_from_block(lines: Sequence[str], treebank: str, number: int) -> GoldSentence | None:
    """Turn the lines of one CoNLL-U sentence into a :class:`GoldSentence`."""
    sent_id = _sent_id(lines) or f"{treebank}#{number}"
    text: str | None = None
    # Surface units: (form, misc, first word id, last word id). A plain token covers one
    # word; a range line ``11-12 du`` covers the words 11 and 12.
    units: list[tuple[str, str, int, int]] = []
    words: list[list[str]] = []
    covered = 0
    for line in lines:
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "text":
                text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"{treebank}: sentence {sent_id}: not a CoNLL-U line: {line!r}")
        ident = cols[0]
        if "." in ident:  # an empty node (elided verb): not a word of the surface tree
            continue
        if "-" in ident:
            low, _, high = ident.partition("-")
            units.append((cols[1], cols[9], int(low), int(high)))
            covered = int(high)
            continue
        words.append(cols)
        if int(ident) > covered:
            units.append((cols[1], cols[9], int(ident), int(ident)))
    if not words:
        return None

    spans = align_forms(text, [u[0] for u in units]) if text is not None else None
    if text is None or spans is None:
        text, spans = _rebuild([(u[0], u[1]) for u in units])
    span_of_word: dict[int, tuple[int, int]] = {}
    for (_, _, first, last), span in zip(units, spans, strict=True):
        for word_id in range(first, last + 1):
            span_of_word[word_id] = span

    index = {int(cols[0]): k for k, cols in enumerate(words)}
    tokens = []
    for k, cols in enumerate(words):
        head = int(cols[6]) if cols[6] != "_" else 0
        start, end = span_of_word[int(cols[0])]
        tokens.append(
            Token(
                i=k,
                text=cols[1],
                lemma=_blank(cols[2]),
                upos=_blank(cols[3]),
                head=index[head] if head else -1,
                deprel=_blank(cols[7]),
                start=start,
                end=end,
                feats=_blank(cols[5]),
            )
        )
    return GoldSentence(
        sent_id=sent_id, text=text, sentence=Sentence(tuple(tokens)), treebank=treebank
    )


def _blocks(conllu: str) -> Iterator[list[str]]:
    """The sentences of a CoNLL-U string, each as its list of non-blank lines."""
    block: list[str] = []
    for raw in conllu.splitlines():
        line = raw.strip("\r\n")
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_conllu(conllu: str, *, treebank: str = "") -> list[GoldSentence]:
    """Read the sentences of a CoNLL-U string (see :func:`read_conllu`)."""
    out = []
    for number, block in enumerate(_blocks(conllu), start=1):
        gold = _sentence_from_block(block, treebank, number)
        if gold is not None:
            out.append(gold)
    return out


def read_conllu(path: str | Path) -> list[GoldSentence]:
    """Read a CoNLL-U file into gold sentences with offsets into each ``# text``.

    ``treebank`` on each sentence is the file name without its extension
    (``fr_gsd-ud-test``). A sentence whose ``# text`` cannot be matched with its tokens
    gets a text rebuilt from the tokens and their ``SpaceAfter=No`` marks instead.
    """
    path = Path(path)
    return parse_conllu(path.read_text(encoding="utf-8"), treebank=path.stem)


def stanza_document(path: str | Path) -> stanza.Document:
    """Read a whole CoNLL-U file with stanza's own reader into one ``stanza.Document``.

    stanza (``CoNLL.conll2doc(..., reconstruct_text=True)``) lays the tokens over each
    ``# text`` as :func:`read_conllu` does and joins the sentences with a space, so token
    offsets point into ``document.text``. Needs the stanza package.
    """
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(input_file=str(path), reconstruct_text=True)


def stanza_documents(
    path: str | Path, sent_ids: Collection[str] | None = None
) -> list[tuple[str, stanza.Document]]:
    """Read a CoNLL-U file with stanza's own reader: one ``stanza.Document`` per sentence.

    Returns ``(sent_id, document)`` pairs, for every sentence or only those named in
    ``sent_ids``. Each document's text is its sentence's ``# text`` and its tokens carry
    ``start_char``/``end_char`` into it. Needs the stanza package.
    """
    from stanza.utils.conll import CoNLL

    path = Path(path)
    out: list[tuple[str, Any]] = []
    for number, block in enumerate(_blocks(path.read_text(encoding="utf-8")), start=1):
        sent_id = _sent_id(block) or f"{path.stem}#{number}"
        if sent_ids is not None and sent_id not in sent_ids:
            continue
        doc = CoNLL.conll2doc(input_str="\n".join(block) + "\n\n", reconstruct_text=True)
        if doc.sentences:
            out.append((sent_id, doc))
    return out
