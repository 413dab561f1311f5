"""Legacy and national formats: .doc/.wps/.rtf/.xls through LibreOffice, OFD (GB/T 33190) directly.

.doc, .wps and .rtf are converted to DOCX by `soffice --headless --convert-to docx` in a temporary
directory (its own LibreOffice profile, a time limit) and read by the DOCX reader, .xls to XLSX and read
by the spreadsheet reader; the source records `converted_from`. OFD is a zip of XML pages: the text of each page's TextCode elements,
grouped into lines by position, is enough for the text-born OFDs that government systems export.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from docparse.errors import CorruptError, MissingConverterError, ScannedError
from docparse.model import Page, RawDocument, Source, Span
from docparse.read import register_reader
from docparse.read.docx import check_archive, read_docx
from docparse.read.sheet import read_xlsx

CONVERT_TIMEOUT_S = float(os.environ.get("DOCPARSE_CONVERT_TIMEOUT", 120))
LABELS = {"doc": "legacy Word", "wps": "WPS", "rtf": "RTF", "xls": "legacy Excel"}
INSTALL_HINT = "install LibreOffice (apt-get install {package}) to convert it"


COMPONENT_HINT = (
    "this LibreOffice has no {component} component, which opens {label} files; "
    "install it (apt-get install {package}-nogui, or add {component} in the LibreOffice installer)"
)


@dataclass(frozen=True, slots=True)
class Conversion:
    """What LibreOffice converts a legacy format to, with which component, and the reader of the result."""

    target: str  # docx or xlsx
    component: str  # Writer or Calc
    module: str  # the component's library in LibreOffice's program folder (libswlo.so)
    package: str
    read: Callable[[bytes, Source], RawDocument]
    reader: str  # the name the source records


TO_DOCX = Conversion("docx", "Writer", "swlo", "libreoffice-writer", read_docx, "libreoffice+python-docx")
TO_XLSX = Conversion("xlsx", "Calc", "sclo", "libreoffice-calc", read_xlsx, "libreoffice+openpyxl")


def converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def lacks_component(exe: str, conversion: Conversion) -> bool:
    """Whether the LibreOffice behind `exe` is installed without the component a conversion needs (Writer for
    Word files, Calc for workbooks).

    A component is a module in LibreOffice's program folder (libswlo for Writer); without it a conversion
    fails with a message that reads like a damaged file. An installation laid out differently is given the
    benefit of the doubt.
    """
    program = Path(os.path.realpath(exe)).parent
    modules = list(program.glob("lib*lo.so")) + list(program.glob("*lo.dll"))
    return bool(modules) and not any(m.name in (f"lib{conversion.module}.so", f"{conversion.module}.dll") for m in modules)


@register_reader("doc")
def read_doc(data: bytes, source: Source) -> RawDocument:
    return _via_libreoffice(data, source, "doc")


@register_reader("wps")
def read_wps(data: bytes, source: Source) -> RawDocument:
    return _via_libreoffice(data, source, "wps")


@register_reader("rtf")
def read_rtf(data: bytes, source: Source) -> RawDocument:
    return _via_libreoffice(data, source, "rtf")


@register_reader("xls")
def read_xls(data: bytes, source: Source) -> RawDocument:
    return _via_libreoffice(data, source, "xls", TO_XLSX)


def _via_libreoffice(data: bytes, source: Source, fmt: str, conversion: Conversion = TO_DOCX) -> RawDocument:
    exe = converter()
    if exe is None:
        raise MissingConverterError(f"{LABELS[fmt]} file; {INSTALL_HINT.format(package=conversion.package)}")
    if lacks_component(exe, conversion):
        raise MissingConverterError(
            COMPONENT_HINT.format(component=conversion.component, label=LABELS[fmt], package=conversion.package)
        )
    with tempfile.TemporaryDirectory(prefix="docparse-lo-") as tmp:
        infile = Path(tmp) / f"input.{fmt}"
        infile.write_bytes(data)
        cmd = [
            exe, "--headless", "--norestore", "--nologo",
            f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
            "--convert-to", conversion.target, "--outdir", tmp, str(infile),
        ]
        # its own session, so a timeout can stop soffice and the children it starts
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=CONVERT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise CorruptError(
                f"LibreOffice did not convert the {LABELS[fmt]} file within {CONVERT_TIMEOUT_S:.0f} s "
                "(set DOCPARSE_CONVERT_TIMEOUT to wait longer)"
            ) from None
        out = Path(tmp) / f"input.{conversion.target}"
        if not out.exists() or out.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            raise CorruptError(
                f"LibreOffice could not convert the {LABELS[fmt]} file (damaged, or not a {LABELS[fmt]} file)"
                + (f": {detail[0]}" if detail else "")
            )
        converted = out.read_bytes()
    raw = conversion.read(converted, source)
    raw.source = replace(source, format=conversion.target, reader=conversion.reader, converted_from=fmt)
    return raw


# --- OFD -------------------------------------------------------------------------------------


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el, name: str):
    for c in el.iter():
        if _local(c.tag) == name:
            return c
    return None


@register_reader("ofd")
def read_ofd(data: bytes, source: Source) -> RawDocument:
    from lxml import etree

    archive = check_archive(data, "OFD")
    names = set(archive.namelist())
    unsupported = MissingConverterError(
        "OFD file whose layout this reader cannot follow; convert it to PDF (e.g. with an OFD reader's "
        "'export PDF') and read that"
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

    def xml(name: str):
        name = name.lstrip("/")
        if name not in names:
            raise unsupported
        try:
            return etree.fromstring(archive.read(name), parser)
        except etree.XMLSyntaxError as err:
            raise CorruptError(f"damaged OFD ({name}: {err})") from None

    root = xml("OFD.xml")
    doc_root = _child(root, "DocRoot")
    if doc_root is None or not (doc_root.text or "").strip():
        raise unsupported
    doc_path = PurePosixPath(doc_root.text.strip().lstrip("/"))
    document = xml(str(doc_path))
    pages_el = [el for el in document.iter() if _local(el.tag) == "Page" and el.get("BaseLoc")]
    if not pages_el:
        raise unsupported
    texts: list[str] = []
    for page in pages_el:
        loc = page.get("BaseLoc").lstrip("/")
        path = str(doc_path.parent / loc) if not loc.startswith(str(doc_path.parent)) else loc
        if path not in names and loc in names:
            path = loc
        texts.append(_ofd_page_text(xml(path)))
    if not any(t.strip() for t in texts):
        raise ScannedError("OFD without text (scanned pages); run OCR on a PDF export of it")
    parts, pages, pos = [], [], 0
    for number, text in enumerate(texts, start=1):
        if number > 1:
            parts.append("\f")
            pos += 1
        pages.append(Page(number, Span(pos, pos + len(text))))
        parts.append(text)
        pos += len(text)
    src = replace(source, format="ofd", reader="ofd-xml")
    return RawDocument(text="".join(parts), source=src, pages=pages)


def _ofd_page_text(page) -> str:
    """TextCode runs of one page, ordered top to bottom and left to right, grouped into lines."""
    runs: list[tuple[float, float, float, str]] = []  # y, x, font size, text
    for obj in page.iter():
        if _local(obj.tag) != "TextObject":
            continue
        try:
            bx, by, *_ = (float(v) for v in (obj.get("Boundary") or "0 0 0 0").split())
            size = float(obj.get("Size") or 3.5)
        except ValueError:
            continue
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            try:
                x, y = float(code.get("X") or 0), float(code.get("Y") or 0)
            except ValueError:
                x = y = 0.0
            runs.append((by + y, bx + x, size, code.text))
    runs.sort(key=lambda r: (r[0], r[1]))
    lines: list[list[tuple[float, str]]] = []
    last_y = None
    for y, x, size, text in runs:
        if last_y is None or abs(y - last_y) > 0.5 * size:
            lines.append([])
            last_y = y
        lines[-1].append((x, text))
    return "\n".join("".join(t for _, t in sorted(line)) for line in lines)
