"""The attribution rules on hand-built UD trees (no parser involved).

Each row is a real French news sentence (mostly from the seed article and the Wikinews
gold file), its tree written by hand in the conventions of UD French (GSD/Sequoia: an
incise verb is ``parataxis:insert`` with its subject after it) or in the shapes spaCy's
French model actually produces (``-t`` and ``-il`` both as subjects), with the speaker,
cue and rule the rules must give.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from quotesnap.attribute import attribute_quote
from quotesnap.indirect import propose
from quotesnap.parse import Sentence
from tests.trees import tree, words


class Example(NamedTuple):
    id: str
    spec: str
    quote: tuple[int, ...]  # 0-based indices of the quote's tokens; () for indirect speech
    rule: str
    speaker: str  # the mention's words, "" for none
    cue: str
    content: str = ""  # indirect speech: the reported content's words


INCISE = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense
déclaré déclarer VERB 2 parataxis:insert
Lavrov Lavrov PROPN 6 nsubj
. . PUNCT 2 punct
"""

INCISE_T_IL = """
« « PUNCT 2 punct
Q Q NOUN 8 advcl
» » PUNCT 2 punct
, , PUNCT 8 punct
a avoir AUX 8 aux:tense
-t -t PRON 8 nsubj
-il il PRON 8 nsubj:pass Gender=Masc|Number=Sing|Person=3
souligné souligner VERB 0 root
. . PUNCT 8 punct
"""

INCISE_DESCRIPTION = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense
précisé préciser VERB 2 parataxis
le le DET 8 det
chef chef NOUN 6 nsubj
de de ADP 11 case
la le DET 11 det
diplomatie diplomatie NOUN 8 nmod
russe russe ADJ 11 amod
. . PUNCT 2 punct
"""

INCISE_REFLEXIVE = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 7 punct
s' se PRON 7 expl:comp
est être AUX 7 aux:tense
réjoui réjouir VERB 2 parataxis:insert
le le DET 9 det
maire maire NOUN 7 nsubj
. . PUNCT 2 punct
"""

INCISE_NO_SUBJECT_ARC = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense
expliqué expliquer VERB 2 parataxis
Sergueï Sergueï PROPN 6 obj
Lavrov Lavrov PROPN 7 flat:name
. . PUNCT 2 punct
"""

COLON_VERB = """
Lavrov Lavrov PROPN 3 nsubj
a avoir AUX 3 aux:tense
déclaré déclarer VERB 0 root
: : PUNCT 6 punct
« « PUNCT 6 punct
Q Q NOUN 3 obj
» » PUNCT 6 punct
. . PUNCT 3 punct
"""

COLON_BARE = """
Lavrov Lavrov PROPN 0 root
: : PUNCT 4 punct
« « PUNCT 4 punct
Q Q NOUN 1 appos
» » PUNCT 4 punct
"""

COLON_NOT_SPEECH = """
Cette ce DET 2 det
veillée veillée NOUN 3 nsubj
avait avoir VERB 0 root
pour pour ADP 5 case
thème thème NOUN 3 obl
: : PUNCT 8 punct
« « PUNCT 8 punct
Le le DET 8 det
chemin chemin NOUN 3 obj
» » PUNCT 8 punct
"""

GOVERNOR = """
Jacline Jacline PROPN 4 nsubj
Mouraud Mouraud PROPN 1 flat:name
a avoir AUX 4 aux:tense
dit dire VERB 0 root
qu' que SCONJ 7 mark
il il PRON 7 expl:subj
faut falloir VERB 4 ccomp
« « PUNCT 9 punct
continuer continuer VERB 7 xcomp
le le DET 11 det
combat combat NOUN 9 obj
» » PUNCT 9 punct
. . PUNCT 4 punct
"""

RELATIVE = """
John John PROPN 0 root
Kirby Kirby PROPN 1 flat:name
, , PUNCT 5 punct
qui qui PRON 5 nsubj
indique indiquer VERB 1 acl:relcl
qu' que SCONJ 9 mark
il il PRON 9 nsubj
ne ne ADV 9 advmod
voit voir VERB 5 ccomp
« « PUNCT 11 punct
aucune aucun DET 12 det
raison raison NOUN 9 obj
» » PUNCT 12 punct
"""

SELON = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
selon selon ADP 6 case
Seitel Seitel PROPN 2 obl:mod
. . PUNCT 2 punct
"""

