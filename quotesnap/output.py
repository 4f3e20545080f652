"""Output: quotes as JSON, JSON Lines, CSV, readable text, a terminal table or an HTML page.

    text -> scan -> candidates -> parse -> attribute -> resolve -> Quote objects -> output

Every writer is pure: it writes to a text stream it is given and never opens a file, so the
same code serves a file, stdout or an ``io.StringIO``. A writer takes documents one at a
time (``add``) and finishes with ``close``, so thousands of documents stream through
without being held in memory::

    writer = make_writer("jsonl", sys.stdout)
    for text, extraction in ...:
        writer.add(extraction.quotes, text=text, doc_id=extraction.doc_id)
    writer.close()

:func:`write` does the same for one list of quotes. The JSON forms are exactly
:meth:`Quote.to_dict` (the form of DESIGN.md), with ``ensure_ascii=False`` so that French
stays readable.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, TextIO

import attrs

from .results import Kind, Quote

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "FORMULA_STARTS",
    "HIGHLIGHT_CSS",
    "HIGHLIGHT_LEGEND",
    "CsvWriter",
    "HtmlWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "TableWriter",
    "TextWriter",
    "Writer",
    "csv_row",
    "defuse_formula",
    "highlight",
    "make_writer",
    "visible",
    "write",
]

#: The flat columns of ``--format csv``, in order.
CSV_COLUMNS = (
    "doc_id", "kind", "start", "end", "text",
    "speaker_name", "speaker_start", "speaker_end", "speaker_text",
    "cue_text", "cue_lemma", "cue_start", "cue_end",
    "confidence", "rule", "speaker_kind", "speaker_gender",
)


def _with_doc_id(quotes: Iterable[Quote], doc_id: str | None) -> Iterable[Quote]:
    """The quotes, each carrying ``doc_id`` unless it already has its own."""
    for q in quotes:
        yield q if q.doc_id is not None or doc_id is None else attrs.evolve(q, doc_id=doc_id)


def _one_line(s: str) -> str:
    """Collapse whitespace: a quote continued over paragraphs holds newlines."""
    return " ".join(s.split())


# What a terminal would obey rather than show: control characters (an escape sequence
# starts with ESC, \x1b, or the C1 control CSI, \x9b) and the bidirectional formatting
# characters that reorder what is displayed around them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(s: str) -> str:
    """``s`` on one line, with every control character and bidirectional control shown
    as an escape (``\x1b``, ``\u202e``) instead of being sent to the terminal."""
    return _CONTROL.sub(_escape, _one_line(s))


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


#: What a spreadsheet takes for the start of a formula (the OWASP rule on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula (``=HYPERLINK(…)``,
    ``@SUM(…)``, ``-2+3``), prefixed with ``'`` so that it is shown as text; any other
    value as it is."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class Writer:
    """Base class: write documents one by one to ``stream``, then :meth:`close`.

    ``add`` takes one document's quotes; ``text`` is the document itself (only the HTML
    page needs it) and ``doc_id`` is given to the quotes that do not carry one.
    ``close`` writes what ends the output (``]`` of a JSON array, the end of the HTML
    page); it never closes the stream, which belongs to the caller.
    """

    name: ClassVar[str] = ""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0  # quotes written so far

    def add(self, quotes: Iterable[Quote], *, text: str = "", doc_id: str | None = None) -> None:
        for q in _with_doc_id(quotes, doc_id):
            self.write_quote(q)
            self.count += 1

    def write_quote(self, quote: Quote) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (nothing to do for line-based formats)."""


class JsonWriter(Writer):
    """One JSON array of quote objects, one indented object per quote."""

    name = "json"

    def write_quote(self, quote: Quote) -> None:
        body = json.dumps(quote.to_dict(), ensure_ascii=False, indent=2)
        self.stream.write(("[\n" if self.count == 0 else ",\n") + textwrap.indent(body, "  "))

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")


class JsonLinesWriter(Writer):
    """One quote per line, exactly :meth:`Quote.to_dict`: what ``../shared/eval/score.py``
    reads."""

    name = "jsonl"

    def write_quote(self, quote: Quote) -> None:
        self.stream.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")


