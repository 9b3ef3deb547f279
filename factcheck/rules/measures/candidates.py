"""The claim candidates of the measure rules, and the checks every rule makes on a number.

A :class:`Cand` is a claim being built (its span, the number it rests on, how to make its
value); the guards say whether a number may be claimed at all (a word number that is an
ordinary word, a number glued to a letter) and what a qualifier word means.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from factcheck.text.document import Document
from factcheck.text.numbers import Num
from factcheck.values import Value

__all__ = ["Cand", "MakeValue", "WINDOW", "abbr_is_scale", "after_word_ok", "glued_on", "left_ok", "qualifier_kind",
           "word_number_ok"]

WINDOW = 40  # characters looked at before a number for signs and qualifiers

#: builds a claim's value from (amount, low, high, approx)
MakeValue = Callable[[Decimal, Decimal | None, Decimal | None, bool], Value]


@dataclass(frozen=True, slots=True)
class Cand:
    """A claim being built: its span, the number it rests on and how to make its value."""

    start: int
    end: int
    num: Num
    amount: Decimal
    make: MakeValue
    key: str  # currency or unit: only equal keys join into a range
    rule: str
    has_own_key: bool = True  # the key was written at this number (not borrowed)
    weak: bool = False  # a short word number that stands only as the end of a closed range (천에서 천오백까지)
    loose: bool = False  # its currency or unit was only assumed: it may take its neighbour's (3 euros 50 cents)


def word_number_ok(doc: Document, n: Num, *, standalone: bool, spaced_word: bool = False) -> bool:
    """Numbers written only in words: apply the locale's guards against ordinary words.
    ``spaced_word``: a counting, unit or currency word follows after a space (일조 원, 수조 원),
    so a short number with a large unit stands as one even where it also spells a word."""
    if n.has_digits or n.composed:
        return not (n.composed and doc.locale.is_word_char(doc.char_before(n.start)))
    loc = doc.locale
    surface = doc.text[n.start:n.end]
    if n.native:
        # native numbers (다섯, 스물한): never glued to a preceding syllable; alone only when
        # written in full (열 and 한 need a counting word) and not a stopword (하나)
        if loc.is_word_char(doc.char_before(n.start)):
            return False
        return not n.counter_only and surface not in loc.standalone_stopwords
    squeezed = surface.replace(" ", "")
    if not spaced_word and any(u in squeezed and len(squeezed) < size for u, size in loc.word_unit_min_chars.items()):
        return False  # 구조대 is a rescue team, not 9 trillion
    if standalone:
        if len(squeezed) < loc.min_word_number_chars:
            return False
        if loc.fold(surface) in loc.standalone_stopwords:
            return False
    elif loc.min_word_number_chars and not any(ch in loc.small_units or ch in loc.big_units or ch in loc.point_words
                                               for ch in surface) \
            and not any(surface.startswith(w) for w in loc.negative_words):
        return False  # "이 원", "오 달러": a lone digit word is not a number in running text
    if loc.is_word_char(doc.char_before(n.start)):
        return False
    return True


def left_ok(doc: Document, n: Num) -> bool:
    """A number glued to a letter on its left ("A4", "COVID-19") is part of a name."""
    before = doc.char_before(n.start)
    if before.isalpha() and before.isascii():
        return False
    if before == "-" and doc.char_before(n.start - 1).isalpha():
        return False
    return True


def glued_on(doc: Document, word: str, end: int) -> bool:
    """True when a word that ends in a letter of a non-Latin script goes on into a longer word
    at ``end`` ("3원칙" is not 3 won): no particle or ending of the locale follows."""
    return word[-1:].isalpha() and not word[-1:].isascii() and not doc.free_after(end)


def after_word_ok(doc: Document, word: str, end: int) -> bool:
    """A qualifier word after a number (이상, "or more") counts unless it goes on into a longer
    word; the locale's ``[qualifiers] glued_after`` words count even then (넘는데)."""
    return not glued_on(doc, word, end) or word in doc.locale.qualifiers.get("glued_after", ())


_QUALIFIER_KEYS = (("approx_before", "approx"), ("approx_after", "approx"), ("min_before", "min"),
                   ("min_after", "min"), ("max_before", "max"), ("max_after", "max"))


def qualifier_kind(doc: Document, word: str) -> str | None:
    """What a qualifier word says: ``approx``, ``min`` (a lower bound), ``max`` or None."""
    loc = doc.locale
    folded = loc.fold(" ".join(word.split()))
    for key, kind in _QUALIFIER_KEYS:
        if any(loc.fold(w) == folded for w in loc.qualifiers.get(key, ())):
            return kind
    return None


def abbr_is_scale(doc: Document, n: Num) -> bool:
    """"16m people" is sixteen million; "the 100m sprint" and "8m high" are metres (the words
    of the locale's ``[numbers.abbreviations] unit_followers``)."""
    if n.abbr is None or n.abbr_scale is None:
        return False
    text = doc.text
    pos = n.abbr_end
    if pos >= len(text) or text[pos] != " ":
        return False
    j = pos + 1
    while j < len(text) and text[j].isalpha():
        j += 1
    word = text[pos + 1:j]
    return bool(word) and word.islower() and word not in doc.locale.abbrev_unit_followers
