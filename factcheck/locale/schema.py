"""A small declarative schema for TOML data, and the check that reports where data breaks it.

A schema is a tree of specs: :class:`Table` (known keys, some required; any other key is a
problem, so a typo in a key is reported, never ignored), :class:`MapOf` (a table of free keys,
one spec for every value), :class:`ListOf`, :class:`AnyOf` and the leaves :class:`Str`,
:class:`Int`, :class:`Bool`, :class:`Number` and :data:`ANY`. :func:`problems` walks data
along a schema and returns one line per problem, naming the key path the way a TOML file
reads::

    [numbers] big_units.만: expected a number, got 'x'
    [numbers] grup_separator: unknown key (did you mean 'group_separator'?)
    [locale] kinds: required key missing
    [[examples]] #3 kind: expected a string, got 5

The schemas of the locale files themselves are in :mod:`factcheck.locale.file_schemas`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

__all__ = ["ANY", "AnyOf", "Bool", "Int", "KeyPath", "ListOf", "MapOf", "Number", "Spec", "Str", "Table",
           "describe_value", "problems", "render_path"]

#: Where a value sits in a TOML document: table keys and (0-based) list positions.
KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[^\s.\"'=\[\]#]+")


def render_path(path: KeyPath) -> str:
    """``("numbers", "big_units", "만")`` -> ``[numbers] big_units.만``; ``("examples", 2, "kind")``
    -> ``[[examples]] #3 kind``; a list position inside a table is written ``patterns[2]``."""
    if not path:
        return "(top level)"
    head, rest = path[0], path[1:]
    if rest and isinstance(rest[0], int):
        out = f"[[{_key(head)}]] #{rest[0] + 1}"
        rest = rest[1:]
    else:
        out = f"[{_key(head)}]"
    tail = ""
    for part in rest:
        if isinstance(part, int):
            tail += f"[{part}]"
        else:
            tail += ("." if tail else "") + _key(part)
    return f"{out} {tail}" if tail else out


def _key(part: str | int) -> str:
    text = str(part)
    return text if _BARE_KEY.fullmatch(text) else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def describe_value(value: object) -> str:
    """A short rendering of a TOML value for an error message: ``'x'``, ``5``, ``true``, ``a table``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (_dt.date, _dt.time)):
        return f"the date/time {value.isoformat()}"
    return type(value).__name__


class Spec:
    """One node of a schema: what a value must be. Specs are immutable (plain slotted classes:
    they are built at import, where dataclass machinery would cost milliseconds of a cold start)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    #: what the value must be, as the error message says it ("a string", "a list of strings")
    @property
    def expected(self) -> str:
        raise NotImplementedError

    #: the same for several values ("strings"), for "a list of ..."
    @property
    def plural(self) -> str:
        raise NotImplementedError

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        """Append a line to ``out`` for every problem of ``value`` (at ``path``)."""
        raise NotImplementedError

    def _wrong(self, value: object, path: KeyPath, out: list[str]) -> None:
        out.append(f"{render_path(path)}: expected {self.expected}, got {describe_value(value)}")


class _Any(Spec):
    __slots__ = ()

    @property
    def expected(self) -> str:
        return "any value"

    @property
    def plural(self) -> str:
        return "values"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        return None


#: Any TOML value (a table whose values are not checked further, such as an example's value).
ANY: Spec = _Any()


class Str(Spec):
    """A string; optionally one of ``choices``, matching ``pattern`` (described by ``what``) or
    a valid Python regular expression (``regex``)."""

    __slots__ = ("choices", "pattern", "what", "many", "regex", "non_empty")
    choices: tuple[str, ...]
    pattern: str | None
    what: str
    many: str
    regex: bool
    non_empty: bool

    def __init__(self, *, choices: tuple[str, ...] = (), pattern: str | None = None, what: str = "",
                 many: str = "", regex: bool = False, non_empty: bool = False) -> None:
        self._set(choices=choices, pattern=pattern, what=what, many=many or what, regex=regex, non_empty=non_empty)

    @property
    def expected(self) -> str:
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.what:
            return self.what
        if self.regex:
            return "a regular expression (a string)"
        return "a non-empty string" if self.non_empty else "a string"

    @property
    def plural(self) -> str:
        if self.choices:
            return "strings among " + ", ".join(repr(c) for c in self.choices)
        if self.many:
            return self.many
        if self.regex:
            return "regular expressions (strings)"
        return "non-empty strings" if self.non_empty else "strings"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, str):
            self._wrong(value, path, out)
        elif (self.choices and value not in self.choices) or (self.non_empty and not value) \
                or (self.pattern is not None and re.fullmatch(self.pattern, value) is None):
            self._wrong(value, path, out)
        elif self.regex:
            try:
                re.compile(value)
            except re.error as exc:
                out.append(f"{render_path(path)}: not a valid regular expression ({exc}): {describe_value(value)}")


class Int(Spec):
    """An integer (a TOML boolean is not one), at least ``minimum`` when given."""

    __slots__ = ("minimum",)
    minimum: int | None

    def __init__(self, *, minimum: int | None = None) -> None:
        self._set(minimum=minimum)

    @property
    def expected(self) -> str:
        return "an integer" if self.minimum is None else f"an integer of at least {self.minimum}"

    @property
    def plural(self) -> str:
        return "integers" if self.minimum is None else f"integers of at least {self.minimum}"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, int) or isinstance(value, bool) \
                or (self.minimum is not None and value < self.minimum):
            self._wrong(value, path, out)


class Bool(Spec):
    """``true`` or ``false``."""

    __slots__ = ()

    @property
    def expected(self) -> str:
        return "true or false"

    @property
    def plural(self) -> str:
        return "booleans"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, bool):
            self._wrong(value, path, out)


