"""Evaluation on a gold file: how well quotesnap does on *your* texts.

    >>> import quotesnap
    >>> report = quotesnap.evaluate("examples/lavrov-maduro-2020.gold.jsonl")  # extracts
    >>> report.marked.f1, report.marked.attribution_f1
    (100.0, 100.0)

With predictions made elsewhere, ``quotesnap.evaluate(gold, "pred.jsonl")``.

The gold format is that of ``../shared/data/gold/`` (``docs/gold-format.md``): one document
per line, ``{"doc_id", "text", "quotes": [...]}``. Predictions are what ``quotesnap
extract --format jsonl`` prints (one quote per line), :class:`~quotesnap.Extraction` or
:class:`~quotesnap.Quote` objects, or dicts of that JSON form.

The figures are those of the project's scorer, ``../shared/eval/score.py``, computed the
same way so that they are equal on the same files:

- two groups: ``marked`` (gold kinds ``direct`` and ``partial``: the quotes in marks) and
  ``indirect``; a prediction of kind ``other`` counts as no quote;
- a prediction matches a gold quote when their overlap covers at least half of each,
  one to one, the largest overlaps first (``@ggt``: the Gender Gap Tracker's looser rule,
  an overlap of at least 0.3 of the gold span);
- ``exact``: matched pairs whose boundaries agree within one character; ``speaker``:
  matched pairs with a gold source whose predicted name refers to the same source (same
  normalised name, or same last name and one name's words within the other's);
  ``mention``: matched pairs with a gold mention whose predicted mention overlaps it;
  attribution: a quote found *and* given the right source (or none where the gold names
  none).

Beyond the scorer, :class:`Evaluation` gives a table by gold kind, the confusion between
kinds, and each mistake (a miss, a false alarm, a wrong speaker) with its context.
Reading never stops on a bad line: it is reported in :attr:`Evaluation.problems` and the
other documents are scored.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .results import Quote

if TYPE_CHECKING:
    from .extract import Extraction, Extractor

__all__ = [
    "GROUPS",
    "KINDS",
    "Evaluation",
    "KindScores",
    "Mistake",
    "Scores",
    "evaluate",
    "same_source",
]

#: The scorer's two groups and the gold kinds each counts (predictions are counted by
#: their own kind the same way; ``other`` is in neither: a title or a scare quote is not
#: reported speech).
GROUPS: dict[str, frozenset[str]] = {
    "marked": frozenset({"direct", "partial"}),
    "indirect": frozenset({"indirect"}),
}

#: The kinds of the gold format, in the order of the tables.
KINDS = ("direct", "partial", "indirect", "other")

# Words left out when comparing names: titles and articles (« M. Lavrov » is « Lavrov »,
# « le président Macron » is « Macron »), accents and case folded.
_TITLES = frozenset({
    "m", "mme", "mlle", "dr", "me", "pr", "mgr", "monsieur", "madame", "mademoiselle",
    "le", "la", "les", "l", "president", "presidente", "ministre",
})
_NAME_PUNCTUATION = str.maketrans({c: " " for c in "’'-.,;:()«»\""})


def _name_words(name: str | None) -> list[str]:
    """The words of a source's name that identify it: lower case, no accents, no
    punctuation, no titles (``M. Sergueï Lavrov`` -> ``sergue``, ``lavrov``... )."""
    if not name:
        return []
    decomposed = unicodedata.normalize("NFKD", name.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [w for w in bare.translate(_NAME_PUNCTUATION).split() if w not in _TITLES]


def same_source(predicted: str | None, gold: str | None) -> bool:
    """Do two names refer to the same source? The same words once titles, accents and
    punctuation are set aside, or the same last word with one name's words all in the
    other's (``Lavrov`` and ``Sergueï Lavrov``; not ``Marine Le Pen`` and ``Jean-Marie Le
    Pen``)."""
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    return p == g or (p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p)))


# -- what is compared --------------------------------------------------------------------


@attrs.frozen
class _Item:
    """A gold or predicted quote reduced to what scoring reads."""

    kind: str
    start: int
    end: int
    text: str = ""
    #: the source's name (gold ``speaker_name``; predicted ``speaker.name``, else its text)
    name: str | None = None
    #: the speaker mention in the text, or None
    mention: tuple[int, int] | None = None

    @classmethod
    def from_quote(cls, q: Quote) -> _Item:
        sp = q.speaker
        mention = sp.mention if sp is not None else None
        return cls(str(q.kind), q.start, q.end, q.text,
                   (sp.name or (mention.text if mention else None)) if sp else None,
                   (mention.start, mention.end) if mention else None)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(golds: Sequence[_Item], preds: Sequence[_Item], *, ggt: bool = False
           ) -> list[tuple[int, int]]:
    """Pairs ``(gold index, prediction index)``, one to one, the largest overlaps first.

    Ties go to the later gold quote, then the later prediction: the order the project's
    scorer takes them in, so that both pair the same quotes.
    """
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            o = _overlap((g.start, g.end), (p.start, p.end))
            if o <= 0:
                continue
            covers_gold = o / (g.end - g.start)
            if (covers_gold >= 0.3) if ggt else (
                    covers_gold >= 0.5 and o / (p.end - p.start) >= 0.5):
                pairs.append((o, gi, pi))
    pairs.sort(reverse=True)
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
            out.append((gi, pi))
    return out


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent, rounded to one decimal (F from the unrounded
    precision and recall)."""
    p = 100.0 * hits / predicted if predicted else 0.0
    r = 100.0 * hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 1), round(r, 1), round(f, 1)


