"""``extract``: find the claims of one text."""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import replace
from typing import Any

from .claims import Claim
from .document import Document
from .errors import InputError
from .locale import detect_language, load_locale
from .registry import KIND_PRIORITY, Registry, default_registry

__all__ = ["DEFAULT_MAX_CHARS", "extract", "language_runs", "parse_reference_date"]

#: texts longer than this are refused (``max_chars=`` per call, None for no limit): factcheck
#: reads documents, not corpora
DEFAULT_MAX_CHARS = 5_000_000


def parse_reference_date(value: object, *, what: str = "reference_date") -> _dt.date | None:
    """Accept a date, a datetime (its date is used) or an ISO string; None means unknown."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InputError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)", reason="bad-date") from None
    raise InputError(f"{what} must be a date, a datetime or an ISO string, not {type(value).__name__}",
                     reason="bad-date")


def extract(
    text: str,
    lang: str = "auto",
    reference_date: _dt.date | _dt.datetime | str | None = None,
    *,
    kinds: tuple[str, ...] | None = None,
    registry: Registry | None = None,
    glossary: Any = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> list[Claim]:
    """Find the claims (money, numbers, percentages, quantities ...) stated in ``text``.

    ``lang`` is a language code (``"ko"``, ``"en"``) or ``"auto"`` to pick it from the script
    of the text, run by run of lines (a Korean release followed by its English version is read
    as Korean, then as English; lines in no supported script join the run before them). ``reference_date`` is the date the text speaks from (its publication date),
    or None when unknown; nothing defaults to today. ``kinds`` limits the kinds extracted.
    Claims come back sorted by position and never overlap; offsets index ``text`` as given.
    ``glossary`` (a :class:`factcheck.glossary.Glossary`) adds the user's names and aliases
    to the person, org and place rules and their keys. A text longer than ``max_chars``
    characters raises :class:`InputError` (reason ``too-large``); None lifts the limit.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}", reason="bad-text")
    if max_chars is not None and len(text) > max_chars:
        raise InputError(f"text is {len(text):,} characters, over the limit of {max_chars:,} (max_chars)",
                         reason="too-large")
    registry = registry or default_registry()
    ref = parse_reference_date(reference_date)
    runs = [(0, len(text), lang)] if lang != "auto" else language_runs(text)
    if ref is None and (kinds is None or "date" in kinds):
        # no reference date given: the text's own publication date, if its header states one
        ref = _published_reference(text, runs)
    if lang != "auto":
        return _extract_run(text, lang, ref, kinds, registry, glossary)
    # "auto": each run of lines in one script is read in its language, so a Korean release
    # followed by its English version is read as Korean, then as English
    found: list[Claim] = []
    for start, end, run_lang in runs:
        for c in _extract_run(text[start:end], run_lang, ref, kinds, registry, glossary):
            found.append(replace(c, start=c.start + start, end=c.end + start) if start else c)
    return found


def _published_reference(text: str, runs: list[tuple[int, int, str]]) -> _dt.date | None:
    """The publication date in the header of the first run that states one (see
    :func:`factcheck.rules.dates.published_date`)."""
    from .rules.dates import published_date

    for start, end, run_lang in runs:
        load_locale(run_lang)  # an unsupported language raises its clear error here
        found = published_date(text[start:end], run_lang)
        if found is not None:
            return found
    return None


def language_runs(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into maximal runs of lines of one detected language.

    A line without letters (a figure, a blank line) joins the run before it."""
    runs: list[tuple[int, int, str]] = []
    pos = 0
    pending_start = 0
    current: str | None = None
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        lang = detect_language(line, default=None) if any(ch.isalpha() for ch in line) else None
        if lang is not None:
            if current is None:
                current = lang
            elif lang != current:
                runs.append((pending_start, pos, current))
                pending_start, current = pos, lang
        pos = end
    if current is None:
        current = detect_language(text) or "en"
    runs.append((pending_start, len(text), current))
    return runs


def _extract_run(text: str, lang: str, ref: _dt.date | None, kinds: tuple[str, ...] | None,
                 registry: Registry, glossary: Any = None) -> list[Claim]:
    locale = load_locale(lang)
    wanted = registry.kinds(lang)
    if kinds is not None:
        unknown = [k for k in kinds if k not in wanted]
        if unknown:
            registry.get(lang, unknown[0])  # raises a clear LocaleError
        wanted = tuple(k for k in wanted if k in kinds)
    doc = Document(text, locale, ref, glossary=glossary)
    found: list[Claim] = []
    for kind in wanted:
        found.extend(registry.get(lang, kind)(doc))
    return _resolve(found)


def _resolve(claims: list[Claim]) -> list[Claim]:
    """Keep the best claim where claims overlap: higher kind priority, then the longer span,
    then the earlier one. Deterministic whatever order the rules ran in; O(n log n)."""
    ranked = sorted(claims, key=lambda c: (-KIND_PRIORITY.get(c.kind, 0), -(c.end - c.start), c.start, c.rule))
    starts: list[int] = []  # kept spans, sorted and disjoint
    ends: list[int] = []
    kept: list[Claim] = []
    for c in ranked:
        k = bisect.bisect_left(starts, c.end)  # spans starting before c ends
        if k and ends[k - 1] > c.start:
            continue
        if k < len(starts) and starts[k] < c.end:
            continue
        if c.start == c.end and k and ends[k - 1] > c.start:
            continue
        starts.insert(k, c.start)
        ends.insert(k, c.end)
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end, c.kind))
    return kept
