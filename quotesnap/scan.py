"""Stage 1, scan: find the spans of text between quotation marks, and dialogue turns.

Pure and cheap: one pass of a precompiled :mod:`regex` pattern over the text finds every
candidate mark and every line break, and a small stack machine pairs them. No parser is
involved; the result feeds :mod:`quotesnap.candidates`.

French typography handled here (after the Imprimerie nationale's *Lexique des règles
typographiques* and the usage of French news agencies):

- guillemets « » (with no space, a space, a no-break space U+00A0 or a narrow no-break
  space U+202F inside the marks), and the ASCII stand-ins ``<<`` ``>>``;
- English quotes “ ” and German-style low-high „ “ (both used alone in French web text,
  and “ ” as the second level inside « »); single ‹ › and ‘ ’ as inner quotes; straight ``"``
  in pairs;
- nesting to any depth: each inner span is its own :class:`MarkedSpan`, one level deeper;
- a quote continued over several paragraphs: each paragraph reopens with « (or with », the
  older convention) and only the last one closes; this is ONE span;
- dash dialogue in fiction: a paragraph whose first visible character is a dash (— or –)
  is a turn of dialogue, and so is each dash paragraph of a dialogue opened with « in the
  older style (``« Bonjour, dit-il.`` / ``— Bonjour, répondit-elle. »``);
- broken typography never raises: it becomes a :class:`~quotesnap.results.Diagnostic`.

Broken typography is recovered from in bounded ways, so that time and output stay linear in
the text whatever it holds (``docs/limits.md``):

- a mark that never closes does not swallow the marks after it: an opening mark inside an
  unclosed quote of the same mark starts the quote over (``« Un vieux ministre … « Mais
  déjà …`` is two quotes, each paragraph of a speech reopened with « in a text whose line
  breaks were lost), while a same-mark quote that does close nests as usual;
- at most :data:`MAX_DEPTH` quotes are open at once; an opening mark beyond that starts the
  innermost quote of the same mark over, or is ignored when there is none;
- at most :data:`MAX_DIAGNOSTICS` diagnostics per text, then one ``too-many``;
- every look-back (to the paragraph start, the sentence start) is bounded before it
  searches.

Apostrophes are never quotation marks: ’ in ``aujourd’hui``, ``l’État``, ``qu’il`` is followed
by a letter, which a closing quote never is, and the straight ``'`` is not a mark at all.

Span convention (that of the gold files, ``../shared/data/gold/GUIDELINE.md``): a span is
its content, without the marks and without the spaces after an opening mark or before a
closing one; final punctuation inside the marks is kept. An *incise* inside the content
(``« Nous partons, a-t-il dit, demain. »``) is recorded on the span; :func:`split_incises`
gives the parts around it, which become separate quotes.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re

import attrs
import regex

from . import lexicon, turns
from .models import Features, LinearModel
from .results import Diagnostic, Kind

__all__ = [
    "KIND_CONFIDENCE",
    "MAX_DEPTH",
    "MAX_DIAGNOSTICS",
    "MarkedSpan",
    "ScanResult",
    "scan",
    "split_incises",
]

#: How often the scanner's first guess at the kind is right: the precision of each guessed
#: kind on ``../shared/data/gold/news-train.jsonl`` (column P of ``quotesnap evaluate
#: --scan-only ../shared/data/gold/news-train.jsonl``: 93.3, 65.8, 78.8). The confidence of
#: a quote when only the scanner ran (``attribute=False``, ``--scan-only``): a fragment in
#: marks is often a title or a term rather than someone's words, a clause in marks rarely.
KIND_CONFIDENCE: dict[Kind, float] = {Kind.DIRECT: 0.93, Kind.PARTIAL: 0.66, Kind.OTHER: 0.79}

#: How many quotes may be open at once (nested in one another, or left unclosed). Real
#: text nests two or three deep; beyond this, an opening mark starts the innermost open
#: quote of the same mark over, or is ignored with a ``too-deep`` diagnostic.
MAX_DEPTH = 8
#: Diagnostics reported per text; what follows is counted in one ``too-many`` diagnostic.
MAX_DIAGNOSTICS = 1000
#: How far back (in characters) the scanner looks for the start of a quote's sentence or
#: paragraph; a search never goes further.
LOOK_BACK = 300


@attrs.frozen
class MarkedSpan:
    """The content between a pair of quotation marks, or of one dialogue turn.

    ``start``/``end``: the content (after the opening mark and the spaces after it, before
    the spaces that precede the closing mark). ``open_start``/``close_end``: the marks
    included; ``open_start == start`` for a dialogue turn that has no mark, and
    ``close_end == end`` when the span was recovered without a closing mark (``close_mark``
    is then ``""``). ``depth``: 0 outermost, 1 inside another span, and so on.
    ``paragraphs``: how many paragraphs the span covers. ``incises``: the character ranges
    of the incises inside the content (``a-t-il dit``). ``kind``: a first guess, refined by
    attribution. ``dialogue``: a dash-dialogue turn rather than a marked quote; an incise
    that ends a turn (``— Tu es seule ? demanda le garçon.``) stands after its content,
    as ``», a déclaré X`` stands after closing marks.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    depth: int
    open_mark: str
    close_mark: str
    paragraphs: int
    incises: tuple[tuple[int, int], ...]
    kind: Kind
    dialogue: bool = False

    def content(self, text: str) -> str:
        """The span's content in ``text`` (spans store offsets only)."""
        return text[self.start : self.end]


