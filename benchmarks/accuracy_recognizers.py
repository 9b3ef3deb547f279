#!/usr/bin/env python3
"""Accuracy of factcheck against the Microsoft Recognizers-Text specs (Korean and English).

Reads ``recognizers_{money,number}_{ko,en}.jsonl`` from ``../shared/data`` relative to the
repository root (converted from github.com/microsoft/Recognizers-Text, MIT; see that folder's
README). Nothing from those files is stored in this repository: the rows are read at run time.
When the folder is absent the script says so and exits with status 0.

    .venv/bin/python benchmarks/accuracy_recognizers.py                 # print the table
    .venv/bin/python benchmarks/accuracy_recognizers.py --write         # also docs/accuracy-recognizers.md
    .venv/bin/python benchmarks/accuracy_recognizers.py --show-failures 20 [--file number_ko] [--model NumberModel]
    .venv/bin/python benchmarks/accuracy_recognizers.py --show-excluded

Standard library and factcheck only. The scoring rules are in SCORING below and printed with
every table.
"""

from __future__ import annotations

import argparse
import functools
import json
import pathlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DOC = ROOT / "docs" / "accuracy-recognizers.md"
FILES = ("money_ko", "money_en", "number_ko", "number_en")
MODEL_KIND = {"CurrencyModel": "money", "NumberModel": "number", "PercentModel": "percent",
              "NumberRangeModel": "range"}

SCORING = """\
Scoring (one row = one spec entry: an input text and the list of results it expects):
- factcheck.extract(text, lang) runs on the row's text; the row passes when EVERY expected
  result is matched by a claim whose span overlaps the expected span and whose value agrees:
  * money (CurrencyModel): same amount and, when the spec currency has an ISO 4217 meaning,
    the same currency. Spec names map to ISO codes through babel's English CLDR currency
    names plus a small alias table; subunits (Cent, Pence, Penny, Sen) are read as 1/100 of
    the main unit (factcheck states 50 cents as 0.50). A spec name with no ISO meaning
    ("Dollar", "Pound", "Franc", "Cent", "Rupee") is compared on the amount only.
  * number (NumberModel): a claim of any measured kind (number, money, percent, quantity:
    factcheck reports each number once, under its most specific kind) whose value, or range
    bound, equals the expected value.
  * percent (PercentModel): a percent claim (unit percent) with the expected value.
  * range (NumberRangeModel): a claim whose (low, high) equals the spec interval's bounds,
    open or closed alike (factcheck does not tell "over" from "at least"); a claim without
    bounds states its value exactly and so matches [v, v].
- A row that expects nothing passes when no claim of that dimension is found (number: a
  number claim; percent: a percent claim; range: a claim with a bound; money: a money claim).
- Rows flagged ignore_resolution by the spec are checked on the span only.
- Expected results without a number (a currency name alone: "달러", "dollar", "rmb") are
  dropped from their row: a money claim is an amount. A row left with nothing is not counted.
- Spec flags not_supported / not_supported_by_design (platforms that skip a row) are ignored:
  those rows are counted like the others.
"""

