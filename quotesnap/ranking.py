"""Who is the source of a quote in marks: sure rules decide, the rest is ranked.

Every sentence rule of :mod:`quotesnap.attribute` (and the document rules that read the
next sentence or a signature line) proposes a source for a quote; several often do, and
they disagree (``Ce revirement`` as the subject of the verb the parser hung the quote
from, ``La Tribune`` after ``selon``). The choice is made in two steps:

1. a *sieve*: an incise whose inverted subject is a proper name (``« … », a déclaré
   Lavrov``) is sure, and decides alone;
2. otherwise every proposal, and the option that the quote has no source in its
   sentence, are scored by the ``source`` model (:mod:`quotesnap.models`, a conditional
   logit: the softmax of the candidates' scores) from the features of
   :func:`candidate_features`, and the best one wins. Its probability is the confidence
   of the choice.

A quote left without a source here may still get one from the context
(:mod:`quotesnap.document`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from . import lexicon
from .models import Features, LinearModel
from .parse import Sentence, Token
from .rules import Attribution
from .trees import person_like, speech_lemma

__all__ = [
    "Choice",
    "candidate_features",
    "choose_source",
    "mention_type",
    "none_features",
    "sure",
]

#: The name of the option "no source in the quote's sentence" among the candidates.
NONE = "none"


@attrs.frozen
class Choice:
    """The source chosen for a quote: the winning proposal (None: no source in its
    sentence), the probability of its mention (summed over the proposals that name it,
    :func:`choose_source`), and every candidate's features (for training)."""

    attribution: Attribution | None
    probability: float
    candidates: tuple[tuple[Attribution | None, Features], ...] = ()


def mention_type(tokens: Sequence[Token]) -> str:
    """``name``, ``pronoun``, ``description`` or ``none``: what kind of words name the
    speaker (the type a reader resolves differently, :mod:`quotesnap.resolve`)."""
    if not tokens:
        return "none"
    if any(t.upos == "PROPN" or t.ent in ("PER", "ORG") for t in tokens):
        return "name"
    if len(tokens) <= 2 and any(t.upos == "PRON" for t in tokens):
        return "pronoun"
    return "description"


def _head(tokens: Sequence[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in ids), tokens[0] if tokens else None)


def sure(att: Attribution) -> bool:
    """The sieve: an incise whose subject is a proper name (``a déclaré Lavrov``)."""
    head = _head(att.speaker)
    return att.rule == "incise" and head is not None and (
        head.upos == "PROPN" or head.ent == "PER")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _cue_class(sent: Sentence | None, cue: Token | None) -> str:
    if cue is None:
        return "none"
    word = cue.text.lower()
    if word == ":":
        return "colon"
    if lexicon.source_preposition(word) is not None or word in ("d'", "d’", "selon"):
        return "preposition"
    entry = lexicon.speech_verb(speech_lemma(cue) or "")
    if entry is not None:
        return entry.cls + ("-ambiguous" if entry.ambiguous else "")
    return "noun" if cue.upos == "NOUN" else "other"


