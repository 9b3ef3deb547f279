"""factcheck: check that several sources tell the same story.

>>> import factcheck
>>> [c.value.to_dict() for c in factcheck.extract("1,600만불 수출계약", lang="ko")]
[{'amount': '16000000', 'currency': 'USD', 'currency_assumed': True}]
"""

from __future__ import annotations

from factcheck._version import __version__
from factcheck.api import (
    SegmentResult,
    check,
    check_claims,
    check_segments,
    check_tree,
    extract,
    extract_source,
    iter_check_segments,
)
from factcheck.claims import Claim
from factcheck.errors import FactcheckError, InputError, LocaleError, NormalisationError, WorkerError
from factcheck.io.readers.registry import read_document
from factcheck.origin import Location
from factcheck.report import Finding, Report, Source
from factcheck.rules.registry import Registry, default_registry
from factcheck.values import DateValue, Money, Name, Number, Percent, Quantity, Value, Verbatim

__all__ = [
    "__version__",
    "Claim",
    "Finding",
    "Report",
    "SegmentResult",
    "Source",
    "check",
    "check_claims",
    "check_segments",
    "check_tree",
    "DateValue",
    "FactcheckError",
    "InputError",
    "Location",
    "LocaleError",
    "Money",
    "Name",
    "NormalisationError",
    "Number",
    "Percent",
    "Quantity",
    "Registry",
    "Value",
    "Verbatim",
    "WorkerError",
    "default_registry",
    "extract",
    "extract_source",
    "iter_check_segments",
    "read_document",
]
