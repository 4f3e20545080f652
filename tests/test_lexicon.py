"""The French language data (quotesnap.lexicon and quotesnap/data/*.txt).

Sources of the sentence rows: ``seed`` = ../shared/data/gold/seed.jsonl, ``news`` =
../shared/data/gold/news-dev.jsonl (Wikinews, CC BY 2.5), ``lit`` =
../shared/data/gold/lit-dev.jsonl (fr-litbank, CC BY-SA 4.0). The expected forms are the
gold ``cue`` of the quote in that sentence.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest

from quotesnap import lexicon

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "../shared/data/gold"
DATA_FILES = ("speech_verbs.txt", "speech_cues.txt", "titles.txt", "roles.txt",
              "pronouns.txt", "words.txt")


class Example(NamedTuple):
    id: str
    text: str
    expected: tuple[str, ...]  # forms the pre-filter must find (it may find more)


def params(rows: list[Example]) -> list[object]:
    return [pytest.param(row, id=row.id) for row in rows]


def found(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group() for m in pattern.finditer(text)]


# --- The speech-verb pre-filter on real sentences ----------------------------------------

VERB_FORMS = params([
    Example("seed-incise-declare",
            "«Nous considérons que ces actions sont totalement inacceptables», a déclaré "
            "Lavrov.",
            ("déclaré",)),
    Example("news-dit-que",
            "Vers 9h00, Jacline Mouraud a dit qu'il est temps d'arrêter d'être sur les "
            "ronds-points mais qu'il faut « continuer le combat » en allant à la rencontre "
            "des élus et des membres du gouvernement.",
            ("dit",)),
    Example("news-twitte-anglicism",
            "Laurent Berger, le leader de la CFDT, a twitté que la CFDT s’oppose à ce que "
            "« immigration et identité profonde, pourtant sans lien à la crise actuelle, "
            "fasse partie des 5 thèmes de discussion ».",
            ("twitté",)),
    Example("news-participle-cedilla",
            "Vers 19h10, à Besançon (Doubs), des Gjs ont interrompu le conseil municipal, "
            "dénonçant notamment les violences policières.",
            ("interrompu", "dénonçant")),
    Example("news-incise-imperfect-cedilla",
            "Il y traite de l’art de vivre à Paris comme en province, parce que « le "
            "parisianisme se décentralise », annonçait-il dans son premier billet "
            "introductif.",
            ("annonçait",)),
    Example("news-capitalised-participle",
            "Soulignant la passivité à la capacité des jeunes à rester chez eux dans leurs "
            "« canapés », le pape les as encouragés.",
            ("Soulignant", "encouragés")),
    Example("news-reconnaitre-irregular",
            "Le Syctom, quant à lui, n’a confirmé que le blocage de l’usine d’Ivry-sur-Seine, "
            "qui dure depuis le 30 mai, reconnaissant cependant que le mouvement avait "
            "tendance à s’étendre.",
            ("confirmé", "reconnaissant")),
    Example("news-qualifier-estimer",
            "La gardienne de l'équipe américaine a qualifié ses adversaires victorieuses de "
            "« bande de lâches » estimant que les « Suédoises n'ont rien essayé, »",
            ("qualifié", "estimant")),
    Example("news-sous-entendre-hyphen",
            "Comme le sous-entend al-Joulani, c'est dans le but d'éviter ce rapprochement.",
            ("sous-entend",)),
    Example("news-averti-second-group",
            "Le Premier ministre, Binali Yildirim, dénonce une tentative de coup d'État par un "
            "groupe de militaires et averti que ceux impliqués dans cette action « illégale » "
            "paieront « le prix le plus élevé ».",
            ("dénonce", "averti")),
    Example("news-disent-closed-endings",
            "Les pirates, que certains médias disent à chercher en Russie.",
            ("disent",)),
    Example("lit-reprit-passe-simple",
            "— J'en avais l'idée ! reprit Pécuchet, mais je n'osais pas vous le proposer !",
            ("reprit",)),
    Example("lit-s-ecria-reflexive",
            "— Les papiers s'envoleraient ! s'écria Pécuchet, qui redoutait, en plus, les "
            "courants d'air.",
            ("écria", "redoutait")),
    Example("lit-m-ecriai-first-person",
            "— Demain ! demain ! m’écriai-je dans mon délire.",
            ("écriai",)),
    Example("lit-murmura-t-il",
            "— Oui, bien las, murmura-t-il.",
            ("murmura",)),
    Example("lit-repliqua-ajoutant",
            "— C'est mon parrain, répliqua Bouvard négligemment, ajoutant qu'il s'appelait de "
            "ses noms de baptême François-Denys-Bartholomée.",
            ("répliqua", "ajoutant", "appelait")),
    Example("lit-repondit-colon",
            "Douce hésita, baissa la tête et répondit :",
            ("répondit",)),
    Example("lit-se-disait",
            "— Hélas ! se disait la voyageuse, j'ai habité plusieurs jours cette même chambre.",
            ("disait",)),
    Example("lit-balbutia",
            "Les lèvres tremblantes, elle bravait du regard l'officier qui riait toujours, et "
            "elle balbutia, d'une voix étranglée de colère : « Ça, ça, ça n'est pas vrai ! »",
            ("riait", "balbutia")),
    Example("lit-vociferant",
            "Les autres saisirent leurs verres en vociférant : « Vive la Prusse ! »",
            ("vociférant",)),
])
VERB_FORMS.append(pytest.param(
    Example("lit-fit-il", "« Trop tard ! fit-il en hochant la tête, trop tard ! »", ("fit",)),
    id="lit-fit-il",
    marks=pytest.mark.xfail(strict=True, reason="faire is a cue only in multi-word cues "
                                                "(faire valoir): « fit-il » is not in the "
                                                "single-verb pre-filter"),
))


@pytest.mark.parametrize("row", VERB_FORMS)
def test_verb_forms_regex_finds_gold_cues(row: Example) -> None:
    """The speech-verb pre-filter finds the gold cue form of each real sentence."""
    matches = found(lexicon.speech_verb_forms_regex(), row.text)
    assert [form for form in row.expected if form not in matches] == []


NOT_VERBS = [
    Example("news-discours-directeur", "Le directeur a prononcé un discours dimanche.",
            ("prononcé",)),
    Example("news-croissance", "La croissance de la Chine ralentit, croit-il.", ("croit",)),
    Example("news-emeute-administration",
            "L'administration parle d'une émeute.", ("parle",)),
]


@pytest.mark.parametrize("row", params(NOT_VERBS))
def test_closed_endings_keep_frequent_nouns_out(row: Example) -> None:
    """Stems with closed endings (dire, croire, admettre, s'émouvoir) skip the frequent
    nouns that share their first letters (discours, croissance, administration, émeute)."""
    assert found(lexicon.speech_verb_forms_regex(), row.text) == list(row.expected)


def test_verb_forms_regex_is_case_insensitive_and_whole_word() -> None:
    """Forms match in any case, as whole words, and not inside a longer word."""
    pattern = lexicon.speech_verb_forms_regex()
    assert found(pattern, "DÉCLARE-T-IL. Écrit-elle.") == ["DÉCLARE", "Écrit"]
    assert found(pattern, "redit prédit contredit") == ["redit", "prédit", "contredit"]
    assert found(pattern, "disque dimanche discuter") == []  # dire has closed endings


# --- Multi-word cues and prepositions ------------------------------------------------------

MULTIWORD = [
    Example("news-mettent-en-avant",
            "Ils mettent en avant le fait que « 40 % des crimes graves » sont commis en "
            "famille.",
            ("mettent en avant",)),
    Example("news-mettait-meme-en-avant",
            "La première version du texte mettait même en avant la « préservation des "
            "valeurs traditionnelles ».",
            ("mettait même en avant",)),
    Example("seed-passive-mis-en-relief",
            "Le renforcement du partenariat dans le contexte des «sanctions illégales» "
            "imposées par les États-Unis a été mis en relief.",
            ("mis en relief",)),
    Example("style-a-fait-valoir",
            "Le ministre a fait valoir que les sanctions étaient illégales.",
            ("fait valoir",)),
    Example("style-donne-l-assurance",
            "Il a donné l’assurance que le site resterait ouvert.",
            ("donné l’assurance",)),
    Example("style-s-en-est-pris",
            "Le député s'en est pris aux syndicats.",
            ("en est pris aux",)),
    Example("lit-prit-la-parole",
            "Un monsieur, qui voulait évidemment m'instruire, prit la parole : « Oui et non. »",
            ("prit la parole",)),
]


@pytest.mark.parametrize("row", params(MULTIWORD))
def test_multiword_cue_regex(row: Example) -> None:
    """Multi-word cues are found with any form of their head verb and an adverb between."""
    assert found(lexicon.multiword_cue_regex(), row.text) == list(row.expected)


def test_multiword_cue_regex_ignores_faire_partie() -> None:
    """« fait partie de » (belongs to) is not the cue « faire part de » (announce)."""
    assert found(lexicon.multiword_cue_regex(), "Il fait partie du gouvernement.") == []


PREPOSITIONS = [
    Example("news-selon", "Selon le ministère de l’Intérieur, 6600 gilets jaunes ont "
            "manifesté.", ("Selon",)),
    Example("news-d-apres-typographic", "D’après la police, le rassemblement est calme.",
            ("D’après",)),
    Example("news-pour-initial", "Pour le ministre, la réforme est juste.", ("Pour",)),
    Example("news-pour-after-sentence",
            "Le texte est voté. Pour l'opposition, c'est une erreur.", ("Pour",)),
    Example("news-pour-not-initial", "Il a voté pour le ministre.", ()),
    Example("style-aux-yeux-du", "Aux yeux du gouvernement, la grève est illégale.",
            ("Aux yeux du",)),
]


@pytest.mark.parametrize("row", params(PREPOSITIONS))
def test_source_preposition_regex(row: Example) -> None:
    """Source prepositions are found, « pour » only at the start of a sentence."""
    assert found(lexicon.source_preposition_regex(), row.text) == list(row.expected)


def test_any_cue_regex_finds_the_three_kinds() -> None:
    """The combined pre-filter finds a verb form, a multi-word cue and a preposition."""
    text = "Selon lui, ils ont mis en garde. Il a déclaré."
    assert found(lexicon.any_cue_regex(), text) == ["Selon", "mis en garde", "déclaré"]


def test_source_prepositions_listed() -> None:
    """selon, d'après, pour and the phrasal ones are source prepositions; pour is initial."""
    assert {"selon", "d'après", "pour", "de l'avis de", "aux yeux de", "à en croire"} <= (
        lexicon.source_prepositions())
    pour = lexicon.source_preposition("Pour")
    assert pour is not None and pour.initial_only
    selon = lexicon.source_preposition("D’après")
    assert selon is not None and not selon.initial_only


def test_multiword_cues_are_lemma_sequences() -> None:
    """Multi-word cues are given as UD lemma sequences (articles as « le », « un »)."""
    cues = lexicon.multiword_cues()
    for cue in [("faire", "valoir"), ("mettre", "en", "garde"), ("prendre", "le", "parole"),
                ("donner", "le", "assurance"), ("rendre", "compte"), ("lancer", "un", "appel"),
                ("tenir", "à", "préciser"), ("faire", "état"), ("faire", "part")]:
        assert cue in cues
    assert len(set(cues)) == len(cues)


# --- The lexicon itself ----------------------------------------------------------------------


def test_at_least_150_lemmas() -> None:
    """The speech-verb lexicon has at least 150 lemmas, in every class."""
    verbs = lexicon.speech_verbs()
    assert len(verbs) >= 150
    assert {v.cls for v in verbs.values()} == lexicon.CLASSES


@pytest.mark.parametrize("lemma", ["admettre", "croire", "rappeler", "trouver", "lancer",
                                   "juger", "souligner", "jurer", "estimer", "conclure"])
def test_ambiguous_verbs_are_flagged_with_a_reason(lemma: str) -> None:
    """Verbs with a frequent non-speech sense are flagged ambiguous and say why."""
    verb = lexicon.speech_verbs()[lemma]
    assert verb.ambiguous and verb.note


def test_admettre_note_names_the_hospital_sense() -> None:
    """admettre is ambiguous because of « admis à l'hôpital »."""
    assert "hôpital" in lexicon.speech_verbs()["admettre"].note


@pytest.mark.parametrize("lemma", ["voir", "vouloir", "savoir", "faire", "mettre"])
def test_non_speech_verbs_are_left_out(lemma: str) -> None:
    """Perception, wishing and multi-word heads are not speech verbs on their own."""
    assert not lexicon.is_speech_lemma(lemma)


@pytest.mark.parametrize("lemma", ["s'écrier", "s'exclamer", "s'interroger", "se réjouir",
                                   "s'inquiéter", "se féliciter", "s'étonner", "se demander",
                                   "s'exprimer", "s'indigner", "se dire"])
def test_reflexive_verbs_are_flagged(lemma: str) -> None:
    """Pronominal verbs are listed with their pronoun and flagged reflexive."""
    verb = lexicon.speech_verbs()[lemma]
    assert verb.reflexive
    assert verb.bare == lemma.split("'")[-1].split()[-1]


def test_speech_verb_prefers_the_reflexive_entry_when_asked() -> None:
    """« se dire » and « dire » are two entries; the parse's clitic picks one."""
    plain = lexicon.speech_verb("dire")
    reflexive = lexicon.speech_verb("dire", reflexive=True)
    assert plain is not None and not plain.reflexive
    assert reflexive is not None and reflexive.lemma == "se dire"
    assert lexicon.speech_verb("écrier") == lexicon.speech_verb("s’écrier")
    assert lexicon.speech_verb("voir") is None


@pytest.mark.parametrize(("lemma", "stems"), [
    ("déclarer", ("déclar(ER)",)),
    ("annoncer", ("annonc(ER)", "annonç(ER)")),
    ("exiger", ("exig(ER)", "exige(ER)")),
    ("révéler", ("révél(ER)", "révèl(ER)")),
    ("relever", ("relev(ER)", "relèv(ER)")),
    ("appeler", ("appel(ER)", "appèl(ER)", "appell(ER)")),
    ("employer", ("employ(ER)", "emploi(ER)")),
])
def test_regular_er_stems_are_derived(lemma: str, stems: tuple[str, ...]) -> None:
    """-er verbs get their stem from the infinitive, with ç, ge, è, doubled and i
    variants, and the endings of the first conjugation."""
    assert lexicon.speech_verbs()[lemma].stems == stems


@pytest.mark.parametrize("form", ["annonçâmes", "exigeait", "révélerait", "relèvent",
                                  "appellera", "emploie", "déclarassent", "rappelées"])
def test_regular_er_forms_are_found(form: str) -> None:
    """Every form of the first conjugation is found, spelling changes included."""
    assert lexicon.speech_verb_forms_regex().fullmatch(form)


@pytest.mark.parametrize("word", ["prix", "prison", "notamment", "notre", "contre",
                                  "crise", "niveau", "public"])
def test_regular_er_stems_skip_nouns(word: str) -> None:
    """Closed endings keep out the nouns that begin like a short -er stem (prier, noter,
    crier, nier, publier)."""
    assert lexicon.lemmas_for_form(word) == ()


@pytest.mark.parametrize(("form", "lemmas"), [
    ("annonça", ("annoncer",)),
    ("révèle", ("révéler",)),
    ("Répondit", ("répondre",)),
    ("admis", ("admettre",)),
    ("écria", ("écrire", "s'écrier")),
    ("administration", ()),
])
def test_lemmas_for_form(form: str, lemmas: tuple[str, ...]) -> None:
    """An inflected form leads back to the lemmas whose stems match it."""
    assert lexicon.lemmas_for_form(form) == lemmas


# The cue lemmas of ../shared/data/gold/news-dev.jsonl (every cue that is a verb).
NEWS_DEV_CUE_LEMMAS = [
    "affirmer", "afficher", "ajouter", "annoncer", "appeler", "avertir", "communiquer",
    "confier", "confirmer", "considérer", "constater", "déclarer", "demander", "dénoncer",
    "dire", "écrire", "employer", "encourager", "estimer", "évoquer", "exhorter",
    "expliquer", "indiquer", "insister", "juger", "menacer", "poursuivre", "préciser",
    "promettre", "proposer", "qualifier", "recommander", "reconnaître", "remercier",
    "révéler", "souligner", "sous-entendre", "théoriser", "twitter",
]


@pytest.mark.parametrize("lemma", NEWS_DEV_CUE_LEMMAS)
def test_news_dev_cue_lemmas_are_speech_lemmas(lemma: str) -> None:
    """Every verb lemma behind a news-dev gold cue is in the lexicon."""
    assert lexicon.is_speech_lemma(lemma)
    assert lexicon.is_speech_lemma(lemma.upper())


def test_every_news_dev_cue_form_is_found() -> None:
    """Every news-dev gold cue that is a verb is found by the pre-filters, alone or in a
    multi-word cue (« mettent en avant »); selon, d'après, pour and the colon are
    prepositions or punctuation."""
    missed = []
    for line in (GOLD / "news-dev.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        for quote in doc["quotes"]:
            cue = quote["cue"]
            if cue is None or cue["text"].lower() in ("selon", "d'après", "d’après", "pour",
                                                      ":"):
                continue
            start, end = cue["start"], cue["end"]
            window = lexicon.any_cue_regex().finditer(text, max(0, start - 40), end + 40)
            if not any(m.start() < end and m.end() > start for m in window):
                missed.append(cue["text"])
    assert missed == []


# --- Data files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_have_a_documented_format(name: str) -> None:
    """Each data file opens with comment lines that describe its format."""
    text = resources.files("quotesnap").joinpath("data").joinpath(name).read_text("utf-8")
    head = text.splitlines()[:5]
    assert head and all(line.startswith("#") for line in head if line)


def test_every_data_line_parses() -> None:
    """Every line of every data file parses (the loaders raise on a bad line or a
    duplicate key), and comments and blank lines are ignored."""
    assert lexicon.speech_verbs() and lexicon.multiword_cues() and lexicon.titles()
    assert lexicon.role_nouns() and lexicon.group_nouns() and lexicon.non_source_pronouns()
    assert all("#" not in v.lemma and v.lemma.strip() == v.lemma
               for v in lexicon.speech_verbs().values())


def test_no_duplicate_lemma_in_speech_verbs_file() -> None:
    """No lemma is listed twice in speech_verbs.txt (read independently of the loader)."""
    data = resources.files("quotesnap").joinpath("data")
    text = data.joinpath("speech_verbs.txt").read_text("utf-8")
    lemmas = [line.split("#")[0].split("|")[0].strip() for line in text.splitlines()]
    lemmas = [lemma for lemma in lemmas if lemma]
    assert len(lemmas) == len(set(lemmas)) == len(lexicon.speech_verbs())


def test_a_bad_line_is_a_clear_error() -> None:
    """A malformed data line raises DataFileError naming the file and line, and the error
    is both a QuotesnapError and a ValueError."""
    from quotesnap.errors import QuotesnapError

    line = lexicon._Line("speech_verbs.txt", 12, ("dire",), "")
    error = line.error("something is wrong")
    assert isinstance(error, QuotesnapError) and isinstance(error, ValueError)
    assert "speech_verbs.txt, line 12" in str(error)


# --- Titles, roles, pronouns --------------------------------------------------------------


@pytest.mark.parametrize("word", ["M.", "Mme", "Mlle", "Me", "Dr", "Pr", "Mgr", "Monsieur",
                                  "madame", "général", "président"])
def test_titles(word: str) -> None:
    """Honorific titles are recognised as written."""
    assert lexicon.is_title(word)
    assert word.lower() in lexicon.titles()


def test_title_abbreviations_are_case_sensitive() -> None:
    """« Me » (maître) is a title; the pronoun « me » is not; Mme marks the feminine."""
    assert not lexicon.is_title("me")
    assert lexicon.title_gender("Mme") == "Fem"
    assert lexicon.title_gender("M.") == "Masc"
    assert lexicon.title_gender("Dr") == ""
    assert lexicon.title_gender("Lavrov") is None


@pytest.mark.parametrize(("lemma", "gender"), [
    ("ministre", ""), ("porte-parole", ""), ("directrice", "Fem"), ("directeur", "Masc"),
    ("président", "Masc"), ("maire", ""), ("gardienne", "Fem"), ("député", "Masc"),
    ("juge", ""), ("avocat", "Masc"), ("procureur", "Masc"), ("pape", "Masc"),
    ("chef", ""),
])
def test_role_nouns_with_gender(lemma: str, gender: str) -> None:
    """Role nouns refer to people, with the gender the noun marks (empty if epicene)."""
    assert lexicon.role_nouns()[lemma] == gender


def test_about_150_role_nouns() -> None:
    """There are about 150 role nouns and every gender is Masc, Fem or empty."""
    roles = lexicon.role_nouns()
    assert len(roles) >= 150
    assert set(roles.values()) <= {"Masc", "Fem", ""}


@pytest.mark.parametrize("lemma", ["gouvernement", "mairie", "ministère", "autorité", "police",
                                   "parquet", "armée"])
def test_group_nouns(lemma: str) -> None:
    """Organisations that speak are group nouns, not role nouns."""
    assert lemma in lexicon.group_nouns()
    assert lemma not in lexicon.role_nouns()
    assert lexicon.noun_gender(lemma) in ("Masc", "Fem")


@pytest.mark.parametrize(("word", "person", "gender", "plural"), [
    ("il", 3, "Masc", False), ("Elle", 3, "Fem", False), ("ils", 3, "Masc", True),
    ("elles", 3, "Fem", True), ("lui", 3, "Masc", False), ("eux", 3, "Masc", True),
    ("celui-ci", 3, "Masc", False), ("ce dernier", 3, "Masc", False),
    ("cette dernière", 3, "Fem", False), ("je", 1, "", False), ("j’", 1, "", False),
    ("vous", 2, "", None), ("on", 3, "", False),
])
def test_pronoun_features(word: str, person: int, gender: str, plural: bool | None) -> None:
    """Pronouns carry person, gender and number."""
    p = lexicon.pronoun(word)
    assert p is not None
    assert (p.person, p.gender, p.plural) == (person, gender, plural)


@pytest.mark.parametrize("word", ["moi", "toi", "nous", "vous", "me", "m’", "je"])
def test_selon_moi_pronouns_are_not_sources(word: str) -> None:
    """« selon moi », « pour nous »: first and second persons are the author's view."""
    assert word in lexicon.non_source_pronouns()


@pytest.mark.parametrize("word", ["lui", "elle", "eux", "elles", "il", "celui-ci"])
def test_third_person_pronouns_are_sources(word: str) -> None:
    """« selon lui », « pour elle »: third persons report someone's view."""
    assert word not in lexicon.non_source_pronouns()


def test_pronoun_of_an_ordinary_word_is_none() -> None:
    """Words that are not pronouns have no pronoun features."""
    assert lexicon.pronoun("Lavrov") is None


# --- Word lists (data/words.txt) -----------------------------------------------------------


def _words_file() -> str:
    return resources.files("quotesnap").joinpath("data").joinpath("words.txt").read_text("utf-8")


def _raw_sections() -> dict[str, list[str]]:
    """The entries of words.txt by section, read independently of the loader."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _words_file().splitlines():
        body = line.partition("#")[0].strip()
        if body.startswith("[") and body.endswith("]"):
            current = body[1:-1]
            sections[current] = []
        elif body:
            sections[current].append(body)
    return sections


WORD_SECTIONS = sorted(_raw_sections())


def test_words_file_has_the_sections_the_code_reads() -> None:
    """Every ``lexicon.words("…")`` in the code names a section of words.txt, and every
    section is read somewhere (no dead list)."""
    code = "\n".join(path.read_text("utf-8") for path in (ROOT / "quotesnap").glob("*.py"))
    # read as lexicon.words("…"), or through a local helper that passes the name on
    # (dialogue.py's alternatives("…"))
    used = set(re.findall(r"\b(?:words|alternatives)\(\s*\"([a-z-]+)\"\s*\)", code))
    assert used == set(WORD_SECTIONS)


@pytest.mark.parametrize("section", WORD_SECTIONS)
def test_every_word_section_parses_and_is_not_empty(section: str) -> None:
    """Each section of words.txt loads as a non-empty set of words without « # »,
    « | » or stray spaces."""
    words = lexicon.words(section)
    assert words
    assert all(w == " ".join(w.split()) and "#" not in w and "|" not in w for w in words)


@pytest.mark.parametrize("section", WORD_SECTIONS)
def test_no_duplicate_word_in_a_section(section: str) -> None:
    """No entry repeats within a section of words.txt, and each elided entry is loaded
    with both apostrophes (read independently of the loader)."""
    entries = _raw_sections()[section]
    assert len(entries) == len(set(entries))
    elided = [e for e in entries if "'" in e]
    assert len(lexicon.words(section)) == len(entries) + len(elided)


@pytest.mark.parametrize("section", WORD_SECTIONS)
def test_every_word_section_is_explained(section: str) -> None:
    """A comment block of at least two lines stands right above each [section] line."""
    lines = _words_file().splitlines()
    at = lines.index(f"[{section}]")
    above = lines[max(0, at - 2):at]
    assert len(above) == 2 and all(line.startswith("# ") for line in above)


def test_words_file_writes_the_straight_apostrophe() -> None:
    """The data file writes elisions with ' only; the loader adds the typographic ’."""
    assert "’" not in "".join(e for entries in _raw_sections().values() for e in entries)


@pytest.mark.parametrize(("section", "word", "member"), [
    pytest.param("object-clitics", "s’", True, id="clitic-s-typographic"),  # s’est réjoui
    pytest.param("object-clitics", "il", False, id="clitic-not-subject-il"),
    pytest.param("impersonal-verbs", "falloir", True, id="impersonal-il-faut"),
    pytest.param("impersonal-verbs", "y avoir", True, id="impersonal-il-y-a"),
    pytest.param("impersonal-verbs", "déclarer", False, id="impersonal-not-declarer"),
    pytest.param("fact-subjects", "c’", True, id="fact-c-est"),
    pytest.param("relative-pronouns", "qui", True, id="relative-qui"),
    pytest.param("saying-nouns", "déclaration", True, id="saying-selon-les-declarations"),
    pytest.param("saying-nouns", "ministre", False, id="saying-not-ministre"),
    pytest.param("after-quote-nouns", "mot", True, id="after-tels-sont-les-mots"),
    pytest.param("no-source-subjects", "personne", True, id="nobody-personne-ne-dit"),
    pytest.param("content-prepositions", "d’", True, id="content-parlent-d-epidemie"),
    pytest.param("complement-openers", "leurs", True, id="opener-annonce-leurs-mesures"),
    pytest.param("not-infinitives", "hier", True, id="not-infinitive-a-declare-hier"),
    pytest.param("incise-openers", "comme", True, id="incise-comme-l-indique"),
    pytest.param("clause-breaks", "tandis", True, id="break-tandis-que"),
    pytest.param("time-nouns", "matin", True, id="time-ce-matin"),
    pytest.param("organisation-nouns", "compagnie", True, id="org-la-compagnie"),
    pytest.param("description-stopwords", "dans", True, id="stop-dans"),
    pytest.param("never-names", "quelquefois", True, id="never-quelquefois-bouvard"),
    pytest.param("determiners", "l’", True, id="determiner-l-typographic"),
    pytest.param("name-particles", "al-", True, id="particle-al-joulani"),
    pytest.param("complement-prepositions", "des", True, id="complement-des-affaires"),
    pytest.param("demonstrative-mentions", "ce dernier", True, id="demonstrative-ce-dernier"),
    pytest.param("subordinators", "lorsqu’", True, id="subordinator-lorsqu-typographic"),
    pytest.param("abbreviations", "J.-C", True, id="abbrev-av-jc"),
    pytest.param("abbreviations", "me", False, id="abbrev-case-sensitive-me"),
    pytest.param("plural-in-aux", "journal", True, id="plural-journaux"),
])
def test_word_lists(section: str, word: str, member: bool) -> None:
    """The word lists hold the words their comments cite, and not their neighbours."""
    assert (word in lexicon.words(section)) is member


def test_unknown_word_section_is_a_clear_error() -> None:
    """Asking for a section words.txt does not have raises DataFileError naming the
    file, the section and the sections it has; it is a QuotesnapError and a ValueError."""
    from quotesnap.errors import QuotesnapError

    with pytest.raises(lexicon.DataFileError) as info:
        lexicon.words("speech-verbs")
    assert isinstance(info.value, QuotesnapError) and isinstance(info.value, ValueError)
    message = str(info.value)
    assert "quotesnap/data/words.txt" in message and "[speech-verbs]" in message
    assert "saying-nouns" in message
    with pytest.raises(lexicon.DataFileError):
        lexicon.words("")  # the lines before the first section header are not a list


# --- Laziness -------------------------------------------------------------------------------

# A fresh interpreter that records every quotesnap data file it opens; the script calls
# ``report()`` to print how many were opened so far.
_AUDIT = """
import importlib, os, sys
opened = []
def hook(event, args):
    if event == "open" and "quotesnap" in str(args[0]) and ".txt" in str(args[0]):
        opened.append(str(args[0]))
sys.addaudithook(hook)
def report():
    print(len(opened), *(os.path.basename(path) for path in opened))
"""


def _files_opened(script: str) -> list[str]:
    """What ``report()`` printed, line by line, when ``script`` ran under the audit hook."""
    proc = subprocess.run([sys.executable, "-c", _AUDIT + textwrap.dedent(script)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_importing_the_lexicon_reads_no_file() -> None:
    """Importing quotesnap.lexicon opens none of the data files; the first call does."""
    assert _files_opened("""
        import quotesnap.lexicon as lexicon
        report()
        lexicon.speech_verbs()
        report()
    """) == ["0", "1 speech_verbs.txt"]


def test_importing_quotesnap_reads_no_word_list() -> None:
    """Importing quotesnap and every module of the pipeline opens no data file; the
    first ``lexicon.words`` call reads words.txt once, later calls read nothing."""
    assert _files_opened("""
        import quotesnap
        for name in ("attribute", "candidates", "extract", "indirect", "lexicon",
                     "resolve", "cli", "output"):
            importlib.import_module("quotesnap." + name)
        report()
        lexicon = importlib.import_module("quotesnap.lexicon")
        lexicon.words("saying-nouns")
        lexicon.words("time-nouns")
        report()
    """) == ["0", "1 words.txt"]
