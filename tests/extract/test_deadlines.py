"""Deadlines: gold 001 and the own corpus's plan, and short excerpts for the grammar's harder cases."""

from __future__ import annotations

import pytest

import docparse
from docparse.analyse.numerals import chinese_integer
from docparse.eval import deadline_matches
from tests.helpers import gold, seed

# A county notice dated 2021: implicit years come from its date.
NOTICE_2021 = """某县安全生产委员会办公室关于开展汛期安全检查的通知

各乡镇人民政府：

{body}

某县安全生产委员会办公室
2021年3月1日
"""


def read_notice(body: str) -> docparse.Document:
    return docparse.read(NOTICE_2021.format(body=body).encode(), name="notice.txt")


def dated(doc: docparse.Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(d.date, d.start, d.end) for d in doc.extraction.deadlines]


def test_gold_001_every_deadline_found_and_nothing_else():
    doc = docparse.read(seed("001"))
    expected = gold("001")["deadlines"]
    found = doc.extraction.deadlines
    assert len(found) == len(expected)
    for g in expected:
        assert any(deadline_matches(g, d.date, d.start, d.end) for d in found), g


def test_phase_headings_keep_their_name():
    doc = docparse.read(seed("001"))
    by_what = {d.what: d for d in doc.extraction.deadlines}
    assert by_what["自查自改和督导帮扶"].date == "2023-06-30"
    assert (by_what["精准执法"].start, by_what["精准执法"].end) == ("2023-06-01", "2023-12-31")
    assert by_what["精准执法"].kind == "period"


def test_reports_without_plans_have_no_deadlines():
    # 000 and 002 are 通报: 4月8日至18日 (a past inspection) and 截止11月底 (a statistics cut-off) are no deadlines.
    for prefix in ("000", "002", "004"):
        assert docparse.read(seed(prefix)).extraction.deadlines == []


def test_interview_phases_resolve_this_year_without_a_document_date():
    doc = docparse.read(seed("003"))
    assert ("2020-05-01", "2020-05-31") in [(d.start, d.end) for d in doc.extraction.deadlines]
    assert ("2020-06-01", "2020-12-31") in [(d.start, d.end) for d in doc.extraction.deadlines]
    # the whole three-year campaign (从2020年到2022年) and the target year (到2022年…较2019年) are not deadlines
    assert all(d.end != "2022-12-31" or d.start == "2022-01-01" for d in doc.extraction.deadlines)


