"""Who is quoted in this folder of articles?

    python examples/who_is_quoted.py [FOLDER_OR_FILE ...] [--top 15] [--limit N]

Reads every article (default: ``../shared/data/corpus/``), extracts the quotes and prints
the most quoted sources: how many quotes, in how many articles, and what kind of source
(a person, with the gender the articles give, an organisation, a group of people).
"""

from __future__ import annotations

import argparse

from corpus import extract

import quotesnap


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="folders or files (default: the shared corpus)")
    ap.add_argument("--top", type=int, default=15, help="how many sources to list")
    ap.add_argument("--limit", type=int, help="read only the first N articles")
    args = ap.parse_args()

    results = [result for _, result in extract(args.paths, args.limit)]
    table = quotesnap.sources(results)
    quotes = sum(s.quotes for s in table)
    print(f"{len(results)} articles, {quotes} quotes with a source, {len(table)} sources")
    print(f"{'source':<32} {'quotes':>6} {'articles':>8}  kind")
    for s in table[:args.top]:
        kind = f"{s.kind} ({s.gender})" if s.gender else s.kind
        print(f"{s.name[:32]:<32} {s.quotes:>6} {s.articles:>8}  {kind}")


if __name__ == "__main__":
    main()
