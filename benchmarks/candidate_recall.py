"""How much of the gold indirect speech the candidate stage lets through to the parser.

    python benchmarks/candidate_recall.py [GOLD.jsonl ...] [--misses]

Default gold: ``../shared/data/gold/news-train.jsonl`` (relative to the repository root).
A sentence that is never parsed can't give an indirect quote, so the candidate stage
(:mod:`quotesnap.candidates`) bounds indirect recall. For each gold indirect quote, the
sentence that holds its first character (and the one that holds its cue, when that is
another) is looked up among the sentences :func:`quotesnap.candidates.split_sentences`
cuts, and two figures are printed:

- ``may_report``: the share of gold indirect quotes whose sentence the word-level
  pre-filter :func:`quotesnap.candidates.may_report` selects;
- ``parsed``: the share whose sentence is parsed at all (selected, or parsed anyway
  because it holds a quote in marks, :func:`quotesnap.candidates.choose_windows`);

and, for the cost side, the share of all sentences that are parsed. ``--misses`` lists the
gold quotes whose sentence is not parsed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from quotesnap.candidates import choose_windows, may_report, outside_quotes, split_sentences
from quotesnap.kinds import sentence_of
from quotesnap.scan import scan

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "gold" / "news-train.jsonl"


def candidate_recall(gold: Path, *, misses: list[str] | None = None) -> dict[str, Any]:
    """The candidate stage's figures on one gold file (see the module's docstring);
    the gold quotes whose sentence is not parsed are appended to ``misses``."""
    total = selected = parsed = n_sentences = n_parsed = 0
    with gold.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        text = doc["text"]
        top = [s for s in scan(text).spans if s.depth == 0]
        sentences = split_sentences(text, top)
        windows = {c.sentence for c in choose_windows(text, top, sentences) if c.sentence >= 0}
        n_sentences += len(sentences)
        n_parsed += len(windows)
        for q in doc["quotes"]:
            if q["kind"] != "indirect":
                continue
            total += 1
            where = {sentence_of(sentences, q["start"])}
            if q.get("cue"):
                where.add(sentence_of(sentences, q["cue"]["start"]))
            where.discard(-1)
            picked = False
            for si in where:
                a, b = sentences[si]
                inside = [s for s in top if a <= s.start < b]
                picked = picked or may_report(outside_quotes(text, a, b, inside))
            selected += picked
            if where & windows:
                parsed += 1
            elif misses is not None:
                si = min(where) if where else -1
                a, b = sentences[si] if si >= 0 else (q["start"], q["end"])
                misses.append(f"{doc['doc_id']}: {text[a:b]!r}\n    -> {q['text'][:70]!r}")
    return {"gold": total, "may_report": 100.0 * selected / max(total, 1),
            "parsed": 100.0 * parsed / max(total, 1),
            "sentences": n_sentences, "sentences_parsed": 100.0 * n_parsed / max(n_sentences, 1)}


def describe(gold: Path, figures: dict[str, Any]) -> str:
    """One line for the figures of :func:`candidate_recall`."""
    return (f"{gold.name}: candidate recall of {figures['gold']} gold indirect quotes: "
            f"may_report {figures['may_report']:.1f} %, parsed {figures['parsed']:.1f} % "
            f"({figures['sentences_parsed']:.1f} % of {figures['sentences']} sentences parsed)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, default=[GOLD])
    ap.add_argument("--misses", action="store_true", help="list the sentences not parsed")
    args = ap.parse_args()
    for gold in args.gold:
        missed: list[str] = []
        print(describe(gold, candidate_recall(gold, misses=missed)))
        if args.misses:
            print("\n".join(missed))


if __name__ == "__main__":
    main()
