"""Evaluation on a gold file (``quotesnap.evaluate``, ``quotesnap evaluate``): the same
figures as the project's scorer ``../shared/eval/score.py``, and the mistakes listed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotesnap
from quotesnap.scoring import KINDS, same_source

from .conftest import GOLD, ROOT, read_gold

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
EXAMPLE_GOLD = ROOT / "examples" / "lavrov-maduro-2020.gold.jsonl"


def _scorer_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _scorer_module()


def scorer_json(gold: Path, pred: Path) -> dict[str, Any]:
    """What ``score.py GOLD PRED --json`` prints, run as a subprocess."""
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def scorer_lines(gold: Path, pred: Path) -> list[str]:
    """The lines ``score.py GOLD PRED`` prints."""
    return subprocess.run([sys.executable, str(SCORER), str(gold), str(pred)],
                          capture_output=True, text=True, check=True).stdout.splitlines()


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m quotesnap ARGS`` from the repository root."""
    proc = subprocess.run([sys.executable, "-m", "quotesnap", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def write_predictions(path: Path, extractions: list[quotesnap.Extraction]) -> Path:
    """The extractions as ``quotesnap extract --format jsonl`` writes them."""
    with open(path, "w", encoding="utf-8") as f:
        for ex in extractions:
            f.writelines(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in ex.quotes)
    return path


@pytest.fixture(scope="module")
def news_train_pred(news_train_extractions: list[quotesnap.Extraction],
                    tmp_path_factory: pytest.TempPathFactory) -> Path:
    """news-train extracted by the session extractor, as a predictions file."""
    return write_predictions(tmp_path_factory.mktemp("pred") / "news-train.pred.jsonl",
                             news_train_extractions)


# -- the Must show: equal to the scorer on news-train ----------------------------------


@pytest.mark.model
def test_cli_on_news_train_prints_the_scorer_figures(news_train_pred: Path) -> None:
    """`quotesnap evaluate news-train.jsonl PRED` prints every figure of score.py."""
    gold = GOLD / "news-train.jsonl"
    ours = cli("evaluate", gold, news_train_pred, "--json")
    assert ours.returncode == 0, ours.stderr
    figures = json.loads(ours.stdout)
    expected = scorer_json(gold, news_train_pred)
    assert {g: figures[g] for g in ("marked", "indirect")} == expected
    assert expected["marked"]["gold"] == 439 and expected["indirect"]["gold"] == 630
    text = cli("evaluate", gold, news_train_pred)
    assert text.stdout.splitlines()[:2] == scorer_lines(gold, news_train_pred)


@pytest.mark.model
def test_api_on_news_train_extractions_equals_the_scorer(
        news_train_extractions: list[quotesnap.Extraction], news_train_pred: Path) -> None:
    """quotesnap.evaluate on Extraction objects gives the scorer's figures on their JSONL."""
    gold = GOLD / "news-train.jsonl"
    result = quotesnap.evaluate(gold, news_train_extractions)
    expected = scorer_json(gold, news_train_pred)
    assert result.to_dict()["marked"] == expected["marked"]
    assert result.to_dict()["indirect"] == expected["indirect"]
    assert result.documents == 250 and not result.problems


@pytest.mark.model
def test_cli_without_predictions_extracts_then_scores(tmp_path: Path) -> None:
    """Without PRED, `quotesnap evaluate` extracts the gold texts itself: the figures equal
    the scorer's on what `quotesnap extract` writes for the same texts."""
    gold = GOLD / "seed.jsonl"
    pred = tmp_path / "seed.pred.jsonl"
    done = cli("extract", "--input-format", "jsonl", "--format", "jsonl", "-o", pred, gold)
    assert done.returncode == 0, done.stderr
    ours = cli("evaluate", gold, "--json")
    assert ours.returncode == 0, ours.stderr
    figures = json.loads(ours.stdout)
    assert {g: figures[g] for g in ("marked", "indirect")} == scorer_json(gold, pred)
    assert figures["marked"]["attr.F"] == 100.0


@pytest.mark.model
def test_api_without_predictions_on_the_example_gold(extractor: quotesnap.Extractor) -> None:
    """evaluate(GOLD, extractor=…) extracts the example gold file's article: all seven quotes
    in marks found and attributed."""
    result = quotesnap.evaluate(EXAMPLE_GOLD, extractor=extractor)
    assert (result.marked.gold, result.marked.f1, result.marked.attribution_f1) == (7, 100.0,
                                                                                   100.0)
    assert result.documents == 1


def test_example_gold_is_the_seed_gold() -> None:
    """examples/ holds the seed gold line as it is, so docs can score the example article."""
    assert json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8")) == read_gold("seed")[0]


# -- the same figures as the scorer on any input ----------------------------------------

NAMES = [None, "Sergueï Lavrov", "Lavrov", "M. Lavrov", "Nicolás Maduro", "le ministre",
         "Jean-Marie Le Pen", "Marine Le Pen"]
TEXT_LEN = 120


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, TEXT_LEN - 2))
    return start, draw(st.integers(start + 1, min(TEXT_LEN, start + 40)))


