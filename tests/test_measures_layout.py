"""The measure rules are a package of small modules, and what they know of a language comes
from its locale file: no Hangul word is written in their code."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path
from types import MappingProxyType

import pytest

import factcheck
from factcheck.locale.loader import load_locale
from factcheck.rules import measures
from factcheck.rules.measures import extract_money, extract_number, extract_percent, extract_quantity
from factcheck.rules.registry import KIND_RULES
from factcheck.text.document import Document

PACKAGE = Path(factcheck.__file__).parent
# a Hangul word: two letters or more (single letters bound script ranges: "\uac00" <= ch)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]{2}")
# the modules of the base: numbers, locale loading, the measure rules and the entry points
CHECKED = sorted(
    [*(PACKAGE / "rules" / "measures").glob("*.py"), *(PACKAGE / "text").glob("*.py"),
     *(PACKAGE / "locale").glob("*.py"), PACKAGE / "rules" / "registry.py", PACKAGE / "api.py"]
)


def test_public_rules_are_importable_from_the_package() -> None:
    assert measures.__all__ == ["extract_money", "extract_number", "extract_percent", "extract_quantity"]
    assert KIND_RULES["money"] is extract_money
    assert KIND_RULES["percent"] is extract_percent
    assert KIND_RULES["quantity"] is extract_quantity
    assert KIND_RULES["number"] is extract_number


def test_modules_are_small() -> None:
    for path in (PACKAGE / "rules" / "measures").glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 500, f"{path.name}: {lines} lines"


def _string_literals(tree: ast.AST) -> list[ast.Constant]:
    """String constants that are not docstrings."""
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [n for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


@pytest.mark.parametrize("path", CHECKED, ids=[p.relative_to(PACKAGE).as_posix() for p in CHECKED])
def test_no_hangul_words_in_code(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(n.lineno, n.value) for n in _string_literals(tree) if _HANGUL.search(n.value)]
    assert not found, f"{path.name}: language words in code (move them to a locale file): {found}"


def test_the_literal_scan_sees_words() -> None:
    tree = ast.parse('"""독스트링"""\nWORDS = ("넘는", "넘게")\n')
    assert [n.value for n in _string_literals(tree)] == ["넘는", "넘게"]


def _claims(loc: object, text: str) -> list[tuple[str, dict[str, object]]]:
    doc = Document(text, loc)  # type: ignore[arg-type]
    return [(c.text, c.value.to_dict()) for c in extract_money(doc) + extract_number(doc)]


def test_glued_qualifiers_come_from_the_locale() -> None:
    """넘는/넘게 count as bounds even when a syllable follows, because ko.toml lists them in
    ``[qualifiers] glued_after``; without that list they do not."""
    ko = load_locale("ko")
    assert set(ko.qualifiers["glued_after"]) == {"넘는", "넘게"}
    quals = dict(ko.qualifiers)
    del quals["glued_after"]
    bare = dataclasses.replace(ko, qualifiers=MappingProxyType(quals))
    text = "참가자가 10명 넘게끔 모였다"
    assert _claims(ko, text) == [("10명 넘게", {"value": "10", "low": "10", "counter": "명"})]
    assert _claims(bare, text) == [("10명", {"value": "10", "counter": "명"})]


def test_metre_words_come_from_the_locale() -> None:
    """"the 100m sprint" is metres, not 100 million, because en.toml lists "sprint" in
    ``[numbers.abbreviations] unit_followers``."""
    en = load_locale("en")
    assert "sprint" in en.abbrev_unit_followers
    assert not load_locale("ko").abbrev_unit_followers
    bare = dataclasses.replace(en, abbrev_unit_followers=frozenset())
    assert _claims(en, "He won the 100m sprint") == []
    assert _claims(bare, "He won the 100m sprint") == [("100m", {"value": "100000000"})]
    assert _claims(en, "16m people") == [("16m", {"value": "16000000"})]
