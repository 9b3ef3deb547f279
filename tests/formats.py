"""Small documents of every format factcheck reads, built in the tests (no binary fixtures):
Word (.docx, with python-docx), HWPX (a zip of XML), HWP 5 (an OLE compound file written here,
with the records of the HWP 5 body text), and PDF (written by hand; encrypted with pypdf)."""

from __future__ import annotations

import datetime as _dt
import io
import math
import struct
import zipfile
import zlib
from collections.abc import Sequence

# ----------------------------------------------------------------------------- Word

Cell = str
Table = list[list[Cell]]


def docx_bytes(blocks: Sequence[str | Table], *, created: _dt.datetime | None = None,
               modified: _dt.datetime | None = None, title: str | None = None,
               links: Sequence[tuple[str, str]] = ()) -> bytes:
    """A .docx of paragraphs (str) and tables (rows of cell texts), in order; ``links`` adds a
    last paragraph of hyperlinks (text, url)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
        else:
            t = d.add_table(rows=len(block), cols=max(len(r) for r in block))
            for r, row in enumerate(block):
                for c, text in enumerate(row):
                    t.cell(r, c).text = text
    if links:
        p = d.add_paragraph()
        for text, url in links:
            rid = p.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            h = OxmlElement("w:hyperlink")
            h.set(qn("r:id"), rid)
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
            h.append(run)
            p._p.append(h)
    props = d.core_properties
    props.created = created or _dt.datetime(2024, 5, 1, 9, 0)
    props.modified = modified or _dt.datetime(2024, 5, 2, 9, 0)
    if title:
        props.title = title
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- HWPX

_HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
_HS = "http://www.hancom.co.kr/hwpml/2011/section"


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hwpx_p(text: str) -> str:
    return f'<hp:p><hp:run><hp:t>{_x(text)}</hp:t></hp:run></hp:p>'


def hwpx_bytes(blocks: Sequence[str | Table], *, created: str = "2024-05-01T09:00:00Z",
               modified: str = "2024-05-02T09:00:00Z", header: str | None = None) -> bytes:
    """An .hwpx of paragraphs and tables; ``header`` adds a page header (left out when read)."""
    body = []
    if header is not None:
        body.append(f'<hp:p><hp:run><hp:ctrl><hp:header><hp:subList>{_hwpx_p(header)}</hp:subList>'
                    '</hp:header></hp:ctrl></hp:run></hp:p>')
    for block in blocks:
        if isinstance(block, str):
            body.append(_hwpx_p(block))
            continue
        rows = []
        for r, row in enumerate(block):
            cells = "".join(f'<hp:tc><hp:subList>{_hwpx_p(text)}</hp:subList>'
                            f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/></hp:tc>' for c, text in enumerate(row))
            rows.append(f"<hp:tr>{cells}</hp:tr>")
        body.append(f'<hp:p><hp:run><hp:tbl rowCnt="{len(block)}">{"".join(rows)}</hp:tbl></hp:run></hp:p>')
    section = (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{_HS}" xmlns:hp="{_HP}">'
               + "".join(body) + "</hs:sec>")
    hpf = ('<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
           '<opf:metadata><opf:title>release</opf:title><opf:language>ko</opf:language>'
           f'<opf:meta name="CreatedDate" content="text">{created}</opf:meta>'
           f'<opf:meta name="ModifiedDate" content="text">{modified}</opf:meta>'
           '</opf:metadata></opf:package>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:  # fixed dates: the same blocks give the same bytes
        z.writestr(zipfile.ZipInfo("mimetype", (2024, 5, 2, 0, 0, 0)), "application/hwp+zip")
        for name, text in (("Contents/content.hpf", hpf), ("Contents/section0.xml", section)):
            z.writestr(zipfile.ZipInfo(name, (2024, 5, 2, 0, 0, 0)), text, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ----------------------------------------------------------------------------- OLE (CFB)

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR, _MINI, _CUTOFF = 512, 64, 4096


def _entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le")
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw) + 2 if name else 0, kind, 1)
            + struct.pack("<III", _NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, size))


def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3) holding ``streams`` ("Storage/Stream": bytes)."""
    # the tree: storages and streams under the root (entry 0)
    names = ["Root Entry"]
    kinds = [5]
    parent = [-1]
    data: list[bytes] = [b""]
    index: dict[str, int] = {"": 0}
    for path in streams:
        parts = path.split("/")
        for k in range(1, len(parts) + 1):
            key = "/".join(parts[:k])
            if key in index:
                continue
            index[key] = len(names)
            names.append(parts[k - 1])
            kinds.append(2 if k == len(parts) else 1)
            parent.append(index["/".join(parts[:k - 1])])
            data.append(streams[path] if k == len(parts) else b"")
    n = len(names)
    # the mini stream: small streams in 64-byte sectors
    mini = bytearray()
    minifat: list[int] = []
    start = [0] * n
    big: list[int] = []
    for i in range(1, n):
        if kinds[i] != 2:
            continue
        if len(data[i]) < _CUTOFF:
            count = max(1, math.ceil(len(data[i]) / _MINI)) if data[i] else 0
            start[i] = len(minifat) if count else _END
            minifat += [len(minifat) + k + 1 for k in range(count)]
            if count:
                minifat[-1] = _END
            mini += data[i].ljust(count * _MINI, b"\0")
        else:
            big.append(i)
    sizes = {
        "dir": math.ceil(n * 128 / _SECTOR),
        "minifat": math.ceil(len(minifat) * 4 / _SECTOR),
        "mini": math.ceil(len(mini) / _SECTOR),
    }
    big_sectors = [math.ceil(len(data[i]) / _SECTOR) for i in big]
    others = sum(sizes.values()) + sum(big_sectors)
    nfat = 1
    while nfat * 128 < others + nfat:
        nfat += 1
    fat: list[int] = [_FATSECT] * nfat
    layout: dict[str, int] = {}

    def chain(count: int) -> int:
        first = len(fat)
        fat.extend(range(first + 1, first + count))
        fat.append(_END)
        return first

    for key in ("dir", "minifat", "mini"):
        layout[key] = chain(sizes[key]) if sizes[key] else _END
    for i, count in zip(big, big_sectors, strict=True):
        start[i] = chain(count)
    fat += [_FREE] * (nfat * 128 - len(fat))
    # the directory: the children of each storage chained by right siblings, in CFB order
    child = [_NOSTREAM] * n
    right = [_NOSTREAM] * n
    for p in range(n):
        kids = sorted((i for i in range(n) if parent[i] == p), key=lambda i: (len(names[i]), names[i].upper()))
        if kids:
            child[p] = kids[0]
            for a, b in zip(kids, kids[1:], strict=False):
                right[a] = b
    entries = b"".join(
        _entry(names[i], kinds[i], child[i], right[i],
               (layout["mini"] if mini else _END) if i == 0 else (start[i] if kinds[i] == 2 else 0),
               len(mini) if i == 0 else len(data[i]))
        for i in range(n))
    entries = entries.ljust(sizes["dir"] * _SECTOR, b"\0")
    header = bytearray(_SECTOR)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, nfat, layout["dir"], 0, _CUTOFF,
                     layout["minifat"], sizes["minifat"], _END, 0)
    difat = list(range(nfat)) + [_FREE] * (109 - nfat)
    struct.pack_into("<109I", header, 0x4C, *difat)
    body = bytearray()
    body += struct.pack(f"<{len(fat)}I", *fat)
    body += entries
    body += struct.pack(f"<{len(minifat)}I", *minifat).ljust(sizes["minifat"] * _SECTOR, b"\xff")
    body += bytes(mini).ljust(sizes["mini"] * _SECTOR, b"\0")
    for i, count in zip(big, big_sectors, strict=True):
        body += data[i].ljust(count * _SECTOR, b"\0")
    return bytes(header) + bytes(body)


