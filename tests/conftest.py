"""Fixtures and checks shared by the test modules."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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


ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "gold"


def read_gold(name: str) -> list[dict[str, Any]]:
    """The documents of ``../shared/data/gold/NAME.jsonl``."""
    with open(GOLD / f"{name}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def news_train_extractions(extractor: quotesnap.Extractor) -> list[quotesnap.Extraction]:
    """The session extractor run once over the 250 articles of news-train."""
    docs = read_gold("news-train")
    return list(extractor.extract_many((d["doc_id"], d["text"]) for d in docs))
