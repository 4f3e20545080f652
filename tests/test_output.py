"""The writers of quotesnap.output on hand-built quotes (no parser involved)."""

from __future__ import annotations

import csv
import html.parser
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotesnap.output import CSV_COLUMNS, FORMATS, TableWriter, highlight, make_writer, write
from quotesnap.results import Cue, Kind, Quote, Span, Speaker

# A real sentence shape from the news: a quote with a quoted word inside it, an incise,
# then a scare-quoted term of the author's and a second paragraph in marks with no
# attribution of its own (its speaker is only inherited).
TEXT = (
    "«Nous refusons le mot “crise” & ses <excès>», a-t-il souligné, "
    "devant les «gilets jaunes».\n\n"
    "«Le dialogue reste ouvert.»"
)


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def _quote(needle: str, kind: Kind, **kw: object) -> Quote:
    s = _span(needle)
    return Quote(text=s.text, start=s.start, end=s.end, kind=kind, **kw)  # type: ignore[arg-type]


LAVROV = Speaker("Sergueï Lavrov", _span("il"))
OUTER = _quote("Nous refusons le mot “crise” & ses <excès>", Kind.DIRECT, speaker=LAVROV,
               cue=Cue("souligné", "souligner", _span("souligné")), confidence=0.9,
               rule="incise")
INNER = _quote("crise", Kind.PARTIAL, depth=1, speaker=LAVROV, confidence=0.6, rule="nested")
TERM = _quote("gilets jaunes", Kind.OTHER)
INHERITED = _quote("Le dialogue reste ouvert.", Kind.DIRECT, speaker=Speaker("Sergueï Lavrov"),
                   confidence=0.5, rule="continuation")
QUOTES = [OUTER, INNER, TERM, INHERITED]


def _render(fmt: str, quotes: list[Quote] = QUOTES, doc_id: str | None = "doc-1") -> str:
    out = io.StringIO()
    write(quotes, out, fmt, text=TEXT, doc_id=doc_id)
    return out.getvalue()


class _Checker(html.parser.HTMLParser):
    """Collects the text of a page and fails on a closing tag that does not match."""

    VOID = frozenset({"meta", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.in_text = 0
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "div" and ("class", "text") in attrs:
            self.in_text = len(self.stack)
        if tag == "mark" and self.in_text:
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        if len(self.stack) == self.in_text:
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)


def _check_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_hand_built_offsets_hold() -> None:
    """The fixture quotes point at their own text, as real results do."""
    for q in QUOTES:
        assert TEXT[q.start:q.end] == q.text


def test_json_is_one_array_of_design_objects() -> None:
    """--format json is one array holding Quote.to_dict() of each quote, doc_id filled in."""
    data = json.loads(_render("json"))
    assert data == [q.to_dict() | {"doc_id": "doc-1"} for q in QUOTES]


def test_json_without_quotes_is_an_empty_array() -> None:
    """A document without quotes still gives valid JSON."""
    assert json.loads(_render("json", [])) == []


def test_json_keeps_the_quote_own_doc_id() -> None:
    """A quote that carries its doc_id keeps it; the writer's doc_id only fills gaps."""
    own = _quote("gilets jaunes", Kind.OTHER, doc_id="elsewhere")
    assert json.loads(_render("json", [own]))[0]["doc_id"] == "elsewhere"


def test_jsonl_is_the_design_form_one_quote_per_line() -> None:
    """--format jsonl: one object per line with the DESIGN.md keys (and the addressee of a
    line of dialogue), null speaker/cue parts."""
    lines = _render("jsonl").splitlines()
    assert len(lines) == len(QUOTES)
    first, term, inherited = json.loads(lines[0]), json.loads(lines[2]), json.loads(lines[3])
    assert first == {
        "doc_id": "doc-1", "kind": "direct", "start": OUTER.start, "end": OUTER.end,
        "text": OUTER.text,
        "speaker": {"name": "Sergueï Lavrov", "start": LAVROV.mention.start,  # type: ignore[union-attr]
                    "end": LAVROV.mention.end, "text": "il",  # type: ignore[union-attr]
                    "kind": "unknown", "gender": None, "gender_evidence": []},
        "cue": {"start": OUTER.cue.start, "end": OUTER.cue.end,  # type: ignore[union-attr]
                "text": "souligné", "lemma": "souligner"},
        "confidence": 0.9, "rule": "incise", "depth": 0, "addressee": None,
    }
    assert term["speaker"] is None and term["cue"] is None
    assert inherited["speaker"] == {"name": "Sergueï Lavrov", "start": None, "end": None,
                                    "text": None, "kind": "unknown", "gender": None,
                                    "gender_evidence": []}


def test_jsonl_writes_french_unescaped() -> None:
    """ensure_ascii=False: « » and accents stay readable in the output."""
    out = _render("jsonl")
    assert "Sergueï" in out and "“crise”" in out and "\\u" not in out


def test_csv_round_trips_through_a_csv_reader() -> None:
    """--format csv: the header of CSV_COLUMNS, then one flat row per quote."""
    rows = list(csv.reader(io.StringIO(_render("csv"))))
    assert rows[0] == list(CSV_COLUMNS)
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [r["text"] for r in body] == [q.text for q in QUOTES]
    assert body[0]["speaker_name"] == "Sergueï Lavrov" and body[0]["cue_lemma"] == "souligner"
    assert body[0]["start"] == str(OUTER.start) and body[0]["confidence"] == "0.9"
    assert body[2]["speaker_name"] == "" and body[2]["cue_text"] == ""
    assert body[3]["speaker_name"] == "Sergueï Lavrov" and body[3]["speaker_start"] == ""


def test_csv_keeps_a_multi_paragraph_quote_whole() -> None:
    """A quote text holding newlines is one CSV cell, read back unchanged."""
    text = "Premier paragraphe,\n\n« second paragraphe"
    q = Quote(text=text, start=0, end=len(text), kind=Kind.DIRECT)
    out = io.StringIO()
    write([q], out, "csv")
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][4] == text


