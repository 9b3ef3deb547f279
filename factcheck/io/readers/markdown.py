"""The Markdown reader, on markdown-it-py's CommonMark parser (with GitHub's tables).

Headings, paragraphs, list items and table cells are the text, each mapped back to its line
and column in the file. Fenced and indented code and inline code stay in the text as
*verbatim facts* (the extractors do not read them); link and image targets and the attributes
of inline HTML are verbatim facts listed at the end of the text, each mapped to where the file
writes it. Front matter is metadata, never text (:mod:`factcheck.io.readers.meta`). HTML
blocks are read as HTML (:mod:`factcheck.io.readers.htmltext`).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from factcheck.io.files import decode_named
from factcheck.io.readers.htmltext import HtmlText, Pending, write_pending
from factcheck.io.readers.htmltree import parse_html
from factcheck.io.readers.meta import front_matter
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.text import report_encoding
from factcheck.io.readers.textmap import TextBuilder, bare_urls
from factcheck.origin import Origin, file_line_starts

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["MarkdownReader"]

_FORMATTING = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class _Walk:
    """One file being read: the source, its line starts, the builder and the pending facts."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = file_line_starts(source)
        self.builder = TextBuilder()
        self.html = HtmlText(self.builder, rule="markdown.html", attributes=True, skip_furniture=False)

    @property
    def pending(self) -> list[Pending]:
        return self.html.pending

    def span(self, token: Token) -> tuple[int, int]:
        """The offsets in the file of the lines a block token covers."""
        first, last = token.map or (0, 0)
        lo = self.lines[min(first, len(self.lines) - 1)]
        hi = self.lines[last] if last < len(self.lines) else len(self.source)
        return lo, hi

    def blocks(self, tokens: list[Token]) -> None:
        b = self.builder
        for tok in tokens:
            t = tok.type
            if t == "inline":
                lo, hi = self.span(tok)
                self.inline(tok.children or [], lo, hi)
            elif t in ("paragraph_close", "heading_close", "blockquote_close", "table_close"):
                if tok.hidden:
                    b.line_break()
                else:
                    b.block_break()
            elif t in ("heading_open", "blockquote_open", "table_open", "bullet_list_close", "ordered_list_close"):
                b.block_break()
            elif t in ("list_item_open", "tr_close", "hr"):
                b.line_break()
            elif t in ("th_open", "td_open"):
                if b.tail[-1:] not in ("", "\n"):
                    b.cell()
            elif t in ("fence", "code_block"):
                self.code_block(tok)
            elif t == "html_block":
                lo, hi = self.span(tok)
                b.block_break()
                self.html.write(parse_html(self.source, lo, hi))
                b.block_break()

    def code_block(self, tok: Token) -> None:
        b = self.builder
        b.block_break()
        lo, hi = self.span(tok)
        if tok.type == "fence" and tok.map:
            lo = self.lines[min(tok.map[0] + 1, len(self.lines) - 1)]  # after the opening fence
        content = tok.content.rstrip("\n")
        if not content.strip():
            return
        start = b.pos
        pos = lo
        for n, line in enumerate(content.split("\n")):
            if n:
                b.sep("\n")
            pos = b.add_rendered(line, self.source, pos, hi) if line else pos
        b.verbatim("code", (start, b.pos), content, "markdown.code.block", block=True)
        b.block_break()

    def inline(self, children: list[Token], lo: int, hi: int) -> None:
        b = self.builder
        cursor = lo
        autolink = False  # the text of an open autolink (<https://...>) is its target
        for child in children:
            t = child.type
            if t == "text":
                start = b.pos
                cursor = b.add_rendered(child.content, self.source, cursor, hi)
                if autolink and child.content:
                    b.verbatim("url", (start, b.pos), child.content, "markdown.link.autolink")
                else:
                    for i, j in bare_urls(child.content):
                        b.verbatim("url", (start + i, start + j), child.content[i:j], "markdown.link.bare")
            elif t == "code_inline":
                start = b.pos
                cursor = b.add_rendered(child.content, self.source, cursor, hi)
                b.verbatim("code", (start, b.pos), child.content, "markdown.code.inline")
            elif t in ("softbreak", "hardbreak"):
                b.sep("\n")
            elif t == "link_open":
                href = str(child.attrs.get("href") or "")
                at = self.source.find(href, cursor, hi) if href else -1
                autolink = child.markup == "autolink" or child.info == "auto"
                if href and not autolink and not href.startswith("#"):
                    self.pending.append(Pending("url", href, at if at >= 0 else None, cursor, "markdown.link"))
            elif t == "image":
                src = str(child.attrs.get("src") or "")
                at = self.source.find(src, cursor, hi) if src else -1
                if src:
                    self.pending.append(Pending("url", src, at if at >= 0 else None, cursor, "markdown.image"))
                if at >= 0:
                    cursor = at + len(src)
            elif t == "html_inline":
                at = self.source.find(child.content, cursor, hi)
                if at < 0:
                    continue
                tree = parse_html(self.source, at, at + len(child.content))
                for el in tree.iter()[1:]:
                    if el.tag == "br":
                        b.sep("\n")
                    self.html.facts(el)
                cursor = at + len(child.content)
            elif t == "link_close":
                autolink = False
            elif t not in _FORMATTING:
                cursor = b.add_rendered(child.content, self.source, cursor, hi) if child.content else cursor


class MarkdownReader:
    """Markdown: ``.md``, ``.markdown``, ``.mdown``, ``.mkd``."""

    name = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")
    extra: str | None = None

    def read(self, data: bytes, name: str) -> Reading:
        source, encoding = decode_named(data, name=name)
        fm = front_matter(source)
        # the front matter is parsed as blank lines: the line numbers of the rest stay the file's
        parsed = "\n" * (fm.lines) + source[fm.end:] if fm is not None else source
        walk = _Walk(source)
        walk.blocks(_parser().parse(parsed))
        write_pending(walk.builder, walk.pending)
        text, source_map, verbatim = walk.builder.finish(walk.lines)
        metadata: list[tuple[str, str]] = []
        published = lang = None
        if fm is not None:
            published, lang = fm.published, fm.lang
            title = fm.get(("title",))
            if title:
                metadata.append(("title", title[1]))
            if lang:
                metadata.append(("lang", lang))
        origin = Origin(format="markdown", encoding=report_encoding(encoding), map=source_map, verbatim=verbatim,
                        verbatim_kinds=("code", "url", "attribute"), published=published,
                        published_from="front-matter" if published else None, lang=lang, metadata=tuple(metadata))
        return Reading(text, origin)
