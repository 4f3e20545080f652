"""The quotation-mark scanner (quotesnap.scan), on tables of real French sentences.

Sources of the rows: ``seed`` = ../shared/data/gold/seed.jsonl, ``news`` =
../shared/data/gold/news-dev.jsonl and ../shared/data/corpus/wikinews-fr.jsonl (Wikinews,
CC BY 2.5), ``lit`` = ../shared/data/gold/lit-dev.jsonl (fr-litbank, CC BY-SA 4.0);
``style`` rows are news-style sentences written for the case (typographic variants of the
real ones, or a broken typography the corpus does not show).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from quotesnap.results import Kind
from quotesnap.scan import MarkedSpan, ScanResult, scan, split_incises

NBSP, NNBSP = "\u00a0", "\u202f"


class Example(NamedTuple):
    id: str
    text: str
    expected: tuple[str, ...]  # the content of each span, in scan order
    diagnostics: tuple[str, ...] = ()  # the diagnostic codes, in order


def contents(text: str, result: ScanResult) -> tuple[str, ...]:
    return tuple(span.content(text) for span in result.spans)


def codes(result: ScanResult) -> tuple[str, ...]:
    return tuple(d.code for d in result.diagnostics)


def params(rows: list[Example]) -> list[object]:
    return [pytest.param(row, id=row.id) for row in rows]


# --- Marks -------------------------------------------------------------------------------

MARKS = [
    # seed: guillemets with no space inside, as the source article sets them
    Example("seed-guillemets-no-space",
            "«Bien sûr, nous allons développer la coopération militaire et technique pour "
            "assurer la sécurité de nos amis, en particulier face aux menaces extérieures», "
            "a annoncé Sergueï Lavrov.",
            ("Bien sûr, nous allons développer la coopération militaire et technique pour "
             "assurer la sécurité de nos amis, en particulier face aux menaces extérieures",)),
    # news: the usual space inside
    Example("news-guillemets-space",
            "Vers 9h00, Jacline Mouraud a dit qu'il est temps d'arrêter d'être sur les "
            "ronds-points mais qu'il faut « continuer le combat » en allant à la rencontre "
            "des élus et des membres du gouvernement.",
            ("continuer le combat",)),
    Example("style-guillemets-nbsp",
            f"Le ministre a dénoncé des «{NBSP}sanctions illégales{NBSP}» imposées par "
            "les États-Unis.",
            ("sanctions illégales",)),
    Example("style-guillemets-narrow-nbsp",
            f"«{NNBSP}Nous considérons que ces actions sont totalement inacceptables{NNBSP}», "
            "a déclaré Lavrov.",
            ("Nous considérons que ces actions sont totalement inacceptables",)),
    Example("style-guillemets-tab-and-spaces",
            "Il a parlé de «\t  sanctions illégales  \t».",
            ("sanctions illégales",)),
    Example("style-english-quotes-alone",
            "“Nous sommes absolument convaincus que la levée immédiate des sanctions est "
            "indispensable”, a-t-il souligné.",
            ("Nous sommes absolument convaincus que la levée immédiate des sanctions est "
             "indispensable",)),
    Example("style-german-low-high",
            "„Nous avons également exprimé notre soutien aux efforts déployés par le "
            "Président Maduro“, a poursuivi Lavrov.",
            ("Nous avons également exprimé notre soutien aux efforts déployés par le "
             "Président Maduro",)),
    Example("style-low-and-closing-double",
            "„Tous les aspects de notre coopération seront examinés”, a précisé le ministre.",
            ("Tous les aspects de notre coopération seront examinés",)),
    Example("style-single-guillemets",
            "Le roi a rappelé que les étrangers appellent son pays ‹ la Suisse › par erreur.",
            ("la Suisse",)),
    Example("news-straight-pair",
            "Il aurait « exhibé son arme et crié \"Allah Akbar\" avant d'être abattu par les "
            "policiers en faction », a affirmé le procureur de Paris, François Molins.",
            ("exhibé son arme et crié \"Allah Akbar\" avant d'être abattu par les policiers "
             "en faction", "Allah Akbar")),
    Example("news-straight-pair-spaces-inside",
            "Les mushers doivent emporter des réserves de nourriture et huit \" booties \" "
            "par chien.",
            ("booties",)),
    Example("style-ascii-guillemets",
            "<<Nous nous sommes mis d'accord pour renforcer la coordination>>, a expliqué "
            "Sergueï Lavrov.",
            ("Nous nous sommes mis d'accord pour renforcer la coordination",)),
]


@pytest.mark.parametrize("row", params(MARKS))
def test_marks(row: Example) -> None:
    """Every French and foreign quotation mark pairs up, spaces inside excluded."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert codes(result) == row.diagnostics


