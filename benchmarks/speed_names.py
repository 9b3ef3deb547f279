"""What do names cost? Run: ``.venv/bin/python benchmarks/speed_names.py``.

Builds a ~1,000-word Korean text and a ~1,000-word English text by repeating the bundled
examples (as benchmarks/speed_extract.py does), then times ``factcheck.extract`` with every
kind and without the name kinds (person, org, place), median of many runs after warm-up. Each
run gets a fresh copy of the text (a trailing space added) so that no per-text cache helps.
Issue 4 asks that names add at most about a millisecond per 1,000 words.
"""

from __future__ import annotations

import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import factcheck  # noqa: E402
from speed_extract import build_text  # noqa: E402  (one way of sizing texts for every speed script)
from factcheck.rules.registry import default_registry  # noqa: E402

WORDS = 1000
RUNS = 61
WARMUP = 5
NAME_KINDS = ("person", "org", "place")
TEXTS = {
    "ko": ["examples/release_ko.txt"],
    "en": ["examples/release_en.txt", "examples/article_en.txt"],
}


def median_ms(text: str, lang: str, kinds: tuple[str, ...]) -> float:
    for r in range(WARMUP):
        factcheck.extract(text + " " * (r + 1), lang, kinds=kinds)
    times = []
    for r in range(RUNS):
        fresh = text + " " * (WARMUP + r + 1)
        t0 = time.perf_counter()
        factcheck.extract(fresh, lang, kinds=kinds)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    print("| lang | words | all kinds, ms | without names, ms | names add, ms per 1,000 words | name claims |")
    print("|---|---:|---:|---:|---:|---:|")
    for lang, paths in TEXTS.items():
        text, words = build_text([ROOT / p for p in paths])
        every = default_registry().kinds(lang)
        without = tuple(k for k in every if k not in NAME_KINDS)
        with_names = median_ms(text, lang, every)
        base = median_ms(text, lang, without)
        names = sum(1 for c in factcheck.extract(text, lang) if c.kind in NAME_KINDS)
        print(f"| {lang} | {words} | {with_names:.2f} | {base:.2f} | "
              f"{(with_names - base) * 1000 / words:.2f} | {names} |")


if __name__ == "__main__":
    main()
