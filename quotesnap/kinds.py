"""Kinds: is a span in marks direct speech, a partial quote, or something else?

The annotation guideline of the gold files (``../shared/data/gold/GUIDELINE.md``) tells
them apart by the span's place in the sentence and by whether someone said the words:

- ``direct``: words reproduced from a source that make up a clause or a sentence of
  their own (``« Nous partons. », a déclaré X``, ``X a déclaré : « … »``);
- ``partial``: a fragment someone said, embedded in the writer's sentence (``X dénonce
  les « sanctions illégales »``, ``X estime que le décret comprend « des preuves … »``);
- ``other``: a title, a name, a term or a scare quote, said by nobody in particular
  (``la journée des « gilets jaunes »``, ``le film « Intouchables »``).

The scanner makes a first guess from the marks alone (:mod:`quotesnap.scan`). The
decision here is learned (the ``kind`` model of :mod:`quotesnap.models`) from the features
of :func:`kind_features`: the words around the marks, the span's shape, and what
attribution found (:mod:`quotesnap.ranking`). The hand-written tests of the first
version (:func:`title_like`, :func:`closing_clause`, :func:`unsourced_title`) are among
its features.
"""

from __future__ import annotations

import regex

from . import lexicon
from .models import Features, LinearModel
from .results import Kind
from .scan import MarkedSpan

__all__ = [
    "closing_clause",
    "decide_kind",
    "kind_features",
    "sentence_of",
    "shape_features",
    "title_like",
    "unsourced_title",
]

#: How far before a quote the words that make it a title are looked for (« une vidéo
#: intitulée « … » »), and how far the words of its context are read for features.
TITLE_WINDOW = 30
CONTEXT_WINDOW = 40
#: How far from the marks, on each side, the quote's sentence is read for a reporting
#: word and for the phrase before a closing clause: a sentence of news is shorter, and
#: text without sentence punctuation (or thousands of quotes in one sentence) stays
#: linear (issue 8).
SENTENCE_WINDOW = 400
#: A clause in marks closing its sentence has at least this many words (« Selon X,
#: « … » »); shorter, it is a fragment.
CLAUSE_MIN_WORDS = 5
#: A title or a name in marks has at most this many words and no final punctuation.
TITLE_MAX_WORDS = 5

_CLAUSE_BEFORE = regex.compile(r"(?:[,:]|\b(?:lui|elle|eux|elles))\s*$")
_SUBORDINATE_BEFORE = regex.compile(r"(?i)\bqu(?:e\b|['’])")
_NAME_JOINERS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "et"})
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_LAST_WORD = regex.compile(r"([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)['’]?\W*$")
# an apostrophe, and an elided article or « de » (« l'Euphrate », « d'Alep »): compiled
# once, as every word of every span in marks is read with them
_APOSTROPHE = regex.compile(r"['’]")
_ELISION = regex.compile(r"^[lLdD]['’]")


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    """The index of the sentence range that holds ``pos``, or -1."""
    lo, hi = 0, len(sentences)
    while lo < hi:  # the ranges are sorted and disjoint
        mid = (lo + hi) // 2
        if sentences[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo][0] <= pos < sentences[lo][1]:
        return lo
    return -1


def title_like(text: str, q: MarkedSpan) -> bool:
    """A title, a name or an example in marks: after a word like ``intitulée`` or
    ``opération`` (``[title-words]`` of ``data/words.txt``), or set in parentheses (``les
    convictions ( « Nos convictions morales sont-elles fondées sur l'expérience ? » )``,
    a translation ``( « Le travail rend libre » )``)."""
    before = text[max(0, q.open_start - TITLE_WINDOW):q.open_start]
    after = text[q.close_end:q.close_end + 4]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        return True
    m = _LAST_WORD.search(before.rstrip(" \t\u00a0\u202f:"))
    if m is None:
        return False
    # « l'opération », « d'un film »: the word after the elision
    word, titles = _APOSTROPHE.split(m.group(1).lower())[-1], lexicon.words("title-words")
    return word in titles or _folded(word) in titles


