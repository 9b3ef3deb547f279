"""The anchors: what a user would use instead of factcheck, run on the same inputs.

- dateparser (``search.search_dates``, and ``parse`` with explicit ``languages`` and a
  ``RELATIVE_BASE``) on the Recognizers time specs and on the parallel corpus;
- price-parser (``Price.fromstring``) on the English money specs;
- quantulum3 (``parser.parse``) on the English number, percent and money specs.

None of them is a dependency of factcheck: they are the optional ``bench`` extra
(``pip install -e '.[bench]'``). A missing anchor is skipped (``available()`` says which are
there). Used by benchmarks/run_all.py; the scoring of factcheck itself is that of
benchmarks/accuracy_recognizers.py and benchmarks/accuracy_time.py, reused here so that
factcheck and the anchor are scored on the very same rows.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import importlib.metadata
import warnings
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

ANCHORS = {"dateparser": "dateparser", "price-parser": "price_parser", "quantulum3": "quantulum3"}


def available() -> dict[str, str | None]:
    """{anchor: installed version or None}."""
    out: dict[str, str | None] = {}
    for dist, module in ANCHORS.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                importlib.import_module(module)
            out[dist] = importlib.metadata.version(dist)
        except Exception:  # not installed, or broken: skipped either way
            out[dist] = None
    return out


# --------------------------------------------------------------------------- the calls
def _settings(ref: _dt.datetime | None) -> dict[str, Any]:
    # PREFER_DATES_FROM past: news speak of the past, as factcheck's default weekday reading
    s: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if ref is not None:
        s["RELATIVE_BASE"] = ref
    return s


def search_dates(text: str, lang: str, ref: _dt.datetime | None = None) -> list[tuple[int, int, _dt.date]]:
    """dateparser.search.search_dates with ``languages=[lang]``: (start, end, day) per find.
    search_dates returns substrings only; each is located after the previous one."""
    from dateparser.search import search_dates as _search

    found = _search(text, languages=[lang], settings=_settings(ref)) or []
    out = []
    cursor = 0
    for sub, when in found:
        pos = text.find(sub, cursor)
        if pos < 0:
            pos = text.find(sub)
        if pos < 0:
            continue
        cursor = pos + len(sub)
        out.append((pos, pos + len(sub), when.date()))
    return out


def parse_date(text: str, lang: str, ref: _dt.datetime | None = None) -> _dt.date | None:
    import dateparser

    when = dateparser.parse(text, languages=[lang], settings=_settings(ref))
    return when.date() if when else None


def price(text: str) -> tuple[Decimal | None, str | None]:
    from price_parser import Price

    p = Price.fromstring(text)
    return p.amount, p.currency


def quantities(text: str) -> list[tuple[int, int, Decimal, str, str]]:
    """quantulum3's (start, end, value, unit entity, unit name) per quantity found."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        found = parser.parse(text)
    out = []
    for q in found:
        try:
            value = Decimal(str(q.value))
        except InvalidOperation:
            continue
        out.append((q.span[0], q.span[1], value, getattr(q.unit.entity, "name", ""), q.unit.name))
    return out


# --------------------------------------------------------------------------- scoring
def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= Decimal("1e-6") * max(Decimal(1), abs(b))


def _wrap(progress: Callable[..., Iterable[Any]] | None, items: list[Any], desc: str) -> Iterable[Any]:
    return progress(items, desc) if progress else items


def score_time(rows: list[dict[str, Any]], progress: Any = None) -> dict[str, tuple[int, int]]:
    """factcheck and dateparser on the Recognizers time rows that factcheck's own scoring counts
    (benchmarks/accuracy_time.py): {"factcheck" | "search_dates" | "parse (gold span)": (passed,
    scored)}. An expected entity passes dateparser when a find overlapping its span falls on the
    expected day; dateparser returns a day, never a range, so range expectations fail it (that
    is what a user of it gets). ``parse`` is given the expected text itself (the span is known),
    so it is scored on the rows that expect something."""
    import accuracy_time as at

    tally = {"factcheck": [0, 0], "search_dates": [0, 0], "parse (gold span)": [0, 0]}
    for row in _wrap(progress, rows, f"time {rows[0]['lang'] if rows else ''}"):
        verdict, _ = at.score_row(row)
        if verdict == "out":
            continue
        tally["factcheck"][0] += verdict == "pass"
        tally["factcheck"][1] += 1
        ref = _dt.datetime.fromisoformat(row["ref_time"])
        lang, text = row["lang"], row["text"]
        finds = search_dates(text, lang, ref)
        expected = row["expected"]
        tally["search_dates"][1] += 1
        if not expected:
            tally["search_dates"][0] += not finds
            continue
        ok_search = ok_parse = True
        for e in expected:
            acc = at.accepted(e) or []
            s, t = at.span_of(e, text)
            days = {a for a, b in acc if a == b}
            if not any(a < t and s < b and d in days for a, b, d in finds):
                ok_search = False
            if parse_date(str(e.get("text", "")), lang, ref) not in days:
                ok_parse = False
        tally["search_dates"][0] += ok_search
        tally["parse (gold span)"][0] += ok_parse
        tally["parse (gold span)"][1] += 1
    return {k: (v[0], v[1]) for k, v in tally.items()}


