"""Issue 4, acceptance 3: on the seed documents (read from ../shared/seeds when it is there;
never copied into the project), every person, organisation and place of the seeds' README
links across the Korean release, its English version and the English news article."""

from __future__ import annotations

import pathlib

import pytest

import factcheck

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seeds"
RELEASE = SEEDS / "000_ef39ae5515fb4d08.txt"
NEWS = SEEDS / "002_c67ae8db5090b542.txt"
NAME_KINDS = ("person", "org", "place")

pytestmark = pytest.mark.skipif(not (RELEASE.exists() and NEWS.exists()), reason="seed documents not present")

# the README's list, by key: 김윤상 / Kim Yoon-sang; 오영준 / Oh Young-joon; 조달청 / Public
# Procurement Service / PPS; 렉스젠 / RexGen; 경기도 안양시 / An-yang, Gyeonggi-do / Anyang,
# Gyeonggi Province (and the expo all three name)
EXPECTED = {
    ("person", "kim|yunsang"),
    ("person", "o|yungjun"),
    ("org", "public-procurement-service"),
    ("org", "leksken"),
    ("org", "korea-public-procurement-expo"),
    ("place", "gyeonggi"),
    ("place", "anyang"),
}


def _keys() -> tuple[set[tuple[str, str]], set[tuple[str, str]], set[tuple[str, str]]]:
    claims = factcheck.extract(RELEASE.read_text(encoding="utf-8"), "auto", kinds=NAME_KINDS)
    ko = {(c.kind, c.value.key) for c in claims if c.lang == "ko"}
    en = {(c.kind, c.value.key) for c in claims if c.lang == "en"}
    news = {(c.kind, c.value.key)
            for c in factcheck.extract(NEWS.read_text(encoding="utf-8"), "en", kinds=NAME_KINDS)}
    return ko, en, news


def test_every_seed_name_links_across_the_three_texts() -> None:
    ko, en, news = _keys()
    for entity in EXPECTED:
        assert entity in ko and entity in en and entity in news, entity


def test_names_in_one_text_only_are_the_expected_ones() -> None:
    ko, en, news = _keys()
    # the Korean contact line names an official the English version leaves out, and the news
    # article names the ministry the agency belongs to and the country ("South Korea’s
    # government procurement agency"): nothing else stands alone
    assert ko - en - news <= {("person", "kim|junsung")}
    assert news - ko - en <= {("org", "ministry-of-economy-and-finance"), ("place", "country:kr")}
    assert en - ko == set()
