"""What a researcher sees in Jupyter: a Document as HTML with its metadata, outline, highlighted
items and its tables as DataFrames."""

from __future__ import annotations

import docparse
from docparse.export.html import table_frame
from docparse.model import Cell, Span, Table
from tests.helpers import seed

PLAN = """某县安全生产委员会办公室关于印发重点任务清单的通知

各乡镇人民政府，县安委会各成员单位：
现将重点任务清单印发给你们，请认真贯彻落实。

序号 任务 牵头单位
1 危险化学品安全整治 县应急管理局
2 <燃气>安全整治 县住房和城乡建设局
"""


def with_table(doc: docparse.Document) -> docparse.Document:
    """The document with a table whose cells point at the task lines (as the DOCX reader gives them)."""
    rows = []
    for line in [ln for ln in doc.text.splitlines() if ln and ln[0] in "序12"]:
        start = doc.text.index(line)
        cells, pos = [], start
        for part in line.split(" "):
            cells.append(Cell(Span(pos, pos + len(part)), part))
            pos += len(part) + 1
        rows.append(cells)
    doc.tables.append(Table(Span(rows[0][0].span.start, rows[-1][-1].span.end), rows, page=1))
    return doc


def test_document_html_shows_meta_outline_and_highlighted_items():
    doc = docparse.read(seed("001"))
    page = doc._repr_html_()
    assert doc.meta.title.value in page
    assert "outline" in page and "<mark" in page
    lead = doc.extraction.tasks[0].lead[0].text
    assert f">{lead}</mark>" in page or lead in page


def test_tables_render_as_dataframes():
    doc = with_table(docparse.read(PLAN.encode(), name="plan.txt"))
    frame = table_frame(doc.tables[0])
    assert list(frame.columns) == ["序号", "任务", "牵头单位"]
    assert frame["牵头单位"].tolist() == ["县应急管理局", "县住房和城乡建设局"]
    page = doc._repr_html_()
    assert "tables (1)" in page and "<th>牵头单位</th>" in page
    assert "&lt;燃气&gt;" in page and "<燃气>" not in page  # cell text is escaped


def test_document_without_tables_has_no_table_section():
    assert "tables (" not in docparse.read(seed("000"))._repr_html_()
