"""Training the learned decisions from gold files, and cross-validating them.

    python scripts/train.py            # writes quotesnap/data/models/*.json
    python scripts/crossval.py         # 5-fold figures on news-train, by article

The gold files (``../shared/data/gold/*.jsonl``, format in ``docs/``) say, for each
document, every quote with its kind, speaker mention and speaker name. Training runs
the pipeline over the gold documents, keeps every learned decision it meets
(:class:`quotesnap.models.Instance`), labels each option from the gold, and fits one
logistic regression per decision. The decisions depend on each other (the kind of a
span reads which rule gave it a source), so they are trained in pipeline order, each on
instances collected with the models trained before it.

Documents are parsed once (:func:`quotesnap.extract.prepare`) and re-assembled for each
model and each fold. Fitting needs scikit-learn (``pip install 'quotesnap[train]'``);
running the models does not.
"""

from __future__ import annotations

import bisect
import json
import random
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import QuotesnapError
from .extract import Extractor, Prepared, Settings, prepare
from .models import DECISIONS, Features, Instance, LinearModel, Models
from .scan import scan

__all__ = [
    "GoldDoc",
    "book_of",
    "cross_validate",
    "fit",
    "indirect_match",
    "label",
    "prepare_gold",
    "read_fiction",
    "read_gold",
    "same_source",
    "speech_rows",
    "train",
    "train_speech",
]

#: The classes of the scanner's ``speech`` model (:mod:`quotesnap.turns`).
SPEECH_CLASSES = ("no", "yes")
#: Its features are words and word endings: those found in fewer sentences than this are
#: left out (a smaller weights file, and as good: 92.6 % of the sentences of lit-train
#: told right against 93.3 % with every word).
SPEECH_MIN_COUNT = 5
#: The regularisation of every model (the inverse of the L2 penalty, scikit-learn's C).
REGULARISATION = 1.0
#: How close to its optimum every model is fitted (scikit-learn's ``tol``, L-BFGS-B's
#: ``gtol``). Its default, 1e-4, stops where the last digits of a weight
#: still depend on the machine's floating point: two machines gave report biases of
#: -2.269224 and -2.269237 from the same data. This close, the weights agree to the
#: digits the weights file keeps.
FIT_TOLERANCE = 1e-10
#: How many folds a cross-validation makes, and the seed that deals documents to them.
FOLDS = 5
SEED = 13

GoldDoc = Mapping[str, Any]


def read_gold(path: str | Path) -> list[GoldDoc]:
    """The documents of a gold file (JSON Lines, one document a line)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def prepare_gold(golds: Sequence[GoldDoc], extractor: Extractor | None = None) -> list[Prepared]:
    """Scan and parse the gold documents once."""
    extractor = extractor or Extractor()
    return prepare(extractor, ((d["doc_id"], d["text"]) for d in golds))


# -- labels from the gold -----------------------------------------------------------------

_MARKED = ("direct", "partial", "other")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(span: tuple[int, int], quotes: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The gold quote that ``span`` stands for: the one it overlaps most, when the
    overlap covers half of each (the scorer's rule)."""
    best, best_overlap = None, 0
    for g in quotes:
        o = _overlap(span, (g["start"], g["end"]))
        if o > best_overlap and o * 2 >= span[1] - span[0] and o * 2 >= g["end"] - g["start"]:
            best, best_overlap = g, o
    return best


def indirect_match(span: tuple[int, int], gold: GoldDoc) -> Mapping[str, Any] | None:
    """The gold indirect quote that a proposed content ``span`` stands for, by the
    scorer's rule (an overlap of at least half of each), or None."""
    return _match(span, (q for q in gold["quotes"] if q["kind"] == "indirect"))


