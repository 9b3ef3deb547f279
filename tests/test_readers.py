"""The readers of factcheck/io/readers: each format's text, its map back to the file, its
metadata and its verbatim facts. Every document is built here (tests/formats.py)."""

from __future__ import annotations

import datetime as _dt
import io
import pathlib
import sys
import zipfile

import formats as F
import pytest

from factcheck.errors import InputError
from factcheck.io.readers import Reading, default_readers, read_document
from factcheck.io.readers.html import HtmlReader
from factcheck.io.readers.markdown import MarkdownReader
from factcheck.io.readers.meta import front_matter, meta_date
from factcheck.io.readers.text import TextReader
from factcheck.origin import Location, file_line_starts

MD_KO = """---
title: 설치 안내
date: 2023-11-02
version: 2024.5.2
tags: [release, 2024]
---
# 설치

매출은 12% 늘었다. 자세한 내용은 [가이드](/docs/2023/11/guide.html)를 보세요.
`--timeout 600`을 주면 10분을 기다린다.

| 항목 | 값 |
|---|---|
| 직원 | 45명 |

```sh
factcheck check --timeout 600 --since 2024-05-02
```

![그래프](/img/2024/sales-15.png) 쿼리 https://example.com/r?d=20240502 참고.
"""


def md(text: str, name: str = "guide.md") -> Reading:
    return MarkdownReader().read(text.encode("utf-8"), name)


def at(reading: Reading, fragment: str, nth: int = 0) -> Location:
    start = -1
    for _ in range(nth + 1):
        start = reading.text.index(fragment, start + 1)
    loc = reading.origin.locate(start, start + len(fragment))
    assert loc is not None
    return loc


def line_col(text: str, fragment: str) -> tuple[int, int]:
    """Where ``fragment`` is in a file's text, by hand: 1-based line and column."""
    i = text.index(fragment)
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


# ----------------------------------------------------------------------------- Markdown
def test_markdown_text_is_the_prose_and_front_matter_is_metadata() -> None:
    r = md(MD_KO)
    assert "title" not in r.text and "2024.5.2" not in r.text and "2023-11-02" not in r.text
    assert r.text.startswith("설치\n\n매출은 12% 늘었다. 자세한 내용은 가이드를 보세요.\n")
    assert "직원 | 45명" in r.text
    assert r.origin.format == "markdown"
    assert r.origin.published == _dt.date(2023, 11, 2) and r.origin.published_from == "front-matter"
    assert dict(r.origin.metadata)["title"] == "설치 안내"


def test_markdown_spans_map_to_line_and_column_of_the_file() -> None:
    r = md(MD_KO)
    assert (at(r, "설치").line, at(r, "설치").column) == (7, 3)  # the heading, after the front matter
    for fragment in ("12%", "45명", "가이드", "10분", "--timeout 600", "factcheck check"):
        loc = at(r, fragment)
        assert (loc.line, loc.column) == line_col(MD_KO, fragment), fragment
        assert loc.end_line == loc.line and loc.end_column == loc.column + len(fragment)
    # a link target, listed after the text, points at the target in the file
    url = at(r, "/docs/2023/11/guide.html")
    assert (url.line, url.column) == line_col(MD_KO, "/docs/2023/11/guide.html")


def test_markdown_verbatim_facts() -> None:
    r = md(MD_KO)
    got = [(c.kind, c.text, c.rule) for c in r.origin.verbatim]
    assert ("code", "--timeout 600", "markdown.code.inline") in got
    assert ("code", "factcheck check --timeout 600 --since 2024-05-02", "markdown.code.block") in got
    assert ("url", "/docs/2023/11/guide.html", "markdown.link") in got
    assert ("url", "/img/2024/sales-15.png", "markdown.image") in got
    assert ("url", "https://example.com/r?d=20240502", "markdown.link.bare") in got
    for c in r.origin.verbatim:
        assert r.text[c.start:c.end] == c.text  # a verbatim fact is a span of the text


