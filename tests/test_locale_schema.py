"""The locale files have a schema, checked whenever one is read (factcheck.locale.files).

Every shipped file must validate; a planted error (a wrong type, an unknown key, a missing
required key, broken TOML) must raise LocaleError naming the file and the key.
"""

from __future__ import annotations

import copy
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import factcheck
from factcheck.errors import LocaleError
from factcheck.locale import files
from factcheck.locale.files import (
    check_locale_data,
    locale_codes,
    locale_file_exists,
    locale_file_problems,
    read_locale_file,
)
from factcheck.locale.loader import load_locale, locale_meta
from factcheck.locale.schema import render_path
from factcheck.rules.registry import default_registry

LOCALES = Path(factcheck.__file__).parent / "locales"

SHIPPED = [(folder, stem) for folder in ("", "dates", "names")
           for stem in ("common", *locale_codes(folder))]


def _name(folder: str, stem: str) -> tuple[str, ...]:
    return (folder, stem) if folder else (stem,)


def _parsed(folder: str, stem: str) -> dict[str, Any]:
    path = LOCALES / folder / f"{stem}.toml" if folder else LOCALES / f"{stem}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _error(name: tuple[str, ...], data: dict[str, Any]) -> LocaleError:
    with pytest.raises(LocaleError) as exc:
        check_locale_data(name, data)
    assert exc.value.reason == "bad-locale"
    return exc.value


# ----------------------------------------------------------------------------- the shipped files
def test_every_locale_folder_is_covered() -> None:
    assert {"en", "ko"} <= set(locale_codes())
    assert set(locale_codes("dates")) >= {"en", "ko"}
    assert set(locale_codes("names")) >= {"en", "ko"}
    on_disk = {p.relative_to(LOCALES).as_posix() for p in LOCALES.rglob("*.toml")}
    covered = {f"{folder}/{stem}.toml" if folder else f"{stem}.toml" for folder, stem in SHIPPED}
    assert on_disk == covered


@pytest.mark.parametrize(("folder", "stem"), SHIPPED, ids=[f"{f or 'main'}/{s}" for f, s in SHIPPED])
def test_shipped_locale_file_validates(folder: str, stem: str) -> None:
    name = _name(folder, stem)
    assert locale_file_problems(name, _parsed(folder, stem)) == []
    assert read_locale_file(name) == _parsed(folder, stem)
    assert locale_file_exists(name)


# ----------------------------------------------------------------------------- planted errors
def test_wrong_type_names_file_and_key() -> None:
    data = _parsed("", "ko")
    data["numbers"]["big_units"]["만"] = "x"
    err = _error(("ko",), data)
    assert str(err) == "factcheck/locales/ko.toml: [numbers] big_units.만: expected a number, got 'x'"
    assert err.path == "factcheck/locales/ko.toml"


@pytest.mark.parametrize(("table", "key", "value", "expected"), [
    ("numbers", "case_insensitive", "yes", "[numbers] case_insensitive: expected true or false, got 'yes'"),
    ("numbers", "min_word_number_chars", 2.5, "[numbers] min_word_number_chars: expected an integer of at least 0"),
    ("numbers", "space_inside", "sometimes", "[numbers] space_inside: expected one of 'anywhere', 'after-big-unit'"),
    ("numbers", "year_range", [1800], "[numbers] year_range: expected a list of 2 integers, got a list of 1"),
    ("numbers", "counters", "명", "[numbers] counters: expected a list of strings, got '명'"),
    ("locale", "kinds", [], "[locale] kinds: expected a non-empty list of non-empty strings, got a list of 0"),
    ("qualifiers", "min_after", ["이상", 3], "[qualifiers] min_after[1]: expected a string, got 3"),
])
def test_wrong_types(table: str, key: str, value: object, expected: str) -> None:
    data = _parsed("", "ko")
    data[table][key] = value
    assert str(_error(("ko",), data)).startswith(f"factcheck/locales/ko.toml: {expected}")


def test_bad_currency_code_and_regex() -> None:
    data = _parsed("", "en")
    data["currency"]["after"]["US dollars"] = "usd"
    assert "[currency] after.\"US dollars\": expected an ISO 4217 code" in str(_error(("en",), data))
    common = _parsed("", "common")
    common["blocked"]["patterns"].append("(unclosed")
    err = _error(("common",), common)
    assert str(err).startswith("factcheck/locales/common.toml: [blocked] patterns[")
    assert "not a valid regular expression" in str(err)


def test_unknown_key_is_reported_with_a_suggestion() -> None:
    data = _parsed("", "ko")
    data["numbers"]["grup_separator"] = ","
    err = _error(("ko",), data)
    assert str(err) == ("factcheck/locales/ko.toml: [numbers] grup_separator: unknown key "
                        "(did you mean 'group_separator'?)")


def test_unknown_table_is_reported() -> None:
    data = _parsed("", "en")
    data["qualifier"] = {"approx_before": ["about"]}
    assert str(_error(("en",), data)).startswith("factcheck/locales/en.toml: [qualifier]: unknown table or key "
                                                 "(did you mean [qualifiers]?)")


def test_unknown_key_in_an_array_of_tables() -> None:
    data = _parsed("", "en")
    data["examples"][2]["knd"] = "money"
    assert "[[examples]] #3 knd: unknown key (did you mean 'kind'?)" in str(_error(("en",), data))


@pytest.mark.parametrize(("path", "expected"), [
    (("locale",), "[locale]: required table missing"),
    (("locale", "kinds"), "[locale] kinds: required key missing"),
    (("examples", 0, "value"), "[[examples]] #1 value: required key missing"),
])
def test_missing_required_key(path: tuple[str | int, ...], expected: str) -> None:
    data = _parsed("", "ko")
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    assert str(_error(("ko",), data)) == f"factcheck/locales/ko.toml: {expected}"


