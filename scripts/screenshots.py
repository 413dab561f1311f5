"""Make the README's screenshots: the 任务清单 of the seed plan and the copy-check report of a county plan.

    python scripts/screenshots.py            # writes docs/img/tasklist.png and docs/img/copycheck.png

The task list goes the way an official's copy goes: `save_task_list` writes the .xlsx, LibreOffice
prints it to PDF (the file's own page setup: A4 landscape, repeated header), and PDFium renders page 1.
The copy-check report is the HTML page `docparse copycheck --format html` writes, as headless Chromium
shows it in a 1400×1000 window. Needs LibreOffice (soffice), Chromium and a CJK font; says which is
missing and exits with status 1 otherwise. Rerun it after the task list's or the report's layout changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
SEED_PLAN = ROOT / "corpora/seeds/001_610804f520c3391b.txt"
COUNTY_PLAN = ROOT / "corpora/own/docs/sc_xuanhan_2024_plan.txt"
# the references scripts/readme_outputs.py checks the county plan against: the city plan and the held-out plans
REFERENCES = [SEED_PLAN, *sorted((ROOT / "corpora/heldout/docs").glob("*.txt"))]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
OFFICE = ("soffice", "libreoffice")
TASKLIST_WIDTH = 1400  # px: readable on GitHub at its full width
MAX_BYTES = 300_000


def missing_tools() -> tuple[str | None, str | None, list[str]]:
    """LibreOffice, Chromium, and what is missing in words."""
    office = next((p for p in map(shutil.which, OFFICE) if p), None)
    browser = next((p for p in map(shutil.which, BROWSERS) if p), None)
    missing = []
    if office is None:
        missing.append("LibreOffice (soffice) to print the task list to PDF: apt-get install libreoffice-calc")
    if browser is None:
        missing.append("Chromium to screenshot the report: apt-get install chromium")
    sys.path.insert(0, str(ROOT))
    from tests.helpers import cjk_font_missing

    font = cjk_font_missing()
    if font:
        missing.append(f"a CJK font, or the screenshots show empty boxes: {font}")
    return office, browser, missing


def run(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if done.returncode:
        sys.exit(f"screenshots: {what} failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-500:]}")


def save_png(image, path: Path) -> None:
    """Write `image`, as a 256-colour palette PNG if the full-colour one is over MAX_BYTES."""
    from PIL import Image

    image = image.convert("RGB")
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
    print(f"wrote {path.relative_to(ROOT)} ({image.width}×{image.height}, {path.stat().st_size // 1024} KB)")


def tasklist_png(office: str, work: Path) -> None:
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    import docparse
    from docparse.export.excel import save_task_list

    xlsx = work / "tasklist.xlsx"
    save_task_list(docparse.read(SEED_PLAN), xlsx)
    profile = (work / "lo-profile").as_uri()  # its own profile: a LibreOffice already open does not take the job
    run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(xlsx)],
        "LibreOffice --convert-to pdf")  # fmt: skip
    pdf = pdfium.PdfDocument(work / "tasklist.pdf")
    image = pdf[0].render(scale=3).to_pil().convert("RGB")
    pdf.close()
    # crop the page's white margins, keep a little of them
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box:
        pad = 24
        image = image.crop((max(box[0] - pad, 0), max(box[1] - pad, 0), min(box[2] + pad, image.width),
                            min(box[3] + pad, image.height)))  # fmt: skip
    if image.width > TASKLIST_WIDTH:
        image = image.resize((TASKLIST_WIDTH, round(image.height * TASKLIST_WIDTH / image.width)), Image.Resampling.LANCZOS)
    save_png(image, OUT / "tasklist.png")


def copycheck_png(browser: str, work: Path) -> None:
    from PIL import Image

    import docparse

    page = work / "copycheck.html"
    docparse.copycheck(COUNTY_PLAN, REFERENCES).save_html(str(page))
    shot = work / "copycheck.png"
    run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={work / 'chromium'}",
         "--window-size=1400,1000", f"--screenshot={shot}", page.as_uri()], "Chromium --screenshot")  # fmt: skip
    save_png(Image.open(shot), OUT / "copycheck.png")


def main() -> None:
    office, browser, missing = missing_tools()
    if missing:
        sys.exit("screenshots: cannot make the screenshots; missing:\n  " + "\n  ".join(missing))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tasklist_png(office, Path(tmp))
        copycheck_png(browser, Path(tmp))


if __name__ == "__main__":
    main()
