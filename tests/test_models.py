"""The learned decisions: their models, their features on hand-built trees and real
sentences, their labels from the gold, and their retraining.

The features are what a reviewer reads to know what a model can see; these tests pin
them on inputs whose answer is plain: the trees are written by hand (no parser), the
texts are sentences of ../shared/data/gold/news-train.jsonl.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotesnap
from quotesnap.errors import DataFileError
from quotesnap.extract import prepare
from quotesnap.kinds import kind_features, sentence_of
from quotesnap.models import (
    DECISIONS,
    GENRE_MODELS,
    Instance,
    LinearModel,
    Models,
    genre_features,
    genre_instance,
)
from quotesnap.parse import Token
from quotesnap.ranking import candidate_features, choose_source, none_features
from quotesnap.resolve import Mention, Resolver, link_features, mention_from_tokens
from quotesnap.rules import RULES, Attribution
from quotesnap.scan import scan
from quotesnap.training import label, same_source
from tests import test_rules
from tests.conftest import read_gold
from tests.trees import tree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

INCISE = tree(test_rules.INCISE)  # « Q », a déclaré Lavrov. (the seed article)


# Selon Moscou, « Q ».
SELON = tree("""
Selon selon ADP 2 case
Moscou Moscou PROPN 5 obl
, , PUNCT 2 punct
« « PUNCT 5 punct
Q Q NOUN 0 root
» » PUNCT 5 punct
. . PUNCT 5 punct
""")


# -- the linear model --------------------------------------------------------------------


def test_untrained_model_is_uniform() -> None:
    """A model with no weights gives every class, and every ranked option, the same
    probability."""
    model = LinearModel.untrained("kind", ("direct", "partial", "other"))
    probs = model.probabilities({"anything": 1.0})
    assert probs == pytest.approx({"direct": 1 / 3, "partial": 1 / 3, "other": 1 / 3})
    assert LinearModel.untrained("source").rank([{"a": 1.0}, {"b": 1.0}]) == [0.5, 0.5]


def test_weights_decide_and_round_trip_through_json() -> None:
    """The class with the heavier features wins; the JSON form reads back equal."""
    model = LinearModel("kind", ("direct", "partial", "other"),
                        {"direct": {"final-punct": 2.0}, "partial": {}, "other": {"title": 3.0}},
                        {"direct": 0.0, "partial": 0.5, "other": -1.0})
    assert model.best({"final-punct": 1.0})[0] == "direct"
    assert model.best({"title": 1.0})[0] == "other"
    assert model.best({})[0] == "partial"
    again = LinearModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model


def test_rank_is_a_softmax_of_yes_scores() -> None:
    """A ranking decision's probabilities sum to one and follow the ``yes`` scores."""
    model = LinearModel("source", ("no", "yes"), {"no": {}, "yes": {"rule=incise": 2.0}},
                        {"no": 0.0, "yes": 0.0})
    probs = model.rank([{"rule=incise": 1.0}, {"rule=none": 1.0}])
    assert sum(probs) == pytest.approx(1.0)
    assert probs[0] > 0.85


def test_malformed_weights_file_is_a_data_file_error() -> None:
    """A weights file without its classes says which file and how to fix it."""
    with pytest.raises(DataFileError, match="retrain"):
        LinearModel.from_json({"name": "kind", "weights": {}}, where="kind.json")


def test_packaged_models_are_every_decision() -> None:
    """The package ships the weights of every decision, with the classes it expects."""
    models = Models.packaged()
    for name, classes in DECISIONS.items():
        assert getattr(models, name).classes == classes


