"""Legacy formats: .doc/.wps/.rtf through LibreOffice when it is installed, OFD read directly."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest

import docparse
from docparse.errors import MissingConverterError, UnreadableInputError
from docparse.read import read_raw
from tests.helpers import ROOT, seed

HAVE_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice (soffice) is not installed")

RTF = (
    r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
    r"\pard\qc\f0\fs32 \u20851?\u20110?\u21152?\u24378?\u23433?\u20840?\u29983?\u20135?\u24037?\u20316?\u30340?\u36890?\u30693?\par"
    r"\pard\fs32 \u21508?\u21439?\u21306?\u65306?\par"
    r"\pard \u19968?\u12289?\u21152?\u24378?\u39046?\u23548?\u12290?\par}"
)  # 关于加强安全生产工作的通知 / 各县区： / 一、加强领导。


def _summary(doc):
    m = doc.meta
    value = lambda f: f.value if f else None  # noqa: E731
    meta = (value(m.title), value(m.doc_number), value(m.issuer), value(m.date), [r.value for r in m.recipients])
    return meta, [(s.marker, s.heading, s.level) for s in doc.sections]


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory):
    """Seed 000 as a Word 97 .doc, made by LibreOffice from the plain text (markers typed, not numbered).

    Not from a generated DOCX: LibreOffice's .doc export drops some Word list restarts
    (startOverride), so that .doc no longer says what the seed says.
    """
    if not HAVE_SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("doc")
    txt = folder / "s000.txt"
    txt.write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(
        [HAVE_SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc", "--outdir", str(folder), str(txt)],
        check=True, capture_output=True, timeout=120,
    )
    return folder / "s000.doc"


@needs_soffice
def test_doc_is_converted_and_reads_like_the_text(seed_doc):
    raw = read_raw(seed_doc)
    assert raw.source.converted_from == "doc"
    assert "云安办〔2018〕19号" in raw.text
    doc = docparse.read(seed_doc, steps=("structure",))
    assert _summary(doc) == _summary(docparse.read(seed("000"), steps=("structure",)))


@needs_soffice
def test_wps_named_file_is_converted(seed_doc, tmp_path):
    wps = tmp_path / "s000.wps"
    wps.write_bytes(seed_doc.read_bytes())
    raw = read_raw(wps)
    assert raw.source.converted_from == "wps"
    assert "一、基本评价" in raw.text


@needs_soffice
def test_rtf_is_converted(tmp_path):
    path = tmp_path / "notice.rtf"
    path.write_text(RTF, encoding="ascii")
    raw = read_raw(path)
    assert raw.source.converted_from == "rtf"
    assert raw.text.split("\n")[:3] == ["关于加强安全生产工作的通知", "各县区：", "一、加强领导。"]


def test_doc_without_libreoffice_names_the_fix(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no libreoffice
    with pytest.raises(MissingConverterError) as info:
        read_raw(path)
    assert "LibreOffice" in info.value.reason and "apt-get install" in info.value.reason


def test_doc_with_a_libreoffice_without_writer_names_the_component(tmp_path, monkeypatch):
    """A LibreOffice installed with Calc only: the .doc is valid, and the message says to add Writer."""
    program = tmp_path / "libreoffice" / "program"
    program.mkdir(parents=True)
    for module in ("libmergedlo.so", "libsclo.so"):  # core and Calc, no Writer (libswlo.so)
        (program / module).write_bytes(b"")
    soffice = program / "soffice"
    soffice.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    soffice.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "soffice").symlink_to(soffice)
    monkeypatch.setenv("PATH", str(bin_dir))
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(MissingConverterError) as info:
        read_raw(path)
    assert "Writer" in info.value.reason and "damaged" not in info.value.reason


REAL_DOCS = sorted((ROOT / "corpora" / "real" / "docs").glob("*.doc"))


@needs_soffice
@pytest.mark.parametrize("path", REAL_DOCS, ids=lambda p: p.name)
def test_real_word_97_files_convert_and_extract(path):
    doc = docparse.read(path)
    assert doc.source.converted_from == "doc"
    assert len(doc.norm_text) > 200
    assert doc.sections or doc.tables  # a notice has an outline, a checklist is one table


def _ofd(pages: list[list[tuple[float, str]]]) -> bytes:
    """A minimal OFD (GB/T 33190): OFD.xml -> Document.xml -> one Content.xml per page of TextCode."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("OFD.xml", f'<ofd:OFD {ns} Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml'
                    "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        zf.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:Pages>{refs}</ofd:Pages></ofd:Document>")
        for i, lines in enumerate(pages):
            objs = "".join(
                f'<ofd:TextObject ID="{k}" Boundary="25 {y} 160 6" Font="1" Size="5.6">'
                f'<ofd:TextCode X="0" Y="5">{text}</ofd:TextCode></ofd:TextObject>'
                for k, (y, text) in enumerate(lines)
            )
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                        f"<ofd:Page {ns}><ofd:Content><ofd:Layer ID=\"0\">{objs}</ofd:Layer></ofd:Content></ofd:Page>")
    return buf.getvalue()


def test_ofd_text_per_page():
    # Text objects out of order on the page: lines come out top to bottom.
    data = _ofd([[(60, "各县区："), (40, "关于加强安全生产工作的通知")], [(40, "一、加强领导。")]])
    raw = read_raw(data, name="notice.ofd")
    assert raw.source.format == "ofd"
    assert [raw.text[p.span.start : p.span.end] for p in raw.pages] == [
        "关于加强安全生产工作的通知\n各县区：", "一、加强领导。",
    ]
    assert "\f" in raw.text


def test_ofd_without_text_is_refused_with_a_reason():
    # No TextCode at all: a scanned OFD, or one whose text is only glyph outlines.
    with pytest.raises(UnreadableInputError) as info:
        read_raw(_ofd([[]]), name="scan.ofd")
    assert "OFD" in info.value.reason
