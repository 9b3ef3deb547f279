"""Where the sentences of a text start: after a sentence-final mark (and any closing quotes or
brackets) followed by a space, and after every line break."""

from __future__ import annotations

import re

__all__ = ["sentence_starts"]

_SENTENCE_END = re.compile(r"(?<=[.!?。？！])[\"'”’)\]]*[ \t]+(?=\S)|\n+")


def sentence_starts(text: str) -> list[int]:
    """The offsets where the sentences of ``text`` start, the first always 0."""
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts
