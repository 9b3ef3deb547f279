"""What the comparator says: the same English sentences in every process locale, and every
sentence written in one module (factcheck/compare/messages.py). Every text here is invented."""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.compare import messages

ROOT = Path(__file__).resolve().parents[1]
COMPARE = ROOT / "factcheck" / "compare"

# a statement date against a publication date (2024-05-02 was a Thursday), and a date written
# with the wrong day of the week: both messages name a weekday
_SCRIPT = r"""
import datetime, locale, sys
locale.setlocale(locale.LC_ALL, "")
print(datetime.date(2024, 5, 2).strftime("%A"))
from factcheck import Source, check
release = "제목 신제품 출시\n등록 2024/05/02 (목)\n\n한빛물산은 2일 신제품을 출시했다고 밝혔다.\n"
news = "Hanbit Trading said Friday it launched a new product.\n"
for f in check([Source(release, id="release", lang="ko"), Source(news, id="news", lang="en")]).findings:
    print(f.reason, "|", f.message)
for f in check([Source("행사는 2024년 5월 2일(금) 열린다.", id="ko", lang="ko"),
                Source("The event is on May 2, 2024.", id="en", lang="en")]).findings:
    print(f.reason, "|", f.message)
"""


def _foreign_locale(tmp: Path) -> dict[str, str] | None:
    """Environment variables that select a non-English locale: one installed on the machine,
    or one compiled into ``tmp`` with localedef; None when neither is possible."""
    try:
        installed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.split()
    except OSError:
        installed = []
    for name in installed:
        if name.split("_")[0] in ("de", "ko", "fr", "es", "ja") and "utf" in name.lower():
            return {"LC_ALL": name, "LANG": name}
    localedef = shutil.which("localedef")
    if localedef is None:
        return None
    for code in ("de_DE", "ko_KR"):
        out = tmp / f"{code}.UTF-8"
        done = subprocess.run([localedef, "-i", code, "-f", "UTF-8", str(out)], capture_output=True, check=False)
        if done.returncode in (0, 1) and out.exists():  # 1: compiled with warnings
            return {"LOCPATH": str(tmp), "LC_ALL": f"{code}.UTF-8", "LANG": f"{code}.UTF-8"}
    return None


def test_weekday_names_in_messages_do_not_follow_the_process_locale(tmp_path: Path) -> None:
    env_locale = _foreign_locale(tmp_path)
    if env_locale is None:
        pytest.skip("no non-English locale is installed or can be compiled (the source scan below still runs)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")} | env_locale
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    first, *lines = done.stdout.splitlines()
    if first == "Thursday":
        pytest.skip(f"the locale {env_locale['LC_ALL']} did not take effect")
    statement = [line for line in lines if line.startswith("statement-vs-published |")]
    mismatch = [line for line in lines if line.startswith("weekday-mismatch |")]
    assert statement and "release 2024-05-02 (Thursday)" in statement[0], lines
    assert mismatch and "2024-05-02 was a Thursday, not a Friday" in mismatch[0], lines
    assert first not in done.stdout.split("\n", 1)[1]  # the locale's own name of the day is nowhere


def test_weekday_names_come_from_a_fixed_table() -> None:
    monday = dt.date(2024, 4, 29)
    names = [messages.weekday_name(monday + dt.timedelta(days=n)) for n in range(7)]
    assert names == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    assert messages.weekday_name(dt.datetime(2024, 5, 2, 23, 30)) == "Thursday"


def _modules() -> list[Path]:
    return sorted(COMPARE.rglob("*.py"))


def _literals(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module (f-string parts included), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_compare_never_asks_the_process_locale() -> None:
    """No strftime (its %A and %B follow the process locale) and no locale module in compare."""
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("strftime", "setlocale", "getlocale"):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Import) and any(a.name == "locale" for a in node.names):
                found.append(f"{path.name}:{node.lineno} import locale")
            if isinstance(node, ast.ImportFrom) and node.module == "locale":
                found.append(f"{path.name}:{node.lineno} from locale")
    assert _modules() and not found


def test_compare_code_has_no_hangul_vocabulary() -> None:
    """Hangul in compare/ is only in comments and docstrings (examples), never in a literal the
    code uses: a language's words live in its locale data."""
    hangul = [(path.name, line, text) for path in _modules() for line, text in _literals(path)
              if any("\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e" for ch in text)]
    assert hangul == []


def test_only_the_messages_module_writes_sentences() -> None:
    """English wording (two words or more in a literal) appears in messages.py only."""
    words = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
    outside = [(path.relative_to(COMPARE).as_posix(), line, text) for path in _modules()
               if path.name != "messages.py" for line, text in _literals(path) if words.search(text)]
    assert outside == []
    assert any(words.search(text) for _, text in _literals(COMPARE / "messages.py"))


# --------------------------------------------------------------------------- decimal context
def test_public_compare_functions_compute_in_the_library_context() -> None:
    """A caller's low-precision decimal context changes nothing that compare returns."""
    import decimal

    from factcheck import Source, extract
    from factcheck.compare import Rates, compare_prepared, compare_values
    from factcheck.report import SourceInfo
    from factcheck.values import Money

    rates = Rates({("USD", "KRW"): decimal.Decimal("1337.77")})
    texts = {"ko": "매출은 1,567만 달러, 환율 기준 209억 6천만 원이었다.", "en": "Sales were $15.7 million."}
    items = [(SourceInfo(k, k, None), Source(t, id=k, lang=k), extract(t, k)) for k, t in texts.items()]
    pair = (Money(decimal.Decimal("20960000000"), "KRW"), Money(decimal.Decimal("15.67E+6"), "USD"))

    def run() -> tuple[object, ...]:
        return (rates.rate("KRW", "USD"), compare_values(*pair, rates=rates),
                compare_prepared(items, None, rates, None, False))

    expected = run()
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert run() == expected
    assert expected[0] == decimal.Decimal(1) / decimal.Decimal("1337.77")
