"""Properties of quotesnap.scan that hold for any text, checked with hypothesis.

Two sources of text: arbitrary Unicode, and text drawn from a French-typography alphabet
(every quotation mark, the spaces French puts inside them, line breaks, dashes at line
starts, apostrophes, incise words) so that the pairing, nesting, paragraph and dialogue
paths are the ones exercised.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotesnap.scan import MAX_DEPTH, MAX_DIAGNOSTICS, ScanResult, _Cycles, scan, split_incises

# Pieces of French typography, and a few words to put between them.
PIECES = [
    "«", "»", "« ", " »", "«\u00a0", "\u00a0»", "«\u202f", "\u202f»", "“", "”", "„", "‟",
    "‹", "›", "‘", "’", '"', "<<", ">>", "'", "—", "– ", "-- ", "\n", "\n\n", "\n— ",
    "\n« ", "\n» ", " ", "\t", ", ", ". ", " ! ", " ? ", "…", " ; ", " : ",
    "dit-il", "a-t-elle ajouté", "reprit Pécuchet", "a déclaré le ministre", "qui",
    "aujourd’hui", "l’État", "qu'il", "nous partons", "demain", "Lavrov", "3'30\"65",
]
french_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)


def check_invariants(text: str, result: ScanResult) -> None:
    spans = result.spans
    for span in spans:
        assert span.content(text) == text[span.start : span.end]
        assert 0 <= span.open_start <= span.start <= span.end <= span.close_end <= len(text)
        assert span.end > span.start  # no empty span
        assert span.paragraphs >= 1
        for inc_start, inc_end in span.incises:
            assert span.start < inc_start < inc_end <= span.end
        for part_start, part_end in split_incises(span, text):
            assert span.start <= part_start < part_end <= span.end
    keys = [(s.start, -s.end) for s in spans]
    assert keys == sorted(keys)
    for diagnostic in result.diagnostics:
        assert 0 <= diagnostic.start < diagnostic.end <= len(text)
    # Any two spans nest or are disjoint (marks included), and depth follows nesting.
    for a in spans:
        enclosing = 0
        for b in spans:
            if a is b:
                continue
            if b.open_start <= a.open_start and a.close_end <= b.close_end and (
                    (b.open_start, -b.close_end) < (a.open_start, -a.close_end)):
                enclosing += 1
            else:
                assert b.close_end <= a.open_start or a.close_end <= b.open_start or (
                    a.open_start <= b.open_start and b.close_end <= a.close_end)
        assert a.depth == enclosing


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_unicode_text(text: str) -> None:
    """Scanning arbitrary Unicode never raises and keeps every span invariant."""
    check_invariants(text, scan(text))


@settings(max_examples=300, deadline=None)
@given(french_text)
# found by hypothesis: an unclosed « inside a dash turn cut short by its incise crossed
# the turn's end
@example("\n— »«, dit-il«")
def test_french_typography(text: str) -> None:
    """Scanning any mix of marks, spaces, dashes and line breaks keeps every invariant."""
    check_invariants(text, scan(text))


@settings(max_examples=100, deadline=None)
@given(french_text, french_text)
def test_text_after_is_still_scanned(broken: str, rest: str) -> None:
    """Whatever broken text comes first, a well-formed quote in a later paragraph is found."""
    text = broken + "\n\nLe ministre a parlé de « sanctions illégales ».\n\n" + rest
    quote = text.index("sanctions illégales")
    assert any(span.start == quote and span.content(text) == "sanctions illégales"
               for span in scan(text).spans)


@settings(max_examples=100, deadline=None)
@given(french_text)
def test_pure(text: str) -> None:
    """The same text always gives the same result."""
    assert scan(text) == scan(text)


# --- Hostile text (issue 8): bounded output, skipped cycles that change nothing ----------

MARKS_ONLY = ["«", "»", "“", "”", "„", "‟", "‹", "›", "<<", ">>", '"', "‘", "’", " ",
              "\u00a0", "a", ", dit-il", ".", "—", "\n"]
units = st.lists(st.sampled_from(MARKS_ONLY), min_size=1, max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(french_text)
def test_output_is_bounded_by_the_nesting_limit(text: str) -> None:
    """No span is nested deeper than MAX_DEPTH, so the spans' total length is at most
    MAX_DEPTH times the text's (issue 8, F1: it grew with the square of the « count)."""
    spans = scan(text).spans
    assert all(span.depth < MAX_DEPTH for span in spans)
    assert sum(span.end - span.start for span in spans) <= MAX_DEPTH * len(text)
    assert len(scan(text).diagnostics) <= MAX_DIAGNOSTICS + 1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="«»“‹ a", max_size=20), units, st.integers(20, 1500),
       st.text(alphabet="«»“”‹›a, \n", max_size=20))
@example("", "«", 3000, "")
@example(">>", "‹", 2000, "\u00a0‟“, dit-il")  # found by a differential run: the last
# mark of a run sees past it
def test_skipped_cycles_change_nothing(before: str, unit: str, times: int, after: str) -> None:
    """Scanning a repeated run of marks gives exactly what taking every mark in turn
    gives: the cycles the scanner counts at once are the ones it would have repeated."""
    text = before + unit * times + after
    fast = scan(text)
    original = _Cycles.skip
    try:
        _Cycles.skip = lambda self, start, mark: 0  # type: ignore[method-assign]
        slow = scan(text)
    finally:
        _Cycles.skip = original  # type: ignore[method-assign]
    assert fast == slow


def test_too_many_diagnostics_are_counted_in_one() -> None:
    """A text of broken marks reports MAX_DIAGNOSTICS problems, then one ``too-many``
    that counts the rest."""
    text = "»" * (MAX_DIAGNOSTICS + 500)
    diagnostics = scan(text).diagnostics
    assert len(diagnostics) == MAX_DIAGNOSTICS + 1
    assert diagnostics[-1].code == "too-many"
    assert diagnostics[-1].message.startswith("500 more problems")
