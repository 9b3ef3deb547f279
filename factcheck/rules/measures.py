"""Rules for measured values: money, percent, quantity and plain numbers.

Each rule is a function ``(Document) -> list[Claim]`` that works for any locale: what it
recognises comes from the locale data. Shared steps: find a number, look at what is written
around it (a currency sign before, a currency word or unit after), then widen the claim with
qualifiers ("about", "이상") and join ranges ("$10-12 million", "25000~30000원").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.claims import Claim
from factcheck.locale import CurrencyWord
from factcheck.text.document import Document
from factcheck.text.numbers import Num
from factcheck.values import Money, Number, Percent, Quantity, Value

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
    weak: bool = False  # a short word number that stands only as the end of a closed range (천에서 천오백까지)


# --------------------------------------------------------------------------- helpers
def _word_number_ok(doc: Document, n: Num, *, standalone: bool) -> bool:
    """Numbers written only in words: apply the locale's guards against ordinary words."""
    if n.has_digits:
        return True
    loc = doc.locale
    surface = doc.text[n.start:n.end]
    if n.native:
        # native numbers (다섯, 스물한): never glued to a preceding syllable; alone only when
        # written in full (열 and 한 need a counting word) and not a stopword (하나)
        if loc.is_word_char(doc.char_before(n.start)):
            return False
        return not n.counter_only and surface not in loc.standalone_stopwords
    squeezed = surface.replace(" ", "")
    if any(u in squeezed and len(squeezed) < n for u, n in loc.word_unit_min_chars.items()):
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
    rows: list[list] = []  # type: ignore[type-arg]
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
            if after is not None and before is None and _currency_as_unit(doc, end) is not None:
                continue  # "5 pounds of flour": a weight, left to the quantity rule
        rows.append([n, before, after, value, end])
    # a sign or code between two numbers belongs to one of them: to the second unless that one
    # has its own after it ("10 $30" | "10 rmb 20 usd", "10 $ 30 cent")
    for k in range(1, len(rows)):
        prev, cur = rows[k - 1], rows[k]
        if prev[2] is not None and cur[1] is not None and cur[1][1] < prev[2][1]:
            if cur[2] is not None:
                cur[1] = None
            else:
                prev[2] = None
    out: list[_Cand] = []
    for n, before, after, value, end in rows:
        if before is None and after is None:
            continue
        if before is None and not _left_ok(doc, n):
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

        if after is not None and n.scale is None and chosen.factor == 1 and _is_code(doc.text[after[1] - 3:after[1]]):
            scaled = _scale_after(doc, end)  # "75 USD million"
            if scaled is not None:
                amount, end = amount * scaled[0], scaled[1]
        rule = f"{doc.locale.code}.money." + ("prefix" if before and not after else "suffix" if after and not before else "both")
        # "rose 5 cents to $12.40": cents and dollars do not join into a range
        key = code if chosen.factor == 1 else f"{code}*{chosen.factor}"
        out.append(_Cand(start, end, n, amount, make, key, rule))
    return _join_subunits(doc, out)


def _is_code(word: str) -> bool:
    return len(word) == 3 and word.isascii() and word.isalpha() and word.isupper()


def _scale_after(doc: Document, pos: int) -> tuple[Decimal, int] | None:
    """A scale word right after a currency code ("75 USD million"): its factor and end."""
    loc = doc.locale
    text = doc.text
    m = loc.token_re.match(text, pos + 1) if doc.char_at(pos) in (" ", "\t") else None
    if m is None:
        return None
    scale = loc.big_units.get(loc.fold(m.group(0)))
    return (scale, m.end()) if scale is not None else None


