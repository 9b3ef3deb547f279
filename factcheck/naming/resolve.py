"""Name keys with the glossaries applied: the user's glossary, then the bundled gazetteer, then
the folded name; and the two questions users ask of names (the same entity? a near miss?)."""

from __future__ import annotations

from typing import Any

from factcheck.naming.glossary import Glossary, bundled_gazetteer
from factcheck.naming.keys import NAME_KINDS, fallback_key

__all__ = ["name_key", "same_entity", "near_miss_score"]


def name_key(surface: str, kind: str, lang: str | None = None, *, glossary: Glossary | None = None) -> str:
    """The comparison key of a person, org or place name written in Hangul or Latin letters.

    ``glossary`` (see :func:`factcheck.glossary.load_glossary`) is consulted first, then the
    bundled gazetteer, then the name is folded. ``lang`` is accepted for symmetry with the
    rest of the API; the script of ``surface`` decides how it is read."""
    if kind not in NAME_KINDS:
        raise ValueError(f"kind must be one of {NAME_KINDS}, not {kind!r}")
    for g in (glossary, bundled_gazetteer()):
        if g is not None:
            key = g.lookup(surface, kind)
            if key is not None:
                return key
    return fallback_key(surface, kind)


def _key_of(item: Any, kind: str | None = None) -> tuple[str, str]:
    value = getattr(item, "value", item)
    key = getattr(value, "key", None)
    k = getattr(value, "kind", None) or getattr(item, "kind", None) or kind
    if key is None:
        if isinstance(item, tuple):
            surface, k = item[0], item[1]
            return k, name_key(surface, k)
        raise TypeError(f"cannot take a name key of {item!r}")
    return k, key


def same_entity(a: Any, b: Any) -> bool:
    """True when two name claims (or Name values, or ``(surface, kind)`` pairs) have the same
    kind and equal keys. This, and only this, is a match."""
    ka, kb = _key_of(a), _key_of(b)
    return ka[0] == kb[0] and ka[1] == kb[1]


def near_miss_score(a: Any, b: Any) -> float:
    """A 0-100 similarity of two names' keys (rapidfuzz ratio), 0 across kinds.

    Use it only to find near misses worth reporting ("Kim Yoon-sang" vs "Kim Yoon-seok" score
    about 92): a high score is *not* a match, since different people score as high."""
    from rapidfuzz import fuzz

    ka, kb = _key_of(a), _key_of(b)
    if ka[0] != kb[0]:
        return 0.0
    return float(fuzz.ratio(ka[1], kb[1]))
