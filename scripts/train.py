"""Retrain every learned decision of quotesnap from the training gold files.

    python scripts/train.py [GOLD.jsonl ...] [--out quotesnap/data/models]

By default trains on ``../shared/data/gold/news-train.jsonl`` and ``lit-train.jsonl``
(relative to the repository root) and writes the weights files the package ships,
``quotesnap/data/models/{source,entity,kind,report}.json``. The ``report`` decision (is
a proposed clause indirect speech?) learns from the files that annotate indirect speech
only (news-train; lit-train annotates quotes in marks only). Deterministic: the same gold
and the same parser give the same weights. A few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN = [SHARED / "data" / "gold" / f"{name}.jsonl" for name in ("news-train", "lit-train")]
OUT = ROOT / "quotesnap" / "data" / "models"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, default=TRAIN)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from quotesnap import Extractor
    from quotesnap.models import Models
    from quotesnap.training import annotates_indirect, prepare_gold, read_gold, train

    t0 = time.perf_counter()
    files = [read_gold(path) for path in args.gold]
    golds = [d for docs in files for d in docs]
    # the report decision learns from the files that annotate indirect speech
    indirect = annotates_indirect(files)
    # parse with no weights at all: parsing does not depend on them
    untrained = Models.untrained()
    extractor = Extractor(models=untrained)
    prepared = prepare_gold(golds, extractor)
    print(f"parsed {len(golds)} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    meta = {"trained_on": [p.name for p in args.gold], "documents": len(golds)}
    models = train(prepared, golds, meta=meta, log=lambda m: print(m, file=sys.stderr),
                   indirect=indirect)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in models.to_json().items():
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}",
              file=sys.stderr)
    print(f"done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
