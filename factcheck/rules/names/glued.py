"""Names in a script that glues particles to words (Korean): the glossary terms, legal forms
(렉스젠 주식회사, ㈜렉스젠), organisation and place suffixes (조달청, 안양시), titles and the
person next to them (김윤상 조달청장, 청장 정무경, 홍길동씨), and bare recurrences of the names
found. Every word list is data of the language's names vocabulary (:mod:`.vocab`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from factcheck.naming.hangul import hangul_surnames, split_person
from factcheck.rules.names.mention import Mention, tidy_name
from factcheck.rules.names.terms import Glossaries, Terms, lookup, terms_of
from factcheck.rules.names.vocab import Vocab, alt, trie, vocab_of, word_class

__all__ = ["scan_glued"]


#: how many characters before an organisation word its company's name may start (현대, 미래에셋)
_STEM_REACH = 12


def _word_start(text: str, pos: int, vocab: Vocab) -> int:
    """Where the run of the language's letters ending at ``pos`` starts."""
    s = pos
    letter = vocab.letter_re.match
    while s > 0 and letter(text, s - 1):
        s -= 1
    return s


def _prev_word(text: str, end: int) -> tuple[int, int, str] | None:
    """(start, end, text) of the word before ``end`` when spaces or tabs separate them (a
    short backward scan)."""
    j = end
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == end or j == 0:
        return None
    # the run of non-space characters ending at j, at most 40 of them
    seg = text[max(0, j - 40):j]
    word = "" if seg[-1].isspace() else seg.rsplit(None, 1)[-1]
    return j - len(word), j, word


def _strip_particle(word: str, vocab: Vocab) -> str:
    """The word without the longest particle glued after it (권기홍은 -> 권기홍)."""
    for k in range(min(vocab.particle_max, len(word) - 1), 0, -1):
        if word[-k:] in vocab.particle_set:
            return word[:-k]
    return word


@functools.lru_cache(maxsize=4096)
def _name_word(word: str, code: str, min_len: int) -> bool:
    """A word of the language's letters that is a surname + given name (김윤상, 남궁민수), of
    ``min_len`` letters or more."""
    vocab = vocab_of(code)
    if not (min_len <= len(word) <= 5) or not all(vocab.letter_re.match(ch) for ch in word):
        return False
    if word in vocab.not_names:
        return False
    parts = split_person(word)
    if parts is None:
        return False
    sur, given = parts
    if not (vocab.given_min <= len(given) <= vocab.given_max):
        return False
    # a word ending like an organisation or a place is not a person (조달청, 경기도)
    if vocab.org_re is not None and vocab.org_re.fullmatch(word):
        return False
    if vocab.place_re is not None and vocab.place_re.fullmatch(word):
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _glued_term(glossaries: Glossaries, code: str, surface: str
                ) -> tuple[str, str, str, str | None, str | None]:
    """(kind, name, rule, key, basis) of a glossary or gazetteer term found in glued script."""
    kind, found = terms_of(glossaries).kinds.get(surface.replace(" ", "").replace("\t", ""), ("org", None))
    return (kind, tidy_name(surface), f"{code}.{kind}.gazetteer", found[0] if found else None,
            found[1] if found else None)


