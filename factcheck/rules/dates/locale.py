"""The date vocabulary of a language: load ``factcheck/locales/dates/<code>.toml`` (with
``common.toml``), expand its ``<<name>>`` references and compile it into a :class:`DateLocale`.

An atom is a regular expression whose named groups say which field was written; the locale also
says where each atom may start (its trigger words), and holds the patterns of the context rules
(range separators, publication labels, reporting verbs, future-tense cues).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from factcheck.errors import LocaleError
from factcheck.locale.files import read_locale_file

__all__ = ["AtomSpec", "DateLocale", "load_date_locale", "date_locale_or_none"]

#: a locale code: two or three letters, optionally a region or script ("en", "pt-BR")
_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?")
_REFERENCE = re.compile(r"<<(\w+)>>")
#: a word pattern that is one character class repeated ("[A-Za-z]+"): the trigger regex needs it
_CLASS_WORD = re.compile(r"(\[[^\]]+\])\+")
_NEVER = r"(?!x)x"


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> re.Pattern[str]:
    """A compiled atom pattern (a bounded cache of a pure function of the locale's pattern)."""
    return re.compile(source)


@dataclass(frozen=True, slots=True)
class AtomSpec:
    """One ``[[atom]]`` of a date locale."""

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

    @property
    def beside_only(self) -> bool:
        """Whether the atom is read only beside another part of a date: its context can never
        match ("sat", "SUN": words as well; a bare hour "at 5")."""
        return self.context_source == _NEVER


@dataclass(frozen=True)
class DateLocale:
    """The compiled date vocabulary of one language (see factcheck/locales/dates/)."""

    code: str
    atoms: tuple[AtomSpec, ...]
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
    # what may stand between a date and its time of day beyond `join` ("at around", "@")
    time_join_re: re.Pattern[str] | None = None
    # the words of a range open on one side, before the date ("since ", "until ") and after it
    # (이후, 부터, " onwards"); named groups since / after / until / before
    open_before_re: re.Pattern[str] | None = None
    open_after_re: re.Pattern[str] | None = None
    # words that make a bare day number a count (근무일수 13일, 13일 연속)
    count_before_re: re.Pattern[str] | None = None
    count_after_re: re.Pattern[str] | None = None
    # atoms read only in a plan or forecast, or alone (3일 이내)
    plan_atoms: frozenset[str] = frozenset()
    # the words that open an explicit range, taken into its claim ("from", "between")
    range_lead_re: re.Pattern[str] | None = None
    # how long a time of day lasts, after it or before it ("from 9 for 2.5 hrs")
    span_after_re: re.Pattern[str] | None = None
    span_before_re: re.Pattern[str] | None = None

    def fold(self, word: str) -> str:
        """The vocabulary key of a written word: without spaces (지난 주 = 지난주), lower case
        in case-insensitive languages."""
        word = "".join(word.split())
        return word.lower() if self.case_insensitive else word


def _read(name: str) -> dict[str, Any] | None:
    """``locales/dates/<name>.toml``, checked against its schema; None when there is none."""
    return read_locale_file(("dates", name), missing_ok=True)


def _compile(pattern: str | None, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


class _Expander:
    """Expands ``<<name>>`` in a locale's patterns: a snippet, or the alternation of the words
    of ``[vocab.name]`` (longest first)."""

    def __init__(self, code: str, data: Mapping[str, Any], snippets: Mapping[str, Any]) -> None:
        meta = data.get("dates", {})
        self.code = code
        self.words: Mapping[str, Mapping[str, Any]] = data.get("vocab", {})
        self.snippets = snippets
        self.ci = bool(meta.get("case_insensitive", False))
        self.exact = set(meta.get("exact_case", []))
        self.space = str(meta.get("vocab_space", r"[ \t]+"))
        self.word = re.compile(str(meta.get("word", r"[A-Za-z]+")))

    def alternation(self, table: str) -> str:
        words = sorted(self.words.get(table, {}), key=lambda w: (-len(w), w))
        parts: list[str] = []
        run: list[str] = []  # consecutive case-insensitive words share one (?i:...) group
        for w in words:
            p = self.space.join(re.escape(piece) for piece in w.split(" "))
            if self.ci and w not in self.exact:
                run.append(p)
                continue
            if run:
                parts.append("(?i:" + "|".join(run) + ")")
                run = []
            parts.append(p)
        if run:
            parts.append("(?i:" + "|".join(run) + ")")
        return "(?:" + "|".join(parts) + ")" if parts else _NEVER

    def __call__(self, pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name in self.snippets:
                return str(self.snippets[name])
            if name in self.words:
                return self.alternation(name)
            raise LocaleError(f"date pattern of {self.code!r} uses unknown <<{name}>>", reason="bad-locale")
        return _REFERENCE.sub(sub, pattern)

    def first_words(self, table: str) -> set[str]:
        """The first word of each entry of a vocabulary table (its trigger words): the letters it
        starts with ("Valentine's Day": valentine), or its first token when it starts otherwise
        (3·1절, 1st)."""
        out = set()
        for k in self.words.get(table, {}):
            token = "".join(k.split(" ")[0].split())
            m = self.word.match(token)
            token = m.group() if m else token
            out.add(token.lower() if self.ci else token)
        return out


def _atoms(common: Mapping[str, Any], data: Mapping[str, Any], expand: _Expander) -> list[AtomSpec]:
    atoms = []
    for a in list(common.get("atom", [])) + list(data.get("atom", [])):
        ctx = a.get("context")
        first = a.get("first", [])
        first = (first,) if isinstance(first, str) else tuple(first)
        triggers: set[str] = set()
        if "word" in first:
            for t in a.get("triggers", [f"@{n}" for n in _REFERENCE.findall(a["pattern"])]):
                if t.startswith("@"):
                    triggers |= expand.first_words(t[1:])
                else:
                    triggers.add(t.lower() if expand.ci else t)
        atoms.append(AtomSpec(
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
    return atoms


@functools.lru_cache(maxsize=16)
def load_date_locale(code: str) -> DateLocale:
    """Load and compile the date vocabulary of a language (cached: it never changes)."""
    if not isinstance(code, str) or not _CODE.fullmatch(code) or code == "common":
        raise LocaleError(f"unsupported language {code!r}", reason="unsupported-language")
    data = _read(code)
    if data is None:
        raise LocaleError(f"no date vocabulary for language {code!r} (factcheck/locales/dates/{code}.toml)",
                          reason="unsupported-kind")
    common = _read("common") or {}
    meta = data.get("dates", {})
    ci = bool(meta.get("case_insensitive", False))
    expand = _Expander(code, data, {**common.get("snippets", {}), **data.get("snippets", {})})

    vocab: dict[str, dict[str, Any]] = {}
    for table, words in data.get("vocab", {}).items():
        vocab[table] = {("".join(k.split()).lower() if ci else "".join(k.split())): v for k, v in words.items()}

    atoms = _atoms(common, data, expand)
    word_atoms: dict[str, list[int]] = {}
    for i, spec in enumerate(atoms):
        for t in spec.triggers:
            word_atoms.setdefault(t, []).append(i)
    st = data.get("statement", {})
    word = str(meta.get("word", r"[A-Za-z]+"))
    prefix = bool(meta.get("trigger_prefix", False))
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
        # the first two words of each entry: an article may open it ("the yr before last")
        vocab_words=frozenset(word_atoms) | frozenset(
            (w.lower() if ci else w) for words in data.get("vocab", {}).values() for k in words
            for w in k.replace("-", " ").split()[:2]),
        dateparser_languages=tuple(meta.get("dateparser_languages", [])),
        word_re=re.compile(word),
        trigger_prefix=prefix,
        trigger_lengths=tuple(sorted({len(t) for t in word_atoms})),
        word_atoms=MappingProxyType({k: tuple(v) for k, v in word_atoms.items()}),
        examples=tuple(MappingProxyType(e) for e in data.get("examples", [])),
        late_from_reference=bool(meta.get("late_from_reference", False)),
        range_change_re=_compile(meta.get("range_change")),
        trigger_re=_trigger_re(word, word_atoms, prefix=prefix),
        time_join_re=_compile(meta.get("time_join")),
        open_before_re=_compile(expand(meta["open_before"]) + r"\Z" if meta.get("open_before") else None),
        open_after_re=_compile(expand(meta["open_after"]) if meta.get("open_after") else None),
        count_before_re=_compile(meta.get("count_before")),
        count_after_re=_compile(meta.get("count_after")),
        plan_atoms=frozenset(meta.get("plan_atoms", [])),
        range_lead_re=_compile(meta.get("range_lead")),
        span_after_re=_compile(expand(meta["span_after"]) if meta.get("span_after") else None),
        span_before_re=_compile(expand(meta["span_before"]) + r"\Z" if meta.get("span_before") else None),
    )


def date_locale_or_none(code: str) -> DateLocale | None:
    """The date vocabulary of a language, or None when it has none."""
    try:
        return load_date_locale(code)
    except LocaleError:
        return None


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


def _trigger_re(word: str, word_atoms: Mapping[str, object], *, prefix: bool) -> re.Pattern[str] | None:
    """The start of every word that is a trigger word (or, with ``prefix``, begins with one),
    found by the regex engine in one pass instead of a lookup per word."""
    m = _CLASS_WORD.fullmatch(word)
    if m is None:
        return None
    cls = m.group(1)
    whole = re.compile(word)
    # a trigger that is not a whole word (e.g. "1st") is never met by the word scan either
    triggers = [t for t in word_atoms if whole.fullmatch(t)]
    if not triggers:
        return re.compile(_NEVER)
    body = _trie_pattern(sorted(triggers))
    pattern = f"(?<!{cls})(?={body})" if prefix else f"(?<!{cls})(?:{body})(?!{cls})"
    # case-insensitive languages: the triggers are lower case and the text is lowered first
    # (a flag-free regex is twice as fast as re.IGNORECASE)
    return re.compile(pattern)
