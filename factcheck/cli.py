"""The command line: ``factcheck extract FILE|- [--lang] [--reference-date] [--format]`` and
``factcheck check FILE FILE... [--pivot] [--published] [--format] [--fail-on] [--baseline] ...``.

Exit codes follow the contract: 0 success (``check``: no finding at the ``--fail-on`` levels),
1 ``check`` found one, 2 usage or input error (one line on stderr naming the file and the
reason, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, NoReturn

from factcheck._version import __version__
from factcheck.api import check, check_segments, extract, parse_reference_date
from factcheck.claims import Claim
from factcheck.errors import FactcheckError, InputError
from factcheck.io.aligned import is_aligned, iter_segments
from factcheck.io.files import DEFAULT_MAX_BYTES, read_text
from factcheck.io.glossary import load_glossary
from factcheck.io.rates import as_rates
from factcheck.render import render
from factcheck.report import Report, Source

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"factcheck: error: {message} (see --help)\n")


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
    ex.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs")
    _add_check_parser(sub)
    return p


_FORMATS = ("text", "json", "markdown", "sarif", "junit", "html")
_FAIL_LEVELS = ("conflict", "missing", "uncertain")


def _add_check_parser(sub: Any) -> None:
    ck = sub.add_parser(
        "check", help="compare two or more texts (or one aligned file) and report where they disagree",
        description="Compare the facts of two or more texts, or of the segment pairs of one aligned file "
                    "(.csv .tsv .jsonl .po .xlf .xliff .tmx). Exit status: 0 nothing at the --fail-on levels, "
                    "1 something, 2 a usage or input error.")
    ck.add_argument("files", nargs="+", metavar="FILE",
                    help="text files (ids: the file names without extension), or one aligned file")
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
    ck.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="refuse larger inputs")


def _text_report(claims: list[Claim], source: str) -> str:
    lines = [f"{source}: {len(claims)} claim{'s' if len(claims) != 1 else ''}"]
    for c in claims:
        v = c.value.to_dict()
        shown = ", ".join(f"{k}={val}" for k, val in v.items())
        lines.append(f"  {c.start:>6}-{c.end:<6} {c.kind:<9} {c.text!r:<32} {shown}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "extract":
            ref = parse_reference_date(args.reference_date, what="--reference-date")
            text = read_text(args.file, max_bytes=args.max_bytes)
            kinds = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else None
            claims = extract(text, lang=args.lang, reference_date=ref, kinds=kinds)
            if args.format == "json":
                json.dump({"claims": [c.to_dict() for c in claims]}, sys.stdout, ensure_ascii=False, indent=2)
                sys.stdout.write("\n")
            else:
                print(_text_report(claims, "<stdin>" if args.file == "-" else args.file))
            return 0
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
def _pairs(values: list[str], option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        key, sep, val = v.partition("=")
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
    published = _pairs(args.published, "--published")
    langs = _pairs(args.lang, "--lang")
    glossary = None
    if args.glossary:
        glossary = load_glossary(args.glossary)
    rates = as_rates(args.rates) if args.rates else None
    baseline = _read_baseline(args.baseline) if args.baseline else set()
    sources: Any
    if len(args.files) == 1:
        path = args.files[0]
        if path == "-" or not is_aligned(path):
            raise InputError("give two or more files to compare, or one aligned file "
                             "(.csv .tsv .jsonl .po .xlf .xliff .tmx)", reason="usage")
        if not os.path.exists(path):
            raise InputError("no such file", reason="missing", path=path)
        if os.path.isfile(path) and os.path.getsize(path) > args.max_bytes:
            raise InputError(f"file is {os.path.getsize(path)} bytes, over the limit of {args.max_bytes} "
                             "(--max-bytes)", reason="too-large", path=path)
        # segments are streamed from the file into the comparator; only the HTML and SARIF
        # reports, which show or point into the texts, keep them
        keep = args.format in ("html", "sarif")
        kept: list[Any] = []

        def stream() -> Iterator[Any]:
            count = 0
            for sid, srcs in iter_segments(path):
                seg = (sid, [replace(s, lang=langs.get(s.id, s.lang), path=s.path or path) for s in srcs])
                if keep:
                    kept.append(seg)
                count += 1
                yield seg
            if not count:
                raise InputError("no translated segment pairs", reason="empty", path=path)

        report = check_segments(stream(), glossary=glossary, rates=rates, pivot=args.pivot, weekday=args.weekday)
        sources = kept
    else:
        ids = _ids(args.files)
        for option, given in (("--published", published), ("--lang", langs)):
            unknown = sorted(set(given) - set(ids))
            if unknown:
                raise InputError(f"{option} names {unknown[0]!r}, which is not a source id "
                                 f"({', '.join(ids)})", reason="bad-option")
        if args.pivot is not None and args.pivot not in ids:
            raise InputError(f"--pivot {args.pivot!r} is not a source id ({', '.join(ids)})", reason="bad-option")
        sources = []
        for sid, path in zip(ids, args.files, strict=True):
            text = read_text(path, max_bytes=args.max_bytes)
            when = parse_reference_date(published[sid], what=f"--published {sid}") if sid in published else None
            sources.append(Source(text, id=sid, lang=langs.get(sid, "auto"), published=when,
                                  path=None if path == "-" else path))
        report = check(sources, pivot=args.pivot, glossary=glossary, rates=rates, weekday=args.weekday)
    if baseline:
        report = Report(report.sources,
                        tuple(replace(f, baseline=True) if _finding_identity(f.to_dict()) in baseline else f
                              for f in report.findings), report.extra)
    color = args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    out = _render(report, args.format, sources, color and args.format == "text", fail_on)
    if args.output:
        try:
            folder = os.path.dirname(args.output)
            if folder:
                os.makedirs(folder, exist_ok=True)
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(out)
        except OSError as exc:
            raise InputError(f"cannot write the report: {exc.strerror or exc}", reason="unwritable",
                             path=args.output) from None
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    failing = [f for f in report.findings if f.verdict in fail_on and not f.baseline]
    return 1 if failing else 0


def _render(report: Report, fmt: str, sources: Any, color: bool, fail_on: tuple[str, ...]) -> str:
    return render(report, fmt, sources=sources, color=color, fail_on=fail_on)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
