"""The journalists' examples in examples/ run on a slice of ../shared/data/corpus/.

Each script is run as a user would (``python examples/NAME.py``) on the first 40 articles
of the shared Wikinews corpus (CC BY 2.5), and must print its figure.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
LIMIT = "40"

pytestmark = pytest.mark.model


def _run(script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args, "--limit", LIMIT],
                          capture_output=True, text=True, encoding="utf-8", timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_who_is_quoted() -> None:
    """The most quoted sources of the folder, with their counts and kind."""
    lines = _run("who_is_quoted.py", "--top", "5")
    assert lines[0].startswith(f"{LIMIT} articles, ") and "sources" in lines[0]
    assert lines[1].split() == ["source", "quotes", "articles", "kind"]
    assert len(lines) == 7
    assert any("person (m)" in line for line in lines[2:])


def test_women_quoted_by_month() -> None:
    """A row per month from the datelines, and the total; the unknown gender shown."""
    lines = _run("women_quoted_by_month.py")
    assert lines[0] == f"dates: {LIMIT} articles by their dateline, 0 by their id, 0 undated"
    assert lines[1].split() == ["month", "people", "women", "men", "unknown", "women", "share"]
    assert lines[2].startswith("2016-01") and lines[-1].startswith("all")


def test_quotes_of_a_person() -> None:
    """« Kermode » finds Chris Kermode's quotes, each with its article and sentence."""
    lines = _run("quotes_of.py", "Kermode")
    found = re.match(r"Chris Kermode \(person, m\): (\d+) quotes in 1 articles", lines[0])
    assert found is not None, lines[0]
    assert int(found.group(1)) >= 3  # how many moves with the models, not under three
    assert lines[1].startswith("  [wn-2016_01_18-001] ")


def test_quotes_of_nobody() -> None:
    """A name nobody in the slice bears says so."""
    assert _run("quotes_of.py", "Personne Inconnue") == [
        "nobody named 'Personne Inconnue' is quoted"]
