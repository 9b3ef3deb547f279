"""A fall or a rise said by a word beside a figure ("dropped 14.6 percent", "14.6% 감소"): the
comparator then takes a sign on the other side ("-14.6%") for the same fact, and a fall against
a rise for a conflict. The words are the locale's ``[qualifiers] fall_*``/``rise_*`` lists."""

from __future__ import annotations

import functools
import re

from factcheck.text.document import Document

__all__ = ["direction"]

#: how far before a figure a fall or rise word may stand
_BEFORE = 40

_Patterns = tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...]


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=32)
def _patterns(before: tuple[tuple[str, ...], tuple[str, ...]], after: tuple[tuple[str, ...], tuple[str, ...]],
              links: tuple[str, ...], particles: tuple[str, ...], ci: bool) -> _Patterns:
    """(before, after) patterns of a fall, then of a rise."""
    flags = re.IGNORECASE if ci else 0
    link = rf"(?:[ \t]+(?:{_alt(links)}))?" if links else ""
    part = rf"(?:{_alt(particles)})?" if particles else ""
    out = []
    for b, a in zip(before, after, strict=True):
        pb = re.compile(rf"(?<![^\W\d_])(?:{_alt(b)}){link}[ \t]+\Z", flags) if b else None
        pa = re.compile(rf"{part}[ \t]*(?:{_alt(a)})", flags) if a else None
        out.append((pb, pa))
    return tuple(out)


def direction(doc: Document, start: int, end: int) -> str | None:
    """``"down"`` or ``"up"`` when a word of the locale's fall or rise lists stands right
    before the figure at [start, end) or right after it; None otherwise."""
    q = doc.locale.qualifiers
    before = (q.get("fall_before", ()), q.get("rise_before", ()))
    after = (q.get("fall_after", ()), q.get("rise_after", ()))
    if not any(before + after):
        return None
    pats = _patterns(before, after, q.get("change_verb_links", ()), q.get("particles_before_after", ()),
                     doc.locale.case_insensitive)
    for (pb, pa), word in zip(pats, ("down", "up"), strict=True):
        if pb is not None and pb.search(doc.text, max(0, start - _BEFORE), start):
            return word
        if pa is not None and pa.match(doc.text, end):
            return word
    return None
