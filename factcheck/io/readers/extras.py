"""Optional extras: a reader that needs a package of an extra imports it through
:func:`missing_extra`'s message, so a missing one names the extra to install."""

from __future__ import annotations

from factcheck.errors import InputError

__all__ = ["missing_extra"]


def missing_extra(what: str, package: str, extra: str, name: str) -> InputError:
    """The error for a file whose reader needs ``package`` of the extra ``extra``."""
    return InputError(f"reading {what} needs {package}, which is not installed: pip install 'factcheck[{extra}]'",
                      reason="missing-extra", path=name)
