"""The sources report: who is quoted across a corpus, as a page a newsroom can read.

    writer = ReportWriter(stream)               # or SourcesCsvWriter(stream)
    for extraction, text in ...:
        writer.add(extraction, text)
    writer.close()

The page is one self-contained HTML file (inline style, inline SVG charts drawn here,
a few lines of inline script to sort the table; nothing fetched at view time): the top
sources, the share of quotes and of sources by gender with the unknown share shown, the
number of quotes per article, a sortable table of sources with their quotes, and each
article with its quotes highlighted (:func:`quotesnap.output.highlight`), which every
quote in the table links to.

Documents stream through: each article's view is written to a temporary file as it comes,
and only the quotes are kept until :meth:`ReportWriter.close` writes the page.
"""

from __future__ import annotations

import csv
import html
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from typing import ClassVar, TextIO

from .extract import Extraction
from .output import HIGHLIGHT_CSS, HIGHLIGHT_LEGEND, highlight
from .results import Kind, Quote
from .sources import Source, sources

__all__ = ["REPORT_FORMATS", "SOURCES_CSV_COLUMNS", "ReportWriter", "SourcesCsvWriter"]

#: The columns of ``quotesnap report --format csv``, one row per source.
SOURCES_CSV_COLUMNS = ("name", "kind", "gender", "quotes", "direct", "partial", "indirect",
                       "words", "articles", "first_doc_id", "last_doc_id", "names",
                       "gender_evidence")

#: Colours of the charts, by gender of a person source and by kind of other sources.
COLOURS = {"f": "#7c3aed", "m": "#0d9488", "unknown": "#9ca3af", "organisation": "#2563eb",
           "group": "#d97706"}
_LABELS = {"f": "women", "m": "men", "unknown": "gender not said"}


class _Report:
    """What both report formats share: documents in, sources out."""

    name: ClassVar[str] = ""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.extractions: list[Extraction] = []

    def add(self, extraction: Extraction, text: str) -> None:
        """One document's results and its text."""
        self.extractions.append(Extraction(extraction.quotes, (), extraction.doc_id))

    def close(self) -> None:
        raise NotImplementedError


class SourcesCsvWriter(_Report):
    """The sources table as CSV: a header of :data:`SOURCES_CSV_COLUMNS`, one row per
    source, the most quoted first; ``names`` and ``gender_evidence`` joined with `` | ``."""

    name = "csv"

    def close(self) -> None:
        out = csv.DictWriter(self.stream, fieldnames=SOURCES_CSV_COLUMNS, lineterminator="\n")
        out.writeheader()
        for s in sources(self.extractions):
            row = s.to_dict()
            row["names"] = " | ".join(s.names)
            row["gender_evidence"] = " | ".join(s.gender_evidence)
            out.writerow(row)


