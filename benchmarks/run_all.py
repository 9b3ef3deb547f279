"""All benchmarks in one command: accuracy, the anchors on the same inputs, speed, cold start and
memory; writes docs/benchmarks.md and its plots (docs/img/bench-*.png).

    .venv/bin/pip install -e '.[bench]'              # the anchors, matplotlib and tqdm (optional)
    .venv/bin/python benchmarks/run_all.py           # the full run (a few minutes)
    .venv/bin/python benchmarks/run_all.py --quick   # fewer rows, sizes and repeats (about a minute)

Run on demand, never by the test suite. The evaluation data is read from ../shared/data at run
time (never copied); without it the accuracy part is skipped with a message and the speed part
runs on the bundled examples. Each anchor (dateparser, price-parser, quantulum3) and each extra
(matplotlib for the plots, tqdm for the progress bars) is skipped when not installed.

The accuracy suites are those of benchmarks/accuracy_recognizers.py (money, number),
benchmarks/accuracy_time.py (dates) and benchmarks/accuracy_parallel.py (real translation
pairs, planted errors), called, not copied; the anchors and their scoring live in
benchmarks/anchors.py. Speed is measured on the bundled examples repeated to ~1,000 words
(as benchmarks/speed_extract.py does) and then 4, 16 and 64 times that; each timed call gets a
fresh copy of its text (one more trailing space) so that no cache keyed by the text helps.
Machines are noisy: read the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pathlib
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Iterable

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
IMG = ROOT / "docs" / "img"
EX = ROOT / "examples"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import factcheck  # noqa: E402

import anchors  # noqa: E402
from speed_extract import FLOOR, build_text  # noqa: E402

CHECK_FILES = [EX / "release_ko.txt", EX / "release_en.txt", EX / "article_en.txt"]
GOALS = {
    "speedup": 60.0,        # extract >= 60x faster than dateparser.search_dates
    "scale16": 18.0,        # 16x text <= 18x time
    "cold": 2.0,            # cold check <= 2x `python -c "import dateparser"`
    "pairs": 2000.0,        # sentence pairs per second per core through check
    "memory": 100.0,        # MiB peak on the default path
    "flagged": 2.0,         # % of real pairs flagged, at most
    "caught": 98.0,         # % of planted errors caught, at least
}


# --------------------------------------------------------------------------- helpers
def progress(items: Iterable[Any], desc: str = "pairs") -> Iterable[Any]:
    """A progress bar on standard error: tqdm when installed, else a plain counter."""
    items = list(items)
    try:
        from tqdm import tqdm
    except ImportError:
        return _counter(items, desc)
    return tqdm(items, desc=desc, file=sys.stderr, leave=False, mininterval=0.5)


def _counter(items: list[Any], desc: str) -> Iterable[Any]:
    n = len(items)
    step = max(1, n // 20)
    for i, item in enumerate(items, 1):
        if i % step == 0 or i == n:
            print(f"\r{desc}: {i}/{n}", end="" if i < n else "\n", file=sys.stderr, flush=True)
        yield item


def say(*lines: str) -> None:
    """Stream a result as soon as it is known."""
    print(*lines, sep="\n", flush=True)


def pct(a: int, b: int) -> float | None:
    return 100.0 * a / b if b else None


def fpct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1f}%"


def _load(path: pathlib.Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def median_s(fn: Callable[[str], Any], text: str, runs: int) -> float:
    fn(text + " ")  # warm-up: locale files, caches of the vocabulary
    times = []
    for i in range(runs):
        fresh = text + " " * (i + 2)
        t0 = time.perf_counter()
        fn(fresh)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cold_ms(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def child(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


# the peak resident size of this process: VmHWM (Linux; reset at exec, unlike ru_maxrss, which a
# child started by fork + exec inherits from its parent), else ru_maxrss
PEAK = ("import re, resource, pathlib; st = pathlib.Path('/proc/self/status'); "
        "m = re.search(r'VmHWM:\\s+(\\d+)', st.read_text()) if st.exists() else None; "
        "print(int(m.group(1)) if m else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


def factcheck_cmd() -> list[str]:
    script = pathlib.Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck"]


CHECK_ARGS = ["check", *map(str, CHECK_FILES), "--glossary", str(EX / "glossary.csv"), "--fail-on", "none",
              "--output", os.devnull]


# --------------------------------------------------------------------------- accuracy
def accuracy(quick: bool) -> dict[str, Any]:
    import accuracy_parallel as ap
    import accuracy_recognizers as ar

    have = anchors.available()
    out: dict[str, Any] = {}
    say("", "== accuracy: Recognizers-Text money and number specs (benchmarks/accuracy_recognizers.py)")
    per_file, _, _, _ = ar.evaluate(ar.FILES)
    out["recognizers"] = {name: (t.passed, t.counted, t.rows) for name, t in per_file.items()}
    for name, (p, c, n) in out["recognizers"].items():
        say(f"  {name:<10} passed {p:>4} of {c:>4} counted ({fpct(pct(p, c))}), {n} rows")

    say("", "== accuracy: Recognizers-Text time specs (benchmarks/accuracy_time.py), with dateparser")
    out["time"] = {}
    for lang in ("ko", "en"):
        rows = _load(DATA / f"recognizers_time_{lang}.jsonl")
        if quick:
            rows = rows[::4]
        if have["dateparser"]:
            res = anchors.score_time(rows, progress)
        else:
            import accuracy_time as at

            verdicts = [at.score_row(r)[0] for r in rows]
            res = {"factcheck": (verdicts.count("pass"), verdicts.count("pass") + verdicts.count("fail"))}
        out["time"][lang] = res
        say(f"  time {lang}: " + ", ".join(f"{k} {p}/{n} ({fpct(pct(p, n))})" for k, (p, n) in res.items()))

    say("", "== anchors on the English money and number specs (benchmarks/anchors.py)")
    out["money_en"] = anchors.score_money_en(progress)
    say("  money en: " + ", ".join(f"{k} {p}/{n} ({fpct(pct(p, n))})" for k, (p, n) in out["money_en"].items()))
    out["number_en"] = anchors.score_number_en(progress)
    if out["number_en"]:
        say("  number+percent en: " + ", ".join(f"{k} {p}/{n} ({fpct(pct(p, n))})"
                                              for k, (p, n) in out["number_en"].items()))

    say("", "== accuracy: real Korean-English pairs (benchmarks/accuracy_parallel.py)")
    rows = _load(DATA / "parallel_ko_en_numeric.jsonl")
    if quick:
        rows = rows[:400]
    res = ap.run(rows, 0, 0, progress)
    res["pairs_per_s"] = res["rows"] / res["seconds"]
    out["parallel"] = res
    say(f"  real pairs flagged: {res['flagged']}/{res['rows']} ({fpct(pct(res['flagged'], res['rows']))})",
        f"  planted digits caught: {res['caught']}/{res['plants']} ({fpct(pct(res['caught'], res['plants']))})",
        *(f"  planted {k} caught: {c}/{n} ({fpct(pct(c, n))})" for k, (c, n, _) in res["word_plants"].items()),
        f"  {res['pairs_per_s']:.0f} pairs per second through check_segments (one core)")
    if have["dateparser"]:
        out["parallel_dateparser"] = dp = anchors.dateparser_pairs(rows, progress)
        say(f"  dateparser as a checker: {dp['flagged']}/{dp['rows']} pairs flagged "
            f"({fpct(pct(dp['flagged'], dp['rows']))}; {dp['both']} with dates on both sides), "
            f"{dp['rows'] / dp['seconds']:.0f} pairs per second")
    return out


# --------------------------------------------------------------------------- speed
def speed(quick: bool) -> dict[str, Any]:
    have = anchors.available()
    sizes = (1, 4, 16) if quick else (1, 4, 16, 64)
    runs = {1: 9, 4: 5, 16: 3, 64: 3} if quick else {1: 21, 4: 9, 16: 5, 64: 3}
    budget = 8.0 if quick else 40.0  # seconds a single call may be projected to take
    base = {"ko": build_text([EX / "release_ko.txt"]), "en": build_text([EX / "release_en.txt", EX / "article_en.txt"])}

    def text(lang: str, k: int) -> str:
        return "\n\n".join([base[lang][0]] * k)

    def words(lang: str, k: int) -> int:
        return base[lang][1] * k

    def check(lang_text: str) -> Any:
        ko, _, en = lang_text.partition("\n\x00\n")
        return factcheck.check([factcheck.Source(ko, id="ko", lang="ko"), factcheck.Source(en, id="en", lang="en")])

    series: list[tuple[str, str, Callable[[str], Any], Callable[[int], str], Callable[[int], int]]] = []
    for lang in ("ko", "en"):
        series.append((f"factcheck extract ({lang})", lang, lambda t, lang=lang: factcheck.extract(t, lang=lang),
                       lambda k, lang=lang: text(lang, k), lambda k, lang=lang: words(lang, k)))
    series.append(("factcheck check (ko + en)", "ko+en", check,
                   lambda k: text("ko", k) + "\n\x00\n" + text("en", k), lambda k: words("ko", k) + words("en", k)))
    if have["dateparser"]:
        for lang in ("ko", "en"):
            series.append((f"dateparser search_dates ({lang})", lang,
                           lambda t, lang=lang: anchors.search_dates(t, lang),
                           lambda k, lang=lang: text(lang, k), lambda k, lang=lang: words(lang, k)))
    if have["quantulum3"]:
        series.append(("quantulum3 parse (en)", "en", anchors.quantities,
                       lambda k: text("en", k), lambda k: words("en", k)))
    for lang in ("ko", "en"):
        series.append((f"regex floor ({lang})", lang, FLOOR.findall,
                       lambda k, lang=lang: text(lang, k), lambda k, lang=lang: words(lang, k)))

    say("", f"== speed: ms per 1,000 words at {'/'.join(f'{k}x' for k in sizes)} the ~1,000-word example text")
    table: dict[str, dict[int, float | None]] = {}
    wordcount: dict[str, dict[int, int]] = {}
    for name, _, fn, make, count in series:
        table[name] = {}
        wordcount[name] = {}
        last: tuple[int, float] | None = None
        for k in sizes:
            if last is not None and last[1] * (k / last[0]) * 1.5 > budget:
                table[name][k] = None
                continue
            s = median_s(fn, make(k), runs[k])
            table[name][k] = s * 1000 / count(k) * 1000
            wordcount[name][k] = count(k)
            last = (k, s)
        say(f"  {name:<34} " + "  ".join(f"{k}x {v:9.3f}" if v is not None else f"{k}x   skipped"
                                          for k, v in table[name].items()))
    return {"sizes": sizes, "table": table, "words": wordcount, "base_words": {k: v[1] for k, v in base.items()}}


def cold_and_memory(quick: bool) -> dict[str, Any]:
    runs = 5 if quick else 11
    say("", f"== cold start, median of {runs} fresh processes")
    out: dict[str, Any] = {}
    out["pass"] = cold_ms([sys.executable, "-c", "pass"], runs)
    out["import_dateparser"] = cold_ms([sys.executable, "-c", "import dateparser"], runs)
    out["import_factcheck"] = cold_ms([sys.executable, "-c", "import factcheck"], runs)
    out["check"] = cold_ms(factcheck_cmd() + CHECK_ARGS, runs)
    for k, v in out.items():
        say(f"  {k:<20} {v:7.0f} ms")
    say(f"  cold check / import dateparser: {out['check'] / out['import_dateparser']:.2f}x")

    say("", "== peak memory (fresh processes)")
    args = repr(CHECK_ARGS)
    mem: dict[str, float] = {}
    mem["python -c pass (maxrss)"] = int(child(PEAK)) / 1024
    mem["import dateparser (maxrss)"] = int(child("import dateparser; " + PEAK)) / 1024
    mem["factcheck check of the three examples (maxrss)"] = int(child(
        f"from factcheck.cli import main; main({args}); " + PEAK)) / 1024
    mem["factcheck check of the three examples (tracemalloc peak of Python objects)"] = int(child(
        f"import tracemalloc; tracemalloc.start(); from factcheck.cli import main; main({args}); "
        "print(tracemalloc.get_traced_memory()[1])")) / 1024 / 1024
    k = 16
    mem[f"extract of the {k}x Korean and English texts (maxrss)"] = int(child(
        "import resource, sys; sys.path.insert(0, 'benchmarks'); import factcheck; "
        "from speed_extract import build_text; import pathlib; ex = pathlib.Path('examples'); "
        f"ko = '\\n\\n'.join([build_text([ex / 'release_ko.txt'])[0]] * {k}); "
        f"en = '\\n\\n'.join([build_text([ex / 'release_en.txt', ex / 'article_en.txt'])[0]] * {k}); "
        "factcheck.extract(ko, lang='ko'); factcheck.extract(en, lang='en'); " + PEAK)) / 1024
    for name, v in mem.items():
        say(f"  {name:<72} {v:7.1f} MiB")
    out["memory"] = mem
    return out


def profiles(pair_rows: list[dict[str, Any]]) -> dict[str, str]:
    """Where the time goes: cProfile of extract (1x texts) and of check on real pairs, and the
    slowest imports of a cold `factcheck check` (python -X importtime)."""
    out: dict[str, str] = {}

    def top(fn: Callable[[], Any], n: int = 12) -> str:
        prof = cProfile.Profile()
        prof.enable()
        fn()
        prof.disable()
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.sort_stats("tottime").print_stats(n)
        lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
        start = next((i for i, ln in enumerate(lines) if "ncalls" in ln), 0)
        text = "\n".join(lines[start:start + n + 1])
        return text.replace(str(ROOT) + "/", "").replace(str(pathlib.Path(sys.prefix)) + "/", "")

    ko = build_text([EX / "release_ko.txt"])[0]
    en = build_text([EX / "release_en.txt", EX / "article_en.txt"])[0]
    factcheck.extract(ko + " ", lang="ko")
    factcheck.extract(en + " ", lang="en")
    out["extract (ko and en 1x texts, 5 fresh copies each)"] = top(
        lambda: [factcheck.extract(t + " " * i, lang=lang) for i in range(2, 7) for lang, t in (("ko", ko), ("en", en))])
    k = 16
    ko16, en16 = "\n\n".join([ko] * k), "\n\n".join([en] * k)
    out[f"check of the {k}x Korean and English texts (one call)"] = top(lambda: factcheck.check(
        [factcheck.Source(ko16, id="ko", lang="ko"), factcheck.Source(en16, id="en", lang="en")]))
    if pair_rows:
        rows = pair_rows[:300]
        out[f"check_segments on {len(rows)} real pairs"] = top(lambda: [
            factcheck.check_segments([(r["id"], [factcheck.Source(r["ko"], id="ko", lang="ko"),
                                                 factcheck.Source(r["en"], id="en", lang="en")])]) for r in rows])
    res = subprocess.run([*factcheck_cmd()[:1], *factcheck_cmd()[1:], *CHECK_ARGS], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    rows_it = []
    for ln in res.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", ln)
        if m:
            rows_it.append((int(m.group(2)), len(m.group(3)) // 2, m.group(4)))
    total = sum(c for c, depth, _ in rows_it if depth == 0)
    heavy = sorted((r for r in rows_it if r[1] == 0), reverse=True)[:12]
    out["cold `factcheck check`: slowest top-level imports (cumulative ms, -X importtime)"] = (
        f"all top-level imports: {total / 1000:.0f} ms\n"
        + "\n".join(f"{c / 1000:8.1f} ms  {name}" for c, _, name in heavy))
    return out


# --------------------------------------------------------------------------- plots and page
def plots(sp: dict[str, Any], acc: dict[str, Any] | None) -> list[str]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        say("matplotlib not installed: no plots")
        return []
    IMG.mkdir(parents=True, exist_ok=True)
    made = []
    fig, ax = plt.subplots(figsize=(8, 5))
    for name, row in sp["table"].items():
        pts = [(sp["words"][name][k], v * sp["words"][name][k] / 1000) for k, v in row.items() if v is not None]
        if pts:
            style = "--" if "regex" in name else ("-o" if "factcheck" in name else ":s")
            ax.plot([p[0] for p in pts], [p[1] for p in pts], style, label=name, markersize=4)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("words in the text")
    ax.set_ylabel("milliseconds per call (median)")
    ax.set_title("Time against text size (examples repeated 1x-64x)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(IMG / "bench-time.png", dpi=110)
    plt.close(fig)
    made.append("img/bench-time.png")
    if acc:
        suites = accuracy_rows(acc)
        tools = sorted({t for _, d in suites for t in d}, key=lambda t: (t != "factcheck", t))
        fig, ax = plt.subplots(figsize=(9, 5))
        width = 0.8 / max(1, len(tools))
        for i, tool in enumerate(tools):
            xs = [j + i * width for j, (_, d) in enumerate(suites) if d.get(tool) is not None]
            ys = [d[tool] for _, d in suites if d.get(tool) is not None]
            ax.bar(xs, ys, width, label=tool)
        ax.set_xticks([j + width * (len(tools) - 1) / 2 for j in range(len(suites))])
        ax.set_xticklabels([s for s, _ in suites], rotation=30, ha="right", fontsize=8)
        ax.set_ylabel("% passed (caught, for planted errors)")
        ax.set_ylim(0, 100)
        ax.set_title("Accuracy per suite, factcheck and the anchors on the same rows")
        ax.legend(fontsize=8)
        ax.grid(True, axis="y", alpha=0.3)
        fig.tight_layout()
        fig.savefig(IMG / "bench-accuracy.png", dpi=110)
        plt.close(fig)
        made.append("img/bench-accuracy.png")
    return made


def accuracy_rows(acc: dict[str, Any]) -> list[tuple[str, dict[str, float | None]]]:
    rows: list[tuple[str, dict[str, float | None]]] = []
    for name, (p, c, _) in acc["recognizers"].items():
        d: dict[str, float | None] = {"factcheck": pct(p, c)}
        if name == "money_en":
            d.update({k: pct(*v) for k, v in acc["money_en"].items() if k != "factcheck"})
        rows.append((name.replace("_", " "), d))
    if acc.get("number_en"):
        rows.append(("number+percent en (no ranges)", {k: pct(*v) for k, v in acc["number_en"].items()}))
    for lang, res in acc["time"].items():
        rows.append((f"time {lang}", {("dateparser " + k if k != "factcheck" else k): pct(*v) for k, v in res.items()}))
    par = acc["parallel"]
    rows.append(("real pairs not flagged", {"factcheck": 100 - (pct(par["flagged"], par["rows"]) or 0),
                                            **({"dateparser search_dates": 100 - (pct(acc["parallel_dateparser"]["flagged"],
                                                                                      acc["parallel_dateparser"]["rows"]) or 0)}
                                               if "parallel_dateparser" in acc else {})}))
    rows.append(("planted digit caught", {"factcheck": pct(par["caught"], par["plants"])}))
    for k, (c, n, _) in par["word_plants"].items():
        rows.append((f"planted {k} caught", {"factcheck": pct(c, n)}))
    return rows


def goals(acc: dict[str, Any] | None, sp: dict[str, Any], cm: dict[str, Any]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    t = sp["table"]
    for lang in ("ko", "en"):
        fc, dp = t.get(f"factcheck extract ({lang})", {}).get(1), t.get(f"dateparser search_dates ({lang})", {}).get(1)
        if fc and dp:
            r = dp / fc
            out.append((f"extract >= {GOALS['speedup']:.0f}x faster than dateparser.search_dates ({lang}, 1x text)",
                        f"{r:.1f}x", "met" if r >= GOALS["speedup"] else "**not met**"))
    for name in ("factcheck extract (ko)", "factcheck extract (en)", "factcheck check (ko + en)"):
        row = t.get(name, {})
        if row.get(1) and row.get(16):
            r = 16 * row[16] / row[1]
            out.append((f"16x text costs <= {GOALS['scale16']:.0f}x time: {name}", f"{r:.1f}x",
                        "met" if r <= GOALS["scale16"] else "**not met**"))
    r = cm["check"] / cm["import_dateparser"]
    out.append((f"cold `factcheck check` of the three examples <= {GOALS['cold']:.0f}x `python -c \"import dateparser\"`",
                f"{r:.2f}x ({cm['check']:.0f} ms / {cm['import_dateparser']:.0f} ms)",
                "met" if r <= GOALS["cold"] else "**not met**"))
    mem = cm["memory"]["factcheck check of the three examples (maxrss)"]
    out.append((f"peak memory <= {GOALS['memory']:.0f} MiB (default path: `factcheck check` of the three examples)",
                f"{mem:.0f} MiB (maxrss)", "met" if mem <= GOALS["memory"] else "**not met**"))
    if acc:
        par = acc["parallel"]
        out.append((f">= {GOALS['pairs']:,.0f} real sentence pairs per second per core through check",
                    f"{par['pairs_per_s']:,.0f}", "met" if par["pairs_per_s"] >= GOALS["pairs"] else "**not met**"))
        f = pct(par["flagged"], par["rows"]) or 0.0
        out.append((f"real corpus: <= {GOALS['flagged']:.0f}% of real pairs flagged", f"{f:.1f}% of {par['rows']}",
                    "met" if f <= GOALS["flagged"] else "**not met**"))
        c = sum(v[0] for v in par["word_plants"].values()) + par["caught"]
        n = sum(v[1] for v in par["word_plants"].values()) + par["plants"]
        cp = pct(c, n) or 0.0
        out.append((f"real corpus: >= {GOALS['caught']:.0f}% of planted errors caught (digit, month, weekday, name)",
                    f"{cp:.1f}% of {n}", "met" if cp >= GOALS["caught"] else "**not met**"))
    return out


def page(quick: bool, acc: dict[str, Any] | None, sp: dict[str, Any], cm: dict[str, Any],
         prof: dict[str, str], imgs: list[str], seconds: float) -> str:
    have = anchors.available()
    machine = (f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
               f"{platform.processor() or platform.machine()}")
    L = ["# Benchmarks", "",
         "<!-- generated by benchmarks/run_all.py; do not edit by hand -->", "",
         "Accuracy and speed of factcheck against what you would use instead (the *anchors*), on the "
         "same inputs in the same run. Regenerate this page, its plots and figures with", "",
         "```sh", ".venv/bin/pip install -e '.[bench]'   # dateparser is already a dependency; "
         "adds price-parser, quantulum3, matplotlib, tqdm",
         ".venv/bin/python benchmarks/run_all.py" + (" --quick" if quick else ""), "```", "",
         f"This run: {'`--quick` (a sample of the rows, fewer sizes and repeats)' if quick else 'the full run'}, "
         f"{seconds / 60:.1f} minutes. Machine: {machine}. Anchors: "
         + ", ".join(f"{k} {v}" if v else f"{k} (not installed, skipped)" for k, v in have.items()) + ".",
         "", "Machines are noisy; the ratios matter more than the milliseconds.", "",
         "## Goals", "", "| goal | measured | |", "|---|---:|---|"]
    L += [f"| {g} | {m} | {s} |" for g, m, s in goals(acc, sp, cm)]
    L += ["", "Why a goal is missed is in [the profiles](#profiles) below.", ""]
    if "img/bench-time.png" in imgs or "img/bench-accuracy.png" in imgs:
        L += ["## Plots", ""]
        if "img/bench-accuracy.png" in imgs:
            L += ["![Accuracy per suite](img/bench-accuracy.png)", ""]
        L += ["![Time against text size](img/bench-time.png)", ""]
    if acc:
        L += ["## Accuracy", "",
              "Scored as in [the Recognizers page](accuracy-recognizers.md) and "
              "[the real-translations page](accuracy-parallel.md) (money and number: "
              "`benchmarks/accuracy_recognizers.py`; dates: `benchmarks/accuracy_time.py`; pairs: "
              "`benchmarks/accuracy_parallel.py`). An anchor is scored on exactly the rows factcheck is "
              "scored on; the rules for each anchor are in `benchmarks/anchors.py`.", "",
              "| suite | rows counted | factcheck | dateparser search_dates | dateparser parse (gold span) "
              "| price-parser | quantulum3 |", "|---|---:|---:|---:|---:|---:|---:|"]

        def cell(d: dict[str, tuple[int, int]], k: str) -> str:
            return f"{fpct(pct(*d[k]))}" if k in d else "-"

        for name, (p, c, _) in acc["recognizers"].items():
            extra = acc["money_en"] if name == "money_en" else {}
            L.append(f"| Recognizers {name.replace('_', ' ')} | {c} | {fpct(pct(p, c))} | - | - | "
                     f"{cell(extra, 'price-parser')} | {cell(extra, 'quantulum3')} |")
        if acc.get("number_en"):
            d = acc["number_en"]
            L.append(f"| Recognizers number+percent en, no ranges | {d['factcheck'][1]} | {cell(d, 'factcheck')} "
                     f"| - | - | - | {cell(d, 'quantulum3')} |")
        for lang, d in acc["time"].items():
            L.append(f"| Recognizers time {lang} (dates) | {d['factcheck'][1]} | {cell(d, 'factcheck')} | "
                     f"{cell(d, 'search_dates')} | {cell(d, 'parse (gold span)')} | - | - |")
        par = acc["parallel"]
        L += ["", "Real Korean-English pairs (`parallel_ko_en_numeric.jsonl`, "
              f"{par['rows']} pairs{', a sample' if quick else ''}):", "",
              "| measure | factcheck | dateparser search_dates as a checker |", "|---|---:|---:|"]
        dp = acc.get("parallel_dateparser")
        L.append(f"| real pairs flagged (lower is better) | {par['flagged']} ({fpct(pct(par['flagged'], par['rows']))}) | "
                 + (f"{dp['flagged']} ({fpct(pct(dp['flagged'], dp['rows']))})" if dp else "-") + " |")
        L.append(f"| pairs per second (one core) | {par['pairs_per_s']:,.0f} | "
                 + (f"{dp['rows'] / dp['seconds']:,.0f}" if dp else "-") + " |")
        L.append(f"| planted digit errors caught | {par['caught']}/{par['plants']} ({fpct(pct(par['caught'], par['plants']))}) | - |")
        for k, (c, n, u) in par["word_plants"].items():
            L.append(f"| planted {k} errors caught | {c}/{n} ({fpct(pct(c, n))}); {u} left out | - |")
        L.append(f"| planted errors in approximate figures caught | {par['approx_caught']}/{par['approx_plants']} "
                 f"({fpct(pct(par['approx_caught'], par['approx_plants']))}) | - |")
        L += ["", "dateparser as a checker: `search_dates` on each side with its language and one fixed "
              "`RELATIVE_BASE` (the data has no publication dates); a pair is flagged when both sides "
              "have dates and the sets of days differ. Planted errors are placed in figures, dates and "
              "names that factcheck matched, so they are not run through dateparser.",
              "Plants: a digit of a matched figure; a month name or the number of `N월`; a weekday "
              "(`Thursday`, `(목)`, `목요일`); a name replaced by another name of the same kind matched in "
              "another pair. Caught means a conflict on the changed claim.", ""]
    else:
        L += ["## Accuracy", "", "`../shared/data` was not present: accuracy not measured in this run.", ""]
    L += ["## Speed", "",
          "Milliseconds per 1,000 words (median of fresh copies after a warm-up, in one process), on the "
          f"bundled examples repeated to ~1,000 words (ko {sp['base_words']['ko']}, en {sp['base_words']['en']}) "
          "and then 4, 16 and 64 times that. `check` compares the Korean and the English text (their words "
          "added). The floor is one pass of the compiled regex `\\d[\\d,.]*` over the same text. "
          "`skipped`: a single call was projected to take too long.", "",
          "| | " + " | ".join(f"{k}x" for k in sp["sizes"]) + " | cost of 16x text |",
          "|---|" + "---:|" * (len(sp["sizes"]) + 1)]
    for name, row in sp["table"].items():
        scale = f"{16 * row[16] / row[1]:.1f}x" if row.get(1) and row.get(16) else "-"
        L.append(f"| {name} | " + " | ".join(f"{v:.3f}" if v is not None else "skipped" for v in row.values())
                 + f" | {scale} |")
    L += ["", "Ratios at 1x:", "", "| ratio | value |", "|---|---:|"]
    t = sp["table"]
    for lang in ("ko", "en"):
        fc = t[f"factcheck extract ({lang})"][1]
        dp = t.get(f"dateparser search_dates ({lang})", {}).get(1)
        if dp:
            L.append(f"| dateparser search_dates / factcheck extract ({lang}) | {dp / fc:.1f}x |")
        L.append(f"| factcheck extract / regex floor ({lang}) | {fc / t[f'regex floor ({lang})'][1]:,.0f}x |")
    if t.get("quantulum3 parse (en)", {}).get(1):
        L.append(f"| quantulum3 parse / factcheck extract (en) | {t['quantulum3 parse (en)'][1] / t['factcheck extract (en)'][1]:.1f}x |")
    L += ["", "Cold start (median of fresh processes, wall time):", "", "| command | ms |", "|---|---:|",
          f"| `python -c \"pass\"` | {cm['pass']:.0f} |",
          f"| `python -c \"import factcheck\"` | {cm['import_factcheck']:.0f} |",
          f"| `python -c \"import dateparser\"` | {cm['import_dateparser']:.0f} |",
          "| `factcheck check examples/release_ko.txt examples/release_en.txt examples/article_en.txt "
          f"--glossary examples/glossary.csv` | {cm['check']:.0f} |",
          f"| ratio: cold check / import dateparser | {cm['check'] / cm['import_dateparser']:.2f}x |",
          "", "Peak memory (fresh processes; maxrss is the whole process, tracemalloc only Python objects):", "",
          "| process | MiB |", "|---|---:|"]
    L += [f"| {k} | {v:.1f} |" for k, v in cm["memory"].items()]
    L += ["", "## Profiles", "",
          "Where the time goes, to explain a missed speed goal (cProfile sorted by own time; import times "
          "from `python -X importtime`).", ""]
    for title, text in prof.items():
        L += [f"**{title}**", "", "<!-- not run: timings of one run on one machine -->", "```text", text, "```", ""]
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a sample of the rows, fewer sizes and repeats")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {DOC.relative_to(ROOT)} and the plots")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    have = anchors.available()
    say("anchors: " + ", ".join(f"{k} {v or '(not installed: skipped)'}" for k, v in have.items()))
    acc = None
    pair_rows: list[dict[str, Any]] = []
    if DATA.is_dir() and (DATA / "parallel_ko_en_numeric.jsonl").exists():
        acc = accuracy(args.quick)
        pair_rows = _load(DATA / "parallel_ko_en_numeric.jsonl")
    else:
        say(f"{DATA}: not present; accuracy skipped (the speed part runs on the bundled examples)")
    sp = speed(args.quick)
    cm = cold_and_memory(args.quick)
    prof = profiles(pair_rows)
    say("", "== goals")
    for g, m, s in goals(acc, sp, cm):
        say(f"  [{s.strip('*')}] {g}: {m}")
    if not args.no_write:
        imgs = plots(sp, acc)
        DOC.write_text(page(args.quick, acc, sp, cm, prof, imgs, time.perf_counter() - t0) + "\n", encoding="utf-8")
        say(f"wrote {DOC.relative_to(ROOT)}" + "".join(f", docs/{i}" for i in imgs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