@attrs.frozen
class ScanResult:
    """All spans of a text (nested ones included, sorted by ``(start, -end)``) and the
    diagnostics about broken typography met on the way."""

    spans: tuple[MarkedSpan, ...]
    diagnostics: tuple[Diagnostic, ...]


# --- Characters ------------------------------------------------------------------------

# Line breaks: those of str.splitlines(). A paragraph is a line; blank lines between
# paragraphs (the usual "\n\n" of news text) do not break a quote continued over them.
_BREAK = r"(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])"
# Spaces inside a line: ordinary, tab, no-break (U+00A0), narrow no-break (U+202F, the
# space French typography puts inside « »), thin spaces and the like.
_SPACE = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_SPACES = regex.compile(_SPACE + "*")
_LINE_END = regex.compile(_BREAK + "|$")

# Every candidate mark and every paragraph break, found in one pass. ‘ counts only at a word
# start (after no letter or digit, so not the misused apostrophe of ``d‘origine``) and ’
# only at a word end not followed by a letter or digit (so never in ``aujourd’hui``).
_TOKENS = regex.compile(
    r"(?P<brk>" + _BREAK + r"(?:" + _SPACE + r"*" + _BREAK + r")*)"
    r"|(?P<mark><<|>>|[«»“”„‟‹›]|(?<!\p{N})\"|\"(?!\p{N})|(?<![\p{L}\p{N}])‘(?!" + _SPACE + r")"
    r"|(?<=[^\s])’(?![\p{L}\p{N}]))"
    # a dash inside a paragraph, which may open a line of dialogue (quotesnap.turns)
    r"|(?P<dash>(?<!-)--(?!-)|[—–―])"
)

# What closes what. „ (low) is closed by “ in German style and by ” in Polish style; “ is
# closed by ”. A dialogue turn opened in a «-dialogue is closed by the final ».
_OPENERS_OF: dict[str, frozenset[str]] = {
    "»": frozenset({"«"}),
    ">>": frozenset({"<<"}),
    "”": frozenset({"“", "„", "‟"}),
    "“": frozenset({"„"}),
    "›": frozenset({"‹"}),
    "’": frozenset({"‘"}),
    '"': frozenset({'"'}),
}
_OPENERS = frozenset({"«", "<<", "“", "„", "‟", "‹", "‘"})
# Weak marks are also ordinary characters (an inch sign, an apostrophe): they only count
# when paired inside one paragraph, and an unpaired one yields no span.
_WEAK = frozenset({'"', "‘"})
# Marks that may carry a quote over a paragraph break, with the marks that reopen the next
# paragraph: « is reopened by « or, in the older convention, by ».
_REOPENERS: dict[str, tuple[str, ...]] = {
    "«": ("«", "»"),
    "<<": ("<<",),
    "“": ("“",),
    "„": ("„",),
}
_REOPEN = regex.compile(r"«|»|<<|“|„")


# A dialogue turn: the first visible character of the paragraph is an em dash, an en dash,
# a horizontal bar or the typewriter "--". A dash inside a line opens a turn only after
# the end of a sentence and before a capital (quotesnap.turns.opens_turn): elsewhere it is
# punctuation (news use – as a parenthesis, or after a dateline: "13 décembre 2018. –
# Cette journée …").
_DASH = regex.compile(r"(—|–|―|--(?!-))" + _SPACE + "*")
_OPENING_MARK = regex.compile(r"[«“„‟‹\"]|<<")
# News set the source of a quotation on its own line under it, after a dash: "— Mai Fatty,
# conseiller du président Barrow", "— Jean-Luc Boch (maire)", "— Donald Trump, Président
# élu des États-Unis." That line is a signature, not a dialogue turn: it does not end like
# a sentence, or it is one plain sentence (no ! ? …, no incise) that starts with a full name.
_SENTENCE_PUNCT = frozenset(".!?…:;,«»“”\"")
_NAMED_SENTENCE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*" + _SPACE
    + r"+\p{Lu}[\p{L}\p{M}]*[,(]?[^.!?…]*\.?" + _SPACE + r"*\Z"
)

_SENTENCE_END = regex.compile(r"[.!?…][\p{Pf}\p{Pe}]*\Z")


# --- Incise patterns --------------------------------------------------------------------

# Which words are speech verbs is the lexicon's business (quotesnap.lexicon, data file
# speech_verbs.txt); the patterns here only know French word order and verb endings.
# "faire" is no speech verb in general, but « fit-il », « fait-elle » is the commonest
# dialogue incise of all in fiction.
_FAIRE = frozenset({"fit", "firent", "fait", "font", "faisait", "faisaient", "fis"})


