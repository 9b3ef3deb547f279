#!/usr/bin/env python3
"""Planted changes: does factcheck catch one changed fact in a real translation pair?

For each of the first N pairs of ``../shared/data/parallel_ko_en_numeric.jsonl`` (real
Korean-English news, CC BY-SA; read at run time, never stored here), the clean pair is checked
with ``factcheck.check_segments``; then, one at a time, one fact that the clean report matches
across the two sides is changed on one side, by class:

- ``last-digit``: the last digit of a figure (not planted when the figure or its counterpart
  is under an approximation word, or when the changed figure is still a rounding or a
  conversion of its counterpart: "3.1 million" allows 313만, "about 100" allows 101);
- ``leading-digit``: the first digit of a figure;
- ``weekday``: a weekday name (Monday -> Tuesday);
- ``month``: a month name (March -> April);
- ``currency``: a currency word or sign ($ -> €, dollars -> euros, 달러 -> 유로, 원 -> 엔);
- ``scale``: a scale word (million <-> billion, 만 <-> 억);
- ``name``: a person's, place's or organisation's name, replaced by another name of the same
  kind met in the corpus that the gazetteer knows, or another Korean personal name (Kim
  Yoon-sang -> Kim Yoon-seok, Suncheon -> Suwon); a replacement the name rules no longer read
  as a name of that kind is not planted.

A change that leaves what the extractor reads unchanged is not planted. A change is *caught*
when the changed pair's report has a ``conflict`` or ``uncertain`` finding
holding a claim of the changed side that overlaps the changed span. The script prints, per
class, caught / planted, and the share of clean pairs flagged (a ``conflict``; and a
``conflict`` or ``uncertain``). The same plantings run on the bundled example documents
(``examples/release_{ko,en}.txt`` and ``article_en.txt``, checked as whole documents).

    .venv/bin/python benchmarks/plant.py                      # the figures (first 400 pairs)
    .venv/bin/python benchmarks/plant.py --missed weekday 10  # and 10 misses of a class
    .venv/bin/python benchmarks/plant.py --flagged 10         # and 10 flagged clean pairs
    .venv/bin/python benchmarks/plant.py --json out.json      # the figures as JSON

Deterministic: the choices are seeded; the same code gives the same figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pathlib
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "parallel_ko_en_numeric.jsonl"
EXAMPLES = ROOT / "examples"
SEED = 20261207

sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.compare import compare_values  # noqa: E402
from factcheck.naming.keys import person_parts  # noqa: E402
from factcheck.report import Report  # noqa: E402

FIGURE_KINDS = ("money", "number", "percent", "quantity")
NAME_KINDS = ("person", "place", "org")
CLASSES = ("last-digit", "leading-digit", "weekday", "month", "currency", "scale", "name")

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_KO_WEEKDAYS = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]
#: currency surface -> another currency's surface, per side
_CURRENCY_SWAPS = {
    "en": [("$", "€"), ("€", "$"), ("£", "$"), ("¥", "$"), ("US dollars", "euros"), ("dollars", "euros"),
           ("dollar", "euro"), ("euros", "dollars"), ("euro", "dollar"), ("pounds", "dollars"), ("pound", "dollar"),
           ("yen", "won"), ("won", "yen"), ("yuan", "yen"), ("USD", "EUR"), ("EUR", "USD"), ("KRW", "JPY")],
    "ko": [("달러", "유로"), ("유로", "달러"), ("파운드", "달러"), ("위안", "엔"), ("엔", "원"), ("원", "엔"),
           ("불", "유로")],
}
_SCALE_SWAPS = {
    "en": [("million", "billion"), ("billion", "million"), ("trillion", "billion"), ("bn", "m"), ("mn", "bn")],
    "ko": [("만", "억"), ("억", "만"), ("조", "억"), ("천", "만")],
}


@dataclass(frozen=True)
class Plant:
    """One change: the pair with one side's text replaced, and where the change sits."""

    cls: str
    side: str
    start: int
    end: int
    old: str
    new: str
    texts: dict[str, str]
    row: str = ""


def _load(limit: int) -> list[dict[str, Any]]:
    rows = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def _check_pair(texts: dict[str, str], seg: str) -> Report:
    return factcheck.check_segments([(seg, [factcheck.Source(texts["ko"], id="ko", lang="ko"),
                                            factcheck.Source(texts["en"], id="en", lang="en")])])


