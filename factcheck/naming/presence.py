"""Whether a text names an entity of the bundled tables at all, in any form: as a name the
extractor reads, inside a longer word (멕시코만, 조지아주: Korean writes names glued to what
follows) or as a word derived from it (Korean, Iranian, German: alphabetic scripts derive
adjectives by changing a name's last letters). A comparison uses it before it calls two
different names in one slot a conflict: a text that names the entity elsewhere, in any form,
may well be saying the same thing another way."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from factcheck.naming.hangul import is_hangul
from factcheck.naming.tables import company_rows, gazetteer_rows, world_place_rows

__all__ = ["entity_terms", "named_in"]

#: a name in an alphabetic script is looked for by its first letters: all but this many of its
#: last letters (Germany -> German, China -> Chinese) ...
_STEM_DROP = 2
#: ... keeping at least this many (shorter names are looked for whole)
_STEM_MIN = 4
#: a name in Hangul is looked for inside words when it has at least this many syllables
_HANGUL_MIN = 2


@functools.lru_cache(maxsize=1)
def _terms_by_key() -> Mapping[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in gazetteer_rows() + company_rows() + world_place_rows():
        out.setdefault(row.key, []).extend(row.terms)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def entity_terms(key: str) -> tuple[str, ...]:
    """Every name the bundled tables know for the entity ``key`` (none for another key)."""
    return _terms_by_key().get(key, ())


@functools.lru_cache(maxsize=4096)
def _pattern(key: str) -> re.Pattern[str] | None:
    parts: list[str] = []
    for term in entity_terms(key):
        if is_hangul(term):
            if len(term) >= _HANGUL_MIN:
                parts.append(re.escape(term))
            continue
        letters = sum(ch.isalpha() for ch in term)
        if letters < _STEM_MIN or not term[-1].isalpha():
            parts.append(rf"(?<!\w){re.escape(term)}(?!\w)")
        else:
            stem = term[:max(_STEM_MIN, len(term) - _STEM_DROP)]
            parts.append(rf"(?<!\w){re.escape(stem)}")
    if not parts:
        return None
    return re.compile("|".join(sorted(set(parts), key=lambda p: (-len(p), p))), re.IGNORECASE)


def named_in(key: str, text: str) -> bool:
    """Whether ``text`` names the entity ``key`` of the bundled tables in any form (see the
    module doc); False for a key the tables do not know."""
    pattern = _pattern(key)
    return pattern is not None and pattern.search(text) is not None
