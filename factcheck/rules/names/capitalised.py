"""Names in a capitalised script (English): runs of capitalised words (chunks) read by
:func:`factcheck.rules.names.chunks.read_chunk`, then acronyms defined in the text ("Public
Procurement Service (PPS)") and bare recurrences of the names, acronyms and surnames found."""

from __future__ import annotations

import re

from factcheck.naming.hangul import split_person
from factcheck.naming.keys import org_core
from factcheck.naming.resolve import name_key
from factcheck.rules.names.chunks import read_chunk
from factcheck.rules.names.mention import Mention, tidy_name
from factcheck.rules.names.terms import Glossaries, Terms, lookup
from factcheck.rules.names.tokens import PLAIN, Tok, after_place_prefix, tokens
from factcheck.rules.names.vocab import Vocab

__all__ = ["scan_capitalised"]


def scan_capitalised(text: str, vocab: Vocab, glossaries: Glossaries, terms: Terms) -> list[Mention]:
    """The name mentions of a text in a capitalised script, overlapping ones included (the
    caller resolves overlaps); keys are set where a rule knows them (glossary names, acronyms)."""
    assert vocab.chunk_re is not None
    code = vocab.code
    out: list[Mention] = []
    chunks: list[tuple[re.Match[str], list[Tok], set[int]]] = []
    in_parens = []  # indexes of the chunks right after "(" (an acronym defined, perhaps)
    skip = vocab.not_names
    if terms.cased_re is not None:  # glossary names written with a lowercase word (SK hynix)
        for cm in terms.cased_re.finditer(text):
            for kind in ("org", "place", "person"):
                found = lookup(glossaries, cm.group(1), kind)
                if found is not None:
                    out.append(Mention(cm.start(1), cm.end(1), kind, tidy_name(cm.group(1)),
                                       f"{code}.{kind}.gazetteer", key=found[0], basis=found[1], strength=3))
                    break
    for ch in vocab.chunk_re.finditer(text):
        word = ch.group(0)
        if word in skip or (word[-1:] == "." and word[:-1] in skip):
            continue  # a lone "The", "Thursday", "AI"
        toks, flags = tokens(text, ch, vocab, glossaries)
        used: set[int] = set()
        if ch.start() and text[ch.start() - 1] == "(":
            in_parens.append(len(chunks))
        chunks.append((ch, toks, used))
        if len(toks) == 1 and flags[0] & PLAIN and not after_place_prefix(text, ch.start(), vocab):
            continue  # a lone word no rule makes a name of (most sentence starts)
        read_chunk(text, ch, toks, flags, vocab, glossaries, terms, used, out)

    # acronyms defined in the text: "Public Procurement Service (PPS)", "KOPPEX (Korea ...)"
    acronyms: dict[str, Mention] = {}
    n_found = len(out)  # the mentions found so far (by_end, by_start), made when first needed
    by_end: dict[int, Mention] | None = None
    by_start: dict[int, Mention] = {}
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
            by_end = {m.end: m for m in out[:n_found] if m.kind in ("org", "place") and not m.short}
            by_start = {m.start: m for m in out[:n_found] if m.kind in ("org", "place") and not m.short}
        a, b = toks, nxt[1]
        rest = _skip_leading(a, vocab)
        long_start = rest[0].start if rest else ch.start()
        long = by_end.get(ch.end())
        if long is not None:
            long_start = long.start
        if len(b) == 1 and _acronym_of(b[0].text, text[long_start:ch.end()]):
            if long is None:
                long = Mention(long_start, ch.end(), "org", tidy_name(text[long_start:ch.end()]), f"{code}.org.defined")
                out.append(long)
            short = Mention(b[0].start, b[0].end, long.kind, b[0].text, f"{code}.{long.kind}.acronym", strength=3)
            out.append(short)
            acronyms[b[0].text] = long
            nxt[2].update(range(len(b)))
        elif len(a) == 1 and _acronym_of(a[0].text, text[nxt[0].start():nxt[0].end()]):
            long = by_start.get(nxt[0].start())
            if long is None:
                long = Mention(nxt[0].start(), nxt[0].end(), "org", tidy_name(text[nxt[0].start():nxt[0].end()]),
                               f"{code}.org.defined")
                out.append(long)
            out.append(Mention(a[0].start, a[0].end, long.kind, a[0].text, f"{code}.{long.kind}.acronym", strength=3))
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
    for _, toks, used in (chunks if targets else ()):
        for i, t in enumerate(toks):
            if t.text not in targets or t.kind != "tok" or i in used:
                continue
            if t.text in acronyms:
                long = acronyms[t.text]
                m2 = Mention(t.start, t.end, long.kind, t.text, f"{code}.{long.kind}.acronym", strength=1)
                out.append(m2)
                pending.append((m2, long))
            elif t.text in orgs:
                out.append(Mention(t.start, t.end, "org", t.text, f"{code}.org.recurring", strength=0))
            elif t.text in surnames:
                nxt_text = text[t.end:t.end + 1]
                if t.text in vocab.interjections and nxt_text in (",", "!"):
                    continue
                after = toks[i + 1] if i + 1 < len(toks) else None
                if after is not None and after.kind == "tok" and after.start - t.end <= 1:
                    continue  # part of another name
                out.append(Mention(t.start, t.end, "person", t.text, f"{code}.person.short", short=True))
    for m, long in pending:
        if long.key is None:
            known = lookup(glossaries, long.name, long.kind)
            long.key, long.basis = (known if known else (name_key(long.name, long.kind), "romanised"))
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


def _skip_leading(toks: list[Tok], vocab: Vocab) -> list[Tok]:
    i = 0
    while i < len(toks) and (toks[i].kind != "tok" or toks[i].text in vocab.leading_skip):
        i += 1
    return toks[i:]
