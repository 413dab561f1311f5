"""Metrics: gold 002 and 004, and excerpts for 万, 余, 近, Chinese numerals and the numbers to skip."""

from __future__ import annotations

import docparse
from docparse.eval import metric_matches
from tests.helpers import gold, seed

REPORT = "某县安委办关于安全生产工作情况的通报\n\n各乡镇：\n\n{body}\n\n某县安委办\n2021年12月1日\n"


def metrics(body: str):
    return docparse.read(REPORT.format(body=body).encode(), name="r.txt").extraction.metrics


def test_gold_002_every_metric_found_and_nothing_else():
    found = docparse.read(seed("002")).extraction.metrics
    expected = gold("002")["metrics"]
    assert len(found) == len(expected)
    for g in expected:
        assert any(metric_matches(g, m.value, m.unit) for m in found), g


def test_gold_004_recall():
    found = docparse.read(seed("004")).extraction.metrics
    for g in gold("004")["metrics"]:
        assert any(metric_matches(g, m.value, m.unit) for m in found), g


def test_plan_counts_are_not_metrics():
    # 001 is a plan: 突出抓好4项工作 and 1个月内发生2起及以上 are rules, not statistics; 确保100%整改到位 is its one target.
    found = docparse.read(seed("001")).extraction.metrics
    assert [(m.kind, m.text) for m in found] == [("target", "100%")]


def test_targets_are_kept_apart_from_reported_figures():
    plan = "某市危险化学品安全专项整治实施意见\n\n全市现有危险化学品生产企业58家。到2020年底，重大危险源在线监测接入率达到100%；到2022年底，事故起数比2019年下降10%以上。市、县两级专业监管人员配备比例不低于75%。事故等级按死亡3人以上确定。\n"
    found = docparse.read(plan.encode(), name="plan.txt").extraction.metrics
    assert [(m.kind, m.value, m.unit) for m in found] == [
        ("reported", 58, "家"), ("target", 100, "%"), ("target", 10, "%"), ("target", 75, "%")
    ]


def test_plain_units_and_approximations():
    found = metrics("全县共排查企业1.2万余家次，发现隐患近5千项，罚款369.21万元，整改率87%。")
    assert [(m.value, m.unit, m.approx, m.indicator) for m in found] == [
        (12000, "家次", "余", "排查企业"),
        (5000, "项", "近", "问题隐患"),
        (3692100, "元", None, "罚款金额"),
        (87, "%", None, "整改率"),
    ]
    assert found[2].raw_value == "369.21万元"


def test_chinese_numerals_with_magnitude():
    found = metrics("今年以来共查处违法行为两千余起。")
    assert [(m.value, m.unit, m.approx) for m in found] == [(2000, "起", "余")]


def test_same_indicator_for_an_enumeration_of_changes():
    found = metrics("全年共发生事故23起、死亡27人，同比分别下降14.8%和10%。")
    assert [(m.value, m.indicator) for m in found] == [(23, "事故起数"), (27, "死亡人数"), (14.8, "同比下降"), (10, "同比下降")]


def test_numbers_that_are_not_metrics():
    body = (
        "根据《某县2020年工作方案》（某安〔2018〕19号），4月8日至18日，县安委办推进“1+7”专项行动和“四个一律”要求，"
        "对1个月内发生2起及以上事故的乡镇进行了约谈，联系电话0871-12345678。"
    )
    assert metrics(body) == []


def test_spans_point_at_the_source_text():
    doc = docparse.read(seed("004"))
    for m in doc.extraction.metrics:
        assert doc.text_of(m.span) == m.text


def test_seed_metrics_f1():
    """Matched one to one by value and unit, the five seeds together reach F1 0.85 with every gold figure found.

    The seed gold leaves out counts of bodies and groups (16个州市, 8个督查组) that the real corpus's gold
    counts (corpora/real/ANNOTATING.md, as issue 15 asks: 18个省份, N个考核组), so those are its false positives."""
    tp = fp = fn = 0
    for prefix in ("000", "001", "002", "003", "004"):
        expected = list(gold(prefix)["metrics"])
        for m in docparse.read(seed(prefix)).extraction.metrics:
            hit = next((g for g in expected if metric_matches(g, m.value, m.unit)), None)
            if hit is None:
                fp += 1
            else:
                expected.remove(hit)
                tp += 1
        fn += len(expected)
    assert fn == 0
    assert 2 * tp / (2 * tp + fp + fn) >= 0.85


