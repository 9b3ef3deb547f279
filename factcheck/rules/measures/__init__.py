"""Rules for measured values: money, percent, quantity and plain numbers.

Each rule is a function ``(Document) -> list[Claim]`` that works for any locale: what it
recognises comes from the locale data. Shared steps: find a number, look at what is written
around it (a currency sign before, a currency word or unit after), then widen the claim with
qualifiers ("about", "이상") and join ranges ("$10-12 million", "25000~30000원").

=================  ==========================================================
module             job
=================  ==========================================================
``candidates``     the claim candidate and the checks every rule makes on a number
``currency``       currency signs, codes and words around a number
``ranges``         joining "A - B" into one claim, and telling a change from a range
``formats``        figures in another locale's format beside a currency (12,99 €)
``finish``         qualifiers, bounds side by side, the claims
``money``          :func:`extract_money`
``percent``        :func:`extract_percent`
``quantity``       :func:`extract_quantity`
``number``         :func:`extract_number`
=================  ==========================================================
"""

from factcheck.rules.measures.money import extract_money
from factcheck.rules.measures.number import extract_number
from factcheck.rules.measures.percent import extract_percent
from factcheck.rules.measures.quantity import extract_quantity

__all__ = ["extract_money", "extract_number", "extract_percent", "extract_quantity"]
