"""Ranges of measured values: "A - B" joined into one claim ("$10-12 million", "25000~30000원",
"between 10 and 20", "20과 30 사이"), and what keeps two numbers apart (a change "from A to
B", "rose $2 to $50", a sign "10 -20")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.locale.loader import Locale
from factcheck.rules.measures.candidates import Cand, left_ok
from factcheck.rules.measures.currency import currency_after
from factcheck.text.document import Document
from factcheck.text.numbers import Num

__all__ = ["RangeItem", "join_ranges"]

#: (candidate, low, high, start, end): a candidate with the range it heads, if any
RangeItem = tuple[Cand, Decimal | None, Decimal | None, int, int]


@dataclass(frozen=True, slots=True)
class _Words:
    """The locale's range words (``[qualifiers]``), read once per call."""

    opens: tuple[str, ...]
    joins: frozenset[str]
    closes: tuple[str, ...]
    change_before: tuple[str, ...]
    change_after: tuple[str, ...]

    @classmethod
    def of(cls, loc: Locale) -> _Words:
        q = loc.qualifiers
        return cls(tuple(q.get("range_open", ())), frozenset(loc.fold(w) for w in q.get("range_join", ())),
                   tuple(q.get("range_close", ())), tuple(q.get("change_before", ())),
                   tuple(q.get("change_after", ())))


def join_ranges(doc: Document, cands: list[Cand], *, allow_bare: bool = True) -> list[RangeItem]:
    """Join "A - B" style ranges. Returns (cand, low, high, start, end) items. With
    ``allow_bare`` false (plain numbers), only two candidates join: a number the rule turned
    down ("8" of "7~8월") never ends a range."""
    words = _Words.of(doc.locale)
    by_start = {n.start: n for n in doc.numbers}
    used_nums = {id(c.num) for c in cands}
    items: list[RangeItem] = []
    cands = sorted(cands, key=lambda c: c.start)
    skip: set[int] = set()
    for idx, c in enumerate(cands):
        if idx in skip:
            continue
        nxt = cands[idx + 1] if idx + 1 < len(cands) else None
        partner, bare = _forward(doc, c, nxt, by_start, used_nums, words, allow_bare)
        if partner is None and bare is None:
            # backward: a bare number, a separator, then this claim ("25000~30000원")
            back = _bare_before(doc, c, used_nums, words) if allow_bare else None
            if back is not None:
                lo_num, start = back
                factor = c.amount / c.num.value if c.num.value else Decimal(1)
                lo, hi = sorted((lo_num.value * _scale_for(lo_num, c.num) * factor, c.amount))
                opens = words.opens + words.change_before if _from_range(doc, start, words) else words.opens
                items.append((replace(c, amount=lo), lo, hi, _extend_start(doc, start, opens),
                              _extend_end(doc, c.end, words.closes)))
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
        start = _extend_start(doc, c.start, words.opens)
        items.append((replace(c, amount=lo), lo, hi, start, _extend_end(doc, end, words.closes)))
    return items


def _forward(doc: Document, c: Cand, nxt: Cand | None, by_start: dict[int, Num], used_nums: set[int],
             words: _Words, allow_bare: bool) -> tuple[Cand | None, Num | None]:
    """What ends a range that ``c`` opens: a separator, then the next candidate of the same key
    (``partner``) or a number no rule claimed (``bare``); (None, None) when nothing does."""
    text = doc.text
    loc = doc.locale
    m = loc.range_sep_re.match(text, c.end)
    if m is None:
        return None, None
    partner: Cand | None = None
    bare: Num | None = None
    sep = loc.fold(m.group(1))
    # a claim without a key of its own borrows the second one's ("200~300명")
    if nxt is not None and nxt.start == m.end() and (nxt.key == c.key or c.key == ""):
        partner = nxt
    elif allow_bare and m.end() in by_start and id(by_start[m.end()]) not in used_nums \
            and not _measured_after(doc, by_start[m.end()].end):
        bare = by_start[m.end()]  # not "18" of "11억 달러에서 18 퍼센트"
    other: Cand | Num | None = partner if partner is not None else bare
    if sep in words.joins and not _opened(doc, c.start, words.opens):
        if other is None or not _join_closed(doc, other.end):
            return None, None  # "and" joins after "between", 과 before "사이"
    if other is not None and _is_change(doc, c.start, other.end, words, sep) \
            and not (partner is None and bare is not None and _from_range(doc, c.start, words)):
        return None, None
    other_num = partner.num if partner is not None else bare
    if other_num is not None and not (partner is not None and c.key == "" and partner.key != "") \
            and _scale_for(c.num, other_num) == 1 and _after_change_verb(doc, c.start, sep):
        return None, None  # "rose $2 to $50": by $2, to $50
    if partner is not None and (c.weak or partner.weak) and not _closed_by(doc, partner.end, words.closes):
        partner = None  # a short word number joins only a closed range (천에서 천오백까지)
    if sep == "-" and (partner or bare) and text[c.end:m.end()].count(" ") == 1:
        return None, None  # "10 -20": a sign, not a range dash
    return partner, bare