def label(inst: Instance, gold: GoldDoc) -> list[str] | None:
    """The class of each option of ``inst`` according to the gold document, or None when
    the gold says nothing of the span (a span the gold does not count as a quote).

    - ``source``: ``yes`` for the option whose speaker mention overlaps the gold mention
      (the option ``None`` when the gold names no speaker in the text), ``no`` for the others;
    - ``entity``: ``yes`` for the entity whose name is the gold ``speaker_name`` of the
      quote whose speaker mention is the span (:func:`same_source`);
    - ``kind``: the gold kind of the span in marks;
    - ``report``: ``yes`` when the proposed content matches a gold indirect quote by the
      scorer's rule (:func:`indirect_match`), else ``no``.
    - ``turn``: ``yes`` for the characters whose name is the gold ``speaker_name`` of the
      line of dialogue (:func:`same_source`).
    """
    if inst.decision == "source":
        g = _match(inst.span, (q for q in gold["quotes"] if q["kind"] in _MARKED))
        if g is None:
            return None
        mention = g.get("speaker") if g["kind"] != "other" else None
        out = []
        for option, _ in inst.options:
            if mention is None:
                out.append("yes" if option is None else "no")
            else:
                ok = option is not None and _overlap(option, (mention["start"], mention["end"])) > 0
                out.append("yes" if ok else "no")
        return out
    if inst.decision == "entity":
        names = [q.get("speaker_name") for q in gold["quotes"] if q.get("speaker")
                 and q.get("speaker_name")
                 and _overlap(inst.span, (q["speaker"]["start"], q["speaker"]["end"])) > 0]
        if not names:
            return None
        return ["yes" if same_source(option, names[0]) else "no" for option, _ in inst.options]
    if inst.decision == "kind":
        g = _match(inst.span, (q for q in gold["quotes"] if q["kind"] in _MARKED))
        return None if g is None else [g["kind"]]
    if inst.decision == "report":
        return ["yes" if indirect_match(inst.span, gold) is not None else "no"]
    if inst.decision == "turn":
        g = _match(inst.span, (q for q in gold["quotes"] if q["kind"] in _MARKED))
        if g is None or not g.get("speaker_name"):
            return None
        return ["yes" if same_source(option, g["speaker_name"]) else "no"
                for option, _ in inst.options]
    raise ValueError(f"no labels for the decision {inst.decision!r}")


_TITLE_WORDS = frozenset({"m", "mme", "mlle", "dr", "me", "pr", "mgr", "monsieur", "madame",
                          "mademoiselle", "le", "la", "les", "l", "president", "presidente",
                          "ministre"})


def _name_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    for ch in "’'-.,;:()«»\"":
        folded = folded.replace(ch, " ")
    return [w for w in folded.split() if w not in _TITLE_WORDS]


def same_source(name: str | None, gold_name: str) -> bool:
    """Do two names refer to the same source, as the gold's scorer counts it: the same
    words without accents, case, punctuation and titles, or the same last word with the
    words of one among those of the other (« Lavrov » and « Sergueï Lavrov »)."""
    p, g = _name_words(name or ""), _name_words(gold_name)
    if not p or not g:
        return False
    return p == g or (p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p)))


# -- fitting ------------------------------------------------------------------------------


def fit(name: str, rows: Sequence[tuple[Features, str]], classes: Sequence[str],
        *, meta: Mapping[str, Any] | None = None, min_count: int = 1) -> LinearModel:
    """A logistic regression over ``rows`` of (features, class); features found in fewer
    than ``min_count`` rows are left out."""
    if min_count > 1:
        counts: dict[str, int] = {}
        for features, _ in rows:
            for f in features:
                counts[f] = counts.get(f, 0) + 1
        rows = [({f: v for f, v in features.items() if counts[f] >= min_count}, y)
                for features, y in rows]
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise QuotesnapError(
            "training needs scikit-learn: pip install 'quotesnap[train]'") from None
    present = sorted({y for _, y in rows})
    if len(present) < 2:
        return LinearModel.untrained(name, tuple(classes))
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict(f) for f, _ in rows])
    y = [c for _, c in rows]
    clf = LogisticRegression(C=REGULARISATION, tol=FIT_TOLERANCE, max_iter=20000)
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {c: {} for c in classes}
    bias: dict[str, float] = {c: 0.0 for c in classes}
    if len(clf.classes_) == 2:  # one vector: the second class against the first
        pos = str(clf.classes_[1])
        weights[pos] = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True)}
        bias[pos] = float(clf.intercept_[0])
    else:
        for k, cls in enumerate(clf.classes_):
            weights[str(cls)] = {str(n): float(w)
                                 for n, w in zip(names, clf.coef_[k], strict=True)}
            bias[str(cls)] = float(clf.intercept_[k])
    info = {"instances": len(rows), "features": len(names), "C": REGULARISATION,
            **(meta or {})}
    return LinearModel(name, tuple(classes), weights, bias, info)