SELON_MOI = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
selon selon ADP 6 case
moi moi PRON 2 obl:mod
. . PUNCT 2 punct
"""

DASH = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
– – PUNCT 5 punct
Hammer Hammer PROPN 2 appos
"""

AGENT = """
« « PUNCT 2 punct
Q Q NOUN 6 nsubj:pass
» » PUNCT 2 punct
a avoir AUX 6 aux:tense
été être AUX 6 aux:pass
annoncé annoncer VERB 0 root
par par ADP 9 case
le le DET 9 det
ministère ministère NOUN 6 obl:agent
. . PUNCT 6 punct
"""

QUE = """
Le le DET 2 det
ministre ministre NOUN 4 nsubj
a avoir AUX 4 aux:tense
conclu conclure VERB 0 root
qu' que SCONJ 8 mark
il il PRON 8 nsubj
avait avoir AUX 8 aux:tense
convenu convenir VERB 4 ccomp
de de ADP 10 mark
renforcer renforcer VERB 8 xcomp
le le DET 12 det
partenariat partenariat NOUN 10 obj
. . PUNCT 4 punct
"""

IMPERSONAL = """
il il PRON 4 expl:subj
a avoir AUX 4 aux:tense
été être AUX 4 aux:pass
annoncé annoncer VERB 0 root
que que SCONJ 8 mark
la le DET 7 det
session session NOUN 8 nsubj
tiendra tenir VERB 4 ccomp
en en ADP 10 case
mai mai NOUN 8 obl
. . PUNCT 4 punct
"""

INVERTED = """
L' le DET 2 det
annulation annulation NOUN 4 nsubj
est être AUX 4 cop
indispensable indispensable ADJ 0 root
, , PUNCT 6 punct
estime estimer VERB 4 parataxis:insert
le le DET 8 det
ministre ministre NOUN 6 nsubj
russe russe ADJ 8 amod
. . PUNCT 4 punct
"""

SELON_CLAUSE = """
Selon selon ADP 2 case
Moscou Moscou PROPN 7 obl:mod
, , PUNCT 2 punct
les le DET 5 det
tentatives tentative NOUN 7 nsubj
sont être AUX 7 cop
inacceptables inacceptable ADJ 0 root
. . PUNCT 7 punct
"""

SELON_DECLARATIONS = """
La le DET 2 det
Russie Russie PROPN 3 nsubj
a avoir AUX 4 aux:tense
convenu convenir VERB 0 root
, , PUNCT 8 punct
selon selon ADP 8 case
les le DET 8 det
déclarations déclaration NOUN 4 obl:mod
du de ADP 10 case
ministre ministre NOUN 8 nmod
russe russe ADJ 10 amod
. . PUNCT 4 punct
"""

# spaCy's tree of « …, a déclaré le 20 mars le cosmonaute russe Oleg Artemiev »: the date
# is the subject, the speaker an oblique
INCISE_DATE_SUBJECT = """
« « PUNCT 2 punct
Q Q NOUN 0 root
» » PUNCT 2 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense
déclaré déclarer VERB 2 parataxis VerbForm=Part
le le DET 8 det
20 20 NUM 6 nsubj
mars mars NOUN 8 nmod
le le DET 11 det
cosmonaute cosmonaute NOUN 6 obl:mod
russe russe ADJ 11 amod
Oleg Oleg PROPN 11 appos
Artemiev Artemiev PROPN 13 flat:name
. . PUNCT 2 punct
"""

# spaCy's tree of « Ému, il déclare : « … » »: the participle set before the clause is a
# subject beside the clitic
CLITIC_AFTER_PARTICIPLE = """
Ému ému ADJ 4 nsubj
, , PUNCT 4 punct
il il PRON 4 expl:subj Gender=Masc|Number=Sing|Person=3
déclare déclarer VERB 0 root VerbForm=Fin
: : PUNCT 4 punct
« « PUNCT 7 punct
Q Q NOUN 4 ccomp
» » PUNCT 7 punct
. . PUNCT 4 punct
"""

# « le président lundi »: a date hung on the subject is not part of the mention
SUBJECT_WITH_DATE = """
Le le DET 2 det
président président NOUN 5 nsubj
lundi lundi NOUN 2 nmod
a avoir AUX 5 aux:tense
déclaré déclarer VERB 0 root VerbForm=Part
: : PUNCT 5 punct
« « PUNCT 8 punct
Q Q NOUN 5 ccomp
» » PUNCT 8 punct
. . PUNCT 5 punct
"""

