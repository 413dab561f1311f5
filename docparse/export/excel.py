"""任务清单 (task list) in the layout offices use: 序号, 任务内容, 牵头单位, 配合单位, 完成时限, 所属行业领域.

Excel: set column widths, wrapped text, a frozen header and a filter; every cell is written as a
string, so text starting with '=' can never become a formula. CSV: UTF-8 with BOM, which Excel on
Chinese Windows needs to show Chinese instead of reading the file as GBK.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from docparse.errors import OutputError, check_writable, writing
from docparse.export.frames import as_record, names
from docparse.model import Document

HEADER = ("序号", "任务内容", "牵头单位", "配合单位", "完成时限", "所属行业领域", "出处")
WIDTHS = (6, 60, 24, 30, 16, 14, 12)


def task_list_rows(doc: Document | dict[str, Any]) -> list[tuple[str, ...]]:
    """One row per task; 出处 gives the character span in the source text."""
    record = as_record(doc)
    return [
        (
            str(i + 1),
            task.get("text") or "",
            names(task.get("lead") or []),
            names(task.get("support") or []),
            (task.get("deadline") or {}).get("text") or "",  # as written (6月底前), as offices write it
            task.get("sector") or "",
            "{}-{}".format(*task["span"]),
        )
        for i, task in enumerate(record.get("tasks") or [])
    ]


def task_list_format(path: str | os.PathLike[str]) -> str:
    """The file type the 任务清单 is written as, from the extension: ".xlsx" or ".csv"."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise OutputError(f"the task list is written as .xlsx or .csv, not '{suffix or 'no extension'}'", str(path))
    return suffix


def save_task_list(doc: Document | dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the 任务清单 as .xlsx or .csv (by the file's extension); returns the path written."""
    path = Path(path)
    suffix = task_list_format(path)
    check_writable(path)
    rows = task_list_rows(doc)
    with writing(path):
        if suffix == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADER)
                writer.writerows(rows)
        else:
            write_xlsx(rows, path)
    return path


def write_xlsx(rows: list[tuple[str, ...]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    ws.append(HEADER)
    for row in rows:
        ws.append((int(row[0]), *row[1:]))  # 序号 as a number, so Excel sorts it and shows no warning
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
        ws.row_dimensions[row[0].row].height = row_height(row)
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    # Printed (or converted to PDF) on A4 landscape, all columns on one page width, the header on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    wb.save(path)


LINE_HEIGHT = 15  # points per line of 11-point text


def row_height(cells) -> float:
    """Points for a row whose wrapped text needs the most lines: Excel and LibreOffice do not size
    rows of a written file themselves, so long 任务内容 would show as one clipped line."""
    lines = 1
    for cell, width in zip(cells, WIDTHS):
        text = str(cell.value or "")
        per_line = max(1, int(width / 2))  # a CJK character is about two width units
        lines = max(lines, sum(1 + len(part) // per_line for part in text.split("\n")))
    return LINE_HEIGHT * lines