def test_a_genre_reads_its_own_weights() -> None:
    """A model for fiction reads the weights of the prefixed features, news the others:
    one file, two weight vectors that never meet."""
    model = LinearModel("entity", ("no", "yes"),
                        {"no": {}, "yes": {"rank<=0": 2.0, "fiction:rank<=0": -2.0}},
                        {"no": 0.0, "yes": 0.0})
    options = [{"rank<=0": 1.0}, {"rank<=1": 1.0}]
    assert model.rank(options)[0] > 0.85
    assert model.for_genre("fiction").rank(options)[0] < 0.15
    assert genre_features({"rank<=0": 1.0}, "fiction") == {"fiction:rank<=0": 1.0}
    assert genre_features({"rank<=0": 1.0}, "news") == {"rank<=0": 1.0}
    models = Models.packaged()
    fiction = models.for_genre("fiction")
    assert {n for n in DECISIONS if getattr(fiction, n).genre} == GENRE_MODELS
    assert models.for_genre("news") is models


def test_genre_instance_prefixes_only_the_split_decisions() -> None:
    """For training, the decisions learned apart get their features prefixed; the others
    (the turn-taking of fiction, the report decision of news) are left as they are."""
    opts = (("Lavrov", {"rank<=0": 1.0}),)
    assert genre_instance(Instance("entity", "d", (0, 1), opts), "fiction").options == (
        ("Lavrov", {"fiction:rank<=0": 1.0}),)
    turn = Instance("turn", "d", (0, 1), opts)
    assert genre_instance(turn, "fiction") is turn
    assert genre_instance(Instance("entity", "d", (0, 1), opts), "news").options == opts


@pytest.mark.parametrize("gold, doc_id, genre", [
    ("lit-train", "aads-rd0127_1", "fiction"),  # dialogue typed with « -- »
    ("lit-train", "aads-madame_bovary__troisième_10", "fiction"),
    ("news-train", "wn-2017_01_31-003", "news"),  # « répondra » three times: not a novel
    ("news-train", "wn-2016_05_04-002", "news"),  # « affirmait », « résumait »
])
def test_decisions_are_learned_under_the_texts_genre(extractor: quotesnap.Extractor,
                                                     gold: str, doc_id: str,
                                                     genre: str) -> None:
    """The learned decisions met in a real text are traced with the features of its
    genre: prefixed for a novel's source and entity decisions, as they are in an
    article."""
    doc = next(d for d in read_gold(gold) if d["doc_id"] == doc_id)
    [prepared] = prepare(extractor, [(doc_id, doc["text"])])
    trace: list[Instance] = []
    prepared.assemble(extractor.settings, extractor.models, trace)
    split = [inst for inst in trace if inst.decision in GENRE_MODELS]
    assert split
    prefixed = {all(f.startswith("fiction:") for _, fs in inst.options for f in fs)
                for inst in split}
    assert prefixed == {genre == "fiction"}


# -- the source decision -------------------------------------------------------------------


def test_incise_candidate_features() -> None:
    """An incise's proposal is seen as: the incise rule, a name after the quote, a verb
    of saying, the PER entity, the subject relation."""
    [att] = [RULES["incise"](INCISE, frozenset({1}))]
    f = candidate_features(INCISE, frozenset({1}), att, rank=0, agree=0, scan_kind="direct")
    for name in ("rule=incise", "mention=name", "side=after", "head.ent=PER",
                 "head.rel=nsubj", "cue=say", "rank<=0", "scan=direct", "person-like"):
        assert name in f, name
    assert "side=before" not in f


def test_selon_candidate_features() -> None:
    """A ``selon X`` before the quote is a preposition cue, on the quote's left."""
    att = RULES["selon"](SELON, frozenset({4}))
    assert att is not None
    f = candidate_features(SELON, frozenset({4}), att, rank=0, agree=1, scan_kind="direct")
    assert {"rule=selon", "side=before", "cue=preposition", "agree<=1"} <= set(f)


def test_none_option_carries_the_quote_shape() -> None:
    """The option « no source in the sentence » says how many proposals there were and
    the quote's shape, each feature marked as belonging to it."""
    f = none_features(0, "other", {"before=de": 1.0})
    assert {"rule=none", "proposals<=0", "none&before=de"} <= set(f)


