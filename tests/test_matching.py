"""The shared matchers: a pattern scanned from its possible first characters finds what `finditer` finds."""

from __future__ import annotations

import re

import pytest

from ahocorasick_rs import AhoCorasick, MatchKind

from docparse.analyse.departments import generic_patterns
from docparse.analyse.gazetteer import gazetteer
from docparse.extract.deadlines import EXPRESSION, EXPRESSION_SCAN
from docparse import matching
from docparse.matching import FirstCharScan, LookupScan, TermMatcher, first_chars
from tests.helpers import ROOT

REAL = sorted((ROOT / "corpora" / "real" / "docs").glob("r1*.txt"))[:40]


def test_first_characters_of_optional_words_branches_and_repeats():
    parsed = re._parser.parse("(?:个别|部分)?(?:县区|乡镇)+政府")
    assert first_chars(parsed) == ({"个", "部", "县", "乡"}, False)
    assert first_chars(re._parser.parse("(?:各)?")) == ({"各"}, True)
    assert first_chars(re._parser.parse(r"\d+起")) == ({r"\d"}, False)
    assert first_chars(re._parser.parse(r"(?<![\d第])[0-9一二]年")) == ({"0-9", "一", "二"}, False)
    assert first_chars(re._parser.parse(r"[^a]b"))[0] is None  # a negated class it cannot list


def test_a_pattern_that_cannot_be_listed_is_scanned_as_before():
    scan = FirstCharScan(re.compile(r"(?:各)?.+"))
    assert scan.starts is None
    assert [m.group() for m in scan.finditer("各地 企业\n乡镇")] == ["各地 企业", "乡镇"]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_generic_parties_pattern_finds_the_same_on_real_pages(path):
    scan = generic_patterns()[0]
    assert scan.starts is not None
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_date_grammar_finds_the_same_on_real_pages(path):
    scan = EXPRESSION_SCAN
    assert scan.starts is not None
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in EXPRESSION.finditer(text)]


def test_a_case_folding_pattern_is_scanned_as_before():
    assert FirstCharScan(re.compile("(?:x)?abc", re.IGNORECASE)).starts is None


def automaton_matches(terms: list[str], text: str) -> list[tuple[int, int, int]]:
    return AhoCorasick(terms, matchkind=MatchKind.LeftmostLongest).find_matches_as_indexes(text)


def test_the_lookup_scan_takes_the_leftmost_then_the_longest_term():
    terms = ["安", "安全", "全生产", "安全生产检查", "生产", "检"]
    for text in ("安全生产检查", "安全生产", "全生产安", "", "x安全生产检x", "安安全"):
        assert LookupScan(terms).longest_matches(text) == automaton_matches(terms, text), text


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_lookup_scan_finds_what_the_automaton_finds_on_real_pages(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    for matcher in (gazetteer().trusted, gazetteer().bare):
        assert LookupScan(matcher.terms).longest_matches(text) == automaton_matches(matcher.terms, text)


def test_a_matcher_builds_its_automaton_once_lookups_would_cost_more(monkeypatch):
    monkeypatch.setattr(matching, "LOOKUP_CHARS_PER_TERM", 4)
    matcher = TermMatcher({"安全": 1, "安全生产": 2, "检查": 3})
    text = "开展安全生产大检查"
    expected = [(2, 6, 2), (7, 9, 3)]
    assert matcher.longest(text) == expected  # by look-ups: 9 characters of the 12 three terms pay for
    assert matcher._longest is None
    assert matcher.longest(text) == expected  # 18 characters: the automaton is built
    assert matcher._longest is not None and matcher._lookup is None
