"""Heavy dependencies load only when needed: ``import factcheck`` stays cheap.

Each check runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_import_is_light() -> None:
    mods = _modules_after("import factcheck")
    assert "pint" not in mods
    assert "dateparser" not in mods
    assert "babel" not in mods
    assert "holidays" not in mods


@pytest.mark.parametrize(("text", "lang", "loads"), [
    ("조달청은 20일 하반기 계획을 밝혔다. 광복절 행사도 열렸다.", "ko", False),
    ("The plant reopened on Christmas Day, Thursday, July 20.", "en", False),
    ("추석 연휴에 물가가 올랐다.", "ko", True),
    ("Families gather for Chuseok.", "en", True),
])
def test_holidays_package_loads_only_for_a_lunisolar_holiday(text: str, lang: str, loads: bool) -> None:
    # the `holidays` package computes 추석 and 설날; dates without them never import it
    mods = _modules_after(
        f"import factcheck\nclaims = factcheck.extract({text!r}, lang={lang!r}, reference_date='2023-07-20')\n"
        "assert any(c.kind == 'date' for c in claims), claims"
    )
    assert ("holidays" in mods) is loads


@pytest.mark.parametrize(("text", "lang"), [
    ("이 회사는 2,350만불 규모의 계약을 맺었다", "ko"),
    ("The firm won a $23.5 million deal; exports rose 18 percent.", "en"),
])
def test_money_text_does_not_load_pint(text: str, lang: str) -> None:
    mods = _modules_after(
        f"import factcheck\nclaims = factcheck.extract({text!r}, lang={lang!r})\n"
        "assert claims and claims[0].kind == 'money', claims"
    )
    assert "pint" not in mods


@pytest.mark.parametrize(("text", "lang"), [
    ("부지 면적은 1만 2천 제곱미터에 이른다", "ko"),
    ("The plant covers 12,000 square meters.", "en"),
])
def test_quantity_text_does_not_load_pint(text: str, lang: str) -> None:
    # unit names come from the generated table factcheck/data/units_table.json
    # (scripts/gen_units.py); pint is imported only for units the table lacks
    mods = _modules_after(
        f"import factcheck\nclaims = factcheck.extract({text!r}, lang={lang!r})\n"
        "assert [c.kind for c in claims] == ['quantity'], claims"
    )
    assert "pint" not in mods


def test_checking_the_bundled_examples_loads_no_heavy_library() -> None:
    """The bundled locales, units and currencies serve the examples (a Korean release, its
    English version and a news article, with and without publication dates): neither pint
    (nor numpy, which it pulls in), babel nor dateparser is imported."""
    mods = _modules_after(
        "import pathlib, factcheck\n"
        "ex = pathlib.Path(factcheck.__file__).resolve().parent.parent / 'examples'\n"
        "texts = [(ex / n).read_text(encoding='utf-8') for n in ('release_ko.txt', 'release_en.txt', 'article_en.txt')]\n"
        "report = factcheck.check([factcheck.Source(t, id=str(n)) for n, t in enumerate(texts)])\n"
        "assert report.findings\n"
        "factcheck.check([factcheck.Source(texts[0], id='ko', lang='ko', published='2023-07-20'),\n"
        "                 factcheck.Source(texts[1], id='en', lang='en', published='2023-07-20')])\n"
    )
    assert not {"pint", "numpy", "babel", "dateparser"} & mods
