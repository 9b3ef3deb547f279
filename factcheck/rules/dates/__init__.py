"""The date rule: dates, periods and times of day, for any locale with a date vocabulary.

What a language writes lives in ``factcheck/locales/dates/<code>.toml`` (plus ``common.toml``):
*atoms* (regular expressions whose named groups say which field was written: ``year``,
``month``, ``day``, ``weekday``, ``relative`` ...) and the vocabulary they use. The rule:

1. finds every atom and keeps the longest where they overlap (:mod:`.atoms`, :mod:`.fields`);
2. joins neighbouring atoms with different fields into one expression ("2023년" "7월" "20일"
   "(목)"; "Thursday" "," "July 20" "," "2023") when only the locale's ``join`` stands between;
3. joins two expressions around a range separator ("7월 20일~22일", "July 20-22") (:mod:`.group`);
4. drops *weak* atoms standing alone without their context ("May" is a verb, "2023" in
   "Expo 2023" a name) and expressions made only of modifiers ("지난", "early");
5. builds a :class:`~factcheck.values.DateValue` (:mod:`.build`) and resolves it against the
   document's reference date (:func:`factcheck.dates.resolve`), and gives the claim a role
   (:mod:`.context`): ``published`` (the date of a header label or dateline) or ``statement``
   (a date attached to a reporting verb).

:func:`published_date` finds a text's publication date in its header, for ``extract`` to use as
the reference date when the caller gave none (:mod:`.extract`). The vocabulary is loaded by
:mod:`.locale`.
"""

from __future__ import annotations

from factcheck.rules.dates.extract import extract_date, make_date_extractor, parse_date, published_date
from factcheck.rules.dates.locale import DateLocale, load_date_locale

__all__ = ["extract_date", "make_date_extractor", "published_date", "load_date_locale", "DateLocale",
           "parse_date"]
