import csv
import io
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import docparse
from docparse.cli import main
from docparse.export.excel import HEADER, HEADING_ROWS, save_task_list, task_list_rows
from tests.helpers import cjk_font_missing, gold, seed


@pytest.fixture(scope="module")
def plan():
    return docparse.read(seed("001"))


FIRST_ROW = HEADING_ROWS + 2  # the title, the 文号 line, the header


def test_task_list_xlsx_layout(plan, tmp_path):
    path = save_task_list(plan, tmp_path / "任务清单.xlsx")
    ws = load_workbook(path).active
    assert ws["A1"].value == "昆明市重大事故隐患专项排查整治2023行动方案（任务清单）"
    assert "昆安〔2023〕11号" in ws["A2"].value and "昆明市安全生产委员会" in ws["A2"].value
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert tuple(c.value for c in ws[FIRST_ROW - 1]) == HEADER
    assert ws.freeze_panes == f"A{FIRST_ROW}"
    assert ws.auto_filter.ref.startswith(f"A{FIRST_ROW - 1}:")
    assert ws.print_title_rows == f"${FIRST_ROW - 1}:${FIRST_ROW - 1}"
    assert ws.column_dimensions["B"].width >= 40
    assert ws[f"B{FIRST_ROW}"].alignment.wrap_text
    leads = {n for r in range(FIRST_ROW, ws.max_row + 1) for n in (ws.cell(row=r, column=3).value or "").split("、")}
    for assignment in gold("001")["assignments"]:
        # a city plan's bodies carry the city: 市应急管理局 of 昆明 is 昆明市应急管理局
        assert {"昆明" + lead for lead in assignment["lead"]} & leads, assignment["topic"]


def test_task_list_csv_opens_in_excel(plan, tmp_path):
    path = save_task_list(plan, tmp_path / "tasks.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0] == ["昆明市重大事故隐患专项排查整治2023行动方案（任务清单）"]
    assert rows[1][0].startswith("文号：昆安〔2023〕11号")
    assert rows[HEADING_ROWS] == list(HEADER) and len(rows) == len(plan.extraction.tasks) + HEADING_ROWS + 1


def test_a_task_without_its_own_deadline_inherits_one_and_says_so(plan):
    rows = [row.cells() for row in task_list_rows(plan)]
    column = HEADER.index("完成时限")
    by_sector = {row[HEADER.index("所属行业领域")]: row[column] for row in rows if row[HEADER.index("所属行业领域")]}
    # the 18 sector tasks give no time; the campaign ends with its last phase, 总结提高 (2023年12月)
    assert by_sector["煤矿"] == "2023年12月31日前（沿用行动期限）"
    assert len(by_sector) >= 18 and all(cell for cell in by_sector.values())
    phase_rows = [row[column] for row in rows if "阶段时限" in row[column]]
    assert "2023年6月30日前（沿用“自查自改和督导帮扶”阶段时限）" in phase_rows
    own = [(task, row[column]) for task, row in zip(plan.extraction.tasks, rows) if "沿用" not in row[column] and row[column]]
    assert own and all(cell == task.deadline.text and cell in task.text for task, cell in own)


def test_where_found_is_the_section_path_a_reader_can_follow(plan):
    rows = [row.cells() for row in task_list_rows(plan)]
    for task, row in zip(plan.extraction.tasks, rows):
        path = plan.section_path(task.section)
        assert row[-1] == "".join(s.marker for s in path)
        assert path[-1].span.start <= task.span.start < path[-1].span.end
    assert rows[0][-1] == "二、（一）"


def test_where_found_gives_the_page_of_a_pdf(seed_pdf):
    if cjk_font_missing():
        pytest.skip(f"PDFium needs a system CJK font for a non-embedded CID font: {cjk_font_missing()}")
    doc = docparse.read(seed_pdf("001"))
    cells = [row.where for row in task_list_rows(doc)]
    pages = [doc.page_of(task.span) for task in doc.extraction.tasks]
    assert all(cell.endswith(f"（第{page}页）") for cell, page in zip(cells, pages))
    assert len(set(pages)) > 2


def test_cells_starting_with_equals_stay_text(tmp_path):
    text = "关于开展检查的通知\n\n一、主要任务\n（一）=SUM(A1)类问题整改。由县应急管理局牵头，县公安局配合。\n"
    doc = docparse.read(text.encode(), name="x.txt")
    path = save_task_list(doc, tmp_path / "t.xlsx")
    ws = load_workbook(path).active
    assert ws.cell(row=FIRST_ROW, column=2).value.startswith("（一）=SUM(A1)")
    assert all(ws.cell(row=r, column=2).data_type == "s" for r in range(FIRST_ROW, ws.max_row + 1))


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


@pytest.mark.parametrize("width", [80, 160])
def test_tasks_on_screen_fit_the_terminal(plan, width):
    from rich.cells import cell_len
    from rich.console import Console

    from docparse.export.excel import task_list_heading
    from docparse.export.table import print_task_list

    console = Console(width=width, record=True, file=io.StringIO())
    rows = task_list_rows(plan)
    print_task_list(task_list_heading(plan), rows, console)
    lines = console.export_text().splitlines()
    assert all(cell_len(line) <= width for line in lines)
    assert len(lines) <= 3 * len(rows) + 12  # a few lines a task, not a page each
    screen = "".join(line.strip() for line in lines)
    assert lines[0].strip() == "昆明市重大事故隐患专项排查整治2023行动方案（任务清单）"
    assert "2023年12月31日前*" in screen and "沿用所属阶段或行动期限" in screen
    assert ("配合单位" in lines[2] + lines[3]) == (width >= 140)


def test_tasks_command_prints_the_table_without_o():
    result = CliRunner().invoke(main, ["tasks", str(seed("001"))], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "牵头单位" in result.output and "昆明市应急管理局" in "".join(result.output.split())
