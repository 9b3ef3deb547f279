"""The names of one chunk (a run of capitalised words): glossary names and acronyms,
Korean-style romanised names (Kim Yoon-sang, Young-joon Oh), titles and the name after them
(Minister Jane Doe, CEO Jürgen Öztürk), "X of Y" organisations, organisation and place
suffixes, "the city of X" (:func:`read_chunk`)."""

from __future__ import annotations

import functools
import re

from factcheck.naming.hangul import latin_surname, latin_syllables
from factcheck.naming.keys import place_core
from factcheck.rules.names.mention import Mention, tidy_name
from factcheck.rules.names.terms import Glossaries, Terms, letters_of, lookup, terms_of
from factcheck.rules.names.tokens import (
    ACRONYM,
    FIRST,
    ORG_PREFIX,
    SKIP,
    STARTS,
    SUFFIX,
    SURNAME,
    TITLE,
    Tok,
    after_place_prefix,
    sentence_initial,
)
from factcheck.rules.names.vocab import Vocab

__all__ = ["read_chunk", "title_at"]


def _given_ok(t: Tok, vocab: Vocab) -> bool:
    if t.kind != "tok" or t.text in vocab.not_names or t.text in vocab.titles:
        return False
    if not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1):
        return False
    n = latin_syllables(t.text)
    return vocab.given_min <= n <= vocab.given_max


def _person_at(toks: list[Tok], i: int, vocab: Vocab) -> int:
    """The index after a Korean-style personal name starting at token ``i``, or ``i``."""
    t = toks[i]
    if t.kind != "tok":
        return i
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.kind != "tok":
        return i
    if latin_surname(t.text) is not None and _given_ok(nxt, vocab) and (
            t.text not in vocab.not_names or "-" in nxt.text):  # "In Seoul" is no name, "An Cheol-soo" is
        # Kim Jong Un: two one-syllable given-name tokens
        third = toks[i + 2] if i + 2 < len(toks) else None
        if (third is not None and latin_syllables(nxt.text) == 1 and "-" not in nxt.text
                and _given_ok(third, vocab) and latin_syllables(third.text) == 1
                and latin_surname(third.text) is None):
            return i + 3
        if "-" in t.text and latin_surname(nxt.text) is not None:
            return i  # odd: let the given-first reading below decide
        return i + 2
    if latin_surname(nxt.text) is not None and _given_ok(t, vocab) and (
            "-" in t.text or latin_surname(t.text) is None):
        return i + 2  # Young-joon Oh
    return i


def title_at(toks: list[Tok], i: int, vocab: Vocab) -> int:
    """The index after the longest title (of plain tokens) starting at token ``i``, or ``i``."""
    if toks[i].text not in vocab.title_firsts:
        return i
    words = []
    for t in toks[i:i + vocab.max_title_words]:
        if t.kind != "tok":
            break
        words.append(t.text)
    for n in range(len(words), 0, -1):
        if (words[0] if n == 1 else " ".join(words[:n])) in vocab.titles:
            return i + n
    return i


@functools.lru_cache(maxsize=4096)
def _gazetteer_name(glossaries: Glossaries, surface: str) -> tuple[str, tuple[str, str]] | None:
    """(kind, (key, basis)) of a Latin surface the glossaries know as an org or a place. An
    organisation is found by a known company and an organisation word (Samsung Heavy
    Industries), not by a place and one (US Energy Secretary, Jeju Air: keys only)."""
    for kind in ("org", "place"):
        found = lookup(glossaries, surface, kind, ("org",))
        # a place is taken as written in the gazetteer: keys fold "Young-joon" and
        # "Yeongcheon" alike, names on the page must not
        if found is not None and (kind != "place"
                                  or letters_of(place_core(surface)) in terms_of(glossaries).strict_places):
            return kind, found
    return None


def _known_name(text: str, ch: re.Match[str], toks: list[Tok], i: int, vocab: Vocab, glossaries: Glossaries,
                used: set[int]) -> tuple[int, str, tuple[str, str]] | None:
    """(last token, kind, (key, basis)) of the longest glossary name starting at token ``i``,
    or None (also for a place that is part of a longer name, see :func:`_part_of_longer_name`)."""
    t = toks[i]
    for j in range(min(len(toks) - 1, i + 9), i - 1, -1):
        if toks[j].kind != "tok":
            continue
        named = _gazetteer_name(glossaries, text[t.start:toks[j].end])
        if named is not None:
            if named[0] == "place" and _part_of_longer_name(text, ch, toks, i, j, vocab, used):
                return None  # Michael Jordan, Jordan Smith, Korea Gas Corporation: see the other rules
            return (j, *named)
    return None


