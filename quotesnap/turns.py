"""Dialogue turns: which dashes open one, and where a turn's words end.

French novels set a line of dialogue after a dash: the em dash —, the en dash –, the
horizontal bar ― or, in ebooks typed on a keyboard, ``--``. The dash opens the paragraph
when the book keeps one line a turn; ebooks whose line breaks were lost run the turns and
the narration together in one paragraph::

    … jeta un regard vers le château. -- Pousse tes chevaux, Josselin ! cria-t-elle au
    cocher ; il était temps ! Le cocher allongea une couple de vigoureux coups de fouet …

Two things must be decided there that a paragraph break used to say, and this module
decides them for :mod:`quotesnap.scan`:

- **whether a dash inside a paragraph opens a turn** (:func:`opens_turn`): after the end
  of a sentence (. ! ? … : ; or a closing mark) and before a capital.
  A dash after a word or a comma, or before a lowercase word, is a parenthesis of the
  narrator or of the speaker (« ce n'est pas dans l'espoir -- ce serait affreux, comme
  vous le dites -- qu'elle accusera son père »), and the dash after a news dateline
  (« 13 décembre 2018. – Cette journée … ») opens the article, not a turn;
- **where the turn's words end** (:func:`speech_end`): a turn runs to the next turn or to
  the end of the paragraph, but when the paragraph goes on after the speaker's last
  sentence, the rest is the narrator's (« Le cocher allongea … »). Each sentence after the
  first is weighed as speech or narration by the ``speech`` model of
  :mod:`quotesnap.models` (:func:`sentence_features`: persons, tenses, punctuation), and
  the turn ends before the first sentence of narration.

Both look at a bounded stretch of text around the dash or inside the turn, so the scanner
stays linear in the length of the text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import regex

from . import lexicon
from .models import Features, LinearModel, Models

__all__ = [
    "DASH_CHARS",
    "LOOK_AROUND",
    "opens_turn",
    "sentence_features",
    "sentences",
    "speech_end",
    "speech_model",
]

#: The dashes that open a line of dialogue (``--`` too, matched as two characters).
DASH_CHARS = "—–―"
#: How many characters the tests around a dash look at, at most (spaces before a dash,
#: the start of a dateline).
LOOK_AROUND = 12
#: A sentence of a turn is the speaker's while the ``speech`` model gives it at least
#: this probability; the turn ends before the first sentence under it.
SPEECH_THRESHOLD = 0.5
#: A news dateline (« 13 décembre 2018. – », « 1er janvier 2017, 1 h 30 UTC+3. – ») is
#: at most this long, has a digit, and is the paragraph's first sentence.
DATELINE_MAX_CHARS = 60

_SPACE = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
# What may end the sentence before a dash that opens a turn: sentence punctuation, a
# colon (« … qui voulait dire : -- Attendez-moi »), or a closing mark or bracket.
_BEFORE_TURN = frozenset(".!?…:;»”\")]")
# What may start the words of a turn: a capital, a digit, « ... ». Not an opening mark:
# « C'était elle. — « Malheureux ! » me dit-elle » sets the words in marks, which say
# where they end.
_TURN_START = regex.compile(r"[\p{Lu}\p{N}¡¿]|\.\.\.|…")


def opens_turn(text: str, start: int, end: int, paragraph_start: int) -> bool:
    """Whether the dash at ``text[start:end]``, inside the paragraph that starts at
    ``paragraph_start``, opens a line of dialogue: after the end of a sentence, before a
    capital, not after a dateline."""
    before = start
    floor = max(paragraph_start, start - LOOK_AROUND)
    while before > floor and text[before - 1] in " \t\u00a0\u202f\u2009":
        before -= 1
    if before <= paragraph_start or text[before - 1] not in _BEFORE_TURN:
        return False
    after = end
    ceiling = min(len(text), end + LOOK_AROUND)
    while after < ceiling and text[after] in " \t\u00a0\u202f\u2009":
        after += 1
    if not _TURN_START.match(text, after):
        return False
    return not _dateline(text, paragraph_start, before)


def _dateline(text: str, paragraph_start: int, end: int) -> bool:
    """Is ``text[paragraph_start:end]`` a news dateline: short, with a digit, one
    sentence?"""
    if end - paragraph_start > DATELINE_MAX_CHARS:
        return False
    head = text[paragraph_start:end - 1]
    return any(c.isdigit() for c in head) and not any(c in ".!?…" for c in head.rstrip("."))


# -- where the words of a turn end ---------------------------------------------------------

# A sentence ends at . ! ? … (repeated, with closing marks) before spaces and what starts
# a sentence: a capital or an opening mark.
_SENTENCE_END = regex.compile(
    r"(?:[.!?…]+[»”\")\]]*)" + _SPACE + r"+(?=[\p{Lu}«“„])"
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``: cut after . ! ? … before a capital, never
    inside « » (a quotation inside a turn is part of its sentence)."""
    out = []
    pos = start
    depth = 0
    scan_from = start
    for m in _SENTENCE_END.finditer(text, start, end):
        depth += _marks_between(text, scan_from, m.start())
        scan_from = m.start()
        if depth > 0 or _abbreviation().search(text, max(start, m.start() - LOOK_AROUND),
                                               m.start() + 1):
            continue  # « dit M. Dupont », « J.-B. Say »: the sentence goes on
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


