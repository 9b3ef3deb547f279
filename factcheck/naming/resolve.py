"""Name keys with the glossaries applied: the user's glossary, then the bundled gazetteer, then
the folded name; and the two questions users ask of names (the same entity? a near miss?)."""

from __future__ import annotations

from typing import TypeAlias

from factcheck.claims import Claim
from factcheck.naming.glossary import Glossary, bundled_gazetteer
from factcheck.naming.keys import NAME_KINDS, compose_org, fallback_key, org_core, org_parts
from factcheck.values import Name

__all__ = ["STEM_KINDS", "NameLike", "name_key", "same_entity", "near_miss_score"]

#: what the name questions take: a name claim, its Name value, or a ``(surface, kind)`` pair
NameLike: TypeAlias = Claim | Name | tuple[str, str]


def name_key(surface: str, kind: str, lang: str | None = None, *, glossary: Glossary | None = None) -> str:
    """The comparison key of a person, org or place name written in Hangul or Latin letters.

    ``glossary`` (see :func:`factcheck.glossary.load_glossary`) is consulted first, then the
    bundled gazetteer; an organisation named by a known name and an organisation word
    (삼성중공업, Samsung Heavy Industries) composes the known name's key with the word's concept;
    any other name is folded. ``lang`` is accepted for symmetry with the rest of the API; the
    script of ``surface`` decides how it is read."""
    if kind not in NAME_KINDS:
        raise ValueError(f"kind must be one of {NAME_KINDS}, not {kind!r}")
    glossaries = [g for g in (glossary, bundled_gazetteer()) if g is not None]
    key = _known(glossaries, surface, kind)
    if key is not None:
        return key
    if kind == "org":
        stem, concept = org_parts(surface)
        if stem != org_core(surface):
            for stem_kind in STEM_KINDS:
                known = _known(glossaries, stem, stem_kind)
                if known is not None:
                    return compose_org(known, concept)
    return fallback_key(surface, kind)


#: the kinds of known names an organisation's name may be built on (삼성 + 전자, 부산 + 은행)
STEM_KINDS = ("org", "place")


def _known(glossaries: list[Glossary], surface: str, kind: str) -> str | None:
    for g in glossaries:
        key = g.lookup(surface, kind)
        if key is not None:
            return key
    return None


def _key_of(item: NameLike) -> tuple[str, str]:
    """(kind, key) of a name claim, a Name value or a ``(surface, kind)`` pair."""
    if isinstance(item, tuple):
        surface, name_kind = item[0], item[1]
        return name_kind, name_key(surface, name_kind)
    value = getattr(item, "value", item)
    key = getattr(value, "key", None)
    kind = getattr(value, "kind", None) or getattr(item, "kind", None)
    if isinstance(key, str) and isinstance(kind, str):
        return kind, key
    raise TypeError(f"cannot take a name key of {item!r}")


def same_entity(a: NameLike, b: NameLike) -> bool:
    """True when two name claims (or Name values, or ``(surface, kind)`` pairs) have the same
    kind and equal keys. This, and only this, is a match."""
    ka, kb = _key_of(a), _key_of(b)
    return ka[0] == kb[0] and ka[1] == kb[1]


def near_miss_score(a: NameLike, b: NameLike) -> float:
    """A 0-100 similarity of two names' keys (rapidfuzz ratio), 0 across kinds.

    Use it only to find near misses worth reporting ("Kim Yoon-sang" vs "Kim Yoon-seok" score
    about 92): a high score is *not* a match, since different people score as high."""
    from rapidfuzz import fuzz

    ka, kb = _key_of(a), _key_of(b)
    if ka[0] != kb[0]:
        return 0.0
    return float(fuzz.ratio(ka[1], kb[1]))
