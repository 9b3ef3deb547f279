"""The bundled name tables, read as rows of names: the gazetteer of Korean bodies and places,
the companies, and the places of the world (never importing babel).

Files of ``factcheck/data/`` (each states its source at its top):

- ``gazetteer_ko_en.tsv``: Korean central government bodies, provinces and cities;
- ``companies_ko_en.tsv``: Korean business groups, listed companies and public corporations;
- ``places_cldr.json``: countries and territories (by ISO 3166 code) and the exemplar cities
  of the time zones (by zone ID), named in every locale, generated from CLDR by
  ``scripts/gen_places.py``;
- ``places_aliases.tsv``: hand-written corrections and additions to the CLDR tables.

A TSV row is ``kind, key, names...`` (the names of all further columns, ``|`` between names).
A name written ``~name`` is known for keys but not looked for in running text on its own;
``!name`` (aliases file only) takes a CLDR name away from its entity.

The places of the world get keys of their own: ``country:`` and the lowercase ISO code for a
country, ``city:`` and the zone ID's last part for a city (``city:ho-chi-minh``), or the key
of the aliases file.
A name that an earlier entity has (the Korean gazetteer first, then countries, then cities) is
not given to a later one, so Kuwait the city is Kuwait the country and Seoul keeps the
gazetteer's key; a Latin name is also known without its diacritics and with straight
apostrophes (Sao Tome, St. John's); an entity left without a name in a Hangul and one in a Latin script is
dropped (it could not link the two languages).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.naming.generic import casefold_key, without_marks
from factcheck.naming.hangul import is_hangul, roman_scripts
from factcheck.naming.scripts import has_letter

__all__ = ["CITY", "COUNTRY", "Row", "city_country", "company_rows", "gazetteer_rows", "key_class", "world_place_rows"]

#: the prefixes of the keys of countries and territories, and of the other places of the world
COUNTRY, CITY = "country:", "city:"
#: a name known for keys only / a CLDR name taken away (first character of a TSV cell name)
_HIDDEN, _REMOVED = "~", "!"
#: how CLDR qualifies a name that is not the place's own ("Myanmar (Burma)", "홍콩(중국 특별행정구)")
_QUALIFIER = re.compile(r"\s*\(.*\)\s*$")
#: CLDR writes apostrophes curly (St. John’s); text often has straight ones
_CURLY_APOSTROPHE = "’"
#: CLDR names of a city that name it with its state or region ("Knox, Indiana")
_QUALIFIED_CITY = ","


@dataclass(frozen=True)
class Row:
    """One entity of a table: its kind, key, every name, and the names looked for in text."""

    kind: str
    key: str
    terms: tuple[str, ...]
    scan: tuple[str, ...]


def key_class(key: str) -> str:
    """The class of a place key: ``"country"`` for a country or territory, ``"city"`` for
    another place of the world tables, ``""`` for any other (the Korean gazetteer's, a
    glossary's, a romanised one)."""
    for prefix in (COUNTRY, CITY):
        if key.startswith(prefix):
            return prefix[:-1]
    return ""


def _data_text(name: str) -> str:
    return importlib.resources.files("factcheck").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[tuple[str, str, list[str]]]:
    """(kind, key, names as written, flags kept) of every row of a TSV table."""
    out = []
    for line in _data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        names = [t.strip() for cell in cols[2:] for t in cell.split("|") if t.strip()]
        out.append((cols[0].strip(), cols[1].strip(), names))
    return out


def _row(kind: str, key: str, names: Iterable[str]) -> Row:
    terms: list[str] = []
    scan: list[str] = []
    for t in names:
        hidden = t.startswith(_HIDDEN)
        t = t.lstrip(_HIDDEN)
        terms.append(t)
        if not hidden:
            scan.append(t)
    return Row(kind, key, tuple(terms), tuple(scan))


@functools.lru_cache(maxsize=1)
def gazetteer_rows() -> tuple[Row, ...]:
    """The rows of ``gazetteer_ko_en.tsv``."""
    return tuple(_row(kind, key, names) for kind, key, names in _tsv("gazetteer_ko_en.tsv"))


@functools.lru_cache(maxsize=1)
def company_rows() -> tuple[Row, ...]:
    """The rows of ``companies_ko_en.tsv``."""
    return tuple(_row(kind, key, names) for kind, key, names in _tsv("companies_ko_en.tsv"))


def _city_key(zone: str) -> str:
    return CITY + zone.rsplit("/", 1)[-1].lower().replace("_", "-")


def _cldr_names(names: dict[str, str]) -> list[str]:
    """A CLDR entity's names in every locale, and each without a qualifier in parentheses."""
    out: list[str] = []
    for name in names.values():
        out.append(name)
        bare = _QUALIFIER.sub("", name)
        if bare and bare != name:
            out.append(bare)
    return out


@functools.lru_cache(maxsize=1)
def world_place_rows() -> tuple[Row, ...]:
    """Countries, territories and cities of the world (see the module doc), without the names
    the Korean gazetteer has."""
    data = json.loads(_data_text("places_cldr.json"))
    # key -> {name: hidden}, in the order entities and names come
    entities: dict[str, dict[str, bool]] = {}
    for code, names in data["countries"].items():
        entities[COUNTRY + code.lower()] = dict.fromkeys(_cldr_names(names), False)
    for zone, names in data["cities"].items():
        kept = [n for n in _cldr_names(names) if _QUALIFIED_CITY not in n]
        entities.setdefault(_city_key(zone), {}).update(dict.fromkeys(kept, False))
    for kind, key, names in _tsv("places_aliases.tsv"):
        if kind != "place":
            continue
        entity = entities.setdefault(key, {})
        for t in names:
            if t.startswith(_REMOVED):
                entity.pop(t[1:], None)
            else:
                entity[t.lstrip(_HIDDEN)] = t.startswith(_HIDDEN)
    owned = {casefold_key(t) for row in gazetteer_rows() if row.kind == "place" for t in row.terms}
    rows: list[Row] = []
    latin = roman_scripts()
    for key, names in entities.items():
        terms: dict[str, bool] = {}
        for t, hidden in names.items():
            plain = without_marks(t)
            for form in dict.fromkeys((t, plain, plain.replace(_CURLY_APOSTROPHE, "'"))):
                terms.setdefault(form, hidden)
        mine = {t: h for t, h in terms.items() if casefold_key(t) not in owned}
        owned.update(casefold_key(t) for t in mine)
        if not (any(is_hangul(t) for t in mine) and any(has_letter(t, latin) for t in mine)):
            continue
        rows.append(Row("place", key, tuple(mine), tuple(t for t, h in mine.items() if not h)))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    data = json.loads(_data_text("places_cldr.json"))
    return {_city_key(zone): COUNTRY + code.lower() for zone, code in data.get("city_countries", {}).items()}


def city_country(key: str) -> str | None:
    """The key of the country a city of the world tables is in (``city:vienna`` ->
    ``country:at``, by its time zone), or None when the tables do not say."""
    return _city_countries().get(key)
