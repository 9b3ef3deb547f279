"""Numbers made of numbers: fractions and vague scales, composed from the scanner's numbers.

:func:`factcheck.text.numbers.scan_numbers` reads runs of number tokens ("twenty-three",
"3억 5천만", "thirds"). This module joins what the text builds from them, each a small rule over
those atoms and the locale's words:

- slashed and vulgar fractions, any locale: ``3/4``, ``2 1/2``, ``-4/5``, ``½``, ``2½``;
- a denominator before the numerator (Korean ``3분의 1``, ``삼분의 이``) or after it ("1 over 3",
  "one out of five", "1 in 5");
- ordinal denominators ("two thirds", "a fifth", "three quarters", "a hundredth");
- a whole part joined to a fraction ("two and a half", 일과 이분의 일) and a fraction of a scale
  ("two thirds of a million");
- fraction words that stand alone (절반, "a half");
- vague scales joined by "of" ("tens of thousands") and vague phrases ("a couple of").

A fraction whose decimal ends is an exact value (0.75); one that does not keeps the exact
fraction in ``Num.fraction`` and the quotient to 15 significant digits in ``Num.value``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Context, Decimal
from fractions import Fraction

from factcheck.locale.loader import Locale
from factcheck.text.numbers import Num, number_at, number_ending_at
from factcheck.values import in_decimal_context

__all__ = ["compose_numbers", "fraction_num"]

#: denominators read in a slashed fraction: "3/4", "1/100"; not "9/11" or "24/7", which are
#: dates and names far more often than fractions
_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 20, 32, 64, 100, 1000})
_SLASH = re.compile(r"(?<![\d/.,:])(?:([-−])[ \t]?)?(?:(\d{1,3})[ \t]+)?(\d{1,4})/(\d{1,4})(?![\d/])")
_VULGAR = re.compile(r"(?<![\d/.,\u00bc-\u00be\u2150-\u215e])(?:([-−])?(\d{1,3})[ \t]?)?([\u00bc-\u00be\u2150-\u215e])")
_PRECISION = Context(prec=15)
#: powers and scientific notation, any locale: 1.1^23, 2.5^-1, 1e10, -127.32e13, 1.3x10^6
_POWER = re.compile(r"(?<![\w.^])([-−]?\d+(?:\.\d+)?)(?:\^([-+−]*)(\d{1,3})|[eE]([-+−]?)(\d{1,3})"
                    r"|[ \t]?[x×][ \t]?10\^([-+−]?)(\d{1,3}))(?![A-Za-z0-9_.^])")

Blocked = Callable[[int, int], bool]


def fraction_num(start: int, end: int, value: Fraction, *, has_digits: bool, approx: bool = False) -> Num:
    """A number for a fraction: the exact decimal when it ends, else 15 significant digits and
    ``fraction`` set."""
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den == 1:
        dec = Decimal(value.numerator) / Decimal(value.denominator)
        return Num(start, end, dec, has_digits, None, approx, composed=True)
    dec = _PRECISION.divide(Decimal(value.numerator), Decimal(value.denominator))
    return Num(start, end, dec, has_digits, None, approx, fraction=(value.numerator, value.denominator),
               composed=True)


def _exact(n: Num) -> Fraction:
    if n.fraction is not None:
        return Fraction(*n.fraction)
    return Fraction(n.value)


@in_decimal_context
def compose_numbers(loc: Locale, text: str, nums: list[Num], blocked: Blocked) -> list[Num]:
    """The numbers of ``text`` with fractions and vague scales composed (sorted by start; the
    parts a composed number took are left out)."""
    made: list[Num] = []
    made += _powers(text)
    made += _slashed(loc, text, blocked)
    made += _vulgar(text)
    made += _denominator_first(loc, text)
    made += _numerator_first(loc, text, nums)
    made += _ordinal_denominators(loc, text, nums)
    made += _alone(loc, text)
    made = _join_wholes(loc, text, nums, made)
    made = _of_scale(loc, text, made)
    made += _vague_of(loc, text, nums)
    if not made:
        return nums
    # a longer composed number wins over a shorter one it overlaps; a number of the scanner
    # that a composed one would cut in two stays ("a half million" is "half million")
    made.sort(key=lambda n: (-(n.end - n.start), n.start))
    scanned = _Spans(nums)
    kept = _Spans([])
    for n in made:
        cut = any((o.start < n.start or o.end > n.end) and not _particle_tail(loc, text, n.end, o.end)
                  for o in scanned.overlapping(n))
        if not cut and not any(True for _ in kept.overlapping(n)):
            kept.add(n)
    out = [n for n in nums if not any(True for _ in kept.overlapping(n))] + kept.items
    return sorted(out, key=lambda n: (n.start, n.end))


class _Spans:
    """Numbers indexed by where they start: :meth:`overlapping` finds those that share a
    character with a span (``o.start < n.end and n.start < o.end``) without a pass over all."""

    def __init__(self, nums: list[Num]) -> None:
        self.items: list[Num] = []
        self._order: list[tuple[int, int]] = []  # (start, index in items), sorted
        self._longest = 0
        for n in nums:
            self.add(n)

    def add(self, n: Num) -> None:
        bisect.insort(self._order, (n.start, len(self.items)))
        self.items.append(n)
        self._longest = max(self._longest, n.end - n.start)

    def overlapping(self, n: Num) -> Iterator[Num]:
        """The numbers that overlap ``n``, in the order they were added."""
        lo = bisect.bisect_right(self._order, (n.start - self._longest, len(self.items)))
        hi = bisect.bisect_left(self._order, (n.end, -1))
        found = sorted(i for _, i in self._order[lo:hi])
        return (o for o in map(self.items.__getitem__, found) if o.start < n.end and n.start < o.end)


def _particle_tail(loc: Locale, text: str, end: int, other_end: int) -> bool:
    """True when what a scanner's number has past ``end`` is a unit word that is also a particle
    (만 of 삼분의 일만 "only a third"), which a composed number reads as the particle."""
    tail = text[end:other_end]
    return bool(tail) and tail in loc.big_units and tail in loc.followers


def _free_after(loc: Locale, text: str, pos: int) -> bool:
    """No letter of the locale's script at ``pos``, or a particle of the locale there."""
    if pos >= len(text) or not loc.is_word_char(text[pos]):
        return True
    return any(text.startswith(w, pos) for w in loc.followers)


