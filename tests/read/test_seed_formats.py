"""The issue's "done when": a seed read from PDF, DOCX or a saved web page gives the metadata and the
outline that the plain text gives (title, 发文字号, issuer, date, recipients; markers, headings, levels).
"""

from __future__ import annotations

import html
import shutil
import subprocess

import pytest

import docparse
from tests.docgen import make_docx, make_pdf
from tests.helpers import seed

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a>政务公开</a></li><li><a>通知公告</a></li></ul></div>
<div class="location">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
<div class="content">{body}</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="footer">主办：某某省应急管理厅 版权所有</div></body></html>"""


def summary(doc) -> tuple:
    m = doc.meta

    def value(f):
        return f.value if f else None

    meta = {
        "title": value(m.title), "doc_number": value(m.doc_number), "issuer": value(m.issuer),
        "date": value(m.date), "recipients": [r.value for r in m.recipients],
    }
    return meta, [(s.marker, s.heading, s.level) for s in doc.sections]


def make_html(text: str, path):
    paras = [ln.strip() for ln in text.splitlines() if ln.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    path.write_text(PAGE.format(title=html.escape(paras[0]), body=body), encoding="utf-8")
    return path


MAKERS = {"pdf": make_pdf, "docx": make_docx, "html": make_html}


@pytest.fixture(scope="module")
def expected():
    return {p: summary(docparse.read(seed(p), steps=("structure",))) for p in ("000", "001")}


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_same_meta_and_outline_as_the_text(tmp_path, expected, prefix, fmt):
    text = seed(prefix).read_text(encoding="utf-8")
    path = MAKERS[fmt](text, tmp_path / f"{prefix}.{fmt}")
    doc = docparse.read(path, steps=("structure",))
    assert doc.source.format == fmt
    meta, outline = summary(doc)
    want_meta, want_outline = expected[prefix]
    assert meta == want_meta
    assert outline == want_outline


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_pdf_exported_by_an_office_suite(tmp_path, expected, prefix):
    """A PDF as Word/WPS/LibreOffice export it: embedded font subsets, and the spacing between CJK and
    Latin text that PDFium reports as generated spaces ("2023 年 5 月", "1 .坚持") unless the reader drops them."""
    docx = make_docx(seed(prefix).read_text(encoding="utf-8"), tmp_path / f"{prefix}.docx")
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=120,
    )
    doc = docparse.read(tmp_path / f"{prefix}.pdf", steps=("structure",))
    assert doc.source.format == "pdf"
    assert summary(doc) == expected[prefix]