def test_markdown_autolinks_crlf_entities_and_html() -> None:
    src = ("Tom &amp; Jerry said <https://example.com/a> 3 times.\r\n"
           "Next line *with* `code 5` and <span class=\"note\" title=\"메모\">9%</span>.\r\n\r\n"
           "<div id=\"box\">Inside 7% <a href=\"/x/2024\">here</a></div>\r\n")
    r = md(src, "a.md")
    assert r.text.startswith("Tom & Jerry said https://example.com/a 3 times.\nNext line with code 5 and 9%.")
    assert "Inside 7% here" in r.text
    kinds = {(c.kind, c.text) for c in r.origin.verbatim}
    assert ("url", "https://example.com/a") in kinds and ("url", "/x/2024") in kinds
    assert ("attribute", 'class="note"') in kinds and ("attribute", 'id="box"') in kinds
    assert not any("메모" in c.text for c in r.origin.verbatim)  # a title is words, not verbatim
    # CR LF line ends: lines and columns as an editor counts them
    assert (at(r, "9%").line, at(r, "9%").column) == (2, src.split("\r\n")[1].index("9%") + 1)
    assert (at(r, "7%").line, at(r, "7%").column) == (4, src.split("\r\n")[3].index("7%") + 1)
    assert at(r, "Jerry").column == 11  # after the entity, the alignment finds the file again


def test_front_matter_forms() -> None:
    toml = front_matter('+++\ntitle = "x"\ndate = 2024-05-02T10:00:00+09:00\n+++\nbody\n')
    assert toml is not None and toml.published == _dt.date(2024, 5, 2) and toml.lines == 4
    yaml = front_matter("---\npublished: '2024-05-03'  \ndate: 2024-01-01 # created\nlang: en-US\n...\nx\n")
    assert yaml is not None and yaml.published == _dt.date(2024, 5, 3) and yaml.lang == "en"
    assert front_matter("--- not front matter\n") is None
    assert front_matter("---\nnever closed\n") is None
    assert front_matter("# title\n---\n") is None
    assert meta_date("D:20240502093000+09'00'") == _dt.date(2024, 5, 2)
    assert meta_date("2024/13/40") is None


# ----------------------------------------------------------------------------- HTML
PAGE = """<!DOCTYPE html>
<html lang="ko-KR"><head><meta charset="utf-8"><title>보도자료 | 기관</title>
<meta property="article:published_time" content="2024-05-02T09:00:00+09:00">
<meta property="article:modified_time" content="2024-05-03T09:00:00+09:00">
<script>var share = "99%"; </script><style>.x{width:50%}</style></head>
<body><header><nav><a href="/">홈</a> 방문자 77%</nav></header>
<main><article><header><h1>수출 <b>18%</b> 증가</h1><time datetime="2024-04-30">4월 30일</time></header>
<p>지난해 매출은   <a href="/docs/2023/11/guide.html#top">가이드</a>
 1,600만불 &amp; 약 85억 원이다.</p>
<table><tr><th>항목</th><th>값</th></tr><tr><td>직원</td><td>45명</td></tr></table>
<pre><code>factcheck --timeout 600</code></pre>
<p hidden>숨은 글 33%</p><p style="display: none">또 숨은 글 34%</p>
</article></main>
<footer>저작권 2024 · 전화 02-123-4567</footer></body></html>
"""


def test_html_visible_text_only() -> None:
    r = HtmlReader().read(PAGE.encode("utf-8"), "release.html")
    assert r.text.startswith("수출 18% 증가\n\n4월 30일\n\n지난해 매출은 가이드 1,600만불 & 약 85억 원이다.\n")
    for hidden in ("99%", "50%", "77%", "홈", "33%", "34%", "저작권", "보도자료"):
        assert hidden not in r.text, hidden
    assert "항목 | 값\n직원 | 45명" in r.text
    assert r.origin.published == _dt.date(2024, 5, 2) and r.origin.published_from == "html-meta"
    assert r.origin.lang == "ko"
    assert dict(r.origin.metadata)["modified"] == "2024-05-03"
    for fragment in ("18%", "1,600만불", "85억", "45명", "factcheck --timeout 600"):
        loc = at(r, fragment)
        assert (loc.line, loc.column) == line_col(PAGE, fragment), fragment
    facts = {(c.kind, c.text) for c in r.origin.verbatim}
    assert facts == {("code", "factcheck --timeout 600"), ("url", "/docs/2023/11/guide.html#top")}


