"""Women's share of the people quoted, month by month.

    python examples/women_quoted_by_month.py [FOLDER_OR_FILE ...] [--limit N]

Each article's month comes from its dateline (« 3 septembre 2016. – » in its first lines),
else from a date in its id (``wn-2016_09_03-006``); an article with neither is counted
apart. A person counts once per article; their gender is what the article says of them
(a title, a pronoun, « la ministre », « elle s'est dite satisfaite »): quotesnap never
guesses it from a first name, so the people whose gender the text does not say are shown
as a column of their own, and the share of women is taken among the people of known gender.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

from corpus import extract

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
DATELINE = re.compile(rf"\b(?:1er|\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\b")
ID_DATE = re.compile(r"(\d{4})[_-](\d{2})[_-]\d{2}")


def month_of(doc_id: str, text: str) -> tuple[str | None, str]:
    """``("2016-09", "dateline")``, ``("2016-09", "id")`` or ``(None, "none")``."""
    m = DATELINE.search(text[:400])
    if m:
        return f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}", "dateline"
    m = ID_DATE.search(doc_id)
    if m:
        return f"{m.group(1)}-{m.group(2)}", "id"
    return None, "none"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="folders or files (default: the shared corpus)")
    ap.add_argument("--limit", type=int, help="read only the first N articles")
    args = ap.parse_args()

    people: dict[str, Counter[str]] = defaultdict(Counter)
    dated_by: Counter[str] = Counter()
    for doc, result in extract(args.paths, args.limit):
        month, how = month_of(doc.doc_id, doc.text)
        dated_by[how] += 1
        genders = {q.speaker.name: q.speaker.gender or "unknown" for q in result.quotes
                   if q.speaker is not None and q.speaker.kind == "person"}
        people[month or "undated"].update(genders.values())
    print(f"dates: {dated_by['dateline']} articles by their dateline, {dated_by['id']} by "
          f"their id, {dated_by['none']} undated")
    print(f"{'month':<8} {'people':>6} {'women':>6} {'men':>5} {'unknown':>7}  women share")
    total: Counter[str] = Counter()
    for month in sorted(people):
        c = people[month]
        total.update(c)
        print(_row(month, c))
    print(_row("all", total))


def _row(label: str, c: Counter[str]) -> str:
    known = c["f"] + c["m"]
    share = f"{100 * c['f'] / known:5.1f} %" if known else "    -"
    return (f"{label:<8} {sum(c.values()):>6} {c['f']:>6} {c['m']:>5} {c['unknown']:>7}  "
            f"{share}")


if __name__ == "__main__":
    main()