@functools.cache
def _abbreviation() -> regex.Pattern[str]:
    """An abbreviation of ``[abbreviations]`` (``data/words.txt``) or an initial, and its
    full stop, at the end of the searched text."""
    listed = sorted(lexicon.words("abbreviations"), key=lambda w: (-len(w), w))
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in listed)
                         + r"|\p{Lu})\.\Z")


def _marks_between(text: str, a: int, b: int) -> int:
    """How many « more than » stand in ``text[a:b]`` (never below the count before)."""
    return text.count("«", a, b) - text.count("»", a, b)


def speech_end(text: str, start: int, end: int, *, at_line_start: bool = False,
               alone: bool = False, incises: Sequence[tuple[int, int]] = (),
               model: LinearModel | None = None,
               names: Callable[[], frozenset[str]] = frozenset,
               trace: list[tuple[tuple[int, int], Features]] | None = None) -> int:
    """Where the words of the turn ``text[start:end]`` end: before the first sentence,
    after the first, that the ``speech`` model reads as narration (``end`` when none
    does).

    ``at_line_start``: the turn's dash opens its paragraph; ``alone``: and nothing but
    the turn fills the paragraph (no other turn starts in it), as in books that keep a
    paragraph a turn, where a narrator's sentence after the speech is rarer than in
    ebooks that lost their line breaks. ``incises``: the incises found in the turn.
    ``model``: the weights (default: :func:`speech_model`); ``names``: gives the names
    of the text (:func:`names_in`, computed only when a turn has a second sentence);
    ``trace``: every sentence weighed is appended to it with its features, for
    training."""
    parts = sentences(text, start, end)
    if len(parts) < 2:
        return end
    model = model or speech_model()
    layout = "alone" if alone else "line" if at_line_start else "inline"
    for k in range(1, len(parts)):
        a, b = parts[k]
        prev = parts[k - 1]
        after_incise = any(prev[0] <= i < prev[1] for i, _ in incises)
        features = sentence_features(text, a, b, layout=layout, index=k,
                                     after_incise=after_incise, names=names())
        if trace is not None:
            trace.append(((a, b), features))
        if model.probability(features) < SPEECH_THRESHOLD:
            while a > start and text[a - 1].isspace():
                a -= 1
            return a
    return end


