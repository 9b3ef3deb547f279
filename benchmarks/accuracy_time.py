"""Score factcheck's date claims on the Recognizers-Text time specs (acceptance 2 of issue 3).

Reads ../shared/data/recognizers_time_{ko,en}.jsonl at run time (the rows are not part of this
project: MIT data kept outside the repository) and prints, per file and per model, how many rows
were scored and how many passed, and how many were counted out and why. Exits cleanly when the
data is absent.

    .venv/bin/python benchmarks/accuracy_time.py [--show N] [--model NAME] [--data DIR]

Scoring, at day grain or coarser:
- a row is scored when every expected entity is a date or a date range (DateTimeModel
  ``datetimeV2.date``/``datetimeV2.daterange``, DateParser ``date``, DatePeriodParser
  ``daterange``); rows that also expect times, durations, sets or time zones are counted out;
- rows that expect nothing are scored too: they pass when no date claim is found;
- an expected entity passes when a date claim overlaps its span (where the spec's span does not
  hold the expected text, the occurrence of that text nearest the span is used) and the claim's first and last
  day equal one of the expected resolutions (the specs list past and future readings of an
  expression without a year; factcheck picks one); the end of a range may be written inclusive
  or exclusive (the specs use both: "(2016-11-01,2016-12-01,P1M)" but "4일부터 22일까지" ->
  end 2016-11-22), so both are accepted; and the specs end a range of periods where its last
  period begins ("from 2014 to 2018" ends 2018-01-01) while factcheck ends it where that
  period ends (2018-12-31), so a range is also accepted when its last period begins there;
- the reference date is the row's ``ref_time`` (rows without one are counted out);
- expectations that cannot be right are counted out, with the reason: the expected text does
  not occur in the input (Korean rows that kept the English entity, e.g. 'tue'), the spec's
  invalid-date marker 0001-01-01, or a resolution whose year contradicts a year written in
  the expected text ("1931년 12월 5일" expected as 1391-12-05); and a few rows read by hand,
  listed by id with the reason in UNSOUND_ROWS.
"""

from __future__ import annotations

import argparse
import collections
import datetime as _dt
import json
import pathlib
import re
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.dates import interval  # noqa: E402

DATE_TYPES = {"datetimeV2.date", "datetimeV2.daterange", "date", "daterange"}


