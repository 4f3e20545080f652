"""Speaker gender against its gold: precision where quotesnap gives a gender, and coverage.

    python benchmarks/gender_accuracy.py [--gold tests/data/gender-news-train.jsonl] [-v]

The gold (``tests/data/gender-news-train.jsonl``, format in ``docs/gold-format.md``) gives
the source's kind and gender of every quote of 50 articles of
``../shared/data/gold/news-train.jsonl``. quotesnap runs on those articles; each gold quote
is matched to the predicted quote with the same span (else the one that overlaps it most).

- **precision**: of the matched quotes quotesnap gives a gender, the share whose gold
  speaker has that gender (a gender given to an organisation, or to a person the gold says
  nothing of, counts as wrong; so does a gender given to the wrong speaker). Also on the
  quotes whose speaker quotesnap got right.
- **coverage**: of the gold's person sources (one per article and name) whose gender the
  gold knows, the share quotesnap gives a gender on at least one of their quotes; also
  on those whose gender the article itself says (``gender_in_text``), and per quote.
- **kind**: the share of matched quotes whose source kind (person, organisation, group,
  unknown) is the gold's.

``-v`` lists every disagreement.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import quotesnap

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gender-news-train.jsonl"
TEXTS = ROOT.parent / "shared" / "data" / "gold" / "news-train.jsonl"


def _match(gold: dict[str, Any], preds: list[quotesnap.Quote]) -> quotesnap.Quote | None:
    """The predicted quote with the gold's span, else the one overlapping it most (at
    least half of the shorter of the two)."""
    best, best_overlap = None, 0
    for q in preds:
        if (q.start, q.end) == (gold["start"], gold["end"]):
            return q
        overlap = min(q.end, gold["end"]) - max(q.start, gold["start"])
        shorter = min(q.end - q.start, gold["end"] - gold["start"])
        if overlap > best_overlap and overlap * 2 >= shorter:
            best, best_overlap = q, overlap
    return best


def _same_source(a: str, b: str) -> bool:
    """Loosely the same name: equal, or sharing their last word (« Lavrov »)."""
    fa, fb = a.lower().split(), b.lower().split()
    return a.lower() == b.lower() or bool(fa and fb and fa[-1] == fb[-1])


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f} % ({n}/{d})" if d else "  n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--texts", type=Path, default=TEXTS)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    wanted = {g["doc_id"] for g in gold}
    texts = {}
    for line in args.texts.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] in wanted:
            texts[doc["doc_id"]] = doc["text"]
    extractor = quotesnap.Extractor()
    preds = {ex.doc_id: list(ex.quotes) for ex in extractor.extract_many(
        (doc_id, texts[doc_id]) for doc_id in sorted(texts))}

    given = right = given_same = right_same = 0
    kinds = Counter[tuple[str, str]]()
    quote_persons = quote_covered = 0
    sources: dict[tuple[str, str], dict[str, Any]] = {}
    problems = []
    for g in gold:
        if g["speaker_name"] is None:
            continue
        p = _match(g, preds.get(g["doc_id"], []))
        sp = p.speaker if p is not None else None
        key = (g["doc_id"], g["speaker_name"])
        src = sources.setdefault(key, {"gold": g, "given": False})
        if sp is not None:
            kinds[(g["speaker_kind"], sp.kind)] += 1
            if args.verbose and g["speaker_kind"] != sp.kind:
                problems.append(f"kind: {g['speaker_name']!r} {g['speaker_kind']}; "
                                f"quotesnap {sp.name!r} {sp.kind}")
        if g["speaker_kind"] == "person" and g["speaker_gender"]:
            quote_persons += 1
            if sp is not None and sp.gender:
                quote_covered += 1
                src["given"] = True
        if sp is None or sp.gender is None:
            continue
        given += 1
        ok = sp.gender == g["speaker_gender"]
        right += ok
        same = _same_source(sp.name, g["speaker_name"])
        given_same += same
        right_same += ok and same
        if not ok:
            problems.append(f"{g['doc_id']} {g['start']}-{g['end']}: gold "
                            f"{g['speaker_name']!r} {g['speaker_gender']} ({g['evidence']}); "
                            f"quotesnap {sp.name!r} {sp.gender} {list(sp.gender_evidence)}")
    persons = [s for s in sources.values()
               if s["gold"]["speaker_kind"] == "person" and s["gold"]["speaker_gender"]]
    in_text = [s for s in persons if s["gold"]["gender_in_text"]]
    matched_kinds = sum(kinds.values())
    print(f"gold: {args.gold.name}, {len(texts)} articles, "
          f"{sum(1 for g in gold if g['speaker_name'])} quotes with a source, "
          f"{len(persons)} person sources with a known gender ({len(in_text)} said by the text)")
    print(f"precision (quotes given a gender)        {_pct(right, given)}")
    print(f"precision (those with the right speaker) {_pct(right_same, given_same)}")
    covered = sum(s["given"] for s in persons)
    covered_in_text = sum(s["given"] for s in in_text)
    print(f"coverage (person sources)                {_pct(covered, len(persons))}")
    print(f"coverage (person sources, said by text)  {_pct(covered_in_text, len(in_text))}")
    print(f"coverage (quotes of persons)             {_pct(quote_covered, quote_persons)}")
    print(f"kind (matched quotes)                    "
          f"{_pct(sum(n for (a, b), n in kinds.items() if a == b), matched_kinds)}")
    if args.verbose:
        for line in problems:
            print("  wrong:", line)
        for (a, b), n in sorted(kinds.items()):
            if a != b:
                print(f"  kind gold {a} -> quotesnap {b}: {n}")
        for s in persons:
            if not s["given"]:
                g = s["gold"]
                print(f"  no gender: {g['doc_id']} {g['speaker_name']!r} "
                      f"{g['speaker_gender']} ({g['evidence']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
