"""The date rule: the date claims of a text, and its publication date.

Atoms are found (:mod:`.atoms`), grouped into expressions and ranges (:mod:`.group`), dropped
when weak and alone; each expression's fields become a :class:`~factcheck.values.DateValue`
(:mod:`.build`), resolved against the reference date (:func:`factcheck.dates.resolve`), with
the preference and role the words around it give (:mod:`.context`). dateparser is imported
lazily, only for header values our own atoms cannot read, in the languages the locale lists.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import replace
from typing import Any

from factcheck.claims import Claim
from factcheck.dates import PREFERENCES, WEEKDAYS, day_with_weekday, interval, resolve
from factcheck.rules.dates.atoms import scan_atoms
from factcheck.rules.dates.bounds import drop_counts, invalid_value, keep_planned, mark_open, open_value
from factcheck.rules.dates.build import (
    around,
    build,
    business_days,
    century,
    day_beside,
    easter_day,
    edge_day_partial,
    lunar_days,
    names_a_day,
    one_day,
    sub_period,
    turn_of_year,
    year2_window,
)
from factcheck.rules.dates.context import (
    future_after,
    future_before,
    header_end,
    is_baseline,
    is_published,
    is_statement,
)
from factcheck.rules.dates.fields import Fields, cats
from factcheck.rules.dates.group import Expr, alone_ok, group, ranges
from factcheck.rules.dates.locale import DateLocale, date_locale_or_none, load_date_locale
from factcheck.rules.dates.moments import (
    lasting,
    merge_times,
    offset_value,
    prepare,
    recurrence,
    with_day_part,
    with_span,
    with_time,
)
from factcheck.text.document import Document
from factcheck.values import DateValue

__all__ = ["claims", "extract_date", "make_date_extractor", "published_date", "parse_date"]

#: how far before a time of day a word saying it is local time may stand
_LOCAL_TIME_WINDOW = 20
#: what may end a publication label before its value ("Published:", "Published 2023")
_LABEL_ENDS = (":", "：", " ", "\t")
#: the longest header value given to dateparser
_MAX_HEADER_VALUE = 60


def claims(text: str, dl: DateLocale, ref: _dt.date | None, prefer: str, *,
           header_only: bool = False, moment: _dt.datetime | None = None) -> list[Claim]:
    """The date claims of ``text`` (of its header only, with ``header_only``: then only the
    publication dates). ``moment`` is the reference date with its time of day, when known."""
    end_of_header = header_end(text, dl.header_lines)
    scan = text[:end_of_header] if header_only else text
    exprs = lasting(scan, merge_times(scan, ranges(scan, group(scan, scan_atoms(scan, dl), dl), dl), dl), dl)
    # a word that opens a range makes a bare year or month a date ("2012 or later")
    exprs = [e for e in mark_open(scan, exprs, dl)
             if e.ranged or alone_ok(scan, e, dl)
             or ("open" in e.fields and cats(e.fields) - {"OP", "R", "DIR"} <= {"Y", "M"}
                 and not all(a.spec.range_only for a in e.content()))]
    exprs = drop_counts(scan, keep_planned(scan, exprs, dl), dl)
    out: list[Claim] = []
    for e in exprs:
        value = _value(scan, e, dl, ref, prefer, moment)
        if value is None:
            continue
        published = is_published(scan, e, dl, end_of_header)
        if header_only and not published:
            continue
        role = "published" if published else ("statement" if is_statement(scan, e, dl) else
                                               "baseline" if is_baseline(scan, e, dl, value) else None)
        content = e.content()
        head = content[0].spec.name if content else e.atoms[0].spec.name
        rule = f"{dl.code}.date.{head}" + (".range" if e.ranged else "")
        out.append(Claim("date", scan[e.start:e.end], e.start, e.end, value, rule, dl.code, role=role))
    if dl.dateparser_languages and dl.published_label_re is not None and not any(c.role == "published" for c in out):
        extra = _published_by_dateparser(text[:end_of_header], dl, ref)
        if extra is not None:
            out.append(extra)
            out.sort(key=lambda c: c.start)
    return out


def _offset(scan: str, e: Expr, dl: DateLocale) -> str | None:
    """The UTC offset of a time of day in this expression (none after 현지시간, local time)."""
    offset = dl.utc_offset
    if (offset and dl.local_time_re is not None
            and dl.local_time_re.search(scan[max(0, e.start - _LOCAL_TIME_WINDOW):e.start])):
        offset = None
    return offset


def _written(scan: str, e: Expr, dl: DateLocale,
             ref: _dt.date | None) -> tuple[DateValue, Fields, int | None] | None:
    """The value an expression writes (partial), its fields, and the weekday (0 = Monday) of
    the week it leads to ("in 3 days on Friday"); None when no real day has its fields."""
    offset = _offset(scan, e, dl)
    fields, e_until = prepare(e.fields, e.until, dl)
    offset = str(fields["zone"]) if "zone" in fields else offset  # 16:10 GMT
    if ref is not None:  # a two-digit year: the century that puts it at most 20 years after
        fields = year2_window(fields, ref)  # the reference date ("3/18/40" in 2016: 1940)
    if fields.get("week_no") and "year" not in fields and not any(k.startswith("rel_") for k in fields):
        if ref is None:  # week 31 of which year: only the reference date says
            return None
        fields = {**fields, "year": ref.year}
    in_week = None  # "in 3 days on Friday": the Friday of the week three days on
    if ("weekday" in fields and not e_until and dl.weekday_in_week
            and any(a.spec.name in dl.weekday_in_week for a in e.atoms)
            # the weekday is not the day counted from ("3 days from Tuesday")
            and (any(k in fields for k in ("year", "month", "day", "easter"))
                 or any(k.startswith("rel_") for k in fields))):
        in_week = WEEKDAYS.index(fields["weekday"])
        fields = {k: v for k, v in fields.items() if k != "weekday"}
    value = build(fields, offset)
    if e_until:
        until_fields = year2_window(e_until, ref) if ref is not None else e_until
        if until_fields.get("week_no") and "year" not in until_fields and "year" in fields:
            until_fields = {**until_fields, "year": fields["year"]}
        value = replace(value, until=build(until_fields, offset))
    if not names_a_day(value) or (value.until is not None and not names_a_day(value.until)):
        return None
    return value, fields, in_week


def _preference(scan: str, e: Expr, dl: DateLocale, ref: _dt.date | None, prefer: str, fields: Fields) -> str:
    """The weekday preference of one expression: "future" for a bare weekday or a month without
    its year in a plan ("the plant will open on Friday": the coming Friday)."""
    if (prefer == "past" and ref is not None and not e.until
            and ("weekday" in fields or ("month" in fields and "year" not in fields))
            and (future_before(scan, e.start, dl) or future_after(scan, e.end, dl))
            and not is_statement(scan, e, dl)):
        return "future"
    return prefer


def _value(scan: str, e: Expr, dl: DateLocale, ref: _dt.date | None, prefer: str,
           moment: _dt.datetime | None = None) -> DateValue | None:
    """The value of one expression: an amount of minutes from the reference moment, a
    recurrence, or a date resolved when the reference date allows (with the part of the day,
    the open side and the anchor written beside it); a date that does not exist is marked
    invalid. None when it names no date."""
    fields = e.fields
    offset = _offset(scan, e, dl)
    value: DateValue | None
    if "shift_min" in fields or "span_min" in fields:
        value = offset_value(fields, ref, moment, offset)
    elif "every" in fields:
        written = _written(scan, e, dl, None)
        return None if written is None else recurrence(written[0], fields, dl)
    else:
        if "day_part" in fields and "hour" not in fields and not cats(fields) & {"D", "WD", "Y", "M", "W", "Q", "H"}:
            # "in the morning": of the reference day (저녁 9시 is a time of day like "9 p.m.")
            e = replace(e, fields={**fields, "rel_day": 0})
        value = _calendar_value(scan, e, dl, ref, prefer)
        if value is None or (ref is not None and value.start is None and not e.until):
            # a date that does not exist (May 32, 지난달 31일 in July): marked, not dropped
            prepared, _ = prepare(fields, None, dl)
            return invalid_value(prepared, value or build(prepared, offset), ref) or value
        if "day_part" in fields:
            value = with_day_part(value, fields["day_part"], dl, offset)
        value = with_time(value, prepare(fields, None, dl)[0], offset)  # Easter Monday at 10:30 am
        value = with_span(value, fields)  # from 9 for 2.5 hrs
    if value is not None and "anchor" in fields:
        value = replace(value, anchor=str(fields["anchor"]))
    if value is not None and "open" in fields:
        value = open_value(value, str(fields["open"]))
    return value


def _calendar_value(scan: str, e: Expr, dl: DateLocale, ref: _dt.date | None, prefer: str) -> DateValue | None:
    """The calendar value of one expression, resolved when the reference date allows; None
    when it names no date."""
    written = _written(scan, e, dl, ref)
    if written is None:
        return None
    value, fields, in_week = written
    prefer_here = _preference(scan, e, dl, ref, prefer, fields)
    value = resolve(value, ref, weekday=prefer_here)
    if (fields.get("pick_month") and (value.weekday_mismatch or value.start is None) and ref is not None
            and not e.until and value.weekday is not None and value.day is not None
            and not any(k in fields for k in ("month", "year", "rel_month", "rel_year"))):
        # "Friday the 13th": the weekday written first picks the month
        d = day_with_weekday(ref, value.day, WEEKDAYS.index(value.weekday), prefer_here)
        if d is None:
            return None
        value = one_day(d, value.weekday)
    if "easter" in fields:  # Easter of the year written or of the reference year
        easter = None if e.until else easter_day(fields, ref)
        if easter is None:
            return None
        value = easter
    if "lunar" in fields or "turn" in fields:  # 추석, Chuseok holidays; the turn of the year
        moving = None if e.until else lunar_days(fields, ref) if "lunar" in fields else turn_of_year(ref)
        if moving is None:
            return None
        value = moving
    if "century" in fields:
        years = None if e.until else century(int(fields["century"]))
        if years is None:
            return None
        value = years
    if (dl.late_from_reference and ref is not None and value.part == "late" and not e.until
            and value.relative is not None and value.relative[1] == 0 and "scope" not in fields
            and isinstance(value.start, _dt.date) and not isinstance(value.start, _dt.datetime)
            and value.end is not None and value.start < ref <= value.end):
        value = replace(value, start=ref)
    return _counted(value, fields, ref, in_week)


def _counted(value: DateValue, fields: Fields, ref: _dt.date | None, in_week: int | None) -> DateValue | None:
    """The value after what is counted from it: business days, the first or last units of a
    period, a shift, the week around a day, the weekday of the week it leads to."""
    if fields.get("business"):  # 영업일 기준 나흘 후: days counted Monday to Friday
        in_days = business_days(value, ref)
        if in_days is None:
            return None
        value = in_days
    if "sub" in fields:
        last, n, unit = fields["sub"]
        part = sub_period(value, last, n, unit)
        if part is None and value.start is None and (n, unit) == (1, "day"):  # no reference date:
            part = edge_day_partial(value, last)  # the last day of June is June 30 all the same
        if part is None:
            return None
        value = part
    if "shift" in fields or "shift_to" in fields or fields.get("week_of") or fields.get("weekend_of"):
        try:
            moved = around(value, fields)
        except (OverflowError, ValueError):  # shifted off the calendar
            return None
        if moved is None:
            return None
        value = moved
    if "shift_day" in fields:  # the day after Christmas, 설 연휴 전날
        beside = day_beside(value, int(fields["shift_day"]))
        if beside is None:
            return None
        value = beside
    if in_week is not None:
        iv = interval(value)
        if iv is None or iv[0] != iv[1]:
            return None
        d = iv[0] + _dt.timedelta(days=in_week - iv[0].weekday())
        value = one_day(d, WEEKDAYS[in_week])
    return value


def _published_by_dateparser(header: str, dl: DateLocale, ref: _dt.date | None) -> Claim | None:
    """A labelled header value our atoms could not read ("Published: 21.07.2023"), read by
    dateparser with explicit languages and settings (never its global defaults). A value must
    name a day, month and year to count."""
    assert dl.published_label_re is not None
    pos = 0
    for line in header.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        m = dl.published_label_re.match(body)
        if m is not None and m.end() > 0 and body[m.end() - 1:m.end()] in _LABEL_ENDS:
            cut = m.end()
            value_text = body[cut:].strip()
            if value_text and len(value_text) <= _MAX_HEADER_VALUE and any(ch.isdigit() for ch in value_text):
                parsed = _dateparser_parse(value_text, dl.dateparser_languages, ref)
                if parsed is not None:
                    start = pos + cut + (len(body[cut:]) - len(body[cut:].lstrip()))
                    return Claim("date", header[start:start + len(value_text)], start, start + len(value_text),
                                 one_day(parsed.date()), f"{dl.code}.date.dateparser", dl.code, role="published")
        pos += len(line)
    return None


def _dateparser_parse(text: str, languages: tuple[str, ...], ref: _dt.date | None) -> _dt.datetime | None:
    """A date and time read by dateparser, as the wall clock written; nothing read from the
    process (its time zone or locale)."""
    import dateparser  # lazily: `import factcheck` must not import it
    from dateparser.timezone_parser import pop_tz_offset_from_string

    base = _dt.datetime(ref.year, ref.month, ref.day) if ref is not None else _dt.datetime(2000, 1, 1)
    settings: dict[str, Any] = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    try:
        # the wall clock written is kept: a value with a zone is never converted, and one without
        # is read in UTC rather than in the process's local zone (which dateparser would look up
        # in the environment, and fail on when it is not set right)
        if pop_tz_offset_from_string(text)[1] is None:
            settings["TIMEZONE"] = "UTC"
        parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a header is optional
        return None
    return parsed if isinstance(parsed, _dt.datetime) else None


def _extract(doc: Document, weekday: str = "past") -> list[Claim]:
    dl = load_date_locale(doc.locale.code)
    return claims(doc.text, dl, doc.reference_date, weekday, moment=doc.reference_time)


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
    dl = date_locale_or_none(lang)
    if dl is None:
        return None
    for c in claims(text, dl, None, "past", header_only=True):
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
    for c in claims(text, dl, reference_date, weekday):
        if c.start == 0 and c.end == len(text.rstrip()) and isinstance(c.value, DateValue):
            return c.value
    return None
