"""Formulaic parts of a plan: what every plan of the genre says around its content.

Masking the jurisdiction makes these identical across places, so two plans that share nothing but the
genre would read as copies: the title (and the page headers that repeat it), the 关于印发《…》的通知
wrapper and the issuing notice (现将《…》印发给你们，请认真贯彻执行), the framing sentence that cites the
parent and says the plan is made (根据《…》，制定本方案), every cited title (《…》) and 文号, and the
standard outline headings (指导思想, 保障措施). They are shown in their own colour and never counted:
neither in the plan's substantive characters nor as copied. Patterns: data/formulaic.tsv.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docparse.model import Document
from docparse.resources import load_tsv

CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（﹝【]\s*\d{4}\s*[〕\]］)）﹞】]\s*第?\d{1,4}\s*号")
ISSUING_WRAPPER = re.compile(r"关于印发[\s\S]{1,80}?的?通知")
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
HEADING_END = "：:。，,；; "


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], frozenset[str]]:
    """The sentence cues as one regex, and the standard headings."""
    rows = load_tsv("formulaic.tsv")
    sentence = re.compile("|".join(f"(?:{r['pattern']})" for r in rows if r["kind"] == "sentence"))
    return sentence, frozenset(r["pattern"] for r in rows if r["kind"] == "heading")


def formulaic_ranges(doc: Document) -> list[tuple[int, int]]:
    """Normalized ranges of the formulaic parts of `doc` (see the module docstring), possibly overlapping."""
    text = doc.norm_text
    ranges = title_ranges(doc)
    ranges += [m.span() for pattern in (CITED_TITLE, DOC_NUMBER, ISSUING_WRAPPER) for m in pattern.finditer(text)]
    ranges += formula_sentences(text)
    ranges += standard_headings(doc)
    return ranges


def title_ranges(doc: Document) -> list[tuple[int, int]]:
    """The title fields and every other place the text repeats a title (running page headers)."""
    text = doc.norm_text
    fields = [doc.meta.title] + [e.title for e in doc.embedded]
    out = []
    for field in fields:
        if field is None:
            continue
        if field.span.end > field.span.start:
            out.append((doc.norm_index(field.span.start), doc.norm_index(field.span.end)))
        title = (field.value or "").strip()
        if len(title) >= 6:
            out += [m.span() for m in re.finditer(re.escape(title), text)]
    return out


def formula_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences holding an issuing or framing formula (data/formulaic.tsv, kind sentence)."""
    cue = patterns()[0]
    return [m.span() for m in SENTENCE.finditer(text) if cue.search(m.group())]


def standard_headings(doc: Document) -> list[tuple[int, int]]:
    """The headings of the outline that are standard ones (二、保障措施), marker included."""
    headings = patterns()[1]
    out = []
    for sec in doc.sections:
        start, end = doc.norm_index(sec.span.start), doc.norm_index(sec.heading_span.end)
        if sec.heading.strip().rstrip(HEADING_END) in headings:
            out.append((start, end))
    return out
