"""Rules for names: people, organisations and places.

One analysis per text finds all three kinds at once (a title links a person to the
organisation glued before it: 조달청장 is 조달청 + 장), then :func:`extract_person`,
:func:`extract_org` and :func:`extract_place` each return their kind. Everything a language
contributes is data (``factcheck/locales/names/<code>.toml``): titles, particles, surname
spellings, suffixes, stop words. The data also says *how* the language writes names:

- ``capitalised = true`` (English): names are runs of capitalised words; a run is read token
  by token: gazetteer names, titles, Korean-style personal names (a surname of the table and
  a given name that splits into romanised syllables), organisation and place suffixes,
  acronyms defined in the text ("Public Procurement Service (PPS)").
- ``capitalised = false`` (Korean): names are words with particles glued after them; titles
  are found first and the name is looked for next to them (김윤상 조달청장, 청장 정무경),
  organisations and places by suffix, legal form and gazetteer.

Then, in both: a name found once is found again where it recurs bare (렉스젠, RexGen), and a
short reference (Administrator Kim, 김 청장, Kim said) takes the key of the full name it
stands for. Keys come from :func:`factcheck.names.name_key`.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck.claims import Claim
from factcheck.naming.glossary import bundled_gazetteer
from factcheck.naming.keys import (
    _affixes,
    fallback_key,
    fold,
    hangul_surnames,
    latin_surname,
    latin_syllables,
    load_name_vocab,
    org_core,
    person_key,
    place_core,
    split_person,
    tidy,
)
from factcheck.naming.resolve import name_key
from factcheck.text.document import Document
from factcheck.values import Name

__all__ = ["extract_person", "extract_org", "extract_place", "analyse"]


# ----------------------------------------------------------------------------- helpers
_tidy = functools.lru_cache(maxsize=4096)(tidy)  # name surfaces recur: tidy each once


def _alt(words: Iterable[str]) -> str:
    items = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items) or r"(?!x)x"


def _trie(words: Iterable[str], *, guard: str = "", spaces: bool = True) -> str:
    """A regex matching any of ``words``, factored as a trie so that it stays fast with
    hundreds of words (longest first: optional tails are greedy). A space in a word matches
    any run of spaces or tabs (unless ``spaces`` is false). ``guard`` (a look-behind of
    width 1 more than it needs, since it is checked after the first letter) goes after the
    first letter: the regex then starts with a literal or a set, which ``re`` skips to fast."""
    root: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], top: bool = False) -> str:
        alts = [(r"[ \t]+" if ch == " " and spaces else re.escape(ch)) + (guard if top else "") + build(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    body = build(root, True)
    return body or r"(?!x)x"


@dataclass(slots=True)
class _M:
    """A name mention being built."""

    start: int
    end: int
    kind: str
    name: str
    rule: str
    key: str | None = None
    basis: str | None = None
    role: str | None = None
    short: bool = False  # a surname alone, to be linked to a full name
    full_name: str | None = None
    strength: int = 1  # overlap order among name mentions: higher wins
    value: Name | None = None  # the claim's value, once known for sure


# ----------------------------------------------------------------------------- vocabulary
@dataclass(frozen=True)
class _Vocab:
    code: str
    capitalised: bool
    particles: tuple[str, ...]
    particle_re: str
    particle_set: frozenset[str]
    particle_max: int
    titles: frozenset[str]
    title_re: re.Pattern[str] | None
    glued_honorifics: frozenset[str]
    head_re: str
    follow_re: re.Pattern[str]  # what may follow a name: a head title, a particle, no letter
    not_names: frozenset[str]
    given_min: int
    given_max: int
    org_re: re.Pattern[str] | None
    not_orgs: frozenset[str]
    not_org_endings: tuple[str, ...]
    legal_re: re.Pattern[str] | None
    legal_forms: tuple[str, ...]
    place_re: re.Pattern[str] | None
    place_at_re: re.Pattern[str] | None  # where a place suffix may end a word
    place_stem: tuple[int, int]  # fewest and most letters before a place suffix
    context_place_suffixes: frozenset[str]
    not_places: frozenset[str]
    not_place_tails: tuple[str, ...]  # the same, sorted, for str.endswith
    not_place_endings: tuple[str, ...]
    short_needs_full: bool
    # capitalised scripts
    lower_title_re: re.Pattern[str] | None  # "PPS chief Kim ...": a lowercase title before a name
    leading_skip: frozenset[str]
    connectors: frozenset[str]
    interjections: frozenset[str]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    weak_suffixes: frozenset[str]
    place_suffix_words: frozenset[str]
    place_hyphen_suffixes: tuple[str, ...]
    place_prefix_re: re.Pattern[str] | None
    place_prefix_end: re.Pattern[str] | None  # the last letter of a place prefix
    hyphen_tails: tuple[str, ...]
    abbreviations: frozenset[str]
    max_title_words: int
    title_firsts: frozenset[str]
    chunk_re: re.Pattern[str] | None
    token_re: re.Pattern[str] | None
    split_chunks: bool  # connectors are lowercase words or one sign: a chunk splits at spaces


@functools.lru_cache(maxsize=8)
def _vocab(code: str) -> _Vocab:
    data = load_name_vocab(code)
    names = data.get("names", {})
    words = names.get("words", {})
    org = data.get("org", {})
    place = data.get("place", {})
    cap = bool(names.get("capitalised", False))
    particles = tuple(sorted(set(names.get("particles", [])), key=len, reverse=True))
    part = f"(?:{_alt(particles)})?" if particles else ""
    titles = list(names.get("titles", [])) + list(words.get("titles", []))
    heads = names.get("head_suffixes", [])
    head_re = f"(?:{_alt(heads)})?" if heads else ""
    wc = names.get("word_chars", "A-Za-z")
    title_re = org_re = place_re = legal_re = place_at_re = None
    if not cap:
        # a trie starts with its first letters, which the search skips to
        title_re = re.compile(rf"(?:{_trie(titles)})(?={part}(?![{wc}])|\()")
        sufs = org.get("suffixes", [])
        if sufs:
            # the stem grows letter by letter until a suffix: a letter no suffix starts with
            # is passed without trying them all
            s_first = "".join(sorted({re.escape(x[0]) for x in sufs if x}))
            org_re = re.compile(
                rf"(?<![{wc}])([{wc}]{{{int(org.get('min_stem', 2))},12}}?(?=[{s_first}])(?:{_alt(sufs)}))"
                rf"(?={head_re}{part}(?![{wc}]))")
        psufs = list(place.get("suffixes", [])) + list(place.get("context_suffixes", []))
        if psufs:
            place_re = re.compile(
                rf"(?<![{wc}])([{wc}]{{{int(place.get('min_stem', 2))},6}}?(?:{_alt(psufs)}))(?={part}(?![{wc}]))")
            if all(re.fullmatch(rf"[{wc}]+", x) for x in psufs):
                # a suffix where a word ends (rare), from which place_re is tried at the
                # start of the word (see _place_matches)
                p_first = "".join(sorted({re.escape(x[0]) for x in psufs}))
                place_at_re = re.compile(rf"[{p_first}](?<=(?=(?:{_alt(psufs)}){part}(?![{wc}])).)")
    legal = tuple(org.get("legal_forms", []))
    if legal and not cap:
        legal_re = re.compile(_alt(legal))
    chunk_re = token_re = None
    place_prefix_re = place_prefix_end = None
    abbreviations: set[str] = set()
    if cap:
        conn = words.get("connectors", [])
        cap_rest = r"[A-Za-z0-9]*(?:['’&.\-][A-Za-z0-9]+)*\.?"
        tok = rf"[A-Z]{cap_rest}"
        year = r"(?:19|20)\d\d(?!\d)"
        join = rf"(?:[ \t]+|,[ \t]+)(?:(?:{_alt(conn)})[ \t]+)*"
        # the capital first (the look-behind after it), so that the search skips to capitals
        chunk_re = re.compile(rf"[A-Z](?<![\w'’\-].){cap_rest}(?:{join}(?:{tok}|{year}))*")
        token_re = re.compile(rf"(?P<tok>{tok})|(?P<year>{year})|(?P<conn>{_alt(conn)})(?![\w])|(?P<comma>,)")
        prefixes = place.get("prefixes", [])
        if prefixes:
            place_prefix_re = re.compile(rf"(?i:\b(?:{_alt(prefixes)}))[ \t]+\Z")
            ends = {p.rstrip(" \t")[-1:] for p in prefixes}
            if "" not in ends:  # the letter a prefix ends with, before the spaces
                place_prefix_end = re.compile(rf"(?i:[{''.join(sorted(re.escape(e) for e in ends))}])")
        abbreviations = {w for w in titles + list(org.get("legal_forms", [])) + list(org.get("suffixes", []))
                         if w.endswith(".") and " " not in w}
    psuf = place.get("suffixes", [])
    return _Vocab(
        code=code,
        capitalised=cap,
        particles=particles,
        particle_re=part,
        particle_set=frozenset(particles),
        particle_max=max((len(p) for p in particles), default=0),
        titles=frozenset(titles),
        title_re=title_re,
        glued_honorifics=frozenset(names.get("glued_honorifics", [])),
        head_re=head_re,
        follow_re=re.compile(rf"{head_re}{part}(?![{wc}])"),
        not_names=frozenset(names.get("not_names", [])) | frozenset(words.get("not_names", [])),
        given_min=int(names.get("given_min", 1)),
        given_max=int(names.get("given_max", 2)),
        org_re=org_re,
        not_orgs=frozenset(org.get("not_orgs", [])),
        not_org_endings=tuple(org.get("not_org_endings", [])),
        legal_re=legal_re,
        legal_forms=legal,
        place_re=place_re,
        place_at_re=place_at_re,
        place_stem=(int(place.get("min_stem", 2)), 6),
        context_place_suffixes=frozenset(place.get("context_suffixes", [])),
        not_places=frozenset(place.get("not_places", [])),
        not_place_tails=tuple(sorted(set(place.get("not_places", [])))),
        not_place_endings=tuple(place.get("not_place_endings", [])),
        short_needs_full=bool(names.get("short_needs_full", False)),
        lower_title_re=(re.compile(rf"(?<![A-Za-z])({_alt(words['lower_titles'])})[ \t]+\Z")
                        if words.get("lower_titles") else None),
        leading_skip=frozenset(words.get("leading_skip", [])),
        connectors=frozenset(words.get("connectors", [])),
        interjections=frozenset(words.get("interjections", [])),
        org_suffixes=frozenset(org.get("suffixes", [])),
        org_prefixes=frozenset(org.get("prefixes", [])),
        weak_suffixes=frozenset(org.get("weak_suffixes", [])),
        place_suffix_words=frozenset(s.strip() for s in psuf if s.startswith(" ")),
        place_hyphen_suffixes=tuple(s for s in psuf if s.startswith("-")),
        place_prefix_re=place_prefix_re,
        place_prefix_end=place_prefix_end,
        hyphen_tails=tuple(words.get("hyphen_tails", [])),
        abbreviations=frozenset(abbreviations),
        max_title_words=max((len(t.split()) for t in titles), default=1),
        title_firsts=frozenset(t.split()[0] for t in titles if t.strip()),
        chunk_re=chunk_re,
        token_re=token_re,
        split_chunks=cap and all(re.fullmatch(r"[a-z]+|[^\w\s,]", c) is not None
                                 for c in words.get("connectors", [])),
    )


# ----------------------------------------------------------------------------- glossary terms
@dataclass(frozen=True)
class _Terms:
    hangul_re: re.Pattern[str] | None  # terms written in the locale's glued script (group 1)
    kinds: dict[str, tuple[str, tuple[str, str] | None]]  # term, spaces removed -> kind, (key, basis)
    acronym_re: re.Pattern[str] | None
    acronyms: dict[str, str]  # acronym -> kind
    first_folds: frozenset[str]  # folded first words of Latin terms
    strict_places: frozenset[str]  # letters of Latin place names, as written in the glossaries


@functools.lru_cache(maxsize=8)
def _terms(glossaries: tuple[Any, ...]) -> _Terms:
    hangul: dict[str, str] = {}
    acr: dict[str, str] = {}
    firsts: set[str] = set()
    strict: set[str] = set()
    for g in glossaries:
        for term, kind in g.scan_terms():
            if kind == "place" and not re.search(r"[가-힣]", term):
                strict.add(_letters(place_core(term)))
            if re.search(r"[가-힣]", term):
                hangul.setdefault(term, kind)
            elif term.isupper() and " " not in term and 2 <= len(term) <= 10:
                acr.setdefault(term, kind)
            else:
                first = re.split(r"[ ,]+", term.strip())[0]
                firsts.add(fold(first))
                firsts.add(first.lower())
    h_re = None
    if hangul:
        initials = "".join(sorted({re.escape(t[0]) for t in hangul}))
        # the search skips to a first letter of a term at the start of a word, then reads the
        # term (group 1) from there; the match itself is that one letter (see _scan_glued)
        h_re = re.compile(rf"[{initials}](?<![가-힣].)(?<=(?=({_trie(hangul)})).)")
    a_re = re.compile(rf"({_trie(acr, guard='(?<![A-Za-z0-9].)')})(?![A-Za-z0-9])") if acr else None
    keyed = {k.replace(" ", ""): (v, _lookup(glossaries, k, v)) for k, v in hangul.items()}
    return _Terms(h_re, keyed, a_re, acr, frozenset(firsts),
                  frozenset(strict))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _glossaries(glossary: Any) -> tuple[Any, ...]:
    return (glossary, bundled_gazetteer()) if glossary is not None else (bundled_gazetteer(),)


@functools.lru_cache(maxsize=4096)
def _lookup(glossaries: tuple[Any, ...], surface: str, kind: str) -> tuple[str, str] | None:
    for g in glossaries:
        key = g.lookup(surface, kind)
        if key is not None:
            return key, ("gazetteer" if g is glossaries[-1] else "glossary")
    return None


# ----------------------------------------------------------------------------- entry points
def extract_person(doc: Document) -> list[Claim]:
    """People: a name with a title or honorific, a Korean-style romanised name, and short
    references to them (Administrator Kim, 김 청장, Kim said) keyed as the full name."""
    return list(_analysis(doc)[1])


def extract_org(doc: Document) -> list[Claim]:
    """Organisations: gazetteer and glossary names, suffixes (조달청, Service), legal forms
    (렉스젠㈜, RexGen Co.), acronyms defined in the text, and later bare mentions."""
    return list(_analysis(doc)[2])


def extract_place(doc: Document) -> list[Claim]:
    """Places: gazetteer names (경기도, Anyang), administrative suffixes (가평군, Gapyeong
    County, Jung-gu) and "the city of X"."""
    return list(_analysis(doc)[3])


def analyse(doc: Document) -> tuple[Claim, ...]:
    """Every person, org and place claim of a document (cached per text, locale and glossary)."""
    return _analysis(doc)[0]


_Analysis = tuple[tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...]]


def _analysis(doc: Document) -> _Analysis:
    """(every name claim, the person claims, the org claims, the place claims) of a document."""
    return _analyse(doc.text, doc.locale.code, getattr(doc, "glossary", None))


@functools.lru_cache(maxsize=8)
def _analyse(text: str, code: str, glossary: Any) -> _Analysis:
    vocab = _vocab(code)
    glossaries = _glossaries(glossary)
    terms = _terms(glossaries)
    if vocab.capitalised:
        mentions = _scan_capitalised(text, vocab, glossaries, terms)
    else:
        mentions = _scan_glued(text, vocab, glossaries, terms)
    mentions = _resolve(mentions)
    claims = _claims(text, code, mentions, glossaries)
    by_kind: dict[str, list[Claim]] = {"person": [], "org": [], "place": []}
    for c in claims:
        by_kind[c.kind].append(c)
    return tuple(claims), tuple(by_kind["person"]), tuple(by_kind["org"]), tuple(by_kind["place"])


def _rank(m: _M) -> tuple[int, int, int]:
    return -m.strength, m.start - m.end, m.start


def _resolve(mentions: list[_M]) -> list[_M]:
    """Keep the strongest, then longest mention where mentions overlap (ties: the earlier
    start, then the earlier found). Which of a group of overlapping mentions is kept depends
    on that group alone, so a mention that overlaps no other is kept without ranking."""
    by_start = sorted(mentions, key=_start)
    kept: list[_M] = []
    group: list[_M] = []
    group_end = -1
    for m in by_start:
        if m.end <= m.start:
            continue  # never kept
        if m.start >= group_end:  # a new group
            if len(group) == 1:
                kept.append(group[0])
            elif group:
                kept.extend(_resolve_group(group))
            group = [m]
            group_end = m.end
        else:
            group.append(m)
            if m.end > group_end:
                group_end = m.end
    if len(group) == 1:
        kept.append(group[0])
    elif group:
        kept.extend(_resolve_group(group))
    return kept


def _resolve_group(group: list[_M]) -> list[_M]:
    """The mentions kept of a group of overlapping ones, by start."""
    kept: list[_M] = []
    for m in sorted(group, key=_rank):  # stable: equal ranks start alike, so stay as found
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    kept.sort(key=_start)
    return kept


_start = operator.attrgetter("start")


def _claims(text: str, code: str, mentions: list[_M], glossaries: tuple[Any, ...]) -> list[Claim]:
    drop_unlinked = _vocab(code).short_needs_full
    # keys of full mentions first, then short references linked to them
    for m in mentions:
        if m.key is None and not m.short:
            m.key, m.basis, m.value = _keyed(glossaries, m.kind, m.name)
    # an organisation named by the first word of a longer name found in the text (Haedam for
    # Haedam Solutions) is that organisation
    longer = [m for m in mentions if m.kind == "org" and " " in m.name and m.basis == "romanised"]
    for m in (mentions if longer else ()):
        if m.kind == "org" and m.basis == "romanised" and " " not in m.name:
            owner = next((o for o in longer if o.name.startswith(m.name + " ")), None)
            if owner is not None:
                m.key, m.basis, m.full_name = owner.key, "linked", _without_legal_form(owner.name)
                m.value = None
    fulls = [(m, m.key.split("|", 1)[0]) for m in mentions
             if m.kind == "person" and not m.short and m.key and "|" in m.key]
    for m in mentions:
        if not m.short:
            continue
        sur = _surname_key(m.name)
        same = [f for f, f_sur in fulls if f_sur == sur]
        if same:
            before = [f for f in same if f.start < m.start]
            chosen = (before or same)[-1 if before else 0]
            m.key, m.basis, m.full_name = chosen.key, "linked", chosen.name
        else:
            m.key, m.basis = sur, "surname"
    out = []
    for m in mentions:
        if m.short and m.basis == "surname" and drop_unlinked:
            continue
        kind = m.kind
        value = m.value
        if value is None:
            value = _name_value(kind, _without_legal_form(m.name) if kind == "org" else m.name, m.key or "",
                                m.basis or "romanised", m.full_name)
        out.append(Claim(kind, text[m.start:m.end], m.start, m.end, value, m.rule, code, None, None, m.role))
    return out


@functools.lru_cache(maxsize=4096)
def _keyed(glossaries: tuple[Any, ...], kind: str, name: str) -> tuple[str, str, Name]:
    """(key, basis, claim value) of a name: the key from the glossaries, else romanised."""
    found = _lookup(glossaries, name, kind)
    key, basis = found if found is not None else (fallback_key(name, kind), "romanised")
    return key, basis, _name_value(kind, _without_legal_form(name) if kind == "org" else name, key or "",
                                   basis or "romanised", None)


@functools.lru_cache(maxsize=4096)
def _name_value(kind: str, name: str, key: str, basis: str, full_name: str | None) -> Name:
    """The (immutable) value of a name claim: equal names share one."""
    return Name(kind, name, key, basis, full_name)


@functools.lru_cache(maxsize=4096)
def _without_legal_form(name: str) -> str:
    """렉스젠 주식회사 -> 렉스젠, "RexGen Co., Ltd." -> "RexGen" (the name, tidied)."""
    legal = _affixes()[2]
    changed = True
    while changed:
        changed = False
        for form in legal:
            if name.endswith(form) and len(name) > len(form):
                name, changed = name[: -len(form)].rstrip(" ,"), True
            elif name.startswith(form) and len(name) > len(form):
                name, changed = name[len(form):].lstrip(), True
    return name


def _surname_key(surname: str) -> str:
    return person_key(surname)


# ----------------------------------------------------------------------------- glued scripts
def _hangul_start(text: str, pos: int) -> int:
    """Where the run of Hangul syllables ending at ``pos`` starts."""
    s = pos
    while s > 0 and "가" <= text[s - 1] <= "힣":
        s -= 1
    return s


_WORD_BEFORE = re.compile(r"([가-힣A-Za-z0-9&]+)[ \t]?\Z")
_WORD_AFTER = re.compile(r"[ \t]?([가-힣A-Za-z0-9&]+)")
_PLAIN_WORD = re.compile(r"[가-힣A-Za-z0-9&]+")
_NAME_AFTER = re.compile(r"[ \t]+([가-힣]{2,7})(?![가-힣])")


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


def _strip_particle(word: str, vocab: _Vocab) -> str:
    """The word without the longest particle glued after it (권기홍은 -> 권기홍)."""
    for k in range(min(vocab.particle_max, len(word) - 1), 0, -1):
        if word[-k:] in vocab.particle_set:
            return word[:-k]
    return word


@functools.lru_cache(maxsize=4096)
def _name_word(word: str, code: str, min_len: int) -> bool:
    """A Hangul word that is a surname + given name (김윤상, 남궁민수), of ``min_len`` letters
    or more."""
    vocab = _vocab(code)
    if not (min_len <= len(word) <= 5) or not all("가" <= ch <= "힣" for ch in word):
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
def _glued_term(glossaries: tuple[Any, ...], code: str, surface: str
                ) -> tuple[str, str, str, str | None, str | None]:
    """(kind, name, rule, key, basis) of a glossary or gazetteer term found in glued script."""
    kind, found = _terms(glossaries).kinds.get(surface.replace(" ", "").replace("\t", ""), ("org", None))
    return (kind, _tidy(surface), f"{code}.{kind}.gazetteer", found[0] if found else None,
            found[1] if found else None)


def _scan_glued(text: str, vocab: _Vocab, glossaries: tuple[Any, ...], terms: _Terms) -> list[_M]:
    code = vocab.code
    out: list[_M] = []
    follow = vocab.follow_re

    # 1. gazetteer and glossary names
    if terms.hangul_re is not None:
        last = 0
        for m in terms.hangul_re.finditer(text):
            s, e = m.span(1)
            if s < last:
                continue  # inside the term before (one with a space)
            last = e
            if not follow.match(text, e):
                continue
            kind, name, rule, key, basis = _glued_term(glossaries, code, m.group(1))
            out.append(_M(s, e, kind, name, rule, key, basis, None, False, None, 3))
    if terms.acronym_re is not None:
        for m in terms.acronym_re.finditer(text):
            kind = terms.acronyms.get(m.group(1), "org")
            found = _lookup(glossaries, m.group(1), kind)
            out.append(_M(m.start(), m.end(), kind, m.group(1), f"{code}.{kind}.acronym",
                          key=found[0] if found else None, basis=found[1] if found else None, strength=3))

    # 2. legal forms: 렉스젠 주식회사, 렉스젠㈜, ㈜렉스젠, 주식회사 렉스젠
    legal_from = len(out)
    if vocab.legal_re is not None:
        for m in vocab.legal_re.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            after = _WORD_AFTER.match(text, m.end())
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
            out.append(_M(start, end, "org", name, f"{code}.org.legal", strength=2))

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
            append(_M(s, e, "org", w, rule))

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
            out.append(_M(m.start(1), m.end(1), "place", w, f"{code}.place.suffix"))
            places.append((m.start(1), m.end(1)))

    # 5. titles: the person next to them, and the organisation between
    persons: list[_M] = []
    if vocab.title_re is not None:
        ends = _Ends(out)  # start -> ends of the organisations and places found
        for t in vocab.title_re.finditer(text):
            persons.extend(_person_at_title(text, t, vocab, ends))
    out.extend(persons)

    # 6. names found once, found again where they recur bare
    out.extend(_recur_glued(text, vocab, out, legal + persons))
    return out


def _place_matches(text: str, vocab: _Vocab) -> Iterable[re.Match[str]]:
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

    def __init__(self, mentions: list[_M]) -> None:
        self.mentions = mentions
        self.ends: dict[int, list[int]] | None = None

    def get(self, start: int, default: tuple[()] = ()) -> list[int] | tuple[()]:
        if self.ends is None:
            self.ends = {}
            for m in self.mentions:
                if m.kind in ("org", "place"):
                    self.ends.setdefault(m.start, []).append(m.end)
        return self.ends.get(start, default)


def _person_at_title(text: str, t: re.Match[str], vocab: _Vocab, found: _Ends) -> list[_M]:
    code = vocab.code
    title = t.group(0)
    ts, te = t.span()
    ws = _hangul_start(text, ts)
    if ws < ts:  # a prefix glued before the title
        prefix = text[ws:ts]
        if title in vocab.glued_honorifics:  # 홍길동씨
            if _name_word(prefix, code, 2):
                return [_M(ws, ts, "person", prefix, f"{code}.person.honorific", role=title, strength=2)]
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
            return [_M(s1, e1, "person", w1, f"{code}.person.title", role=role, strength=2)]
        if len(w1) <= 2 and w1 in hangul_surnames():  # 김 청장: a short reference
            return [_M(s1, e1, "person", w1, f"{code}.person.short", role=role, short=True)]
        prev2 = _prev_word(text, s1)
        if (prev2 is not None and _name_word(prev2[2], code, 2) and w1 not in vocab.titles
                and _PLAIN_WORD.fullmatch(w1) and w1 not in vocab.not_names):
            return [_M(prev2[0], prev2[1], "person", prev2[2], f"{code}.person.title", role=title, strength=2),
                    # the word between a person and their title is where they work (오영준 렉스젠 대표)
                    _M(s1, e1, "org", w1, f"{code}.org.affiliation")]
    # after: title [name] (청장 정무경, 위원장 권기홍은)
    if te < len(text) and text[te] in " \t":
        m = _NAME_AFTER.match(text, te)
        if m:
            word = _strip_particle(m.group(1), vocab)  # 권기홍은; a word ending like a particle is read so
            if _name_word(word, code, 3):
                return [_M(m.start(1), m.start(1) + len(word), "person", word, f"{code}.person.title",
                           role=role, strength=2)]
    return []


def _recur_glued(text: str, vocab: _Vocab, found: list[_M], sources: list[_M]) -> list[_M]:
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
        out.append(_M(s, e, kinds[name], name, rules[name], strength=0))
    return out


@functools.lru_cache(maxsize=64)
def _recur_re(code: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """Bare recurrences of ``names`` (a word of their own, before a legal form, a head title or
    a particle). The first letter comes first, so that the search skips to it."""
    vocab = _vocab(code)
    legal = _alt(vocab.legal_forms)
    return re.compile(rf"({_trie(names, guard='(?<![가-힣A-Za-z0-9].)', spaces=False)})"
                      rf"(?=[ \t]*(?:{legal})|{vocab.head_re}{vocab.particle_re}(?![가-힣A-Za-z0-9]))")


# ----------------------------------------------------------------------------- capitalised scripts
@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # tok | year | conn | comma


def _after_place_prefix(text: str, pos: int, vocab: _Vocab) -> bool:
    """True when a place prefix ("the city of") and spaces end the 30 characters before ``pos``."""
    if vocab.place_prefix_re is None:
        return False
    if vocab.place_prefix_end is not None:  # a quick test first: the letter before the spaces
        j = pos
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == pos or j == 0 or not vocab.place_prefix_end.match(text, j - 1):
            return False
    return vocab.place_prefix_re.search(text, max(0, pos - 30), pos) is not None


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;•*▶-–—"


def _tokens(text: str, chunk: re.Match[str], vocab: _Vocab,
            glossaries: tuple[Any, ...]) -> tuple[list[_Tok], list[int]]:
    """The tokens of a chunk and what each word token can do (:func:`_word_flags`)."""
    assert vocab.token_re is not None
    code = vocab.code
    whole = chunk.group(0)
    base = chunk.start()
    if " " not in whole and "," not in whole and "\t" not in whole:  # one word
        word, size, kind, flags = _word_token(glossaries, code, whole)
        return [_Tok(base, base + size, word, kind)], [flags]
    toks: list[_Tok] = []
    every: list[int] = []
    if vocab.split_chunks:
        # a chunk is words (a capitalised word, a year, a connector) between spaces or tabs,
        # a comma glued after a word: what token_re finds in it, without a regex
        pos = 0
        for raw in whole.split():
            pos = whole.find(raw, pos)
            s = base + pos
            pos += len(raw)
            comma = raw[-1] == ","
            word, size, kind, flags = _word_token(glossaries, code, raw[:-1] if comma else raw)
            toks.append(_Tok(s, s + size, word, kind))
            every.append(flags)
            if comma:
                toks.append(_Tok(base + pos - 1, base + pos, ",", "comma"))
                every.append(0)
        return toks, every
    for m in vocab.token_re.finditer(text, chunk.start(), chunk.end()):
        kind = m.lastgroup or "tok"
        if kind == "tok":
            word, size, kind, flags = _word_token(glossaries, code, m.group())
            toks.append(_Tok(m.start(), m.start() + size, word, kind))
            every.append(flags)
        else:
            toks.append(_Tok(m.start(), m.end(), m.group(), kind))
            every.append(0)
    return toks, every


@functools.lru_cache(maxsize=8192)
def _word_token(glossaries: tuple[Any, ...], code: str, raw: str) -> tuple[str, int, str, int]:
    """(text, length, kind, flags) of the token a word of a chunk makes: a capitalised word
    (without a full stop, a possessive, a hyphenated tail: see :func:`_token`), a year (it
    starts with a digit) or a connector."""
    first = raw[0]
    if "A" <= first <= "Z":
        t = _token(0, len(raw), raw, _vocab(code))
        return t.text, t.end, "tok", _word_flags(glossaries, code, t.text)
    return raw, len(raw), ("year" if "0" <= first <= "9" else "conn"), 0


def _token(s: int, e: int, word: str, vocab: _Vocab) -> _Tok:
    """A word token, without a full stop that ends no abbreviation, a possessive (Korea’s) or
    a hyphenated tail (Gyeonggi Province-based)."""
    if word[-1] == "." and word not in vocab.abbreviations:
        word, e = word[:-1], e - 1
    if "'" in word or "’" in word:
        for p in vocab.particles:  # possessive: Korea’s
            if word.endswith(p) and len(word) > len(p):
                word, e = word[: -len(p)], e - len(p)
                break
    if "-" in word and word.endswith(vocab.hyphen_tails):
        for tail in vocab.hyphen_tails:  # Gyeonggi Province-based
            if word.endswith(tail) and len(word) > len(tail):
                word, e = word[: -len(tail)], e - len(tail)
                break
    return _Tok(s, e, word, "tok")


def _scan_capitalised(text: str, vocab: _Vocab, glossaries: tuple[Any, ...], terms: _Terms) -> list[_M]:
    assert vocab.chunk_re is not None
    code = vocab.code
    out: list[_M] = []
    chunks = []
    in_parens = []  # indexes of the chunks right after "(" (an acronym defined, perhaps)
    skip = vocab.not_names
    for ch in vocab.chunk_re.finditer(text):
        word = ch.group(0)
        if word in skip or (word[-1:] == "." and word[:-1] in skip):
            continue  # a lone "The", "Thursday", "AI"
        toks, flags = _tokens(text, ch, vocab, glossaries)
        used: set[int] = set()
        if ch.start() and text[ch.start() - 1] == "(":
            in_parens.append(len(chunks))
        chunks.append((ch, toks, used))
        if len(toks) == 1 and flags[0] & _PLAIN and not _after_place_prefix(text, ch.start(), vocab):
            continue  # a lone word no rule makes a name of (most sentence starts)
        _read_chunk(text, ch, toks, flags, vocab, glossaries, terms, used, out)

    # acronyms defined in the text: "Public Procurement Service (PPS)", "KOPPEX (Korea ...)"
    acronyms: dict[str, _M] = {}
    found = len(out)  # the mentions found so far (by_end, by_start), made when first needed
    by_end: dict[int, _M] | None = None
    by_start: dict[int, _M] = {}
    for k1 in in_parens:
        if k1 == 0:
            continue
        ch, toks, used = chunks[k1 - 1]
        nxt = chunks[k1]
        ns = nxt[0].start()
        if ns <= ch.end() or text[ns - 1] != "(" or text[ch.end():ns - 1].strip(" \t") \
                or text[nxt[0].end():nxt[0].end() + 1] != ")":
            continue
        if by_end is None:
            by_end = {m.end: m for m in out[:found] if m.kind in ("org", "place") and not m.short}
            by_start = {m.start: m for m in out[:found] if m.kind in ("org", "place") and not m.short}
        a, b = toks, nxt[1]
        rest = _skip_leading(a, vocab)
        long_start = rest[0].start if rest else ch.start()
        long = by_end.get(ch.end())
        if long is not None:
            long_start = long.start
        if len(b) == 1 and _acronym_of(b[0].text, text[long_start:ch.end()]):
            if long is None:
                long = _M(long_start, ch.end(), "org", _tidy(text[long_start:ch.end()]), f"{code}.org.defined")
                out.append(long)
            short = _M(b[0].start, b[0].end, long.kind, b[0].text, f"{code}.{long.kind}.acronym", strength=3)
            out.append(short)
            acronyms[b[0].text] = long
            nxt[2].update(range(len(b)))
        elif len(a) == 1 and _acronym_of(a[0].text, text[nxt[0].start():nxt[0].end()]):
            long = by_start.get(nxt[0].start())
            if long is None:
                long = _M(nxt[0].start(), nxt[0].end(), "org", _tidy(text[nxt[0].start():nxt[0].end()]),
                          f"{code}.org.defined")
                out.append(long)
            out.append(_M(a[0].start, a[0].end, long.kind, a[0].text, f"{code}.{long.kind}.acronym", strength=3))
            acronyms[a[0].text] = long
    # keys of defined acronyms follow their long forms
    pending = [(m, acronyms[m.name]) for m in out if m.name in acronyms and m.rule.endswith(".acronym")]
    for m, _ in pending:
        m.key = None  # keyed below, as the long form

    # second pass: bare recurrences of found names, defined acronyms and surnames
    orgs = {org_core(m.name): m.kind for m in out if m.kind in ("org",) and not m.short and " " not in org_core(m.name)}
    surnames = {}
    for m in out:
        if m.kind == "person" and not m.short:
            parts = split_person(m.name)
            if parts is not None:
                surnames[parts[0]] = m
    targets = acronyms.keys() | orgs.keys() | surnames.keys()
    for ch, toks, used in (chunks if targets else ()):
        for i, t in enumerate(toks):
            if t.text not in targets or t.kind != "tok" or i in used:
                continue
            if t.text in acronyms:
                long = acronyms[t.text]
                m2 = _M(t.start, t.end, long.kind, t.text, f"{code}.{long.kind}.acronym", strength=1)
                out.append(m2)
                pending.append((m2, long))
            elif t.text in orgs:
                out.append(_M(t.start, t.end, "org", t.text, f"{code}.org.recurring", strength=0))
            elif t.text in surnames:
                nxt_text = text[t.end:t.end + 1]
                if t.text in vocab.interjections and nxt_text in (",", "!"):
                    continue
                after = toks[i + 1] if i + 1 < len(toks) else None
                if after is not None and after.kind == "tok" and after.start - t.end <= 1:
                    continue  # part of another name
                out.append(_M(t.start, t.end, "person", t.text, f"{code}.person.short", short=True))
    for m, long in pending:
        if long.key is None:
            found = _lookup(glossaries, long.name, long.kind)
            long.key, long.basis = (found if found else (name_key(long.name, long.kind), "romanised"))
        m.key, m.basis, m.full_name = long.key, "acronym", long.name
    return out


def _acronym_of(acr: str, long: str) -> bool:
    """True when ``acr`` (PPS, KOPPEX) can stand for ``long`` (Public Procurement Service)."""
    if not (2 <= len(acr) <= 10) or not acr[0].isupper() or sum(ch.isupper() for ch in acr) < 2:
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    if len(words) < 2 or acr[0].lower() != words[0][0].lower():
        return False
    # every letter of the acronym appears, in order, in the long form
    it = iter(long.lower())
    return all(ch in it for ch in acr.lower() if ch.isalnum())


def _skip_leading(toks: list[_Tok], vocab: _Vocab) -> list[_Tok]:
    i = 0
    while i < len(toks) and (toks[i].kind != "tok" or toks[i].text in vocab.leading_skip):
        i += 1
    return toks[i:]


def _given_ok(t: _Tok, vocab: _Vocab) -> bool:
    if t.kind != "tok" or t.text in vocab.not_names or t.text in vocab.titles:
        return False
    if not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1):
        return False
    n = latin_syllables(t.text)
    return vocab.given_min <= n <= vocab.given_max


def _person_at(toks: list[_Tok], i: int, vocab: _Vocab) -> int:
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


def _title_at(toks: list[_Tok], i: int, vocab: _Vocab) -> int:
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
def _gazetteer_name(glossaries: tuple[Any, ...], surface: str) -> tuple[str, tuple[str, str]] | None:
    """(kind, (key, basis)) of a Latin surface the glossaries know as an org or a place."""
    for kind in ("org", "place"):
        found = _lookup(glossaries, surface, kind)
        # a place is taken as written in the gazetteer: keys fold "Young-joon" and
        # "Yeongcheon" alike, names on the page must not
        if found is not None and (kind != "place"
                                  or _letters(place_core(surface)) in _terms(glossaries).strict_places):
            return kind, found
    return None


def _plain_word(word: str, vocab: _Vocab, terms: _Terms) -> bool:
    """A lone capitalised word that no rule can make a name of by itself (most sentence
    starts): not an acronym, gazetteer word, title, surname or suffix."""
    return not (word in terms.acronyms or word in vocab.title_firsts or word in vocab.org_suffixes
                or word.lower() in terms.first_folds or fold(word) in terms.first_folds
                or latin_surname(word) is not None or "-" in word)


# what a word can do (see _word_flags)
_SKIP, _ACRONYM, _SURNAME, _FIRST, _TITLE, _ORG_PREFIX, _SUFFIX, _PLAIN = 1, 2, 4, 8, 16, 32, 64, 128
_STARTS = _ACRONYM | _FIRST | _TITLE | _ORG_PREFIX  # a name may start at such a word


@functools.lru_cache(maxsize=8192)
def _word_flags(glossaries: tuple[Any, ...], code: str, word: str) -> int:
    """The tests :func:`_read_chunk` makes of a word token, made once per word: a leading
    word to skip, a known acronym, a surname, the first word of a glossary name, of a title,
    of an "X of Y" organisation, a suffix (org, place, legal form), a plain word."""
    vocab = _vocab(code)
    terms = _terms(glossaries)
    flags = 0
    if word in vocab.leading_skip:
        flags |= _SKIP
    if word in terms.acronyms:
        flags |= _ACRONYM
    if latin_surname(word) is not None:
        flags |= _SURNAME
    if fold(word) in terms.first_folds or word.lower() in terms.first_folds:
        flags |= _FIRST
    if word in vocab.title_firsts:
        flags |= _TITLE
    if word in vocab.org_prefixes:
        flags |= _ORG_PREFIX
    if (word in vocab.org_suffixes or word in vocab.legal_forms or word in vocab.place_suffix_words
            or ("-" in word and word.endswith(vocab.place_hyphen_suffixes))):
        flags |= _SUFFIX
    if _plain_word(word, vocab, terms):
        flags |= _PLAIN
    return flags


def _read_chunk(text: str, ch: re.Match[str], toks: list[_Tok], flags: list[int], vocab: _Vocab,
                glossaries: tuple[Any, ...], terms: _Terms, used: set[int], out: list[_M]) -> None:
    """The names of one chunk (a run of capitalised words, what each can do in ``flags``),
    appended to ``out``; the indexes of the tokens they take go to ``used``."""
    code = vocab.code
    n = len(toks)
    prefixed = False  # a place prefix before the chunk ("the city of An-yang"): see i == 0
    i = 0
    role: str | None = None
    last_person: _M | None = None
    # tokens that may end a suffix name (an org or place suffix, a legal form): where there
    # is none within reach, the suffix search below cannot find anything and is skipped
    sufs = [j for j, f in enumerate(flags) if f & _SUFFIX]
    while i < n:
        t = toks[i]
        f = flags[i]
        if t.kind != "tok" or f & _SKIP:
            i += 1
            continue
        if i == 0:
            prefixed = _after_place_prefix(text, ch.start(), vocab)
        if (not f & _STARTS and (not sufs or sufs[-1] < i) and (i or not prefixed)
                and (i + 1 == n or not (f | flags[i + 1]) & _SURNAME)):
            i += 1  # no rule below starts a name here (none can, see each)
            continue
        # gazetteer and glossary names (longest first)
        if f & _ACRONYM:
            kind = terms.acronyms[t.text]
            found = _lookup(glossaries, t.text, kind)
            out.append(_M(t.start, t.end, kind, t.text, f"{code}.{kind}.gazetteer",
                          key=found[0] if found else None, basis=found[1] if found else None, strength=3))
            used.add(i)
            i += 1
            continue
        # Korean-style personal names: Kim Yoon-sang, Young-joon Oh (a surname, before or after)
        j = _person_at(toks, i, vocab) if i + 1 < n and (f | flags[i + 1]) & _SURNAME else i
        if j > i:
            if role is None and i == 0 and vocab.lower_title_re is not None:
                low = vocab.lower_title_re.search(text, max(0, t.start - 20), t.start)
                role = low.group(1) if low else None
            m = _M(t.start, toks[j - 1].end, "person", _tidy(text[t.start:toks[j - 1].end]),
                   f"{code}.person.romanised", role=role, strength=2)
            out.append(m)
            last_person = m
            used.update(range(i, j))
            i = j
            role = None
            continue
        hit = None
        if f & _FIRST:
            for j in range(min(n - 1, i + 9), i - 1, -1):
                if toks[j].kind != "tok":
                    continue
                found = _gazetteer_name(glossaries, text[t.start:toks[j].end])
                if found is not None:
                    hit = (j, *found)
                    break
        if hit is not None:
            j, kind, found = hit
            end = toks[j].end
            if j + 1 < n and toks[j + 1].kind == "year" and kind == "org":
                end, j = toks[j + 1].end, j + 1
            out.append(_M(t.start, end, kind, _tidy(text[t.start:end]), f"{code}.{kind}.gazetteer",
                          key=found[0], basis=found[1], strength=3))
            used.update(range(i, j + 1))
            i = j + 1
            continue
        # titles: Administrator, Chief Executive Officer
        k = _title_at(toks, i, vocab) if f & _TITLE else i
        if k > i:
            role = _tidy(text[t.start:toks[k - 1].end])
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
                    surface = _tidy(text[toks[k].start:toks[j - 1].end])
                    short = j == k + 1 and latin_surname(toks[k].text) is not None
                    m = _M(toks[k].start, toks[j - 1].end, "person", surface,
                           f"{code}.person.{'short' if short else 'title'}", role=role, short=short, strength=2)
                    out.append(m)
                    last_person = m
                    # the capitalised word before the title is where they work (RexGen CEO Oh)
                    if i > 0 and toks[i - 1].kind == "tok" and (i - 1) not in used \
                            and toks[i - 1].text not in vocab.not_names and not (
                                i - 1 == 0 and toks[i - 1].text in vocab.leading_skip
                                and _sentence_initial(text, ch.start())):
                        p = toks[i - 1]
                        out.append(_M(p.start, p.end, "org", p.text, f"{code}.org.affiliation"))
                        used.add(i - 1)
                    used.update(range(k, j))
                    i = j
                    role = None
                    continue
            i = k
            continue
        # organisations named "X of Y": Ministry of Economy and Finance
        if f & _ORG_PREFIX and i + 1 < n and toks[i + 1].kind == "conn":
            j = i + 1
            last = i
            while j < n and toks[j].kind in ("tok", "conn", "comma") and _title_at(toks, j, vocab) == j:
                if toks[j].kind == "tok":
                    last = j
                j += 1
            if last > i:
                out.append(_M(t.start, toks[last].end, "org", _tidy(text[t.start:toks[last].end]), f"{code}.org.prefix"))
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
            if j > i and _title_at(toks, j, vocab) > j:
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
                    elif end_j + 2 < n and toks[end_j + 1].kind == "comma" and toks[end_j + 2].text in vocab.legal_forms:
                        end_j += 2
                    else:
                        break
                if end_j + 1 < n and toks[end_j + 1].kind == "year":
                    end_j += 1
                s, e = toks[start_tok].start, toks[end_j].end
                out.append(_M(s, e, "org", _tidy(text[s:e]), f"{code}.org.suffix"))
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
                out.append(_M(s, e, "place", _tidy(text[s:e]), f"{code}.place.suffix"))
                used.update(range(start_tok, j + 1))
                i = j + 1
                found_suffix = True
                break
        if found_suffix:
            continue
        # "the city of An-yang"
        if i == 0 and prefixed and t.text not in vocab.not_names:
            out.append(_M(t.start, t.end, "place", t.text, f"{code}.place.prefix"))
            used.add(i)
        i += 1