def test_implicit_years_come_from_the_2021_document_date():
    doc = read_notice("请各乡镇于6月底前报送自查情况，8月15前报送阶段总结。")
    assert dated(doc) == [("2021-06-30", None, None), ("2021-08-15", None, None)]
    assert all(d.year_inferred for d in doc.extraction.deadlines)
    assert doc.extraction.deadlines[0].what == "报送自查情况"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("各乡镇要在5月下旬前完成排查。", ("2021-05-31", None, None)),
        ("请于6月中旬前报送清单。", ("2021-06-20", None, None)),
        ("各乡镇于三季度末前完成整改。", ("2021-09-30", None, None)),
        ("各乡镇于年底前完成整改任务。", ("2021-12-31", None, None)),
        ("请于二〇二一年五月十日前报送方案。", ("2021-05-10", None, None)),
        ("请于明年3月底前报送总结。", ("2022-03-31", None, None)),
        ("（一）集中整治阶段（5月10日—5月20日）。", (None, "2021-05-10", "2021-05-20")),
        ("（二）巩固提升（2021年6月至12月）。", (None, "2021-06-01", "2021-12-31")),
        ("（三）督导检查（上半年）。", (None, "2021-01-01", "2021-06-30")),
        ("（四）排查整治（5月下旬）。", (None, "2021-05-21", "2021-05-31")),
        ("今年7月至9月为集中攻坚阶段。", (None, "2021-07-01", "2021-09-30")),
        # r908, r916, r921, r923, r818 of corpora/real: from the document's day, the text fixes a due date
        ("从即日起至6月30日，在全县开展专项检查。", ("2021-06-30", None, None)),
    ],
)
def test_grammar(body, expected):
    assert dated(read_notice(body)) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "到2022年，全县事故起数较2019年再下降10%。",  # target and baseline years
        "截止11月底，全县共发生事故3起。",  # statistics cut-off
        "每月25日前报送工作进展。",  # a recurring duty, not a deadline
        "2020年到2022年，全县开展专项整治三年行动。",  # a campaign's whole span
    ],
)
def test_not_deadlines(body):
    assert read_notice(body).extraction.deadlines == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # wording seen in other provinces' notices, each re-phrased here
        ("请于4月30日24时前报送。", [("2021-04-30", None, None)]),
        ("请各区县于3月10日（星期三）前报送联络员名单。", [("2021-03-10", None, None)]),
        ("请于2021.5.20前报送排查台账。", [("2021-05-20", None, None)]),
        ("自2021年4月起至12月底，在全县开展打非治违专项行动。", [(None, "2021-04-01", "2021-12-31")]),
        ("（三）巩固提升（7至9月）。", [(None, "2021-07-01", "2021-09-30")]),
        ("第一阶段（2021年4月上旬）：动员部署。", [(None, "2021-04-01", "2021-04-10")]),
        ("截至2021年6月30日前完成全部整改。", [("2021-06-30", None, None)]),
        ("截至11月30日，各乡镇要全面完成整改销号。", [("2021-11-30", None, None)]),
        ("到2021年底，重大事故隐患动态清零机制基本建立。", [("2021-12-31", None, None)]),
        ("各乡镇要在三季度完成排查。", [("2021-09-30", None, None)]),
        ("各乡镇应于4月10日、7月10日、10月10日前报送季度工作情况。",
         [("2021-04-10", None, None), ("2021-07-10", None, None), ("2021-10-10", None, None)]),
    ],
)
def test_grammar_of_other_provinces(body, expected):
    assert dated(read_notice(body)) == expected


def test_duties_and_phase_labels():
    doc = read_notice("（一）排查阶段：2021年4月1日至2021年5月31日。全面排查在2021年5月底以前完成。")
    assert [d.what for d in doc.extraction.deadlines] == ["排查阶段", "全面排查完成"]
    ranged = read_notice("自2021年4月起至12月底，在全县开展打非治违专项行动。").extraction.deadlines[0]
    assert ranged.what == "在全县开展打非治违专项行动"
    listed = read_notice("各乡镇应于4月10日、7月10日前报送季度工作情况。").extraction.deadlines
    assert {d.what for d in listed} == {"报送季度工作情况"}


def test_statistics_period_in_a_notice_is_not_a_deadline():
    # a notice may open with last year's figures: 2021年1至11月，全县共发生… is no planned period
    assert read_notice("2021年1至11月，全县共发生生产安全事故42起。").extraction.deadlines == []
    assert read_notice("到2025年，全县事故总量较2020年下降15%。").extraction.deadlines == []


def test_space_separated_table_row_names_its_task():
    # the held-out 德清 plan lays its task table out with runs of spaces, not tabs
    body = "序号    重点任务    牵头单位    完成时限\n1    城镇燃气安全专项整治    县住建局    2021年8月31日前\n"
    assert [(d.date, d.what) for d in read_notice(body).extraction.deadlines] == [("2021-08-31", "城镇燃气安全专项整治")]


def test_past_period_in_a_report_is_not_a_deadline():
    text = "某县安委办关于安全检查情况的通报\n\n各乡镇：\n\n4月8日至18日，县安委办组织3个检查组进行了督查。\n\n某县安委办\n2021年5月1日\n"
    assert docparse.read(text.encode(), name="report.txt").extraction.deadlines == []


