"""Sentences of the normalized text, each tied to its innermost outline section."""

from __future__ import annotations

import re

from docparse.model import Document, Sentence, innermost_section
from docparse.pipeline import stage

# A sentence ends at 。！？； or a line break; closing quotes stay with their sentence.
SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")


@stage("sentences", step="structure", assigns="sentences", requires=("sections",))
def split_sentences(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    starts = [s.span.start for s in doc.sections]
    for m in SENTENCE.finditer(doc.norm_text):
        start, end = m.start(), m.end()
        while start < end and doc.norm_text[start] == " ":
            start += 1
        if start >= end:
            continue
        span = doc.source_span(start, end)
        sentences.append(Sentence(span, start, end, innermost_section(doc.sections, starts, span.start)))
    return sentences
