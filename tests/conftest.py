"""Test configuration: hypothesis runs derandomised by default (a fresh checkout, CI), so a red
build is reproducible and never depends on luck; HYPOTHESIS_PROFILE=dev explores new examples
on every run (do that when working on a property, and add what it finds to the corpus)."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """One line on what tests/test_docs.py did with the code blocks of the documentation."""
    counts: dict[str, int] = {}
    for reports in terminalreporter.stats.values():
        for rep in reports:
            if getattr(rep, "when", None) != "call" or "test_docs.py::test_doc_block[" not in rep.nodeid:
                continue
            done = dict(rep.user_properties).get("docs", "failed") if not rep.failed else "failed"
            counts[done] = counts.get(done, 0) + 1
    if counts:
        order = ["checked", "run", "parsed", "not run", "failed"]
        terminalreporter.write_line("doc blocks: " + ", ".join(f"{counts[k]} {k}" for k in order if k in counts)
                                    + " (not run: listed as skipped)")
