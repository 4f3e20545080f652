"""The ``report`` decision on hand-built UD trees (no parser involved): the named
features of :func:`quotesnap.reports.report_features` and how :func:`decide` keeps and
trims the rules' proposals.

The trees are real French news sentences (or their shape) written by hand in the
conventions of spaCy's French model, as in ``tests/test_rules.py``.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from quotesnap.indirect import propose
from quotesnap.models import LinearModel
from quotesnap.parse import Sentence
from quotesnap.reports import REPORT_THRESHOLD, decide, report_features
from quotesnap.rules import Attribution
from tests.test_rules import SELON_CLAUSE
from tests.trees import tree

ANNONCE_QUE = """
Le le DET 2 det
ministre ministre NOUN 4 nsubj
a avoir AUX 4 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
que que SCONJ 8 mark
la le DET 7 det
session session NOUN 8 nsubj
tiendra tenir VERB 4 ccomp Mood=Ind|Tense=Fut|VerbForm=Fin
en en ADP 10 case
mai mai NOUN 8 obl
. . PUNCT 4 punct
"""

# « Il précise bien que … »: spaCy hangs the clause under the adverb
PRECISE_BIEN_QUE = """
Il il PRON 2 nsubj
précise préciser VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
bien bien ADV 2 advmod
que que SCONJ 8 mark
les le DET 6 det
barrages barrage NOUN 8 nsubj
sont être AUX 8 cop Mood=Ind|Tense=Pres|VerbForm=Fin
ouverts ouvert ADJ 3 ccomp
. . PUNCT 2 punct
"""

NE_NIE_PAS = """
Le le DET 2 det
Myanmar Myanmar PROPN 4 nsubj
ne ne ADV 4 advmod
nie nier VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
pas pas ADV 4 advmod
les le DET 7 det
accusations accusation NOUN 4 obj
. . PUNCT 4 punct
"""

CRITIQUES_PAR = """
Ces ce DET 2 det
bombardements bombardement NOUN 4 nsubj:pass
sont être AUX 4 aux:pass Mood=Ind|Tense=Pres|VerbForm=Fin
critiqués critiquer VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
par par ADP 7 case
des un DET 7 det
ONG ONG PROPN 4 obl:agent
. . PUNCT 4 punct
"""

# « à en croire X »: spaCy takes « croire » for a verb whose object is the source
A_EN_CROIRE = """
À à ADP 3 mark
en en PRON 3 expl:comp
croire croire VERB 10 advcl VerbForm=Inf
le le DET 5 det
ministre ministre NOUN 3 obj
, , PUNCT 10 punct
la le DET 8 det
réforme réforme NOUN 10 nsubj
est être AUX 10 cop Mood=Ind|Tense=Pres|VerbForm=Fin
juste juste ADJ 0 root
. . PUNCT 10 punct
"""

# « Le ministre estime que « … » »: the quote body collapsed to Q, as the parser sees it
ESTIME_QUE_QUOTE = """
Le le DET 2 det
ministre ministre NOUN 3 nsubj
estime estimer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 6 mark
« « PUNCT 6 punct
Q Q NOUN 3 ccomp
» » PUNCT 6 punct
. . PUNCT 3 punct
"""

DIT_QUE_CRITIQUE = """
Il il PRON 3 nsubj
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
dit dire VERB 0 root Tense=Past|VerbForm=Part
que que SCONJ 6 mark
Paul Paul PROPN 6 nsubj
critique critiquer VERB 3 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
la le DET 8 det
presse presse NOUN 6 obj
. . PUNCT 3 punct
"""


class Row(NamedTuple):
    id: str
    spec: str
    rule: str  # the proposal whose features are checked (its rule)
    present: tuple[str, ...]  # features it must have
    absent: tuple[str, ...] = ()  # features it must not have
    quote: tuple[int, ...] = ()  # 0-based indices of the tokens inside quotation marks


ROWS = [
    Row("que-clause-attached", ANNONCE_QUE, "que_clause",
        ("rule=que_clause", "cue=annoncer", "class=say", "complement=que",
         "cue=annoncer&complement=que", "class=say&complement=que", "attached",
         "speaker=description", "speaker.person-like", "speaker.role", "form=Part",
         "tense=Past", "cue.rel=root", "gap<=1", "quote=none", "content.finite-verb",
         "length<=5"),
        ("negated", "passive", "nested", "speaker.after")),
    Row("que-under-an-adverb", PRECISE_BIEN_QUE, "que_clause",
        ("complement=que", "speaker=pronoun", "gap<=3", "mood=Ind", "tense=Pres",
         "form=Fin")),
    Row("object-negated", NE_NIE_PAS, "object_clause",
        ("complement=object", "cue=nier&complement=object", "negated",
         "content.lemma=accusation", "content.head=NOUN", "speaker=name"),
        ("content.person", "content.que")),
    Row("passive-subject-agent", CRITIQUES_PAR, "passive_clause",
        ("rule=passive_clause", "complement=before", "passive", "speaker=agent",
         "speaker.after", "tail<=0")),
    Row("selon-at-the-head", SELON_CLAUSE, "selon_clause",
        ("cue=selon", "class=preposition", "complement=preposition",
         "class=preposition&complement=preposition", "cue.first", "speaker=name"),
        ("form=Fin", "form=Part", "mood=Ind")),
    Row("a-en-croire-is-a-preposition", A_EN_CROIRE, "selon_clause",
        ("cue=à en croire", "class=preposition", "complement=preposition", "cue.first")),
    Row("que-clause-all-quote", ESTIME_QUE_QUOTE, "que_clause",
        ("quote=all", "complement=que", "class=opinion-ambiguous", "length<=2"),
        ("quote=none", "quote=part"), quote=(4, 5, 6)),
    Row("object-inside-another-report", DIT_QUE_CRITIQUE, "object_clause",
        ("nested", "cue=critiquer", "speaker=name")),
]


def _proposal(sent: Sentence, rule: str, exclude: frozenset[int]) -> Attribution:
    found = [a for a in propose(sent, exclude=exclude) if a.rule == rule]
    assert found, f"the rules propose nothing from {rule}"
    return found[0]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_report_features(row: Row) -> None:
    """A proposal gets the named features that describe its cue, complement, speaker
    and content, and not the ones that do not apply."""
    sent = tree(row.spec)
    exclude = frozenset(row.quote)
    proposals = propose(sent, exclude=exclude)
    att = _proposal(sent, row.rule, exclude)
    contents = [p.content for p in proposals if p.content is not None]
    features = report_features(sent, att, exclude, contents)
    assert set(row.present) <= set(features), sorted(features)
    assert not set(row.absent) & set(features), sorted(features)
    assert all(v == 1.0 for v in features.values())


def _model(weights: dict[str, float], bias: float) -> LinearModel:
    return LinearModel("report", ("no", "yes"), {"no": {}, "yes": weights},
                       {"no": 0.0, "yes": bias})


def test_decide_keeps_what_the_model_takes_for_speech() -> None:
    """Proposals at or above the threshold are kept with the model's probability; the
    others are scored but dropped."""
    sent = tree(DIT_QUE_CRITIQUE)
    proposals = propose(sent)
    model = _model({"rule=que_clause": 3.0, "rule=object_clause": 1.0}, -2.0)
    decision = decide(model, sent, frozenset(), proposals)
    assert [r.attribution.rule for r in decision.options] == ["que_clause", "object_clause"]
    assert [r.attribution.rule for r in decision.kept] == ["que_clause"]
    assert decision.kept[0].probability > REPORT_THRESHOLD > decision.options[1].probability


def test_decide_resolves_overlaps_the_likeliest_first() -> None:
    """When two kept reports overlap, the likelier stays; the other, whose content holds
    the first one's source and cue, is dropped."""
    sent = tree(DIT_QUE_CRITIQUE)
    model = _model({"rule=que_clause": 3.0, "rule=object_clause": 4.0}, -2.0)
    decision = decide(model, sent, frozenset(), propose(sent))
    assert [r.attribution.rule for r in decision.kept] == ["object_clause"]


def test_untrained_model_keeps_every_proposal() -> None:
    """With no weights every proposal has probability one half, the threshold: what
    training starts from (every proposal is traced and kept)."""
    sent = tree(ANNONCE_QUE)
    decision = decide(LinearModel.untrained("report"), sent, frozenset(), propose(sent))
    assert decision.kept and all(r.probability == 0.5 for r in decision.options)