def test_table_row_deadline_names_its_task():
    body = "重点任务分工：\n序号\t重点任务\t牵头单位\t完成时限\n1\t矿山防汛安全检查\t县应急管理局\t5月31日前\n"
    deadlines = read_notice(body).extraction.deadlines
    assert [(d.date, d.what) for d in deadlines] == [("2021-05-31", "矿山防汛安全检查")]


def test_spans_point_at_the_source_text():
    doc = docparse.read(seed("001"))
    for d in doc.extraction.deadlines:
        assert doc.text_of(d.span) == d.text


@pytest.mark.parametrize(("text", "value"), [("二十", 20), ("十五", 15), ("两千", 2000), ("二〇二三", 2023), ("8", 8)])
def test_chinese_integer(text, value):
    assert chinese_integer(text) == value


def test_seed_deadlines_recall_and_precision():
    """All gold deadlines of the five seeds are found, one to one, and at least 90% of what is found is gold."""
    found_total = matched_total = gold_total = 0
    for prefix in ("000", "001", "002", "003", "004"):
        expected = list(gold(prefix)["deadlines"])
        found = docparse.read(seed(prefix)).extraction.deadlines
        found_total += len(found)
        gold_total += len(expected)
        for d in found:
            hit = next((g for g in expected if deadline_matches(g, d.date, d.start, d.end)), None)
            if hit is not None:
                expected.remove(hit)
                matched_total += 1
    assert matched_total == gold_total
    assert matched_total / found_total >= 0.9


def test_undated_text_takes_the_nearest_year_written_before():
    text = "某县2022年安全生产工作要点\n\n一、2022年重点工作\n\n各乡镇于6月底前完成自查，10月1日—10月31日开展“回头看”。\n"
    doc = docparse.read(text.encode(), name="points.txt")
    assert doc.meta.date is None
    assert dated(doc) == [("2022-06-30", None, None), (None, "2022-10-01", "2022-10-31")]
    assert all(d.year_inferred for d in doc.extraction.deadlines)


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("即日起，在全县开展为期三个月的汛期安全检查。", ("2021-03-01", "2021-05-31")),
        ("自2021年5月起，在全县开展为期半年的隐患排查整治。", ("2021-05-01", "2021-10-31")),
        ("即日起在全县开展为期100天的百日攻坚行动。", ("2021-03-01", "2021-06-08")),
    ],
)
def test_period_given_by_start_and_length(body, period):
    doc = read_notice(body)
    assert [(d.start, d.end) for d in doc.extraction.deadlines] == [period]
    assert doc.extraction.deadlines[0].text.endswith(("个月", "半年", "天"))


def test_date_after_a_deadline_label_is_the_items_due_date():
    doc = read_notice("三、关于道路交通安全。由县公安局牵头，开展重点车辆清零。完成时限：三季度末。")
    assert [(d.date, d.what) for d in doc.extraction.deadlines] == [("2021-09-30", "关于道路交通安全")]


def test_bare_month_filling_a_task_tables_deadline_cell_is_due_at_its_end():
    doc = read_notice("序号\t重点任务\t牵头单位\t完成时限\n1\t燃气安全专项整治\t县住建局\t2021年12月\n")
    assert [(d.date, d.what) for d in doc.extraction.deadlines] == [("2021-12-31", "燃气安全专项整治")]


def test_month_in_a_bar_tables_schedule_column_is_the_rows_period():
    # 徐庄镇2017年度安全生产专项整治工作计划 (r813): a web page's table, cells apart by bars, two rows joined
    doc = read_notice(
        "专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 安监所 |\n"
        "景区(点)、文物设施、宗教场所、 | 9月份 | 生态办 |学校、幼儿园、午托部 | 10月份 | 文化站 |\n"
    )
    assert [(d.start, d.end, d.what) for d in doc.extraction.deadlines] == [
        ("2021-01-01", "2021-01-31", "烟花爆竹"),
        ("2021-09-01", "2021-09-30", "景区（点）、文物设施、宗教场所、"),
        ("2021-10-01", "2021-10-31", "学校、幼儿园、午托部"),
    ]


