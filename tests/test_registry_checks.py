"""A registry checks its pairs when it is made: a kind without locale data, or a language
without a locale file, raises LocaleError at registration, not at every later extract."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.claims import Claim
from factcheck.errors import LocaleError
from factcheck.rules.registry import KIND_RULES, Registry, check_pair, default_registry
from factcheck.text.document import Document


def _nothing(doc: Document) -> list[Claim]:
    return []


def test_kind_not_listed_by_the_locale_raises_at_registration() -> None:
    with pytest.raises(LocaleError) as exc:
        default_registry().with_rule("en", "weather", _nothing)
    assert exc.value.reason == "unsupported-kind"
    message = str(exc.value)
    assert "'weather'" in message and "'en'" in message
    assert "factcheck/locales/en.toml" in message and "[locale] kinds" in message


@pytest.mark.parametrize("lang", ["de", "xx", "EN", "../ko", ""])
def test_language_without_locale_file_raises_at_registration(lang: str) -> None:
    with pytest.raises(LocaleError) as exc:
        default_registry().with_rule(lang, "money", _nothing)
    assert exc.value.reason == "unsupported-language"
    assert f"language {lang!r}" in str(exc.value)


@pytest.mark.parametrize("pairs", [
    [(("de", "money"), KIND_RULES["money"])],
    [(("ko", "money"), KIND_RULES["money"]), (("ko", "weather"), _nothing)],
])
def test_from_pairs_and_the_constructor_check_too(pairs: list[tuple[tuple[str, str], object]]) -> None:
    with pytest.raises(LocaleError):
        Registry.from_pairs(pairs)  # type: ignore[arg-type]
    with pytest.raises(LocaleError):
        Registry(dict(pairs))  # type: ignore[arg-type]


def test_non_string_pair_and_non_callable_rule() -> None:
    with pytest.raises(LocaleError):
        default_registry().with_rule(None, "money", _nothing)  # type: ignore[arg-type]
    with pytest.raises(LocaleError):
        check_pair("en", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        default_registry().with_rule("en", "money", "not a function")  # type: ignore[arg-type]


def test_valid_registrations_still_work() -> None:
    reg = default_registry().with_rule("ko", "money", _nothing)
    assert reg.get("ko", "money") is _nothing
    assert [c.kind for c in factcheck.extract("1,600만불", lang="ko", registry=reg)] == ["number"]
    assert Registry.from_pairs([]).languages() == ()
    for code in default_registry().languages():
        for kind in default_registry().kinds(code):
            check_pair(code, kind)


def test_rules_are_read_only_whatever_was_passed() -> None:
    table = {("en", "money"): _nothing}
    reg = Registry(table)  # type: ignore[arg-type]
    table[("en", "percent")] = _nothing
    assert ("en", "percent") not in reg.rules
    with pytest.raises(TypeError):
        reg.rules[("en", "number")] = _nothing  # type: ignore[index]
