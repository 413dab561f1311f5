"""Problems (存在问题) and criticized entities, against the golds and a short 通报 of another province."""

from __future__ import annotations

import pytest

import docparse
from tests.extract.test_regions import SICHUAN
from tests.helpers import ROOT, gold, seed


@pytest.fixture(scope="module")
def doc000():
    return docparse.read(seed("000"))


@pytest.fixture(scope="module")
def sichuan():
    return docparse.read(SICHUAN.encode("utf-8"), name="sichuan.txt")


def found(doc, cue: str):
    return [p for p in doc.extraction.problems if cue in p.text or (p.category and cue in p.category)]


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_every_gold_problem_is_found(prefix):
    doc = docparse.read(seed(prefix))
    for g in gold(prefix)["problems"]:
        assert found(doc, g["cue"]), g["cue"]


def test_gold_000_problems_carry_their_heading_and_regions(doc000):
    for g in gold("000")["problems"]:
        problem = next(p for p in found(doc000, g["cue"]) if p.category == g["cue"])
        assert set(problem.regions) == set(g["regions"]), g["cue"]


def test_gold_000_copy_paste_accusation(doc000):
    copied = [p for p in doc000.extraction.problems if p.copy_paste]
    assert len(copied) == 1
    assert "照抄照搬" in copied[0].text and set(copied[0].regions) == {"曲靖市", "西双版纳州"}
    assert copied[0].category == "工作落实有差距"


def test_gold_004_names_no_problems():
    assert docparse.read(seed("004")).extraction.problems == []


def test_gold_000_criticized_entities(doc000):
    entities = {(e.name, e.kind) for e in doc000.extraction.entities_criticized}
    assert entities == {(g["name"], g["kind"]) for g in gold("000")["criticized_entities"]}
    bureau = next(e for e in doc000.extraction.entities_criticized if e.kind == "department")
    assert bureau.reason.startswith("对安全生产") and "至今没有任何行动" in bureau.reason
    assert doc000.text[bureau.span.start : bureau.span.end] == bureau.text


def test_listed_enterprises_share_the_reason(doc000):
    mine = next(e for e in doc000.extraction.entities_criticized if e.name == "勐满曼纳金矿")
    assert mine.reason == "2016年发现的越界开采行为至今未整改到位"


def test_problem_departments_include_enterprises(doc000):
    problem = next(p for p in doc000.extraction.problems if p.category == "企业主体责任落实有差距")
    assert [(d.name, d.kind) for d in problem.departments] == [("青山客运有限责任公司", "enterprise")]


def test_sichuan_problems_and_entities(sichuan):
    categories = [p.category for p in sichuan.extraction.problems if not p.copy_paste]
    assert categories == ["工作部署滞后", "企业主体责任落实不到位", "信息报送不及时"]
    copied = next(p for p in sichuan.extraction.problems if p.copy_paste)
    assert copied.regions == ["顺庆区", "大竹县"]
    entities = {e.name: e for e in sichuan.extraction.entities_criticized}
    assert set(entities) == {"自贡市荣县宏达煤业有限公司", "成都天府燃气有限公司", "金沙加油站", "绵阳市应急管理局"}
    assert entities["自贡市荣县宏达煤业有限公司"].reason == "未按规定开展隐患自查"
    assert entities["绵阳市应急管理局"].kind == "department"


def test_plain_text_problem_list_after_lead_in():
    text = (
        "我们也发现一些地方还存在不少差距和不足。主要表现在3个方面：\n"
        "一是风险辨识不到位，底数不清。\n"
        "二是部分县区执法检查流于形式。\n"
        "三是隐患整改滞后。\n"
        "针对这些问题，我们将及时通报。\n"
    )
    doc = docparse.read(text.encode("utf-8"), name="talk.txt")
    assert [p.category for p in doc.extraction.problems] == ["风险辨识不到位", "部分县区执法检查流于形式", "隐患整改滞后"]


# --- held-out circulars (corpora/heldout_circulars) -------------------------------------------------


def read_text(text: str, name: str = "excerpt.txt"):
    return docparse.read(text.encode("utf-8"), name=name)


JIANGXI = """江西省安全生产委员会办公室关于安全生产暗访暗查情况的通报

二、暗访发现的主要问题

（一）赣州市于都县：石材加工企业安全管理粗放，隐患整改不彻底。于都县鑫达石材有限公司切割车间配电箱无防护；县应急管理局对该企业上次检查指出的问题未跟踪复查，执法检查走过场。

（二）吉安市永丰县：非煤矿山重大事故隐患突出。永丰县兴旺矿业有限公司采空区未按设计充填。

三、有关要求

（一）对永丰县兴旺矿业有限公司存在的重大事故隐患，由吉安市应急管理局依法责令停产整顿、挂牌督办。
"""


def test_per_county_list_takes_its_category_after_the_place():
    problems = read_text(JIANGXI).extraction.problems
    assert [(p.category, p.regions) for p in problems] == [
        ("石材加工企业安全管理粗放", ["于都县"]),
        ("非煤矿山重大事故隐患突出", ["永丰县"]),
    ]


def test_inline_first_second_list_gives_one_problem_each():
    from tests.extract.test_regions import NEIMENGGU

    problems = read_text(NEIMENGGU).extraction.problems
    assert [p.category for p in problems] == ["安全责任落实不到位", "外包工程管理混乱", "应急处置能力不足"]
    assert [p.regions for p in problems] == [["锡林郭勒盟"], [], ["阿拉善左旗"]]


