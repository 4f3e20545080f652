"""Attribution accuracy on gold trees: the rules judged apart from any parser's errors.

Usage (from the repository root)::

    python benchmarks/gold_tree_accuracy.py [UD_FOLDER] [--show-errors N]

Reads every CoNLL-U file of ``../shared/data/ud/`` (or UD_FOLDER) with
:func:`quotesnap.ud.read_conllu` and finds, from the hand-annotated trees alone, the
sentences that report speech:

- ``incise``: a speech verb in ``parataxis`` (``:insert``) under a quoted clause, with its
  ``nsubj`` (GSD, Sequoia: ``« … », a ajouté le jury``);
- ``quote-arg``: a speech verb with a subject whose dependent is the quote itself (PUD's
  root verb with the quote as ``parataxis``, a colon introducer, an object in marks);
- ``in-que``: a quote inside the ``que``-clause (``ccomp``) of a speech verb
  (``Leive a dit que « … »``);
- ``indirect``: no quotation marks; a speech verb with a subject and a ``ccomp``
  introduced by ``que``.

A speech verb is one of the reporting verbs the gold guideline lists (plus the common
incise verbs), not the rules' own lexicon, so a verb the lexicon lacks counts as a miss.
The expected cue is that verb; the expected speaker is its gold ``nsubj``. Scores:

- ``cue``: the rules' cue is that verb token;
- ``speaker``: the rules' mention contains the gold subject's head word;
- ``exact``: the mention is exactly the subject's noun phrase (its gold subtree without
  relative clauses or edge punctuation), the guideline's span;
- ``both``: cue and speaker right.

Then the same on the hand-checked table of ``tests/test_gold_trees.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from quotesnap import ud
from quotesnap.attribute import Attribution, attribute_quote
from quotesnap.indirect import propose
from quotesnap.parse import Sentence, Token

REPO = Path(__file__).resolve().parents[1]
DEFAULT_UD = REPO.parent / "shared" / "data" / "ud"

# The reporting verbs of the gold guideline, and the usual incise verbs of news and
# fiction (« … », poursuit-il / confie-t-elle / notait le directeur).
SPEECH_VERBS = frozenset(
    """
    dire déclarer affirmer annoncer expliquer estimer indiquer préciser souligner ajouter
    assurer confirmer reconnaître rappeler dénoncer juger considérer penser croire
    écrire répondre répliquer rétorquer lancer confier raconter poursuivre conclure
    commenter insister exclamer demander interroger avertir prévenir admettre noter
    observer résumer témoigner marteler déplorer promettre
    """.split()
)

MARKS = {"«": "»", "“": "”", '"': '"'}


@attrs.frozen
class Case:
    """One reported-speech occurrence found in a gold tree, with what the tree says."""

    treebank: str
    sent_id: str
    text: str
    sentence: Sentence
    shape: str  # incise, quote-arg, in-que, indirect
    verb: Token
    subject: Token
    quote: frozenset[int] = frozenset()


def quotations(sent: Sentence) -> list[frozenset[int]]:
    """The token indices inside each pair of quotation marks (marks excluded)."""
    out = []
    toks = sent.tokens
    k = 0
    while k < len(toks):
        close = MARKS.get(toks[k].text)
        end = None
        if close is not None:
            end = next((j for j in range(k + 1, len(toks)) if toks[j].text == close), None)
        if end is not None and end > k + 1:
            out.append(frozenset(range(k + 1, end)))
            k = end
        k += 1
    return out


def _subject(sent: Sentence, verb: Token) -> Token | None:
    """The gold nominal subject of ``verb`` (a relative ``qui`` is left out: its speaker
    is the antecedent, which the tree does not mark as a subject)."""
    for child in sent.children(verb):
        if child.base_deprel == "nsubj" and child.lemma != "qui":
            return child
    return None


def _shape(sent: Sentence, verb: Token, quote: frozenset[int]) -> str | None:
    """How the quote hangs from the speech verb in the gold tree, if it does."""
    head = sent.head_of(verb)
    if verb.base_deprel == "parataxis" and head is not None and head.i in quote:
        return "incise"
    tops = [sent[i] for i in quote if sent[i].head not in quote]
    if any(t.head == verb.i for t in tops):
        return "quote-arg"
    for clause in sent.children(verb):
        if clause.deprel == "ccomp" and any(t.i in quote for t in sent.subtree(clause)):
            return "in-que"
    return None


def _que_clause(sent: Sentence, verb: Token) -> bool:
    """``verb`` governs a ``ccomp`` introduced by ``que``/``qu'``."""
    return any(
        c.deprel == "ccomp"
        and any(m.deprel == "mark" and m.lemma == "que" for m in sent.children(c))
        for c in sent.children(verb)
    )


def find_cases(gold: ud.GoldSentence) -> Iterator[Case]:
    """The reported-speech occurrences of one gold sentence."""
    sent = gold.sentence
    quotes = quotations(sent)
    for verb in sent:
        if verb.upos != "VERB" or verb.lemma not in SPEECH_VERBS:
            continue
        subject = _subject(sent, verb)
        if subject is None:
            continue
        base = (gold.treebank, gold.sent_id, gold.text, sent)
        for quote in quotes:
            if verb.i in quote or subject.i in quote:
                continue
            shape = _shape(sent, verb, quote)
            if shape is not None:
                yield Case(*base, shape=shape, verb=verb, subject=subject, quote=quote)
                break
        else:
            if not quotes and _que_clause(sent, verb):
                yield Case(*base, shape="indirect", verb=verb, subject=subject)