def _join_subunits(doc: Document, cands: list[_Cand]) -> list[_Cand]:
    """Join an amount and its cents: "1달러 20센트", "3 dollars 50 cents", "thirteen dollars
    and forty-five cents"; and, in speech, a bare number of cents that closes the sentence
    after the currency word ("15 dollars 50.", "17 USD 25")."""
    loc = doc.locale
    text = doc.text
    cands = sorted(cands, key=lambda c: c.start)
    by_start = {n.start: n for n in doc.numbers}
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        gap_end = _and_gap(doc, c.end)
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        main = "*" not in c.key and c.num.scale is None and c.amount == c.num.value
        if main and nxt is not None and nxt.start == gap_end and nxt.key.startswith(c.key + "*") \
                and 0 < nxt.num.value < 100 and nxt.num.value == int(nxt.num.value):
            out.append(replace(c, end=nxt.end, amount=c.amount + nxt.amount))
            i += 2
            continue
        # (the spoken form is English: "15 dollars 50"; "70달러 2. 수입" is a numbered list)
        bare = by_start.get(gap_end) if main and gap_end > c.end and text[c.end - 1].isascii() else None
        if bare is not None and (nxt is None or nxt.start >= bare.end) and bare.abbr is None \
                and 0 < bare.value < 100 and bare.value == int(bare.value) and c.amount == int(c.amount) \
                and _CLAUSE_END.match(text, bare.end) and _word_number_ok(doc, bare, standalone=False):
            out.append(replace(c, end=bare.end, amount=c.amount + bare.value / 100))
            i += 1
            continue
        out.append(c)
        i += 1
    return out


_CLAUSE_END = re.compile(r"[ \t]*(?:[.!?;]|$)")


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


def extract_money(doc: Document) -> list[Claim]:
    """Amounts of money: a number with a currency sign, word or code before or after it."""
    return _finish(doc, "money", _money_cands(doc))


# --------------------------------------------------------------------------- percent
def _percent_cands(doc: Document) -> list[_Cand]:
    loc = doc.locale
    out: list[_Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n) or not _word_number_ok(doc, n, standalone=False) \
                or n.native:
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
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n) or not _word_number_ok(doc, n, standalone=False) \
                or n.native:
            continue  # native numbers are not measured: 하나도, 쿠릴 열도, 세제곱미터
        m = loc.unit_after_re.match(doc.text, n.end)
        if m is None or _abbr_is_scale(doc, n):
            as_unit = _currency_as_unit(doc, n.end) if m is None and n.abbr is None else None
            if as_unit is None or _currency_before(doc, n) is not None:
                continue
            unit, end = as_unit  # "5 pounds of flour"
        else:
            word = m.group(1)
            if word[-1:].isalpha() and not word[-1:].isascii() and not doc.free_after(m.end()):
                continue
            unit = loc.unit_words[word] if word in loc.unit_words else loc.unit_words[" ".join(word.split())]
            unit = _unit_in_context(doc, word, n.start, m.end()) or unit
            end = m.end()
        from factcheck.locale.units import canonical_unit

        unit = canonical_unit(unit)

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, unit: str = unit) -> Value:
            return Quantity(a, unit, low=lo, high=hi, approx=approx)

        out.append(_Cand(n.start, end, n, n.value, make, unit, f"{loc.code}.quantity.unit"))
    return out


@functools.lru_cache(maxsize=32)
def _as_unit_re(words: tuple[str, ...], followers: tuple[str, ...], ci: bool) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    nxt = "|".join(re.escape(w) for w in sorted(followers, key=len, reverse=True))
    return re.compile(rf"[ \t]?({alt})[ \t]+(?:{nxt})(?![^\W\d_])", re.IGNORECASE if ci else 0)


def _currency_as_unit(doc: Document, pos: int) -> tuple[str, int] | None:
    """A currency word that is also a unit, read as the unit when a word of the locale's
    ``currency.as_unit_followers`` comes next ("5 pounds of flour"): its unit and end."""
    cur = doc.locale.raw.get("currency", {})
    table = cur.get("as_unit")
    followers = cur.get("as_unit_followers")
    if not table or not followers:
        return None
    m = _as_unit_re(tuple(table), tuple(followers), doc.locale.case_insensitive).match(doc.text, pos)
    if m is None:
        return None
    word = m.group(1)
    unit = table.get(word) or table.get(doc.locale.fold(word))
    return (unit, m.end(1)) if unit else None