# Row exclusions: key -> (group, reason). Each is a class with a rule, never a hand-picked row
# (except `unsound`, whose rows are listed with the reason); the counts are printed.
EXCLUSIONS = {
    # outside contract v1
    "fraction": ("outside the contract", "fractions whose spec subtype is \"fraction\" (1/2, 삼분의 일, "
                 "two thirds, half): contract v1 numbers are exact decimals (1/3 has none), and \"3/4\" "
                 "is also a date"),
    "power": ("outside the contract", "scientific and power notation (1e10, 1.1^23, 2.5^-1): "
              "mathematics, not running text"),
    "not_iso": ("outside the contract", "cryptocurrencies (Bitcoin, Satoshi): the contract's currency "
                "is an ISO 4217 code"),
    "no_value": ("outside the contract", "results without a number (\"a small percent\", a currency "
                 "name alone): nothing to compare"),
    # factcheck's documented design
    "blocked": ("by design", "numbers inside phone numbers, numeric dates and IP/version strings "
                "(+1-222-2222/2222, 5/17/2018, 192.168.1.2): the locale data blocks these spans"),
    "ordinal": ("by design", "ordinals and ranks (일조 번째, 십등, 십위, the tenth): not counts"),
    "date_word": ("by design", "Korean numbers written before a date or time word of the locale's "
                  "`date_after` list (3년, 331일): left to the date rules"),
    "short_word": ("by design", "Korean numbers of one or two Sino-Korean syllables, or one native "
                   "syllable, standing alone (삼, 영, 십육, 일조, 이천, 셋): not claimed alone (삼성, "
                   "일조하다, 이천시, 열 \"heat\")"),
    "in_name": ("by design", "a number glued to a name (SCP-173, A4): part of the name"),
    "change": ("by design", "\"from A to B\": read as a change from A to B, not a range (\"rose from "
               "10 to 20\")"),
    "stopword": ("by design", "a number word the locale lists in `standalone_stopwords` standing "
                 "alone (one, zero, nought, 하나): \"one of them\" is no count"),
    "abbrev_scale": ("by design", "scale letters glued to a bare number (10k, 10M, 1.2b, 10G, 2mil): "
                     "read as scales only beside a currency or a following noun (16m is also 16 metres)"),
    "decimal_comma": ("by design", "a decimal comma (1,3 = 1.3; 1.111,11): English and Korean text "
                      "uses the comma to group thousands"),
    "unsound": ("unsound", "expectations that are not a reading of the text (listed below)"),
}

# Individual expectations judged unsound: row id -> why.
UNSOUND: dict[str, str] = {
    "recognizers-money-ko-0096": "\"1 달러와 1\" read as 1.01 dollars: a word-for-word translation of "
                                 "an English spoken form that the Korean does not carry",
    "recognizers-money-ko-0100": "\"1 달러와 2\" read as 1.02 dollars: as above",
    "recognizers-money-ko-0099": "\"1 회 5 마오 5\" read as 1.55 yuan: a garbled translation of "
                                 "\"one kuai and five mao five\" (회 is no currency)",
    "recognizers-money-ko-0105": "\"10만 루피\" read as Sri Lankan rupees: nothing in the Korean text "
                                 "says which rupee (the English source had a Tamil sign)",
    "recognizers-number-en-0245": "\"percents of twenty\" read as 20%: \"percent of N\" is not N percent",
    "recognizers-number-en-0246": "\"percent of 10\" read as 10%: as above",
    "recognizers-number-en-0247": "\"per cent of twenty-two\" read as 22%: as above",
    "recognizers-number-en-0248": "\"per cent of 210\" read as 210%: as above",
}


# --------------------------------------------------------------------------- loading
@dataclass
class Expected:
    text: str
    start: int
    end: int
    value: Any          # Decimal (money amount, number, percent) or (low, high) for ranges
    currency: str | None = None   # ISO code or None (amount only)
    subtype: str | None = None


@dataclass
class Row:
    file: str
    id: str
    lang: str
    model: str
    text: str
    expected: list[Expected]
    ignore_resolution: bool
    raw: dict[str, Any] = field(repr=False)
    dropped: int = 0

    @property
    def dim(self) -> str:
        return MODEL_KIND[self.model]


def _dec(s: Any) -> Decimal | None:
    if s is None:
        return None
    try:
        return Decimal(str(s).strip().rstrip("%"))
    except InvalidOperation:
        return None


def _interval(s: str) -> tuple[Decimal | None, Decimal | None] | None:
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]\s*", s or "")
    if m is None:
        return None
    return _dec(m.group(1) or None), _dec(m.group(2) or None)


@functools.lru_cache(maxsize=1)
def _cldr_names() -> dict[str, str]:
    """English CLDR currency names (lower case, singular and plural) -> ISO code."""
    from babel import Locale

    loc = Locale.parse("en")
    out: dict[str, str] = {}
    plural = loc._data.get("currency_names_plural", {})
    for code, name in loc.currencies.items():
        forms = {name, *dict(plural.get(code, {})).values()}
        for form in forms:
            if form and "(" not in form:
                out.setdefault(form.lower(), code)
    return out


# Spec unit names CLDR does not spell the same way.
_CURRENCY_ALIASES = {"netherlands guilder": "NLG", "dutch guilder": "NLG"}
# Spec subunit names: factor to the main unit, and the main unit's ISO code when fixed.
_SUBUNITS = {"cent": (Decimal("0.01"), None), "pence": (Decimal("0.01"), "GBP"),
             "penny": (Decimal("0.01"), "GBP"), "sen": (Decimal("0.01"), None)}


