"""factcheck: check that several sources tell the same story.

>>> import factcheck
>>> [c.value.to_dict() for c in factcheck.extract("1,600만불 수출계약", lang="ko")]
[{'amount': '16000000', 'currency': 'USD', 'currency_assumed': True}]
"""

from __future__ import annotations

from .claims import Claim
from .compare import check, check_segments
from .errors import FactcheckError, InputError, LocaleError, NormalisationError
from .extract import extract
from .registry import Registry, default_registry
from .report import Finding, Report, Source
from .values import DateValue, Money, Name, Number, Percent, Quantity, Value

__all__ = [
    "Claim",
    "Finding",
    "Report",
    "Source",
    "check",
    "check_segments",
    "DateValue",
    "FactcheckError",
    "InputError",
    "LocaleError",
    "Money",
    "Name",
    "NormalisationError",
    "Number",
    "Percent",
    "Quantity",
    "Registry",
    "Value",
    "default_registry",
    "extract",
]

__version__ = "0.1.0"
