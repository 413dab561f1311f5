"""Plain-text reader with an encoding cascade: BOM, strict UTF-8, strict GB18030, detector."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from docparse.errors import EncodingError, NotADocumentError
from docparse.model import RawDocument, Source
from docparse.read import register_reader

# \r is a line end (Windows CRLF, old Mac CR), \t a cell gap, \v and \f page and line breaks some editors write
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; returns (text, encoding). Raises instead of guessing wrong."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16), utf16
    if b"\x00" in data:
        raise NotADocumentError("binary file, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = nearly_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    # GB18030 is a superset of GBK and GB2312, the encodings of older government text files.
    try:
        text = data.decode("gb18030")
        if _looks_like_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    for enc in ("big5",):
        try:
            text = data.decode(enc)
            if _looks_like_chinese(text):
                return text, enc
        except UnicodeDecodeError:
            pass
    return _detect(data)


# A UTF-8 file with a few damaged bytes (a bad sector, a cut-and-paste of binary) is still UTF-8:
# GBK or Big5 text read as UTF-8 fails on most of its Chinese characters, not on a handful.
MAX_DAMAGED_SHARE = 0.002
MAX_DAMAGED = 50


def nearly_utf8(data: bytes) -> str | None:
    """The text of UTF-8 bytes with a few undecodable bytes (each replaced by U+FFFD), else None."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if damaged > MAX_DAMAGED or damaged > MAX_DAMAGED_SHARE * len(text) or not _looks_like_chinese(text, 0.9):
        return None
    return text


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    # ASCII-heavy UTF-16 has NULs in every other byte; CJK-heavy UTF-16 has none, so test decoding.
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_like_chinese(text: str, min_printable: float = 0.95) -> bool:
    if not text:
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "，。、；：")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return printable / len(text) > min_printable and cjk / len(text) > 0.1


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError("unknown encoding: not UTF-8, UTF-16, GB18030 or Big5, and no detector match")
    text = str(best)
    if best.chaos > 0.2 or not _looks_like_chinese(text) and not text.isascii():
        raise EncodingError(f"unknown encoding (best guess {best.encoding} gives garbled text)")
    return text, best.encoding


@register_reader("txt")
def read_text(data: bytes, source: Source) -> RawDocument:
    text, encoding = decode_text(data)
    control = len(CONTROL.findall(text, 0, 8192))
    if control > 0.01 * min(len(text), 8192):
        raise NotADocumentError("binary file, not text (control characters)")
    src = replace(source, format="txt", encoding=encoding, reader="text")
    warnings = []
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) shown as U+FFFD")
    return RawDocument(text=text, source=src, warnings=warnings)