def test_round_magnitudes_and_enforcement_figures():
    found = metrics("约谈企业负责人近百人，出动执法人员2300余人次，挂牌督办重大隐患3项，投入整改资金1.2亿元，共发现问题136个。")
    assert [(m.value, m.unit, m.approx, m.indicator) for m in found] == [
        (100, "人", "近", "企业负责人"),
        (2300, "人次", "余", "执法人员"),
        (3, "项", None, "重大事故隐患"),
        (120000000, "元", None, "整改资金"),
        (136, "个", None, "问题"),
    ]


def test_prior_period_values_are_named_by_their_current_figure():
    found = metrics("全年发生事故25起、死亡30人，较上年的31起、35人分别下降19.4%和14.3%；本月发生事故2起，上年同期为3起。")
    assert [(m.value, m.indicator) for m in found] == [
        (25, "事故起数"), (30, "死亡人数"), (31, "事故起数（上年同期）"), (35, "死亡人数（上年同期）"),
        (19.4, "同比下降"), (14.3, "同比下降"), (2, "事故起数"), (3, "事故起数（上年同期）"),
    ]


def test_counted_things_without_an_indicator_word_and_what_is_no_count():
    found = metrics("辖区内现有加油站11座、小型水库12座。简报总第86期。各村每月至少开展1次巡查。")
    assert [(m.indicator, m.value, m.unit) for m in found] == [("加油站", 11, "座"), ("小型水库", 12, "座")]


def test_ti_qing_reports_an_action_it_asks_nobody():
    found = metrics("全年责令停产停业整顿企业86家，提请关闭取缔非法违法企业31家。")
    assert [(m.value, m.unit) for m in found] == [(86, "家"), (31, "家")]


def test_counts_of_bodies_and_the_second_figure_of_a_pair():
    text = (
        "关于上半年安全生产情况的通报\n上半年，全省共派出16个督导组，检查了86名矿工和3所学校，"
        "发生较大事故4起、66人，一般事故302起、307人。全市从3个方面部署工作。\n"
    )
    doc = docparse.read(text.encode("utf-8"), name="t.txt")
    got = {(m.value, m.unit) for m in doc.extraction.metrics}
    for figure in ((16, "个"), (86, "名"), (3, "所"), (4, "起"), (66, "人"), (302, "起"), (307, "人")):
        assert figure in got, figure
    assert (3, "个") not in got  # 3个方面: the document's own parts


def test_a_head_count_is_named_by_what_happened_to_the_people():
    # real wording of accident and accountability 通报 (r702, r746, r745 of corpora/real)
    found = metrics("17人被追责，其中1人建议移交司法机关。事故造成6人死亡、47人失联。其中3人重伤。受伤23人的事故。")
    got = {(m.value, m.indicator) for m in found}
    assert {(17, "追责人数"), (1, "建议移交司法机关人数"), (47, "失联人数"), (3, "重伤人数")} <= got
    assert not any(m.indicator and m.indicator.startswith("的") for m in found)


def test_yao_and_qing_inside_words_do_not_make_a_sentence_a_directive():
    # 主要负责人 and 邀请 are no request: the figures are reported
    found = metrics("对3名主要负责人进行约谈。组织召开座谈会550多次，邀请84名专家。")
    assert {(m.value, m.unit) for m in found} == {(3, "名"), (550, "次"), (84, "名")}
    assert metrics("各地要组织召开座谈会5次。") == []


