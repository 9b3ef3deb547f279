#!/usr/bin/env python3
"""Golden reports: save the JSON reports factcheck gives today, and compare a later run with them.

A refactoring or a speed-up must not change what factcheck says. This script writes one JSON
line per case: ``check`` and ``check_segments`` on every pair of
``../shared/data/parallel_ko_en_numeric.jsonl`` (read at run time, never stored here), and
``check`` and ``extract`` on the bundled examples. Keep the output outside the repository (the
pairs are CC BY-SA).

    .venv/bin/python benchmarks/golden.py --write /tmp/golden-before.jsonl
    ... change the code ...
    .venv/bin/python benchmarks/golden.py --compare /tmp/golden-before.jsonl

``--compare`` prints each case whose report differs (the first differing finding of each) and
a count, and exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Any, Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "parallel_ko_en_numeric.jsonl"
EXAMPLES = ROOT / "examples"

sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.glossary import load_glossary  # noqa: E402


def _cases(limit: int | None) -> Iterator[tuple[str, dict[str, Any]]]:
    ko = (EXAMPLES / "release_ko.txt").read_text(encoding="utf-8")
    en = (EXAMPLES / "release_en.txt").read_text(encoding="utf-8")
    news = (EXAMPLES / "article_en.txt").read_text(encoding="utf-8")
    glossary = load_glossary(EXAMPLES / "glossary.csv")
    sources = [factcheck.Source(ko, id="release_ko", lang="ko"),
               factcheck.Source(en, id="release_en", lang="en"),
               factcheck.Source(news, id="article_en")]
    yield "examples/check", factcheck.check(sources, glossary=glossary).to_dict()
    yield "examples/check-no-glossary", factcheck.check(sources).to_dict()
    for name, text, lang in (("release_ko", ko, "ko"), ("release_en", en, "en"), ("article_en", news, "auto")):
        yield f"examples/extract/{name}", {"claims": [c.to_dict() for c in factcheck.extract(text, lang=lang)]}
    if not DATA.exists():
        print(f"note: {DATA} is absent; only the examples are compared", file=sys.stderr)
        return
    with DATA.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            pair = [factcheck.Source(row["ko"], id="ko", lang="ko"), factcheck.Source(row["en"], id="en", lang="en")]
            yield f"pairs/{row['id']}/check", factcheck.check(pair).to_dict()
            yield f"pairs/{row['id']}/segments", factcheck.check_segments([("1", pair)]).to_dict()


def _first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    fa, fb = a.get("findings", a.get("claims", [])), b.get("findings", b.get("claims", []))
    for x, y in zip(fa, fb):
        if x != y:
            return f"    before: {json.dumps(x, ensure_ascii=False)}\n    after:  {json.dumps(y, ensure_ascii=False)}"
    if len(fa) != len(fb):
        extra = fa[len(fb):] or fb[len(fa):]
        side = "before" if len(fa) > len(fb) else "after"
        return f"    only {side}: {json.dumps(extra[0], ensure_ascii=False)}"
    return "    (same findings; another field differs)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=pathlib.Path, help="save the reports to this JSONL file")
    group.add_argument("--compare", type=pathlib.Path, help="compare with reports saved by --write")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    args = ap.parse_args(argv)
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            count = 0
            for case, report in _cases(args.limit):
                out.write(json.dumps({"case": case, "report": report}, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        print(f"wrote {count} reports to {args.write}")
        return 0
    saved = {}
    with args.compare.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            saved[row["case"]] = row["report"]
    differ = 0
    seen = 0
    for case, report in _cases(args.limit):
        seen += 1
        report = json.loads(json.dumps(report, sort_keys=True))
        before = saved.get(case)
        if before is None:
            print(f"{case}: not in {args.compare}")
            differ += 1
        elif before != report:
            differ += 1
            print(f"{case}: differs\n{_first_difference(before, report)}")
    print(f"{differ} of {seen} reports differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
