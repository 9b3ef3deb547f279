"""The date rule: dates, periods and times of day, for any locale with a date vocabulary.

What a language writes lives in ``factcheck/locales/dates/<code>.toml`` (plus ``common.toml``):
*atoms* (regular expressions whose named groups say which field was written: ``year``,
``month``, ``day``, ``weekday``, ``relative`` ...) and the vocabulary they use. The rule:

1. finds every atom and keeps the longest where they overlap;
2. joins neighbouring atoms with different fields into one expression ("2023년" "7월" "20일"
   "(목)"; "Thursday" "," "July 20" "," "2023") when only the locale's ``join`` stands between;
3. joins two expressions around a range separator ("7월 20일~22일", "July 20-22");
4. drops *weak* atoms standing alone without their context ("May" is a verb, "2023" in
   "Expo 2023" a name) and expressions made only of modifiers ("지난", "early");
5. builds a :class:`~factcheck.values.DateValue` and resolves it against the document's
   reference date (:func:`factcheck.dates.resolve`), and gives the claim a role: ``published``
   (the date of a header label or dateline) or ``statement`` (a date attached to a reporting verb).

:func:`published_date` finds a text's publication date in its header, for ``extract`` to use as
the reference date when the caller gave none. dateparser is only imported, lazily, for header
values our own atoms cannot read, in the languages the locale lists (English).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import importlib.resources
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from factcheck.claims import Claim
from factcheck.dates import (
    PREFERENCES,
    WEEKDAYS,
    _consistent,
    _last_day,
    _month_shift,
    day_with_weekday,
    interval,
    resolve,
)
from factcheck.errors import LocaleError
from factcheck.text.document import Document
from factcheck.values import DateValue

__all__ = ["extract_date", "make_date_extractor", "published_date", "load_date_locale", "DateLocale",
           "parse_date"]

_CATEGORY = {
    "year": "Y", "year2": "Y", "rel_year": "Y", "decade": "Y", "century": "Y", "rel_decade": "Y", "rel_century": "Y",
    "month": "M", "rel_month": "M",
    "rel_week": "W",
    "day": "D", "rel_day": "D", "rel_months": "D", "rel_years": "D",
    "relative": "R",
    "weekday": "WD", "easter": "D",
    "hour": "T", "minute": "MI",
    "ampm": "AP",
    "half": "H", "quarter": "Q", "rel_quarter": "Q",
    "part": "P", "scope": "SP",
    "direction": "DIR",
    "approx": "A", "pick_month": "A",
    "until": "U",
    "mm_or_dd": "M", "dd_or_mm": "D",
    "nth": "N", "nth_week": "N",
    "week_no": "WN", "week_of": "WO", "weekend_of": "WO", "shift": "SH", "shift_to": "SH", "shift_open": "SH", "business": "BD", "sub": "SUB",
}
_REL_ORDER = ("day", "months", "years", "week", "month", "quarter", "year", "decade", "century")
# which kinds of field may be written together in one expression ("2023년 7월", "July 20,
# Thursday", "하반기" but not "4월 하반기" or "20일 지난주"); modifiers (A, DIR, P) go with all
_TOGETHER = {
    "Y": {"M", "D", "WD", "H", "Q", "T", "MI", "AP", "SP", "N", "WN"},
    "M": {"Y", "D", "WD", "T", "MI", "AP", "N"},
    "D": {"Y", "M", "WD", "T", "MI", "AP"},
    "WD": {"Y", "M", "D", "W", "T", "MI", "AP", "N"},
    "N": {"Y", "M", "WD", "WN"},
    "WN": {"Y", "N"},
    "W": {"WD"},
    "H": {"Y"},
    "Q": {"Y"},
    "SP": {"Y"},
    "T": {"Y", "M", "D", "WD", "AP", "MI"},
    "MI": {"Y", "M", "D", "WD", "AP", "T"},
    "AP": {"Y", "M", "D", "WD", "T", "MI"},
}
_MODIFIER_CATS = {"A", "DIR", "P", "U", "R", "WO", "SH", "BD", "SUB"}
# a shift of n units: (months, days)
_UNIT_SHIFT = {"day": (0, 1), "week": (0, 7), "fortnight": (0, 14), "month": (1, 0), "quarter": (3, 0), "year": (12, 0),
               "decade": (120, 0), "bday": (0, 1)}


def _can_join(cats: set[str], new: set[str]) -> bool:
    if cats & new:
        return False
    for c in new - _MODIFIER_CATS:
        if not (cats - _MODIFIER_CATS) <= _TOGETHER.get(c, set()):
            return False
    return True


@dataclass(frozen=True, slots=True)
class _AtomSpec:
    name: str
    source: str  # the pattern, compiled on first use (most atoms never meet a place to start)
    weak: bool
    modifier: bool
    context_source: str | None
    attach: str = ""  # "next" or "prev": the side a modifier qualifies
    pairs: bool = False  # two weak atoms of this kind make a range on their own ("April-June")
    # where the atom may start (tried with .match there, instead of scanning the whole text):
    # "digit" (a run of digits), "word" (a word that begins with one of `triggers`), "after"
    # (the end of another atom), or a character class such as "[(]"
    first: tuple[str, ...] = ()
    triggers: frozenset[str] = frozenset()
    # "2010-11" (a season, a fiscal year) is two years, not November 2010: a numeric
    # year-month whose month is the year's next two digits is dropped
    no_year_span: bool = False
    # only one end of an explicit range, never a date alone ("between Jan 22 and now")
    range_only: bool = False

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.source)

    @property
    def context(self) -> re.Pattern[str] | None:
        return _compiled(self.context_source) if self.context_source else None


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> re.Pattern[str]:
    """A compiled atom pattern (a bounded cache of a pure function)."""
    return re.compile(source)


@dataclass(frozen=True)
class DateLocale:
    """The compiled date vocabulary of one language (see factcheck/locales/dates/)."""

    code: str
    atoms: tuple[_AtomSpec, ...]
    vocab: Mapping[str, Mapping[str, Any]]
    case_insensitive: bool
    utc_offset: str | None
    local_time_re: re.Pattern[str] | None
    join_re: re.Pattern[str]
    range_sep_re: re.Pattern[str] | None
    range_end_re: re.Pattern[str] | None
    range_close_re: re.Pattern[str] | None
    range_open_re: re.Pattern[str] | None
    range_from_re: re.Pattern[str] | None
    weak_context_re: re.Pattern[str] | None
    header_lines: int
    published_label_re: re.Pattern[str] | None
    dateline_before_re: re.Pattern[str] | None
    dateline_after_re: re.Pattern[str] | None
    statement_before_re: re.Pattern[str] | None
    statement_after_re: re.Pattern[str] | None
    statement_subject_re: re.Pattern[str] | None
    statement_verb_re: re.Pattern[str] | None
    sentence_end_re: re.Pattern[str] | None
    # a comparison baseline ("rose 12% from a year earlier", "지난해보다"): role "baseline"
    baseline_before_re: re.Pattern[str] | None
    baseline_after_re: re.Pattern[str] | None
    # a plan or forecast earlier in the sentence ("will open on Friday"): a bare weekday or a
    # month without its year is then read forward in time, whatever the default preference
    future_tense_re: re.Pattern[str] | None
    # the same told after the date, up to the end of its sentence (Korean: "금요일 발표할
    # 예정이다"), unless an ending of `past_tense_after` comes first: the date then belongs to
    # a clause told in the past ("금요일 발표된 계획에 따라 … 예정이다")
    future_after_re: re.Pattern[str] | None
    past_after_re: re.Pattern[str] | None
    # atoms after which a weekday names a day of the week they lead to ("in 3 days on
    # Friday", "Monday two weeks from now"), not the day itself
    weekday_in_week: frozenset[str]
    # words such as "the" and "a" that start many atoms: they trigger them only when the next
    # word is a digit or a word of the vocabulary ("the third week", "a week ago"), which
    # spares most of the text's articles
    lead_words: frozenset[str]
    vocab_words: frozenset[str]
    dateparser_languages: tuple[str, ...]
    word_re: re.Pattern[str]
    trigger_prefix: bool
    trigger_lengths: tuple[int, ...]
    word_atoms: Mapping[str, tuple[int, ...]]
    examples: tuple[Mapping[str, Any], ...] = field(default=())
    # the late part of the current week, month or year starts no earlier than the reference day
    # (이달 말 written on the 28th: the 28th to the 31st)
    late_from_reference: bool = False
    # after the end of a closed range: a change, not a span ("2019년에서 2022년으로 연장")
    range_change_re: re.Pattern[str] | None = None
    # where a word that begins with (or is) a trigger starts; None when the word pattern is
    # not a plain character class, and every word is then looked up
    trigger_re: re.Pattern[str] | None = None

    def fold(self, word: str) -> str:
        """The vocabulary key of a written word: without spaces (지난 주 = 지난주), lower case
        in case-insensitive languages."""
        word = "".join(word.split())
        return word.lower() if self.case_insensitive else word


def _read(name: str) -> dict[str, Any] | None:
    path = importlib.resources.files("factcheck").joinpath("locales", "dates", f"{name}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def _compile(pattern: str | None, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


@functools.lru_cache(maxsize=16)
def load_date_locale(code: str) -> DateLocale:
    """Load and compile the date vocabulary of a language (cached: it never changes)."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?", code) or code == "common":
        raise LocaleError(f"unsupported language {code!r}", reason="unsupported-language")
    data = _read(code)
    if data is None:
        raise LocaleError(f"no date vocabulary for language {code!r} (factcheck/locales/dates/{code}.toml)",
                          reason="unsupported-kind")
    common = _read("common") or {}
    meta = data.get("dates", {})
    ci = bool(meta.get("case_insensitive", False))
    exact = set(meta.get("exact_case", []))
    space = str(meta.get("vocab_space", r"[ \t]+"))
    snippets = {**common.get("snippets", {}), **data.get("snippets", {})}

    vocab: dict[str, dict[str, Any]] = {}
    for table, words in data.get("vocab", {}).items():
        vocab[table] = {("".join(k.split()).lower() if ci else "".join(k.split())): v for k, v in words.items()}

    def alternation(table: str) -> str:
        words = sorted(data.get("vocab", {}).get(table, {}), key=lambda w: (-len(w), w))
        parts: list[str] = []
        run: list[str] = []  # consecutive case-insensitive words share one (?i:...) group
        for w in words:
            p = space.join(re.escape(piece) for piece in w.split(" "))
            if ci and w not in exact:
                run.append(p)
                continue
            if run:
                parts.append("(?i:" + "|".join(run) + ")")
                run = []
            parts.append(p)
        if run:
            parts.append("(?i:" + "|".join(run) + ")")
        return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"

    def expand(pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in snippets:
                return str(snippets[name])
            if name in data.get("vocab", {}):
                return alternation(name)
            raise LocaleError(f"date pattern of {code!r} uses unknown <<{name}>>", reason="bad-locale")
        return re.sub(r"<<(\w+)>>", sub, pattern)

    def first_words(table: str) -> set[str]:
        return {("".join(k.split(" ")[0].split()).lower() if ci else k.split(" ")[0])
                for k in data.get("vocab", {}).get(table, {})}

    atoms = []
    for a in list(common.get("atom", [])) + list(data.get("atom", [])):
        ctx = a.get("context")
        first = a.get("first", [])
        first = (first,) if isinstance(first, str) else tuple(first)
        triggers: set[str] = set()
        if "word" in first:
            for t in a.get("triggers", [f"@{n}" for n in re.findall(r"<<(\w+)>>", a["pattern"])]):
                if t.startswith("@"):
                    triggers |= first_words(t[1:])
                else:
                    triggers.add(t.lower() if ci else t)
        atoms.append(_AtomSpec(
            name=a["name"],
            source=expand(a["pattern"]),
            weak=bool(a.get("weak", False)),
            modifier=bool(a.get("modifier", False)),
            context_source=expand(ctx) if ctx else None,
            attach=str(a.get("attach", "")),
            pairs=bool(a.get("pairs", False)),
            first=first,
            triggers=frozenset(triggers),
            no_year_span=bool(a.get("no_year_span", False)),
            range_only=bool(a.get("range_only", False)),
        ))
    word_atoms: dict[str, list[int]] = {}
    for i, spec in enumerate(atoms):
        for t in spec.triggers:
            word_atoms.setdefault(t, []).append(i)
    st = data.get("statement", {})
    return DateLocale(
        code=code,
        atoms=tuple(atoms),
        vocab=MappingProxyType({k: MappingProxyType(v) for k, v in vocab.items()}),
        case_insensitive=ci,
        utc_offset=str(meta.get("utc_offset") or "") or None,
        local_time_re=_compile(meta.get("local_time")),
        join_re=re.compile(str(meta.get("join", r"[ \t]*"))),
        range_sep_re=_compile(meta.get("range_separator")),
        range_end_re=_compile(expand(meta["range_end"]) if meta.get("range_end") else None),
        range_close_re=_compile(meta.get("range_close")),
        range_open_re=_compile(meta.get("range_open")),
        range_from_re=_compile(meta.get("range_from")),
        weak_context_re=_compile(meta.get("weak_context")),
        header_lines=int(meta.get("header_lines", 20)),
        published_label_re=_compile(meta.get("published_label")),
        dateline_before_re=_compile(meta.get("dateline_before")),
        dateline_after_re=_compile(meta.get("dateline_after")),
        statement_before_re=_compile(st.get("before")),
        statement_after_re=_compile(st.get("after")),
        statement_subject_re=_compile(st.get("subject_before")),
        statement_verb_re=_compile(st.get("sentence_verb")),
        sentence_end_re=_compile(st.get("sentence_end")),
        baseline_before_re=_compile(data.get("baseline", {}).get("before")),
        baseline_after_re=_compile(data.get("baseline", {}).get("after")),
        future_tense_re=_compile(meta.get("future_tense")),
        future_after_re=_compile(meta.get("future_tense_after")),
        past_after_re=_compile(meta.get("past_tense_after")),
        weekday_in_week=frozenset(meta.get("weekday_in_week", [])),
        lead_words=frozenset(w.lower() if ci else w for w in meta.get("lead_words", [])),
        vocab_words=frozenset(word_atoms) | frozenset(
            (w.lower() if ci else w) for words in data.get("vocab", {}).values() for k in words
            for w in k.replace("-", " ").split()[:1]),
        dateparser_languages=tuple(meta.get("dateparser_languages", [])),
        word_re=re.compile(str(meta.get("word", r"[A-Za-z]+"))),
        trigger_prefix=bool(meta.get("trigger_prefix", False)),
        trigger_lengths=tuple(sorted({len(t) for t in word_atoms})),
        word_atoms=MappingProxyType({k: tuple(v) for k, v in word_atoms.items()}),
        examples=tuple(MappingProxyType(e) for e in data.get("examples", [])),
        late_from_reference=bool(meta.get("late_from_reference", False)),
        range_change_re=_compile(meta.get("range_change")),
        trigger_re=_trigger_re(str(meta.get("word", r"[A-Za-z]+")), word_atoms,
                               prefix=bool(meta.get("trigger_prefix", False)), ci=ci),
    )


def _trie_pattern(words: list[str]) -> str:
    """One regex for a set of literal words, as a trie, so that the engine tries only the
    branches that share the next character (much faster than a flat alternation)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)


def _trigger_re(word: str, word_atoms: Mapping[str, Any], *, prefix: bool, ci: bool) -> re.Pattern[str] | None:
    """The start of every word that is a trigger word (or, with ``prefix``, begins with one),
    found by the regex engine in one pass instead of a lookup per word."""
    m = re.fullmatch(r"(\[[^\]]+\])\+", word)
    if m is None:
        return None
    cls = m.group(1)
    whole = re.compile(word)
    # a trigger that is not a whole word (e.g. "1st") is never met by the word scan either
    triggers = [t for t in word_atoms if whole.fullmatch(t)]
    if not triggers:
        return re.compile(r"(?!x)x")
    body = _trie_pattern(sorted(triggers))
    pattern = f"(?<!{cls})(?={body})" if prefix else f"(?<!{cls})(?:{body})(?!{cls})"
    # case-insensitive languages: the triggers are lower case and the text is lowered first
    # (a flag-free regex is twice as fast as re.IGNORECASE)
    return re.compile(pattern)


def _date_locale_or_none(code: str) -> DateLocale | None:
    try:
        return load_date_locale(code)
    except LocaleError:
        return None


# ----------------------------------------------------------------------------- atoms
@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    fields: dict[str, Any]
    spec: _AtomSpec

    @property
    def cats(self) -> set[str]:
        return _cats(self.fields)


def _cats(fields: dict[str, Any]) -> set[str]:
    """The kinds of field an atom or expression has; "R" marks a relative one (two relative
    words never make one expression: "last month next year")."""
    out = {_CATEGORY[k] for k in fields}
    if any(k.startswith("rel_") for k in fields):
        out.add("R")
    return out


def _lookup(dl: DateLocale, table: str, word: str) -> Any:
    key = dl.fold(word)
    for name, words in dl.vocab.items():
        if name == table or name.startswith(table + "_"):
            if key in words:
                return words[key]
            if key.rstrip(".") in words:
                return words[key.rstrip(".")]
    return None


def _fields(m: re.Match[str], dl: DateLocale) -> dict[str, Any] | None:
    """What an atom match says, as fields; None when a word is not in the vocabulary."""
    out: dict[str, Any] = {}
    until: dict[str, Any] = {}
    for group, text in m.groupdict().items():
        # one field written in several alternatives of a pattern: "year__2" is "year" (the
        # re module wants distinct names; one atom with alternatives costs less than many)
        group = group.split("__")[0]
        if text is None or group == "sep":
            continue
        target = out
        if group.startswith("end_"):
            group, target = group[4:], until
        if group in ("year", "month", "day", "hour", "minute", "quarter", "decade", "half", "mm_or_dd", "dd_or_mm") and text.isdigit():
            target[group] = int(text)
        elif group == "year2":
            yy = int(text)
            target["year"] = 2000 + yy if yy < 70 else 1900 + yy
            target["year2"] = True  # the century is a guess, set again from the reference date
        elif group == "decade2":
            yy = int(text)
            target["decade"] = 2000 + yy if yy < 30 else 1900 + yy
        elif group == "second":
            continue
        elif group == "half_hour":
            target["minute"] = 30
        elif group == "approx":
            target["approx"] = True
        elif group in ("ago_n", "ago_n2", "ago_n3") and text.isdigit():
            target[group] = int(text)
        elif group in ("ago_n2", "ago_n3", "ago_unit2", "ago_unit3"):
            value = _lookup(dl, group[:-1], text)
            if value is None:
                return None
            target[group] = value
        elif group in _NUMERAL_GROUPS:
            n = _numeral(text, dl)
            if n is None:
                return None
            target[group] = n
        elif group == "pick_month":
            target["pick_month"] = True
        elif group == "century" and text.isdigit():
            target["century"] = int(text)
        elif group == "week_no":
            target["nth_week"] = int(text)
            target["week_no"] = True
        elif group == "weekday_n":  # two Sundays from now: the nth such day after the reference
            n = int(text) if text.isdigit() else _lookup(dl, "ago_n", text)
            if n is None or not 1 <= int(n) <= 52:
                return None
            target["direction"], target["shift"] = "next", (0, 7 * (int(n) - 1))
        elif group == "weekend_of":
            target["weekend_of"] = True
        elif group == "week_of":
            target["week_of"] = True
        elif group == "business":
            target["business"] = True
        elif group in ("sub_side", "sub_unit"):  # the first 2 weeks of (a period)
            target[group] = dl.fold(text)
        elif group == "sub_n":
            n = int(text) if text.isdigit() else _lookup(dl, "ago_n", text)
            if n is None:
                return None
            target[group] = int(n)
        elif group == "span_to":  # "within 2 weeks from today": a span, not a shift
            target["span_to"] = dl.fold(text)
        elif group in ("nth", "nth_week") and text[:1].isdigit():
            target[group] = int("".join(ch for ch in text if ch.isdigit()))
        else:
            table = {"month_name": "month", "nth_week": "nth"}.get(group, group)
            value = _lookup(dl, table, text)
            if value is None:
                return None
            if group == "month_name":
                target["month"] = int(value)
            elif group in ("day_ordinal", "day_cardinal"):
                target["day"] = int(value)
            elif group == "relative":
                target[f"rel_{value[0]}"] = int(value[1])
                if len(value) > 2:
                    target["part"] = value[2]
            elif group == "scope_part":
                target["scope"], target["part"] = value[0], value[1]
            elif group == "clock":
                target["hour"], target["minute"] = int(value[0]), int(value[1])
            else:
                target[group] = value
    for target in (out, until):
        # numbers written in words: 이십일일, 오월, two thousand and eighteen; a year written as
        # two numbers ("nineteen seventy eight", "nineteen zero one"); a decade word ("the
        # seventies", "the nineteen seventies")
        hi = target.pop("year_hi", None)
        if "year_lo" in target:
            lo = target.pop("year_lo")
            if hi is None or not 10 <= hi <= 99 or not 0 <= lo <= 99:
                return None
            target["year"] = hi * 100 + lo
        elif "decade_word" in target:
            d = int(target.pop("decade_word"))
            if d < 100:
                d = hi * 100 + d if hi is not None else (2000 + d if d < 30 else 1900 + d)
            target["decade"] = d
        if "year_words" in target:
            y = target.pop("year_words")
            if not 100 <= y <= 2999:
                return None
            target["year"] = y
        if "month_words" in target:
            target["month"] = target.pop("month_words")
        if "day_words" in target:
            target["day"] = target.pop("day_words")
        if not 1 <= target.get("month", 1) <= 12 or not 1 <= target.get("day", 1) <= 31:
            return None
    holiday = out.pop("holiday", None)
    if holiday is not None:  # [month, day], [month, weekday, nth], ["easter", days]; a shift
        if holiday[0] == "easter":
            out["easter"] = int(holiday[1])
        elif len(holiday) >= 3:
            out["month"], out["weekday"], out["nth"] = int(holiday[0]), str(holiday[1]), int(holiday[2])
        else:
            out["month"], out["day"] = int(holiday[0]), int(holiday[1])
        if len(holiday) == 4:
            out["shift"] = (0, int(holiday[3]))
    if "mm_or_dd" in out:  # 21/04/2016 is day-first, 4/21/2016 month-first
        a, b = out.pop("mm_or_dd"), out.pop("dd_or_mm")
        out["month"], out["day"] = (b, a) if a > 12 else (a, b)
        if out["month"] > 12:
            return None
    for target in (out, until):
        # amounts of time: 3일 전, two weeks ago, 1 month 21 days ago, 3 days after (a date),
        # the past 3 weeks
        if "period_unit" in target:  # the past two quarters
            target["ago_unit"] = target.pop("period_unit")
        amounts = [(int(target.pop(f"ago_n{s}", 1)), str(target.pop(f"ago_unit{s}")))
                   for s in ("", "2", "3") if f"ago_unit{s}" in target]
        if "ago_days" in target:
            amounts.append((int(target.pop("ago_days")), "day"))
        if not amounts:
            continue
        if any(u == "bday" for _, u in amounts):  # "in four business days": Monday to Friday
            out["business"] = True
        months = sum(n * _UNIT_SHIFT[u][0] for n, u in amounts)
        days = sum(n * _UNIT_SHIFT[u][1] for n, u in amounts)
        if "period_dir" in target:  # the past 3 weeks: up to the day before; the next 3 days
            direction = target.pop("period_dir")  # within the next 3 years: from the day itself
            sign = 1 if direction in ("next", "within") else -1
            if len(amounts) > 1:  # the past 3 months and 2 weeks, within 5 years 1 month 12 days:
                # the amounts add up (largest unit first); a span from the reference date to the
                # reference date shifted, applied once resolved
                sizes = [_UNIT_SHIFT[u][0] * 31 + _UNIT_SHIFT[u][1] for _, u in amounts]
                if target is not out or any(u in ("quarter", "decade", "bday") for _, u in amounts) \
                        or any(a <= b for a, b in zip(sizes, sizes[1:])):
                    return None
                target["rel_day"] = 0
                target["shift_to"] = (sign * months, sign * days)
                if direction != "within":  # the past ...: up to the day before; the next ...:
                    target["shift_open"] = True  # from the day after
                continue
            unit = amounts[0][1]
            if unit in ("quarter", "decade"):  # the past 2 quarters, the next 3 decades: whole
                n = amounts[0][0]  # calendar quarters or decades
                target[f"rel_{unit}"] = sign if sign > 0 else -n
                if target is out:
                    until = {f"rel_{unit}": n if sign > 0 else -1}
                continue
            far = ({"rel_day": sign * days} if not months else
                   {"rel_months": sign * months} if months % 12 else {"rel_years": sign * months // 12})
            near = {"rel_day": 0 if direction == "within" else sign}
            target.update(near if sign > 0 else far)
            if target is out:
                until = {**(far if sign > 0 else near)}
            continue
        if "shift_dir" in target:  # 3 days after (the date beside it): applied once resolved
            sign = int(target.pop("shift_dir"))
            span = target.pop("span_to", None)
            if span is not None:  # "within 2 weeks from today": a span, not a shift; "for 3
                sign = 0  # days from today" ends the day before the day shifted
                days -= 1 if span == "for" else 0
            # 0: within (내일로부터 3일 안에): from the date beside it to that date shifted
            target["shift" if sign else "shift_to"] = (sign * months, sign * days) if sign else (months, days)
            continue
        sign = int(target.pop("ago_dir", -1))
        if len(amounts) > 1:  # 1 month 21 days ago: the reference date shifted twice
            target["rel_day"] = 0
            target["shift"] = (sign * months, sign * days)
        elif months:
            unit = "years" if months % 12 == 0 else "months"  # the same day n months or years away
            target[f"rel_{unit}"] = target.get(f"rel_{unit}", 0) + sign * (months // 12 if unit == "years" else months)
        else:
            target["rel_day"] = target.get("rel_day", 0) + sign * days
    if "sub_side" in out:  # the first 2 weeks of 2021: (side, n, unit) of the period beside it
        out["sub"] = (out.pop("sub_side") != "first", out.pop("sub_n"), out.pop("sub_unit").rstrip("s"))
    to_ref = out.pop("to_ref", None)
    if to_ref is not None:  # earlier this year: from its start to the reference date; later
        unit, side = str(to_ref[0]), str(to_ref[1])  # this year: from the reference date on
        whole, today = {f"rel_{unit}": 0}, {"rel_day": 0}
        out.update(whole if side == "earlier" else today)
        until = today if side == "earlier" else whole
    if ("year" in until and "year" not in out and "month" in out and "month" in until
            and not any(k.startswith("rel_") for k in out)):
        # 5/1-5/7/2020: the start takes the year of the end (the year before when its month
        # comes later: 11/20-2/5/2017 starts in 2016)
        out["year"] = until["year"] - (1 if out["month"] > until["month"] else 0)
        if until.get("year2"):
            out["year2"] = True
    if until:
        out["until"] = until
    return out


_NUMERAL_GROUPS = frozenset({"year_words", "year_hi", "year_lo", "month_words", "day_words"})


def _numeral(text: str, dl: DateLocale) -> int | None:
    """A whole number written in words with the locale's [vocab.numeral] (units, teens, tens)
    and [vocab.numeral_scale] (hundred, thousand; 십, 백, 천): "one thousand seven hundred and
    eighty nine", "seventeen hundred thirty three", 이천십팔. The words are read longest first,
    without spaces or hyphens. None when a piece is not a numeral word."""
    units = {k: v for name, table in dl.vocab.items()
             if name.startswith("numeral") and name != "numeral_scale" for k, v in table.items()}
    scales = dl.vocab.get("numeral_scale", {})
    word = dl.fold(text).replace("-", "")
    longest = max((len(k) for k in (*units, *scales)), default=0)
    total = current = pending = 0
    seen = False
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 0, -1):
            piece = word[i:i + n]
            if piece in scales:
                scale = int(scales[piece])
                if scale >= 1000:
                    total += (current + pending or 1) * scale
                    current = pending = 0
                else:
                    current += (pending or 1) * scale
                    pending = 0
                break
            if piece in units:
                pending += int(units[piece])
                break
        else:
            return None
        seen = True
        i += n
    return total + current + pending if seen else None


_DIGIT_RUN = re.compile(r"[0-9]+")


@functools.lru_cache(maxsize=64)
def _char_class(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _scan_atoms(text: str, dl: DateLocale) -> list[_Atom]:
    """Every atom of the text, the longest kept where they overlap.

    An atom is tried only where it may start (its ``first``): at the start of a run of digits,
    at a word that begins with one of its trigger words, at a character of a class, or right
    after another atom. This keeps the cost near one pass over the text whatever the number
    of atoms."""
    found: list[_Atom] = []

    def add(spec: _AtomSpec, m: re.Match[str] | None) -> None:
        if m is not None and m.end() > m.start():
            f = _fields(m, dl)
            if f and spec.no_year_span and "year" in f and f.get("month") == (f["year"] + 1) % 100:
                return
            if f:
                found.append(_Atom(m.start(), m.end(), f, spec))

    digits: list[int] | None = None
    by_atom: dict[int, list[int]] | None = None  # where each word atom may start
    after: list[_AtomSpec] = []
    for index, spec in enumerate(dl.atoms):
        if not spec.first:
            for m in spec.regex.finditer(text):
                add(spec, m)
            continue
        positions: set[int] = set()
        for first in spec.first:
            if first == "digit":
                if digits is None:
                    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
                positions.update(digits)
            elif first == "word":
                if by_atom is None:
                    by_atom = {}
                    for p, hits in _word_starts(text, dl).items():
                        for i in hits:
                            by_atom.setdefault(i, []).append(p)
                positions.update(by_atom.get(index, ()))
            elif first == "after":
                after.append(spec)
            else:
                positions.update(m.start() for m in _char_class(first).finditer(text))
        if not positions:
            continue
        match = spec.regex.match
        for pos in sorted(positions):
            m = match(text, pos)
            if m is not None:
                add(spec, m)
    tried: set[int] = set()
    for _ in range(2):  # suffixes may follow suffixes: 7월 말경
        # the second round tries only the ends of what the first round found
        ends = sorted(({a.end for a in found} | {a.end + 1 for a in found if text[a.end:a.end + 1] in (" ", "\t")})
                      - tried)
        tried.update(ends)
        before = len(found)
        for spec in after:
            match = spec.regex.match
            for pos in ends:
                m = match(text, pos)
                if m is not None:
                    add(spec, m)
        if len(found) == before:
            break
    # the longest atom wins where atoms overlap (then the earlier one, then the first listed)
    found.sort(key=lambda a: (-(a.end - a.start), a.start))
    kept: list[_Atom] = []
    starts: list[int] = []
    for a in found:
        k = bisect.bisect_left(starts, a.start)
        if k > 0 and kept[k - 1].end > a.start:
            continue
        if k < len(kept) and kept[k].start < a.end:
            continue
        kept.insert(k, a)
        starts.insert(k, a.start)
    return kept


def _word_starts(text: str, dl: DateLocale) -> dict[int, list[int]]:
    """The start of every word that begins with a trigger word, and the atoms it triggers."""
    out: dict[int, list[int]] = {}
    table = dl.word_atoms
    # the trigger regex finds the candidate words in one pass; only they are looked up
    scan, seen = dl.trigger_re, text
    if scan is not None and dl.case_insensitive:
        seen = text.lower()
        if len(seen) != len(text):  # a character whose lower case is longer: look up every word
            scan, seen = None, text
    if scan is None:
        scan = dl.word_re
    for m in scan.finditer(seen):
        if scan is not dl.word_re and dl.trigger_prefix:
            m = dl.word_re.match(seen, m.start())  # type: ignore[assignment]  # the whole word
        word = m.group()
        if dl.case_insensitive:
            word = word.lower()
        if dl.trigger_prefix:
            hits: list[int] = []
            for n in dl.trigger_lengths:
                if n > len(word):
                    break
                hits.extend(table.get(word[:n], ()))
            if hits:
                out[m.start()] = hits
        else:
            hit = table.get(word)
            if hit:
                if word in dl.lead_words:  # "the", "a": only before a digit or a date word
                    n = _NEXT_TOKEN.match(seen, m.end())
                    token = "" if n is None else n.group(1).lower() if dl.case_insensitive else n.group(1)
                    if not token or not (token[0].isdigit() or token in dl.vocab_words):
                        continue
                out[m.start()] = list(hit)
    return out


_NEXT_TOKEN = re.compile(r"[ \t]+(\d|[^\W\d_]+)")


# ----------------------------------------------------------------------------- expressions
@dataclass(slots=True)
class _Expr:
    atoms: list[_Atom]
    start: int
    end: int
    fields: dict[str, Any]
    until: dict[str, Any] | None = None
    until_bare: bool = False  # the end of the range is a bare number ("July 20-22")
    ranged: bool = False

    @property
    def cats(self) -> set[str]:
        return _cats(self.fields)

    def content(self) -> list[_Atom]:
        return [a for a in self.atoms if not a.spec.modifier]


def _group(text: str, atoms: list[_Atom], dl: DateLocale) -> list[_Expr]:
    out: list[_Expr] = []
    for a in atoms:
        # a modifier joins the expression before it, or modifiers still waiting for their date
        # ("two months after" "next" "Friday")
        if out and (a.spec.attach != "next" or (not out[-1].content() and out[-1].atoms[-1].spec.attach == "next")):
            cur = out[-1]
            if _can_join(cur.cats, a.cats) and dl.join_re.fullmatch(text, cur.end, a.start):
                cur.atoms.append(a)
                cur.end = a.end
                for k, v in a.fields.items():
                    if k == "until":
                        cur.until = {**(cur.until or {}), **v}
                    else:
                        cur.fields[k] = v
                continue
        fields = {k: v for k, v in a.fields.items() if k != "until"}
        out.append(_Expr([a], a.start, a.end, fields, a.fields.get("until")))
    return out


def _alone_ok(text: str, e: _Expr, dl: DateLocale) -> bool:
    """Whether an expression is a date on its own: it has content, and a lone weak atom has
    its context written before it."""
    content = e.content()
    if not content:
        return False
    if len(e.atoms) > 1 or not content[0].spec.weak:
        return True
    ctx = content[0].spec.context or dl.weak_context_re
    if ctx is None:
        return False
    return ctx.search(text[max(0, e.start - 40):e.start]) is not None


def _range_only(e: _Expr) -> bool:
    """Whether an expression is made of atoms that are only one end of an explicit range
    ("between Jan 22 and now", "from March to date")."""
    content = e.content()
    return bool(content) and all(a.spec.range_only for a in content)


def _ranges(text: str, exprs: list[_Expr], dl: DateLocale) -> list[_Expr]:
    """Join "A ~ B" into one expression when B says no more than A ("7월 20일~22일")."""
    if dl.range_sep_re is None:
        return exprs
    out: list[_Expr] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        joined = False
        if a.until is None and a.content():
            m = dl.range_sep_re.match(text, a.end)
            # "between A and B", "A과 B 사이": some separators need a word before A or after B
            opened = m is not None and m.groupdict().get("opened") is not None
            closed = m is not None and m.groupdict().get("closed") is not None
            if opened and (dl.range_open_re is None or not dl.range_open_re.search(text[max(0, a.start - 20):a.start])):
                m = None
            if m is not None and m.end() > a.end:
                b = exprs[i + 1] if i + 1 < len(exprs) else None
                b_fields: dict[str, Any] | None = None
                b_end = 0
                bare = False
                if b is not None and b.start == m.end() and b.until is None and b.content():
                    b_fields, b_end = b.fields, b.end
                elif dl.range_end_re is not None and "D" in a.cats:
                    mb = dl.range_end_re.match(text, m.end())
                    if mb is not None and not (b is not None and b.start < mb.end()):
                        b_fields, b_end, bare = _fields(mb, dl), mb.end(), True
                if b_fields:
                    b_cats = _cats(b_fields) - {"A", "P", "AP", "R"}
                    mc = dl.range_close_re.match(text, b_end) if dl.range_close_re is not None else None
                    # B says no more than A (a weekday may be added: "1월 22일 수요일까지"), or only
                    # adds the year they share ("Nov-Feb 2017", "5월부터 2020년 10월까지"), or both
                    # are dates of their own and the range is explicit ("from 2015 to May 5th,
                    # 2017", "between 2015 and Feb 2018", "2015년부터 2017년 5월 5일까지")
                    a_cats = a.cats | {"AP"}
                    same = (b_cats - {"WD"}) <= a_cats and bool(b_cats - {"WD"} or "WD" in a.cats)
                    year_added = (not same and "Y" in b_cats and "Y" not in a.cats and "R" not in a.cats
                                  and (b_cats - {"WD", "Y"}) <= a_cats and bool(b_cats - {"WD", "Y"}))
                    # a month alone up to a full date ("Nov-Feb 5th, 2017": from November 2016)
                    day_added = (not same and not opened and not closed and not bare and a.cats == {"M"}
                                 and not any(ch.isalpha() for ch in m.group())  # a dash, not "to"
                                 and b_cats - {"WD"} == {"Y", "M", "D"})
                    from_before = (dl.range_from_re is not None
                                   and dl.range_from_re.search(text[max(0, a.start - 20):a.start]) is not None)
                    explicit = (not same and not bare and b is not None and b_cats != {"WD"}
                                and (opened or mc is not None or from_before or m.groupdict().get("explicit") is not None)
                                and (_alone_ok(text, a, dl) or _range_only(a)) and (_alone_ok(text, b, dl) or _range_only(b))
                                and not (_range_only(a) and _range_only(b)))
                    # a closed separator (2014년에서 2018년) needs its closing word, or a word before
                    # A that says a span follows (기간은 2014년에서 2018년)
                    if closed and from_before and dl.range_change_re is not None and dl.range_change_re.match(text, b_end):
                        from_before = False
                    if (b_cats and (same or year_added or day_added or explicit)
                            and (mc is not None or not closed or from_before) and _range_ok(text, a, b if not bare else None, dl)):
                        until = dict(b_fields)
                        if "hour" in until and "ampm" not in until and "ampm" in a.fields:
                            until["ampm"] = a.fields["ampm"]
                        end = mc.end() if mc is not None else b_end
                        atoms = a.atoms + (b.atoms if (b is not None and not bare) else [])
                        a_fields = dict(a.fields)
                        if ("year" in until and "month" in a_fields and "year" not in a_fields and "direction" not in a_fields
                                and not any(k.startswith("rel_") for k in a_fields)):
                            # the start takes the year of the end, the year before when its month
                            # comes later ("Nov-Feb 2017": November 2016)
                            late = "month" in a_fields and "month" in until and a_fields["month"] > until["month"]
                            a_fields["year"] = until["year"] - (1 if late else 0)
                        r = _Expr(atoms, a.start, end, a_fields, until, bare, True)
                        i += 1 if bare else 2
                        # what follows the range may complete both ends: "July 20-22, 2023"
                        nxt = exprs[i] if i < len(exprs) else None
                        if (nxt is not None and nxt.until is None and nxt.content() and end == r.end
                                and _can_join(r.cats | _cats(until), nxt.cats)
                                and dl.join_re.fullmatch(text, r.end, nxt.start)):
                            r.fields.update(nxt.fields)
                            r.until = {**nxt.fields, **until}
                            r.atoms += nxt.atoms
                            r.end = nxt.end
                            i += 1
                        out.append(r)
                        joined = True
        if not joined:
            out.append(a)
            i += 1
    return out


def _range_ok(text: str, a: _Expr, b: _Expr | None, dl: DateLocale) -> bool:
    """A range is a date when one end is one on its own, or both ends are single atoms of a
    kind that pairs ("April-June")."""
    if _alone_ok(text, a, dl) or (b is not None and _alone_ok(text, b, dl)):
        return True
    return (b is not None and len(a.atoms) == 1 and len(b.atoms) == 1
            and a.atoms[0].spec is b.atoms[0].spec and a.atoms[0].spec.pairs)


def _to24(hour: int, ampm: str | None) -> int:
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _build(f: dict[str, Any], dl: DateLocale, offset: str | None) -> DateValue:
    hour = f.get("hour")
    ampm = f.get("ampm")
    part_of_day = None
    if hour is not None:
        hour = _to24(hour, ampm)
    elif ampm is not None:
        part_of_day = ampm
    rel = next(((u, f[f"rel_{u}"]) for u in _REL_ORDER if f"rel_{u}" in f), None)
    if "scope" in f and rel is None and not any(k in f for k in ("year", "month", "day", "decade", "weekday")):
        rel = (f["scope"], 0)
    minute = f.get("minute") if hour is not None else None
    direction = f.get("direction")
    if direction in ("last_week", "next_week") and "weekday" not in f:
        direction = direction[:4]  # "last April": the week only matters for weekdays
    if minute is not None:
        grain = "minute"
    elif hour is not None:
        grain = "hour"
    elif any(k in f for k in ("day", "weekday", "rel_day", "rel_months", "rel_years")):
        grain = "day"
    elif "rel_week" in f or (rel is not None and rel[0] == "week"):
        grain = "week"
    elif "month" in f or (rel is not None and rel[0] == "month"):
        grain = "month"
    elif "quarter" in f or (rel is not None and rel[0] == "quarter"):
        grain = "quarter"
    elif "half" in f:
        grain = "half"
    else:
        grain = "year"
    if "nth_week" in f or "nth" in f:
        grain = "day" if "weekday" in f else "week"
    return DateValue(
        nth=f.get("nth", f.get("nth_week")), nth_week="nth_week" in f and "weekday" not in f,
        grain=grain, year=f.get("year"), month=f.get("month"), day=f.get("day"),
        weekday=f.get("weekday"), hour=hour, minute=minute, half=f.get("half"),
        quarter=f.get("quarter"), decade=f.get("decade"), part=f.get("part"),
        part_of_day=part_of_day, relative=rel, direction=direction,
        utc_offset=offset if hour is not None else None, approx=bool(f.get("approx", False)),
    )


def _fields_exist(v: DateValue) -> bool:
    f = {k: getattr(v, k) for k in ("year", "month", "day", "weekday", "half", "quarter", "decade", "part")}
    f["weekday"] = None  # a wrong weekday beside a date is a finding, not a reason to drop it
    return _consistent(f)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- roles
def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


#: the longest text a publication label or dateline (with a byline) may put before its date
_MAX_LABEL = 300


def _is_published(text: str, e: _Expr, dl: DateLocale, header_end: int) -> bool:
    if e.start >= header_end:
        return False
    line_start = text.rfind("\n", max(0, e.start - _MAX_LABEL - 1), e.start) + 1
    if line_start == 0 and e.start > _MAX_LABEL:
        return False  # a label or dateline is short; matching a long line for each date is quadratic
    prefix = text[line_start:e.start]
    if dl.published_label_re is not None and dl.published_label_re.fullmatch(prefix):
        return True
    if (dl.dateline_before_re is not None and dl.dateline_after_re is not None
            and dl.dateline_before_re.fullmatch(prefix) and dl.dateline_after_re.match(text, e.end)):
        return True
    return False


def _is_statement(text: str, e: _Expr, dl: DateLocale) -> bool:
    before = text[max(0, e.start - 80):e.start]
    if dl.statement_before_re is not None and dl.statement_before_re.search(before):
        return True
    if dl.statement_after_re is not None and dl.statement_after_re.match(text, e.end):
        return True
    if dl.statement_subject_re is not None and dl.statement_verb_re is not None and dl.statement_subject_re.search(before):
        window_end = len(text)
        if dl.sentence_end_re is not None:
            m = dl.sentence_end_re.search(text, e.end, min(len(text), e.end + 400))
            window_end = m.start() if m else min(len(text), e.end + 400)
        if dl.statement_verb_re.search(text[e.end:window_end]):
            return True
    return False


def _is_baseline(text: str, e: _Expr, dl: DateLocale, value: DateValue) -> bool:
    """A relative date that a figure is compared with ("from a year earlier", "지난해보다");
    not "from Jan. 1", the start of something."""
    if value.relative is None or e.ranged:
        return False
    if dl.baseline_before_re is not None and dl.baseline_before_re.search(text, max(0, e.start - 40), e.start):
        return True
    return dl.baseline_after_re is not None and dl.baseline_after_re.match(text, e.end) is not None


# ----------------------------------------------------------------------------- the rule
def _header_end(text: str, lines: int) -> int:
    pos = 0
    for _ in range(lines):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _claims(text: str, dl: DateLocale, ref: _dt.date | None, prefer: str, *, header_only: bool = False) -> list[Claim]:
    header_end = _header_end(text, dl.header_lines)
    scan = text[:header_end] if header_only else text
    exprs = _ranges(scan, _group(scan, _scan_atoms(scan, dl), dl), dl)
    out: list[Claim] = []
    for e in exprs:
        if not e.ranged and not _alone_ok(scan, e, dl):
            continue
        offset = dl.utc_offset
        if offset and dl.local_time_re is not None and dl.local_time_re.search(scan[max(0, e.start - 20):e.start]):
            offset = None
        fields = e.fields
        if ref is not None:  # a two-digit year: the century that puts it at most 20 years after
            fields = _year2_window(fields, ref)  # the reference date ("3/18/40" in 2016: 1940)
        if fields.get("week_no") and "year" not in fields and not any(k.startswith("rel_") for k in fields):
            if ref is None:  # week 31 of which year: only the reference date says
                continue
            fields = {**fields, "year": ref.year}
        in_week = None  # "in 3 days on Friday": the Friday of the week three days on
        if ("weekday" in fields and not e.until and dl.weekday_in_week
                and any(a.spec.name in dl.weekday_in_week for a in e.atoms)
                # the weekday is not the day counted from ("3 days from Tuesday")
                and (any(k in fields for k in ("year", "month", "day", "easter"))
                     or any(k.startswith("rel_") for k in fields))):
            in_week = WEEKDAYS.index(fields["weekday"])
            fields = {k: v for k, v in fields.items() if k != "weekday"}
        value = _build(fields, dl, offset)
        if e.until:
            until_fields = _year2_window(e.until, ref) if ref is not None else e.until
            if until_fields.get("week_no") and "year" not in until_fields and "year" in fields:
                until_fields = {**until_fields, "year": fields["year"]}
            value = replace(value, until=_build(until_fields, dl, offset))
        if not _fields_exist(value) or (value.until is not None and not _fields_exist(value.until)):
            continue
        prefer_here = prefer
        if (prefer == "past" and ref is not None and not e.until
                and ("weekday" in fields or ("month" in fields and "year" not in fields))
                and (_future_before(scan, e.start, dl) or _future_after(scan, e.end, dl))
                and not _is_statement(scan, e, dl)):
            prefer_here = "future"  # "the plant will open on Friday": the coming Friday
        value = resolve(value, ref, weekday=prefer_here)
        if (fields.get("pick_month") and (value.weekday_mismatch or value.start is None) and ref is not None and not e.until
                and value.weekday is not None and value.day is not None
                and not any(k in fields for k in ("month", "year", "rel_month", "rel_year"))):
            # "Friday the 13th": the weekday written first picks the month
            d = day_with_weekday(ref, value.day, WEEKDAYS.index(value.weekday), prefer_here)
            if d is None:
                continue
            value = _one_day(d, value.weekday)
        if "easter" in fields:  # Easter of the year written or of the reference year
            y = fields.get("year")
            if y is None and ref is not None and not any(k.startswith("rel_") and k != "rel_year" for k in fields):
                y = ref.year + int(fields.get("rel_year", 0))
                way = str(fields.get("direction", ""))[:4]  # last Easter, next Easter
                if "rel_year" not in fields and way in ("last", "next"):
                    this = _easter(y) + _dt.timedelta(days=int(fields["easter"]))
                    if way == "last" and this >= ref:
                        y -= 1
                    elif way == "next" and this <= ref:
                        y += 1
            if y is None or e.until or not _dt.MINYEAR <= int(y) <= _dt.MAXYEAR:
                continue
            try:
                d = _easter(int(y)) + _dt.timedelta(days=int(fields["easter"]))
            except (OverflowError, ValueError):  # off the calendar
                continue
            value = _one_day(d)
        if "century" in fields:  # the 15th century: 1401..1500 is the strict reading, the
            # convention (and the Recognizers specs) is 1400..1499
            c = int(fields["century"])
            if not 1 <= c <= 30 or e.until:
                continue
            first_year = max(1, (c - 1) * 100)
            value = DateValue(grain="year", start=_dt.date(first_year, 1, 1), end=_dt.date(c * 100 - 1, 12, 31))
        if (dl.late_from_reference and ref is not None and value.part == "late" and not e.until
                and value.relative is not None and value.relative[1] == 0 and "scope" not in fields
                and isinstance(value.start, _dt.date) and not isinstance(value.start, _dt.datetime)
                and value.end is not None and value.start < ref <= value.end):
            value = replace(value, start=ref)
        if fields.get("business"):  # 영업일 기준 나흘 후: days counted Monday to Friday
            value = _business_days(value, ref)
            if value is None:
                continue
        if "sub" in fields:
            value = _sub_period(value, *fields["sub"])
            if value is None:
                continue
        if "shift" in fields or "shift_to" in fields or fields.get("week_of") or fields.get("weekend_of"):
            try:
                value = _around(value, fields)
            except (OverflowError, ValueError):  # shifted off the calendar
                value = None
            if value is None:
                continue
        if in_week is not None:
            iv = interval(value)
            if iv is None or iv[0] != iv[1]:
                continue
            d = iv[0] + _dt.timedelta(days=in_week - iv[0].weekday())
            value = _one_day(d, WEEKDAYS[in_week])
        published = _is_published(scan, e, dl, header_end)
        if header_only and not published:
            continue
        role = "published" if published else ("statement" if _is_statement(scan, e, dl) else
                                               "baseline" if _is_baseline(scan, e, dl, value) else None)
        head = e.content()[0].spec.name if e.content() else e.atoms[0].spec.name
        rule = f"{dl.code}.date.{head}" + (".range" if e.ranged else "")
        out.append(Claim("date", scan[e.start:e.end], e.start, e.end, value, rule, dl.code, role=role))
    if dl.dateparser_languages and dl.published_label_re is not None and not any(c.role == "published" for c in out):
        extra = _published_by_dateparser(text[:header_end], dl, ref)
        if extra is not None:
            out.append(extra)
            out.sort(key=lambda c: c.start)
    return out


def _future_after(text: str, pos: int, dl: DateLocale) -> bool:
    """Whether a plan or forecast (``future_tense_after``) is told in the rest of the sentence
    after ``pos`` (at most 200 characters on, up to the sentence end), before any past-tense
    ending (``past_tense_after``), which would tie the date to a clause told in the past."""
    if dl.future_after_re is None:
        return False
    hi = min(len(text), pos + 200)
    if dl.sentence_end_re is not None:
        m = dl.sentence_end_re.search(text, pos, hi)
        if m is not None:
            hi = m.start()
    fut = dl.future_after_re.search(text, pos, hi)
    if fut is None:
        return False
    return dl.past_after_re is None or dl.past_after_re.search(text, pos, fut.start()) is None


def _future_before(text: str, pos: int, dl: DateLocale) -> bool:
    """Whether a plan or forecast (``future_tense``) is written in the sentence before ``pos``
    (at most 160 characters back, after the last . ! ? or line break)."""
    if dl.future_tense_re is None:
        return False
    lo = max(0, pos - 160)
    cut = max(lo, max(text.rfind(ch, lo, pos) for ch in ".!?\n") + 1)
    return dl.future_tense_re.search(text, cut, pos) is not None


def _year2_window(fields: dict[str, Any], ref: _dt.date) -> dict[str, Any]:
    if not fields.get("year2") or "year" not in fields:
        return fields
    y = int(fields["year"]) % 100 + ref.year // 100 * 100
    if y > ref.year + 20:
        y -= 100
    elif y <= ref.year - 80:
        y += 100
    return {**fields, "year": y}


def _easter(year: int) -> _dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return _dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _business_days(value: DateValue, ref: _dt.date | None) -> DateValue | None:
    """A shift of the reference date, or a period from it, counted in working days (Monday to
    Friday; public holidays are not known): None when the value is not such a shift."""
    ends = [value] + ([value.until] if value.until is not None else [])
    if ref is None or any(v.relative is None or v.relative[0] != "day" or v.relative[1] == 0 for v in ends):
        return None

    def nth(k: int) -> _dt.date:
        d, step = ref, (1 if k > 0 else -1)
        for _ in range(abs(k)):
            d += _dt.timedelta(days=step)
            while d.weekday() >= 5:
                d += _dt.timedelta(days=step)
        return d

    days = [nth(v.relative[1]) for v in ends]  # type: ignore[index]
    first, last = min(days), max(days)
    until = replace(value.until, start=days[1], end=days[1]) if value.until is not None else None
    return replace(value, start=first, end=last, until=until)


def _sub_period(value: DateValue, last: bool, n: int, unit: str) -> DateValue | None:
    """The first or last ``n`` days, weeks or months of a resolved month or year ("the first 2
    weeks of 2021", "the last four months of 2021"); a week belongs to the period of its
    Thursday. None when the value is not such a period or has fewer units."""
    iv = interval(value)
    if iv is None or value.until is not None or value.grain not in ("month", "quarter", "half", "year") or n < 1:
        return None
    s, e = iv
    if unit == "day":
        if n > (e - s).days + 1:
            return None
        first, end = (e - _dt.timedelta(days=n - 1), e) if last else (s, s + _dt.timedelta(days=n - 1))
    elif unit == "week":
        monday = s - _dt.timedelta(days=s.weekday())
        if monday + _dt.timedelta(days=3) < s:
            monday += _dt.timedelta(days=7)
        mondays = []
        while monday + _dt.timedelta(days=3) <= e:
            mondays.append(monday)
            monday += _dt.timedelta(days=7)
        if n > len(mondays):
            return None
        picked = mondays[-n:] if last else mondays[:n]
        first, end = picked[0], picked[-1] + _dt.timedelta(days=6)
    elif unit == "month":
        count = (e.year - s.year) * 12 + e.month - s.month + 1
        if n > count:
            return None
        first = _dt.date(*_month_shift(s.year, s.month, count - n if last else 0), 1)
        y, m = _month_shift(first.year, first.month, n - 1)
        end = _dt.date(y, m, _last_day(y, m))
    else:
        return None
    return DateValue(grain=unit, start=first, end=end)


def _one_day(d: _dt.date, weekday: str | None = None) -> DateValue:
    """A resolved value of one day, with its fields."""
    return DateValue(grain="day", start=d, end=d, year=d.year, month=d.month, day=d.day, weekday=weekday)


def _around(value: DateValue, fields: dict[str, Any]) -> DateValue | None:
    """A day shifted by an amount of time ("3 days after January 12th", "어제로부터 4일 후",
    "1 month 21 days ago") or the week (Monday to Sunday) around a day ("the week of April
    10th", "9월 16일의 주"). Both need the day itself: None when it is not resolved to one day."""
    iv = interval(value)
    if iv is None or iv[0] != iv[1] or value.until is not None:
        return None
    day = first = iv[0]
    if "shift" in fields or "shift_to" in fields:
        months, days = fields["shift"] if "shift" in fields else fields["shift_to"]
        y, m = _month_shift(day.year, day.month, months)
        if not _dt.MINYEAR <= y <= _dt.MAXYEAR:
            return None
        day = _dt.date(y, m, min(day.day, _last_day(y, m))) + _dt.timedelta(days=days)
    if "shift_to" in fields:  # within: from the day written to the day shifted
        start, end = (first, day) if day >= first else (day, first)
        if fields.get("shift_open"):  # the past / the next (compound amounts): the day written
            one = _dt.timedelta(days=1)  # is left out
            start, end = (start + one, end) if day >= first else (start, end - one)
        last = _one_day(end)
        return DateValue(grain="day", start=start, end=end, until=last)
    if fields.get("week_of"):
        monday = day - _dt.timedelta(days=day.weekday())
        return DateValue(grain="week", start=monday, end=monday + _dt.timedelta(days=6))
    if fields.get("weekend_of"):  # Thanksgiving weekend: the holiday (Thursday) to Sunday; a
        # Monday or Tuesday holiday: from the Saturday before; a Wednesday one: both weekends
        wd = day.weekday()
        before = day - _dt.timedelta(days=wd + 2)
        after = day + _dt.timedelta(days=6 - wd)
        start = before if wd <= 2 else min(day, after - _dt.timedelta(days=1))
        return DateValue(grain="day", start=start, end=day if wd <= 1 else after)
    return _one_day(day)


def _published_by_dateparser(header: str, dl: DateLocale, ref: _dt.date | None) -> Claim | None:
    """A labelled header value our atoms could not read ("Published: 21.07.2023"), read by
    dateparser with explicit languages and settings (never its global defaults). A value must
    name a day, month and year to count."""
    assert dl.published_label_re is not None
    pos = 0
    for line in header.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = dl.published_label_re.match(body)
        if m is not None and m.end() > 0 and body[m.end() - 1:m.end()] in (":", "：", " ", "\t"):
            cut = m.end()
            value_text = body[cut:].strip()
            if value_text and len(value_text) <= 60 and any(ch.isdigit() for ch in value_text):
                parsed = _dateparser_parse(value_text, dl.dateparser_languages, ref)
                if parsed is not None:
                    start = pos + cut + (len(body[cut:]) - len(body[cut:].lstrip()))
                    day = parsed.date()
                    value = _one_day(day)
                    return Claim("date", header[start:start + len(value_text)], start, start + len(value_text),
                                 value, f"{dl.code}.date.dateparser", dl.code, role="published")
        pos += len(line)
    return None


def _dateparser_parse(text: str, languages: tuple[str, ...], ref: _dt.date | None) -> _dt.datetime | None:
    import dateparser  # lazily: `import factcheck` must not import it

    base = _dt.datetime(ref.year, ref.month, ref.day) if ref is not None else _dt.datetime(2000, 1, 1)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    try:
        return dateparser.parse(text, languages=list(languages), settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a header is optional
        return None


def _extract(doc: Document, weekday: str = "past") -> list[Claim]:
    dl = load_date_locale(doc.locale.code)
    return _claims(doc.text, dl, doc.reference_date, weekday)


def make_date_extractor(*, weekday: str = "past") -> functools.partial[list[Claim]]:
    """A date rule with another weekday preference ("past", "future" or "nearest"), for
    ``Registry.with_rule(lang, "date", make_date_extractor(weekday="future"))``."""
    if weekday not in PREFERENCES:
        raise ValueError(f"weekday preference must be one of {PREFERENCES}, not {weekday!r}")
    return functools.partial(_extract, weekday=weekday)


def extract_date(doc: Document) -> list[Claim]:
    """The date claims of a document (bare weekdays resolve to the past: news reports the past)."""
    return _extract(doc)


def published_date(text: str, lang: str) -> _dt.date | None:
    """The publication date written in the header of ``text`` (a labelled date such as
    "등록 2023/07/20 (목)" or "Published: July 21, 2023", or a dated dateline), or None."""
    dl = _date_locale_or_none(lang)
    if dl is None:
        return None
    for c in _claims(text, dl, None, "past", header_only=True):
        v = c.value
        if isinstance(v, DateValue) and v.start is not None and v.grain in ("day", "hour", "minute"):
            s = v.start
            return s.date() if isinstance(s, _dt.datetime) else s
    return None


def parse_date(text: str, lang: str, reference_date: _dt.date | None = None, *,
               weekday: str = "past") -> DateValue | None:
    """The value of one date expression that spans all of ``text`` (or None): a helper for tests
    and for the locale examples."""
    dl = load_date_locale(lang)
    for c in _claims(text, dl, reference_date, weekday):
        if c.start == 0 and c.end == len(text.rstrip()):
            return c.value  # type: ignore[return-value]
    return None

