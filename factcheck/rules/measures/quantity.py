"""The quantity rule: a number with a unit after it (12 km, 100평, 3.5 tonnes, "5 pounds of
flour"), the unit named as pint names it; a unit word may take another unit in context (도 is
an angle after 경사, a temperature otherwise)."""

from __future__ import annotations

from decimal import Decimal

from factcheck.claims import Claim
from factcheck.locale.units import canonical_unit
from factcheck.rules.measures.candidates import Cand, abbr_is_scale, glued_on, left_ok, word_number_ok
from factcheck.rules.measures.currency import currency_as_unit, currency_before
from factcheck.rules.measures.finish import finish
from factcheck.text.document import Document
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
        if doc.is_blocked(n.start, n.end) or not left_ok(doc, n) or not word_number_ok(doc, n, standalone=False) \
                or n.native:
            continue  # native numbers are not measured: 하나도, 쿠릴 열도, 세제곱미터
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