def _slashed(loc: Locale, text: str, blocked: Blocked) -> list[Num]:
    out: list[Num] = []
    if "/" not in text:
        return out
    for m in _SLASH.finditer(text):
        sign, whole, p, q = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
        if q not in _SLASH_DENOMINATORS or not 0 < p < q or blocked(m.start(), m.end()):
            continue
        if m.start() > 0 and text[m.start() - 1].isalpha() and text[m.start() - 1].isascii():
            continue  # "A3/4", a name
        if not _free_after(loc, text, m.end()) or text[m.end():m.end() + 1].isalpha() and text[m.end()].isascii():
            continue  # 3/4분기 (the third quarter), "1/2ft"
        value = Fraction(p, q) + (int(whole) if whole else 0)
        out.append(fraction_num(m.start(), m.end(), -value if sign else value, has_digits=True))
    return out


def _powers(text: str) -> list[Num]:
    """1.1^23, 2.5^-1 (a power), 1e10, 12.32e+14 (an exponent of ten), 1.3x10^6."""
    out: list[Num] = []
    if "^" not in text and "e" not in text and "E" not in text:
        return out
    for m in _POWER.finditer(text):
        base = Decimal(m.group(1).replace("−", "-"))
        if m.group(3) is not None:  # base ^ exponent: an even count of minus signs is plus
            exponent = int(m.group(3)) * (-1 if (m.group(2).count("-") + m.group(2).count("−")) % 2 else 1)
            if abs(exponent) > 60 or (base == 0 and exponent < 0):
                continue
            negative = base < 0
            value = Fraction(abs(base)) ** exponent
            out.append(fraction_num(m.start(), m.end(), -value if negative else value, has_digits=True))
            continue
        sign, digits = (m.group(4), m.group(5)) if m.group(5) is not None else (m.group(6), m.group(7))
        exponent = int(digits) * (-1 if sign in ("-", "−") else 1)
        value = Fraction(base) * Fraction(10) ** exponent
        out.append(fraction_num(m.start(), m.end(), value, has_digits=True))
    return out


def _vulgar(text: str) -> list[Num]:
    out: list[Num] = []
    for m in _VULGAR.finditer(text):
        part = Fraction(unicodedata.numeric(m.group(3))).limit_denominator(12)
        value = part + (int(m.group(2)) if m.group(2) else 0)
        start = m.start() if m.group(2) else m.start(3)
        out.append(fraction_num(start, m.end(), -value if m.group(1) and m.group(2) else value, has_digits=True))
    return out


