"""Properties that hold for every input (hypothesis).

- Render a random amount the way Korean or English writers do (1억 6,000만 원, 천육백만 원,
  1.6억 원, $16.5 million, 16,500,000 dollars, USD 2.5bn ...) and it parses back to the same
  amount and currency.
- ``extract`` never raises on any text, its offsets always slice the claim's text, claims come
  sorted and never overlap, and the same input always gives the same output.
"""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ----------------------------------------------------------------------------- renderers
SINO = "영일이삼사오육칠팔구"
MYRIADS = ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, ""))


def sino_group(g: int) -> str:
    """1..9999 in Sino-Korean words, the way they are written: 천육백, not 일천육백."""
    out = []
    for place, unit in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
        d = g // place % 10
        if d:
            out.append(unit if (unit and d == 1) else SINO[d] + unit)
    return "".join(out)


def ko_myriad(n: int, style: str, sep: str) -> str:
    """n split into 조/억/만 groups; each group as grouped digits (1,600만) or words (천육백만)."""
    parts = []
    for size, unit in MYRIADS:
        g = n // size % 10000
        if not g:
            continue
        if style == "digits":
            body = f"{g:,}"
        else:
            body = "일" if (g == 1 and unit) else sino_group(g)
        parts.append(body + unit)
    return sep.join(parts)