class ReportWriter(_Report):
    """The sources report as one self-contained HTML page."""

    name = "html"

    def __init__(self, stream: TextIO, *, top: int = 20, title: str = "Who is quoted") -> None:
        super().__init__(stream)
        self.top = top
        self.title = title
        self._articles = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._anchors: dict[tuple[str | None, int, int], str] = {}

    def add(self, extraction: Extraction, text: str) -> None:
        n = len(self.extractions)
        super().add(extraction, text)
        quotes = list(extraction.quotes)
        if not quotes:
            return
        prefix = f"a{n}-"
        for k, q in enumerate(quotes, 1):
            self._anchors.setdefault((extraction.doc_id, q.start, q.end), f"{prefix}q{k}")
        label = html.escape(extraction.doc_id or f"document {n + 1}")
        self._articles.write(
            f'<section class="article" id="a{n}"><h3>{label} '
            f'<a class="close" href="#sources">back to the sources</a></h3>\n'
            f'<div class="text">{highlight(text, quotes, prefix=prefix)}</div></section>\n')

    def close(self) -> None:
        table = sources(self.extractions)
        w = self.stream.write
        w(_HEAD.format(title=html.escape(self.title), css=HIGHLIGHT_CSS))
        w(f"<h1>{html.escape(self.title)}</h1>\n{self._summary(table)}\n")
        w('<div class="charts">\n')
        w(_figure("Most quoted sources", "top-sources", _top_chart(table[:self.top])))
        w(_figure("Women and men among person sources", "gender", _gender_chart(table)))
        w(_figure("Quotes per article", "per-article",
                  _histogram([_sourced(ex.quotes) for ex in self.extractions])))
        w("</div>\n")
        w(self._table(table))
        w(f'<h2 id="articles">Articles</h2>\n{HIGHLIGHT_LEGEND}')
        self._articles.seek(0)
        shutil.copyfileobj(self._articles, self.stream)
        self._articles.close()
        w(_SCRIPT + "</body>\n</html>\n")

    def _summary(self, table: Sequence[Source]) -> str:
        quotes = sum(s.quotes for s in table)
        kinds = Counter(s.kind for s in table)
        return (f'<p class="summary">{len(self.extractions)} articles, {quotes} quotes with a '
                f"source, {len(table)} sources: {kinds['person']} people, "
                f"{kinds['organisation']} organisations, {kinds['group']} groups, "
                f"{kinds['unknown']} unknown. Gender comes from what each article says "
                f"(titles, pronouns, role nouns, agreement), never from a first name.</p>")

    def _table(self, table: Sequence[Source]) -> str:
        head = "".join(
            f'<th data-type="{t}" tabindex="0">{h}</th>'
            for h, t in (("Source", "text"), ("Kind", "text"), ("Gender", "text"),
                         ("Quotes", "number"), ("Direct", "number"), ("Partial", "number"),
                         ("Indirect", "number"), ("Words", "number"), ("Articles", "number"),
                         ("First", "text"), ("Last", "text")))
        rows = []
        for s in table:
            items = "".join(self._quote_item(q) for q in s.quoted)
            evidence = (f'<p class="evidence">{html.escape("; ".join(s.gender_evidence))}</p>'
                        if s.gender_evidence else "")
            rows.append(
                f"<tr><td><details><summary>{html.escape(s.name)}</summary>{evidence}"
                f"<ol>{items}</ol></details></td><td>{s.kind}</td><td>{s.gender or ''}</td>"
                f"<td>{s.quotes}</td><td>{s.direct}</td><td>{s.partial}</td>"
                f"<td>{s.indirect}</td><td>{s.words}</td><td>{s.articles}</td>"
                f"<td>{html.escape(s.first_doc_id or '')}</td>"
                f"<td>{html.escape(s.last_doc_id or '')}</td></tr>\n")
        return (f'<h2 id="sources">Sources</h2>\n<p class="hint">Click a heading to sort, a '
                f"name to see its quotes, a quote to read it in its article.</p>\n"
                f'<table id="sources-table"><thead><tr>{head}</tr></thead>\n<tbody>\n'
                f'{"".join(rows)}</tbody></table>\n')

    def _quote_item(self, q: Quote) -> str:
        anchor = self._anchors.get((q.doc_id, q.start, q.end))
        text = " ".join(q.text.split())
        text = text if len(text) <= 160 else text[:159] + "…"
        label = html.escape(q.doc_id or "")
        if anchor is None:
            return f"<li>{label} ({q.kind}): «{html.escape(text)}»</li>"
        return f'<li><a href="#{anchor}">{label}</a> ({q.kind}): «{html.escape(text)}»</li>'


#: Report writers by ``quotesnap report --format`` name.
REPORT_FORMATS: dict[str, type[_Report]] = {w.name: w for w in (ReportWriter, SourcesCsvWriter)}


def _sourced(quotes: Sequence[Quote]) -> int:
    return sum(1 for q in quotes if q.speaker is not None and q.kind != Kind.OTHER)


# -- charts: inline SVG, drawn here -----------------------------------------------------------


def _figure(title: str, ident: str, svg: str) -> str:
    return (f'<figure class="chart" id="chart-{ident}"><figcaption>{html.escape(title)}'
            f"</figcaption>\n{svg}</figure>\n")


def _colour(s: Source) -> str:
    if s.kind == "person":
        return COLOURS[s.gender or "unknown"]
    return COLOURS.get(s.kind, COLOURS["unknown"])


