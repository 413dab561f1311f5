"""PDF reader: the text layer page by page ("\\f" between pages, "\\n" between lines) and ruled tables.

Engines, chosen by measurement (bench/bench_read.py, 2026-11-24, 2 vCPU, pages/s of text):

    input                                    pypdfium2   pdfplumber   docparse read_raw
    seeds as LibreOffice PDF, fonts embedded    ~660         ~17          ~120
    seeds via reportlab, CID font not embedded  ~100-170     ~30-60       ~80-140
    pages with a ruled table (pdfplumber find_tables on them)              ~20

so pypdfium2 (PDFium, C++) extracts all text, with per-character boxes (for line order, indents
and right edges). pdfplumber is opened only for pages that carry enough vector paths to hold a
ruled table, and only for the table geometry (`find_tables`: the cell boxes); cell text is still
PDFium's characters, assigned to cells by position, so a page reads the same with or without
tables. pdfplumber also drops some characters PDFium keeps (the middle dot of "3·29" in CID fonts).

PDFium's quirks handled here: it reports gaps as generated spaces (dropped between CJK characters,
at CJK/Latin boundaries and before closing punctuation, where the document had none) and keeps
content-stream order (a line whose glyphs come out of order, e.g. LibreOffice's fallback-font
quotes, is re-sorted by position). PDFium is not thread-safe: calls are serialized by a lock.

Layout facts the reader adds for the normalizer: a `Page` per page; a hard break before each
line indented from the body's left margin (公文 paragraphs open with a two-character indent, so an
indented line starts a paragraph while a line at the margin continues one), after each line that
ends well short of the right margin (a paragraph's last line), before each table row, and after
each table. The normalizer trusts these in PDFs (`continues(..., layout=True)`): an unmarked line
after a full line is a wrap, whatever punctuation it starts or ends with.
"""

from __future__ import annotations

import io
import itertools
import logging
import os
import statistics
import threading
from dataclasses import dataclass, field, replace

from docparse.errors import CorruptError, EmptyInputError, EncryptedError, ScannedError, TooLargeError
from docparse.model import Cell, Page, RawDocument, Source, Span, Table
from docparse.read import register_reader

# Bounded time: a small file can hold many thousands of (blank) pages.
MAX_PAGES = int(os.environ.get("DOCPARSE_MAX_PAGES", 2000))
OCR_HINT = "run OCR first, e.g. ocrmypdf -l chi_sim in.pdf out.pdf"
# A page needs this many path objects (lines, rectangles) before we look for a ruled table on it.
MIN_TABLE_PATHS = 4
# More paths than this is a drawing or a map, not a table; pdfplumber would be slow on it.
MAX_TABLE_PATHS = 3000
# PDFium keeps global state and is not thread-safe.
_PDFIUM_LOCK = threading.Lock()


@dataclass(slots=True)
class _Line:
    text: str
    offset: int  # in the page text
    x0: float | None = None  # left edge of the first character, PDF units
    width: float | None = None  # width of that character
    top: float = 0.0  # distance from the page top, for ordering against tables
    x1: float | None = None  # right edge of the last character


@dataclass(slots=True)
class _PageText:
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)  # (top, rows of cell texts)
    chars: int = 0
    images: int = 0


@register_reader("pdf")
def read_pdf(data: bytes, source: Source) -> RawDocument:
    import pypdfium2 as pdfium

    warnings: list[str] = []
    truncated = b"%%EOF" not in data[-2048:]
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise _open_error(str(err)) from None
        if len(pdf) > MAX_PAGES:
            count = len(pdf)
            pdf.close()
            raise TooLargeError(
                f"PDF has {count} pages; docparse reads documents up to {MAX_PAGES} pages "
                "(set DOCPARSE_MAX_PAGES to raise the limit)"
            )
        try:
            pages = _read_pages(pdf, data, warnings)
        finally:
            pdf.close()

    if truncated:
        warnings.append("PDF has no %%EOF marker: the file may be truncated, pages may be missing")
    if not any(p.chars for p in pages):
        if truncated:
            raise CorruptError("truncated or damaged PDF: no %%EOF marker and no readable text")
        if any(p.images for p in pages):
            raise ScannedError(f"scanned PDF without a text layer; {OCR_HINT}")
        raise EmptyInputError("PDF has no text layer and no images (blank pages)")
    scanned = [i + 1 for i, p in enumerate(pages) if not p.chars and p.images]
    if scanned:
        warnings.append(f"pages {_ranges(scanned)} have no text layer (scanned); {OCR_HINT}")
    return _assemble(pages, source, warnings)