def _matched_claims(report: Report, kinds: tuple[str, ...]) -> Iterator[tuple[str, Any, list[Any]]]:
    """(side, claim, counterparts) of every claim in a ``match`` finding that spans more than
    one source; ``counterparts``: the claims of the finding in the other sources."""
    for f in report.findings:
        if f.verdict != "match" or f.kind not in kinds or len({c.source for c in f.claims}) < 2:
            continue
        for c in f.claims:
            yield c.source, c.claim, [o.claim for o in f.claims if o.source != c.source]


#: relations that allow a small difference: a changed last digit may stay within them
_TOLERANT = ("rounded", "approximate", "converted")


def _within_tolerance(plant: Plant, counterparts: list[Any]) -> bool:
    """Whether a changed figure is still what a counterpart states, within the rounding,
    approximation or conversion that counterpart allows ("3.1 million" against 313만, "about
    100" against "more than 101"): such a change is no error, and is not planted."""
    if any(getattr(o.value, "approx", False) for o in counterparts):
        return True
    text = plant.texts[plant.side]
    for c in factcheck.extract(text, lang=plant.side, kinds=FIGURE_KINDS):
        if c.start < plant.end and plant.start < c.end:
            if getattr(c.value, "approx", False):
                return True
            for o in counterparts:
                rel = compare_values(c.value, o.value, a_text=c.text, b_text=o.text)
                if rel.matches and rel.reason in _TOLERANT:
                    return True
    return False


def _replace(texts: dict[str, str], side: str, start: int, end: int, new: str, cls: str) -> Plant:
    text = texts[side]
    changed = dict(texts)
    changed[side] = text[:start] + new + text[end:]
    return Plant(cls, side, start, start + len(new), text[start:end], new, changed)


def _values_at(text: str, lang: str, start: int, end: int) -> list[tuple[str, str]]:
    return [(c.kind, json.dumps(c.value.to_dict(), sort_keys=True)) for c in factcheck.extract(text, lang=lang)
            if c.start < end and start < c.end]


def changes_claims(plant: Plant, texts: dict[str, str]) -> bool:
    """Whether the change changes what the extractor reads there ("미화 2,326억 유로" is still
    read as US dollars: the comparator is given the same claims, and nothing is planted)."""
    old_end = plant.start + len(plant.old)
    return _values_at(texts[plant.side], plant.side, plant.start, old_end) != \
        _values_at(plant.texts[plant.side], plant.side, plant.start, plant.end)


def _digit_positions(claim: Any, text: str) -> list[int]:
    return [i for i in range(claim.start, claim.end) if text[i].isdigit()]


def _figure_runs(claim: Any, text: str) -> list[tuple[int, int]]:
    """The digit runs of the claim's first figure (``1,600`` of ``1,600만불``) as spans."""
    runs = [(m.start() + claim.start, m.end() + claim.start)
            for m in re.finditer(r"\d[\d,.]*\d|\d", text[claim.start:claim.end])]
    return runs[:1]


