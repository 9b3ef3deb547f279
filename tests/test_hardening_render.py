"""Hardening (issue 7): reports made by the real pipeline from hostile sources escape source
text in every format — ``<script>alert(1)</script>`` shows as text, and ``|``, backticks and
newlines cannot break a Markdown table."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import factcheck
from factcheck.render import md_escape, render

SCRIPT = "<script>alert(1)</script>"
EVIL = (f"{SCRIPT} Samsung | signed a `$16 million` deal\n| x | y |\n"
        "on July 20, 2023 <img src=x onerror=alert(2)> [z](javascript:alert(3)) \x1b[31m 35%` ok")
CLEAN = "Samsung signed a $17 million deal on July 20, 2023. A 30% share."


def _hostile() -> tuple[factcheck.Report, list[factcheck.Source]]:
    srcs = [factcheck.Source(EVIL, id="ev|il`<b>\n", lang="en", path="a|b`<i>.txt"),
            factcheck.Source(CLEAN, id="en", lang="en", path="en.txt")]
    return factcheck.check(srcs), srcs


def _benign() -> tuple[factcheck.Report, list[factcheck.Source]]:
    srcs = [factcheck.Source(CLEAN.replace("17", "16"), id="a", lang="en", path="a.txt"),
            factcheck.Source(CLEAN, id="en", lang="en", path="en.txt")]
    return factcheck.check(srcs), srcs


def test_the_hostile_text_reaches_the_report() -> None:
    report, _ = _hostile()
    texts = {sc.claim.text for f in report.findings for sc in f.claims}
    assert {"$16 million", "$17 million", "30%"} <= texts


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(page)
    return p.tags


def test_html_shows_source_text_as_text() -> None:
    report, srcs = _hostile()
    page = render(report, "html", sources=srcs)
    assert SCRIPT not in page and "<img" not in page and "\x1b" not in page
    assert "&lt;script&gt;alert(" in page  # the 1 is a claim, linked
    benign = render(_benign()[0], "html", sources=_benign()[1])
    hostile_tags = [t for t, _ in _tags(page)]
    assert hostile_tags.count("script") == [t for t, _ in _tags(benign)].count("script")
    assert "img" not in hostile_tags
    assert set(hostile_tags) <= {t for t, _ in _tags(benign)}  # no tag comes from a source
    for _, attrs in _tags(page):
        assert not any(k.startswith("on") for k in attrs)
        assert not any(v and v.strip().lower().startswith("javascript:") for v in attrs.values())


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_tables_stay_tables() -> None:
    report, srcs = _hostile()
    out = render(report, "markdown", sources=srcs)
    assert "<script" not in out and "<img" not in out and "\x1b" not in out
    assert not re.search(r"(?<!\\)`", out), "an unescaped backtick opens a code span"
    assert not re.search(r"(?<!\\)\]\(javascript", out)
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---") or line.startswith("|:--") or line.startswith("|---:"):
            width = _unescaped_pipes(lines[i - 1])
            j = i + 1
            while j < len(lines) and lines[j].startswith("|"):
                assert _unescaped_pipes(lines[j]) == width, lines[j]
                j += 1
    # every line of a table starts and ends the row: no newline from a source split one
    for line in lines:
        if line.startswith("| "):
            assert line.endswith(" |"), line


@pytest.mark.parametrize("text", ["a|b", "`code`", "line\nbreak", "cr\r\nlf", "<b>&amp;", "[x](y)", "*_~$\\"])
def test_md_escape_never_leaves_markup(text: str) -> None:
    out = md_escape(text)
    assert "\n" not in out and "\r" not in out
    assert _unescaped_pipes(out) == 0
    assert not re.search(r"(?<!\\)[`*_\[\]~$]", out)
    assert "<" not in out and ">" not in out


def test_sarif_is_valid_json_holding_the_text_as_data() -> None:
    report, srcs = _hostile()
    out = render(report, "sarif", sources=srcs)
    log = json.loads(out)
    dumped = json.dumps(log, ensure_ascii=False)
    assert "\x1b" not in out
    assert log["runs"][0]["results"]
    for result in log["runs"][0]["results"]:
        for loc in result.get("locations", []):
            uri = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
            assert "<" not in uri and "|" not in uri and "`" not in uri
    assert "$16 million" in dumped


def test_junit_is_well_formed_xml_with_text_as_text() -> None:
    report, srcs = _hostile()
    out = render(report, "junit", sources=srcs)
    root = ET.fromstring(out.encode("utf-8"))
    tags = {el.tag for el in root.iter()}
    assert tags <= {"testsuites", "testsuite", "testcase", "failure", "skipped", "system-out", "properties",
                    "property", "error"}, tags
    assert "\x1b" not in out
    assert SCRIPT not in out
