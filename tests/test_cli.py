"""The command line: exit codes, one-line error messages, output shapes.

Each failure case runs twice: in a subprocess (``python -m factcheck``, what users run) and
through ``factcheck.cli.main`` in-process (fast, and what a wrapper script would call).
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

from factcheck.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CONTRACT_KEYS = {"kind", "text", "start", "end", "value"}

KO_TEXT = "이 회사는 2,350만불 규모의 계약을 맺었고 수출액이 18% 늘었다.\n"
EN_TEXT = "The firm won a $23.5 million deal; exports rose 18% and it ships 40 containers a day.\n"


def run(*args: str, stdin: bytes | None = None, cwd: pathlib.Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin, capture_output=True, cwd=cwd, env=env, timeout=60, check=False,
    )


@pytest.fixture
def files(tmp_path: pathlib.Path) -> dict[str, pathlib.Path]:
    paths = {
        "ko": tmp_path / "ko.txt",
        "en": tmp_path / "en.txt",
        "undecodable": tmp_path / "latin1.txt",
        "binary": tmp_path / "blob.bin",
        "directory": tmp_path / "folder",
        "missing": tmp_path / "missing.txt",
    }
    paths["ko"].write_text(KO_TEXT, encoding="utf-8")
    paths["en"].write_text(EN_TEXT, encoding="utf-8")
    paths["undecodable"].write_bytes(b"\xc0\xc1 caf\xe9 \xff\xff")
    paths["binary"].write_bytes(b"PK\x03\x04\x00\x00\xff\xfe\x00\x01")
    paths["directory"].mkdir()
    return paths


# ----------------------------------------------------------------------------- failures
FAILURES = [
    # (name, argv builder, expected fragment of the message)
    ("missing", lambda f: ["extract", str(f["missing"])], "{missing}: no such file"),
    ("undecodable", lambda f: ["extract", str(f["undecodable"])], "{undecodable}: not UTF-8 text"),
    ("binary", lambda f: ["extract", str(f["binary"])], "{binary}: binary file"),
    ("directory", lambda f: ["extract", str(f["directory"])], "{directory}: is a directory"),
    ("bad-lang", lambda f: ["extract", str(f["en"]), "--lang", "xx"], "{en}: unsupported language 'xx'"),
    ("bad-lang-upper", lambda f: ["extract", str(f["en"]), "--lang", "EN"], "{en}: unsupported language 'EN'"),
    ("bad-kind", lambda f: ["extract", str(f["en"]), "--kinds", "weather"], "{en}: no extractor for kind 'weather'"),
    ("bad-date", lambda f: ["extract", str(f["en"]), "--reference-date", "2024-13-01"],
     "--reference-date '2024-13-01' is not an ISO date"),
    ("bad-date-words", lambda f: ["extract", str(f["en"]), "--reference-date", "yesterday"],
     "--reference-date 'yesterday' is not an ISO date"),
]
USAGE_FAILURES = [
    ("bad-option", ["extract", "x.txt", "--bogus"], "unrecognized arguments: --bogus"),
    ("bad-format", ["extract", "x.txt", "--format", "xml"], "invalid choice: 'xml'"),
    ("no-file", ["extract"], "the following arguments are required: FILE"),
    ("bad-command", ["frobnicate"], "invalid choice: 'frobnicate'"),
]


def _expected(fragment: str, files: dict[str, pathlib.Path]) -> str:
    return fragment.format(**{k: str(v) for k, v in files.items()})


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("factcheck: "), lines[0]
    return lines[0]


@pytest.mark.parametrize(("name", "argv", "fragment"), FAILURES, ids=[f[0] for f in FAILURES])
def test_input_errors_subprocess(files: dict[str, pathlib.Path], name: str, argv, fragment: str) -> None:
    proc = run(*argv(files))
    assert proc.returncode == 2
    assert proc.stdout == b""
    line = _one_error_line(proc.stderr.decode("utf-8"))
    assert _expected(fragment, files) in line


@pytest.mark.parametrize(("name", "argv", "fragment"), FAILURES, ids=[f[0] for f in FAILURES])
def test_input_errors_main(files: dict[str, pathlib.Path], name: str, argv, fragment: str,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv(files)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert _expected(fragment, files) in _one_error_line(err)


@pytest.mark.parametrize(("name", "argv", "fragment"), USAGE_FAILURES, ids=[f[0] for f in USAGE_FAILURES])
def test_usage_errors_subprocess(name: str, argv: list[str], fragment: str) -> None:
    proc = run(*argv)
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr.decode("utf-8"))
    assert fragment in line and "--help" in line


@pytest.mark.parametrize(("name", "argv", "fragment"), USAGE_FAILURES, ids=[f[0] for f in USAGE_FAILURES])
def test_usage_errors_main(name: str, argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert fragment in _one_error_line(capsys.readouterr().err)


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: factcheck" in capsys.readouterr().err


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("factcheck ")


# ----------------------------------------------------------------------------- success
def _check_json(payload: dict, text: str) -> list[dict]:
    assert set(payload) >= {"claims"}
    claims = payload["claims"]
    assert isinstance(claims, list) and claims
    for c in claims:
        assert CONTRACT_KEYS <= set(c), c
        assert text[c["start"]:c["end"]] == c["text"]
        assert isinstance(c["value"], dict)
    return claims


def test_json_file_subprocess(files: dict[str, pathlib.Path]) -> None:
    proc = run("extract", str(files["ko"]), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    claims = _check_json(json.loads(proc.stdout.decode("utf-8")), KO_TEXT)
    money = [c for c in claims if c["kind"] == "money"]
    assert money[0]["text"] == "2,350만불"
    assert money[0]["value"] == {"amount": "23500000", "currency": "USD", "currency_assumed": True}
    assert any(c["kind"] == "percent" and c["value"]["value"] == "18" for c in claims)


def test_json_is_the_default_format(files: dict[str, pathlib.Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(files["en"])]) == 0
    claims = _check_json(json.loads(capsys.readouterr().out), EN_TEXT)
    assert [c["kind"] for c in claims] == ["money", "percent", "number"]
    assert claims[0]["value"]["amount"] == "23500000"


def test_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    proc = run("extract", "-", "--lang", "en", stdin=EN_TEXT.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    _check_json(json.loads(proc.stdout.decode("utf-8")), EN_TEXT)


def test_stdin_text_format_names_stdin() -> None:
    proc = run("extract", "-", "--format", "text", stdin=KO_TEXT.encode("utf-8"))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert out.splitlines()[0].startswith("<stdin>: ")


def test_stdin_undecodable() -> None:
    proc = run("extract", "-", stdin=b"\xc0\xc1\xff\xff")
    assert proc.returncode == 2
    assert "<stdin>: not UTF-8 text" in _one_error_line(proc.stderr.decode("utf-8"))


def test_stdin_bad_lang_names_stdin() -> None:
    proc = run("extract", "-", "--lang", "de", stdin=b"18%")
    assert proc.returncode == 2
    assert "<stdin>: unsupported language 'de'" in _one_error_line(proc.stderr.decode("utf-8"))


def test_text_format(files: dict[str, pathlib.Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(files["ko"]), "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{files['ko']}: {len(lines) - 1} claims"
    assert any("money" in ln and "2,350만불" in ln and "currency=USD" in ln for ln in lines[1:])


def test_kinds_option(files: dict[str, pathlib.Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(files["en"]), "--kinds", "percent"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [c["kind"] for c in claims] == ["percent"]


def test_reference_date_accepted(files: dict[str, pathlib.Path]) -> None:
    proc = run("extract", str(files["en"]), "--reference-date", "2024-03-15")
    assert proc.returncode == 0, proc.stderr


def test_utf8_bom_and_cp949(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + KO_TEXT.encode("utf-8"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(KO_TEXT.encode("cp949"))
    outs = []
    for path in (bom, legacy):
        assert main(["extract", str(path)]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0] == outs[1]  # offsets index the decoded text, BOM dropped
    _check_json(outs[0], KO_TEXT)


@pytest.mark.parametrize("name", ["release_ko.txt", "release_en.txt", "article_en.txt"])
def test_bundled_examples(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / name
    assert main(["extract", str(path)]) == 0
    claims = _check_json(json.loads(capsys.readouterr().out), path.read_text(encoding="utf-8"))
    money = [c["value"] for c in claims if c["kind"] == "money"]
    assert {"amount": "23500000", "currency": "USD"}.items() <= money[0].items()


def test_bundled_json_is_current() -> None:
    """examples/extract_ko.json is, byte for byte, what the command of examples/README.md prints
    (the whole output: comparing only some keys let a renamed field go unnoticed)."""
    proc = run("extract", "examples/release_ko.txt", "--format", "json", cwd=ROOT)
    assert proc.returncode == 0
    expected = (EXAMPLES / "extract_ko.json").read_bytes()
    regenerate = "regenerate: factcheck extract examples/release_ko.txt --format json > examples/extract_ko.json"
    assert json.loads(proc.stdout.decode("utf-8")) == json.loads(expected), regenerate
    assert proc.stdout.replace(b"\r\n", b"\n") == expected, regenerate