def plants_for(texts: dict[str, str], report: Report, rng: random.Random,
               names_by_kind: dict[str, list[str]]) -> dict[str, list[Plant]]:
    """Every planting of every class that this clean pair allows (one per matched claim of the
    sources in ``texts``; other sources of the report are left as they are)."""
    report = Report(report.sources, tuple(
        dataclasses.replace(f, claims=tuple(c for c in f.claims if c.source in texts)) for f in report.findings))
    out: dict[str, list[Plant]] = defaultdict(list)
    seen: set[tuple[str, str, int]] = set()
    for side, claim, counterparts in _matched_claims(report, FIGURE_KINDS):
        text = texts[side]
        runs = _figure_runs(claim, text)
        if runs and ("last-digit", side, claim.start) not in seen:
            s, e = runs[0]
            figure = text[s:e]
            digits = [i for i in range(s, e) if text[i].isdigit()]
            if digits:
                pos = digits[-1]
                old = text[pos]
                new = str((int(old) + rng.choice((1, 2, 3, 4, 5, 6, 7, 8))) % 10)
                seen.add(("last-digit", side, claim.start))
                plant = _replace(texts, side, pos, pos + 1, new, "last-digit")
                if not _within_tolerance(plant, counterparts):
                    out["last-digit"].append(plant)
            if digits and ("leading-digit", side, claim.start) not in seen and len(figure) >= 1:
                pos = digits[0]
                old = text[pos]
                new = rng.choice([d for d in "123456789" if d != old])
                seen.add(("leading-digit", side, claim.start))
                out["leading-digit"].append(_replace(texts, side, pos, pos + 1, new, "leading-digit"))
        if claim.kind == "money":
            for old, new in _CURRENCY_SWAPS[side]:
                i = text.find(old, claim.start, claim.end)
                if i >= 0 and ("currency", side, claim.start) not in seen:
                    if old.isalpha() and old.isascii() and (
                            (i > 0 and text[i - 1].isalpha()) or text[i + len(old):i + len(old) + 1].isalpha()):
                        continue
                    seen.add(("currency", side, claim.start))
                    out["currency"].append(_replace(texts, side, i, i + len(old), new, "currency"))
                    break
        for old, new in _SCALE_SWAPS[side]:
            i = text.find(old, claim.start, claim.end)
            if i >= 0 and ("scale", side, claim.start) not in seen:
                if old.isascii() and ((i > 0 and text[i - 1].isalpha()) or
                                      text[i + len(old):i + len(old) + 1].isalpha()):
                    continue
                seen.add(("scale", side, claim.start))
                out["scale"].append(_replace(texts, side, i, i + len(old), new, "scale"))
                break
    for side, claim, _ in _matched_claims(report, ("date",)):
        text = texts[side]
        span = text[claim.start:claim.end]
        names = _WEEKDAYS if side == "en" else _KO_WEEKDAYS
        for k, wd in enumerate(names):
            i = span.find(wd)
            if i >= 0 and ("weekday", side, claim.start) not in seen:
                seen.add(("weekday", side, claim.start))
                new = names[(k + rng.choice((1, 2, 3))) % 7]
                out["weekday"].append(_replace(texts, side, claim.start + i, claim.start + i + len(wd), new, "weekday"))
                break
        if side == "en":
            for k, month in enumerate(_MONTHS):
                m = re.search(rf"\b{month[:3]}[a-z]*\.?", span)
                written = m.group(0).rstrip(".") if m else ""
                if m and written in (month, month[:3], month[:4]) and ("month", side, claim.start) not in seen:
                    seen.add(("month", side, claim.start))
                    new = _MONTHS[(k + rng.choice((1, 2, 3, 4, 5))) % 12]
                    if m.group(0).rstrip(".") != month:
                        new = new[:3] + ("." if m.group(0).endswith(".") else "")
                    out["month"].append(_replace(texts, side, claim.start + m.start(), claim.start + m.end(), new,
                                                 "month"))
                    break
        else:
            m = re.search(r"(\d{1,2})월", span)
            if m and ("month", side, claim.start) not in seen:
                seen.add(("month", side, claim.start))
                old = int(m.group(1))
                new = str((old - 1 + rng.choice((1, 2, 3, 4, 5))) % 12 + 1)
                out["month"].append(_replace(texts, side, claim.start + m.start(1), claim.start + m.end(1), new,
                                             "month"))
    for side, claim, _ in _matched_claims(report, NAME_KINDS):
        if ("name", side, claim.start) in seen:
            continue
        pool = [n for n in names_by_kind.get(f"{side}:{claim.kind}", []) if n != claim.text
                and n.lower() not in claim.text.lower() and claim.text.lower() not in n.lower()]
        if not pool:
            continue
        seen.add(("name", side, claim.start))
        new = rng.choice(pool)
        plant = _replace(texts, side, claim.start, claim.end, new, "name")
        if _still_read(plant, claim.kind):
            out["name"].append(plant)
    return {cls: [p for p in plants if cls == "name" or changes_claims(p, texts)] for cls, plants in out.items()}


def caught(plant: Plant, report: Report) -> bool:
    for f in report.findings:
        if f.verdict not in ("conflict", "uncertain"):
            continue
        for c in f.claims:
            if c.source == plant.side and c.claim.start < plant.end and plant.start < c.claim.end:
                return True
    return False


_GROUPS = {"money": "figure", "number": "figure", "percent": "figure", "quantity": "figure", "date": "date",
           "person": "name", "org": "name", "place": "name"}