def test_span_offsets_cover_the_marks() -> None:
    """open_start/close_end include the marks, start/end only the content."""
    text = f"Il dénonce les «{NNBSP}sanctions{NNBSP}»."
    (span,) = scan(text).spans
    assert text[span.open_start : span.start] == f"«{NNBSP}"
    assert text[span.end : span.close_end] == f"{NNBSP}»"
    assert (span.open_mark, span.close_mark, span.paragraphs) == ("«", "»", 1)


# --- Apostrophes ------------------------------------------------------------------------

APOSTROPHES = [
    Example("news-curly-apostrophes",
            "Le ministère de l’Intérieur a recensé aujourd’hui 6600 gilets jaunes, qu’il "
            "juge « mobilisés ».",
            ("mobilisés",)),
    Example("news-misused-opening-apostrophe",
            "Cet aléa permet à quelqu’un qui a déménagé de voter dans son bureau de vote "
            "d‘origine et dans le nouveau, c‘est un aléa qui existe dans chaque élection.",
            ()),
    Example("style-single-quotes-inside",
            "« Les gens nous appellent ‘la Suisse’ à l’étranger », a dit le roi.",
            ("Les gens nous appellent ‘la Suisse’ à l’étranger", "la Suisse")),
    Example("style-closing-single-quote-not-apostrophe",
            "« C’est ce qu’il appelle ‘l’État d’aujourd’hui’ », ironise l’opposition.",
            ("C’est ce qu’il appelle ‘l’État d’aujourd’hui’", "l’État d’aujourd’hui")),
    Example("style-straight-apostrophes",
            "Il n'y a pas d'accord aujourd'hui, l'État l'a confirmé.",
            ()),
    Example("news-seconds-sign",
            "Les nageuses ont battu leur record du monde à 3'30\"65 ! Le Canada complète le "
            "podium avec un temps de 3'32\"89.",
            ()),
]


@pytest.mark.parametrize("row", params(APOSTROPHES))
def test_apostrophes(row: Example) -> None:
    """’ and ' inside or after a word are apostrophes; " between digits is a unit sign."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert codes(result) == row.diagnostics


# --- Nesting ----------------------------------------------------------------------------

NESTING = [
    # news: guillemets inside guillemets, as French news set them
    Example("news-guillemets-in-guillemets",
            "« Il s’est précipité sur les militaires en criant « Allah akbar », a frappé à "
            "la tête un premier militaire », selon les précisions apportées par François "
            "Molins.",
            ("Il s’est précipité sur les militaires en criant « Allah akbar », a frappé à la "
             "tête un premier militaire", "Allah akbar")),
    Example("news-single-guillemets-in-guillemets",
            "Le dirigeant avait souligné la similitude des noms : « Lorsque nous allons à "
            "l'étranger, les gens nous appellent ‹la Suisse› ».",
            ("Lorsque nous allons à l'étranger, les gens nous appellent ‹la Suisse›",
             "la Suisse")),
    Example("news-quote-ends-with-inner-quote",
            "« J'ai vu des élèves sauter au-dessus des grilles. Un adulte a dit : « il y a "
            "eu un coup de feu » ». « C'était la panique totale », ont confié des témoins.",
            ("J'ai vu des élèves sauter au-dessus des grilles. Un adulte a dit : « il y a eu "
             "un coup de feu »", "il y a eu un coup de feu", "C'était la panique totale")),
    Example("style-three-levels",
            "« Il m'a dit : “Le maire parle de ‘plan B’ depuis lundi” et il est parti », "
            "raconte un élu.",
            ("Il m'a dit : “Le maire parle de ‘plan B’ depuis lundi” et il est parti",
             "Le maire parle de ‘plan B’ depuis lundi", "plan B")),
]


@pytest.mark.parametrize("row", params(NESTING))
def test_nesting(row: Example) -> None:
    """An inner quote is its own span, one level deeper than the quote around it."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert result.spans[0].depth == 0
    for outer in result.spans:
        for inner in result.spans:
            if outer.open_start < inner.open_start and inner.close_end <= outer.close_end:
                assert inner.depth > outer.depth