def _currency(spec: str | None) -> tuple[str | None, Decimal]:
    """(ISO code or None for amount-only, factor) of a spec currency name."""
    if not spec:
        return None, Decimal(1)
    if re.fullmatch(r"[A-Z]{3}", spec):
        return spec, Decimal(1)
    key = spec.lower()
    if key in _SUBUNITS:
        factor, code = _SUBUNITS[key]
        return code, factor
    return _CURRENCY_ALIASES.get(key) or _cldr_names().get(key), Decimal(1)


def _locate(text: str, e: dict[str, Any], cursor: dict[str, int]) -> tuple[int, int]:
    """The expected span in ``text``: the spec's start/end (end inclusive) when they agree
    with the expected text, else the next occurrence of that text."""
    want = e["text"]
    if "start" in e:
        s = e["start"]
        end = e["end"] + 1 if "end" in e else s + e.get("length", len(want))
        if text[s:end].lower() == want.lower():
            return s, end
    low = text.lower()
    pos = low.find(want.lower(), cursor.get(want, 0))
    if pos < 0:
        pos = low.find(want.lower().strip())
        want = want.strip()
    if pos < 0:
        return -1, -1
    cursor[e["text"]] = pos + len(want)
    return pos, pos + len(want)


def load_rows(name: str) -> list[Row]:
    path = DATA / f"recognizers_{name}.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        cursor: dict[str, int] = {}
        exps: list[Expected] = []
        dropped = 0
        for e in r["expected"]:
            s, end = _locate(r["text"], e, cursor)
            res = e.get("resolution") or {}
            model = r["model"]
            if model == "CurrencyModel":
                amount = _dec(e.get("amount"))
                if amount is None:
                    dropped += 1
                    continue
                code, factor = _currency(e.get("currency"))
                exps.append(Expected(e["text"], s, end, amount * factor, code))
            elif model == "NumberRangeModel":
                exps.append(Expected(e["text"], s, end, _interval(res.get("value", ""))))
            else:
                exps.append(Expected(e["text"], s, end, _dec(res.get("value")), subtype=res.get("subtype")))
        rows.append(Row(name, r["id"], r["lang"], r["model"], r["text"], exps,
                        bool(r.get("ignore_resolution")), r, dropped))
    return rows


# --------------------------------------------------------------------------- exclusions
_ABBREV_GLUED = re.compile(r"\d(?:k|m|mm|b|g|mil)\b", re.IGNORECASE)
_FRACTION_RE = re.compile(
    r"\d\s+in\s+\d|분의|\d\s*/\s*\d|[½¼¾⅓⅔⅙⅛]|(?<![가-힣])반(?:이|을|$)|절반|"
    r"\b(?:half|halves|quarters?|thirds?|fourths?|fifths?|eighths?|ninths?|hundredths?)\b",
    re.IGNORECASE)
_POWER_RE = re.compile(r"\d\s*\^|\d[eE][-+]?\d|x10\^")
_ORDINAL_RE = {
    "ko": re.compile(r"번째|[0-9십백천일이삼사오육칠팔구]\s?(?:등|위)(?![가-힣])|[0-9십백천일이삼사오육칠팔구]\s?(?:등|위)(?:에서|와|보다|까지)"),
    "en": re.compile(r"\bthe\s+\w+(?:th|st|nd|rd)\b", re.IGNORECASE),
}
_KO_WORD_NUM = re.compile(r"[영공일이삼사오육칠팔구십백천만억조]+")


_NOT_ISO = {"bitcoin", "satoshi"}
_ABBREV_RE = re.compile(r"-?\s*[\d.,]+\s*(?:k|m|mm|b|g|t|mil)", re.IGNORECASE)


