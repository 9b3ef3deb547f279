"""The number rule: plain numbers and counts that no other rule claimed (10명, 27,350,000,
sixteen, 스물다섯 명), with the counting word kept; what is not a count is left out (years,
ordinals and ranks, dates, numbers inside names such as "Boeing 747" or "5G")."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims import Claim
from factcheck.rules.measures.candidates import (
    Cand,
    abbr_is_scale,
    after_word_ok,
    left_ok,
    qualifier_kind,
    word_number_ok,
)
from factcheck.rules.measures.finish import finish
from factcheck.text.document import Document
from factcheck.text.numbers import Num
from factcheck.values import Number, Value, in_decimal_context

__all__ = ["extract_number"]


@in_decimal_context
def extract_number(doc: Document) -> list[Claim]:
    """Plain numbers and counts that no other rule claimed (10명, 27,350,000, sixteen)."""
    return finish(doc, "number", _number_cands(doc))


def _number_cands(doc: Document) -> list[Cand]:
    loc = doc.locale
    out: list[Cand] = []
    for n in doc.numbers:
        weak = False
        if doc.is_blocked(n.start, n.end) or not left_ok(doc, n):
            continue
        rank = _rank_at(doc, n)
        if n.ordinal and not n.has_digits and (n.plural or not _ordinal_word_ok(doc, n)):
            continue  # "first", "second" alone; "the Third Reich"; "thirds" without a numerator
        if n.vague and not n.has_digits and n.value > 1 and _capitalised_inside(doc, n.start):
            continue  # "The Hundreds", a name
        # a short word number stands with a counting word after it (천 명, 오백 개)
        if n.native and n.counter_only:
            if loc.is_word_char(doc.char_before(n.start)) or not (rank or _native_counter_ok(doc, n)):
                continue  # 한국, 세대, 열차: a native form glued to a syllable that is no counting word
        elif rank is not None and word_number_ok(doc, n, standalone=False):
            pass  # 3번째, 8위, 13th
        elif not (word_number_ok(doc, n, standalone=True)
                  or ((_counter_at(doc, n.end) is not None or _bound_follows(doc, n.end))
                      and word_number_ok(doc, n, standalone=False, spaced_word=doc.char_at(n.end) == " "))):
            if not (word_number_ok(doc, n, standalone=False) and _range_sep_near(doc, n)):
                continue
            weak = True
        end = n.end
        value = n.value
        if n.abbr is not None:
            if n.abbr_scale is None or not (abbr_is_scale(doc, n) or _standalone_abbr(doc, n)):
                continue  # "16m": metres, left to the quantity rule
            end = n.abbr_end
            value = n.value * n.abbr_scale
        # a number written before a date word, or an ordinal word that is no rank, is not a
        # count (2023년, 3차, 50주년)
        if rank is None and ((doc.starts_with_any(end, loc.date_after) and not _bound_follows(doc, end))
                             or _ordinal_after(doc, end)):
            continue
        if _ordinal_before(doc, n.start):
            continue
        if rank is None and n.has_digits and loc.is_word_char(doc.char_at(end)) and not loc.counters \
                and not loc.followers:
            continue  # "3D", "4G": glued to letters
        if rank is None and n.has_digits and doc.char_at(end).isascii() and doc.char_at(end).isalpha():
            continue  # "5G" in any script: a name, not a count
        if _date_range_head(doc, end):
            continue  # "7~8월": the first end of a date range
        if rank is None and not n.has_digits and not n.composed and not doc.free_after(end) \
                and not doc.starts_with_any(end, loc.counters):
            continue  # a word that starts like a number (삼성, 이번)
        if _is_year(doc, n) or _in_name(doc, n):
            continue
        counter = None
        ordinal = n.ordinal
        if rank is not None:
            counter, end = rank
            ordinal = True
            if counter in doc.locale.ordinal_after and counter.isascii():
                counter = None  # "13th": the suffix is no counting word
        else:
            found = _counter_at(doc, end)
            if found is not None:
                counter, end = found  # the counting word is part of the claim (300명, 3천 명)
                glued = end - len(counter) == n.end
                if n.bare_unit and (glued or (loc.is_word_char(doc.char_at(end))
                                              and doc.starts_with_any(end, loc.bare_unit_particles) is None)):
                    continue  # 만 명이; not 만점 (full marks), 만세, "마이클 만 마리안" (a name)
            elif (n.has_digits and loc.names_glue_numbers and loc.is_word_char(doc.char_before(n.start))
                  and not _word_after_digit(doc, n.start)):
                continue  # 코로나19: a figure glued to the word before it, a name (not 2대0, a score)
        fraction = f"{n.fraction[0]}/{n.fraction[1]}" if n.fraction is not None else None

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, counter: str | None = counter,
                 ordinal: bool = ordinal, fraction: str | None = fraction, n: Num = n) -> Value:
            if n.high is not None and lo is None and hi is None:
                lo, hi, approx = n.value, n.high, True  # 서너 명: 3~4
            return Number(a, counter, ordinal, fraction if a == n.value else None, low=lo, high=hi,
                          approx=approx or n.vague)

        # the sort of number: a position, a fraction or a vague scale are compared only with
        # their like (factcheck.compare.facts)
        sort = "ordinal" if ordinal else "vague" if n.vague else "fraction" if n.composed else \
            "digits" if n.has_digits else "words"
        rule = f"{loc.code}.number.{sort}"
        key = counter or ""
        if ordinal:
            key = "#" + key  # ranks join only ranks ("3~5위")
        out.append(Cand(n.start, end, n, value, make, key, rule, weak=weak))
    return out


def _rank_at(doc: Document, n: Num) -> tuple[str, int] | None:
    """A rank word after the number (the locale's ``[numbers.ordinals] ranks``: 위, 번째, "th"),
    glued, or after one space for a native number (세 번째): the word and where it ends."""
    loc = doc.locale
    ranks = loc.ranks
    if not ranks or n.abbr is not None or n.fraction is not None or n.vague:
        return None
    pos = n.end
    if n.native and doc.char_at(pos) == " ":
        pos += 1
    w = doc.starts_with_any(pos, ranks)
    if w is None:
        return None
    e = pos + len(w)
    if w.isascii():
        if not n.has_digits or (doc.char_at(e).isalpha() and doc.char_at(e).isascii()):
            return None  # "20 things"; "13th" only after digits
        return w, e
    if loc.is_word_char(doc.char_at(e)) and not doc.free_after(e):
        return None  # 3위원회, 1등급: the word goes on
    c = doc.starts_with_any(n.end, loc.counters)
    if c is not None and len(c) > len(w):
        return None  # the longer counter wins
    return w, e


def _ordinal_word_ok(doc: Document, n: Num) -> bool:
    """An ordinal word alone ("the tenth") is a position unless it is one of the locale's
    ``not_alone`` words or capitalised inside a sentence ("the Third Reich")."""
    if doc.locale.fold(doc.text[n.start:n.end]).split("-")[-1] in doc.locale.ordinal_stopwords \
            and n.value < 10:
        return False
    return not _capitalised_inside(doc, n.start)


def _capitalised_inside(doc: Document, start: int) -> bool:
    """True for a capitalised word that does not open a sentence (part of a name)."""
    text = doc.text
    if not text[start:start + 1].isupper():
        return False
    k = start - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    return k >= 0 and text[k] not in ".!?\n:;"


def _standalone_abbr(doc: Document, n: Num) -> bool:
    """A scale letter that is a number without a currency ("100K", "1.2M users", "3B."): one of
    the locale's ``standalone`` abbreviations, at the end, before punctuation, or before a
    lower-case word that is not a unit follower."""
    if n.abbr not in doc.locale.abbrev_standalone:
        return False
    ch = doc.char_at(n.abbr_end)
    if ch == "" or (not ch.isalnum() and ch not in " \t-") or (ch == "-" and doc.char_at(n.abbr_end + 1).isdigit()):
        return True  # "100K.", "5k-20k"
    if doc.locale.is_word_char(ch) and not ch.isascii():
        return doc.free_after(n.abbr_end)  # "100K를": a particle of the locale
    return abbr_is_scale(doc, n)


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
    kind = qualifier_kind(doc, word)
    if kind not in ("min", "max"):
        return False
    return after_word_ok(doc, word, m.end())


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
    if doc.starts_with_any(k, loc.ranks) is not None:
        return False  # "3~5위": a range of ranks
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
    return surface.isdigit() and len(surface) == 4 and yr[0] <= int(surface) <= yr[1] and not _year_count(doc, n)


def _year_count(doc: Document, n: Num) -> bool:
    """"2024 participants", "1990 votes were cast": a year-like figure right before one of the
    locale's ``year_counts`` nouns, not after one of its ``year_markers`` ("the", "in")."""
    counts = doc.locale.year_counts
    if not counts:
        return False
    text = doc.text
    m = re.match(r"[ \t]+([A-Za-z]+)", text[n.end:n.end + 40])
    if m is None or m.group(1).lower() not in counts:
        return False
    before = re.search(r"([A-Za-z']+)[ \t]+$", text[max(0, n.start - 30):n.start])
    return before is None or before.group(1).lower() not in doc.locale.year_markers


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
    if any(folded == doc.locale.fold(q) for key in ("approx_before", "min_before", "max_before")
           for q in quals.get(key, ())):
        return False
    return True


def _word_after_digit(doc: Document, pos: int) -> bool:
    """Whether the word glued before ``pos`` is itself glued to a digit before it (the 대 of
    "2대0", a score): then the figure at ``pos`` is a figure, not part of a name."""
    i = pos
    while i > 0 and doc.locale.is_word_char(doc.text[i - 1]):
        i -= 1
    return i > 0 and doc.text[i - 1].isdigit() and pos - i <= 2
