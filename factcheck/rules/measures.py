"""Rules for measured values: money, percent, quantity and plain numbers.

Each rule is a function ``(Document) -> list[Claim]`` that works for any locale: what it
recognises comes from the locale data. Shared steps: find a number, look at what is written
around it (a currency sign before, a currency word or unit after), then widen the claim with
qualifiers ("about", "이상") and join ranges ("$10-12 million", "25000~30000원").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable

from ..claims import Claim
from ..document import Document
from ..locale import CurrencyWord
from ..numbers import Num
from ..values import Money, Number, Percent, Quantity, Value

__all__ = ["extract_money", "extract_percent", "extract_quantity", "extract_number"]

_WINDOW = 40  # characters looked at before a number for signs and qualifiers


@dataclass(frozen=True, slots=True)
class _Cand:
    """A claim being built: its span, the number it rests on and how to make its value."""

    start: int
    end: int
    num: Num
    amount: Decimal
    make: Callable[[Decimal, Decimal | None, Decimal | None, bool], Value]
    key: str  # currency or unit: only equal keys join into a range
    rule: str
    has_own_key: bool = True  # the key was written at this number (not borrowed)


# --------------------------------------------------------------------------- helpers
def _word_number_ok(doc: Document, n: Num, *, standalone: bool) -> bool:
    """Numbers written only in words: apply the locale's guards against ordinary words."""
    if n.has_digits:
        return True
    loc = doc.locale
    surface = doc.text[n.start:n.end]
    if standalone:
        if len(surface.replace(" ", "")) < loc.min_word_number_chars:
            return False
        if loc.fold(surface) in loc.standalone_stopwords:
            return False
    elif loc.min_word_number_chars and not any(ch in loc.small_units or ch in loc.big_units for ch in surface):
        return False  # "이 원", "오 달러": a lone digit word is not a number in running text
    if loc.is_word_char(doc.char_before(n.start)):
        return False
    return True


def _left_ok(doc: Document, n: Num) -> bool:
    """A number glued to a letter on its left ("A4", "COVID-19") is part of a name."""
    before = doc.char_before(n.start)
    if before.isalpha() and before.isascii():
        return False
    if before == "-" and doc.char_before(n.start - 1).isalpha():
        return False
    return True


def _currency_before(doc: Document, n: Num) -> tuple[CurrencyWord, int] | None:
    """A currency sign, code or word written right before the number (one space allowed)."""
    loc = doc.locale
    text = doc.text
    p = n.start
    if p > 0 and text[p - 1] in " \t":
        p -= 1
    table = loc.currency_before
    for length in loc.currency_before_lengths:  # longest first
        s = p - length
        if s < 0:
            continue
        word = text[s:p]
        cw = table.get(word)
        if cw is None and loc.case_insensitive:
            cw = table.get(word.lower())
        if cw is None:
            continue
        if word[:1].isascii() and word[:1].isalpha() and s > 0 and text[s - 1].isascii() and text[s - 1].isalpha():
            continue  # "XUSD": part of a longer word
        return cw, s
    return None


def _currency_after(doc: Document, pos: int) -> tuple[CurrencyWord, int] | None:
    loc = doc.locale
    m = loc.currency_after_re.match(doc.text, pos)
    if m is None:
        return None
    word = m.group(1)
    if word[-1:].isalpha() and not word[-1:].isascii() and not doc.free_after(m.end()):
        return None  # 3원칙: the word goes on
    cw = loc.currency_after.get(word) or loc.currency_after.get(loc.fold(word))
    if cw is None:
        squeezed = " ".join(word.split())
        cw = loc.currency_after.get(squeezed) or loc.currency_after.get(loc.fold(squeezed))
    return (cw, m.end()) if cw else None