def test_html_time_element_gives_the_date_when_no_meta_does() -> None:
    page = ("<html><body><article><header><time datetime='2024-04-30T10:00'>어제</time></header>"
            "<p>행사는 <time datetime='2024-06-01'>6월 1일</time>에 열린다.</p></article></body></html>")
    r = HtmlReader().read(page.encode(), "a.html")
    assert r.origin.published == _dt.date(2024, 4, 30) and r.origin.published_from == "html-time"
    only_prose = "<p>행사는 <time datetime='2024-06-01'>6월 1일</time>에 열린다.</p>"
    assert HtmlReader().read(only_prose.encode(), "b.html").origin.published is None


def test_html_encodings() -> None:
    page = '<html><head><meta charset="euc-kr"></head><body><p>수출 18%</p></body></html>'
    r = HtmlReader().read(page.encode("cp949"), "old.html")
    assert r.text == "수출 18%\n" and r.origin.encoding == "cp949"
    sniffed = HtmlReader().read("<p>수출 18%</p>".encode("cp949"), "sniffed.html")
    assert sniffed.text == "수출 18%\n" and sniffed.origin.encoding == "cp949"
    wrong = '<html><head><meta charset="utf-8"></head><body><p>수출 18%</p></body></html>'.encode("cp949")
    with pytest.raises(InputError, match=r"not utf-8 text as its <meta charset> declares \(invalid byte 0x") as info:
        HtmlReader().read(wrong, "wrong.html")
    assert info.value.path == "wrong.html" and info.value.reason == "undecodable"


# ----------------------------------------------------------------------------- Word
BLOCKS: list[str | F.Table] = ["수출이 18% 늘었다.", [["항목", "값"], ["직원", "45명"]], "끝."]


def test_docx_paragraphs_tables_and_dates() -> None:
    data = F.docx_bytes(BLOCKS, created=_dt.datetime(2024, 5, 1, 9), modified=_dt.datetime(2024, 5, 2, 18),
                        links=[("사이트", "https://example.com/2024/05")])
    r = default_readers().for_path("release.docx").read(data, "release.docx")
    assert r.text.startswith("수출이 18% 늘었다.\n\n항목 | 값\n직원 | 45명\n\n끝.\n")
    assert at(r, "18%") == Location(paragraph=1, column=5)
    assert at(r, "45명") == Location(table=1, row=2, cell=2, paragraph=1, column=1)
    assert at(r, "끝") == Location(paragraph=2, column=1)
    assert r.origin.published is None and r.origin.fallback_published == _dt.date(2024, 5, 2)
    assert dict(r.origin.metadata) == {"created": "2024-05-01", "modified": "2024-05-02"}
    assert [(c.kind, c.text) for c in r.origin.verbatim] == [("url", "https://example.com/2024/05")]


def test_docx_damaged_or_not_docx() -> None:
    reader = default_readers().by_name("docx")
    cases = {
        b"PK\x03\x04 corrupt zip": "not a valid zip archive",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600: r"legacy Word \(\.doc\) file",
        F.hwpx_bytes(["x"]): "the archive has no word/document.xml",
        b"plain text": "not a valid zip archive",
    }
    for data, reason in cases.items():
        with pytest.raises(InputError, match=reason) as info:
            reader.read(data, "bad.docx")
        assert info.value.path == "bad.docx"


