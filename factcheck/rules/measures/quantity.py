"""The quantity rule: a number with a unit after it (12 km, 100평, 3.5 tonnes, "5 pounds of
flour"), the unit named as pint names it; a unit word may take another unit in context (도 is
an angle after 경사, a temperature otherwise)."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import Claim
from factcheck.locale.units import canonical_unit
from factcheck.rules.measures.candidates import Cand, abbr_is_scale, glued_on, left_ok, word_number_ok
from factcheck.rules.measures.currency import currency_as_unit, currency_before
from factcheck.rules.measures.finish import finish
from factcheck.text.document import Document
from factcheck.text.numbers import Num
from factcheck.values import Quantity, Value, in_decimal_context

__all__ = ["extract_quantity"]


@in_decimal_context
def extract_quantity(doc: Document) -> list[Claim]:
    """Quantities with a unit (12 km, 100평, 3.5 tonnes); units are named as pint names them."""
    return finish(doc, "quantity", _quantity_cands(doc))


def _quantity_cands(doc: Document) -> list[Cand]:
    loc = doc.locale
    out: list[Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not left_ok(doc, n) or n.ordinal:
            continue
        counted = _count_of_time(doc, n)
        if counted is not None:
            unit, end = counted  # 13년 연속, "13 consecutive days"

            def make_count(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool,
                           unit: str = unit) -> Value:
                return Quantity(a, unit, low=lo, high=hi, approx=approx)

            out.append(Cand(n.start, end, n, n.value, make_count, unit, f"{loc.code}.quantity.count"))
            continue
        if not word_number_ok(doc, n, standalone=False) or n.native or (n.vague and not _prefixed(doc, n)):
            continue  # native numbers are not measured: 하나도, 쿠릴 열도, 세제곱미터; nor "hundreds of miles"
        m = loc.unit_after_re.match(doc.text, n.end)
        if m is None or abbr_is_scale(doc, n):
            as_unit = currency_as_unit(doc, n.end) if m is None and n.abbr is None else None
            if as_unit is None or currency_before(doc, n) is not None:
                continue
            unit, end = as_unit  # "5 pounds of flour"
        else:
            word = m.group(1)
            if glued_on(doc, word, m.end()):
                continue
            unit = loc.unit_words[word] if word in loc.unit_words else loc.unit_words[" ".join(word.split())]
            unit = _unit_in_context(doc, word, n.start, m.end()) or unit
            end = m.end()
        unit = canonical_unit(unit)

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, unit: str = unit) -> Value:
            return Quantity(a, unit, low=lo, high=hi, approx=approx)

        out.append(Cand(n.start, end, n, n.value, make, unit, f"{loc.code}.quantity.unit"))
    return out


def _prefixed(doc: Document, n: Num) -> bool:
    """A vague scale written with the locale's prefix glued to it (수백 km, 수천 톤: the unit,
    approximate), unlike a plural scale ("hundreds of miles")."""
    return any(doc.text.startswith(p, n.start) for p in doc.locale.vague_prefixes)


def _count_of_time(doc: Document, n: Num) -> tuple[str, int] | None:
    """A count of days, weeks, months or years (the locale's ``[count_units]``): a unit read
    only beside a count word, after it (13년 연속, 13년째, 3년간, "13 days in a row"), before
    the number (연속 13년, 근무일수 13일) or between the number and the unit ("13 consecutive
    days"). The unit and where the claim ends (count words after it taken in), or None."""
    loc = doc.locale
    text = doc.text
    if not loc.count_units or n.value <= 0 or n.fraction is not None or n.abbr is not None or n.vague:
        return None
    if n.native and n.counter_only:
        return None
    pos = n.end
    between = False
    for word in loc.count_between:
        m = re.match(rf"[ \t]+{re.escape(word)}(?=[ \t])", text[pos:pos + 24], re.IGNORECASE)
        if m is not None:
            pos, between = pos + m.end(), True
            break
    unit_word = doc.starts_with_any(pos, loc.count_units_longest)
    if unit_word is None and text[pos:pos + 1] in (" ", "\t"):
        found = doc.starts_with_any(pos + 1, loc.count_units_longest)
        if found is not None and found.isascii():
            unit_word, pos = found, pos + 1  # "13 days": a Latin unit after a space
    if unit_word is None and loc.case_insensitive:
        low = text[pos:pos + 12].lower()
        unit_word = next((w for w in loc.count_units_longest if low.startswith(w)), None)
    if unit_word is None:
        return None
    end = pos + len(unit_word)
    if unit_word[-1:].isalpha() and unit_word.isascii() and text[end:end + 1].isalpha():
        return None  # "13 dayss"
    unit = canonical_unit(loc.count_units[unit_word])
    after = _count_word_at(doc, end)
    if after is not None:
        return unit, after
    if between:
        return unit, end
    head = text[max(0, n.start - 12):n.start].rstrip()
    if any(head.endswith(w) for w in loc.count_before) and (not loc.is_word_char(doc.char_at(end))
                                                           or doc.free_after(end)):
        return unit, end
    return None


def _count_word_at(doc: Document, pos: int) -> int | None:
    """Where a count word after a count of time ends (연속, 째, "in a row"), or None."""
    loc = doc.locale
    text = doc.text
    for w in loc.count_after:
        p = pos
        if not text.startswith(w, p) and text[p:p + 1] in (" ", "\t") and not (w[:1].isalpha() and not w.isascii()
                                                                              and len(w) == 1):
            p += 1
        if loc.fold(text[p:p + len(w)]) == loc.fold(w):
            e = p + len(w)
            if loc.is_word_char(doc.char_at(e)) and not doc.free_after(e):
                continue
            if w.isascii() and doc.char_at(e).isalpha():
                continue
            return e
    return None


def _unit_in_context(doc: Document, word: str, start: int, end: int) -> str | None:
    """The unit a unit word takes in context (the locale's ``unit_context``): 도 is an angle in
    "경사 30도" and "30도 기울어진", a temperature otherwise. None when no context applies."""
    text = doc.text
    for ctx in doc.locale.unit_contexts:
        if ctx.word != word:
            continue
        particles = ctx.particles  # longest first
        for m in doc.locale.range_sep_re.finditer(text, max(0, start - 8), start):
            lo = doc.numbers_by_end.get(m.start()) if m.end() == start else None
            if lo is not None:
                start = lo.start  # "경사 30~40도": the words before the range
        head = text[max(0, start - 16):start].rstrip()
        heads = [head] + [head[:-len(p)].rstrip() for p in particles if head.endswith(p) and len(head) > len(p)]
        if any(h.endswith(w) for h in heads for w in ctx.preceded_by):
            return ctx.unit
        tail = text[end:end + 16]
        tails = [tail] + [tail[len(p):] for p in particles if tail.startswith(p)]
        if any(t.lstrip(" \t").startswith(w) for t in tails for w in ctx.followed_by):
            return ctx.unit
    return None
