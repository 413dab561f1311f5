"""Recurring duties: gold 001 and excerpts for 旬, counts and enumerations."""

from __future__ import annotations

import docparse
from tests.helpers import seed

NOTICE = "某县安委办关于加强信息报送的通知\n\n各乡镇：\n\n{body}\n\n某县安委办\n2021年3月1日\n"


def recurrences(body: str):
    return docparse.read(NOTICE.format(body=body).encode(), name="n.txt").extraction.recurrences


def test_gold_001_reporting_duties():
    found = {(r.period, r.text) for r in docparse.read(seed("001")).extraction.recurrences}
    assert ("dekad", "每旬报送工作数据") in found
    assert ("semiannual", "每半年至少1次") in found
    assert ("monthly", "每月向市安委办报送工作进展情况") in found


def test_periods_counts_and_duties():
    found = recurrences("各乡镇每旬报送数据，每月至少开展1次检查，每季度通报一次进展，每半年召开一次分析会。")
    assert [(r.period, r.count) for r in found] == [("dekad", None), ("monthly", 1), ("quarterly", 1), ("semiannual", 1)]
    assert found[1].what == "开展检查"


def test_enumerated_same_period_items_are_one_duty():
    found = recurrences("实行“一日一调度、一日一交办、一周一通报”工作制度。")
    assert [(r.period, r.text) for r in found] == [("daily", "一日一调度、一日一交办"), ("weekly", "一周一通报")]


def test_rates_and_trends_are_not_duties():
    assert recurrences("按照每年不低于5万元的标准保障经费，事故总量每年大幅下降。") == []


def test_compact_enumeration_gives_one_duty_per_period():
    found = recurrences("实行日报告、周调度、月通报制度。")
    assert [(r.period, r.text, r.what) for r in found] == [
        ("daily", "日报告", "报告"), ("weekly", "周调度", "调度"), ("monthly", "月通报", "通报")
    ]
    assert recurrences("本周调度、下周安排。") == []


def test_dispatch_meeting_is_its_own_noun():
    found = recurrences("建立了信息报送、季调度会议、监督检查等工作机制。")
    assert [(r.period, r.text) for r in found] == [("quarterly", "季调度会议")]


def test_fortnightly_half_monthly_and_by_period_forms():
    found = recurrences("各乡镇每两周报送一次进展，实行半月一通报制度，按季度开展督查，每两个月至少开展1次联合检查。")
    assert [(r.period, r.count, r.what) for r in found] == [
        ("biweekly", 1, "报送进展"), ("semimonthly", 1, "通报"), ("quarterly", None, "开展督查"), ("bimonthly", 1, "开展联合检查")
    ]


def test_a_minimum_count_keeps_a_duty_and_inspection_items_compact():
    found = recurrences("护林员每日巡山不少于1次。推行日检查、周排查、月调度机制。")
    assert [(r.period, r.count) for r in found] == [("daily", 1), ("daily", 1), ("weekly", 1), ("monthly", 1)]


def test_a_standing_duty_named_by_its_period():
    # r611 (街道 总结), 031 (市城建委 通报), 003 (区安办 通报): a 制度 named by the period of its act
    found = recurrences("严格落实日巡查制度。市城建委根据季度检查制度的规定进行督查。按照安全隐患月排查月报送制度的规定报送。")
    assert [(r.period, r.text) for r in found] == [
        ("daily", "日巡查制度"), ("quarterly", "季度检查制度"), ("monthly", "月排查月报送制度")
    ]
    # a cue already read keeps its own item, and a one-time period is none (本月排查制度, 2020年度检查机制)
    assert [(r.period, r.text) for r in recurrences("建立每周调度制度。")] == [("weekly", "每周调度制度")]
    assert recurrences("完善本月排查制度和2020年度检查机制。") == []


def test_hours_of_service_are_no_duty():
    # r726 (国务院安委办 通知, its 注): 电话受理时间为10月9日-31日每日8:00-18:00
    assert recurrences("注：电话受理时间为10月9日-31日每日8:00-18:00。") == []
    assert [r.period for r in recurrences("每日8:00前报送值班情况。")] == ["daily"]


def test_days_listed_in_a_month_set_the_period():
    # 国土资源部 大检查 notice (069) and a 镇 平安创建 plan (r815)
    found = recurrences("每月5日、15日、25日前，各地填报统计表。汇总后每月在10日、25日前将完成情况表上报市安监局。每月25日前报送总结。")
    assert [r.period for r in found] == ["dekad", "semimonthly", "monthly"]


def test_a_web_sites_name_is_no_duty():
    # 每日甘肃网 in a dateline and a page's breadcrumb (r710, r711)
    assert recurrences("每日甘肃网7月1日讯 近日，省应急管理厅通报……\n当前位置：每日甘肃网>甘肃>甘肃播报") == []
    assert [r.period for r in recurrences("每周网上巡查一次。")] == ["weekly"]