def test_sieve_decides_a_named_incise_whatever_the_model() -> None:
    """An incise whose subject is a proper name is sure: it wins even under a model that
    prefers « no source »."""
    att = RULES["incise"](INCISE, frozenset({1}))
    contrary = LinearModel("source", ("no", "yes"), {"no": {}, "yes": {"rule=none": 9.0}},
                           {"no": 0.0, "yes": 0.0})
    choice = choose_source(contrary, INCISE, frozenset({1}), [att], "direct")
    assert choice.attribution is not None and choice.attribution.rule == "incise"


# Fillon juge les accusations « abjectes », selon Le Monde. (news-train, wn-2017_01_28-006,
# with a source phrase added so that two mentions compete)
JUDGE = tree("""
Fillon Fillon PROPN 2 nsubj
juge juger VERB 0 root
les le DET 4 det
accusations accusation NOUN 2 obj
« « PUNCT 6 punct
Q Q ADJ 2 xcomp
» » PUNCT 6 punct
, , PUNCT 11 punct
selon selon ADP 11 case
Le le DET 11 det
Monde Monde PROPN 2 obl
. . PUNCT 2 punct
""")


def test_a_mention_proposed_by_several_rules_adds_their_probabilities() -> None:
    """The source model is trained to put its mass on the right mention whichever rules
    propose it, so the choice sums a mention's proposals: « Fillon », proposed by two
    rules at 0.29 each, wins over « Le Monde » at 0.43, with probability 0.57."""
    quote = frozenset({5})
    fillon = (JUDGE[0],)
    proposals = [Attribution(JUDGE[1], fillon, rule="governor"),
                 Attribution(JUDGE[1], fillon, rule="same_sentence"),
                 Attribution(JUDGE[8], (JUDGE[9], JUDGE[10]), rule="selon")]
    model = LinearModel("source", ("no", "yes"),
                        {"no": {}, "yes": {"rule=selon": 0.4, "rule=none": -20.0}},
                        {"no": 0.0, "yes": 0.0})
    choice = choose_source(model, JUDGE, quote, proposals, "partial")
    probs = model.rank([f for _, f in choice.candidates])
    assert probs[2] > probs[0] == pytest.approx(probs[1])  # the best single proposal
    assert choice.attribution is not None and choice.attribution.speaker == fillon
    assert choice.probability == pytest.approx(probs[0] + probs[1])


def test_no_proposal_means_no_source() -> None:
    """Without any proposal the only option, « no source », is chosen."""
    choice = choose_source(Models.packaged().source, None, frozenset(), [], "other")
    assert choice.attribution is None


# -- the kind decision -----------------------------------------------------------------------


KIND_ROWS = [
    # (id, text, expected features, features that must be absent)
    ("fragment-after-de",
     "Le couple y déplore l’ « immobilisme » du premier magistrat de la ville.",
     {"before=determiner", "words<=1", "after=word", "cue-in-sentence"}, {"capital"}),
    ("clause-after-colon",
     "Il précise : « Nous ne lâcherons rien. »",
     {"before=colon", "final-punct", "capital", "after=end"}, {"before=que"}),
    ("after-que",
     "Il estime que le décret comprend des preuves, et que « rien ne change ».",
     {"before=que"}, {"final-punct"}),
    ("operation-name",
     "L'armée turque a lancé l'opération « Bouclier de l'Euphrate » avant l'aube.",
     {"title-word", "all-capitals", "capital"}, {"final-punct"}),
    ("first-person",
     "Il a répété : « je suis partout ».",
     {"first-person", "before=colon"}, {"all-capitals"}),
]


@pytest.mark.parametrize("text,present,absent", [r[1:] for r in KIND_ROWS],
                         ids=[r[0] for r in KIND_ROWS])
def test_kind_features(text: str, present: set[str], absent: set[str]) -> None:
    """The features of a span in marks read its shape and its neighbours."""
    [q] = [s for s in scan(text).spans if s.depth == 0]
    sentences = [(0, len(text))]
    f = kind_features(text, sentences, q, rule="", mention="", repeated=False)
    assert present <= set(f), present - set(f)
    assert not absent & set(f), absent & set(f)
    assert "no-source" in f


