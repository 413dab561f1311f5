"""The year a document states it is of, which both the deadline reader (a date written without its year)
and the consistency checks (a plan's date in a year before the document's own) read."""

from __future__ import annotations

import re

from docparse.model import Document
from docparse.pipeline import stage

YEAR = re.compile(r"(?:19|20)\d{2}")
# 2025年度 in a title names the year under review, and the document comes after it
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!度)")


@stage("stated_year", step="analyse", assigns="analysis.stated_year", requires=("meta",))
def stated_year(doc: Document) -> int | None:
    """The year of the document's date, else of its 文号 (国土资电发〔2017〕27号), else the year its title names
    (关于开展2009年“安全生产月”活动的通知)."""
    meta = doc.meta
    if meta.date is not None and str(meta.date.value)[:4].isdigit():
        return int(str(meta.date.value)[:4])
    number = YEAR.search(str(meta.doc_number.value)) if meta.doc_number is not None and meta.doc_number.value else None
    if number:
        return int(number.group())
    title = TITLE_YEAR.search(str(meta.title.value)) if meta.title is not None else None
    return int(title.group(1)) if title else None
