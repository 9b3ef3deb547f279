"""Test configuration: hypothesis runs derandomised in CI, so a red build is reproducible and
never depends on luck; locally it explores new examples on every run (HYPOTHESIS_PROFILE=dev)."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