def en_words(k: int) -> str:
    """1..999 in English words: 'two hundred and five', 'twenty-three'."""
    ones = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
           "fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    h, rest = divmod(k, 100)
    out = []
    if h:
        out.append(f"{ones[h]} hundred")
    if rest:
        if rest < 20:
            low = ones[rest]
        else:
            low = tens[rest // 10] + (f"-{ones[rest % 10]}" if rest % 10 else "")
        out.append(("and " if h else "") + low)
    return " ".join(out)


def dec_text(mantissa: int, places: int, grouping: bool = False) -> str:
    d = Decimal(mantissa).scaleb(-places)
    return format(d, ",f" if grouping else "f")


# amounts with realistic trailing zeros, and fully random ones
round_amounts = st.builds(lambda m, z: m * 10**z, st.integers(1, 99_999), st.integers(0, 11))
any_amounts = st.integers(1, 10**16 - 1)
amounts = st.one_of(round_amounts, any_amounts)

KO_SUFFIX = [(" 원", "KRW"), ("원", "KRW"), (" 달러", "USD"), ("달러", "USD"), ("불", "USD"),
             (" 유로", "EUR"), ("엔", "JPY"), (" 위안", "CNY")]
KO_CONTEXT = [("{}", ""), ("계약 규모는 {}이다.", ""), ("올해 예산 {}을 집행한다", ""), ("({})", "")]


@st.composite
def korean_money(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    form = draw(st.sampled_from(["myriad-digits", "myriad-words", "decimal", "grouped", "won-sign", "mihwa"]))
    suffix, code = draw(st.sampled_from(KO_SUFFIX))
    if form in ("myriad-digits", "myriad-words"):
        n = draw(amounts.filter(lambda v: v >= 10))
        style = "digits" if form == "myriad-digits" else "words"
        body = ko_myriad(n, style, draw(st.sampled_from(["", " "])) if style == "words" else " ")
        amount = Decimal(n)
        if body[-1] in SINO:  # "천만 일원" reads as 천만 + 일원 (a member): writers space it
            suffix = " " + suffix.lstrip()
    elif form == "decimal":  # 1.6억, 2,350.5만
        mantissa, places = draw(st.integers(1, 99_999)), draw(st.integers(0, 2))
        size, unit = draw(st.sampled_from(MYRIADS[:3]))
        body = dec_text(mantissa, places, grouping=draw(st.booleans())) + unit
        amount = Decimal(mantissa).scaleb(-places) * size
    elif form == "grouped":
        n = draw(amounts)
        body = f"{n:,}" if draw(st.booleans()) else str(n)
        amount = Decimal(n)
    elif form == "won-sign":
        n = draw(amounts)
        return f"₩{n:,}", Decimal(n), "KRW"
    else:  # 미화 1,600만 달러: an explicit code, not an assumed one
        n = draw(amounts.filter(lambda v: v >= 10))
        return f"미화 {ko_myriad(n, 'digits', ' ')} 달러", Decimal(n), "USD"
    return body + suffix, amount, code


EN_SCALES = [(10**3, "thousand"), (10**6, "million"), (10**9, "billion"), (10**12, "trillion")]
EN_ABBR = [(10**6, "bn", 10**9), (10**6, "mn", 10**6)]


@st.composite
def english_money(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    form = draw(st.sampled_from(["sign-scale", "digits-word", "code-abbr", "code-scale", "words", "sign-k"]))
    mantissa, places = draw(st.integers(1, 99_999)), draw(st.integers(0, 2))
    number = dec_text(mantissa, places, grouping=True)
    value = Decimal(mantissa).scaleb(-places)
    if form == "sign-scale":  # $16.5 million, €3.25 billion, £4 thousand
        sign, code = draw(st.sampled_from([("$", "USD"), ("US$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW")]))
        size, word = draw(st.sampled_from(EN_SCALES))
        return f"{sign}{number} {word}", value * size, code
    if form == "digits-word":  # 16,500,000 dollars, 3.3 billion won
        n = draw(amounts)
        word, code = draw(st.sampled_from([("dollars", "USD"), ("US dollars", "USD"), ("euros", "EUR"),
                                           ("won", "KRW"), ("yen", "JPY"), ("USD", "USD")]))
        if draw(st.booleans()):
            size, scale = draw(st.sampled_from(EN_SCALES[1:]))
            return f"{number} {scale} {word}", value * size, code
        return f"{n:,} {word}", Decimal(n), code
    if form == "code-abbr":  # USD 2.5bn, EUR 16mn
        iso = draw(st.sampled_from(["USD", "EUR", "KRW", "GBP", "JPY"]))
        abbr, size = draw(st.sampled_from([("bn", 10**9), ("mn", 10**6), ("tn", 10**12)]))
        space = draw(st.sampled_from(["", " "]))
        return f"{iso}{space}{number}{abbr}", value * size, iso
    if form == "code-scale":  # KRW 20.8 billion
        iso = draw(st.sampled_from(["USD", "EUR", "KRW", "CAD"]))
        size, word = draw(st.sampled_from(EN_SCALES[1:]))
        return f"{iso} {number} {word}", value * size, iso
    if form == "words":  # twenty-three million dollars, two hundred and five thousand euros
        k = draw(st.integers(1, 999))
        size, word = draw(st.sampled_from(EN_SCALES))
        cur, code = draw(st.sampled_from([("dollars", "USD"), ("euros", "EUR"), ("won", "KRW")]))
        return f"{en_words(k)} {word} {cur}", Decimal(k * size), code
    # $54K, $16M
    abbr, size = draw(st.sampled_from([("K", 10**3), ("M", 10**6), ("B", 10**9)]))
    return f"${number}{abbr}", value * size, "USD"


EN_CONTEXT = ["{}", "The contract is worth {} in total.", "It raised {}, the firm said.", "({})"]


def _single_money(text: str, surface: str, lang: str) -> factcheck.Claim:
    claims = factcheck.extract(text, lang=lang)
    money = [c for c in claims if c.kind == "money"]
    assert len(money) == 1, [(c.kind, c.text) for c in claims]
    assert money[0].text == surface, (money[0].text, surface)
    return money[0]


@SETTINGS
@given(korean_money(), st.sampled_from(KO_CONTEXT))
@example(("1억 6,000만 원", Decimal(160_000_000), "KRW"), ("{}", ""))
@example(("천육백만불", Decimal(16_000_000), "USD"), ("{}", ""))
@example(("1.6억 원", Decimal(160_000_000), "KRW"), ("{}", ""))
def test_korean_money_round_trip(case: tuple[str, Decimal, str], context: tuple[str, str]) -> None:
    surface, amount, code = case
    claim = _single_money(context[0].format(surface), surface, "ko")
    assert Decimal(claim.value.amount) == amount
    assert claim.value.currency == code


@SETTINGS
@given(english_money(), st.sampled_from(EN_CONTEXT))
@example(("$16.5 million", Decimal(16_500_000), "USD"), "{}")
@example(("16,500,000 dollars", Decimal(16_500_000), "USD"), "{}")
@example(("USD 2.5bn", Decimal(2_500_000_000), "USD"), "{}")
def test_english_money_round_trip(case: tuple[str, Decimal, str], context: str) -> None:
    surface, amount, code = case
    claim = _single_money(context.format(surface), surface, "en")
    assert Decimal(claim.value.amount) == amount
    assert claim.value.currency == code


# ----------------------------------------------------------------------------- any text
# Pieces that drive the number scanner and the rules into their corners.
PIECES = [
    "0", "1", "16", "1,600", "2,350", "12,000", "1.6", "0.5", ".", ",", "-", "~", "–", " ", " ", "\n", "\t",
    "만", "억", "조", "천", "백", "십", "일", "이", "삼", "사", "오", "육", "구", "점", "여", "마이너스",
    "원", "달러", "불", "미화", "₩", "$", "US$", "€", "USD", "KRW", "%", "%p", "퍼센트", "포인트",
    "km", "평", "톤", "제곱미터", "명", "대", "년", "월", "번째", "제", "약", "이상", "이하", "가량", "에서", "부터",
    "까지", "로", "a", "one", "twenty", "hundred", "thousand", "million", "bn", "m", "K", "and", "to",
    "between", "about", "over", "up to", "dollars", "won", "percent", "percentage points", "kilometers",
    "from", "Expo ", "No.", "th", "2024", "044-215-7311", "2024/03/14", "10:30", "v1.2.3", "A", "é", "😀",
]
soup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), soup)
langs = st.sampled_from(["ko", "en", "auto"])


def _check_claims(text: str, claims: list[factcheck.Claim]) -> None:
    prev_end = 0
    prev_start = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), c
        assert text[c.start:c.end] == c.text, c
        assert c.start >= prev_end, f"overlap or disorder: {c}"
        assert c.start > prev_start
        prev_end, prev_start = c.end, c.start
        d = c.to_dict()
        json.dumps(d)  # the contract object serialises
        for key in ("amount", "value", "low", "high"):
            if key in d["value"]:
                s = d["value"][key]
                assert isinstance(s, str) and "E" not in s and "e" not in s, d
                Decimal(s)


@SETTINGS
@given(any_text, langs)
@example("", "auto")
@example("1억 6,000만 원에서 2억 원으로", "ko")
@example("between $10 and 12 million", "en")
def test_extract_never_raises_and_claims_are_well_formed(text: str, lang: str) -> None:
    claims = factcheck.extract(text, lang=lang)
    _check_claims(text, claims)


@SETTINGS
@given(any_text, langs)
def test_extract_is_deterministic(text: str, lang: str) -> None:
    first = [c.to_dict() for c in factcheck.extract(text, lang=lang)]
    second = [c.to_dict() for c in factcheck.extract(text, lang=lang)]
    assert first == second


@SETTINGS
@given(korean_money(), english_money(), st.sampled_from(["\n", ". ", " 그리고 "]))
def test_claims_are_independent_of_distant_text(ko: tuple[str, Decimal, str], en: tuple[str, Decimal, str],
                                                glue: str) -> None:
    """A Korean amount keeps its value when English text with its own amount follows it."""
    text = f"{ko[0]}{glue}{en[0]}"
    claims = factcheck.extract(text, lang="ko")
    _check_claims(text, claims)
    first = [c for c in claims if c.kind == "money"][0]
    assert first.start == 0 and Decimal(first.value.amount) == ko[1]