COPIED = """重庆市安全生产委员会办公室关于督查情况的通报

三、存在问题

（一）部分区县整治方案针对性不强。城口县、彭水县印发的专项整治实施方案与上级方案雷同，未结合本地实际细化整治措施；巫溪县方案中的整治任务直接套用市级文件表述，缺乏可操作性。

（二）部分地方工作方案脱离实际。保康县制定的专项整治方案照搬省局方案，未结合本县实际提出具体措施。部分县制定的防汛应急预案内容空泛，与州级预案如出一辙。

（三）检查流于形式。南岸区部分检查记录内容雷同，检查走过场。
"""


def test_copied_plans_in_other_words_and_adjacent_accusations_make_one_passage():
    copied = [p for p in read_text(COPIED).extraction.problems if p.copy_paste]
    assert [p.regions for p in copied] == [["城口县", "彭水县", "巫溪县"], ["保康县"]]
    assert "直接套用市级文件表述" in copied[0].text and "如出一辙" in copied[1].text
    # 雷同 said of inspection records accuses no plan of being copied
    assert not any("检查记录" in p.text for p in copied)


def test_with_a_problems_part_criticism_elsewhere_is_no_problem():
    text = (
        "某市安委办关于约谈情况的通报\n\n一、约谈事由\n\n（一）尚志市。鑫源木业公司违规设置员工宿舍，尚志市监管不到位。\n\n"
        "二、约谈指出的主要问题\n\n（一）安全红线意识树立不牢。尚志市重发展、轻安全。\n"
    )
    found = docparse.read(text.encode(), name="t.txt").extraction.problems
    assert [p.category for p in found] == ["安全红线意识树立不牢"]


def test_problems_listed_on_in_the_paragraph_that_names_them():
    text = (
        "芜湖市人民政府专题会议纪要\n\n会议指出，当前我市燃气安全工作仍存在薄弱环节。一是餐饮场所燃气报警器安装进度滞后，无为市、"
        "南陵县安装率分别仅为58.3%和61.7%；二是重大危险源包保责任落实不到位；三是瓶装液化气非法经营问题屡禁不止。各地务必立即整改。\n"
    )
    doc = docparse.read(text.encode(), name="m.txt")
    found = doc.extraction.problems
    assert [p.text[:6] for p in found] == ["一是餐饮场所", "二是重大危险", "三是瓶装液化"]
    assert not found[-1].text.endswith("立即整改。")
    assert {r.name: r.stance for r in doc.extraction.regions}["无为县"] == "criticized"  # 无为市 since 2019


def test_a_penalty_and_a_table_row_are_no_problems_while_slow_work_is():
    text = (
        "某市人民政府办公室关于开展燃气安全整治的紧急通知\n\n从暗访情况看，金凤区行动快、措施实；永宁县工作推进迟缓，安装率仅为41.2%；"
        "灵武市瓶装液化石油气市场秩序混乱。对永宁县、灵武市予以通报批评。\n\n"
        "序号\t工作内容\t责任单位\n1\t对东川区未整改隐患实行挂牌督办\t市应急局\n"
    )
    doc = docparse.read(text.encode(), name="n.txt")
    assert [p.regions for p in doc.extraction.problems] == [["永宁县"], ["灵武市"]]
    assert {r.name: r.stance for r in doc.extraction.regions}["金凤区"] == "praised"


REAL = ROOT / "corpora" / "real" / "docs"


def test_a_news_page_names_each_shortcoming_it_lists():
    """A real 街道 inspection report: 发现消防设备数量不足、消防器材遮挡、消防通道堆放杂物…等安全隐患9条."""
    texts = [p.text for p in docparse.read(REAL / "r139_tongbao.txt").extraction.problems]
    for cue in ("消防设备数量不足", "消防器材遮挡", "消防通道堆放杂物", "经营项目超范围"):
        assert any(cue in t for t in texts), cue


def test_the_situation_clauses_of_a_notice_are_its_problems():
    """国办发明电〔2007〕16号: 事故隐患仍然大量存在，一些重大危险源尚未得到有效治理和监控，重特大事故时有发生."""
    texts = [p.text for p in docparse.read(REAL / "r352_tongzhi.txt").extraction.problems]
    for cue in ("事故隐患仍然大量存在", "尚未得到有效治理和监控", "重特大事故时有发生", "形势依然严峻"):
        assert sum(cue in t for t in texts) == 1, cue


def test_aims_conditions_penalties_and_rules_name_no_problem():
    text = (
        "关于做好汛期安全工作的通知\n今年以来，全市安全形势总体平稳。要防止隐患反弹回潮，决不能流于形式。"
        "如果事故多发，将严肃问责。共查处无证、证照不全、证照过期企业32家次。\n"
        "加强对灵活用工人员的安全管理，规范外包队伍管理，堵塞安全漏洞。\n"  # r926: 堵塞 aims at the 漏洞 after it
    )
    assert docparse.read(text.encode("utf-8"), name="n.txt").extraction.problems == []
    rule = "火灾事故调查规定\n第一条 有下列情形之一的，不予受理：（一）主要事实不清的；（二）证据不足。\n"
    assert docparse.read(rule.encode("utf-8"), name="r.txt").extraction.problems == []


