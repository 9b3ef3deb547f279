"""The error classes: builtin bases, reason codes, paths, pickling."""

from __future__ import annotations

import pickle

import pytest

from factcheck import errors
from factcheck.errors import FactcheckError, InputError, LocaleError, NormalisationError, WorkerError

CLASSES = [FactcheckError, InputError, LocaleError, NormalisationError, WorkerError]


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize("protocol", [0, pickle.HIGHEST_PROTOCOL])
def test_pickle_round_trip(cls: type[FactcheckError], protocol: int) -> None:
    err = cls("no such file", reason="missing", path="data/release.txt")
    back = pickle.loads(pickle.dumps(err, protocol=protocol))
    assert type(back) is cls
    assert back.message == "no such file"
    assert back.reason == "missing"
    assert back.path == "data/release.txt"
    assert str(back) == str(err) == "data/release.txt: no such file"
    assert back.args == err.args


@pytest.mark.parametrize("cls", CLASSES)
def test_defaults(cls: type[FactcheckError]) -> None:
    err = cls("something")
    assert err.reason == cls.default_reason
    assert err.path is None
    assert str(err) == "something"
    back = pickle.loads(pickle.dumps(err))
    assert (back.reason, back.path) == (cls.default_reason, None)


def test_hierarchy() -> None:
    assert issubclass(InputError, ValueError)
    assert issubclass(InputError, FactcheckError)
    assert issubclass(LocaleError, LookupError)
    assert issubclass(LocaleError, FactcheckError)
    assert issubclass(NormalisationError, ValueError)
    assert issubclass(FactcheckError, Exception)
    assert not issubclass(LocaleError, ValueError)


def test_builtin_handlers_catch_them() -> None:
    with pytest.raises(ValueError):
        raise InputError("bad")
    with pytest.raises(LookupError):
        raise LocaleError("unsupported language 'xx'")


def test_reason_codes_are_distinct() -> None:
    reasons = [cls.default_reason for cls in CLASSES]
    assert len(set(reasons)) == len(reasons)


def test_exports() -> None:
    assert set(errors.__all__) == {cls.__name__ for cls in CLASSES}


def test_real_errors_pickle(tmp_path) -> None:
    """Errors raised by the library itself, not only hand-made ones, cross process pools."""
    import factcheck
    from factcheck.io import read_text

    raised: list[FactcheckError] = []
    for call in (lambda: read_text(str(tmp_path / "missing.txt")),
                 lambda: factcheck.extract("1", lang="xx"),
                 lambda: factcheck.extract("1", reference_date="soon")):
        with pytest.raises(FactcheckError) as exc:
            call()
        raised.append(exc.value)
    for err in raised:
        back = pickle.loads(pickle.dumps(err))
        assert (type(back), back.reason, back.path, str(back)) == (type(err), err.reason, err.path, str(err))
    assert raised[0].reason == "missing" and raised[0].path.endswith("missing.txt")


def _raise_in_worker(kind: str) -> None:
    import factcheck
    from factcheck.io import decode_bytes

    if kind == "too-large":
        factcheck.extract("1" * 11, max_chars=10)
    elif kind == "binary":
        decode_bytes(b"\x00\xff", name="x.bin")
    else:
        factcheck.extract("1", lang="xx")


@pytest.mark.parametrize("kind, cls, reason", [
    ("too-large", InputError, "too-large"),
    ("binary", InputError, "binary"),
    ("locale", LocaleError, None),
])
def test_errors_cross_a_process_pool(kind: str, cls: type[FactcheckError], reason: str | None) -> None:
    """Raised in a worker process, an error arrives in the parent as itself (issue 7)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(cls) as exc:
            pool.submit(_raise_in_worker, kind).result()
    assert exc.value.reason == (reason or cls.default_reason)
    if kind == "binary":
        assert exc.value.path == "x.bin" and str(exc.value).startswith("x.bin: ")


def test_library_input_errors_carry_reason_codes(tmp_path) -> None:
    """Each way input goes wrong has its own reason code, and the file when there is one."""
    import factcheck
    from factcheck.io.aligned import read_segments
    from factcheck.io import decode_bytes, read_text

    (tmp_path / "d").mkdir()
    (tmp_path / "big.txt").write_text("1" * 100)
    (tmp_path / "bad.jsonl").write_text('{"ko": \n')
    cases = [
        (lambda: read_text(str(tmp_path / "nope.txt")), "missing"),
        (lambda: read_text(str(tmp_path / "d")), "not-a-file"),
        (lambda: read_text(str(tmp_path / "big.txt"), max_bytes=10), "too-large"),
        (lambda: decode_bytes(b"\x00\x01\xff", name="b"), "binary"),
        (lambda: decode_bytes(b"caf\xe9 ok", name="b"), "undecodable"),
        (lambda: factcheck.extract(b"1"), "bad-text"),  # type: ignore[arg-type]
        (lambda: factcheck.extract("1" * 5, max_chars=4), "too-large"),
        (lambda: factcheck.check([]), "no-sources"),
        (lambda: read_segments(tmp_path / "bad.jsonl"), None),
    ]
    for call, reason in cases:
        with pytest.raises(InputError) as exc:
            call()
        err = exc.value
        assert err.reason and err.reason != "error"
        if reason is not None:
            assert err.reason == reason, (reason, err.reason, str(err))
        back = pickle.loads(pickle.dumps(err))
        assert (type(back), back.reason, back.path, str(back)) == (type(err), err.reason, err.path, str(err))
