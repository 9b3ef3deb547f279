"""Find the date atoms of a text: every match of the locale's atoms, tried only where each may
start (a run of digits, a trigger word, a character of a class, the end of another atom), with
the longest kept where they overlap."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from factcheck.rules.dates.fields import Fields, cats, read_fields
from factcheck.rules.dates.locale import AtomSpec, DateLocale

__all__ = ["Atom", "scan_atoms", "word_starts"]

_DIGIT_RUN = re.compile(r"[0-9]+")
_NEXT_TOKEN = re.compile(r"[ \t]+(\d|[^\W\d_]+)")


@dataclass(slots=True)
class Atom:
    """One atom found in a text, with its fields."""

    start: int
    end: int
    fields: Fields
    spec: AtomSpec

    @property
    def cats(self) -> set[str]:
        return cats(self.fields)


@functools.lru_cache(maxsize=64)
def _char_class(pattern: str) -> re.Pattern[str]:
    """A compiled ``first`` character class of an atom (a bounded cache of a pure function)."""
    return re.compile(pattern)


def scan_atoms(text: str, dl: DateLocale) -> list[Atom]:
    """Every atom of the text, the longest kept where they overlap.

    An atom is tried only where it may start (its ``first``): at the start of a run of digits,
    at a word that begins with one of its trigger words, at a character of a class, or right
    after another atom. This keeps the cost near one pass over the text whatever the number
    of atoms."""
    found: list[Atom] = []

    def add(spec: AtomSpec, m: re.Match[str]) -> None:
        if m.end() > m.start():
            f = read_fields(m, dl)
            if f and spec.no_year_span and "year" in f and f.get("month") == (f["year"] + 1) % 100:
                return
            if f:
                found.append(Atom(m.start(), m.end(), f, spec))

    digits: list[int] | None = None
    by_atom: dict[int, list[int]] | None = None  # where each word atom may start
    after: list[AtomSpec] = []
    for index, spec in enumerate(dl.atoms):
        if not spec.first:
            for m in spec.regex.finditer(text):
                add(spec, m)
            continue
        if spec.first == ("digit",):  # the most common case: the digit runs, already in order
            if digits is None:
                digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
            match = spec.regex.match
            for pos in digits:
                hit = match(text, pos)
                if hit is not None:
                    add(spec, hit)
            continue
        positions: set[int] = set()
        for first in spec.first:
            if first == "digit":
                if digits is None:
                    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
                positions.update(digits)
            elif first == "word":
                if by_atom is None:
                    by_atom = {}
                    for p, hits in word_starts(text, dl).items():
                        for i in hits:
                            by_atom.setdefault(i, []).append(p)
                positions.update(by_atom.get(index, ()))
            elif first == "after":
                after.append(spec)
            else:
                positions.update(m.start() for m in _char_class(first).finditer(text))
        if not positions:
            continue
        match = spec.regex.match
        for pos in sorted(positions):
            hit = match(text, pos)
            if hit is not None:
                add(spec, hit)
    tried: set[int] = set()
    for _ in range(2):  # suffixes may follow suffixes: 7월 말경
        # the second round tries only the ends of what the first round found
        ends = sorted(({a.end for a in found} | {a.end + 1 for a in found if text[a.end:a.end + 1] in (" ", "\t")})
                      - tried)
        tried.update(ends)
        before = len(found)
        for spec in after:
            match = spec.regex.match
            for pos in ends:
                hit = match(text, pos)
                if hit is not None:
                    add(spec, hit)
        if len(found) == before:
            break
    return _longest(found)


def _longest(found: list[Atom]) -> list[Atom]:
    """The atoms that do not overlap a longer one (then an earlier one, then one that is not
    weak, then one that only goes on from the atom before it, then one listed before), in text
    order. An atom read only at the end of another composes with it: 성탄절 전날 is the day
    before Christmas, where 전날 alone is a day counted from an event told elsewhere."""
    found.sort(key=lambda a: (-(a.end - a.start), a.start, a.spec.weak, a.spec.first != ("after",)))
    kept: list[Atom] = []
    starts: list[int] = []
    for a in found:
        k = bisect.bisect_left(starts, a.start)
        if k > 0 and kept[k - 1].end > a.start:
            continue
        if k < len(kept) and kept[k].start < a.end:
            continue
        kept.insert(k, a)
        starts.insert(k, a.start)
    return kept


def word_starts(text: str, dl: DateLocale) -> dict[int, list[int]]:
    """The start of every word that begins with a trigger word, and the atoms it triggers."""
    out: dict[int, list[int]] = {}
    table = dl.word_atoms
    # the trigger regex finds the candidate words in one pass; only they are looked up
    scan, seen = dl.trigger_re, text
    if scan is not None and dl.case_insensitive:
        seen = text.lower()
        if len(seen) != len(text):  # a character whose lower case is longer: look up every word
            scan, seen = None, text
    if scan is None:
        scan = dl.word_re
    for found in scan.finditer(seen):
        m: re.Match[str] | None = found
        if scan is not dl.word_re and dl.trigger_prefix:
            m = dl.word_re.match(seen, found.start())  # the whole word
        if m is None:
            continue
        word = m.group()
        if dl.case_insensitive:
            word = word.lower()
        if dl.trigger_prefix:
            hits: list[int] = []
            for n in dl.trigger_lengths:
                if n > len(word):
                    break
                hits.extend(table.get(word[:n], ()))
            if hits:
                out[m.start()] = hits
        else:
            hit = table.get(word)
            if hit:
                if word in dl.lead_words:  # "the", "a": only before a digit or a date word
                    nxt = _NEXT_TOKEN.match(seen, m.end())
                    token = "" if nxt is None else nxt.group(1).lower() if dl.case_insensitive else nxt.group(1)
                    if not token or not (token[0].isdigit() or token in dl.vocab_words):
                        continue
                out[m.start()] = list(hit)
    return out
