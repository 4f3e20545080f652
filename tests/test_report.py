"""``quotesnap report``: the sources report of a corpus, as HTML or CSV.

Runs on a slice of ../shared/data/corpus/wikinews-fr.jsonl (Wikinews, CC BY 2.5). The page
is opened in headless Chromium (Debian's ``chromium``, installed by ``.ci/run``) driven by
Playwright: the charts and the table must render, sorting must work, no console error,
and a screenshot is saved in the test's temporary folder.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

from quotesnap.cli import main
from quotesnap.report import SOURCES_CSV_COLUMNS

CORPUS = Path(__file__).resolve().parents[1] / "../shared/data/corpus/wikinews-fr.jsonl"
SLICE = 80  # articles
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus_slice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first articles of the corpus as a JSON Lines file."""
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    with CORPUS.open(encoding="utf-8") as f, path.open("w", encoding="utf-8") as out:
        for _, line in zip(range(SLICE), f, strict=False):
            out.write(line)
    return path


@pytest.fixture(scope="module")
def report(corpus_slice: Path) -> Path:
    """The HTML report of the slice, made by the command line."""
    out = corpus_slice.with_name("report.html")
    assert main(["report", "--input-format", "jsonl", str(corpus_slice), "-o", str(out)]) == 0
    return out


def test_report_is_one_self_contained_page(report: Path) -> None:
    """One HTML file that loads nothing: no external script, style, image or font."""
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    for outside in ("<script src", "<link", "<img", "@import", "url(http"):
        assert outside not in page
    assert page.count("<svg") == 3
    assert 'id="sources-table"' in page and page.count('<section class="article"') > 40
    assert f"{SLICE} articles" in page


def test_every_quote_in_the_table_links_to_its_article(report: Path) -> None:
    """Each quote listed under a source links to a mark that exists in the page."""
    import regex

    page = report.read_text(encoding="utf-8")
    links = regex.findall(r'<li><a href="#(a\d+-q\d+)">', page)
    ids = set(regex.findall(r'<mark class="\w+" id="(a\d+-q\d+)"', page))
    assert links and set(links) <= ids


def test_sources_table_as_csv(corpus_slice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv: a header of SOURCES_CSV_COLUMNS and a row per source, most quoted first."""
    assert main(["report", "--format", "csv", "--input-format", "jsonl", str(corpus_slice)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0]) == list(SOURCES_CSV_COLUMNS)
    counts = [int(r["quotes"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {r["kind"] for r in rows} <= {"person", "organisation", "group", "unknown"}
    assert {r["gender"] for r in rows} <= {"f", "m", ""}


def test_a_bad_document_does_not_stop_the_report(
        tmp_path: Path, corpus_slice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken line is reported as FILE:LINE on stderr, the rest is reported, status 1."""
    broken = tmp_path / "broken.jsonl"
    lines = corpus_slice.read_text(encoding="utf-8").splitlines()[:3]
    broken.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    assert main(["report", "-f", "csv", "--input-format", "jsonl", str(broken)]) == 1
    captured = capsys.readouterr()
    assert f"{broken}:2: bad JSON" in captured.err
    assert captured.out.startswith("name,kind,gender")


def test_report_of_text_files_and_bad_options(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Plain text files are documents too; --top 0 is a usage error (status 2)."""
    article = tmp_path / "lavrov.txt"
    article.write_text("« Nous partons demain », a déclaré Mme Dupont, la porte-parole.\n",
                       encoding="utf-8")
    assert main(["report", "-f", "csv", str(article)]) == 0
    assert "Dupont,person,f" in capsys.readouterr().out
    assert main(["report", "--top", "0", str(article)]) == 2
    assert "--top must be at least 1" in capsys.readouterr().err


def _chromium() -> str | None:
    return os.environ.get("QUOTESNAP_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    """Charts and table render, sorting works, no console error; screenshot saved."""
    browser_path = _chromium()
    if browser_path is None:
        pytest.skip("no Chromium on this machine: install Debian's package "
                    "(apt-get install -y chromium), as .ci/run does")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is in the test extra: pip install -e '.[test]'")
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.as_uri())
            # the three charts, drawn with visible marks
            for chart in ("top-sources", "gender", "per-article"):
                box = page.locator(f"#chart-{chart} svg").bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 50
            assert page.locator("#chart-top-sources g.bar").count() >= 10
            assert page.locator("#chart-gender g.segment").count() == 6
            rows = page.locator("#sources-table tbody tr")
            assert rows.count() > 20
            quotes = page.locator("#sources-table tbody tr td:nth-child(4)")
            first = [int(t) for t in quotes.all_inner_texts()]
            assert first == sorted(first, reverse=True)
            # sort by quotes: ascending on the first click, descending on the second
            page.click("#sources-table th:nth-child(4)")
            ascending = [int(t) for t in quotes.all_inner_texts()]
            assert ascending == sorted(first)
            page.click("#sources-table th:nth-child(4)")
            assert [int(t) for t in quotes.all_inner_texts()] == sorted(first, reverse=True)
            # sort by name, in French order
            page.click("#sources-table th:nth-child(1)")
            assert page.locator("#sources-table th:nth-child(1)").get_attribute(
                "aria-sort") == "ascending"
            # a quote's link opens its article with the quote highlighted
            page.locator("#sources-table tbody tr").first.locator("summary").click()
            link = page.locator("#sources-table tbody tr").first.locator("li a").first
            target = (link.get_attribute("href") or "")[1:]
            link.click()
            assert page.locator(f"[id='{target}']").is_visible()
            page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        finally:
            browser.close()
    assert errors == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