# ----------------------------------------------------------------------------- HWP 5

def _record(tag: int, level: int, payload: bytes) -> bytes:
    if len(payload) < 0xFFF:
        return struct.pack("<I", tag | (level << 10) | (len(payload) << 20)) + payload
    return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), len(payload)) + payload


def _para(text: str, level: int, controls: str = "") -> bytes:
    units = controls.encode("utf-16-le") + text.encode("utf-16-le") + struct.pack("<H", 13)
    return _record(66, level, b"\0" * 22) + _record(67, level + 1, units)


def _table_control() -> str:
    """The eight code units that anchor a table in its paragraph's text."""
    return chr(11) + "tbl "[::-1][:2] + "\0" * 4 + chr(11)


def hwp_section(blocks: Sequence[str | Table]) -> bytes:
    """The records of one body text section: paragraphs and tables."""
    out = bytearray()
    for block in blocks:
        if isinstance(block, str):
            out += _para(block.replace("\t", chr(9) + "\0" * 6 + chr(9)), 0)
            continue
        out += _para("", 0, _table_control())
        out += _record(71, 1, b" lbt" + b"\0" * 40)
        out += _record(77, 2, b"\0" * 30)
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                out += _record(72, 2, struct.pack("<HHI", 1, 0, 0) + struct.pack("<HHHH", c, r, 1, 1) + b"\0" * 20)
                out += _para(text, 2)
    return bytes(out)


