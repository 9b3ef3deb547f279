"""Names across scripts: comparison keys per script, the glossary model and the bundled gazetteer."""

from factcheck.naming.glossary import Glossary, GlossaryEntry, build_glossary, bundled_gazetteer, parse_glossary
from factcheck.naming.keys import NAME_KINDS, fallback_key, tidy
from factcheck.naming.resolve import name_key, near_miss_score, same_entity

__all__ = [
    "NAME_KINDS",
    "Glossary",
    "GlossaryEntry",
    "build_glossary",
    "bundled_gazetteer",
    "fallback_key",
    "name_key",
    "near_miss_score",
    "parse_glossary",
    "same_entity",
    "tidy",
]
