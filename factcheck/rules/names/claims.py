"""From mentions to claims: one analysis of a text finds people, organisations and places at
once, overlapping mentions are resolved, each name gets its key (a glossary's, else its
romanised or casefolded form), short references take the key of the full name they stand
for, and :func:`extract_person`, :func:`extract_org` and :func:`extract_place` return their
kind."""

from __future__ import annotations

import functools

from factcheck.claims import Claim
from factcheck.naming.hangul import is_hangul, korean_person, split_person, surname_key
from factcheck.naming.keys import affixes, fallback_key, person_key
from factcheck.rules.names.capitalised import scan_capitalised
from factcheck.rules.names.glued import scan_glued
from factcheck.rules.names.mention import Mention, by_start
from factcheck.rules.names.terms import Glossaries, GlossaryLike, glossaries_of, lookup, terms_of
from factcheck.rules.names.vocab import vocab_of
from factcheck.text.document import Document
from factcheck.values import Name

__all__ = ["analyse", "extract_org", "extract_person", "extract_place"]


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
    """Every person, org and place claim of a document (computed once per document)."""
    return _analysis(doc)[0]


_Analysis = tuple[tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...], tuple[Claim, ...]]


def _analysis(doc: Document) -> _Analysis:
    """(every name claim, the person claims, the org claims, the place claims) of a document."""
    done = doc.memo.get(_MEMO)
    if done is None:
        glossary: GlossaryLike | None = doc.glossary
        done = doc.memo[_MEMO] = _analyse(doc.text, doc.locale.code, glossary)
    result: _Analysis = done
    return result


_MEMO = "names.analysis"


def _analyse(text: str, code: str, glossary: GlossaryLike | None) -> _Analysis:
    vocab = vocab_of(code)
    glossaries = glossaries_of(glossary)
    terms = terms_of(glossaries)
    if vocab.capitalised:
        mentions = scan_capitalised(text, vocab, glossaries, terms)
    else:
        mentions = scan_glued(text, vocab, glossaries, terms)
    mentions = _resolve(mentions)
    claims = _claims(text, code, mentions, glossaries)
    by_kind: dict[str, list[Claim]] = {"person": [], "org": [], "place": []}
    for c in claims:
        by_kind[c.kind].append(c)
    return tuple(claims), tuple(by_kind["person"]), tuple(by_kind["org"]), tuple(by_kind["place"])


# ----------------------------------------------------------------------------- overlaps
def _rank(m: Mention) -> tuple[int, int, int]:
    return -m.strength, m.start - m.end, m.start


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Keep the strongest, then longest mention where mentions overlap (ties: the earlier
    start, then the earlier found). Which of a group of overlapping mentions is kept depends
    on that group alone, so a mention that overlaps no other is kept without ranking."""
    ordered = sorted(mentions, key=by_start)
    kept: list[Mention] = []
    group: list[Mention] = []
    group_end = -1
    for m in ordered:
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


def _resolve_group(group: list[Mention]) -> list[Mention]:
    """The mentions kept of a group of overlapping ones, by start."""
    kept: list[Mention] = []
    for m in sorted(group, key=_rank):  # stable: equal ranks start alike, so stay as found
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    kept.sort(key=by_start)
    return kept


# ----------------------------------------------------------------------------- keys and claims
def _full_surname(m: Mention) -> str | None:
    """The surname key a short reference must have to stand for the full name ``m``: the first
    part of a Korean name's key; for a name keyed as written (John Lee), the key of a surname
    of the table in it, if any."""
    if not m.key or "|" not in m.key:
        return None
    if is_hangul(m.name) or korean_person(m.name) is not None:
        return m.key.split("|", 1)[0]
    parts = split_person(m.name)
    return surname_key(parts[0]) if parts is not None else None


def _claims(text: str, code: str, mentions: list[Mention], glossaries: Glossaries) -> list[Claim]:
    drop_unlinked = vocab_of(code).short_needs_full
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
                m.key, m.basis, m.full_name = owner.key, "linked", without_legal_form(owner.name)
                m.value = None
    fulls = [(m, sur) for m in mentions
             if m.kind == "person" and not m.short and (sur := _full_surname(m)) is not None]
    for m in mentions:
        if not m.short:
            continue
        sur = person_key(m.name)
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
            value = _name_value(kind, without_legal_form(m.name) if kind == "org" else m.name, m.key or "",
                                m.basis or "romanised", m.full_name)
        out.append(Claim(kind, text[m.start:m.end], m.start, m.end, value, m.rule, code, None, None, m.role))
    return out


@functools.lru_cache(maxsize=4096)
def _keyed(glossaries: Glossaries, kind: str, name: str) -> tuple[str, str, Name]:
    """(key, basis, claim value) of a name: the key from the glossaries, else romanised."""
    found = lookup(glossaries, name, kind)
    key, basis = found if found is not None else (fallback_key(name, kind), "romanised")
    return key, basis, _name_value(kind, without_legal_form(name) if kind == "org" else name, key or "",
                                   basis or "romanised", None)


@functools.lru_cache(maxsize=4096)
def _name_value(kind: str, name: str, key: str, basis: str, full_name: str | None) -> Name:
    """The (immutable) value of a name claim: equal names share one."""
    return Name(kind, name, key, basis, full_name)


@functools.lru_cache(maxsize=4096)
def without_legal_form(name: str) -> str:
    """렉스젠 주식회사 -> 렉스젠, "RexGen Co., Ltd." -> "RexGen" (the name, tidied)."""
    legal = affixes()[2]
    changed = True
    while changed:
        changed = False
        for form in legal:
            if name.endswith(form) and len(name) > len(form):
                name, changed = name[: -len(form)].rstrip(" ,"), True
            elif name.startswith(form) and len(name) > len(form):
                name, changed = name[len(form):].lstrip(), True
    return name
