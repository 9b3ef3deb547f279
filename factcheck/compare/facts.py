"""Facts: the claims of one source that state one value (20일 three times is one fact), the
key that makes two claims one fact, and a source prepared for comparison (its facts, the
sentence of every mention, its publication dates)."""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType

from factcheck.claims import Claim
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import OUTCOME_RANK, Relation
from factcheck.compare.relation.dates import date_bucket, date_key
from factcheck.compare.relation.quantities import quantity_base
from factcheck.compare.relation.values import relation
from factcheck.naming.tables import key_class
from factcheck.report import Source, SourceInfo
from factcheck.text.sentences import sentence_starts
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, Value, dec_str

__all__ = ["Fact", "Mention", "Prepared", "fact_key", "fact_relation", "prepare"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One claim of a fact, and the sentence of its source it is in."""

    source: str
    claim: Claim
    sentence: int


@dataclass(frozen=True, slots=True)
class Fact:
    """The claims of one source that state one value."""

    id: int
    source: str
    kind: str
    classes: tuple[str, ...]  # comparison classes, finest first: leftovers pair within one class
    key: tuple[str, ...]
    value: Value
    text: str
    mentions: tuple[Mention, ...]
    statement_only: bool
    baseline: bool  # a date a figure is compared with ("from a year earlier"), not an event
    sentences: frozenset[int] = field(init=False, compare=False)  # computed once: hot in alignment
    # the distinct (value, text) its mentions write: 하반기 and "the latter half of the year"
    # are one fact of a bilingual source, written two ways (computed once: hot in pairing)
    forms: tuple[tuple[Value, str], ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", frozenset(m.sentence for m in self.mentions))
        object.__setattr__(self, "forms", _forms(self.mentions))

    @property
    def cls(self) -> str:
        return self.classes[-1]


def _forms(mentions: tuple[Mention, ...]) -> tuple[tuple[Value, str], ...]:
    """The distinct (value, text) the mentions write, first written first (at most eight)."""
    seen: dict[str, tuple[Value, str]] = {}
    for m in sorted(mentions, key=lambda m: (m.claim.start, m.claim.end)):
        seen.setdefault(repr(m.claim.value), (m.claim.value, m.claim.text))
    return tuple(seen.values())[:8]


def fact_relation(fa: Fact, fb: Fact, rates: Rates | None) -> Relation:
    """The closest relation between any two ways the facts are written (usually one each)."""
    if len(fa.forms) == 1 and len(fb.forms) == 1:
        return relation(fa.value, fb.value, fa.text, fb.text, rates)
    best: Relation | None = None
    for va, ta in fa.forms:
        for vb, tb in fb.forms:
            r = relation(va, vb, ta, tb, rates)
            if best is None or OUTCOME_RANK[r.outcome] < OUTCOME_RANK[best.outcome]:
                best = r
    assert best is not None
    return best


#: the sorts of numbers (the last part of a number rule's name) compared only with their like
_NUMBER_SORTS = frozenset({"ordinal", "fraction", "vague"})
#: a position at least this large also takes the slot of a plain number
_ORDINAL_AS_NUMBER = 10


def fact_key(c: Claim) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(dedupe key, comparison classes finest first) of a claim; None for publication dates."""
    v = c.value
    if c.kind == "date" and c.role == "published":
        return None
    if isinstance(v, (Money, Number, Percent, Quantity)) and v.direction == "down":
        v = _signed(v)  # "14.6% 감소" and "-14.6%" state one value
    if isinstance(v, Money):
        return (("money", str(v.currency), dec_str(v.amount), str(v.low), str(v.high)),
                (f"money:{v.currency}", "money", "figure"))
    if isinstance(v, Percent):
        return (("percent", v.unit, dec_str(v.value), str(v.low), str(v.high)),
                (f"percent:{v.unit}", "percent", "figure"))
    if isinstance(v, Number):
        # a position, a fraction or a vague scale (the number rule names them) is compared only
        # with its like: "1위" is no leftover count of two, 절반 no figure of eight
        sort = c.rule.rsplit(".", 1)[-1]
        if sort in _NUMBER_SORTS:
            cls = f"number:{sort}"
            # a position of two digits or more is also compared with a plain number (16번홀 /
            # "the 16th hole"); a small one is not (1위 is no count of two)
            mid = "number" if sort == "ordinal" and abs(v.value) >= _ORDINAL_AS_NUMBER else cls
            return ("number", sort, dec_str(v.value), str(v.low), str(v.high)), (cls, mid, cls)
        return ("number", dec_str(v.value), str(v.low), str(v.high)), ("number", "number", "figure")
    if isinstance(v, Quantity):
        based = quantity_base(v)
        if based is None:
            cls = f"quantity:{v.unit}"
            return ("quantity", v.unit, dec_str(v.value), str(v.low), str(v.high)), (cls, cls, "figure")
        unit, n = based
        cls = f"quantity:{unit}"
        return ("quantity", unit, str(n.lo and dec_str(n.lo)), str(n.hi and dec_str(n.hi))), (cls, cls, "figure")
    if isinstance(v, DateValue):
        return ("date",) + date_key(v), (f"date:{date_bucket(v)}",)
    if isinstance(v, Name):
        # a country or city of the world: its own class first, so that it takes another
        # place's slot only after the places of its class (see relation/names.py)
        world = key_class(v.key) if v.kind == "place" else ""
        return (v.kind, v.key), ((f"{v.kind}:{world}", v.kind) if world else (v.kind,))
    return (c.kind, json.dumps(v.to_dict(), sort_keys=True, ensure_ascii=False)), (c.kind,)


def _signed(v: Money | Number | Percent | Quantity) -> Money | Number | Percent | Quantity:
    """A figure said to be a fall, as a negative figure (its key only)."""
    def neg(d: Decimal | None) -> Decimal | None:
        return -abs(d) if d is not None else None
    low, high = neg(v.high), neg(v.low)
    if v.low is None or v.high is None:
        low, high = neg(v.low), neg(v.high)
    if isinstance(v, Money):
        return replace(v, amount=-abs(v.amount), low=low, high=high)
    return replace(v, value=-abs(v.value), low=low, high=high)


def _representative(claims: list[Claim]) -> Claim:
    """The claim that speaks for a fact: an exact one before an approximate one, an explicit
    currency before an assumed one, then the first in the text."""
    def rank(c: Claim) -> tuple[int, int, int]:
        v = c.value
        return (int(bool(getattr(v, "approx", False))), int(bool(getattr(v, "currency_assumed", False))), c.start)
    return min(claims, key=rank)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A source ready for comparison: its claims, its facts, its publication-date claims."""

    info: SourceInfo
    source: Source
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    published: tuple[Claim, ...]
    n_sentences: int
    # sentence -> (fact, claim) of every mention in it, in fact order: beads look mentions up
    # by sentence instead of scanning every fact (alignment stays linear in the text)
    by_sentence: Mapping[int, tuple[tuple[Fact, Claim], ...]] = field(default_factory=dict, compare=False)


def prepare(src: Source, claims: Sequence[Claim], info: SourceInfo, first_id: int) -> Prepared:
    """Group the claims of one source into facts, numbered from ``first_id``."""
    ordered = tuple(sorted(claims, key=lambda c: (c.start, c.end, c.kind, c.rule, c.text)))
    starts = sentence_starts(src.text)
    groups: dict[tuple[str, ...], list[Claim]] = {}
    classes: dict[tuple[str, ...], tuple[str, ...]] = {}
    published: list[Claim] = []
    for c in ordered:
        fk = fact_key(c)
        if fk is None:
            published.append(c)
            continue
        key, cls = fk
        groups.setdefault(key, []).append(c)
        classes[key] = cls
    facts = []
    for n, key in enumerate(sorted(groups, key=lambda k: (groups[k][0].start, k))):
        cs = groups[key]
        rep = _representative(cs)
        mentions = tuple(Mention(info.id, c, bisect.bisect_right(starts, c.start) - 1) for c in cs)
        facts.append(Fact(first_id + n, info.id, rep.kind, classes[key], key, rep.value, rep.text, mentions,
                          all(c.role == "statement" for c in cs), all(c.role == "baseline" for c in cs)))
    by_sentence: dict[int, list[tuple[Fact, Claim]]] = {}
    for f in facts:
        for m in f.mentions:
            by_sentence.setdefault(m.sentence, []).append((f, m.claim))
    return Prepared(info, src, ordered, tuple(facts), tuple(published), len(starts),
                    MappingProxyType({k: tuple(v) for k, v in by_sentence.items()}))
