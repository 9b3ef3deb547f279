"""Names across languages beyond people (issue 16): countries, cities and companies from the
bundled tables, organisation words, how the comparator treats them, and how a user's glossary
extends them. The corpora (tests/corpus/place_countries, place_cities, org_companies) hold the
forms; these tests hold the rules around them."""

from __future__ import annotations

import importlib.resources

import pytest

import factcheck
from factcheck.glossary import parse_glossary
from factcheck.naming import name_key
from factcheck.naming.hangul import is_hangul
from factcheck.naming.keys import org_group, org_parts
from factcheck.naming.tables import company_rows, key_class, world_place_rows


def _conflicts(ko: str, en: str) -> list[tuple[str, list[str]]]:
    rep = factcheck.check_segments([("1", [factcheck.Source(ko, id="ko", lang="ko"),
                                            factcheck.Source(en, id="en", lang="en")])])
    return [(f.kind, [c.claim.text for c in f.claims]) for f in rep.findings if f.verdict == "conflict"]


def _names(text: str, lang: str) -> list[tuple[str, str, str]]:
    kinds = ("person", "org", "place")
    return [(c.kind, c.text, c.value.key) for c in factcheck.extract(text, lang) if c.kind in kinds]


# ----------------------------------------------------------------------------- the tables
@pytest.mark.parametrize("name", ["places_aliases.tsv", "companies_ko_en.tsv"])
def test_hand_written_tables_state_their_source(name: str) -> None:
    text = importlib.resources.files("factcheck").joinpath("data", name).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Source:" in header and "by hand" in header


def test_every_world_place_links_the_two_languages() -> None:
    rows = world_place_rows()
    assert len(rows) > 500
    keys = [r.key for r in rows]
    assert len(keys) == len(set(keys))
    for r in rows:
        assert key_class(r.key) in ("country", "city"), r
        assert any(is_hangul(t) for t in r.terms) and any(t.isascii() for t in r.terms), r
        assert set(r.scan) <= set(r.terms)


def test_a_name_belongs_to_one_place_only() -> None:
    from factcheck.naming.generic import casefold_key

    owner: dict[str, str] = {}
    for r in world_place_rows():
        for t in r.terms:
            assert owner.setdefault(casefold_key(t), r.key) == r.key, (t, owner[casefold_key(t)], r.key)
    # a city named like its country is the country; Seoul keeps the Korean gazetteer's key
    assert name_key("Kuwait", "place") == name_key("쿠웨이트", "place") == "country:kw"
    assert name_key("서울", "place") == name_key("Seoul", "place") == "seoul"


def test_company_keys_name_their_group() -> None:
    keys = {r.key for r in company_rows()}
    for key in keys:
        group = org_group(key)
        assert group is None or group in keys, key


# ----------------------------------------------------------------------------- keys
@pytest.mark.parametrize(("kind", "names"), [
    ("place", ["아랍에미리트", "United Arab Emirates", "UAE", "U.A.E."]),
    ("place", ["미국", "United States", "U.S.", "US", "USA", "America"]),
    ("place", ["영국", "United Kingdom", "Britain", "UK"]),
    ("place", ["한국", "대한민국", "South Korea", "Korea", "Republic of Korea"]),
    ("place", ["상투메 프린시페", "São Tomé & Príncipe", "Sao Tome and Principe"]),
    ("place", ["아부다비", "Abu Dhabi"]),
    ("place", ["뉴욕", "뉴욕시", "New York", "New York City", "NYC"]),
    ("place", ["호찌민", "호치민", "사이공", "Ho Chi Minh City", "Saigon"]),
    ("place", ["키이우", "키예프", "Kyiv", "Kiev"]),
    ("org", ["삼성전자", "Samsung Electronics", "Samsung Electronics Co., Ltd."]),
    ("org", ["현대자동차", "현대차", "Hyundai Motor", "Hyundai Motor Company", "Hyundai Motor Co."]),
    ("org", ["한국전력공사", "한전", "KEPCO", "Korea Electric Power Corporation"]),
    ("org", ["삼성중공업", "Samsung Heavy Industries"]),
    ("org", ["한화생명", "Hanwha Life", "Hanwha Life Insurance"]),
    ("org", ["대우건설", "Daewoo E&C", "Daewoo Engineering & Construction"]),
    ("org", ["새솔전자", "Saesol Electronics", "Saesol Electronics Inc."]),
    ("org", ["새솔공사", "Saesol Corporation", "Saesol Corp.", "새솔㈜"]),
])
def test_one_entity_one_key(kind: str, names: list[str]) -> None:
    keys = {n: name_key(n, kind) for n in names}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(("kind", "names"), [
    ("place", ["Austria", "Australia"]),
    ("place", ["Iran", "Iraq"]),
    ("place", ["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea"]),
    ("place", ["Mexico", "Mexico City"]),
    ("place", ["평창", "평양"]),
    ("org", ["삼성전자", "삼성전기", "삼성", "삼성중공업"]),
    ("org", ["LG전자", "LG화학", "LG Display"]),
])
def test_near_misses_keep_their_own_keys(kind: str, names: list[str]) -> None:
    keys = [name_key(n, kind) for n in names]
    assert len(set(keys)) == len(keys), list(zip(names, keys, strict=True))


