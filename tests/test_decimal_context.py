"""factcheck computes in its own decimal context and never reads the process locale: a caller's
``decimal.getcontext().prec = 6`` or ``LC_ALL`` changes no amount and no report."""

from __future__ import annotations

import decimal
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.locale.loader import load_locale
from factcheck.locale.units import to_base
from factcheck.rules.measures import extract_money, extract_number, extract_percent, extract_quantity
from factcheck.text.document import Document
from factcheck.text.numbers import scan_numbers

ROOT = Path(__file__).resolve().parent.parent

# the same computation in this process and in a child process (exec'd from this text)
_RUN = r'''
def results(root):
    import pathlib
    import factcheck
    from factcheck.io.glossary import load_glossary

    examples = pathlib.Path(root) / "examples"
    ko = (examples / "release_ko.txt").read_text(encoding="utf-8")
    en = (examples / "release_en.txt").read_text(encoding="utf-8")
    news = (examples / "article_en.txt").read_text(encoding="utf-8")
    sources = [factcheck.Source(ko, id="release_ko", lang="ko"), factcheck.Source(en, id="release_en", lang="en"),
               factcheck.Source(news, id="article_en")]
    out = {"check": factcheck.check(sources, glossary=load_glossary(examples / "glossary.csv")).to_dict()}
    for name, text, lang in (("release_ko", ko, "ko"), ("release_en", en, "en"), ("article_en", news, "auto"),
                             ("won", "\u20a91,234,567,890", "en"), ("eok", "12\uc5b5 3456\ub9cc 7890\uc6d0", "ko"),
                             ("misc", "about $16.5 million, 3.25% and 12.75 km; 1.6bn; 0.000012345 tonnes", "en")):
        out[name] = [c.to_dict() for c in factcheck.extract(text, lang=lang, reference_date="2023-07-20")]
    return out
'''


def _results() -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(_RUN, namespace)
    result: dict[str, Any] = namespace["results"](str(ROOT))
    return result


@pytest.fixture
def low_precision() -> Any:
    """The caller's context: 6 digits, rounding down (restored afterwards)."""
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_DOWN
        yield ctx


def _amount(claims: list[factcheck.Claim]) -> str:
    assert claims, "no claim"
    return str(claims[0].value.to_dict()["amount"])


def test_extract_keeps_every_digit(low_precision: decimal.Context) -> None:
    assert _amount(factcheck.extract("₩1,234,567,890", lang="en")) == "1234567890"
    assert _amount(factcheck.extract("12억 3456만 7890원", lang="ko")) == "1234567890"
    assert decimal.getcontext().prec == 6  # the caller's context is left as it was


@pytest.mark.parametrize(("rule", "text", "lang", "key", "value"), [
    (extract_money, "₩1,234,567,890", "en", "amount", "1234567890"),
    (extract_money, "12억 3456만 7890원", "ko", "amount", "1234567890"),
    (extract_money, "$1.234567 billion", "en", "amount", "1234567000"),
    (extract_number, "1,234,567,891명", "ko", "value", "1234567891"),
    (extract_percent, "12.3456789%", "en", "value", "12.3456789"),
    (extract_quantity, "1,234,567.5 km", "en", "value", "1234567.5"),
])
def test_rules_called_directly_keep_every_digit(low_precision: decimal.Context, rule: Any, text: str, lang: str,
                                                key: str, value: str) -> None:
    claims = rule(Document(text, load_locale(lang)))
    assert claims[0].value.to_dict()[key] == value


def test_number_scan_and_units_keep_every_digit(low_precision: decimal.Context) -> None:
    nums = scan_numbers(load_locale("ko"), "12억 3456만 7890")
    assert [n.value for n in nums] == [Decimal(1234567890)]
    assert to_base(Decimal("1234567.891"), "kilometer") == (Decimal("1234567891"), "meter")


def test_whole_report_is_the_same_under_a_small_precision() -> None:
    default = _results()
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        low = _results()
    assert default["won"][0]["value"]["amount"] == "1234567890"
    assert low == default


def _other_locales() -> list[str]:
    """Process locales other than this one's, from ``locale -a`` (C and POSIX always exist)."""
    current = {os.environ.get(v, "").lower().replace("-", "") for v in ("LC_ALL", "LC_CTYPE", "LANG")}
    found: list[str] = []
    if shutil.which("locale"):
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
        found = [name for name in out.split() if name.lower().replace("-", "") not in current]
    # a territory locale first (decimal commas, other scripts), then the plain C ones
    found.sort(key=lambda n: (n.upper().startswith(("C", "POSIX")), n))
    return (found or ["POSIX"])[:2]


@pytest.mark.parametrize("name", _other_locales())
def test_results_do_not_depend_on_the_process_locale(name: str) -> None:
    child = _RUN + (
        "\nimport decimal, json, locale, sys\n"
        "locale.setlocale(locale.LC_ALL, '')\n"
        "decimal.getcontext().prec = 3\n"
        "decimal.getcontext().rounding = decimal.ROUND_FLOOR\n"
        "print(json.dumps({'locale': locale.setlocale(locale.LC_ALL), 'prec': decimal.getcontext().prec,\n"
        "                  'results': results(sys.argv[1])}, ensure_ascii=True))\n"
    )
    env = {**os.environ, "LC_ALL": name, "LANG": name}
    proc = subprocess.run([sys.executable, "-c", child, str(ROOT)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["locale"] in (name, "C", "POSIX") or got["locale"].split(".")[0] == name.split(".")[0]
    assert got["prec"] == 3
    assert got["results"] == _results()
