"""Fuzz target: extraction with attribution (the spaCy model) on French-like text.

    python fuzz/fuzz_extract.py -max_total_time=60     (libFuzzer options; see run.py)

Each input becomes a text of quotation marks, dashes, incises, names, speech verbs,
invisible characters, decomposed accents and, rarely, a lone surrogate (:mod:`french`).
The target fails when extraction raises anything but the InputFormatError a lone
surrogate must give, when a quote, a speaker mention or a cue does not point into the
text, when a speaker's name holds an invisible character, or when the quotes' total
length outgrows the text by more than the nesting limit allows.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris
import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "fuzz")]

with atheris.instrument_imports(include=["quotesnap"]):
    import quotesnap
    from quotesnap.normalize import find_surrogate
    from quotesnap.scan import MAX_DEPTH

from french import french_text  # noqa: E402

from tests.conftest import assert_offsets  # noqa: E402

EXTRACTOR = quotesnap.Extractor()
EXTRACTOR.run("«Nous partons demain», a déclaré Marie Dupont.")  # the model loads here
INVISIBLE = regex.compile(r"[\p{Cf}\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def check(data: bytes) -> None:
    text = french_text(data, lone_surrogates=True)
    if find_surrogate(text) >= 0:
        try:
            EXTRACTOR.run(text, doc_id="fuzz")
        except quotesnap.InputFormatError as e:
            assert "'fuzz'" in str(e), str(e)
            return
        raise AssertionError(f"a lone surrogate was accepted: {text!r}")
    quotes = EXTRACTOR.run(text).quotes
    assert_offsets(text, quotes)
    for q in quotes:
        assert q.speaker is None or not INVISIBLE.search(q.speaker.name), repr(text)
    assert sum(q.end - q.start for q in quotes) <= (MAX_DEPTH + 2) * len(text), repr(text)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
