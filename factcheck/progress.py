"""A one-line progress bar on a terminal: segments done, segments per second, findings so far.

``factcheck check FILE`` of an aligned file shows it on standard error when standard error is a
terminal (never when it is piped or redirected, never with ``--quiet``), so it is never part of
a report. The clock is read only here, only to show the rate; nothing computed depends on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Redraw ``\\r<line>`` on ``stream`` at most every ``every`` seconds; :meth:`close` ends the
    line. ``enabled=False`` makes every call do nothing."""

    def __init__(self, stream: TextIO, *, enabled: bool, every: float = 0.2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.enabled = enabled
        self.every = every
        self.clock = clock
        self.start = clock()
        self.last = -every
        self.segments = 0
        self.findings = 0
        self.conflicts = 0
        self._width = 0

    def line(self) -> str:
        elapsed = max(self.clock() - self.start, 1e-9)
        rate = self.segments / elapsed
        return (f"factcheck: {self.segments:,} segments, {rate:,.0f} segments/s, {self.findings:,} findings "
                f"({self.conflicts:,} conflict{'s' if self.conflicts != 1 else ''})")

    def update(self, segments: int, findings: int, conflicts: int) -> None:
        """Add one batch (a segment and its findings)."""
        self.segments += segments
        self.findings += findings
        self.conflicts += conflicts
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self._draw()

    def _draw(self) -> None:
        text = self.line()
        self.stream.write("\r" + text + " " * max(0, self._width - len(text)))
        self._width = len(text)
        self.stream.flush()

    def close(self) -> None:
        """Draw the last state and end the line (nothing when disabled)."""
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