def candidate_features(sent: Sentence | None, quote: frozenset[int], att: Attribution, *,
                       rank: int, agree: int, scan_kind: str) -> dict[str, float]:
    """The features of one proposal as the source of a quote.

    ``quote``: the quote's token indices in ``sent`` (empty for a proposal found outside
    the sentence, by a document rule); ``rank``: how many proposals came before it in
    rule order; ``agree``: how many other rules propose the same speaker;
    ``scan_kind``: the scanner's guess at the quote's kind.

    The features, by name: ``rule=R`` (the rule that proposed it) and ``rank<=N``;
    ``agree<=N``; ``mention=T`` (:func:`mention_type`) and its cross with the rule;
    ``head.upos=``, ``head.ent=``, ``head.rel=`` of the mention's head word;
    ``person-like`` (a name, a pronoun, a role or an institution,
    :func:`quotesnap.trees.person_like`), ``role-noun``, ``group-noun``, ``first-person``;
    ``side=before|after`` and ``gap<=N`` (tokens between the mention and the quote);
    ``cue=C`` (the class of the reporting word: ``say``, ``opinion``, ``colon``,
    ``preposition``…); ``scan=K``.
    """
    kind = mention_type(att.speaker)
    f: dict[str, float] = {
        f"rule={att.rule}": 1.0,
        f"rank{_bucket(rank, (0, 1, 2))}": 1.0,
        f"agree{_bucket(agree, (0, 1))}": 1.0,
        f"mention={kind}": 1.0,
        f"rule={att.rule}&mention={kind}": 1.0,
        f"cue={_cue_class(sent, att.cue)}": 1.0,
        f"scan={scan_kind}": 1.0,
    }
    head = _head(att.speaker)
    if head is None:
        return f
    f[f"head.upos={head.upos}"] = 1.0
    f[f"head.ent={head.ent or '-'}"] = 1.0
    f[f"head.rel={head.base_deprel}"] = 1.0
    lemma = head.lemma.lower()
    if lemma in lexicon.role_nouns():
        f["role-noun"] = 1.0
    if lemma in lexicon.group_nouns():
        f["group-noun"] = 1.0
    pron = lexicon.pronoun(head.text.lstrip("-").lower()) if head.upos == "PRON" else None
    if pron is not None and pron.person == 1:
        f["first-person"] = 1.0
    if sent is not None and quote and head.i < len(sent.tokens) and sent[head.i] == head:
        # (a document rule's proposal comes from another sentence: ``outside-sentence``)
        if person_like(sent, head):
            f["person-like"] = 1.0
        first, last = min(quote), max(quote)
        if head.i < first:
            f["side=before"] = 1.0
            gap = first - max(t.i for t in att.speaker) - 1
        else:
            f["side=after"] = 1.0
            gap = min(t.i for t in att.speaker) - last - 1
        f[f"gap{_bucket(max(gap, 0), (1, 3, 6, 12))}"] = 1.0
        f[f"side={'before' if head.i < first else 'after'}&rule={att.rule}"] = 1.0
    else:
        f["outside-sentence"] = 1.0
    return f


def none_features(n_proposals: int, scan_kind: str,
                  shape: Features | None = None) -> dict[str, float]:
    """The features of the option "no source in the sentence": ``rule=none``, how many
    proposals there are (``proposals<=N``), the scanner's guess (``scan=K``) and the
    shape of the quote (``shape`` by name, the context features of
    :func:`quotesnap.kinds.shape_features`: a term in marks after a determiner is
    seldom anybody's words), each prefixed with ``none&``."""
    f = {f"rule={NONE}": 1.0, f"proposals{_bucket(n_proposals, (0, 1, 2))}": 1.0,
         f"scan={scan_kind}&rule={NONE}": 1.0}
    for name, value in (shape or {}).items():
        f[f"none&{name}"] = value
    return f


def choose_source(model: LinearModel, sent: Sentence | None, quote: frozenset[int],
                  proposals: Sequence[Attribution], scan_kind: str,
                  shape: Features | None = None) -> Choice:
    """The source of a quote among the rules' ``proposals`` (in rule order), or none.

    A proposal the sieve finds sure (:func:`sure`) wins at once; otherwise the mention
    whose proposals have the most probability together wins, "no source" included, and
    its likeliest proposal is the one returned.
    """
    proposals = [p for p in proposals if p.speaker or p.cue is not None]
    heads = [(_head(p.speaker).i if p.speaker else None) for p in proposals]  # type: ignore[union-attr]
    candidates: list[tuple[Attribution | None, Features]] = []
    for rank, att in enumerate(proposals):
        agree = sum(1 for k, h in enumerate(heads) if k != rank and h is not None
                    and h == heads[rank])
        candidates.append((att, candidate_features(sent, quote, att, rank=rank, agree=agree,
                                                   scan_kind=scan_kind)))
    candidates.append((None, none_features(len(proposals), scan_kind, shape)))
    probs = model.rank([f for _, f in candidates])
    # Several rules may propose one mention: the model is trained to put its mass on the
    # right mention whichever rules propose it, so a mention's probability is the sum
    # over its proposals, and the mention is chosen, then its likeliest proposal.
    mention = [_mention_key(att, k) for k, (att, _) in enumerate(candidates)]
    mass: dict[object, float] = {}
    for key, p in zip(mention, probs, strict=True):
        mass[key] = mass.get(key, 0.0) + p
    pick = next((k for k, (att, _) in enumerate(candidates) if att is not None and sure(att)),
                None)
    if pick is None:  # the best, the earlier in rule order on a tie
        pick = max(range(len(candidates)), key=lambda k: (mass[mention[k]], probs[k], -k))
    return Choice(candidates[pick][0], mass[mention[pick]], tuple(candidates))


def _mention_key(att: Attribution | None, k: int) -> object:
    """What identifies the mention a proposal names: where its head word stands (a
    proposal without a speaker, and the option « none », stand for themselves)."""
    head = _head(att.speaker) if att is not None and att.speaker else None
    return (head.start, head.end) if head is not None else ("option", k)