def _is_incise_verb(word: str) -> bool:
    return word.lower() in _FAIRE or bool(lexicon.lemmas_for_form(word))


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The incise pattern (inside a span) and the incise-after-the-marks pattern,
    compiled on first use, not at import. Both capture the verb as ``verb``, for
    :func:`_is_incise_verb` to check."""
    sp = _SPACE + "+"
    word = r"\p{L}[\p{L}\p{M}]*"
    aux = r"(?:a|avait|aurait|eut|ont|avaient|auraient|eurent)"
    # The narrator's subject clitic after an inverted verb: "dit-il", "ajoute-t-elle" (the
    # -t- is the euphonic t between two vowels), "demandai-je", "répondit-on". Not "tu",
    # "nous", "vous": "pensez-vous" after a comma is a question inside the quote.
    pron = r"(?:-t)?-(?:il|elle|on|ils|elles|je)\b"
    # An object clitic may come before the verb: "lui dit-elle", "me dit-il", "s'écria-t-il".
    clitic = r"(?:(?:me|te|se|lui|leur|nous|vous)" + sp + r"|[mts]['’])?"
    # A past simple or an imperfect after a comma can only be the narrator's verb
    # ("ajouta tristement la voyageuse", "dit enfin Laurence"); a present may be an
    # imperative inside the quote ("Oui, demande à ta mère") and needs its subject after
    # it: a determiner and a word, or a capitalised name ("souligne le ministre").
    told = word + r"(?:a|ait|aient|èrent|it|irent|ut|urent|int|inrent)"
    det = (r"(?:le|la|les|un|une|des|du|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|"
           r"vos|leur|leurs|cet|cette|ces|M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|monsieur|madame|"
           r"mademoiselle)")
    subject = r"(?:" + det + sp + r"\p{L}|l['’]\p{L}|\p{Lu})"
    core = clitic + (
        r"(?:" + aux + pron + sp + r"(?P<verb>" + word + r")"      # a-t-il dit
        + r"|(?P<verb>" + word + r")" + pron                     # dit-il, ajoute-t-elle
        + r"|(?P<verb>" + told + r")(?=" + sp + r")"                # reprit le garçon
        + r"|(?:" + aux + sp + r")?(?P<verb>" + word + r")" + sp + subject  # a déclaré X
        + r")"
    )
    # The incise runs from its verb to the next , ; : . ! ? … or to the end of the content
    # (a trailing incise in a dialogue turn), with a few more words on the way ("dit-elle en
    # m’enlaçant dans ses beaux bras"). A relative clause on the speaker belongs to the
    # narrator too, commas included: "dit mère Clarisse qui ne savait pourquoi…, …".
    # The full stop of a title is no end: « dit M. Dupont », « répondit Mme Georges ».
    titles = "|".join(regex.escape(w) for w in sorted(
        (w for w in lexicon.words("abbreviations") if w[:1].isupper()),
        key=lambda w: (-len(w), w)))
    title = r"(?<![\p{L}])(?:" + titles + r")"
    run = r"(?:[^,;:.!?…\n\r]|(?<=" + title + r")\.(?=" + _SPACE + r"))"
    incise = regex.compile(
        r"(?<=(?:[,;!?…]|\.\.\.)" + _SPACE + r"*)\b(?P<incise>" + core + run + r"{0,120}?"
        r"(?:,?" + _SPACE + r"*\b(?:qui|dont)\b[^;.!?…\n\r]*)?)"
        + _SPACE + r"*(?=[,;:!?…]|(?<!" + title + r")\.|\Z)",
        regex.V1,
    )
    after = regex.compile(_SPACE + r"*," + _SPACE + r"*" + core, regex.V1)
    return incise, after


# --- Kinds -------------------------------------------------------------------------------

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
# What may stand just before a quote that opens its own sentence: nothing (a paragraph
# start), a sentence end, a colon, a dialogue dash, or an outer opening mark or bracket.
_OPENS_SENTENCE = frozenset(".!?…:\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029«“„‹\"‘—–([")
_SPACES_BEFORE = regex.compile(_SPACE + "*", regex.REVERSE)


def _guess_kind(text: str, start: int, end: int, open_start: int, close_end: int,
                incises: tuple[tuple[int, int], ...], dialogue: bool, cues: _Cues) -> Kind:
    """A first guess at the kind of a span; attribution refines it.

    The guideline of the gold files tells a direct quote from a partial one by its place,
    not its length: words in marks that make up their own sentence are DIRECT, words in
    marks embedded in the journalist's sentence (``estime que « … »``, ``il faut
    « continuer le combat »``, ``« … », selon son porte-parole`` after a fragment) are
    PARTIAL or OTHER however long they are. So DIRECT is: a dialogue turn; a span with an
    incise inside; a span that opens its sentence (after a paragraph start, a sentence end
    or a colon) and either ends with . ! ? … inside the marks, or has three words or more,
    or is followed by an incise (``«Bien sûr», a annoncé Lavrov``); a one-word
    ``« Scandaleuse », …`` at a sentence start is a fragment.
    Every other span is a fragment: PARTIAL when its sentence has a speech verb or
    ``selon``/``d'après`` (``il faut « continuer le combat »``), OTHER when it has none
    (``la journée des « gilets jaunes »``, titles, nicknames, scare quotes). Attribution
    decides PARTIAL against OTHER for good, once it knows whether there is a source.
    """
    if dialogue or incises:
        return Kind.DIRECT
    pos = _SPACES_BEFORE.match(text, max(0, open_start - LOOK_BACK), open_start).start()
    if pos == 0 or text[pos - 1] in _OPENS_SENTENCE:
        body = text[start:end]
        if _SENTENCE_END.search(body) or len(_WORD.findall(body)) >= 3:
            return Kind.DIRECT
        _, after = _patterns()
        m = after.match(text, close_end, min(len(text), close_end + 120))
        if m and _is_incise_verb(m.group("verb")):
            return Kind.DIRECT
    return Kind.PARTIAL if cues.around(open_start, close_end) else Kind.OTHER


_LAST_BREAK = regex.compile(_BREAK, regex.REVERSE)
_SENTENCE_BEFORE = regex.compile(r"[.!?…]" + _SPACE, regex.REVERSE)
_SENTENCE_AFTER = regex.compile(r"[.!?…](?:" + _SPACE + r"|\Z)|" + _BREAK)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The sentence holding text[start:end], within its paragraph and LOOK_BACK characters
    each side (both searches are bounded before they run), and whether a bound cut it."""
    lo = max(0, start - LOOK_BACK)
    cut = lo > 0
    m = _LAST_BREAK.search(text, lo, start)
    if m:
        lo, cut = m.end(), False
    m = _SENTENCE_BEFORE.search(text, lo, start)
    if m:
        lo, cut = m.end(), False
    hi = min(len(text), end + LOOK_BACK)
    m = _SENTENCE_AFTER.search(text, end, hi)
    return lo, m.start() if m else hi, cut or (m is None and hi < len(text))


