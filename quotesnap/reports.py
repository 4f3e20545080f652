"""Which clauses are reported speech: the rules propose, the ``report`` model decides.

The rules of :mod:`quotesnap.indirect` propose, generously, every clause that may report
someone's words: the ``que``-clause of a verb of saying, its object, its infinitive, the
clause a ``selon X`` governs. Many are not reports (``il a critiqué cette décision``
reports words, ``il a présenté sa candidature`` does not; ``il se met à pleuvoir``
neither), and the difference lies in the verb, its complement and its subject together.
So each proposal is scored by the ``report`` model (:mod:`quotesnap.models`, a binary
logistic regression trained on the gold files by :mod:`quotesnap.training`) from the
features of :func:`report_features`, and kept when its probability reaches
:data:`REPORT_THRESHOLD`. That probability is the confidence of the indirect quote
(times the resolution factor of its speaker).

When two kept reports overlap, the likelier one stays, and the other keeps the part of
its content before the first one's cue and source, or is dropped (:func:`decide`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from . import lexicon
from .indirect import propose, reporting_verb
from .models import Features, LinearModel, Models
from .parse import Sentence, Token
from .ranking import mention_type
from .rules import Attribution
from .trees import PREPOSITION_WORDS, has_case, is_passive, is_time, joined_text, person_like

__all__ = [
    "REPORT_THRESHOLD",
    "Decision",
    "Report",
    "complement",
    "cue_entry",
    "decide",
    "find_indirect",
    "report_features",
]

#: A proposal is reported speech when the model gives it at least this probability.
REPORT_THRESHOLD = 0.5
#: A report trimmed by an overlapping one keeps at least this many words.
MIN_TRIMMED_WORDS = 3

# The words that open a que-clause, an infinitive or a noun complement, as text has them
# before a content (``qu'``, ``d'``); quotation marks that open a content.
_QUE = ("que", "qu'", "qu’", "qu")
_OPENERS = ("«", "“", '"', "'", "’")
_CLOSERS = ("»", "”", '"', "’")
# A negation on the verb: « n'a pas dit que », « ne pense pas que ».
_NEGATION = ("ne", "n'", "n’", "pas", "jamais", "guère", "plus")
#: Contents are bucketed by their length in words at these edges, and by the words
#: between the cue and the content at these.
LENGTH_EDGES = (2, 5, 10, 20, 40)
GAP_EDGES = (0, 1, 3)


@attrs.frozen
class Report:
    """A proposal of a rule with the model's probability that it is reported speech,
    and the features it was scored on (kept for training)."""

    attribution: Attribution
    probability: float
    features: Features


@attrs.frozen
class Decision:
    """The reports kept in a sentence (overlaps resolved), and every proposal scored."""

    kept: tuple[Report, ...]
    options: tuple[Report, ...]


def find_indirect(sent: Sentence, *, exclude: frozenset[int] = frozenset(),
                  model: LinearModel | None = None) -> list[Attribution]:
    """Reported speech without marks in ``sent``: the rules' proposals
    (:func:`quotesnap.indirect.propose`) that the ``report`` model (by default the
    shipped weights) takes for reported speech, overlaps resolved (:func:`decide`).
    ``exclude`` holds the indices of the tokens inside quotation marks."""
    model = model or Models.packaged().report
    return [r.attribution for r in decide(model, sent, exclude,
                                          propose(sent, exclude=exclude)).kept]


def decide(model: LinearModel, sent: Sentence, exclude: frozenset[int],
           proposals: Sequence[Attribution]) -> Decision:
    """Score every proposal, keep those at or above :data:`REPORT_THRESHOLD`, and
    resolve overlaps among them, the likeliest first (see the module's docstring)."""
    options = []
    contents = [p.content for p in proposals if p.content is not None]
    for att in proposals:
        features = report_features(sent, att, exclude, contents)
        options.append(Report(att, model.probability(features), features))
    kept: list[Report] = []
    for report in sorted(options, key=lambda r: -r.probability):
        if report.probability < REPORT_THRESHOLD:
            continue
        trimmed = _trim(sent, report.attribution, [k.attribution for k in kept])
        if trimmed is not None:
            kept.append(attrs.evolve(report, attribution=trimmed))
    kept.sort(key=lambda r: r.attribution.content or (0, 0))
    return Decision(tuple(kept), tuple(options))


def _trim(sent: Sentence, found: Attribution, kept: list[Attribution]) -> Attribution | None:
    """``found`` without what it shares with the reports already ``kept``: the part of
    its content before the first overlapping one's cue and source (``Pour le journal Le
    Monde, ce blocage est « intolérable » et Louis Dreyfus […] estime qu'« … »``: the
    ``selon`` content ends where Louis Dreyfus's report begins), or None."""
    assert found.content is not None
    start, end = found.content
    for other in kept:
        assert other.content is not None
        if not _overlaps((start, end), other.content):
            continue
        opening = min([other.content[0],
                       *(t.start for t in other.speaker),
                       *([other.cue.start] if other.cue is not None else [])])
        if opening <= start:
            return None
        body = [t for t in sent.tokens if start <= t.start and t.end <= opening]
        while body and (body[-1].upos in ("PUNCT", "CCONJ") and body[-1].text not in _CLOSERS):
            body.pop()
        if len([t for t in body if t.upos != "PUNCT"]) < MIN_TRIMMED_WORDS:
            return None
        start, end = body[0].start, body[-1].end
    if (start, end) == found.content:
        return found
    return attrs.evolve(found, content=(start, end))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# -- features ----------------------------------------------------------------------------


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def cue_entry(sent: Sentence, cue: Token) -> tuple[str, str]:
    """The lemma and the class of a cue: a verb of the lexicon (``annoncer``, ``say``),
    a cue of several words (``faire état``, ``say``), or a source preposition
    (``selon``, ``preposition``)."""
    entry = reporting_verb(cue, sent)
    if entry is not None:
        return entry.lemma, entry.cls + ("-ambiguous" if entry.ambiguous else "")
    text, _ = joined_text(sent, cue.i, cue.i + PREPOSITION_WORDS)
    found = lexicon.leading_source_preposition(text)
    if found is not None:
        return found[0].text, "preposition"  # « à en croire » learns from « selon »
    return cue.text.lower(), "other"


def complement(sent: Sentence, att: Attribution) -> str:
    """How the content hangs from the cue, read off the words between them:
    ``que``; ``infinitive``, ``de-infinitive``, ``à-infinitive``; ``object``,
    ``de-noun``, ``à-noun``, ``sur-noun``; ``before`` (the content comes before the cue:
    an incise, « …, selon X », the subject of a passive); ``preposition`` (« Selon X,
    … »)."""
    assert att.content is not None and att.cue is not None
    start, _ = att.content
    if start < att.cue.start:
        return "before"
    if att.rule == "selon_clause":
        return "preposition"
    before = [t for t in sent.tokens if t.end <= start and t.i > att.cue.i]
    while before and before[-1].text in _OPENERS:
        before.pop()
    word = before[-1].text.lower().replace("’", "'") if before else ""
    first = next((t for t in sent.tokens if t.start >= start and t.text not in _OPENERS), None)
    infinitive = first is not None and (first.feat("VerbForm") == "Inf" or first.text.lower() in (
        "ne", "n'", "n’"))
    if word in _QUE:
        return "que"
    if word in lexicon.words("content-prepositions"):
        prep = {"d'": "de", "du": "de", "des": "de", "au": "à", "aux": "à"}.get(word, word)
        return f"{prep}-{'infinitive' if infinitive else 'noun'}"
    return "infinitive" if infinitive else "object"


def _in_time_phrase(sent: Sentence, tok: Token) -> bool:
    """Is ``tok`` a phrase of time (:func:`quotesnap.trees.is_time`) or a word of one
    (« le » of « le 20 mars »)?"""
    head = sent.head_of(tok)
    return is_time(sent, tok) or (tok.upos in ("DET", "ADP", "NUM") and head is not None
                                  and is_time(sent, head))


def report_features(sent: Sentence, att: Attribution, exclude: frozenset[int] = frozenset(),
                    contents: Sequence[tuple[int, int]] = ()) -> dict[str, float]:
    """The features of one proposal as reported speech, by name (all binary):

    - ``rule=R``: the rule that proposed it;
    - ``cue=L`` (the cue's lemma: ``annoncer``, ``faire état``, ``selon``), ``class=C``
      (``say``, ``opinion``, ``ask``, ``answer``, ``write``, ``manner``, ``react``, with
      ``-ambiguous`` for the lexicon's ambiguous verbs; ``preposition``);
    - ``complement=K`` (:func:`complement`), and its crosses with the cue
      (``cue=L&complement=K``: which verbs report with an object is learned here) and
      with the class;
    - ``attached``: the parser hung the content under the cue (else the rule found it
      by the words, as the window of ``que_clause`` does);
    - ``speaker=T``: the mention's type (``name``, ``pronoun``, ``description``,
      ``none``), ``speaker.person-like`` (:func:`quotesnap.trees.person_like`),
      ``speaker.role`` / ``speaker.group`` (a role or a group noun), ``speaker=agent``
      (the ``par`` phrase of a passive), ``speaker.after`` (the mention follows the cue);
    - the verb's ``form=`` (``Fin``, ``Part``, ``Inf``; ``Part-Pres`` for a participle
      adjunct), ``mood=``, ``tense=``, ``passive``, ``reflexive``, ``negated``,
      ``cue.rel=`` (its relation in the tree: ``root``, ``ccomp``, ``acl:relcl``…);
    - where it stands: ``cue.first`` (the cue opens the sentence), ``cue.after-comma``;
    - the content: ``length<=N`` (words), ``quote=none|part|all`` (how much of it is
      inside quotation marks), ``content.finite-verb``, ``content.head=UPOS``,
      ``content.lemma=L`` (the head noun of a noun complement: ``soutien``,
      ``candidature``), ``content.person`` (a name or a role: « a déclaré le ministre »
      parsed as an object), ``content.time`` (it opens on a date), ``content.que``
      (a noun complement that runs on into a que-clause: « a confié aux enquêteurs que
      … », the addressee before what was said);
    - ``tail<=N``: how many words follow the cue and its speaker when the content comes
      before them (an incise ends its sentence, narration goes on);
    - ``gap<=N``: how many words stand between the cue and a content after it, and
      ``content.after-comma`` (« a exigé la démission de X, l'Allemand Y »: an
      apposition, not a second object);
    - ``nested``: the cue stands inside the content of another proposal of the sentence
      (``contents``): a verb of the reported words (« X a dit que Y menacerait les
      droits … »).
    """
    assert att.content is not None
    f: dict[str, float] = {f"rule={att.rule}": 1.0}
    start, end = att.content
    body = [t for t in sent.tokens if start <= t.start and t.end <= end]
    words = [t for t in body if t.upos != "PUNCT"]
    f[f"length{_bucket(len(words), LENGTH_EDGES)}"] = 1.0
    quoted = sum(1 for t in words if t.i in exclude)
    f[f"quote={'none' if not quoted else 'all' if quoted == len(words) else 'part'}"] = 1.0
    ids = {t.i for t in body}
    head = next((t for t in body if t.head not in ids), body[0] if body else None)
    if head is not None:
        f[f"content.head={head.upos}"] = 1.0
        if head.upos == "PROPN" or head.ent == "PER" or (
                head.lemma.lower() in lexicon.role_nouns()):
            f["content.person"] = 1.0
    if any(t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" for t in body):
        f["content.finite-verb"] = 1.0
    if words and words[0].lemma.lower() in lexicon.words("time-nouns"):
        f["content.time"] = 1.0
    cue = att.cue
    if cue is None:
        return f
    if any(a <= cue.start and cue.end <= b for a, b in contents if (a, b) != att.content):
        f["nested"] = 1.0
    if end <= cue.start:
        # after an incise, the sentence ends on its subject (« …, estime le ministre. »)
        # or goes on (« …, a indiqué la préfecture, dans un communiqué »)
        last = max([cue.i, *(t.i for t in att.speaker)])
        # a date closing the incise (« a affirmé l'ONU lundi ») is not narration
        tail = [t for t in sent.tokens[last + 1:] if t.upos != "PUNCT"
                and not _in_time_phrase(sent, t)]
        f[f"tail{_bucket(len(tail), GAP_EDGES)}"] = 1.0
    if start > cue.end:
        between = [t for t in sent.tokens if cue.end <= t.start and t.end <= start]
        f[f"gap{_bucket(len([t for t in between if t.upos != 'PUNCT']), GAP_EDGES)}"] = 1.0
        if between and between[-1].text == ",":
            f["content.after-comma"] = 1.0
    lemma, cls = cue_entry(sent, cue)
    kind = complement(sent, att)
    f.update({f"cue={lemma}": 1.0, f"class={cls}": 1.0, f"complement={kind}": 1.0,
              f"cue={lemma}&complement={kind}": 1.0, f"class={cls}&complement={kind}": 1.0})
    if kind.endswith(("object", "noun")):
        if head is not None and head.upos == "NOUN":
            f[f"content.lemma={head.lemma.lower()}"] = 1.0
        if any(t.text.lower() in _QUE for t in words):
            f["content.que"] = 1.0
    if head is not None and any(a.i == cue.i for a in sent.ancestors(head)):
        f["attached"] = 1.0
    f.update(_speaker_features(sent, att, cue))
    if cls != "preposition":
        form = cue.feat("VerbForm") or "-"
        if form == "Part" and cue.feat("Tense") == "Pres":
            form = "Part-Pres"
        f[f"form={form}"] = 1.0
        f[f"mood={cue.feat('Mood') or '-'}"] = 1.0
        f[f"tense={cue.feat('Tense') or '-'}"] = 1.0
        children = sent.children(cue)
        if is_passive(sent, cue):
            f["passive"] = 1.0
        if any(c.deprel in ("expl:pv", "expl:comp") or c.text.lower() in ("se", "s'", "s’")
               for c in children):
            f["reflexive"] = 1.0
        if any(c.text.lower() in _NEGATION and c.i < start for c in children):
            f["negated"] = 1.0
        f[f"cue.rel={cue.deprel}"] = 1.0
    before = [t for t in sent.tokens[:cue.i] if t.upos != "PUNCT"]
    if not before:
        f["cue.first"] = 1.0
    if cue.i > 0 and sent[cue.i - 1].text == ",":
        f["cue.after-comma"] = 1.0
    return f


def _speaker_features(sent: Sentence, att: Attribution, cue: Token) -> dict[str, float]:
    """The features of the speaker mention (see :func:`report_features`)."""
    f = {f"speaker={mention_type(att.speaker)}": 1.0}
    if not att.speaker:
        return f
    ids = {t.i for t in att.speaker}
    head = next((t for t in att.speaker if t.head not in ids), att.speaker[0])
    if person_like(sent, head):
        f["speaker.person-like"] = 1.0
    lemma = head.lemma.lower()
    if lemma in lexicon.role_nouns():
        f["speaker.role"] = 1.0
    if lemma in lexicon.group_nouns():
        f["speaker.group"] = 1.0
    if head.deprel == "obl:agent" or has_case(sent, head, ("par",)):
        f["speaker=agent"] = 1.0
    if head.i > cue.i:
        f["speaker.after"] = 1.0
    return f
