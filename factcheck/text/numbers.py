"""Find numbers in text and compute their exact values, for any locale.

One algorithm serves Korean myriad numbers (16억 5천만, 천육백만) and English ones (sixteen
million, two hundred and five): tokens are digits, digit words, *small* units that multiply
within a group (십 백 천 / hundred), and *big* units that close a group (만 억 조 / thousand
million billion). Which words are which is locale data.

The scanner is linear: the candidate pattern uses atomic groups and possessive repeats, and
the parser walks each candidate's tokens once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.locale.loader import Locale
from factcheck.values import in_decimal_context

__all__ = ["Num", "scan_numbers", "parse_number"]


@dataclass(frozen=True, slots=True)
class Num:
    """A number found in text: its span, exact value and how it was written."""

    start: int
    end: int
    value: Decimal
    has_digits: bool          # at least one ASCII digit (else written in words only)
    scale: Decimal | None     # the big unit that closed the number (16 *million*), if last
    approx: bool = False      # an approximating infix (100여만)
    abbr: str | None = None   # a glued abbreviation that only counts beside a currency (16m)
    abbr_end: int = 0         # where that abbreviation ends
    abbr_scale: Decimal | None = None
    grouped: bool = False     # written with thousands separators (1,600)
    native: bool = False      # a native Korean number (다섯, 스물한): tens and ones add up
    counter_only: bool = False  # a form that stands only before a counting word (한 명, 열 개)
    bare_unit: bool = False   # a leading unit alone (만 of "만 원"): a number only before a counter or currency
    vague: bool = False       # a scale and no figure (수십, 몇백, "hundreds"): the scale, approximate
    high: Decimal | None = None  # the upper end of a number that is a range in itself (서너 = 3~4)
    ordinal: bool = False     # a position ("twenty-first", "tenth"), not a count
    plural: bool = False      # an ordinal word in the plural ("thirds"): a fraction's denominator
    fraction: tuple[int, int] | None = None  # an exact fraction (numerator, denominator), lowest terms
    composed: bool = False    # built from other numbers by factcheck.text.compose (3분의 1, "two thirds")


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # digits | word | small | big | point | neg | pos | approx | article | native | frac | vague | ord
    value: Decimal
    start: int
    end: int
    spaced: bool      # whitespace before it
    abbr: str | None = None
    abbr_start: int = 0


def _tokens(loc: Locale, text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    pos = start
    for m in loc.token_re.finditer(text, start, end):
        s, e = m.start(), m.end()
        gap = text[pos:s]
        spaced = bool(gap) and gap.strip(" \t-") == "" and (" " in gap or "\t" in gap)
        if gap.strip() and loc.fold(gap.strip()) not in loc.and_words and gap.strip() != "-":
            spaced = True
        pos = e
        surface = m.group(0)
        if surface[:1] in "-−" and (text[:s].rstrip()[-1:].isdigit() or text[s - 1:s].isalnum()):
            s, surface = s + 1, surface[1:]  # "10 -20", "25000원-30000원": a dash, not a minus
        if surface[:1].isdigit() or (surface[:1] in "-−." and (surface[1:2].isdigit() or surface[1:3][1:].isdigit())):
            out.extend(_digit_token(loc, surface, s, e, spaced))
            continue
        word = loc.fold(surface)
        if word in loc.articles:
            out.append(_Tok("article", Decimal(1), s, e, spaced))
        elif word in loc.digit_words:
            out.append(_Tok("word", Decimal(loc.digit_words[word]), s, e, spaced))
        elif word in loc.small_units:
            out.append(_Tok("small", loc.small_units[word], s, e, spaced))
        elif word in loc.big_units:
            out.append(_Tok("big", loc.big_units[word], s, e, spaced))
        elif " ".join(word.split()) in loc.fraction_words:
            out.append(_Tok("frac", loc.fraction_words[" ".join(word.split())], s, e, spaced))
        elif surface in loc.native_words:
            out.append(_Tok("native", loc.native_words[surface], s, e, spaced))
        elif word in loc.point_words:
            out.append(_Tok("point", Decimal(0), s, e, spaced))
        elif word in loc.negative_words:
            out.append(_Tok("neg", Decimal(0), s, e, spaced))
        elif word in loc.positive_words:
            out.append(_Tok("pos", Decimal(0), s, e, spaced))
        elif surface in loc.approx_infix:
            out.append(_Tok("approx", Decimal(0), s, e, spaced))
        elif word in loc.vague_prefixes:
            out.append(_Tok("vague", Decimal(1), s, e, spaced))
        elif word in loc.vague_plurals:
            out.append(_Tok("vague", loc.vague_plurals[word], s, e, spaced))
        elif word in loc.ordinal_words:
            out.append(_Tok("ord", loc.ordinal_words[word], s, e, spaced))
        elif (plural := _ordinal_plural(loc, word)) is not None:
            out.append(_Tok("ord", plural, s, e, spaced, abbr="plural"))
    return out


def _ordinal_plural(loc: Locale, word: str) -> Decimal | None:
    """The value of an ordinal word in the plural ("thirds", "twentieths"), or None."""
    for suffix in loc.ordinal_plural_suffixes:
        if word.endswith(suffix) and word[:-len(suffix)] in loc.ordinal_words:
            return loc.ordinal_words[word[:-len(suffix)]]
    return None


_GROUP_SPACES = " \u00a0\u202f\u2009"  # thousands separators besides the comma (1 234 567)


def _digit_token(loc: Locale, surface: str, s: int, e: int, spaced: bool) -> list[_Tok]:
    neg = surface[:1] in "-−"
    body = surface[1:] if neg else surface
    i = 0
    seps = loc.group_separator + loc.decimal_separator
    while i < len(body) and (body[i].isdigit() or body[i] in seps
                             or (body[i] in _GROUP_SPACES and body[i + 1:i + 2].isdigit())):
        i += 1
    digits, abbr = body[:i], body[i:] or None
    plain = "".join(ch for ch in digits if ch != loc.group_separator and ch not in _GROUP_SPACES)
    try:
        value = Decimal(plain.replace(loc.decimal_separator, "."))
    except InvalidOperation:
        return []
    if neg:
        value = -value
    return [_Tok("digits", value, s, e, spaced, abbr, s + (1 if neg else 0) + i)]


@in_decimal_context
def scan_numbers(loc: Locale, text: str) -> list[Num]:
    """Every number in ``text``, left to right, as the locale writes them (computed in
    :data:`factcheck.values.DECIMAL_CONTEXT`, whatever the caller's decimal context)."""
    found: list[Num] = []
    single_skip = loc.min_word_number_chars > 1
    for m in loc.number_re.finditer(text):
        if single_skip and m.end() - m.start() == 1 and m.group(0) in loc.digit_words \
                and (m.group(0) in loc.lone_digit_stopwords or not loc.currency_after_re.match(text, m.end())):
            continue  # a lone 이/사/일 is an ordinary syllable, a number only before a currency (구 파운드)
        toks = _tokens(loc, text, m.start(), m.end())
        i = 0
        while i < len(toks):
            num, nxt = _parse_number(loc, text, toks, i)
            if num is not None:
                found.append(num)
            i = nxt if nxt > i else i + 1
    return found


@in_decimal_context
def parse_number(loc: Locale, text: str, toks: list[_Tok], i: int) -> tuple[Num | None, int]:
    """Parse the longest valid number starting at token ``i``; return it and the next index."""
    return _parse_number(loc, text, toks, i)


def _parse_number(loc: Locale, text: str, toks: list[_Tok], i: int) -> tuple[Num | None, int]:
    if toks[i].kind == "native":
        return _parse_native(loc, text, toks, i)
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    current_is_tens = False
    last_big: Decimal | None = None
    last_small: Decimal | None = None
    negative = False
    approx = False
    has_digits = False
    grouped = False
    consumed = False
    start = toks[i].start
    end = start
    scale: Decimal | None = None
    abbr: str | None = None
    abbr_end = 0
    abbr_scale: Decimal | None = None
    # the state after the last completed myriad/scale group, to roll back a trailing word
    # that turns out to start another word ("1만 이상": 이 is not 2)
    check: tuple[int, Decimal, Decimal, int, Decimal | None] | None = None
    big_check: tuple[int, Decimal, int, bool, bool] | None = None  # the state after the last big unit
    spaced_after_check = False
    words_since_check = False
    digits_since_check = False
    vague = ordinal = plural = bare_unit = False
    j = i
    while j < len(toks):
        t = toks[j]
        prev = toks[j - 1] if j > i else None
        if prev is not None and t.spaced:
            # "5 억 달러", "22 억 5 천만": a space may also stand between digits and a myriad
            # unit, or a smaller unit once a myriad group is written
            if loc.space_inside == "after-big-unit" and prev.kind not in ("big", "small", "neg", "pos") \
                    and not (prev.kind == "digits"
                             and (t.kind == "big" or (t.kind == "small" and last_big is not None))):
                break
            if t.kind == "digits" and prev.kind in ("digits", "word"):
                break
        if abbr is not None:
            break  # nothing may follow a glued abbreviation
        k = t.kind
        surface = text[t.start:t.end]
        if check is not None and j == check[3]:
            spaced_after_check = t.spaced
        signed = j == i + 1 and toks[i].kind in ("neg", "pos")
        if k in ("neg", "pos"):
            if j != i:
                break
            negative = k == "neg"
        elif k == "vague":
            # 수십, 몇백 (a prefix glued to a unit) and "hundreds", "millions" (a plural scale):
            # the scale stands for the figure, approximately
            if j != i and not signed:
                break
            if t.value == 1:
                if j + 1 >= len(toks) or toks[j + 1].kind not in ("small", "big") or toks[j + 1].spaced:
                    break
                current = Decimal(1)
            else:
                current = t.value
                end = t.end
                consumed = vague = approx = True
                j += 1
                break
            vague = approx = True
        elif k == "ord":
            # "tenth", "twenty-first" (a tens word and an ordinal of the ones), "thirds"
            if current is not None and current_is_tens and t.value < 10 and prev is not None and prev.kind == "word" \
                    and section == 0 and total == 0:
                current += t.value
            elif current is None and section == 0 and total == 0 and not negative:
                current = t.value
            else:
                break
            ordinal = consumed = True
            plural = t.abbr == "plural"
            end = t.end
            j += 1
            break
        elif k == "article":
            if j != i or j + 1 >= len(toks) or toks[j + 1].kind not in ("small", "big") or toks[j + 1].spaced is False:
                break
            current = Decimal(1)
        elif k == "digits":
            if current is not None or (prev is not None and prev.kind == "word"):
                break
            current = t.value
            if current < 0:  # "-3억 5천만": the sign stands over the whole amount
                negative, current = True, -current
            current_is_tens = False
            has_digits = digits_since_check = consumed = True
            grouped = grouped or any(ch in surface for ch in loc.group_separator + "\u00a0\u202f\u2009 ")
            if t.abbr:
                strict = loc.abbrev_strict.get(t.abbr)
                if strict is not None:
                    total += (section + current) * strict
                    section, current, scale = Decimal(0), None, strict
                    end = t.end
                    j += 1
                    break
                abbr, abbr_end = t.abbr, t.end
                abbr_scale = loc.abbrev_currency.get(t.abbr)
                end = t.abbr_start
                j += 1
                scale = None
                break
        elif k == "word":
            if current is not None:
                if not (loc.additive_digit_words and current_is_tens and t.value < 10
                        and prev is not None and prev.kind == "word"):
                    break
                current += t.value
                current_is_tens = False
            else:
                if prev is not None and prev.kind == "digits":
                    break
                current = t.value
                current_is_tens = t.value >= 20 and t.value % 10 == 0
            consumed = words_since_check = True
        elif k == "small":
            if current is None and (j == i or signed) and loc.fold(surface) in loc.vague_plurals:
                current, end, consumed = loc.vague_plurals[loc.fold(surface)], t.end, True  # "dozens of"
                vague = approx = True
                j += 1
                break
            if current is None:
                leading = surface in loc.leading_units
                after_article = prev is not None and prev.kind in ("article", "vague")
                if not (leading or after_article):
                    break
                if prev is not None and prev.kind == "small" and t.value >= (last_small or 0):
                    break
            elif last_small is not None and t.value >= last_small:
                if check is not None and check[4] is not None and (words_since_check or digits_since_check):
                    # "3 hundred and 2 hundred": the second group starts a new number
                    end, total, section, j, _ = check
                    current = None
                break
            section += (current if current is not None else Decimal(1)) * t.value
            last_small = t.value
            current = None
            consumed = True
            end = t.end
            j += 1
            check = (end, total, section, j, last_small)
            words_since_check = digits_since_check = False
            scale = None
            continue
        elif k == "big":
            if not _unit_ends(loc, text, t.end, toks[j + 1] if j + 1 < len(toks) else None):
                break  # "19 경제", "1조각": the syllable begins a word (economy, piece)
            group = section + (current if current is not None else Decimal(0))
            # a big unit opens a number with an implied 1 only when it is a leading unit and
            # words of the same number follow ("만 오천" = 15,000; a lone "만" stays a word)
            nxt = toks[j + 1:j + 3]
            first = j == i or signed
            implied = first and surface in loc.leading_units and bool(nxt) and (
                nxt[0].kind in ("word", "small")
                or (nxt[0].kind == "digits" and len(nxt) > 1 and nxt[1].kind == "small" and not nxt[1].spaced))
            if group == 0 and first and not nxt and surface in loc.leading_units:
                implied = bare_unit = True  # 만 of "만 원", "만 명": a number only before a currency or counter
            if group == 0 and first and current is None and loc.fold(surface) in loc.vague_plurals:
                current, end, consumed = loc.vague_plurals[loc.fold(surface)], t.end, True  # "lakhs of"
                vague = approx = True
                j += 1
                break
            if group == 0 and not (prev is not None and prev.kind in ("article", "vague")) and not implied:
                break
            if group == 0:
                group = Decimal(1)
            if last_big is not None and t.value >= last_big:
                if big_check is not None:
                    # "10 million and 12 million": the second group starts a new number
                    end, total, j, has_digits, grouped = big_check
                    section, current, scale = Decimal(0), None, last_big
                    words_since_check = digits_since_check = False
                break
            total += group * t.value
            section, current, last_small = Decimal(0), None, None
            last_big = scale = t.value
            consumed = True
            end = t.end
            j += 1
            check = (end, total, Decimal(0), j, None)
            big_check = (end, total, j, has_digits, grouped)
            words_since_check = digits_since_check = False
            continue
        elif k == "point":
            # 점 / point followed by digit words: the fractional part (일점이삼 = 1.23, two
            # hundred point zero three = 200.03); a space after it only where the locale writes
            # spaces inside numbers
            # a space after the point where words stand before it ("삼점 오"); digits after the
            # point where the locale says so ("12-point-45 billion"); a point that opens the
            # number before digit words ("point five")
            spaced_ok = loc.space_inside == "anywhere" or (prev is not None and prev.kind == "word")
            after = toks[j + 1] if j + 1 < len(toks) else None
            leading = current is None and section == 0 and j == i and loc.point_leading \
                and after is not None and after.kind == "word"
            if (current is None and section == 0 and not leading) or after is None \
                    or (toks[j + 1].spaced and not spaced_ok):
                break
            if prev is not None and prev.kind == "digits" and loc.decimal_separator in text[prev.start:prev.end]:
                break  # "12.5 point 3": the figure has its decimals already
            if after.kind == "digits" and loc.point_takes_digits and after.value >= 0 and not after.abbr:
                digits_after = text[after.start:after.end]
                if digits_after.isdigit():
                    current = (current if current is not None else Decimal(0)) + Decimal("0." + digits_after)
                    end = after.end
                    consumed = True
                    j += 2
                    continue
            if after.kind != "word":
                break
            if prev is not None and prev.kind == "digits" and not t.spaced and not loc.case_insensitive \
                    and not toks[j + 1].spaced:
                break  # "4점이": 4 points and a particle, not 4.2 (word decimals follow word digits)
            frac = ""
            n = j + 1
            one_only = after.spaced and loc.space_inside != "anywhere"  # "삼점 오", not "십오점 사이"
            while n < len(toks) and toks[n].kind == "word" and (spaced_ok or not toks[n].spaced) \
                    and not (one_only and n > j + 1):
                v = int(toks[n].value)
                if n + 1 < len(toks) and v >= 20 and v % 10 == 0 and loc.additive_digit_words \
                        and toks[n + 1].kind == "word" and toks[n + 1].value < 10:
                    v += int(toks[n + 1].value)  # "point seventy-one"
                    n += 1
                frac += str(v)
                n += 1
            current = (current if current is not None else Decimal(0)) + Decimal("0." + frac)
            end = toks[n - 1].end
            consumed = True
            j = n
            continue
        elif k == "approx":
            if (current is None and section == 0 and total == 0) or t.spaced:
                break  # 100여만, 10만여 (원): "some" inside a number or after its unit
            approx = True
        elif k == "native":
            break
        elif k == "frac":
            # "half a million", "a quarter billion", "two and a half million", "three quarters
            # billion", "half a dozen": a fraction counts only before a unit word
            look = j + 1
            if look < len(toks) and toks[look].kind == "article":
                look += 1
            if look >= len(toks) or toks[look].kind not in ("big", "small") or section != 0:
                break
            gap = loc.fold(text[prev.end:t.start].strip()) if prev is not None else ""
            if current is None:
                current = t.value
            elif gap and gap in loc.and_words:
                current = current + t.value
            else:
                current = current * t.value
            consumed = True
            end = t.end
            j = look
            continue
        end = t.end
        scale = None
        j += 1
    if not consumed:
        return None, j if j > i else i + 1
    # roll back a trailing digit word that starts the next word: "1만 이상" (이 is not 2),
    # "백칠십이다" (the copula 이다, not 172)
    if check is not None and words_since_check and not digits_since_check \
            and end < len(text) and loc.is_word_char(text[end]) \
            and (spaced_after_check or (not _free_at(loc, text, end) and _free_at(loc, text, check[0]))):
        end, total, section, j, _ = check
        current = None
        scale = last_big if section == 0 else None
    # a last digit word that is also a particle, after a complete number and before another
    # word or an ending of the copula: "삼천이백이 정답이다" (3,200 and the particle 이, not
    # 3,202), "백칠십이다" (170 and the copula)
    if check is not None and words_since_check and not digits_since_check and j - 1 == check[3] \
            and text[toks[j - 1].start:toks[j - 1].end] in loc.followers \
            and (_particle_at(loc, text, end) or any(text.startswith(w, end) for w in loc.copula_endings)):
        end, total, section, j, _ = check
        current = None
        scale = last_big if section == 0 else None
    value = total + section + (current if current is not None else Decimal(0))
    if negative:
        value = -abs(value)
    if end <= start:
        return None, j
    return (
        Num(start, end, value, has_digits, scale, approx, abbr if abbr_scale is not None else None,
            abbr_end, abbr_scale, grouped, bare_unit=bare_unit and value == scale, vague=vague, ordinal=ordinal,
            plural=plural),
        j,
    )


def _unit_ends(loc: Locale, text: str, pos: int, nxt: _Tok | None) -> bool:
    """True when a unit word ending at ``pos`` is not the start of a longer word: the next
    token of the number, a particle, counter, currency, unit, percent, date or rank word, or
    nothing of the locale's script follows."""
    if nxt is not None and nxt.start == pos or not loc.is_word_char(text[pos:pos + 1]):
        return True
    if _free_at(loc, text, pos):
        return True
    return bool(loc.currency_after_re.match(text, pos) or loc.unit_after_re.match(text, pos)
                or loc.percent_after_re.match(text, pos)
                or any(text.startswith(w, pos) for w in loc.date_after + loc.ordinal_after + loc.ranks))


def _particle_at(loc: Locale, text: str, end: int) -> bool:
    """True when the number ends at ``end`` before a space and a word that is no counting word,
    unit or currency (so a last digit word there is the particle of the number before it)."""
    if text[end:end + 1] not in (" ", "\t") or not loc.is_word_char(text[end + 1:end + 2]):
        return False
    return not (any(text.startswith(w, end + 1) for w in loc.counters) or loc.unit_after_re.match(text, end)
                or loc.currency_after_re.match(text, end) or loc.percent_after_re.match(text, end))


def _free_at(loc: Locale, text: str, pos: int) -> bool:
    """True when a word may end at ``pos``: no letter of the locale's script follows, or a
    particle or counting word does."""
    if pos >= len(text) or not loc.is_word_char(text[pos]):
        return True
    return any(text.startswith(w, pos) for w in loc.followers) or any(text.startswith(w, pos) for w in loc.counters)


def _parse_native(loc: Locale, text: str, toks: list[_Tok], i: int) -> tuple[Num | None, int]:
    """A native Korean number: a tens word, a ones word, or both glued (스물다섯 = 25).

    Attributive forms (한, 두, 스무) and one-syllable words (둘, 열) only count before a counting
    word; the rules check that (``counter_only``)."""
    t = toks[i]
    value, end, last = t.value, t.end, t
    j = i + 1
    if t.value >= 10 and t.value % 10 == 0 and j < len(toks) and toks[j].kind == "native" \
            and not toks[j].spaced and toks[j].value < 10:
        value += toks[j].value
        last, end = toks[j], toks[j].end
        j += 1
    surface = text[t.start:end]
    pair = loc.native_ranges.get(surface)
    if pair is not None:  # 서너 (3~4), 대여섯 (5~6): before a counter only, approximate
        return Num(t.start, end, pair[0], False, None, True, native=True, counter_only=True, high=pair[1]), j
    counter_only = text[last.start:last.end] in loc.native_attributive \
        or (len(surface) == 1 and surface not in loc.native_alone)
    return Num(t.start, end, value, False, None, native=True, counter_only=counter_only), j


@in_decimal_context
def number_at(loc: Locale, text: str, pos: int) -> Num | None:
    """The number that starts exactly at ``pos`` (a lone digit word included: the 일 of 삼분의
    일), or None."""
    m = loc.number_re.match(text, pos)
    if m is None:
        return None
    toks = _tokens(loc, text, m.start(), m.end())
    if not toks or toks[0].start != pos:
        return None
    num, _ = _parse_number(loc, text, toks, 0)
    return num


@in_decimal_context
def number_ending_at(loc: Locale, text: str, end: int, reach: int = 24) -> Num | None:
    """The longest number that ends exactly at ``end`` and starts within ``reach`` characters
    before it (the 이십일 of 이십일분의 삼), or None."""
    for start in range(max(0, end - reach), end):
        if start > 0 and loc.is_word_char(text[start - 1]) and loc.is_word_char(text[start]):
            continue  # not inside a word
        n = number_at(loc, text, start)
        if n is not None and n.end == end:
            return n
    return None