class _Cues:
    """Does the sentence around a span hold a cue (a speech verb, ``selon``…)?

    The sentence is searched on its own. When it is longer than the look-back bound on a
    side (text without sentence punctuation, such as a run of hostile marks), the cues
    found once in the whole text are used instead, so that many spans in one endless
    sentence do not each search hundreds of characters around them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def around(self, start: int, end: int) -> bool:
        lo, hi, cut = _sentence_around(self.text, start, end)
        if not cut:
            return lexicon.any_cue_regex().search(self.text[lo:hi]) is not None
        if self._starts is None:
            self._starts = [m.start() for m in lexicon.any_cue_regex().finditer(self.text)]
        k = bisect.bisect_left(self._starts, lo)
        return k < len(self._starts) and self._starts[k] < hi


# --- Incises -----------------------------------------------------------------------------


def _find_incises(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The incises inside text[start:end]: a speech verb with an inverted subject
    (``dit-il``, ``a-t-elle ajouté``, ``s'écria-t-il``) or followed by its subject (``dit
    Bouvard``, ``a déclaré le ministre``), after a comma, ! ? … or ;, up to the punctuation
    that ends it. In French the narrator's words that interrupt a quote invert the subject
    and verb: that inversion is what marks them off from the quoted words."""
    incise, _ = _patterns()
    found: list[tuple[int, int]] = []
    for m in incise.finditer(text, start, end):
        if not _is_incise_verb(m.group("verb")):
            continue  # "semble-t-il", "est-il": an inversion, but no one speaks
        # Two incises never follow each other with no quoted words between: in
        # « Cet événement, ajoute-t-il, confirme la nouvelle. » the second candidate
        # (a verb and its object) is the quote going on.
        if found and _ends_content(text, found[-1][1], m.start("incise")):
            continue
        found.append(m.span("incise"))
    return tuple(found)


_WORDY = regex.compile(r"[\p{L}\p{N}]")
_PART_START = regex.compile(r"(?:" + _SPACE + r"|[,;:.!?…])*")


def split_incises(span: MarkedSpan, text: str) -> list[tuple[int, int]]:
    """The content parts around the incises (what becomes separate quotes).

    ``« Nous partons, a-t-il dit, demain. »`` gives ``Nous partons,`` and ``demain.``: a
    part keeps the punctuation before the incise; the punctuation that ends the incise and
    the spaces after it belong to no part. Empty parts are dropped.
    """
    parts = []
    pos = span.start
    for inc_start, inc_end in span.incises:
        parts.append((pos, _rstrip(text, inc_start, pos)))
        pos = _PART_START.match(text, inc_end, span.end).end()
    parts.append((pos, span.end))
    return [(a, b) for a, b in parts if b > a]


def _ends_unlike_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether the last visible character of ``text[start:end]`` is no sentence
    punctuation (spaces at the end of the line do not count: ebooks often leave one
    before the line break). One backward pass over the trailing spaces, never a search
    from every position."""
    spaces = _SPACES_BEFORE.match(text, start, end).start()
    return spaces > start and text[spaces - 1] not in _SENTENCE_PUNCT


def _ends_content(text: str, pos: int, end: int) -> bool:
    """Whether only punctuation and spaces stand between ``pos`` and ``end``."""
    return bool(_PART_START.match(text, pos, end).end() == end)


def _rstrip(text: str, end: int, floor: int) -> int:
    """``end`` moved back over spaces, but not below ``floor``."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


# --- The scanner -------------------------------------------------------------------------


