"""The Claim: one normalised fact found in one text, with its span and the rule that made it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.values import Value

__all__ = ["Claim"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact stated in a text.

    ``start``/``end`` are Python ``str`` indices into the text exactly as given, so
    ``text[start:end] == claim.text`` always holds. ``rule`` names the rule that produced the
    claim (``"ko.money.suffix"``) so findings can explain themselves; ``qualifier`` keeps the
    word that bounded or approximated the value ("about", "이상"); ``role`` is the part a date
    plays in its text (``"published"``, ``"statement"``); ``title`` is the title or position
    written with a person's name ("조달청장", "Administrator").
    """

    kind: str
    text: str
    start: int
    end: int
    value: Value
    rule: str
    lang: str
    qualifier: str | None = None
    role: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The claim object of the JSON contract (plus ``rule``, ``lang`` and, when set,
        ``qualifier`` and ``role``)."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.to_dict(),
            "rule": self.rule,
            "lang": self.lang,
        }
        if self.qualifier is not None:
            out["qualifier"] = self.qualifier
        if self.role is not None:
            out["role"] = self.role
        if self.title is not None:
            out["title"] = self.title
        return out