def test_nesting_depths() -> None:
    """Depth counts the spans around a span: 0, 1, 2 for three levels."""
    text = NESTING[3].text
    assert [span.depth for span in scan(text).spans] == [0, 1, 2]


# --- Quotes over several paragraphs ----------------------------------------------------

PARAGRAPHS = [
    Example("style-reopened-with-guillemet",
            "Le ministre a conclu ainsi :\n\n« Nous resterons mobilisés jusqu'au bout.\n\n"
            "« Nous ne céderons rien aux casseurs. »\n\nLa séance a été levée.",
            ("Nous resterons mobilisés jusqu'au bout.\n\n« Nous ne céderons rien aux "
             "casseurs.",)),
    Example("style-reopened-with-closing-guillemet",
            "« Nous resterons mobilisés jusqu'au bout.\n» Nous ne céderons rien.\n» Rien. »",
            ("Nous resterons mobilisés jusqu'au bout.\n» Nous ne céderons rien.\n» Rien.",)),
    Example("style-inner-quote-in-second-paragraph",
            "« Nous resterons mobilisés.\n\n« Le gouvernement parle de « dialogue », mais "
            "rien ne bouge. »",
            ("Nous resterons mobilisés.\n\n« Le gouvernement parle de « dialogue », mais rien "
             "ne bouge.", "dialogue")),
]


@pytest.mark.parametrize("row", params(PARAGRAPHS))
def test_paragraphs(row: Example) -> None:
    """A quote reopened at each paragraph and closed once is one span."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert codes(result) == ()


def test_paragraph_count() -> None:
    """paragraphs counts the paragraphs a continued quote covers."""
    assert [s.paragraphs for s in scan(PARAGRAPHS[1].text).spans] == [3]
    assert [s.paragraphs for s in scan(PARAGRAPHS[2].text).spans] == [2, 1]


# --- Incises ----------------------------------------------------------------------------


class Split(NamedTuple):
    id: str
    text: str
    parts: tuple[tuple[str, ...], ...]  # per span: the parts around its incises
    incises: tuple[str, ...] = ()  # every incise, in order
    dialogue: bool = False


INCISES = [
    Split("style-guideline-example", "« Nous partons, a-t-il dit, demain. »",
          (("Nous partons,", "demain."),), ("a-t-il dit",)),
    Split("style-verb-then-subject",
          "« La situation est grave, a déclaré le ministre, mais nous la maîtrisons. »",
          (("La situation est grave,", "mais nous la maîtrisons."),),
          ("a déclaré le ministre",)),
    Split("style-present-inverted",
          "« Cet événement grave, ajoute-t-il, confirme ce que nous savons déjà. »",
          (("Cet événement grave,", "confirme ce que nous savons déjà."),),
          ("ajoute-t-il",)),
    Split("style-verb-and-object-after-incise",
          "« Le rapport, ajoute-t-il, confirme la fraude. »",
          (("Le rapport,", "confirme la fraude."),),
          ("ajoute-t-il",)),
    Split("style-reflexive-inverted",
          "« Trop tard, s'écria-t-elle, ils sont partis ! »",
          (("Trop tard,", "ils sont partis !"),), ("s'écria-t-elle",)),
    Split("lit-incise-with-manner",
          "« Trop tard ! fit-il en hochant la tête, trop tard ! »",
          (("Trop tard !", "trop tard !"),), ("fit-il en hochant la tête",)),
    Split("news-no-incise-in-relative-clause",
          "« Il est resté actif jusqu'au dernier moment, vivant chaque jour au maximum »",
          (("Il est resté actif jusqu'au dernier moment, vivant chaque jour au maximum",),)),
    Split("style-imperative-is-no-incise",
          "« Oui, demande à ta mère, elle le sait. »",
          (("Oui, demande à ta mère, elle le sait.",),)),
    Split("style-parenthetical-is-no-incise",
          "« Le projet, semble-t-il, est abandonné. »",
          (("Le projet, semble-t-il, est abandonné.",),)),
]


DIALOGUE = [
    Split("lit-inverted-pronoun",
          "— Tiens, dit-il, nous avons eu la même idée, celle d'inscrire notre nom dans nos "
          "couvre-chefs.",
          (("Tiens,", "nous avons eu la même idée, celle d'inscrire notre nom dans nos "
            "couvre-chefs."),), ("dit-il",), True),
    Split("lit-verb-then-name",
          "— J'en avais l'idée ! reprit Pécuchet, mais je n'osais pas vous le proposer !",
          (("J'en avais l'idée !", "mais je n'osais pas vous le proposer !"),),
          ("reprit Pécuchet",), True),
    Split("lit-trailing-incise-ends-the-turn",
          "— Tu es donc toute seule avec lui ? demanda le jeune garçon en désignant le "
          "chien.",
          (("Tu es donc toute seule avec lui ?",),), (), True),
    Split("lit-incise-ended-by-period",
          "— Viens ! viens ! disait-il. Laisse-le ! Il saura bien nous retrouver !",
          (("Viens ! viens !", "Laisse-le ! Il saura bien nous retrouver !"),),
          ("disait-il",), True),
    Split("lit-incise-ended-by-semicolon",
          "— Nullement, répondit celle-ci ; mais elle a toute sa mémoire.",
          (("Nullement,", "mais elle a toute sa mémoire."),), ("répondit celle-ci",), True),
    Split("lit-relative-clause-is-narration",
          "— Les papiers s'envoleraient ! s'écria Pécuchet, qui redoutait, en plus, les "
          "courants d'air.",
          (("Les papiers s'envoleraient !",),), (), True),
    Split("lit-adverb-before-subject",
          "— Eh ! l'homme, là-haut ! cria brusquement madame François.",
          (("Eh ! l'homme, là-haut !",),), (), True),
    Split("lit-en-dash-turn",
          "– Oui, bien las, murmura-t-il.",
          (("Oui, bien las,",),), (), True),
    Split("lit-inner-quote-in-turn",
          "— Il m'a dit « à demain », répondit-elle.",
          (("Il m'a dit « à demain »,",), ("à demain",)), (), True),
    # La morte amoureuse: an older dialogue opened with «, later turns with —, one final ».
    Split("lit-guillemet-dialogue",
          "« Vrai ! bien vrai ! dit-elle en m’enlaçant dans ses beaux bras. Tu seras mon "
          "amant.\n— Demain ! demain ! m’écriai-je dans mon délire.\n— Demain, soit ! "
          "reprit-elle. Adieu, cher cœur. » Et elle effleura mon front.",
          (("Vrai ! bien vrai !", "Tu seras mon amant."), ("Demain ! demain !",),
           ("Demain, soit !", "Adieu, cher cœur.")),
          ("dit-elle en m’enlaçant dans ses beaux bras", "reprit-elle")),
]


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in INCISES + DIALOGUE])
def test_incises(row: Split) -> None:
    """An incise inside a quote or a dialogue turn splits it into parts."""
    result = scan(row.text)
    parts = tuple(tuple(row.text[a:b] for a, b in split_incises(span, row.text))
                  for span in result.spans)
    assert parts == row.parts
    assert tuple(row.text[a:b] for span in result.spans for a, b in span.incises) == row.incises
    assert codes(result) == ()


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in DIALOGUE])
def test_dialogue_flag(row: Split) -> None:
    """A dash at the start of a paragraph opens a dialogue turn; marks inside it do not."""
    spans = scan(row.text).spans
    turns = [span.dialogue for span in spans]
    if row.dialogue:
        assert turns[0] and not any(s.dialogue for s in spans if s.open_mark in "«“")
    else:
        assert turns[0] is False  # the « of an older dialogue is a marked quote


def test_guillemet_dialogue_marks() -> None:
    """In a «-dialogue the first turn has no closing mark and the last one closes with »."""
    text = DIALOGUE[-1].text
    marks = [(s.open_mark, s.close_mark, s.dialogue) for s in scan(text).spans]
    assert marks == [("«", "", False), ("—", "", True), ("—", "»", True)]


NOT_DIALOGUE = [
    Example("news-dateline-dash",
            "13 décembre 2018. – Cette journée des « gilets jaunes » du jeudi 13 décembre "
            "2018 est la 27ème journée.",
            ("gilets jaunes",)),
    Example("news-dash-as-parenthesis",
            "Mai 68 a été le prétexte pour mettre un nom – « gauchisme » – sur un mauvais "
            "esprit.",
            ("gauchisme",)),
    Example("news-signature-line",
            "« Nous avons été en contact avec les Iraniens »\n\n— Jennifer Psaki, directrice "
            "de la communication de la Maison-Blanche\n\nPlus tard dans la journée, le "
            "Pentagone a confirmé.",
            ("Nous avons été en contact avec les Iraniens",)),
    Example("news-signature-line-with-period",
            "Les secours sont coordonnés sur place.\n\n— Barack Obama, Président des "
            "États-Unis d'Amérique.",
            ()),
    Example("lit-dash-before-guillemets",
            "C’était elle. — « Malheureux ! malheureux ! qu’as-tu fait ? » me dit-elle à "
            "voix basse ; puis elle disparut dans la foule.",
            ("Malheureux ! malheureux ! qu’as-tu fait ?",)),
    Example("style-dash-then-guillemets-at-paragraph-start",
            "— « Malheureux ! qu’as-tu fait ? » me dit-elle à voix basse.",
            ("Malheureux ! qu’as-tu fait ?",)),
]


@pytest.mark.parametrize("row", params(NOT_DIALOGUE))
def test_not_dialogue(row: Example) -> None:
    """Datelines, dashes inside a line and source lines under a quotation are no dialogue."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert not any(span.dialogue for span in result.spans)


