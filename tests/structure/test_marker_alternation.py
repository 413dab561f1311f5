"""Heading markers found by one alternation are those the marker patterns find tried one by one, in order."""

from __future__ import annotations

import csv

import pytest

from docparse.normalize import map_chars
from docparse.structure.outline import MARKERS, marker_heading
from tests.helpers import ROOT

with (ROOT / "corpora" / "real" / "MANIFEST.tsv").open(encoding="utf-8") as manifest:
    DEV = [row["file"] for row in csv.DictReader(manifest, delimiter="\t") if row["split"] == "dev"]
REAL = [ROOT / "corpora" / "real" / "docs" / name for name in DEV if name.endswith(".txt")][::10]


def first_marker_style(line: str) -> str | None:
    return next((style for style, pattern in MARKERS if pattern.match(line)), None)


@pytest.mark.parametrize(
    "line, style",
    [
        ("第一部分 总则", "part"), ("第三章 附则", "chapter"), ("一、总体要求", "cn_dun"), ("（二）工作措施", "cn_paren"),
        ("3. 加强检查", "arabic_dot"), ("（1）排查隐患", "arabic_paren"), ("①明确责任", "circled"),
        ("一是压实责任", "cn_enum"), ("第一，要提高认识", "cn_ordinal"),
    ],
)
def test_each_family_is_told_by_its_own_branch(line, style):
    assert marker_heading(line, 0).style == style


def test_a_number_is_no_marker_and_a_marker_needs_text_after_it():
    assert marker_heading("1.5%的企业未整改", 0) is None
    assert marker_heading("一、", 0) is None


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_lines_get_the_style_of_the_first_pattern_that_matches(path):
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = map_chars(line.strip())
        heading = marker_heading(text, 0)
        style = first_marker_style(text)
        assert heading is None or heading.style == style
        if style is not None and heading is None:
            assert first_marker_style(text) in ("arabic_dot", style)  # refused as a number or a bare marker
