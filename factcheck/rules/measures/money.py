"""The money rule: a number with a currency sign, code or word before or after it ("$16
million", "1,600만불", "USD 16m", "3.3 billion won"), an amount joined with its cents
("1달러 20센트", "3 dollars 50 cents"), and ranges and qualifiers as every measure rule."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.claims import Claim
from factcheck.locale.loader import CurrencyWord
from factcheck.rules.measures.candidates import Cand, left_ok, word_number_ok
from factcheck.rules.measures.currency import currency_after, currency_as_unit, currency_before, is_code, scale_after
from factcheck.rules.measures.finish import finish
from factcheck.rules.measures.formats import formatted_amounts
from factcheck.text.document import Document
from factcheck.text.numbers import Num
from factcheck.values import Money, Value, in_decimal_context

__all__ = ["extract_money"]

_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?;]|$)")


@in_decimal_context
def extract_money(doc: Document) -> list[Claim]:
    """Amounts of money: a number with a currency sign, word or code before or after it."""
    return finish(doc, "money", _money_cands(doc))


@dataclass(slots=True)
class _Row:
    """A number with the currency words found before and after it (a working record: a word
    between two numbers is then given to one of them)."""

    num: Num
    before: tuple[CurrencyWord, int] | None
    after: tuple[CurrencyWord, int] | None
    value: Decimal
    end: int
    alt: Decimal | None = None  # the other reading of a figure in another format (KD 1.500)


def _rows(doc: Document) -> list[_Row]:
    rows: list[_Row] = []
    loc = doc.locale
    # figures in another locale's format beside a currency ("12,99 €", "Rp 250.000")
    formatted = formatted_amounts(doc)
    for f in formatted:
        rows.append(_Row(f.num, f.before, f.after, f.num.value, f.num.end, f.alt))
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or n.ordinal:
            continue
        if any(f.num.start < n.end and n.start < f.num.end for f in formatted):
            continue
        # a lone digit word (구 of "구 파운드") is a number only before a currency word of two
        # letters or more; a short word with a large unit stands before a spaced one (일조 원)
        lone = not n.has_digits and doc.text[n.start:n.end] in loc.digit_words
        spaced = doc.char_at(n.end) in (" ", "\t")
        if not lone and not word_number_ok(doc, n, standalone=False, spaced_word=spaced):
            continue
        before = currency_before(doc, n)
        if before is None and not left_ok(doc, n):
            continue
        value, end = n.value, n.end
        after = None
        if n.abbr is not None and n.abbr_scale is not None:
            after = currency_after(doc, n.abbr_end)
            if before is not None or after is not None:
                value, end = n.value * n.abbr_scale, n.abbr_end
            else:
                continue  # "16m" without a currency is not money (16 metres?)
        if after is None:
            after = currency_after(doc, end)
            if after is not None and before is None and currency_as_unit(doc, end) is not None:
                continue  # "5 pounds of flour": a weight, left to the quantity rule
        if lone and (after is None or len(doc.text[end:after[1]].strip()) < 2
                     or loc.is_word_char(doc.char_before(n.start))):
            continue
        if n.bare_unit and (after is None or after[0].factor != 1 or not _bare_unit_ok(doc, end, after[1])):
            continue  # not 만전 ("thoroughness"), a unit and a subunit
        rows.append(_Row(n, before, after, value, end))
    rows.sort(key=lambda r: r.num.start)
    # a sign or code between two numbers belongs to one of them: to the second unless that one
    # has its own after it ("10 $30" | "10 rmb 20 usd", "10 $ 30 cent")
    for k in range(1, len(rows)):
        prev, cur = rows[k - 1], rows[k]
        if prev.after is not None and cur.before is not None and cur.before[1] < prev.after[1]:
            if cur.after is not None:
                cur.before = None
            else:
                prev.after = None
    return rows


def _bare_unit_ok(doc: Document, end: int, after_end: int) -> bool:
    """A unit alone before a currency (만 원 = 10,000 won): spaced, or glued and followed by a
    particle or nothing of the locale's script ("만원이면", "만원."); not "만원 버스" (a full bus)."""
    if doc.char_at(end) in (" ", "\t"):
        return True
    nxt = doc.char_at(after_end)
    if doc.locale.is_word_char(nxt):
        return doc.starts_with_any(after_end, doc.locale.bare_unit_particles) is not None
    return nxt not in (" ", "\t")


