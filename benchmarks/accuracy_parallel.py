#!/usr/bin/env python3
"""False alarms and caught errors of the comparator on real Korean-English translations.

Reads ``parallel_ko_en_numeric.jsonl`` from ``../shared/data`` relative to the repository root
(human translation pairs from korean-english-news-v1, CC BY-SA 3.0, and NTREX-128, CC BY-SA
4.0; see that folder's README). Nothing from that file is stored in this repository: the rows
are read at run time. When the file is absent the script says so and exits with status 0.

Each row is one aligned segment pair, compared with ``factcheck.check_segments`` (Korean
source ``ko``, English source ``en``, no publication dates: the data has none).

1. Real pairs: the share of pairs with at least one ``conflict`` finding. The translations
   are human and published, so nearly every conflict is a false alarm (a few are the
   translator's slips; ``--show N`` prints N flagged pairs to read).
2. Planted errors: in each pair with a matched exact figure (a ``match`` finding of kind
   money, number, percent or quantity with one claim on each side, none of them approximate),
   one digit of one of the two claims is changed (a seeded random choice of the pair, the side, the digit and the new
   digit); the pair is compared again and the error counts as caught when a ``conflict``
   finding holds a claim of the changed side that overlaps the changed digit. Plants whose
   changed text no longer reads as a figure are reported apart, and so are plants in
   approximate figures ("about 40" may well stand for 42).

    .venv/bin/python benchmarks/accuracy_parallel.py                 # print the figures
    .venv/bin/python benchmarks/accuracy_parallel.py --show 30       # and 30 flagged pairs
    .venv/bin/python benchmarks/accuracy_parallel.py --show-missed 20
    .venv/bin/python benchmarks/accuracy_parallel.py --write         # also docs/accuracy-parallel.md
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import sys
import time
from collections import Counter
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "parallel_ko_en_numeric.jsonl"
DOC = ROOT / "docs" / "accuracy-parallel.md"
PLANT_KINDS = ("money", "number", "percent", "quantity")
SEED = 20240314

sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.report import Report  # noqa: E402


def _compare(ko: str, en: str, seg: str = "1") -> Report:
    return factcheck.check_segments([(seg, [factcheck.Source(ko, id="ko", lang="ko"),
                                            factcheck.Source(en, id="en", lang="en")])])


def _load(path: pathlib.Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _plant(row: dict[str, Any], report: Report, rng: random.Random, approx: bool = False) -> dict[str, Any] | None:
    """One digit changed in one claim of a matched figure, or None when the pair has none."""
    matched = [f for f in report.findings
               if f.verdict == "match" and f.kind in PLANT_KINDS
               and {c.source for c in f.claims} == {"ko", "en"}
               and approx == any(getattr(c.claim.value, "approx", False) for c in f.claims)]
    if not matched:
        return None
    finding = rng.choice(matched)
    side = rng.choice(("ko", "en"))
    claims = [c for c in finding.claims if c.source == side]
    claim = rng.choice(claims).claim
    digits = [i for i in range(claim.start, claim.end) if row[side][i] in "0123456789"]
    if not digits:  # a number written in words ("five", 다섯): plant on the other side
        side = "en" if side == "ko" else "ko"
        claim = rng.choice([c for c in finding.claims if c.source == side]).claim
        digits = [i for i in range(claim.start, claim.end) if row[side][i] in "0123456789"]
        if not digits:
            return None
    pos = rng.choice(digits)
    old = row[side][pos]
    new = rng.choice([d for d in "0123456789" if d != old and not (d == "0" and _leading(row[side], pos, claim.start))])
    text = row[side][:pos] + new + row[side][pos + 1:]
    return {"side": side, "pos": pos, "old": old, "new": new, "kind": finding.kind, "claim": claim.text,
            "ko": text if side == "ko" else row["ko"], "en": text if side == "en" else row["en"]}


def _leading(text: str, pos: int, start: int) -> bool:
    """Whether the digit at ``pos`` is the first digit of its number (a 0 there changes the
    way the number reads, not one digit of it)."""
    i = pos - 1
    while i >= start and text[i] in ",.":
        i -= 1
    return i < start or not text[i].isdigit()


def _caught(plant: dict[str, Any], report: Report, verdicts: tuple[str, ...] = ("conflict",)) -> bool:
    for f in report.findings:
        if f.verdict not in verdicts:
            continue
        for c in f.claims:
            if c.source == plant["side"] and c.claim.start <= plant["pos"] < c.claim.end:
                return True
    return False


def _why_missed(plant: dict[str, Any], report: Report) -> str:
    """Why a planted error was not reported as a conflict, in a few words."""
    side, other = plant["side"], "en" if plant["side"] == "ko" else "ko"
    for f in report.findings:
        if not any(c.source == side and c.claim.start <= plant["pos"] < c.claim.end for c in f.claims):
            continue
        if f.verdict == "match":
            return "still compatible (approximate, bound or rounding)"
        if f.verdict == "uncertain":
            return "uncertain (the same slot, not judged a conflict: a number word, unlike figures, a unit left out)"
        if f.verdict == "missing":
            left = [g for g in report.findings if g.verdict == "missing" and g.kind in PLANT_KINDS
                    and all(c.source == other for c in g.claims)]
            mine = [g for g in report.findings if g.verdict == "missing" and g.kind in PLANT_KINDS
                    and all(c.source == side for c in g.claims)]
            if not left:
                return "missing: the counterpart is matched to another figure"
            if len(left) > 1 or len(mine) > 1:
                return "missing: several unmatched figures, no single slot"
            return "missing: one unmatched figure on each side, not paired (unlike figures, 1, or kinds)"
    return "the changed figure is no longer read as one claim"


def _changed_value(plant: dict[str, Any]) -> bool:
    """Whether the changed text still reads as a figure of the same kind at that place
    (otherwise the extractor, not the comparator, decides what happens)."""
    lang = plant["side"]
    for c in factcheck.extract(plant[lang], lang=lang):
        if c.start <= plant["pos"] < c.end and c.kind in PLANT_KINDS:
            return True
    return False


def run(rows: list[dict[str, Any]], show: int, show_missed: int, progress: Any = None) -> dict[str, Any]:
    """The figures of the module docstring. ``progress`` (optional) wraps the iterable of real
    pairs, e.g. ``tqdm`` (benchmarks/run_all.py passes one)."""
    t0 = time.perf_counter()
    reports = [_compare(r["ko"], r["en"], r["id"]) for r in (progress(rows) if progress else rows)]
    t_real = time.perf_counter() - t0
    flagged = [(r, rep) for r, rep in zip(rows, reports, strict=True)
               if any(f.verdict == "conflict" for f in rep.findings)]
    verdicts: Counter[str] = Counter()
    for rep in reports:
        verdicts.update(f.verdict for f in rep.findings)
    reasons: Counter[str] = Counter(f"{f.kind}:{f.reason}" for _, rep in flagged
                                    for f in rep.findings if f.verdict == "conflict")
    rng = random.Random(SEED)
    plants = 0
    caught = 0
    reported = 0
    unreadable = 0
    missed: list[tuple[dict[str, Any], dict[str, Any], Report]] = []
    by_kind: Counter[str] = Counter()
    by_kind_caught: Counter[str] = Counter()
    why: Counter[str] = Counter()
    for r, rep in zip(rows, reports, strict=True):
        plant = _plant(r, rep, rng)
        if plant is None:
            continue
        if not _changed_value(plant):
            unreadable += 1
            continue
        plants += 1
        by_kind[plant["kind"]] += 1
        prep = _compare(plant["ko"], plant["en"], r["id"])
        reported += _caught(plant, prep, ("conflict", "uncertain"))
        if _caught(plant, prep):
            caught += 1
            by_kind_caught[plant["kind"]] += 1
        else:
            missed.append((r, plant, prep))
            why[_why_missed(plant, prep)] += 1
    # the same on approximate figures ("about 40", 약 85억): a changed digit may stay within
    # what "about" allows, so these are reported apart
    rng = random.Random(SEED + 1)
    approx_plants = approx_caught = 0
    for r, rep in zip(rows, reports, strict=True):
        plant = _plant(r, rep, rng, approx=True)
        if plant is None or not _changed_value(plant):
            continue
        approx_plants += 1
        approx_caught += _caught(plant, _compare(plant["ko"], plant["en"], r["id"]))
    out = {
        "word_plants": plant_words(rows, reports),
        "approx_plants": approx_plants,
        "approx_caught": approx_caught,
        "rows": len(rows),
        "flagged": len(flagged),
        "verdicts": dict(verdicts),
        "reasons": reasons.most_common(),
        "plants": plants,
        "caught": caught,
        "reported": reported,
        "flagged_any": sum(1 for rep in reports if any(f.verdict in ("conflict", "uncertain") for f in rep.findings)),
        "unreadable": unreadable,
        "by_kind": {k: (by_kind_caught[k], by_kind[k]) for k in sorted(by_kind)},
        "seconds": t_real,
        "why": why.most_common(),
    }
    for r, rep in flagged[:show]:
        print(f"--- {r['id']} ({r['source']})")
        print(f"KO: {r['ko']}")
        print(f"EN: {r['en']}")
        for f in rep.findings:
            if f.verdict == "conflict":
                print(f"  CONFLICT {f.kind}: {f.message}")
    for r, plant, rep in missed[:show_missed]:
        print(f"--- missed {r['id']}: {plant['side']} {plant['claim']!r} digit {plant['old']}->{plant['new']}")
        print(f"KO: {plant['ko']}")
        print(f"EN: {plant['en']}")
        for f in rep.findings:
            print(f"  {f.verdict.upper()} {f.kind}: {f.message}")
    return out


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_EN = re.compile(r"\b(" + "|".join(m for m in MONTHS_EN)
                       + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\b")
_MONTH_KO = re.compile(r"(?<!\d)(1[0-2]|0?[1-9])(?=\s*월)")
_WEEKDAY_EN = re.compile(r"\b(" + "|".join(WEEKDAYS_EN) + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)\b")
_WEEKDAY_KO = re.compile(r"([월화수목금토일])(?=요일|\))")
NAME_KINDS = ("person", "org", "place")


def _word_sites(kind: str, side: str, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each month or weekday token in ``text[start:end]``; the
    replacement is another month or weekday, chosen later."""
    if kind == "month":
        rx = _MONTH_EN if side == "en" else _MONTH_KO
    else:
        rx = _WEEKDAY_EN if side == "en" else _WEEKDAY_KO
    return [(start + m.start(1), start + m.end(1), m.group(1)) for m in rx.finditer(text[start:end])]


