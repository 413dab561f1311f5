"""Any cell of the Corpus tables can be traced: file, span and page lead back to the source text,
for PDF and Word files as for plain text; a Word table shows as a DataFrame in Jupyter."""

from __future__ import annotations

import docparse
from docparse.model import Span


def test_pdf_rows_carry_the_page_of_their_evidence(seed_pdf, tmp_path):
    pdf = seed_pdf("000")
    corpus = docparse.Corpus([pdf], cache_dir=tmp_path, max_workers=1)
    doc = docparse.read(pdf)
    source = docparse.read_text(pdf)
    regions = corpus.regions()
    assert len(doc.pages) > 1 and not regions.empty
    assert regions["page"].notna().all() and regions["page"].nunique() > 1
    for row in regions.itertuples():
        assert source[row.start : row.end] == row.text
        assert row.page == doc.page_of(Span(row.start, row.end))
    problems = corpus.problems()
    assert problems["page"].notna().all()


def test_word_table_renders_as_a_dataframe(seed_docx):
    doc = docparse.read(seed_docx("001"))
    assert doc.tables
    page = doc._repr_html_()
    assert "tables (" in page and "<th>牵头单位</th>" in page and "市住房城乡建设局" in page
