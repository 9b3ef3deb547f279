"""What the words around a date expression say about it: a publication date (a header label
or a dateline), a date attached to a reporting verb (``statement``), or a plan or forecast
(the date is then read forward in time). The words themselves are the locale's patterns."""

from __future__ import annotations

from factcheck.rules.dates.group import Expr
from factcheck.rules.dates.locale import DateLocale
from factcheck.values import DateValue

__all__ = ["header_end", "is_published", "is_statement", "future_before", "future_after"]

#: the longest text a publication label or dateline (with a byline) may put before its date
_MAX_LABEL = 300
#: how far before a date a reporting verb may stand ("said in a statement on")
_STATEMENT_BEFORE = 80
#: how far after a date its sentence's verb may stand
_STATEMENT_AFTER = 400
#: how far a future-tense cue may stand before or after a date, in its sentence
_FUTURE_BEFORE = 160
_FUTURE_AFTER = 200
#: what ends a sentence when looking back for a future-tense cue
_SENTENCE_MARKS = ".!?\n"


def header_end(text: str, lines: int) -> int:
    """Where the header (the first ``lines`` lines) of a text ends."""
    pos = 0
    for _ in range(lines):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def is_published(text: str, e: Expr, dl: DateLocale, end_of_header: int) -> bool:
    """Whether an expression in the header is the publication date: after a label on its line
    ("등록 2023/07/20", "Published: July 21, 2023"), or in a dateline ("SEOUL, July 21 (Yonhap)")."""
    if e.start >= end_of_header:
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


def is_statement(text: str, e: Expr, dl: DateLocale) -> bool:
    """Whether an expression is the date of a statement ("said Friday", "on Friday said", or a
    subject before it and a reporting verb later in its sentence)."""
    before = text[max(0, e.start - _STATEMENT_BEFORE):e.start]
    if dl.statement_before_re is not None and dl.statement_before_re.search(before):
        return True
    if dl.statement_after_re is not None and dl.statement_after_re.match(text, e.end):
        return True
    if (dl.statement_subject_re is not None and dl.statement_verb_re is not None
            and dl.statement_subject_re.search(before)):
        window_end = len(text)
        if dl.sentence_end_re is not None:
            m = dl.sentence_end_re.search(text, e.end, min(len(text), e.end + _STATEMENT_AFTER))
            window_end = m.start() if m else min(len(text), e.end + _STATEMENT_AFTER)
        if dl.statement_verb_re.search(text[e.end:window_end]):
            return True
    return False


def future_after(text: str, pos: int, dl: DateLocale) -> bool:
    """Whether a plan or forecast (``future_tense_after``) is told in the rest of the sentence
    after ``pos`` (at most 200 characters on, up to the sentence end), before any past-tense
    ending (``past_tense_after``), which would tie the date to a clause told in the past."""
    if dl.future_after_re is None:
        return False
    hi = min(len(text), pos + _FUTURE_AFTER)
    if dl.sentence_end_re is not None:
        m = dl.sentence_end_re.search(text, pos, hi)
        if m is not None:
            hi = m.start()
    fut = dl.future_after_re.search(text, pos, hi)
    if fut is None:
        return False
    return dl.past_after_re is None or dl.past_after_re.search(text, pos, fut.start()) is None


def future_before(text: str, pos: int, dl: DateLocale) -> bool:
    """Whether a plan or forecast (``future_tense``) is written in the sentence before ``pos``
    (at most 160 characters back, after the last . ! ? or line break)."""
    if dl.future_tense_re is None:
        return False
    lo = max(0, pos - _FUTURE_BEFORE)
    cut = max(lo, max(text.rfind(ch, lo, pos) for ch in _SENTENCE_MARKS) + 1)
    return dl.future_tense_re.search(text, cut, pos) is not None


_BASELINE_BEFORE = 40


def is_baseline(text: str, e: Expr, dl: DateLocale, value: DateValue) -> bool:
    """A relative date that a figure is compared with ("from a year earlier", "지난해보다");
    not "from Jan. 1", the start of something."""
    if value.relative is None or e.ranged:
        return False
    if dl.baseline_before_re is not None and dl.baseline_before_re.search(
            text, max(0, e.start - _BASELINE_BEFORE), e.start):
        return True
    return dl.baseline_after_re is not None and dl.baseline_after_re.match(text, e.end) is not None
