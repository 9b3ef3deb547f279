"""The exceptions factcheck raises.

Every error carries a machine-readable ``reason`` code beside its message, and an optional
``path`` (the file the error is about). All of them pickle, so they cross process pools.
"""

from __future__ import annotations

__all__ = [
    "FactcheckError",
    "InputError",
    "LocaleError",
    "NormalisationError",
    "WorkerError",
]


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""

    default_reason = "error"

    def __init__(self, message: str, *, reason: str | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason or self.default_reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.reason, self.path))


def _rebuild(cls: type[FactcheckError], message: str, reason: str, path: str | None) -> FactcheckError:
    return cls(message, reason=reason, path=path)


class InputError(FactcheckError, ValueError):
    """The input cannot be read: missing file, undecodable bytes, a bad option value."""

    default_reason = "bad-input"


class LocaleError(FactcheckError, LookupError):
    """A language or (language, kind) pair that factcheck does not support."""

    default_reason = "unsupported-language"


class NormalisationError(FactcheckError, ValueError):
    """A surface form was recognised but its value could not be computed."""

    default_reason = "cannot-normalise"


class WorkerError(FactcheckError, RuntimeError):
    """A worker of an executor stopped before it finished its chunk (a process killed, a pool
    broken, a Dask worker lost): the message names the segments, and no report is given."""

    default_reason = "worker-lost"
