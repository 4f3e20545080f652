"""Score quotesnap on the shared gold files with the shared scorer.

    python benchmarks/evaluate.py [GOLD.jsonl ...] [--backend spacy] [--keep DIR]

By default scores ``../shared/data/gold/{seed,news-dev,lit-dev}.jsonl`` (relative to the
repository root) and prints the scorer's lines for each file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quotesnap

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = [SHARED / "data" / "gold" / f"{name}.jsonl" for name in ("seed", "news-dev", "lit-dev")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, default=GOLD)
    ap.add_argument("--backend", default="spacy")
    ap.add_argument("--model", default=None)
    ap.add_argument("--keep", type=Path, help="keep the prediction files in this folder")
    args = ap.parse_args()
    extractor = quotesnap.Extractor(backend=args.backend, model=args.model)
    out_dir = args.keep or Path(tempfile.mkdtemp())
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in args.gold:
        docs = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
        pred = out_dir / f"{gold.stem}.pred.jsonl"
        t0 = time.perf_counter()
        with pred.open("w", encoding="utf-8") as fh:
            for ex in extractor.extract_many((d["doc_id"], d["text"]) for d in docs):
                if ex.error:
                    print(f"{gold.name}: {ex.doc_id}: {ex.error}", file=sys.stderr)
                for q in ex.quotes:
                    fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
        took = time.perf_counter() - t0
        print(f"{gold.name} ({len(docs)} documents, {took:.1f} s)")
        scorer = SHARED / "eval" / "score.py"
        subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], check=True)


if __name__ == "__main__":
    main()
