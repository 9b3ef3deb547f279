"""Names against names: one key is one name (perhaps read as two kinds), two entities the
gazetteer or glossary knows apart differ, and two Korean personal names are compared
syllable by syllable.

Two different places of the world tables (countries and cities: :mod:`factcheck.naming.tables`)
are unrelated in general, each reported missing: in translations a country is as often an
adjective (Russian Energy Minister = 러시아 에너지장관), an abbreviation (미 국무장관 = U.S.
Secretary of State), a capital standing for it (Washington) or part of another name (Gulf of
Mexico, Georgia the US state). Only in one slot (:func:`names_in_one_slot`) do they differ, and
the slot decides whether that is a conflict (:mod:`factcheck.compare.slots`). A business group
and one of its companies (삼성, Samsung Electronics), which news write for each other, are never
compared."""

from __future__ import annotations

from factcheck.compare import messages
from factcheck.compare.relation.base import EQUAL, UNRELATED, Relation
from factcheck.naming.keys import org_group, person_parts, reading, sound_key
from factcheck.naming.tables import city_country, key_class
from factcheck.values import Name

__all__ = ["TRUSTED_BASES", "name_relation", "names_in_one_slot", "names_may_match"]

#: where a name's key comes from when it is known, not guessed from a romanisation
TRUSTED_BASES = frozenset({"gazetteer", "glossary"})


def _person_relation(a: Name, b: Name) -> Relation:
    """Two Korean personal names with different keys: a conflict when a syllable differs
    (Kim Yoon-seok / 김윤상), uncertain when they look like two spellings of one name
    (Park Byeong-seug / 박병석), unrelated otherwise (a foreign name romanised two ways)."""
    from rapidfuzz import fuzz  # imported when first needed: most texts never compare two people

    pa, pb = person_parts(a.full_name or a.name), person_parts(b.full_name or b.name)
    if pa is None or pb is None:
        return UNRELATED
    (sa, ga), (sb, gb) = pa, pb
    if sa != sb and "".join(ga) != "".join(gb):
        return UNRELATED  # nothing in common: two people
    if sa != sb:
        if fuzz.ratio(sa, sb) >= 75:
            return Relation("uncertain", "spelling-variant", messages.surname_spellings(a.name, b.name))
        return Relation("different", "different-name", messages.SURNAME_DIFFERS)
    if len(ga) == len(gb) and len(ga) > 1:
        scores = [fuzz.ratio(x, y) for x, y in zip(ga, gb, strict=True)]
        if min(scores) < 70:
            return Relation("different", "different-name", messages.GIVEN_NAME_DIFFERS)
    elif fuzz.ratio("".join(ga), "".join(gb)) < 75:
        return Relation("different", "different-name", messages.GIVEN_NAME_DIFFERS)
    return Relation("uncertain", "spelling-variant", messages.name_spellings(a.name, b.name))


def name_relation(a: Name, b: Name) -> Relation:
    """Two names of the kinds person, org or place."""
    if a.key == b.key:
        if a.kind == b.kind:
            return EQUAL
        return Relation("compatible", "same-name", messages.same_name_two_kinds(a.kind, b.kind))
    if a.kind != b.kind:
        return UNRELATED
    if a.kind == "place" and (key_class(a.key) or key_class(b.key)):
        return UNRELATED
    if a.kind == "org" and (org_group(a.key) == b.key or org_group(b.key) == a.key):
        return UNRELATED
    if a.basis in TRUSTED_BASES and b.basis in TRUSTED_BASES:
        return Relation("different", "different-entity", messages.DIFFERENT_ENTITIES)
    if a.kind == "person":
        return _person_relation(a, b)
    return UNRELATED


def names_may_match(a: Name, b: Name) -> bool:
    """Whether :func:`name_relation` can say two names match (keep the two in step): only
    names with one key, or two persons (:func:`_person_relation`); any other two names are
    unrelated or different. The comparator pairs names through this test, not all with all."""
    return a.key == b.key or (a.kind == "person" and b.kind == "person")

#: the key of the country of the places of the Korean gazetteer
KOREA = "country:kr"

#: keys at least this alike (rapidfuzz ratio) may be two spellings of one name
_SPELLING_RATIO = 75


def _country(key: str) -> str | None:
    """The country of a place key: itself for a country, the country of a city of the world
    (by its time zone), Korea for a place of the Korean gazetteer."""
    cls = key_class(key)
    if cls == "country":
        return key
    return city_country(key) if cls else KOREA


def names_in_one_slot(a: Name, b: Name) -> Relation:
    """Two names of one kind that :func:`name_relation` leaves unrelated, known to fill one
    slot (the one name of the kind left over on each side of an aligned pair): two places the
    tables know are uncertain (a place against its own country is no slot); keys alike
    enough to be two spellings of one name match ("부시" / "Bush");
    otherwise they may be another name or the same name that nothing links (대법원 / "Supreme
    Court"): uncertain."""
    from rapidfuzz import fuzz  # imported when first needed

    if a.kind == "place" and a.basis in TRUSTED_BASES and b.basis in TRUSTED_BASES:
        # two places the tables know, one of them of the world: uncertain, never a conflict
        # (a translation names a country by its capital, an adjective, a dateline); a place
        # against its own country is the place said at another scale, no slot at all
        ca, cb = _country(a.key), _country(b.key)
        if (key_class(a.key) == "country") != (key_class(b.key) == "country"):
            if ca == cb:
                return UNRELATED
            return Relation("uncertain", "places-differ", messages.CITY_AND_COUNTRY)
        return Relation("uncertain", "places-differ", messages.WORLD_PLACES_DIFFER)
    if key_class(a.key) or key_class(b.key) or org_group(a.key) or org_group(b.key):
        # places of the world tables and companies of a group: their keys are codes, not
        # spellings (country:at / country:au), so a near key is no second spelling
        return Relation("uncertain", "places-differ" if a.kind == "place" else "names-unlinked",
                        messages.WORLD_PLACES_DIFFER if a.kind == "place" else messages.NAMES_UNLINKED)
    # two spellings of one name are a transliteration (부시 / Bush), judged by how they sound;
    # in one script, two keys that differ are two names (Hans Bosch / Hans Posch)
    ka, kb = sound_key(a.full_name or a.name), sound_key(b.full_name or b.name)
    if ka and kb and reading(a.name) != reading(b.name) and fuzz.ratio(ka, kb) >= _SPELLING_RATIO:
        return Relation("compatible", "spelling-variant", messages.name_spellings(a.name, b.name))
    return Relation("uncertain", "names-unlinked", messages.NAMES_UNLINKED)
