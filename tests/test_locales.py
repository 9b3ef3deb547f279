"""Locale files and the registry built from them.

Every ``[[examples]]`` entry of every locale file is a test: the text is extracted in that
language and its first claim must be of the given kind, span the whole text (or the entry's
``span``) and have the given value keys.
"""

from __future__ import annotations

import pytest

import factcheck
from factcheck.errors import LocaleError
from factcheck.locale import available_locales, load_locale
from factcheck.text.scripts import detect_language
from factcheck.rules.registry import KIND_RULES, Registry, default_registry

EXAMPLES = [
    pytest.param(code, ex, id=f"{code}-{i}-{ex['text'][:30]}")
    for code in available_locales()
    for i, ex in enumerate(load_locale(code).examples)
]


def test_every_locale_has_examples() -> None:
    assert set(available_locales()) >= {"ko", "en"}
    for code in available_locales():
        loc = load_locale(code)
        assert loc.examples, f"factcheck/locales/{code}.toml has no [[examples]]"
        kinds_seen = {ex["kind"] for ex in loc.examples}
        missing = set(loc.kinds) & set(KIND_RULES) - kinds_seen
        assert not missing, f"{code}: no [[examples]] entry for kinds {sorted(missing)}"


@pytest.mark.parametrize(("code", "example"), EXAMPLES)
def test_locale_example(code: str, example: dict) -> None:
    text = example["text"]
    claims = factcheck.extract(text, lang=code, reference_date=example.get("reference_date", "2023-07-20"))
    assert claims, f"{code}: no claim in {text!r}"
    first = claims[0]
    assert first.kind == example["kind"], f"{text!r}: {first.kind} {first.text!r}"
    assert first.text == example.get("span", text), f"{text!r}: claimed only {first.text!r}"
    got = first.value.to_dict()
    want = dict(example["value"])
    assert {k: got.get(k) for k in want} == want, f"{text!r}: {got}"


def test_locale_fields() -> None:
    for code in available_locales():
        loc = load_locale(code)
        assert loc.code == code
        assert loc.scripts, code
        assert loc.kinds, code
        assert load_locale(code) is loc  # built once


@pytest.mark.parametrize("lang", ["de", "xx", "EN", "english", "", "ko-KR-x-toolong!", "../ko"])
def test_unsupported_language_raises(lang: str) -> None:
    with pytest.raises(LocaleError) as exc:
        factcheck.extract("16 million dollars", lang=lang)
    assert "unsupported language" in str(exc.value)
    assert exc.value.reason == "unsupported-language"


@pytest.mark.parametrize("lang", [None, 3])
def test_non_string_language_raises(lang: object) -> None:
    with pytest.raises(LocaleError):
        factcheck.extract("16 million dollars", lang=lang)  # type: ignore[arg-type]


def test_unsupported_language_never_falls_back_to_english() -> None:
    with pytest.raises(LocaleError):
        load_locale("de")
    assert "de" not in default_registry().languages()


@pytest.mark.parametrize(("text", "lang"), [
    ("수출액이 2,350만불에 달했다", "ko"),
    ("The company won a $23.5 million deal", "en"),
    ("해담솔루션(Haedam)은 냉장 컨테이너를 만든다", "ko"),
    ("Haedam Solutions (해담) builds refrigerated containers", "en"),
])
def test_auto_detects_script(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    auto = factcheck.extract(text, lang="auto")
    assert [c.to_dict() for c in auto] == [c.to_dict() for c in factcheck.extract(text, lang=lang)]
    assert all(c.lang == lang for c in auto)


def test_auto_without_letters_picks_a_locale() -> None:
    assert detect_language("12,000 / 40 = 300") in available_locales()
    assert detect_language("") in available_locales()


# ----------------------------------------------------------------------------- registry
def test_registry_is_built_from_locale_kinds() -> None:
    reg = default_registry()
    assert reg.languages() == available_locales()
    for code in available_locales():
        assert set(reg.kinds(code)) == set(load_locale(code).kinds)
        for kind in reg.kinds(code):
            assert callable(reg.get(code, kind))
            assert reg.get(code, kind) is KIND_RULES[kind]


def test_registry_lists_pairs() -> None:
    reg = default_registry()
    pairs = set(reg.rules)
    assert {("ko", "money"), ("ko", "percent"), ("en", "money"), ("en", "quantity")} <= pairs
    # kinds come highest priority first: money claims win over the numbers inside them
    kinds = reg.kinds("ko")
    assert kinds.index("money") < kinds.index("number")


def test_registry_unknown_pairs_raise() -> None:
    reg = default_registry()
    with pytest.raises(LocaleError) as exc:
        reg.get("ko", "weather")
    assert exc.value.reason == "unsupported-kind"
    with pytest.raises(LocaleError):
        reg.get("de", "money")
    with pytest.raises(LocaleError) as exc:
        reg.kinds("de")
    assert "unsupported language 'de'" in str(exc.value)


def test_extract_with_unknown_kind_raises() -> None:
    with pytest.raises(LocaleError):
        factcheck.extract("18%", lang="en", kinds=("weather",))


def test_registry_is_immutable_and_extensible() -> None:
    reg = default_registry()
    with pytest.raises(TypeError):
        reg.rules[("ko", "weather")] = lambda doc: []  # type: ignore[index]

    def nothing(doc: object) -> list:
        return []

    custom = reg.with_rule("en", "money", nothing)
    assert custom.get("en", "money") is nothing
    assert reg.get("en", "money") is not nothing
    # with money silenced, the number rule still finds the figure
    assert [c.kind for c in factcheck.extract("$5 million", lang="en", registry=custom)] == ["number"]
    assert factcheck.extract("$5 million", lang="en", registry=reg)[0].kind == "money"
    empty = Registry.from_pairs([])
    with pytest.raises(LocaleError):
        factcheck.extract("$5 million", lang="en", registry=empty)