def exclusion(row: Row) -> str | None:
    """Why a row is not counted (a key of EXCLUSIONS), or None."""
    if row.id in UNSOUND:
        return "unsound"
    if not row.expected and row.dropped:
        return "no_value"  # only currency names without amounts
    if row.dim == "percent" and any(e.value is None for e in row.expected):
        return "no_value"
    if row.dim == "money" and any(str(x.get("currency", "")).lower() in _NOT_ISO for x in row.raw["expected"]):
        return "not_iso"
    texts = [e.text for e in row.expected]
    spans = texts or [row.text]  # what a row that expects nothing is about: its whole text
    if any(e.subtype == "fraction" for e in row.expected) or (
            row.dim == "range" and any(_FRACTION_RE.search(t) for t in spans)):
        return "fraction"
    if any(_ABBREV_GLUED.search(t) for t in spans) and row.dim in ("number", "range"):
        return "abbrev_scale"
    if any(e.subtype == "power" for e in row.expected) or any(_POWER_RE.search(t) for t in texts):
        return "power"
    if any(_ORDINAL_RE[row.lang].search(t) for t in texts):
        return "ordinal"
    if any(m.start() <= e.start and e.end <= m.end() for e in row.expected for m in _BLOCKED_RE.finditer(row.text)):
        return "blocked"
    if row.lang == "ko" and row.dim in ("number", "range") and any(_short_word(row, e) for e in row.expected):
        return "short_word"
    if row.dim == "number":
        if row.lang == "ko" and any(row.text.startswith(w, e.end) for e in row.expected for w in _KO_DATE_WORDS):
            return "date_word"
        if any(e.text.strip().lower() in _STOPWORDS for e in row.expected):
            return "stopword"
        if any(_ABBREV_RE.fullmatch(e.text.strip()) for e in row.expected):
            return "abbrev_scale"
        if any(e.start > 0 and (row.text[e.start - 1].isalpha() or (row.text[e.start - 1] == "-" and e.start > 1
                                                                      and row.text[e.start - 2].isalpha()))
               for e in row.expected):
            return "in_name"
        if any("," in e.text and e.value is not None and _dec(re.sub(r"[,\s]", "", e.text)) != e.value
               for e in row.expected):
            return "decimal_comma"
    if row.dim == "range" and any(re.match(r"from\b", t, re.IGNORECASE) for t in texts):
        return "change"
    return None


# The classes are defined here, not read from factcheck's locale files, so that every version
# of factcheck is scored on the same rows.
# a run of three or more digit groups joined by - / . : phone numbers, numeric dates, IP addresses
_BLOCKED_RE = re.compile(r"\+?\d+(?:[-/.]\d+){2,}")
_KO_DATE_WORDS = ("년", "월", "일", "시", "분", "초", "요일")   # as ko.toml's date_after
_STOPWORDS = {"one", "zero", "nought", "naught", "하나"}      # as the locales' standalone_stopwords
_KO_NATIVE_SHORT = set("둘셋넷열쉰")
_KO_PARTICLES = set("은는이가을를과와의에도만입")


def _short_word(row: Row, e: Expected) -> bool:
    """A Korean number of one or two Sino-Korean syllables, or one native syllable, that stands
    alone: followed by no letter, or by a particle."""
    t = e.text.strip()
    if not ((_KO_WORD_NUM.fullmatch(t) and len(t) <= 2) or t in _KO_NATIVE_SHORT):
        return False
    if row.dim == "range":
        return True
    after = row.text[e.end:e.end + 1]
    return not ("\uac00" <= after <= "\ud7a3") or after in _KO_PARTICLES


# --------------------------------------------------------------------------- matching
def _claims(row: Row) -> list[Any]:
    import factcheck

    return factcheck.extract(row.text, lang=row.lang)


def _overlaps(c: Any, e: Expected) -> bool:
    return e.start >= 0 and c.start < e.end and e.start < c.end


def _numeric(c: Any) -> set[Decimal]:
    v = c.value
    main = getattr(v, "amount", None)
    if main is None:
        main = getattr(v, "value", None)
    out = {x for x in (main, v.low, v.high) if x is not None}
    return out


def _bounds(c: Any) -> tuple[Decimal | None, Decimal | None]:
    v = c.value
    if v.low is None and v.high is None:
        main = getattr(v, "amount", None)
        if main is None:
            main = v.value
        return main, main
    return v.low, v.high