# --------------------------------------------------------------------------- money
def _money_cands(doc: Document) -> list[_Cand]:
    out: list[_Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not _word_number_ok(doc, n, standalone=False):
            continue
        before = _currency_before(doc, n)
        if before is None and not _left_ok(doc, n):
            continue
        value, end = n.value, n.end
        after = None
        if n.abbr is not None and n.abbr_scale is not None:
            after = _currency_after(doc, n.abbr_end)
            if before is not None or after is not None:
                value, end = n.value * n.abbr_scale, n.abbr_end
            else:
                continue  # "16m" without a currency is not money (16 metres?)
        if after is None:
            after = _currency_after(doc, end)
        if before is None and after is None:
            continue
        start = before[1] if before else n.start
        if after is not None:
            end = after[1]
        # an explicit code wins over an assumed one; a prefix wins over a suffix
        chosen = before[0] if before else after[0]  # type: ignore[index]
        if before and after and before[0].assumed and not after[0].assumed:
            chosen = after[0]
        if after and after[0].factor != 1:
            chosen = CurrencyWord(after[0].code, after[0].assumed, after[0].factor)
        amount = value * chosen.factor
        code, assumed = chosen.code, chosen.assumed

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool,
                 code: str = code, assumed: bool = assumed, factor: Decimal = chosen.factor) -> Value:
            return Money(a, code, assumed, low=lo, high=hi, approx=approx)

        rule = f"{doc.locale.code}.money." + ("prefix" if before and not after else "suffix" if after and not before else "both")
        out.append(_Cand(start, end, n, amount, make, code, rule))
    return out


def extract_money(doc: Document) -> list[Claim]:
    """Amounts of money: a number with a currency sign, word or code before or after it."""
    return _finish(doc, "money", _money_cands(doc))


# --------------------------------------------------------------------------- percent
def _percent_cands(doc: Document) -> list[_Cand]:
    loc = doc.locale
    out: list[_Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n) or not _word_number_ok(doc, n, standalone=False):
            continue
        m = loc.percent_after_re.match(doc.text, n.end)
        if m is None:
            continue
        word = m.group(1)
        if word[-1:].isalpha() and not word[-1:].isascii() and not doc.free_after(m.end()):
            continue
        unit = loc.percent_words.get(word) or loc.percent_words.get(loc.fold(word)) or loc.percent_words.get(
            " ".join(word.split())) or "percent"

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, unit: str = unit) -> Value:
            return Percent(a, unit, low=lo, high=hi, approx=approx)

        out.append(_Cand(n.start, m.end(), n, n.value, make, unit, f"{loc.code}.percent.{unit}"))
    return out


def extract_percent(doc: Document) -> list[Claim]:
    """Percentages (3.5%, 3.5퍼센트) and percentage points (3.5%p, 3.5 percentage points)."""
    return _finish(doc, "percent", _percent_cands(doc))


# --------------------------------------------------------------------------- quantity
def _quantity_cands(doc: Document) -> list[_Cand]:
    loc = doc.locale
    out: list[_Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n) or not _word_number_ok(doc, n, standalone=False):
            continue
        m = loc.unit_after_re.match(doc.text, n.end)
        if m is None or _abbr_is_scale(doc, n):
            continue
        word = m.group(1)
        if word[-1:].isalpha() and not word[-1:].isascii() and not doc.free_after(m.end()):
            continue
        from ..units import canonical_unit

        unit = canonical_unit(loc.unit_words[word] if word in loc.unit_words else loc.unit_words[" ".join(word.split())])

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, unit: str = unit) -> Value:
            return Quantity(a, unit, low=lo, high=hi, approx=approx)

        out.append(_Cand(n.start, m.end(), n, n.value, make, unit, f"{loc.code}.quantity.unit"))
    return out


def extract_quantity(doc: Document) -> list[Claim]:
    """Quantities with a unit (12 km, 100평, 3.5 tonnes); units are named as pint names them."""
    return _finish(doc, "quantity", _quantity_cands(doc))


