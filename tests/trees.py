"""Hand-built UD trees for rule tests (spaCy's habit: rule tests do not depend on a model).

A tree is written as one line per word: ``form lemma UPOS head deprel [feats]`` with
1-based heads (0 = root), as in CoNLL-U. Words are joined by single spaces to make the
sentence text, so offsets are exact.
"""

from __future__ import annotations

from quotesnap.parse import Sentence, Token


def tree(spec: str) -> Sentence:
    """Build a :class:`Sentence` from the compact table ``spec``."""
    tokens = []
    pos = 0
    for i, line in enumerate(ln for ln in spec.strip().splitlines() if ln.strip()):
        form, lemma, upos, head, deprel, *rest = line.split()
        feats = rest[0] if rest else ""
        tokens.append(Token(i=i, text=form, lemma=lemma, upos=upos, head=int(head) - 1,
                            deprel=deprel, start=pos, end=pos + len(form),
                            feats="" if feats == "_" else feats,
                            ent="PER" if upos == "PROPN" else ""))
        pos += len(form) + 1
    return Sentence(tuple(tokens))


def words(sent: Sentence, toks: tuple[Token, ...] | list[Token]) -> str:
    """The words of ``toks`` joined by spaces."""
    return " ".join(t.text for t in toks)