def _money_cands(doc: Document) -> list[Cand]:
    out: list[Cand] = []
    for row in _rows(doc):
        n, before, after, value, end, alt = row.num, row.before, row.after, row.value, row.end, row.alt
        if before is None and not left_ok(doc, n):
            continue
        if before is not None:
            start, chosen = before[1], before[0]
            # an explicit code wins over an assumed one; a prefix wins over a suffix
            if after is not None and before[0].assumed and not after[0].assumed:
                chosen = after[0]
        elif after is not None:
            start, chosen = n.start, after[0]
        else:
            continue
        if after is not None:
            end = after[1]
            if after[0].factor != 1:
                chosen = CurrencyWord(after[0].code, after[0].assumed, after[0].factor, after[0].family)
        amount = value * chosen.factor
        code, assumed, family = chosen.code, chosen.assumed, chosen.family

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, code: str | None = code,
                 assumed: bool = assumed, family: str | None = family, alt: Decimal | None = alt,
                 value: Decimal = value) -> Value:
            other = alt * (a / value) if alt is not None and value and lo is None and hi is None else None
            return Money(a, code, assumed, family, other, low=lo, high=hi, approx=approx)

        if after is not None and n.scale is None and chosen.factor == 1 and is_code(doc.text[after[1] - 3:after[1]]):
            scaled = scale_after(doc, end)  # "75 USD million"
            if scaled is not None:
                amount, end = amount * scaled[0], scaled[1]
        where = "prefix" if before and not after else "suffix" if after and not before else "both"
        # "rose 5 cents to $12.40": cents and dollars do not join into a range
        base = code or f"~{family}"
        key = base if chosen.factor == 1 else f"{base}*{chosen.factor}"
        out.append(Cand(start, end, n, amount, make, key, f"{doc.locale.code}.money.{where}", loose=assumed))
    return _join_subunits(doc, out)


def _join_subunits(doc: Document, cands: list[Cand]) -> list[Cand]:
    """Join an amount and its cents: "1달러 20센트", "3 dollars 50 cents", "thirteen dollars
    and forty-five cents"; and, in speech, a bare number of cents that closes the sentence
    after the currency word ("15 dollars 50.", "17 USD 25")."""
    text = doc.text
    cands = sorted(cands, key=lambda c: c.start)
    by_start = {n.start: n for n in doc.numbers}
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        gap_end = _and_gap(doc, c.end)
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        main = "*" not in c.key and c.num.scale is None and c.amount == c.num.value and c.amount == int(c.amount)
        # cents of the amount's own currency, or cents whose currency was only assumed ("3 euros
        # 50 cents", 3유로 50센트: euro cents)
        subunit = nxt is not None and (nxt.key.startswith(c.key + "*") or (nxt.loose and "*" in nxt.key))
        if main and nxt is not None and nxt.start == gap_end and subunit \
                and 0 < nxt.num.value < 100 and nxt.num.value == int(nxt.num.value):
            out.append(replace(c, end=nxt.end, amount=c.amount + nxt.amount))
            i += 2
            continue
        # (the spoken form is English: "15 dollars 50"; "70달러 2. 수입" is a numbered list)
        bare = by_start.get(gap_end) if main and gap_end > c.end and text[c.end - 1].isascii() else None
        if bare is not None and (nxt is None or nxt.start >= bare.end) and bare.abbr is None \
                and 0 < bare.value < 100 and bare.value == int(bare.value) and c.amount == int(c.amount) \
                and _CLAUSE_END.match(text, bare.end) and word_number_ok(doc, bare, standalone=False):
            out.append(replace(c, end=bare.end, amount=c.amount + bare.value / 100))
            i += 1
            continue
        out.append(c)
        i += 1
    return out


def _and_gap(doc: Document, pos: int) -> int:
    """Where the next word starts after spaces and at most one "and" word."""
    text = doc.text
    loc = doc.locale
    p = pos
    while doc.char_at(p) in (" ", "\t"):
        p += 1
    for w in loc.and_words:
        if loc.fold(text[p:p + len(w)]) == w and text[p + len(w):p + len(w) + 1] in (" ", "\t"):
            q = p + len(w)
            while doc.char_at(q) in (" ", "\t"):
                q += 1
            return q
    return p
