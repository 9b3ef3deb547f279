"""Fuzz factcheck with hypothesis and a large budget: extract (ko, en, auto), check,
decode_bytes and the aligned-file readers.

    .venv/bin/python benchmarks/fuzz.py --minutes 10

Each target runs in turn, in rounds, until the time is up. A target fails when the library
raises anything but a ``FactcheckError`` (for the readers and decode_bytes) or anything at all
(extract and check on a ``str``), or when an invariant breaks (offsets slice the text, claims
sorted and disjoint, the same input gives the same output). Failures are printed with the
shrunk input and the run ends with a summary; the exit status is 1 when something failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.io.aligned import read_segments
from factcheck.errors import FactcheckError
from factcheck.io import decode_bytes

# text made of the pieces factcheck reads, plus everything hostile
PIECES = [
    "1", "0", "9", "12", ",", ".", "1,600", "만", "억", "조", "천", "백", "십", "일", "이", "삼", "원", "달러",
    "불", "$", "₩", "€", "%", "퍼센트", "million", "billion", "thousand", "hundred", " ", "  ", "\n", "\t",
    "~", "-", "–", "(", ")", "[", "약", "이상", "about", "over", "up to", "between", "and", "to", "에서", "로",
    "2023", "년", "월", "일", "7월", "July", "Monday", "월요일", "오늘", "어제", "지난", "next", "last",
    "km", "킬로미터", "kg", "톤", "명", "개", "대표", "CEO", "김", "이재용", "Samsung", "삼성전자", "Mr.",
    "Kim", "Seoul", "서울", "\u200b", "\ufeff", "\u202e", "\u200d", "🎉", "👩‍👩‍👧", "\x00", "\x1b", "\r\n",
    "\u3000", "١٢٣", "עברית", "العربية", "ＡＢＣ", "１２３", "㈜", "½", "²", "Ⅻ", "\ud7a3", "ﾊﾝ",
    "발표했다", "말했다", ":", ";", "/", "'", '"', "<script>", "|", "`", "&", "+82", "010-1234-5678",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map("".join),
)
LANGS = ("ko", "en", "auto")
REFS = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def _claims_ok(text: str, claims: list) -> None:
    prev_end = -1
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start:c.end] == c.text, (text[c.start:c.end], c.text)
        assert c.start >= prev_end, "claims overlap or are unsorted"
        prev_end = c.end
        json.dumps(c.to_dict(), ensure_ascii=False)


@given(text=texts, lang=st.sampled_from(LANGS), ref=REFS)
def fuzz_extract(text: str, lang: str, ref: str | None) -> None:
    claims = factcheck.extract(text, lang=lang, reference_date=ref)
    _claims_ok(text, claims)
    again = factcheck.extract(text, lang=lang, reference_date=ref)
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in again]


@given(a=texts, b=texts, la=st.sampled_from(LANGS), lb=st.sampled_from(LANGS), ref=REFS)
def fuzz_check(a: str, b: str, la: str, lb: str, ref: str | None) -> None:
    s1 = factcheck.Source(a, id="a", lang=la, published=ref)
    s2 = factcheck.Source(b, id="b", lang=lb, published=ref)
    r1 = json.dumps(factcheck.check([s1, s2]).to_dict(), ensure_ascii=False, sort_keys=True)
    r2 = json.dumps(factcheck.check([s2, s1]).to_dict(), ensure_ascii=False, sort_keys=True)
    assert r1 == r2, "report depends on source order"


@given(data=st.one_of(
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
    texts.map(lambda t: t.encode("cp949", "replace")),
))
def fuzz_decode(data: bytes) -> None:
    try:
        text = decode_bytes(data, name="fuzz.txt")
    except FactcheckError as exc:
        assert exc.path == "fuzz.txt" and exc.reason, exc
        return
    assert isinstance(text, str)


def _cell(t: str) -> str:
    return t


@given(fmt=st.sampled_from(["csv", "tsv", "jsonl", "po", "xlf", "tmx"]),
       body=st.one_of(
           st.binary(max_size=400),
           st.lists(st.tuples(texts, texts), max_size=6),
       ))
def fuzz_aligned(fmt: str, body: object) -> None:
    if isinstance(body, bytes):
        data = body
    else:
        pairs = body
        if fmt in ("csv", "tsv"):
            sep = "," if fmt == "csv" else "\t"
            data = ("ko" + sep + "en\n" + "".join(f"{a}{sep}{b}\n" for a, b in pairs)).encode("utf-8", "surrogatepass")
        elif fmt == "jsonl":
            data = "".join(json.dumps({"ko": a, "en": b}) + "\n" for a, b in pairs).encode()
        elif fmt == "po":
            data = "".join(f'msgid "{a}"\nmsgstr "{b}"\n\n' for a, b in pairs).encode("utf-8", "surrogatepass")
        elif fmt == "xlf":
            units = "".join(f"<trans-unit id='{i}'><source>{a}</source><target>{b}</target></trans-unit>"
                            for i, (a, b) in enumerate(pairs))
            data = ("<?xml version='1.0'?><xliff version='1.2'><file source-language='ko' target-language='en'>"
                    f"<body>{units}</body></file></xliff>").encode("utf-8", "surrogatepass")
        else:
            tus = "".join(f"<tu><tuv xml:lang='ko'><seg>{a}</seg></tuv><tuv xml:lang='en'><seg>{b}</seg></tuv></tu>"
                          for a, b in pairs)
            data = f"<tmx version='1.4'><header/><body>{tus}</body></tmx>".encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "fuzz." + fmt)
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            segs = read_segments(path)
        except FactcheckError as exc:
            assert exc.reason and exc.path == path, exc
            return
        if segs:
            factcheck.check_segments(segs[:5])


TARGETS = {"extract": fuzz_extract, "check": fuzz_check, "decode_bytes": fuzz_decode, "aligned": fuzz_aligned}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="total time budget (default: 10)")
    ap.add_argument("--round", type=int, default=2000, help="examples per target per round")
    ap.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets")
    args = ap.parse_args(argv)
    deadline = time.monotonic() + args.minutes * 60
    names = [t.strip() for t in args.targets.split(",") if t.strip()]
    counts = {n: 0 for n in names}
    failures: dict[str, str] = {}
    runners = {name: settings(max_examples=args.round, deadline=None, database=None, derandomize=False,
                              phases=[Phase.generate, Phase.shrink], print_blob=True,
                              suppress_health_check=list(HealthCheck))(TARGETS[name]) for name in names}
    rnd = 0
    start = time.monotonic()
    while time.monotonic() < deadline and len(failures) < len(names):
        rnd += 1
        for name in names:
            if name in failures or time.monotonic() >= deadline:
                continue
            runner = runners[name]
            t0 = time.monotonic()
            try:
                runner()
            except Exception:  # noqa: BLE001 - report and keep fuzzing the other targets
                failures[name] = traceback.format_exc()
                print(f"[{name}] FAILED in round {rnd}:\n{failures[name]}", flush=True)
            counts[name] += args.round
            print(f"[{name}] round {rnd}: {args.round} examples in {time.monotonic() - t0:.1f}s", flush=True)
    total = time.monotonic() - start
    print(f"\nfuzz summary: {total / 60:.1f} minutes, {rnd} rounds")
    for name in names:
        status = "FAILED" if name in failures else "ok"
        print(f"  {name:<13} ~{counts[name]} examples  {status}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