def _unit_in_context(doc: Document, word: str, start: int, end: int) -> str | None:
    """The unit a unit word takes in context (the locale's ``unit_context``): 도 is an angle in
    "경사 30도" and "30도 기울어진", a temperature otherwise. None when no context applies."""
    text = doc.text
    for ctx in doc.locale.raw.get("unit_context", ()):
        if ctx.get("word") != word:
            continue
        particles = sorted(ctx.get("particles", ()), key=len, reverse=True)
        for m in doc.locale.range_sep_re.finditer(text, max(0, start - 8), start):
            lo = doc.numbers_by_end.get(m.start()) if m.end() == start else None
            if lo is not None:
                start = lo.start  # "경사 30~40도": the words before the range
        head = text[max(0, start - 16):start].rstrip()
        heads = [head] + [head[:-len(p)].rstrip() for p in particles if head.endswith(p) and len(head) > len(p)]
        if any(h.endswith(w) for h in heads for w in ctx.get("preceded_by", ())):
            return str(ctx["unit"])
        tail = text[end:end + 16]
        tails = [tail] + [tail[len(p):] for p in particles if tail.startswith(p)]
        if any(t.lstrip(" \t").startswith(w) for t in tails for w in ctx.get("followed_by", ())):
            return str(ctx["unit"])
    return None


def extract_quantity(doc: Document) -> list[Claim]:
    """Quantities with a unit (12 km, 100평, 3.5 tonnes); units are named as pint names them."""
    return _finish(doc, "quantity", _quantity_cands(doc))


# --------------------------------------------------------------------------- number
def _number_cands(doc: Document) -> list[_Cand]:
    loc = doc.locale
    text = doc.text
    out: list[_Cand] = []
    for n in doc.numbers:
        weak = False
        if doc.is_blocked(n.start, n.end) or not _left_ok(doc, n):
            continue
        # a short word number stands with a counting word after it (천 명, 오백 개)
        if n.native and n.counter_only:
            if loc.is_word_char(doc.char_before(n.start)) or not _native_counter_ok(doc, n):
                continue  # 한국, 세대, 열차: a native form glued to a syllable that is no counting word
        elif not (_word_number_ok(doc, n, standalone=True)
                  or ((_counter_at(doc, n.end) is not None or _bound_follows(doc, n.end))
                      and _word_number_ok(doc, n, standalone=False))):
            if not (_word_number_ok(doc, n, standalone=False) and _range_sep_near(doc, n)):
                continue
            weak = True
        end = n.end
        value = n.value
        if n.abbr is not None:
            if not _abbr_is_scale(doc, n):
                continue  # "16m": metres, left to the quantity rule
            end = n.abbr_end
            value = n.value * n.abbr_scale  # type: ignore[operator]
        # a number written before an ordinal or date word is not a count (3번째, 2023년, 20th)
        if (doc.starts_with_any(end, loc.date_after) and not _bound_follows(doc, end)) or _ordinal_after(doc, end):
            continue
        if _ordinal_before(doc, n.start):
            continue
        if n.has_digits and loc.is_word_char(doc.char_at(end)) and not loc.counters and not loc.followers:
            continue  # "3D", "4G": glued to letters
        if n.has_digits and doc.char_at(end).isascii() and doc.char_at(end).isalpha():
            continue  # "5G" in any script: a name, not a count
        if _date_range_head(doc, end):
            continue  # "7~8월", "3~5위": the first end of a date or rank range
        if not n.has_digits and not doc.free_after(end) and not doc.starts_with_any(end, loc.counters):
            continue  # a word that starts like a number (삼성, 이번)
        if _is_year(doc, n) or _in_name(doc, n):
            continue
        found = _counter_at(doc, end)
        counter = None
        if found is not None:
            counter, end = found  # the counting word is part of the claim (300명, 3천 명)

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool,
                 counter: str | None = counter) -> Value:
            return Number(a, counter, low=lo, high=hi, approx=approx)

        rule = f"{loc.code}.number." + ("digits" if n.has_digits else "words")
        out.append(_Cand(n.start, end, n, value, make, counter or "", rule, weak=weak))
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