def test_world_names_are_known_as_written_not_through_the_korean_fold() -> None:
    # Paris is not a romanised Korean name: "Pali" (a fold of 파리) is not Paris
    assert name_key("Paris", "place") == name_key("파리", "place") == "city:paris"
    assert name_key("Pali", "place") != "city:paris"
    # but case, spaces and Latin diacritics do not matter
    assert name_key("SAO PAULO", "place") == name_key("São Paulo", "place") == "city:sao-paulo"


def test_organisation_words_split_a_name() -> None:
    assert org_parts("삼성중공업") == ("삼성", "heavy-industries")
    assert org_parts("Samsung Fire & Marine Insurance") == ("Samsung", "fire-marine")
    assert org_parts("한국가스공사") == ("한국가스", None)  # a form word, left out like a legal form
    assert org_parts("Korea Gas Corporation") == ("Korea Gas", None)
    assert org_parts("RexGen Co., Ltd.") == ("RexGen", None)
    assert org_parts("전자") == ("전자", None)  # nothing left before the word: no split


# ----------------------------------------------------------------------------- finding them
def test_kind_priority_and_longest_names() -> None:
    assert _names("이란 대통령이 방문했다.", "ko") == [("place", "이란", "country:ir")]  # not Mr 이란
    assert _names("a factory near Ho Chi Minh City", "en") == [("place", "Ho Chi Minh City", "city:ho-chi-minh")]
    assert _names("LG Electronics unveiled a TV.", "en") == [("org", "LG Electronics", "lg+electronics")]
    assert _names("Korea Gas Corporation raised prices.", "en") == [("org", "Korea Gas Corporation", "kogas")]
    assert _names("현대건설과 하나증권", "ko") == [("org", "현대건설", "hyundai+construction"),
                                                ("org", "하나증권", "hana+securities")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The documentary about Michael Jordan aired.", "en"),
    ("Jordan Smith joined the board.", "en"),
    ("Growth in Latin America slowed.", "en"),
    ("She collected fine china.", "en"),
    ("We ate turkey.", "en"),
    ("Police in Baton Rouge, La., said", "en"),  # LA the acronym is Los Angeles, "La." is not
    ("그럴 리가 없다.", "ko"),
    ("목적을 위해 수단을 가리지 않았다.", "ko"),
    ("‘행복’이란 무엇인가.", "ko"),
    ("현대 사회의 문제", "ko"),
])
def test_near_miss_words_are_no_places_or_companies(text: str, lang: str) -> None:
    found = [n for n in _names(text, lang) if n[0] in ("place", "org")]
    assert found == [], found


def test_a_name_glued_after_a_latin_letter_is_part_of_another_word() -> None:
    # SK하이닉스 is one name; 하이닉스 after "SK" is no name of its own
    assert _names("SK하이닉스는 반도체를 만든다.", "ko") == [("org", "SK하이닉스", "sk+hynix")]


# ----------------------------------------------------------------------------- comparing them
def test_a_country_left_on_each_side_is_no_conflict() -> None:
    # Russian Energy Minister = 러시아 에너지장관, 미 에너지장관 = US Energy Secretary: the one
    # country left on each side is no wrong name
    ko = "노박 러시아 에너지장관은 모스크바에서 페리 미 에너지장관과 회담했다."
    en = "Russian Energy Minister Novak met US Energy Secretary Perry in Moscow."
    assert not [c for c in _conflicts(ko, en) if c[0] == "place"]
    # a capital for its country
    assert not [c for c in _conflicts("미국은 밝혔다.", "Washington said.") if c[0] == "place"]


def test_a_group_and_its_company_are_no_conflict_two_companies_are() -> None:
    assert not _conflicts("삼성은 투자를 늘린다.", "Samsung Electronics will invest more.")
    found = _conflicts("삼성전기는 투자를 늘린다.", "Samsung Electronics will invest more.")
    assert [(k, sorted(t)) for k, t in found] == [("org", sorted(["삼성전기", "Samsung Electronics"]))]


def test_a_users_glossary_extends_the_tables() -> None:
    g = parse_glossary("place: 미쿡 = U.S.\nplace: 하이퐁 = Haiphong\norg: 새솔 = Saesol")
    # a new name of a known country takes the table's key
    assert name_key("미쿡", "place", glossary=g) == "country:us"
    # a new city is found in both languages with one key
    ko = [c for c in factcheck.extract("하이퐁에 공장을 지었다.", "ko", glossary=g) if c.kind == "place"]
    en = [c for c in factcheck.extract("a plant in Haiphong", "en", glossary=g) if c.kind == "place"]
    assert [c.text for c in ko] == ["하이퐁"] and [c.text for c in en] == ["Haiphong"]
    assert ko[0].value.key == en[0].value.key
    # a glossary organisation composes with organisation words too
    assert name_key("새솔전자", "org", glossary=g) == name_key("Saesol Electronics", "org", glossary=g)


def test_a_country_takes_no_korean_places_slot() -> None:
    # the English side's U.S. (never compared with a Korean city) leaves 안산 / Anyang, the one
    # Korean place left on each side, to be compared: a wrong city is still caught
    ko = "미군 병사가 안산에서 체포됐다고 서울 법원이 밝혔다."
    en = "A US soldier was arrested in Anyang, a Seoul court said."
    assert [(k, sorted(t)) for k, t in _conflicts(ko, en)] == [("place", sorted(["안산", "Anyang"]))]
