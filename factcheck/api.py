"""The entry points: :func:`extract` the claims of one text (:func:`extract_source` of one
source read from a file); :func:`check` several sources, :func:`check_tree` two docs trees,
:func:`check_claims` claims already extracted, :func:`check_segments` aligned segments.

Everything a user calls goes through here; the layers below never read a file or a clock.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, cast

from factcheck.claims import Claim
from factcheck.compare import Rates, compare_prepared, finding_order, messages
from factcheck.compare.verbatim import VerbatimSource, verbatim_findings
from factcheck.dates import PREFERENCES
from factcheck.errors import FactcheckError, InputError, LocaleError
from factcheck.io.files import DEFAULT_MAX_BYTES
from factcheck.io.glossary import load_glossary
from factcheck.io.rates import as_rates
from factcheck.io.readers.registry import ReaderRegistry, default_readers, read_document
from factcheck.io.tree import pair_trees, tree_names
from factcheck.locale.loader import load_locale
from factcheck.naming import Glossary
from factcheck.origin import mask_spans
from factcheck.parallel import Chunk, ordered_map
from factcheck.report import FileError, Finding, Report, Source, SourceClaim, SourceInfo
from factcheck.rules.dates import make_date_extractor, published_date
from factcheck.rules.registry import KIND_PRIORITY, Registry, default_registry
from factcheck.text.document import Document
from factcheck.text.scripts import detect_language, language_runs
from factcheck.values import DateValue, Verbatim, in_decimal_context

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_LOOKAHEAD",
    "DEFAULT_MAX_CHARS",
    "GlossaryArg",
    "RatesArg",
    "SegmentResult",
    "check",
    "check_claims",
    "check_segments",
    "check_tree",
    "collect_segments",
    "extract",
    "extract_source",
    "iter_check_segments",
    "merge_sources",
    "parse_reference_date",
]

#: a glossary: a :class:`~factcheck.glossary.Glossary` or the path of a glossary file
GlossaryArg = Glossary | str | os.PathLike[str] | None
#: exchange rates: a :class:`Rates`, a mapping ``{"USD/KRW": 1300}`` or the path of a rates file
RatesArg = Rates | Mapping[Any, Any] | str | os.PathLike[str] | None

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


def _reference_moment(value: object) -> _dt.datetime | None:
    """The time of day of a reference given with one (a datetime, or an ISO string with a time):
    what "3 hours ago" and "in 10 minutes" count from. None for a date alone."""
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str) and len(value.strip()) > 10:
        try:
            return _dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@in_decimal_context
def extract(
    text: str,
    lang: str = "auto",
    reference_date: _dt.date | _dt.datetime | str | None = None,
    *,
    kinds: tuple[str, ...] | None = None,
    registry: Registry | None = None,
    glossary: Glossary | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> list[Claim]:
    """Find the claims (money, numbers, percentages, quantities ...) stated in ``text``.

    ``lang`` is a language code (``"ko"``, ``"en"``) or ``"auto"`` to pick it from the script
    of the text, run by run of lines (a Korean release followed by its English version is read
    as Korean, then as English; lines in no supported script join the run before them).
    ``reference_date`` is the date the text speaks from (its publication date), or None when
    unknown; nothing defaults to today. ``kinds`` limits the kinds extracted.
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
    moment = _reference_moment(reference_date)  # a time of day given with the reference date
    if lang != "auto":
        return _extract_run(text, lang, ref, kinds, registry, glossary, moment)
    # "auto": each run of lines in one script is read in its language, so a Korean release
    # followed by its English version is read as Korean, then as English
    found: list[Claim] = []
    for start, end, run_lang in runs:
        for c in _extract_run(text[start:end], run_lang, ref, kinds, registry, glossary, moment):
            found.append(replace(c, start=c.start + start, end=c.end + start) if start else c)
    return found


def _published_reference(text: str, runs: list[tuple[int, int, str]]) -> _dt.date | None:
    """The publication date in the header of the first run that states one (see
    :func:`factcheck.rules.dates.published_date`)."""
    for start, end, run_lang in runs:
        load_locale(run_lang)  # an unsupported language raises its clear error here
        found = published_date(text[start:end], run_lang)
        if found is not None:
            return found
    return None