def _range_sep_near(doc: Document, n: Num) -> bool:
    """True when a range separator stands right after or right before the number."""
    loc = doc.locale
    if loc.range_sep_re.match(doc.text, n.end):
        return True
    return any(m.end() == n.start for m in loc.range_sep_re.finditer(doc.text, max(0, n.start - 8), n.start))


def _bound_follows(doc: Document, end: int) -> bool:
    """True when a bounding word follows the number ("이십 초과", "10초과" — not 10 seconds,
    "백 이상", "오백 또는 그 미만")."""
    m = doc.locale.bound_after_re.match(doc.text, end)
    if m is None:
        return False
    word = m.group(1)
    kind = _qualifier_kind(doc, word)
    if kind not in ("min", "max"):
        return False
    return not (word[-1:].isalpha() and not word[-1:].isascii()) or doc.free_after(m.end()) or word in ("넘는", "넘게")


def _native_counter_ok(doc: Document, n: Num) -> bool:
    """A native form that stands only before a counting word (한 명, 세 개, 열 살) has one:
    after a space, or glued when it is one of the locale's ``native_glued_counters`` (세개,
    but not 세대 "generation" or 열차 "train")."""
    found = _counter_at(doc, n.end)
    if found is None:
        return False
    word, e = found
    glued = e - len(word) == n.end
    return not glued or word in doc.locale.native_glued_counters


def _ordinal_before(doc: Document, start: int) -> bool:
    """A number after an ordinal mark ("No. 5", "#1") is a rank, not a count."""
    text = doc.text
    p = start - 1 if start > 0 and text[start - 1] in " \t" else start
    for w in doc.locale.ordinal_before:
        s = p - len(w)
        if s >= 0 and text.startswith(w, s) and not (s > 0 and text[s - 1].isalpha()):
            return True
    return False


def _counter_at(doc: Document, pos: int) -> tuple[str, int] | None:
    """The counting word right after a number, glued or after one space (300명, 3천 명), and
    where it ends; None when there is none or it only starts a longer word (3명령)."""
    loc = doc.locale
    if not loc.counters:
        return None
    at = pos + 1 if doc.char_at(pos) in (" ", "\t") else pos
    w = doc.starts_with_any(at, loc.counters)
    if w is None:
        return None
    e = at + len(w)
    if loc.is_word_char(doc.char_at(e)) and not doc.free_after(e):
        return None
    if at != pos and doc.text[e:e + 2].strip()[:1].isdigit():
        return None  # "10 대 1": a ratio, not ten of something
    return w, e


def _date_range_head(doc: Document, end: int) -> bool:
    """True when a range separator and a number written before a date or ordinal word follow
    (the 7 of "7~8월")."""
    loc = doc.locale
    m = loc.range_sep_re.match(doc.text, end)
    if m is None or not m.group(0).strip() or not doc.char_at(m.end()).isdigit():
        return False
    k = m.end()
    while doc.char_at(k).isdigit() or (doc.char_at(k) in ".," and doc.char_at(k + 1).isdigit()):
        k += 1
    return doc.starts_with_any(k, loc.date_after) is not None or _ordinal_after(doc, k)


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


