"""Consistency checks: the rate mismatch of gold 002, excerpts of each kind, and no false alarms."""

from __future__ import annotations

import docparse
from tests.helpers import seed

REPORT = "某县安委办关于安全生产工作情况的通报\n\n各乡镇：\n\n{body}\n\n某县安委办\n2021年12月1日\n"


def checks(body: str):
    return docparse.read(REPORT.format(body=body).encode(), name="r.txt").extraction.checks


def test_gold_002_rate_mismatch():
    found = docparse.read(seed("002")).extraction.checks
    assert [(c.kind, c.stated, c.computed) for c in found] == [("rate_mismatch", 87.0, 88.67)]
    assert "整改率87%" in found[0].text


def test_consistent_documents_raise_no_alarm():
    # 004 states three rates that agree with its counts (26.7万 of 27.6万 is 96.7%), one of them with 4万余.
    for prefix in ("000", "001", "003", "004"):
        assert docparse.read(seed(prefix)).extraction.checks == []


def test_rate_mismatch_in_an_excerpt():
    found = checks("共检查企业126家，发现问题隐患418项，已督促整改352项，整改率为86.2%。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("rate_mismatch", 86.2, 84.21)]


def test_rounded_counts_allow_a_rounded_rate():
    assert checks("发现隐患3.56万项，已整改3.49万项，整改率98%。") == []


def test_parts_exceeding_the_total():
    found = checks("全年共发生事故12起，其中道路交通事故8起、火灾事故6起。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("sum_mismatch", 12.0, 14.0)]


def test_change_against_the_prior_value():
    found = checks("全年共发生事故30起，去年同期40起，同比下降20%。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("change_mismatch", 20.0, 25.0)]
    assert checks("全年共发生事故30起，去年同期40起，同比下降25%。") == []


def test_gold_004_has_no_inconsistency():
    assert docparse.read(seed("004")).extraction.checks == []


def test_rate_against_counts_of_the_sentence_before():
    found = checks("全县共排查隐患1200项。截至目前已整改1000项，整改率90%。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("rate_mismatch", 90.0, 83.33)]
    assert checks("全县共排查隐患1200项。截至目前已整改1000项，整改率83.3%。") == []


def test_rate_cut_off_at_its_last_digit_is_no_alarm():
    # 4531 of 5110 is 88.67%: written 88.7% (rounded) or 88.6% (cut off), both are what the counts say
    assert checks("发现问题隐患5110项，已整改4531项，整改率88.6%。") == []
    assert checks("发现问题隐患5110项，已整改4531项，整改率88.7%。") == []


def test_changes_paired_with_their_prior_values_in_order():
    body = "全年发生事故25起、死亡30人，较上年的31起、35人分别下降25%和14.3%。"
    assert [(c.kind, c.stated, c.computed) for c in checks(body)] == [("change_mismatch", 25.0, 19.35)]
    assert checks("全年发生事故25起、死亡30人，较上年的31起、35人分别下降19.4%和14.3%。") == []


def test_exact_counts_leave_no_rounding_room():
    # 12 against 16 is a fall of 25%; whole counts are exact, so 20% is wrong
    found = checks("本月发生事故12起，上年同期为16起，同比下降20%。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("change_mismatch", 20.0, 25.0)]


def test_a_rate_is_taken_of_the_total_not_of_the_sub_count_after_qi_zhong():
    text = (
        "某市安委办关于燃气安全暗访情况的通报\n\n共暗访场所148家，发现问题隐患586项，其中重大事故隐患7项。"
        "截至10月10日，已整改473项，整改率85.6%。\n"
    )
    found = docparse.read(text.encode(), name="t.txt").extraction.checks
    assert [(c.kind, round(c.computed, 1)) for c in found] == [("rate_mismatch", 80.7)]


def test_a_change_against_the_count_and_the_difference_before_it():
    # a provincial 通报 (r713 of corpora/real): 116 after 45 fewer is 45 of 161, 27.95%, not the 27.43% stated;
    # the deaths (22 of 109, 20.18%) and the breakdown in brackets raise nothing
    found = checks(
        "全省共发生各类生产经营性事故116起，死亡87人；同比，事故起数减少45起，下降27.43%；死亡人数减少22人，下降20.18%。"
        "全省共发生较大事故6起，死亡22人（道路交通5起，死亡19人；工矿商贸1起，死亡3人）；同比，较大事故起数减少2起，下降25.00%。"
    )
    assert [(c.kind, c.stated, c.computed) for c in found] == [("change_mismatch", 27.43, 27.95)]
    assert checks("全市发生生产安全事故136起，同比增加4起，上升3.0%。") == []


def test_more_hazards_rectified_than_found():
    # a county's campaign report (r859): 70 rectified of 32 found; equal counts are no alarm
    found = checks("非煤矿山方面：检查企业8家，发现一般隐患32条、已整改隐患70条。特种设备方面：查出一般隐患3条，已整改3条。")
    assert [(c.kind, c.stated, c.computed) for c in found] == [("part_exceeds_whole", 70, 32)]


def test_a_headings_count_against_the_list_under_it():
    # a county's assessment rules (r361): 一类单位（15个） over a list of ten
    doc = docparse.read(
        "某县安全生产责任制目标考核办法\n一、考核责任单位\n（一）一类单位（4个）\n安监局、公安局、住建局。\n"
        "（二）二类单位（2个）\n环保局、发改局。\n".encode(),
        name="r.txt",
    )
    assert [(c.kind, c.stated, c.computed) for c in doc.extraction.checks] == [("count_mismatch", 4, 3)]


def test_a_plan_that_keeps_last_years_dates():
    # a provincial notice (r359 of corpora/real): the 2009 安全生产月 run from 2008年6月1日至30日
    notice = "关于开展2009年“安全生产月”活动的通知\n各市安委办：\n全省“安全生产月”活动时间为{}。\n"
    stale = docparse.read(notice.format("2008年6月1日至30日").encode(), name="r.txt").extraction.checks
    assert [(c.kind, c.text, c.stated, c.computed) for c in stale] == [("date_mismatch", "2008年6月1日至30日", 2008, 2009)]
    assert docparse.read(notice.format("2009年6月1日至30日").encode(), name="r.txt").extraction.checks == []


def test_the_year_a_document_states_is_its_date_number_or_title_never_a_year_under_review():
    def year(text: str) -> int | None:
        return docparse.read(text.encode(), name="r.txt").analysis.stated_year

    assert year("关于开展2009年“安全生产月”活动的通知\n各市安委办：\n请认真组织。\n") == 2009
    review = "关于2025年度安全生产考核结果的通报\n{}各市人民政府：\n现将结果通报如下。\n"
    assert year(review.format("青安委〔2026〕3号\n")) == 2026
    assert year(review.format("")) is None
