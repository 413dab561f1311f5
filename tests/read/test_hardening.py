"""Inputs a careful user or operator brings: Windows text, endless streams, files that crash parsers."""

from __future__ import annotations

import importlib
import io
import os
import zipfile

import pytest
from click.testing import CliRunner

import docparse
from docparse.cli import main
from docparse.errors import CorruptError, DocparseError, EncodingError, TooLargeError
from docparse.read import read_bounded, read_raw
from tests.helpers import ROOT, seed

# `docparse.read` the attribute is the function; the module is reached through the import system.
read_module = importlib.import_module("docparse.read")

NOTICE = "关于开展安全生产大检查的通知\n各县（区）应急管理局：\n一、工作任务\n（一）请于2024年6月30日前完成自查自改。\n"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_are_text(tmp_path, encoding, newline):
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(NOTICE.replace("\n", newline).encode(encoding))
    doc = docparse.read(path)
    unix = docparse.read(NOTICE.encode("utf-8"), name="notice.txt")
    assert doc.norm_text == unix.norm_text
    assert [s.heading for s in doc.sections] == [s.heading for s in unix.sections]
    deadline = next(d for d in doc.extraction.deadlines if d.date == "2024-06-30")
    assert doc.text[deadline.span.start : deadline.span.end] == deadline.text


def test_crlf_blank_lines_still_separate_paragraphs():
    text = "第一段的内容写在这里，说明检查的范围和要求\r\n\r\n第二段另起一段\r\n"
    doc = docparse.read(text.encode("utf-8"), name="a.txt")
    assert doc.norm_text.split("\n") == ["第一段的内容写在这里，说明检查的范围和要求", "第二段另起一段"]


def test_an_endless_stream_stops_at_the_limit(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 1024)
    with open("/dev/zero", "rb") as zero, pytest.raises(TooLargeError) as info:
        read_bounded(zero, "/dev/zero")
    assert "over" in info.value.reason


def test_dev_zero_on_the_command_line_is_one_line(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 4096)
    result = CliRunner().invoke(main, ["text", "/dev/zero"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("docparse: /dev/zero: file is over")


def test_stdin_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 100)
    result = CliRunner().invoke(main, ["extract", "-"], input=("安全" * 200).encode("utf-8"))
    assert result.exit_code == 1
    assert "E_TOO_LARGE" in result.output


def test_a_fifo_is_read_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(read_module, "MAX_INPUT_BYTES", 1 << 16)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer: more than the limit, then exit
        try:
            with open(fifo, "wb") as fh:
                fh.write(b"x" * (1 << 18))
        finally:
            os._exit(0)
    try:
        with pytest.raises(TooLargeError):
            read_raw(fifo)
    finally:
        os.waitpid(pid, 0)


def test_damaged_utf16_text_is_an_encoding_error(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "安全生产".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate half
    with pytest.raises(EncodingError) as info:
        read_raw(path)
    assert info.value.path == str(path)


def test_docx_with_swapped_members_is_corrupt(tmp_path, seed_docx):
    source = zipfile.ZipFile(seed_docx("001"))
    swapped = io.BytesIO()
    with zipfile.ZipFile(swapped, "w") as out:
        names = source.namelist()
        for name in names:
            other = "word/styles.xml" if name == "word/document.xml" else "word/document.xml" if name == "word/styles.xml" else name
            out.writestr(name, source.read(other))
    path = tmp_path / "swapped.docx"
    path.write_bytes(swapped.getvalue())
    with pytest.raises(DocparseError) as info:
        docparse.read(path)
    assert info.value.path == str(path)


def test_deeply_nested_html_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deep.html"
    body = "<div>" * 5000 + "安全生产检查通报" + "</div>" * 5000
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    try:
        doc = docparse.read(path)
    except DocparseError as err:
        assert err.path == str(path)
    else:
        assert "安全生产检查通报" in doc.text


def test_a_reader_crash_becomes_corrupt_naming_the_file(tmp_path, monkeypatch):
    def broken(data, source):
        raise AttributeError("'NoneType' object has no attribute 'text'")

    read_module._load_readers()
    monkeypatch.setitem(read_module.READERS, "txt", broken)
    path = tmp_path / "a.txt"
    path.write_text("安全生产", encoding="utf-8")
    with pytest.raises(CorruptError) as info:
        read_raw(path)
    assert info.value.path == str(path) and "AttributeError" in info.value.reason


def test_seed_text_with_crlf_gives_the_same_extraction():
    text = seed("001").read_text(encoding="utf-8")
    unix = docparse.read(text.encode("utf-8"), name="a.txt")
    windows = docparse.read(text.replace("\n", "\r\n").encode("gbk", "replace"), name="a.txt")
    assert len(windows.extraction.tasks) == len(unix.extraction.tasks)
    assert [d.date for d in windows.extraction.deadlines] == [d.date for d in unix.extraction.deadlines]


def what_was_read(doc):
    """Sections, issuer and tasks, each task's text as written with its line ends made LF."""
    return (
        [(s.marker, s.heading) for s in doc.sections],
        doc.meta.issuer.value if doc.meta.issuer else None,
        [(lf(t.text), [p.name for p in t.lead], t.deadline.date if t.deadline else None) for t in doc.extraction.tasks],
    )


def lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# r615: a task table a portal saved one cell a line (责任单位 |); r734: a 通报 with its outline, signed and dated
@pytest.mark.parametrize("name", ["r615_fengong.txt", "r734_tongbao.txt"])
@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_real_documents_read_the_same_whatever_ends_their_lines(name, line_end):
    text = (ROOT / "corpora" / "real" / "docs" / name).read_text(encoding="utf-8")
    unix = docparse.read(text.encode("utf-8"), name=name)
    other = docparse.read(text.replace("\n", line_end).encode("utf-8"), name=name)
    assert unix.extraction.tasks or unix.meta.issuer  # each document has something to lose
    assert what_was_read(other) == what_was_read(unix)


def test_a_few_damaged_bytes_in_utf8_text_are_shown_not_refused(tmp_path):
    data = bytearray(seed("001").read_bytes())
    data[500], data[900] = 0xFF, 0xFE
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    doc = docparse.read(path)
    assert doc.source.encoding == "utf-8" and "\ufffd" in doc.text
    assert any("U+FFFD" in w for w in doc.warnings)
    assert len(doc.extraction.tasks) == len(docparse.read(seed("001")).extraction.tasks)


def test_gbk_text_is_still_read_as_gbk_not_as_damaged_utf8(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(NOTICE.encode("gbk"))
    assert docparse.read(path).source.encoding == "gb18030"
