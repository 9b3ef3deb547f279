"""Glossaries (CSV, TSV, TXT, YAML, TBX), the bundled gazetteer and glossary suggestions.

All names here are made up, except the issue's 조달청 = Public Procurement Service = PPS."""

from __future__ import annotations

import importlib.resources
import pickle
import sys

import pytest

import factcheck
from factcheck.errors import InputError
from factcheck.naming.glossary import Glossary, GlossaryEntry, build_glossary, bundled_gazetteer, parse_glossary
from factcheck.glossary import load_glossary, suggest_entries
from factcheck.naming.resolve import name_key

AGENCY_KO = "국가물류혁신청"
AGENCY_EN = "National Logistics Innovation Agency"


def test_issue_line_format() -> None:
    g = parse_glossary("조달청 = Public Procurement Service = PPS")
    key = g.lookup("조달청", "org")
    assert key == g.lookup("Public Procurement Service", "org") == g.lookup("PPS", "org")
    # a term the gazetteer knows gives the entry the gazetteer's key
    assert key == "public-procurement-service"


def test_user_entry_links_names_the_folds_cannot() -> None:
    assert name_key(AGENCY_KO, "org") != name_key(AGENCY_EN, "org")
    g = parse_glossary(f"org: {AGENCY_KO} = {AGENCY_EN} = NLIA")
    assert name_key(AGENCY_KO, "org", glossary=g) == name_key(AGENCY_EN, "org", glossary=g)
    assert name_key("NLIA", "org", glossary=g) == name_key(AGENCY_KO, "org", glossary=g)
    # kinds are kept apart: an org entry says nothing about a person
    assert g.lookup(AGENCY_KO, "person") is None


def test_extract_takes_a_glossary() -> None:
    g = parse_glossary(f"org: {AGENCY_KO} = {AGENCY_EN}")
    ko = [c for c in factcheck.extract(f"{AGENCY_KO}이 협약을 맺었다.", "ko", glossary=g) if c.kind == "org"]
    en = [c for c in factcheck.extract(f"The {AGENCY_EN} signed a pact.", "en", glossary=g) if c.kind == "org"]
    assert ko and en and ko[0].value.key == en[0].value.key
    assert ko[0].value.basis == "glossary"
    # without it, the two stay apart (and nothing global remembers the glossary); an entry's
    # key is that of its first name, so claims keyed without the glossary still agree with it
    en2 = [c for c in factcheck.extract(f"The {AGENCY_EN} signed a pact.", "en") if c.kind == "org"]
    assert en2[0].value.key != ko[0].value.key
    assert en2[0].value.basis == "romanised"


def test_glossary_terms_are_found_in_text() -> None:
    g = parse_glossary("person: 하은별 = Ha Eun-byeol\norg: 모아누리 = Moanuri")
    claims = factcheck.extract("모아누리는 하은별과 계약했다.", "ko", glossary=g)
    kinds = {(c.kind, c.value.name) for c in claims}
    assert ("org", "모아누리") in kinds and ("person", "하은별") in kinds


def test_csv_with_header(tmp_path) -> None:
    p = tmp_path / "terms.csv"
    p.write_text("kind,ko,en,acronym\norg,국가물류혁신청,National Logistics Innovation Agency,NLIA\n"
                 "place,하람시,Haram City|Haram,\n", encoding="utf-8")
    g = load_glossary(p)
    assert len(g) == 2
    assert g.lookup("NLIA", "org") == g.lookup(AGENCY_KO, "org")
    assert g.lookup("Haram", "place") == g.lookup("하람시", "place")
    assert g.entries[0].kind == "org"


def test_tsv_without_header(tmp_path) -> None:
    p = tmp_path / "terms.tsv"
    p.write_text("모아누리\tMoanuri Co.\n", encoding="utf-8")
    g = load_glossary(p, kind="org")
    assert g.lookup("Moanuri", "org") == g.lookup("모아누리", "org")


def test_txt(tmp_path) -> None:
    p = tmp_path / "terms.txt"
    p.write_text("# a comment\norg: 모아누리 = Moanuri   # trailing comment\n\n", encoding="utf-8")
    g = load_glossary(p)
    assert len(g) == 1 and g.entries[0].terms == ("모아누리", "Moanuri")


def test_tbx(tmp_path) -> None:
    p = tmp_path / "terms.tbx"
    p.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="c1"><descrip type="kind">org</descrip>\n'
        '<langSet xml:lang="ko"><tig><term>국가물류혁신청</term></tig></langSet>\n'
        '<langSet xml:lang="en"><tig><term>National Logistics Innovation Agency</term></tig>'
        '<tig><term>NLIA</term></tig></langSet>\n'
        '</termEntry></body></text></martif>\n', encoding="utf-8")
    g = load_glossary(p)
    assert len(g) == 1 and g.entries[0].kind == "org"
    assert g.lookup("NLIA", "org") == g.lookup(AGENCY_KO, "org")


