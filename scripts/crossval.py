"""Cross-validated figures of quotesnap on a training gold file, folds by document.

    python scripts/crossval.py [GOLD.jsonl] [--folds 5]

Every learned decision is retrained on the other folds for each fold
(:func:`quotesnap.training.cross_validate`), the predictions of all folds are scored
together by ``../shared/eval/score.py``, and the oracle of the source candidates is
printed: on quotes in marks whose gold names the speaker in the text, how often one of
the candidates the rules propose is that mention; and the oracle of the indirect-speech
proposals: how many gold indirect quotes one of the clauses the rules propose matches
(by the scorer's rule), whatever the ``report`` model then decides.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "gold" / "news-train.jsonl"
SCORER = SHARED / "eval" / "score.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="write the predictions to this file")
    ap.add_argument("--also", type=Path, action="append", default=[],
                    help="a gold file added to the training documents of every fold")
    ap.add_argument("--repeats", type=int, default=1,
                    help="repeat with other deals of documents to folds; print each and the mean")
    args = ap.parse_args()

    from quotesnap import Extractor
    from quotesnap.models import Models
    from quotesnap.training import (
        SEED,
        annotates_indirect,
        cross_validate,
        indirect_match,
        label,
        prepare_gold,
        read_gold,
    )

    t0 = time.perf_counter()
    golds = read_gold(args.gold)
    untrained = Models.untrained()
    prepared = prepare_gold(golds, Extractor(models=untrained))
    also_golds = [d for path in args.also for d in read_gold(path)]
    also = prepare_gold(also_golds, Extractor(models=untrained)) if also_golds else []
    figures = []
    for repeat in range(args.repeats):
        preds = cross_validate(prepared, golds, k=args.folds, seed=SEED + repeat,
                               also=also, also_golds=also_golds,
                               indirect=annotates_indirect([golds, also_golds]),
                               log=lambda m: print(m, file=sys.stderr))
        out = args.keep or Path(tempfile.mkdtemp()) / "crossval.pred.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for q in preds:
                fh.write(json.dumps(q, ensure_ascii=False) + "\n")
        print(f"{args.gold.name}: {len(golds)} documents, {args.folds}-fold cross-validation "
              f"by document, seed {SEED + repeat} ({time.perf_counter() - t0:.0f} s)")
        subprocess.run([sys.executable, str(SCORER), str(args.gold), str(out)], check=True)
        done = subprocess.run([sys.executable, str(SCORER), str(args.gold), str(out), "--json"],
                              check=True, capture_output=True, text=True)
        figures.append(json.loads(done.stdout))
    if args.repeats > 1:
        print(f"mean of {args.repeats} deals:")
        for group in ("marked", "indirect"):
            keys = ("F", "speaker", "attr.F")
            means = {k: sum(f[group][k] for f in figures) / len(figures) for k in keys}
            print(f"{group:9s} " + "  ".join(f"{k}={v:5.1f}" for k, v in means.items()))

    # the oracle: is the right mention among the source candidates?
    by_id = {d["doc_id"]: d for d in golds}
    trace: list = []
    for doc in prepared:
        doc.assemble(Extractor().settings, untrained, trace)
    total = found = 0
    for inst in trace:
        if inst.decision != "source":
            continue
        labels = label(inst, by_id[inst.doc_id])
        options = [option for option, _ in inst.options]
        if labels is None or labels[options.index(None)] == "yes":
            continue  # not a quote of the gold, or no speaker named in the text
        total += 1
        found += "yes" in labels
    print(f"source candidates: the gold mention is among them for {found} of {total} "
          f"quotes in marks with a named speaker ({100 * found / max(total, 1):.1f} %)")

    # the oracle of the report decision: is some proposed clause a gold indirect quote?
    hit, proposals = set(), 0
    for inst in trace:
        if inst.decision == "report":
            proposals += 1
            g = indirect_match(inst.span, by_id[inst.doc_id])
            if g is not None:
                hit.add((inst.doc_id, g["start"], g["end"]))
    n_indirect = sum(q["kind"] == "indirect" for d in golds for q in d["quotes"])
    print(f"indirect proposals: {proposals} clauses proposed, one matches {len(hit)} of "
          f"{n_indirect} gold indirect quotes ({100 * len(hit) / max(n_indirect, 1):.1f} %)")


if __name__ == "__main__":
    main()