def _scale_for(low: Num, high: Num) -> Decimal:
    """"$10-12 million": the scale written only after the second number applies to both."""
    if low.scale is None and high.scale is not None and low.has_digits and high.has_digits:
        unscaled_high = high.value / high.scale
        if low.value <= unscaled_high:
            return high.scale
    return Decimal(1)


def _opened(doc: Document, start: int, opens: tuple[str, ...]) -> bool:
    """True when a word that opens a range ("between") stands before ``start``."""
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
    join_close = doc.locale.qualifiers.get("range_join_close", ())
    for w in closes:
        if doc.text.startswith(w, end):
            return end + len(w)
        if doc.char_at(end) == " " and doc.text.startswith(w, end + 1) and w in join_close:
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
                or currency_after(doc, end))


def _is_change(doc: Document, start: int, end: int, words: _Words, sep: str = "") -> bool:
    """"from 10 to 20", "10에서 20으로": a change from one value to another, not a range. A
    separator that is a sign ("5만~10만 원으로") always joins a range."""
    if sep and not any(ch.isalpha() for ch in sep):
        return False
    text = doc.text
    if _change_word_before(doc, start, words) is not None:
        return True
    return any(text.startswith(w, end) for w in words.change_after)


def _change_word_before(doc: Document, start: int, words: _Words) -> int | None:
    """Where the change word right before ``start`` ("from") begins, or None."""
    text = doc.text
    head = doc.locale.fold(text[max(0, start - 8):start].rstrip())
    for w in words.change_before:
        fw = doc.locale.fold(w)
        if head.endswith(fw) and (len(head) == len(fw) or not head[-len(fw) - 1].isalpha()):
            return start - (len(text[max(0, start - 8):start]) - len(head)) - len(fw)
    return None


def _from_range(doc: Document, start: int, words: _Words) -> bool:
    """"cost from 10 to 20 dollars": a bare first figure after "from" and the unit written once
    make a range, unless a verb of change stands before "from" ("rose from 10 to 20 dollars")."""
    p = _change_word_before(doc, start, words)
    if p is None:
        return False
    q = doc.locale.qualifiers
    verbs = q.get("change_verbs", ())
    if not verbs:
        return True
    pat = _change_verb_re(verbs, q.get("change_verb_links", ()), (), doc.locale.case_insensitive)
    return pat.search(doc.text, max(0, p - 60), p) is None


@functools.lru_cache(maxsize=32)
def _change_verb_re(verbs: tuple[str, ...], links: tuple[str, ...], quals: tuple[str, ...],
                    ci: bool) -> re.Pattern[str]:
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


def _bare_before(doc: Document, c: Cand, used: set[int], words: _Words) -> tuple[Num, int] | None:
    """A number no rule claimed, then a range separator right before ``c`` ("25000~" of
    "25000~30000원"): that number and where it starts."""
    loc = doc.locale
    text = doc.text
    by_end = doc.numbers_by_end
    best = None
    for m in loc.range_sep_re.finditer(text, max(0, c.start - 16), c.start):
        if m.end() == c.start and m.start() in by_end:
            best = m
    if best is None:
        return None
    n = by_end[best.start()]
    if id(n) in used or not left_ok(doc, n) or doc.is_blocked(n.start, c.end):
        return None
    sep = loc.fold(best.group(1))
    if not n.has_digits and not c.num.has_digits and len(text[n.start:n.end]) < loc.min_word_number_chars \
            and (any(ch.isalpha() for ch in sep) or loc.is_word_char(doc.char_before(n.start))):
        return None  # 이천에서 3천 원 (in Icheon); but 오만~십만 원
    if sep in words.joins and not _opened(doc, n.start, words.opens) and not _join_closed(doc, c.end):
        return None
    if sep == "-" and text[n.end:c.start].count(" ") == 1:
        return None
    if _is_change(doc, n.start, c.end, words, sep) and not _from_range(doc, n.start, words):
        return None
    return n, n.start