class Number(Spec):
    """A number: an integer, a float or a string that reads as a finite decimal (``"1e4"``,
    ``"0.5"``; strings keep large and fractional values exact)."""

    __slots__ = ()

    @property
    def expected(self) -> str:
        return "a number"

    @property
    def plural(self) -> str:
        return "numbers"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if isinstance(value, bool):
            self._wrong(value, path, out)
        elif isinstance(value, (int, float)):
            if isinstance(value, float) and value != value:  # nan
                self._wrong(value, path, out)
        elif isinstance(value, str):
            try:
                ok = Decimal(value.strip()).is_finite() if value.strip() else False
            except InvalidOperation:
                ok = False
            if not ok:
                self._wrong(value, path, out)
        else:
            self._wrong(value, path, out)


class ListOf(Spec):
    """A list whose items all match ``item``; ``length`` fixes its length, ``min_length`` bounds it."""

    __slots__ = ("item", "length", "min_length")
    item: Spec
    length: int | None
    min_length: int

    def __init__(self, item: Spec, *, length: int | None = None, min_length: int = 0) -> None:
        self._set(item=item, length=length, min_length=min_length)

    @property
    def expected(self) -> str:
        items = self.item.plural
        if self.length is not None:
            return f"a list of {self.length} {items}"
        if self.min_length == 1:
            return f"a non-empty list of {items}"
        if self.min_length > 1:
            return f"a list of at least {self.min_length} {items}"
        return f"a list of {items}"

    @property
    def plural(self) -> str:
        return "lists" + self.expected[len("a list"):]

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, list):
            self._wrong(value, path, out)
            return
        if (self.length is not None and len(value) != self.length) or len(value) < self.min_length:
            out.append(f"{render_path(path)}: expected {self.expected}, got a list of {len(value)}")
            return
        for n, item in enumerate(value):
            self.item.check(item, (*path, n), out)


class MapOf(Spec):
    """A table of free keys (words, codes), every value matching ``value``; every key matching
    ``key`` when given."""

    __slots__ = ("value", "key")
    value: Spec
    key: Str | None

    def __init__(self, value: Spec, *, key: Str | None = None) -> None:
        self._set(value=value, key=key)

    @property
    def expected(self) -> str:
        return f"a table of {self.value.plural}"

    @property
    def plural(self) -> str:
        return f"tables of {self.value.plural}"

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, Mapping):
            self._wrong(value, path, out)
            return
        for k, v in value.items():
            if self.key is not None:
                before = len(out)
                self.key.check(k, (*path, k), out)
                if len(out) > before:
                    out[before] = out[before].replace(": expected", ": expected a key that is", 1)
                    continue
            self.value.check(v, (*path, k), out)


class Table(Spec):
    """A table with known keys. A key not in ``fields`` is a problem (with a suggestion when it
    looks like a known one); a key of ``required`` that is absent is one too."""

    __slots__ = ("fields", "required", "what")
    fields: Mapping[str, Spec]
    required: frozenset[str]
    what: str

    def __init__(self, fields: Mapping[str, Spec], required: frozenset[str] = frozenset(), *,
                 what: str = "a table") -> None:
        unknown = required - set(fields)
        if unknown:
            raise ValueError(f"required keys without a spec: {sorted(unknown)}")
        self._set(fields=fields, required=required, what=what)

    @property
    def expected(self) -> str:
        return self.what

    @property
    def plural(self) -> str:
        return "tables" if self.what == "a table" else self.what

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        if not isinstance(value, Mapping):
            self._wrong(value, path, out)
            return
        for k, v in value.items():
            spec = self.fields.get(k)
            if spec is None:
                out.append(f"{render_path((*path, k))}: unknown key{_suggestion(k, self.fields)}")
                continue
            spec.check(v, (*path, k), out)
        for k in sorted(self.required):
            if k not in value:
                out.append(f"{render_path((*path, k))}: required key missing")


class AnyOf(Spec):
    """A value that matches at least one of ``options`` (``first = "word"`` or ``["word", "digit"]``)."""

    __slots__ = ("options",)
    options: tuple[Spec, ...]

    def __init__(self, options: tuple[Spec, ...]) -> None:
        self._set(options=options)

    @property
    def expected(self) -> str:
        return " or ".join(o.expected for o in self.options)

    @property
    def plural(self) -> str:
        return " or ".join(o.plural for o in self.options)

    def check(self, value: object, path: KeyPath, out: list[str]) -> None:
        for option in self.options:
            trial: list[str] = []
            option.check(value, path, trial)
            if not trial:
                return
        self._wrong(value, path, out)


def problems(schema: Spec, data: Mapping[str, object]) -> list[str]:
    """Every problem of ``data`` against ``schema``, one line each, in the order of the data."""
    out: list[str] = []
    if isinstance(schema, Table):
        # top-level keys are tables of their own: "[numberz]: unknown table", not "[numberz]: unknown key"
        for k, v in data.items():
            spec = schema.fields.get(k)
            if spec is None:
                out.append(f"{render_path((k,))}: unknown table or key{_suggestion(k, schema.fields, bracket=True)}")
            else:
                spec.check(v, (k,), out)
        for k in sorted(schema.required):
            if k not in data:
                out.append(f"{render_path((k,))}: required table missing")
    else:
        schema.check(data, (), out)
    return out


def _suggestion(key: str, known: Sequence[str] | Mapping[str, object], *, bracket: bool = False) -> str:
    import difflib  # only when a key is wrong (its import costs a millisecond of every cold start)

    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.7)
    if not close:
        return ""
    return f" (did you mean [{close[0]}]?)" if bracket else f" (did you mean {close[0]!r}?)"
