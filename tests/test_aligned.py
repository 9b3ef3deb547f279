"""Aligned inputs (factcheck.aligned): CSV, TSV, JSONL, PO, XLIFF 1.2/2.0 and TMX."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from factcheck.io.aligned import is_aligned, iter_segments, read_segments
from factcheck.errors import InputError
from factcheck.report import Source

DATA = Path(__file__).parent / "data" / "aligned"


def _flat(segments):
    return [(sid, [(s.id, s.lang, s.text) for s in srcs]) for sid, srcs in segments]


def test_csv_with_id_column_quotes_and_newlines():
    segs = read_segments(DATA / "pair.csv")
    assert [sid for sid, _ in segs] == ["intro", "loaves", "multi"]  # "empty" is untranslated
    sid, (ko, en) = segs[2]
    assert (ko.id, ko.lang, en.id, en.lang) == ("ko", "ko", "en", "en")
    assert ko.text == "첫 줄, 쉼표 포함\n둘째 줄 1,500원"
    assert en.text.endswith("1,500 won")
    assert all(isinstance(s, Source) and s.path == str(DATA / "pair.csv") for _, ss in segs for s in ss)


def test_tsv_without_id_uses_line_numbers():
    assert _flat(read_segments(DATA / "pair.tsv")) == [
        ("2", [("ko", "ko", "오븐 두 대를 새로 들였다."), ("en", "en", "It bought two new ovens.")]),
        ("3", [("ko", "ko", "직원은 45명이다."), ("en", "en", "It has 54 employees.")]),
    ]


def test_source_target_columns():
    (seg,) = _flat(read_segments(DATA / "source_target.csv"))
    assert seg[1][0][:2] == ("source", "auto") and seg[1][1][:2] == ("target", "auto")
    (seg,) = _flat(read_segments(DATA / "source_target.csv", lang_a="ko", lang_b="en"))
    assert [s[:2] for s in seg[1]] == [("ko", "ko"), ("en", "en")]


def test_more_than_two_language_columns_need_a_choice():
    with pytest.raises(InputError, match="choose two with lang_a and lang_b") as info:
        read_segments(DATA / "three.csv")
    assert str(info.value).startswith(str(DATA / "three.csv") + ": line 1:")
    (seg,) = _flat(read_segments(DATA / "three.csv", lang_a="ko", lang_b="JA"))
    assert [s[:2] for s in seg[1]] == [("ko", "ko"), ("ja", "ja")]
    (seg,) = _flat(read_segments(DATA / "three.csv", lang_a="en", lang_b="ko"))
    assert [s[0] for s in seg[1]] == ["en", "ko"]
    with pytest.raises(InputError, match="no column 'fr'"):
        read_segments(DATA / "three.csv", lang_a="ko", lang_b="fr")


def test_jsonl():
    segs = _flat(read_segments(DATA / "pair.jsonl"))
    assert [sid for sid, _ in segs] == ["p1", "2", "5"]  # id key, int id, line number
    assert segs[0][1] == [("ko", "ko", "행사는 5월 3일에 열린다."), ("en", "en", "The fair opens on May 3.")]


def test_po():
    segs = _flat(read_segments(DATA / "messages.po"))
    ids = [sid for sid, _ in segs]
    assert ids == ["cart", "16", "30", "34", "cart#2"]  # header, fuzzy, untranslated, obsolete skipped
    assert segs[0][1] == [("en", "en", "Your order of 3 cakes costs 24,000 won."),
                          ("ko", "ko", "케이크 3개 주문 금액은 24,000원입니다.")]
    assert segs[1][1][0][2] == "Delivery takes 2 days on weekdays."  # continued strings joined
    assert segs[3][1][0][2] == 'Say "hi"\tnow\n'  # escapes
    assert segs[2][1][1][2] == "빵 %d개"  # plural: msgstr[0]


def test_po_languages_from_the_caller_when_the_header_has_none(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid "3 cats"\nmsgstr "고양이 3마리"\n', encoding="utf-8")
    assert _flat(read_segments(po)) == [("1", [("source", "auto", "3 cats"), ("target", "auto", "고양이 3마리")])]
    (seg,) = _flat(read_segments(po, lang_a="en", lang_b="ko"))
    assert [s[:2] for s in seg[1]] == [("en", "en"), ("ko", "ko")]


def test_xliff_12_inline_markup():
    segs = _flat(read_segments(DATA / "v12.xlf"))
    assert segs == [
        ("t1", [("ko-KR", "ko", "단팥빵은 1,200원입니다."), ("en-US", "en", "Red bean buns cost 1,200 won.")]),
        ("t2", [("ko-KR", "ko", "매장은 오전 7시에 연다."), ("en-US", "en", "The shop opens at 7 a.m.")]),
    ]


def test_xliff_12_caller_order_and_mismatch():
    segs = _flat(read_segments(DATA / "v12.xlf", lang_a="en-us", lang_b="ko-kr"))
    assert segs[0][1][0] == ("en-US", "en", "Red bean buns cost 1,200 won.")
    with pytest.raises(InputError, match="not ja"):
        read_segments(DATA / "v12.xlf", lang_a="ja", lang_b="en")


def test_xliff_20_segments_ignorables_and_codes():
    segs = _flat(read_segments(DATA / "v20.xlf"))
    assert [sid for sid, _ in segs] == ["u1", "u2"]  # u3 untranslated
    assert segs[0][1] == [("en", "en", "We baked 2,000 cookies. Each costs\u00a0$3."),
                          ("ko", "ko", "쿠키 2,000개를 구웠다. 개당 3달러다.")]


def test_tmx():
    segs = _flat(read_segments(DATA / "memory.tmx"))
    assert segs == [
        ("b1", [("ko", "ko", "밀가루 값이 8% 올랐다."), ("en-GB", "en", "Flour prices rose 8%.")]),
        ("2", [("ko", "ko", "카페는 30석이다."), ("en-GB", "en", "The cafe seats 30.")]),
    ]


def test_tmx_with_three_languages(tmp_path):
    tmx = tmp_path / "m.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="*all*"/><body><tu>'
        '<tuv xml:lang="ko"><seg>사과 5개</seg></tuv><tuv xml:lang="en"><seg>5 apples</seg></tuv>'
        '<tuv xml:lang="ja"><seg>りんご5個</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(InputError, match="expected two languages"):
        read_segments(tmx)
    assert _flat(read_segments(tmx, lang_a="ko", lang_b="en"))[0][1][1] == ("en", "en", "5 apples")


def test_encodings(tmp_path):
    cp = tmp_path / "legacy.csv"
    cp.write_bytes("ko,en\n사과 5개,5 apples\n".encode("cp949"))
    assert _flat(read_segments(cp))[0][1][0][2] == "사과 5개"
    u16 = tmp_path / "excel.tsv"
    u16.write_bytes(codecs.BOM_UTF16_LE + "ko\ten\r\n배 3개\t3 pears\r\n".encode("utf-16-le"))
    assert _flat(read_segments(u16)) == [("2", [("ko", "ko", "배 3개"), ("en", "en", "3 pears")])]
    bom = tmp_path / "bom.csv"
    bom.write_bytes(codecs.BOM_UTF8 + "ko,en\n감 2개,2 persimmons\n".encode())
    assert _flat(read_segments(bom))[0][1][0][:2] == ("ko", "ko")  # the BOM is not in the header


@pytest.mark.parametrize("name, message", [
    ("broken.jsonl", "line 2: not JSON"),
    ("broken.po", "line 2: expected a quoted string"),
    ("broken.xlf", "not well-formed XML: mismatched tag: line 3"),
    ("ragged.csv", "line 3: expected 3 fields as in the header, found 2"),
    ("entity.xlf", "DOCTYPE with declarations"),
])
def test_malformed_files(name, message):
    with pytest.raises(InputError, match=message) as info:
        read_segments(DATA / name)
    assert str(info.value).startswith(str(DATA / name) + ": ")


@pytest.mark.parametrize("content, message", [
    ('<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "x.dtd" [<!ENTITY a "b">]>\n<xliff/>', "DOCTYPE"),
    ('<!-- a comment --><!ENTITY a "b"><xliff/>', "before the root element"),
    ('<xliff version="1.2"><file><body><trans-unit id="1"><source>&x;</source></trans-unit></body></file></xliff>',
     "undefined entity"),
    ("<html><body/></html>", "neither <xliff> nor <tmx>"),
    ("", "not well-formed XML|empty"),
    ('<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>', "without xml:lang"),
])
def test_unsafe_or_bad_xml(tmp_path, content, message):
    f = tmp_path / "t.xlf"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_segments(f)


def test_file_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_segments(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="not an aligned file"):
        read_segments(tmp_path / "notes.txt")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        read_segments(tmp_path / "empty.csv")
    (tmp_path / "bin.tsv").write_bytes(b"ko\ten\n\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_segments(tmp_path / "bin.tsv")
    (tmp_path / "latin.csv").write_bytes(b"ko,en\n\xff\xfe\xfa,x\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_segments(tmp_path / "latin.csv")


def test_streaming_yields_before_a_late_error(tmp_path):
    f = tmp_path / "big.jsonl"
    f.write_text("".join(f'{{"ko": "{i}개", "en": "{i} items"}}\n' for i in range(1000)) + "{oops\n",
                 encoding="utf-8")
    it = iter_segments(f)
    assert next(it)[0] == "1"
    with pytest.raises(InputError, match="line 1001"):
        for _ in it:
            pass


def test_is_aligned():
    assert is_aligned("a/b.XLF") and is_aligned("m.tmx") and is_aligned("x.po") and is_aligned("d.jsonl")
    assert not is_aligned("release_ko.txt") and not is_aligned("README")
