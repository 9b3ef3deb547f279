"""Hardening (issue 7): files as users have them, run through the real command.

Every bad input — missing, unreadable, a directory, binary, undecodable, too large, a broken
aligned file — exits 2 with one line ``factcheck: FILE: reason`` on stderr and no traceback,
for ``extract`` and for ``check``. UTF-8, UTF-8 with BOM, UTF-16 with BOM and CP949/EUC-KR are
read; an empty file gives an empty report and exit 0.
"""

from __future__ import annotations

import codecs
import json
import os
import pathlib
import subprocess
import sys

import pytest

TEXT = "삼성전자는 1,600만불 규모의 수출계약을 맺었다. 점유율 35%."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True, timeout=120)
    return subprocess.CompletedProcess(out.args, out.returncode, out.stdout.decode("utf-8"),
                                       out.stderr.decode("utf-8", "replace"))


def assert_refused(res: subprocess.CompletedProcess[str], path: str, fragment: str) -> None:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith(f"factcheck: {path}: "), lines[0]
    assert fragment in lines[0], lines[0]
    assert res.stdout == ""


# name -> (file name, bytes or None for "do not create", expected fragment of the reason)
BAD = {
    "missing": ("missing.txt", None, "no such file"),
    "directory": ("adir", "DIR", "is a directory"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe", "binary"),
    "undecodable": ("latin1.txt", "Café 1,600 naïve £5".encode("latin-1"), "not UTF-8"),
    "bad utf-8 after BOM": ("bom.txt", codecs.BOM_UTF8 + b"1 \xff\xfe 2", "invalid utf-8"),
    "bad utf-16": ("u16.txt", codecs.BOM_UTF16_LE + "1억".encode("utf-16-le") + b"\x00", "invalid utf-16"),
    "lone surrogate in utf-16": ("sur.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "invalid utf-16"),
}


def _make(tmp_path: pathlib.Path, name: str, data: bytes | str | None) -> str:
    path = tmp_path / name
    if data == "DIR":
        path.mkdir()
    elif data is not None:
        assert isinstance(data, bytes)
        path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("case", list(BAD))
def test_bad_file_extract(tmp_path: pathlib.Path, case: str) -> None:
    name, data, fragment = BAD[case]
    path = _make(tmp_path, name, data)
    assert_refused(run("extract", path), path, fragment)


@pytest.mark.parametrize("case", list(BAD))
def test_bad_file_check(tmp_path: pathlib.Path, case: str) -> None:
    name, data, fragment = BAD[case]
    path = _make(tmp_path, name, data)
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    assert_refused(run("check", str(good), path), path, fragment)
    assert_refused(run("check", path, str(good), "--format", "json"), path, fragment)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        assert_refused(run("extract", str(path)), str(path), "permission denied")
        good = tmp_path / "good.txt"
        good.write_text(TEXT, encoding="utf-8")
        assert_refused(run("check", str(good), str(path)), str(path), "permission denied")
    finally:
        path.chmod(0o600)


def test_too_large(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 10, encoding="utf-8")
    assert_refused(run("extract", str(path), "--max-bytes", "100"), str(path), "over the limit")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    assert_refused(run("check", str(good), str(path), "--max-bytes", "100"), str(path), "over the limit")


def test_stdin_binary_is_refused() -> None:
    assert_refused(run("extract", "-", stdin=b"\x00\x01\x02\xff"), "<stdin>", "binary")


ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "cp949": TEXT.encode("cp949"),
    "euc-kr": TEXT.encode("euc-kr"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_are_detected(tmp_path: pathlib.Path, encoding: str) -> None:
    path = tmp_path / "ko.txt"
    path.write_bytes(ENCODINGS[encoding])
    res = run("extract", str(path), "--lang", "ko")
    assert res.returncode == 0, res.stderr
    claims = json.loads(res.stdout)["claims"]
    texts = [c["text"] for c in claims]
    assert "1,600만불" in texts and "35%" in texts
    for c in claims:  # offsets index the decoded text, BOM dropped
        assert TEXT[c["start"]:c["end"]] == c["text"]
    en = tmp_path / "en.txt"
    en.write_text("Samsung signed a $16 million export deal. A 35% share.", encoding="utf-8")
    res = run("check", str(path), str(en), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["summary"]["conflict"] == 0


def test_empty_files_give_empty_reports(tmp_path: pathlib.Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bom_only = tmp_path / "bom.txt"
    bom_only.write_bytes(codecs.BOM_UTF8)
    for path in (empty, bom_only):
        res = run("extract", str(path))
        # checked with no claims, and said so (issue 17: it used to be silent)
        assert res.returncode == 0
        assert res.stderr == (f"factcheck: warning: {path}: no text to check (an empty file); checked with no "
                              "claims (--strict makes this an error)\n")
        assert json.loads(res.stdout) == {"claims": []}
        res = run("extract", str(path), "--strict")
        assert res.returncode == 2 and res.stderr == f"factcheck: {path}: no text to check (an empty file)\n"
    res = run("check", str(empty), str(bom_only), "--format", "json")
    assert res.returncode == 0 and res.stderr.count("factcheck: warning: ") == 2
    report = json.loads(res.stdout)
    assert report["findings"] == [] and sum(report["summary"].values()) == 0
    assert [s["empty"] for s in report["sources"]] == [True, True]
    res = run("check", str(empty), str(bom_only))
    assert res.returncode == 0 and "Traceback" not in res.stderr
    res = run("check", str(empty), str(bom_only), "--strict")
    assert res.returncode == 2 and "Traceback" not in res.stderr and res.stderr.count("no text to check") == 2


BAD_ALIGNED = {
    "binary.csv": b"ko,en\n\x00\x01\x02,\xff\n",
    "latin1.tsv": "ko\ten\ncafé\tcafé £1\n".encode("latin-1"),
    "broken.jsonl": b'{"ko": "1", "en": \n',
    "broken.po": b'msgid "1\nmsgstr "2"\n',
    "broken.xlf": b"<xliff version='1.2'><file><body><trans-unit>",
    "bomb.tmx": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><tmx>&a;</tmx>',
}


@pytest.mark.parametrize("name", list(BAD_ALIGNED))
def test_bad_aligned_files(tmp_path: pathlib.Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_ALIGNED[name])
    res = run("check", str(path))
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith(f"factcheck: {path}"), res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_aligned_file_over_max_bytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("ko\ten\n" + "1억 원\t100 million won\n" * 20, encoding="utf-8")
    assert_refused(run("check", str(path), "--max-bytes", "100"), str(path), "over the limit")
    assert run("check", str(path)).returncode == 0


def test_aligned_readers_stream(tmp_path: pathlib.Path) -> None:
    """iter_segments reads CSV/TSV, JSONL, PO and XLIFF as a stream: taking the first segment of
    a large file allocates a small fraction of the file's size."""
    import tracemalloc

    from factcheck.io.aligned import iter_segments

    n = 150_000
    files = {
        "a.tsv": "ko\ten\n" + "1억 원\t100 million won\n" * n,
        "a.jsonl": '{"ko": "1억 원", "en": "100 million won"}\n' * n,
        "a.po": "".join(f'msgctxt "{i}"\nmsgid "1억 원"\nmsgstr "100 million won"\n\n' for i in range(n)),
        "a.xlf": ("<xliff version='1.2'><file source-language='ko' target-language='en'><body>"
                  + "".join(f"<trans-unit id='{i}'><source>1억 원</source><target>100 million won</target></trans-unit>"
                            for i in range(n)) + "</body></file></xliff>"),
    }
    for name, body in files.items():
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        size = path.stat().st_size
        tracemalloc.start()
        try:
            it = iter_segments(path)
            seg_id, sources = next(it)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert sources[0].text == "1억 원"
        assert peak < size / 4, (name, peak, size)
        assert next(it)[1][1].text == "100 million won"


def test_text_over_the_limit_names_the_file_and_the_flag(tmp_path: pathlib.Path) -> None:
    """A file over --max-bytes (here the size of Python's 5,000,000-character default): refused,
    file and flag named (the flag raises it: see the next test)."""
    from factcheck.api import DEFAULT_MAX_CHARS

    path = tmp_path / "huge.txt"
    path.write_bytes(b" " * (DEFAULT_MAX_CHARS + 1))
    limit = str(DEFAULT_MAX_CHARS)
    assert_refused(run("extract", str(path), "--max-bytes", limit), str(path), "(--max-bytes)")
    small = tmp_path / "small.txt"
    small.write_text(TEXT, encoding="utf-8")
    assert_refused(run("check", str(small), str(path), "--max-bytes", limit), str(path), "(--max-bytes)")


def test_max_bytes_is_the_one_limit_of_the_command(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--max-bytes is the only size limit of the command line: a text of more characters than
    the Python default (``max_chars``) is read when the file is within --max-bytes, and the
    refusal names the flag that raises it."""
    import factcheck.api
    import factcheck.cli

    path = tmp_path / "big.txt"
    path.write_text(TEXT * 10, encoding="utf-8")
    refused = run("check", str(path), str(path), "--max-bytes", "100")
    assert_refused(refused, str(path), "--max-bytes")
    seen: list[object] = []
    real_check, real_extract = factcheck.cli.check, factcheck.cli.extract_source

    def check(*args: object, **kw: object) -> object:
        seen.append(kw.get("max_chars"))
        return real_check(*args, **kw)  # type: ignore[arg-type]

    def extract_source(*args: object, **kw: object) -> object:
        seen.append(kw.get("max_chars"))
        return real_extract(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(factcheck.cli, "check", check)
    monkeypatch.setattr(factcheck.cli, "extract_source", extract_source)
    big = str(factcheck.api.DEFAULT_MAX_CHARS * 4)
    assert factcheck.cli.main(["check", str(path), str(path), "--max-bytes", big, "--fail-on", "none",
                               "--output", str(tmp_path / "out.txt")]) == 0
    assert factcheck.cli.main(["extract", str(path), "--max-bytes", big]) == 0
    assert seen == [int(big), int(big)]
    # under the default --max-bytes, the Python default of max_chars no longer applies
    assert factcheck.cli.main(["check", str(path), str(path), "--fail-on", "none",
                               "--output", str(tmp_path / "out.txt")]) == 0
    assert seen[-1] > factcheck.api.DEFAULT_MAX_CHARS
    assert "--max-bytes" in run("check", "--help").stdout