def _extract_run(text: str, lang: str, ref: _dt.date | None, kinds: tuple[str, ...] | None,
                 registry: Registry, glossary: Glossary | None = None,
                 moment: _dt.datetime | None = None) -> list[Claim]:
    locale = load_locale(lang)
    wanted = registry.kinds(lang)
    if kinds is not None:
        unknown = [k for k in kinds if k not in wanted]
        if unknown:
            registry.get(lang, unknown[0])  # raises a clear LocaleError
        wanted = tuple(k for k in wanted if k in kinds)
    doc = Document(text, locale, ref, glossary=glossary, reference_time=moment)
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


@in_decimal_context
def extract_source(source: Source, *, kinds: tuple[str, ...] | None = None, registry: Registry | None = None,
                   glossary: Glossary | None = None,
                   max_chars: int | None = DEFAULT_MAX_CHARS) -> tuple[SourceInfo, list[Claim]]:
    """The claims of one :class:`Source` as :func:`check` reads it: a source read from a file
    (``reading.source(id)``) is read without its verbatim facts (code, link targets), with the
    publication date and language its file states; also what the report says of the source."""
    info, claims, _ = _read_source(source, glossary, registry, max_chars, kinds)
    return info, claims


def _registry(weekday: str) -> Registry | None:
    reg = default_registry()
    if weekday == "past":
        return None
    if weekday not in PREFERENCES:
        raise InputError(f"weekday must be one of {PREFERENCES}, not {weekday!r}", reason="bad-option")
    for lang in reg.languages():
        if "date" in reg.kinds(lang):
            reg = reg.with_rule(lang, "date", make_date_extractor(weekday=weekday))
    return reg


def _glossary(glossary: object) -> Glossary | None:
    if glossary is None or isinstance(glossary, Glossary):
        return glossary
    if hasattr(glossary, "lookup"):  # a glossary-like object of the caller's
        return cast(Glossary, glossary)
    if isinstance(glossary, (str, os.PathLike)):
        return load_glossary(glossary)
    raise InputError(f"glossary must be a Glossary or a file path, not {type(glossary).__name__}",
                     reason="bad-glossary")


def _as_source(s: object, n: int) -> Source:
    if isinstance(s, Source):
        return s
    if isinstance(s, str):
        return Source(s, id=f"source{n + 1}")
    raise InputError(f"a source must be a factcheck.Source or a str, not {type(s).__name__}", reason="bad-source")


def _read_source(src: Source, glossary: Glossary | None, registry: Registry | None,
                 max_chars: int | None = DEFAULT_MAX_CHARS,
                 kinds: tuple[str, ...] | None = None) -> tuple[SourceInfo, list[Claim], Source]:
    """Extract the claims of a source: its info for the report, its claims, and the source as
    the comparator reads it (its verbatim facts, code and link targets, blanked out)."""
    if not isinstance(src.text, str):
        raise InputError(f"source {src.id!r}: text must be str, not {type(src.text).__name__}", reason="bad-text")
    if max_chars is not None and len(src.text) > max_chars:
        raise InputError(f"source {src.id!r} is {len(src.text):,} characters, over the limit of {max_chars:,} "
                         "(max_chars)", reason="too-large", path=src.path)
    origin = src.origin
    read = src
    if origin is not None and origin.verbatim:
        read = replace(src, text=mask_spans(src.text, [(c.start, c.end) for c in origin.verbatim]))
    text = read.text
    given = parse_reference_date(src.published, what=f"published date of source {src.id!r}")
    published, origin_of_date = given, "caller" if given is not None else None
    lang = src.lang
    if origin is not None:
        if published is None and origin.published is not None:
            published, origin_of_date = origin.published, origin.published_from or "document"
        lang = _declared_lang(text, lang, origin.lang, registry)
        if published is None and origin.fallback_published is not None:
            runs = [(0, len(text), lang)] if lang != "auto" else language_runs(text)
            if _published_reference(text, runs) is None:  # the text's header states no date
                published, origin_of_date = origin.fallback_published, "document-properties"
    claims = extract(text, lang=lang, reference_date=published, kinds=kinds, registry=registry, glossary=glossary,
                     max_chars=None)
    if published is None:
        for c in claims:
            v = c.value
            if c.role == "published" and isinstance(v, DateValue) and v.start is not None:
                published = v.start.date() if isinstance(v.start, _dt.datetime) else v.start
                origin_of_date = "header"
                break
    if lang == "auto":
        langs = sorted({c.lang for c in claims})
        if len(langs) == 1:
            lang = langs[0]
        elif langs:
            lang = "+".join(langs)
        else:
            lang = detect_language(text) or "auto"
    info = SourceInfo(src.id, lang, published, origin_of_date, src.path)
    if origin is not None or not src.text.strip():
        info = replace(info, format=origin.format if origin is not None and origin.format != "text" else None,
                       encoding=origin.encoding if origin is not None else None,
                       metadata=origin.metadata if origin is not None else (), empty=not src.text.strip())
    return info, claims, read