def score_money_en(progress: Any = None) -> dict[str, tuple[int, int]]:
    """factcheck, price-parser and quantulum3 on the English CurrencyModel rows that
    benchmarks/accuracy_recognizers.py counts. price-parser reads one price per text and knows
    no scale words ("$23.5 million" is 23.5): a row passes it when it expects one amount and
    that is the amount read (the currency symbol is not compared). quantulum3 passes a row when
    every expected amount has a currency quantity of that value overlapping it."""
    import accuracy_recognizers as ar

    have = available()
    tally: dict[str, list[int]] = {"factcheck": [0, 0]}
    if have["price-parser"]:
        tally["price-parser"] = [0, 0]
    if have["quantulum3"]:
        tally["quantulum3"] = [0, 0]
    for row in _wrap(progress, ar.load_rows("money_en"), "money en"):
        if ar.exclusion(row) is not None:
            continue
        for k in tally:
            tally[k][1] += 1
        tally["factcheck"][0] += ar.match(row, ar._claims(row))
        amounts = [e.value for e in row.expected]
        if "price-parser" in tally:
            amount, _ = price(row.text)
            if (not amounts and amount is None) or (len(amounts) == 1 and _close(amount, amounts[0])):
                tally["price-parser"][0] += 1
        if "quantulum3" in tally:
            qs = [q for q in quantities(row.text) if q[3] == "currency"]
            if not amounts:
                tally["quantulum3"][0] += not qs
            else:
                tally["quantulum3"][0] += all(any(a < e.end and e.start < b and _close(v, e.value) for a, b, v, *_ in qs)
                                              for e in row.expected)
    return {k: (v[0], v[1]) for k, v in tally.items()}


def score_number_en(progress: Any = None) -> dict[str, tuple[int, int]]:
    """factcheck and quantulum3 on the English NumberModel and PercentModel rows that
    benchmarks/accuracy_recognizers.py counts (ranges left out: quantulum3 reads a range as
    one value with an uncertainty). A row passes quantulum3 when every expected value is the
    value of a quantity overlapping it (a percentage for PercentModel); a row expecting nothing
    passes when nothing is found."""
    import accuracy_recognizers as ar

    if not available()["quantulum3"]:
        return {}
    tally = {"factcheck": [0, 0], "quantulum3": [0, 0]}
    rows = [r for r in ar.load_rows("number_en") if r.model in ("NumberModel", "PercentModel")]
    for row in _wrap(progress, rows, "number en"):
        if ar.exclusion(row) is not None:
            continue
        tally["factcheck"][1] += 1
        tally["quantulum3"][1] += 1
        tally["factcheck"][0] += ar.match(row, ar._claims(row))
        qs = quantities(row.text)
        if row.model == "PercentModel":
            qs = [q for q in qs if "percent" in q[4]]
        if not row.expected:
            tally["quantulum3"][0] += not qs
        else:
            tally["quantulum3"][0] += all(any(a < e.end and e.start < b and _close(v, e.value) for a, b, v, *_ in qs)
                                          for e in row.expected)
    return {k: (v[0], v[1]) for k, v in tally.items()}


def dateparser_pairs(rows: list[dict[str, Any]], progress: Any = None) -> dict[str, Any]:
    """dateparser as a naive checker of the parallel corpus: search_dates on each side (explicit
    language, one fixed RELATIVE_BASE: the data carries no publication dates), a pair flagged
    when both sides have dates and the sets of days differ. Returns the share flagged and the
    pairs per second."""
    import time

    ref = _dt.datetime(2019, 1, 1)
    flagged = both = 0
    t0 = time.perf_counter()
    for r in _wrap(progress, rows, "dateparser pairs"):
        ko = {d for _, _, d in search_dates(r["ko"], "ko", ref)}
        en = {d for _, _, d in search_dates(r["en"], "en", ref)}
        if ko and en:
            both += 1
            flagged += ko != en
    seconds = time.perf_counter() - t0
    return {"rows": len(rows), "both": both, "flagged": flagged, "seconds": seconds}
