"""The generated data files match what their scripts build now (dateparser-style drift checks),
and the fast paths that read them agree with the libraries they stand in for."""

from __future__ import annotations

import importlib.util
import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cldr_currencies_file_is_up_to_date():
    pytest.importorskip("babel")
    gen = _script("gen_cldr")
    assert gen.PATH.read_text(encoding="utf-8") == gen.render(gen.build()), \
        "factcheck/data/cldr_currencies.json has drifted from babel: run scripts/gen_cldr.py"


def test_cldr_vocabulary_from_file_equals_babel():
    pytest.importorskip("babel")
    from factcheck import cldr

    gen = _script("gen_cldr")
    for loc in gen.cldr_locales():
        assert cldr.currency_vocabulary(loc) == cldr.currency_vocabulary_from_babel(loc)


def test_units_table_is_up_to_date():
    pytest.importorskip("pint")
    gen = _script("gen_units")
    assert gen.PATH.read_text(encoding="utf-8") == gen.render(gen.build()), \
        "factcheck/data/units_table.json has drifted from units.txt or pint: run scripts/gen_units.py"


def test_unit_table_fast_paths_equal_pint():
    pytest.importorskip("pint")
    from factcheck import units

    ureg = units.unit_registry()
    names, base = units._table()
    for key, name in names.items():
        assert units.canonical_unit(key) == str(ureg.Unit(key)) == name
    rnd = random.Random(6)
    values = [Decimal(v) for v in ("0", "1", "-1", "84.5", "84.50", "0.001", "1E+3", "3.3", "12345678901234567890.123",
                                   "400", "121", "-40", "1.000000000000000000000000001")]
    values += [Decimal(rnd.randint(-10**6, 10**6)).scaleb(rnd.randint(-6, 3)) for _ in range(40)]
    for unit in base:
        for v in values:
            q = ureg.Quantity(v, unit).to_base_units()
            expected = (Decimal(str(q.magnitude)), str(q.units))
            got = units.to_base(v, unit)
            assert got == expected and str(got[0]) == str(expected[0]), (unit, v, got, expected)


def test_cold_run_imports_neither_babel_nor_pint(tmp_path):
    """Reading money and square metres in both shipped languages needs neither library."""
    import subprocess

    code = ("import sys, factcheck; "
            "factcheck.check(['약 100평(330㎡) 부지에 1,600만 달러를 투자했다.', "
            "'It invested $16 million in a 330 square meter site.']); "
            "print(sorted(m for m in ('babel', 'pint', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.strip() == "[]"


def test_lazily_compiled_patterns_all_compile():
    """Date atoms and first-character currency patterns compile on first use: check them all."""
    from factcheck.locale import _compiled, available_locales, load_locale
    from factcheck.rules.dates import load_date_locale

    for code in available_locales():
        for spec in load_date_locale(code).atoms:
            assert spec.regex.pattern == spec.source
            assert spec.context is None or spec.context.pattern == spec.context_source
        matcher = load_locale(code).currency_after_re
        for source in list(matcher.by_char.values()) + list(matcher.by_pair.values()):
            _compiled(source)