def problem_texts(text: str) -> list[str]:
    return [p.text for p in read_text(text).extraction.problems]


def test_each_member_of_a_list_the_text_calls_problems_is_one():
    """r727 (省安委办约谈南昌市政府) and r608 (a county's minutes): members with no cue of their own."""
    texts = problem_texts(
        "省安委办约谈南昌市政府\n约谈指出，南昌市近1个月又接连发生3起较大道路交通事故，代价惨痛，教训深刻。"
        "暴露出南昌市在抓道路交通安全上存在站位不高、监管不严、责任不清、措施不实、作风不优等突出问题。\n"
    )
    for cue in ("站位不高", "监管不严", "责任不清", "措施不实"):
        assert sum(cue in t for t in texts) == 1, cue
    assert "作风不优" in texts  # without the closing 等突出问题
    minutes = problem_texts(
        "推動安全生產工作，二要正視惡果，繼續攻堅。積極化解安全生產監管過程中重視不夠、合力不夠、進度不快、"
        "執法不硬、整改不力等五大問題；三要保持效果。\n"
    )
    for cue in ("合力不夠", "進度不快", "執法不硬", "整改不力"):
        assert cue in minutes, cue


def test_a_named_list_begins_after_the_list_that_leads_into_it():
    """r166: the enterprises' list (…有限公司等8家企业) is no problem list; r151: 、 inside brackets parts nothing."""
    texts = problem_texts(
        "督查组发现，宁夏大北农科技实业公司、中粮米业(宁夏)有限公司、宁夏华泰家具制造有限公司等8家企业分别存在着"
        "未进行粉尘爆炸危险场所分区、包装区违章布设不符合防爆要求的插座、米糠仓库灯具不防爆等问题。\n"
    )
    assert len(texts) == 3 and texts[1:] == ["包装区违章布设不符合防爆要求的插座", "米糠仓库灯具不防爆"]
    bracket = problem_texts("通报指出，白山市浑江区安全监管(属地监管、行业监管、综合监管)责任落实不到位、消防设施不完善等问题。\n")
    assert len(bracket) == 2 and "综合监管)责任落实不到位" in bracket[0]


def test_a_list_a_campaign_goes_after_names_no_problems():
    """r341 (a 方案): 集中排查整治…等问题 names targets, not findings."""
    texts = problem_texts(
        "围绕关键要素和环节，集中排查整治危险化学品道路运输车辆“本质挂靠经营”、人员“无证上岗”、"
        "车辆不符合国家规定上路运行等问题。\n"
    )
    assert not any(t.startswith(("人员", "车辆")) for t in texts)


def test_page_chrome_lines_name_no_problems():
    """r737, r625, r392, r604: a reprint notice, a login box, a law database's validity fields."""
    texts = problem_texts(
        "市安委办通报上半年安全生产检查情况\n检查发现，部分企业消防通道堵塞，应急照明不全。\n"
        "版权所有：《安阳日报》所有新闻（含图片）等原创信息，未经允许不得转载或镜像。\n"
        "还没有账号？\n失效日期：\n【时效性】尚未施行\n"
    )
    assert texts == ["部分企业消防通道堵塞", "应急照明不全"]


def test_a_headline_restated_names_no_problem_of_its_own():
    """r723: the page's title, in the breadcrumb and again above the text, says what the text goes on to tell."""
    texts = problem_texts(
        "当前位置: 首页 » 公司动态 » 湖北县委书记迟报瓦斯爆炸事故被查\n\n湖北县委书记迟报瓦斯爆炸事故被查\n\n"
        "发布时间:2016-09-08\n据通报称，阳新县委县政府迟报事故76小时。\n"
    )
    assert texts == ["阳新县委县政府迟报事故76小时"]


def test_disorderly_management_is_a_shortcoming():
    """r747 (an accident investigation report): every member of the list carries a shortcoming once 粗放混乱 does."""
    texts = problem_texts(
        "报告指出，事故发生单位现场安全管理粗放混乱、安全生产管理制度存在漏洞、隐患排查治理流于形式、"
        "选矿厂建设期间管理不规范；实习带队教师风险意识不强。\n"
    )
    assert "安全生产管理制度存在漏洞" in texts and "隐患排查治理流于形式" in texts


def test_a_text_set_out_in_articles_is_a_rule_and_names_no_problem():
    """r500 (公安部令 publishing 火灾事故调查规定): its 文种 is 令, its body articles."""
    articles = "".join(f"第{n}条 火灾事故调查应当坚持及时、客观、公正、合法的原则。\n" for n in "一二三四五六七八九")
    text = (
        "中华人民共和国公安部令\n第121号\n火灾事故调查规定\n" + articles
        + "第十条 任何单位和个人不得妨碍和非法干预火灾事故调查。\n"
        "第十一条 有下列情形之一的，应当重新作出火灾事故认定：\n（一）主要事实不清的；\n（二）认定行为存在明显不当的。\n"
    )
    assert problem_texts(text) == []


