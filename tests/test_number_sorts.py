"""Numbers of another sort (a rank, a fraction, a vague scale) compare only with their like:
leftovers of a sentence pair are not paired across sorts (issue 16: the news pairs)."""

from __future__ import annotations

import factcheck


def _verdicts(ko: str, en: str) -> list[tuple[str, str]]:
    report = factcheck.check_segments([("1", [factcheck.Source(ko, id="ko", lang="ko"),
                                              factcheck.Source(en, id="en", lang="en")])])
    return [(f.verdict, f.kind) for f in report.findings]


def test_a_rank_is_no_leftover_count() -> None:
    verdicts = _verdicts("그의 노래는 영국에서 1위를 차지했다.", "His song beat two rivals in Britain.")
    assert ("conflict", "number") not in verdicts


def test_a_fraction_is_no_leftover_count() -> None:
    verdicts = _verdicts("정상들은 배출량을 절반으로 줄이기로 했다.",
                         "The Group of Eight leaders agreed to cut emissions.")
    assert ("conflict", "number") not in verdicts


def test_vague_scales_match_across_languages() -> None:
    verdicts = _verdicts("시위대 수십 명이 모였다.", "Dozens of protesters gathered.")
    assert verdicts == [("match", "number")]


def test_ranks_match_ranks() -> None:
    assert ("match", "number") in _verdicts("그는 3번째 시즌을 맞았다.", "He began his 3rd season.")
    assert ("conflict", "number") in _verdicts("그는 4번째 시즌을 맞았다.", "He began his 3rd season.")


def test_family_currency_has_no_code() -> None:
    (claim,) = factcheck.extract("100 dinars", lang="en")
    assert claim.value.to_dict() == {"amount": "100", "currency": None, "currency_family": "dinar"}
    from factcheck.locale.cldr import family_codes, family_of

    assert "KWD" in family_codes("dinar") and family_of("USD") == "dollar" and family_of("KRW") == "won"
