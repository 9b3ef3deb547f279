"""Glossaries for users: read, build and grow the names a user says are one entity.

>>> from factcheck.glossary import parse_glossary
>>> g = parse_glossary("org: 렉스젠 = RexGen = REXGEN Inc.")
>>> g.lookup("렉스젠", "org") == g.lookup("RexGen", "org")
True

The model (:class:`Glossary`, the bundled gazetteer) lives in :mod:`factcheck.naming.glossary`,
the file formats in :mod:`factcheck.io.glossary`; :func:`suggest_entries` proposes new entries
(names left unmatched that co-occur in aligned sentences), so users grow their termbase
instead of silencing findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.api import extract
from factcheck.io.glossary import load_glossary
from factcheck.naming.glossary import Glossary, GlossaryEntry, build_glossary, bundled_gazetteer, parse_glossary
from factcheck.naming.keys import NAME_KINDS
from factcheck.values import Name

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "Suggestion",
    "build_glossary",
    "bundled_gazetteer",
    "load_glossary",
    "parse_glossary",
    "suggest_entries",
]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate glossary entry: two names of one kind, unmatched by key, that were found
    together in ``count`` aligned sentence pairs. ``similarity`` is the rapidfuzz ratio of
    their keys (a near miss when high; never a match by itself)."""

    kind: str
    terms: tuple[str, str]
    count: int
    similarity: float

    def line(self) -> str:
        """The entry as a glossary line (``org: 렉스젠 = RexGen``)."""
        return f"{self.kind}: {self.terms[0]} = {self.terms[1]}"


def suggest_entries(pairs: Iterable[tuple[str, str]], *, lang_a: str = "ko", lang_b: str = "en",
                    glossary: Glossary | None = None, min_count: int = 1) -> list[Suggestion]:
    """Candidate glossary entries from aligned sentence pairs ``(sentence_a, sentence_b)``.

    In each pair, the person, org and place names of each side whose key has no equal on the
    other side are paired with the unmatched names of the same kind on the other side; pairs
    seen together in at least ``min_count`` sentence pairs are returned, most frequent first
    (ties: most similar keys first)."""
    from rapidfuzz import fuzz

    counts: Counter[tuple[str, str, str]] = Counter()
    keys: dict[tuple[str, str, str], tuple[str, str]] = {}
    for a, b in pairs:
        ca = [(c.kind, c.value) for c in extract(a, lang_a, kinds=NAME_KINDS, glossary=glossary)
              if isinstance(c.value, Name)]
        cb = [(c.kind, c.value) for c in extract(b, lang_b, kinds=NAME_KINDS, glossary=glossary)
              if isinstance(c.value, Name)]
        ka = {(kind, v.key) for kind, v in ca}
        kb = {(kind, v.key) for kind, v in cb}
        left = {(kind, v.name): v.key for kind, v in ca if (kind, v.key) not in kb}
        right = {(kind, v.name): v.key for kind, v in cb if (kind, v.key) not in ka}
        for (kind, na), key_a in left.items():
            for (kind_b, nb), key_b in right.items():
                if kind_b == kind:
                    counts[(kind, na, nb)] += 1
                    keys[(kind, na, nb)] = (key_a, key_b)
    out = [Suggestion(kind, (na, nb), n, float(fuzz.ratio(*keys[(kind, na, nb)])))
           for (kind, na, nb), n in counts.items() if n >= min_count]
    out.sort(key=lambda s: (-s.count, -s.similarity, s.kind, s.terms))
    return out