def _open_error(message: str) -> Exception:
    if "password" in message.lower():
        return EncryptedError(
            "encrypted PDF: it needs a password to open; save an unprotected copy "
            "(e.g. qpdf --decrypt --password=PW in.pdf out.pdf)"
        )
    detail = message.split("(PDFium:")[-1].strip(" )") if "PDFium:" in message else message
    return CorruptError(f"truncated or damaged PDF ({detail})")


def _read_pages(pdf, data: bytes, warnings: list[str]) -> list[_PageText]:
    import pypdfium2.raw as pdfium_c

    plumber = None
    out: list[_PageText] = []
    # pdfminer logs every repair it makes to the root logger's stderr; its failures reach us as exceptions
    miner_log = logging.getLogger("pdfminer")
    level = miner_log.level
    miner_log.setLevel(logging.ERROR)
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except Exception as err:  # PDFium raises its own error type for a broken page object
                warnings.append(f"page {index + 1} could not be read ({err})")
                out.append(_PageText())
                continue
            paths = sum(
                1
                for _ in itertools.islice(
                    page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3), MAX_TABLE_PATHS + 1
                )
            )
            images = sum(1 for _ in itertools.islice(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)), 1))
            cells_geometry = None
            if MIN_TABLE_PATHS <= paths <= MAX_TABLE_PATHS and page.get_rotation() == 0:
                if plumber is None:
                    plumber = _open_plumber(data, warnings)
                if plumber is not None:
                    cells_geometry = _table_geometry(plumber, index, warnings)
            elif paths > MAX_TABLE_PATHS:
                warnings.append(f"page {index + 1}: too many drawn objects to look for tables")
            out.append(_page_text(page, cells_geometry, images))
            page.close()
    finally:
        if plumber is not None:
            try:
                plumber.close()
            except Exception:  # closing parses the remaining pages, which may be the broken ones
                pass
        miner_log.setLevel(level)
    return out


def _open_plumber(data: bytes, warnings: list[str]):
    try:
        import pdfplumber

        return pdfplumber.open(io.BytesIO(data))
    except Exception as err:  # pdfminer rejects some files PDFium repairs; tables are then skipped
        warnings.append(f"table detection skipped: pdfplumber cannot open the file ({type(err).__name__})")
        return None


def _table_geometry(plumber, index: int, warnings: list[str]):
    """Cell boxes (x0, top, x1, bottom) of each ruled table on a page, top-left origin."""
    try:
        page = plumber.pages[index]
        tables = page.find_tables()
    except Exception as err:  # a damaged content stream: read the text without tables
        warnings.append(f"page {index + 1}: table detection failed ({type(err).__name__})")
        return None
    found = []
    for table in tables:
        rows = [[cell for cell in row.cells] for row in table.rows]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            found.append((table.bbox, rows))
    return found or None


def _page_text(page, tables, images: int) -> _PageText:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        raw = textpage.get_text_range() if count else ""
        result = _PageText(images=images)
        result.chars = sum(1 for ch in raw if not ch.isspace())
        if not result.chars:
            return result
        aligned = len(raw) == count  # characters outside the BMP take two PDFium indices
        drop = _generated_cjk_spaces(textpage, raw) if aligned and " " in raw else set()
        height = page.get_height()
        if tables and aligned:
            return _page_with_tables(textpage, raw, tables, height, result, drop)
        offset = 0  # in the "\n"-joined page text
        index = 0  # in PDFium's text, whose line ends are "\r\n"
        for piece in raw.split("\r\n"):
            line = _layout_line(textpage, piece, index, drop) if aligned else _Line(piece, offset)
            line.text = line.text.replace("\f", " ").replace("\r", " ").replace("\n", " ")
            line.offset = offset
            result.lines.append(line)
            offset += len(line.text) + 1
            index += len(piece) + 2
        return result
    finally:
        textpage.close()


def _layout_line(textpage, piece: str, index: int, drop: set[int]) -> _Line:
    """One PDFium line with its left and right edges (see `_ordered_line`)."""
    chars = []
    for k, ch in enumerate(piece):
        if index + k in drop:
            continue
        left, bottom, right, top = textpage.get_charbox(index + k)
        chars.append((left, right, top - bottom, ch))
    return _ordered_line(chars)


