import io
import zipfile

import pytest

import docparse

from docparse.errors import CorruptError, NotADocumentError
from docparse.pipeline import make_document
from docparse.read import read_raw
from docparse.read.docx import chinese_counting, format_number
from tests.docgen import TASK_TABLE
from tests.helpers import seed


def paragraphs(text: str) -> list[str]:
    return ["".join(p.split()) for p in text.split("\n") if p.strip()]


def test_word_numbering_is_written_into_the_text(seed_docx):
    raw = read_raw(seed_docx("000"))
    assert raw.source.format == "docx" and raw.source.reader == "python-docx"
    lines = raw.text.split("\n")
    # the generator typed these markers as Word list numbering, not as text
    for marker in ("一、基本评价", "（一）行动迅速", "二、存在的问题", "（三）监管责任落实有漏洞", "三、下步工作措施"):
        assert any(line.startswith(marker) for line in lines), marker
    doc = docparse.read(seed_docx("000"), steps=("structure",))
    assert [s.marker for s in doc.sections if s.level == 1][:3] == ["一、", "二、", "三、"]


def test_docx_paragraphs_equal_the_text_paragraphs(seed_docx):
    expected = paragraphs(make_document(read_raw(seed("001"))).norm_text)
    doc = make_document(read_raw(seed_docx("001")))
    got = paragraphs(doc.norm_text)
    assert got[: len(expected)] == expected
    assert len(got) == len(expected) + len(TASK_TABLE)


def test_task_table_cells_point_into_the_text(seed_docx):
    raw = read_raw(seed_docx("001"))
    table = raw.tables[-1]
    assert table.header() == ["序号", "任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in table.rows[1]] == TASK_TABLE[1]
    for row in table.rows:
        assert row[0].span.start in raw.hard_breaks
        assert raw.text[row[0].span.start : row[-1].span.end] == "\t".join(c.text for c in row)


def test_every_paragraph_is_a_hard_break(seed_docx):
    raw = read_raw(seed_docx("001"))
    starts = {0} | {i + 1 for i, ch in enumerate(raw.text) if ch == "\n"}
    assert starts == raw.hard_breaks


@pytest.mark.parametrize(
    "n,fmt,expected",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
     (20, "chineseCounting", "二十"), (3, "decimalEnclosedCircle", "③"), (2, "upperRoman", "II"),
     (3, "ideographTraditional", "丙"), (12, "decimal", "12")],
)
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_hundreds():
    assert chinese_counting(105) == "一百零五"
    assert chinese_counting(110) == "一百一十"


def test_a_presentation_is_not_a_word_document(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ppt/presentation.xml", "<presentation/>")
    path = tmp_path / "slides.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(NotADocumentError, match="presentation, not a Word document"):
        read_raw(path)


def test_a_workbook_named_docx_is_read_as_the_workbook_it_is(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")  # a workbook with nothing else in it: damaged
    path = tmp_path / "book.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(CorruptError, match="damaged workbook"):
        read_raw(path)


def test_pages_come_from_the_breaks_word_recorded(tmp_path):
    from docx import Document as WordDocument
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    word = WordDocument()
    word.add_paragraph("一、总体要求")
    word.add_paragraph("第一页的正文。").add_run().add_break(WD_BREAK.PAGE)
    word.add_paragraph("二、重点任务")
    laid_out = word.add_paragraph("第二页的正文，")
    laid_out.add_run().element.append(OxmlElement("w:lastRenderedPageBreak"))
    laid_out.add_run("第三页接着写。")
    kept = word.add_paragraph("三、保障措施")
    kept.paragraph_format.page_break_before = True
    path = tmp_path / "plan.docx"
    word.save(path)

    raw = read_raw(path)
    starts = {p.number: raw.text[p.span.start : p.span.end] for p in raw.pages}
    assert [p.number for p in raw.pages] == [1, 2, 3, 4]
    assert starts[1].startswith("一、总体要求") and starts[2].startswith("二、重点任务")
    assert starts[3] == "第三页接着写。\n" and starts[4] == "三、保障措施"
    assert raw.pages[-1].span.end == len(raw.text)


def test_a_docx_without_recorded_breaks_claims_no_pages(seed_docx):
    assert read_raw(seed_docx("001")).pages == []