def test_all_problems_are_counted() -> None:
    data = _parsed("", "ko")
    data["numbers"]["big_units"]["만"] = "x"
    data["numbers"]["grup_separator"] = ","
    del data["locale"]["name"]
    problems = locale_file_problems(("ko",), data)
    assert len(problems) == 3
    assert str(_error(("ko",), data)).endswith("(and 2 more problems)")


def test_code_must_match_the_file() -> None:
    data = _parsed("", "ko")
    data["locale"]["code"] = "kr"
    assert str(_error(("ko",), data)) == ("factcheck/locales/ko.toml: [locale] code: 'kr' is not the code of "
                                          "the file ('ko')")


@pytest.mark.parametrize(("name", "mutate", "expected"), [
    (("dates", "ko"), lambda d: d["dates"].__setitem__("head_lines", 20),
     "factcheck/locales/dates/ko.toml: [dates] head_lines: unknown key (did you mean 'header_lines'?)"),
    (("dates", "en"), lambda d: d["atom"][0].__setitem__("weak", "yes"),
     "factcheck/locales/dates/en.toml: [[atom]] #1 weak: expected true or false, got 'yes'"),
    (("dates", "common"), lambda d: d["atom"][0].pop("pattern"),
     "factcheck/locales/dates/common.toml: [[atom]] #1 pattern: required key missing"),
    (("names", "ko"), lambda d: d["org"].__setitem__("min_stem", "2"),
     "factcheck/locales/names/ko.toml: [org] min_stem: expected an integer of at least 0, got '2'"),
    (("names", "en"), lambda d: d.__setitem__("surname", {}),
     "factcheck/locales/names/en.toml: [surname]: unknown table or key (did you mean [surnames]?)"),
    (("names", "common"), lambda d: d["fold"]["rules"].append(["x"]),
     "factcheck/locales/names/common.toml: [fold] rules["),
])
def test_dates_and_names_files_are_checked(name: tuple[str, str], mutate: Any, expected: str) -> None:
    data = copy.deepcopy(_parsed(*name))
    mutate(data)
    assert str(_error(name, data)).startswith(expected)


# ----------------------------------------------------------------------------- reading files
@pytest.fixture
def planted(tmp_path: Path) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(LOCALES, root)
    return root


def test_reader_names_the_file_it_read(planted: Path) -> None:
    path = planted / "dates" / "ko.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nheader_lines =", "\nheader_line =", 1), encoding="utf-8")
    with pytest.raises(LocaleError) as exc:
        read_locale_file(("dates", "ko"), root=planted)
    assert str(exc.value).startswith(f"{planted}/dates/ko.toml: [dates] header_line: unknown key")
    assert exc.value.path == f"{planted}/dates/ko.toml"


def test_broken_toml_names_the_file(planted: Path) -> None:
    (planted / "en.toml").write_text("[locale\ncode = 'en'\n", encoding="utf-8")
    with pytest.raises(LocaleError) as exc:
        read_locale_file("en", root=planted)
    assert exc.value.reason == "bad-locale"
    assert str(exc.value).startswith(f"{planted}/en.toml: not valid TOML")


def test_missing_files() -> None:
    with pytest.raises(LocaleError) as exc:
        read_locale_file("xx")
    assert exc.value.reason == "unsupported-language"
    assert "factcheck/locales/xx.toml" in str(exc.value)
    with pytest.raises(LocaleError) as exc:
        read_locale_file(("dates", "xx"))
    assert exc.value.reason == "unsupported-kind"
    assert "factcheck/locales/dates/xx.toml" in str(exc.value)
    assert read_locale_file(("names", "xx"), missing_ok=True) is None
    assert not locale_file_exists(("dates", "xx"))


@pytest.mark.parametrize("name", ["../ko", "KO", "", ("dates",  "../../x"), ("data", "ko"), ("a", "b", "c")])
def test_names_that_are_no_locale_file(name: Any) -> None:
    with pytest.raises(LocaleError):
        read_locale_file(name)


@pytest.fixture
def reload_caches() -> Iterator[None]:
    def clear() -> None:
        load_locale.cache_clear()
        locale_meta.cache_clear()
        default_registry.cache_clear()

    clear()
    yield
    clear()


def test_loading_a_language_checks_its_file(planted: Path, monkeypatch: pytest.MonkeyPatch,
                                            reload_caches: None) -> None:
    """load_locale reads through the validated reader: a typo in ko.toml stops it, naming the key."""
    path = planted / "ko.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("approx_infix =", "aprox_infix =", 1),
                    encoding="utf-8")
    real_root = files._root
    monkeypatch.setattr(files, "_root", lambda root: real_root(planted if root is None else root))
    with pytest.raises(LocaleError) as exc:
        factcheck.extract("1,600만불", lang="ko")
    assert "[numbers] aprox_infix: unknown key (did you mean 'approx_infix'?)" in str(exc.value)
    assert load_locale("en").code == "en"  # the other files still load


@pytest.mark.parametrize(("path", "text"), [
    (("numbers", "big_units", "만"), "[numbers] big_units.만"),
    (("currency", "after", "US dollars"), '[currency] after."US dollars"'),
    (("examples", 0, "value", "amount"), "[[examples]] #1 value.amount"),
    (("blocked", "patterns", 3), "[blocked] patterns[3]"),
    (("units", "km/h"), "[units] km/h"),
    (("units", "a.b"), '[units] "a.b"'),
])
def test_render_path(path: tuple[str | int, ...], text: str) -> None:
    assert render_path(path) == text
