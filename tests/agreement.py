"""Comparing two extractions of the same texts quote by quote (the spaCy component's and
the Extractor's), for the agreement test and ``benchmarks/spacy_component_agreement.py``."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import quotesnap


@attrs.frozen
class Difference:
    """A quote the two sides do not give alike, keyed by its span."""

    doc_id: str
    start: int
    end: int
    #: ``speaker``, ``kind``, ``kind and speaker``, ``only Extractor``, ``only component``,
    #: or ``other span (Extractor's)`` / ``(component's)`` when the other side has an
    #: overlapping quote with other boundaries
    what: str
    windows: str  # kind and speaker on the Extractor's side, or "-"
    full: str  # the same on the component's side


@attrs.frozen
class Comparison:
    same: int
    total: int
    differences: tuple[Difference, ...]

    @property
    def agreement(self) -> float:
        """Quotes equal in span, kind and speaker name, over the quotes either side found."""
        return self.same / self.total if self.total else 1.0


def _described(q: quotesnap.Quote | None) -> str:
    if q is None:
        return "-"
    return f"{q.kind} {q.speaker.name if q.speaker else None!r} ({q.rule})"


def compare(windows: Sequence[quotesnap.Extraction], full: Sequence[quotesnap.Extraction]
            ) -> Comparison:
    """Quote by quote, document by document (the two sequences in the same order)."""
    same = total = 0
    differences = []
    for a, b in zip(windows, full, strict=True):
        left = {(q.start, q.end): q for q in a.quotes}
        right = {(q.start, q.end): q for q in b.quotes}
        for span in sorted(left.keys() | right.keys()):
            total += 1
            p, q = left.get(span), right.get(span)
            if p is None or q is None:
                # a quote the other side has with other boundaries, or not at all
                mine, other = (right, left) if p is None else (left, right)
                side = "component" if p is None else "Extractor"
                moved = any(s < span[1] and span[0] < e for s, e in other if (s, e) not in mine)
                what = f"other span ({side}'s)" if moved else f"only {side}"
            else:
                kind = p.kind != q.kind
                speaker = (p.speaker and p.speaker.name) != (q.speaker and q.speaker.name)
                if not kind and not speaker:
                    same += 1
                    continue
                what = "kind and speaker" if kind and speaker else "kind" if kind else "speaker"
            differences.append(Difference(str(a.doc_id), span[0], span[1], what,
                                          _described(p), _described(q)))
    return Comparison(same, total, tuple(differences))
