"""The visible text of an HTML tree, written into a :class:`TextBuilder` with its map.

White space collapses as a browser collapses it (but in ``<pre>``); block elements end lines,
paragraphs and headings end blocks, table cells are separated by tabs. Scripts, styles,
templates and hidden elements are not text. Code (``<pre>``, ``<code>``, ``<kbd>``,
``<samp>``) stays in the text as a verbatim fact; link and image targets (and, for HTML inside
Markdown, the other attributes that are not words to translate) are verbatim facts collected
for the list at the end of the text (:meth:`TextBuilder` users call :func:`write_pending`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.io.readers.htmltree import Element, Text
from factcheck.io.readers.textmap import TextBuilder, bare_urls
from factcheck.origin import Location

__all__ = ["HtmlText", "Pending", "content_roots", "write_pending"]

#: never text: code run by the browser, templates, embedded documents and form widgets
SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
                  "canvas", "select", "datalist", "textarea", "audio", "video", "map", "title", "meta", "link",
                  "base"})
#: page furniture: skipped wherever they are (nav, aside) or outside an article (header, footer)
_ALWAYS_FURNITURE = frozenset({"nav", "aside"})
_PAGE_FURNITURE = frozenset({"header", "footer"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_LINES = frozenset({"address", "body", "br", "caption", "dd", "details", "dialog", "div", "dt", "fieldset",
                    "figcaption", "form", "hgroup", "hr", "li", "nav", "summary", "tr"})
_BLOCKS = frozenset({"article", "aside", "blockquote", "dl", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "main", "ol", "p", "pre", "section", "table", "ul"})
_CODE = frozenset({"pre", "code", "kbd", "samp"})
_URL_ATTRS = frozenset({"href", "src", "poster", "cite", "action"})
#: attributes whose values are words a translation changes (or the language itself)
_WORD_ATTRS = frozenset({"alt", "title", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription",
                         "placeholder", "label", "summary", "content", "value", "lang", "xml:lang", "hreflang",
                         "dir", "translate"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"\s+|\S+")


@dataclass(frozen=True, slots=True)
class Pending:
    """A verbatim fact kept for the list at the end of the text: its ``kind`` and ``text``,
    where it is in the file (``at``, or None when it is not written there as is) and the
    offset of the element it belongs to (``anchor``); ``where`` is the block it belongs to in
    a block format (a Word paragraph)."""

    kind: str
    text: str
    at: int | None
    anchor: int
    rule: str
    where: Location | None = None


def write_pending(builder: TextBuilder, pending: list[Pending]) -> None:
    """The list of link targets and attributes at the end of the text, one a line, each a
    verbatim fact mapped to where the file writes it."""
    if not pending:
        return
    builder.block_break()
    for p in pending:
        if p.at is not None:
            span = builder.add(p.text, p.at, where=p.where)
        else:
            span = builder.add(p.text, p.anchor, p.anchor, where=p.where)
        builder.verbatim(p.kind, span, p.text, p.rule)
        builder.line_break()


def _hidden(el: Element) -> bool:
    if el.has("hidden") or (el.attr("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.attr("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_furniture(el: Element, in_article: bool) -> bool:
    role = (el.attr("role") or "").strip().lower()
    if el.tag in _ALWAYS_FURNITURE or role in _FURNITURE_ROLES:
        return True
    return el.tag in _PAGE_FURNITURE and not in_article


def content_roots(root: Element) -> list[Element]:
    """Where the text of a page is: its ``<main>`` (or ``role="main"``), else its articles,
    else its body (or the whole document)."""
    elements = root.iter()
    main = [e for e in elements if e.tag == "main" or (e.attr("role") or "").strip().lower() == "main"]
    if main:
        return main[:1]
    articles = [e for e in elements if e.tag == "article"]
    if articles:
        top = []
        for a in articles:
            p = a.parent
            while p is not None and p.tag != "article":
                p = p.parent
            if p is None:
                top.append(a)
        return top
    body = next((e for e in elements if e.tag == "body"), None)
    return [body or root]


@dataclass
class HtmlText:
    """Writes the visible text of elements into ``builder``; verbatim facts of link targets
    and attributes go to ``pending``. ``attributes``: also the attributes that are not words
    (HTML inside Markdown). ``skip_furniture``: leave out navigation, headers and footers."""

    builder: TextBuilder
    rule: str = "html"
    attributes: bool = False
    skip_furniture: bool = True
    pending: list[Pending] = field(default_factory=list)

    def write(self, node: Element, *, pre: bool = False, in_article: bool = False) -> None:
        for child in node.children:
            if isinstance(child, Text):
                self._text(child, pre)
            else:
                self._element(child, pre, in_article)

    def _text(self, t: Text, pre: bool) -> None:
        b = self.builder
        if t.ref:
            if t.data.isspace() and not pre:
                b.space()
            else:
                b.add(t.data, t.at, t.at_end)
            return
        if pre:
            b.add(t.data, t.at)
            return
        for m in _WS.finditer(t.data):
            word = m.group()
            if word[0].isspace():
                b.space()
                continue
            start, _ = b.add(word, t.at + m.start())
            if "." in word:
                for i, j in bare_urls(word):
                    b.verbatim("url", (start + i, start + j), word[i:j], f"{self.rule}.link.bare")

    def _element(self, el: Element, pre: bool, in_article: bool) -> None:
        tag = el.tag
        if tag in SKIP or _hidden(el):
            return
        if self.skip_furniture and _is_furniture(el, in_article):
            return
        self.facts(el)
        b = self.builder
        if tag in ("td", "th"):
            if b.tail[-1:] not in ("", "\n"):
                b.cell()
        elif tag in _BLOCKS:
            b.block_break()
        elif tag in _LINES:
            b.line_break()
        if tag == "br":
            b.sep("\n")
            return
        if tag in _CODE and not (pre and tag != "pre"):
            self._code(el, pre or tag == "pre")
        else:
            self.write(el, pre=pre or tag == "pre", in_article=in_article or tag in ("article", "main"))
        if tag in _BLOCKS:
            b.block_break()
        elif tag in _LINES:
            b.line_break()

    def _code(self, el: Element, pre: bool) -> None:
        b = self.builder
        start = b.pos
        self.write(el, pre=pre)
        end = b.pos
        if pre:
            while end > start and b.text_between(end - 1, end) in ("\n", " ", "\t"):
                end -= 1
        snippet = b.text_between(start, end)
        if snippet.strip():
            b.verbatim("code", (start, end), snippet, f"{self.rule}.code.{'block' if pre else 'inline'}",
                       block=pre)

    def facts(self, el: Element) -> None:
        """Collect the verbatim facts of an element's attributes."""
        for name, value in el.attrs:
            if value is None or not value.strip():
                continue
            v = value.strip()
            if name in _URL_ATTRS:
                if v.startswith("#") or v.lower().startswith("javascript:"):
                    continue
                self.pending.append(Pending("url", v, el.attr_at(name, v), el.at, f"{self.rule}.{el.tag}.{name}"))
            elif self.attributes and name not in _WORD_ATTRS and not name.startswith("aria-"):
                shown = f'{name}="{v}"'
                self.pending.append(Pending("attribute", shown, None, el.attr_at(name, v) or el.at,
                                            f"{self.rule}.attribute"))