def test_an_enforcement_tally_names_no_problem():
    """r156, r716: closures and criminal measures answer violations; the violations named stay problems."""
    texts = problem_texts(
        "市安监局通报\n相当数量企业重生产轻安全的问题依然存在。天津港“8·12”特别重大火灾爆炸事故发生后，"
        "本市停产停业整顿非法违法企业7337家，关闭取缔非法违法企业708家。"
        "公安机关对涉嫌违法犯罪的18名企业人员采取刑事强制措施。\n"
    )
    assert texts == ["相当数量企业重生产轻安全的问题依然存在"]


def test_the_achievements_of_a_plans_situation_part_are_no_problem():
    # the shape of a provincial 规划 (r391 of corpora/real): 现状和面临的形势 opens with what was achieved
    plan = (
        "某省安全生产“十三五”规划\n\n一、安全生产现状和面临的形势\n\n（一）“十二五”时期安全生产工作成效\n\n"
        "安全生产责任体系得到进一步完善，整顿关闭非煤矿山657座。\n\n（二）存在的突出问题\n\n"
        "部分企业主体责任落实不到位，隐患排查治理不彻底。\n\n二、主要任务\n\n加强隐患排查治理。\n"
    )
    doc = docparse.read(plan.encode(), name="plan.txt")
    assert doc.extraction.problems
    assert not any("工作成效" in (p.category or "") or "657座" in p.text for p in doc.extraction.problems)


def test_rising_counts_recurring_accidents_and_a_grave_situation_are_problems():
    """r805, r732, r731, r316: the 形势 sentences of 通报 and 通知."""
    texts = problem_texts(
        "我省部分县市交通事故高发被约谈\n但部分县、市道路交通安全管理不到位，较大以上道路交通事故接连发生。"
        "全区工矿商贸领域事故总量却出现上升。我区高处坠落、物体打击及机械伤害事故频发多发。"
        "今年一季度，全市已发生各类安全生产事故58起，造成11人死亡，安全生产形势比较严峻。\n"
    )
    for cue in ("事故接连发生", "事故总量却出现上升", "机械伤害事故频发多发", "形势比较严峻"):
        assert sum(cue in t for t in texts) == 1, cue


def test_risks_statistics_accident_reports_consequences_and_calls_to_see_are_no_problems():
    """r199 (a season's risk), r743 (a rise by a count), r724 and 038 (an accident told or named), r718 (what a
    shortcoming led to), r625 (a call to see the situation)."""
    text = (
        "关于加强安全生产工作的通报\n当前正值岁末年初安全生产关键期，各类安全事故易发多发。"
        "同比事故起数增加3起，死亡人数增加3人。黄石市阳新县洋港镇非法小煤窑协泰井发生一起较大瓦斯爆炸事故。"
        "\n5.2013年12月26日，广东省梅州市非法储存烟花爆竹爆炸事故；\n"
        "该乡对煤矿监管不力，致使该矿非法生产持续进行。各乡镇、各部门要清醒认识当前我县安全生产工作面临的严峻形势。\n"
    )
    assert problem_texts(text) == ["该乡对煤矿监管不力"]


def test_a_lead_in_inside_a_sentence_lists_problems_without_markers():
    """r172 (国务院安委办检查组 in 海南): …主要问题有：A；B；C。; r112 (督导简报): 主要问题包括A、B、C。"""
    texts = problem_texts(
        "检查组反馈意见\n趙岸青強調，海南省安全生產形勢雖然較為平穩，但也不容樂觀。通過檢查發現的主要問題有："
        "監管力量薄弱，專業人才匱乏；一些重大化工安全隱患仍然存在；部分化工企業安全管理存在較大差距；"
        "應急救援能力不平衡，技術支撐較弱。\n第二督导核查组在山东省日照市检查了1个化工园区。主要问题包括企业自查不深入、"
        "问题隐患整改进度较慢、精细化工企业整治任务未完成、非法违法“小化工”需进一步加强。督导组要求加大执法处罚力度。\n"
    )
    for cue in ("監管力量薄弱，專業人才匱乏", "一些重大化工安全隱患仍然存在", "部分化工企業安全管理存在較大差距",
                "應急救援能力不平衡，技術支撐較弱", "企业自查不深入", "问题隐患整改进度较慢", "精细化工企业整治任务未完成",
                "非法违法“小化工”需进一步加强"):  # fmt: skip
        assert cue in texts, cue


def test_a_lead_in_that_counts_the_problems_opens_a_list():
    """r180 (上海市安委办 on warehouse fires): 上述火灾普遍暴露了四方面问题：, its items marked 一，二，."""
    texts = problem_texts(
        "上海市安委办通报\n上述火灾普遍暴露了四方面问题：\n一，属地街镇对厂房、仓库消防排查整治工作不够重视，排查不细致。\n"
        "二，厂房、仓库产权人盲目追求经济利益，不顾建筑使用性质随意出租。\n"
        "上海市安委会办公室要求，重点排查厂房、仓库存在擅自改变建筑使用性质、违规改建冷链仓储等问题。\n"
    )
    assert len(texts) == 2 and texts[1].startswith("二，厂房、仓库产权人盲目追求经济利益")


def test_a_feedback_paragraph_gives_its_problems_the_region_it_blames():
    """r172: the problems an inspection team found in 海南省 follow the sentence that names it; r151: an enterprise's
    problems are its own, not those of the county it lies in."""
    hainan = {p.text: p.regions for p in docparse.read(REAL / "r172_tongbao.txt").extraction.problems}
    assert hainan["監管力量薄弱,專業人才匱乏"] == ["海南省"] and hainan["一些重大化工安全隱患仍然存在"] == ["海南省"]
    jilin = docparse.read(REAL / "r151_tongbao.txt").extraction.problems
    assert next(p for p in jilin if "消防設施和設備不完善" in p.text).regions == []