def _ordered_line(chars: list[tuple[float, float, float, str]]) -> _Line:
    """A line from its characters (left, right, height, char), in left-to-right order.

    PDFium keeps content-stream order, and some writers (LibreOffice with a fallback font for
    “ ” quotes) emit a line's glyphs out of order; such a line is re-sorted by position, without
    PDFium's made-up spaces (a space is put back only between Latin letters or digits that are apart).
    """
    text = "".join(c[3] for c in chars)
    visible = [c for c in chars if c[1] > c[0] and not c[3].isspace()]
    if not visible:
        return _Line(text, 0)
    lefts = [c[0] for c in visible]
    if any(b < a - 1.0 for a, b in zip(lefts, lefts[1:])):
        ordered = sorted(visible, key=lambda c: c[0])
        out = [ordered[0][3]]
        for prev, cur in zip(ordered, ordered[1:]):
            if (
                cur[0] - prev[1] > 0.3 * max(prev[2], cur[2])
                and prev[3].isascii() and prev[3].isalnum() and cur[3].isascii() and cur[3].isalnum()
            ):
                out.append(" ")
            out.append(cur[3])
        text = "".join(ch for i, ch in enumerate(out) if ch != " " or not _splits_a_number_in_chinese(out, i))
    first = min(visible, key=lambda c: c[0])
    return _Line(text, 0, first[0], first[1] - first[0], x1=max(c[1] for c in visible))


def _generated_cjk_spaces(textpage, raw: str) -> set[int]:
    """Indices of spaces PDFium made up, where the text had none.

    PDFium reports a gap between glyphs as a generated space. Between CJK characters (wide
    character spacing), between CJK and Latin text (the autospace of Word/WPS/LibreOffice: "2023 年"),
    inside a number in Chinese text, and before closing punctuation ("1 .") there was none in the
    document; between Latin words there was, so those stay.
    """
    import pypdfium2.raw as pdfium_c

    return {
        i
        for i, ch in enumerate(raw)
        if ch == " "
        and 0 < i < len(raw) - 1
        and (
            _is_cjk(raw[i - 1]) or _is_cjk(raw[i + 1]) or raw[i + 1] in CLOSING or raw[i - 1] in OPENING
            or _splits_a_number_in_chinese(raw, i)
        )
        and pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
    }


def _splits_a_number_in_chinese(raw: str | list[str], i: int) -> bool:
    """Whether the space at `i` stands inside a number written between Chinese words (关于公布201 5年全国):
    justified lines stretch the gaps between its digits, and PDFium reports one as a space."""
    if not (raw[i - 1].isdigit() and raw[i + 1].isdigit()):
        return False
    start, end = i - 1, i + 1
    while start > 0 and raw[start - 1].isdigit():
        start -= 1
    while end < len(raw) - 1 and raw[end + 1].isdigit():
        end += 1
    return start > 0 and end < len(raw) - 1 and _is_ideograph(raw[start - 1]) and _is_ideograph(raw[end + 1])


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


CLOSING = set(".,:;!?)]}%")
OPENING = set("([{")


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _page_with_tables(textpage, raw: str, tables, height: float, result: _PageText, drop: set[int]) -> _PageText:
    """Split a page's characters between body lines and table cells by position."""
    cell_chars: list[list[list[list[str]]]] = [[[[] for _ in row] for row in rows] for _, rows in tables]
    lines: list[_Line] = []
    current: list[tuple[float, float, float, str]] = []  # left, right, height, char
    line_top = 0.0

    def flush() -> None:
        nonlocal current
        if current:
            line = _ordered_line(current)
            if line.text.strip():
                line.top = line_top
                lines.append(line)
        current = []

    last_cell = None
    for i, ch in enumerate(raw):
        if ch in "\r\n":
            if ch == "\n":
                flush()
            if last_cell is not None:
                last_cell.append("\n")
            continue
        if i in drop:
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        cx, cy = (left + right) / 2, height - (bottom + top) / 2
        where = _locate(tables, cx, cy) if right > left else None
        if where is None:
            if not any(not c[3].isspace() for c in current) and not ch.isspace():
                line_top = height - top
            current.append((left, right, top - bottom, ch))
            last_cell = None
        else:
            t, r, c = where
            last_cell = cell_chars[t][r][c]
            last_cell.append(ch)
    flush()
    result.lines = lines
    result.tables = [
        (bbox[1], [[_cell_text(chars) for chars in row] for row in cells])
        for (bbox, _), cells in zip(tables, cell_chars)
    ]
    return result


def _locate(tables, x: float, y: float) -> tuple[int, int, int] | None:
    for t, (bbox, rows) in enumerate(tables):
        x0, top, x1, bottom = bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is not None and cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]:
                    return t, r, c
        return None  # inside the table frame but in no cell: keep it as body text
    return None


def _cell_text(chars: list[str]) -> str:
    """A cell's characters; lines wrapped inside the cell are joined (a space only between Latin words)."""
    out: list[str] = []
    pending = False
    for ch in chars:
        if ch == "\n":
            pending = bool(out)
            continue
        if pending and out and out[-1].isascii() and out[-1].isalnum() and ch.isascii() and ch.isalnum():
            out.append(" ")
        pending = False
        out.append(ch)
    return "".join(out).strip().replace("\t", " ")