@st.composite
def gold_quotes(draw: st.DrawFn) -> dict[str, Any]:
    start, end = draw(spans())
    mention = draw(st.none() | spans())
    return {"kind": draw(st.sampled_from(KINDS)), "start": start, "end": end,
            "speaker": None if mention is None else {"start": mention[0], "end": mention[1]},
            "speaker_name": draw(st.sampled_from(NAMES))}


@st.composite
def predicted_quotes(draw: st.DrawFn) -> dict[str, Any]:
    start, end = draw(spans())
    name = draw(st.sampled_from(NAMES))
    mention = draw(st.none() | spans())
    speaker = None if name is None else {
        "name": name, "start": mention[0] if mention else None,
        "end": mention[1] if mention else None, "text": None}
    return {"doc_id": draw(st.sampled_from(["a", "b"])), "kind": draw(st.sampled_from(KINDS)),
            "start": start, "end": end, "speaker": speaker}


@settings(max_examples=300, deadline=None)
@given(st.lists(gold_quotes(), max_size=8), st.lists(gold_quotes(), max_size=8),
       st.lists(predicted_quotes(), max_size=14))
def test_figures_equal_the_scorers_on_random_documents(
        gold_a: list[dict[str, Any]], gold_b: list[dict[str, Any]],
        preds: list[dict[str, Any]]) -> None:
    """Every figure of both groups equals score.py's score() on random overlapping spans,
    names and kinds (ties, half and 0.3 overlaps, missing mentions, no source)."""
    text = "x" * TEXT_LEN
    gold = [{"doc_id": "a", "text": text, "quotes": gold_a},
            {"doc_id": "b", "text": text, "quotes": gold_b}]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    expected = score.score({d["doc_id"]: d for d in gold}, by_doc)
    result = quotesnap.evaluate(gold, preds).to_dict()
    assert {g: result[g] for g in ("marked", "indirect")} == expected


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    pytest.param("Lavrov", "Sergueï Lavrov", True, id="last-name"),
    pytest.param("M. Lavrov", "Sergueï Lavrov", True, id="title"),
    pytest.param("sergueï lavrov", "Sergueï Lavrov", True, id="case"),
    pytest.param("Sergueï Lavrov", "Lavrov", True, id="fuller-prediction"),
    pytest.param("le président Maduro", "Nicolás Maduro", True, id="role-title"),
    pytest.param("Marine Le Pen", "Jean-Marie Le Pen", False, id="same-last-name-other-person"),
    pytest.param("il", "Sergueï Lavrov", False, id="unresolved-pronoun"),
    pytest.param(None, "Sergueï Lavrov", False, id="no-prediction"),
])
def test_same_source(predicted: str | None, gold: str, same: bool) -> None:
    """Two names are one source when their words (titles, accents, case aside) match, or
    share the last word and one holds the other."""
    assert same_source(predicted, gold) is same
    assert score.same_source(predicted, gold) is same


# -- the table by kind and the mistakes --------------------------------------------------


def _seed_with_mistakes(tmp_path: Path) -> Path:
    """Predictions for the seed article made from its gold: the indirect quote at 1305
    left out, a false alarm added, a direct quote given to Maduro."""
    doc = read_gold("seed")[0]
    lines = []
    for q in doc["quotes"]:
        if q["start"] == 1305:
            continue
        speaker = {"name": q["speaker_name"], "start": None, "end": None, "text": None}
        if q["kind"] == "direct" and q["start"] == 792:
            speaker["name"] = "Nicolás Maduro"
        lines.append({"doc_id": doc["doc_id"], "kind": q["kind"], "start": q["start"],
                      "end": q["end"], "text": q["text"], "speaker": speaker})
    start = doc["text"].index("Nicolas Maduro et Sergueï Lavrov")
    lines.append({"doc_id": doc["doc_id"], "kind": "indirect", "start": start,
                  "end": start + 60, "text": doc["text"][start:start + 60], "speaker": None})
    path = tmp_path / "seed.pred.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    return path