def scan_glued(text: str, vocab: Vocab, glossaries: Glossaries, terms: Terms) -> list[Mention]:
    """The name mentions of a text in a glued script, overlapping ones included (the caller
    resolves overlaps)."""
    code = vocab.code
    out: list[Mention] = []
    follow = vocab.follow_re

    # 1. gazetteer and glossary names
    if terms.glued_re is not None:
        last = 0
        for m in terms.glued_re.finditer(text):
            s, e = m.span(1)
            if s < last:
                continue  # inside the term before (one with a space)
            last = e
            if not follow.match(text, e):
                continue
            kind, name, rule, key, basis = _glued_term(glossaries, code, m.group(1))
            out.append(Mention(s, e, kind, name, rule, key, basis, None, False, None, 3))
    if terms.composed_re is not None:
        # a company the glossaries know, glued to an organisation word (현대건설, 하나증권)
        words_re, stem_re = terms.composed_re
        for m in words_re.finditer(text):
            e = m.end()
            if not follow.match(text, e):
                continue
            stem = stem_re.search(text, max(0, m.start() - _STEM_REACH), m.start())
            if stem is None:
                continue
            name = text[stem.start():e]
            found = lookup(glossaries, name, "org")
            if found is not None:
                out.append(Mention(stem.start(), e, "org", tidy_name(name), f"{code}.org.composed", found[0],
                                   found[1], None, False, None, 3))
    if terms.acronym_re is not None:
        for m in terms.acronym_re.finditer(text):
            kind = terms.acronyms.get(m.group(1), "org")
            found = lookup(glossaries, m.group(1), kind)
            out.append(Mention(m.start(), m.end(), kind, m.group(1), f"{code}.{kind}.acronym",
                               key=found[0] if found else None, basis=found[1] if found else None, strength=3))

    # 2. legal forms: 렉스젠 주식회사, 렉스젠㈜, ㈜렉스젠, 주식회사 렉스젠
    legal_from = len(out)
    if vocab.legal_re is not None:
        for m in vocab.legal_re.finditer(text):
            before = vocab.word_before_re.search(text, max(0, m.start() - 30), m.start())
            after = vocab.word_after_re.match(text, m.end())
            if after is not None and after.group(1) in vocab.particles:
                after = None  # 렉스젠 주식회사를: a particle, not a name
            glued_before = before is not None and before.end(1) == m.start()
            glued_after = after is not None and after.start(1) == m.end()
            use_before = before is not None and (glued_before or not glued_after) and (
                after is None or glued_before or _strip_particle(before.group(1), vocab) == before.group(1))
            if use_before and before is not None:
                name, start, end = before.group(1), before.start(1), m.end()
            elif after is not None:
                name = _strip_particle(after.group(1), vocab)
                start, end = m.start(), after.start(1) + len(name)
            else:
                continue
            if not name or name in vocab.not_orgs or name in vocab.not_names:
                continue
            out.append(Mention(start, end, "org", name, f"{code}.org.legal", strength=2))

    legal = out[legal_from:]

    # 3. organisation suffixes: 조달청, 기획재정부, 공정거래위원회
    if vocab.org_re is not None:
        rule = f"{code}.org.suffix"
        not_orgs, endings, append = vocab.not_orgs, vocab.not_org_endings, out.append
        for m in vocab.org_re.finditer(text):
            w = m.group(1)
            if w in not_orgs or w.endswith(endings):
                continue
            s, e = m.span(1)
            append(Mention(s, e, "org", w, rule))

    # 4. place suffixes: 안양시, and 가평군 / 동안구 right after another place
    places = [(m.start, m.end) for m in out if m.kind == "place"]
    if vocab.place_re is not None:
        for m in _place_matches(text, vocab):
            w = m.group(1)
            if w.endswith(vocab.not_place_endings) or w.endswith(vocab.not_place_tails):
                continue
            if w[-1] in vocab.context_place_suffixes:
                prev = _prev_word(text, m.start(1))
                if prev is None or not any(s == prev[0] for s, _ in places):
                    continue
            out.append(Mention(m.start(1), m.end(1), "place", w, f"{code}.place.suffix"))
            places.append((m.start(1), m.end(1)))

    # 5. titles: the person next to them, and the organisation between
    persons: list[Mention] = []
    if vocab.title_re is not None:
        ends = _Ends(out)  # start -> ends of the organisations and places found
        for t in vocab.title_re.finditer(text):
            persons.extend(_person_at_title(text, t, vocab, ends))
    out.extend(persons)

    # 6. names found once, found again where they recur bare
    out.extend(_recur_glued(text, vocab, out, legal + persons))
    return out


def _place_matches(text: str, vocab: Vocab) -> Iterable[re.Match[str]]:
    """What ``vocab.place_re.finditer(text)`` finds, in order. Place suffixes that end a word
    are rare: from each, the match is tried where the word starts (a few letters back).
    Suffixes are word letters, so a match holds no word start but its own, and the one
    whose word starts after the match before it is the one ``finditer`` finds next."""
    assert vocab.place_re is not None
    if vocab.place_at_re is None:
        yield from vocab.place_re.finditer(text)
        return
    match = vocab.place_re.match
    lo, hi = vocab.place_stem
    last = 0  # where finditer would search on from
    for c in vocab.place_at_re.finditer(text):
        cs = c.start()
        for k in range(lo, hi + 1):
            p = cs - k
            if p < last:
                break
            m = match(text, p)
            if m is not None:
                last = m.end()
                yield m
                break


