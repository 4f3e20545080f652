"""List what quotesnap gets wrong on a gold file, for error analysis.

    python benchmarks/error_report.py GOLD.jsonl PRED.jsonl [marked|indirect]

PRED is what ``benchmarks/evaluate.py --keep DIR`` (or ``quotesnap extract --format
jsonl``) wrote. Prints one line per missed gold quote (MISS), false positive (FP), and
matched quote with the wrong source (SPK), with some context, using the shared scorer's
own matching (``../shared/eval/score.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1].parent / "shared" / "eval"))
from score import match, pred_speaker_name, same_source

KINDS = {"marked": {"direct", "partial"}, "indirect": {"indirect"}}


def main() -> None:
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    kinds = KINDS[sys.argv[3] if len(sys.argv) > 3 else "marked"]
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            gold[d["doc_id"]] = d
    preds: dict[str, list[dict]] = {}
    for line in open(pred_path, encoding="utf-8"):
        if line.strip():
            q = json.loads(line)
            preds.setdefault(q["doc_id"], []).append(q)
    for did, d in gold.items():
        t = d["text"]
        gs = [q for q in d["quotes"] if q["kind"] in kinds]
        ps = [q for q in preds.get(did, []) if q["kind"] in kinds]
        pairs = match(gs, ps, "half")
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g in gs:
            if id(g) not in matched_g:
                print(f"MISS {did} {g['kind']} {t[max(0, g['start'] - 70):g['start']]!r} "
                      f"[[ {g['text'][:80]} ]] {t[g['end']:g['end'] + 50]!r}")
                for p in preds.get(did, []):
                    if p["start"] < g["end"] and g["start"] < p["end"]:
                        print(f"     overlapping prediction: {p['kind']} {p['start']}-{p['end']}"
                              f" (gold {g['start']}-{g['end']}) {p['text'][:60]!r}")
        for p in ps:
            if id(p) not in matched_p:
                print(f"FP   {did} {p['kind']} rule={p['rule']} speaker={pred_speaker_name(p)} "
                      f"{t[max(0, p['start'] - 60):p['start']]!r} [[ {p['text'][:80]} ]]")
        for g, p in pairs:
            gname, pname = g.get("speaker_name"), pred_speaker_name(p)
            if (gname and not same_source(pname, gname)) or (not gname and pname):
                mention = (p.get("speaker") or {}).get("text")
                print(f"SPK  {did} {g['kind']} gold={gname!r} pred={pname!r} rule={p['rule']} "
                      f"mention={mention!r} {t[max(0, g['start'] - 50):g['start']]!r} "
                      f"[[ {g['text'][:40]} ]] {t[g['end']:g['end'] + 60]!r}")


if __name__ == "__main__":
    main()
