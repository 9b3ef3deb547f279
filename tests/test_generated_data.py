"""The generated data files match what their scripts build now (dateparser-style drift checks),
and the fast paths that read them agree with the libraries they stand in for."""

from __future__ import annotations

import hashlib
import importlib.util
import json
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


def _require_recorded(gen, keys: tuple[str, ...]) -> None:
    """Skip (with both versions and the command that regenerates) unless the installed library
    is the release the generated file was built with: a newer babel or pint is an upstream
    change, checked by ``scripts/gen_*.py --check`` / ``make check-data``, not a test failure."""
    recorded = json.loads(gen.PATH.read_text(encoding="utf-8")).get("generator", {})
    installed = gen.inputs()
    for key in keys:
        if recorded.get(key) != installed.get(key):
            pytest.skip(f"{gen.PATH.name} was generated with {key} {recorded.get(key)}, but {key} "
                        f"{installed.get(key)} is installed: the drift check needs the recorded release "
                        f"(install from constraints/test.txt, or run `python {installed['script']}` "
                        f"to regenerate and `make check-data` to compare)")


def test_generated_files_record_their_inputs():
    for name, keys in (("gen_cldr", ("babel", "cldr", "script")), ("gen_places", ("babel", "cldr", "script")),
                       ("gen_units", ("pint", "units.txt sha256", "script"))):
        gen = _script(name)
        recorded = json.loads(gen.PATH.read_text(encoding="utf-8"))["generator"]
        assert set(keys) <= set(recorded), (name, recorded)
        assert all(recorded[k] for k in keys)


def test_units_txt_is_the_recorded_one():
    """units.txt is ours: editing it without regenerating the table fails whatever pint is installed."""
    gen = _script("gen_units")
    recorded = json.loads(gen.PATH.read_text(encoding="utf-8"))["generator"]["units.txt sha256"]
    assert hashlib.sha256(gen.UNITS_TXT.read_bytes()).hexdigest() == recorded, \
        "factcheck/data/units.txt changed since units_table.json was generated: run python scripts/gen_units.py"


def test_cldr_currencies_file_is_up_to_date():
    pytest.importorskip("babel")
    gen = _script("gen_cldr")
    _require_recorded(gen, ("babel", "cldr"))
    assert gen.PATH.read_text(encoding="utf-8") == gen.render(gen.build()), \
        "factcheck/data/cldr_currencies.json has drifted from babel: run scripts/gen_cldr.py"


def test_cldr_places_file_is_up_to_date():
    pytest.importorskip("babel")
    gen = _script("gen_places")
    _require_recorded(gen, ("babel", "cldr"))
    assert gen.PATH.read_text(encoding="utf-8") == gen.render(gen.build()), \
        "factcheck/data/places_cldr.json has drifted from babel: run scripts/gen_places.py"


def test_cldr_places_file_has_both_languages_of_the_places_we_rely_on():
    """Whatever babel is installed: the generated table holds the countries and time-zone
    cities the aliases file and the corpora name, in Korean and English."""
    data = json.loads(_script("gen_places").PATH.read_text(encoding="utf-8"))
    assert data["countries"]["AE"] == {"en": "United Arab Emirates", "ko": "아랍에미리트"}
    assert data["countries"]["KR"]["ko"] == "대한민국" and "EU" not in data["countries"]
    assert "ZZ" not in data["countries"] and len(data["countries"]) > 240
    assert data["cities"]["America/New_York"] == {"en": "New York", "ko": "뉴욕"}
    assert data["cities"]["Asia/Ho_Chi_Minh"]["en"] == "Ho Chi Minh City"  # filed under Asia/Saigon
    assert not any(zone.startswith("Etc/") for zone in data["cities"])


def test_cldr_vocabulary_from_file_equals_babel():
    pytest.importorskip("babel")
    from factcheck.locale import cldr

    gen = _script("gen_cldr")
    _require_recorded(gen, ("babel", "cldr"))
    for loc in gen.cldr_locales():
        assert cldr.currency_vocabulary(loc) == cldr.currency_vocabulary_from_babel(loc)


def test_units_table_is_up_to_date():
    pytest.importorskip("pint")
    gen = _script("gen_units")
    _require_recorded(gen, ("pint",))
    assert gen.PATH.read_text(encoding="utf-8") == gen.render(gen.build()), \
        "factcheck/data/units_table.json has drifted from units.txt or pint: run scripts/gen_units.py"


def test_unit_table_fast_paths_equal_pint():
    pytest.importorskip("pint")
    from factcheck.locale import units

    _require_recorded(_script("gen_units"), ("pint",))
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
    """Reading money, square metres and the places of the world in both shipped languages needs
    neither library."""
    import subprocess

    code = ("import sys, factcheck; "
            "factcheck.check(['약 100평(330㎡) 부지에 1,600만 달러를 투자했다. 아부다비와 뉴욕.', "
            "'It invested $16 million in a 330 square meter site. Abu Dhabi and New York.']); "
            "print(sorted(m for m in ('babel', 'pint', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.strip() == "[]"


def test_lazily_compiled_patterns_all_compile():
    """Date atoms and first-character currency patterns compile on first use: check them all."""
    from factcheck.locale.patterns import _compiled
    from factcheck.locale import available_locales, load_locale
    from factcheck.rules.dates import load_date_locale

    for code in available_locales():
        for spec in load_date_locale(code).atoms:
            assert spec.regex.pattern == spec.source
            assert spec.context is None or spec.context.pattern == spec.context_source
        matcher = load_locale(code).currency_after_re
        for source in list(matcher.by_char.values()) + list(matcher.by_pair.values()):
            _compiled(source)


_BLOCK_BABEL = """
import sys
class _NoBabel:
    def find_spec(self, name, path=None, target=None):
        if name == "babel" or name.startswith("babel."):
            raise ImportError("babel is blocked in this test")
        return None
sys.meta_path.insert(0, _NoBabel())
"""

_CURRENCY_TEXTS = (
    ("ko", "수출액은 1,600만 달러, 투자는 3억 엔, 수입은 20만 유로와 5천 스위스 프랑, 2만 캐나다 달러였다."),
    ("en", "Exports were $16 million, 300 million yen, 200,000 euros, 5,000 Swiss francs and 20,000 Canadian dollars, "
           "plus 42 Malaysian ringgits and 9 Indian rupees."),
)


def test_bundled_locales_never_import_babel(tmp_path):
    """The generated CLDR file is the source of truth at run time: with babel unimportable,
    extraction and comparison in the bundled locales give exactly the claims of this process."""
    import subprocess

    import factcheck

    code = _BLOCK_BABEL + (
        "import json, factcheck\n"
        f"texts = {_CURRENCY_TEXTS!r}\n"
        "out = [[c.to_dict() for c in factcheck.extract(t, lang=lang)] for lang, t in texts]\n"
        "out.append(factcheck.check([t for _, t in texts]).to_dict())\n"
        "print(json.dumps(out, sort_keys=True))\n"
        "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    claims_json, imported = run.stdout.strip().splitlines()
    assert imported == "[]"
    here = [[c.to_dict() for c in factcheck.extract(t, lang=lang)] for lang, t in _CURRENCY_TEXTS]
    here.append(factcheck.check([t for _, t in _CURRENCY_TEXTS]).to_dict())
    assert json.loads(claims_json) == json.loads(json.dumps(here, sort_keys=True))
    currencies = {c["value"]["currency"] for claims in here[:2] for c in claims if c["kind"] == "money"}
    assert {"USD", "JPY", "EUR", "CHF", "CAD"} <= currencies
