"""The Extractor API: settings, scan-only mode, batches that survive bad documents, offsets."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import quotesnap
from quotesnap import Extraction, Extractor, Kind, Quote, Settings, UnknownBackendError
from quotesnap.scan import KIND_CONFIDENCE
from tests.conftest import assert_offsets

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "gold"
EXAMPLE = ROOT / "examples" / "lavrov-maduro-2020.txt"


def gold_texts(name: str) -> list[tuple[str, str]]:
    """(doc_id, text) of every document of a shared gold file."""
    with (GOLD / name).open(encoding="utf-8") as fh:
        return [(d["doc_id"], d["text"]) for d in map(json.loads, fh) if d]


def test_scan_only_keeps_the_scanners_kinds_and_names_nobody() -> None:
    """attribute=False returns the scanner's spans and kind guesses, with no speaker, rule
    ``scan`` and the confidence of the scanner's guess at that kind."""
    text = EXAMPLE.read_text(encoding="utf-8")
    quotes = quotesnap.extract(text, attribute=False)
    assert len(quotes) == 7
    assert all(q.speaker is None and q.cue is None and q.rule == "scan" for q in quotes)
    assert {q.kind for q in quotes} <= {Kind.DIRECT, Kind.PARTIAL, Kind.OTHER}
    assert quotes[0].text == "sanctions illégales"
    assert [q.confidence for q in quotes] == [KIND_CONFIDENCE[q.kind] for q in quotes]
    assert quotes[1].confidence == 0.93  # « Bien sûr, nous allons … », a annoncé …


def test_scan_only_quotes_carry_their_doc_id() -> None:
    """Scan-only results of run() and extract_many() carry the document's doc_id."""
    extractor = Extractor(attribute=False)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert {q.doc_id for q in extractor.run(text, doc_id="lavrov").quotes} == {"lavrov"}
    (many,) = extractor.extract_many([("lavrov", text)])
    assert {q.doc_id for q in many.quotes} == {"lavrov"}


def test_scan_confidence_is_the_scanners_precision_on_news_train() -> None:
    """KIND_CONFIDENCE is the precision of each kind the scanner guesses on news-train, as
    `quotesnap evaluate --scan-only` measures it (within 0.01)."""
    result = quotesnap.evaluate(GOLD / "news-train.jsonl", extractor=Extractor(attribute=False))
    precision = {k.kind: k.precision / 100 for k in result.kinds}
    for kind, confidence in KIND_CONFIDENCE.items():
        assert confidence == pytest.approx(precision[str(kind)], abs=0.01), kind


def test_unknown_option_names_the_known_ones() -> None:
    """A misspelt option is a TypeError that lists the options that exist."""
    with pytest.raises(TypeError, match="batch_size"):
        Extractor(batchsize=3)


def test_unknown_backend_is_a_clear_error() -> None:
    """An unknown backend raises UnknownBackendError, which is also a ValueError."""
    with pytest.raises(ValueError, match="spacy"):
        Extractor(backend="udpipe")
    with pytest.raises(UnknownBackendError):
        Extractor(backend="udpipe")


def test_settings_object_and_keywords_agree() -> None:
    """Options given as a Settings object or as keywords make the same extractor."""
    assert Extractor(Settings(indirect=False)).settings == Extractor(indirect=False).settings


def test_run_rejects_what_is_not_text() -> None:
    """run() on bytes raises a TypeError saying a str is needed."""
    with pytest.raises(TypeError, match="str"):
        Extractor(attribute=False).run(b"\xc2\xab Oui \xc2\xbb")  # type: ignore[arg-type]


def test_a_bad_document_does_not_stop_the_batch(extractor: Extractor) -> None:
    """extract_many reports a bad document in its Extraction and goes on with the rest."""
    docs = [("a", "«Nous partons demain», a déclaré Lavrov."), ("b", None),
            ("c", "« Oui », a-t-elle répondu.")]
    out = list(extractor.extract_many(docs))  # type: ignore[arg-type]
    assert [e.doc_id for e in out] == ["a", "b", "c"]
    assert out[1].error is not None and "str" in out[1].error and out[1].quotes == ()
    assert out[0].error is None and out[0].quotes[0].speaker is not None
    assert out[0].quotes[0].speaker.name == "Lavrov"
    assert out[2].quotes[0].text == "Oui"


