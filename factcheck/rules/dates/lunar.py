"""Days of holidays that move with a lunisolar calendar (설날, 추석, 부처님오신날), read from the
`holidays` package (MIT). The package is imported only when such a holiday is met, so that
`import factcheck` and texts without one never load it; it computes the calendar locally and
never reads the network.

A locale names a holiday by its country and its name in the package's ``en_US`` names
(``["KR", "Chuseok"]``, see ``[vocab.lunar]`` in ``factcheck/locales/dates/ko.toml``).
"""

from __future__ import annotations

import datetime as _dt
import functools

__all__ = ["holiday_date"]

#: the language of the holiday names the locales give
_NAMES_LANGUAGE = "en_US"


@functools.lru_cache(maxsize=256)
def holiday_date(country: str, name: str, year: int) -> _dt.date | None:
    """The day of the holiday ``name`` of ``country`` in ``year`` (its first day when the package
    lists several under that name), or None when the package does not know it (a year outside
    its calendar, a country or name it does not have)."""
    import holidays  # lazily: only texts that name such a holiday pay for it

    try:
        calendar = holidays.country_holidays(country, years=year, language=_NAMES_LANGUAGE)
        days = calendar.get_named(name, lookup="iexact")
    except (NotImplementedError, KeyError, ValueError, OverflowError):
        return None
    days = sorted(d for d in days if d.year == year)
    return days[0] if days else None