def _folded(word: str) -> str:
    """A word of the title list's form: lowercase, without the feminine or plural
    ending of a participle (``intitulées`` -> ``intitulé``)."""
    word = word.lower()
    for ending in ("ées", "és", "ée", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stem = word[: -len(ending)]
            return stem + ("é" if ending.startswith("é") else "")
    return word


def unsourced_title(text: str, q: MarkedSpan) -> bool:
    """A short phrase with no final punctuation (« Le chemin vers Jésus »): with nobody
    to say it, a name or a title rather than direct speech."""
    body = text[q.start:q.end]
    return len(body.split()) <= TITLE_MAX_WORDS and not body.rstrip().endswith(
        (".", "!", "?", "…"))


def closing_clause(text: str, sentences: list[tuple[int, int]], q: MarkedSpan) -> bool:
    """A quote the scanner took for a fragment but that is a whole clause closing its
    sentence after an attribution phrase: « Selon X, « … » », « Pour eux, « … » »,
    « selon lui « … » », « sa famille a communiqué « … » »."""
    si = sentence_of(sentences, q.start)
    if si < 0 or len(text[q.start:q.end].split()) < CLAUSE_MIN_WORDS:
        return False
    end = sentences[si][1]
    if any(c.isalnum() for c in text[q.close_end:end]):
        return False
    before = text[max(sentences[si][0], q.open_start - SENTENCE_WINDOW):q.open_start].rstrip()
    if before.endswith(",") and _SUBORDINATE_BEFORE.search(before):
        return False  # « il a ajouté qu'aller trop loin, « … » »: inside a que-clause
    if _CLAUSE_BEFORE.search(before):
        return True
    last = before.rsplit(None, 1)[-1] if before else ""
    return bool(last) and bool(lexicon.lemmas_for_form(last.lower()))


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def shape_features(text: str, sentences: list[tuple[int, int]], q: MarkedSpan
                   ) -> dict[str, float]:
    """The features of a span in marks that attribution does not change: its length
    and first and last characters, what stands before and after its marks, the title
    and clause tests. The ``scan=``, ``words<=``, ``final-punct``, ``capital``,
    ``first-person``, ``before=``, ``after=``, ``title-word``, ``paren``,
    ``unsourced-title``, ``closing-clause`` and ``cue-in-sentence`` features of
    :func:`kind_features`."""
    return kind_features(text, sentences, q, rule="", mention="", repeated=False,
                         shape_only=True)


def kind_features(text: str, sentences: list[tuple[int, int]], q: MarkedSpan, *,
                  rule: str, mention: str, repeated: bool, source_p: float = 0.0,
                  shape_only: bool = False) -> dict[str, float]:
    """The features of the kind decision for the span ``q`` (outermost, in marks).

    ``rule`` is the rule that gave the quote its source (``""`` for none), ``mention``
    the type of the speaker mention (``name``, ``pronoun``, ``description`` or ``""``),
    ``repeated`` whether the span's words stand inside another span in marks of the
    document (the headline's fragment, quoted in full later).

    The features, by name:

    - ``scan=K``: the scanner's first guess; ``dialogue``, ``incise``: a dialogue turn,
      an incise inside the marks;
    - ``words<=N``: the span's length in words; ``final-punct``: it ends with . ! ? …;
      ``capital``: it starts with a capital; ``first-person``: it holds je, nous, mon…;
    - ``before=X``: what stands before the opening mark (``start`` of a paragraph or
      sentence, ``colon``, ``que``, ``comma``, ``de``, ``determiner``, ``preposition``,
      ``speech-verb``, ``word``); ``after=X``: what follows the closing mark (``end``,
      ``comma``, ``word``, ``colon``, ``paren``);
    - ``title-word``, ``paren``, ``unsourced-title``, ``closing-clause``: the tests of
      :func:`title_like`, :func:`unsourced_title`, :func:`closing_clause`;
    - ``cue-in-sentence``: the sentence has a reporting word (speech verb, ``selon``…);
    - ``all-capitals``: every word capitalised (a title or a name);
    - ``rule=R``, ``mention=M``: what attribution found, ``source-p>=0.5`` or
      ``source-p<0.5``: how sure the source model was; ``no-source``;
    - ``repeated``: the words are quoted at length elsewhere in the document.
    """
    body = text[q.start:q.end]
    words = _WORD.findall(body)
    f: dict[str, float] = {f"scan={q.kind.value}": 1.0,
                           f"words{_bucket(len(words), (1, 2, 4, 8, 15))}": 1.0}
    if q.dialogue:
        f["dialogue"] = 1.0
    if q.incises:
        f["incise"] = 1.0
    if body.rstrip().endswith((".", "!", "?", "…")):
        f["final-punct"] = 1.0
    if body[:1].isupper():
        f["capital"] = 1.0
        if len(words) > 1 and all(_ELISION.sub("", w)[:1].isupper()
                                  or w.lower() in _NAME_JOINERS for w in words):
            f["all-capitals"] = 1.0  # « Bouclier de l'Euphrate », « Gilets Jaunes »
    elif len(words) == 1 and any(c.isupper() for c in body[1:]):
        f["all-capitals"] = 1.0  # « EternalBlue », « eSwatini »
    first_person = lexicon.words("first-person-words")
    if any(part in first_person for w in words for part in _APOSTROPHE.split(w.lower())):
        f["first-person"] = 1.0
    f[f"before={_before(text, q)}"] = 1.0
    f[f"after={_after(text, q)}"] = 1.0
    if title_like(text, q):
        f["title-word"] = 1.0
    if unsourced_title(text, q):
        f["unsourced-title"] = 1.0
    if closing_clause(text, sentences, q):
        f["closing-clause"] = 1.0
    si = sentence_of(sentences, q.start)
    if si >= 0:
        a, b = sentences[si]
        context = (text[max(a, q.open_start - SENTENCE_WINDOW):q.open_start] + " "
                   + text[q.close_end:min(b, q.close_end + SENTENCE_WINDOW)])
        if lexicon.any_cue_regex().search(context):
            f["cue-in-sentence"] = 1.0
    if shape_only:
        return f
    f[f"rule={rule}" if rule else "no-source"] = 1.0
    if rule:
        f[f"source-p{'>=' if source_p >= 0.5 else '<'}0.5"] = 1.0
    if mention:
        f[f"mention={mention}"] = 1.0
    if repeated:
        f["repeated"] = 1.0
    return f


def _before(text: str, q: MarkedSpan) -> str:
    """What stands right before the opening mark, as a class."""
    if q.dialogue:
        return "start"
    before = text[max(0, q.open_start - CONTEXT_WINDOW):q.open_start].rstrip(
        " \t\u00a0\u202f")
    if not before or before[-1] in ".!?…\n\r":
        return "start"
    last = before[-1]
    if last == ":":
        return "colon"
    if last == ",":
        return "comma"
    if last in "(«“\"":
        return "paren"
    m = _LAST_WORD.search(before)
    if m is None:
        return "other"
    word = m.group(1).lower()
    if before.endswith(("'", "’")):
        word += "'"
    if word in ("que", "qu'"):
        return "que"
    if word == "comme":
        return "comme"  # « décrit comme « … » », « qualifié comme »
    if word in ("de", "d'", "du", "des"):
        return "de"
    if word in lexicon.words("determiners"):
        return "determiner"
    if word in lexicon.words("complement-prepositions") or word in ("à", "au", "aux", "en",
                                                                      "pour", "par", "sur"):
        return "preposition"
    if lexicon.lemmas_for_form(word):
        return "speech-verb"
    return "word"


def _after(text: str, q: MarkedSpan) -> str:
    """What follows the closing mark, as a class."""
    after = text[q.close_end:q.close_end + CONTEXT_WINDOW].lstrip(" \t\u00a0\u202f")
    if not after or after[0] in ".!?…\n\r":
        return "end"
    first = after[0]
    if first == ",":
        return "comma"
    if first in ":;":
        return "colon"
    if first in ")»”":
        return "paren"
    return "word"


def decide_kind(model: LinearModel, features: Features) -> tuple[Kind, float]:
    """The kind the ``kind`` model gives a span, and its probability."""
    cls, p = model.best(features)
    return Kind(cls), p
