"""The HTML reader: the visible text of a page, with the standard library's parser (the
default install reads HTML; nothing is fetched or run).

The page's encoding is its byte-order mark, else the ``<meta charset>`` it declares (a page
that is not in the encoding it declares is refused, naming both), else UTF-8, else CP949.
The text is that of its ``<main>``, else its articles, else its body, without navigation,
page headers and footers, scripts and styles (:mod:`factcheck.io.readers.htmltext`). The
publication date comes from the metadata (``article:published_time``, ``datePublished``,
Dublin Core and the like), else from a ``<time datetime>`` outside the running text; the
language from ``<html lang>``. Link and image targets are verbatim facts.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
from types import MappingProxyType

from factcheck.errors import InputError
from factcheck.io.files import decode_named
from factcheck.io.readers.htmltext import HtmlText, content_roots, write_pending
from factcheck.io.readers.htmltree import Element, parse_html
from factcheck.io.readers.meta import lang_tag, meta_date
from factcheck.io.readers.reading import Reading
from factcheck.io.readers.text import report_encoding
from factcheck.io.readers.textmap import TextBuilder
from factcheck.origin import Origin, file_line_starts

__all__ = ["HtmlReader", "decode_html", "page_metadata"]

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: WHATWG encoding labels that Python spells otherwise
_LABELS = MappingProxyType({
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ks_c_5601-1989": "cp949", "ksc5601": "cp949",
    "ksc_5601": "cp949", "korean": "cp949", "csksc56011987": "cp949", "iso-ir-149": "cp949",
    "windows-949": "cp949", "x-windows-949": "cp949", "cp949": "cp949", "uhc": "cp949",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode-1-1-utf-8": "utf-8",
})
#: metadata names (``name``, ``property`` or ``itemprop``, lower case) of the publication date
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time",
                   "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                   "citation_publication_date", "citation_date", "pubdate", "publishdate", "publish_date",
                   "parsely-pub-date", "sailthru.date", "date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
#: elements of running text: a <time> in one is a date the text speaks of, not its own date
_RUNNING = frozenset({"p", "li", "td", "th", "dd", "blockquote", "figcaption"})


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """The text of an HTML file and the encoding it was read in (see the module)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_named(data, name=name)
    m = _META_CHARSET.search(data[:4096])
    if m is None:
        return decode_named(data, name=name)
    label = m.group(1).decode("ascii", "replace").strip().lower()
    codec = _LABELS.get(label, label)
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError(f"declares an unknown character encoding {label!r} in <meta charset>",
                         reason="undecodable", path=name) from None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        raise InputError(f"not {label} text as its <meta charset> declares (invalid byte 0x{data[exc.start]:02x} "
                         f"at offset {exc.start}); save it in that encoding or correct the declaration",
                         reason="undecodable", path=name) from None


def page_metadata(root: Element) -> tuple[_dt.date | None, str | None, str | None, list[tuple[str, str]]]:
    """The publication date of a page and where it came from (``html-meta``,
    ``html-time``), its declared language and its other metadata (title, modified)."""
    named: dict[str, str] = {}
    lang: str | None = None
    title: str | None = None
    times: list[tuple[int, str]] = []  # (rank, datetime): 0 pubdate/itemprop, 1 outside running text
    for el in root.iter():
        if el.tag == "html" and lang is None:
            lang = lang_tag(el.attr("lang") or el.attr("xml:lang"))
        elif el.tag == "meta":
            content = el.attr("content")
            for key in ("property", "name", "itemprop", "http-equiv"):
                k = (el.attr(key) or "").strip().lower()
                if k and content is not None:
                    named.setdefault(k, content)
        elif el.tag == "title" and title is None:
            title = " ".join(el.text().split()) or None
        elif el.tag == "time":
            value = el.attr("datetime") or el.attr("content")
            if value is None:
                continue
            prop = (el.attr("itemprop") or "").lower()
            if el.has("pubdate") or prop == "datepublished":
                times.append((0, value))
            elif not _in_running_text(el):
                times.append((1, value))
        elif (el.attr("itemprop") or "").lower() == "datepublished":
            value = el.attr("content") or el.attr("datetime")
            if value:
                named.setdefault("datepublished", value)
    if lang is None:
        lang = lang_tag(named.get("content-language", "")) or lang_tag(named.get("og:locale", ""))
    published: _dt.date | None = None
    source: str | None = None
    for key in _PUBLISHED_META:
        d = meta_date(named.get(key))
        if d is not None:
            published, source = d, "html-meta"
            break
    if published is None:
        for _, value in sorted(times, key=lambda t: t[0]):
            d = meta_date(value)
            if d is not None:
                published, source = d, "html-time"
                break
    extra: list[tuple[str, str]] = []
    if title:
        extra.append(("title", title))
    for key in _MODIFIED_META:
        d = meta_date(named.get(key))
        if d is not None:
            extra.append(("modified", d.isoformat()))
            break
    return published, source, lang, extra


def _in_running_text(el: Element) -> bool:
    p = el.parent
    while p is not None:
        if p.tag in _RUNNING:
            return True
        p = p.parent
    return False


class HtmlReader:
    """HTML pages: ``.html``, ``.htm``, ``.xhtml``."""

    name = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml")
    extra: str | None = None

    def read(self, data: bytes, name: str) -> Reading:
        text, encoding = decode_html(data, name)
        root = parse_html(text)
        published, source, lang, extra = page_metadata(root)
        builder = TextBuilder()
        writer = HtmlText(builder, rule="html")
        for r in content_roots(root):
            writer.write(r, in_article=r.tag in ("article", "main"))
            builder.block_break()
        write_pending(builder, writer.pending)
        out, source_map, verbatim = builder.finish(file_line_starts(text))
        if lang:
            extra.append(("lang", lang))
        origin = Origin(format="html", encoding=report_encoding(encoding), map=source_map, verbatim=verbatim,
                        verbatim_kinds=("code", "url"), published=published, published_from=source, lang=lang,
                        metadata=tuple(extra))
        return Reading(out, origin)
