"""Regenerate ``factcheck/data/places_cldr.json`` from babel's CLDR data.

Two tables of place names and the country of each city, in the CLDR locale of every locale file (``[locale] cldr``):

- ``countries``: the display name of every territory CLDR keeps population and language data
  for (its supplemental ``territoryInfo``, babel's ``territory_languages``), keyed by ISO 3166
  code. That leaves out groupings (EU, the euro area, the United Nations, "Outlying Oceania")
  and private-use codes; ``ZZ``, CLDR's "Unknown Region", is left out by name.
- ``city_countries``: the country (ISO 3166 code) of the time zone of each city;
- ``cities``: the exemplar city of every CLDR time zone (``Asia/Seoul`` -> 서울, Seoul), keyed by
  IANA zone ID (CLDR may file a zone's names under an older ID of it, ``Asia/Saigon``
  for ``Asia/Ho_Chi_Minh``), ``Etc/`` zones left out. A locale without its own exemplar city for a zone takes the
  name CLDR derives from the zone ID (the last part, underscores as spaces: ``New York``), but
  only when the locale is written in Latin letters, the letters of the IDs.

The run-time reader (:mod:`factcheck.naming.tables`) never imports babel; it applies the
hand-written corrections and aliases of ``factcheck/data/places_aliases.tsv`` on top. The file
records the babel and CLDR versions it was built with (``"generator"``); ``--check`` compares
(see ``scripts/gen_cldr.py`` and ``tests/test_generated_data.py``).

Usage: ``python scripts/gen_places.py`` (writes the file) or ``--check`` (exit 1 on drift).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "places_cldr.json"

#: CLDR's code for an unknown region (it has territory data, but names no place)
UNKNOWN_REGION = "ZZ"
#: time zones that are offsets, not places (Etc/UTC, Etc/GMT+5, Etc/Unknown)
NOT_PLACES = "Etc/"
#: the script of time-zone IDs, in which CLDR's derived city names are written
ID_SCRIPT = "Latin"


def cldr_locales() -> dict[str, tuple[str, ...]]:
    """CLDR locale -> the scripts its locale file says the language is written in."""
    from factcheck.locale.files import locale_codes, read_locale_file

    out: dict[str, tuple[str, ...]] = {}
    for code in locale_codes():
        meta = read_locale_file(code)["locale"]
        out.setdefault(meta.get("cldr", code), tuple(meta.get("scripts", ())))
    return dict(sorted(out.items()))


def inputs() -> dict[str, str]:
    """The generator's inputs: the installed babel and the CLDR release it carries."""
    import babel
    from babel.core import get_cldr_version

    return {"babel": babel.__version__, "cldr": str(get_cldr_version()), "script": "scripts/gen_places.py"}


def _city_from_id(zone: str) -> str:
    """CLDR's fallback exemplar city of a zone: the last part of its ID, underscores as spaces."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def build() -> dict[str, Any]:
    from babel import Locale
    from babel.core import get_global

    locales = cldr_locales()
    data = {loc: Locale.parse(loc) for loc in locales}
    territories = sorted(c for c in get_global("territory_languages") if c.isalpha() and c != UNKNOWN_REGION)
    countries: dict[str, dict[str, str]] = {}
    for code in territories:
        names = {loc: data[loc].territories[code] for loc in locales if code in data[loc].territories}
        if names:
            countries[code] = names
    zones = sorted(z for z in get_global("zone_territories") if not z.startswith(NOT_PLACES))
    # locale data may be filed under an older ID of the zone (Asia/Saigon for Asia/Ho_Chi_Minh)
    ids: dict[str, list[str]] = {z: [z] for z in zones}
    for old, new in sorted(get_global("zone_aliases").items()):
        if new in ids:
            ids[new].append(old)
    cities: dict[str, dict[str, str]] = {}
    for zone in zones:
        names = {}
        for loc, scripts in locales.items():
            found = (data[loc].time_zones.get(z) or {} for z in ids[zone])
            city = next((c for entry in found if (c := entry.get("city"))), None)
            if not city and ID_SCRIPT in scripts:
                city = _city_from_id(zone)
            if city:
                names[loc] = city
        if names:
            cities[zone] = names
    # the country of each city named: a city against its own country is no other place
    zone_countries = get_global("zone_territories")
    city_countries = {z: zone_countries[z] for z in cities if zone_countries.get(z, UNKNOWN_REGION) in countries}
    return {"generator": inputs(), "countries": countries, "cities": cities, "city_countries": city_countries}


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _generated import write_or_check

    return write_or_check(PATH, build(), render, "scripts/gen_places.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
