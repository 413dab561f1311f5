"""The per-line scans of normalization, done in fewer passes, decide as the plain per-line definitions do."""

from __future__ import annotations

import re

import pytest

from docparse.normalize import (
    Line, char_table, classify_noise, map_chars, noise_patterns, spam_words, spam_words_in, split_lines,
)
from tests.helpers import ROOT

REAL = sorted((ROOT / "corpora" / "real" / "docs").glob("r1*.txt"))[:40]
COMMA_COLON = re.compile(r"(?<!\d)[,:]|[,:](?!\d)")


def mapped_by_table(line: str) -> str:
    """The policy as first written: translate every character, then commas and colons not between digits."""
    out = line.translate(char_table())
    return COMMA_COLON.sub(lambda m: "，" if m.group() == "," else "：", out)


def test_map_chars_maps_every_character_as_the_table_does():
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        for text in (ch, f"1{ch}2", f"{ch}{ch}，"):
            assert map_chars(text) == mapped_by_table(text), hex(code)


def noise_reason_one_by_one(line: Line, fmt: str) -> str | None:
    lowered = line.text.lower()
    if sum(1 for w in spam_words() if w in lowered) >= 2:
        return "spam"
    for pat in noise_patterns():
        if ("all" in pat.formats or fmt in pat.formats) and pat.regex.match(line.text):
            return pat.reason
    return None


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_noise_is_classified_as_pattern_by_pattern_on_real_pages(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = split_lines(text, set())
    spam = spam_words_in(lines)
    for line in filter(None, lines):
        assert map_chars(text[line.start : line.end]) == mapped_by_table(text[line.start : line.end])
        for fmt in ("txt", "pdf", "docx", "html"):
            assert classify_noise(line, fmt, spam) == noise_reason_one_by_one(line, fmt)


def test_spam_lines_and_page_numbers_are_told_by_the_joined_patterns():
    words = [w for w in spam_words() if len(w) > 1][:2]
    lines = [Line(0, 10, "".join(words) + "最新", False, False), Line(11, 14, "- 3 -", False, False), None]
    spam = spam_words_in(lines)
    assert classify_noise(lines[0], "txt", spam) == "spam"
    assert classify_noise(lines[1], "txt", spam) == "page_number"
    assert classify_noise(Line(0, 2, "12", False, False), "pdf", spam) == "page_number"
    assert classify_noise(Line(0, 2, "12", False, False), "txt", spam) is None
