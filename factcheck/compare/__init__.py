"""Comparing the claims of several sources: values against values, facts across sources, findings.

The entry points that read texts are in :mod:`factcheck.api`; this layer compares claims.
"""

from factcheck.compare.engine import compare_prepared, finding_order
from factcheck.compare.rates import Rates, rates_from_mapping
from factcheck.compare.relation.base import Relation
from factcheck.compare.relation.values import compare_values

__all__ = ["Relation", "Rates", "compare_prepared", "compare_values", "finding_order", "rates_from_mapping"]