def _top_chart(table: Sequence[Source]) -> str:
    """Horizontal bars: the most quoted sources, coloured by gender or kind."""
    if not table:
        return '<p class="empty">No quote with a source.</p>\n'
    row, label_w, bar_w = 22, 190, 260
    most = max(s.quotes for s in table)
    height = row * len(table) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{label_w + bar_w + 50}"'
             f' height="{height}" viewBox="0 0 {label_w + bar_w + 50} {height}">']
    for k, s in enumerate(table):
        y = k * row + 4
        width = max(2, round(bar_w * s.quotes / most))
        name = s.name if len(s.name) <= 28 else s.name[:27] + "…"
        tip = html.escape(f"{s.name}: {s.quotes} quotes, {s.kind}"
                          + (f", {_LABELS[s.gender]}" if s.gender else ""))
        parts.append(
            f'<g class="bar"><title>{tip}</title>'
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{html.escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{width}" height="{row - 6}" '
            f'fill="{_colour(s)}"/><text x="{label_w + width + 4}" y="{y + 14}">{s.quotes}'
            f"</text></g>")
    parts.append(_legend(height - 14))
    parts.append("</svg>\n")
    return "".join(parts)


def _legend(y: int) -> str:
    items = [("women", COLOURS["f"]), ("men", COLOURS["m"]),
             ("person, gender not said", COLOURS["unknown"]),
             ("organisation", COLOURS["organisation"]), ("group", COLOURS["group"])]
    out, x = [], 4
    for label, colour in items:
        out.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{colour}"/>'
                   f'<text class="small" x="{x + 14}" y="{y + 9}">{label}</text>')
        x += 14 + 7 * len(label) + 12
    return f'<g class="legend">{"".join(out)}</g>'


def _gender_chart(table: Sequence[Source]) -> str:
    """Two 100 % bars, quotes and sources of people, split into women, men and the
    people whose gender the text does not say."""
    people = [s for s in table if s.kind == "person"]
    rows = [("quotes", Counter({g: sum(s.quotes for s in people if (s.gender or "unknown")
                                       == g) for g in _LABELS})),
            ("sources", Counter((s.gender or "unknown") for s in people))]
    width, bar_x, bar_w = 520, 70, 430
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="110"'
             f' viewBox="0 0 {width} 110">']
    for k, (label, counts) in enumerate(rows):
        y = 8 + k * 40
        total = sum(counts.values())
        parts.append(f'<text x="{bar_x - 6}" y="{y + 17}" text-anchor="end">{label}</text>')
        x = float(bar_x)
        for g in ("f", "m", "unknown"):
            share = counts[g] / total if total else 0.0
            w = bar_w * share
            tip = html.escape(f"{_LABELS[g]}: {counts[g]} {label} ({100 * share:.1f} %)")
            parts.append(f'<g class="segment" data-gender="{g}"><title>{tip}</title>'
                         f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="26" '
                         f'fill="{COLOURS[g]}"/>')
            if w > 34:
                parts.append(f'<text class="on-bar" x="{x + w / 2:.1f}" y="{y + 17}" '
                             f'text-anchor="middle">{100 * share:.0f} %</text>')
            parts.append("</g>")
            x += w
        if not total:
            parts.append(f'<text x="{bar_x}" y="{y + 17}">no person quoted</text>')
    parts.append(_gender_legend(94))
    parts.append("</svg>\n")
    others = Counter(s.kind for s in table if s.kind != "person")
    note = (f'<p class="note">{len(people)} people; not counted here: '
            f"{others['organisation']} organisations, {others['group']} groups, "
            f"{others['unknown']} sources of unknown kind.</p>\n")
    return "".join(parts) + note


def _gender_legend(y: int) -> str:
    out, x = [], 70
    for g in ("f", "m", "unknown"):
        out.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{COLOURS[g]}"/>'
                   f'<text class="small" x="{x + 14}" y="{y}">{_LABELS[g]}</text>')
        x += 14 + 7 * len(_LABELS[g]) + 14
    return f'<g class="legend">{"".join(out)}</g>'