class _Ends:
    """start -> ends of the organisations and places among ``mentions``, made when first asked."""

    __slots__ = ("mentions", "ends")

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.ends: dict[int, list[int]] | None = None

    def get(self, start: int, default: tuple[()] = ()) -> list[int] | tuple[()]:
        if self.ends is None:
            self.ends = {}
            for m in self.mentions:
                if m.kind in ("org", "place"):
                    self.ends.setdefault(m.start, []).append(m.end)
        return self.ends.get(start, default)


def _person_at_title(text: str, t: re.Match[str], vocab: Vocab, found: _Ends) -> list[Mention]:
    code = vocab.code
    title = t.group(0)
    ts, te = t.span()
    ws = _word_start(text, ts, vocab)
    if ws < ts:  # a prefix glued before the title
        prefix = text[ws:ts]
        if title in vocab.glued_honorifics:  # 홍길동씨
            if _name_word(prefix, code, 2):
                return [Mention(ws, ts, "person", prefix, f"{code}.person.honorific", role=title, strength=2)]
            return []
        # a title glued to the organisation it heads (조달청장 = 조달청 + 장, 안양시장)
        glued_org = any(ts <= end <= te for end in found.get(ws, ()))
        if not glued_org:
            # 해외조달시장: a common noun, not a title, unless a name stands right before it
            prev = _prev_word(text, ws)
            if prev is None or not _name_word(prev[2], code, 2):
                return []
    role = text[ws:te]
    # before: [name] [affiliation]? title
    prev1 = _prev_word(text, ws)
    if prev1 is not None:
        s1, e1, w1 = prev1
        if _name_word(w1, code, 2):
            return [Mention(s1, e1, "person", w1, f"{code}.person.title", role=role, strength=2)]
        if len(w1) <= 2 and w1 in hangul_surnames():  # 김 청장: a short reference
            return [Mention(s1, e1, "person", w1, f"{code}.person.short", role=role, short=True)]
        prev2 = _prev_word(text, s1)
        if (prev2 is not None and _name_word(prev2[2], code, 2) and w1 not in vocab.titles
                and vocab.plain_word_re.fullmatch(w1) and w1 not in vocab.not_names):
            return [Mention(prev2[0], prev2[1], "person", prev2[2], f"{code}.person.title", role=title, strength=2),
                    # the word between a person and their title is where they work (오영준 렉스젠 대표)
                    Mention(s1, e1, "org", w1, f"{code}.org.affiliation")]
    # after: title [name] (청장 정무경, 위원장 권기홍은)
    if te < len(text) and text[te] in " \t":
        m = vocab.name_after_re.match(text, te)
        if m:
            word = _strip_particle(m.group(1), vocab)  # 권기홍은; a word ending like a particle is read so
            if _name_word(word, code, 3):
                return [Mention(m.start(1), m.start(1) + len(word), "person", word, f"{code}.person.title",
                                role=role, strength=2)]
    return []


def _recur_glued(text: str, vocab: Vocab, found: list[Mention], sources: list[Mention]) -> list[Mention]:
    """Bare recurrences of the names ``sources`` found with a legal form, a title or an
    honorific (or where they work); ``found`` is every mention so far."""
    kinds: dict[str, str] = {}
    for n, k in sorted({(m.name, m.kind) for m in sources if not m.short and m.kind in ("org", "person")}):
        kinds[n] = k
    if not kinds:
        return []
    code = vocab.code
    rules = {n: f"{code}.{k}.recurring" for n, k in kinds.items()}
    # a recurrence on the very span of a mention found already never survives _resolve (the
    # other ranks first), so it is not made at all
    spans = {(m.start, m.end) for m in found}
    out = []
    for m in _recur_re(code, tuple(kinds)).finditer(text):
        s, e = m.span(1)
        if (s, e) in spans:
            continue
        name = m.group(1)
        out.append(Mention(s, e, kinds[name], name, rules[name], strength=0))
    return out


@functools.lru_cache(maxsize=64)
def _recur_re(code: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """Bare recurrences of ``names`` (a word of their own, before a legal form, a head title or
    a particle). The first letter comes first, so that the search skips to it."""
    vocab = vocab_of(code)
    legal = alt(vocab.legal_forms)
    w = word_class()
    return re.compile(rf"({trie(names, guard=f'(?<![{w}].)', spaces=False)})"
                      rf"(?=[ \t]*(?:{legal})|{vocab.head_re}{vocab.particle_re}(?![{w}]))")