# --------------------------------------------------------------------------- number
def _number_cands(doc: Document) -> list[_Cand]:
    loc = doc.locale
    text = doc.text
    out: list[_Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n):
            continue
        if not _word_number_ok(doc, n, standalone=True):
            continue
        end = n.end
        value = n.value
        if n.abbr is not None:
            if not _abbr_is_scale(doc, n):
                continue  # "16m": metres, left to the quantity rule
            end = n.abbr_end
            value = n.value * n.abbr_scale  # type: ignore[operator]
        # a number written before an ordinal or date word is not a count (3번째, 2023년, 20th)
        if doc.starts_with_any(end, loc.date_after) or _ordinal_after(doc, end):
            continue
        if any(text.endswith(w, max(0, n.start - len(w) - 1), n.start) or text.endswith(w, 0, n.start)
               for w in loc.ordinal_before if text[max(0, n.start - len(w) - 1):n.start].strip() == w):
            continue
        if n.has_digits and loc.is_word_char(doc.char_at(end)) and not loc.counters and not loc.followers:
            continue  # "3D", "4G": glued to letters
        if not n.has_digits and not doc.free_after(end) and not doc.starts_with_any(end, loc.counters):
            continue  # a word that starts like a number (삼성, 이번)
        if _is_year(doc, n) or _in_name(doc, n):
            continue
        counter = doc.starts_with_any(end, loc.counters)
        if counter is not None and (end + len(counter) < len(text)) and loc.is_word_char(text[end + len(counter)]) \
                and not doc.free_after(end + len(counter)):
            counter = None

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool,
                 counter: str | None = counter) -> Value:
            return Number(a, counter, low=lo, high=hi, approx=approx)

        rule = f"{loc.code}.number." + ("digits" if n.has_digits else "words")
        out.append(_Cand(n.start, end, n, value, make, counter or "", rule))
    return out


_METRE_CONTEXT = frozenset(
    "long high tall wide deep away from in of above below under over sprint race run dash hurdles freestyle "
    "butterfly backstroke breaststroke relay metres meters mark radius".split()
)


def _abbr_is_scale(doc: Document, n: Num) -> bool:
    """"16m people" is sixteen million; "the 100m sprint" and "8m high" are metres."""
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
    return bool(word) and word.islower() and word not in _METRE_CONTEXT


def _ordinal_after(doc: Document, end: int) -> bool:
    loc = doc.locale
    w = doc.starts_with_any(end, loc.ordinal_after)
    if w is None:
        return False
    nxt = doc.char_at(end + len(w))
    if w.isascii():  # "20th", not "20 things"
        return not (nxt.isalpha() and nxt.isascii())
    # the longer counter wins over an ordinal prefix of it (3차례 is three times)
    c = doc.starts_with_any(end, loc.counters)
    return not (c is not None and len(c) > len(w))


def _is_year(doc: Document, n: Num) -> bool:
    yr = doc.locale.year_range
    if yr is None or not n.has_digits or n.grouped or n.scale is not None:
        return False
    surface = doc.text[n.start:n.end]
    return surface.isdigit() and len(surface) == 4 and yr[0] <= int(surface) <= yr[1]


def _in_name(doc: Document, n: Num) -> bool:
    """"Expo 2023", "Boeing 747": a digit number right after a capitalised word that does not
    open a sentence."""
    if not doc.locale.names_take_numbers or not n.has_digits:
        return False
    text = doc.text
    i = n.start - 1
    if i < 0 or text[i] != " ":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if not word or not word[0].isupper():
        return False
    k = j - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    if k < 0 or text[k] in ".!?\n:;":
        return False  # the capital opens a sentence
    folded = doc.locale.fold(word)
    quals = doc.locale.qualifiers
    if any(folded == doc.locale.fold(q) for key in ("approx_before", "min_before", "max_before") for q in quals.get(key, ())):
        return False
    return True


def extract_number(doc: Document) -> list[Claim]:
    """Plain numbers and counts that no other rule claimed (10명, 27,350,000, sixteen)."""
    return _finish(doc, "number", _number_cands(doc))