def _histogram(counts: Sequence[int], cap: int = 10) -> str:
    """Columns: how many articles have 0, 1, 2 … quotes with a source (``cap`` and more
    together)."""
    bins = Counter(min(c, cap) for c in counts)
    most = max(bins.values(), default=1)
    col, base, top = 36, 150, 20
    width = col * (cap + 1) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{base + 36}" viewBox="0 0 {width} {base + 36}">']
    for n in range(cap + 1):
        h = round((base - top) * bins[n] / most) if bins[n] else 0
        x = 20 + n * col
        label = f"{cap}+" if n == cap else str(n)
        tip = html.escape(f"{bins[n]} articles with {label} quotes")
        parts.append(f'<g class="column"><title>{tip}</title>'
                     f'<rect x="{x}" y="{base - h}" width="{col - 6}" height="{h}" '
                     f'fill="#475569"/><text class="small" x="{x + (col - 6) / 2}" '
                     f'y="{base - h - 4}" text-anchor="middle">{bins[n] or ""}</text>'
                     f'<text x="{x + (col - 6) / 2}" y="{base + 16}" text-anchor="middle">'
                     f"{label}</text></g>")
    parts.append(f'<text class="small" x="{width / 2}" y="{base + 32}" text-anchor="middle">'
                 f"quotes with a source in the article</text></svg>\n")
    return "".join(parts)


_HEAD = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em;
       padding: 0 1em; color: #111827; }}
h1, h2 {{ font-weight: 600; }}
.charts {{ display: flex; flex-wrap: wrap; gap: 2em; }}
figure.chart {{ margin: 0; }}
figcaption {{ font-weight: 600; margin-bottom: .4em; }}
svg text {{ font: 12px system-ui, sans-serif; fill: #111827; }}
svg text.small {{ font-size: 11px; }}
svg text.on-bar {{ fill: #fff; font-weight: 600; }}
.note, .hint, .summary {{ color: #4b5563; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th, td {{ border-bottom: 1px solid #e5e7eb; padding: .3em .5em; text-align: left;
         vertical-align: top; }}
th {{ cursor: pointer; background: #f3f4f6; position: sticky; top: 0; user-select: none; }}
th[aria-sort="ascending"]::after {{ content: " ▲"; }}
th[aria-sort="descending"]::after {{ content: " ▼"; }}
td:nth-child(n+4):nth-child(-n+9) {{ text-align: right; }}
details ol {{ margin: .3em 0; padding-left: 1.5em; font-size: 13px; }}
.evidence {{ font-size: 12px; color: #6b7280; margin: .2em 0; }}
section.article {{ display: none; border: 1px solid #d1d5db; border-radius: .4em;
                   padding: 0 1em 1em; margin: 1em 0; font: 16px/1.6 Georgia, serif; }}
section.article:target, section.article:has(:target) {{ display: block; }}
section.article h3 {{ font: 600 14px system-ui, sans-serif; }}
a.close {{ float: right; font-weight: 400; }}
:target {{ scroll-margin-top: 3em; }}
mark:target {{ outline: 3px solid #b45309; }}
{css}</style>
</head>
<body>
"""

# Sorts the sources table when a heading is clicked (or Enter is pressed on it): numbers
# as numbers, text in French order; a second click reverses.
_SCRIPT = """<script>
(function () {
  var table = document.getElementById("sources-table");
  if (!table) { return; }
  var heads = table.tHead.rows[0].cells;
  function key(row, k, type) {
    var cell = row.cells[k];
    var text = (cell.querySelector("summary") || cell).textContent.trim();
    return type === "number" ? parseFloat(text) || 0 : text;
  }
  function sort(k) {
    var head = heads[k], type = head.getAttribute("data-type");
    var asc = head.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var collator = new Intl.Collator("fr");
    rows.sort(function (a, b) {
      var x = key(a, k, type), y = key(b, k, type);
      var c = type === "number" ? x - y : collator.compare(x, y);
      return asc ? c : -c;
    });
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    head.setAttribute("aria-sort", asc ? "ascending" : "descending");
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
  }
  Array.prototype.forEach.call(heads, function (head, k) {
    head.addEventListener("click", function () { sort(k); });
    head.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(k); } });
  });
})();
</script>
"""