def _eq(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= Decimal("1e-9") * max(Decimal(1), abs(b))


def match(row: Row, claims: list[Any]) -> bool:
    dim = row.dim
    if not row.expected:
        if dim == "range":
            return not any(c.value.low is not None or c.value.high is not None for c in claims
                           if c.kind in ("number", "percent", "quantity", "money"))
        return not any(c.kind == dim for c in claims)
    for e in row.expected:
        if e.start < 0:
            return False
        near = [c for c in claims if _overlaps(c, e)]
        if dim == "money":
            near = [c for c in near if c.kind == "money"]
            if row.ignore_resolution:
                ok = bool(near)
            else:
                ok = any(_eq(c.value.amount, e.value) and (e.currency is None or c.value.currency == e.currency)
                         for c in near)
        elif dim == "percent":
            ok = any(c.kind == "percent" and c.value.unit == "percent" and _eq(c.value.value, e.value) for c in near)
        elif dim == "number":
            ok = any(any(_eq(x, e.value) for x in _numeric(c)) for c in near
                     if c.kind in ("number", "money", "percent", "quantity"))
        else:
            lo, hi = e.value if e.value else (None, None)
            ok = any(_eq(_bounds(c)[0], lo) and _eq(_bounds(c)[1], hi) for c in near
                     if c.kind in ("number", "money", "percent", "quantity"))
        if not ok:
            return False
    return True


# --------------------------------------------------------------------------- report
@dataclass
class Tally:
    rows: int = 0
    counted: int = 0
    passed: int = 0
    excluded: Counter = field(default_factory=Counter)

    def pct(self) -> str:
        return f"{100 * self.passed / self.counted:.1f}%" if self.counted else "-"


def evaluate(names: tuple[str, ...]) -> tuple[dict[str, Tally], dict[tuple[str, str], Tally], list[tuple[Row, list[Any]]], list[tuple[Row, str]]]:
    per_file: dict[str, Tally] = {}
    per_model: dict[tuple[str, str], Tally] = defaultdict(Tally)
    failures: list[tuple[Row, list[Any]]] = []
    excluded: list[tuple[Row, str]] = []
    for name in names:
        t = per_file.setdefault(name, Tally())
        for row in load_rows(name):
            m = per_model[(name, row.model)]
            t.rows += 1
            m.rows += 1
            why = exclusion(row)
            if why is not None:
                t.excluded[why] += 1
                m.excluded[why] += 1
                excluded.append((row, why))
                continue
            t.counted += 1
            m.counted += 1
            claims = _claims(row)
            if match(row, claims):
                t.passed += 1
                m.passed += 1
            else:
                failures.append((row, claims))
    return per_file, dict(per_model), failures, excluded


def table(per_file: dict[str, Tally], per_model: dict[tuple[str, str], Tally]) -> str:
    keys = list(EXCLUSIONS)
    head = "| file | model | rows | counted | passed | accuracy | " + " | ".join(keys) + " |"
    lines = [head, "|" + "---|" * (6 + len(keys))]

    def line(name: str, model: str, t: Tally) -> str:
        ex = " | ".join(str(t.excluded.get(k, 0)) for k in keys)
        return f"| {name} | {model} | {t.rows} | {t.counted} | {t.passed} | {t.pct()} | {ex} |"

    for name, t in per_file.items():
        lines.append(line(f"**{name}**", "all", t))
        models = sorted(m for (f, m) in per_model if f == name)
        if len(models) > 1:
            for model in models:
                lines.append(line(name, model, per_model[(name, model)]))
    return "\n".join(lines)


def _fmt_claims(claims: list[Any]) -> str:
    return "; ".join(f"{c.kind} {c.text!r} {c.value.to_dict()}" for c in claims) or "(none)"


def _fmt_expected(row: Row) -> str:
    parts = []
    for e in row.expected:
        v = e.value
        if isinstance(v, tuple):
            v = f"[{v[0]}, {v[1]}]"
        parts.append(f"{e.text!r}@{e.start}={v}" + (f" {e.currency}" if e.currency else ""))
    return "; ".join(parts) or "(nothing)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="also write docs/accuracy-recognizers.md")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N", help="print N failing rows")
    ap.add_argument("--show-excluded", action="store_true", help="print every excluded row and why")
    ap.add_argument("--file", choices=FILES, action="append", help="only this file (repeatable)")
    ap.add_argument("--model", help="with --show-failures: only rows of this spec model")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"{DATA} not found: the Recognizers-Text specs are read from ../shared/data relative "
              "to the repository root; nothing to measure.")
        return 0
    names = tuple(args.file) if args.file else FILES
    sys.path.insert(0, str(ROOT))
    per_file, per_model, failures, excluded = evaluate(names)
    out = table(per_file, per_model)
    print(out)
    print()
    print(SCORING)
    print("Rows not counted:")
    for k, (group, why) in EXCLUSIONS.items():
        n = sum(t.excluded.get(k, 0) for t in per_file.values())
        print(f"- {k} ({n}, {group}): {why}")
    if args.show_excluded:
        print()
        for row, why in excluded:
            print(f"[{why}] {row.id} {row.model}: {row.text[:100]!r} -> {_fmt_expected(row)}")
    if args.show_failures:
        print()
        shown = [f for f in failures if not args.model or f[0].model == args.model]
        for row, claims in shown[: args.show_failures]:
            print(f"{row.id} {row.model}{' (span only)' if row.ignore_resolution else ''}")
            print(f"  text:     {row.text[:160]!r}")
            print(f"  expected: {_fmt_expected(row)}")
            print(f"  got:      {_fmt_claims(claims)}")
        print(f"({len(shown)} failing rows)")
    if args.write:
        write_doc(out)
    return 0


