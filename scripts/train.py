"""Retrain every learned decision of quotesnap from the training gold files.

    python scripts/train.py [GOLD.jsonl ...] [--out quotesnap/data/models]

By default trains on ``../shared/data/gold/news-train.jsonl`` and ``lit-train.jsonl``
(relative to the repository root) and writes the weights files the package ships,
``quotesnap/data/models/{source,entity,kind,report}.json``. The ``report`` decision (is
a proposed clause indirect speech?) learns from the files that annotate indirect speech
only (news-train; lit-train annotates quotes in marks only). Deterministic: the same gold
and the same parser give the same weights. A few minutes on 2 cores.

First of all it trains the scanner's ``speech`` model (where a dialogue turn ends and the
narrator takes the paragraph back, :mod:`quotesnap.turns`) from the fiction corpus
``../shared/data/fiction/aads_french_direct_speech.json``, leaving out the books of the
gold documents, and writes ``quotesnap/data/models/speech.json``: the other models are
trained on the quotes the scanner finds with it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN = [SHARED / "data" / "gold" / f"{name}.jsonl" for name in ("news-train", "lit-train")]
FICTION = SHARED / "data" / "fiction" / "aads_french_direct_speech.json"
OUT = ROOT / "quotesnap" / "data" / "models"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, default=TRAIN)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--fiction", type=Path, default=FICTION,
                    help="the fiction corpus the scanner's speech model is trained on")
    args = ap.parse_args()

    from quotesnap import Extractor
    from quotesnap.models import Models
    from quotesnap.training import prepare_gold, read_fiction, read_gold, train, train_speech

    t0 = time.perf_counter()
    golds = [d for path in args.gold for d in read_gold(path)]
    excerpts = read_fiction(args.fiction, unlike=golds)
    speech = train_speech(((text, ranges) for _, text, ranges in excerpts),
                          meta={"trained_on": [args.fiction.name],
                                "documents": len(excerpts)})
    print(f"speech: {speech.meta['instances']} sentences of {len(excerpts)} excerpts",
          file=sys.stderr)
    # scan with the new speech model, parse with no other weights: parsing does not
    # depend on them
    untrained = Models.untrained(speech=speech)
    extractor = Extractor(models=untrained)
    prepared = prepare_gold(golds, extractor)
    print(f"parsed {len(golds)} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    meta = {"trained_on": [p.name for p in args.gold], "documents": len(golds)}
    models = train(prepared, golds, meta=meta, speech=speech,
                   log=lambda m: print(m, file=sys.stderr))
    for name, data in models.to_json().items():
        write(args.out / f"{name}.json", data)
    print(f"done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def write(path: Path, data: dict[str, Any]) -> None:
    """Write one weights file (sorted keys, so that retraining gives the same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