def csv_row(quote: Quote) -> dict[str, Any]:
    """A quote as the flat row of :data:`CSV_COLUMNS` (None for what is missing)."""
    sp, mention, cue = quote.speaker, quote.speaker and quote.speaker.mention, quote.cue
    return {
        "doc_id": quote.doc_id,
        "kind": str(quote.kind),
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker_name": sp.name if sp else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "speaker_text": mention.text if mention else None,
        "cue_text": cue.text if cue else None,
        "cue_lemma": cue.lemma if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "confidence": round(quote.confidence, 3),
        "rule": quote.rule,
        "speaker_kind": sp.kind if sp else None,
        "speaker_gender": sp.gender if sp else None,
    }


class CsvWriter(Writer):
    """A header, then one flat row per quote (empty cells for a missing speaker or cue).

    Rows end with ``\\n``; cells that hold a line break (``\\n`` or a lone ``\\r``) are
    quoted as CSV requires, so a CSV reader gets them back whole. A text cell that starts
    like a formula (``=``, ``+``,
    ``-``, ``@``, tab, carriage return) is written with a ``'`` before it, so that a
    spreadsheet opening the file shows it instead of running it (the OWASP rule);
    ``keep_formulas=True`` writes every cell as it is.
    """

    name = "csv"

    def __init__(self, stream: TextIO, *, keep_formulas: bool = False) -> None:
        super().__init__(stream)
        self.keep_formulas = keep_formulas
        # The csv module quotes a cell that holds a character of the line terminator: with
        # "\r\n" that is both \r and \n (a lone \r would otherwise end the row for a
        # reader); each row's own terminator is then written as \n.
        self._row = io.StringIO()
        self._csv = csv.DictWriter(self._row, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        self._csv.writeheader()
        self._flush()

    def write_quote(self, quote: Quote) -> None:
        row = csv_row(quote)
        if not self.keep_formulas:
            row = {key: defuse_formula(value) for key, value in row.items()}
        self._csv.writerow(row)
        self._flush()

    def _flush(self) -> None:
        self.stream.write(self._row.getvalue().removesuffix("\r\n") + "\n")
        self._row.seek(0)
        self._row.truncate()


def _speaker_label(quote: Quote, shown: Callable[[str], str] = _one_line) -> str:
    """``Sergueï Lavrov`` or ``Sergueï Lavrov (il)`` when the text says it otherwise."""
    sp = quote.speaker
    if sp is None:
        return ""
    if sp.mention is None or sp.mention.text == sp.name:
        return shown(sp.name)
    return f"{shown(sp.name)} ({shown(sp.mention.text)})"


def _describe(quote: Quote, shown: Callable[[str], str] = _one_line) -> str:
    """One line for a quote's attribution: kind, speaker, cue, rule, confidence (each
    text through ``shown``)."""
    parts = [str(quote.kind)]
    if quote.speaker is not None:
        parts.append(f"speaker: {_speaker_label(quote, shown)}")
    if quote.cue is not None:
        parts.append(f"cue: {shown(quote.cue.text)} ({shown(quote.cue.lemma)})")
    if quote.rule:
        parts.append(f"rule: {shown(quote.rule)}")
    parts.append(f"confidence {quote.confidence:.2f}")
    return " · ".join(parts)


def _as_read(quote: Quote, width: int | None = None,
             shown: Callable[[str], str] = _one_line) -> str:
    """The quote's words on one line (through ``shown``), in « » when the text has them
    in marks; indirect speech is the author's own wording of what was said, so it gets no
    marks."""
    words = shown(quote.text)
    if width is not None:
        words = _fit(words, width)
    return words if quote.kind == Kind.INDIRECT else f"«{words}»"


class TextWriter(Writer):
    """One readable block per quote::

        [doc] 792-944 direct · speaker: Sergueï Lavrov · cue: annoncé (annoncer) · …
            «Bien sûr, nous allons développer …»

    Indirect speech is printed without marks: its words are the author's, not the
    speaker's.
    """

    name = "text"

    def write_quote(self, quote: Quote) -> None:
        where = f"[{visible(quote.doc_id)}] " if quote.doc_id is not None else ""
        marked = quote.kind != Kind.INDIRECT
        body = textwrap.fill(_as_read(quote, shown=visible), width=88, initial_indent="    ",
                             subsequent_indent="     " if marked else "    ")
        self.stream.write(f"{where}{quote.start}-{quote.end} {_describe(quote, visible)}\n"
                          f"{body}\n\n")


def _fit(s: str, width: int) -> str:
    """``s`` cut to ``width`` characters, an ellipsis marking the cut."""
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


class TableWriter(Writer):
    """A readable table for the terminal, the default of the command line.

    One heading line per document, then a row per quote; the quote column takes the width
    left over and long quotes wrap over at most ``max_lines`` lines, the last one cut with
    an ellipsis. A quote inside another one (``depth`` > 0) is marked ``↳``.
    """

    name = "table"
    # (heading, width) of the fixed columns; the quote takes what is left of ``width``.
    COLUMNS: ClassVar[tuple[tuple[str, int], ...]] = (
        ("#", 3), ("kind", 9), ("span", 9), ("speaker", 20), ("cue", 10), ("conf", 4),
    )
    MIN_QUOTE_WIDTH: ClassVar[int] = 30

    def __init__(self, stream: TextIO, *, width: int = 100, max_lines: int = 3) -> None:
        super().__init__(stream)
        fixed = sum(w + 2 for _, w in self.COLUMNS)
        self.quote_width = max(width - fixed, self.MIN_QUOTE_WIDTH)
        self.max_lines = max_lines
        self._docs = 0

    def _line(self, cells: Sequence[str], quote_line: str) -> str:
        widths = [w for _, w in self.COLUMNS]
        row = "".join(_fit(c, w).ljust(w) + "  " for c, w in zip(cells, widths, strict=True))
        return (row + quote_line).rstrip() + "\n"

    def add(self, quotes: Iterable[Quote], *, text: str = "", doc_id: str | None = None) -> None:
        quotes = list(_with_doc_id(quotes, doc_id))
        if self._docs:
            self.stream.write("\n")
        self._docs += 1
        name = visible(doc_id) if doc_id is not None else "(text)"
        plural = "" if len(quotes) == 1 else "s"
        self.stream.write(f"{name}: {len(quotes)} quote{plural}\n")
        if quotes:
            self.stream.write(self._line([h for h, _ in self.COLUMNS], "quote"))
        for n, q in enumerate(quotes, 1):
            self._row(n, q)
        self.count += len(quotes)

    def _row(self, n: int, q: Quote) -> None:
        lines = textwrap.wrap(visible(q.text), self.quote_width) or [""]
        if len(lines) > self.max_lines:
            lines = lines[: self.max_lines]
            lines[-1] = _fit(lines[-1] + " …", self.quote_width)
        kind = ("↳" * q.depth) + str(q.kind)
        # The name only: the mention (``il``, ``le chef de la diplomatie russe``) would
        # not fit; the text and HTML formats show it.
        cells = [str(n), kind, f"{q.start}-{q.end}", visible(q.speaker.name) if q.speaker else "-",
                 visible(q.cue.text) if q.cue else "-", f"{q.confidence:.2f}"]
        self.stream.write(self._line(cells, lines[0]))
        for more in lines[1:]:
            self.stream.write(self._line([""] * len(cells), more))


#: The style of :func:`highlight`'s marks (also used by the sources report).
HIGHLIGHT_CSS = """.text { white-space: pre-wrap; }
mark { padding: 0 .1em; border-radius: .2em; }
mark.direct { background: #fde68a; }
mark.partial { background: #bfdbfe; }
mark.indirect { background: #bbf7d0; }
mark.other { background: #e5e7eb; }
mark mark { outline: 1px dashed #555; }
.speaker { font-weight: bold; border-bottom: 2px solid #b45309; }
.cue { font-style: italic; border-bottom: 2px dotted #b45309; }
.legend mark, .legend span { margin-right: 1em; }
"""

#: The legend of :func:`highlight`'s marks.
HIGHLIGHT_LEGEND = """<p class="legend"><mark class="direct">direct</mark>
<mark class="partial">partial</mark><mark class="indirect">indirect</mark>
<mark class="other">other</mark>
<span class="speaker">speaker</span><span class="cue">cue</span></p>
"""

_HTML_HEAD = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>quotesnap</title>
<style>
body {{ font: 16px/1.6 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; }}
h2 {{ font: bold 1em sans-serif; border-bottom: 1px solid #ccc; }}
{HIGHLIGHT_CSS}ol {{ font: 14px/1.5 sans-serif; }}
</style>
</head>
<body>
{HIGHLIGHT_LEGEND}"""


@attrs.frozen
class _Layer:
    """A stretch of the text to wrap in ``open_tag … </tag>``."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def _layers(quotes: Sequence[Quote], text_len: int, prefix: str = "") -> list[_Layer]:
    """The quotes as ``<mark>`` layers, and their speaker mentions and cues as spans."""
    layers = []
    for n, q in enumerate(quotes, 1):
        title = html.escape(f"#{n} {_describe(q)}", quote=True)
        mark = f'<mark class="{q.kind}" id="{prefix}q{n}" title="{title}">'
        layers.append(_Layer(q.start, q.end, mark, "</mark>"))
        mention = q.speaker.mention if q.speaker else None
        if mention is not None:
            layers.append(_Layer(mention.start, mention.end,
                                 f'<span class="speaker" title="speaker of #{n}">', "</span>"))
        if q.cue is not None:
            layers.append(_Layer(q.cue.start, q.cue.end,
                                 f'<span class="cue" title="cue of #{n}">', "</span>"))
    # Out-of-range or empty spans would only produce broken markup.
    return [la for la in layers if 0 <= la.start < la.end <= text_len]


def highlight(text: str, quotes: Sequence[Quote], *, prefix: str = "") -> str:
    """``text`` escaped for HTML, each quote in a ``<mark>`` whose title gives its speaker,
    cue and rule, speaker mentions and cues in ``<span>``. The n-th quote's mark has the id
    ``{prefix}q{n}`` (a page holding several documents gives each its prefix).

    Quotes nest (a « … “ … ” … » gives a mark inside a mark). Where two stretches cross
    instead (an indirect quote that ends inside a quoted fragment, a cue inside an incise)
    the inner element is closed and reopened, so the markup stays well formed.
    """
    layers = _layers(quotes, len(text), prefix)
    bounds = sorted({0, len(text)} | {la.start for la in layers} | {la.end for la in layers})
    out: list[str] = []
    stack: list[_Layer] = []
    for left, right in itertools.pairwise(bounds):
        # Outermost first: the earliest start, then the longest stretch.
        wanted = sorted((la for la in layers if la.start <= left and right <= la.end),
                        key=lambda la: (la.start, -la.end))
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend(la.close_tag for la in reversed(stack[keep:]))
        out.extend(la.open_tag for la in wanted[keep:])
        stack = wanted
        out.append(html.escape(text[left:right], quote=False))
    out.extend(la.close_tag for la in reversed(stack))
    return "".join(out)


class HtmlWriter(Writer):
    """One self-contained HTML page (inline style, no script): each document's text with
    its quotes highlighted, then the list of its quotes."""

    name = "html"

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.stream.write(_HTML_HEAD)

    def add(self, quotes: Iterable[Quote], *, text: str = "", doc_id: str | None = None) -> None:
        quotes = list(_with_doc_id(quotes, doc_id))
        w = self.stream.write
        w("<section>\n")
        if doc_id is not None:
            w(f"<h2>{html.escape(doc_id)}</h2>\n")
        w(f'<div class="text">{highlight(text, quotes)}</div>\n<ol>\n')
        for n, q in enumerate(quotes, 1):
            w(f'<li><a href="#q{n}">{q.start}-{q.end}</a> {html.escape(_describe(q))}: '
              f"{html.escape(_as_read(q, 120))}</li>\n")
        w("</ol>\n</section>\n")
        self.count += len(quotes)

    def close(self) -> None:
        self.stream.write("</body>\n</html>\n")


#: Writer classes by ``--format`` name.
FORMATS: dict[str, type[Writer]] = {
    w.name: w for w in (TableWriter, JsonWriter, JsonLinesWriter, CsvWriter, TextWriter,
                        HtmlWriter)
}


def make_writer(fmt: str, stream: TextIO, *, width: int = 100,
                keep_formulas: bool = False) -> Writer:
    """The writer of format ``fmt`` (a key of :data:`FORMATS`) on ``stream``; ``width`` is
    the line width of the table; ``keep_formulas``: write CSV cells that start like a
    spreadsheet formula as they are (see :class:`CsvWriter`)."""
    try:
        cls = FORMATS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"Unknown output format {fmt!r}: use one of {known}.") from None
    if cls is TableWriter:
        return TableWriter(stream, width=width)
    if cls is CsvWriter:
        return CsvWriter(stream, keep_formulas=keep_formulas)
    return cls(stream)


def write(quotes: Iterable[Quote], stream: TextIO, fmt: str = "json", *, text: str = "",
          doc_id: str | None = None, keep_formulas: bool = False) -> None:
    """Write one document's ``quotes`` to ``stream`` in format ``fmt``.

    ``text`` is the document (the HTML page shows it with the quotes highlighted);
    ``keep_formulas``: CSV cells that start like a spreadsheet formula are written as they
    are instead of being prefixed with ``'``.
    """
    writer = make_writer(fmt, stream, keep_formulas=keep_formulas)
    writer.add(quotes, text=text, doc_id=doc_id)
    writer.close()