def test_hazards_found_where_they_are_and_a_gap_are_problems_while_a_count_of_hazards_is_not():
    """r136 and r111 (检查 news), r746 (a 问责 通报); r621 (a 总结's tally) and r156 (whom a rule targets)."""
    texts = problem_texts(
        "省安委办通报\n检查组在抽查的过程中，发现该矿存在重大安全隐患。突击检查发现，20家危险化学品生产企业存在257项安全隐患。"
        "黄志强同志贯彻落实党中央、国务院关于安全生产的指示要求存在差距。"
        "全市共排查自建房90960栋，存在安全隐患2592栋。本市将对存在重大安全隐患的企业建立负面清单。\n"
    )
    assert texts == ["发现该矿存在重大安全隐患", "20家危险化学品生产企业存在257项安全隐患",
                     "黄志强同志贯彻落实党中央、国务院关于安全生产的指示要求存在差距"]  # fmt: skip


def test_a_lead_in_line_opens_a_list_of_problems_only_if_its_last_sentence_names_them():
    """r748 (an accident investigation report): …针对事故原因及暴露出的突出问题，提出了事故防范和整改措施。
    现将调查结果报告如下： announces the report's parts, not problems."""
    texts = [p.text for p in docparse.read(REAL / "r748_tongbao.txt").extraction.problems]
    assert not any("概况" in t for t in texts)
    assert any("未按要求向相关部门报告" in t for t in texts)
    # r925: 为扎实开展防汛防台风检查工作，全面排查风险隐患和薄弱环节，…通知如下： names what the check goes after
    assert problem_texts(
        "关于做好2024年防汛防台风检查工作的通知\n各部门：\n为扎实开展防汛防台风检查工作，全面排查风险隐患和薄弱环节，"
        "确保防汛安全，现将2024年防汛防台风检查有关事项通知如下：\n一、检查内容。\n二、工作要求。\n"
    ) == []


def test_an_officials_discipline_case_is_no_problem():
    """r716: 因涉嫌严重违纪违法 is a person's case, not a shortcoming of the work."""
    texts = problem_texts(
        "山西省通报\n山西省能源局党组成员、副局长王茂盛因涉嫌严重违纪违法，接受纪律审查和监察调查。"
        "该企业长期违法组织生产。\n"
    )
    assert texts == ["该企业长期违法组织生产"]


def test_a_plan_names_the_problems_it_sets_out_to_solve_not_those_it_goes_after():
    """r323 (a 方案's 主要任务): 切实解决…等突出问题; seed 001 (its 攻坚 tasks): 集中攻坚…等问题 are targets."""
    plan = (
        "某县安全生产专项整治三年行动实施方案\n\n一、主要任务\n\n"
        "务必把安全生产摆到重要位置，切实解决思想认知不足、安全发展理念不牢等突出问题。\n\n"
        "集中攻坚“百吨王”、轻型货车“大吨小标”、机动车辆非法改装等问题。\n"
    )
    texts = problem_texts(plan)
    assert len(texts) == 2 and texts[1] == "安全发展理念不牢" and "思想认知不足" in texts[0]


def test_what_named_regions_are_sanctioned_for_is_their_problem():
    """r107 (国务院安委办约谈 21 cities) and r716 (a 问责 通报): 对…的<regions>…进行约谈 gives the failing before
    the names as a problem of theirs; 对平顶山市的汝州市…进行了验收 (r830) says only where."""
    doc = read_text(
        "国务院安委办通报\n国务院安全生产委员会办公室对今年以来发生重大事故或6个月内发生3宗较大事故的河北省石家庄市、"
        "承德市，山西省大同市等2省的3个市政府负责人进行了约谈。"
        "同时，对该事故中存在失职失责问题的吕梁市、离石区党委政府的39名公职人员进行严肃处理。"
        "对平顶山市的汝州市、新华区的地方煤矿复工矿井进行了验收。\n"
    )
    problems = {p.text: p.regions for p in doc.extraction.problems}
    assert problems == {
        "今年以来发生重大事故或6个月内发生3宗较大事故": ["石家庄市", "承德市", "大同市"],
        "该事故中存在失职失责问题": ["吕梁市", "离石区"],
    }


def test_a_list_in_a_later_paragraph_of_a_problem_heading_gives_problems_of_its_own():
    """A 通报's 二、存在的主要问题: （四）问题整改不严不实。… then 此外，暗访还发现一些共性问题：一是…；二是…: each
    item is a problem of its own, with the regions it names; a list in the heading's own paragraph stays its part."""
    doc = read_text(
        "武汉市安委办关于暗访检查情况的通报\n\n二、存在的主要问题\n\n（一）建筑施工危大工程管控不到位。洪山区部分在建项目"
        "管理混乱：一是塔式起重机安装未编制专项施工方案；二是深基坑监测数据未更新。\n\n（二）问题整改不严不实。汉阳区对交办"
        "问题的整改报告照搬照抄。\n\n此外，暗访还发现一些共性问题：一是施工现场临时用电不规范；二是燃气泄漏报警装置未安装或"
        "失效，江夏区抽查的餐饮场所报警装置安装率不足60%。\n\n三、工作要求\n\n（一）各区要立即整改到位。\n"
    )
    problems = [(p.category, p.regions) for p in doc.extraction.problems if not p.copy_paste]
    assert problems == [
        ("建筑施工危大工程管控不到位", ["洪山区"]),
        ("问题整改不严不实", ["汉阳区"]),
        ("施工现场临时用电不规范", []),
        ("燃气泄漏报警装置未安装或失效", ["江夏区"]),
    ]
    assert not any("此外" in p.text for p in doc.extraction.problems)


