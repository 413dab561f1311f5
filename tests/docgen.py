"""Generate realistic PDF and DOCX files from a plain-text document, for the reader tests.

`make_pdf` lays the text out like an A4 公文 page (GB/T 9704: 16 pt 宋体, about 28 characters a
line, 22 lines a page, first-line indent of two characters, page number "— N —" in the footer);
`make_docx` writes one Word paragraph per text paragraph, with real Word list numbering for the
一、 and （一） outline levels and Word tables for runs of tab-separated lines.
"""

from __future__ import annotations

import re
from pathlib import Path

FONT = "STSong-Light"
FONT_SIZE = 16.0
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
LINE_HEIGHT = 28.0
LEFT = 79.0  # 28 mm
TOP_BASELINE = 841.89 - 105.0  # 37 mm top margin plus one line

CN_DIGITS = "零一二三四五六七八九"
LEVEL0 = re.compile(r"^([一二三四五六七八九十]+)、")
LEVEL1 = re.compile(r"^（([一二三四五六七八九十]+)）")


def paragraphs(text: str) -> list[str]:
    """Non-blank lines of a text, stripped: one paragraph each."""
    return [ln.strip(" \t\u3000\u00a0\r") for ln in text.splitlines() if ln.strip(" \t\u3000\u00a0\r")]


def _blocks(text: str) -> list[str | list[list[str]]]:
    """Paragraphs, with each run of tab-separated lines gathered into a table (a list of rows)."""
    blocks: list[str | list[list[str]]] = []
    for line in text.splitlines():
        if "\t" in line.strip():
            row = [c.strip() for c in line.strip().split("\t")]
            if blocks and isinstance(blocks[-1], list):
                blocks[-1].append(row)
            else:
                blocks.append([row])
            continue
        stripped = line.strip(" \t\u3000\u00a0\r")
        if stripped:
            blocks.append(stripped)
    return blocks


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (Word's chineseCounting)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def cn_value(s: str) -> int:
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return CN_DIGITS.index(s)


# --- PDF ---------------------------------------------------------------------------------------


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(paragraph: str, first_indent: float = 2.0) -> list[str]:
    """Break a paragraph into lines no wider than 28 full-width characters (ASCII is half width)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    limit = CHARS_PER_LINE * FONT_SIZE
    lines: list[str] = []
    current = ""
    avail = limit - first_indent * FONT_SIZE
    for ch in paragraph:
        if current and stringWidth(current + ch, FONT, FONT_SIZE) > avail + 0.01:
            lines.append(current)
            current, avail = "", limit
        current += ch
    if current:
        lines.append(current)
    return lines


def make_pdf(text: str, path: str | Path, *, encrypt_password: str | None = None) -> Path:
    """Lay `text` out as an A4 公文 PDF at `path`; tab-separated lines become a ruled table."""
    from reportlab.pdfgen import canvas

    _register_font()
    path = Path(path)
    kwargs = {}
    if encrypt_password:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt_password, canPrint=0)
    c = canvas.Canvas(str(path), pagesize=(595.27, 841.89), **kwargs)
    page = 1
    row = 0

    def new_page() -> None:
        nonlocal page, row
        c.setFont(FONT, 14)
        c.drawCentredString(297.6, 50, f"— {page} —")
        c.showPage()
        page += 1
        row = 0

    for block in _blocks(text):
        if isinstance(block, list):
            ncols = max(len(r) for r in block)
            col_w = CHARS_PER_LINE * FONT_SIZE / ncols
            c.setFont(FONT, 10.5)
            for cells in block:
                cell_lines = [_wrap_width(cell, col_w - 4, 10.5) for cell in cells]
                height = max(len(cl) for cl in cell_lines) * 14 + 6
                if row * LINE_HEIGHT + height > LINES_PER_PAGE * LINE_HEIGHT:
                    new_page()
                    c.setFont(FONT, 10.5)
                top = TOP_BASELINE + FONT_SIZE - row * LINE_HEIGHT
                for i, cl in enumerate(cell_lines):
                    x = LEFT + i * col_w
                    for j, ln in enumerate(cl):
                        c.drawString(x + 2, top - 13 - j * 14, ln)
                c.setLineWidth(0.5)
                for i in range(ncols + 1):
                    c.line(LEFT + i * col_w, top, LEFT + i * col_w, top - height)
                c.line(LEFT, top, LEFT + ncols * col_w, top)
                c.line(LEFT, top - height, LEFT + ncols * col_w, top - height)
                row += height / LINE_HEIGHT
            row = int(row) + 1
            continue
        c.setFont(FONT, FONT_SIZE)
        for i, line in enumerate(wrap(block)):
            if row >= LINES_PER_PAGE:
                new_page()
                c.setFont(FONT, FONT_SIZE)
            x = LEFT + (2 * FONT_SIZE if i == 0 else 0)
            c.drawString(x, TOP_BASELINE - row * LINE_HEIGHT, line)
            row += 1
    new_page()
    c.save()
    return path


def _wrap_width(text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for ch in text:
        if current and stringWidth(current + ch, FONT, size) > width:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current] if current else lines or [""]


def make_scanned_pdf(path: str | Path, pages: int = 2) -> Path:
    """A PDF whose pages hold only an image, as a scanner produces."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    import io
    import zlib

    # A tiny grey PNG made by hand, so no imaging library is needed.
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80" * 64 for _ in range(64))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=(595.27, 841.89))
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(png)), 50, 50, 495, 740)
        c.showPage()
    c.save()
    return path


