"""Every changed fact is a conflict (issue 15): the miss classes the planting harness found
(benchmarks/plant.py), each as aligned segments (``check_segments``) and as aligned documents
(``check``); messages that name both values and the reason. Every text here is invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import Source, check, check_segments
from factcheck.api import check_claims
from factcheck.claims import Claim
from factcheck.compare import compare_values
from factcheck.naming.glossary import parse_glossary
from factcheck.values import DateValue, Money, Number, Percent

PUBLISHED = "2024-05-09"  # a Thursday


def _segments(ko: str, en: str) -> factcheck.Report:
    return check_segments([("1", [Source(ko, id="ko", lang="ko"), Source(en, id="en", lang="en")])])


def _documents(ko: str, en: str, published: str | None = PUBLISHED) -> factcheck.Report:
    """Two documents: the sentence under test between two sentences that align them."""
    head_ko, head_en = "한빛물산은 서울에서 신제품을 공개했다.\n", "Hanbit Trading unveiled new products in Seoul.\n"
    tail_ko, tail_en = "회사 직원은 420명이다.\n", "The company has 420 employees.\n"
    return check([Source(head_ko + ko + "\n" + tail_ko, id="ko", lang="ko", published=published),
                  Source(head_en + en + "\n" + tail_en, id="en", lang="en", published=published)])


BOTH = pytest.mark.parametrize("run", [_segments, _documents], ids=["segments", "documents"])


def _by(report: factcheck.Report, verdict: str) -> list[factcheck.Finding]:
    return [f for f in report.findings if f.verdict == verdict]


def _holding(report: factcheck.Report, source: str, text: str) -> factcheck.Finding:
    """The finding that holds the claim of ``source`` written ``text``."""
    (f,) = [f for f in report.findings if any(c.source == source and c.claim.text == text for c in f.claims)]
    return f


def _one_line_naming(f: factcheck.Finding, *values: str) -> None:
    assert "\n" not in f.message
    for v in values:
        assert v in f.message, (v, f.message)


# --------------------------------------------------------------------------- a changed value is one conflict
@BOTH
def test_a_changed_figure_is_one_conflict_not_two_missing(run) -> None:  # type: ignore[no-untyped-def]
    report = run("지난해 매출은 3,270만 달러였다.", "Sales last year were 32.9 million USD.")
    (f,) = _by(report, "conflict")
    assert f.kind == "money" and {c.source for c in f.claims} == {"ko", "en"}
    assert not [g for g in _by(report, "missing") if g.kind == "money"]
    _one_line_naming(f, "32,700,000 USD", "32,900,000 USD", "the figures differ")


@BOTH
def test_a_changed_single_digit_is_a_conflict_even_zero(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("피해자 중 0명은 관광객이었다.", "Of the victims, 5 were tourists."), "ko", "0명")
    assert f.verdict == "conflict" and f.reason == "different-value"


@BOTH
def test_a_changed_scale_word_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("피해액은 5억 달러로 추정된다.", "The damage is estimated at $5 billion."), "en", "$5 billion")
    assert f.verdict == "conflict" and {c.source for c in f.claims} == {"ko", "en"}
    _one_line_naming(f, "500,000,000 USD", "5,000,000,000 USD")


@BOTH
def test_a_changed_weekday_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    report = run("회사는 목요일 공장을 열었다.", "The company opened the plant on Wednesday.")
    f = _holding(report, "en", "Wednesday")
    assert f.verdict == "conflict" and f.kind == "date" and {c.source for c in f.claims} == {"ko", "en"}


@BOTH
def test_a_changed_approximate_month_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    report = run("공장은 7월께 문을 연다.", "The plant will open around June.")
    f = _holding(report, "en", "around June")
    assert f.verdict == "conflict" and {c.source for c in f.claims} == {"ko", "en"}


@BOTH
def test_unlike_figures_in_one_place_are_one_uncertain_finding(run) -> None:  # type: ignore[no-untyped-def]
    # two figures too unlike to be one figure written wrong: not a conflict, but not two
    # unrelated facts either; the message says both and why
    report = run("직원 14명이 참석했다.", "Some 300 staff attended.")
    assert not _by(report, "conflict")
    (f,) = _by(report, "uncertain")
    assert f.reason == "same-place" and {c.source for c in f.claims} == {"ko", "en"}
    _one_line_naming(f, "'14명' (ko)", "300", "too unlike")


def test_a_small_number_written_as_a_word_is_weak_evidence() -> None:
    f = _holding(_segments("4명이 다쳤다.", "Five people were hurt."), "en", "Five")
    assert f.verdict == "uncertain" and "written as a word" in f.message


def test_one_of_several_as_alike_is_reported_with_all_of_them() -> None:
    # "three" is as like 1개 as 8개: the finding holds all three, uncertain
    report = _segments("지하철 노선 2개와 공항 철도 1개 등 총 8개 노선이 개통됐다.",
                       "Two subway lines and an airport rail link opened; all three lines run daily.")
    f = _holding(report, "ko", "8개")
    assert f.verdict == "uncertain" and {c.claim.text for c in f.claims} >= {"three", "1개", "8개"}
    assert "or" in f.message


# --------------------------------------------------------------------------- ranges compared strictly
@BOTH
def test_two_ranges_differ_when_one_end_differs(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("혜택은 6~22개월 동안 제공된다.", "The benefits run for 6 to 12 months."), "en", "6 to 12")
    assert f.verdict == "conflict" and f.reason == "different-range"
    _one_line_naming(f, "6-22", "6-12", "the ranges differ")


def test_a_value_against_a_range_inside_at_an_end_outside() -> None:
    rng = Number(Decimal(6), low=Decimal(6), high=Decimal(12))
    inside = compare_values(rng, Number(Decimal(7)))
    assert inside.outcome == "uncertain" and inside.note == "7 lies inside 6-12, not at an end"
    edge = compare_values(rng, Number(Decimal(12)))
    assert edge.matches and edge.note == "12 is the upper end of 6-12"
    outside = compare_values(rng, Number(Decimal(13)))
    assert outside.outcome == "different" and outside.reason == "outside-range" and outside.note == "13 lies above 6-12"
    assert compare_values(rng, Number(Decimal(6), low=Decimal(6), high=Decimal(12))).outcome == "equal"


@BOTH
def test_a_value_outside_a_range_is_a_conflict_saying_so(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("혜택은 5개월 동안 제공된다.", "The benefits run for 6 to 12 months."), "ko", "5개월")
    assert f.verdict == "conflict" and f.reason == "outside-range"
    _one_line_naming(f, "5", "6-12", "outside the range", "5 lies below 6-12")


@BOTH
def test_a_value_inside_a_range_is_uncertain_saying_so(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("혜택은 7개월 동안 제공된다.", "The benefits run for 6 to 12 months."), "ko", "7개월")
    assert f.verdict == "uncertain" and f.reason == "inside-range"
    _one_line_naming(f, "'7개월' (ko)", "'6 to 12' (en)", "7 lies inside 6-12")


def test_a_range_written_as_two_figures_on_the_other_side() -> None:
    report = _segments("응답자의 20%가 15세와 16세 사이에 경험했다.", "20 percent said between the ages of 15 and 16.")
    f = _holding(report, "ko", "15세와 16세 사이")
    assert f.verdict == "match" and {c.claim.text for c in f.claims} == {"15세와 16세 사이", "15", "16"}
    changed = _segments("응답자의 20%가 13세와 16세 사이에 경험했다.", "20 percent said between the ages of 15 and 16.")
    assert _holding(changed, "ko", "13세와 16세 사이").verdict in ("conflict", "uncertain")


def test_a_score_changed_on_one_side() -> None:
    # "2-3" (read as a range) against 2대0: the other end differs
    f = _holding(_segments("맨체스터 시티는 2대0으로 이겼다.", "Manchester City won 2-3 on Saturday."), "en", "2-3")
    assert f.verdict in ("conflict", "uncertain") and any(c.source == "ko" and c.claim.text == "0" for c in f.claims)


def test_opposite_bounds_of_one_figure_are_uncertain() -> None:
    rel = compare_values(Number(Decimal(6), low=Decimal(6)), Number(Decimal(6), high=Decimal(6)))
    assert rel.outcome == "uncertain" and rel.reason == "opposite-bounds"


# --------------------------------------------------------------------------- a claim of another kind
@BOTH
def test_a_year_written_as_a_plain_number(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("이 회사는 2005년 설립됐다.", "The company was founded in 3005."), "en", "3005")
    assert f.verdict == "conflict" and f.kind == "date"
    _one_line_naming(f, "2005", "3005", "the dates differ")
    assert "3,005" not in f.message
    assert compare_values(Number(Decimal(2005)), DateValue(grain="year", start=dt.date(2005, 1, 1),
                                                             end=dt.date(2005, 12, 31))).matches


@BOTH
def test_a_percentage_against_a_plain_number(run) -> None:  # type: ignore[no-untyped-def]
    same = run("오바마가 16%포인트 차이로 앞섰다.", "Obama had a 16-point advantage.")
    assert _holding(same, "ko", "16%포인트").verdict == "match"
    changed = run("오바마가 16%포인트 차이로 앞섰다.", "Obama had a 15-point advantage.")
    assert _holding(changed, "en", "15").verdict == "conflict"


def test_a_count_against_an_ordinal() -> None:
    f = _holding(_segments("앞 9번 홀에서 보기 1개를 했다.", "He made a bogey on the front nine."), "ko", "9번")
    assert f.verdict == "match"
    changed = _segments("앞 7번 홀에서 보기를 했다.", "He made a bogey on the front nine.")
    assert _holding(changed, "ko", "7번").verdict in ("conflict", "uncertain")


def test_a_count_of_things_is_no_amount_of_money() -> None:
    # "1장에 5달러" / "a $1 ticket": the count of tickets is not the price
    rel = compare_values(Number(Decimal(1), counter="장"), Money(Decimal(1), "USD"))
    assert rel.outcome == "unrelated"
    report = _segments("그는 1장에 5달러 하는 복권을 샀다.", "He bought a $1 scratch-off ticket.")
    assert _holding(report, "en", "$1").verdict in ("conflict", "uncertain")


# --------------------------------------------------------------------------- decades, centuries, impossible dates
def _claims(source: Source, *claims: tuple[str, DateValue]) -> list[Claim]:
    out = []
    for text, value in claims:
        start = source.text.index(text)
        out.append(Claim("date", text, start, start + len(text), value, "test", source.lang))
    return out


def _years(first: int, last: int) -> DateValue:
    return DateValue(grain="year", start=dt.date(first, 1, 1), end=dt.date(last, 12, 31))


@pytest.mark.parametrize(("ko_text", "ko_years", "en_text", "en_years", "verdict", "reason"), [
    ("1980년대", (1980, 1989), "the 1980s", (1980, 1989), "match", "equal"),
    ("1980년대", (1980, 1989), "the 1990s", (1990, 1999), "conflict", "different-period"),
    ("21세기", (2001, 2100), "the 20th century", (1901, 2000), "conflict", "different-period"),
    ("1985년", (1985, 1985), "the 1980s", (1980, 1989), "uncertain", "inside-range"),
    ("1975년", (1975, 1975), "the 1980s", (1980, 1989), "conflict", "different-date"),
])
def test_decades_and_centuries_compare_as_ranges(ko_text: str, ko_years: tuple[int, int], en_text: str,
                                                 en_years: tuple[int, int], verdict: str, reason: str) -> None:
    ko = Source(f"그 공장은 {ko_text}에 지어졌다.", id="ko", lang="ko")
    en = Source(f"The plant was built in {en_text}.", id="en", lang="en")
    report = check_claims([(ko, _claims(ko, (ko_text, _years(*ko_years)))),
                           (en, _claims(en, (en_text, _years(*en_years))))], aligned=True)
    (f,) = report.findings
    assert (f.verdict, f.reason) == (verdict, reason), f.message
    assert "\n" not in f.message and (verdict == "match" or en_text in f.message or str(en_years[0]) in f.message)


@pytest.mark.parametrize(("text", "value", "why"), [
    ("May 32", DateValue(grain="day", month=5, day=32), "May has no day 32"),
    ("29 February 1918", DateValue(grain="day", year=1918, month=2, day=29), "February 1918 has no day 29"),
    ("13월 5일", DateValue(grain="day", month=13, day=5), "there is no month 13"),
])
def test_an_impossible_date_is_a_finding(text: str, value: DateValue, why: str) -> None:
    src = Source(f"The event is on {text}.", id="en", lang="en")
    other = Source("행사는 5월 31일 열린다.", id="ko", lang="ko")
    report = check_claims([(other, _claims(other, ("5월 31일", DateValue(grain="day", month=5, day=31)))),
                           (src, _claims(src, (text, value)))])
    (f,) = [f for f in report.findings if f.reason == "impossible-date"]
    assert f.verdict == "conflict" and f.message == f"'{text}' (en) is no date of the calendar: {why}"
    # and in its slot it differs from the other side's date
    (slot,) = [g for g in report.findings if g.reason != "impossible-date"]
    assert slot.verdict == "conflict" and {c.source for c in slot.claims} == {"ko", "en"}


# --------------------------------------------------------------------------- names
@BOTH
def test_a_name_replaced_by_another_of_its_kind(run) -> None:  # type: ignore[no-untyped-def]
    person = run("김하늘 대표는 수출을 늘리겠다고 말했다.", "CEO Kim Ha-rin said the company would raise exports.")
    assert _holding(person, "en", "Kim Ha-rin").verdict == "conflict"
    place = run("회사는 서울에서 발표회를 열었다.", "The company held a launch event in Busan.")
    assert _holding(place, "en", "Busan").verdict == "conflict"


@BOTH
def test_a_name_nothing_links_is_uncertain_in_its_slot(run) -> None:  # type: ignore[no-untyped-def]
    # (한빛전자 / Hanbit Electronics now match: a stem and an organisation word compose one key)
    f = _holding(run("대법원은 판결을 내렸다.", "The Supreme Court issued its ruling."), "en", "Supreme Court")
    assert f.verdict == "uncertain" and f.reason == "names-unlinked" and "glossary" in f.message


def test_one_name_in_two_spellings_stays_a_match() -> None:
    report = _segments("부시 대통령은 베이징을 방문했다.", "President Bush visited Beijing.")
    f = _holding(report, "en", "Bush")
    assert f.verdict == "match" and {c.source for c in f.claims} == {"ko", "en"}


# --------------------------------------------------------------------------- direction words against signs
@BOTH
def test_a_fall_by_a_word_and_by_a_sign_is_one_fact(run) -> None:  # type: ignore[no-untyped-def]
    report = run("수출은 14.6% 감소(-14.6%)했다.", "Exports dropped 14.6 percent.")
    f = _holding(report, "en", "14.6 percent")
    assert f.verdict == "match" and {c.claim.text for c in f.claims} == {"14.6%", "-14.6%", "14.6 percent"}
    assert not _by(report, "conflict")


@BOTH
def test_a_fall_against_a_rise_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    f = _holding(run("수출은 14.6% 증가했다.", "Exports fell 14.6 percent."), "en", "14.6 percent")
    assert f.verdict == "conflict" and f.reason == "different-direction"
    _one_line_naming(f, "a rise of 14.6%", "a fall of 14.6%", "a fall against a rise")


def test_direction_against_sign_in_compare_values() -> None:
    fall = Percent(Decimal("14.6"), direction="down")
    assert compare_values(fall, Percent(Decimal("-14.6"))).matches
    assert compare_values(Percent(Decimal("14.6"), direction="up"), Percent(Decimal("-14.6"))).reason == \
        "different-direction"
    assert compare_values(fall, Percent(Decimal("14.6"))).matches  # no direction written on one side


# --------------------------------------------------------------------------- a value stated twice
def test_a_weekday_stated_twice_and_changed_once() -> None:
    report = _segments("영부인은 금요일에 피해자들을 만나기 위해 월요일 미네아폴리스를 방문한다.",
                       "The first lady will visit Minneapolis on Friday to meet the victims.")
    f = _holding(report, "ko", "월요일")
    assert f.verdict == "uncertain" and f.reason == "restated" and "월요일" in f.message and "금요일" in f.message


@BOTH
def test_a_repeated_value_changed_once_is_seen(run) -> None:  # type: ignore[no-untyped-def]
    # en repeats 3; ko says 3 and 5 (the repeated mention was changed): the change is reported
    f = _holding(run("던디는 5-3으로 이겼다.", "Dundee won 3-3 on Saturday."), "ko", "5")
    assert f.verdict in ("conflict", "uncertain") and any(c.source == "en" for c in f.claims)


def test_a_value_restated_at_another_scale_in_one_source() -> None:
    ko = "제목 한빛물산, 1,600만 달러 수출 계약\n\n한빛물산은 160만 달러 규모의 수출 계약을 맺었다고 밝혔다.\n"
    en = "Title: Hanbit Trading wins 16 million USD export deal\n\nHanbit Trading said it signed an export deal.\n"
    report = check([Source(ko, id="ko", lang="ko", published=PUBLISHED),
                    Source(en, id="en", lang="en", published=PUBLISHED)])
    f = _holding(report, "ko", "160만 달러")
    assert f.verdict == "uncertain" and f.reason == "restated"
    _one_line_naming(f, "16,000,000 USD", "1,600,000 USD", "ko states")


# --------------------------------------------------------------------------- a weekday off the publication week
def test_a_weekday_that_does_not_fit_the_week_pairs_with_the_slot_date() -> None:
    # published Thursday 2024-05-09: "on Friday" resolves to May 3, not the 9th of the Korean text
    report = _documents("한빛물산은 9일 공장을 열었다.", "Hanbit Trading opened the plant on Friday.")
    f = _holding(report, "en", "Friday")
    assert f.verdict == "conflict" and f.kind == "date" and "2024-05-09" in f.message


# --------------------------------------------------------------------------- unrelated values are no match
@pytest.mark.parametrize(("a", "b"), [
    (Number(Decimal(27), counter="개월"), Percent(Decimal("2.7"))),
    (Number(Decimal(3), counter="명"), Percent(Decimal(3))),
    (Number(Decimal(15), counter="일"), Money(Decimal(1_509_000_000), "USD")),
])
def test_a_change_of_kind_or_a_rounding_alone_makes_no_match(a: Number, b: Percent | Money) -> None:
    assert not compare_values(a, b).matches


def test_a_plain_number_and_a_measured_figure_do_not_match_across_sentences() -> None:
    ko = "회사는 27개월 동안 공장을 지었다.\n직원은 300명이다.\n"
    en = "The company built the plant over three years.\nIts sales rose 2.7 percent.\n"
    report = check([Source(ko, id="ko", lang="ko", published=PUBLISHED), Source(en, id="en", lang="en",
                                                                                 published=PUBLISHED)])
    assert _holding(report, "ko", "27개월").verdict != "match"


# --------------------------------------------------------------------------- undated sources
RELEASE_KO = ("제목 한빛전자, 신형 배터리 공장 준공\n등록 2024/10/16 (수)\n\n"
              "한빛전자는 15일 평택시에서 신형 배터리 공장 준공식을 열었다고 밝혔다.\n"
              "회사의 3분기 매출은 전년 대비 12% 증가한 3,400만 달러를 기록했다.\n"
              "김민준 대표는 \"11월 5일부터 수출을 시작한다\"고 말했다.\n")
RELEASE_EN = ("Title: Hanbit Electronics completes new battery plant\nRegistered: 2024/10/16 (Wed)\n\n"
              "Hanbit Electronics said it held a completion ceremony for its new battery plant in Pyeongtaek on "
              "October 15.\nThe company's third-quarter sales rose 12% from a year earlier to 34 million USD.\n"
              "CEO Kim Min-jun said, \"We will start exports on November 5.\"\n")


def _with_article(article: str, published: str | None) -> factcheck.Report:
    return check([Source(RELEASE_KO, id="ko", lang="ko"), Source(RELEASE_EN, id="en", lang="en"),
                  Source(article, id="news", lang="en", published=published)],
                 glossary=parse_glossary("org: 한빛전자 = Hanbit Electronics"))


@pytest.mark.parametrize("written", ["Oct. 15", "Tuesday", "Tuesday, Oct. 15", "15th", "October 15, 2024"])
@pytest.mark.parametrize("published", [None, "2024-10-16", "2024-10-17"])
def test_an_undated_article_agrees_as_a_dated_one_when_the_fields_agree(written: str, published: str | None) -> None:
    # 2024-10-15 was a Tuesday: every writing agrees with the releases' 15일 / October 15
    on = "the " if written == "15th" else ""
    report = _with_article(f"Hanbit Electronics opened a battery plant in Pyeongtaek on {on}{written}.\n", published)
    f = _holding(report, "news", written)
    assert f.verdict == "match", f.message
    assert {c.source for c in f.claims} == {"ko", "en", "news"}
    assert not _by(report, "conflict")


@pytest.mark.parametrize("published", [None, "2024-10-16"])
def test_an_undated_partial_date_conflicts_only_on_a_known_field(published: str | None) -> None:
    f = _holding(_with_article("Hanbit Electronics opened a battery plant in Pyeongtaek on Oct. 17.\n", published),
                 "news", "Oct. 17")
    assert f.verdict == "conflict" and "Oct. 17" in f.message and "2024-10-15" in f.message


def test_a_comparison_baseline_is_not_a_dated_event() -> None:
    report = _with_article("Third-quarter sales rose 12 percent from a year earlier to $34 million.\n", None)
    f = _holding(report, "en", "a year earlier")
    assert f.verdict == "match" and f.kind == "percent"  # it joins the 12% it qualifies
    assert not [g for g in report.findings if g.kind == "date" and g.verdict == "missing"
                and any("year earlier" in c.claim.text for c in g.claims)]


def test_no_message_repeats_itself() -> None:
    report = _segments("회사는 4분기에 공장을 연다.", "The company will open the plant.")
    f = _holding(report, "ko", "4분기")
    assert f.message == "'4분기' (no reference date) only in ko, not in en"


def test_a_conflict_never_shows_two_equal_values() -> None:
    # "the 5th" (undated) and "Nov. 6" against 2024-11-05: the conflict shows the values that differ
    report = _with_article("Exports start on Nov. 6, the company said.\n", None)
    for f in _by(report, "conflict"):
        first, _, rest = f.message.partition(" against ")
        assert first.split(" (")[0] != rest.split(" (")[0], f.message


# --------------------------------------------------------------------------- no message says two equal values differ
_KO_VALUES = {
    "money": ("매출은 {}만 달러였다.", "Sales were {} USD."),
    "percent": ("수출은 {}% 늘었다.", "Exports rose {}%."),
    "count": ("직원 {}명이 참석했다.", "{} employees attended."),
    "day": ("회사는 {}일 공장을 열었다.", "The company opened the plant on May {}."),
}


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[str, str, bool]:
    kind = draw(st.sampled_from(sorted(_KO_VALUES)))
    ko_t, en_t = _KO_VALUES[kind]
    if kind == "day":
        a = draw(st.integers(1, 28))
        b = draw(st.one_of(st.just(a), st.integers(1, 28)))
        return ko_t.format(a), en_t.format(b), draw(st.booleans())
    a = draw(st.integers(1, 9999))
    b = draw(st.one_of(st.just(a), st.integers(1, 9999), st.just(a * 10), st.just(a + 1)))
    if kind == "money":
        return ko_t.format(f"{a:,}"), en_t.format(f"{b * 10_000:,}"), draw(st.booleans())
    return ko_t.format(a), en_t.format(b), draw(st.booleans())


@given(_pairs(), st.sampled_from([None, PUBLISHED]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_no_message_says_equal_values_differ(pair: tuple[str, str, bool], published: str | None) -> None:
    ko, en, as_documents = pair
    report = _documents(ko, en, published) if as_documents else _segments(ko, en)
    for f in report.findings:
        assert "\n" not in f.message
        if f.verdict != "conflict" or f.reason in ("weekday-mismatch", "impossible-date", "statement-vs-published"):
            continue
        first, _, rest = f.message.partition(" against ")
        second = rest.rsplit(": ", 1)[0]
        assert first.split(" (")[0] != second.split(" (")[0], f.message
        texts = {c.source: c.claim.text for c in f.claims}
        assert all(f"'{t}'" in f.message for t in texts.values()), f.message


_MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@given(st.integers(0, 40), st.sampled_from(["abbr", "weekday-abbr", "weekday", "ordinal"]), st.integers(0, 2))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_undated_and_dated_article_agree(days_before: int, form: str, later: int) -> None:
    """Acceptance 5: a date the releases state and the article writes with fields that agree
    gets the same verdict whether the article is undated or dated (a day or two after the
    releases), and it is a match."""
    published = dt.date(2024, 10, 16)
    day = published - dt.timedelta(days=days_before)
    if form == "weekday" and days_before + later > 6:
        return  # a bare weekday names a day of the week before the article's own date only
    if form == "ordinal" and day.month != published.month:
        return  # "the 30th" in a dated article is a day of its own month
    ko = (f"제목 한빛전자 공장 준공\n등록 {published:%Y/%m/%d}\n\n"
          f"한빛전자는 {day.month}월 {day.day}일 평택시에서 공장 준공식을 열었다.\n")
    en = (f"Title: Hanbit Electronics completes plant\nRegistered: {published:%Y/%m/%d}\n\n"
          f"Hanbit Electronics held a completion ceremony in Pyeongtaek on {_MONTH_ABBR[day.month - 1]} {day.day}.\n")
    written = {"abbr": f"{_MONTH_ABBR[day.month - 1]} {day.day}",
               "weekday-abbr": f"{_WEEKDAY_EN[day.weekday()]}, {_MONTH_ABBR[day.month - 1]} {day.day}",
               "weekday": _WEEKDAY_EN[day.weekday()],
               "ordinal": f"{day.day}{'th' if 10 <= day.day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day.day % 10, 'th')}"}[form]
    article = f"Hanbit Electronics opened a plant in Pyeongtaek on {'the ' if form == 'ordinal' else ''}{written}.\n"
    verdicts = []
    for pub in (None, (published + dt.timedelta(days=later)).isoformat()):
        report = check([Source(ko, id="ko", lang="ko"), Source(en, id="en", lang="en"),
                        Source(article, id="news", lang="en", published=pub)],
                       glossary=parse_glossary("org: 한빛전자 = Hanbit Electronics"))
        f = _holding(report, "news", written)
        verdicts.append((f.verdict, {c.source for c in f.claims}))
    assert verdicts[0] == verdicts[1] == ("match", {"ko", "en", "news"}), (written, verdicts)


# --------------------------------------------------------------------------- round 2: figures
@BOTH
def test_a_range_stated_twice_and_changed_once_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    report = run("직원들은 6~14개월의 의료 혜택과 6~12개월의 항공 혜택을 받는다.",
                       "Employees will receive six to 14 months of medical benefits and six to 14 months of flight "
                       "privileges.")
    (f,) = _by(report, "conflict")
    assert {c.claim.text for c in f.claims} >= {"6~12개월", "six to 14"}
    _one_line_naming(f, "6-12", "6-14", "differ")


@BOTH
def test_a_position_of_two_digits_takes_the_slot_of_a_plain_number(run) -> None:  # type: ignore[no-untyped-def]
    report = run("미켈슨은 16번홀에서 티샷을 물에 빠뜨렸다.", "Mickelson hit his tee shot into the water at the par-3 18th hole.")
    (f,) = _by(report, "conflict")
    _one_line_naming(f, "16", "18")


def test_a_small_position_is_still_no_count() -> None:
    report = _segments("회사는 업계 1위 업체 두 곳을 인수했다.", "The company bought two of the largest firms.")
    assert not _by(report, "conflict")
