"""Regenerate ``factcheck/data/cldr_currencies.json`` from babel's CLDR data.

For the CLDR locale of every locale file (``[locale] cldr``), the currency names (display
names, plural forms, spaceless Hangul spellings) and ISO codes that
:func:`factcheck.locale.cldr.currency_vocabulary_from_babel` reads, and the family words of
:func:`~factcheck.locale.cldr.family_words_from_babel` ("ringgit" -> MYR, "dinars" -> the dinar
family); for all locales the currency symbols of :func:`~factcheck.locale.cldr.symbols_from_babel`
("RM", "Rp", "kr"), the families of :func:`~factcheck.locale.cldr.families_from_babel` and
the decimal places of :func:`~factcheck.locale.cldr.digits_from_babel` (KWD 3, JPY 0); so
that a run never imports babel. The file records the babel and CLDR versions it was built with (``"generator"``).
``tests/test_generated_data.py`` rebuilds it in memory when the installed babel is the recorded
one and fails on drift; with another babel it skips, naming both versions. This script's
``--check`` (and ``make check-data``) always compares, and fails in one line when the installed
babel builds a different table: that is the moment to regenerate, for whoever refreshes the lock.

Usage: ``python scripts/gen_cldr.py`` (writes the file) or ``--check`` (exit 1 on drift).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "cldr_currencies.json"


def cldr_locales() -> list[str]:
    from factcheck.locale.files import locale_codes, read_locale_file

    return sorted({read_locale_file(code)["locale"].get("cldr", code) for code in locale_codes()})


def inputs() -> dict[str, str]:
    """The generator's inputs: the installed babel and the CLDR release it carries."""
    import babel
    from babel.core import get_cldr_version

    return {"babel": babel.__version__, "cldr": str(get_cldr_version()), "script": "scripts/gen_cldr.py"}


def build() -> dict:
    from factcheck.locale.cldr import (
        currency_vocabulary_from_babel,
        digits_from_babel,
        families_from_babel,
        family_words_from_babel,
        symbols_from_babel,
    )

    out = {}
    for loc in cldr_locales():
        names, codes = currency_vocabulary_from_babel(loc)
        out[loc] = {"codes": list(codes), "family_words": family_words_from_babel(loc), "names": names}
    return {"generator": inputs(), "locales": out, "families": families_from_babel(),
            "symbols": symbols_from_babel(), "digits": digits_from_babel()}


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _generated import write_or_check

    return write_or_check(PATH, build(), render, "scripts/gen_cldr.py", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