def why_missed(plant: Plant, report: Report) -> str:
    """Why a planting was not caught, in a few words (for reading the misses by class)."""
    other = "en" if plant.side == "ko" else "ko"
    hit = [f for f in report.findings
           if any(c.source == plant.side and c.claim.start < plant.end and plant.start < c.claim.end for c in f.claims)]
    if not hit:
        return "no claim on the changed span"
    f = hit[0]
    if f.verdict == "match":
        return f"still a match ({f.reason})"
    group = _GROUPS.get(f.kind, f.kind)
    mine = [g for g in report.findings if g.verdict == "missing" and _GROUPS.get(g.kind, g.kind) == group
            and all(c.source == plant.side for c in g.claims)]
    theirs = [g for g in report.findings if g.verdict == "missing" and _GROUPS.get(g.kind, g.kind) == group
              and all(c.source == other for c in g.claims)]
    if not theirs:
        return "missing: nothing of its kind left on the other side"
    if len(mine) == 1 and len(theirs) == 1:
        return "missing: one leftover on each side"
    return f"missing: {len(mine)} leftovers against {len(theirs)}"


def _name_pool(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Names of each kind and side met in the rows (replacements for the ``name`` class): the
    names the gazetteer knows, and Korean personal names (a known surname and a given name),
    so that a replacement is a name and not a word the name rules misread."""
    pool: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for side in ("ko", "en"):
            for c in factcheck.extract(r[side], lang=side, kinds=NAME_KINDS):
                v = c.value
                known = v.basis in ("gazetteer", "glossary") or (c.kind == "person" and person_parts(v.name))
                if len(c.text) >= 2 and known and c.text == v.name:
                    pool[f"{side}:{c.kind}"].add(c.text)
    return {k: sorted(v) for k, v in pool.items()}


def _still_read(plant: Plant, kind: str) -> bool:
    """Whether the planted text is read as a claim of ``kind`` covering the change (otherwise
    the extractor, not the comparator, decides what happens: not planted)."""
    for c in factcheck.extract(plant.texts[plant.side], lang=plant.side, kinds=(kind,)):
        if c.start <= plant.start and plant.end <= c.end:
            return True
    return False


def run(rows: list[dict[str, Any]], progress: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    rng = random.Random(SEED)
    names = _name_pool(rows)
    planted: Counter[str] = Counter()
    got: Counter[str] = Counter()
    missed: dict[str, list[tuple[Plant, Report]]] = defaultdict(list)
    flagged: list[tuple[dict[str, Any], Report]] = []
    flagged_any = 0
    iterable = progress(rows) if progress else rows
    for row in iterable:
        texts = {"ko": row["ko"], "en": row["en"]}
        clean = _check_pair(texts, row["id"])
        if any(f.verdict == "conflict" for f in clean.findings):
            flagged.append((row, clean))
        if any(f.verdict in ("conflict", "uncertain") for f in clean.findings):
            flagged_any += 1
        for cls, plants in plants_for(texts, clean, rng, names).items():
            for p in plants:
                p = dataclasses.replace(p, row=row["id"])
                rep = _check_pair(p.texts, row["id"])
                planted[cls] += 1
                if caught(p, rep):
                    got[cls] += 1
                else:
                    missed[cls].append((p, rep))
    return {"rows": len(rows), "flagged": flagged, "flagged_any": flagged_any, "planted": planted, "caught": got,
            "missed": missed}


#: document sets planted as whole texts: (name, Korean release, English release, article,
#: glossary); the examples of the repository and invented ones of benchmarks/docs/
DOCS = ROOT / "benchmarks" / "docs"
DOCUMENT_SETS = (
    ("examples", EXAMPLES / "release_ko.txt", EXAMPLES / "release_en.txt", EXAMPLES / "article_en.txt",
     EXAMPLES / "glossary.csv"),
    ("busan", DOCS / "busan_ko.txt", DOCS / "busan_en.txt", DOCS / "busan_news.txt", DOCS / "glossary.csv"),
    ("earnings", DOCS / "earnings_ko.txt", DOCS / "earnings_en.txt", DOCS / "earnings_news.txt",
     DOCS / "glossary.csv"),
)
#: replacement names for the documents: names the gazetteer knows, Korean personal names
_DOC_NAMES = {"en:person": ["Kim Yoon-seok", "Lee Min-ho"], "en:place": ["Suwon", "Gwangju"],
              "en:org": ["Public Procurement Service", "Korea Customs Service"],
              "ko:person": ["김윤석", "이민호"], "ko:place": ["수원", "광주"], "ko:org": ["조달청", "관세청"]}


def run_documents() -> dict[str, Any]:
    """The same plantings on whole documents: each set's Korean release, its English version
    and an article about it, checked as three texts (the article undated); plantings in the
    two releases."""
    from factcheck.glossary import load_glossary

    planted: Counter[str] = Counter()
    got: Counter[str] = Counter()
    missed: dict[str, list[tuple[Plant, Report]]] = defaultdict(list)
    flagged: dict[str, int] = {}
    for name, ko, en, article, gloss in DOCUMENT_SETS:
        glossary = load_glossary(gloss)
        texts = {"ko": ko.read_text(encoding="utf-8"), "en": en.read_text(encoding="utf-8")}
        news = article.read_text(encoding="utf-8")

        def check(t: dict[str, str], news: str = news, glossary: Any = glossary) -> Report:
            return factcheck.check([factcheck.Source(t["ko"], id="ko", lang="ko"),
                                    factcheck.Source(t["en"], id="en", lang="en"),
                                    factcheck.Source(news, id="news", lang="en")], glossary=glossary)

        clean = check(texts)
        flagged[name] = sum(f.verdict == "conflict" for f in clean.findings)
        rng = random.Random(SEED)
        for cls, plants in plants_for(texts, clean, rng, _DOC_NAMES).items():
            for p in plants:
                p = dataclasses.replace(p, row=name)
                rep = check(p.texts)
                planted[cls] += 1
                if caught(p, rep):
                    got[cls] += 1
                else:
                    missed[cls].append((p, rep))
    return {"flagged": flagged, "planted": planted, "caught": got, "missed": missed}


def _context(p: Plant, width: int = 40) -> str:
    text = p.texts[p.side]
    return text[max(0, p.start - width):p.end + width].replace("\n", " ")


def _show_missed(p: Plant, rep: Report) -> None:
    print(f"- [{p.cls}] {p.row} {p.side}: {p.old!r} -> {p.new!r}: …{_context(p)}…")
    for f in rep.findings:
        if f.verdict != "match" or any(c.source == p.side and c.claim.start < p.end and p.start < c.claim.end
                                       for c in f.claims):
            if any(c.source == p.side and c.claim.start < p.end and p.start < c.claim.end for c in f.claims) \
                    or f.verdict in ("missing",):
                print(f"    {f.verdict} {f.kind}: {f.message}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Planted changes in real translation pairs: caught / planted.")
    ap.add_argument("--limit", type=int, default=400, help="the first N pairs (default 400)")
    ap.add_argument("--missed", nargs=2, metavar=("CLASS", "N"), help="show N misses of a class")
    ap.add_argument("--flagged", type=int, default=0, metavar="N", help="show N flagged clean pairs")
    ap.add_argument("--json", type=pathlib.Path, help="write the figures as JSON")
    ap.add_argument("--no-documents", action="store_true", help="skip the example documents")
    ap.add_argument("--write", action="store_true", help="write the figures into docs/benchmarks.md")
    args = ap.parse_args(argv)
    figures: dict[str, Any] = {}
    if DATA.exists():
        rows = _load(args.limit)
        try:
            from tqdm import tqdm

            progress: Callable[[Any], Any] | None = (lambda it: tqdm(it, desc="pairs", leave=False)) \
                if sys.stderr.isatty() else None
        except ImportError:
            progress = None
        res = run(rows, progress)
        n = res["rows"]
        print(f"news pairs: first {n} of {DATA.name}")
        print(f"  clean pairs flagged (a conflict): {len(res['flagged'])}/{n} = {_pct(len(res['flagged']), n)}")
        print(f"  clean pairs flagged (conflict or uncertain): {res['flagged_any']}/{n} = "
              f"{_pct(res['flagged_any'], n)}")
        print(f"  {'class':<14} {'caught':>8} {'planted':>8} {'share':>7}")
        for cls in CLASSES:
            a, b = res["caught"][cls], res["planted"][cls]
            print(f"  {cls:<14} {a:>8} {b:>8} {_pct(a, b):>7}")
        figures["pairs"] = {"rows": n, "flagged": len(res["flagged"]), "flagged_any": res["flagged_any"],
                            "classes": {c: [res["caught"][c], res["planted"][c]] for c in CLASSES}}
        if args.missed:
            cls, k = args.missed[0], int(args.missed[1])
            print(f"\nmissed {cls}: {len(res['missed'][cls])}")
            why = Counter(why_missed(p, rep) for p, rep in res["missed"][cls])
            for reason, n_ in why.most_common():
                print(f"  {n_:>4}  {reason}")
            for p, rep in res["missed"][cls][:k]:
                _show_missed(p, rep)
        for row, rep in res["flagged"][:args.flagged]:
            print(f"\nflagged {row['id']}:\n  ko: {row['ko']}\n  en: {row['en']}")
            for f in rep.findings:
                if f.verdict == "conflict":
                    print(f"  conflict {f.kind}: {f.message}")
    else:
        print(f"{DATA} is absent: only the example documents are planted")
    if not args.no_documents:
        doc = run_documents()
        print("documents (a Korean release, its English version and an undated article, checked whole;")
        print("plantings in the releases): " + ", ".join(name for name, *_ in DOCUMENT_SETS))
        print("  clean conflicts: " + ", ".join(f"{k} {v}" for k, v in doc["flagged"].items())
              + " (the examples' article says 'Friday' on purpose)")
        for cls in CLASSES:
            a, b = doc["caught"][cls], doc["planted"][cls]
            if b:
                print(f"  {cls:<14} {a:>8} {b:>8} {_pct(a, b):>7}")
        figures["documents"] = {c: [doc["caught"][c], doc["planted"][c]] for c in CLASSES}
        if args.missed:
            for p, rep in doc["missed"][args.missed[0]][:int(args.missed[1])]:
                _show_missed(p, rep)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if args.write:
        write_section(figures)
    return 0


BENCH_DOC = ROOT / "docs" / "benchmarks.md"
_BEGIN = "<!-- planted changes: generated by benchmarks/plant.py --write -->"
_END = "<!-- end of planted changes -->"


def section(figures: dict[str, Any]) -> str:
    """The "Planted changes" section of docs/benchmarks.md, from the figures of :func:`main`."""
    lines = [_BEGIN, "## Planted changes", "",
             "Does factcheck catch one changed fact in a real translation? In each pair, one fact that the clean "
             "report matches across the two sides is changed on one side (either side), one class at a time, and "
             "the pair is compared again; a change is *caught* when a `conflict` or `uncertain` finding holds a "
             "claim of the changed side overlapping the change. Classes: the last digit of a figure (not when it "
             "stays within what an approximate or rounded counterpart allows), its leading digit, a weekday, a "
             "month, a currency (`$` -> `€`, 달러 -> 유로), a scale word (million <-> billion, 만 <-> 억) and a "
             "name (another name of its kind the gazetteer knows, or another Korean personal name; not when "
             "the name rules no longer read it).", "",
             "```sh", ".venv/bin/python benchmarks/plant.py                       # the figures below",
             ".venv/bin/python benchmarks/plant.py --missed scale 10     # and the misses of a class, with why",
             ".venv/bin/python benchmarks/plant.py --flagged 10          # and the clean pairs flagged",
             ".venv/bin/python benchmarks/plant.py --write               # rewrite this section", "```", ""]
    pairs = figures.get("pairs")
    if pairs:
        n = pairs["rows"]
        lines += [f"News pairs: the first {n} of `parallel_ko_en_numeric.jsonl` (`check_segments`, one segment "
                  "per pair). Clean pairs flagged with a conflict: "
                  f"{pairs['flagged']}/{n} ({_pct(pairs['flagged'], n)}); with a conflict or an uncertain finding: "
                  f"{pairs['flagged_any']}/{n} ({_pct(pairs['flagged_any'], n)}).", "",
                  "| class | caught | planted | share |", "|---|---:|---:|---:|"]
        for cls in CLASSES:
            a, b = pairs["classes"][cls]
            lines.append(f"| {cls} | {a} | {b} | {_pct(a, b)} |")
        lines.append("")
    docs = figures.get("documents")
    if docs:
        lines += ["Documents: a Korean release, its English version and an undated English article about it, "
                  "checked as three whole texts (`check`), changes planted in the two releases: "
                  + ", ".join(f"`{name}`" for name, *_ in DOCUMENT_SETS)
                  + " (`examples/` and `benchmarks/docs/`, invented texts).", "",
                  "| class | caught | planted | share |", "|---|---:|---:|---:|"]
        for cls in CLASSES:
            a, b = docs[cls]
            if b:
                lines.append(f"| {cls} | {a} | {b} | {_pct(a, b)} |")
        lines.append("")
    lines.append(_END)
    return "\n".join(lines)


def write_section(figures: dict[str, Any]) -> None:
    """Put :func:`section` into docs/benchmarks.md, in place of the one there or at the end."""
    text = BENCH_DOC.read_text(encoding="utf-8")
    new = section(figures)
    if _BEGIN in text and _END in text:
        head, rest = text.split(_BEGIN, 1)
        text = head + new + rest.split(_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new + "\n"
    BENCH_DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