def gold_mention(sent: Sentence, subject: Token) -> tuple[int, int]:
    """The guideline's speaker span: the subject's subtree without relative clauses,
    leading prepositions or edge punctuation (token indices, inclusive)."""
    drop: set[int] = set()
    for child in sent.children(subject):
        if child.deprel == "acl:relcl":
            drop.update(t.i for t in sent.subtree(child))
    keep = [t for t in sent.subtree(subject) if t.i not in drop]
    while keep and (keep[0].upos == "PUNCT" or keep[0].deprel == "case"):
        keep.pop(0)
    while keep and keep[-1].upos == "PUNCT":
        keep.pop()
    return keep[0].i, keep[-1].i


def run(case: Case) -> Attribution | None:
    """The rules' answer for one case."""
    if case.shape == "indirect":
        found = [a for a in propose(case.sentence) if a.cue and a.cue.i == case.verb.i]
        return found[0] if found else None
    return attribute_quote(case.sentence, case.quote)


@attrs.define
class Tally:
    """Counts of right answers over a group of cases."""

    n: int = 0
    cue: int = 0
    speaker: int = 0
    exact: int = 0
    both: int = 0

    def add(self, cue: bool, speaker: bool, exact: bool) -> None:
        self.n += 1
        self.cue += cue
        self.speaker += speaker
        self.exact += exact
        self.both += cue and speaker

    def row(self, name: str) -> str:
        pct = [
            100.0 * x / self.n if self.n else 0.0
            for x in (self.cue, self.speaker, self.exact, self.both)
        ]
        return f"{name:<22}{self.n:>6}" + "".join(f"{p:>9.1f}" for p in pct)


HEADER = f"{'':<22}{'n':>6}{'cue':>9}{'speaker':>9}{'exact':>9}{'both':>9}"


def judge(case: Case, found: Attribution | None) -> tuple[bool, bool, bool]:
    """(cue right, speaker head inside the mention, mention exactly the gold span)."""
    if found is None:
        return False, False, False
    cue = found.cue is not None and found.cue.i == case.verb.i
    ids = [t.i for t in found.speaker]
    speaker = case.subject.i in ids
    exact = bool(ids) and (min(ids), max(ids)) == gold_mention(case.sentence, case.subject)
    return cue, speaker, exact


def _load_table() -> object | None:
    """The hand-checked table of tests/test_gold_trees.py (None if it is not there)."""
    path = REPO / "tests" / "test_gold_trees.py"
    spec = importlib.util.spec_from_file_location("_gold_table", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ud", nargs="?", type=Path, default=DEFAULT_UD)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)

    files = sorted(args.ud.glob("*.conllu"))
    if not files:
        print(f"no .conllu files in {args.ud}", file=sys.stderr)
        return 2
    by_bank: dict[str, Tally] = {}
    by_shape: dict[str, Tally] = {}
    total = Tally()
    errors: list[str] = []
    sentences = 0
    for path in files:
        for gold in ud.read_conllu(path):
            sentences += 1
            for case in find_cases(gold):
                found = run(case)
                verdict = judge(case, found)
                for tally in (
                    by_bank.setdefault(case.treebank, Tally()),
                    by_shape.setdefault(case.shape, Tally()),
                    total,
                ):
                    tally.add(*verdict)
                if not (verdict[0] and verdict[1]):
                    got = (
                        "none"
                        if found is None
                        else (
                            f"{found.rule}: cue={found.cue.text if found.cue else None!r} "
                            f"speaker={' '.join(t.text for t in found.speaker)!r}"
                        )
                    )
                    errors.append(
                        f"{case.sent_id} [{case.shape}] want cue={case.verb.text!r} "
                        f"subject={case.subject.text!r}; got {got}\n    {case.text[:160]}"
                    )

    print(f"Gold-tree attribution accuracy, {sentences} sentences of {len(files)} treebanks")
    print(f"({total.n} reported-speech occurrences found from the trees). Percentages.\n")
    print(HEADER)
    for name, tally in sorted(by_bank.items()):
        print(tally.row(name))
    print()
    for name, tally in sorted(by_shape.items()):
        print(tally.row(name))
    print(total.row("all"))

    table = _load_table()
    if table is not None:
        rows = table.ROWS  # type: ignore[attr-defined]
        ok_cue = ok_speaker = ok_both = 0
        for row in rows:
            speaker, cue = table.attribute_row(row)  # type: ignore[attr-defined]
            ok_cue += cue == row.cue
            ok_speaker += speaker == row.speaker
            ok_both += (speaker, cue) == (row.speaker, row.cue)
        n = len(rows)
        print(f"\nHand-checked table (tests/test_gold_trees.py), {n} sentences, exact mention:")
        print(
            f"  cue {100.0 * ok_cue / n:.1f}  speaker {100.0 * ok_speaker / n:.1f}  "
            f"both {100.0 * ok_both / n:.1f}"
        )

    for line in errors[: args.show_errors]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