def test_month_in_a_bar_tables_deadline_column_is_due_at_its_end():
    doc = read_notice("重点任务 | 完成时限 | 牵头单位 |\n燃气安全专项整治 | 11月份 | 县住建局 |\n")
    assert [(d.date, d.what) for d in doc.extraction.deadlines] == [("2021-11-30", "燃气安全专项整治")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("二、考核时间：\n（一）考核时间：2021年12月\n", [(None, "2021-12-01", "2021-12-31", "考核")]),
        # 湖南省安委办公示 (r605): hours at both ends of the period
        (
            "公示时间：2021年11月6日上午8:00至2021年11月12日下午17:30止。",
            [(None, "2021-11-06", "2021-11-12", "公示")],
        ),
        ("发布时间：2021年3月1日\n", []),
        ("事故发生时间：2021年2月3日\n", []),
    ],
)
def test_date_after_a_schedule_label_is_when_the_work_is_done(body, expected):
    doc = read_notice(body)
    assert [(d.date, d.start, d.end, d.what) for d in doc.extraction.deadlines] == expected


def test_past_periods_are_not_deadlines():
    doc = read_notice("会议通报1—2月全县安全生产形势。到去年底仍有7项隐患未整改。")
    assert doc.extraction.deadlines == []


def test_activity_period_after_yu():
    doc = read_notice("县安委办将于4月下旬组织开展第二轮督导检查。")
    assert dated(doc) == [(None, "2021-04-21", "2021-04-30")]


def test_within_the_year_and_periods_that_open_an_activity():
    doc = read_notice("一是年内完成老旧燃气管道更新改造。二是6月份组织开展“安全生产月”活动。三是7月至9月，在全县开展百日攻坚行动。")
    assert [(d.date, d.start, d.end) for d in doc.extraction.deadlines] == [
        ("2021-12-31", None, None), (None, "2021-06-01", "2021-06-30"), (None, "2021-07-01", "2021-09-30")
    ]
    assert read_notice("力争五年内基本建成。").extraction.deadlines == []  # 五年内 is a span, not this year


def test_a_plans_year_in_its_title_and_a_reports_future_dates():
    plan = read_notice("现将《某县燃气安全专项整治实施方案（2021年）》印发给你们。")
    assert plan.extraction.deadlines == []
    summary = (
        "某市2021年安全生产工作总结\n\n一、主要成效\n\n全年检查企业1200家次。\n\n二、下一步打算\n\n"
        "到2022年底，重大事故隐患整改率达到100%。\n\n某市应急管理局\n2022年1月10日\n"
    )
    doc = docparse.read(summary.encode(), name="s.txt")
    assert [d.date for d in doc.extraction.deadlines] == ["2022-12-31"]


def test_the_year_of_the_doc_number_resolves_dates_when_the_date_is_not_written():
    text = "关于加强信息报送工作的通知\n国土资电发〔2017〕27号\n各省、自治区国土资源主管部门：\n请于8月31日前报送总结材料。\n"
    doc = docparse.read(text.encode("utf-8"), name="n.txt")
    assert "2017-08-31" in [d.date for d in doc.extraction.deadlines]


def test_a_window_of_statistics_is_no_deadline():
    text = "2024年1月至6月云南省生产安全事故情况\n2024年1月至6月，全省发生生产安全事故42起、死亡39人。\n"
    doc = docparse.read(text.encode("utf-8"), name="t.txt")
    assert doc.extraction.deadlines == []


def test_a_written_document_number_gives_the_year_when_nothing_else_does():
    # r353 (长春市安委办, 2007): no date and no year in the text but its number 长安委办[2007]17号
    text = (
        "长春市安全生产委员会办公室关于报送安全生产隐患排查治理专项行动总结的通知\n(长安委办[2007]17号)\n"
        "各县(市)区、开发区安全生产委员会、市直有关部门:\n"
        "全市各县(市)区、开发区安委会和有关部门要将本地区专项行动形成总结材料,并于12月15日前报市安全生产委员会办公室。\n"
    )
    doc = docparse.read(text.encode(), name="notice.txt")
    assert ("2007-12-15", None, None) in dated(doc)