def _join_ranges(doc: Document, cands: list[_Cand], *, allow_bare: bool = True
                 ) -> list[tuple[_Cand, Decimal | None, Decimal | None, int, int]]:
    """Join "A - B" style ranges. Returns (cand, low, high, start, end) items. With
    ``allow_bare`` false (plain numbers), only two candidates join: a number the rule turned
    down ("8" of "7~8월") never ends a range."""
    loc = doc.locale
    text = doc.text
    nums = doc.numbers
    by_start = {n.start: n for n in nums}
    by_end = doc.numbers_by_end
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
            # a claim without a key of its own borrows the second one's ("200~300명")
            if nxt is not None and nxt.start == m.end() and (nxt.key == c.key or c.key == ""):
                partner = nxt
            elif allow_bare and m.end() in by_start and id(by_start[m.end()]) not in used_nums \
                    and not _measured_after(doc, by_start[m.end()].end):
                bare = by_start[m.end()]  # not "18" of "11억 달러에서 18 퍼센트"
            if sep in joins and not _opened(doc, c.start, opens):
                other = partner or bare
                if other is None or not _join_closed(doc, other.end):
                    partner = bare = None  # "and" joins after "between", 과 before "사이"
            if (partner or bare) and _is_change(doc, c.start, (partner.end if partner else bare.end), change_before, change_after):  # type: ignore[union-attr]
                partner = bare = None
            other_num = partner.num if partner is not None else bare
            if other_num is not None and not (partner is not None and c.key == "" and partner.key != "") \
                    and _scale_for(c.num, other_num) == 1 and _after_change_verb(doc, c.start, sep):
                partner = bare = None  # "rose $2 to $50": by $2, to $50
            if partner is not None and (c.weak or partner.weak) and not _closed_by(doc, partner.end, closes):
                partner = None  # a short word number joins only a closed range (천에서 천오백까지)
            if sep == "-" and (partner or bare) and text[c.end:m.end()].count(" ") == 1:
                partner = bare = None  # "10 -20": a sign, not a range dash
        # backward: a bare number, a separator, then this claim ("25000~30000원")
        if partner is None and bare is None:
            back = None if not allow_bare else _bare_before(doc, c, by_end, used_nums, opens, joins, change_before, change_after)
            if back is not None:
                lo_num, start = back
                factor = c.amount / c.num.value if c.num.value else Decimal(1)
                lo, hi = sorted((lo_num.value * _scale_for(lo_num, c.num) * factor, c.amount))
                items.append((replace(c, amount=lo), lo, hi, _extend_start(doc, start, opens), _extend_end(doc, c.end, closes)))
                continue
            items.append((c, None, None, c.start, c.end))
            continue
        if partner is not None:
            lo_val = c.amount * _scale_for(c.num, partner.num) if c.num.scale is None else c.amount
            if lo_val > partner.amount:
                items.append((c, None, None, c.start, c.end))  # "12-10", "fifty - two": no range
                continue
            skip.add(idx + 1)
            if partner.key != c.key:
                c = replace(c, make=partner.make, key=partner.key)
            lo, hi = lo_val, partner.amount
            end = partner.end
        else:
            assert bare is not None
            hi_val = bare.value * (c.amount / c.num.value if c.num.value else Decimal(1))
            lo_val = c.amount * _scale_for(c.num, bare)
            if lo_val > hi_val:
                items.append((c, None, None, c.start, c.end))
                continue
            lo, hi = lo_val, hi_val
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
        if doc.char_at(end) == " " and doc.text.startswith(w, end + 1) and w in doc.locale.qualifiers.get("range_join_close", ()):
            return end + 1 + len(w)  # "20과 30 사이"
    return end


def _closed_by(doc: Document, end: int, closes: tuple[str, ...]) -> bool:
    p = end + 1 if doc.char_at(end) == " " else end
    return any(doc.text.startswith(w, p) for w in closes)


def _join_closed(doc: Document, end: int) -> bool:
    """True when a word that closes a joined range follows ("20과 30 사이")."""
    p = end + 1 if doc.char_at(end) == " " else end
    return any(doc.text.startswith(w, p) for w in doc.locale.qualifiers.get("range_join_close", ()))


def _measured_after(doc: Document, end: int) -> bool:
    """True when a percent sign or word, a unit or a currency follows a number."""
    loc = doc.locale
    return bool(loc.percent_after_re.match(doc.text, end) or loc.unit_after_re.match(doc.text, end)
                or _currency_after(doc, end))