def test_a_clause_blames_the_regions_its_sentence_names_before_it_or_after_a_cause():
    """r723: 协泰井蓄意瞒报事故，阳新县委县政府迟报事故76小时 (the county is the next clause's subject);
    r804: 由于安全监管执法排名靠后、安全生产事故增加等扣分因素，攸县政府、茶陵县政府在月度考评中排名县市区后两位
    (a cause told before whom it blames)."""
    doc = read_text(
        "某市通报\n\n事故发生后，协泰井蓄意瞒报事故，阳新县委县政府迟报事故76小时。\n\n"
        "今年3月份，由于安全监管执法排名靠后、安全生产事故增加等扣分因素，攸县政府、茶陵县政府在月度考评中排名县市区"
        "后两位，被通报约谈。\n"
    )
    problems = {p.text: p.regions for p in doc.extraction.problems}
    assert problems["协泰井蓄意瞒报事故"] == []
    assert problems["安全生产事故增加等扣分因素"] == ["攸县", "茶陵县"]


def test_statistics_risks_rules_checks_and_aims_state_no_shortcoming():
    """r880 (a 讲话's 基本情况): a rise with its size is a statistic; r889, r865: a season or a risk that may come;
    r870: whom a prohibition targets; r890, r884: what a check asks, what the public may report; r859: a check
    that found nothing; r886, r887, r878: what a measure aims at; r147: what is to be done (提前做好…薄弱环节排查等工作).
    The shortcomings around them stay."""
    texts = problem_texts(
        "某县通报\n元至五月份，我县共发生各类生产安全事故53起，同比下降18%，死亡20人，同比上升66%。"
        "全区工矿商贸领域事故总量却出现上升。"
        "尤其是第四季度进入秋冬季节，各类火灾事故进入高发期，诱发较大以上生产经营性事故的风险仍然存在。"
        "煤炭矿区总体规划未经批准的地区禁止新建煤矿项目。"
        "重点检查是否存在安全隐患。明查暗访期间，如发现涉嫌存在重大事故隐患，公众可通过专线举报。"
        "城市燃气方面：检查企业7家，未发现安全隐患。"
        "通过推进安全生产社会共治，提高企业违法违规成本。为使烟花爆竹非法生产、经营、储存行为无处存在。"
        "有助于我市进一步堵塞制度漏洞、优化工作举措。"
        "联合下发通知，要求各级各有关部门严格落实责任，提前做好人员转移避险、重点部位和薄弱环节排查等工作。"
        "部分企业安全培训流于形式。\n"
    )
    assert texts == ["全区工矿商贸领域事故总量却出现上升", "部分企业安全培训流于形式"]


def test_a_grave_situation_and_an_accident_lead_into_what_shows_it_and_its_causes():
    """r886 (a meeting's 通报): 形势十分严峻，表现在A、B、C，原因主要是D、E、F、G四个方面 gives each member, none with
    a cue of its own; r703, r702: an accident's 间接原因 lists its causes; r832: a cause that names no
    shortcoming (进入突出煤层, 放炮诱发突出) is none."""
    texts = problem_texts(
        "某市会议\n会议通报，上半年，全市安全生产形势十分严峻，表现在各类事故“三升一降”、工矿事故高发多发、同类事故反复"
        "发生，原因主要是工作不实、责任不实、手段不硬、基础不牢四个方面。"
        "导致事故发生的间接原因有现场安全管理不到位，安全技术管理不到位。"
        "初步分析事故直接原因是该矿掘进井下水仓时进入突出煤层，未采取有效防突措施，放炮诱发煤与瓦斯突出。\n"
    )
    assert texts == [
        "各类事故“三升一降”", "工矿事故高发多发", "同类事故反复发生", "工作不实", "责任不实", "手段不硬", "基础不牢",
        "现场安全管理不到位", "安全技术管理不到位", "未采取有效防突措施",
    ]


def test_regions_sanctioned_for_a_failing_may_open_with_a_name_the_gazetteer_lacks():
    """r879: 对中秋、国庆节期间发生事故的昆区、东河区、九原区…进行约谈提醒 (昆区 is 包头's 昆都仑区)."""
    doc = read_text(
        "包头市简报\n市委常委主持召开安全生产事故警示约谈会议。对中秋、国庆节期间发生事故的昆区、东河区、九原区进行约谈提醒。\n"
    )
    problems = {p.text: p.regions for p in doc.extraction.problems}
    assert problems == {"中秋、国庆节期间发生事故": ["东河区", "九原区"]}


