"""Reading what users give factcheck: text files, aligned segment files, glossaries, rates."""

from factcheck.io.aligned import is_aligned, iter_segments, read_segments
from factcheck.io.files import DEFAULT_MAX_BYTES, decode_bytes, read_text
from factcheck.io.glossary import load_glossary
from factcheck.io.rates import as_rates, load_rates

__all__ = [
    "DEFAULT_MAX_BYTES",
    "as_rates",
    "decode_bytes",
    "is_aligned",
    "iter_segments",
    "load_glossary",
    "load_rates",
    "read_segments",
    "read_text",
]
