#!/usr/bin/env python3
"""The whole job, fast as a linter: four ratios measured side by side in one run, and big documents.

1. **Whole check against one anchor pass**: ``factcheck.check([ko, en])`` on each of the first
   N real news pairs (``../shared/data/parallel_ko_en_numeric.jsonl``, read at run time) against
   ``dateparser.search_dates`` on the English side alone, with explicit languages and reference
   time. Ratio = dateparser time / factcheck time (goal: at least 5).
2. **Cost against text size**: a Korean and an English document made of K distinct sentence
   pairs, checked as two documents, for K = 25, 400 and 1,200 (16x and 48x the text). Ratio =
   time(400) / time(25) (goal: at most 18) and time(1200) / time(400) (linear: about 3).
3. **Cold start**: ``python -m factcheck check`` of the three bundled examples against
   ``python -c "import dateparser"`` (goal: at most 2x).
4. **Memory against segments**: peak memory of ``factcheck check`` on an aligned JSONL of
   20,000 segments against one of 2,000, for ``--format json``, ``sarif`` and ``jsonl`` (goal:
   at most 1.5x, flat: streaming).
5. **A big document**: a ~5 MB text and its translation (the news pairs repeated) checked
   through the CLI: time and peak memory (goals: under 10 s, memory under 3x the text).

    .venv/bin/python benchmarks/speed_job.py            # all (a few minutes)
    .venv/bin/python benchmarks/speed_job.py --quick    # smaller sizes
    .venv/bin/python benchmarks/speed_job.py --write    # also docs/benchmarks-job.md and its plot
    .venv/bin/python benchmarks/speed_job.py --skip anchor,scale,cold,big --write   # memory only;
                                                        # the page keeps the other parts' rows

Machines are noisy: the ratios are the measure, not the seconds. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any, Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "parallel_ko_en_numeric.jsonl"
EX = ROOT / "examples"
DOC = ROOT / "docs" / "benchmarks-job.md"
IMG = ROOT / "docs" / "img" / "bench-job-scaling.png"
REF = "2023-07-20"

sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402

GOALS = {"anchor": 5.0, "scale16": 18.0, "cold": 2.0, "memory": 1.5, "big_seconds": 10.0, "big_memory": 3.0}


def _rows() -> list[dict[str, Any]]:
    if not DATA.exists():
        # no shared data: the bundled examples, sentence by sentence, stand in
        ko = [s for s in (EX / "release_ko.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
        en = [s for s in (EX / "release_en.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
        return [{"ko": a, "en": b} for a, b in zip(ko, en, strict=False)]
    with DATA.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _best(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def anchor_ratio(rows: list[dict[str, Any]], n: int, runs: int) -> dict[str, float]:
    import datetime as dt

    from dateparser.search import search_dates

    base = dt.datetime(2023, 7, 20)
    pairs = rows[:n]
    settings = {"RELATIVE_BASE": base}

    def ours() -> None:
        for r in pairs:
            factcheck.check([factcheck.Source(r["ko"] + " ", id="ko", lang="ko", published=REF),
                             factcheck.Source(r["en"] + " ", id="en", lang="en", published=REF)])

    def theirs() -> None:
        for r in pairs:
            search_dates(r["en"] + " ", languages=["en"], settings=settings)

    ours()  # warm both: compiled patterns, loaded data
    theirs()
    t_ours, t_theirs = _best(ours, runs), _best(theirs, runs)
    return {"pairs": len(pairs), "factcheck_s": t_ours, "dateparser_s": t_theirs, "ratio": t_theirs / t_ours}


def _document(rows: list[dict[str, Any]], k: int, side: str, salt: int = 0) -> str:
    """K distinct sentences of one side, a paragraph each (a space of salt keeps caches cold)."""
    return "\n\n".join(r[side] for r in rows[:k]) + " " * (salt + 1)


def scaling(rows: list[dict[str, Any]], sizes: list[int], runs: int) -> dict[str, Any]:
    import datetime as dt

    from dateparser.search import search_dates

    out: dict[str, Any] = {"sizes": [], "factcheck_s": [], "dateparser_s": [], "chars": []}
    settings = {"RELATIVE_BASE": dt.datetime(2023, 7, 20)}
    for k in sizes:
        ko, en = _document(rows, k, "ko"), _document(rows, k, "en")

        def ours(ko: str = ko, en: str = en) -> None:
            factcheck.check([factcheck.Source(ko, id="ko", lang="ko", published=REF),
                             factcheck.Source(en, id="en", lang="en", published=REF)])

        def theirs(en: str = en) -> None:
            search_dates(en, languages=["en"], settings=settings)

        out["sizes"].append(k)
        out["chars"].append(len(ko) + len(en))
        out["factcheck_s"].append(_best(ours, runs))
        out["dateparser_s"].append(_best(theirs, 1) if k <= 400 else None)
    f = out["factcheck_s"]
    out["ratio16"] = f[1] / f[0] if len(f) > 1 else None
    out["ratio48_16"] = f[2] / f[1] if len(f) > 2 else None
    return out


def _child(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cold(runs: int) -> dict[str, float]:
    """A cold ``factcheck check`` of the three examples against a bare ``import dateparser``.
    An installed package has its bytecode (pip compiles it at install time), but an editable
    checkout under ``PYTHONDONTWRITEBYTECODE`` would compile every module at each start: the
    package's bytecode is written first, so both sides start from bytecode."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factcheck")], check=True)
    ours = _child([sys.executable, "-m", "factcheck", "check", *(str(EX / f) for f in
                                                                ("release_ko.txt", "release_en.txt", "article_en.txt")),
                   "--fail-on", "none"], runs)
    theirs = _child([sys.executable, "-c", "import dateparser"], runs)
    bare = _child([sys.executable, "-c", "pass"], runs)
    return {"factcheck_s": ours, "dateparser_import_s": theirs, "python_s": bare, "ratio": ours / theirs}


