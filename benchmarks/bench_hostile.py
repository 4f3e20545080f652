"""Time, peak memory and output size on hostile and very long inputs, at 1x, 4x and 16x.

    python benchmarks/bench_hostile.py [CASE ...] [--sizes 1,4,16] [--repeat N]

The cases are the findings of issue 8, each at three sizes, each size in its own
subprocess so that its peak memory is its own:

- ``F1``: unclosed « only (6,250 of them at 1x, 100,000 at 16x), full extraction; ``F1w``
  the same with a word after each mark (« texte « texte …), one quote per mark;
- ``F2``: closed quotes in one paragraph, ``«a» `` x 12,500 at 1x, scan only (as with
  ``--scan-only``); ``F2b``: ``"«a " * 16000``, scan only;
- ``F3-article``: the example article repeated into one document of 625 KB at 1x (10 MB
  at 16x), full extraction; ``F3-fiction``: the lit-train texts repeated into one document
  of 534 K characters at 1x; ``F3-dialogue``: the lit-train texts with dash dialogue,
  repeated into one document of 54 K characters at 1x;
- ``F4``: the example article without sentence punctuation or line breaks, one sentence of
  125 K characters at 1x (2 M at 16x), full extraction.

Each line gives the seconds the extraction took (the model is loaded and warmed up before
the clock starts) and the processor seconds it used (what a busy machine does not
inflate), the peak resident memory of the process (model included), the size of the JSON
Lines the quotes make and their number; then the 16x/1x ratios. Figures on a shared
machine are indicative. Reads ``../shared/data/gold/lit-train.jsonl`` and
``examples/lavrov-maduro-2020.txt``; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "lavrov-maduro-2020.txt"
LIT_TRAIN = ROOT.parent / "shared" / "data" / "gold" / "lit-train.jsonl"
SENTENCE_PUNCTUATION = str.maketrans({c: " " for c in ".!?…;:\n\r"})


def _repeat_to(text: str, size: int, joint: str = "\n\n") -> str:
    """``text`` repeated (joined by ``joint``) and cut to ``size`` characters."""
    copies = size // (len(text) + len(joint)) + 1
    return joint.join([text] * copies)[:size]


def _article() -> str:
    return ARTICLE.read_bytes().decode("utf-8")


def _lit(dialogue_only: bool) -> str:
    texts = []
    with LIT_TRAIN.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            if not dialogue_only or "\n–" in text or "\n—" in text:
                texts.append(text)
    return "\n\n".join(texts)


#: name -> (text of size k, attribute?)
CASES: dict[str, tuple[Callable[[int], str], bool]] = {
    "F1": (lambda k: "«" * (6_250 * k), True),
    "F1w": (lambda k: "« texte " * (6_250 * k), True),
    "F2": (lambda k: "«a» " * (12_500 * k), False),
    "F2b": (lambda k: "«a " * (16_000 * k), False),
    "F3-article": (lambda k: _repeat_to(_article(), 625_000 * k), True),
    "F3-fiction": (lambda k: _repeat_to(_lit(False), 534_000 * k), True),
    "F3-dialogue": (lambda k: _repeat_to(_lit(True), 54_000 * k), True),
    "F4": (lambda k: _repeat_to(_article().translate(SENTENCE_PUNCTUATION), 125_000 * k,
                                " "), True),
}


class _Counter:
    """A text stream that only counts the UTF-8 bytes written to it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, s: str) -> int:
        self.size += len(s.encode("utf-8"))
        return len(s)


def measure(case: str, k: int) -> dict[str, float]:
    """Run one case at size ``k`` in this process (what the subprocess does)."""
    import quotesnap
    from quotesnap.output import JsonLinesWriter

    make, attribute = CASES[case]
    text = make(k)
    extractor = quotesnap.Extractor(attribute=attribute)
    # load the model, compile the patterns
    extractor.run("Il a parlé de « sanctions ». «Nous partons», a déclaré Marie Dupont.")
    began, cpu = time.perf_counter(), time.process_time()
    result = extractor.run(text, doc_id=case)
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    sink = _Counter()
    writer = JsonLinesWriter(sink)  # type: ignore[arg-type]
    writer.add(result.quotes)
    writer.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB -> MB (Linux)
    return {"chars": len(text), "seconds": took, "cpu": cpu, "peak_mb": peak,
            "output_bytes": sink.size, "quotes": len(result.quotes)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", default=list(CASES), metavar="CASE",
                    help=f"cases to run (default: all): {', '.join(CASES)}")
    ap.add_argument("--sizes", default="1,4,16", help="size factors (default 1,4,16)")
    ap.add_argument("--one", nargs=2, metavar=("CASE", "K"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return
    unknown = set(args.cases) - set(CASES)
    if unknown:
        ap.error(f"unknown case {', '.join(sorted(unknown))}; choose from {', '.join(CASES)}")
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'case':12} {'size':>4} {'chars':>11} {'seconds':>8} {'cpu s':>8} {'peak MB':>8} "
          f"{'output':>12} {'quotes':>7}")
    for case in args.cases:
        rows = {}
        for k in sizes:
            proc = subprocess.run([sys.executable, __file__, "--one", case, str(k)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(f"{case:12} {k:>3}x failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            row = rows[k] = json.loads(proc.stdout)
            print(f"{case:12} {k:>3}x {row['chars']:>11,} {row['seconds']:>8.2f} "
                  f"{row['cpu']:>8.2f} {row['peak_mb']:>8.0f} {row['output_bytes']:>12,} "
                  f"{row['quotes']:>7,}", flush=True)
        low, high = min(rows, default=0), max(rows, default=0)
        if low and high > low:
            a, b = rows[low], rows[high]
            out = b["output_bytes"] / a["output_bytes"] if a["output_bytes"] else float("nan")
            print(f"{case:12} {high}x/{low}x: time {b['seconds'] / max(a['seconds'], 1e-9):.1f}"
                  f", output {out:.1f}, memory {b['peak_mb'] / a['peak_mb']:.2f}", flush=True)


if __name__ == "__main__":
    main()