EXAMPLES = [
    Example("incise-name", INCISE, (1,), "incise", "Lavrov", "déclaré"),
    Example("incise-date-is-no-subject", INCISE_DATE_SUBJECT, (1,), "incise",
            "le cosmonaute russe Oleg Artemiev", "déclaré"),
    Example("clitic-subject-after-participle", CLITIC_AFTER_PARTICIPLE, (5, 6, 7), "colon",
            "il", "déclare"),
    Example("date-is-not-in-the-mention", SUBJECT_WITH_DATE, (6, 7, 8), "colon",
            "Le président", "déclaré"),
    Example("incise-t-il", INCISE_T_IL, (1,), "incise", "-il", "souligné"),
    Example("incise-description", INCISE_DESCRIPTION, (1,), "incise",
            "le chef de la diplomatie russe", "précisé"),
    Example("incise-reflexive", INCISE_REFLEXIVE, (1,), "incise", "le maire", "réjoui"),
    Example("incise-missed-subject-arc", INCISE_NO_SUBJECT_ARC, (1,), "incise",
            "Sergueï Lavrov", "expliqué"),
    Example("colon-speech-verb", COLON_VERB, (5,), "colon", "Lavrov", "déclaré"),
    Example("colon-bare-name", COLON_BARE, (3,), "colon", "Lavrov", ":"),
    Example("colon-title-is-no-source", COLON_NOT_SPEECH, (7, 8), "", "", ""),
    Example("governor-que-clause", GOVERNOR, (8, 9, 10), "governor", "Jacline Mouraud", "dit"),
    Example("governor-relative-qui", RELATIVE, (10, 11), "governor", "John Kirby", "indique"),
    Example("selon-after-quote", SELON, (1,), "selon", "Seitel", "selon"),
    Example("selon-moi-is-the-author", SELON_MOI, (1,), "", "", ""),
    Example("dash-name", DASH, (1,), "dash", "Hammer", ""),
    Example("passive-agent", AGENT, (1,), "agent", "le ministère", "annoncé"),
]

# « De l'avis des experts, … »: a source preposition of several words, from the lexicon
DE_L_AVIS_DES = """
De de ADP 3 case
l' le DET 3 det
avis avis NOUN 10 obl:mod
des de ADP 5 case
experts expert NOUN 3 nmod
, , PUNCT 10 punct
la le DET 8 det
réforme réforme NOUN 10 nsubj
est être AUX 10 cop
juste juste ADJ 0 root
. . PUNCT 10 punct
"""

# « La Corée du Sud a annoncé, dimanche 24 janvier, que … » as spaCy parses such a date:
# the que-clause hung under the date, not under the verb
ANNONCE_DATE_QUE = """
La le DET 2 det
Corée Corée PROPN 6 nsubj
du de ADP 4 case
Sud Sud PROPN 2 nmod
a avoir AUX 6 aux:tense
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
, , PUNCT 8 punct
dimanche dimanche NOUN 6 obl:mod
24 24 NUM 8 nmod
janvier janvier NOUN 9 nmod
, , PUNCT 8 punct
que que SCONJ 16 mark
les le DET 14 det
mesures mesure NOUN 16 nsubj:pass
seront être AUX 16 aux:pass
prises prendre VERB 10 ccomp Tense=Past|VerbForm=Part
. . PUNCT 6 punct
"""

# « L'attentat a été revendiqué par la branche locale. »: the passive's subject is what the
# agent said
REVENDIQUE_PAR = """
L' le DET 2 det
attentat attentat NOUN 5 nsubj:pass
a avoir AUX 5 aux:tense
été être AUX 5 aux:pass
revendiqué revendiquer VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
par par ADP 8 case
la le DET 8 det
branche branche NOUN 5 obl:agent
locale local ADJ 8 amod
. . PUNCT 5 punct
"""

# « Un premier bilan faisait état de neuf victimes. »: a cue of several words
FAISAIT_ETAT_DE = """
Un un DET 3 det
premier premier ADJ 3 amod
bilan bilan NOUN 4 nsubj
faisait faire VERB 0 root Mood=Ind|Tense=Imp|VerbForm=Fin
état état NOUN 4 obj
de de ADP 8 case
neuf neuf NUM 8 nummod
victimes victime NOUN 5 nmod
. . PUNCT 4 punct
"""

