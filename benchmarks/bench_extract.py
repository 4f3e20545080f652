"""Speed and memory of extraction, against parsing everything with the same model.

    python benchmarks/bench_extract.py [--limit N] [--backend spacy]

Reads ``../shared/data/corpus/wikinews-fr.jsonl`` (relative to the repository root) and
runs, each in its own process so that peak memory is its own:

- ``quotesnap``: ``Extractor().extract_many`` over every document (scan, candidate
  windows, parse of the windows only, attribution, resolution);
- ``baseline``: the same spaCy model parsing every sentence of every document
  (``nlp.pipe`` over the full texts), which is what a parse-everything extractor pays
  before it even starts looking for quotes.

Prints documents per second, characters per second, CPU seconds, peak resident memory,
and the speed-up, by the wall clock and in CPU time (steadier on a busy machine); and
beside it what the speed costs: the candidate stage's recall of gold indirect speech on
``../shared/data/gold/news-train.jsonl`` (the share of gold indirect quotes whose
sentence is parsed at all, ``benchmarks/candidate_recall.py``). Timings on a shared
machine are noisy: run it twice before believing a figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl"
GOLD = ROOT.parent / "shared" / "data" / "gold" / "news-train.jsonl"


def load(limit: int | None) -> list[tuple[str, str]]:
    docs = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                docs.append((str(d["id"]), d["text"]))
            if limit and len(docs) >= limit:
                break
    return docs


def run(mode: str, limit: int | None, backend: str) -> dict[str, float]:
    docs = load(limit)
    if mode == "quotesnap":
        import quotesnap

        ex = quotesnap.Extractor(backend=backend)
        # load the model and compile the lexicon's patterns outside the timing
        ex.extract("Il dénonce des « sanctions illégales ». «Nous partons», a dit Lavrov.")
        t0, c0 = time.perf_counter(), _cpu()
        n_quotes = sum(len(e.quotes) for e in ex.extract_many(docs))
        took, cpu = time.perf_counter() - t0, _cpu() - c0
    else:
        import spacy

        from quotesnap.backends.spacy_backend import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        nlp("Échauffement.")
        t0, c0 = time.perf_counter(), _cpu()
        n_quotes = sum(len(list(doc.sents)) for doc in nlp.pipe((t for _, t in docs),
                                                                 batch_size=16))
        took, cpu = time.perf_counter() - t0, _cpu() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(t) for _, t in docs)
    return {"docs": len(docs), "chars": chars, "seconds": took, "cpu": cpu, "items": n_quotes,
            "peak_mb": peak_mb}


def _cpu() -> float:
    """The CPU seconds this process has used (user and system): on a shared machine, a
    steadier measure of the work done than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--backend", default="spacy")
    ap.add_argument("--mode", choices=("quotesnap", "baseline"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run(args.mode, args.limit, args.backend)))
        return
    results = {}
    for mode in ("quotesnap", "baseline"):
        cmd = [sys.executable, __file__, "--mode", mode, "--backend", args.backend]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results[mode] = r = json.loads(out.strip().splitlines()[-1])
        what = "quotes" if mode == "quotesnap" else "sentences"
        print(f"{mode:9s} {r['docs']} docs, {r['chars'] / 1e6:.2f} M chars in "
              f"{r['seconds']:.1f} s: {r['docs'] / r['seconds']:.1f} docs/s, "
              f"{r['chars'] / r['seconds'] / 1e3:.0f} k chars/s, {r['cpu']:.1f} CPU s, peak "
              f"RSS {r['peak_mb']:.0f} MB, {r['items']} {what}")
    speedup = results["baseline"]["seconds"] / results["quotesnap"]["seconds"]
    cpu_speedup = results["baseline"]["cpu"] / results["quotesnap"]["cpu"]
    print(f"speed-up: quotesnap is {speedup:.1f}x faster than parsing every sentence "
          f"({cpu_speedup:.1f}x in CPU time)")
    from candidate_recall import candidate_recall, describe  # benchmarks/, beside this file

    print(describe(GOLD, candidate_recall(GOLD)))


if __name__ == "__main__":
    main()