# --- Broken typography -------------------------------------------------------------------

BROKEN = [
    Example("news-unclosed-at-paragraph-end",
            "Il le regrette, mais il n'est pas suicidaire : « il y a chez les gilets jaunes "
            "des professionnels du renversement de pouvoir. Il affirme que des Gilets jaunes "
            "veulent bloquer Matignon.\n\nVers 15h00, un « acte V » est annoncé.",
            ("il y a chez les gilets jaunes des professionnels du renversement de pouvoir. "
             "Il affirme que des Gilets jaunes veulent bloquer Matignon.", "acte V"),
            ("unclosed",)),
    Example("news-stray-close",
            "Vers 12h30, Benjamin Cauchy a appelé les manifestants à ne pas venir à Paris. "
            "La France des oubliés s’exprimera en région ».\n\nPlus tard, « rien » ne bouge.",
            ("rien",), ("stray-close",)),
    Example("style-guillemet-as-bullet",
            "Les revendications :\n\n« Hausse du SMIC\n\n- Baisse des taxes\n\nLe "
            "gouvernement parle de « dialogue ».",
            ("Hausse du SMIC", "dialogue"), ("unclosed",)),
    Example("style-mismatch",
            "« Nous partons demain ”, a déclaré Lavrov, avant de parler de « sanctions ».",
            ("Nous partons demain", "sanctions"), ("mismatch",)),
    Example("style-inner-left-open",
            "« Le gouvernement parle de “ dialogue, mais rien ne bouge », dit un élu.",
            ("Le gouvernement parle de “ dialogue, mais rien ne bouge",
             "dialogue, mais rien ne bouge"),
            ("unclosed",)),
    Example("style-odd-straight-quotes",
            "Il a crié \"Allah Akbar\" puis \"plus rien. Le procureur a parlé d'« attaque ».",
            ("Allah Akbar", "attaque"), ("unpaired",)),
    Example("style-empty-guillemets",
            "Le titre « » est resté vide, comme le champ \"\" du formulaire.",
            (), ("empty", "empty")),
    Example("style-unclosed-at-text-end",
            "Le ministre a conclu : « Nous resterons mobilisés",
            ("Nous resterons mobilisés",), ("unclosed",)),
    Example("style-unclosed-reopened-paragraphs-then-stop",
            "« Nous resterons mobilisés.\n\n« Nous ne céderons rien.\n\nLa séance est levée.",
            ("Nous resterons mobilisés.\n\n« Nous ne céderons rien.",), ("unclosed",)),
    # lit-train (aads-rd0730_1, sentences cut): a speech whose paragraphs each reopen
    # with «, its line breaks lost: each « starts the quote over (31 levels deep before)
    Example("lit-reopened-paragraphs-without-breaks",
            "XIII – Histoire du colonel Fougas, racontée par lui-même. «\u00a0N'espérez pas "
            "que j'émaille mon récit de ces fleurs plus agréables que solides, dont "
            "l'imagination se pare quelquefois pour farder la vérité. «\u00a0Je suis né de "
            "parents pauvres, mais honnêtes, au seuil de cette année féconde et glorieuse qui "
            "éclaira le Jeu de Paume d'une aurore de liberté. «\u00a0Un vieux ministre des "
            "autels, affranchi des liens ténébreux du fanatisme et réconcilié avec les "
            "institutions nouvelles de la France, fut mon Chiron et mon Mentor.",
            ("N'espérez pas que j'émaille mon récit de ces fleurs plus agréables que solides, "
             "dont l'imagination se pare quelquefois pour farder la vérité.",
             "Je suis né de parents pauvres, mais honnêtes, au seuil de cette année féconde "
             "et glorieuse qui éclaira le Jeu de Paume d'une aurore de liberté.",
             "Un vieux ministre des autels, affranchi des liens ténébreux du fanatisme et "
             "réconcilié avec les institutions nouvelles de la France, fut mon Chiron et mon "
             "Mentor."),
            ("unclosed", "unclosed", "unclosed")),
    # a same-mark quote that closes still nests in the unclosed one around it
    Example("style-unclosed-around-closed-same-mark",
            "Il a conclu : « Le président a dit « non » hier, et rien ne bouge",
            ("Le président a dit « non » hier, et rien ne bouge", "non"), ("unclosed",)),
    # issue 8, F1: every unclosed « nested in the one before, to the paragraph's end
    Example("hostile-unclosed-guillemets-with-words",
            "« a « b « c « d", ("a", "b", "c", "d"), ("unclosed",) * 4),
    Example("hostile-marks-alone-make-no-quote",
            "«««« “““ ‹‹ » ! «?»", (),
            ("unclosed",) * 5 + ("empty", "empty") + ("unclosed",) * 3),
    Example("hostile-same-mark-past-the-nesting-limit",
            "« ‹ « ‹ « ‹ « ‹ « ‹ x", ("‹ x", "x"), ("unclosed",) * 10),
    Example("hostile-nine-marks-deep-in-a-dialogue-turn",
            "— Oui, « un “ deux ‹ trois << quatre ‘cinq \" six ‟ sept „ huit, répondit Paul.",
            ("Oui, « un “ deux ‹ trois << quatre ‘cinq \" six ‟ sept „ huit,",
             "un “ deux ‹ trois << quatre ‘cinq \" six ‟ sept „ huit,",
             "deux ‹ trois << quatre ‘cinq \" six ‟ sept „ huit,",
             "trois << quatre ‘cinq \" six ‟ sept „ huit,", "quatre ‘cinq \" six ‟ sept „ huit,",
             "sept „ huit,"),
            ("too-deep", "unclosed", "unpaired", "unpaired") + ("unclosed",) * 4),
]


