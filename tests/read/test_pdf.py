import re

import pytest

from docparse.pipeline import make_document
from docparse.read import read_raw
from tests.docgen import make_pdf
from tests.helpers import cjk_font_missing, seed


def paragraphs(text: str) -> list[str]:
    return ["".join(p.split()) for p in text.split("\n") if p.strip()]


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_wrapped_pdf_gives_back_the_paragraphs_of_the_text(seed_pdf, prefix):
    # The generated PDF uses STSong-Light without embedding it, as many office PDFs do; PDFium then
    # places glyphs with a system CJK font, and without one it drops a 。 that stands alone on a line.
    if cjk_font_missing():
        pytest.skip(f"PDFium needs a system CJK font for a non-embedded CID font: {cjk_font_missing()}")
    expected = paragraphs(make_document(read_raw(seed(prefix))).norm_text)
    doc = make_document(read_raw(seed_pdf(prefix)))
    assert paragraphs(doc.norm_text) == expected


def test_pages_and_page_numbers(seed_pdf):
    raw = read_raw(seed_pdf("001"))
    assert raw.source.format == "pdf" and raw.source.reader.startswith("pypdfium2")
    assert len(raw.pages) > 10
    assert raw.text.count("\f") == len(raw.pages) - 1
    for page in raw.pages:
        assert f"— {page.number} —" in raw.text[page.span.start : page.span.end]
    doc = make_document(raw)
    assert re.search(r"— \d+ —", doc.norm_text) is None
    assert sum(1 for n in doc.noise if n.reason == "page_number") == len(raw.pages)
    assert doc.page_of(doc.source_span(doc.norm_text.index("（十一）文化和旅游"), 0)) > 1


def test_indented_lines_are_hard_breaks(seed_pdf):
    raw = read_raw(seed_pdf("000"))
    starts = {raw.text.index("一、基本评价"), raw.text.index("（一）行动迅速")}
    assert starts <= raw.hard_breaks


def test_ruled_table_becomes_cells_pointing_into_the_text(tmp_path):
    text = (
        "为做好汛期安全生产工作，现将重点任务分工通知如下：\n"
        "序号\t重点任务\t牵头单位\t完成时限\n"
        "1\t矿山防汛安全检查\t省应急管理厅\t5月31日前\n"
        "2\t在建工程深基坑和高边坡隐患排查治理\t省住房城乡建设厅\t6月30日前\n"
        "请各单位认真落实。\n"
    )
    raw = read_raw(make_pdf(text, tmp_path / "table.pdf"))
    assert len(raw.tables) == 1
    table = raw.tables[0]
    assert table.header() == ["序号", "重点任务", "牵头单位", "完成时限"]
    assert [c.text for c in table.rows[2]] == ["2", "在建工程深基坑和高边坡隐患排查治理", "省住房城乡建设厅", "6月30日前"]
    for row in table.rows:
        assert row[0].span.start in raw.hard_breaks
        for cell in row:
            assert raw.text[cell.span.start : cell.span.end] == cell.text
    doc = make_document(raw)
    assert "请各单位认真落实。" in doc.norm_text.split("\n")


def glyphs(text: str, gap_before: int) -> list[tuple[float, float, float, str]]:
    """(left, right, height, char) of a line set at 12 points a character, with a wider gap before one of them
    and the last glyph given first, as LibreOffice writes a line that falls back to another font."""
    boxes, x = [], 0.0
    for k, ch in enumerate(text):
        x += 4.0 if k == gap_before else 0.0
        width = 6.0 if ch.isascii() else 12.0
        boxes.append((x, x + width, 12.0, ch))
        x += width
    return boxes[-1:] + boxes[:-1]


def test_a_stretched_gap_inside_a_number_between_chinese_words_is_no_space():
    # 063 saved to PDF with “” in a fallback font and justified: 关于公布201 5年全国“安全生产月”
    from docparse.read.pdf import _ordered_line

    assert _ordered_line(glyphs("关于公布2015年全国”", gap_before=7)).text == "关于公布2015年全国”"
    # a period's end and the next item's number stay apart: 2024.4.4-2024.4.6 1、
    assert _ordered_line(glyphs("至2024.4.6 1、清明", gap_before=10)).text == "至2024.4.6 1、清明"
