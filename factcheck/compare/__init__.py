"""Comparing the claims of several sources: values against values, facts across sources, findings.

The entry points that read texts are in :mod:`factcheck.api`; this layer compares claims.
"""

from factcheck.compare.engine import Relation, compare_prepared, compare_values, finding_order
from factcheck.compare.rates import Rates, rates_from_mapping

__all__ = ["Relation", "Rates", "compare_prepared", "compare_values", "finding_order", "rates_from_mapping"]
