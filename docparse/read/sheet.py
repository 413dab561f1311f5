"""Spreadsheets: .xlsx read with openpyxl, legacy .xls converted to .xlsx by LibreOffice first.

Task lists (任务分工表, 任务清单) often travel as workbooks. Each sheet becomes a table, one row a line with its
cells apart by tabs, as the DOCX reader writes tables, so the task-table reader takes their header and rows
alike. Rows of one filled cell over the table (the title of a 任务分工表, a note) are lines of their own, and a
workbook of several sheets names each sheet on a line of its own before its rows.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace

from docparse.errors import CorruptError, EmptyInputError
from docparse.model import Cell, RawDocument, Source, Span, Table
from docparse.read import register_reader
from docparse.read.docx import check_archive


@register_reader("xlsx")
def read_xlsx(data: bytes, source: Source) -> RawDocument:
    check_archive(data)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as err:
        raise CorruptError(f"truncated or damaged workbook ({type(err).__name__}: {err})") from None
    sheets = [(ws.title, sheet_rows(ws)) for ws in book.worksheets]
    book.close()
    sheets = [(title, rows) for title, rows in sheets if rows]
    if not sheets:
        raise EmptyInputError("no text in the workbook")
    writer = SheetWriter()
    for title, rows in sheets:
        if len(sheets) > 1:
            writer.line([title])
        lead = next((i for i, row in enumerate(rows) if sum(1 for c in row if c) > 1), len(rows))
        for row in rows[:lead]:  # a title or a note over the table, in one (merged) cell
            writer.line([c for c in row if c])
        if lead < len(rows):
            writer.table(rows[lead:])
    src = replace(source, format="xlsx", reader="openpyxl")
    return RawDocument(text="".join(writer.parts), source=src, tables=writer.tables, hard_breaks=writer.hard_breaks)


def sheet_rows(ws) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The sheet's rows as cell texts, all as wide as the widest, without empty rows and without the columns
    empty in every row after the last filled one."""
    rows = []
    for values in ws.iter_rows(values_only=True):
        cells = [cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def cell_text(value: object) -> str:
    """A cell's value on one line, as a Chinese sheet shows it: 3.0 as 3, a date as 2024年6月30日 (the way the
    documents write dates, and the date reader reads them)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        day = f"{value.year}年{value.month}月{value.day}日"
        return day if value.time() == dt.time() else f"{day} {value:%H:%M}"
    return " ".join(str(value).replace("\t", " ").split())


class SheetWriter:
    """Writes rows as tab-separated lines, recording each sheet's table and each line's start."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.tables: list[Table] = []
        self.hard_breaks: set[int] = set()

    def line(self, cells: list[str]) -> list[Cell]:
        if self.pos:
            self.parts.append("\n")
            self.pos += 1
        self.hard_breaks.add(self.pos)
        out = []
        for i, value in enumerate(cells):
            if i:
                self.parts.append("\t")
                self.pos += 1
            out.append(Cell(Span(self.pos, self.pos + len(value)), value))
            self.parts.append(value)
            self.pos += len(value)
        return out

    def table(self, rows: list[list[str]]) -> None:
        written = [self.line(cells) for cells in rows]
        self.tables.append(Table(Span(written[0][0].span.start, written[-1][-1].span.end), written))
