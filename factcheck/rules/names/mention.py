"""A name mention while the name rules build it: where it is, what kind, its key once known."""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass

from factcheck.naming.keys import tidy
from factcheck.values import Name

__all__ = ["Mention", "by_start", "tidy_name"]


@dataclass(slots=True)
class Mention:
    """A name mention being built."""

    start: int
    end: int
    kind: str
    name: str
    rule: str
    key: str | None = None
    basis: str | None = None
    role: str | None = None
    short: bool = False  # a surname alone, to be linked to a full name
    full_name: str | None = None
    strength: int = 1  # overlap order among name mentions: higher wins
    value: Name | None = None  # the claim's value, once known for sure


@functools.lru_cache(maxsize=4096)
def tidy_name(surface: str) -> str:
    """:func:`factcheck.naming.keys.tidy`, once per surface (name surfaces recur)."""
    return tidy(surface)


#: the sort key of mentions by where they start
by_start = operator.attrgetter("start")