def test_a_bare_goal_year_of_a_plan_is_due_at_its_end():
    # r335 (a 意见's 目标任务) and r367 (煤矿安全专项整治三年行动实施方案): 到2020年， opens the goal it dates
    text = (
        "2.目标任务\n到2025年，安全生产责任基本明晰，安全生产监管体制机制基本完善。"
        "到2035年，实现安全生产治理体系和治理能力现代化，全民安全文明素质全面提升。"
    )
    doc = read_notice(text)
    assert dated(doc) == [("2025-12-31", None, None), ("2035-12-31", None, None)]
    assert doc.extraction.deadlines[1].what.startswith("实现安全生产治理体系")
    # the notice is dated 2021; inside its clause the bare year is no goal of its own (到2020年全面完成 is left to the other readings)
    assert read_notice("力争到2025年安全生产责任基本明晰。").extraction.deadlines == []


def test_a_date_followed_by_what_will_be_done_then_is_planned():
    # r728 (news of a 江西 通知): 9月底，省政府将派出督查组 is when the inspection is due
    doc = read_notice("要全面开展安全生产事故隐患排查和治理，9月底，省政府将派出督查组，赴各设区市进行督促检查。")
    assert dated(doc) == [("2021-09-30", None, None)]
    assert doc.extraction.deadlines[0].what == "省政府将派出督查组"
    # r726: 11月份，22个中央安全生产考核巡查组将陆续进驻… is the period of the inspections
    doc = read_notice("按照年度考核巡查工作安排，11月份，22个中央安全生产考核巡查组将陆续进驻各省开展年度考核巡查。")
    assert dated(doc) == [(None, "2021-11-01", "2021-11-30")]


def test_a_report_announcing_its_next_quarter_plans_it():
    # r184 (广西, a meeting's news): 第二季度，广西将… in a report is a plan, not past work
    text = (
        "我区部署第二季度安全生产工作\n3月30日，自治区召开2018年第二季度防范重特大安全事故工作会议。"
        "自治区安委会通报了第一季度排查出来的各市安全隐患和事故情况。\n"
        "第二季度，广西将强化措施抓好安全生产各项工作：在全区范围内集中开展落实企业安全生产主体责任巡查专项行动。\n"
    )
    doc = docparse.read(text.encode(), name="news.txt")
    assert (None, "2018-04-01", "2018-06-30") in dated(doc)


@pytest.mark.parametrize(
    "body",
    [
        "今年，我县将以事故预防为主攻方向，持续深入开展“安全生产年”活动。",  # the year's programme (r126)
        "9月中下旬以后，该县将举办多项重大活动，安全生产工作不能有丝毫松懈。",  # an open-ended time (r728)
        "5月份，县安委办将检查情况进行了通报。",  # 将 moving the object of past work
    ],
)
def test_no_announced_plan(body):
    assert read_notice(body).extraction.deadlines == []


def test_figures_of_the_year_so_far_compared_with_last_year_are_no_period_of_work():
    # r352 (国办发明电, no date written) and r733 (news of a 宁乡县 meeting): the year so far, against last year
    for text in (
        "今年以来，全国安全生产继续保持了总体稳定的发展态势，1-4月全国各类伤亡事故起数和死亡人数比去年同期均有一定幅度下降。",
        "2017年1-10月份安全生产事故数、死亡人数较去年同比大幅下降，全县安全生产形势平稳向好。",
    ):
        doc = docparse.read(("关于加强安全生产工作的通知\n" + text + "\n").encode(), name="n.txt")
        assert doc.extraction.deadlines == [], text
    # a period of work from January is still one
    doc = docparse.read("关于加强安全生产工作的通知\n2017年1-10月份，在全县开展隐患排查专项行动。\n".encode(), name="n.txt")
    assert dated(doc) == [(None, "2017-01-01", "2017-10-31")]