def _denominator_first(loc: Locale, text: str) -> list[Num]:
    """Korean 3분의 1, 삼분의 이, 이십일 분의 삼, 오분의 마이너스 구천오백."""
    out: list[Num] = []
    for infix in loc.fraction_infix_den_first:
        for m in re.finditer(re.escape(infix), text):
            left = m.start() - 1 if m.start() > 0 and text[m.start() - 1] in " \t" else m.start()
            den = number_ending_at(loc, text, left)
            right = m.end() + 1 if text[m.end():m.end() + 1] in (" ", "\t") else m.end()
            num = _number_from(loc, text, right)
            if num is not None and num.end - right > 1 and text[num.end - 1] in loc.big_units \
                    and text[num.end - 1] in loc.followers:
                shorter = _number_from(loc, text[:num.end - 1], right)
                num = shorter or num  # 삼분의 일만 ("only a third"), not 10,000 thirds
            if den is None or num is None or den.value == 0:
                continue
            if not num.has_digits and not _free_after(loc, text, num.end) and text[num.end] not in loc.big_units:
                continue  # 삼분의 일정 (a schedule); but 3분의 1조각, 삼분의 일조각 (a third of a piece)
            if den.ordinal or num.ordinal or den.vague or num.vague:
                continue
            value = _exact(num) / _exact(den)
            out.append(fraction_num(den.start, num.end, value, has_digits=den.has_digits or num.has_digits))
    return out


def _number_from(loc: Locale, text: str, pos: int) -> Num | None:
    """The number that starts at ``pos``, even glued to the word before it (일조분의일)."""
    n = number_at(loc, text[pos:], 0)
    return replace(n, start=n.start + pos, end=n.end + pos) if n is not None else None


def _numerator_first(loc: Locale, text: str, nums: list[Num]) -> list[Num]:
    """"1 over 3", "one out of five", "9 in 10": a proper fraction whose denominator is no
    measured figure ("5 in 10 years" is no fraction)."""
    out: list[Num] = []
    if not loc.fraction_infix_num_first:
        return out
    by_start = {n.start: n for n in nums}
    pattern = loc.fraction_infix_re
    for a in nums:
        m = pattern.match(text, a.end) if pattern is not None else None
        if m is None:
            continue
        b = by_start.get(m.end())
        if b is None or a.ordinal or b.ordinal or a.vague or b.vague or b.value <= 0:
            continue
        if not 0 <= abs(a.value) < b.value:
            continue
        if _measured_after(loc, text, b.end) or _ordinal_mark_before(loc, text, a.start):
            continue
        out.append(fraction_num(a.start, b.end, _exact(a) / _exact(b), has_digits=a.has_digits or b.has_digits))
    return out


def _measured_after(loc: Locale, text: str, end: int) -> bool:
    return bool(loc.unit_after_re.match(text, end) or loc.percent_after_re.match(text, end)
                or loc.currency_after_re.match(text, end))


_OF_WORD = re.compile(r"[ \t]+(\w+)(?=[ \t]+\w|[ \t]*\Z)")


def _ordinal_denominators(loc: Locale, text: str, nums: list[Num]) -> list[Num]:
    """"two thirds", "a fifth", "one-eighth", "three quarters", "a quarter of": a cardinal (or
    an article standing for one) and an ordinal or fraction word after it."""
    out: list[Num] = []
    if not loc.fraction_denominators and not loc.ordinal_words:
        return out
    by_end = {n.end: n for n in nums if not n.ordinal and not n.vague}
    for d in _denominators(loc, text, nums):
        start, end, den, plural, word = d
        head = text[max(0, start - 24):start]
        lead = re.search(r"([ \t]+|[ \t]*-[ \t]*)\Z", head)
        if lead is None:
            continue
        left = start - len(lead.group(1))
        numerator = by_end.get(left)
        whole: Num | None = None
        if numerator is not None:
            numerator, whole = _split_whole(loc, text, numerator, den)
        if numerator is not None and numerator.value != 0 and numerator.value == int(numerator.value):
            n_start, n_val, digits = numerator.start, _exact(numerator), numerator.has_digits
            if not plural and abs(n_val) != 1:
                continue  # "two third" is no English fraction
            if word in loc.fraction_denominators and abs(n_val) >= den:
                continue  # "seven halves" (ties in golf), no fraction
            if _ordinal_mark_before(loc, text, n_start):
                continue  # "No. 1 out of": a rank
        else:
            art = re.search(r"(?<![^\W\d_])(\w+)\Z", text[max(0, left - 8):left])
            if art is None or loc.fold(art.group(1)) not in loc.articles or plural:
                continue
            if word not in loc.fraction_denominators and _noun_follows(loc, text, end):
                continue  # "a third term", "a sixth discovery": an ordinal; "a third of them" is 1/3
            n_start, n_val, digits = left - len(art.group(1)), Fraction(1), False
        if word in loc.fraction_need_of and numerator is None \
                and not _followed_by(loc, text, end, loc.fraction_of_words) and not _joined_before(loc, text, n_start):
            continue  # "a quarter" alone is three months; "a quarter of the budget" is 1/4
        if whole is not None:  # "one hundred and three quarters", "five billion and three quarters"
            out.append(fraction_num(whole.start, end, _with_whole(whole, n_val / den), has_digits=digits))
            continue
        out.append(fraction_num(n_start, end, n_val / den, has_digits=digits))
    return out