# -- results -----------------------------------------------------------------------------


@attrs.frozen
class Scores:
    """The scorer's figures for one group (``marked`` or ``indirect``), in percent.

    ``gold``/``pred``: how many quotes of the group the gold holds and the prediction
    claims. ``precision``/``recall``/``f1``: detection (half-overlap matching);
    ``*_ggt`` the same with the Gender Gap Tracker's rule. ``exact``: share of matched
    pairs with the same boundaries (within one character). ``speaker``: share of matched
    pairs with a gold source that got the same source. ``mention``: share of matched pairs
    with a gold mention whose predicted mention overlaps it. ``attribution_*``: a quote
    found and given the right source (or none where the gold names none).
    """

    gold: int
    pred: int
    precision: float
    recall: float
    f1: float
    precision_ggt: float
    recall_ggt: float
    f1_ggt: float
    exact: float
    speaker: float
    mention: float
    attribution_precision: float
    attribution_recall: float
    attribution_f1: float

    def to_dict(self) -> dict[str, float | int]:
        """The scorer's JSON keys (``score.py --json``): ``P``, ``R``, ``F``, ``P@ggt`` …
        ``attr.F``."""
        return {"gold": self.gold, "pred": self.pred, "P": self.precision, "R": self.recall,
                "F": self.f1, "P@ggt": self.precision_ggt, "R@ggt": self.recall_ggt,
                "F@ggt": self.f1_ggt, "exact": self.exact, "speaker": self.speaker,
                "mention": self.mention, "attr.P": self.attribution_precision,
                "attr.R": self.attribution_recall, "attr.F": self.attribution_f1}

    def line(self, group: str) -> str:
        """The line the scorer prints for this group."""
        return (f"{group:9s} gold={self.gold:4d} pred={self.pred:4d}  P={self.precision:5.1f}"
                f" R={self.recall:5.1f} F={self.f1:5.1f}  (ggt rule F={self.f1_ggt:5.1f})"
                f"  exact={self.exact:5.1f}  speaker={self.speaker:5.1f}"
                f"  mention={self.mention:5.1f}  attribution P={self.attribution_precision:5.1f}"
                f" R={self.attribution_recall:5.1f} F={self.attribution_f1:5.1f}")


@attrs.frozen
class KindScores:
    """Detection and attribution for one gold kind.

    ``gold``: gold quotes of this kind; ``pred``: predictions of this kind.
    ``precision``/``recall``/``f1``: a gold quote matched by a prediction of the *same*
    kind. ``found``: share of the gold quotes matched by a prediction of *any* kind (a
    partial quote predicted as direct is found, with the wrong kind). ``speaker``: on
    the same-kind matches whose gold names a source, the share given that source.
    """

    kind: str
    gold: int
    pred: int
    precision: float
    recall: float
    f1: float
    found: float
    speaker: float | None

    def to_dict(self) -> dict[str, Any]:
        """The row as a JSON object."""
        return attrs.asdict(self)