def _declared_lang(text: str, lang: str, declared: str | None, registry: Registry | None) -> str:
    """The language a file declares (``<html lang>``, front matter), when the caller gave none,
    factcheck reads it, and the script of the text does not say otherwise."""
    if lang != "auto" or not declared:
        return lang
    if declared not in (registry or default_registry()).languages():
        return lang
    detected = detect_language(text)
    return declared if detected in (None, declared) else lang


def _verbatim(items: list[tuple[SourceInfo, list[Claim], Source]], pivot: str | None) -> list[Finding]:
    """The findings of the sources' verbatim facts (code, link targets), when two can hold them."""
    vs = []
    for info, _, src in sorted(items, key=lambda t: (t[0].id != pivot, t[0].id)):
        origin = src.origin
        if origin is None or not origin.verbatim_kinds:
            continue
        claims = tuple(replace(c, lang=info.lang) for c in origin.verbatim)
        vs.append(VerbatimSource(info.id, info.lang, origin.verbatim_kinds, claims))
    return verbatim_findings(vs, pivot) if len(vs) >= 2 else []


def _located(findings: list[Finding], sources: Sequence[Source]) -> list[Finding]:
    """The findings with each claim's place in its file, for sources read from files whose
    text is not the file's (Markdown, HTML, Word ...)."""
    origins = {s.id: s.origin for s in sources if s.origin is not None and s.origin.map is not None}
    if not origins:
        return findings
    out = []
    for f in findings:
        if not any(sc.source in origins for sc in f.claims):
            out.append(f)
            continue
        located = []
        for sc in f.claims:
            origin = origins.get(sc.source)
            loc = origin.locate(sc.claim.start, sc.claim.end) if origin is not None else None
            located.append(replace(sc, location=loc) if loc is not None else sc)
        out.append(replace(f, claims=tuple(located)))
    return out


def _validate(sources: list[Source], pivot: str | None) -> None:
    seen: set[str] = set()
    for s in sources:
        if not isinstance(s.id, str) or not s.id:
            raise InputError("every source needs a non-empty id", reason="bad-source")
        if s.id in seen:
            raise InputError(f"two sources have the id {s.id!r}", reason="duplicate-id")
        seen.add(s.id)
    if pivot is not None and pivot not in seen:
        raise InputError(f"pivot {pivot!r} is not the id of a source ({', '.join(sorted(seen))})", reason="bad-pivot")


@in_decimal_context
def check(sources: Iterable[Source | str], *, pivot: str | None = None, glossary: GlossaryArg = None,
          rates: RatesArg = None,
          weekday: str = "past", max_chars: int | None = DEFAULT_MAX_CHARS) -> Report:
    """Compare two or more sources and report, fact by fact, where they agree.

    ``sources``: :class:`~factcheck.report.Source` objects (a plain string is a source with an
    id ``sourceN``). ``pivot``: the id of the original; the others are compared with it only
    (default: all with all). ``glossary``: a :class:`~factcheck.glossary.Glossary` or the path
    of a glossary file. ``rates``: exchange rates (a mapping ``{"USD/KRW": 1300}``, a
    :class:`Rates` or the path of a rates file); without them different currencies are not
    compared. ``weekday``: how bare weekdays resolve (``past``, ``future``, ``nearest``).
    ``max_chars``: a source text longer than this raises :class:`InputError` (reason
    ``too-large``); None lifts the limit.

    The report lists every claim of every source in at least one finding, sorted by where it
    first appears; the same sources in any order give the same report.
    """
    srcs = [_as_source(s, n) for n, s in enumerate(sources)]
    _validate(srcs, pivot)
    if not srcs:
        raise InputError("no sources to compare", reason="no-sources")
    g = _glossary(glossary)
    r = as_rates(rates)
    reg = _registry(weekday)
    items = [_read_source(s, g, reg, max_chars) for s in srcs]
    infos, findings = compare_prepared([(i, s, c) for i, c, s in items], pivot, r, None, False)
    extra = _verbatim(items, pivot)
    if extra:
        order = {i.id: n for n, i in enumerate(infos)}
        findings = sorted([*findings, *extra], key=lambda f: finding_order(f, order))
    return Report(infos, tuple(_located(findings, srcs)), {"pivot": pivot} if pivot else {})