# --------------------------------------------------------------------------- shared steps
def _qualifier_kind(doc: Document, word: str) -> str | None:
    loc = doc.locale
    folded = loc.fold(" ".join(word.split()))
    for key, kind in (("approx_before", "approx"), ("approx_after", "approx"), ("min_before", "min"),
                      ("min_after", "min"), ("max_before", "max"), ("max_after", "max")):
        if any(loc.fold(w) == folded for w in loc.qualifiers.get(key, ())):
            return kind
    return None


def _join_ranges(doc: Document, cands: list[_Cand]) -> list[tuple[_Cand, Decimal | None, Decimal | None, int, int]]:
    """Join "A - B" style ranges. Returns (cand, low, high, start, end) items."""
    loc = doc.locale
    text = doc.text
    nums = doc.numbers
    by_start = {n.start: n for n in nums}
    by_end = {n.end: n for n in nums}
    used_nums = {id(c.num) for c in cands}
    items: list[tuple[_Cand, Decimal | None, Decimal | None, int, int]] = []
    cands = sorted(cands, key=lambda c: c.start)
    skip: set[int] = set()
    opens = tuple(loc.qualifiers.get("range_open", ()))
    joins = {loc.fold(w) for w in loc.qualifiers.get("range_join", ())}
    closes = tuple(loc.qualifiers.get("range_close", ()))
    change_before = tuple(loc.qualifiers.get("change_before", ()))
    change_after = tuple(loc.qualifiers.get("change_after", ()))
    for idx, c in enumerate(cands):
        if idx in skip:
            continue
        # forward: this claim, a separator, then a claim of the same key or a bare number
        m = loc.range_sep_re.match(text, c.end)
        partner: _Cand | None = None
        bare: Num | None = None
        if m is not None:
            sep = loc.fold(m.group(1))
            nxt = cands[idx + 1] if idx + 1 < len(cands) else None
            if nxt is not None and nxt.start == m.end() and nxt.key == c.key:
                partner = nxt
            elif m.end() in by_start and id(by_start[m.end()]) not in used_nums:
                bare = by_start[m.end()]
            if sep in joins and not _opened(doc, c.start, opens):
                partner = bare = None
            if (partner or bare) and _is_change(doc, c.start, (partner.end if partner else bare.end), change_before, change_after):  # type: ignore[union-attr]
                partner = bare = None
            if sep == "-" and (partner or bare) and text[c.end:m.end()].count(" ") == 1:
                partner = bare = None  # "10 -20": a sign, not a range dash
        # backward: a bare number, a separator, then this claim ("25000~30000원")
        if partner is None and bare is None:
            back = _bare_before(doc, c, by_end, used_nums, opens, joins, change_before, change_after)
            if back is not None:
                lo_num, start = back
                factor = c.amount / c.num.value if c.num.value else Decimal(1)
                lo, hi = sorted((lo_num.value * _scale_for(lo_num, c.num) * factor, c.amount))
                items.append((replace(c, amount=lo), lo, hi, _extend_start(doc, start, opens), _extend_end(doc, c.end, closes)))
                continue
            items.append((c, None, None, c.start, c.end))
            continue
        if partner is not None:
            skip.add(idx + 1)
            lo_val = c.amount * _scale_for(c.num, partner.num) if c.num.scale is None else c.amount
            lo, hi = sorted((lo_val, partner.amount))
            end = partner.end
        else:
            assert bare is not None
            hi_val = bare.value * (c.amount / c.num.value if c.num.value else Decimal(1))
            lo, hi = sorted((c.amount * _scale_for(c.num, bare), hi_val))
            end = bare.end
        start = _extend_start(doc, c.start, opens)
        items.append((replace(c, amount=lo), lo, hi, start, _extend_end(doc, end, closes)))
    return items


def _scale_for(low: Num, high: Num) -> Decimal:
    """"$10-12 million": the scale written only after the second number applies to both."""
    if low.scale is None and high.scale is not None and low.has_digits and high.has_digits:
        unscaled_high = high.value / high.scale
        if low.value <= unscaled_high:
            return high.scale
    return Decimal(1)


