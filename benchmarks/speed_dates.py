"""How much the date rule costs (acceptance 5 of issue 3): extract time per 1,000 words with and
without kind "date".

    .venv/bin/python benchmarks/speed_dates.py [--repeat N]

Texts: the made-up examples in examples/, plus, when present, the seed documents and the
parallel news sentences of ../shared (read at run time, never copied). For each language the
same text is extracted with every registered kind but "date", then with every kind; the ratio
must stay under about 2.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import factcheck  # noqa: E402
from factcheck.text.scripts import language_runs  # noqa: E402
from factcheck.rules.registry import default_registry  # noqa: E402

SHARED = ROOT.parent / "shared"


def texts() -> dict[str, str]:
    ko: list[str] = []
    en: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        (ko if path.stem.endswith("_ko") else en).append(path.read_text(encoding="utf-8"))
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end, lang in language_runs(text):
            (ko if lang == "ko" else en).append(text[start:end])
    parallel = SHARED / "data" / "parallel_ko_en_numeric.jsonl"
    if parallel.exists():
        with parallel.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 400:
                    break
                row = json.loads(line)
                ko.append(row["ko"])
                en.append(row["en"])
    return {"ko": "\n\n".join(ko), "en": "\n\n".join(en)}


def per_1000_words(text: str, lang: str, kinds: tuple[str, ...], repeat: int) -> float:
    factcheck.extract(text, lang=lang, reference_date="2023-07-20", kinds=kinds)  # warm caches
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        factcheck.extract(text, lang=lang, reference_date="2023-07-20", kinds=kinds)
        best = min(best, time.perf_counter() - t0)
    return best * 1000.0 / max(1, len(text.split())) * 1000.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    worst = 0.0
    for lang, text in texts().items():
        kinds = default_registry().kinds(lang)
        without = tuple(k for k in kinds if k != "date")
        a = per_1000_words(text, lang, without, args.repeat)
        b = per_1000_words(text, lang, kinds, args.repeat)
        worst = max(worst, b / a)
        print(f"{lang}: {len(text.split()):>6} words  without date {a:7.2f} ms/1000 words  "
              f"with date {b:7.2f} ms/1000 words  ratio {b / a:4.2f}")
    print(f"worst ratio {worst:.2f} (target: about 2 or less)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
