"""Sentences of the normalized text, each tied to its innermost outline section."""

from __future__ import annotations

import re

from docparse.model import Document, Sentence, innermost_section
from docparse.pipeline import stage

# A sentence ends at 。！？； or a line break; closing quotes stay with their sentence.
SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")


def sentence_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence; a ； inside brackets (（牵头单位：市应急局；责任单位：市工信局）) ends none."""
    ranges: list[tuple[int, int]] = []
    depth = 0  # brackets left open by the sentence being built
    for m in SENTENCE.finditer(text):
        piece = m.group()
        same_line = bool(ranges) and "\n" not in text[ranges[-1][1] : m.start()]
        if depth > 0 and same_line and text[ranges[-1][1] - 1] == "；":
            ranges[-1] = (ranges[-1][0], m.end())
        else:
            ranges.append((m.start(), m.end()))
            depth = 0
        depth = max(0, depth + piece.count("（") + piece.count("(") - piece.count("）") - piece.count(")"))
    return ranges


@stage("sentences", step="structure", assigns="sentences", requires=("sections",))
def split_sentences(doc: Document) -> list[Sentence]:
    sentences: list[Sentence] = []
    starts = [s.span.start for s in doc.sections]
    for start, end in sentence_ranges(doc.norm_text):
        while start < end and doc.norm_text[start] == " ":
            start += 1
        if start >= end:
            continue
        span = doc.source_span(start, end)
        sentences.append(Sentence(span, start, end, innermost_section(doc.sections, starts, span.start)))
    return sentences
