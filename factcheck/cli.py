"""The command line: ``factcheck extract FILE|- [--lang] [--reference-date] [--format]``.

Exit codes follow the contract: 0 success, 2 usage or input error (one line on stderr naming
the file and the reason, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn, Sequence

from . import __version__
from .errors import FactcheckError
from .extract import extract, parse_reference_date
from .io import DEFAULT_MAX_BYTES, read_text

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
    return p


def _text_report(claims: list, source: str) -> str:
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
    except FactcheckError as exc:
        source = "<stdin>" if args.file == "-" else args.file
        where = exc.path or (source if exc.reason in ("unsupported-language", "unsupported-kind") else None)
        msg = f"{where}: {exc.message}" if where else exc.message
        print(f"factcheck: {msg}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
