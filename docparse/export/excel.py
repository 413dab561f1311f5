"""任务清单 (task list) in the layout offices use: 序号, 任务内容, 牵头单位, 配合单位, 完成时限, 所属行业领域.

Excel: set column widths, wrapped text, a frozen header and a filter; every cell is written as a
string, so text starting with '=' can never become a formula. CSV: UTF-8 with BOM, which Excel on
Chinese Windows needs to show Chinese instead of reading the file as GBK.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docparse.errors import OutputError, check_writable, writing
from docparse.export.frames import (
    TaskDeadline,
    as_record,
    campaign_end,
    page_of,
    place_names,
    section_path,
    task_deadline,
)
from docparse.model import Document

HEADER = ("序号", "任务内容", "牵头单位", "配合单位", "完成时限", "所属行业领域", "出处")
WIDTHS = (6, 60, 24, 30, 20, 14, 16)
HEADING_ROWS = 2  # the plan's title, then its 文号, issuer and date, above the header


def task_list_heading(doc: Document | dict[str, Any]) -> list[str]:
    """Which plan the list is of: its title (the plan's own under an issuing notice), then 文号, 发文机关
    and 成文日期 where the document gives them."""
    record = as_record(doc)
    meta = record.get("meta") or {}
    printed = [e["title"]["value"] for e in record.get("embedded") or [] if e.get("title")]
    title = (printed[0] if printed else meta.get("title")) or Path(record.get("file") or "").name or "任务清单"
    facts = [f"{label}：{meta[key]}" for label, key in (("文号", "doc_number"), ("发文机关", "issuer"), ("成文日期", "date"))
             if meta.get(key)]  # fmt: skip
    return [f"{title}（任务清单）", "　".join(facts)]


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One line of the 任务清单; `cells()` gives it in HEADER order."""

    number: int
    text: str
    lead: str
    support: str
    deadline: str  # as written, or the inherited one
    inherited_from: str  # "" for the task's own, else "“动员部署”阶段时限" or "行动期限"
    sector: str
    where: str  # 出处

    def deadline_cell(self) -> str:
        return f"{self.deadline}（沿用{self.inherited_from}）" if self.inherited_from else self.deadline

    def cells(self) -> tuple[str, ...]:
        return (str(self.number), self.text, self.lead, self.support, self.deadline_cell(), self.sector, self.where)


def task_list_rows(doc: Document | dict[str, Any]) -> list[TaskRow]:
    """One row per task: departments under their full names, a 完成时限 inherited from the task's phase
    or the campaign marked as such, and 出处 as the section path (三、（二）2.) with the page."""
    record = as_record(doc)
    end_of_campaign = campaign_end(record)
    rows = []
    for i, task in enumerate(record.get("tasks") or []):
        deadline, inherited_from = deadline_written(task_deadline(record, task, end_of_campaign), task.get("phase"))
        rows.append(TaskRow(
            i + 1,
            task.get("text") or "",
            "、".join(place_names(record, task.get("lead") or [])),
            "、".join(place_names(record, task.get("support") or [])),
            deadline,
            inherited_from,
            task.get("sector") or "",
            where_found(record, task),
        ))  # fmt: skip
    return rows


def deadline_written(deadline: TaskDeadline, phase: str | None) -> tuple[str, str]:
    """The 完成时限 as offices write it (6月底前: the item's own words, or the campaign's last day) and,
    when inherited, what it is inherited from."""
    if deadline.source == "phase":
        return deadline.text or "", f"“{phase}”阶段时限" if phase else "所属阶段时限"
    if deadline.source == "campaign" and deadline.due:
        year, month, day = (int(part) for part in deadline.due.split("-"))
        return f"{year}年{month}月{day}日前", "行动期限"
    return deadline.text or "", ""


def where_found(record: dict[str, Any], task: dict[str, Any]) -> str:
    """出处 a reader can find: the section path, and the page where the source has pages."""
    path = section_path(record, task.get("section")) or "正文"
    page = page_of(record, (task.get("span") or [None])[0])
    return f"{path}（第{page}页）" if page else path


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
    heading, rows = task_list_heading(doc), task_list_rows(doc)
    with writing(path):
        if suffix == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerows([line] for line in heading)
                writer.writerow(HEADER)
                writer.writerows(row.cells() for row in rows)
        else:
            write_xlsx(heading, rows, path)
    return path


def write_xlsx(heading: list[str], rows: list[TaskRow], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    last_column = get_column_letter(len(HEADER))
    for i, line in enumerate(heading, start=1):
        ws.append((line,))
        ws.merge_cells(f"A{i}:{last_column}{i}")
        ws[f"A{i}"].font = Font(bold=True, size=14) if i == 1 else Font(size=11)
        ws[f"A{i}"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[i].height = 2 * LINE_HEIGHT if i == 1 else LINE_HEIGHT
    header_row = len(heading) + 1
    ws.append(HEADER)
    for row in rows:
        ws.append((row.number, *row.cells()[1:]))  # 序号 as a number, so Excel sorts it and shows no warning
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
        ws.row_dimensions[row[0].row].height = row_height(row)
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{last_column}{ws.max_row}"
    # Printed (or converted to PDF) on A4 landscape, all columns on one page width, the header on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
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