def _split_whole(loc: Locale, text: str, numerator: Num, den: int) -> tuple[Num | None, Num | None]:
    """The numerator of a fraction word and the whole part joined before it by an "and" the
    scanner read into one number ("twenty and three | fifths", "five billion and three |
    quarters"), when the part after "and" is a proper numerator; else (numerator, None)."""
    span = text[numerator.start:numerator.end]
    joins = [m for w in loc.and_words
             for m in re.finditer(rf"[ \t]+{re.escape(w)}[ \t]+", span, re.IGNORECASE if loc.case_insensitive else 0)]
    if not joins:
        return numerator, None
    last = max(joins, key=lambda m: m.start())
    small = number_at(loc, text, numerator.start + last.end())
    whole = number_at(loc, text[:numerator.start + last.start()], numerator.start)
    if small is None or whole is None or small.end != numerator.end or not 0 < small.value < den \
            or whole.end != numerator.start + last.start():
        return numerator, None
    return small, whole


def _with_whole(whole: Num, part: Fraction) -> Fraction:
    """A whole number and a fraction after it: "two and a half" is 2.5; after a scale word the
    fraction is of the scale ("one million and a half" is 1,500,000)."""
    if whole.scale is not None and 0 < part < 1:
        return _exact(whole) + part * Fraction(whole.scale)
    return _exact(whole) + part


def _denominators(loc: Locale, text: str, nums: list[Num]) -> list[tuple[int, int, int, bool, str]]:
    """Every ordinal (from the scanner) or fraction word (half, quarters) that may be a
    denominator: (start, end, denominator, plural, folded word)."""
    found = [(n.start, n.end, int(n.value), n.plural, loc.fold(text[n.start:n.end]))
             for n in nums if n.ordinal and n.value >= 3 and n.value == int(n.value)]
    if loc.fraction_denominators:
        pattern = loc.fraction_denominator_re
        assert pattern is not None
        for m in pattern.finditer(text):
            word = loc.fold(m.group(0))
            den, plural = loc.fraction_denominators[word]
            found.append((m.start(), m.end(), den, plural, word))
    return found


def _opened_before(loc: Locale, text: str, start: int) -> bool:
    """True when a word that opens a range ("between") stands right before ``start``."""
    head = loc.fold(text[max(0, start - 12):start].rstrip())
    return any(head.endswith(loc.fold(w)) for w in loc.qualifiers.get("range_open", ()))


def _noun_follows(loc: Locale, text: str, end: int) -> bool:
    """True when a word that is not one of the locale's "of" words follows (a noun the
    ordinal qualifies: "a third term")."""
    m = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 24])
    return m is not None and loc.fold(m.group(1)) not in loc.fraction_of_words \
        and loc.fold(m.group(1)) not in loc.and_words


def _ordinal_mark_before(loc: Locale, text: str, start: int) -> bool:
    """True when an ordinal mark of the locale ("No.", "#") stands right before ``start``."""
    head = text[max(0, start - 8):start].rstrip()
    return any(head.endswith(w) for w in loc.ordinal_before)


def _joined_before(loc: Locale, text: str, start: int) -> bool:
    """True when a whole-part join word stands right before ``start`` ("two and a quarter")."""
    head = loc.fold(text[max(0, start - 8):start].rstrip())
    return any(head.endswith(loc.fold(w)) for w in loc.fraction_whole_joins)


def _followed_by(loc: Locale, text: str, end: int, words: tuple[str, ...]) -> bool:
    rest = loc.fold(text[end:end + 12])
    return any(re.match(rf"[ \t]+{re.escape(w)}\b", rest) for w in words)


