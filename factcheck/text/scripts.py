"""Which language a text is in: scripts of letters, the locale a line is written in, and runs
of lines in one language (a Korean release followed by its English version)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from factcheck.locale.loader import available_locales, locale_meta, script_of

__all__ = ["detect_language", "language_runs"]

_WORD = re.compile(r"[^\W\d_]+")
#: the script of a letter, remembered for the letters met most (a pure function of one character)
_script_of = functools.lru_cache(maxsize=4096)(script_of)


def detect_language(text: str, *, default: str | None = "") -> str | None:
    """Pick the locale whose script has the most letters in ``text``; locales that share a
    script (English and German are both Latin) are told apart by their ``common_words``.

    Text without any letter of a supported script gets ``default``; the empty-string default
    means the first locale in code order (digits, signs and ISO codes read the same in every
    locale)."""
    return _detect(text, available_locales(), default)


def _detect(text: str, codes: tuple[str, ...], default: str | None) -> str | None:
    """:func:`detect_language` among the locales ``codes`` (listed once by the caller)."""
    counts = Counter(map(_script_of, filter(str.isalpha, text)))
    scored: list[tuple[int, str]] = []
    for code in codes:
        n = sum(counts.get(s, 0) for s in locale_meta(code)[0])
        if n:
            scored.append((n, code))
    if not scored:
        return codes[0] if default == "" else default
    best = max(n for n, _ in scored)
    tied = [code for n, code in scored if n == best]
    if len(tied) == 1:
        return tied[0]
    words = [w.lower() for w in _WORD.findall(text)]
    hits = {code: sum(1 for w in words if w in locale_meta(code)[1]) for code in tied}
    return max(tied, key=lambda c: (hits[c], -tied.index(c)))


def language_runs(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into maximal runs of lines of one detected language.

    A line without letters (a figure, a blank line) joins the run before it."""
    runs: list[tuple[int, int, str]] = []
    pos = 0
    pending_start = 0
    current: str | None = None
    codes = available_locales()
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        lang = _detect(line, codes, None) if any(ch.isalpha() for ch in line) else None
        if lang is not None:
            if current is None:
                current = lang
            elif lang != current:
                runs.append((pending_start, pos, current))
                pending_start, current = pos, lang
        pos = end
    if current is None:
        current = detect_language(text) or "en"
    runs.append((pending_start, len(text), current))
    return runs
