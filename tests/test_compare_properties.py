"""Properties of the comparator: the order of the sources or of their claims does not change
the report; every claim is accounted for; comparing two values is symmetric."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Source
from factcheck.api import check_claims
from factcheck.compare import compare_values
from factcheck.values import DateValue, Money, Number, Percent, Quantity

KO_SENTENCES = [
    "회사는 {day}일 새 공장을 열었다.",
    "공장 직원은 {count}명이다.",
    "지난해 매출은 {money}만 달러였다.",
    "수출은 {pct}% 늘었다.",
    "부지 면적은 {area} 제곱미터이다.",
]
EN_SENTENCES = [
    "The company opened a new plant on the {day}th.",
    "The plant has {count} employees.",
    "Sales last year were {money_en} million USD.",
    "Exports rose {pct}%.",
    "The site covers {area} square meters.",
]

FACTS = st.fixed_dictionaries({
    "day": st.integers(4, 28),
    "count": st.integers(2, 5000),
    "money": st.integers(1, 900).map(lambda n: n * 100),
    "pct": st.integers(2, 95),
    "area": st.integers(100, 90000),
})


@st.composite
def documents(draw: st.DrawFn) -> list[Source]:
    ko_facts = draw(FACTS)
    en_facts = dict(ko_facts)
    for key in draw(st.lists(st.sampled_from(sorted(ko_facts)), max_size=2, unique=True)):
        en_facts[key] = draw(FACTS)[key]  # a slip in the translation
    keep = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    ko = "\n".join(s.format(**ko_facts) for s, k in zip(KO_SENTENCES, keep) if k or True)
    en_facts["money_en"] = f"{Decimal(en_facts['money']) / 100:g}"
    en = "\n".join(s.format(**en_facts) for s, k in zip(EN_SENTENCES, keep) if k)
    third = draw(st.booleans())
    srcs = [Source(ko, id="ko", lang="ko", published="2024-05-30"), Source(en or "Nothing.", id="en", lang="en",
                                                                           published="2024-05-30")]
    if third:
        srcs.append(Source(f"The firm employs {ko_facts['count']} people.", id="news", lang="en"))
    return srcs


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents(), st.randoms(use_true_random=False))
def test_source_order_does_not_change_the_report(srcs: list[Source], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(srcs)
    rnd.shuffle(shuffled)
    assert factcheck.check(shuffled).to_dict() == factcheck.check(srcs).to_dict()
    assert factcheck.check(shuffled, pivot="ko").to_dict() == factcheck.check(srcs, pivot="ko").to_dict()


@SETTINGS
@given(documents(), st.randoms(use_true_random=False))
def test_claim_order_does_not_change_the_report(srcs: list[Source], rnd) -> None:  # type: ignore[no-untyped-def]
    items = [(s, factcheck.extract(s.text, lang=s.lang, reference_date=s.published)) for s in srcs]
    shuffled = []
    for s, claims in items:
        claims = list(claims)
        rnd.shuffle(claims)
        shuffled.append((s, claims))
    rnd.shuffle(shuffled)
    assert check_claims(shuffled).to_dict() == check_claims(items).to_dict()


@SETTINGS
@given(documents())
def test_every_claim_is_accounted_for(srcs: list[Source]) -> None:
    report = factcheck.check(srcs)
    covered = {(c.source, c.claim.start, c.claim.end, c.claim.kind) for f in report.findings for c in f.claims}
    for s in srcs:
        for c in factcheck.extract(s.text, lang=s.lang, reference_date=s.published):
            assert (s.id, c.start, c.end, c.kind) in covered
    assert sum(report.summary.values()) == len(report.findings)


@SETTINGS
@given(documents())
def test_an_unchanged_translation_has_no_conflict(srcs: list[Source]) -> None:
    ko = srcs[0]
    report = factcheck.check([ko, Source(ko.text, id="copy", lang="ko", published=ko.published)])
    assert report.summary["conflict"] == 0 and report.summary["missing"] == 0


DECIMALS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2, allow_nan=False)
CURRENCIES = st.sampled_from(["USD", "KRW", "CAD", None])


@st.composite
def values(draw: st.DrawFn) -> object:
    kind = draw(st.sampled_from(["money", "number", "percent", "quantity", "date"]))
    x = draw(DECIMALS)
    approx = draw(st.booleans())
    if kind == "money":
        return Money(x, draw(CURRENCIES), currency_assumed=draw(st.booleans()), approx=approx)
    if kind == "number":
        bound = draw(st.sampled_from([None, "low", "high"]))
        return Number(x, approx=approx, **({bound: x} if bound else {}))
    if kind == "percent":
        return Percent(x, unit=draw(st.sampled_from(["percent", "percentage_point"])))
    if kind == "quantity":
        return Quantity(x, draw(st.sampled_from(["meter", "kilometer", "mile", "square_meter"])), approx=approx)
    day = draw(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2025, 12, 31)))
    if draw(st.booleans()):
        return DateValue(grain="day", start=day, end=day)
    return DateValue(grain="day", weekday=draw(st.sampled_from(["monday", "thursday", "friday"])))


@settings(max_examples=300, deadline=None)
@given(values(), values(), st.sampled_from(["", "15.7 million", "약 85억"]), st.sampled_from(["", "3.3"]))
def test_comparing_two_values_is_symmetric(a: object, b: object, ta: str, tb: str) -> None:
    ab = compare_values(a, b, a_text=ta, b_text=tb)  # type: ignore[arg-type]
    ba = compare_values(b, a, a_text=tb, b_text=ta)  # type: ignore[arg-type]
    assert (ab.outcome, ab.reason) == (ba.outcome, ba.reason)