def test_what_enforcement_dealt_with_and_asides_state_no_shortcoming():
    """r857, r828, r887: 关闭非法违法企业1025家, 纠正了一大批违法违规行为, 没收超量存储… tell enforcement's results;
    r745, r809: a cue in brackets (（均未住院治疗）, （未定稿）) is an aside; r723: 打击取缔工作组织不力 stays."""
    texts = problem_texts(
        "某县通报\n全年关闭非法违法企业1025家，纠正了一大批违法违规行为。三塔集镇没收超量存储烟花爆竹240余件。"
        "同时，还将治理一批重大安全隐患，严惩一批违法违规行为。"  # r916: what is to be punished
        "事故造成2人死亡，另有4人受轻微伤（均未住院治疗）。将事故调查报告（未定稿）报省安委会办公室审核同意后结案。"
        "阳新县县长因对全县非法小煤窑打击取缔工作组织不力被免职。\n"
    )
    assert texts == ["阳新县县长因对全县非法小煤窑打击取缔工作组织不力被免职"]


def test_problems_said_to_exist_many_or_grave_are_one():
    """r106, r170, r363, r878 (督导 news, a 通报, an 意见): 存在一些问题, 暴露出了一些问题, 问题比较突出, 问题数量多; 问题突出的地区
    and 对问题较多地区 name places to act on."""
    texts = problem_texts(
        "某省通报\n督导组也发现企业在安全生产工作中存在一些问题，现场提出了整改意见。"
        "但已发现的104项安全隐患确实暴露出了一些问题。安全管理水平与城市发展要求不协调的问题比较突出。"
        "巡查组对问题突出的地区适当延长巡查时间。共反馈问题隐患235项，问题数量多、涉及行业多、覆盖区域多。\n"
    )
    assert texts == [
        "督导组也发现企业在安全生产工作中存在一些问题",
        "但已发现的104项安全隐患确实暴露出了一些问题",
        "安全管理水平与城市发展要求不协调的问题比较突出",
        "问题数量多、涉及行业多、覆盖区域多",
    ]


def test_concealment_and_urgent_shortfalls_are_shortcomings_a_terms_definition_is_none():
    """r835, r724 (accident 通报): 隐瞒不报; r837 (暗访 news): 亟待加强; r367 (a 方案): the bracket defining a
    campaign's quoted target (“五假五超三瞒三不”（…隐瞒作业地点…）) names what it goes after."""
    texts = problem_texts(
        "某省通报\n事故发生后，龙窝煤矿隐瞒不报。在消防安全方面，企业主体责任落实亟待加强。"
        "用三年时间，持续推进“五假五超三瞒三不”（假整改、假密闭；超层越界、超能力；隐瞒作业地点、瞒报谎报事故）专项行动。\n"
    )
    assert texts == ["龙窝煤矿隐瞒不报", "企业主体责任落实亟待加强"]


def test_each_clause_with_a_shortcoming_of_its_own_is_one_blamed_on_the_region_before():
    """r832 (黔南州通报), r836: …荔波县贯彻落实…力度不够，审批把关不严，工作不到位 are three problems of 荔波县; a
    figure of the region (永宁县工作推进迟缓，安装率仅为41.2%) stays with its clause."""
    doc = read_text(
        "黔南州通报\n黔南州通报称，荔波县贯彻落实有关安全生产工作方针、政策和规定力度不够，审批把关不严，工作不到位。"
        "永宁县工作推进迟缓，安装率仅为41.2%。\n"
    )
    problems = {p.text: p.regions for p in doc.extraction.problems}
    assert problems == {
        "荔波县贯彻落实有关安全生产工作方针、政策和规定力度不够": ["荔波县"],
        "审批把关不严": ["荔波县"],
        "工作不到位": ["荔波县"],
        "永宁县工作推进迟缓，安装率仅为41.2%": ["永宁县"],
    }


def test_a_problem_of_some_counties_goes_to_the_blamed_members_the_next_sentence_names():
    """r805 (河南 约谈 news): 但部分县、市…管理不到位…。其中，鹿邑县、林州市…等地…: the members named after 其中, blamed by
    the 约谈 that follows, are whom the problem is about; 郑州 (约谈 too, named elsewhere) is not."""
    text = (
        "我省部分县市交通事故高发被约谈\n\n今年以来，全省道路交通安全形势整体平稳。但部分县、市道路交通安全管理不到位，"
        "较大以上道路交通事故接连发生。其中，鹿邑县、林州市等地均先后发生两起一次死亡3人以上道路交通事故。"
        "昨日下午，省政府集中约谈了郑州、安阳、商丘市政府，鹿邑、林州县（市）政府。\n"
    )
    doc = docparse.read(text.encode("utf-8"), name="a.txt")
    regions = {p.text: p.regions for p in doc.extraction.problems}
    assert regions["但部分县、市道路交通安全管理不到位"] == ["鹿邑县", "林州市"]


def test_a_title_line_naming_problems_makes_each_item_under_it_one():
    """泰安 r921: an attachment titled 国务院安委会明查暗访发现共性问题清单 lists its problems under 一、消防领域 …; a
    总结 (r827) has 存在的问题 on a line of its own before 1、…方面：…; a 2．…管理存在问题 item is one of the list."""
    texts = [p.text for p in docparse.read(REAL / "r921_tongzhi.pdf").extraction.problems]
    for cue in ("集结时间较长", "消防控制室值班人员未持证上岗", "燃气报警器已过期", "管理存在问题", "培训内容严重脱节"):
        assert sum(cue in t for t in texts) == 1, cue
    assert not any(t.startswith(("一、消防领域", "二、燃气领域")) for t in texts)
    texts = [p.text for p in docparse.read(REAL / "r827_zongjie.txt").extraction.problems]
    assert [t[:4] for t in texts] == ["1、非法", "2、道路"]


