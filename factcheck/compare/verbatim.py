"""Verbatim facts across sources: code, link targets and attributes that a translation must
keep exactly as they are.

Each source gives its verbatim facts (claims whose value is a
:class:`~factcheck.values.Verbatim`, made by the readers of structured files) and the kinds
its format can hold; a kind is compared only between sources that can both hold it. Facts of
one kind are paired in order: code blocks with code blocks, inline code with inline code,
link targets with link targets. An in-order alignment pairs the equal ones first; between
two equal pairs, the leftovers are paired by position with the most alike. A pair that is
equal is a match; one that differs is a conflict naming both snippets (for a code block,
its first differing line); a fact with no partner is missing. Link targets are compared
without their fragment (``#anchor``: anchors are made from headings, which a translation
changes), and a language tag of the source's own language in a target (``/ko/guide`` in a
Korean source, ``/en/guide`` in an English one) counts as the same target.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.claims import Claim
from factcheck.compare import messages
from factcheck.report import Finding, SourceClaim
from factcheck.values import Verbatim

__all__ = ["VerbatimSource", "verbatim_findings"]

_MIN_LIKENESS = 0.35


@dataclass(frozen=True, slots=True)
class VerbatimSource:
    """One source's verbatim facts: its id, its languages (``ko``, ``ko+en``), the kinds its
    format can hold and its verbatim claims in text order."""

    id: str
    lang: str
    kinds: tuple[str, ...]
    claims: tuple[Claim, ...]


def _group(c: Claim) -> tuple[str, bool]:
    v = c.value
    return (c.kind, v.block if isinstance(v, Verbatim) else False)


def _langs(lang: str) -> tuple[str, ...]:
    return tuple(x for x in lang.split("+") if x and x != "auto")


def _key(c: Claim, langs: tuple[str, ...]) -> str:
    """What must be equal: code without trailing spaces; a link target without its fragment
    and with the source's own language tag as a placeholder."""
    text = c.value.text if isinstance(c.value, Verbatim) else c.text
    if c.kind == "code":
        return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()
    if c.kind == "url":
        target = text.split("#", 1)[0]
        for code in langs:
            target = re.sub(rf"(?:^|(?<=[/._=-])){re.escape(code)}(?:[-_][A-Za-z]{{2,4}})?(?=$|[/.&?_])",
                            "\x00lang\x00", target, flags=re.IGNORECASE)
        return target
    return text.strip()


def _align(a: Sequence[str], b: Sequence[str]) -> tuple[list[tuple[int, int | None]], list[int]]:
    """Pairs ``(i, j)`` of ``a`` and ``b`` in order (``j`` None: no partner), and the indexes
    of ``b`` left without one."""
    pairs: list[tuple[int, int | None]] = []
    used: set[int] = set()
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                pairs.append((i1 + k, j1 + k))
                used.add(j1 + k)
            continue
        nxt = j1
        for i in range(i1, i2):
            best, best_score = None, _MIN_LIKENESS
            for j in range(nxt, j2):
                sm = difflib.SequenceMatcher(None, a[i], b[j], autojunk=False)
                if sm.real_quick_ratio() <= best_score or sm.quick_ratio() <= best_score:
                    continue
                score = sm.ratio()
                if score > best_score:
                    best, best_score = j, score
            if best is None and i2 - i1 == j2 - j1:
                best = j1 + (i - i1)  # as many on each side: the same place is the same fact
            pairs.append((i, best))
            if best is not None:
                used.add(best)
                nxt = best + 1
    return pairs, [j for j in range(len(b)) if j not in used]


def _first_difference(a: str, b: str) -> tuple[int | None, str, str]:
    """For texts of several lines, the number of the first line that differs and both lines."""
    la, lb = a.split("\n"), b.split("\n")
    if len(la) == 1 and len(lb) == 1:
        return None, a, b
    for n in range(max(len(la), len(lb))):
        x = la[n].rstrip() if n < len(la) else ""
        y = lb[n].rstrip() if n < len(lb) else ""
        if x != y:
            return n + 1, x, y
    return None, a, b


def _text(c: Claim) -> str:
    return c.value.text if isinstance(c.value, Verbatim) else c.text


def _finding(word: str, kind: str, members: list[tuple[str, Claim | None]], keys: dict[str, str]) -> Finding:
    """The finding of one fact of the reference source (first member) and its partners."""
    ref_id, ref = members[0]
    assert ref is not None
    present = [(sid, c) for sid, c in members if c is not None]
    missing = tuple(sid for sid, c in members if c is None)
    claims = tuple(SourceClaim(sid, c) for sid, c in present)
    differing = [(sid, c) for sid, c in present[1:] if keys[sid] != keys[ref_id]]
    if differing:
        sid, c = differing[0]
        line, x, y = _first_difference(_text(ref), _text(c))
        msg = messages.verbatim_differs(word, x, ref_id, y, sid, line)
        return Finding("conflict", kind, claims, msg, f"different-{kind}", None, missing)
    if missing:
        return Finding("missing", kind, claims, messages.verbatim_only_in(word, _text(ref), ", ".join(
            sid for sid, _ in present), missing), f"only-in:{'+'.join(sid for sid, _ in present)}", None, missing)
    localized = [(sid, c) for sid, c in present[1:] if _text(c).split("#")[0] != _text(ref).split("#")[0]]
    if localized and kind == "url":
        sid, c = localized[0]
        return Finding("match", kind, claims, messages.verbatim_localized(word, _text(ref), ref_id, _text(c), sid),
                       "localized")
    return Finding("match", kind, claims, messages.verbatim_same(word, _text(ref)), "equal")


def verbatim_findings(sources: Sequence[VerbatimSource], pivot: str | None = None) -> list[Finding]:
    """The findings of the verbatim facts of ``sources`` (see the module documentation)."""
    findings: list[Finding] = []
    groups = sorted({_group(c) for s in sources for c in s.claims})
    for kind, block in groups:
        able = [s for s in sources if kind in s.kinds]
        if len(able) < 2:
            continue
        ref = next((s for s in able if s.id == pivot), able[0])
        others = [s for s in able if s is not ref]
        lists = {s.id: [c for c in s.claims if _group(c) == (kind, block)] for s in able}
        keyed = {s.id: [_key(c, _langs(s.lang)) for c in lists[s.id]] for s in able}
        partner: dict[str, dict[int, int | None]] = {}
        for s in others:
            pairs, unpaired = _align(keyed[ref.id], keyed[s.id])
            partner[s.id] = dict(pairs)
            for j in unpaired:
                c = lists[s.id][j]
                missing = tuple(x.id for x in able if x is not s)
                findings.append(Finding("missing", kind, (SourceClaim(s.id, c),),
                                        messages.verbatim_only_in(messages.verbatim_word(kind, block), _text(c),
                                                                  s.id, missing),
                                        f"only-in:{s.id}", None, missing))
        word = messages.verbatim_word(kind, block)
        for i, c in enumerate(lists[ref.id]):
            members: list[tuple[str, Claim | None]] = [(ref.id, c)]
            keys = {ref.id: keyed[ref.id][i]}
            for s in others:
                k = partner[s.id].get(i)
                members.append((s.id, lists[s.id][k] if k is not None else None))
                if k is not None:
                    keys[s.id] = keyed[s.id][k]
            findings.append(_finding(word, kind, members, keys))
    return findings
