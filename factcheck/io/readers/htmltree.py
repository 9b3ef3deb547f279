"""A light HTML tree with positions, parsed with the standard library's :mod:`html.parser`.

Each element keeps the offset of its start tag in the file and the raw tag, each text node
its span in the file; character references stay separate text nodes (their decoded text is
not a copy of the file). The tree builder knows the end tags HTML lets authors leave out
(``<p>``, ``<li>``, table cells and rows), which is all a reader of visible text needs; it is
not a full HTML5 tree construction. Nothing is fetched, nothing is run.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import MappingProxyType

__all__ = ["Element", "Text", "parse_html"]

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                  "param", "source", "track", "wbr"})
#: elements nested deeper than this hold no children (their content goes to the element above):
#: a page nested thousands deep is hostile, not a document
MAX_DEPTH = 256
#: start tags that close an open <p>
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                       "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                       "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"})
#: tags whose open element a new one closes, and the tags that bound the search
_IMPLIED: MappingProxyType[str, tuple[frozenset[str], frozenset[str]]] = MappingProxyType({
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "thead": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot", "tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
})


@dataclass(frozen=True, slots=True)
class Text:
    """Text of the file: ``data`` as read, from ``at`` to ``at_end`` in the file. ``ref`` is
    True for a decoded character reference (``&amp;``), whose span is the reference."""

    data: str
    at: int
    at_end: int
    ref: bool = False


@dataclass(eq=False, slots=True)
class Element:
    """An element: its tag (lower case), attributes, children and where its start tag is."""

    tag: str
    attrs: tuple[tuple[str, str | None], ...] = ()
    at: int = 0
    raw: str = ""
    children: list[Element | Text] = field(default_factory=list)
    parent: Element | None = None

    def attr(self, name: str) -> str | None:
        for k, v in self.attrs:
            if k == name:
                return v
        return None

    def has(self, name: str) -> bool:
        return any(k == name for k, _ in self.attrs)

    def attr_at(self, name: str, value: str) -> int | None:
        """The offset in the file of attribute ``name``'s value, when it is written as is."""
        i = self.raw.lower().find(name)
        while i >= 0:
            j = self.raw.find(value, i + len(name))
            if j >= 0 and value:
                return self.at + j
            i = self.raw.lower().find(name, i + 1)
        return None

    def iter(self) -> list[Element]:
        """This element and every element under it, in document order."""
        out: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            el = stack.pop()
            out.append(el)
            stack.extend(reversed([c for c in el.children if isinstance(c, Element)]))
        return out

    def text(self) -> str:
        """All the text under this element, as it is (no white space collapsed)."""
        parts: list[str] = []
        stack: list[Element | Text] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                parts.append(node.data)
            else:
                stack.extend(reversed(node.children))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self, source: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.root = Element("#document")
        self.stack: list[Element] = [self.root]
        self.lf_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def _abs(self) -> int:
        line, col = self.getpos()
        return self.base + self.lf_starts[min(line, len(self.lf_starts)) - 1] + col

    def _close_until(self, names: frozenset[str], bounds: frozenset[str]) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[k].tag
            if tag in names:
                del self.stack[k:]
                return
            if tag in bounds:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_until(frozenset({"p"}), frozenset({"button", "table", "td", "th", "li", "div", "article",
                                                           "section", "main", "body", "blockquote"}))
        implied = _IMPLIED.get(tag)
        if implied is not None:
            self._close_until(*implied)
        parent = self.stack[-1]
        el = Element(tag, tuple(attrs), self._abs(), self.get_starttag_text() or "", [], parent)
        parent.children.append(el)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:  # deeper: its content joins its parent
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        at = self._abs()
        self.stack[-1].children.append(Text(data, at, at + len(data)))

    def _ref(self, raw: str) -> None:
        at = self._abs()
        local = at - self.base
        length = len(raw) + 1 if self.source.startswith(raw + ";", local) else len(raw)
        decoded = html.unescape(self.source[local:local + length])
        self.stack[-1].children.append(Text(decoded, at, at + length, ref=True))

    def handle_entityref(self, name: str) -> None:
        self._ref("&" + name)

    def handle_charref(self, name: str) -> None:
        self._ref("&#" + name)


def parse_html(source: str, lo: int = 0, hi: int | None = None) -> Element:
    """The tree of ``source[lo:hi]`` (offsets in the tree count in ``source``)."""
    chunk = source[lo:hi]
    builder = _TreeBuilder(chunk, lo)
    builder.feed(chunk)
    builder.close()
    return builder.root