def _part_of_longer_name(text: str, ch: re.Match[str], toks: list[Tok], i: int, j: int, vocab: Vocab,
                         used: set[int]) -> bool:
    """True when the known place of tokens ``i``..``j`` stands right next to another
    capitalised word that is neither a title nor a listed non-name (Seoul Mayor, In China,
    Thursday): then it is part of a longer name (Michael Jordan, China Southern Airlines,
    Korea Gas Corporation). A listed modifier before it makes a longer name too (North
    America); the sentence's first word does not (Visiting China), nor a word in capitals next
    to a name in capitals (CHINA AND JAPAN, a headline)."""
    shouting = all(toks[k].text.isupper() for k in range(i, j + 1))
    if i > 0:
        p = toks[i - 1]
        if (p.kind == "tok" and (i - 1) not in used and toks[i].start - p.end <= 1
                and (p.text not in vocab.not_names or p.text in vocab.place_modifiers)
                and p.text not in vocab.titles and p.text not in vocab.leading_skip
                and not (i - 1 == 0 and p.text not in vocab.place_modifiers and sentence_initial(text, ch.start()))
                and not (shouting and p.text.isupper())):
            return True
    if j + 1 < len(toks):
        q = toks[j + 1]
        if (q.kind == "tok" and q.start - toks[j].end <= 1 and q.text not in vocab.not_names
                and q.text not in vocab.title_firsts and not (shouting and q.text.isupper())):
            return True
    return False


