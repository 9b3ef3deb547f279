"""How fast is a docs tree read as Markdown? Run: ``.venv/bin/python benchmarks/speed_formats.py``.

Builds a Korean and an English docs tree of 200 Markdown pages each (front matter, a heading,
the bundled release and its English version, a table, a code block and links, with figures
that change from page to page), then times ``factcheck.check_tree`` on it twice: read as Markdown
(``.md``, the structure-aware reader) and read as plain text (the same files named ``.txt``).
The issue's target: the Markdown tree in under twice the time of the plain one. Prints the
best of ``--runs`` runs of each, the ratio, and the findings of each (no timed test: timings
belong to one machine).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.api import check_tree  # noqa: E402

PAGES = 200


def _paragraphs(name: str) -> list[str]:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def page(i: int, lang: str, paragraphs: list[str]) -> str:
    """One page of the tree: front matter, a heading, prose, a table, code and links."""
    heading = f"안내 {i}" if lang == "ko" else f"Guide {i}"
    row = f"| {i} | {i * 3}% | {i * 1000:,} |"
    head = "| 번호 | 비율 | 금액(원) |" if lang == "ko" else "| No. | Share | Amount (KRW) |"
    table = head + "\n|---|---|---|\n" + row
    body = "\n\n".join(paragraphs)
    return (f"---\ntitle: {heading}\ndate: 2024-03-14\n---\n# {heading}\n\n{body}\n\n{table}\n\n"
            f"```sh\nfactcheck check --timeout {600 + i} docs/ko docs/en\n```\n\n"
            f"[{'안내' if lang == 'ko' else 'guide'}](/docs/2024/{i:03d}/guide.html), "
            f"`--max-bytes {i * 1024}`.\n")


def build(root: pathlib.Path, suffix: str) -> tuple[str, str]:
    ko, en = _paragraphs("release_ko.txt"), _paragraphs("release_en.txt")
    for lang, paragraphs in (("ko", ko), ("en", en)):
        for i in range(PAGES):
            path = root / lang / f"section{i // 20:02d}" / f"page{i:03d}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page(i, lang, paragraphs), encoding="utf-8")
    return str(root / "ko"), str(root / "en")


def best(ko: str, en: str, runs: int) -> tuple[float, dict[str, int]]:
    times = []
    summary: dict[str, int] = {}
    for _ in range(runs):
        t = time.perf_counter()
        report = check_tree(ko, en)
        times.append(time.perf_counter() - t)
        summary = report.summary
    return min(times), summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each tree; the best is kept (default 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-formats-") as tmp:
        md_ko, md_en = build(pathlib.Path(tmp) / "md", ".md")
        txt_ko, txt_en = build(pathlib.Path(tmp) / "txt", ".txt")
        check_tree(md_ko, md_en)  # warm-up: locales and parsers loaded once
        t_md, s_md = best(md_ko, md_en, args.runs)
        t_txt, s_txt = best(txt_ko, txt_en, args.runs)
    print(f"| tree ({PAGES} pages a side) | best of {args.runs} | findings |")
    print("|---|---:|---|")
    print(f"| Markdown (.md) | {t_md:.2f} s | {s_md} |")
    print(f"| plain text (.txt) | {t_txt:.2f} s | {s_txt} |")
    print(f"| ratio | {t_md / t_txt:.2f} | target: under 2 |")
    return 0 if t_md < 2 * t_txt else 1


if __name__ == "__main__":
    sys.exit(main())