def test_before_a_count_means_the_first_months():
    # r731 (宁夏 通报): 今年前6个月 is the first six months, no deadline of 今年
    assert read_notice("今年前6个月，全县共发生生产安全死亡事故3起。").extraction.deadlines == []
    assert dated(read_notice("请于6月前报送工作总结。")) == [("2021-06-30", None, None)]


@pytest.mark.parametrize(
    ("digits", "dates"),
    [
        ("2023625", [(2023, 6, 25)]),
        ("1225", [(None, 12, 25)]),
        ("20246112024619", [(2024, 6, 11), (2024, 6, 19)]),
        ("125", None),  # 1月25日 or 12月5日
        ("100", None),
    ],
)
def test_digits_that_lost_their_date_marks_are_read_only_one_way(digits, dates):
    from docparse.extract.deadlines import glued_dates

    assert glued_dates(digits) == dates


def test_dates_that_lost_their_marks_on_a_web_page():
    # 新疆 2023年安全生产工作要点 (r379), 银川 事故统计核销公示 (r730)
    doc = read_notice("并于2021625日前和1225日前分别将上半年和全年工作完成情况报送县安委办。\n公示时间：20216112021619日。")
    assert dated(doc) == [("2021-06-25", None, None), ("2021-12-25", None, None), (None, "2021-06-11", "2021-06-19")]


def test_bare_digits_before_a_due_cue_need_a_date_that_lost_its_marks():
    assert read_notice("各乡镇于315日前上报。").extraction.deadlines == []


def test_period_whose_connector_was_lost():
    # 洣水镇 大排查大督导大整治 方案 (r814)
    doc = read_notice("镇党委、政府决定，自2021年9月1日10月31日，在全镇范围内开展安全生产大排查大督导大整治行动。")
    assert dated(doc) == [(None, "2021-09-01", "2021-10-31")]


def test_a_period_over_before_the_documents_date_is_told_as_past():
    # 国家矿山安全监察局贵州局 公告 (r133), dated 2021年3月1日 here: the inspection is past, the penalty period is not
    doc = read_notice(
        "2021年2月2日至3日，贵州局对某煤矿开展执法检查，发现重大事故隐患。\n"
        "贵州局作出责令停产整顿5日（2021年3月4日至2021年3月8日）的行政处罚决定。"
    )
    assert dated(doc) == [(None, "2021-03-04", "2021-03-08")]


def test_a_date_between_runs_of_spaces_without_a_table_head_is_a_pages_header():
    # 中央政府门户网站 page (r708)
    doc = read_notice("中央政府门户网站 www.gov.cn   2021年02月08日   来源：重庆日报\n重庆市政府办公厅7日发出通知。")
    assert doc.extraction.deadlines == []


def test_year_end_written_after_a_relative_year():
    # 江西 城镇燃气 意见 (r822): 到明年年底，基本建成…平台
    doc = read_notice("到明年年底，基本建成省市县三级联动的城镇燃气安全监管信息化平台。到今年年底，全面完成改造。")
    assert [(d.date, d.text) for d in doc.extraction.deadlines] == [("2022-12-31", "明年年底"), ("2021-12-31", "今年年底")]


def test_a_day_a_campaign_names_is_its_date():
    # 开化县桐村镇 2009年“安全生产月” 通知 (r356)
    doc = read_notice("二、活动时间\n2021年6月1日至30日。其中6月14日为安全生产宣传咨询日。")
    assert [(d.date, d.start, d.end, d.what) for d in doc.extraction.deadlines] == [
        (None, "2021-06-01", "2021-06-30", None), ("2021-06-14", None, None, "安全生产宣传咨询日")
    ]


