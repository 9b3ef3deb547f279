"""Every changed fact is a conflict, names (issue 15, round 2): a name replaced by another of
the same kind in one slot of aligned texts (segments and documents), and what keeps it from
being a false alarm (a city and its country, a name the other text writes as an adjective or
inside a word, a dateline, a name one text simply repeats). Every text here is invented."""

from __future__ import annotations

import pytest

import factcheck
from factcheck import Source, check, check_segments
from factcheck.naming.presence import named_in
from factcheck.naming.tables import city_country

PUBLISHED = "2024-05-09"


def _segments(ko: str, en: str) -> factcheck.Report:
    return check_segments([("1", [Source(ko, id="ko", lang="ko"), Source(en, id="en", lang="en")])])


def _documents(ko: str, en: str) -> factcheck.Report:
    """Two documents: the sentence under test between two sentences that align them."""
    head_ko, head_en = "한빛물산은 지난 3일 신제품 12종을 공개했다.\n", "Hanbit Trading unveiled 12 new products on the 3rd.\n"
    tail_ko, tail_en = "회사 직원은 420명이다.\n", "The company has 420 employees.\n"
    return check([Source(head_ko + ko + "\n" + tail_ko, id="ko", lang="ko", published=PUBLISHED),
                  Source(head_en + en + "\n" + tail_en, id="en", lang="en", published=PUBLISHED)])


BOTH = pytest.mark.parametrize("run", [_segments, _documents], ids=["segments", "documents"])


def _places(report: factcheck.Report) -> list[tuple[str, list[str]]]:
    return [(f.verdict, sorted(c.claim.text for c in f.claims)) for f in report.findings if f.kind == "place"]


def _one_line_naming(f: factcheck.Finding, *values: str) -> None:
    assert "\n" not in f.message
    for v in values:
        assert v in f.message, (v, f.message)


# --------------------------------------------------------------------------- one name in place of another
@BOTH
@pytest.mark.parametrize(("ko", "en", "a", "b"), [
    ("회사는 지난해 순천에 공장 2곳을 세웠다.", "The company built two plants in Suwon last year.", "순천", "Suwon"),
    ("조달청은 지난해 수출 지원 예산 85억 원을 집행했다.",
     "The Korea Customs Service spent 8.5 billion won on export support last year.", "조달청", "Korea Customs Service"),
    ("김윤상 청장은 수출액이 18% 늘었다고 말했다.", "Administrator Kim Yoon-seok said exports rose 18%.", "김윤상",
     "Kim Yoon-seok"),
])
def test_a_known_name_replaced_by_another_of_its_kind_is_a_conflict(run, ko: str, en: str,  # type: ignore[no-untyped-def]
                                                                    a: str, b: str) -> None:
    report = run(ko, en)
    (f,) = [f for f in report.findings if f.verdict == "conflict"]
    assert {c.claim.text for c in f.claims} == {a, b}
    _one_line_naming(f, a, b, "differ")


@BOTH
@pytest.mark.parametrize(("ko", "en", "a", "b"), [
    ("회사는 지난해 베트남에 공장 2곳을 세웠다.", "The company built two plants in Thailand last year.", "베트남",
     "Thailand"),
    ("회사는 지난해 하노이에 사무소 2곳을 열었다.", "The company opened two offices in Bangkok last year.", "하노이",
     "Bangkok"),
])
def test_a_place_of_the_world_replaced_by_another_is_uncertain(run, ko: str, en: str, a: str,  # type: ignore[no-untyped-def]
                                                              b: str) -> None:
    # a translation names a country by its capital or an adjective, or moves a dateline: two
    # places of the world in one slot are reported, never called a conflict
    report = run(ko, en)
    assert ("uncertain", sorted([a, b])) in _places(report)
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place" and f.verdict == "uncertain"]
    _one_line_naming(f, a, b, "different places")


@BOTH
def test_a_country_against_a_city_of_another_country_is_uncertain(run) -> None:  # type: ignore[no-untyped-def]
    report = run("회사는 지난해 베트남에 사무소 2곳을 열었다.", "The company opened two offices in Bangkok last year.")
    assert ("uncertain", ["Bangkok", "베트남"]) in _places(report)
    (f,) = [f for f in report.findings if f.kind == "place"]
    _one_line_naming(f, "Bangkok", "베트남", "country", "city")


@BOTH
def test_a_city_against_its_own_country_is_no_finding_of_one_slot(run) -> None:  # type: ignore[no-untyped-def]
    report = run("회사는 지난해 오스트리아에 사무소 2곳을 열었다.", "The company opened two offices in Vienna last year.")
    assert sorted(_places(report)) == [("missing", ["Vienna"]), ("missing", ["오스트리아"])]
    assert city_country("city:vienna") == "country:at"


@BOTH
def test_a_name_stated_twice_and_changed_once_is_a_conflict(run) -> None:  # type: ignore[no-untyped-def]
    report = run("순천시는 순천에 공장 2곳을 세운다고 밝혔다.", "Suncheon said it would build two plants in Suwon.")
    (f,) = [f for f in report.findings if f.verdict == "conflict"]
    assert f.kind == "place" and "Suwon" in {c.claim.text for c in f.claims}
    _one_line_naming(f, "Suncheon", "Suwon")


