"""The outcome of comparing two values (:class:`Relation`) and the kinds of values compared."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["BASELINE", "EQUAL", "NAME_KINDS", "NUMERIC_KINDS", "OUTCOME_RANK", "UNRELATED", "Relation"]

#: the kinds whose values are figures (a plain number may meet any of them)
NUMERIC_KINDS = ("money", "number", "percent", "quantity")
#: the kinds whose values are names (one name may be read as two of them)
NAME_KINDS = ("person", "org", "place")


@dataclass(frozen=True, slots=True)
class Relation:
    """How two values relate: ``outcome`` is ``equal``, ``compatible`` (a match with a note:
    rounded, approximate, overlapping, partial, converted), ``different`` (a conflict when
    they fill the same slot), ``uncertain`` (cannot be decided; ``note`` says why) or
    ``unrelated`` (not the same kind of fact: never paired). Symmetric in its arguments."""

    outcome: str
    reason: str
    note: str = ""

    @property
    def matches(self) -> bool:
        return self.outcome in ("equal", "compatible")


EQUAL = Relation("equal", "equal")
#: a baseline date ("from a year earlier") and the figure it qualifies, in one source
BASELINE = Relation("compatible", "baseline")
UNRELATED = Relation("unrelated", "unrelated")

#: outcomes from the closest to the farthest (the best of several ways a fact is written)
OUTCOME_RANK = MappingProxyType({"equal": 0, "compatible": 1, "uncertain": 2, "different": 3, "unrelated": 4})
