"""quotesnap.sources: one record per source across a corpus.

The rows are quotes as the pipeline gives them, built by hand from real Wikinews articles
(``../shared/data/corpus/wikinews-fr.jsonl`` and ``../shared/data/gold/news-train.jsonl``,
CC BY 2.5), so that the merging rules are pinned whatever the parser does; one test runs
the real pipeline on a slice of the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotesnap
from quotesnap import Extraction, Kind, Quote, Speaker

CORPUS = Path(__file__).resolve().parents[1] / "../shared/data/corpus/wikinews-fr.jsonl"


def _q(doc: str, text: str, name: str, kind: Kind = Kind.DIRECT, *, who: str = "person",
       gender: str | None = None, start: int = 0) -> Quote:
    return Quote(text, start, start + len(text), kind,
                 Speaker(name, None, who, gender, (f"pronoun: il ({gender})",) if gender else ()),
                 doc_id=doc)


def test_one_record_per_source_with_counts() -> None:
    """Quotes by kind, words, articles and the first and last article, most quoted first."""
    table = quotesnap.sources([
        Extraction((_q("a", "Nous considérons que ces actions sont inacceptables",
                       "Sergueï Lavrov", gender="m"),
                    _q("a", "sanctions illégales", "Sergueï Lavrov", Kind.PARTIAL, gender="m",
                       start=60)), (), "a"),
        Extraction((_q("b", "la coopération militaire sera renforcée", "Sergueï Lavrov",
                       Kind.INDIRECT, gender="m"),
                    _q("b", "Les tentatives de renverser le pouvoir", "Moscou", Kind.INDIRECT,
                       who="unknown", start=90)), (), "b"),
    ])
    lavrov, moscou = table
    assert (lavrov.name, lavrov.kind, lavrov.gender) == ("Sergueï Lavrov", "person", "m")
    assert (lavrov.quotes, lavrov.direct, lavrov.partial, lavrov.indirect) == (3, 1, 1, 1)
    assert lavrov.words == 7 + 2 + 5
    assert (lavrov.articles, lavrov.first_doc_id, lavrov.last_doc_id) == (2, "a", "b")
    assert (moscou.name, moscou.quotes, moscou.gender) == ("Moscou", 1, None)


def test_surname_joins_the_full_name_across_articles() -> None:
    """« Lavrov » in an article that never gives the first name joins « Sergueï Lavrov »."""
    table = quotesnap.sources([
        [_q("a", "Bien sûr, nous allons développer la coopération", "Sergueï Lavrov")],
        [_q("b", "Nous sommes absolument convaincus", "Lavrov")],
    ])
    assert [(s.name, s.quotes, s.articles) for s in table] == [("Sergueï Lavrov", 2, 2)]
    assert set(table[0].names) == {"Sergueï Lavrov", "Lavrov"}


def test_an_ambiguous_surname_stays_apart() -> None:
    """« Le Pen » stays itself when two full names end so, each as quoted as the other."""
    table = quotesnap.sources([
        [_q("a", "Je serai candidate", "Marine Le Pen")],
        [_q("b", "Je ne regrette rien", "Jean-Marie Le Pen")],
        [_q("c", "Nous gagnerons", "Le Pen")],
    ])
    assert sorted(s.name for s in table) == ["Jean-Marie Le Pen", "Le Pen", "Marine Le Pen"]


def test_spellings_of_one_name_are_one_source() -> None:
    """Case, accents and a leading article do not split a source (« l'Unédic », « L’Unedic »)."""
    table = quotesnap.sources([
        [_q("a", "le chômage va repartir à la hausse", "l'Unédic", Kind.INDIRECT,
            who="organisation")],
        [_q("b", "une détérioration de son évolution financière", "L’Unedic", Kind.INDIRECT,
            who="organisation")],
    ])
    assert [(s.quotes, s.articles, s.kind) for s in table] == [(2, 2, "organisation")]


def test_what_only_an_article_can_say_stays_in_it() -> None:
    """« il », « un porte-parole », « la police » of two articles are two sources each."""
    table = quotesnap.sources([
        [_q("a", "Nous tiendrons la presse pour responsable", "il", gender="m"),
         _q("a", "l'avion aurait subi plusieurs pannes", "un porte-parole", Kind.INDIRECT,
            start=50),
         _q("a", "la vie de l'homme n'est pas en jeu", "la police", Kind.INDIRECT,
            who="organisation", start=99)],
        [_q("b", "Les images sont terribles", "il", gender="m"),
         _q("b", "un poste de commandement a été mis en place", "un porte-parole",
            Kind.INDIRECT, start=50),
         _q("b", "deux suspects ont été arrêtés", "la police", Kind.INDIRECT,
            who="organisation", start=99)],
    ])
    assert len(table) == 6 and all(s.articles == 1 for s in table)


def test_gender_is_the_articles_agreement() -> None:
    """A gender two thirds of the articles give is kept, a disagreement gives None."""
    agree = quotesnap.sources([[_q(d, "Oui", "Myriam El Khomri", gender="f")] for d in "abc"]
                              + [[_q("d", "Non", "Myriam El Khomri")]])
    split = quotesnap.sources([[_q("a", "Oui", "Camille Lacourt", gender="m")],
                               [_q("b", "Non", "Camille Lacourt", gender="f")]])
    assert agree[0].gender == "f" and agree[0].gender_evidence == ("pronoun: il (f)",)
    assert split[0].gender is None


def test_quotes_without_source_and_titles_are_left_out() -> None:
    """Quotes of kind other and quotes without a speaker make no source."""
    table = quotesnap.sources([[Quote("gilets jaunes", 0, 13, Kind.OTHER, doc_id="a"),
                                Quote("Oui", 20, 23, Kind.DIRECT, doc_id="a")]])
    assert table == []


@pytest.mark.model
def test_sources_of_a_corpus_slice(extractor: quotesnap.Extractor) -> None:
    """On 60 Wikinews articles: every sourced quote is counted once, in one record."""
    docs = [json.loads(line) for line in CORPUS.open(encoding="utf-8")][:60]
    results = list(extractor.extract_many((d["id"], d["text"]) for d in docs))
    table = quotesnap.sources(results)
    sourced = [q for ex in results for q in ex.quotes
               if q.speaker is not None and q.kind != Kind.OTHER]
    assert sum(s.quotes for s in table) == len(sourced) > 50
    assert {s.kind for s in table} <= {"person", "organisation", "group", "unknown"}
    assert all(s.gender is None for s in table if s.kind != "person")
    assert all(s.first_doc_id is not None and s.articles >= 1 for s in table)
