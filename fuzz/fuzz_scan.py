"""Fuzz target: the scanner and scan-only extraction on French-like text.

    python fuzz/fuzz_scan.py -max_total_time=60        (libFuzzer options; see run.py)

Each input becomes a text of quotation marks, dashes, incises, names, speech verbs,
invisible characters and decomposed accents (:mod:`french`); the target fails when
scanning it raises, breaks an invariant of the spans (inside the text, nested or
disjoint, depth from nesting, never deeper than the nesting limit), reports more than the
diagnostics limit, or when a scan-only quote does not point into the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "fuzz")]

with atheris.instrument_imports(include=["quotesnap"]):
    import quotesnap
    from quotesnap.scan import MAX_DEPTH, MAX_DIAGNOSTICS, scan

from french import french_text  # noqa: E402

from tests.conftest import assert_offsets  # noqa: E402
from tests.test_scan_properties import check_invariants  # noqa: E402

SCAN_ONLY = quotesnap.Extractor(attribute=False)


def check(data: bytes) -> None:
    text = french_text(data)
    result = scan(text)
    check_invariants(text, result)
    assert all(span.depth < MAX_DEPTH for span in result.spans), repr(text)
    assert sum(s.end - s.start for s in result.spans) <= MAX_DEPTH * len(text), repr(text)
    assert len(result.diagnostics) <= MAX_DIAGNOSTICS + 1, repr(text)
    extraction = SCAN_ONLY.run(text)
    assert_offsets(text, extraction.quotes)
    for d in extraction.diagnostics:
        assert 0 <= d.start < d.end <= len(text), repr(text)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
