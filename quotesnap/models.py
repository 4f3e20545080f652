"""The learned decisions: small linear models over named features.

Where a rule would have to guess, quotesnap asks a model instead (DESIGN.md, *sure rules
decide, the rest is learned*). Six decisions are learned, each by a multinomial
logistic regression over features with readable names (``rule=incise``,
``mention=pronoun``, ``gap.sentences``…), defined and documented next to the decision:

- ``source`` (:mod:`quotesnap.ranking`): which of the candidate mentions the rules
  propose is the source of a quote in marks;
- ``entity`` (:mod:`quotesnap.resolve`): which person or body of the article a pronoun
  or a description names;
- ``kind`` (:mod:`quotesnap.kinds`): whether a span in marks is direct speech, a partial
  quote or something else (a title, a name, a scare quote);
- ``report`` (:mod:`quotesnap.indirect`): whether a clause a rule proposes as indirect
  speech is reported speech;
- ``turn`` (:mod:`quotesnap.dialogue`): who speaks a line of dialogue in fiction that
  no incise attributes for sure, among the people of the scene (the speakers of the
  lines before, the characters the narration names, the one the line's pronoun or
  description names);
- ``speech`` (:mod:`quotesnap.turns`): whether a sentence after the first of a dialogue
  turn is still the speaker's or the narrator's again (where the turn ends when a
  paragraph runs on after it). The scanner uses it, so it is trained first, from the
  fiction corpus, and the other decisions are trained on what the scanner finds with it.

The weights are JSON files in ``quotesnap/data/models/`` (plain numbers under feature
names, never pickles), written by ``python scripts/train.py`` from the training gold
files. At run time a model is a dictionary lookup per feature and a softmax: no library
beyond the standard one.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from .errors import DataFileError

__all__ = ["DECISIONS", "GENRE_MODELS", "SHARED_GENRE", "Features", "Instance",
           "LinearModel", "Models", "genre_features", "genre_instance"]

#: The learned decisions, by the name of their weights file, with their classes.
DECISIONS: Mapping[str, tuple[str, ...]] = {
    "source": ("no", "yes"),
    "entity": ("no", "yes"),
    "kind": ("direct", "partial", "other"),
    "report": ("no", "yes"),
    "turn": ("no", "yes"),
    "speech": ("no", "yes"),
}

#: Features of one instance: name -> value (1.0 for a feature that is on).
Features = Mapping[str, float]

#: The genre whose features are written as they are; a text of another genre
#: (:func:`quotesnap.dialogue.genre_of`: ``fiction``) has them prefixed (``fiction:rank<=0``).
SHARED_GENRE = "news"

#: The decisions learned apart for each genre: one weight vector per genre in one file,
#: as the same feature does not weigh the same in a novel and in an article (a pronoun
#: in a dialogue takes up the other party of the exchange, in an article the person last
#: quoted), and what one genre's texts teach must not move the other's decisions.
GENRE_MODELS = frozenset({"source", "entity"})


def genre_features(features: Features, genre: str) -> Features:
    """``features`` as the model of ``genre`` reads them (prefixed but for news)."""
    if genre == SHARED_GENRE:
        return features
    return {f"{genre}:{f}": v for f, v in features.items()}


def genre_instance(inst: Instance, genre: str) -> Instance:
    """``inst`` with its features as the model of ``genre`` reads them, for training."""
    if genre == SHARED_GENRE or inst.decision not in GENRE_MODELS:
        return inst
    return attrs.evolve(inst, options=tuple((opt, genre_features(f, genre))
                                            for opt, f in inst.options))


@attrs.frozen
class Instance:
    """One learned decision as the pipeline met it, for training: the document, the span
    decided about (a quote, a mention, a reported clause) and each option with its
    features. ``option`` identifies what choosing it means (a speaker mention's span, an
    entity's name, or None), so that the gold can say which option was right."""

    decision: str
    doc_id: str | None
    span: tuple[int, int]
    options: tuple[tuple[Any, Features], ...]


@attrs.frozen
class LinearModel:
    """A multinomial logistic regression: one weight vector per class.

    ``weights[cls][feature]`` is the weight of a feature for a class, ``bias[cls]`` the
    intercept. A binary model has the classes ``("no", "yes")``, with the ``no`` weights
    all zero. Features the model never saw have weight zero.
    """

    name: str
    classes: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]
    bias: Mapping[str, float]
    #: what the model was trained on, for the record (files, instances, settings)
    meta: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    #: the genre whose own weights this model reads (:meth:`for_genre`): a feature ``f``
    #: is looked up as ``"{genre}:{f}"``; "" for the weights shared by every text
    genre: str = ""

    def for_genre(self, genre: str) -> LinearModel:
        """The model that reads the weights learned for ``genre`` alone (the features of
        that genre's texts are trained under the prefix ``"{genre}:"``, see
        :func:`genre_features`)."""
        return attrs.evolve(self, genre=genre)

    def _weight(self, w: Mapping[str, float], features: Features) -> float:
        if self.genre:
            prefix = self.genre + ":"
            return sum(w.get(prefix + f, 0.0) * v for f, v in features.items())
        return sum(w.get(f, 0.0) * v for f, v in features.items())

    def probabilities(self, features: Features) -> dict[str, float]:
        """The probability of each class for an instance."""
        scores = {}
        for cls in self.classes:
            w = self.weights.get(cls, {})
            scores[cls] = self.bias.get(cls, 0.0) + self._weight(w, features)
        top = max(scores.values())
        exp = {cls: math.exp(s - top) for cls, s in scores.items()}
        total = sum(exp.values())
        return {cls: e / total for cls, e in exp.items()}

    def probability(self, features: Features, cls: str = "yes") -> float:
        """The probability of one class (``yes`` for a binary model)."""
        return self.probabilities(features)[cls]

    def score(self, features: Features, cls: str = "yes") -> float:
        """The raw linear score of one class for an instance."""
        return self.bias.get(cls, 0.0) + self._weight(self.weights.get(cls, {}), features)

    def rank(self, options: Sequence[Features]) -> list[float]:
        """For a ranking decision (one option of several is right), the probability of
        each option: the softmax of their ``yes`` scores (a conditional logit)."""
        if not options:
            return []
        scores = [self.score(f) for f in options]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def best(self, features: Features) -> tuple[str, float]:
        """The likeliest class and its probability."""
        probs = self.probabilities(features)
        cls = max(self.classes, key=lambda c: probs[c])
        return cls, probs[cls]

    def to_json(self) -> dict[str, Any]:
        """The JSON form of the weights file (features sorted, weights rounded)."""
        return {
            "name": self.name,
            "classes": list(self.classes),
            "bias": {c: round(self.bias.get(c, 0.0), 6) for c in self.classes},
            "weights": {c: {f: round(v, 6) for f, v in sorted(self.weights.get(c, {}).items())
                            if round(v, 6) != 0.0}
                        for c in self.classes},
            "meta": dict(self.meta),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, where: str = "") -> LinearModel:
        """Read a weights file's content; a malformed one is a :class:`DataFileError`."""
        try:
            classes = tuple(str(c) for c in data["classes"])
            weights = {str(c): {str(f): float(v) for f, v in data["weights"].get(c, {}).items()}
                       for c in classes}
            bias = {str(c): float(data["bias"].get(c, 0.0)) for c in classes}
            return cls(str(data["name"]), classes, weights, bias, dict(data.get("meta", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(
                f"{where or 'a model file'}: not a quotesnap weights file ({exc!r}); "
                f"retrain it with `python scripts/train.py`") from None

    @classmethod
    def untrained(cls, name: str, classes: tuple[str, ...] = ("no", "yes")) -> LinearModel:
        """A model with no weights: every class equally likely."""
        return cls(name, classes, {c: {} for c in classes}, {c: 0.0 for c in classes})


@attrs.frozen
class Models:
    """The weights of every learned decision, as one object an extractor holds."""

    source: LinearModel
    entity: LinearModel
    kind: LinearModel
    report: LinearModel
    turn: LinearModel
    speech: LinearModel

    @classmethod
    def untrained(cls, *, speech: LinearModel | None = None) -> Models:
        """Models with no weights (every option equally likely): what training starts
        from, and what parsing for training needs, with the scanner's ``speech`` model
        (default: the one shipped), which decides what is scanned, not how it is
        attributed."""
        models = {n: LinearModel.untrained(n, classes) for n, classes in DECISIONS.items()}
        models["speech"] = speech or cls.packaged().speech
        return cls(**models)

    @classmethod
    def packaged(cls) -> Models:
        """The weights shipped in ``quotesnap/data/models/`` (read once)."""
        return _packaged()

    def for_genre(self, genre: str) -> Models:
        """The models a text of ``genre`` is attributed with: for the decisions of
        :data:`GENRE_MODELS`, the weights learned on that genre's texts alone; for
        :data:`SHARED_GENRE` (news), and for the other decisions, the shared ones."""
        if genre == SHARED_GENRE:
            return self
        return attrs.evolve(self, **{name: getattr(self, name).for_genre(genre)
                                     for name in GENRE_MODELS})

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {name: getattr(self, name).to_json() for name in DECISIONS}

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, Any]]) -> Models:
        return cls(**{name: LinearModel.from_json(data[name], where=name)
                      for name in DECISIONS})


@functools.cache
def _packaged() -> Models:
    folder = resources.files("quotesnap") / "data" / "models"
    models = {}
    for name in DECISIONS:
        path = folder / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataFileError(
                f"quotesnap/data/models/{name}.json is missing: the package is incomplete; "
                f"reinstall quotesnap or retrain with `python scripts/train.py`") from None
        except json.JSONDecodeError as exc:
            raise DataFileError(f"quotesnap/data/models/{name}.json: {exc}") from None
        models[name] = LinearModel.from_json(data, where=f"quotesnap/data/models/{name}.json")
    return Models(**models)