def _opened(doc: Document, start: int, opens: tuple[str, ...]) -> bool:
    before = doc.text[max(0, start - 12):start].rstrip()
    return any(doc.locale.fold(before).endswith(doc.locale.fold(o)) for o in opens)


def _extend_start(doc: Document, start: int, opens: tuple[str, ...]) -> int:
    before = doc.text[max(0, start - 12):start]
    stripped = before.rstrip()
    for o in opens:
        if doc.locale.fold(stripped).endswith(doc.locale.fold(o)):
            return start - len(before) + len(stripped) - len(o)
    return start


def _extend_end(doc: Document, end: int, closes: tuple[str, ...]) -> int:
    for w in closes:
        if doc.text.startswith(w, end):
            return end + len(w)
    return end


def _is_change(doc: Document, start: int, end: int, before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    text = doc.text
    head = doc.locale.fold(text[max(0, start - 8):start].rstrip())
    if any(head.endswith(doc.locale.fold(w)) and (len(head) == len(w) or not head[-len(w) - 1].isalpha())
           for w in before):
        return True
    return any(text.startswith(w, end) for w in after)


def _bare_before(doc: Document, c: _Cand, by_end: dict[int, Num], used: set[int], opens: tuple[str, ...],
                 joins: set[str], change_before: tuple[str, ...], change_after: tuple[str, ...]) -> tuple[Num, int] | None:
    loc = doc.locale
    text = doc.text
    lo = max(0, c.start - 16)
    best = None
    for m in loc.range_sep_re.finditer(text, lo, c.start):
        if m.end() == c.start and m.start() in by_end:
            best = m
    if best is None:
        return None
    n = by_end[best.start()]
    if id(n) in used or not _left_ok(doc, n) or doc.is_blocked(n.start, c.end):
        return None
    if not n.has_digits and not c.num.has_digits and len(text[n.start:n.end]) < loc.min_word_number_chars:
        return None
    sep = loc.fold(best.group(1))
    if sep in joins and not _opened(doc, n.start, opens):
        return None
    if sep == "-" and text[n.end:c.start].count(" ") == 1:
        return None
    if _is_change(doc, n.start, c.end, change_before, change_after):
        return None
    return n, n.start


def _finish(doc: Document, kind: str, cands: list[_Cand]) -> list[Claim]:
    """Join ranges, apply qualifiers and build the claims."""
    loc = doc.locale
    text = doc.text
    claims: list[Claim] = []
    for c, lo, hi, start, end in _join_ranges(doc, cands):
        approx = c.num.approx
        qualifier = None
        # qualifier words before ("about", "약", "more than") and after ("가량", "이상")
        window_lo = max(0, start - _WINDOW)
        mb = loc.bound_before_re.search(text, window_lo, start)
        if mb is not None and lo is None and hi is None and not loc.is_word_char(doc.char_before(mb.start(1))):
            q = _qualifier_kind(doc, mb.group(1))
            if q is not None:
                qualifier = " ".join(mb.group(1).split())
                start = mb.start(1)
                lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
        ma = loc.bound_after_re.match(text, end)
        if ma is not None:
            word = ma.group(1)
            ok = not (word[-1:].isalpha() and not word[-1:].isascii()) or doc.free_after(ma.end()) \
                or word in ("넘는", "넘게")
            q = _qualifier_kind(doc, word) if ok else None
            if q is not None and lo is None and hi is None:
                qualifier = (qualifier + " " if qualifier else "") + word
                end = ma.end()
                lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
        value = c.make(c.amount, lo, hi, approx)
        claims.append(Claim(kind, text[start:end], start, end, value, c.rule, loc.code, qualifier))
    return claims


def _apply(q: str, amount: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool
           ) -> tuple[Decimal | None, Decimal | None, bool]:
    if q == "approx":
        return lo, hi, True
    if q == "min":
        return amount, hi, approx
    return lo, amount, approx
