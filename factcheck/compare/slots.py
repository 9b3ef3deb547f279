"""Slots: in a pair of aligned sentences (and between two anchors inside them), the facts left
over on each side assigned to one another as one slot: the one leftover of its class on each
side, or among several the pair whose values are most alike (:mod:`factcheck.compare.alike`),
then the nearest; and what a slot says about its two facts (:func:`slot_relation`)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.compare import messages
from factcheck.compare.align import Pair, chains
from factcheck.compare.alike import alike_keys, figures_plausible, likeness, plausible, weak_small, year_pair
from factcheck.compare.facts import Fact, Prepared, fact_relation
from factcheck.compare.rates import Rates
from factcheck.compare.relation.base import NUMERIC_KINDS, UNRELATED, Relation
from factcheck.compare.relation.names import TRUSTED_BASES, names_in_one_slot
from factcheck.naming.presence import named_in
from factcheck.values import Name

__all__ = ["AMBIGUOUS", "ASSIGNED", "SETTLED", "Slot", "slot_pairs", "slot_relation"]

#: a mention in a bead: its fact, its claim, and whether the fact is left over there (0 no, 1
#: yes, :data:`_EXTRA` as one mention more than its counterpart has in the bead, :data:`_MANY`
#: as several more)
_BeadMention = tuple[Fact, Claim, int]
_EXTRA, _MANY = 2, 3
#: the kinds of names
NAME_KINDS = frozenset({"person", "place", "org"})
#: the class levels of a fact's classes, finest first
_LEVELS = 3
#: how a slot was found: the one leftover of its class on each side, the best of several, or
#: as good a candidate as the best, which only position set apart (reported with it)
SETTLED, ASSIGNED, AMBIGUOUS = 0, 1, 2
#: runners-up are reported with a pair chosen by position when their values are at least this
#: alike (:func:`likeness`: plausibly one figure written wrong), and at most this many
_AMBIGUOUS_LIKENESS = 3
_AMBIGUOUS_MAX = 2
#: a region with more candidate pairs than this (leftovers of A times leftovers of B) only
#: pairs figures one digit or one word apart (:func:`~factcheck.compare.alike.alike_keys`)
_MAX_PAIRS = 400


@dataclass(frozen=True, slots=True)
class Slot:
    """Two leftover facts of A and B taken as one slot, and the evidence: ``likeness`` of their
    values (0 compatible ... 4 unlike, :func:`likeness`), ``strength`` (:data:`SETTLED`: the one
    leftover of its class on each side; :data:`ASSIGNED`: chosen among several), the class
    ``level`` (0 finest), their ``distance`` in the region (0 to 1), whether the values alone
    chose the pair (``by_value``: no other candidate as alike), and their relation."""

    a: int
    b: int
    likeness: int
    strength: int
    level: int
    distance: float
    by_value: bool
    relation: Relation
    extra: bool = False  # one of the two is left over only as a mention more than its counterpart has
    displaced: bool = False  # a leftover name against a matched one it stands in place of
    many: bool = False  # one of the two is left over as several mentions more than its counterpart has

    @property
    def rank(self) -> tuple[int, int, int, int, float]:
        """Lower is stronger evidence: values of one kind alike (one figure written wrong or
        closer) first; among weaker pairs (and a plain number against a measured figure) the
        one leftover of its class on each side, then the finer class, before how alike they
        are."""
        tier = 0 if self.likeness <= 2 and (self.level < _LEVELS - 1 or self.likeness == 0) else 1
        return (tier, self.strength, self.level, self.likeness, self.distance)


def slot_pairs(pair: Pair, facts: dict[int, Fact], ba: frozenset[int], bb: frozenset[int],
               statement_checked: set[str], rates: Rates | None) -> list[Slot]:
    """Facts of A and B that fill the same slot in a bead (with the class level that paired
    them: 0 finest): per class (finest first), the one fact left over on each side of the
    bead, or on each side between two consecutive anchors (matched claims in the same order
    in both texts)."""
    A, B = pair.a, pair.b
    ma = _bead_mentions(A, ba, bb, pair, facts, statement_checked)
    mb = _bead_mentions(B, bb, ba, pair, facts, statement_checked)
    if not ma or not mb:
        return []
    # the anchors: mentions of matched facts whose partner is mentioned in the bead, in order
    points = []
    for i, (fa, _, left_a) in enumerate(ma):
        if left_a:
            continue
        partner = pair.matched[fa.id]
        for j, (fb, _, left_b) in enumerate(mb):
            if not left_b and fb.id == partner:
                points.append((i, j))
    out: list[Slot] = []
    whole = (list(range(len(ma))), list(range(len(mb))))
    _pair_regions(pair, facts, [whole], ma, mb, out, rates)
    out.extend(_displaced(pair, ma, mb))
    # places of the world are no anchors between slots: they stand where each language's word
    # order puts them (미국에서 ... first, "in the U.S." late; a dateline "BAGHDAD, Iraq" before
    # the story), figures and dates keep the order of the sentence
    anchors = {(i, j): 1.0 for i, j in points if not _world_place(ma[i][0])}
    for chain in chains(anchors, len(ma), len(mb)):
        # between anchors, a repeated mention of an anchored fact (the second of two 72%s
        # where the other text has 72% and 70%) is left over there
        on_a = {i for i, _ in chain}
        on_b = {j for _, j in chain}
        anchored_a = {ma[i][0].id for i in on_a}
        anchored_b = {mb[j][0].id for j in on_b}
        la = [(f, c, left or int(i not in on_a and f.id in anchored_a)) for i, (f, c, left) in enumerate(ma)]
        lb = [(f, c, left or int(j not in on_b and f.id in anchored_b)) for j, (f, c, left) in enumerate(mb)]
        regions: list[tuple[list[int], list[int]]] = []
        prev_i, prev_j = -1, -1
        for i, j in chain + [(len(ma), len(mb))]:
            regions.append((list(range(prev_i + 1, i)), list(range(prev_j + 1, j))))
            prev_i, prev_j = i, j
        _pair_regions(pair, facts, regions, la, lb, out, rates)
    return out


def _world_place(f: Fact) -> bool:
    """A country or city of the world tables (its class says so: see facts.fact_key)."""
    return f.kind == "place" and f.cls != "place"


def _pair_regions(pair: Pair, facts: dict[int, Fact], regions: list[tuple[list[int], list[int]]],
                  ma: list[_BeadMention], mb: list[_BeadMention], out: list[Slot], rates: Rates | None) -> None:
    """Per region, the leftovers of each side assigned to one another (:func:`_assign`)."""
    for ra, rb in regions:
        left_a = _leftovers(ma, ra)
        left_b = _leftovers(mb, rb)
        if left_a and left_b:
            out.extend(_assign(pair, facts, left_a, left_b, rates))


def _leftovers(side: list[_BeadMention], idx: list[int]) -> list[tuple[int, float, int]]:
    """The facts left over among the mentions ``idx`` of a side, each once, with its relative
    position there (0 first, 1 last) and whether it is left over only as an extra mention."""
    seen: dict[int, tuple[int, float, int]] = {}
    n = max(len(idx) - 1, 1)
    for k, i in enumerate(idx):
        f, _, left = side[i]
        if left and f.id not in seen:
            seen[f.id] = (f.id, k / n, max(left - 1, 0))  # 0 left over, 1 one mention more, 2 several
    return list(seen.values())


def _level(fa: Fact, fb: Fact) -> int | None:
    """The finest class level at which two facts are of one class; across kinds only a plain
    number meets a measured figure (class ``figure``), or a year (the coarsest level)."""
    if year_pair(fa, fb):
        return _LEVELS - 1
    for level in range(_LEVELS):
        ca, cb = fa.classes[min(level, len(fa.classes) - 1)], fb.classes[min(level, len(fb.classes) - 1)]
        if ca == cb:
            if ca == "figure" and (fa.kind == "number") == (fb.kind == "number"):
                return None
            return level
    return None


def _assign(pair: Pair, facts: dict[int, Fact], left_a: list[tuple[int, float, int]],
            left_b: list[tuple[int, float, int]], rates: Rates | None) -> list[Slot]:
    """The leftovers of A and B that fill one slot: candidate pairs of one class, ranked by how
    alike their values are (:func:`likeness`), then whether they are the one leftover of their
    class on each side, then the class level and their distance in the region; a pair is taken
    when neither member has another candidate of the same rank (mutual best, greedy). In a
    region with many leftovers (a long segment), only figures one digit or one word apart are
    candidates: position says little there, and the work stays near linear."""
    def cls_at(f: Fact, level: int) -> str:
        return f.classes[min(level, len(f.classes) - 1)]

    counts_a = [Counter(cls_at(facts[z], lv) for z, _, _ in left_a) for lv in range(_LEVELS)]
    counts_b = [Counter(cls_at(facts[z], lv) for z, _, _ in left_b) for lv in range(_LEVELS)]
    # names: a name left over only as a mention more than its counterpart has (stated twice)
    # does not unsettle the one name of its class left over on its side
    real_a = [Counter(cls_at(facts[z], lv) for z, _, e in left_a if not e) for lv in range(_LEVELS)]
    real_b = [Counter(cls_at(facts[z], lv) for z, _, e in left_b if not e) for lv in range(_LEVELS)]
    allowed: set[tuple[int, int]] | None = None
    if len(left_a) * len(left_b) > _MAX_PAIRS:  # crowded: figures sharing an alike key, or non-figures
        index: dict[str, list[int]] = {}
        plain_b = []
        for y, _, _ in left_b:
            keys = alike_keys(facts[y])
            for k in keys:
                index.setdefault(k, []).append(y)
            if not keys:
                plain_b.append(y)
        allowed = set()
        for x, _, _ in left_a:
            keys = alike_keys(facts[x])
            allowed.update((x, y) for k in keys for y in index.get(k, ()))
            if not keys:
                allowed.update((x, y) for y in plain_b)
    cands: list[Slot] = []
    for x, px, extra_x in left_a:
        fx = facts[x]
        for y, py, extra_y in left_b:
            fy = facts[y]
            if (x in pair.matched and y in pair.matched) or (allowed is not None and (x, y) not in allowed):
                continue  # both matched elsewhere (repeated mentions), or too unlike in a crowd
            level = _level(fx, fy)
            if level is None:
                continue
            rel = fact_relation(fx, fy, rates)
            lk = likeness(fx, fy, rel)
            if lk is None:
                continue
            # the one leftover of its class on each side, neither only a repeated mention
            if fx.kind in NAME_KINDS and fy.kind in NAME_KINDS:
                # a name stated once more than its counterpart is settled only as the one
                # name of its kind left over on its side
                lx, ly = (_LEVELS - 1 if extra_x else level), (_LEVELS - 1 if extra_y else level)
                settled = (counts_a if extra_x else real_a)[lx][cls_at(fx, lx)] == 1 \
                    and (counts_b if extra_y else real_b)[ly][cls_at(fy, ly)] == 1
            else:
                # a figure stated once more than its counterpart, the one leftover of its class
                # there, is the mention changed (6~14개월 twice against "six to 14" and "six to 12");
                # not when a mention is a number word ("two holes": as often an idiom)
                settled = counts_a[level][cls_at(fx, level)] == 1 and counts_b[level][cls_at(fy, level)] == 1 \
                    and all(e == 1 and _in_digits(f) for f, e in ((fx, extra_x), (fy, extra_y)) if e)
            cands.append(Slot(x, y, lk, SETTLED if settled else ASSIGNED, level, abs(px - py), True, rel,
                              bool(extra_x or extra_y), many=2 in (extra_x, extra_y)))
    cands.sort(key=lambda c: (c.rank, c.a, c.b))
    by_member: dict[int, list[Slot]] = {}
    for c in cands:
        by_member.setdefault(c.a, []).append(c)
        by_member.setdefault(c.b, []).append(c)
    taken: set[int] = set()
    out: list[Slot] = []
    for c in cands:
        if c.a in taken or c.b in taken:
            continue
        rivals = [d for d in by_member[c.a] + by_member[c.b]
                  if d is not c and d.a not in taken and d.b not in taken]
        if c.likeness > 0 and any(d.rank == c.rank for d in rivals):
            continue  # two equally good partners: ambiguous (of two compatible ones, either will do)
        # decided by the values alone (no rival as alike), or by position among look-alikes
        by_value = all(d.likeness > c.likeness for d in rivals)
        if not by_value and c.strength == SETTLED and facts[c.a].kind in NAME_KINDS:
            # names are all equally unlike: the one name of its class left over on each side
            # keeps its strength against rivals of a coarser class or of repeated mentions
            by_value = all(d.rank[:4] > c.rank[:4] for d in rivals)
        out.append(dataclasses.replace(c, strength=c.strength if by_value else ASSIGNED, by_value=by_value))
        taken.update((c.a, c.b))
        if not by_value and c.likeness <= _AMBIGUOUS_LIKENESS:
            # the runners-up as alike as the pair chosen by position: reported with it
            same = [d for d in rivals if d.likeness == c.likeness][:_AMBIGUOUS_MAX]
            out.extend(dataclasses.replace(d, strength=AMBIGUOUS, by_value=False) for d in same)
    return out


def _bead_mentions(P: Prepared, mine: frozenset[int], theirs: frozenset[int], pair: Pair,
                   facts: dict[int, Fact], statement_checked: set[str]) -> list[_BeadMention]:
    """The mentions of ``P`` in sentences ``mine``, in text order, each with whether its fact
    is left over here (unmatched, or its counterpart is not in ``theirs``)."""
    out = []
    lefts: dict[int, int] = {}
    for sentence in mine:
        for f, claim in P.by_sentence.get(sentence, ()):
            if f.statement_only and f.source in statement_checked and getattr(f.value, "start", None) is None:
                continue  # "said Friday" in an undated text: checked against the publication dates instead
            if f.baseline:
                continue  # "from a year earlier": the figure's baseline, not a slot of its own
            left = lefts.get(f.id)
            if left is None:
                partner = pair.matched.get(f.id)
                if partner is None:
                    left = 1
                else:
                    # left over when its counterpart is not in the bead, or is mentioned there
                    # fewer times (a value stated twice, once changed: 3-3 against 5-3)
                    here = sum(1 for m in f.mentions if m.sentence in mine)
                    there = sum(1 for m in facts[partner].mentions if m.sentence in theirs)
                    left = 1 if there == 0 else 0 if here <= there else _EXTRA if here == there + 1 else _MANY
                lefts[f.id] = left
            out.append((f, claim, left))
    out.sort(key=lambda t: (t[1].start, t[1].end, t[0].id))
    return out


def slot_relation(fa: Fact, fb: Fact, slot: Slot, pair: Pair) -> Relation | None:
    """What a slot says about its two facts: their relation when the evidence is enough (a
    conflict needs one figure written wrong in a settled slot, or a look-alike chosen by its
    value), an uncertain relation when the values are too unlike or the pair was chosen by
    position among several, None when there is nothing to say (compatible facts already
    matched elsewhere, unrelated values)."""
    rel = slot.relation
    if rel.matches:
        return rel if fa.id not in pair.matched and fb.id not in pair.matched else None
    va, vb = fa.value, fb.value
    if rel.reason == "different-entity" and isinstance(va, Name) and isinstance(vb, Name):
        return _names_differ(fa, fb, va, vb, slot, pair, rel)  # two entities the tables know apart
    if rel.outcome == "unrelated":
        if not (isinstance(va, Name) and isinstance(vb, Name) and va.kind == vb.kind):
            return None
        rel = names_in_one_slot(va, vb)
        if rel.outcome == "unrelated":
            return None  # a city and its country: the place said at another scale
        if rel.matches:
            return rel if fa.id not in pair.matched and fb.id not in pair.matched else None
        if rel.outcome == "different" or (rel.outcome == "uncertain" and _known(va) and _known(vb)):
            return _names_differ(fa, fb, va, vb, slot, pair, rel)
        if slot.extra:
            return None  # a name mentioned once more on one side, against one that nothing links
    if fa.kind != fb.kind and fa.kind in NUMERIC_KINDS and fb.kind in NUMERIC_KINDS and not figures_plausible(fa, fb):
        return None  # a plain number and a measured figure too unlike to be one: two facts
    if rel.outcome == "different":
        if plausible(fa, fb) and (slot.strength == SETTLED or (slot.by_value and slot.likeness <= 2)):
            return rel
        if slot.strength != SETTLED and not slot.by_value:
            why = messages.PAIRED_BY_PLACE
        elif weak_small(fa) or weak_small(fb):
            why = messages.WEAK_SMALL
        elif plausible(fa, fb):
            why = messages.AMONG_SEVERAL
        else:
            why = messages.TOO_UNLIKE
        return Relation("uncertain", "same-place", messages.same_place(
            messages.show(fa.value, fa.text), messages.show(fb.value, fb.text), why))
    return rel




def _names_differ(fa: Fact, fb: Fact, va: Name, vb: Name, slot: Slot, pair: Pair, rel: Relation) -> Relation | None:
    """Two entities the tables know apart in one slot (``rel``: different, or uncertain for
    places of the world): a conflict when the slot is settled and neither text names the
    other's entity anywhere (an adjective, inside a word: "South Koreans" for 한국, 멕시코만 for
    the Gulf of Mexico) nor opens with it as a dateline; uncertain otherwise. A name that is
    only a mention more than its counterpart has (stated twice, once changed) is compared only
    when it is exactly one mention more, and checked on its own side only: the other text
    names it by definition. A leftover name that stands where the other side's matched name
    stands (:func:`_displaced`) is uncertain."""
    text_a, text_b = pair.a.source.text, pair.b.source.text
    if fa.source != pair.a.info.id:
        text_a, text_b = text_b, text_a
    a_extra = fa.id in pair.matched
    b_extra = fb.id in pair.matched
    if slot.displaced:
        return Relation("uncertain", "same-place", messages.same_place(
            messages.show(fa.value, fa.text), messages.show(fb.value, fb.text), messages.DISPLACED))
    if slot.many:
        return None  # a name one text repeats more often than the other: nothing to say
    if slot.strength != SETTLED:
        why = messages.PAIRED_BY_PLACE
    elif _dateline(fa, text_a) or _dateline(fb, text_b):
        why = messages.DATELINE
    elif not a_extra and named_in(va.key, text_b):
        why = messages.named_elsewhere(fa.text)
    elif not b_extra and named_in(vb.key, text_a):
        why = messages.named_elsewhere(fb.text)
    else:
        return rel
    return Relation("uncertain", "same-place", messages.same_place(
        messages.show(fa.value, fa.text), messages.show(fb.value, fb.text), why))


def _in_digits(f: Fact) -> bool:
    """Every mention of a fact has a digit."""
    return all(any(ch.isdigit() for ch in m.claim.text) for m in f.mentions)


def _known(v: Name) -> bool:
    """A name the tables or a glossary know."""
    return v.basis in TRUSTED_BASES


def _dateline(f: Fact, text: str) -> bool:
    """A name written in capitals that opens its text ("SHANGHAI, China (CNN) ..."): a
    dateline, which a translation leaves out or writes elsewhere."""
    return any(m.claim.text.isupper() and not text[:m.claim.start].strip() for m in f.mentions)


#: a leftover name takes the place of a matched name of the other side when it stands at least
#: this much nearer to it (relative position in the bead, 0 to 1) than the name's partner does
_DISPLACED_MARGIN = 0.3


def _displaced(pair: Pair, ma: list[_BeadMention], mb: list[_BeadMention]) -> list[Slot]:
    """A name stated twice on one side and once on the other, one of the two mentions changed:
    the changed mention is the one leftover of its kind on its side, the other side has no
    leftover of the kind, and the other side's name of the kind stands where the leftover
    stands, its partner well away (미국과 영국의 ... 폴란드에 against "The United States and
    Poland ..."). Names the tables know only; the slot is never settled (position alone)."""
    out: list[Slot] = []
    for mine, theirs, flip in ((ma, mb, False), (mb, ma, True)):
        def pos(side: list[_BeadMention], k: int) -> float:
            lo, hi = side[0][1].start, side[-1][1].start
            return (side[k][1].start - lo) / (hi - lo) if hi > lo else 0.0
        for kind in NAME_KINDS:
            left = [k for k, (f, _, lf) in enumerate(mine) if f.kind == kind and lf]
            if len(left) != 1 or any(f.kind == kind and lf for f, _, lf in theirs):
                continue
            x = left[0]
            fx = mine[x][0]
            if not isinstance(fx.value, Name) or fx.value.basis not in TRUSTED_BASES:
                continue
            best: tuple[float, int] | None = None
            for j, (fy, _, _) in enumerate(theirs):
                if fy.kind != kind or not isinstance(fy.value, Name) or fy.value.basis not in TRUSTED_BASES:
                    continue
                partner = pair.matched.get(fy.id)
                near = [abs(pos(mine, k) - pos(theirs, j)) for k, (f, _, _) in enumerate(mine) if f.id == partner]
                if not near:
                    continue
                gap = abs(pos(mine, x) - pos(theirs, j))
                if min(near) - gap >= _DISPLACED_MARGIN and (best is None or gap < best[0]):
                    best = (gap, j)
            if best is None:
                continue
            fy = theirs[best[1]][0]
            a, b = (fy.id, fx.id) if flip else (fx.id, fy.id)
            out.append(Slot(a, b, 4, ASSIGNED, 0, best[0], False, UNRELATED, extra=True, displaced=True))
    return out