def test_a_place_of_the_world_stated_twice_and_changed_once_is_uncertain() -> None:
    report = _segments("미국과 폴란드의 대표가 폴란드에 기지를 세우기로 합의했다고 2일 밝혔다.",
                       "The United States and Poland agreed on the 2nd to build a base in Britain.")
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place" and f.verdict == "uncertain"]
    assert {c.claim.text for c in f.claims} >= {"폴란드", "Britain"}
    _one_line_naming(f, "Britain")


def test_a_name_one_text_repeats_more_often_is_no_conflict() -> None:
    report = _segments("이라크 정부는 이라크 주둔 병력이 2010년까지 이라크를 떠날 것이라고 말했다.",
                       "The Iraqi government said U.S. troops would leave Iraq by 2010.")
    assert not [f for f in report.findings if f.verdict in ("conflict", "uncertain") and f.kind == "place"]


# --------------------------------------------------------------------------- no false alarm
def test_a_name_the_other_text_writes_as_an_adjective_is_uncertain() -> None:
    report = _segments("러시아 정부는 미사일 3발이 발사됐다고 밝혔다.",
                       "The Russian government said Ukraine fired three missiles.")
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place"]
    assert f.verdict == "uncertain"
    _one_line_naming(f, "러시아", "Ukraine", "also names")


def test_a_dateline_is_no_conflict() -> None:
    report = _segments("베이징 올림픽 경기장 주변의 녹조가 3일 만에 제거됐다고 관계자가 밝혔다.",
                       "SHANGHAI (CNN) -- The Olympic venue was cleared of algae in three days, an official said.")
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place"]
    _one_line_naming(f, "SHANGHAI", "베이징", "dateline")


def test_one_name_in_two_spellings_stays_a_match() -> None:
    report = _segments("김윤상 청장은 수출액이 18% 늘었다고 말했다.",
                       "Administrator Kim Yun-sang said exports rose 18%.")
    assert [f.verdict for f in report.findings if f.kind == "person"] == ["match"]


@pytest.mark.parametrize(("key", "text", "named"), [
    ("country:kr", "South Koreans have protested since April.", True),
    ("country:mx", "멕시코만에서 허리케인이 발생했다.", True),
    ("country:de", "German officers were ready to act.", True),
    ("country:mx", "The storm hit Texas.", False),
    ("country:fr", "Paris police said on Monday.", False),
    ("no-such-key", "anything", False),
])
def test_named_in_finds_a_name_in_any_form(key: str, text: str, named: bool) -> None:
    assert named_in(key, text) is named


# --------------------------------------------------------------------------- several names, a name stated twice
@BOTH
def test_two_places_left_against_one_pair_by_position_uncertain(run) -> None:  # type: ignore[no-untyped-def]
    report = run("카카의 이적설은 영국 구단인 첼시가 브라질 출신 감독을 영입한 이후 나왔다.",
                       "Talk of Kaka's move followed Chelsea's appointment of Turkey's former coach.")
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place" and f.verdict == "uncertain"]
    assert "Turkey" in {c.claim.text for c in f.claims}
    _one_line_naming(f, "Turkey", "not certain")


@BOTH
def test_a_name_stated_twice_and_changed_where_the_other_side_names_it_once_is_uncertain(  # type: ignore[no-untyped-def]
        run) -> None:
    report = run("아르헨티나 외무장관은 토요일 유엔에서 미국에 대한 불신이 깊어져 북한이 핵무기를 포기할 방법은 없다고 말했다.",
                       "North Korea's foreign minister told the United Nations on Saturday its mistrust of the United "
                       "States was deepening and the country would not give up its nuclear weapons.")
    assert not [f for f in report.findings if f.verdict == "conflict"]
    (f,) = [f for f in report.findings if f.kind == "place" and f.verdict == "uncertain"]
    assert {"아르헨티나", "North Korea"} <= {c.claim.text for c in f.claims}
    _one_line_naming(f, "아르헨티나", "North Korea", "not certain")


def test_a_name_translated_once_for_two_mentions_stays_a_match() -> None:
    report = _segments("북한 외무상은 토요일 유엔에서 미국에 대한 불신이 깊어져 북한이 핵무기를 포기할 방법은 없다고 말했다.",
                       "North Korea's foreign minister told the United Nations on Saturday its mistrust of the United "
                       "States was deepening and the country would not give up its nuclear weapons.")
    assert {f.verdict for f in report.findings if f.kind == "place"} == {"match"}


def test_a_name_repeated_in_documents_and_changed_once_is_a_conflict() -> None:
    ko = "부산시는 10월 해양관광 축제를 연다.\n부산시 관광국장은 26일 축제 계획을 발표했다.\n부산시는 관광객 120만 명을 기대한다.\n"
    en = ("Busan will hold a marine tourism festival in October.\nThe tourism director of Suwon announced the plan on "
          "the 26th.\nBusan expects 1.2 million visitors.\n")
    report = check([Source(ko, id="ko", lang="ko", published="2024-09-26"),
                    Source(en, id="en", lang="en", published="2024-09-26")])
    (f,) = [f for f in report.findings if f.verdict == "conflict"]
    assert f.kind == "place" and "Suwon" in {c.claim.text for c in f.claims}
    _one_line_naming(f, "Busan", "Suwon")