@attrs.define
class _Open:
    """A mark (or dialogue dash) waiting for its close."""

    mark: str
    open_start: int
    start: int
    dialogue: bool = False
    # A dash turn inside a dialogue opened with «: the final » closes it.
    guillemets: bool = False
    # A dash turn whose dash opens its paragraph.
    line_start: bool = False
    paragraphs: int = 1
    # Where the paragraph ended, while a quote waits to see if the next one reopens it.
    para_end: int = 0
    # The open quote of the same mark this one opened inside (« … « …), if any.
    same: _Open | None = None
    # Where the earliest quote of the same mark opened inside this one and not (yet) closed
    # starts: if this quote never closes, it ends there (the inner one starts over).
    restart: int | None = None


class _Scanner:
    """The stack machine behind :func:`scan`: one instance per text."""

    def __init__(self, text: str, speech: LinearModel | None = None,
                 trace: list[tuple[tuple[int, int], Features]] | None = None) -> None:
        self.text = text
        self.speech = speech
        self.trace = trace
        self.stack: list[_Open] = []
        self.spans: list[MarkedSpan] = []
        self.diagnostics: list[Diagnostic] = []
        self.carry: _Open | None = None  # a quote that may continue in the next paragraph
        self.in_guillemet_dialogue = False
        self.skip_until = 0  # marks before this were consumed at a paragraph start
        self.untold = 0  # diagnostics past MAX_DIAGNOSTICS
        self.cues = _Cues(text)
        self.first_untold: tuple[int, int] = (0, 0)
        self.paragraph_at = 0  # where the current paragraph starts
        self._names: frozenset[str] | None = None

    def names(self) -> frozenset[str]:
        """The names of the text (:func:`quotesnap.turns.names_in`), found on first use."""
        if self._names is None:
            self._names = turns.names_in(self.text)
        return self._names

    def run(self) -> ScanResult:
        text = self.text
        self.paragraph_start(0)
        pos = 0
        cycles = _Cycles(self)
        while (m := _TOKENS.search(text, pos)) is not None:
            pos = m.end()
            if m.start() < self.skip_until:
                continue
            if m.lastgroup == "brk":
                self.paragraph_end(m.start())
                self.paragraph_start(m.end())
                cycles.clear()
            elif m.lastgroup == "dash":
                if self.dash(m.start(), pos):
                    cycles.clear()
            else:
                self.mark(m.group(), m.start(), pos)
                pos += cycles.skip(m.start(), m.group())
        self.paragraph_end(len(text))
        if self.carry is not None:
            self.close_unclosed(self.carry, self.carry.para_end)
        if self.untold:
            start, end = self.first_untold
            self.diagnostics.append(Diagnostic(
                "too-many", f"{self.untold} more problems with quotation marks were not "
                "reported, from here on; the text's marks are badly broken.", start, end))
        return ScanResult(_with_depths(self.spans), tuple(self.diagnostics))

    # Paragraphs -------------------------------------------------------------------------

    def paragraph_start(self, pos: int) -> None:
        text = self.text
        first = _SPACES.match(text, pos).end()
        self.paragraph_at = first
        if self.carry is not None and self.continue_carry(first):
            return
        dash = _DASH.match(text, first)
        if dash and not _OPENING_MARK.match(text, dash.end()) and not self.signature(dash):
            self.stack.append(_Open(dash.group(1), first, dash.end(), dialogue=True,
                                    guillemets=self.in_guillemet_dialogue, line_start=True))
            self.skip_until = dash.end()
            return
        self.in_guillemet_dialogue = False

    def signature(self, dash: regex.Match[str]) -> bool:
        """Whether a paragraph opening with a dash names the source of the quotation
        above it rather than starting a dialogue turn."""
        end = _LINE_END.search(self.text, dash.end()).start()
        if _ends_unlike_a_sentence(self.text, dash.end(), end):
            return True
        # "— Toujours Laurence, répondit l'actrice avec calme." has an incise: a turn.
        return bool(_NAMED_SENTENCE.match(self.text, dash.end(), end)
                    and not _find_incises(self.text, dash.end(), end))

    def continue_carry(self, first: int) -> bool:
        """Decide the fate of a quote left open at the end of the previous paragraph:
        continued if this paragraph reopens it; ended there if this paragraph is a dash
        turn of a «-dialogue; otherwise unclosed. True when the paragraph was consumed."""
        carry, self.carry = self.carry, None
        assert carry is not None
        reopen = _REOPEN.match(self.text, first)
        if reopen and reopen.group() in _REOPENERS[carry.mark]:
            carry.paragraphs += 1
            after = _SPACES.match(self.text, reopen.end()).end()
            if carry.start >= carry.para_end:  # nothing yet: the content starts here
                carry.start = after
            self.stack.append(carry)
            self.skip_until = reopen.end()
            return True
        if carry.mark == "«" and _DASH.match(self.text, first):
            # « Bonjour, dit-il.↵— Bonjour, répondit-elle. » : each turn is its own quote.
            self.emit(carry, carry.para_end, "", carry.para_end)
            self.in_guillemet_dialogue = True
        else:
            self.close_unclosed(carry, carry.para_end)
        return False

    def paragraph_end(self, pos: int) -> None:
        """Close what the paragraph left open; the outermost quote may go on (and so may
        the last of a run of unclosed quotes that each start over in the one before)."""
        stack, self.stack = self.stack, []
        while stack:
            entry = stack.pop()
            end = _rstrip(self.text, pos, entry.start)
            if entry.dialogue:
                self.emit(entry, end, "", end, alone=entry.line_start)
            elif entry.mark in _REOPENERS and entry.restart is None and all(
                    e.restart is not None and not e.dialogue for e in stack):
                entry.para_end = end
                self.carry = entry
            else:
                self.close_unclosed(entry, end)

    # Marks ------------------------------------------------------------------------------

    def mark(self, mark: str, start: int, end: int) -> None:
        if mark == '"':
            if any(e.mark == '"' for e in self.stack):
                self.close(mark, start, end)
            else:
                self.open(mark, start, end)
        elif mark == "“":
            # German-style „ … “ closes with “; otherwise “ opens.
            if self.find_opener("“") is not None:
                self.close(mark, start, end)
            else:
                self.open(mark, start, end)
        elif mark in _OPENERS:
            self.open(mark, start, end)
        else:
            self.close(mark, start, end)

    def dash(self, start: int, end: int) -> bool:
        """A dash inside a paragraph. When it opens a line of dialogue
        (:func:`quotesnap.turns.opens_turn`), the turn before it ends there and a new one
        starts; so does a quotation of an exchange inside a turn (« Ça me va, monsieur
        Murph. – Mais, que vous me dites, … »), whose final » closes the last turn. True
        when the dash opened a turn."""
        text, stack = self.text, self.stack
        if not turns.opens_turn(text, start, end, self.paragraph_at):
            return False
        content = _SPACES.match(text, end).end()
        top = stack[-1] if stack else None
        guillemets = False
        if top is not None and not top.dialogue:
            # « at the start of a paragraph opens a dialogue in the older style (« Très
            # bien, dit Hector Servadac. -- Nom d'un Kabyle ! s'écria Ben-Zouf … »)
            if top.mark != "«" or not (self.in_guillemet_dialogue
                                       or top.open_start == self.paragraph_at
                                       or any(e.dialogue for e in stack)):
                return False  # a dash inside a quotation in narration: punctuation
            guillemets = True
        elif top is not None:
            guillemets = top.guillemets
        if top is not None:
            stack.pop()
            if top.restart is not None and top.restart < start:
                self.close_unclosed(top, start)
            else:
                cut = _rstrip(text, start, top.start)
                self.emit(top, cut, "", cut)
        stack.append(_Open(text[start:end], start, content, dialogue=True,
                           guillemets=guillemets))
        return True

    def open(self, mark: str, start: int, end: int) -> None:
        same = next((e for e in reversed(self.stack) if e.mark == mark), None)
        if len(self.stack) >= MAX_DEPTH:
            if same is None:
                self.diagnose("too-deep", f"{mark} would open a quote more than {MAX_DEPTH} "
                              "deep; it was ignored.", start, end)
                return
            # Start the innermost quote of the same mark over: it (and whatever opened
            # inside it) is taken as never closed and ends here.
            while self.stack:
                entry = self.stack.pop()
                self.close_unclosed(entry, _rstrip(self.text, start, entry.start))
                if entry is same:
                    break
            same = same.same
        content = _SPACES.match(self.text, end).end()
        if mark == "«" and (turn := _DASH.match(self.text, content)) is not None:
            # « – Pars, me dit-il : a turn reopened inside a retelling; its words start
            # after the dash
            content = turn.end()
        self.stack.append(_Open(mark, start, content, same=same))
        if same is not None and same.restart is None:
            same.restart = start

    def find_opener(self, closer: str) -> int | None:
        """Index in the stack of the entry this closing mark closes, or None."""
        openers = _OPENERS_OF[closer]
        for i in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[i]
            if entry.mark in openers or (closer == "»" and entry.guillemets):
                return i
            if closer == "’":
                return None  # ’ only closes the innermost ‘; otherwise it is an apostrophe
        return None

    def close(self, mark: str, start: int, end: int) -> None:
        index = self.find_opener(mark)
        if index is None:
            self.close_unmatched(mark, start, end)
            return
        while len(self.stack) > index + 1:
            self.close_unclosed(self.stack.pop(), _rstrip(self.text, start, 0))
        entry = self.stack.pop()
        if entry.same is not None and entry.same.restart == entry.open_start:
            entry.same.restart = None  # it closed: a quote nested in the outer one
        if entry.guillemets:
            self.in_guillemet_dialogue = False
        content_end = _rstrip(self.text, start, entry.start)
        if not entry.dialogue and not _WORDY.search(self.text, entry.start, content_end):
            what = "nothing" if content_end <= entry.start else "no word"
            self.diagnose("empty", f"The marks {entry.mark}{mark} enclose {what}; "
                          "no quote was made.", entry.open_start, end)
            return
        self.emit(entry, content_end, mark, end)

    def close_unmatched(self, mark: str, start: int, end: int) -> None:
        if mark == "’":
            return  # an apostrophe or a possessive, not a quotation mark
        top = self.stack[-1] if self.stack else None
        if top is not None and not top.dialogue and top.mark not in _WEAK:
            self.diagnose("mismatch", f"{mark} closes a quote opened with {top.mark}; "
                          "it was closed here anyway.", start, end)
            self.stack.pop()
            self.emit(top, _rstrip(self.text, start, top.start), mark, end)
            return
        self.diagnose("stray-close", f"{mark} closes no open quotation mark; it was "
                      "ignored. Check for a missing opening mark before it.", start, end)

    def close_unclosed(self, entry: _Open, end: int) -> None:
        """End a quote whose closing mark never came, at ``end`` (a paragraph end), or
        where a quote of the same mark opened inside it and did not close either."""
        where = "end of its paragraph"
        if entry.restart is not None and entry.restart < end:
            end = _rstrip(self.text, entry.restart, entry.start)
            where = "next mark of the same kind, which starts a quote over"
        mark_end = entry.open_start + len(entry.mark)
        if entry.mark in _WEAK:
            self.diagnose("unpaired", f"This {entry.mark} has no partner in its paragraph; "
                          "it was not taken as a quotation mark.", entry.open_start, mark_end)
            return
        self.diagnose("unclosed", f"{entry.mark} is never closed; the quote was ended at the "
                      f"{where}. Check for a missing closing mark.", entry.open_start, mark_end)
        self.emit(entry, end, "", end)

    def diagnose(self, code: str, message: str, start: int, end: int) -> None:
        if len(self.diagnostics) < MAX_DIAGNOSTICS:
            self.diagnostics.append(Diagnostic(code, message, start, end))
            return
        if not self.untold:
            self.first_untold = (start, end)
        self.untold += 1

    def emit(self, entry: _Open, end: int, close_mark: str, close_end: int, *,
             alone: bool = False) -> None:
        """Make the span of ``entry``. ``alone``: a dialogue turn that fills its
        paragraph (:func:`quotesnap.turns.speech_end`)."""
        if end <= entry.start:
            return
        if not entry.dialogue and not _WORDY.search(self.text, entry.start, end):
            return  # marks and punctuation alone (« “ ‹ …, « ? ») are no quote
        if entry.dialogue and not close_mark:
            # a turn with no closing mark runs to the next turn or the paragraph's end;
            # the narrator may take the paragraph back before that
            end = close_end = turns.speech_end(
                self.text, entry.start, end, at_line_start=entry.line_start, alone=alone,
                incises=_find_incises(self.text, entry.start, end), model=self.speech,
                names=self.names, trace=self.trace)
        incises = _find_incises(self.text, entry.start, end)
        if entry.dialogue and incises and _ends_content(self.text, incises[-1][1], end):
            # "— Tu es donc toute seule avec lui ? demanda le jeune garçon." : a dialogue
            # turn has no closing mark, so an incise that ends it is where the words end.
            end = close_end = _rstrip(self.text, incises[-1][0], entry.start)
            incises = incises[:-1]
        kind = _guess_kind(self.text, entry.start, end, entry.open_start, close_end,
                           incises, entry.dialogue, self.cues)
        self.spans.append(MarkedSpan(
            start=entry.start, end=end, open_start=entry.open_start, close_end=close_end,
            depth=0, open_mark=entry.mark, close_mark=close_mark,
            paragraphs=entry.paragraphs, incises=incises, kind=kind,
            dialogue=entry.dialogue,
        ))