def test_text_gives_one_block_per_quote() -> None:
    """--format text: a heading line and the quote in marks, a blank line between quotes."""
    blocks = _render("text").strip().split("\n\n")
    assert len(blocks) == len(QUOTES)
    assert blocks[0].startswith(f"[doc-1] {OUTER.start}-{OUTER.end} direct")
    assert "speaker: Sergueï Lavrov (il)" in blocks[0] and "cue: souligné" in blocks[0]
    assert "«gilets jaunes»" in blocks[2] and "speaker" not in blocks[2]


def test_text_and_html_print_indirect_speech_without_marks() -> None:
    """Indirect speech is the author's wording: --format text and the HTML list show it
    without « », while quotes in marks keep theirs (the seed article's indirect quote)."""
    # the example article, 1445-1587: « …, estime le ministre russe. »
    article = ("L’annulation des sanctions imposées par les États-Unis au Venezuela est "
               "indispensable pour le futur des Vénézuéliens et devrait être immédiate, "
               "estime le ministre russe.")
    end = article.index(", estime")
    who = article.index("le ministre")
    indirect = Quote(text=article[:end], start=0, end=end, kind=Kind.INDIRECT,
                     speaker=Speaker("Sergueï Lavrov", Span(who, len(article) - 1,
                                                            article[who:-1])), rule="inverted")
    out = io.StringIO()
    write([indirect, TERM], out, "text")
    blocks = out.getvalue().strip().split("\n\n")
    assert blocks[0].splitlines()[1].startswith("    L’annulation des sanctions imposées")
    assert blocks[0].splitlines()[-1].endswith(" devrait être immédiate")
    assert "«" not in blocks[0] and "»" not in blocks[0]
    assert blocks[1].splitlines()[1] == "    «gilets jaunes»"
    out = io.StringIO()
    write([indirect], out, "html", text=article)
    item = next(line for line in out.getvalue().splitlines() if line.startswith("<li>"))
    assert ": L’annulation des sanctions imposées" in item and "«" not in item
    assert item.endswith("pour le futur des Vénézuéliens et…</li>")  # cut at 120 characters


@pytest.mark.parametrize("width", [60, 100, 160], ids=["narrow", "default", "wide"])
def test_table_fits_the_width(width: int) -> None:
    """The table stays within the terminal width, long quotes wrapped and cut."""
    long = Quote(text="Nous considérons que ces actions sont inacceptables. " * 10,
                 start=0, end=530, kind=Kind.DIRECT)
    out = io.StringIO()
    writer = TableWriter(out, width=width, max_lines=3)
    writer.add([long, *QUOTES], doc_id="doc-1")
    writer.close()
    lines = out.getvalue().splitlines()
    fixed = sum(w + 2 for _, w in TableWriter.COLUMNS)
    assert max(len(line) for line in lines) <= max(width, fixed + TableWriter.MIN_QUOTE_WIDTH)
    assert lines[0] == "doc-1: 5 quotes"
    assert lines[4].endswith("…")  # the long quote, cut at its third line
    assert lines[5].startswith("2 ")


