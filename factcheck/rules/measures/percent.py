"""The percent rule: percentages (3.5%, 3.5퍼센트, 10 percent) and differences in percentage
points (3.5%p, 3.5 percentage points), which never compare equal to percentages."""

from __future__ import annotations

from decimal import Decimal

from factcheck.claims import Claim
from factcheck.rules.measures.candidates import Cand, glued_on, left_ok, word_number_ok
from factcheck.rules.measures.finish import finish
from factcheck.text.document import Document
from factcheck.values import Percent, Value, in_decimal_context

__all__ = ["extract_percent"]


@in_decimal_context
def extract_percent(doc: Document) -> list[Claim]:
    """Percentages (3.5%, 3.5퍼센트) and percentage points (3.5%p, 3.5 percentage points)."""
    return finish(doc, "percent", _percent_cands(doc))


def _percent_cands(doc: Document) -> list[Cand]:
    loc = doc.locale
    out: list[Cand] = []
    for n in doc.numbers:
        if doc.is_blocked(n.start, n.end) or not left_ok(doc, n) or not word_number_ok(doc, n, standalone=False) \
                or n.native:
            continue
        m = loc.percent_after_re.match(doc.text, n.end)
        if m is None:
            continue
        word = m.group(1)
        if glued_on(doc, word, m.end()):
            continue
        unit = loc.percent_words.get(word) or loc.percent_words.get(loc.fold(word)) or loc.percent_words.get(
            " ".join(word.split())) or "percent"

        def make(a: Decimal, lo: Decimal | None, hi: Decimal | None, approx: bool, unit: str = unit) -> Value:
            return Percent(a, unit, low=lo, high=hi, approx=approx)

        out.append(Cand(n.start, m.end(), n, n.value, make, unit, f"{loc.code}.percent.{unit}"))
    return out