class _Cycles:
    """Skips what a run of broken marks would repeat, so that a million of them cost a
    few thousand steps (``«««…``, ``« « …``, ``«»«»…``, ``«“‹„<<‘«“‹„<<‘…``).

    After each mark, it compares the scanner's state with its state one cycle of ``k``
    marks before (k up to :data:`CYCLE`). When the last cycle made no quote and reported
    nothing (past MAX_DIAGNOSTICS a problem is only counted), left every older open quote
    as it was and opened the same quotes one cycle further on, and the text goes on
    repeating that cycle's characters, the following cycles would do the same: they are
    counted at once, and the quotes the last cycle opened move to where the last of them
    would open them. The last cycles of the repetition are always taken mark by mark.
    """

    CYCLE = 32

    def __init__(self, scanner: _Scanner) -> None:
        self.scanner = scanner
        # (mark start, mark, state after it) for the last marks of the paragraph
        self.seen: collections.deque[tuple[int, str, _State]] = collections.deque(
            maxlen=2 * self.CYCLE + 1)
        self.quiet = 0  # how many of the last marks made no quote and reported nothing

    def clear(self) -> None:
        self.seen.clear()
        self.quiet = 0

    def skip(self, start: int, mark: str) -> int:
        """Record the mark just taken at ``start``; the length of text skipped after it."""
        sc, seen = self.scanner, self.seen
        state = _State(len(sc.spans), len(sc.diagnostics), sc.untold, sc.in_guillemet_dialogue,
                       [(e, e.open_start, e.start, e.restart, e.same) for e in sc.stack])
        quiet = bool(seen) and (seen[-1][2].spans, seen[-1][2].told) == (state.spans,
                                                                          state.told)
        self.quiet = self.quiet + 1 if quiet else 0
        seen.append((start, mark, state))
        n = len(seen)
        text = sc.text
        # a cycle that skips must have made no quote and reported nothing
        for k in range(1, min(self.CYCLE, (n - 1) // 2, self.quiet) + 1):
            p0, mark0, before = seen[n - 1 - k]
            p2, mark2, _ = seen[n - 1 - 2 * k]
            if mark0 != mark or mark2 != mark:
                continue
            p1, _, after = seen[n - 1]
            unit = text[p0:p1]
            if text[p2:p0] != unit or not before.moved_on(p2, after, p0):
                continue
            # the text repeats the unit ``count`` times from this mark on; the cycles in
            # the last repeat may see past it, so they are taken mark by mark
            cycles = _repeat_count(unit, text, p1) - 2
            if cycles <= 0:
                continue
            shift = cycles * len(unit)
            sc.untold += cycles * (after.untold - before.untold)
            for entry in sc.stack:
                if entry.open_start > p0:  # opened by the last cycle: moves on
                    entry.open_start += shift
                    entry.start += shift
                if entry.restart is not None and entry.restart > p0:
                    entry.restart += shift
            seen.clear()
            return shift
        return 0


@attrs.frozen
class _State:
    """What the scanner's next steps depend on, recorded after a mark."""

    spans: int
    told: int
    untold: int
    guillemet_dialogue: bool
    stack: list[tuple[_Open, int, int, int | None, _Open | None]]

    def moved_on(self, ref: int, later: _State, later_ref: int) -> bool:
        """Whether ``later`` (one cycle after ``later_ref``) is this state (one cycle
        after ``ref``) moved on by one cycle: no quote made, nothing more reported, older
        quotes untouched, newer ones opened at the same places in their cycle."""
        if (self.spans, self.told, self.guillemet_dialogue, len(self.stack)) != (
                later.spans, later.told, later.guillemet_dialogue, len(later.stack)):
            return False
        index = {id(e[0]): i for i, e in enumerate(self.stack)}
        later_index = {id(e[0]): i for i, e in enumerate(later.stack)}

        def where(pos: int | None, origin: int) -> object:
            return pos if pos is None or pos <= origin else ("in cycle", pos - origin)

        for (e0, open0, start0, restart0, same0), (e1, open1, start1, restart1, same1) in zip(
                self.stack, later.stack, strict=True):
            if where(restart0, ref) != where(restart1, later_ref):
                return False
            if open0 <= ref:
                if e1 is not e0:
                    return False
                continue
            if open1 <= later_ref or (
                    e0.mark, e0.dialogue, e0.guillemets, open0 - ref, start0 - ref,
                    index.get(id(same0), -1)) != (
                    e1.mark, e1.dialogue, e1.guillemets, open1 - later_ref,
                    start1 - later_ref, later_index.get(id(same1), -1)):
                return False
        return True


@functools.lru_cache(maxsize=64)
def _repeats(unit: str) -> re.Pattern[str]:
    # the standard library's engine: a literal repeated over megabytes needs no
    # backtracking state
    return re.compile(f"(?:{re.escape(unit)})+")


def _repeat_count(unit: str, text: str, pos: int) -> int:
    """How many times ``text`` repeats ``unit`` from ``pos`` on."""
    m = _repeats(unit).match(text, pos)
    return (m.end() - pos) // len(unit) if m else 0


def _with_depths(spans: list[MarkedSpan]) -> tuple[MarkedSpan, ...]:
    """Sort the spans by (start, -end) and set each one's depth from how many spans,
    marks included, enclose it."""
    ordered = sorted(spans, key=lambda s: (s.open_start, -s.close_end))
    out = []
    ends: list[int] = []
    for span in ordered:
        while ends and ends[-1] <= span.open_start:
            ends.pop()
        if ends and span.close_end > ends[-1]:
            # an unclosed mark inside a dialogue turn cut short by its incise
            # (« — »«, dit-il« »): the inner span ends where the turn ends
            limit = ends[-1]
            end = min(span.end, limit)
            if end <= span.start:
                continue
            span = attrs.evolve(span, end=end, close_end=limit,
                                incises=tuple(i for i in span.incises if i[1] <= end))
        out.append(attrs.evolve(span, depth=len(ends)) if ends else span)
        ends.append(span.close_end)
    out.sort(key=lambda s: (s.start, -s.end))
    return tuple(out)


def scan(text: str, *, speech: LinearModel | None = None,
         trace: list[tuple[tuple[int, int], Features]] | None = None) -> ScanResult:
    """Find the quotation-mark spans and dialogue turns of a French text.

    Pure and total: never raises, whatever the text; broken typography (a mark never
    closed, a stray closing mark, mismatched marks, an odd straight quote, empty marks)
    becomes a diagnostic and the rest of the text is still scanned.

    ``speech``: the weights that tell the speaker's sentences from the narrator's at the
    end of a dialogue turn (default: those shipped, :func:`quotesnap.turns.speech_model`);
    ``trace``: each sentence so weighed is appended with its features (for training).
    """
    return _Scanner(text, speech, trace).run()