def read_chunk(text: str, ch: re.Match[str], toks: list[Tok], flags: list[int], vocab: Vocab,
               glossaries: Glossaries, terms: Terms, used: set[int], out: list[Mention]) -> None:
    """The names of one chunk (a run of capitalised words, what each can do in ``flags``),
    appended to ``out``; the indexes of the tokens they take go to ``used``."""
    code = vocab.code
    n = len(toks)
    prefixed = False  # a place prefix before the chunk ("the city of An-yang"): see i == 0
    i = 0
    role: str | None = None
    last_person: Mention | None = None
    # tokens that may end a suffix name (an org or place suffix, a legal form): where there
    # is none within reach, the suffix search below cannot find anything and is skipped
    sufs = [j for j, f in enumerate(flags) if f & SUFFIX]
    while i < n:
        t = toks[i]
        f = flags[i]
        if t.kind != "tok" or f & SKIP:
            i += 1
            continue
        if i == 0:
            prefixed = after_place_prefix(text, ch.start(), vocab)
        if (not f & STARTS and (not sufs or sufs[-1] < i) and (i or not prefixed)
                and (i + 1 == n or not (f | flags[i + 1]) & SURNAME)):
            i += 1  # no rule below starts a name here (none can, see each)
            continue
        # gazetteer and glossary names (longest first); a name of several words goes before an
        # acronym or a personal name inside it (SK Hynix, Ho Chi Minh City)
        hit = _known_name(text, ch, toks, i, vocab, glossaries, used) if f & FIRST else None
        longer = hit is not None and hit[0] > i
        if f & ACRONYM and not longer:
            kind = terms.acronyms[t.text]
            found = lookup(glossaries, t.text, kind)
            out.append(Mention(t.start, t.end, kind, t.text, f"{code}.{kind}.gazetteer",
                               key=found[0] if found else None, basis=found[1] if found else None, strength=3))
            used.add(i)
            i += 1
            continue
        # Korean-style personal names: Kim Yoon-sang, Young-joon Oh (a surname, before or after)
        j = _person_at(toks, i, vocab) if i + 1 < n and (f | flags[i + 1]) & SURNAME else i
        if j > i and not (longer and hit is not None and hit[0] >= j):
            if role is None and i == 0 and vocab.lower_title_re is not None:
                low = vocab.lower_title_re.search(text, max(0, t.start - 20), t.start)
                role = low.group(1) if low else None
            m = Mention(t.start, toks[j - 1].end, "person", tidy_name(text[t.start:toks[j - 1].end]),
                        f"{code}.person.romanised", role=role, strength=2)
            out.append(m)
            last_person = m
            used.update(range(i, j))
            i = j
            role = None
            continue
        if hit is not None:
            j, kind, known = hit
            end = toks[j].end
            if j + 1 < n and toks[j + 1].kind == "year" and kind == "org":
                end, j = toks[j + 1].end, j + 1
            out.append(Mention(t.start, end, kind, tidy_name(text[t.start:end]), f"{code}.{kind}.gazetteer",
                               key=known[0], basis=known[1], strength=3))
            used.update(range(i, j + 1))
            i = j + 1
            continue
        # titles: Administrator, Chief Executive Officer
        k = title_at(toks, i, vocab) if f & TITLE else i
        if k > i:
            role = tidy_name(text[t.start:toks[k - 1].end])
            # "Kim, the CEO of RexGen": the title of the person before
            if last_person is not None and last_person.role is None:
                last_person.role = role
            used.update(range(i, k))
            # a name right after the title
            if k < n and toks[k].kind == "tok":
                j = _person_at(toks, k, vocab)
                if j == k:
                    # any capitalised name after a title (Minister Jane Doe), or a surname alone
                    j = k
                    while j < n and j - k < 3 and toks[j].kind == "tok" and toks[j].text not in vocab.not_names \
                            and toks[j].text not in vocab.titles and toks[j].start - toks[j - 1].end <= 1:
                        j += 1
                if j > k:
                    surface = tidy_name(text[toks[k].start:toks[j - 1].end])
                    short = j == k + 1 and latin_surname(toks[k].text) is not None
                    m = Mention(toks[k].start, toks[j - 1].end, "person", surface,
                                f"{code}.person.{'short' if short else 'title'}", role=role, short=short, strength=2)
                    out.append(m)
                    last_person = m
                    # the capitalised word before the title is where they work (RexGen CEO Oh)
                    if i > 0 and toks[i - 1].kind == "tok" and (i - 1) not in used \
                            and toks[i - 1].text not in vocab.not_names and not (
                                i - 1 == 0 and toks[i - 1].text in vocab.leading_skip
                                and sentence_initial(text, ch.start())):
                        p = toks[i - 1]
                        out.append(Mention(p.start, p.end, "org", p.text, f"{code}.org.affiliation"))
                        used.add(i - 1)
                    used.update(range(k, j))
                    i = j
                    role = None
                    continue
            i = k
            continue
        # organisations named "X of Y": Ministry of Economy and Finance
        if f & ORG_PREFIX and i + 1 < n and toks[i + 1].kind == "conn":
            j = i + 1
            last = i
            while j < n and toks[j].kind in ("tok", "conn", "comma") and title_at(toks, j, vocab) == j:
                if toks[j].kind == "tok":
                    last = j
                j += 1
            if last > i:
                out.append(Mention(t.start, toks[last].end, "org", tidy_name(text[t.start:toks[last].end]),
                                   f"{code}.org.prefix"))
                used.update(range(i, last + 1))
                i = last + 1
                continue
        # suffixes: Korea Public Procurement Expo 2023, Gapyeong County, Jung-gu
        found_suffix = False
        while sufs and sufs[0] < i:
            del sufs[0]
        for j in (range(i, min(n, i + 8)) if sufs and sufs[0] < i + 8 else ()):
            tj = toks[j]
            if tj.kind != "tok":
                break  # "Officials of the Ministry": a suffix name has no connector or comma
            if j > i and title_at(toks, j, vocab) > j:
                break
            if tj.text in vocab.org_suffixes or tj.text in vocab.legal_forms:
                start_tok = i
                while start_tok < j and (toks[start_tok].text in vocab.leading_skip or toks[start_tok].kind != "tok"):
                    start_tok += 1
                if start_tok == j and (tj.text in vocab.weak_suffixes or tj.text in vocab.legal_forms
                                       or tj.text in vocab.not_names):
                    break  # a lone "Expo", "Service"
                end_j = j
                while True:  # Samsung Electronics Co., Ltd.
                    if end_j + 1 < n and toks[end_j + 1].text in vocab.legal_forms:
                        end_j += 1
                    elif (end_j + 2 < n and toks[end_j + 1].kind == "comma"
                          and toks[end_j + 2].text in vocab.legal_forms):
                        end_j += 2
                    else:
                        break
                if end_j + 1 < n and toks[end_j + 1].kind == "year":
                    end_j += 1
                s, e = toks[start_tok].start, toks[end_j].end
                out.append(Mention(s, e, "org", tidy_name(text[s:e]), f"{code}.org.suffix"))
                used.update(range(start_tok, end_j + 1))
                i = end_j + 1
                found_suffix = True
                break
            if j > i and tj.text in vocab.place_suffix_words or tj.text.endswith(vocab.place_hyphen_suffixes) \
                    and "-" in tj.text:
                start_tok = i
                while start_tok < j and toks[start_tok].text in vocab.leading_skip:
                    start_tok += 1
                if start_tok == j and tj.text in vocab.place_suffix_words:
                    break
                s, e = toks[start_tok].start, tj.end
                out.append(Mention(s, e, "place", tidy_name(text[s:e]), f"{code}.place.suffix"))
                used.update(range(start_tok, j + 1))
                i = j + 1
                found_suffix = True
                break
        if found_suffix:
            continue
        # "the city of An-yang"
        if i == 0 and prefixed and t.text not in vocab.not_names:
            out.append(Mention(t.start, t.end, "place", t.text, f"{code}.place.prefix"))
            used.add(i)
        i += 1
