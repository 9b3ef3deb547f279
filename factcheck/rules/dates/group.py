"""Join atoms into date expressions: neighbouring atoms with different kinds of field ("2023년"
"7월" "20일" "(목)"; "Thursday" "," "July 20" "," "2023") when only the locale's ``join``
stands between, and two expressions around a range separator ("7월 20일~22일", "July 20-22").
Also says whether an expression is a date on its own (a weak atom alone needs its context)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from factcheck.rules.dates.atoms import Atom
from factcheck.rules.dates.fields import Fields, cats, read_fields
from factcheck.rules.dates.locale import DateLocale

__all__ = ["Expr", "can_join", "group", "alone_ok", "ranges"]

# which kinds of field may be written together in one expression ("2023년 7월", "July 20,
# Thursday", "하반기" but not "4월 하반기" or "20일 지난주"); modifiers (A, DIR, P) go with all
_TOGETHER: Mapping[str, frozenset[str]] = MappingProxyType({
    "Y": frozenset({"M", "D", "WD", "H", "Q", "T", "MI", "AP", "SP", "N", "WN"}),
    "M": frozenset({"Y", "D", "WD", "T", "MI", "AP", "N"}),
    "D": frozenset({"Y", "M", "WD", "T", "MI", "AP"}),
    "WD": frozenset({"Y", "M", "D", "W", "T", "MI", "AP", "N"}),
    "N": frozenset({"Y", "M", "WD", "WN"}),
    "WN": frozenset({"Y", "N"}),
    "W": frozenset({"WD"}),
    "H": frozenset({"Y"}),
    "Q": frozenset({"Y"}),
    "SP": frozenset({"Y"}),
    "T": frozenset({"Y", "M", "D", "WD", "AP", "MI"}),
    "MI": frozenset({"Y", "M", "D", "WD", "AP", "T"}),
    "AP": frozenset({"Y", "M", "D", "WD", "T", "MI"}),
})
#: the kinds of field of a time of day, and of periods longer than a day
_TIME_CATS = frozenset({"T", "MI", "AP", "DP", "A"})
_PERIOD_CATS = frozenset({"M", "Y", "W", "Q", "H", "WN", "SP"})
_MODIFIER_CATS = frozenset({"A", "DIR", "P", "U", "R", "WO", "SH", "BD", "SUB", "AM", "DP", "EV", "OP", "AN", "TZ"})
#: how far before an expression a range's opening word ("between", "from") may stand
_OPEN_WINDOW = 20
#: how far before a weak atom its context may stand
_CONTEXT_WINDOW = 40


def can_join(kinds: set[str], new: set[str]) -> bool:
    """Whether fields of the kinds ``new`` may join an expression with fields of ``kinds``."""
    if kinds & new:
        return False
    if (new & {"T", "MI", "AP", "DP"} and not kinds & {"D", "WD"} and kinds & _PERIOD_CATS) or \
            (kinds & {"T", "MI", "AP", "DP"} and not (kinds | new) & {"D", "WD"} and new & _PERIOD_CATS):
        return False  # a time of day goes with a day, not a month or a week ("next month at 6pm")
    for c in new - _MODIFIER_CATS:
        if not (kinds - _MODIFIER_CATS) <= _TOGETHER.get(c, frozenset()):
            return False
    return True


@dataclass(slots=True)
class Expr:
    """A date expression: atoms joined, with their fields (and those of a range's end)."""

    atoms: list[Atom]
    start: int
    end: int
    fields: Fields
    until: Fields | None = None
    until_bare: bool = False  # the end of the range is a bare number ("July 20-22")
    ranged: bool = False

    @property
    def cats(self) -> set[str]:
        return cats(self.fields)

    def content(self) -> list[Atom]:
        return [a for a in self.atoms if not a.spec.modifier]


def group(text: str, atoms: list[Atom], dl: DateLocale) -> list[Expr]:
    """Join neighbouring atoms into expressions."""
    out: list[Expr] = []
    for a in atoms:
        # a modifier joins the expression before it, or modifiers still waiting for their date
        # ("two months after" "next" "Friday")
        if out and (a.spec.attach != "next" or (not out[-1].content() and out[-1].atoms[-1].spec.attach == "next")):
            cur = out[-1]
            if can_join(cur.cats, a.cats) and dl.join_re.fullmatch(text, cur.end, a.start):
                cur.atoms.append(a)
                cur.end = a.end
                for k, v in a.fields.items():
                    if k == "until":
                        cur.until = {**(cur.until or {}), **v}
                    else:
                        cur.fields[k] = v
                continue
        fields = {k: v for k, v in a.fields.items() if k != "until"}
        out.append(Expr([a], a.start, a.end, fields, a.fields.get("until")))
    return out


def alone_ok(text: str, e: Expr, dl: DateLocale) -> bool:
    """Whether an expression is a date on its own: it has content, and a lone weak atom has
    its context written before it."""
    content = e.content()
    if not content:
        return False
    if len(e.atoms) > 1 or not content[0].spec.weak:
        return True
    if _standing_alone(text, e):
        return True
    ctx = content[0].spec.context or dl.weak_context_re
    if ctx is None:
        return False
    # searched in the text itself (not a slice): ^ is the start of the text, not of the window
    return ctx.search(text, max(0, e.start - _CONTEXT_WINDOW), e.start) is not None


#: what may stand around a value alone on its line ("March.", "(Tue)", "16:10")
_AROUND_ALONE = " \t\"'“”‘’()[].,;:!?"


def _standing_alone(text: str, e: Expr) -> bool:
    """Whether an expression is all its line holds (but punctuation): a bare month, a weekday
    abbreviation or a clock time standing alone is a date ("March", "Tue.", "16:10"). Not a
    number alone ("twelve"), a part of the day or a.m./p.m.; not a word read only beside another
    part of a date ("sat", "SUN" alone are words), nor digits that only name a month and a day
    ("6/5", "1/3": a common fraction is no date; the whole-line atoms of the locale decide)."""
    c = e.cats
    clock = {"T", "MI"} <= c
    if not (c & {"M", "WD"} or clock):  # a month, a weekday, or hours and minutes
        return False
    if any(a.spec.beside_only for a in e.content()):
        return False
    if not clock and not any(ch.isalpha() for ch in text[e.start:e.end]):
        return False
    line_start = text.rfind("\n", 0, e.start) + 1
    line_end = text.find("\n", e.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:e.start].strip(_AROUND_ALONE) and not text[e.end:line_end].strip(_AROUND_ALONE)


def _range_only(e: Expr) -> bool:
    """Whether an expression is made of atoms that are only one end of an explicit range
    ("between Jan 22 and now", "from March to date")."""
    content = e.content()
    return bool(content) and all(a.spec.range_only for a in content)


def _range_ok(text: str, a: Expr, b: Expr | None, dl: DateLocale) -> bool:
    """A range is a date when one end is one on its own, or both ends are single atoms of a
    kind that pairs ("April-June")."""
    if alone_ok(text, a, dl) or (b is not None and alone_ok(text, b, dl)):
        return True
    return (b is not None and len(a.atoms) == 1 and len(b.atoms) == 1 and a.atoms[0].spec.pairs
            and (a.atoms[0].spec is b.atoms[0].spec or (b.atoms[0].spec.pairs and bool(a.cats & b.cats))))


def _before(pattern: re.Pattern[str] | None, text: str, pos: int) -> bool:
    """Whether ``pattern`` ends just before ``pos`` (a word opening a range)."""
    return pattern is not None and pattern.search(text[max(0, pos - _OPEN_WINDOW):pos]) is not None


def _range_at(text: str, exprs: list[Expr], i: int, dl: DateLocale) -> tuple[Expr, int] | None:
    """The range that starts with ``exprs[i]`` and the number of expressions it takes, or None."""
    assert dl.range_sep_re is not None
    a = exprs[i]
    if a.until is not None or not a.content():
        return None
    m = dl.range_sep_re.match(text, a.end)
    # "between A and B", "A과 B 사이": some separators need a word before A or after B
    opened = m is not None and m.groupdict().get("opened") is not None
    closed = m is not None and m.groupdict().get("closed") is not None
    if opened and (dl.range_open_re is None or not _before(dl.range_open_re, text, a.start)):
        m = None
    if m is None or m.end() <= a.end:
        return None
    b = exprs[i + 1] if i + 1 < len(exprs) else None
    b_fields: Fields | None = None
    b_end = 0
    bare = False
    if b is not None and b.start == m.end() and b.until is None and b.content():
        b_fields, b_end = b.fields, b.end
    elif dl.range_end_re is not None and "D" in a.cats:
        mb = dl.range_end_re.match(text, m.end())
        if mb is not None and not (b is not None and b.start < mb.end()):
            b_fields, b_end, bare = read_fields(mb, dl), mb.end(), True
    if not b_fields:
        return None
    b_cats = cats(b_fields) - {"A", "P", "AP", "R", "DP", "TZ"}
    mc = dl.range_close_re.match(text, b_end) if dl.range_close_re is not None else None
    # B says no more than A (a weekday may be added: "1월 22일 수요일까지"), or only adds the
    # year they share ("Nov-Feb 2017", "5월부터 2020년 10월까지"), or both are dates of their own
    # and the range is explicit ("from 2015 to May 5th, 2017", "between 2015 and Feb 2018",
    # "2015년부터 2017년 5월 5일까지")
    a_cats = a.cats | {"AP"} | ({"MI"} if "T" in a.cats else set())  # "7 and 9:30": minutes may be added
    same = (b_cats - {"WD"}) <= a_cats and bool(b_cats - {"WD"} or "WD" in a.cats)
    year_added = (not same and "Y" in b_cats and "Y" not in a.cats and "R" not in a.cats
                  and (b_cats - {"WD", "Y"}) <= a_cats and bool(b_cats - {"WD", "Y"}))
    # a month alone up to a full date ("Nov-Feb 5th, 2017": from November 2016)
    day_added = (not same and not opened and not closed and not bare and a.cats == {"M"}
                 and not any(ch.isalpha() for ch in m.group())  # a dash, not "to"
                 and b_cats - {"WD"} == {"Y", "M", "D"})
    # a range of times whose end names the day of both ("3:00 to 4:00 tomorrow", "6-8 next
    # Monday", "10:30 to 3 on 1/1/2015")
    time_day = (not same and a.cats <= _TIME_CATS and "T" in b_cats and bool(b_cats - _TIME_CATS)
                and (b_cats - _TIME_CATS - {"Y", "M", "D", "WD", "W", "N"}) == set())
    from_before = _before(dl.range_from_re, text, a.start)
    explicit = (not same and not bare and b is not None and b_cats != {"WD"}
                and (opened or mc is not None or from_before or m.groupdict().get("explicit") is not None)
                and (alone_ok(text, a, dl) or _range_only(a)) and (alone_ok(text, b, dl) or _range_only(b))
                and not (_range_only(a) and _range_only(b)))
    # a closed separator (2014년에서 2018년) needs its closing word, or a word before A that says
    # a span follows (기간은 2014년에서 2018년)
    if closed and from_before and dl.range_change_re is not None and dl.range_change_re.match(text, b_end):
        from_before = False
    if not (b_cats and (same or year_added or day_added or explicit or time_day)
            and (mc is not None or not closed or from_before) and _range_ok(text, a, b if not bare else None, dl)):
        return None
    until = dict(b_fields)  # a.m./p.m. of one end for the other: factcheck.rules.dates.moments.prepare
    end = mc.end() if mc is not None else b_end
    atoms = a.atoms + (b.atoms if (b is not None and not bare) else [])
    a_fields = dict(a.fields)
    day_first = b is not None and not bare and bool(b.content()) and not (b.content()[0].cats & _TIME_CATS)
    if (time_day or (a.cats <= _TIME_CATS and "T" in b_cats)) and not day_first:
        # the start takes the day of the end ("3:00 to 4:00 tomorrow"; not "2pm till tomorrow 4:30pm")
        # (a part of the day of its own stays: "밤 10시~새벽 2시")
        a_fields.update({k: v for k, v in until.items()
                         if k not in ("hour", "minute", "ampm", "half_hour") and k not in a_fields})
    if ("year" in until and "month" in a_fields and "year" not in a_fields and "direction" not in a_fields
            and not any(k.startswith("rel_") for k in a_fields)):
        # the start takes the year of the end, the year before when its month comes later
        # ("Nov-Feb 2017": November 2016)
        late = "month" in a_fields and "month" in until and a_fields["month"] > until["month"]
        a_fields["year"] = until["year"] - (1 if late else 0)
    return Expr(atoms, a.start, end, a_fields, until, bare, True), (1 if bare else 2)


def ranges(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Join "A ~ B" into one expression when B says no more than A ("7월 20일~22일")."""
    if dl.range_sep_re is None:
        return exprs
    out: list[Expr] = []
    i = 0
    while i < len(exprs):
        found = _range_at(text, exprs, i, dl)
        if found is None:
            out.append(exprs[i])
            i += 1
            continue
        r, taken = found
        i += taken
        until = r.until
        assert until is not None
        # what follows the range may complete both ends: "July 20-22, 2023"
        nxt = exprs[i] if i < len(exprs) else None
        if (nxt is not None and nxt.until is None and nxt.content()
                and can_join(r.cats | cats(until), nxt.cats)
                and dl.join_re.fullmatch(text, r.end, nxt.start)):
            r.fields.update(nxt.fields)
            # "June 3-9, 2024": the end also takes the month of the start
            month = {"month": r.fields["month"]} if "month" in r.fields and "day" in until else {}
            r.until = {**month, **nxt.fields, **until}
            r.atoms += nxt.atoms
            r.end = nxt.end
            i += 1
        out.append(r)
    return _loose_ends(text, out, dl)


def _loose_ends(text: str, exprs: list[Expr], dl: DateLocale) -> list[Expr]:
    """Expressions that joined the end of a range without its range ("3" "on Saturday" in "won
    2-3 on Saturday": a score), regrouped without it: the day stays a date, the number is none."""
    if not any(not e.ranged and len(e.content()) > 1 and any(a.spec.range_only for a in e.content())
               for e in exprs):
        return exprs
    out: list[Expr] = []
    for e in exprs:
        if e.ranged or len(e.content()) < 2 or not any(a.spec.range_only for a in e.content()):
            out.append(e)
            continue
        out.extend(group(text, [a for a in e.atoms if not a.spec.range_only], dl))
    return out
