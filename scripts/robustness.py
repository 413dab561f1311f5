"""The same development documents saved again in the forms users bring them in, read against the originals.

    python scripts/robustness.py [--variant crlf --variant docx ...] [--limit N]

Each .txt document of the development split (corpora/real/MANIFEST.tsv) is re-encoded or re-saved: line ends
CRLF or CR, GBK, full-width or ASCII punctuation, a blank line after every line or none, indented paragraphs,
a DOCX with one paragraph a line, an HTML page with one <p> a line, and (`--variant pdf`, with LibreOffice
installed) that DOCX printed to PDF, indented and justified as offices print. What docparse reads from each copy is
compared with what it reads from the original: title, issuer, date, 文种, regions with their stance,
deadlines, figures, task leads and the number of problems. A field that changes names a reader or a rule that
depends on the form rather than the words. Test- and holdout-split documents are never read.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docparse

REAL = ROOT / "corpora" / "real"


def docx_bytes(text: str, indent: bool = False) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph(line)
        if indent:  # as offices print: two characters' first-line indent, justified
            paragraph.paragraph_format.first_line_indent = Pt(24)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def printed_pdfs(paths: list[Path], texts: dict[Path, str], folder: Path) -> dict[Path, bytes]:
    """Each text printed to PDF by LibreOffice, in one run for all of them."""
    for path in paths:
        (folder / f"{path.stem}.docx").write_bytes(docx_bytes(texts[path], indent=True))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *sorted(map(str, folder.glob("*.docx")))],
        check=True, capture_output=True, timeout=3600,
    )
    return {p: (folder / f"{p.stem}.pdf").read_bytes() for p in paths if (folder / f"{p.stem}.pdf").exists()}


def html_bytes(text: str) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
ASCII = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
VARIANTS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "crlf": (".txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "cr": (".txt", lambda t: t.replace("\n", "\r").encode("utf-8")),
    "gbk": (".txt", lambda t: t.encode("gb18030")),
    "full_width": (".txt", lambda t: t.translate(FULL_WIDTH).encode("utf-8")),
    "ascii": (".txt", lambda t: t.translate(ASCII).encode("utf-8")),
    "blank_lines": (".txt", lambda t: re.sub(r"\n+", "\n\n", t).encode("utf-8")),
    "no_blank_lines": (".txt", lambda t: re.sub(r"\n\s*\n+", "\n", t).encode("utf-8")),
    "indent": (".txt", lambda t: re.sub(r"(?m)^(?=\S)", "\u3000\u3000", t).encode("utf-8")),
    "docx": (".docx", docx_bytes),
    "html": (".html", html_bytes),
}


def what_was_read(doc: docparse.Document) -> dict[str, object]:
    meta, found = doc.meta, doc.extraction

    def value(f):
        return f.value if f is not None else None

    return {
        "title": unicodedata.normalize("NFKC", value(meta.title) or ""),  # as written, so its punctuation's width
        "issuer": value(meta.issuer),
        "date": value(meta.date),
        "doc_type": value(meta.doc_type),
        "regions": sorted((r.name, r.stance) for r in found.regions),
        "deadlines": sorted((d.date or "", d.start or "") for d in found.deadlines),
        "metrics": sorted((m.value, m.unit) for m in found.metrics),
        "leads": sorted(p.name for t in found.tasks for p in t.lead),
        "problems": len(found.problems),
    }


def development_texts() -> list[Path]:
    with (REAL / "MANIFEST.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [REAL / "docs" / r["file"] for r in rows if r["split"] == "dev" and r["file"].endswith(".txt")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", action="append", choices=[*sorted(VARIANTS), "pdf"], help="default: all but pdf")
    ap.add_argument("--limit", type=int, default=None, help="the first N documents only")
    args = ap.parse_args(argv)
    names = args.variant or list(VARIANTS)
    texts: dict[Path, str] = {}
    for path in development_texts()[: args.limit]:
        try:
            texts[path] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # a file kept in its own encoding: the gbk variant of the others covers it
    copies: dict[str, dict[Path, tuple[str, bytes]]] = {
        name: {p: (VARIANTS[name][0], VARIANTS[name][1](t)) for p, t in texts.items()} for name in names if name != "pdf"
    }
    if "pdf" in names:
        if shutil.which("soffice") is None:
            print("pdf: skipped, LibreOffice (soffice) is not installed")
        else:
            with tempfile.TemporaryDirectory() as folder:
                copies["pdf"] = {p: (".pdf", b) for p, b in printed_pdfs(list(texts), texts, Path(folder)).items()}
    changed: dict[str, dict[str, list[str]]] = {n: {} for n in copies}
    for path in texts:
        original = what_was_read(docparse.read(path))
        for name, saved in copies.items():
            if path not in saved:
                continue
            suffix, data = saved[path]
            try:
                copy = what_was_read(docparse.read(data, name=path.stem + suffix))
            except docparse.DocparseError as e:
                changed[name].setdefault("error", []).append(f"{path.name} ({e})")
                continue
            for key, was in original.items():
                if copy[key] != was:
                    changed[name].setdefault(key, []).append(path.name)
    for name, fields in changed.items():
        summary = ", ".join(f"{k} {len(v)} ({' '.join(v[:5])})" for k, v in fields.items()) or "same"
        print(f"{name}: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