# ----------------------------------------------------------------------------- Hangul
def test_hwpx_paragraphs_tables_and_dates() -> None:
    r = default_readers().for_path("release.hwpx").read(F.hwpx_bytes(BLOCKS, header="머리말 99%"), "release.hwpx")
    assert r.text == "수출이 18% 늘었다.\n\n항목 | 값\n직원 | 45명\n\n끝.\n"  # the page header is left out
    assert at(r, "18%") == Location(section=1, paragraph=2, column=5)
    assert at(r, "45명") == Location(section=1, table=1, row=2, cell=2, paragraph=1, column=1)
    assert r.origin.fallback_published == _dt.date(2024, 5, 2) and r.origin.lang == "ko"


def test_hwp5_paragraphs_tables_and_sections() -> None:
    for compressed in (True, False):
        data = F.hwp_bytes(BLOCKS, compressed=compressed, sections=[["둘째 구역 7%"]])
        r = default_readers().for_path("release.hwp").read(data, "release.hwp")
        assert r.text == "수출이 18% 늘었다.\n\n항목 | 값\n직원 | 45명\n\n끝.\n\n둘째 구역 7%\n"
        assert at(r, "18%") == Location(section=1, paragraph=1, column=5)
        assert at(r, "45명") == Location(section=1, table=1, row=2, cell=2, paragraph=1, column=1)
        assert at(r, "7%") == Location(section=2, paragraph=1, column=7)
        assert at(r, "45명").describe() == "table 1, row 2, cell 2"
        assert at(r, "7%").describe() == "section 2, paragraph 1"


def test_hangul_files_refused_with_the_reason() -> None:
    reg = default_readers()
    cases = [
        ("locked.hwp", F.hwp_bytes(BLOCKS, flags=0x2), "encrypted Hangul file: it needs a password"),
        ("shared.hwp", F.hwp_bytes(BLOCKS, flags=0x4), "distribution document"),
        ("zip.hwp", F.hwpx_bytes(BLOCKS), "an .hwpx file"),
        ("bad.hwpx", b"PK\x03\x04 broken", "not a valid zip archive"),
        ("ole.hwpx", F.hwp_bytes(BLOCKS), "read it as .hwp"),
        ("word.hwpx", F.docx_bytes(["x"]), "the archive has no Contents/section0.xml"),
    ]
    for name, data, reason in cases:
        with pytest.raises(InputError, match=reason) as info:
            reg.for_path(name).read(data, name)
        assert info.value.path == name


# ----------------------------------------------------------------------------- PDF
def test_pdf_pages_and_dates() -> None:
    data = F.pdf_bytes([["Sales rose 12% in 2023.", "It has 46 employees."], ["Exports grew 18%."]],
                       info={"Title": "Release", "CreationDate": "D:20240502090000+09'00'"})
    r = default_readers().for_path("release.pdf").read(data, "release.pdf")
    assert r.text == "Sales rose 12% in 2023.\nIt has 46 employees.\n\nExports grew 18%.\n"
    assert at(r, "12%") == Location(page=1, column=12) and at(r, "18%").page == 2
    assert r.origin.fallback_published == _dt.date(2024, 5, 2) and r.origin.lang == "en"


def test_pdf_refused_with_the_reason() -> None:
    reader = default_readers().by_name("pdf")
    with pytest.raises(InputError, match=r"no text layer in its 2 pages \(a scanned PDF\?\)") as info:
        reader.read(F.pdf_bytes([[], []]), "scan.pdf")
    assert info.value.reason == "no-text"
    with pytest.raises(InputError, match="encrypted PDF: it needs a password") as info:
        reader.read(F.encrypted_pdf_bytes([["Sales rose 12%."]]), "locked.pdf")
    assert info.value.reason == "encrypted"
    with pytest.raises(InputError, match="does not start with %PDF"):
        reader.read(b"hello", "fake.pdf")
    with pytest.raises(InputError, match="not a readable PDF"):
        reader.read(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "cut.pdf")