def _peak_rss_mib(args: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MiB) of a child process (its own peak, via wait4)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024


#: the report formats whose peak memory ``memory`` measures (each streamed for aligned files)
MEMORY_FORMATS = ("json", "sarif", "jsonl")


def memory(rows: list[dict[str, Any]], small: int, big: int) -> dict[str, float]:
    """Peak memory of the streaming paths on N aligned segments: ``factcheck check FILE --format
    json|sarif|jsonl`` (the report streamed through a spooled file; SARIF's findings through a
    second one) and ``factcheck.iter_check_segments`` over ``iter_segments`` (the findings
    counted, not kept), each in a fresh process. ``mib_N`` and ``ratio`` are the JSON report's,
    ``mib_FORMAT_N`` and ``ratio_FORMAT`` each format's."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n in (small, big):
            p = pathlib.Path(tmp) / f"seg{n}.jsonl"
            with p.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    r = rows[i % len(rows)]
                    fh.write(json.dumps({"id": str(i), "ko": r["ko"], "en": r["en"]}, ensure_ascii=False) + "\n")
            paths[n] = p
        out = {}
        api = ("import sys, factcheck\nfrom factcheck.io.aligned import iter_segments\n"
               "print(sum(len(r.findings) for r in factcheck.iter_check_segments(iter_segments(sys.argv[1]))))")
        for n, p in paths.items():
            for fmt in MEMORY_FORMATS:
                secs, mib = _peak_rss_mib([sys.executable, "-m", "factcheck", "check", str(p), "--format", fmt,
                                           "--fail-on", "none", "--output", str(pathlib.Path(tmp) / f"out{n}.{fmt}")])
                out[f"seconds_{fmt}_{n}"] = secs
                out[f"mib_{fmt}_{n}"] = mib
            out[f"seconds_{n}"] = out[f"seconds_json_{n}"]
            out[f"mib_{n}"] = out[f"mib_json_{n}"]
            out[f"api_mib_{n}"] = _peak_rss_mib([sys.executable, "-c", api, str(p)])[1]
    for fmt in MEMORY_FORMATS:
        out[f"ratio_{fmt}"] = out[f"mib_{fmt}_{big}"] / out[f"mib_{fmt}_{small}"]
    out["ratio"] = out["ratio_json"]
    out["api_ratio"] = out[f"api_mib_{big}"] / out[f"api_mib_{small}"]
    out["small"], out["big"] = small, big
    return out


def _memory_rows(m: dict[str, float]) -> list[str]:
    small, big = int(m["small"]), int(m["big"])
    rows = [f"| peak memory, 10x segments | {m['ratio']:.2f}x | <= {GOALS['memory']}x |"]
    for fmt in MEMORY_FORMATS:
        rows.append(f"| peak memory of `check --format {fmt}`, {small:,} vs {big:,} segments "
                    f"| {m[f'mib_{fmt}_{small}']:.0f} vs {m[f'mib_{fmt}_{big}']:.0f} MiB: {m[f'ratio_{fmt}']:.2f}x "
                    f"| <= {GOALS['memory']}x |")
    return rows


#: how the rows of each part begin, to keep those of a part skipped when writing the page
_PART_ROWS = {"anchor": ("| check (ko+en)",), "scale": ("| time of",), "cold": ("| cold",),
              "memory": ("| peak memory",), "big": ("| memory above",)}


def _kept_rows_all() -> list[str]:
    return DOC.read_text(encoding="utf-8").splitlines() if DOC.exists() else []


def _kept_rows(part: str) -> list[str]:
    """The rows of ``part`` in the page as it is (a part skipped keeps its last figures)."""
    rows = _kept_rows_all()
    starts = _PART_ROWS[part]
    return [r for r in rows if r.startswith(starts) or (part == "big" and "MB document + translation" in r)]


def big_document(rows: list[dict[str, Any]], megabytes: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ko_path, en_path = pathlib.Path(tmp) / "big_ko.txt", pathlib.Path(tmp) / "big_en.txt"
        ko_parts, en_parts, size, i = [], [], 0, 0
        while size < megabytes * 1_000_000:
            r = rows[i % len(rows)]
            ko_parts.append(r["ko"])
            en_parts.append(r["en"])
            size += len(r["en"].encode("utf-8"))
            i += 1
        ko_path.write_text("\n\n".join(ko_parts), encoding="utf-8")
        en_path.write_text("\n\n".join(en_parts), encoding="utf-8")
        text_mib = (ko_path.stat().st_size + en_path.stat().st_size) / 2**20
        args = [sys.executable, "-m", "factcheck", "check", str(ko_path), str(en_path), "--format", "json",
                "--fail-on", "none", "--output", str(pathlib.Path(tmp) / "out.json")]
        args += _limit_flags()
        secs, mib = _peak_rss_mib(args)
        base_s, base_mib = _peak_rss_mib([sys.executable, "-c", "import factcheck"])
    return {"en_megabytes": size / 1e6, "text_mib": text_mib, "seconds": secs, "peak_mib": mib,
            "peak_over_python_mib": mib - base_mib, "memory_ratio": (mib - base_mib) / text_mib}


def _limit_flags() -> list[str]:
    """The CLI flag that lifts the size limit, when this version has one."""
    help_text = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], cwd=ROOT,
                               capture_output=True, text=True).stdout
    for flag in ("--max-size", "--max-chars", "--max-bytes"):
        if flag in help_text:
            return [flag, "50000000"]
    return []


def _plot(sc: dict[str, Any]) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(sc["chars"], sc["factcheck_s"], "o-", label="factcheck.check (ko + en)")
    pts = [(c, t) for c, t in zip(sc["chars"], sc["dateparser_s"], strict=True) if t is not None]
    if pts:
        ax.plot([c for c, _ in pts], [t for _, t in pts], "s--", label="dateparser.search_dates (en only)")
    ax.set_xlabel("characters (both documents)")
    ax.set_ylabel("seconds")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    IMG.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(IMG, dpi=110)
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="The whole job's speed: four ratios and a big document.")
    ap.add_argument("--quick", action="store_true", help="smaller sizes and fewer runs")
    ap.add_argument("--write", action="store_true", help=f"also write {DOC.relative_to(ROOT)} and its plot")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: anchor,scale,cold,memory,big")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    rows = _rows()
    runs = 2 if args.quick else 3
    res: dict[str, Any] = {}
    if "anchor" not in skip:
        res["anchor"] = anchor_ratio(rows, 100 if args.quick else 400, runs)
        a = res["anchor"]
        print(f"1. check vs dateparser on {a['pairs']} pairs: factcheck {a['factcheck_s']:.2f} s, dateparser "
              f"{a['dateparser_s']:.2f} s: {a['ratio']:.2f}x faster (goal >= {GOALS['anchor']})")
    if "scale" not in skip:
        sizes = [25, 400] if args.quick else [25, 400, 1200]
        res["scale"] = sc = scaling(rows, sizes, runs)
        print(f"2. cost: {', '.join(f'{k} pairs {t:.2f} s' for k, t in zip(sc['sizes'], sc['factcheck_s'], strict=True))}"
              f"; 16x text: {sc['ratio16']:.1f}x time (goal <= {GOALS['scale16']})"
              + (f"; 48x/16x: {sc['ratio48_16']:.2f}x (linear: 3)" if sc.get("ratio48_16") else ""))
    if "cold" not in skip:
        res["cold"] = c = cold(3 if args.quick else 7)
        print(f"3. cold start: factcheck check {c['factcheck_s'] * 1000:.0f} ms, import dateparser "
              f"{c['dateparser_import_s'] * 1000:.0f} ms: {c['ratio']:.2f}x (goal <= {GOALS['cold']})")
    if "memory" not in skip:
        small, big = (500, 5000) if args.quick else (2000, 20000)
        res["memory"] = m = memory(rows, small, big)
        print(f"4. memory: {small} segments {m[f'mib_{small}']:.0f} MiB, {big} segments {m[f'mib_{big}']:.0f} MiB: "
              f"{m['ratio']:.2f}x (goal <= {GOALS['memory']}); iter_check_segments {m[f'api_mib_{small}']:.0f} "
              f"MiB and {m[f'api_mib_{big}']:.0f} MiB: {m['api_ratio']:.2f}x; "
              + "; ".join(f"--format {fmt} {m[f'mib_{fmt}_{small}']:.0f} and {m[f'mib_{fmt}_{big}']:.0f} MiB: "
                          f"{m[f'ratio_{fmt}']:.2f}x" for fmt in MEMORY_FORMATS))
    if "big" not in skip:
        res["big"] = b = big_document(rows, 1.0 if args.quick else 5.0)
        print(f"5. big document: {b['en_megabytes']:.1f} MB English + its Korean ({b['text_mib']:.1f} MiB in all): "
              f"{b['seconds']:.1f} s, peak {b['peak_mib']:.0f} MiB ({b['memory_ratio']:.2f}x the text above the "
              f"interpreter; goals: < {GOALS['big_seconds']:.0f} s, < {GOALS['big_memory']}x)")
    if args.write:
        plotted = _plot(res["scale"]) if "scale" in res else any(r.startswith("![time against text size]")
                                                                  for r in _kept_rows_all())
        lines = ["# The whole job: speed, scaling, cold start, memory", "",
                 "Written by `benchmarks/speed_job.py --write` (one run, one machine; read the ratios).", "",
                 "| measure | value | goal |", "|---|---:|---:|"]
        if "anchor" not in res:
            lines += _kept_rows("anchor")
        if "anchor" in res:
            lines.append(f"| check (ko+en) vs dateparser.search_dates (en), {res['anchor']['pairs']} news pairs "
                         f"| {res['anchor']['ratio']:.2f}x faster | >= {GOALS['anchor']}x |")
        if "scale" not in res:
            lines += _kept_rows("scale")
        if "scale" in res:
            lines.append(f"| time of 16x text (400 vs 25 pairs) | {res['scale']['ratio16']:.1f}x | <= {GOALS['scale16']}x |")
            if res["scale"].get("ratio48_16"):
                lines.append(f"| time of 48x vs 16x text | {res['scale']['ratio48_16']:.2f}x | 3x (linear) |")
        if "cold" not in res:
            lines += _kept_rows("cold")
        if "cold" in res:
            lines.append(f"| cold `factcheck check` vs `import dateparser` | {res['cold']['ratio']:.2f}x | <= {GOALS['cold']}x |")
        lines += _memory_rows(res["memory"]) if "memory" in res else _kept_rows("memory")
        if "big" not in res:
            lines += _kept_rows("big")
        if "big" in res:
            b = res["big"]
            lines.append(f"| {b['en_megabytes']:.1f} MB document + translation | {b['seconds']:.1f} s, "
                         f"{b['peak_mib']:.0f} MiB peak | < {GOALS['big_seconds']:.0f} s |")
            lines.append(f"| memory above the interpreter / text size | {b['memory_ratio']:.2f}x | < {GOALS['big_memory']}x |")
        kept = [part for part in _PART_ROWS if part not in res and _kept_rows(part)]
        if kept:
            lines += ["", f"Skipped in this run, kept from an earlier one: {', '.join(kept)}."]
        if plotted:
            lines += ["", "![time against text size](img/bench-job-scaling.png)"]
        DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