def test_a_plan_reports_the_figures_of_its_review_of_past_work():
    # a provincial 规划's 现状和形势 part (r391): its 工作成效 reports what was done, with no past-tense word
    plan = (
        "某省安全生产“十三五”规划\n\n一、安全生产现状和面临的形势\n\n（一）“十二五”时期安全生产工作成效\n\n"
        "重点行业领域专项整治取得显著成效。整顿关闭非煤矿山657座。\n\n（二）面临的形势\n\n"
        "全省非煤矿山数量多。\n\n二、主要任务\n\n关闭非煤矿山100座。\n"
    )
    doc = docparse.read(plan.encode(), name="plan.txt")
    assert [(m.value, m.unit) for m in doc.extraction.metrics] == [(657, "座")]


def test_reports_count_people_accidents_and_bodies_in_chinese_numerals():
    # wording of corpora/real accident 通报 and a county speech (r401, r705, r718)
    found = metrics("接连发生了两起较大事故，共造成二十二人死亡，三家企业分别作了检讨发言。一家企业有几十家分店。")
    assert {(m.value, m.unit) for m in found} == {(2, "起"), (22, "人"), (3, "家")}


def test_a_numeral_inside_a_place_name_is_no_figure():
    found = metrics("督查组赴第六师五家渠市开展督查，检查企业12家。")
    assert [(m.value, m.unit) for m in found] == [(12, "家")]


def test_a_count_of_places_is_counted_with_its_bracketed_alternatives():
    # 督查 and accident 通报 of corpora/real (002, r107, r132, r153 of the dev split)
    found = metrics("全国31个省(区、市)发生事故120起。共检查了6个市，有5个州(市)发生较大事故。检查3个市场。")
    got = {(m.value, m.indicator) for m in found}
    assert {(31, "省（区、市）"), (6, "市"), (5, "州（市）"), (3, "市场")} <= got  # brackets normalized
    assert metrics("深入汉中、宝鸡等4个市场调研。")[0].indicator != "市"


def test_a_figure_a_news_page_prints_again_is_counted_once():
    # a news page (r187, r156 of corpora/real): the headline, the article, and the headline repeated as page chrome
    page = (
        "受理举报1200余件！国务院督导工作取得阶段性进展\n\n"
        "记者从应急管理部了解到，监督小组已受理举报1200余件，查出大量隐患。共检查企业500家。\n\n"
        "受理举报1200余件！国务院督导工作取得阶段性进展\n"
    )
    doc = docparse.read(page.encode(), name="page.txt")
    assert [(m.value, m.unit) for m in doc.extraction.metrics] == [(1200, "件"), (500, "家")]


def test_a_notice_reports_the_accident_it_tells_of():
    # 通知 after an accident (r742, r744, r809 of corpora/real): the day and what happened on it are facts
    notice = (
        "关于切实做好建设工程安全生产工作的紧急通知\n\n各区人民政府：\n\n"
        "3月8日10时20分许，你区东海街道幼儿园施工作业时，发生一起溺亡事故，造成一人死亡。"
        "各地要确保发生1起较大事故的单位停产整顿。实行一人一档管理。\n"
    )
    doc = docparse.read(notice.encode(), name="notice.txt")
    reported = [(m.value, m.unit, m.indicator) for m in doc.extraction.metrics if m.kind == "reported"]
    assert reported == [(1, "人", "死亡人数")]


def test_ratios_inspection_rounds_and_volumes_are_figures():
    # 通报 of corpora/real (r732, r164, r715 of the dev split)
    found = metrics("事故起数和死亡人数分别上升1.1倍和1.4倍。共开展督导检查198组次。累计清理土石14万方。")
    assert {(m.value, m.unit) for m in found} == {(1.1, "倍"), (1.4, "倍"), (198, "组次"), (140000, "方")}


def test_a_commendation_reports_how_many_it_commends():
    # 表彰 decisions of corpora/real (063, r119 of the dev split); a plan's rule of commendation reports nothing
    found = metrics("决定对143家先进单位和20家优秀组织单位予以通报表彰。")
    assert {(m.value, m.unit) for m in found} == {(143, "家"), (20, "家")}