def speech_model() -> LinearModel:
    """The weights of the ``speech`` model shipped in ``quotesnap/data/models/speech.json``
    (:meth:`quotesnap.models.Models.packaged`, read once), written by ``python
    scripts/train.py`` from the fiction corpus (:func:`quotesnap.training.train_speech`)."""
    return Models.packaged().speech


# -- the features of a sentence -------------------------------------------------------------

_WORDS = regex.compile(r"\p{L}+(?:['’]|(?:-\p{L}+)*)")


def names_in(text: str) -> frozenset[str]:
    """The names of a text: capitalised words it writes in the middle of a sentence
    (« … lorsque Rocambole entra »), where a capital is no sentence's first letter."""
    return frozenset(m.group(1) for m in _MID_SENTENCE_NAME.finditer(text))


_MID_SENTENCE_NAME = regex.compile(r"[\p{Ll},;][ \u00a0]+(\p{Lu}\p{Ll}[\p{L}-]*)")


def sentence_features(text: str, start: int, end: int, *, layout: str = "inline",
                      index: int = 1, after_incise: bool = False,
                      names: frozenset[str] = frozenset()) -> dict[str, float]:
    """The features of the sentence ``text[start:end]`` of a turn for the ``speech``
    model: is it the speaker going on, or the narrator?

    By name: ``w=`` each lowercase word (once), ``end=`` the last 3 letters of each word
    of more than 4 (the tense shows in the ending: « -ait », « -èrent », « -rez »),
    ``first=`` the first word, ``end@2=``, ``end@3=`` the last 2 letters of the second
    and third words (where a narrator's verb stands: « Rocambole sourit »),
    ``punct=`` the final punctuation, ``person=1|2`` a first or second person word,
    ``third-subject`` a sentence that opens on « il », « elle »…, ``name-subject`` one that
    opens on a name of the text (``names``: « Saphir fit une jolie moue »), ``words<=N`` (3, 8, 25)
    or ``long`` its length, ``inner-quote`` a « inside it; about its
    place: ``layout=`` ``alone`` (the turn fills its paragraph), ``line`` (the turn opens
    its paragraph, others follow) or ``inline`` (the turn starts inside a paragraph),
    ``index=`` the sentence's rank in the turn (1, 2, 3+), ``after-incise`` (the
    sentence before held the speaker's incise); and the main cues crossed with the
    layout (``layout=…&person=1|2``…).
    """
    body = text[start:end]
    words = [w.lower() for w in _WORDS.findall(body)]
    f: dict[str, float] = {}
    for w in set(words):
        f[f"w={w}"] = 1.0
        if len(w) > 4:
            f[f"end={w[-3:]}"] = 1.0
    cues = []
    if words:
        f[f"first={words[0]}"] = 1.0
        if words[0] in lexicon.words("third-subjects"):
            cues.append("third-subject")
        first = _WORDS.search(body)
        if first is not None and first.group() in names:
            cues.append("name-subject")
    speaker_words = lexicon.words("speaker-words")
    if any(w in speaker_words for w in words):
        cues.append("person=1|2")
    stripped = body.rstrip(" \t\u00a0\u202f»”\")]")
    last = stripped[-1:] if stripped else ""
    cues.append(f"punct={last if last in '.!?…:;,' else 'none'}")
    # the verb of a narrator's sentence comes second or third, after its subject
    # (« Rocambole sourit », « Le vicomte tressaillit », « Elle s'arrêta »)
    for n in (1, 2):
        if len(words) > n and len(words[n]) > 2:
            f[f"end@{n + 1}={words[n][-2:]}"] = 1.0
    size = next((edge for edge in (3, 8, 25) if len(words) <= edge), 0)
    cues.append(f"words<={size}" if size else "long")
    if "«" in body:
        cues.append("inner-quote")
    if after_incise:
        cues.append("after-incise")
    cues.append(f"index={min(index, 3)}")
    f[f"layout={layout}"] = 1.0
    for cue in cues:
        f[cue] = 1.0
        f[f"layout={layout}&{cue}"] = 1.0
    return f
