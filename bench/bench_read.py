"""Stage 1 speed: PDF text extraction by engine (pages/s), the PDF/DOCX readers, .txt read+normalize.

    python bench/bench_read.py [--pages 60] [--repeat 3]

Prints numbers and asserts nothing. The PDF is generated (tests/docgen.py: A4 公文 layout, 16 pt
宋体 STSong-Light, 28 characters x 22 lines a page, "— N —" footers) from the seed texts repeated
to `--pages` pages; each timing is the median of `--repeat` runs in this one process.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docgen import TASK_TABLE, make_docx, make_pdf  # noqa: E402


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seed_text(min_chars: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt"))]
    out, i = [], 0
    while sum(map(len, out)) < min_chars:
        out.append(texts[i % len(texts)])
        i += 1
    return "\n".join(out)


def pdfium_text(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return n


def plumber_text(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def plumber_tables(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.find_tables()
            page.close()
        return len(pdf.pages)


def office_pdf(docx_path: Path, tmp: Path) -> bytes | None:
    """The DOCX exported to PDF by LibreOffice (embedded font subsets, as Word/WPS exports), if installed."""
    import shutil
    import subprocess

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        return None
    subprocess.run(
        [exe, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp), str(docx_path)],
        capture_output=True, timeout=300,
    )
    out = docx_path.with_suffix(".pdf")
    return out.read_bytes() if out.exists() else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from docparse.pipeline import make_document
    from docparse.read import read_raw

    # about 600 characters a page
    text = seed_text(args.pages * 600)
    tmp = Path(tempfile.mkdtemp(prefix="bench-read-"))
    pdf_path = make_pdf(text, tmp / "bench.pdf")
    data = pdf_path.read_bytes()
    pages = pdfium_text(data)
    table_text = "\n".join(
        ["为做好安全生产工作，现将重点任务分工如下："] + ["\t".join(r) for r in TASK_TABLE * 4] + ["请认真落实。"]
    )
    table_pdf = make_pdf((table_text + "\n") * 6, tmp / "tables.pdf").read_bytes()
    table_pages = pdfium_text(table_pdf)
    print(f"generated PDF: {pages} pages, {len(data) / 1e3:.0f} kB; table PDF: {table_pages} pages")
    office = office_pdf(make_docx(text, tmp / "office.docx"), tmp)
    inputs = [("reportlab, CID font not embedded", data, pages)]
    if office is not None:
        inputs.append(("LibreOffice export, fonts embedded", office, pdfium_text(office)))

    for label, pdf_bytes, n in inputs:
        print(f"\nPDF text extraction, {label} ({n} pages)")
        for name, fn in (("pypdfium2 get_text_range", pdfium_text), ("pdfplumber extract_text", plumber_text),
                         ("pdfplumber find_tables", plumber_tables)):
            t = median_time(lambda fn=fn: fn(pdf_bytes), args.repeat)
            print(f"  {name:<28} {n / t:8.1f} pages/s   ({t:.3f} s)")
        t = median_time(lambda: read_raw(pdf_bytes, name="bench.pdf"), args.repeat)
        print(f"  {'docparse read_raw':<28} {n / t:8.1f} pages/s   ({t:.3f} s)")

    print("\ndocparse readers")
    t = median_time(lambda: read_raw(table_pdf, name="tables.pdf"), args.repeat)
    print(f"  {'read_raw pdf (ruled tables)':<28} {table_pages / t:8.1f} pages/s   ({t:.3f} s)")
    t = median_time(lambda: make_document(read_raw(data, name="bench.pdf")), args.repeat)
    print(f"  {'read_raw + normalize pdf':<28} {pages / t:8.1f} pages/s   ({t:.3f} s)")
    docx_data = make_docx(text, tmp / "bench.docx", task_table=TASK_TABLE).read_bytes()
    t = median_time(lambda: read_raw(docx_data, name="bench.docx"), args.repeat)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"  {'read_raw docx':<28} {mb / t:8.2f} MB/s of text ({t:.3f} s, {len(docx_data) / 1e3:.0f} kB file)")

    print("\nplain text")
    big = seed_text(1_000_000).encode("utf-8")
    t_read = median_time(lambda: read_raw(big, name="big.txt"), args.repeat)
    t_norm = median_time(lambda: make_document(read_raw(big, name="big.txt")), args.repeat)
    print(f"  {'read_raw txt':<28} {len(big) / 1e6 / t_read:8.2f} MB/s   ({len(big) / 1e6:.2f} MB, {t_read:.3f} s)")
    print(f"  {'read_raw + normalize txt':<28} {len(big) / 1e6 / t_norm:8.2f} MB/s   ({t_norm:.3f} s)")
    gb = seed_text(1_000_000).encode("gb18030")
    t = median_time(lambda: read_raw(gb, name="big_gb.txt"), args.repeat)
    print(f"  {'read_raw txt (GB18030)':<28} {len(gb) / 1e6 / t:8.2f} MB/s")


if __name__ == "__main__":
    main()