def test_a_pair_of_counts_needs_no_joiner_when_the_units_differ():
    # an annual 通报 (r156 of corpora/real): 同比减少6起18人 is six accidents and eighteen deaths fewer
    found = metrics("全国发生铁路交通死亡事故697起，死亡748人，同比减少6起18人。")
    assert [(m.value, m.unit) for m in found] == [(697, "起"), (748, "人"), (6, "起"), (18, "人")]
    assert [(m.value, m.unit) for m in metrics("全年发生事故12起12人。")] == [(12, "起"), (12, "人")]


def test_an_accidents_toll_in_its_shortest_form_counts_the_dead_and_the_injured():
    # a speech (r399 of corpora/real): 导致3死7伤; a headline's 4死1伤 over a body that gives the same in full is no
    # second count (r702)
    found = metrics("特别是长丰的“2.9事故”导致3死7伤，给人民群众生命财产造成损失。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [(3, "人", "死亡人数"), (7, "人", "受伤人数")]
    restated = metrics("煤矿事故致4死1伤\n8月3日，某煤矿发生透水事故，造成4人死亡、1人轻伤。")
    assert sorted(m.value for m in restated if m.unit == "人") == [1, 4]
    assert metrics("宁死不屈，生死攸关。") == []


def test_a_plans_share_of_units_that_reach_a_goal_is_a_target():
    # plans of corpora/real (r360, r709): 60%的消防安全重点单位达到…, 30%的乡镇(街道)实现…
    found = metrics("到2020年，60%的消防安全重点单位达到61号令要求，30%的乡镇实现安全监管规范化。")
    assert [(m.value, m.indicator, m.kind) for m in found] == [
        (60, "消防安全重点单位占比", "target"),
        (30, "乡镇占比", "target"),
    ]
    assert all(m.indicator != "目标占比" for m in metrics("确保实现年内道路运输事故总量下降30%的目标。"))


def test_a_required_level_with_its_bound_counts_the_noun_before_its_verb():
    # regulations and plans of corpora/real (r517, r349): 预抽率应当达到30%以上, 完好率達到98%以上
    notice = "某县安委办关于加强煤矿瓦斯治理的通知\n\n各乡镇：\n\n{body}\n\n某县安委办\n2021年12月1日\n"
    for body, indicator in (("地面井预抽煤层瓦斯，预抽率应当达到30%以上。", "预抽率"), ("消防设施完好率达到98%以上。", "消防设施完好率")):
        found = docparse.read(notice.format(body=body).encode(), name="r.txt").extraction.metrics
        assert [(m.indicator, m.kind) for m in found] == [(indicator, "target")]
    # a change is what a reported figure measures, so it stays in the indicator
    assert [m.indicator for m in metrics("全县发生事故12起，同比减少3起。")][-1].endswith("减少")


def test_an_accident_a_notice_recounts_in_a_long_sentence_reports_its_toll():
    # a provincial notice (r742): the date opens a sentence that names the site at length before 发生
    notice = (
        "某省安委办关于加强建设工程施工安全的通知\n\n各市安委办：\n\n2021年2月8日，三明市大田县经济开发区上京工业园，福建大田县新岩水泥有限公司"
        "5000吨熟料水泥生产线技改项目，原料磨工序构筑物在浇筑混凝土施工过程中发生楼面坍塌，造成3人死亡。各地要吸取教训。\n"
    )
    found = docparse.read(notice.encode(), name="r.txt").extraction.metrics
    assert [(m.value, m.unit, m.kind) for m in found if m.unit == "人"] == [(3, "人", "reported")]


def test_figures_a_pdf_sets_apart_with_blanks_keep_their_indicator():
    # r958 (a county's half-year 总结 copied from a PDF): 累计发生各类事故 48 起,同比减少 8 起,下降 14.29%
    found = metrics("上半年，全县累计发生各类事故 48 起，同比减少 8 起，下降 14.29%。")
    assert [(m.value, m.unit, m.indicator) for m in found] == [(48, "起", "事故起数"), (8, "起", "同比减少"), (14.29, "%", "同比下降")]