@attrs.frozen
class Mistake:
    """One error, for reading where extraction fails.

    ``type``: ``miss`` (a gold quote nothing matched), ``false-alarm`` (a prediction that
    matches no gold quote) or ``speaker`` (matched, with the wrong source or a source where
    the gold has none). ``group``: ``marked`` or ``indirect``. ``kind``, ``start``,
    ``end``, ``text``: the gold quote (the prediction's for a false alarm). ``expected``:
    the gold source's name; ``got``: the predicted one. ``context``: the quote in its
    sentence, on one line, the quote between ``⟦ ⟧``.
    """

    type: str
    group: str
    doc_id: str
    kind: str
    start: int
    end: int
    text: str
    expected: str | None
    got: str | None
    context: str

    def describe(self) -> str:
        """Two lines: what went wrong and where, then the context."""
        head = f"{self.doc_id}:{self.start}-{self.end}  {self.type:<11} {self.kind:<8}"
        if self.type == "speaker":
            head += f"  expected {self.expected!r}, got {self.got!r}"
        elif self.type == "miss" and self.expected:
            head += f"  source {self.expected!r}"
        elif self.type == "false-alarm" and self.got:
            head += f"  source {self.got!r}"
        return f"{head}\n    {self.context}"

    def to_dict(self) -> dict[str, Any]:
        """The mistake as a JSON object."""
        return attrs.asdict(self)


