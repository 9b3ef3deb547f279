"""The tokens of a chunk (a run of capitalised words) in a capitalised script, and what each
word can do: start a glossary name, a title or an "X of Y" organisation, end a name as a
suffix, stand for a surname (:func:`tokens`, the flags below)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.naming.hangul import fold, latin_surname
from factcheck.rules.names.terms import Glossaries, Terms, terms_of
from factcheck.rules.names.vocab import Vocab, vocab_of

__all__ = [
    "ACRONYM", "FIRST", "ORG_PREFIX", "PLAIN", "SKIP", "STARTS", "SUFFIX", "SURNAME", "TITLE",
    "Tok", "after_place_prefix", "sentence_initial", "tokens",
]


@dataclass(slots=True)
class Tok:
    """A token of a chunk: a capitalised word, a year, a connector or a comma."""

    start: int
    end: int
    text: str
    kind: str  # tok | year | conn | comma


def after_place_prefix(text: str, pos: int, vocab: Vocab) -> bool:
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


def sentence_initial(text: str, pos: int) -> bool:
    """True when nothing but quotes and spaces stand between ``pos`` and the start of the text
    or the end of a sentence or a list item."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;•*▶-–—"


def tokens(text: str, chunk: re.Match[str], vocab: Vocab,
           glossaries: Glossaries) -> tuple[list[Tok], list[int]]:
    """The tokens of a chunk and what each word token can do (:func:`_word_flags`)."""
    assert vocab.token_re is not None
    code = vocab.code
    whole = chunk.group(0)
    base = chunk.start()
    if " " not in whole and "," not in whole and "\t" not in whole:  # one word
        word, size, kind, flags = _word_token(glossaries, code, whole)
        return [Tok(base, base + size, word, kind)], [flags]
    toks: list[Tok] = []
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
            toks.append(Tok(s, s + size, word, kind))
            every.append(flags)
            if comma:
                toks.append(Tok(base + pos - 1, base + pos, ",", "comma"))
                every.append(0)
        return toks, every
    for m in vocab.token_re.finditer(text, chunk.start(), chunk.end()):
        kind = m.lastgroup or "tok"
        if kind == "tok":
            word, size, kind, flags = _word_token(glossaries, code, m.group())
            toks.append(Tok(m.start(), m.start() + size, word, kind))
            every.append(flags)
        else:
            toks.append(Tok(m.start(), m.end(), m.group(), kind))
            every.append(0)
    return toks, every


@functools.lru_cache(maxsize=8192)
def _word_token(glossaries: Glossaries, code: str, raw: str) -> tuple[str, int, str, int]:
    """(text, length, kind, flags) of the token a word of a chunk makes: a capitalised word
    (without a full stop, a possessive, a hyphenated tail: see :func:`_token`), a year (it
    starts with a digit) or a connector."""
    first = raw[0]
    if first.isupper():
        if raw in terms_of(glossaries).acronyms:  # U.S., U.K.: the full stop is the name's
            return raw, len(raw), "tok", _word_flags(glossaries, code, raw)
        t = _token(0, len(raw), raw, vocab_of(code))
        return t.text, t.end, "tok", _word_flags(glossaries, code, t.text)
    return raw, len(raw), ("year" if "0" <= first <= "9" else "conn"), 0


def _token(s: int, e: int, word: str, vocab: Vocab) -> Tok:
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
    return Tok(s, e, word, "tok")


def _plain_word(word: str, vocab: Vocab, terms: Terms) -> bool:
    """A lone capitalised word that no rule can make a name of by itself (most sentence
    starts): not an acronym, gazetteer word, title, surname or suffix."""
    return not (word in terms.acronyms or word in vocab.title_firsts or word in vocab.org_suffixes
                or word.lower() in terms.first_folds or fold(word) in terms.first_folds
                or latin_surname(word) is not None or "-" in word)


# what a word can do (see _word_flags)
SKIP, ACRONYM, SURNAME, FIRST, TITLE, ORG_PREFIX, SUFFIX, PLAIN = 1, 2, 4, 8, 16, 32, 64, 128
STARTS = ACRONYM | FIRST | TITLE | ORG_PREFIX  # a name may start at such a word


@functools.lru_cache(maxsize=8192)
def _word_flags(glossaries: Glossaries, code: str, word: str) -> int:
    """The tests :func:`read_chunk` makes of a word token, made once per word: a leading
    word to skip, a known acronym, a surname, the first word of a glossary name, of a title,
    of an "X of Y" organisation, a suffix (org, place, legal form), a plain word."""
    vocab = vocab_of(code)
    terms = terms_of(glossaries)
    flags = 0
    if word in vocab.leading_skip:
        flags |= SKIP
    if word in terms.acronyms:
        flags |= ACRONYM
    if latin_surname(word) is not None:
        flags |= SURNAME
    if fold(word) in terms.first_folds or word.lower() in terms.first_folds:
        flags |= FIRST
    if word in vocab.title_firsts:
        flags |= TITLE
    if word in vocab.org_prefixes:
        flags |= ORG_PREFIX
    if (word in vocab.org_suffixes or word in vocab.legal_forms or word in vocab.place_suffix_words
            or ("-" in word and word.endswith(vocab.place_hyphen_suffixes))):
        flags |= SUFFIX
    if _plain_word(word, vocab, terms):
        flags |= PLAIN
    return flags
