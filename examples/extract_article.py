"""The Python API on the example article: who said what, and where.

    python examples/extract_article.py               # full pipeline (loads spaCy's model)
    python examples/extract_article.py --scan-only   # quotation marks only, no model
"""

from __future__ import annotations

import sys
from pathlib import Path

import quotesnap

ARTICLE = Path(__file__).with_name("lavrov-maduro-2020.txt")


def main() -> None:
    # Read bytes and decode: no newline translation, so offsets count the file's characters.
    text = ARTICLE.read_bytes().decode("utf-8")

    # One Extractor, built once and reused: it holds its settings and its loaded parser.
    extractor = quotesnap.Extractor(attribute="--scan-only" not in sys.argv)
    result = extractor.run(text, doc_id=ARTICLE.name)

    for quote in result.quotes:
        assert text[quote.start:quote.end] == quote.text  # offsets into the original text
        who = quote.speaker.name if quote.speaker else "?"
        said = f" ({quote.cue.text})" if quote.cue else ""
        print(f"{quote.start:>5}-{quote.end:<5} {quote.kind!s:<9} {who}{said}")
        print(f"             «{quote.text[:70]}{'…' if len(quote.text) > 70 else ''}»")
    for diagnostic in result.diagnostics:
        print(f"note: {diagnostic.code} at {diagnostic.start}: {diagnostic.message}")

    # The same quotes in the JSON form of the command line's --format jsonl:
    if result.quotes:
        print(result.quotes[0].to_dict())


if __name__ == "__main__":
    main()