# ----------------------------------------------------------------------------- extras
@pytest.mark.parametrize(("name", "module", "extra", "data"), [
    ("a.docx", "docx", "docx", b"PK"),
    ("a.hwp", "olefile", "hwp", b""),
    ("a.pdf", "pypdf", "pdf", b"%PDF-1.4"),
])
def test_a_missing_extra_names_itself(monkeypatch: pytest.MonkeyPatch, name: str, module: str, extra: str,
                                      data: bytes) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed: import raises ImportError
    with pytest.raises(InputError, match=rf"pip install 'factcheck\[{extra}\]'") as info:
        default_readers().for_path(name).read(data, name)
    assert info.value.reason == "missing-extra" and info.value.path == name


def test_the_default_install_reads_text_markdown_html_and_hwpx_without_extras(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("docx", "olefile", "pypdf", "lxml", "yaml"):
        monkeypatch.setitem(sys.modules, module, None)
    reg = default_readers()
    assert reg.for_path("a.md").read(MD_KO.encode(), "a.md").text
    assert reg.for_path("a.html").read(PAGE.encode(), "a.html").text
    assert reg.for_path("a.hwpx").read(F.hwpx_bytes(BLOCKS), "a.hwpx").text
    assert reg.for_path("a.txt").read("수출 18%".encode("cp949"), "a.txt").origin.encoding == "cp949"


# ----------------------------------------------------------------------------- the registry
class _CsvReader:
    """A reader of one's own: the first column of a CSV file, one line each."""

    name = "firstcol"
    extensions = (".csv", ".md")
    extra = None

    def read(self, data: bytes, name: str) -> Reading:
        from factcheck.origin import Origin

        text = "\n".join(line.split(",")[0] for line in data.decode().splitlines()) + "\n"
        return Reading(text, Origin(format="firstcol"))


def test_readers_are_pluggable() -> None:
    reg = default_readers().with_reader(_CsvReader())
    assert reg.for_path("x.csv").name == "firstcol" and reg.for_path("x.md").name == "firstcol"
    assert reg.for_path("x.markdown").name == "markdown"  # the other extensions stay with their reader
    assert reg.for_path("x.unknown").name == "text" and reg.knows("x.csv") and not reg.knows("x.png")
    assert "firstcol" in reg.names() and "firstcol" not in default_readers().names()
    with pytest.raises(InputError, match="unknown input format 'nope'"):
        reg.by_name("nope")
    bad = type("Bad", (_CsvReader,), {"extensions": ("CSV",)})()
    with pytest.raises(TypeError, match="lower case and starts with a dot"):
        reg.with_reader(bad)


def test_text_reader_names_a_legacy_encoding() -> None:
    assert TextReader().read("수출 18%".encode("cp949"), "a.txt").origin.encoding == "cp949"
    assert TextReader().read("수출 18%".encode(), "a.txt").origin.encoding is None
    assert TextReader().read("수출".encode("utf-16"), "a.txt").origin.encoding == "utf-16"


def test_file_line_starts_counts_every_line_end() -> None:
    assert file_line_starts("a\nb\r\nc\rd") == (0, 2, 5, 7)


def test_hostile_nesting_is_read_or_refused_without_a_traceback(tmp_path: pathlib.Path) -> None:
    folder = tmp_path
    page = folder / "deep.html"
    page.write_text("<div>" * 20_000 + "수출 18%" + "</div>" * 20_000, encoding="utf-8")
    assert read_document(str(page)).text == "수출 18%\n"
    deep = "<hp:p><hp:run><hp:t>x</hp:t>" + "<hp:ctrl>" * 5_000 + "</hp:ctrl>" * 5_000 + "</hp:run></hp:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(F.hwpx_bytes(["a"]))) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "Contents/section0.xml":
                body = body.replace(b"</hs:sec>", deep.encode() + b"</hs:sec>")
            dst.writestr(info, body)
    path = folder / "deep.hwpx"
    path.write_bytes(out.getvalue())
    try:
        reading = read_document(str(path))
    except InputError as exc:
        assert "nested too deeply" in exc.message
    else:
        assert reading.text.startswith("a")
