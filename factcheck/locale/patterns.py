"""Regular expressions built from word lists: an alternation of literal words (longest first)
and, for the hundreds of currency names CLDR gives a locale, a matcher that tries only the
words that can start at a position (dispatched on its first characters)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["FirstCharMatcher", "alternation"]


def alternation(words: list[str], *, ignore_case: bool = False, latin_bounds: bool = False) -> str:
    """A regex alternation of literal words, longest first (so "달러화" wins over "달러")."""
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    parts = []
    for w in items:
        p = re.escape(w).replace(r"\ ", r"[ \t]?") if " " in w else re.escape(w)
        if latin_bounds and w[:1].isalpha() and w[:1].isascii():
            p = r"(?<![A-Za-z])" + p
        if latin_bounds and w[-1:].isalnum() and w[-1:].isascii():
            p = p + r"(?![A-Za-z0-9]|\.[A-Za-z])"  # not the start of "p.m."
        parts.append(p)
    if not parts:
        return r"(?!x)x"
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"

@dataclass(frozen=True)
class FirstCharMatcher:
    """``pattern.match(text, pos)`` for a long alternation of words (hundreds of CLDR currency
    names), dispatched on the first character of the word so that each call tries only the
    few words that can match there; a large group is split again on the second character.
    Group 1 is the word, as with the single pattern. The patterns are compiled on first use
    (most characters never follow a number: compiling them all cost ~150 ms of a cold start)."""

    glue: re.Pattern[str]
    #: the pattern source of the words of each first character
    by_char: Mapping[str, str]
    #: for a split first character ``ch``: the words without an ASCII letter or digit second
    #: (under ``ch``), and the words with second character ``c`` plus those (under ``ch + c``)
    by_pair: Mapping[str, str]

    @classmethod
    def build(cls, words: list[str], glue: str, ignore_case: bool) -> FirstCharMatcher:
        def source(ws: list[str]) -> str:
            return rf"{glue}({alternation(ws, ignore_case=ignore_case, latin_bounds=True)})"

        groups: dict[str, list[str]] = {}
        for w in words:
            if w:
                groups.setdefault(w[0].lower(), []).append(w)
        by_char: dict[str, str] = {}
        by_pair: dict[str, str] = {}
        for ch, ws in groups.items():
            by_char[ch] = source(ws)
            if len(ws) <= _SPLIT or ch in " \t-":  # a glue character may start a word: no split
                continue
            seconds: dict[str, list[str]] = {}
            rest: list[str] = []
            for w in ws:
                c = w[1:2]
                if c.isascii() and c.isalnum():
                    seconds.setdefault(c.lower(), []).append(w)
                else:  # one letter, a sign or a space ("[ \t]?" may match nothing) second
                    rest.append(w)
            # a word whose second character is another ASCII letter or digit cannot match
            # here, so the alternation of the rest picks the same word as the whole group's
            by_pair[ch] = source(rest)
            for c, sub in seconds.items():
                by_pair[ch + c] = source(sub + rest)
        return cls(re.compile(glue), MappingProxyType(by_char), MappingProxyType(by_pair))

    def _pattern_at(self, text: str, p: int) -> re.Pattern[str] | None:
        ch = text[p:p + 1].lower()
        source = self.by_char.get(ch)
        if source is None:
            return None
        if ch in self.by_pair:
            c = text[p + 1:p + 2]
            if c.isascii() and c.isalnum():
                source = self.by_pair.get(ch + c.lower(), self.by_pair[ch])
        return _compiled(source)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        g = self.glue.match(text, pos)
        q = g.end() if g is not None else pos
        pattern = self._pattern_at(text, q)
        if pattern is not None:
            m = pattern.match(text, pos)
            if m is not None:
                return m
        if q != pos:  # the glue may have been a word's own first character
            pattern = self._pattern_at(text, pos)
            if pattern is not None:
                return pattern.match(text, pos)
        return None


#: first-character groups with more words than this are split on the second character
_SPLIT = 24


@functools.lru_cache(maxsize=2048)
def _compiled(source: str) -> re.Pattern[str]:
    """A compiled pattern (a bounded cache of a pure function; ``re``'s own cache is smaller
    than the first-character patterns of a few locales)."""
    return re.compile(source)
