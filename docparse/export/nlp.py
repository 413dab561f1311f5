"""Views of a document for NLP toolkits: a spaCy `Doc` with docparse's items as entities and span
groups (for displaCy, Matcher rules, or a researcher's own pipeline), and jieba words whose
dictionary knows docparse's lexicons, so 市应急管理局 or 西双版纳州 stay one word.

Both index the source text, like every span in docparse. spaCy's blank Chinese pipeline segments
by character, so any docparse span aligns with its tokens; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docparse.model import Document, Span
from docparse.resources import load_tsv

# Entity labels: item kind -> label (entities may not overlap; earlier kinds win).
ENTITY_LABELS = {
    "entities_criticized": "ORG_CRITICIZED",
    "departments": "ORG",
    "regions": "GPE",
    "deadlines": "DATE",
    "metrics": "QUANTITY",
}
# Longer items that may overlap each other go to span groups.
SPAN_GROUPS = ("tasks", "problems", "recurrences", "checks")


@lru_cache(maxsize=1)
def blank_chinese():
    import spacy

    return spacy.blank("zh")  # the character segmenter: no model, no download


def item_spans(doc: Document, kind: str) -> list[Span]:
    spans = []
    for item in getattr(doc.extraction, kind):
        mentions = getattr(item, "mentions", None)
        spans.extend(m.span for m in mentions) if mentions else spans.append(item.span)
    return spans


def to_spacy(doc: Document):
    """A spaCy `Doc` of the source text: `ents` from departments, regions, deadlines, metrics and
    criticized entities; `spans["tasks"]`, `spans["problems"]`… for the longer, overlapping items."""
    from spacy.util import filter_spans

    sdoc = blank_chinese()(doc.text)
    ents = []
    for kind, label in ENTITY_LABELS.items():
        for span in item_spans(doc, kind):
            ent = sdoc.char_span(span.start, span.end, label=label, alignment_mode="expand")
            if ent is not None:
                ents.append(ent)
    sdoc.ents = filter_spans(ents)
    for kind in SPAN_GROUPS:
        group = [sdoc.char_span(s.start, s.end, label=kind, alignment_mode="expand") for s in item_spans(doc, kind)]
        sdoc.spans[kind] = [g for g in group if g is not None]
    return sdoc


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as written
    span: Span


@lru_cache(maxsize=1)
def lexicon_tokenizer():
    """A private jieba tokenizer (the global one is shared process state) that knows the lexicons."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-building chatter would reach the CLI's stderr
    tokenizer = jieba.Tokenizer()
    for row in load_tsv("departments.tsv"):
        tokenizer.add_word(row["name"], freq=2000)
    for row in load_tsv("department_aliases.tsv"):
        tokenizer.add_word(row["alias"], freq=2000)
    for row in load_tsv("regions.tsv"):
        if row["level"] != "township":
            tokenizer.add_word(row["name"], freq=2000)
    return tokenizer


def words(doc: Document) -> list[Word]:
    """jieba words of the normalized text, each with its source span; whitespace is skipped."""
    out = []
    for text, start, end in lexicon_tokenizer().tokenize(doc.norm_text):
        if text.strip():
            span = doc.source_span(start, end)
            out.append(Word(doc.text_of(span), span))
    return out
