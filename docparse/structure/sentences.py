"""Sentences of the normalized text, each tied to its innermost outline section."""

from __future__ import annotations

import re

from docparse.model import Document, Sentence
from docparse.pipeline import stage

# A sentence ends at 。！？； or a line break; closing quotes stay with their sentence.
SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")


@stage("sentences", step="structure", assigns="sentences", requires=("sections",))
def split_sentences(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    bounds = sorted((doc.norm_index(s.span.start), doc.norm_index(s.span.end), s.level, s.id) for s in doc.sections)
    for m in SENTENCE.finditer(doc.norm_text):
        start, end = m.start(), m.end()
        while start < end and doc.norm_text[start] == " ":
            start += 1
        if start >= end:
            continue
        section = None
        best_level = -1
        for s_start, s_end, level, sid in bounds:
            if s_start > start:
                break
            if start < s_end and level >= best_level:
                section, best_level = sid, level
        sentences.append(Sentence(doc.source_span(start, end), start, end, section))
    return sentences
