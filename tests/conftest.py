"""Fixtures and checks shared by the test modules."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

import quotesnap
from quotesnap import Quote


@pytest.fixture(scope="session")
def extractor() -> quotesnap.Extractor:
    """One spaCy extractor for the whole run: the French model loads once."""
    return quotesnap.Extractor()


def xfail_param(value: object, id: str, reason: str) -> object:
    """A table row, marked as a known failure (strict) when ``reason`` is given."""
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(value, id=id, marks=marks)


def assert_offsets(text: str, quotes: Iterable[Quote]) -> None:
    """Every quote, speaker mention and cue is the slice of ``text`` at its offsets."""
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start:m.end] == m.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
