"""Hardening (issue 7): hostile text never breaks extract or check, offsets always slice,
normalisation is idempotent, comparison is symmetric, reports are byte-identical across runs,
hash seeds and source order, and over-long input is refused with a clear error.

Timing lives in ``benchmarks/hostile_inputs.py`` (docs/hardening.md), never here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.compare import compare_values
from factcheck.errors import InputError
from factcheck.naming.resolve import name_key
from factcheck.naming.keys import tidy
from factcheck.render import render_json
from factcheck.values import dec_str, group_digits

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ----------------------------------------------------------------------------- hostile text
HOSTILE_PIECES = [
    # controls, zero-width, BOMs, bidi controls, odd spaces
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufffe", "\ufffd", "\u202e", "\u202d", "\u2066", "\u2069",
    "\u00a0", "\u3000", "\u2009",
    # emoji, combining marks, surrogates cannot appear in str from files but may from callers
    "😀", "👩‍👩‍👧", "🇰🇷", "1\u20e3", "e\u0301", "\ud800",
    # right-to-left and other scripts, full-width and other digits
    "עברית", "العربية", "٣٤٥", "۱۲", "१२३", "１２３", "億", "万", "円", "ﾊﾝｸﾞﾙ", "ㄱㄴ", "\u1100\u1161",
    # the vocabulary the rules look for
    "1", "16", "1,600", "1.6", ".", ",", "-", "~", "(", ")", "$", "₩", "%", "만", "억", "원", "달러", "약",
    "million", "about", "between", "and", "Monday", "월요일", "7월 20일", "2023년", "July 20, 2023",
    "Kim Jong-un", "이재용", "삼성전자", "Samsung", "Seoul", "서울", "said", "말했다", "km", " ", "\n", "\t",
]
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(HOSTILE_PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=4)), max_size=40).map("".join),
)
langs = st.sampled_from(["ko", "en", "auto"])
refs = st.one_of(st.none(), st.sampled_from(["2023-07-20", "0001-01-01", "9999-12-31", "2024-02-29"]))


def assert_well_formed(text: str, claims: list[factcheck.Claim]) -> None:
    prev_end = -1
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), c
        assert text[c.start:c.end] == c.text, c
        assert c.start >= prev_end, f"overlap or disorder: {c}"
        prev_end = c.end
        json.dumps(c.to_dict(), ensure_ascii=False)


@SETTINGS
@given(hostile_text, langs, refs)
@example("\ufeff1억 원\u200b", "auto", None)
@example("\u202e$16 million\u202c", "en", None)
@example("어제", "ko", "0001-01-01")
@example("3 days after December 31, 9999", "en", "9999-12-31")
@example("Easter next year", "en", "9999-12-31")
def test_extract_never_raises_on_hostile_text(text: str, lang: str, ref: str | None) -> None:
    claims = factcheck.extract(text, lang=lang, reference_date=ref)
    assert_well_formed(text, claims)
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in factcheck.extract(text, lang=lang, reference_date=ref)]


@SETTINGS
@given(hostile_text, hostile_text, refs)
@example("어제", "", "0001-01-01")  # found by benchmarks/fuzz.py: the day before 0001-01-01
@example("7" * 5000, "$16 million", None)  # int() refuses over 4,300 digits
def test_check_never_raises_on_hostile_text(a: str, b: str, ref: str | None) -> None:
    report = factcheck.check([factcheck.Source(a, id="a", published=ref), factcheck.Source(b, id="b", published=ref)])
    for f in report.findings:
        for sc in f.claims:
            text = a if sc.source == "a" else b
            assert text[sc.claim.start:sc.claim.end] == sc.claim.text
    for fmt in ("text", "json", "markdown", "sarif", "junit", "html"):
        from factcheck.render import render

        render(report, fmt, sources=[factcheck.Source(a, id="a"), factcheck.Source(b, id="b")])


@pytest.mark.parametrize("text", [
    "\ufeff" * 50, "\u200b" * 1000, "😀" * 1000, "\u202e" * 500, "\x00" * 1000, "\n" * 5000,
    "x" * 50_000,  # one very long line without a claim
    ("1억 원 " * 2000).strip(),  # one long line full of claims
    "가" * 20_000 + "1억 원",
])
def test_very_long_and_degenerate_lines(text: str) -> None:
    for lang in ("ko", "en", "auto"):
        assert_well_formed(text, factcheck.extract(text, lang=lang))


#: the hostile strings of issue 7, at their full size (benchmarks/hostile_inputs.py times them)
HOSTILE_STRINGS = {
    "20,000 digits": "7" * 20_000,
    '"1," x10,000': "1," * 10_000,
    '"1억" x5,000': "1억" * 5_000,
    '"(" x10,000': "(" * 10_000,
    '"$" x10,000': "$" * 10_000,
    "weekday names": "Monday 월요일 " * 2_000,
    "one name": "Kim Jong-un " * 3_000,
    "Hangul numerals": "일이삼사오육칠팔구십백천만억조" * 500,
}


@pytest.mark.parametrize("name", list(HOSTILE_STRINGS))
def test_hostile_strings_are_answered(name: str) -> None:
    text = HOSTILE_STRINGS[name]
    assert_well_formed(text, factcheck.extract(text, lang="auto"))
    report = factcheck.check([factcheck.Source(text, id="x"), factcheck.Source("$16 million on July 20", id="y")])
    render_json(report)


def test_a_huge_figure_is_shown_grouped() -> None:
    """A figure of 20,000 digits used to crash the report (``int()`` refuses > 4,300 digits)."""
    report = factcheck.check(["7" * 20_000, "7" * 20_000])
    assert report.summary["match"] == 1
    assert group_digits("1234567") == "1,234,567"
    assert group_digits("7" * 5000).count(",") == 1666


# ----------------------------------------------------------------------------- size limit
def test_extract_refuses_text_over_max_chars() -> None:
    with pytest.raises(InputError) as exc:
        factcheck.extract("1" * 101, max_chars=100)
    assert exc.value.reason == "too-large"
    assert "101" in str(exc.value) and "100" in str(exc.value)
    assert factcheck.extract("1" * 100, max_chars=100)
    assert factcheck.extract("1" * 101, max_chars=None)


def test_default_limit_is_generous() -> None:
    from factcheck.api import DEFAULT_MAX_CHARS

    assert DEFAULT_MAX_CHARS >= 5_000_000
    with pytest.raises(InputError):
        factcheck.extract(" " * (DEFAULT_MAX_CHARS + 1))


def test_check_refuses_a_source_over_max_chars_and_names_it() -> None:
    with pytest.raises(InputError) as exc:
        factcheck.check([factcheck.Source("1" * 50, id="big", path="big.txt"), "1"], max_chars=10)
    assert exc.value.reason == "too-large" and exc.value.path == "big.txt"
    assert "'big'" in str(exc.value)
    assert factcheck.check(["1" * 50, "1"], max_chars=None)


# ----------------------------------------------------------------------------- idempotence
@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None)
       .filter(lambda d: abs(d.adjusted()) < 60))
def test_decimal_rendering_round_trips(d: Decimal) -> None:
    s = dec_str(d)
    assert "E" not in s and "e" not in s
    assert Decimal(s) == d
    assert dec_str(Decimal(s)) == s


@SETTINGS
@given(st.integers(min_value=0, max_value=10**40))
def test_group_digits_matches_python(n: int) -> None:
    assert group_digits(str(n)) == f"{n:,}"


name_text = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCKLMSYZ-.,'김이박최정삼성전자서울재용")
                                             + ["\u200b", "\ufeff", "\u3000", "\t", "\n"]), max_size=25)


@SETTINGS
@given(name_text, st.sampled_from(["person", "org", "place"]))
def test_name_normalisation_is_idempotent(surface: str, kind: str) -> None:
    """The tidied surface (what a Name claim shows) keys like the raw one, and tidying twice is
    tidying once. (The key itself is not a surface: ``fold`` is not meant to be re-applied.)"""
    assert tidy(tidy(surface)) == tidy(surface)
    assert name_key(tidy(surface), kind) == name_key(surface, kind)


@SETTINGS
@given(hostile_text, langs)
def test_name_claims_key_their_shown_name(text: str, lang: str) -> None:
    for c in factcheck.extract(text, lang=lang):
        if c.kind in ("person", "org", "place"):
            assert tidy(c.value.name) == c.value.name


# ----------------------------------------------------------------------------- symmetry
@SETTINGS
@given(hostile_text, hostile_text, langs)
def test_comparing_extracted_values_is_symmetric(a: str, b: str, lang: str) -> None:
    ca, cb = factcheck.extract(a, lang=lang), factcheck.extract(b, lang=lang)
    for x in ca[:6]:
        for y in cb[:6]:
            r1 = compare_values(x.value, y.value, a_text=x.text, b_text=y.text)
            r2 = compare_values(y.value, x.value, a_text=y.text, b_text=x.text)
            # the verdict is symmetric; the note names the two values in the order given
            assert (r1.outcome, r1.reason) == (r2.outcome, r2.reason), (x, y)


# ----------------------------------------------------------------------------- determinism
DOCS = [
    factcheck.Source("삼성전자는 2023년 7월 20일 1,600만불 규모의 수출계약을 맺었다고 이재용 회장이 말했다. "
                     "직원 1,200명, 점유율 35%, 거리 12km, 지난주 월요일.", id="ko", lang="ko", published="2023-07-20"),
    factcheck.Source("Samsung Electronics signed a $16 million export deal on July 20, 2023, chairman Lee Jae-yong "
                     "said. 1,300 employees, a 35% share, 12 km, last Monday.", id="en", lang="en",
                     published="2023-07-20"),
    factcheck.Source("Samsung's deal: about $17 million. 3.5% growth in Seoul on Friday.", id="news", lang="en"),
]


def _json(sources: list[factcheck.Source]) -> str:
    return render_json(factcheck.check(sources))


def test_report_is_byte_identical_across_runs_and_source_orders() -> None:
    import itertools

    first = _json(DOCS)
    assert '"conflict"' in first
    for perm in itertools.permutations(DOCS):
        assert _json(list(perm)) == first


_SEED_SCRIPT = """
import sys, factcheck
sys.path.insert(0, {tests!r})
from test_hardening import DOCS, _json
sys.stdout.write(_json(DOCS[::-1] if sys.argv[1] == "rev" else DOCS))
"""


def test_report_is_byte_identical_across_hash_seeds() -> None:
    script = _SEED_SCRIPT.format(tests=os.path.dirname(os.path.abspath(__file__)))
    outs = set()
    for seed, order in (("0", "fwd"), ("1", "rev"), ("12345", "fwd"), ("random", "rev")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, order], env=env, capture_output=True, timeout=120)
        assert out.returncode == 0, out.stderr.decode()
        outs.add(out.stdout)
    assert len(outs) == 1
    assert outs.pop().decode("utf-8") == _json(DOCS)
