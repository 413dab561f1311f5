"""Spreadsheets: task lists kept as .xlsx workbooks, and legacy .xls through LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import openpyxl
import pytest

import docparse
from docparse.errors import EmptyInputError, MissingConverterError
from docparse.read import read_raw, sniff_format
from tests.helpers import ROOT

HAVE_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice (soffice) is not installed")

TASK_ROWS = [
    ("某县2024年安全生产重点工作任务分工表",),
    ("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
    (1, "开展危险化学品企业安全风险隐患排查", "县应急管理局", "县公安局、县生态环境局", dt.datetime(2024, 6, 30)),
    (2, "开展城镇燃气安全专项整治", "县住房和城乡建设局", None, None),
]


def workbook(*sheets: tuple[str, list[tuple]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_task_list_workbook_reads_as_a_table_whose_rows_are_tasks():
    data = workbook(("任务清单", TASK_ROWS))
    assert sniff_format(data, "list.xlsx") == "xlsx" and sniff_format(data, None) == "xlsx"
    doc = docparse.read(data, name="list.xlsx")
    assert doc.text.split("\n")[2] == "1\t开展危险化学品企业安全风险隐患排查\t县应急管理局\t县公安局、县生态环境局\t2024年6月30日"
    assert [len(row) for row in doc.tables[0].rows] == [5, 5, 5]  # a row with empty last cells keeps its columns
    tasks = {t.text: t for t in doc.extraction.tasks}
    chemicals = tasks["开展危险化学品企业安全风险隐患排查"]
    assert [p.name for p in chemicals.lead] == ["县应急管理局"]
    assert [p.name for p in chemicals.support] == ["县公安局", "县生态环境局"]
    assert chemicals.deadline.date == "2024-06-30"
    assert [p.name for p in tasks["开展城镇燃气安全专项整治"].lead] == ["县住房和城乡建设局"]
    assert doc.meta.title.value == "某县2024年安全生产重点工作任务分工表"
    cell = doc.tables[0].rows[1][2]
    assert doc.text[cell.span.start : cell.span.end] == "县应急管理局"


def test_each_sheet_of_a_workbook_is_named_before_its_rows_and_empty_sheets_are_skipped():
    data = workbook(("说明", [("填表说明：每月5日前报送",)]), ("空表", []), ("任务", TASK_ROWS[1:3]))
    raw = read_raw(data, name="list.xlsx")
    assert raw.text.split("\n")[:3] == ["说明", "填表说明：每月5日前报送", "任务"]
    assert len(raw.tables) == 1  # the note of one cell is a line, not a table


def test_an_empty_workbook_is_an_empty_input():
    with pytest.raises(EmptyInputError):
        read_raw(workbook(("Sheet1", [])), name="empty.xlsx")


def test_a_legacy_workbook_is_told_from_a_word_file_by_its_main_stream():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    assert sniff_format(ole + "Workbook".encode("utf-16-le"), "form.doc") == "xls"
    assert sniff_format(ole + "WordDocument".encode("utf-16-le"), "notice.xls") == "doc"
    assert sniff_format(ole, "notice.doc") == "doc"


def test_a_legacy_workbook_without_libreoffice_names_calc(tmp_path, monkeypatch):
    path = tmp_path / "form.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "Workbook".encode("utf-16-le"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no libreoffice
    with pytest.raises(MissingConverterError) as info:
        read_raw(path)
    assert "legacy Excel" in info.value.reason and "libreoffice-calc" in info.value.reason


@needs_soffice
def test_a_real_legacy_workbook_is_converted_and_read():
    # r931 of corpora/real: a company's blank daily 零报告 form, an Excel 97-2003 file saved by WPS
    raw = read_raw(ROOT / "corpora" / "real" / "docs" / "r931_other.xls")
    assert raw.source.converted_from == "xls" and raw.source.format == "xlsx"
    assert raw.text.startswith("爱琴海公司安全工作“零报告”日汇报表")
    assert raw.tables and raw.tables[0].rows[0][0].text == "值班人员"  # the title over it is a line of its own