def _day(s: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(s[:10])
    except ValueError:  # "not resolved"
        return None


def accepted(entity: dict[str, Any]) -> list[tuple[Any, Any]] | None:
    """The (first, last-or-exclusive-end) pairs an expected entity accepts, or None when it has
    no closed resolution (an open range such as "before 2016")."""
    out: list[tuple[Any, Any]] = []
    if "resolution" in entity:
        for v in (entity.get("resolution") or {}).get("values", []):
            if "value" in v and v.get("type") == "date":
                out.append((_day(v["value"]), _day(v["value"])))
            elif "start" in v and "end" in v:
                out.append((_day(v["start"]), _day(v["end"])))
    else:
        value = entity.get("value") or {}
        for key in ("PastResolution", "FutureResolution"):
            r = value.get(key) or {}
            if "date" in r:
                out.append((_day(r["date"]), _day(r["date"])))
            elif "startDate" in r and "endDate" in r:
                out.append((_day(r["startDate"]), _day(r["endDate"])))
    out = [(a, b) for a, b in out if a is not None and b is not None]  # type: ignore[misc]
    return out or None


# Expectations read by hand and found wrong (the reason is printed with the count).
UNSOUND_ROWS = {
    "recognizers-time-ko-0243": "'2017년 11월부터 2월까지' starts in November 2017; the spec starts it in November 2016",
    "recognizers-time-ko-0244": "'2017년 11월부터 2월 5일까지' starts in November 2017; the spec starts it in November 2016",
    "recognizers-time-ko-0193": "'18번째 주' is the 18th week; the spec reads it as the week of day 18",
    "recognizers-time-ko-0665": "'18번 째 주' is the 18th week; the spec reads it as the week of day 18",
    "recognizers-time-ko-0666": "'18번 째 주' is the 18th week; the spec reads it as the week of day 18",
    "recognizers-time-ko-0541": "'이번 주 후반' expects the whole week here and only Sunday in ko-0544 (same text and reference)",
    "recognizers-time-ko-0544": "'이번 주 후반' expects only Sunday here and the whole week in ko-0541 (same text and reference)",
}


def _squeeze(s: str) -> str:
    return "".join(s.lower().split())


def _unsound(text: str, entity: dict[str, Any], acc: list[tuple[Any, Any]]) -> str | None:
    """Why an expectation cannot be right, checked mechanically (None when no reason is seen)."""
    if _squeeze(str(entity.get("text", ""))) not in _squeeze(text):
        return "its text is not in the input (copied from another language's spec)"
    if any(a.year == 1 for a, _ in acc):
        return "it expects the invalid-date marker 0001-01-01"
    years = {int(y) for y in re.findall(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", str(entity.get("text", "")))}
    if years and not any(a.year in years or (b.year - (b.month == 1 and b.day == 1)) in years for a, b in acc):
        return "its resolution contradicts the year written in its text"
    return None


def span_of(entity: dict[str, Any], text: str = "") -> tuple[int, int]:
    """The span of an expected entity in the input. Some spec spans do not hold the expected
    text (English DateTimeModel ends are inclusive; a few Korean spans were copied from another
    sentence, "2009" at the position of "줘."): then the occurrence of the text nearest the
    given start is used."""
    start = int(entity["start"])
    end = int(entity["end"]) if "end" in entity else start + int(entity["length"])
    want = str(entity.get("text", "")).strip().lower()
    if not text or not want or text[start:end].strip().lower() == want:
        return start, end
    low = text.lower()
    hits = []
    pos = low.find(want)
    while pos >= 0:
        hits.append(pos)
        pos = low.find(want, pos + 1)
    if not hits:
        return start, end
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(want)


def score_row(row: dict[str, Any]) -> tuple[str, str]:
    """("pass" | "fail" | "out", detail)."""
    if not row.get("ref_time"):
        return "out", "no reference time"
    if row["id"] in UNSOUND_ROWS:
        return "out", "unsound expectation (listed by id in UNSOUND_ROWS)"
    expected = row["expected"]
    types = {e.get("type") for e in expected}
    if expected and not types <= DATE_TYPES:
        other = sorted(str(t).replace("datetimeV2.", "") for t in types - DATE_TYPES)
        return "out", "expects " + "/".join(other)
    ref = _dt.date.fromisoformat(row["ref_time"][:10])
    claims = [c for c in factcheck.extract(row["text"], lang=row["lang"], reference_date=ref) if c.kind == "date"]
    if not expected:
        return ("pass", "") if not claims else ("fail", f"found {[c.text for c in claims]}")
    for e in expected:
        acc = accepted(e)
        if acc is None:
            return "out", "open or unresolved range"
        unsound = _unsound(row["text"], e, acc)
        if unsound:
            return "out", "unsound expectation: " + unsound
        s, t = span_of(e, row["text"])
        near = [c for c in claims if c.start < t and s < c.end]
        if not near:
            return "fail", f"missed {e['text']!r}; found {[c.text for c in claims]}"
        ok = False
        for c in near:
            iv = interval(c.value)  # type: ignore[arg-type]
            if iv is None:
                continue
            first, last = iv
            # the specs end "from March to May" where May begins; factcheck ends it where May ends
            until = c.value.until  # type: ignore[union-attr]
            until_start = interval(until)[0] if until is not None and interval(until) else None
            if any(first == a and (last == b or last + _dt.timedelta(days=1) == b or until_start == b)
                   for a, b in acc):
                ok = True
                break
        if not ok:
            got = [(c.text, c.value.to_dict().get("start"), c.value.to_dict().get("end")) for c in near]
            want = [(a.isoformat(), b.isoformat()) for a, b in acc]
            return "fail", f"{e['text']!r}: got {got}, want one of {want}"
    return "pass", ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--show", type=int, default=0, help="print up to N failures per file and model")
    ap.add_argument("--model", default=None, help="only this model (DateTimeModel, DateParser, DatePeriodParser)")
    args = ap.parse_args(argv)
    folder = pathlib.Path(args.data)
    files = [folder / f"recognizers_time_{lang}.jsonl" for lang in ("ko", "en")]
    if not all(f.exists() for f in files):
        print(f"accuracy_time: data not found in {folder} (skipped)")
        return 0
    for path in files:
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        by_model: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        reasons: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        failures: dict[str, list[str]] = collections.defaultdict(list)
        for row in rows:
            model = row["model"]
            if args.model and model != args.model:
                continue
            verdict, detail = score_row(row)
            by_model[model][verdict] += 1
            if verdict == "out":
                reasons[model][detail] += 1
            elif verdict == "fail":
                failures[model].append(f"    {row['id']}: {row['text'].strip()[:70]!r} -- {detail}")
        print(f"{path.name}: {len(rows)} rows")
        total = collections.Counter()
        for model, c in sorted(by_model.items()):
            total.update(c)
            scored = c["pass"] + c["fail"]
            pct = 100.0 * c["pass"] / scored if scored else 0.0
            print(f"  {model:<17} scored {scored:>4}  passed {c['pass']:>4}  ({pct:5.1f}%)  out {c['out']:>4}")
            for reason, n in reasons[model].most_common():
                print(f"      out {n:>4}: {reason}")
            for line in failures[model][:args.show]:
                print(line)
        scored = total["pass"] + total["fail"]
        if scored:
            print(f"  {'all':<17} scored {scored:>4}  passed {total['pass']:>4}  ({100.0 * total['pass'] / scored:5.1f}%)  out {total['out']:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
