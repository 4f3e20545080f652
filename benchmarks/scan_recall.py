"""How many of the gold quotes in marks the scanner finds, measured by the official scorer.

    python3 benchmarks/scan_recall.py [GOLD.jsonl ...]   (quotesnap installed, or PYTHONPATH=.)

Default gold: ``../shared/data/gold/news-dev.jsonl`` (relative to the repository root).
For each gold file, the scanner's spans are cut into their parts around incises (what
become separate quotes), written as JSON Lines ``{"doc_id", "kind", "start", "end", "text"}``
with kind ``direct`` or ``partial`` for every part (the scorer does not count ``other``),
and scored by ``../shared/eval/score.py``: read ``marked R`` (recall) and ``exact``
(boundary agreement). Also printed: how often the scanner's first guess at the kind agrees
with the gold kind (direct / partial / other) on the gold marked quotes it found.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from quotesnap.scan import scan, split_incises

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DEFAULT_GOLD = SHARED / "data" / "gold" / "news-dev.jsonl"
SCORER = SHARED / "eval" / "score.py"


def predictions(doc_id: str, text: str) -> list[dict[str, object]]:
    """The scanner's spans of one document, as scorer input."""
    out: list[dict[str, object]] = []
    for span in scan(text).spans:
        kind = "direct" if span.kind.value == "direct" else "partial"
        for start, end in split_incises(span, text):
            out.append({"doc_id": doc_id, "kind": kind, "start": start, "end": end,
                        "text": text[start:end], "guess": span.kind.value})
    return out


def kind_agreement(docs: list[dict[str, object]],
                   preds: dict[str, list[dict[str, object]]]) -> collections.Counter[str]:
    """(gold kind, guessed kind) counts over gold marked quotes whose exact span was found."""
    pairs: collections.Counter[str] = collections.Counter()
    for doc in docs:
        found = {(p["start"], p["end"]): p["guess"] for p in preds[str(doc["doc_id"])]}
        for q in doc["quotes"]:  # type: ignore[attr-defined]
            if q["kind"] != "indirect" and (q["start"], q["end"]) in found:
                pairs[f"{q['kind']}->{found[(q['start'], q['end'])]}"] += 1
    return pairs


def main(argv: list[str]) -> None:
    for gold in [Path(a) for a in argv] or [DEFAULT_GOLD]:
        with open(gold, encoding="utf-8") as f:
            docs = [json.loads(line) for line in f if line.strip()]
        preds = {str(d["doc_id"]): predictions(str(d["doc_id"]), d["text"]) for d in docs}
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                         delete=False) as out:
            for rows in preds.values():
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{gold.name}:")
        result = subprocess.run([sys.executable, str(SCORER), str(gold), out.name],
                                capture_output=True, text=True, check=True)
        print("  " + result.stdout.strip().splitlines()[0])
        Path(out.name).unlink()
        agreement = kind_agreement(docs, preds)
        print("  kind guess (gold->scan, exact spans):",
              ", ".join(f"{k}={v}" for k, v in sorted(agreement.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
