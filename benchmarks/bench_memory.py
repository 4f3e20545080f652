"""Peak memory of the command line as its input grows: flat, or not.

    python benchmarks/bench_memory.py [--times 1,4,16] [--jobs N] [--limit N]

Writes the Wikinews corpus (``../shared/data/corpus/wikinews-fr.jsonl``, relative to the
repository root) repeated 1, 4 and 16 times into a JSON Lines file in a temporary folder
(each copy's ids made unique), runs ``quotesnap extract --input-format jsonl --format
jsonl -o FILE`` on each, and prints the peak memory of the command (with its workers, see
``peak_memory.py``) and how far the largest input's peak is from the smallest's. The
command streams its input, so the peak should depend on the model and the largest
document, not on how many documents there are.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from peak_memory import run_measured

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews-fr.jsonl"


def write_repeated(path: Path, times: int, limit: int | None) -> tuple[int, int]:
    """The corpus ``times`` over into ``path``, line by line; (documents, characters)."""
    docs = chars = 0
    with path.open("w", encoding="utf-8") as out:
        for copy in range(times):
            with CORPUS.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if limit is not None and n >= limit:
                        break
                    record = json.loads(line)
                    record["id"] = f"{record['id']}#{copy}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    docs += 1
                    chars += len(record["text"])
    return docs, chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", default="1,4,16",
                    help="how many copies of the corpus, comma-separated (default 1,4,16)")
    ap.add_argument("--jobs", default="1", help="the command's --jobs (default 1)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args()
    times = [int(t) for t in args.times.split(",")]
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in times:
            src, out = Path(tmp, f"corpus-x{n}.jsonl"), Path(tmp, "quotes.jsonl")
            docs, chars = write_repeated(src, n, args.limit)
            cmd = [sys.executable, "-m", "quotesnap", "extract", "--quiet", "--jobs",
                   args.jobs, "--input-format", "jsonl", "--format", "jsonl", "-o",
                   str(out), str(src)]
            t0 = time.perf_counter()
            _, peaks[n] = run_measured(cmd, cwd=ROOT)
            took = time.perf_counter() - t0
            quotes = sum(1 for _ in out.open(encoding="utf-8"))
            print(f"{n:3d}x  {docs:6d} docs, {chars / 1e6:6.2f} M chars, "
                  f"{src.stat().st_size / 2**20:6.1f} MB of input: peak memory "
                  f"{peaks[n]:5.0f} MB, {took:6.1f} s (model load included), "
                  f"{quotes} quotes", flush=True)
    small, large = min(times), max(times)
    growth = (peaks[large] - peaks[small]) / peaks[small]
    print(f"{large}x peak is {growth:+.1%} of the {small}x peak (--jobs {args.jobs}; "
          f"target: within 15 %)")
    return 0 if abs(growth) <= 0.15 else 1


if __name__ == "__main__":
    sys.exit(main())