@in_decimal_context
def check_claims(items: Iterable[tuple[Source, Sequence[Claim]]], *, pivot: str | None = None, rates: RatesArg = None,
                 aligned: bool = False) -> Report:
    """Compare claims already extracted (with your own registry or rules): ``items`` are
    ``(Source, claims)`` pairs. The source's ``published`` is its publication date (None: the
    ``published`` claim among its claims, if any). ``aligned``: the texts are known to be
    translations of one another (a segment pair). Same report as :func:`check` otherwise."""
    pairs = []
    for n, item in enumerate(items):
        src, claims = item
        src = _as_source(src, n)
        pairs.append((src, list(claims)))
    _validate([s for s, _ in pairs], pivot)
    if not pairs:
        raise InputError("no sources to compare", reason="no-sources")
    prepared = []
    for src, claims in pairs:
        published = parse_reference_date(src.published, what=f"published date of source {src.id!r}")
        origin = "caller" if published is not None else None
        if published is None:
            for c in sorted(claims, key=lambda c: (c.start, c.end)):
                v = c.value
                if c.role == "published" and isinstance(v, DateValue) and v.start is not None:
                    published = v.start.date() if isinstance(v.start, _dt.datetime) else v.start
                    origin = "header"
                    break
        langs = sorted({c.lang for c in claims})
        lang = src.lang if src.lang != "auto" else ("+".join(langs) if langs else "auto")
        prepared.append((SourceInfo(src.id, lang, published, origin, src.path), src, claims))
    infos, findings = compare_prepared(prepared, pivot, as_rates(rates), None, aligned)
    return Report(infos, tuple(findings), {"pivot": pivot} if pivot else {})


#: segments a worker of an executor checks at a time (``chunk_size=``)
DEFAULT_CHUNK_SIZE = 200
#: chunks submitted to an executor and not yet given back, at most (``lookahead=``)
DEFAULT_LOOKAHEAD = 16


