"""Stage 1, read: bytes on disk -> `RawDocument` (source text, pages, tables, noise).

Readers are registered by format name; the format is sniffed from the bytes first and the file
extension second, so a mislabelled file still reaches the right reader.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from docparse.errors import (
    CorruptError, DocparseError, EmptyInputError, EncodingError, EncryptedError, NotADocumentError, TooLargeError,
)
from docparse.model import RawDocument, Source

Reader = Callable[[bytes, Source], RawDocument]

READERS: dict[str, Reader] = {}

# Bounded memory: a source text is held several times over (text, normalized text, offset map).
MAX_INPUT_BYTES = int(os.environ.get("DOCPARSE_MAX_BYTES", 64 * 1024 * 1024))

EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".pdf": "pdf",
    ".docx": "docx",
    ".htm": "html", ".html": "html", ".shtml": "html", ".xhtml": "html", ".mht": "html",
    ".doc": "doc", ".wps": "wps", ".ofd": "ofd", ".rtf": "rtf",
    ".xlsx": "xlsx", ".xls": "xls",
}
# The names of the main streams of OLE2 files, in UTF-16 as the directory writes them: a Word file's, a
# workbook's (BIFF8, and BIFF5 before it).
WORD_STREAM = "WordDocument".encode("utf-16-le")
WORKBOOK_STREAM = "Workbook".encode("utf-16-le")
BOOK_STREAM = "Book\0".encode("utf-16-le")


def register_reader(fmt: str) -> Callable[[Reader], Reader]:
    def decorate(fn: Reader) -> Reader:
        READERS[fmt] = fn
        return fn

    return decorate


def sniff_format(data: bytes, name: str | None) -> str:
    """Format from magic bytes, falling back to the extension, then to plain text."""
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .doc / .wps / .xls, told apart by their main stream
        ext = Path(name).suffix.lower() if name else ""
        if WORD_STREAM not in data and (WORKBOOK_STREAM in data or BOOK_STREAM in data):
            return "xls"
        return "wps" if ext == ".wps" else "doc"
    if head.startswith(b"PK\x03\x04"):
        ext = Path(name).suffix.lower() if name else ""
        if ext == ".ofd" or b"OFD.xml" in data[:4096]:
            return "ofd"
        if b"word/document.xml" not in data and b"xl/workbook.xml" in data:
            return "xlsx"
        return "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # IE's "Unicode" web page: UTF-16 with BOM
        head = head.decode("utf-16", "ignore").encode("utf-8")
    lowered = head.lower().lstrip()
    if lowered.startswith(b"\xef\xbb\xbf"):
        lowered = lowered[3:].lstrip()
    while lowered.startswith(b"<!--") and b"-->" in lowered:  # e.g. IE's <!-- saved from url=... -->
        lowered = lowered[lowered.index(b"-->") + 3 :].lstrip()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<?xml")) or b"<body" in lowered:
        return "html"
    if name:
        ext = Path(name).suffix.lower()
        if ext in EXTENSIONS:
            return EXTENSIONS[ext]
    return "txt"


def read_raw(source: str | os.PathLike[str] | bytes, name: str | None = None) -> RawDocument:
    """Read a path or raw bytes into a `RawDocument`; raises a `DocparseError` naming the file."""
    path: str | None
    if isinstance(source, (bytes, bytearray)):
        path = name
        data = bytes(source)
    else:
        path = os.fspath(source)
        try:
            with open(path, "rb") as fh:
                data = read_bounded(fh, path)
        except IsADirectoryError:
            raise NotADocumentError("is a directory, not a document", path) from None
        except FileNotFoundError:
            raise NotADocumentError("no such file", path) from None
        except PermissionError:
            raise NotADocumentError("permission denied", path) from None
        except OSError as err:
            raise NotADocumentError(f"cannot be read ({err.strerror or err})", path) from None
    if len(data) > MAX_INPUT_BYTES:
        raise TooLargeError(_too_large_reason(len(data)), path)
    if not data.strip():
        raise EmptyInputError("file is empty", path)
    fmt = sniff_format(data, path)
    if fmt in ("doc", "wps") and _is_encrypted_ooxml(data):
        raise EncryptedError(
            "password-protected Word file; remove the password in Word or WPS first "
            "(File → Info → Protect Document → Encrypt with Password, clear it)",
            path,
        )
    _load_readers(fmt)
    reader = READERS.get(fmt)
    if reader is None:
        raise NotADocumentError(f"unsupported format '{fmt}'", path)
    meta = Source(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        size_bytes=len(data),
    )
    try:
        raw = reader(data, meta)
    except DocparseError as err:
        raise err.with_path(path)
    except RecursionError:
        raise CorruptError(f"damaged {fmt} file: nested too deeply to read", path) from None
    except UnicodeError:
        raise EncodingError(f"damaged {fmt} file: its text is not validly encoded", path) from None
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as err:  # noqa: BLE001 - a third-party parser's failure on bad bytes is a bad input
        raise CorruptError(f"damaged {fmt} file ({type(err).__name__} in the {fmt} reader)", path) from None
    if not raw.text.strip():
        raise EmptyInputError("no text in the document", path)
    return raw


def read_bounded(stream: BinaryIO, path: str | None) -> bytes:
    """All bytes of `stream`, or `TooLargeError` once more than the limit arrives.

    The size is checked while reading, not after: a device (/dev/zero), a FIFO or a pipe on stdin
    has no size to stat, and reading it whole first would exhaust memory.
    """
    if hasattr(stream, "fileno"):
        try:
            size = os.fstat(stream.fileno()).st_size
        except (OSError, ValueError, io.UnsupportedOperation):
            size = 0
        if size > MAX_INPUT_BYTES:
            raise TooLargeError(_too_large_reason(size), path)
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise TooLargeError(_too_large_reason(len(data), at_least=True), path)
    return data


def _is_encrypted_ooxml(data: bytes) -> bool:
    """A password-protected .docx is an OLE2 container holding EncryptedPackage, not a zip.

    Caught here so it is not handed to LibreOffice, which fails on it with a misleading message.
    """
    head = data[: 1 << 20]
    return "EncryptedPackage".encode("utf-16-le") in head and "EncryptionInfo".encode("utf-16-le") in head


def _too_large_reason(size: int, at_least: bool = False) -> str:
    return (
        f"file is {'over ' if at_least else ''}{size / 1e6:.1f} MB; docparse reads documents up to "
        f"{MAX_INPUT_BYTES / 1e6:.0f} MB (set DOCPARSE_MAX_BYTES to raise the limit)"
    )


# The module that registers each format's reader. A fresh process reading a .txt file need not import the web
# page reader's email parser or the PDF reader's statistics: each module is imported when its format comes.
READER_MODULES = {
    "txt": "text", "html": "html", "pdf": "pdf", "docx": "docx", "xlsx": "sheet",
    "doc": "legacy", "wps": "legacy", "rtf": "legacy", "xls": "legacy", "ofd": "legacy",
}


def _load_readers(fmt: str | None = None) -> None:
    """Register the reader of `fmt`, or every reader. Heavy readers (pdf, docx) import their libraries lazily."""
    import importlib

    if fmt in READER_MODULES:
        importlib.import_module(f"docparse.read.{READER_MODULES[fmt]}")
        return
    from docparse.read import docx, html, legacy, pdf, sheet, text  # noqa: F401