def _context(text: str, start: int, end: int, *, before: int = 60, after: int = 40,
             longest: int = 100) -> str:
    """``…words before ⟦the quote⟧ words after…`` on one line, a long quote cut in the
    middle."""
    body = text[start:end]
    if len(body) > longest:
        body = body[: longest // 2] + " … " + body[-longest // 2:]
    left = text[max(0, start - before):start]
    right = text[end:end + after]
    line = ("…" if start > before else "") + left + "⟦" + body + "⟧" + right + (
        "…" if end + after < len(text) else "")
    return " ".join(line.split())


@attrs.frozen
class Evaluation:
    """What :func:`evaluate` found: the scorer's figures, a table by kind, the mistakes.

    ``marked``/``indirect``: :class:`Scores` equal to ``../shared/eval/score.py``'s on
    the same files. ``kinds``: one :class:`KindScores` per gold kind (direct, partial,
    indirect, other). ``confusion``: for each gold kind, how its gold quotes were predicted
    (``{"direct": {"direct": 140, "partial": 12, "none": 9, ...}, ...}``, any-kind
    matching). ``mistakes``: every miss, false alarm and wrong speaker, in document order.
    ``documents``: how many gold documents were scored. ``problems``: lines or documents
    that could not be read or extracted (``FILE:LINE: what``), skipped, the rest scored.
    ``warnings``: what looks wrong but was scored anyway (gold offsets that do not match
    the text, predictions for documents the gold does not have).
    """

    marked: Scores
    indirect: Scores
    kinds: tuple[KindScores, ...]
    confusion: dict[str, dict[str, int]]
    mistakes: tuple[Mistake, ...]
    documents: int
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def groups(self) -> dict[str, Scores]:
        """``{"marked": …, "indirect": …}``."""
        return {"marked": self.marked, "indirect": self.indirect}

    def to_dict(self) -> dict[str, Any]:
        """``marked`` and ``indirect`` exactly as ``score.py --json`` prints them, then
        ``kinds``, ``confusion``, the number of documents, the problems and warnings."""
        return {
            **{name: s.to_dict() for name, s in self.groups.items()},
            "kinds": [k.to_dict() for k in self.kinds],
            "confusion": self.confusion,
            "documents": self.documents,
            "problems": list(self.problems),
            "warnings": list(self.warnings),
        }

    def report(self) -> str:
        """The scorer's two lines, then the table by kind and the confusion of kinds."""
        lines = [s.line(name) for name, s in self.groups.items()]
        lines += ["", f"{'gold kind':<10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F':>7}"
                      f"{'found':>8}{'speaker':>9}"]
        for k in self.kinds:
            speaker = "-" if k.speaker is None else f"{k.speaker:.1f}"
            lines.append(f"{k.kind:<10}{k.gold:>6}{k.pred:>6}{k.precision:>7.1f}"
                         f"{k.recall:>7.1f}{k.f1:>7.1f}{k.found:>8.1f}{speaker:>9}")
        columns = [*KINDS, "none"]
        lines += ["", "gold kind \\ predicted as" + "".join(f"{c:>9}" for c in columns)]
        for kind in KINDS:
            row = self.confusion[kind]
            lines.append(f"{kind:<24}" + "".join(f"{row[c]:>9}" for c in columns))
        return "\n".join(lines) + "\n"


# -- reading -----------------------------------------------------------------------------


@attrs.frozen
class _GoldDoc:
    doc_id: str
    text: str
    quotes: tuple[_Item, ...]


class _BadRecord(ValueError):
    """A gold or prediction record that cannot be read; the message says why."""


def _int(record: Mapping[str, Any], key: str) -> int:
    value = record.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _BadRecord(f'"{key}" must be an integer offset, not {value!r}')
    return value


def _span(value: Any, what: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _BadRecord(f'"{what}" must be an object with "start" and "end", or null')
    if value.get("start") is None:
        return None  # an inherited speaker: a name without a mention
    return _int(value, "start"), _int(value, "end")


def _gold_quote(q: Any, n: int) -> _Item:
    if not isinstance(q, Mapping):
        raise _BadRecord(f"quote {n} is not a JSON object")
    try:
        kind = q.get("kind")
        if kind not in KINDS:
            raise _BadRecord(f'"kind" must be one of {", ".join(KINDS)}, not {kind!r}')
        name = q.get("speaker_name")
        return _Item(kind, _int(q, "start"), _int(q, "end"), str(q.get("text", "")),
                     name if isinstance(name, str) else None, _span(q.get("speaker"), "speaker"))
    except _BadRecord as e:
        raise _BadRecord(f"quote {n}: {e}") from None


def _gold_doc(record: Any) -> _GoldDoc:
    if not isinstance(record, Mapping):
        raise _BadRecord(f"expected a JSON object, got {type(record).__name__}")
    doc_id, text, quotes = record.get("doc_id"), record.get("text"), record.get("quotes")
    if doc_id is None:
        raise _BadRecord('no "doc_id"')
    if not isinstance(text, str):
        raise _BadRecord('no "text" string')
    if not isinstance(quotes, list):
        raise _BadRecord('no "quotes" list')
    return _GoldDoc(str(doc_id), text, tuple(_gold_quote(q, n) for n, q in enumerate(quotes, 1)))


def _pred_quote(q: Any) -> _Item:
    if not isinstance(q, Mapping):
        raise _BadRecord("a predicted quote is not a JSON object")
    sp = q.get("speaker")
    if sp is not None and not isinstance(sp, Mapping):
        raise _BadRecord('"speaker" must be an object or null')
    name = (sp.get("name") or sp.get("text")) if sp else None
    return _Item(str(q.get("kind", "direct")), _int(q, "start"), _int(q, "end"),
                 str(q.get("text", "")), name if isinstance(name, str) else None,
                 _span(sp, "speaker"))


def _lines(path: str | os.PathLike[str]) -> Iterator[tuple[str, Any]]:
    """``(FILE:LINE, record)`` for each non-blank line; a line that is not JSON gives a
    :class:`_BadRecord` as its record."""
    label = os.fspath(path)
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                yield f"{label}:{n}", json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as e:
                yield f"{label}:{n}", _BadRecord(f"not UTF-8 (byte {e.start}: {e.reason})")
            except json.JSONDecodeError as e:
                yield f"{label}:{n}", _BadRecord(f"bad JSON: {e.msg} (column {e.colno})")


def _records(source: str | os.PathLike[str] | Iterable[Any], what: str
             ) -> Iterator[tuple[str, Any]]:
    if isinstance(source, (str, os.PathLike)):
        yield from _lines(source)
    else:
        for n, record in enumerate(source, 1):
            yield f"{what} {n}", record


def _read_gold(source: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
               problems: list[str], warnings: list[str]) -> dict[str, _GoldDoc]:
    docs: dict[str, _GoldDoc] = {}
    where_seen: dict[str, str] = {}
    for where, record in _records(source, "gold document"):
        try:
            if isinstance(record, _BadRecord):
                raise record
            doc = _gold_doc(record)
        except _BadRecord as e:
            problems.append(f"{where}: {e}; this gold document is skipped")
            continue
        for n, q in enumerate(doc.quotes, 1):
            if q.text and doc.text[q.start:q.end] != q.text:
                warnings.append(f"{where}: quote {n}: its text is not text[{q.start}:{q.end}]")
        if doc.doc_id in docs:
            # the project's scorer keeps the last line of a doc_id: so does this
            warnings.append(f"{where}: doc_id {doc.doc_id!r} again (first at "
                            f"{where_seen[doc.doc_id]}); this line replaces it")
        docs[doc.doc_id] = doc
        where_seen[doc.doc_id] = where
    return docs


def _read_predictions(source: str | os.PathLike[str] | Iterable[Any],
                      problems: list[str]) -> dict[str, list[_Item]]:
    """Predicted quotes by doc_id, in input order: JSON Lines quotes (or ``{"doc_id",
    "quotes"}`` lines), :class:`Extraction` or :class:`Quote` objects, or dicts."""
    from .extract import Extraction

    by_doc: dict[str, list[_Item]] = {}
    for where, record in _records(source, "prediction"):
        try:
            if isinstance(record, _BadRecord):
                raise record
            if isinstance(record, Extraction):
                if record.error is not None:
                    problems.append(f"{where} ({record.doc_id}): {record.error}")
                by_doc.setdefault(str(record.doc_id), []).extend(
                    _Item.from_quote(q) for q in record.quotes)
            elif isinstance(record, Quote):
                if record.doc_id is None:
                    raise _BadRecord("a predicted quote has no doc_id")
                by_doc.setdefault(record.doc_id, []).append(_Item.from_quote(record))
            elif isinstance(record, Mapping) and "quotes" in record and "start" not in record:
                items = [_pred_quote(q) for q in record["quotes"]]
                by_doc.setdefault(str(record.get("doc_id")), []).extend(items)
            elif isinstance(record, Mapping):
                if "doc_id" not in record:
                    raise _BadRecord("a predicted quote has no doc_id")
                by_doc.setdefault(str(record["doc_id"]), []).append(_pred_quote(record))
            else:
                raise _BadRecord(f"not a quote: {type(record).__name__}")
        except _BadRecord as e:
            problems.append(f"{where}: {e}; skipped")
    return by_doc


# -- scoring -----------------------------------------------------------------------------


def _group_scores(docs: Mapping[str, _GoldDoc], preds: Mapping[str, list[_Item]],
                  group: str, mistakes: list[Mistake]) -> Scores:
    kinds = GROUPS[group]
    n_gold = n_pred = hits = hits_ggt = exact = named = named_ok = mentioned = mention_ok = 0
    attributed = 0
    for doc_id, doc in docs.items():
        golds = [q for q in doc.quotes if q.kind in kinds]
        found = [p for p in preds.get(doc_id, []) if p.kind in kinds]
        n_gold += len(golds)
        n_pred += len(found)
        pairs = _match(golds, found)
        hits += len(pairs)
        hits_ggt += len(_match(golds, found, ggt=True))
        for gi, pi in pairs:
            g, p = golds[gi], found[pi]
            if abs(g.start - p.start) <= 1 and abs(g.end - p.end) <= 1:
                exact += 1
            if g.mention is not None:
                mentioned += 1
                if p.mention is not None and _overlap(g.mention, p.mention) > 0:
                    mention_ok += 1
            if g.name:
                named += 1
                if same_source(p.name, g.name):
                    named_ok += 1
                    attributed += 1
                    continue
            elif not p.name:
                attributed += 1  # no source in the gold, none claimed
                continue
            mistakes.append(_mistake("speaker", group, doc, g, p))
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        mistakes.extend(_mistake("miss", group, doc, g, None)
                        for gi, g in enumerate(golds) if gi not in matched_g)
        mistakes.extend(_mistake("false-alarm", group, doc, p, p)
                        for pi, p in enumerate(found) if pi not in matched_p)
    p_, r_, f_ = _prf(hits, n_pred, n_gold)
    pg, rg, fg = _prf(hits_ggt, n_pred, n_gold)
    ap, ar, af = _prf(attributed, n_pred, n_gold)
    return Scores(n_gold, n_pred, p_, r_, f_, pg, rg, fg, _percent(exact, hits),
                  _percent(named_ok, named), _percent(mention_ok, mentioned), ap, ar, af)


def _mistake(type_: str, group: str, doc: _GoldDoc, quote: _Item, pred: _Item | None
             ) -> Mistake:
    expected = quote.name if type_ != "false-alarm" else None
    return Mistake(type_, group, doc.doc_id, quote.kind, quote.start, quote.end,
                   doc.text[quote.start:quote.end], expected, pred.name if pred else None,
                   _context(doc.text, quote.start, quote.end))


def _kind_scores(docs: Mapping[str, _GoldDoc], preds: Mapping[str, list[_Item]]
                 ) -> tuple[tuple[KindScores, ...], dict[str, dict[str, int]]]:
    confusion = {k: dict.fromkeys([*KINDS, "none"], 0) for k in KINDS}
    rows = []
    for kind in KINDS:
        n_gold = n_pred = hits = found = named = named_ok = 0
        for doc_id, doc in docs.items():
            golds = [q for q in doc.quotes if q.kind == kind]
            everything = preds.get(doc_id, [])
            same = [p for p in everything if p.kind == kind]
            n_gold += len(golds)
            n_pred += len(same)
            pairs = _match(golds, same)
            hits += len(pairs)
            for gi, pi in pairs:
                if golds[gi].name:
                    named += 1
                    named_ok += same_source(same[pi].name, golds[gi].name)
            anywhere = _match(golds, everything)
            found += len(anywhere)
            for _, pi in anywhere:
                predicted = everything[pi].kind
                confusion[kind][predicted if predicted in KINDS else "none"] += 1
            confusion[kind]["none"] += len(golds) - len(anywhere)
        p, r, f = _prf(hits, n_pred, n_gold)
        rows.append(KindScores(kind, n_gold, n_pred, p, r, f, _percent(found, n_gold),
                               _percent(named_ok, named) if named else None))
    return tuple(rows), confusion


def evaluate(
    gold: str | os.PathLike[str] | Iterable[Mapping[str, Any]],
    predictions: str | os.PathLike[str] | Iterable[Extraction | Quote | Mapping[str, Any]]
    | None = None,
    *,
    extractor: Extractor | None = None,
    **options: Any,
) -> Evaluation:
    """Score predictions against a gold file, with the figures of the project's scorer.

    ``gold``: a JSON Lines file in the format of ``../shared/data/gold/`` (see
    ``docs/gold-format.md``), or its records as dicts. ``predictions``: a JSON Lines
    file as ``quotesnap extract --format jsonl`` writes it, or :class:`Extraction`,
    :class:`Quote` or dict objects; when None, quotesnap extracts from the gold texts
    itself with ``extractor`` (or an :class:`~quotesnap.Extractor` built from
    ``options``: ``backend``, ``model``, ``indirect``…).

    Bad lines do not stop the evaluation: they are listed in
    :attr:`Evaluation.problems` and the rest is scored.

    >>> report = quotesnap.evaluate("examples/lavrov-maduro-2020.gold.jsonl")
    >>> report.marked.recall, report.documents
    (100.0, 1)
    """
    problems: list[str] = []
    warnings: list[str] = []
    docs = _read_gold(gold, problems, warnings)
    if predictions is None:
        if extractor is None:
            from .extract import Extractor

            extractor = Extractor(**options)
        elif options:
            raise TypeError("give either an extractor or its options, not both")
        predictions = extractor.extract_many((d.doc_id, d.text) for d in docs.values())
    preds = _read_predictions(predictions, problems)
    unknown = sorted(set(preds) - set(docs))
    if unknown:
        shown = ", ".join(repr(u) for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        warnings.append(f"predictions for {len(unknown)} doc_id(s) that the gold does not "
                        f"have are ignored: {shown}")
    mistakes: list[Mistake] = []
    marked = _group_scores(docs, preds, "marked", mistakes)
    indirect = _group_scores(docs, preds, "indirect", mistakes)
    order = {doc_id: n for n, doc_id in enumerate(docs)}
    mistakes.sort(key=lambda m: (order[m.doc_id], m.start, m.end))
    kinds, confusion = _kind_scores(docs, preds)
    return Evaluation(marked, indirect, kinds, confusion, tuple(mistakes), len(docs),
                      tuple(problems), tuple(warnings))