def hwp_bytes(blocks: Sequence[str | Table], *, compressed: bool = True, flags: int = 0,
              sections: Sequence[Sequence[str | Table]] = ()) -> bytes:
    """An HWP 5 file of paragraphs and tables (more ``sections`` after the first if given);
    ``flags`` adds to the file header's properties (0x2: a password, 0x4: distribution)."""
    header = bytearray(256)
    header[0:17] = b"HWP Document File"
    struct.pack_into("<II", header, 32, 0x05000300, (1 if compressed else 0) | flags)
    streams = {"FileHeader": bytes(header)}

    def pack(raw: bytes) -> bytes:
        if not compressed:
            return raw
        z = zlib.compressobj(9, zlib.DEFLATED, -15)
        return z.compress(raw) + z.flush()

    streams["DocInfo"] = pack(b"")
    for k, section in enumerate([blocks, *sections]):
        streams[f"BodyText/Section{k}"] = pack(hwp_section(section))
    return cfb_bytes(streams)


# ----------------------------------------------------------------------------- PDF

def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_bytes(pages: Sequence[Sequence[str]], *, info: dict[str, str] | None = None, lang: str = "en-US") -> bytes:
    """A PDF whose pages hold these lines of (Latin) text in Helvetica; a page with no lines
    has no text at all, as a scanned page has none."""
    objects: list[str] = []
    n_pages = len(pages)
    font = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * k} 0 R" for k in range(n_pages))
    objects.append(f"<< /Type /Catalog /Pages 2 0 R /Lang {_pdf_string(lang)} >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>")
    for k, lines in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * k} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>")
        if lines:
            ops = ["BT /F1 12 Tf 72 720 Td"]
            for n, line in enumerate(lines):
                if n:
                    ops.append("0 -16 Td")
                ops.append(f"{_pdf_string(line)} Tj")
            ops.append("ET")
        else:
            ops = ["0.5 g 72 72 468 648 re f"]  # a grey box: an image of a page, no text
        content = "\n".join(ops)
        objects.append(f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    trailer_info = ""
    if info:
        objects.append("<< " + " ".join(f"/{k} {_pdf_string(v)}" for k, v in info.items()) + " >>")
        trailer_info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode("ascii")
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_info} >>\nstartxref\n{xref}\n%%EOF\n"
            .encode("ascii"))
    return bytes(out)


def encrypted_pdf_bytes(pages: Sequence[Sequence[str]], password: str = "secret") -> bytes:
    """The same PDF, encrypted with a user password (RC4, which pypdf writes on its own)."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=password, owner_password=password + "!", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ----------------------------------------------------------------------------- examples/formats
#: the bundled release as a Hangul file and its English version as a PDF (examples/formats/)
EXAMPLE_HWPX: list[str | Table] = [
    "국가물류혁신청, 해담솔루션과 냉장 컨테이너 수출 지원 협약",
    "해담솔루션은 지난해 수출액이 전년보다 18% 늘었다고 밝혔다.",
    [["구분", "내용"], ["공급계약", "2,350만불"], ["올해 수출 계획", "컨테이너 1,200대"]],
    "새 공장은 하루 40대의 컨테이너를 생산할 수 있다.",
]
EXAMPLE_PDF = [["National Logistics Innovation Agency backs cold-chain exporter",
                "Haedam Solutions said its exports grew 18% last year."],
               ["Supply contract: 23.5 million USD. Export plan for this year: 1,200 containers.",
                "The new plant can build 45 containers a day."]]


def example_files() -> dict[str, bytes]:
    """The files of examples/formats/, as these builders make them."""
    return {
        "examples/formats/release_ko.hwpx": hwpx_bytes(EXAMPLE_HWPX, created="2024-03-13T17:00:00Z",
                                                      modified="2024-03-14T09:00:00Z"),
        "examples/formats/release_en.pdf": pdf_bytes(EXAMPLE_PDF, info={"Title": "Release",
                                                                       "CreationDate": "D:20240314090000Z"}),
    }