def test_a_list_named_problems_outside_the_problems_part_is_still_problems():
    """r921's opening: 检查组…重点指出了我市部分企业单位存在的缺乏安全意识、法规标准执行不严…等问题."""
    texts = [p.text.replace("\n", "") for p in docparse.read(REAL / "r921_tongzhi.pdf").extraction.problems]
    for cue in ("缺乏安全意识", "法规标准执行不严", "现场管理存在漏洞", "人员密集场所消防设施不完善"):
        assert any(cue in t for t in texts), cue


def test_a_headline_taken_for_a_heading_makes_no_directive_part():
    """r914 (南海网): the headline 海南省安委办通报两起事故 强调抓好重点行业领域安全防范 heads the page as an unmarked
    section whose words ask for work; the 该事故暴露出…不到位，…监管不力 under it are still problems."""
    doc = docparse.read(REAL / "r914_tongbao.txt")  # traditional script with pinyin glosses: read the normalized text
    texts = [doc.norm_text[doc.norm_index(p.span.start) : doc.norm_index(p.span.end)] for p in doc.extraction.problems]
    for cue in ("员工安全意识淡薄", "对承包商管理不到位", "本质安全水平不高", "监管不力"):
        assert sum(cue in t for t in texts) == 1, cue


def test_the_items_of_what_a_campaign_goes_after_are_no_problems():
    """r927 (a 专项整治 notice): under 二、整治内容 the items 聘用和招请未经安全培训合格…的 are what is to be put right."""
    texts = [p.text for p in docparse.read(REAL / "r927_tongzhi.pdf").extraction.problems]
    assert not any("未经安全培训合格" in t or "违规施工方面" in t for t in texts)


def test_a_heading_that_says_a_work_needs_strengthening_states_a_problem():
    text = (
        "南宁对安全生产领域专项监督检查中发现的问题进行通报\n\n对检查发现问题通报如下:\n\n"
        "一、属地政府安全生产责任履职能力有待加强\n\n"
        "(一)马山县自然资源、应急管理部门对安全生产专项整治三年行动的宣传不足。\n\n"
        "(二)上林县乡村振兴、住建部门落实安全监管职责不到位。对督导检查发现的问题隐患,未严格督促有关责任单位落实整改责任,"
        "隐患治理工作未显成效。\n\n"
        "二、企业安全生产主体责任落实仍有差距\n\n部分企业安全生产宣传培训教育不到位,未按要求开展风险辨识评估。\n"
    )
    doc = read_text(text)
    assert doc.sections[0].role == "problems"  # its 加强 asks nothing
    problems = [p.text for p in doc.extraction.problems]
    assert any("履职能力有待加强" in p for p in problems)
    assert any("落实安全监管职责不到位" in p for p in problems)
    assert any("隐患治理工作未显成效" in p for p in problems)


def test_a_sentence_citing_a_laws_article_quotes_the_rule_not_a_finding():
    text = (
        "市应急管理局公布典型案例。\n法律链接:\n"
        "《中华人民共和国安全生产法》第九十七条第七项 生产经营单位特种作业人员未按照规定经专门的安全作业培训并取得相应资格,"
        "上岗作业的,责令限期改正,处十万元以下的罚款。\n"
        "典型案例:\n经调查,钱某某未按照规定经专门的安全作业培训并取得相应资格,上岗作业。\n"
    )
    problems = [p.text for p in read_text(text).extraction.problems]
    assert not any("第九十七条" in p or p.startswith("生产经营单位") for p in problems)
    assert any("钱某某" in p or p.startswith("未按照规定") for p in problems)


def test_a_list_ending_in_deng_after_a_clause_naming_problems_found_lists_them():
    text = (
        "在肯定成绩的同时，督查组也指出了我省在安全生产方面存在的短板和问题，企业主体责任落实不到位、大检查工作力度递减等。"
        "对此，督查组要求保持大检查工作高压态势。\n"
    )
    problems = [p.text for p in read_text(text).extraction.problems]
    assert "企业主体责任落实不到位" in problems and "大检查工作力度递减" in problems
    assert not any("指出了" in p for p in problems)  # the lead only announces them


def test_a_hazard_list_names_missing_signs_and_measures_and_records_short_of_detail():
    text = (
        "莅许督查发现的问题和隐患\n\n2017年9月14日\n\n附件:\n\n胖东来时代广场(责任单位:魏都区,市消防支队)\n\n"
        "1.进门地面无荧光标识;\n\n2.控制室无防小动物措施;\n\n3.动火证内容不详细。\n"
    )
    problems = [p.text for p in read_text(text).extraction.problems]
    for cue in ("进门地面无荧光标识", "控制室无防小动物措施", "动火证内容不详细"):
        assert any(cue in p for p in problems), cue


def test_whatever_measure_is_taken_states_no_missing_one():
    from docparse.extract.problems import deficiency_pattern

    assert deficiency_pattern().search("无论采取何种措施，都要确保安全") is None
    assert deficiency_pattern().search("控制室无防小动物措施") is not None