def _is_change(doc: Document, start: int, end: int, before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    text = doc.text
    head = doc.locale.fold(text[max(0, start - 8):start].rstrip())
    if any(head.endswith(doc.locale.fold(w)) and (len(head) == len(w) or not head[-len(w) - 1].isalpha())
           for w in before):
        return True
    return any(text.startswith(w, end) for w in after)


@functools.lru_cache(maxsize=32)
def _change_verb_re(verbs: tuple[str, ...], links: tuple[str, ...], quals: tuple[str, ...], ci: bool) -> re.Pattern[str]:
    def alt(ws: tuple[str, ...]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(ws, key=len, reverse=True))

    link = rf"(?:[ \t]+(?:{alt(links)}))?" if links else ""
    qual = rf"(?:[ \t]+(?:{alt(quals)}))?" if quals else ""
    return re.compile(rf"(?<![^\W\d_])(?:{alt(verbs)}){link}{qual}[ \t]+\Z", re.IGNORECASE if ci else 0)


def _after_change_verb(doc: Document, start: int, sep: str) -> bool:
    """True when a verb of change (the locale's ``change_verbs``) stands before a claim joined
    by one of ``change_verb_separators``: "rose $2 to $50" is a change by $2 to $50."""
    q = doc.locale.qualifiers
    verbs = q.get("change_verbs", ())
    if not verbs or sep not in {doc.locale.fold(w) for w in q.get("change_verb_separators", ())}:
        return False
    quals = q.get("approx_before", ()) + q.get("min_before", ()) + q.get("max_before", ())
    quals = tuple(w for w in quals if w[:1].isalpha())
    pat = _change_verb_re(verbs, q.get("change_verb_links", ()), quals, doc.locale.case_insensitive)
    return pat.search(doc.text, max(0, start - 80), start) is not None


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
    if sep in joins and not _opened(doc, n.start, opens) and not _join_closed(doc, c.end):
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
    built: list[tuple[_Cand, Decimal | None, Decimal | None, bool, int, int, str | None]] = []
    starts = {n.start for n in doc.numbers}
    for c, lo, hi, start, end in _join_ranges(doc, cands, allow_bare=kind != "number"):
        if c.weak and lo is None and hi is None:
            continue  # a short word number that found no range
        approx = c.num.approx
        qualifier = None
        # qualifier words before ("about", "약", "more than") and after ("가량", "이상")
        window_lo = max(0, start - _WINDOW)
        mb = loc.bound_before_re.search(text, window_lo, start)
        sign = mb is not None and mb.group(1)[:1] in _SIGNS  # "x>10", but not "<>30"
        if mb is not None and (not loc.is_word_char(doc.char_before(mb.start(1))) or sign) \
                and not (sign and doc.char_before(mb.start(1)) in _SIGNS):
            q = _qualifier_kind(doc, mb.group(1))
            # a range takes "about" ("약 3억~5억 원") but no further bound
            if q is not None and (q == "approx" or (lo is None and hi is None)):
                qualifier = " ".join(mb.group(1).split())
                start = mb.start(1)
                lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
        ma = loc.bound_after_re.match(text, end)
        if ma is not None:
            word = ma.group(1)
            ok = not (word[-1:].isalpha() and not word[-1:].isascii()) or doc.free_after(ma.end()) \
                or word in ("넘는", "넘게")
            if ok and _bounds_next(doc, ma.start(1), ma.end(), starts):
                ok = False  # "5000 or less than 6000": the words bound the next number
            q = _qualifier_kind(doc, word) if ok else None
            if q is not None and (q == "approx" or (lo is None and hi is None)):
                qualifier = (qualifier + " " if qualifier else "") + word
                end = ma.end()
                lo, hi, approx = _apply(q, c.amount, lo, hi, approx)
        built.append((c, lo, hi, approx, start, end, qualifier))
    claims: list[Claim] = []
    i = 0
    while i < len(built):
        c, lo, hi, approx, start, end, qualifier = built[i]
        if i + 1 < len(built):
            merged = _bounds_pair(doc, built[i], built[i + 1])
            if merged is not None:
                c, lo, hi, approx, start, end, qualifier = merged
                i += 1
        value = c.make(lo if lo is not None and hi is not None and lo < c.amount else c.amount, lo, hi, approx)
        # a fall or a rise by a word (not of a quantity: "117km 떨어진" is 117 km away)
        direction = _direction(doc, start, end) if kind != "quantity" else None
        if direction is not None and isinstance(value, (Money, Number, Percent)):
            value = replace(value, direction=direction)
        claims.append(Claim(kind, text[start:end], start, end, value, c.rule, loc.code, qualifier))
        i += 1
    return claims


_SIGNS = frozenset("<>=≤≥")


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=32)
def _direction_res(before: tuple[tuple[str, ...], tuple[str, ...]], after: tuple[tuple[str, ...], tuple[str, ...]],
                   links: tuple[str, ...], particles: tuple[str, ...], ci: bool
                   ) -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """(before, after) patterns of a fall, then of a rise."""
    flags = re.IGNORECASE if ci else 0
    link = rf"(?:[ \t]+(?:{_alt(links)}))?" if links else ""
    part = rf"(?:{_alt(particles)})?" if particles else ""
    out = []
    for b, a in zip(before, after, strict=True):
        pb = re.compile(rf"(?<![^\W\d_])(?:{_alt(b)}){link}[ \t]+\Z", flags) if b else None
        pa = re.compile(rf"{part}[ \t]*(?:{_alt(a)})", flags) if a else None
        out.append((pb, pa))
    return tuple(out)