def test_errors_lists_miss_false_alarm_and_wrong_speaker(tmp_path: Path) -> None:
    """--errors lists each miss, false alarm and wrong speaker with the quote in context."""
    gold = GOLD / "seed.jsonl"
    pred = _seed_with_mistakes(tmp_path)
    done = cli("evaluate", gold, pred, "--errors")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.splitlines()[:2] == scorer_lines(gold, pred)
    assert "3 mistakes:" in out
    assert ("seed-lavrov-maduro-2020:1305-1442  miss        indirect" in out)
    assert "il a été annoncé que ⟦la session de la commission" in out
    assert "false-alarm indirect" in out and "⟦Nicolas Maduro et Sergueï Lavrov" in out
    assert ("seed-lavrov-maduro-2020:792-944  speaker     direct    expected 'Sergueï Lavrov', "
            "got 'Nicolás Maduro'") in out


def test_kind_table_and_confusion(tmp_path: Path) -> None:
    """The table by gold kind counts per kind; the confusion says how each gold kind was
    predicted, `none` for a miss."""
    result = quotesnap.evaluate(GOLD / "seed.jsonl", _seed_with_mistakes(tmp_path))
    rows = {k.kind: k for k in result.kinds}
    assert (rows["direct"].gold, rows["direct"].pred, rows["direct"].f1) == (6, 6, 100.0)
    assert rows["direct"].speaker == pytest.approx(100 * 5 / 6, abs=0.05)
    assert (rows["indirect"].gold, rows["indirect"].pred, rows["indirect"].recall) == (5, 5, 80.0)
    assert rows["other"].speaker is None
    assert result.confusion["indirect"] == {"direct": 0, "partial": 0, "indirect": 4,
                                            "other": 0, "none": 1}
    assert [m.type for m in result.mistakes] == ["false-alarm", "speaker", "miss"]
    assert "gold kind \\ predicted as" in result.report()


# -- bad input: reported, the rest scored ------------------------------------------------


def test_bad_lines_are_reported_and_the_rest_scored(tmp_path: Path) -> None:
    """A bad gold line and a prediction without doc_id are named FILE:LINE on stderr, the
    other documents are scored, and the exit status is 1."""
    seed = (GOLD / "seed.jsonl").read_text(encoding="utf-8").strip()
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc_id": "x", "quotes": []}\n' + "not json\n" + seed + "\n",
                    encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    good = _seed_with_mistakes(tmp_path).read_text(encoding="utf-8")
    pred.write_text('{"kind": "direct", "start": 0, "end": 5}\n' + good, encoding="utf-8")
    done = cli("evaluate", gold, pred)
    assert done.returncode == 1
    assert f"{gold}:1: no \"text\" string; this gold document is skipped" in done.stderr
    assert f"{gold}:2: bad JSON" in done.stderr
    assert f"{pred}:1: a predicted quote has no doc_id; skipped" in done.stderr
    assert "marked    gold=   7 pred=   7" in done.stdout


def test_gold_offsets_that_miss_their_text_are_a_warning(tmp_path: Path) -> None:
    """A gold quote whose text is not at its offsets is scored, with a warning."""
    doc = read_gold("seed")[0]
    doc["quotes"][0]["start"] += 3
    result = quotesnap.evaluate([doc], [])
    assert result.warnings == ("gold document 1: quote 1: its text is not text[157:173]",)
    assert result.marked.gold == 7


@pytest.mark.parametrize("args", [
    pytest.param(["evaluate", "no-such-gold.jsonl", "no-such-pred.jsonl"], id="missing-gold"),
    pytest.param(["evaluate", "examples/lavrov-maduro-2020.gold.jsonl", "--backend", "nope"],
                 id="unknown-backend"),
])
def test_setup_errors_exit_2(args: list[str]) -> None:
    """A gold file that cannot be read, or an extractor that cannot be built: one line on
    stderr, exit status 2."""
    done = cli(*args)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("quotesnap: ")
