"""Formulaic parts of a plan: what every plan of the genre says around its content.

Masking the jurisdiction makes these identical across places, so two plans that share nothing but the
genre would read as copies: the title (and the page headers that repeat it), the 关于印发《…》的通知
wrapper and the issuing notice (现将《…》印发给你们，请认真贯彻执行), the clauses of the framing sentence
that cite the parent and say the plan is made (根据《…》，制定本方案: not its 为… purpose clauses, which a
descendant often takes from its parent), every cited title (《…》) and 文号, and the
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
CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
HEADING_END = "：:。，,；; "
NUMERAL = "一二三四五六七八九十"
OUTLINE_MARKER = rf"(?:[{NUMERAL}]{{1,3}}[、.．]|[（(][{NUMERAL}]{{1,3}}[）)]|\d{{1,2}}[.．、]|第[{NUMERAL}]{{1,3}}[章部分节]\s*)"


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """The sentence cues and the clause cues, each as one regex, and the standard headings."""
    rows = load_tsv("formulaic.tsv")
    sentence, clause = (
        re.compile("|".join(f"(?:{r['pattern']})" for r in rows if r["kind"] == kind))
        for kind in ("sentence", "clause")
    )
    return sentence, clause, frozenset(r["pattern"] for r in rows if r["kind"] == "heading")


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
    """Sentences holding an issuing formula (data/formulaic.tsv, kind sentence), and, in sentences holding a
    framing formula (kind clause), the clause holding it and the clauses citing a document (根据《…》)."""
    sentence_cue, clause_cue = patterns()[:2]
    out = []
    for m in SENTENCE.finditer(text):
        if sentence_cue.search(m.group()):
            out.append(m.span())
        elif clause_cue.search(m.group()):
            out += formula_clauses(m.group(), m.start(), clause_cue)
    return out


def formula_clauses(sentence: str, offset: int, cue: re.Pattern[str]) -> list[tuple[int, int]]:
    """The clauses of a framing sentence that hold a framing formula or cite a document, as text ranges."""
    cues = [m.span() for m in cue.finditer(sentence)]
    out = []
    for c in CLAUSE.finditer(sentence):
        holds_cue = any(s < c.end() and c.start() < e for s, e in cues)
        if holds_cue or "《" in c.group():
            out.append((offset + c.start(), offset + c.end()))
    return out


def standard_headings(doc: Document) -> list[tuple[int, int]]:
    """The headings of the outline that are standard ones (二、保障措施), marker included: those of the
    document's outline, and those written after an outline marker where the outline was not read (a page
    flattened into one line, a heading run into its first paragraph)."""
    headings = patterns()[2]
    out = []
    for sec in doc.sections:
        start, end = doc.norm_index(sec.span.start), doc.norm_index(sec.heading_span.end)
        if sec.heading.strip().rstrip(HEADING_END) in headings:
            out.append((start, end))
    out += [m.span() for m in marked_heading_pattern(headings).finditer(doc.norm_text)]
    return out


@lru_cache(maxsize=1)
def marked_heading_pattern(headings: frozenset[str]) -> re.Pattern[str]:
    """A standard heading right after an outline marker (一、 （二） 3.), ending at punctuation, a space or
    the line end: the marker is what makes 工作目标 a heading and not a phrase of a sentence."""
    names = "|".join(sorted(map(re.escape, headings), key=len, reverse=True))
    return re.compile(rf"{OUTLINE_MARKER}\s*(?:{names})(?=[{re.escape(HEADING_END)}\n]|$)", re.MULTILINE)
