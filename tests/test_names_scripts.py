"""Names in any letters: the English scanner reads capitals and diacritics of all of Latin
script, script membership comes from the locales' scripts (issue 14), and the name code holds
no language's letters."""

from __future__ import annotations

import ast
import pathlib
import re
import unicodedata

import pytest

import factcheck
from factcheck.locale import script_of
from factcheck.naming.scripts import has_letter, letter_class

PACKAGE = pathlib.Path(factcheck.__file__).resolve().parent


def _people(text: str) -> list[str]:
    return [c.value.name for c in factcheck.extract(text, "en") if c.kind == "person"]


# ----------------------------------------------------------------------------- the English scanner
@pytest.mark.parametrize(("text", "name"), [
    ("CEO Jürgen Öztürk said the plan would work.", "Jürgen Öztürk"),
    ("President Émile Zola said so.", "Émile Zola"),
    ("Minister Łukasz Żak visited Seoul.", "Łukasz Żak"),
    ("Director Zoë O'Connor-Dubois said so.", "Zoë O'Connor-Dubois"),
    ("Chairman Jean-Pierre Lévêque resigned.", "Jean-Pierre Lévêque"),
    ("Ambassador Ærling Øberg arrived.", "Ærling Øberg"),
])
def test_names_with_non_ascii_capitals_and_diacritics_are_whole(text: str, name: str) -> None:
    assert _people(text) == [name]


def test_accented_name_keys_survive_extraction() -> None:
    claims = [c for c in factcheck.extract("CEO Jürgen Öztürk said it.", "en") if c.kind == "person"]
    assert [(c.text, c.value.key, c.title) for c in claims] == [("Jürgen Öztürk", "jurgen|ozturk", "CEO")]


def test_an_accented_word_is_not_cut_into_a_korean_style_name() -> None:
    # before: "Janelle Mon" (Mon is a Korean surname spelling, the scan stopped at á)
    assert _people("Janet Jackson and Janelle Monáe are performing.") == []


def test_ascii_names_are_read_as_before() -> None:
    assert _people("Administrator Kim Yoon-sang visited Anyang.") == ["Kim Yoon-sang"]
    assert _people("Minister Jane Doe said it.") == ["Jane Doe"]


# ----------------------------------------------------------------------------- script letters
def test_letter_classes_follow_script_of() -> None:
    latin, upper, hangul = (re.compile(f"[{letter_class(['Latin'])}]"),
                            re.compile(f"[{letter_class(['Latin'], upper=True)}]"),
                            re.compile(f"[{letter_class(['Hangul'])}]"))
    for ch in "AzÉéŁłŻżßØ":
        assert latin.fullmatch(ch), ch
    for ch in "ÉŁŻØA":
        assert upper.fullmatch(ch), ch
    for ch in "éłz1-'가":
        assert not upper.fullmatch(ch), ch
    assert hangul.fullmatch("가") and hangul.fullmatch("힣") and not hangul.fullmatch("A")
    # compatibility forms are no name letters: ㆍ separates words (청소년ㆍ체육부), Ａ is full-width
    assert not hangul.fullmatch("ㆍ") and not latin.fullmatch("Ａ")
    assert has_letter("Kim 윤상", ["Hangul"]) and not has_letter("Kim", ["Hangul"])


def test_every_letter_has_the_script_script_of_gives() -> None:
    scripts = ("Latin", "Hangul", "Greek", "Cyrillic", "Cjk")
    classes = {s: re.compile(f"[{letter_class([s])}]") for s in scripts}
    for cp in range(0x40000):
        ch = chr(cp)
        if not ch.isalpha() or unicodedata.normalize("NFKC", ch) != ch:
            continue
        script = script_of(ch)
        for s, pattern in classes.items():
            assert (pattern.fullmatch(ch) is not None) == (s == script), (hex(cp), script, s)


def test_a_middle_dot_jamo_still_separates_korean_words() -> None:
    orgs = [c.value.name for c in factcheck.extract("이 권한을 청소년ㆍ체육부로 이관했다.", "ko") if c.kind == "org"]
    assert orgs == ["체육부"]


# ----------------------------------------------------------------------------- no language in code
NAME_CODE = sorted([*(PACKAGE / "naming").glob("*.py"), *(PACKAGE / "rules" / "names").glob("*.py")])


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


@pytest.mark.parametrize("path", NAME_CODE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_name_code_has_no_hangul_or_script_ranges(path: pathlib.Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            text = node.value
            assert not any(script_of(ch) == "Hangul" for ch in text), (path.name, node.lineno, text)
            assert not re.search(r"A-Z|a-z", text), (path.name, node.lineno, text)


def test_the_name_code_is_found() -> None:
    names = {p.name for p in NAME_CODE}
    assert {"hangul.py", "keys.py", "glued.py", "chunks.py", "vocab.py"} <= names


def test_the_stored_letter_table_is_the_one_built_now() -> None:
    """factcheck/data/letters.json (read instead of a pass over the Unicode database) is what
    build_letter_table makes with this Python's Unicode version (else it is not read at all)."""
    from factcheck.naming import scripts

    stored = scripts._stored_table()
    if stored is None:
        pytest.skip(f"letters.json was made with another Unicode version than {unicodedata.unidata_version}")
    assert stored == scripts.build_letter_table(), "run scripts/gen_letters.py"
