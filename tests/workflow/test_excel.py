import csv
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import docparse
from docparse.cli import main
from docparse.export.excel import HEADER, save_task_list
from tests.helpers import cjk_font_missing, gold, seed


@pytest.fixture(scope="module")
def plan():
    return docparse.read(seed("001"))


def test_task_list_xlsx_layout(plan, tmp_path):
    path = save_task_list(plan, tmp_path / "任务清单.xlsx")
    ws = load_workbook(path).active
    assert tuple(c.value for c in ws[1]) == HEADER
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width >= 40
    assert ws["B2"].alignment.wrap_text
    leads = {ws.cell(row=r, column=3).value for r in range(2, ws.max_row + 1)}
    for assignment in gold("001")["assignments"]:
        assert set(assignment["lead"]) & {n for cell in leads if cell for n in cell.split("、")}, assignment["topic"]


def test_task_list_csv_opens_in_excel(plan, tmp_path):
    path = save_task_list(plan, tmp_path / "tasks.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0] == list(HEADER) and len(rows) == len(plan.extraction.tasks) + 1


def test_cells_starting_with_equals_stay_text(tmp_path):
    text = "关于开展检查的通知\n\n一、主要任务\n（一）=SUM(A1)类问题整改。由县应急管理局牵头，县公安局配合。\n"
    doc = docparse.read(text.encode(), name="x.txt")
    path = save_task_list(doc, tmp_path / "t.xlsx")
    ws = load_workbook(path).active
    assert all(ws.cell(row=r, column=2).data_type == "s" for r in range(2, ws.max_row + 1))


def test_tasks_command_writes_the_file(tmp_path):
    out = tmp_path / "清单.xlsx"
    result = CliRunner().invoke(main, ["tasks", str(seed("001")), "-o", str(out)])
    assert result.exit_code == 0 and out.exists()
    result = CliRunner().invoke(main, ["tasks", str(seed("001")), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_task_list_opens_in_libreoffice(plan, tmp_path):
    import pdfplumber

    if cjk_font_missing():
        pytest.skip(f"the PDF LibreOffice prints needs Chinese glyphs: {cjk_font_missing()}")
    path = save_task_list(plan, tmp_path / "renwu.xlsx")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    with pdfplumber.open(tmp_path / "out" / "renwu.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "牵头单位" in text
    for assignment in gold("001")["assignments"]:
        assert any(lead in text for lead in assignment["lead"]), assignment["topic"]