def write_doc(out: str) -> None:
    ex = "\n".join(f"- `{k}` ({group}): {why}" for k, (group, why) in EXCLUSIONS.items())
    unsound = "\n".join(f"- `{k}`: {why}" for k, why in sorted(UNSOUND.items())) or "- (none)"
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        "# Accuracy against the Microsoft Recognizers-Text specs\n\n"
        "Generated by `benchmarks/accuracy_recognizers.py --write` from the Korean and English spec\n"
        "files of [Recognizers-Text](https://github.com/microsoft/Recognizers-Text) (MIT), commit\n"
        "`90e968ea44dc`, as converted in `../shared/data` (not part of this repository).\n\n"
        + out + "\n\n```\n" + SCORING + "```\n\n## Rows not counted\n\n" + ex
        + "\n\nExpectations judged unsound:\n\n" + unsound + "\n" + HISTORY,
        encoding="utf-8",
    )
    print(f"wrote {DOC.relative_to(ROOT)}")


HISTORY = """
## Before and after

Same rows, same scoring. "Before" is factcheck at commit `e903bfc` (the first core commit);
"after" is the working tree this file was generated from (it also includes the other changes
made in the same round, e.g. the hyphen glue of "a 12-kilometer tunnel").

| file | before | after |
|---|---:|---:|
| money_ko | 85/104 (81.7%) | see table |
| money_en | 121/175 (69.1%) | see table |
| number_ko | 130/255 (51.0%) | see table |
| number_en | 121/191 (63.4%) | see table |

What changed in factcheck to get there (all in the locale data first, the generic rules second):

- Korean native numbers (다섯, 스물여섯, 한 명, 두 개): `native_words`, `native_attributive` and
  `native_glued_counters` in ko.toml; one-syllable and attributive forms count only before a
  counting word, so 한국, 세대 and 열차 stay words.
- Comparisons and bounds: 보다 크다/작다/많은/적은/높은/낮은, 또는 그 이상/미만, 아래, 밑, "greater than",
  "lower than", "exceed", "or greater", ">=", "≤"; a lower and an upper bound written side by
  side become one range ("10 초과 20 미만", "more than 10 and less than 20"); 과/와 ... 사이 and
  "through", "~" join ranges; a range written high to low ("12-10", "9 to 5") is no range.
- Money: cents join their amount ("1달러 20센트", "thirteen dollars and forty-five cents"), signs
  after the number ("10 €", "100 ₡"), "HK $" and "Mex$", "75 USD million", "MUSD 30", lakh and
  crore, "half a million dollars"; a sign between two numbers goes to the one that has no
  other ("10 rmb 20 usd").
- Numbers: .25, 12,34,567 (Indian grouping), 1 234 567 and 40 000, "two hundred point zero
  three", "5 억", "22 억 5 천만", nought; phone numbers (859-292-3680, +1-222-2222/2222) and web
  addresses are blocked.
"""


if __name__ == "__main__":
    raise SystemExit(main())