def test_a_day_a_campaign_named_in_a_report_is_past():
    text = "某县安委办关于2021年安全生产月活动情况的通报\n\n各乡镇：\n\n6月16日为安全宣传咨询日，全县共设咨询点12个。\n\n某县安委办\n2021年7月10日\n"
    assert docparse.read(text.encode(), name="report.txt").extraction.deadlines == []


def test_a_date_with_blanks_between_its_parts_is_read():
    # r846 (乌海 方案 laid out from a PDF)
    doc = read_notice("2020 年 9 月 30 日前，完成禁止燃放烟花爆竹区域内烟花爆竹批发零售点的关闭、转营工作。")
    assert dated(doc) == [("2020-09-30", None, None)]


def test_a_period_says_how_it_opens_between_its_ends():
    # r847: 从11月下旬开始到明年1月中旬结束; r852: 于6月1日正式启动，并持续至6月30日结束; r853: a dash lost as ??;
    # r883: 自3月中旬开始，到3月底结束
    doc = read_notice(
        "河北省安委会组成6个巡查组，从11月下旬开始到明年1月中旬结束，分两批对各市开展巡查。\n"
        "本次活动将于6月1日正式启动，并持续至6月30日结束。\n全镇活动于7月1日??7月31日在各单位同时开展。\n"
        "此次安全生产明查暗访自3月中旬开始，到3月底结束，将聚焦各地区各有关部门责任落实情况。"  # r883
    )
    assert dated(doc) == [
        (None, "2021-11-21", "2022-01-20"), (None, "2021-06-01", "2021-06-30"), (None, "2021-07-01", "2021-07-31"),
        (None, "2021-03-11", "2021-03-31"),
    ]


def test_a_web_page_date_gives_the_year_a_text_does_not_write():
    # r847 (发表时间:2019-11-28) and r848 (a 2025年度 巡查 on a page of 2026-01-21)
    page = "2025年度青海省安全生产巡查工作全面开展\n\n2026-01-21 16:15:37    来源:青海省应急管理厅\n\n全省安全生产巡查工作于1月19日至2月6日全面开展。开展2025年度安全生产工作巡查。\n"
    doc = docparse.read(page.encode(), name="page.txt")
    assert dated(doc) == [(None, "2026-01-19", "2026-02-06")]
    assert doc.meta.published.value == "2026-01-21" and doc.meta.published.text == "2026-01-21"
    assert doc.meta.date is None  # the page's date is not the document's 成文日期


def test_a_period_a_news_page_tells_as_ended_before_it_was_published_is_past():
    # r841 (河北经济日报 of 2019-05-15): 5月5日至14日，考核巡查组对我省…进行考核巡查。
    page = "本报讯 5月5日至14日，国务院安委会第三考核巡查组对我省2018年度安全生产和消防工作进行考核巡查。\n\n2019-05-15 河北经济日报\n"
    assert docparse.read(page.encode(), name="page.txt").extraction.deadlines == []


# r922 of corpora/real (dev split): bare years listed before a due date share its month.
def test_bare_years_listed_before_a_due_date_share_its_month():
    doc = read_notice("区有关部门贯彻实施情况请分别于2024年、2025年、2026年11月底前报送至区安委会办公室。")
    assert [d[0] for d in dated(doc)] == ["2024-11-30", "2025-11-30", "2026-11-30"]


# r928 and r922 of corpora/real (dev split): a period of years bounded by days at both ends is the work's own.
def test_a_period_of_years_written_to_the_day_is_kept():
    doc = read_notice("活动时间为2024年1月1日至2026年12月31日，各乡镇要组织开展重大事故隐患判定标准宣贯。")
    assert dated(doc) == [(None, "2024-01-01", "2026-12-31")]


def test_a_campaign_span_of_whole_years_is_no_period():
    doc = read_notice("2021年至2023年，各乡镇要持续开展安全生产专项整治。")
    assert dated(doc) == []
