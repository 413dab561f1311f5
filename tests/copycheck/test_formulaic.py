"""Formulaic parts (title, 印发 notice, cited titles and 文号, standard headings) are shown and never counted,
on real plans of bench/copycheck_real (labelled there by reading)."""

from __future__ import annotations

import docparse
from docparse.copycheck import copycheck
from docparse.copycheck.boilerplate import common_phrases
from docparse.copycheck.check import CopyCheckSettings, prepare
from docparse.copycheck.formulaic import formulaic_ranges
from docparse.copycheck.report import COPIED

from .conftest import ROOT

REAL = ROOT / "bench/copycheck_real/docs"


def covered(doc, ranges, phrase: str) -> bool:
    at = doc.norm_text.index(phrase)
    return any(s <= at and at + len(phrase) <= e for s, e in ranges)


def test_notice_citations_numbers_and_standard_headings_are_formulaic():
    doc = docparse.read(REAL / "sw_province_anhui.txt", steps=("structure",))
    ranges = formulaic_ranges(doc)
    for phrase in ("现将《安徽省“十四五”安全生产规划》印发你们，请认真贯彻执行。", "皖安〔2022〕4号",
                   "《安徽省“十四五”应急管理体系和能力建设规划》", "制定本规划", "一、现状与形势"):  # fmt: skip
        assert covered(doc, ranges, phrase), phrase
    assert not covered(doc, ranges, "坚守发展绝不能以牺牲安全为代价这条红线")


def test_independent_plans_sharing_the_genre_formulas_are_not_copies():
    # the national 十四五 plan against 安徽's (written separately): the notices, the cited 纲要 and the
    # framing sentence are the same wording once the jurisdiction is masked
    report = copycheck(REAL / "sw_province_anhui.txt", [REAL / "sw_national.txt"])
    assert report.account.formulaic_chars > 100
    assert any(p.kind == "formulaic" for r in report.results for p in r.passages)
    assert report.score < 0.2  # 0.75 when the formulas counted


def test_a_county_that_copied_its_province_is_still_a_copy():
    report = copycheck(REAL / "aqgc_yn_shiping.txt", [REAL / "aqgc_province_yunnan.txt"])
    assert report.verdict == COPIED
    assert report.account.formulaic_chars > 0
    assert report.account.chars == (
        report.account.metadata_chars + report.account.formulaic_chars + report.account.boilerplate_chars
        + report.account.substantive_chars
    )  # fmt: skip


def test_boilerplate_is_phrasing_shared_across_campaigns_not_a_parent_text():
    k = CopyCheckSettings().align.k
    texts = [prepare(docparse.read(REAL / name, steps=("structure",)), k) for name in (
        "aqgc_province_yunnan.txt", "aqgc_yn_shiping.txt", "aqgc_yn_eshan.txt", "aqgc_yn_nanhua.txt",
    )]  # fmt: skip
    by_document = common_phrases(texts, k, min_documents=3)
    by_campaign = common_phrases(texts, k, min_documents=3, groups=["安全工程三年行动"] * len(texts))
    assert by_document, "the three counties repeat the province's text: by document count it is 'boilerplate'"
    assert by_campaign == []


def test_only_the_framing_clauses_of_a_preamble_are_formulaic():
    # 安徽's 治本攻坚 preamble: one sentence that ends 结合安徽实际，制定本实施方案 and carries the national
    # plan's aims on the way; the aims are the plan's content (and what a descendant copies)
    doc = docparse.read(REAL / "zbgj_province_anhui.txt", steps=("structure",))
    ranges = formulaic_ranges(doc)
    assert covered(doc, ranges, "结合安徽实际，") and covered(doc, ranges, "制定本实施方案。")
    assert not covered(doc, ranges, "进一步夯实安全生产工作基础，从根本上消除事故隐患")
    report = copycheck(REAL / "zbgj_sc_guangyuan.txt", [REAL / "zbgj_national.txt"])
    assert any("进一步夯实安全生产工作基础" in p.checked_text for p in report.results[0].passages if p.kind == COPIED)


def test_a_standard_heading_after_its_marker_is_formulaic_where_the_outline_was_not_read():
    doc = docparse.read(REAL / "sw_national.txt", steps=("structure",))
    assert not any(s.heading.startswith("现状与形势") for s in doc.sections)  # the portal page's outline
    assert covered(doc, formulaic_ranges(doc), "一、现状与形势")


def test_a_formula_with_a_few_shared_words_around_it_is_no_copy():
    # national and 山东 十四五 plans, written separately: 制定本规划。一、现状与形势 … 以习近平同志为核心的党中央
    report = copycheck(REAL / "sw_national.txt", [REAL / "sw_province_shandong.txt"])
    assert report.score == 0  # 0.37 when the formula and its neighbours counted
    assert not [p for p in report.results[0].passages if p.kind == COPIED]