def test_extract_many_streams_in_input_order(extractor: Extractor) -> None:
    """Documents come back in input order across batches, each with its doc_id."""
    docs = [(f"d{n}", f"« Phrase numéro {n} », a dit Paul.") for n in range(7)]
    small = Extractor(batch_size=3)
    small._backend = extractor.backend  # share the loaded model
    out = list(small.extract_many(docs))
    assert [e.doc_id for e in out] == [d for d, _ in docs]
    assert all(e.quotes and e.quotes[0].doc_id == e.doc_id for e in out)


@pytest.mark.parametrize("name", ["seed.jsonl", "news-dev.jsonl"])
def test_every_offset_points_into_the_text(extractor: Extractor, name: str) -> None:
    """On whole gold articles, every quote, mention and cue span is a slice of the text."""
    docs = gold_texts(name)
    for (doc_id, text), extraction in zip(docs, extractor.extract_many(docs), strict=True):
        assert extraction.error is None, (doc_id, extraction.error)
        assert_offsets(text, extraction.quotes)


def test_results_are_plain_values(extractor: Extractor) -> None:
    """Quotes pickle, hash and compare equal to themselves, whatever produced them."""
    extraction = extractor.run(EXAMPLE.read_text(encoding="utf-8"), doc_id="seed")
    assert isinstance(extraction, Extraction)
    quotes = extraction.quotes
    assert pickle.loads(pickle.dumps(quotes)) == quotes
    assert len(set(quotes)) == len(quotes)
    assert all(isinstance(q, Quote) and q.doc_id == "seed" for q in quotes)
    assert json.loads(json.dumps([q.to_dict() for q in quotes]))[0]["doc_id"] == "seed"


# -- sentences: where an initial's full stop ends one (news-train) --------------------------

SPLITS = [
    # a capital letter alone, then a determiner: the sentence ends (wn-2016_01_10-001)
    ("La communauté internationale a également vivement critiqué l'essai de la bombe H. La "
     "Corée du Sud a annoncé « prendre toutes les mesures nécessaires ».",
     ["La communauté internationale a également vivement critiqué l'essai de la bombe H.",
      "La Corée du Sud a annoncé « prendre toutes les mesures nécessaires »."]),
    # an initial inside a name (wn-2017_04_11-001, wn-2017_01_20-005)
    ("Une des passagères ayant filmé la scène, Audra D. Bridges, raconte que l'homme a fait "
     "savoir qu'il était médecin.",
     ["Une des passagères ayant filmé la scène, Audra D. Bridges, raconte que l'homme a fait "
      "savoir qu'il était médecin."]),
    ("Le jeune homme, Nolan L., proche de l’extrême droite, a été interpellé.",
     ["Le jeune homme, Nolan L., proche de l’extrême droite, a été interpellé."]),
    # a listed abbreviation before an article that is part of the name (wn-2017_03_22-001)
    ("« Ces missions ont pu être effectuées », se défend le cabinet de M. Le Roux concernant "
     "l'aînée.",
     ["« Ces missions ont pu être effectuées », se défend le cabinet de M. Le Roux concernant "
      "l'aînée."]),
]


@pytest.mark.parametrize("text, expected", SPLITS)
def test_sentences_around_initials(text: str, expected: list[str]) -> None:
    """An initial's full stop ends the sentence when a determiner or a subject pronoun
    follows it, never inside a name or after a listed abbreviation."""
    from quotesnap.candidates import split_sentences
    from quotesnap.scan import scan

    top = [s for s in scan(text).spans if s.depth == 0]
    assert [text[a:b] for a, b in split_sentences(text, top)] == expected
