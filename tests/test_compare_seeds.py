"""Issue 5, acceptance 3: on the seed documents (read from ../shared/seeds when it is there;
never copied into the project), every fact the seeds' README lists links across the Korean
release, its English version and the news article; "said Friday" is a conflict; nothing else is.

The facts are recognised here by their values, not by their wording."""

from __future__ import annotations

import datetime as dt
import pathlib
from decimal import Decimal
from typing import Callable

import pytest

import factcheck
from factcheck.text.scripts import language_runs

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seeds"
RELEASE = SEEDS / "000_ef39ae5515fb4d08.txt"
NEWS = SEEDS / "002_c67ae8db5090b542.txt"

pytestmark = pytest.mark.skipif(not (RELEASE.exists() and NEWS.exists()), reason="seed documents not present")


def _sources() -> list[factcheck.Source]:
    """The release file holds the Korean text, then its English version, then a Korean
    contact line: the Korean runs are one source, the English run another. The English
    version carries no header of its own; it is the release's official version, so it takes
    the release's registration date (the Korean header's)."""
    text = RELEASE.read_text(encoding="utf-8")
    runs = language_runs(text)
    ko = "".join(text[s:e] for s, e, lang in runs if lang == "ko")
    en = "".join(text[s:e] for s, e, lang in runs if lang == "en")
    registered = next(c.value.start for c in factcheck.extract(ko, "ko") if c.role == "published")
    return [factcheck.Source(ko, id="ko", lang="ko"),
            factcheck.Source(en, id="en", lang="en", published=registered),
            factcheck.Source(NEWS.read_text(encoding="utf-8"), id="news", lang="en")]


def _date(pred: Callable[[factcheck.DateValue], bool]) -> Callable[[factcheck.Claim], bool]:
    return lambda c: c.kind == "date" and c.role != "published" and pred(c.value)


def _name(kind: str, key: str) -> Callable[[factcheck.Claim], bool]:
    return lambda c: c.kind == kind and c.value.key == key


VISIT = dt.date(2023, 7, 20)
FACTS: dict[str, Callable[[factcheck.Claim], bool]] = {
    "visit date": _date(lambda v: (v.start == VISIT and v.end == VISIT) or (v.start is None and v.weekday == "thursday")),
    "export contract": lambda c: c.kind == "money" and c.value.amount == Decimal(16_000_000) and c.value.currency == "USD",
    "month of the expo": _date(lambda v: v.month == 4 or v.start == dt.date(2023, 4, 1)),
    "second half": _date(lambda v: v.half == 2 or (v.start, v.end) == (dt.date(2023, 7, 1), dt.date(2023, 12, 31))),
    "administrator": _name("person", "kim|yunsang"),
    "chief executive": _name("person", "o|yungjun"),
    "agency": _name("org", "public-procurement-service"),
    "company": _name("org", "leksken"),
    "province": _name("place", "gyeonggi"),
    "city": _name("place", "anyang"),
}


@pytest.fixture(scope="module")
def report() -> factcheck.Report:
    return factcheck.check(_sources())


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_every_seed_fact_links_across_the_three_texts(report: factcheck.Report, fact: str) -> None:
    pred = FACTS[fact]
    linked = [f for f in report.findings
              if f.verdict == "match" and {c.source for c in f.claims if pred(c.claim)} == {"ko", "en", "news"}]
    assert linked, fact


def test_said_friday_is_the_only_conflict(report: factcheck.Report) -> None:
    conflicts = report.by_verdict("conflict")
    assert len(conflicts) == 1, [f.message for f in conflicts]
    (f,) = conflicts
    said = [c for c in f.claims if c.source == "news"]
    assert len(said) == 1 and said[0].claim.role == "statement" and said[0].claim.value.weekday == "friday"
    assert f.reason == "statement-vs-published" and "2023-07-20 (Thursday)" in f.message


def test_nothing_is_uncertain_and_every_claim_is_accounted_for(report: factcheck.Report) -> None:
    assert not report.by_verdict("uncertain")
    covered = {(c.source, c.claim.start, c.claim.end) for f in report.findings for c in f.claims}
    for s in _sources():
        for c in factcheck.extract(s.text, lang=s.lang, reference_date=s.published):
            assert (s.id, c.start, c.end) in covered, (s.id, c.kind)
