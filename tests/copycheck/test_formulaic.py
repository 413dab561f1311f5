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
