"""The per-call view of one text that rules share: its locale, reference date and numbers.

A Document lives for one ``extract`` call; what it computes once (the numbers, the blocked
spans) is kept on the instance, never in module state.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from factcheck.locale.loader import Locale
from factcheck.text.compose import compose_numbers
from factcheck.text.numbers import Num, scan_numbers

__all__ = ["Document"]

_DIGIT = re.compile(r"\d")


@dataclass
class Document:
    text: str
    locale: Locale
    reference_date: _dt.date | None = None
    _blocked_starts: list[int] = field(default_factory=list, repr=False)
    glossary: Any = field(default=None, repr=False)  # a factcheck.glossary.Glossary, for name keys
    #: what a rule computes once per document and shares between its kinds (the name analysis
    #: serves person, org and place), keyed by the rule's own name: per-text results live here,
    #: never in a module-level cache keyed by the text
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # the reference moment when it was given with a time of day ("3 hours ago" counts from it)
    reference_time: _dt.datetime | None = None

    @cached_property
    def numbers(self) -> list[Num]:
        """The numbers of the text, fractions and vague scales composed from their parts."""
        return compose_numbers(self.locale, self.text, scan_numbers(self.locale, self.text), self.is_blocked)

    @cached_property
    def numbers_by_end(self) -> dict[int, Num]:
        """The numbers by where they end (the last one when several end at one place)."""
        return {n.end: n for n in self.numbers}

    @cached_property
    def blocked(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if _DIGIT.search(self.text) is None:
            return spans
        for pattern in self.locale.blocked_re:
            spans.extend(m.span() for m in pattern.finditer(self.text))
        spans.sort()
        self._blocked_starts = [s for s, _ in spans]
        return spans

    def is_blocked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a phone number, numeric date, time or version."""
        spans = self.blocked
        if not spans:
            return False
        k = bisect.bisect_left(self._blocked_starts, end)
        for s, e in spans[max(0, k - 8):k]:
            if s < end and start < e:
                return True
        return False

    def char_before(self, pos: int) -> str:
        return self.text[pos - 1] if pos > 0 else ""

    def char_at(self, pos: int) -> str:
        return self.text[pos] if pos < len(self.text) else ""

    def free_after(self, pos: int) -> bool:
        """True when the word ending at ``pos`` is not glued to a following letter of the
        locale's script, or what follows is one of the locale's particles or counters."""
        ch = self.char_at(pos)
        if not ch or not self.locale.is_word_char(ch):
            return True
        return any(self.text.startswith(f, pos) for f in self.locale.followers)

    def starts_with_any(self, pos: int, words: tuple[str, ...]) -> str | None:
        for w in words:  # sorted longest first in the locale
            if self.text.startswith(w, pos):
                return w
        return None