# Verbs of object control: the one who speaks is the object or the « à » complement
# (news-train: « Ce dernier chiffre a permis à la ministre du travail Myriam El Khomri de
# déclarer que … »), not the subject of the governing verb.
PERMIS_A_X_DE = """
Ce ce DET 2 det
chiffre chiffre NOUN 4 nsubj
a avoir AUX 4 aux:tense
permis permis VERB 0 root VerbForm=Part
à à ADP 7 case
la le DET 7 det
ministre ministre NOUN 4 obl:arg
de de ADP 9 mark
déclarer déclarer VERB 4 xcomp VerbForm=Inf
que que SCONJ 12 mark
elle il PRON 12 nsubj
part partir VERB 9 ccomp VerbForm=Fin
. . PUNCT 4 punct
"""

POUSSE_X_A = """
La le DET 2 det
défaite défaite NOUN 4 nsubj
a avoir AUX 4 aux:tense
poussé pousser VERB 0 root VerbForm=Part
le le DET 6 det
ministre ministre NOUN 4 obj
à à ADP 8 mark
déclarer déclarer VERB 4 xcomp VerbForm=Inf
qu' que SCONJ 11 mark
il il PRON 11 nsubj
partira partir VERB 8 ccomp VerbForm=Fin
. . PUNCT 4 punct
"""


INDIRECT = [
    Example("que-clause", QUE, (), "que_clause", "Le ministre", "conclu",
            "il avait convenu de renforcer le partenariat"),
    Example("impersonal-passive-has-no-source", IMPERSONAL, (), "que_clause", "", "annoncé",
            "la session tiendra en mai"),
    Example("inverted-estime", INVERTED, (), "inverted_clause", "le ministre russe", "estime",
            "L' annulation est indispensable"),
    Example("selon-clause", SELON_CLAUSE, (), "selon_clause", "Moscou", "Selon",
            "les tentatives sont inacceptables"),
    Example("de-l-avis-des", DE_L_AVIS_DES, (), "selon_clause", "experts", "De",
            "la réforme est juste"),
    Example("que-hung-under-a-date", ANNONCE_DATE_QUE, (), "que_clause", "La Corée du Sud",
            "annoncé", "les mesures seront prises"),
    Example("passive-subject-with-agent", REVENDIQUE_PAR, (), "passive_clause",
            "la branche locale", "revendiqué", "L' attentat"),
    Example("multiword-cue-faire-etat-de", FAISAIT_ETAT_DE, (), "phrase_clause",
            "Un premier bilan", "faisait", "neuf victimes"),
    Example("object-control-permis-a-x-de", PERMIS_A_X_DE, (), "que_clause", "la ministre",
            "déclarer", "elle part"),
    Example("object-control-pousse-x-a", POUSSE_X_A, (), "que_clause", "le ministre",
            "déclarer", "il partira"),
    Example("selon-les-declarations-du", SELON_DECLARATIONS, (), "selon_clause", "ministre russe",
            "selon", "La Russie a convenu"),
]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_quote_rules(ex: Example) -> None:
    """Each quote rule finds the expected speaker and cue on its hand-built tree."""
    sent = tree(ex.spec)
    found = attribute_quote(sent, frozenset(ex.quote))
    if not ex.rule:
        assert found is None
        return
    assert found is not None
    assert (found.rule, words(sent, found.speaker), found.cue.text if found.cue else "") == (
        ex.rule, ex.speaker, ex.cue)


def _proposed(sent: Sentence, exclude: frozenset[int] = frozenset()) -> list[tuple[str, ...]]:
    """What the indirect-speech rules propose on a tree: (rule, speaker, cue, content)."""
    out = []
    for att in propose(sent, exclude=exclude):
        assert att.content is not None
        content = [t.text for t in sent.tokens
                   if att.content[0] <= t.start and t.end <= att.content[1]]
        out.append((att.rule, words(sent, att.speaker), att.cue.text if att.cue else "",
                    " ".join(content)))
    return out


@pytest.mark.parametrize("ex", INDIRECT, ids=[e.id for e in INDIRECT])
def test_indirect_rules(ex: Example) -> None:
    """Each indirect-speech rule proposes the content, speaker and cue on its tree."""
    assert (ex.rule, ex.speaker, ex.cue, ex.content) in _proposed(tree(ex.spec))


def test_quoted_que_clause_is_indirect_too() -> None:
    """A que-clause that is all quotation (« il estime que « … » ») is indirect speech as
    well as a quote, as the gold guideline annotates it."""
    sent = tree(QUE)
    inside = frozenset(range(5, 12))
    assert [(rule, speaker) for rule, speaker, *_ in _proposed(sent, inside)] == [
        ("que_clause", "Le ministre")]