def test_kind_features_carry_the_source_decision() -> None:
    """What attribution found is part of the kind decision."""
    text = "Il précise : « Nous ne lâcherons rien. »"
    [q] = scan(text).spans
    f = kind_features(text, [(0, len(text))], q, rule="colon", mention="pronoun",
                      repeated=True, source_p=0.8)
    assert {"rule=colon", "mention=pronoun", "repeated", "source-p>=0.5"} <= set(f)


def test_sentence_of_finds_by_bisection() -> None:
    """The sentence holding a position, or -1 between sentences."""
    sentences = [(0, 10), (12, 20), (25, 30)]
    assert [sentence_of(sentences, p) for p in (0, 9, 10, 12, 26, 40)] == [0, 0, -1, 1, 2, -1]


# -- the entity decision ---------------------------------------------------------------------

# wn-2016_08_08-003 (news-train), shortened: a champion named, then quoted, then described.
KELMENDI = ("La judokate Majlinda Kelmendi a remporté la première médaille d'or de "
            "l'histoire du Kosovo. « J'avais tant rêvé de ce moment », a déclaré la "
            "championne.")


def _mention(text: str, phrase: str, *words: tuple[str, str, int, str, str]) -> Mention | None:
    """The mention of ``phrase`` (its first occurrence in ``text``), from hand-written
    words: (lemma, UPOS, head in the phrase or -1, deprel, feats) each."""
    pos = text.index(phrase)
    tokens = []
    for k, (form, (lemma, upos, head, deprel, feats)) in enumerate(
            zip(phrase.split(), words, strict=True)):
        tokens.append(Token(i=k, text=form, lemma=lemma, upos=upos, head=head,
                            deprel=deprel, start=pos, end=pos + len(form), feats=feats))
        pos += len(form) + 1
    return mention_from_tokens(tokens, text)


def test_link_features_of_a_description() -> None:
    """A role description is compared with the person the article named: a role noun,
    a person, named before; the description itself is the option ``self``."""
    resolver = Resolver(KELMENDI)
    mention = _mention(KELMENDI, "la championne",
                       ("le", "DET", 1, "det", "Gender=Fem|Number=Sing"),
                       ("championne", "NOUN", -1, "nsubj", "Gender=Fem|Number=Sing"))
    assert mention is not None and mention.kind == "description"
    position = mention.start
    options = resolver._candidates(mention, position)
    names = [e.name for e in options]
    assert "Majlinda Kelmendi" in names
    assert options[-1].kind == "description"  # the description naming itself, last
    ctx = resolver.link_context(position, mention)
    person = options[names.index("Majlinda Kelmendi")]
    f = link_features(resolver, mention, position, person, names.index("Majlinda Kelmendi"),
                      ctx)
    # a name known from the text alone (no parse here): a person, for all the text says
    assert {"m=description", "head=role&kind=name", "full-name", "number=agree"} <= set(f)
    own = link_features(resolver, mention, position, options[-1], len(options) - 1, ctx)
    assert {"self", "self&det=definite", "self&role"} <= set(own)


def test_link_features_of_a_pronoun_see_gender() -> None:
    """« elle » agrees with a woman the article titles « Mme », not with a man titled
    « M. »."""
    text = ("Mme Martine Aubry et M. Gérard Collomb ont débattu. « Nous avons gagné », "
            "a-t-elle dit.")
    resolver = Resolver(text)
    mention = _mention(text, "elle",
                       ("elle", "PRON", -1, "nsubj", "Gender=Fem|Number=Sing|Person=3"))
    assert mention is not None and mention.kind == "pronoun"
    options = resolver._candidates(mention, mention.start)
    ctx = resolver.link_context(mention.start, mention)
    by_name = {e.name: link_features(resolver, mention, mention.start, e, k, ctx)
               for k, e in enumerate(options)}
    assert "gender=agree" in by_name["Martine Aubry"]
    assert "gender=clash" in by_name["Gérard Collomb"]


# -- labels from the gold --------------------------------------------------------------------