def fit_ranker(name: str, groups: Sequence[tuple[Sequence[Features], Sequence[int]]], *,
               meta: Mapping[str, Any] | None = None) -> LinearModel:
    """A conditional logit over ``groups`` of (the options' features, the indices of the
    right options): the weights that maximise the probability of choosing a right
    option (the sum of their softmax probabilities among the group's), with an L2
    penalty of ``1 / (2 C)``."""
    try:
        import numpy as np
        from scipy.optimize import minimize
        from sklearn.feature_extraction import DictVectorizer
    except ImportError:
        raise QuotesnapError(
            "training needs scikit-learn: pip install 'quotesnap[train]'") from None
    if not groups:
        return LinearModel.untrained(name)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict(f) for options, _ in groups for f in options]).tocsr()
    sizes = np.array([len(options) for options, _ in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    right = np.zeros(int(sizes.sum()))
    for start, (_, ks) in zip(starts, groups, strict=True):
        right[start + np.array(ks)] = 1.0
    group_of = np.repeat(np.arange(len(groups)), sizes)
    penalty = 1.0 / (2.0 * REGULARISATION)

    def loss(w: Any) -> tuple[float, Any]:
        scores = x @ w
        top = np.maximum.reduceat(scores, starts)
        exp = np.exp(scores - top[group_of])
        total = np.add.reduceat(exp, starts)
        good = np.add.reduceat(exp * right, starts)
        value = float(np.sum(np.log(total) - np.log(good))) + penalty * float(w @ w)
        prob = exp / total[group_of]
        prob_good = exp * right / good[group_of]
        grad = x.T @ (prob - prob_good) + 2 * penalty * w
        return value, grad

    w0 = np.zeros(x.shape[1])
    result = minimize(loss, w0, jac=True, method="L-BFGS-B",
                      options={"maxiter": 20000, "gtol": FIT_TOLERANCE, "ftol": 1e-15})
    names = vec.get_feature_names_out()
    weights = {"no": {}, "yes": {str(n): float(v) for n, v in zip(names, result.x, strict=True)}}
    info = {"groups": len(groups), "features": len(names), "C": REGULARISATION,
            "loss": round(float(result.fun), 3), **(meta or {})}
    return LinearModel(name, ("no", "yes"), weights, {"no": 0.0, "yes": 0.0}, info)


def _groups(trace: Iterable[Instance], decision: str,
            golds: Mapping[str, GoldDoc]) -> list[tuple[Sequence[Features], list[int]]]:
    """The ranking groups of a decision whose right options the gold names."""
    out: list[tuple[Sequence[Features], list[int]]] = []
    for inst in trace:
        if inst.decision != decision or inst.doc_id is None or inst.doc_id not in golds:
            continue
        labels = label(inst, golds[inst.doc_id])
        if labels is None or labels.count("yes") == 0:
            continue  # not a quote of the gold, or no option is right
        out.append(([f for _, f in inst.options],
                    [k for k, y in enumerate(labels) if y == "yes"]))
    return out


def _rows(trace: Iterable[Instance], decision: str,
          golds: Mapping[str, GoldDoc]) -> list[tuple[Features, str]]:
    rows: list[tuple[Features, str]] = []
    for inst in trace:
        if inst.decision != decision or inst.doc_id is None or inst.doc_id not in golds:
            continue
        labels = label(inst, golds[inst.doc_id])
        if labels is None:
            continue
        rows.extend((f, y) for (_, f), y in zip(inst.options, labels, strict=True))
    return rows


def _collect(prepared: Sequence[Prepared], settings: Settings, models: Models) -> list[Instance]:
    trace: list[Instance] = []
    for doc in prepared:
        doc.assemble(settings, models, trace)
    return trace


#: The decisions trained, in pipeline order, and those that rank options (a conditional
#: logit) rather than classify an instance. ``turn`` is trained twice: its features read
#: the speakers it gave the lines before, so the second time it learns from its own
#: decisions, as it meets them when it runs.
_TRAINED = ("source", "entity", "kind", "turn", "turn", "report")
_RANKERS = frozenset({"source", "entity", "turn"})


def train(prepared: Sequence[Prepared], golds: Sequence[GoldDoc], *,
          settings: Settings | None = None, meta: Mapping[str, Any] | None = None,
          speech: LinearModel | None = None,
          log: Callable[[str], None] | None = None,
          indirect: Collection[str] | None = None) -> Models:
    """Train every learned decision on ``prepared`` documents labelled by ``golds``.

    The scanner's ``speech`` model is not trained here (:func:`train_speech`): ``speech``
    is the one the documents were scanned with (default: the one shipped), kept in the
    result. ``indirect``: the ids of the documents whose gold annotates indirect speech
    (by default all of them); the ``report`` decision learns from these only, as a gold
    file that annotates no indirect speech at all (the fiction of lit-train) says nothing
    of it, and would teach the model that nothing is reported.
    """
    settings = settings or Settings()
    by_id = {d["doc_id"]: d for d in golds}
    models = Models.untrained(speech=speech)
    for name in _TRAINED:
        trace = _collect(prepared, settings, models)
        labelled = by_id if name != "report" or indirect is None else {
            k: d for k, d in by_id.items() if k in indirect}
        if name in _RANKERS:
            model = fit_ranker(name, _groups(trace, name, labelled), meta=meta)
        else:
            model = fit(name, _rows(trace, name, labelled), DECISIONS[name], meta=meta)
        if log is not None:
            log(f"{name}: {model.meta.get('groups', model.meta.get('instances', 0))} "
                f"instances, {model.meta.get('features', 0)} features")
        models = attrs.evolve(models, **{name: model})
    return models


def annotates_indirect(files: Iterable[Sequence[GoldDoc]]) -> set[str]:
    """The ids of the documents of every gold file that annotates indirect speech at all
    (lit-train's fiction annotates none: its silence says nothing of indirect speech)."""
    return {d["doc_id"] for docs in files
            if any(q["kind"] == "indirect" for d in docs for q in d["quotes"])
            for d in docs}
# -- the scanner's speech model --------------------------------------------------------------


def speech_rows(text: str, speech: Sequence[tuple[int, int]]) -> list[tuple[Features, str]]:
    """The sentences a dialogue turn of ``text`` runs on with after its first (those the
    ``speech`` model weighs, :func:`quotesnap.turns.speech_end`), each with its features
    and its class: ``yes`` when at least half of it lies in the character ranges
    ``speech`` (the words of the text's characters), ``no`` when it is the narrator's.

    The turns are scanned with a model that cuts nothing, so that every sentence up to the
    next turn or the paragraph's end is weighed."""
    trace: list[tuple[tuple[int, int], Features]] = []
    scan(text, speech=LinearModel.untrained("speech"), trace=trace)
    ranges = sorted(speech)
    starts = [a for a, _ in ranges]
    rows = []
    for (a, b), features in trace:
        inside = 0
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(ranges) and ranges[k][0] < b:
            inside += _overlap((a, b), ranges[k])
            k += 1
        rows.append((features, "yes" if 2 * inside >= b - a else "no"))
    return rows


def train_speech(docs: Iterable[tuple[str, Sequence[tuple[int, int]]]], *,
                 meta: Mapping[str, Any] | None = None) -> LinearModel:
    """The scanner's ``speech`` model, from texts with the character ranges of their
    characters' words (:func:`speech_rows`)."""
    rows = [row for text, speech in docs for row in speech_rows(text, speech)]
    return fit("speech", rows, SPEECH_CLASSES, meta=meta, min_count=SPEECH_MIN_COUNT)


def book_of(key: str) -> str:
    """The book an excerpt of the fiction corpus comes from, by its key: the key up to
    its part and chapter numbers (``rd0407_0`` -> ``rd0407``, ``mystères_de_paris_1_
    deuxième_1`` -> ``mystères_de_paris``, ``madame_bovary__troisième_10`` ->
    ``madame_bovary``)."""
    return re.split(r"__|_\d", key, maxsplit=1)[0]


def read_fiction(path: str | Path, *, unlike: Sequence[GoldDoc] = ()
                 ) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """The excerpts of the fiction corpus (``../shared/data/fiction/
    aads_french_direct_speech.json``: key -> text and the ``labels``, the character
    ranges of direct speech) as (key, text, ranges), without the excerpts of any book
    one of the documents ``unlike`` comes from (a gold document whose text is an
    excerpt's): so that a model trained on the rest says nothing of those books, and
    cross-validation on their gold stays fair."""
    with open(path, encoding="utf-8") as fh:
        corpus = json.load(fh)
    texts = {d["text"] for d in unlike}
    books = {book_of(key) for key, doc in corpus.items() if doc["text"] in texts}
    return [(key, doc["text"], [(int(a), int(b)) for a, b in doc["labels"]])
            for key, doc in sorted(corpus.items()) if book_of(key) not in books]


def folds(doc_ids: Sequence[str], k: int = FOLDS, seed: int = SEED) -> list[list[str]]:
    """``k`` folds of document ids, dealt at random with a fixed seed."""
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    return [ids[n::k] for n in range(k)]


def cross_validate(prepared: Sequence[Prepared], golds: Sequence[GoldDoc], *,
                   k: int = FOLDS, seed: int = SEED, settings: Settings | None = None,
                   also: Sequence[Prepared] = (), also_golds: Sequence[GoldDoc] = (),
                   indirect: Collection[str] | None = None,
                   log: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """Predictions for every gold document, each made by models trained on the other
    folds (and on the documents ``also``, labelled by ``also_golds``, in every fold):
    the quotes in the JSON form of ``quotesnap extract --format jsonl``. ``indirect`` as
    in :func:`train`."""
    settings = settings or Settings()
    by_doc = {p.plan.doc_id: p for p in prepared}
    out: list[dict[str, Any]] = []
    for n, test_ids in enumerate(folds([d["doc_id"] for d in golds], k, seed)):
        test = set(test_ids)
        train_docs = [p for p in prepared if p.plan.doc_id not in test] + list(also)
        train_golds = [d for d in golds if d["doc_id"] not in test] + list(also_golds)
        models = train(train_docs, train_golds, settings=settings, indirect=indirect)
        for doc_id in test_ids:
            extraction = by_doc[doc_id].assemble(settings, models)
            out.extend(q.to_dict() for q in extraction.quotes)
        if log is not None:
            log(f"fold {n + 1}/{k}: trained on {len(train_docs)}, tested on {len(test_ids)}")
    return out
