"""Scanner speed on about 1 MB of French news.

    python3 benchmarks/bench_scan.py      (with quotesnap installed, or PYTHONPATH=.)

Takes the Wikinews texts of ``../shared/data/corpus/wikinews-fr.jsonl`` (relative to the
repository root) until about 1 MB of UTF-8 is collected, scans each text once to compile
the patterns, then times the best of three passes and prints seconds and MB/s.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from quotesnap.scan import scan

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "data" / "corpus" / "wikinews-fr.jsonl"
TARGET_BYTES = 1_000_000


def load_texts() -> list[str]:
    texts, size = [], 0
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= TARGET_BYTES:
                break
    return texts


def main() -> None:
    texts = load_texts()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    spans = sum(len(scan(t).spans) for t in texts)  # warm-up: compiles the patterns
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for text in texts:
            scan(text)
        best = min(best, time.perf_counter() - began)
    print(f"{len(texts)} texts, {megabytes:.2f} MB, {spans} spans: "
          f"{best:.3f} s, {megabytes / best:.1f} MB/s (best of 3)")


if __name__ == "__main__":
    main()