def _assemble(pages: list[_PageText], source: Source, warnings: list[str]) -> RawDocument:
    margin, indent, right_margin = _body_margin(pages)
    prev_line: _Line | None = None
    parts: list[str] = []
    page_spans: list[Page] = []
    tables: list[Table] = []
    hard_breaks: set[int] = set()
    pos = 0
    for number, page in enumerate(pages, start=1):
        if number > 1:
            parts.append("\f")
            pos += 1
        start = pos
        if page.tables:
            # tables go before the first body line that starts below them
            order = []
            pending = sorted(page.tables, key=lambda t: t[0])
            for ln in page.lines:
                while pending and pending[0][0] <= ln.top:
                    order.append(pending.pop(0))
                order.append(ln)
            order.extend(pending)
        else:
            order = list(page.lines)
        after_table = False
        first = True
        for block in order:
            if not first:
                parts.append("\n")
                pos += 1
            first = False
            if isinstance(block, _Line):
                indented = margin is not None and block.x0 is not None and block.x0 - margin >= indent
                # the line before ended well short of the right margin: it ended its paragraph
                after_short = (
                    right_margin is not None
                    and prev_line is not None
                    and prev_line.x1 is not None
                    and prev_line.text.strip()
                    and right_margin - prev_line.x1 >= 2 * indent
                )
                if after_table or indented or after_short:
                    lead = len(block.text) - len(block.text.lstrip())
                    hard_breaks.add(pos + lead)
                after_table = False
                if block.text.strip() and not _is_furniture(block.text):
                    prev_line = block
                parts.append(block.text)
                pos += len(block.text)
                continue
            top, rows = block
            table_start = pos
            table_rows: list[list[Cell]] = []
            for r, row in enumerate(rows):
                if r:
                    parts.append("\n")
                    pos += 1
                hard_breaks.add(pos)
                cells: list[Cell] = []
                for c, text in enumerate(row):
                    if c:
                        parts.append("\t")
                        pos += 1
                    cells.append(Cell(Span(pos, pos + len(text)), text))
                    parts.append(text)
                    pos += len(text)
                table_rows.append(cells)
            tables.append(Table(Span(table_start, pos), table_rows, page=number))
            after_table = True
            prev_line = None
        page_spans.append(Page(number, Span(start, pos)))
    text = "".join(parts)
    src = replace(source, format="pdf", reader="pypdfium2+pdfplumber" if tables else "pypdfium2")
    return RawDocument(
        text=text, source=src, pages=page_spans, tables=tables, hard_breaks=hard_breaks,
        breaks_from_layout=True, warnings=warnings,
    )


def _body_margin(pages: list[_PageText]) -> tuple[float | None, float, float | None]:
    """Left margin of the body text, the indent that marks a paragraph's first line, right margin.

    The left margin is the leftmost position where many long lines start; the right margin is
    where most long lines end (justified or wrapped text); an indent is 1.5 character widths.
    """
    long_lines = [ln for p in pages for ln in p.lines if ln.x0 is not None and len(ln.text.strip()) >= 10]
    widths = [ln.width for p in pages for ln in p.lines if ln.width]
    if len(long_lines) < 3 or not widths:
        return None, 0.0, None
    indent = 1.5 * statistics.median(widths)
    margin = _common(ln.x0 for ln in long_lines)
    right = _common((ln.x1 for ln in long_lines if ln.x1 is not None), rightmost=True)
    return margin - 1.0, indent, right


def _common(values, rightmost: bool = False) -> float:
    """The leftmost (or rightmost) position shared by at least a tenth of the values (2 pt bins)."""
    rounded = [round(v / 2) * 2 for v in values]
    if not rounded:
        return None
    counts: dict[int, int] = {}
    for x in rounded:
        counts[x] = counts.get(x, 0) + 1
    common = [x for x, n in counts.items() if n >= max(2, 0.1 * len(rounded))]
    if not common:
        return max(rounded) if rightmost else min(rounded)
    return max(common) + 1.0 if rightmost else min(common)


def _is_furniture(text: str) -> bool:
    """A page number line: it must not decide whether the next page's first line starts a paragraph."""
    import re

    return re.fullmatch(r"\s*[—\-–－~～]{0,2}\s*(第\s*)?\d{1,4}\s*(页.*)?[—\-–－~～]{0,2}\s*|\s*\d{1,4}\s*/\s*\d{1,4}\s*", text) is not None


def _ranges(numbers: list[int]) -> str:
    out = []
    for _, group in itertools.groupby(enumerate(numbers), key=lambda p: p[1] - p[0]):
        g = [n for _, n in group]
        out.append(str(g[0]) if len(g) == 1 else f"{g[0]}-{g[-1]}")
    return ", ".join(out)