def test_same_source_is_the_scorers_rule() -> None:
    """Names match without accents, case, titles and punctuation, or by the last word
    when one name's words are among the other's."""
    assert same_source("Lavrov", "Sergueï Lavrov")
    assert same_source("M. Sergueï Lavrov", "sergueï lavrov")
    assert same_source("l'Ordre souverain de Malte", "L’Ordre souverain de Malte")
    assert not same_source("Marine Le Pen", "Jean-Marie Le Pen")
    assert not same_source(None, "Lavrov")


def test_labels_of_the_source_and_kind_decisions() -> None:
    """An option is right when its speaker mention overlaps the gold mention; the kind is
    the gold kind of the span."""
    from quotesnap.models import Instance

    text = "« Nous partons », a déclaré Lavrov."
    gold = {"doc_id": "d", "text": text, "quotes": [
        {"kind": "direct", "start": 2, "end": 14, "text": "Nous partons",
         "speaker": {"start": 28, "end": 34, "text": "Lavrov"}, "speaker_name": "Lavrov"}]}
    source = Instance("source", "d", (2, 14), (((28, 34), {}), (None, {})))
    assert label(source, gold) == ["yes", "no"]
    kind = Instance("kind", "d", (2, 14), ((None, {}),))
    assert label(kind, gold) == ["direct"]
    assert label(Instance("kind", "d", (20, 26), ((None, {}),)), gold) is None


# -- retraining ------------------------------------------------------------------------------


#: How far a retrained weight may be from the shipped one: a few units of the fifth
#: decimal. Two machines' floating point fit the same data a little apart: the speech
#: model retrained on 2026-12-02 on a second machine differed by up to 1.9e-5 from the
#: weights trained on the first, with identical features and data.
WEIGHT_ULP = 5e-5


@pytest.mark.model
def test_retraining_gives_the_shipped_weights(tmp_path: Path) -> None:
    """``python scripts/train.py`` retrains every decision from the training gold files
    and writes the weights the package ships (to the sixth decimal, give or take the
    last digit, which two machines' floating point may round apart)."""
    if not (SHARED / "data" / "gold" / "news-train.jsonl").exists():
        pytest.skip("../shared/data/gold is not beside the repository")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "train.py"),
                           "--out", str(tmp_path)], capture_output=True, text=True,
                          cwd=REPO, timeout=1800)
    assert done.returncode == 0, done.stderr
    shipped = REPO / "quotesnap" / "data" / "models"
    for name in DECISIONS:
        fresh = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        packaged = json.loads((shipped / f"{name}.json").read_text(encoding="utf-8"))
        # the same features and the same weights, to the last digit that can differ
        # between two machines' floating point (training.FIT_TOLERANCE fits the models
        # close enough that this is about 1e-6)
        assert {k: v for k, v in fresh.items() if k not in ("bias", "weights")} == {
            k: v for k, v in packaged.items() if k not in ("bias", "weights")}, name
        assert fresh["bias"].keys() == packaged["bias"].keys(), name
        for cls in fresh["bias"]:
            assert fresh["bias"][cls] == pytest.approx(packaged["bias"][cls], abs=WEIGHT_ULP), (
                f"{name}.json: the bias of {cls} differs from a fresh training")
        for cls, weights in fresh["weights"].items():
            theirs = packaged["weights"][cls]
            # (a weight that rounds to zero is left out of the file: missing is zero)
            off = {f: (weights.get(f, 0.0), theirs.get(f, 0.0))
                   for f in weights.keys() | theirs.keys()
                   if abs(weights.get(f, 0.0) - theirs.get(f, 0.0)) > WEIGHT_ULP}
            assert not off, f"{name}.json differs from a fresh training: {off}"


def test_every_rule_registered_once() -> None:
    """The registry names each decision's function once, and an attribution carries the
    name of the rule that made it."""
    assert len(RULES) == len(set(RULES))
    att = RULES["incise"](INCISE, frozenset({1}))
    assert isinstance(att, Attribution) and att.rule == "incise"