def _direction(doc: Document, start: int, end: int) -> str | None:
    """"down" or "up" when a word of the locale's ``fall_*``/``rise_*`` lists stands right
    before the claim ("dropped 14.6 percent") or right after it ("14.6% 감소")."""
    q = doc.locale.qualifiers
    before = (q.get("fall_before", ()), q.get("rise_before", ()))
    after = (q.get("fall_after", ()), q.get("rise_after", ()))
    if not any(before + after):
        return None
    res = _direction_res(before, after, q.get("change_verb_links", ()), q.get("particles_before_after", ()),
                         doc.locale.case_insensitive)
    for (pb, pa), word in zip(res, ("down", "up"), strict=True):
        if pb is not None and pb.search(doc.text, max(0, start - 40), start):
            return word
        if pa is not None and pa.match(doc.text, end):
            return word
    return None


def _bounds_next(doc: Document, start: int, end: int, starts: set[int]) -> bool:
    """True when the words at [start, end) begin a qualifier of the number after them."""
    loc = doc.locale
    for p in range(end, min(len(doc.text), end + 12)):
        if p in starts:
            mb = loc.bound_before_re.search(doc.text, max(0, p - _WINDOW), p)
            return mb is not None and start <= mb.start(1) < end
    return False


def _bounds_pair(doc: Document, a: tuple, b: tuple) -> tuple | None:  # type: ignore[type-arg]
    """Merge a lower and an upper bound written next to each other into one range: "more than
    10 and less than 20", "50 이하, 20 이상", "최대 100개에서 최소 20개"."""
    ca, lo_a, hi_a, approx_a, start_a, end_a, q_a = a
    cb, lo_b, hi_b, approx_b, start_b, end_b, q_b = b
    if q_a is None or q_b is None or ca.key != cb.key or start_b < end_a:
        return None
    one_sided_a = (lo_a is None) != (hi_a is None)
    one_sided_b = (lo_b is None) != (hi_b is None)
    if not (one_sided_a and one_sided_b) or (lo_a is None) == (lo_b is None):
        return None
    lo = lo_a if lo_a is not None else lo_b
    hi = hi_a if hi_a is not None else hi_b
    if lo is None or hi is None or lo >= hi:
        return None  # "more than 40 and less than 10": two bounds, no range
    gap = doc.text[end_a:start_b].strip()
    joins = [doc.locale.fold(w) for w in doc.locale.qualifiers.get("bounds_join", ())]
    joins += [doc.locale.fold(w) for w in doc.locale.qualifiers.get("range_join", ())
              if doc.locale.qualifiers.get("range_open")]
    if gap and doc.locale.fold(gap) not in joins:
        return None
    return (ca, lo, hi, approx_a or approx_b, start_a, end_b, f"{q_a} {q_b}")


def _apply(q: str, amount: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool
           ) -> tuple[Decimal | None, Decimal | None, bool]:
    if q == "approx":
        return lo, hi, True
    if q == "min":
        return amount, hi, approx
    return lo, amount, approx
