"""Document metadata the readers share: front matter (YAML or TOML) at the head of a Markdown
file, dates as metadata writes them, and language tags.

Front matter is never prose: its fields are metadata. ``published`` (and its spellings
``publishDate``, ``pubDate``, ``date_published`` ...) or else ``date`` gives the publication
date; ``lang``/``language`` the language; ``title`` the title. The YAML reader takes the
top-level ``key: value`` lines only (no YAML library needed, and nothing in the file can run
or expand); TOML is read with :mod:`tomllib`.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass

__all__ = ["FrontMatter", "front_matter", "lang_tag", "meta_date"]

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})")
_YAML_FIELD = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*)")
#: field names (lower case, without - and _) that give the publication date, best first
PUBLISHED_KEYS = ("published", "publishdate", "pubdate", "publishedat", "datepublished", "publicationdate",
                  "publishedtime", "date")
LANG_KEYS = ("lang", "language", "locale")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def meta_date(value: object) -> _dt.date | None:
    """The date a metadata value writes: an ISO date or date-time (its date as written,
    whatever the time zone), ``2024/05/02``, ``20240502`` or a PDF date (``D:20240502...``)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip().strip("'\"").strip()
    m = _DATE.match(s) or _COMPACT.match(s)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def lang_tag(value: object) -> str | None:
    """The primary language subtag of a language tag (``ko`` for ``ko-KR``), or None."""
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not _LANG_TAG.fullmatch(s):
        return None
    return s.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter of a Markdown file: its fields (as strings) and where it ends (the
    offset after its closing line, and the number of lines it takes)."""

    fields: tuple[tuple[str, str], ...]
    end: int
    lines: int

    def get(self, keys: tuple[str, ...]) -> tuple[str, str] | None:
        """The first field named one of ``keys`` (compared lower case, without - and _), in
        the order of ``keys``: its name as written and its value."""
        norm = {re.sub(r"[-_]", "", k.lower()): (k, v) for k, v in reversed(self.fields)}
        for key in keys:
            if key in norm:
                return norm[key]
        return None

    @property
    def published(self) -> _dt.date | None:
        found = self.get(PUBLISHED_KEYS)
        return meta_date(found[1]) if found else None

    @property
    def lang(self) -> str | None:
        found = self.get(LANG_KEYS)
        return lang_tag(found[1]) if found else None


def front_matter(text: str) -> FrontMatter | None:
    """The front matter at the very head of ``text`` (``---`` ... ``---`` or ``...`` for
    YAML, ``+++`` ... ``+++`` for TOML), or None."""
    first_end = text.find("\n")
    if first_end < 0:
        return None
    opener = text[:first_end].rstrip("\r \t")
    if opener not in ("---", "+++"):
        return None
    closers = ("---", "...") if opener == "---" else ("+++",)
    pos = first_end + 1
    lines = 1
    body_start = pos
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].rstrip("\r \t")
        lines += 1
        if line in closers:
            body = text[body_start:pos]
            end = line_end + 1 if nl >= 0 else line_end
            fields = _toml_fields(body) if opener == "+++" else _yaml_fields(body)
            return FrontMatter(fields, min(end, len(text)), lines)
        if nl < 0:
            return None
        pos = nl + 1
    return None


def _yaml_fields(body: str) -> tuple[tuple[str, str], ...]:
    out = []
    for line in body.splitlines():
        if not line or line[0] in " \t#-":
            continue
        m = _YAML_FIELD.fullmatch(line.rstrip())
        if not m:
            continue
        value = m.group(2)
        if value[:1] in ("'", '"'):
            q = value[0]
            end = value.find(q, 1)
            value = value[1:end] if end > 0 else value[1:]
        else:
            value = re.split(r"\s+#", value, maxsplit=1)[0].strip()
        out.append((m.group(1), value))
    return tuple(out)


def _toml_fields(body: str) -> tuple[tuple[str, str], ...]:
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError:
        return ()
    out = []
    for k, v in data.items():
        if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
            out.append((k, v.isoformat()))
        elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
            out.append((k, str(v)))
    return tuple(out)