def _replacement(kind: str, side: str, old: str, rng: random.Random) -> str:
    if kind == "month":
        if side == "ko":
            return str(rng.choice([m for m in range(1, 13) if m != int(old)]))
        index = next(i for i, m in enumerate(MONTHS_EN) if m.lower().startswith(old.rstrip(".").lower()[:3]))
        return rng.choice([m for i, m in enumerate(MONTHS_EN) if i != index])
    if side == "ko":
        return rng.choice([d for d in "월화수목금토일" if d != old])
    index = next(i for i, d in enumerate(WEEKDAYS_EN) if d.lower().startswith(old.rstrip(".").lower()[:3]))
    return rng.choice([d for i, d in enumerate(WEEKDAYS_EN) if i != index])


def plant_words(rows: list[dict[str, Any]], reports: list[Report],
                seed: int = SEED + 2) -> dict[str, tuple[int, int, int]]:
    """Planted errors beyond digits: one month name (or the number of ``N월``), one weekday, or
    one name changed in a matched date or name finding. A name is replaced by another name of
    the same kind and side found in another pair (so it still reads as a name). Returns
    {kind: (caught, planted, left out because the changed text no longer reads as a claim)}."""
    rng = random.Random(seed)
    pool: dict[tuple[str, str], list[str]] = {}
    for rep in reports:
        for f in rep.findings:
            if f.kind in NAME_KINDS:
                for c in f.claims:
                    pool.setdefault((f.kind, c.source), []).append(c.claim.text)
    out: dict[str, tuple[int, int, int]] = {}
    for what in ("month", "weekday", "name"):
        caught = planted = unreadable = 0
        for r, rep in zip(rows, reports, strict=True):
            sites = []  # (side, start, end, old, replacement, claim kind)
            for f in rep.findings:
                if f.verdict != "match" or {c.source for c in f.claims} != {"ko", "en"}:
                    continue
                for c in f.claims:
                    cl = c.claim
                    if what == "name" and f.kind in NAME_KINDS:
                        others = [t for t in pool.get((f.kind, c.source), []) if t != cl.text]
                        if others:
                            sites.append((c.source, cl.start, cl.end, cl.text, rng.choice(others), f.kind))
                    elif what != "name" and f.kind == "date":
                        for s, e, old in _word_sites(what, c.source, r[c.source], cl.start, cl.end):
                            sites.append((c.source, s, e, old, _replacement(what, c.source, old, rng), "date"))
            if not sites:
                continue
            side, s, e, _old, new, kind = rng.choice(sites)
            text = r[side][:s] + new + r[side][e:]
            if not any(c.kind == kind and c.start <= s < c.end for c in factcheck.extract(text, lang=side)):
                unreadable += 1
                continue
            planted += 1
            plant = {"side": side, "pos": s, "ko": text if side == "ko" else r["ko"],
                     "en": text if side == "en" else r["en"]}
            caught += _caught(plant, _compare(plant["ko"], plant["en"], r["id"]))
        out[what] = (caught, planted, unreadable)
    return out


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def _table(res: dict[str, Any]) -> str:
    lines = [
        "| measure | value |",
        "|---|---:|",
        f"| pairs compared | {res['rows']} |",
        f"| pairs with a conflict (real translations) | {res['flagged']} ({_pct(res['flagged'], res['rows'])}) |",
        f"| planted errors (one digit changed) | {res['plants']} |",
        f"| planted errors caught (a conflict on the changed claim) | {res['caught']} "
        f"({_pct(res['caught'], res['plants'])}) |",
        f"| planted errors reported (a conflict or an uncertain finding on the changed claim) | {res['reported']} "
        f"({_pct(res['reported'], res['plants'])}) |",
        f"| pairs with a conflict or an uncertain finding | {res['flagged_any']} "
        f"({_pct(res['flagged_any'], res['rows'])}) |",
        f"| plants left out: the changed text no longer reads as a figure | {res['unreadable']} |",
        f"| planted errors in approximate figures (about, 약, 여) | {res['approx_plants']} |",
        f"| ... caught | {res['approx_caught']} ({_pct(res['approx_caught'], res['approx_plants'])}) |",
        f"| time to compare the real pairs | {res['seconds']:.1f} s |",
    ]
    lines += ["", "Planted errors of other kinds (one month, one weekday or one name changed in a matched "
              "date or name; caught = a conflict on the changed claim):", "",
              "| planted | caught | planted (still read as a claim) | left out (no longer read) |",
              "|---|---:|---:|---:|"]
    for k, (c, n, u) in res.get("word_plants", {}).items():
        lines.append(f"| {k} | {c} ({_pct(c, n)}) | {n} | {u} |")
    lines += ["", "Planted errors caught, by kind of the figure changed:", "",
              "| kind | caught | planted |", "|---|---:|---:|"]
    for k, (c, n) in res["by_kind"].items():
        lines.append(f"| {k} | {c} ({_pct(c, n)}) | {n} |")
    lines += ["", "Planted errors not caught, by what the comparator did with them:", "",
              "| outcome | plants |", "|---|---:|"]
    for k, n in res["why"]:
        lines.append(f"| {k} | {n} |")
    lines += ["", "Findings over the real pairs: " +
              ", ".join(f"{v} {res['verdicts'].get(v, 0)}" for v in ("match", "conflict", "missing", "uncertain"))
              + ".",
              "", "Conflicts on the real pairs, by kind and reason: " +
              (", ".join(f"{k} {n}" for k, n in res["reasons"]) or "none") + "."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N pairs with a conflict")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N", help="print N planted errors not caught")
    ap.add_argument("--limit", type=int, default=0, help="only the first N rows")
    ap.add_argument("--write", action="store_true", help=f"write the figures to {DOC.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data}: not present; nothing to measure")
        return 0
    rows = _load(args.data)
    if args.limit:
        rows = rows[:args.limit]
    res = run(rows, args.show, args.show_missed)
    table = _table(res)
    print(table)
    if args.write:
        text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        start, end = "<!-- figures -->", "<!-- /figures -->"
        if start in text and end in text:
            text = text[:text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
        else:
            text = f"# Accuracy on real translations\n\n{start}\n{table}\n{end}\n"
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
