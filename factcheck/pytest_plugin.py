"""The pytest plugin of factcheck (registered through the ``pytest11`` entry point).

It adds the fixture ``factcheck_consistent``: :func:`factcheck.testing.assert_consistent`,
with ``fail_on`` defaulting to the ``factcheck_fail_on`` ini option (default ``conflict``)::

    # pytest.ini / pyproject.toml [tool.pytest.ini_options]
    factcheck_fail_on = conflict missing

    def test_release_translations(factcheck_consistent):
        factcheck_consistent("docs/release_ko.md", "docs/release_en.md")

Importing this module is cheap: factcheck itself is imported when the fixture is first used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

__all__ = ["factcheck_consistent", "pytest_addoption"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("factcheck_fail_on", "verdicts that fail factcheck_consistent (default: conflict)",
                  type="args", default=["conflict"])


@pytest.fixture
def factcheck_consistent(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``assert_consistent(*sources, fail_on=..., **check_options)``: fails the test with the
    text report of the failing findings; returns the report when the sources agree."""
    from factcheck.testing import assert_consistent

    default = tuple(request.config.getini("factcheck_fail_on") or ("conflict",))

    def check(*sources: Any, fail_on: Any = None, **options: Any) -> Any:
        __tracebackhide__ = True
        return assert_consistent(*sources, fail_on=default if fail_on is None else fail_on, **options)

    return check
