"""The version of factcheck (one place, imported by the package and the reports)."""

__version__ = "0.1.0"