def test_table_marks_nested_quotes_and_missing_attribution() -> None:
    """A quote inside a quote shows ↳; no speaker or cue shows -."""
    out = _render("table")
    inner = next(line for line in out.splitlines() if line.startswith("2 "))
    term = next(line for line in out.splitlines() if line.startswith("3 "))
    assert "↳partial" in inner
    assert term.split()[1:5] == ["other", f"{TERM.start}-{TERM.end}", "-", "-"]


def test_table_heads_each_document() -> None:
    """Several documents: one heading per document, a document without quotes says so."""
    out = io.StringIO()
    writer = make_writer("table", out)
    writer.add(QUOTES[:1], doc_id="a.txt")
    writer.add([], doc_id="b.txt")
    writer.close()
    assert "a.txt: 1 quote\n" in out.getvalue() and "b.txt: 0 quotes\n" in out.getvalue()


def test_html_is_well_formed_and_keeps_the_text() -> None:
    """The page balances its tags and shows the article text unchanged (after unescaping)."""
    checker = _check_html(_render("html"))
    assert "".join(checker.text) == TEXT


def test_html_marks_every_quote_with_its_attribution() -> None:
    """Each quote is a <mark> whose title names its speaker, cue and rule."""
    checker = _check_html(_render("html"))
    ids = {m["id"]: m for m in checker.marks}
    assert set(ids) == {"q1", "q2", "q3", "q4"}
    title = ids["q1"]["title"] or ""
    assert "Sergueï Lavrov" in title and "souligné" in title and "incise" in title
    assert ids["q3"]["class"] == "other"


def test_html_escapes_the_text() -> None:
    """<excès> and & in the article are escaped, never taken for markup."""
    page = _render("html")
    assert "&lt;excès&gt;" in page and "&amp; ses" in page and "<excès>" not in page


def test_html_nests_an_inner_quote_inside_the_outer_mark() -> None:
    """« … “crise” … »: the inner quote's mark sits inside the outer one."""
    marked = highlight(TEXT, [OUTER, INNER])
    assert '<mark class="direct" id="q1"' in marked
    outer_open = marked.index('id="q1"')
    inner_open = marked.index('id="q2"')
    assert outer_open < inner_open < marked.index("</mark>", inner_open) < marked.rindex("</mark>")


def test_html_splits_crossing_spans_to_stay_well_formed() -> None:
    """Two stretches that cross (an indirect quote ending inside a fragment) stay balanced."""
    a = Quote(text=TEXT[0:30], start=0, end=30, kind=Kind.INDIRECT)
    b = Quote(text=TEXT[20:50], start=20, end=50, kind=Kind.PARTIAL)
    checker = _check_html(f'<div class="text">{highlight(TEXT, [a, b])}</div>')
    assert "".join(checker.text) == TEXT


def test_html_one_page_for_several_documents() -> None:
    """Several documents make one page, a section each."""
    out = io.StringIO()
    writer = make_writer("html", out)
    writer.add(QUOTES, text=TEXT, doc_id="a.txt")
    writer.add([], text="Rien à signaler.", doc_id="b.txt")
    writer.close()
    page = out.getvalue()
    _check_html(page)
    assert page.count("<section>") == 2 and page.count("<html") == 1


@given(text=st.text(max_size=60),
       spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_highlight_is_well_formed_for_any_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Whatever the spans (nested, crossing, out of range), the markup balances and the
    text comes back unchanged."""
    quotes = [Quote(text=text[s:e], start=s, end=e, kind=Kind.DIRECT) for s, e in spans]
    checker = _check_html(f'<div class="text">{highlight(text, quotes)}</div>')
    assert "".join(checker.text) == text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_writers_leave_the_stream_open(fmt: str) -> None:
    """The stream belongs to the caller: closing a writer does not close it."""
    out = io.StringIO()
    write(QUOTES, out, fmt, text=TEXT, doc_id="doc-1")
    assert not out.closed and out.getvalue()


def test_unknown_format_says_which_exist() -> None:
    """An unknown format name is a ValueError that lists the known ones."""
    with pytest.raises(ValueError, match="jsonl"):
        make_writer("yaml", io.StringIO())