def test_tbx3_concept_entries(tmp_path) -> None:
    p = tmp_path / "terms.tbx"
    p.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="en"><text><body>'
        '<conceptEntry id="1"><langSec xml:lang="ko"><termSec><term>모아누리</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>Moanuri</term></termSec></langSec></conceptEntry>'
        '</body></text></tbx>', encoding="utf-8")
    g = load_glossary(p)
    assert g.entries[0].terms == ("모아누리", "Moanuri")


def test_yaml(tmp_path) -> None:
    pytest.importorskip("yaml")
    p = tmp_path / "terms.yaml"
    p.write_text("- kind: org\n  ko: 모아누리\n  en: [Moanuri, Moanuri Co.]\n- 하람시 = Haram\n", encoding="utf-8")
    g = load_glossary(p)
    assert len(g) == 2
    assert g.lookup("Moanuri Co.", "org") == g.lookup("모아누리", "org")


def test_yaml_without_pyyaml_says_so(tmp_path, monkeypatch) -> None:
    p = tmp_path / "terms.yml"
    p.write_text("- 모아누리 = Moanuri\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(InputError) as exc:
        load_glossary(p)
    assert "PyYAML" in str(exc.value) and exc.value.reason == "missing-dependency"


def test_bad_files(tmp_path) -> None:
    with pytest.raises(InputError):
        load_glossary(tmp_path / "missing.csv")
    p = tmp_path / "terms.docx"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(InputError):
        load_glossary(p)
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><unclosed>", encoding="utf-8")
    with pytest.raises(InputError):
        load_glossary(bad)
    with pytest.raises(InputError):
        build_glossary([GlossaryEntry(("x", "y"), "thing")])


def test_glossary_is_immutable_and_explicit() -> None:
    g = parse_glossary("모아누리 = Moanuri")
    with pytest.raises(TypeError):
        g.index["org\tx"] = "y"  # type: ignore[index]
    with pytest.raises(AttributeError):
        g.entries = ()  # type: ignore[misc]
    merged = g.merged(parse_glossary("하람시 = Haram"))
    assert len(merged) == 2 and len(g) == 1


# ----------------------------------------------------------------------------- the gazetteer
def test_gazetteer_records_its_source() -> None:
    text = importlib.resources.files("factcheck").joinpath("data", "gazetteer_ko_en.tsv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Source:" in header and "Revised Romanization" in header


def test_gazetteer_entries_are_well_formed() -> None:
    g = bundled_gazetteer()
    assert isinstance(g, Glossary) and len(g) >= 100
    keys = [e.key for e in g.entries]
    assert len(keys) == len(set(keys))
    for e in g.entries:
        assert e.kind in ("org", "place") and e.key
        assert any("가" <= ch <= "힣" for t in e.terms for ch in t), e
        assert any(t.isascii() for t in e.terms), e


@pytest.mark.parametrize(("ko", "en", "kind"), [
    ("조달청", "Public Procurement Service", "org"),
    ("관세청", "Korea Customs Service", "org"),
    ("통계청", "Statistics Korea", "org"),
    ("경상북도", "North Gyeongsang Province", "place"),
    ("전북특별자치도", "Jeonbuk State", "place"),
    ("창원시", "Changwon", "place"),
])
def test_gazetteer_pairs(ko: str, en: str, kind: str) -> None:
    assert name_key(ko, kind) == name_key(en, kind)


def test_hidden_gazetteer_names_are_not_found_alone() -> None:
    # 경기 is known for keys (경기도 = 경기) but in running text it is "the economy"
    assert not [c for c in factcheck.extract("경기 회복이 빠르다.", "ko") if c.kind == "place"]
    assert name_key("경기", "place") == name_key("경기도", "place")


# ----------------------------------------------------------------------------- suggestions
def test_suggestions_from_aligned_sentences() -> None:
    pairs = [
        (f"{AGENCY_KO}은 협약을 맺었다.", f"The {AGENCY_EN} signed a pact."),
        (f"{AGENCY_KO}은 수출을 돕는다.", f"The {AGENCY_EN} helps exporters."),
        ("조달청도 함께했다.", "The Public Procurement Service joined."),  # matched: no suggestion
    ]
    out = suggest_entries(pairs)
    assert out and out[0].terms == (AGENCY_KO, AGENCY_EN) and out[0].count == 2 and out[0].kind == "org"
    assert all("조달청" not in s.terms for s in out)
    assert out[0].line() == f"org: {AGENCY_KO} = {AGENCY_EN}"
    # taking the suggestion silences it
    g = parse_glossary(out[0].line())
    assert suggest_entries(pairs, glossary=g) == []


def test_suggestion_and_entries_pickle() -> None:
    out = suggest_entries([(f"{AGENCY_KO}은 협약을 맺었다.", f"The {AGENCY_EN} signed a pact.")])
    assert pickle.loads(pickle.dumps(out)) == out
