"""Every quote of a given person, with its article.

    python examples/quotes_of.py NAME [FOLDER_OR_FILE ...] [--limit N]

``NAME`` is matched the way quotesnap merges sources across articles: « Hollande » finds
« François Hollande », case and accents aside. Prints each quote with its kind, the
article's id and the sentence of the article it comes from.
"""

from __future__ import annotations

import argparse

from corpus import extract

import quotesnap
from quotesnap.sources import fold_name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name", help="the person, e.g. « François Hollande » or « Hollande »")
    ap.add_argument("paths", nargs="*", help="folders or files (default: the shared corpus)")
    ap.add_argument("--limit", type=int, help="read only the first N articles")
    args = ap.parse_args()

    texts, results = {}, []
    for doc, result in extract(args.paths, args.limit):
        texts[doc.doc_id] = doc.text
        results.append(result)
    wanted = fold_name(args.name).split()
    found = [s for s in quotesnap.sources(results)
             if any(wanted == fold_name(n).split()[-len(wanted):] for n in s.names)]
    if not found:
        print(f"nobody named {args.name!r} is quoted")
        return
    for s in found:
        print(f"{s.name} ({s.kind}{', ' + s.gender if s.gender else ''}): {s.quotes} quotes "
              f"in {s.articles} articles")
        for q in s.quoted:
            text = texts[q.doc_id or ""]
            start = max(text.rfind("\n", 0, q.start), text.rfind(". ", 0, q.start)) + 1
            end = min(i for i in (text.find("\n", q.end), len(text)) if i >= 0)
            context = " ".join(text[start:end].split())
            print(f"  [{q.doc_id}] {q.kind}: «{' '.join(q.text.split())[:200]}»")
            print(f"      {context[:300]}")


if __name__ == "__main__":
    main()