# --- DOCX --------------------------------------------------------------------------------------


def _add_numbering(document) -> tuple[int, callable]:
    """Add a two-level Chinese outline list (一、 / （一）) to the document's numbering part.

    Returns the abstractNum id and a function making a new w:num instance of it, optionally
    restarting one level at a given value (Word's lvlOverride/startOverride).
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_id = 90
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"
    )
    # abstractNum elements must precede num elements
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    next_id = [200]

    def new_num(restart: dict[int, int] | None = None) -> int:
        num_id = next_id[0]
        next_id[0] += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{val}"/></w:lvlOverride>'
            for lvl, val in (restart or {}).items()
        )
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{overrides}</w:num>"
            )
        )
        return num_id

    return abstract_id, new_num


def _set_num(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'),
    )


def make_docx(text: str, path: str | Path, *, task_table: list[list[str]] | None = None) -> Path:
    """Write `text` as a Word document at `path`.

    Paragraphs opening with 一、 or （一） get those markers from Word numbering instead of typed
    text (restarted with startOverride where the text's numbering jumps); runs of tab-separated
    lines, and `task_table` if given (appended at the end), become Word tables.
    """
    import docx

    document = docx.Document()
    _, new_num = _add_numbering(document)
    num_id: int | None = None
    counters = [0, 0]
    for block in _blocks(text):
        if isinstance(block, list):
            _add_table(document, block)
            continue
        level, match = None, None
        for lvl, pattern in enumerate((LEVEL0, LEVEL1)):
            match = pattern.match(block)
            if match:
                level = lvl
                break
        if level is None:
            document.add_paragraph(block)
            continue
        value = cn_value(match.group(1))
        if num_id is None or value != counters[level] + 1:
            # Word would number this paragraph differently: start a new list restarting at `value`
            num_id = new_num({level: value})
            counters = [0, 0]
        counters[level] = value
        if level == 0:
            counters[1] = 0
        paragraph = document.add_paragraph(block[match.end() :])
        _set_num(paragraph, num_id, level)
    if task_table:
        _add_table(document, task_table)
    path = Path(path)
    document.save(str(path))
    return path


def _add_table(document, rows: list[list[str]]) -> None:
    ncols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value


TASK_TABLE = [
    ["序号", "任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "开展危险化学品企业重大事故隐患专项排查", "市应急局", "市公安局、市交通运输局", "2023年6月30日前"],
    ["2", "开展城镇燃气安全专项整治", "市住房城乡建设局", "市市场监管局", "2023年9月底前"],
    ["3", "开展道路运输安全隐患排查", "市交通运输局", "市公安局交警支队", "2023年12月15日前"],
]
