"""Bad input fails with the right error class and a message that names the reason, never a traceback."""

from __future__ import annotations

import io
import json
import os
import random
import zipfile

import pytest
from click.testing import CliRunner

from docparse.cli import main
from docparse.errors import (
    CorruptError,
    EmptyInputError,
    EncodingError,
    EncryptedError,
    NotADocumentError,
    ScannedError,
    TooLargeError,
)
from docparse.read import read_raw
from tests.docgen import make_docx, make_pdf, make_scanned_pdf
from tests.helpers import seed

SAMPLE = "关于开展安全生产大检查的通知\n各县（市）区应急管理局：\n一、检查时间\n2023年6月至9月，重点检查危险化学品企业。\n"


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> bytes:
    path = make_pdf(seed("000").read_text(encoding="utf-8"), tmp_path_factory.mktemp("pdf") / "s.pdf")
    return path.read_bytes()


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> bytes:
    path = make_docx(seed("000").read_text(encoding="utf-8"), tmp_path_factory.mktemp("docx") / "s.docx")
    return path.read_bytes()


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty"):
        read_raw(path)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\t\n")
    with pytest.raises(EmptyInputError, match="empty"):
        read_raw(path)


def test_binary_junk_is_not_a_document(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    with pytest.raises(NotADocumentError, match="binary"):
        read_raw(path)


def test_junk_named_pdf_is_corrupt(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(8).randbytes(2048))
    with pytest.raises(CorruptError, match="PDF"):
        read_raw(path)


def test_encrypted_pdf(tmp_path, seed_pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(seed_pdf)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(EncryptedError) as info:
        read_raw(path)
    assert "password" in info.value.reason and "qpdf" in info.value.reason
    assert info.value.path == str(path)


def test_truncated_pdf(tmp_path, seed_pdf):
    path = tmp_path / "cut.pdf"
    path.write_bytes(seed_pdf[: len(seed_pdf) // 3])
    with pytest.raises(CorruptError) as info:
        read_raw(path)
    assert "PDF" in info.value.reason


def test_pdf_with_too_many_pages_is_refused_before_reading(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2001):
        writer.add_blank_page(595, 842)
    path = tmp_path / "many.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(TooLargeError) as info:
        read_raw(path)
    assert "2001 pages" in info.value.reason


def test_scanned_pdf_asks_for_ocr(tmp_path):
    path = make_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ScannedError) as info:
        read_raw(path)
    assert "OCR" in info.value.reason and "ocrmypdf" in info.value.reason


def test_truncated_docx(tmp_path, seed_docx):
    path = tmp_path / "cut.docx"
    path.write_bytes(seed_docx[: len(seed_docx) // 2])
    with pytest.raises(CorruptError) as info:
        read_raw(path)
    assert "truncated" in info.value.reason and "DOCX" in info.value.reason


def _bomb(megabytes: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
    return buf.getvalue()


def test_docx_zip_bomb_by_ratio(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb(20))  # 20 MB of zeros in about 20 kB
    with pytest.raises(CorruptError, match="zip bomb"):
        read_raw(path)


def test_docx_zip_bomb_by_size(tmp_path):
    path = tmp_path / "big.docx"
    path.write_bytes(_bomb(210))
    with pytest.raises(TooLargeError, match="zip bomb"):
        read_raw(path)


def test_password_protected_docx(tmp_path):
    # What Word writes for a password-protected .docx: an OLE2 compound file whose directory
    # names the EncryptionInfo and EncryptedPackage streams (names in UTF-16LE).
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4088)
    for i, name in enumerate(("EncryptionInfo", "EncryptedPackage")):
        entry = name.encode("utf-16-le")
        ole[1024 + 128 * i : 1024 + 128 * i + len(entry)] = entry
    path = tmp_path / "secret.docx"
    path.write_bytes(bytes(ole))
    with pytest.raises(EncryptedError) as info:
        read_raw(path)
    assert "password" in info.value.reason


def test_huge_text_file_fails_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: no disk, no time
    with pytest.raises(TooLargeError) as info:
        read_raw(path)
    assert "MB" in info.value.reason and "DOCPARSE_MAX_BYTES" in info.value.reason


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(NotADocumentError, match="directory"):
        read_raw(tmp_path)
    with pytest.raises(NotADocumentError, match="no such file"):
        read_raw(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")],
)
def test_text_encodings(tmp_path, encoding, expected):
    text = SAMPLE + "𠮷字在GB18030中为四字节。\n" if encoding in ("gb18030", "utf-16", "utf-8-sig", "utf-8") else SAMPLE
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    raw = read_raw(path)
    assert raw.text == text
    assert raw.source.encoding == expected


def test_bomless_utf16le(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(("Safety report 2023\n" + SAMPLE).encode("utf-16-le"))
    assert read_raw(path).text.endswith(SAMPLE)


def test_traditional_chinese_big5_is_read_and_simplified(tmp_path):
    import docparse

    text = "關於開展安全生產大檢查的通知\n各縣（市）區應急管理局：\n一、檢查時間\n二○二三年六月至九月，重點檢查危險化學品企業。\n"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    raw = read_raw(path)
    assert raw.text == text and raw.source.encoding == "big5"
    doc = docparse.read(path, steps=("structure",))
    assert "关于开展安全生产大检查的通知" in doc.norm_text
    assert doc.text == text  # the source text stays as written


def test_undecidable_encoding(tmp_path):
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(b | 0x80 for b in random.Random(1).randbytes(300)))
    with pytest.raises(EncodingError, match="encoding"):
        read_raw(path)


def test_cli_extract_folder_with_good_and_bad_files(tmp_path, seed_docx):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b_good.docx").write_bytes(seed_docx)
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (folder / "e_cut.docx").write_bytes(seed_docx[:500])
    result = CliRunner().invoke(main, ["extract", str(folder)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [os.path.basename(r["file"]) for r in records] == [
        "a_good.txt", "b_good.docx", "c_empty.txt", "d_cut.pdf", "e_cut.docx",
    ]
    assert [r.get("error", {}).get("code") for r in records] == [None, None, "E_EMPTY", "E_CORRUPT", "E_CORRUPT"]
    errors = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(errors) == 4  # one line per bad file, then the summary
    assert all(ln.startswith("docparse: ") for ln in errors)
    assert "Traceback" not in result.stderr
    assert "c_empty.txt: file is empty" in errors[0]