def _alone(loc: Locale, text: str) -> list[Num]:
    """Fraction words that are a number alone: 절반, "a half", "one half"."""
    out: list[Num] = []
    pattern = loc.fraction_alone_re
    if pattern is None:
        return out
    for m in pattern.finditer(text):
        if m.start() > 0 and loc.is_word_char(text[m.start() - 1]):
            continue
        if not _free_after(loc, text, m.end()):
            continue
        word = loc.fold(" ".join(m.group(0).split()))
        if word in loc.fraction_alone_need_of and not _followed_by(loc, text, m.end(), loc.fraction_of_words) \
                and not loc.bound_before_re.search(text, max(0, m.start() - 24), m.start()):
            continue  # "half the fun"; but "half of the cost", "more than half"
        before = re.search(r"(\w+)[ \t]+\Z", text[max(0, m.start() - 16):m.start()])
        if before is not None and loc.fold(before.group(1)) in loc.fraction_not_after:
            continue  # "the second half of the match"
        value = loc.fraction_alone[word]
        out.append(fraction_num(m.start(), m.end(), Fraction(value), has_digits=False))
    return out


def _join_wholes(loc: Locale, text: str, nums: list[Num], made: list[Num]) -> list[Num]:
    """A whole number joined to a fraction by the locale's word: "two and a half", "twenty and
    three fifths", 일과 이분의 일, "1과 2분의 1"."""
    if not loc.fraction_whole_joins:
        return made
    out: list[Num] = []
    for f in made:
        joined = None
        if f.value > 0 and f.composed:
            for word in loc.fraction_whole_joins:
                head = text[max(0, f.start - 40):f.start]
                m = re.search(rf"({re.escape(word)})[ \t]+\Z", head, re.IGNORECASE if loc.case_insensitive else 0)
                if m is None:
                    continue
                left = f.start - len(head) + m.start(1)
                if m.start(1) > 0 and head[m.start(1) - 1] in " \t":
                    left -= 1  # "two and a half": a space before the English word
                whole = number_ending_at(loc, text, left, reach=40)
                if whole is None or whole.value <= 0 or whole.value != int(whole.value) or whole.ordinal:
                    continue
                if _opened_before(loc, text, whole.start):
                    continue  # "between 2 and 3/4": a range, not two and three quarters
                joined = fraction_num(whole.start, f.end, _with_whole(whole, _exact(f)),
                                      has_digits=whole.has_digits or f.has_digits)
                break
        out.append(joined or f)
    return out


def _of_scale(loc: Locale, text: str, made: list[Num]) -> list[Num]:
    """"two thirds of a million": a fraction times the scale word after "of a"."""
    if not loc.fraction_of_scale:
        return made
    out = []
    for f in made:
        rest = text[f.end:f.end + 24]
        joined = None
        for phrase in loc.fraction_of_scale:
            m = re.match(rf"[ \t]+{re.escape(phrase)}[ \t]+(\w+)", rest, re.IGNORECASE if loc.case_insensitive else 0)
            if m is not None and loc.fold(m.group(1)) in loc.big_units:
                scale = loc.big_units[loc.fold(m.group(1))]
                joined = fraction_num(f.start, f.end + m.end(), _exact(f) * Fraction(scale), has_digits=f.has_digits)
                break
        out.append(joined or f)
    return out


def _vague_of(loc: Locale, text: str, nums: list[Num]) -> list[Num]:
    """Vague scales: "tens of thousands" (a vague scale of a vague scale: their product),
    "hundreds of" (the word "of" taken in), and the locale's vague phrases ("a couple of")."""
    out: list[Num] = []
    of_words = loc.fraction_of_words
    by_start = {n.start: n for n in nums}
    for n in nums:
        if not n.vague or n.has_digits:
            continue
        cur = n
        value = n.value
        while True:
            m = re.match(r"[ \t]+(\w+)[ \t]+", text[cur.end:cur.end + 12])
            if m is None or loc.fold(m.group(1)) not in of_words:
                break
            nxt = by_start.get(cur.end + m.end())
            if nxt is not None and nxt.vague and not nxt.has_digits:
                value, cur = value * nxt.value, nxt
                continue
            break
        end = cur.end
        m = _OF_WORD.match(text, end)
        if m is not None and loc.fold(m.group(1)) in of_words and m.end() not in by_start:
            end = m.end()  # "hundreds of homes": the claim reads "hundreds of"
        if cur is not n or end != n.end:
            out.append(replace(n, end=end, value=value, composed=True))
    pattern = loc.vague_phrase_re
    if pattern is not None:
        for m in pattern.finditer(text):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            value = loc.vague_phrases[loc.fold(" ".join(m.group(0).split()))]
            out.append(Num(m.start(), m.end(), value, False, None, True, vague=True, composed=True))
    return out