@dataclass(frozen=True)
class SegmentResult:
    """What :func:`iter_check_segments` yields for one aligned segment, in input order: its id,
    what it says of each of its sources (id, language, path) and its findings, in the order
    :func:`check_segments` reports them (every finding carries ``segment``)."""

    segment: str
    sources: tuple[SourceInfo, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class _SegmentOptions:
    """What every segment of a run shares; sent once to each worker of an executor."""

    glossary: Glossary | None
    rates: Rates | None
    weekday: str
    pivot: str | None

    def __reduce__(self) -> tuple[Any, ...]:
        # the glossary's index and the rates' table are read-only mappings, which do not pickle:
        # they travel as dicts and are made read-only again on arrival
        g, r = self.glossary, self.rates
        glossary = (g.entries, dict(g.index), g.source) if isinstance(g, Glossary) else g
        rates = (dict(r.table), r.tolerance) if r is not None else None
        return (_segment_options, (glossary, rates, self.weekday, self.pivot))


def _segment_options(glossary: Any, rates: Any, weekday: str, pivot: str | None) -> _SegmentOptions:
    if isinstance(glossary, tuple):
        glossary = Glossary(glossary[0], MappingProxyType(glossary[1]), glossary[2])
    return _SegmentOptions(glossary, Rates(MappingProxyType(rates[0]), rates[1]) if rates is not None else None,
                           weekday, pivot)


def _segment_ids(segments: Iterable[tuple[str, Sequence[Source]]]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The segments with their ids as strings, refusing an id met before."""
    seen: set[str] = set()
    for item in segments:
        seg_id, sources = item
        seg_id = str(seg_id)
        if seg_id in seen:
            raise InputError(f"two segments have the id {seg_id!r}", reason="duplicate-segment")
        seen.add(seg_id)
        yield seg_id, tuple(sources)


def _check_one(seg_id: str, sources: Sequence[Any], opts: _SegmentOptions, reg: Registry | None) -> SegmentResult:
    """One segment compared on its own; an error names the segment."""
    try:
        srcs = [_as_source(s, n) for n, s in enumerate(sources)]
        seg_pivot = opts.pivot if opts.pivot in {s.id for s in srcs} else None
        _validate(srcs, seg_pivot)
        read = [_read_source(s, opts.glossary, reg) for s in srcs]
        infos, findings = compare_prepared([(i, s, c) for i, c, s in read], seg_pivot, opts.rates, seg_id, True)
    except FactcheckError as exc:
        raise type(exc)(f"segment {seg_id!r}: {exc.message}", reason=exc.reason, path=exc.path) from None
    order = {i.id: n for n, i in enumerate(sorted(infos, key=lambda i: (i.id != opts.pivot, i.id)))}
    return SegmentResult(seg_id, tuple(SourceInfo(i.id, i.lang, None, None, i.path) for i in infos),
                         tuple(sorted(findings, key=lambda f: finding_order(f, order))))


@in_decimal_context
def _check_chunk(opts: _SegmentOptions, items: tuple[tuple[str, tuple[Any, ...]], ...]
                 ) -> tuple[list[SegmentResult], FactcheckError | None]:
    """What a worker runs: the segments of a chunk, up to the first that raises (its error
    comes back beside the results before it, to be raised in its turn)."""
    reg = _registry(opts.weekday)
    out: list[SegmentResult] = []
    for seg_id, sources in items:
        try:
            out.append(_check_one(seg_id, sources, opts, reg))
        except FactcheckError as exc:
            return out, exc
    return out, None


def _describe(chunk: Chunk[tuple[str, tuple[Any, ...]]]) -> str:
    first, last = chunk.items[0][0], chunk.items[-1][0]
    ids = f"id {first!r}" if len(chunk.items) == 1 else f"ids {first!r} to {last!r}"
    return f"segments {chunk.start}\u2013{chunk.end} ({ids})"


def iter_check_segments(segments: Iterable[tuple[str, Sequence[Source]]], *, glossary: GlossaryArg = None,
                        rates: RatesArg = None, pivot: str | None = None, weekday: str = "past",
                        executor: Executor | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                        lookahead: int = DEFAULT_LOOKAHEAD) -> Iterator[SegmentResult]:
    """Compare aligned segments as :func:`check_segments` does, yielding a
    :class:`SegmentResult` for each segment as soon as it is done, in input order; the
    segments are read as they are needed, so memory stays flat however many there are.

    ``executor``: any :class:`concurrent.futures.Executor` (a ``ProcessPoolExecutor``, a Dask
    ``Client.get_executor()``) runs chunks of ``chunk_size`` segments, at most ``lookahead``
    chunks ahead of the one yielded; the glossary, rates and options are sent once per worker.
    A segment that cannot be checked raises an error naming it, after the results of the
    segments before it; a worker that dies raises :class:`~factcheck.errors.WorkerError`
    naming its chunk's segments.
    """
    opts = _SegmentOptions(_glossary(glossary), as_rates(rates), weekday, pivot)
    reg = _registry(weekday)  # a bad weekday raises here, before any segment
    items = _segment_ids(segments)
    if executor is None:
        for seg_id, sources in items:
            yield _in_context(seg_id, sources, opts, reg)
        return
    if chunk_size < 1 or lookahead < 1:
        raise InputError(f"chunk_size and lookahead must be at least 1, not {chunk_size} and {lookahead}",
                         reason="bad-option")
    try:
        pickle.dumps(opts)
    except Exception as exc:
        raise InputError(f"the glossary or rates cannot be sent to the executor's workers: {exc}",
                         reason="bad-option") from None
    for _, (results, error) in ordered_map(executor, _check_chunk, opts, items, chunk_size=chunk_size,
                                           lookahead=lookahead, describe=_describe):
        yield from results
        if error is not None:
            raise error


@in_decimal_context
def _in_context(seg_id: str, sources: Sequence[Any], opts: _SegmentOptions, reg: Registry | None) -> SegmentResult:
    return _check_one(seg_id, sources, opts, reg)


@in_decimal_context
def check_segments(segments: Iterable[tuple[str, Sequence[Source]]], *, glossary: GlossaryArg = None,
                   rates: RatesArg = None, pivot: str | None = None, weekday: str = "past",
                   executor: Executor | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Report:
    """Compare aligned segments (a translation memory, a PO file, a CSV of segment pairs):
    each ``(segment_id, sources)`` is compared on its own (its texts are known to say the same
    thing, so one leftover of a kind on each side is the same slot) and every finding carries
    ``segment``. The report's sources are the ids met in the segments, with their languages.

    ``executor``: any :class:`concurrent.futures.Executor` runs chunks of ``chunk_size``
    segments (see :func:`iter_check_segments`); the report is the same as without one."""
    return collect_segments(iter_check_segments(segments, glossary=glossary, rates=rates, pivot=pivot,
                                                weekday=weekday, executor=executor, chunk_size=chunk_size),
                            pivot=pivot)


def collect_segments(results: Iterable[SegmentResult], *, pivot: str | None = None) -> Report:
    """The report of :func:`check_segments` from the results of :func:`iter_check_segments`
    (the same ``pivot``): every segment's findings, its sources merged by id."""
    findings: list[Finding] = []
    infos: dict[str, SourceInfo] = {}
    seg_rank: dict[str, int] = {}
    for result in results:
        seg_rank[result.segment] = len(seg_rank)
        findings.extend(result.findings)
        merge_sources(infos, result.sources)
    ordered = sorted(infos.values(), key=lambda i: (i.id != pivot, i.id))
    order = {i.id: n for n, i in enumerate(ordered)}
    findings.sort(key=lambda f: (seg_rank.get(f.segment or "", -1), finding_order(f, order)))
    return Report(tuple(ordered), tuple(findings), {"segments": len(seg_rank)})


def merge_sources(infos: dict[str, SourceInfo], seen: Iterable[SourceInfo]) -> None:
    """Add the sources of one segment to ``infos`` (by id): a source met in several languages
    is listed once with its languages joined by ``+``."""
    for info in seen:
        known = infos.get(info.id)
        if known is None:
            infos[info.id] = info
        elif known.lang != info.lang and info.lang not in known.lang.split("+"):
            infos[info.id] = SourceInfo(info.id, "+".join(sorted(set(known.lang.split("+")) | {info.lang})),
                                        None, None, known.path)


@in_decimal_context
def check_tree(root_a: str | os.PathLike[str], root_b: str | os.PathLike[str], *, pivot: str | None = None,
               glossary: GlossaryArg = None,
               rates: RatesArg = None, weekday: str = "past", lang_a: str = "auto", lang_b: str = "auto",
               input_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               readers: ReaderRegistry | None = None, keep_sources: list[Source] | None = None) -> Report:
    """Compare two docs trees (``docs/ko`` and ``docs/en``): the files with the same path
    relative to their folder are compared as :func:`check` compares two sources, and the report
    holds every pair's sources and findings. A file in one tree only is a ``missing`` finding
    of kind ``file``. A file that cannot be read is listed in ``report.errors`` (the file and
    the reason) and the other files are still checked. Source ids are the folder's name and
    the relative path: ``ko/guide.md``. ``pivot``: the name of the tree that is the original
    (``ko``); the other options are :func:`check`'s. ``keep_sources``: a list the sources read are appended
    to, for the reports that show their texts (``render(report, "html", sources=...)``)."""
    a, b = os.fspath(root_a), os.fspath(root_b)
    registry = readers or default_readers()
    pairs = pair_trees(a, b, registry)
    side_a, side_b = tree_names(a, b)
    if pivot is not None and pivot not in (side_a, side_b):
        raise InputError(f"pivot {pivot!r} is not the name of a tree ({side_a}, {side_b})", reason="bad-pivot")
    g = _glossary(glossary)
    r = as_rates(rates)
    infos: list[SourceInfo] = []
    findings: list[Finding] = []
    errors: list[FileError] = []
    for pair in pairs:
        if pair.a is None or pair.b is None:
            side, path, other, other_root = ((side_a, pair.a, side_b, b) if pair.a is not None
                                             else (side_b, pair.b, side_a, a))
            sid = f"{side}/{pair.rel}"
            infos.append(SourceInfo(sid, "auto", None, None, path))
            claim = Claim("file", "", 0, 0, Verbatim("file", pair.rel), "tree.file", "auto")
            findings.append(Finding("missing", "file", (SourceClaim(sid, claim),),
                                    messages.file_only_in(pair.rel, a if side == side_a else b, other_root),
                                    f"only-in:{side}", None, (f"{other}/{pair.rel}",)))
            continue
        try:
            sources = [read_document(p, input_format=input_format, max_bytes=max_bytes, readers=registry)
                       .source(f"{side}/{pair.rel}", path=p, lang=lang)
                       for p, side, lang in ((pair.a, side_a, lang_a), (pair.b, side_b, lang_b))]
            report = check(sources, pivot=f"{pivot}/{pair.rel}" if pivot else None, glossary=g, rates=r,
                           weekday=weekday, max_chars=max_bytes)
            if keep_sources is not None:
                keep_sources.extend(sources)
        except (InputError, LocaleError) as exc:
            errors.append(FileError(exc.path or pair.rel, exc.message, exc.reason))
            continue
        infos.extend(report.sources)
        findings.extend(report.findings)
    return Report(tuple(infos), tuple(findings), {"pairs": len(pairs), "trees": (a, b)}, tuple(errors))