@pytest.mark.parametrize("row", params(BROKEN))
def test_broken_typography(row: Example) -> None:
    """Broken marks give diagnostics, never an exception, and the rest is still scanned."""
    result = scan(row.text)
    assert contents(row.text, result) == row.expected
    assert codes(result) == row.diagnostics


def test_unclosed_span_has_no_closing_mark() -> None:
    """A quote recovered without a closing mark ends where its content ends."""
    text = BROKEN[7].text
    (span,) = scan(text).spans
    assert (span.close_mark, span.close_end) == ("", span.end)
    (diagnostic,) = scan(text).diagnostics
    assert text[diagnostic.start : diagnostic.end] == "«"


# --- Kinds -------------------------------------------------------------------------------


class KindRow(NamedTuple):
    id: str
    text: str
    kinds: tuple[Kind, ...]


D, P, OTHER = Kind.DIRECT, Kind.PARTIAL, Kind.OTHER

KINDS = [
    pytest.param(KindRow("news-term-no-speech-verb",
                         "13 décembre 2018. – Cette journée des « gilets jaunes » du jeudi "
                         "13 décembre 2018 est la 27ème journée.", (OTHER,)), id="news-term"),
    pytest.param(KindRow("news-fragment-with-speech-verb",
                         MARKS[1].text, (P,)), id="news-fragment-with-speech-verb"),
    pytest.param(KindRow("news-fragments-after-que",
                         "Par ailleurs, il estime que « la liberté de la presse et la "
                         "démocratie doivent se faire dans les deux sens ».", (P,)),
                 id="news-long-fragment-after-que"),
    pytest.param(KindRow("seed-incise-after", MARKS[0].text, (D,)), id="seed-incise-after"),
    pytest.param(KindRow("news-after-colon",
                         "Vers 14h00, Benjamin Cauchy estime : « le temps du dialogue est "
                         "clairement venu ».", (D,)), id="news-after-colon"),
    pytest.param(KindRow("news-sentence-start",
                         "La séance est levée. « C'était la panique totale » dans le hall.",
                         (D,)), id="news-sentence-start"),
    pytest.param(KindRow("news-one-word-list",
                         "« Scandaleuse », « atteinte à la démocratie » : tels sont les mots "
                         "employés.", (P, P)), id="news-word-list"),
    pytest.param(KindRow("style-selon", "Le scrutin est « verrouillé », selon l'opposition.",
                         (P,)), id="style-selon"),
    pytest.param(KindRow("lit-dialogue", DIALOGUE[0].text, (D,)), id="lit-dialogue"),
    pytest.param(KindRow("seed-partial",
                         "Le renforcement du partenariat dans le contexte des «sanctions "
                         "illégales» imposées par les États-Unis a été mis en relief.", (P,)),
                 id="seed-partial"),
    # news-dev: gold "other" (a nickname); "désapprouve" is no longer taken for a cue
    # since the lexicon's stems accept only real verb endings.
    pytest.param(KindRow("news-nickname-next-to-cue",
                         "Aurélien Taché annule sa venue à cause de la présence de Maxime "
                         "Nicolle alias « Fly Rider » dont il désapprouve l'opinion.", (OTHER,)),
                 id="news-nickname-next-to-cue"),
]


@pytest.mark.parametrize("row", KINDS)
def test_kind_guess(row: KindRow) -> None:
    """Quotes that make their own sentence are direct; fragments are partial or other."""
    assert tuple(span.kind for span in scan(row.text).spans) == row.kinds


# --- Result objects ----------------------------------------------------------------------


def test_results_are_frozen_and_sorted() -> None:
    """Spans are frozen plain values, sorted by (start, -end)."""
    result = scan(NESTING[3].text)
    assert all(isinstance(span, MarkedSpan) for span in result.spans)
    keys = [(span.start, -span.end) for span in result.spans]
    assert keys == sorted(keys)
    with pytest.raises(AttributeError):
        result.spans[0].start = 0  # type: ignore[misc]
    assert scan(NESTING[3].text) == result


def test_empty_text() -> None:
    """An empty text has no span and no diagnostic."""
    assert scan("") == ScanResult((), ())
