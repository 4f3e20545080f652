"""The documentation: the site builds with warnings as errors, the public API is all
documented, and every code example of the README and of ``docs/`` runs."""

from __future__ import annotations

import doctest
import importlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quotesnap

from .conftest import ROOT

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
API = DOCS / "api.md"
TINY_STANZA = ROOT / "tests" / "data" / "stanza-fr-tiny"

#: Shell commands of the docs that this suite does not run, and why. Everything else in a
#: ``sh`` block runs.
NOT_RUN = {
    "pip install": "installs packages: CI's own command (.ci/run) is the test command's install",
    "python -m pytest": "runs this test suite: CI runs it",
    "bash .ci/run": "is CI itself",
    "ruff check": "a developer's linter, not in the test extra",
    "mkdocs build": "test_site_builds_with_warnings_as_errors runs it",
    "quotesnap download": "downloads stanza's models: needs the network",
    "sh scripts/train_stanza_fr.sh": "retrains the tiny stanza models, about 10 CPU-minutes",
    "python benchmarks/": "benchmarks print figures on the shared data, some on the "
                          "held-out dev sets; they are run by hand, never as tests",
    "python scripts/train.py": "retrains the shipped weights: test_models.py runs it into "
                               "a temporary folder and compares",
    "python scripts/crossval.py": "cross-validation, minutes of CPU: run by hand",
}
#: Fence languages: run, checked, or shown as they are.
RUN = {"python", "sh"}
CHECKED = {"json"}
SHOWN = {"text"}

FENCE = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def blocks(page: Path) -> list[tuple[str, str]]:
    """The fenced code blocks of a Markdown page: ``(language, code)`` in page order."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(page.read_text(encoding="utf-8"))]


def _runnable(line: str) -> bool:
    command = line.strip()
    return bool(command) and not command.startswith("#") and not any(
        command.startswith(prefix) for prefix in NOT_RUN)


def page_script(page: Path) -> str:
    """A Python program that runs the page's examples in order, as a reader would: the
    Python blocks in one namespace, each shell block with bash (lines that NOT_RUN names
    left out), each JSON block parsed."""
    steps = ["import json, subprocess", "namespace = {'__name__': '__main__'}"]
    for lang, code in blocks(page):
        if lang == "python":
            steps.append(f"exec(compile({code!r}, {page.name!r}, 'exec'), namespace)")
        elif lang == "sh":
            lines = [line for line in code.splitlines() if _runnable(line)]
            if lines:
                script = "set -euo pipefail\n" + "\n".join(lines) + "\n"
                steps.append(f"subprocess.run(['bash', '-c', {script!r}], check=True)")
        elif lang == "json":
            steps.append(f"json.loads({code!r})")
    return "\n".join(steps) + "\n"


def test_every_fence_says_its_language() -> None:
    """Every code block of the docs is labelled: python and sh run, json is parsed, text
    is output shown as it is. An unlabelled block would silently not be run."""
    for page in PAGES:
        for lang, code in blocks(page):
            assert lang in RUN | CHECKED | SHOWN, f"{page.name}: ```{lang} block:\n{code}"


def test_every_reason_not_to_run_is_used() -> None:
    """Each NOT_RUN entry names commands the docs hold (no stale excuse), and every page
    with shell examples has some that run."""
    lines = [line.strip() for page in PAGES for lang, code in blocks(page) if lang == "sh"
             for line in code.splitlines() if line.strip() and not line.strip().startswith("#")]
    for prefix in NOT_RUN:
        assert any(line.startswith(prefix) for line in lines), prefix
    for page in ("README.md", "start-command-line.md", "start-pipeline.md", "evaluate.md"):
        path = ROOT / page if page == "README.md" else DOCS / page
        assert any(_runnable(line) for lang, code in blocks(path) if lang == "sh"
                   for line in code.splitlines()), page


@pytest.mark.model
@pytest.mark.parametrize("page", [p for p in PAGES if any(lang in RUN | CHECKED
                                                         for lang, _ in blocks(p))],
                         ids=lambda p: p.name)
def test_examples_run(page: Path, tmp_path: Path) -> None:
    """The page's examples run in order in a fresh interpreter, in a folder where
    ``examples/`` and ``scripts/`` are the repository's (files they write stay there),
    exit status 0."""
    for folder in ("examples", "scripts"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    if "QUOTESNAP_STANZA_DIR" not in env and "STANZA_RESOURCES_DIR" not in env:
        env["QUOTESNAP_STANZA_DIR"] = str(TINY_STANZA)  # stanza examples on the test models
    env["MPLBACKEND"] = "Agg"
    done = subprocess.run([sys.executable, "-c", page_script(page)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, f"{page.name}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr


# -- docstring examples ----------------------------------------------------------------

#: The modules whose docstrings the API reference shows, with examples in them.
DOCUMENTED = ["quotesnap", "quotesnap.extract", "quotesnap.scoring", "quotesnap.frame",
              "quotesnap.spacy_component", "quotesnap.output", "quotesnap.results"]


@pytest.mark.model
@pytest.mark.parametrize("name", DOCUMENTED)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``>>>`` examples in the documented modules' docstrings give what they show."""
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, extraglobs={"quotesnap": quotesnap}):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0


# -- the site and the API reference ------------------------------------------------------


def test_every_public_name_has_a_docstring() -> None:
    """Each name of quotesnap.__all__ has a docstring, as the docs tool reads it (griffe:
    module attributes such as __version__ included)."""
    griffe = pytest.importorskip("griffe")
    package = griffe.load("quotesnap", search_paths=[str(ROOT)])
    for name in quotesnap.__all__:
        docstring = package[name].docstring
        assert docstring is not None and docstring.value.strip(), name


def test_api_reference_lists_the_public_api() -> None:
    """docs/api.md has a ``::: quotesnap.NAME`` entry for every name of quotesnap.__all__."""
    listed = set(re.findall(r"^::: quotesnap\.(\w+)\s*$", API.read_text(encoding="utf-8"),
                            re.MULTILINE))
    assert set(quotesnap.__all__) <= listed, set(quotesnap.__all__) - listed


def test_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    """`mkdocs build --strict` builds the site from docs/ with no warning, and its API page
    has an entry for every name of quotesnap.__all__."""
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="quotesnap\.(\w+)"', api))
    assert set(quotesnap.__all__) <= anchors, set(quotesnap.__all__) - anchors
    for page in ("start-python", "start-pipeline", "start-command-line", "gold-format",
                 "how-it-works", "spacy", "evaluate"):
        assert (site / page / "index.html").is_file(), page


def test_page_script_runs_blocks_in_order(tmp_path: Path) -> None:
    """The example runner keeps state across Python blocks and runs shell lines, leaving
    out only what NOT_RUN names."""
    page = tmp_path / "page.md"
    page.write_text(textwrap.dedent("""\
        ```python
        x = 2
        ```
        ```sh
        pip install something-not-run
        echo ran > out.txt
        ```
        ```python
        assert x == 2 and open("out.txt").read() == "ran\\n"
        ```
        ```json
        {"a": 1}
        ```
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", page_script(page)], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    page.write_text("```json\n{\"a\": \n```\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-c", page_script(page)], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert failed.returncode != 0 and "JSONDecodeError" in failed.stderr
