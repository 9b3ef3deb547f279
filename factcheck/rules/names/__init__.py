"""Rules for names: people, organisations and places.

One analysis per text finds all three kinds at once (a title links a person to the
organisation glued before it: 조달청장 is 조달청 + 장), then :func:`extract_person`,
:func:`extract_org` and :func:`extract_place` each return their kind. Everything a language
contributes is data (``factcheck/locales/names/<code>.toml``): titles, particles, surname
spellings, suffixes, stop words. The data also says *how* the language writes names:

- ``capitalised = true`` (English): names are runs of capitalised words (capitals of any
  letter of the language's scripts: Émile Zola, Łukasz Żak); a run is read token by token:
  gazetteer names, titles, Korean-style personal names (a surname of the table and a given
  name that splits into romanised syllables), organisation and place suffixes, acronyms
  defined in the text ("Public Procurement Service (PPS)") (:mod:`.capitalised`,
  :mod:`.chunks`, :mod:`.tokens`).
- ``capitalised = false`` (Korean): names are words with particles glued after them; titles
  are found first and the name is looked for next to them (김윤상 조달청장, 청장 정무경),
  organisations and places by suffix, legal form and gazetteer (:mod:`.glued`).

Then, in both: a name found once is found again where it recurs bare (렉스젠, RexGen), and a
short reference (Administrator Kim, 김 청장, Kim said) takes the key of the full name it
stands for (:mod:`.claims`). Keys come from :func:`factcheck.naming.resolve.name_key`.
"""

from factcheck.rules.names.claims import analyse, extract_org, extract_person, extract_place

__all__ = ["analyse", "extract_org", "extract_person", "extract_place"]
