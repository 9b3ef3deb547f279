"""The command line: ``factcheck extract FILE|- [--lang] [--reference-date] [--format]`` and
``factcheck check FILE FILE... [--pivot] [--published] [--format] [--fail-on] [--baseline] ...``.

Exit codes follow the contract: 0 success (``check``: no finding at the ``--fail-on`` levels),
1 ``check`` found one, 2 usage or input error (one line on stderr naming the file and the
reason, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, NoReturn

from factcheck._version import __version__
from factcheck.api import (
    DEFAULT_CHUNK_SIZE,
    SegmentResult,
    check,
    check_tree,
    collect_segments,
    extract_source,
    iter_check_segments,
    parse_reference_date,
)
from factcheck.claims import Claim
from factcheck.errors import FactcheckError, InputError
from factcheck.io.aligned import is_aligned, iter_segments
from factcheck.io.files import DEFAULT_MAX_BYTES
from factcheck.io.glossary import load_glossary
from factcheck.io.rates import as_rates
from factcheck.io.readers.registry import default_readers, read_document
from factcheck.io.tree import tree_names
from factcheck.origin import Origin
from factcheck.progress import Progress
from factcheck.render import STREAM_FORMATS, StreamedReport, render
from factcheck.report import Finding, Report

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"factcheck: error: {message} (see --help)\n")


#: the one size limit of the command line: a file larger than this is refused, and so is a text
#: of more characters (a character is at least one byte, so a file within the limit is too)
_MAX_BYTES_HELP = (f"refuse an input larger than N bytes (default: {DEFAULT_MAX_BYTES:,}, 20 MiB); raise it to "
                   "check bigger documents")


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="factcheck", description="Check that several sources tell the same story.")
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ex = sub.add_parser("extract", help="list the claims (money, numbers, percentages, quantities) of one text")
    ex.add_argument("file", metavar="FILE", help="a text file, or - for standard input")
    ex.add_argument("--lang", default="auto", help="language code (ko, en) or auto (default: auto)")
    ex.add_argument("--reference-date", metavar="DATE", help="the date the text speaks from (YYYY-MM-DD)")
    ex.add_argument("--format", choices=("json", "text"), default="json", help="output format (default: json)")
    ex.add_argument("--kinds", metavar="KIND,...", help="only these kinds, comma-separated")
    ex.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=_MAX_BYTES_HELP)
    ex.add_argument("--input-format", choices=_INPUT_FORMATS, metavar="FORMAT",
                    help="read the file as this format (default: by its extension; "
                         f"{', '.join(_INPUT_FORMATS)})")
    ex.add_argument("--strict", action="store_true", help="an empty file is an error (exit 2), not a warning")
    _add_check_parser(sub)
    return p


_FORMATS = ("text", "json", "jsonl", "markdown", "sarif", "junit", "html")
_INPUT_FORMATS = default_readers().names()
_FAIL_LEVELS = ("conflict", "missing", "uncertain")


def _add_check_parser(sub: Any) -> None:
    ck = sub.add_parser(
        "check", help="compare two or more texts (or one aligned file) and report where they disagree",
        description="Compare the facts of two or more texts, or of the segment pairs of one aligned file "
                    "(.csv .tsv .jsonl .po .xlf .xliff .tmx). Exit status: 0 nothing at the --fail-on levels, "
                    "1 something, 2 a usage or input error.")
    ck.add_argument("files", nargs="*", metavar="FILE",
                    help="files (ids: the file names without extension), or one aligned file")
    ck.add_argument("--pair", nargs=2, metavar=("DIR_A", "DIR_B"),
                    help="compare two docs trees: the files with the same path in each folder, one report")
    ck.add_argument("--input-format", choices=_INPUT_FORMATS, metavar="FORMAT",
                    help=f"read every file as this format (default: by extension; {', '.join(_INPUT_FORMATS)})")
    ck.add_argument("--lang-a", metavar="LANG", help="aligned files: the first language column (key, language)")
    ck.add_argument("--lang-b", metavar="LANG", help="aligned files: the second language column (key, language)")
    ck.add_argument("--strict", action="store_true", help="an empty file is an error (exit 2), not a warning")
    ck.add_argument("--pivot", metavar="ID", help="compare the others with this source only (the original)")
    ck.add_argument("--published", action="append", default=[], metavar="ID=DATE",
                    help="publication date of a source (YYYY-MM-DD); repeatable")
    ck.add_argument("--lang", action="append", default=[], metavar="ID=LANG",
                    help="language of a source (ko, en; default auto); repeatable")
    ck.add_argument("--glossary", metavar="FILE", help="names that are one entity (.csv .tsv .txt .yaml .tbx)")
    ck.add_argument("--rates", metavar="FILE", help="exchange rates (CSV lines USD,KRW,1300 or TOML)")
    ck.add_argument("--format", choices=_FORMATS, default="text", help="report format (default: text)")
    ck.add_argument("--fail-on", action="append", default=[], metavar="VERDICT",
                    help="exit 1 on findings with these verdicts: conflict, missing, uncertain, or none "
                         "(repeatable or comma-separated; default: conflict)")
    ck.add_argument("--baseline", metavar="FILE",
                    help="a previous JSON report: findings it holds are accepted and stay quiet")
    ck.add_argument("--output", metavar="FILE", help="write the report here instead of standard output")
    ck.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                    help="colour the text report (default: auto, on a terminal)")
    ck.add_argument("--weekday", choices=("past", "future", "nearest"), default="past",
                    help="how a bare weekday resolves against the publication date (default: past)")
    ck.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=_MAX_BYTES_HELP)
    ck.add_argument("--jobs", metavar="N",
                    help="aligned files: check the segments in N worker processes (auto: one per core)")
    ck.add_argument("--dask", metavar="ADDRESS",
                    help="aligned files: check the segments on the Dask scheduler at ADDRESS "
                         "(pip install 'factcheck[dask]')")
    ck.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                    help=f"aligned files with --jobs or --dask: segments per task (default: {DEFAULT_CHUNK_SIZE})")
    ck.add_argument("--quiet", action="store_true",
                    help="no progress bar (shown on standard error for aligned files, when it is a terminal)")


def _text_report(claims: list[Claim], source: str, origin: Origin | None = None) -> str:
    lines = [f"{source}: {len(claims)} claim{'s' if len(claims) != 1 else ''}"]
    for c in claims:
        v = c.value.to_dict()
        shown = ", ".join(f"{k}={val}" for k, val in v.items())
        loc = origin.locate(c.start, c.end) if origin is not None else None
        where = f" ({loc.describe()})" if loc is not None else ""
        lines.append(f"  {c.start:>6}-{c.end:<6} {c.kind:<9} {c.text!r:<32} {shown}{where}")
    return "\n".join(lines)


def _extract(args: argparse.Namespace) -> int:
    ref = parse_reference_date(args.reference_date, what="--reference-date")
    reading = read_document(args.file, input_format=args.input_format, max_bytes=args.max_bytes)
    name = "<stdin>" if args.file == "-" else args.file
    kinds = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else None
    source = reading.source(name, lang=args.lang, published=ref, path=None if args.file == "-" else args.file)
    _, claims = extract_source(source, kinds=kinds, max_chars=args.max_bytes)
    origin = reading.origin
    if args.format == "json":
        out = []
        for c in claims:
            d = c.to_dict()
            loc = origin.locate(c.start, c.end)
            if loc is not None:
                d["location"] = loc.to_dict()
            out.append(d)
        json.dump({"claims": out}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(_text_report(claims, name, origin))
    sys.stdout.flush()
    return _empty_warnings([(name, reading.text)], args.strict)


def _empty_warnings(texts: list[tuple[str, str]], strict: bool) -> int:
    """Say so of each source with no text; 2 with ``--strict`` when there is one, else 0."""
    empty = [name for name, text in texts if not text.strip()]
    for name in empty:
        if strict:
            print(f"factcheck: {name}: no text to check (an empty file)", file=sys.stderr)
        else:
            print(f"factcheck: warning: {name}: no text to check (an empty file); checked with no claims "
                  "(--strict makes this an error)", file=sys.stderr)
    return 2 if empty and strict else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a PDF's oddities are not the reader's business
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "check" and not args.files and not args.pair:
        parser.error("check: the following arguments are required: FILE (or --pair DIR_A DIR_B)")
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "check":
            return _check(args)
    except FactcheckError as exc:
        if args.command == "check":
            msg = f"{exc.path}: {exc.message}" if exc.path else exc.message
            print(f"factcheck: {msg}", file=sys.stderr)
            return 2
        source = "<stdin>" if args.file == "-" else args.file
        about_input = exc.reason in ("unsupported-language", "unsupported-kind", "too-large")
        where = exc.path or (source if about_input else None)
        msg = f"{where}: {exc.message}" if where else exc.message
        print(f"factcheck: {msg}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    return 2


# ----------------------------------------------------------------------------- check
def _pairs(values: list[str], option: str, aligned: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        key, sep, val = v.partition("=")
        if not sep and aligned and option == "--lang":
            raise InputError(f"--lang {v!r}: to choose the two language columns of an aligned file, use "
                             "--lang-a and --lang-b (--lang ID=LANG sets the language of a side)", reason="bad-option")
        if not sep or not key.strip() or not val.strip():
            raise InputError(f"{option} {v!r}: expected ID=VALUE", reason="bad-option")
        out[key.strip()] = val.strip()
    return out


def _ids(paths: list[str]) -> list[str]:
    """Source ids: the file names without extension; where two are alike, as much of the
    path as tells them apart (docs/ko/NAME.md and docs/en/NAME.md are ko/NAME and en/NAME)."""
    parts = [os.path.normpath(p).replace(os.sep, "/").split("/") if p != "-" else ["stdin"] for p in paths]
    stems = [p[:-1] + [os.path.splitext(p[-1])[0] or p[-1]] for p in parts]
    depth = 1
    while True:
        ids = ["/".join(s[-depth:]) for s in stems]
        if len(set(ids)) == len(ids) or depth >= max(len(s) for s in stems):
            break
        depth += 1
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}#{seen[i]}")
    return out


def _fail_levels(values: list[str]) -> tuple[str, ...]:
    levels: list[str] = []
    for v in values or ["conflict"]:
        for item in v.split(","):
            item = item.strip()
            if not item:
                continue
            if item == "none":
                return ()  # report only, never fail (demos, dashboards)
            if item not in _FAIL_LEVELS:
                raise InputError(f"--fail-on {item!r}: use conflict, missing, uncertain or none", reason="bad-option")
            if item not in levels:
                levels.append(item)
    return tuple(levels)


def _finding_identity(d: dict[str, Any]) -> tuple[Any, ...]:
    """What makes a finding the same one in another run: verdict, kind, and each claim's
    source and value (not offsets, which move when a text is edited)."""
    claims = sorted({(str(c.get("source")), json.dumps(c.get("value"), sort_keys=True, ensure_ascii=False))
                     for c in d.get("claims", []) if isinstance(c, dict)})
    return (d.get("verdict"), d.get("kind"), tuple(claims))


def _read_baseline(path: str) -> set[tuple[Any, ...]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError("no such baseline file", reason="missing", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the baseline: {exc}", reason="bad-baseline", path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"the baseline is not JSON (line {exc.lineno}): use a report written with "
                         "--format json", reason="bad-baseline", path=path) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list):
        raise InputError("the baseline has no findings list: use a report written with --format json",
                         reason="bad-baseline", path=path)
    return {_finding_identity(f) for f in findings if isinstance(f, dict)}


def _check(args: argparse.Namespace) -> int:
    fail_on = _fail_levels(args.fail_on)
    aligned = len(args.files) == 1 and not args.pair
    published = _pairs(args.published, "--published")
    langs = _pairs(args.lang, "--lang", aligned)
    glossary = None
    if args.glossary:
        glossary = load_glossary(args.glossary)
    rates = as_rates(args.rates) if args.rates else None
    baseline = _read_baseline(args.baseline) if args.baseline else set()
    sources: Any
    if (args.jobs is not None or args.dask) and not aligned:
        raise InputError("--jobs and --dask check the segments of one aligned file", reason="usage")
    if args.jobs is not None and args.dask:
        raise InputError("give --jobs or --dask, not both", reason="usage")
    if args.chunk_size < 1:
        raise InputError(f"--chunk-size {args.chunk_size}: give a number of segments of at least 1",
                         reason="bad-option")
    if (args.lang_a or args.lang_b) and not aligned:
        raise InputError("--lang-a and --lang-b choose the language columns of one aligned file; "
                         "give the language of a source with --lang ID=LANG", reason="usage")
    if args.pair:
        if args.files:
            raise InputError("--pair compares two folders: give no other files", reason="usage")
        sides = tree_names(*args.pair)
        if published:
            raise InputError("--published dates one file; the files of a tree take theirs from their front "
                             "matter, metadata or header", reason="usage")
        _known_ids(sides, published, langs, args.pivot, "the name of a folder")
        kept: list[Any] | None = [] if args.format in ("html", "sarif") else None
        report = check_tree(args.pair[0], args.pair[1], pivot=args.pivot, glossary=glossary, rates=rates,
                            weekday=args.weekday,
                            lang_a=langs.get(sides[0], "auto"), lang_b=langs.get(sides[1], "auto"),
                            input_format=args.input_format, max_bytes=args.max_bytes, keep_sources=kept)
        sources = kept or ()
    elif aligned:
        path = args.files[0]
        if path == "-" or not is_aligned(path):
            raise InputError("give two or more files to compare, one aligned file "
                             "(.csv .tsv .jsonl .po .xlf .xliff .tmx), or --pair DIR_A DIR_B", reason="usage")
        if not os.path.exists(path):
            raise InputError("no such file", reason="missing", path=path)
        if os.path.isfile(path) and os.path.getsize(path) > args.max_bytes:
            raise InputError(f"file is {os.path.getsize(path)} bytes, over the limit of {args.max_bytes} "
                             "(--max-bytes)", reason="too-large", path=path)
        # segments are streamed from the file into the comparator; only the HTML report,
        # which shows the texts, keeps them
        keep = args.format == "html"
        segments: list[Any] = []

        def stream() -> Iterator[Any]:
            count = 0
            for sid, srcs in iter_segments(path, lang_a=args.lang_a, lang_b=args.lang_b):
                seg = (sid, [replace(s, lang=langs.get(s.id, s.lang), path=s.path or path) for s in srcs])
                if keep:
                    segments.append(seg)
                count += 1
                yield seg
            if not count:
                raise InputError("no translated segment pairs", reason="empty", path=path)

        progress = Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
        with _executor(args) as executor:
            results = _shown(iter_check_segments(stream(), glossary=glossary, rates=rates, pivot=args.pivot,
                                                 weekday=args.weekday, executor=executor,
                                                 chunk_size=args.chunk_size), progress)
            if args.format in STREAM_FORMATS:
                return _write_stream(args, results, baseline, fail_on)
            report = collect_segments(results, pivot=args.pivot)
        sources = segments
    elif not args.files:
        raise InputError("give two or more files to compare, one aligned file, or --pair DIR_A DIR_B",
                         reason="usage")
    else:
        ids = _ids(args.files)
        _known_ids(ids, published, langs, args.pivot, "a source id")
        sources = []
        for sid, path in zip(ids, args.files, strict=True):
            reading = read_document(path, input_format=args.input_format, max_bytes=args.max_bytes)
            when = parse_reference_date(published[sid], what=f"--published {sid}") if sid in published else None
            sources.append(reading.source(sid, lang=langs.get(sid, "auto"), published=when,
                                          path=None if path == "-" else path))
        report = check(sources, pivot=args.pivot, glossary=glossary, rates=rates, weekday=args.weekday,
                       max_chars=args.max_bytes)
    if baseline:
        report = Report(report.sources,
                        tuple(replace(f, baseline=True) if _finding_identity(f.to_dict()) in baseline else f
                              for f in report.findings), report.extra)
    out = _render(report, args.format, sources, _color(args) and args.format == "text", fail_on)
    _deliver(args, lambda fh: fh.write(out))
    for err in report.errors:
        print(f"factcheck: {err.path}: {err.message}", file=sys.stderr)
    empty = _empty_warnings([(s.path or s.id, "") for s in report.sources if s.empty], args.strict)
    if report.errors or empty:
        return 2
    failing = [f for f in report.findings if f.verdict in fail_on and not f.baseline]
    return 1 if failing else 0


def _known_ids(ids: Sequence[str], published: dict[str, str], langs: dict[str, str], pivot: str | None,
               what: str) -> None:
    for option, given in (("--published", published), ("--lang", langs)):
        unknown = sorted(set(given) - set(ids))
        if unknown:
            raise InputError(f"{option} names {unknown[0]!r}, which is not {what} ({', '.join(ids)})",
                             reason="bad-option")
    if pivot is not None and pivot not in ids:
        raise InputError(f"--pivot {pivot!r} is not {what} ({', '.join(ids)})", reason="bad-option")


def _color(args: argparse.Namespace) -> bool:
    return bool(args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty()
                                           and not os.environ.get("NO_COLOR")))


def _deliver(args: argparse.Namespace, write: Any) -> None:
    """Write the report (``write(file)``) to ``--output`` or to standard output."""
    if args.output:
        try:
            folder = os.path.dirname(args.output)
            if folder:
                os.makedirs(folder, exist_ok=True)
            with open(args.output, "w", encoding="utf-8") as fh:
                write(fh)
        except OSError as exc:
            raise InputError(f"cannot write the report: {exc.strerror or exc}", reason="unwritable",
                             path=args.output) from None
    else:
        write(sys.stdout)
        sys.stdout.flush()


# ----------------------------------------------------------------------------- aligned files at scale
_DASK_EXTRA = "pip install 'factcheck[dask]'"


def _jobs(value: str) -> int:
    if value.strip().lower() == "auto":
        return os.cpu_count() or 1
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise InputError(f"--jobs {value!r}: give a number of worker processes (1 or more) or auto",
                         reason="bad-option")
    return n


@contextlib.contextmanager
def _executor(args: argparse.Namespace) -> Iterator[Executor | None]:
    """The executor of ``--jobs N`` (a process pool) or ``--dask ADDRESS`` (a client of that
    scheduler), or None (one process); shut down (the client closed) on the way out."""
    if args.dask:
        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError:
            raise InputError(f"--dask needs Dask: {_DASK_EXTRA}", reason="missing-extra") from None
        try:
            client = distributed.Client(args.dask, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"--dask {args.dask}: cannot reach the scheduler ({exc})", reason="unreachable") from None
        try:
            yield client.get_executor()
        finally:
            client.close()
        return
    jobs = _jobs(args.jobs) if args.jobs is not None else 1
    if jobs == 1:
        yield None
        return
    pool = ProcessPoolExecutor(jobs)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _shown(results: Iterable[SegmentResult], progress: Progress) -> Iterator[SegmentResult]:
    """The results, counted on the progress bar as they pass (the bar ends with them)."""
    try:
        for r in results:
            progress.update(1, len(r.findings), sum(1 for f in r.findings if f.verdict == "conflict"))
            yield r
    finally:
        progress.close()


def _write_stream(args: argparse.Namespace, results: Iterable[SegmentResult], baseline: set[tuple[Any, ...]],
                  fail_on: tuple[str, ...]) -> int:
    """The text, JSON, JSON Lines, SARIF or JUnit report of an aligned file, written as the segments are checked: to a
    spooled temporary file (memory, then disk past a few MiB), copied to the output once every
    segment is done, so a run that fails midway writes no report. Byte for byte the report
    :func:`render` writes of the whole report."""
    failing = 0
    with tempfile.SpooledTemporaryFile(max_size=4 * 2**20, mode="w+", encoding="utf-8", newline="") as spool:
        writer = StreamedReport(args.format, spool, pivot=args.pivot, color=_color(args) and args.format == "text",
                                fail_on=fail_on)
        for r in results:
            findings: Sequence[Finding] = r.findings
            if baseline:
                findings = [replace(f, baseline=True) if _finding_identity(f.to_dict()) in baseline else f
                            for f in findings]
            failing += sum(1 for f in findings if f.verdict in fail_on and not f.baseline)
            writer.add(findings, r.sources)
        writer.close()

        def copy(fh: Any) -> None:
            spool.seek(0)
            shutil.copyfileobj(spool, fh)

        _deliver(args, copy)
    return 1 if failing else 0


def _render(report: Report, fmt: str, sources: Any, color: bool, fail_on: tuple[str, ...]) -> str:
    return render(report, fmt, sources=sources, color=color, fail_on=fail_on)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
