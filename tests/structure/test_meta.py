import re

import pytest

import docparse
from tests.helpers import gold, seed

SEEDS = ["000", "001", "002", "003", "004"]


def meta_of(prefix: str) -> dict:
    return docparse.read(seed(prefix), steps=("structure",)).to_dict()["meta"]


def squash(text: str | None) -> str | None:
    return re.sub(r"\s+", "", text) if text is not None else None


@pytest.mark.parametrize("prefix", SEEDS)
def test_meta_matches_gold_for_every_stated_field(prefix):
    expected = gold(prefix)["meta"]
    got = meta_of(prefix)
    assert got["doc_type"] in expected["doc_type"]
    assert squash(got["title"]) == squash(expected["title"])
    for key in ("doc_number", "issuer", "date"):
        assert got[key] == expected[key], key
    assert got["recipients"] == expected["recipients"]


def test_every_meta_value_carries_its_evidence():
    doc = docparse.read(seed("000"), steps=("structure",))
    for name in ("title", "doc_number", "issuer", "date"):
        field = getattr(doc.meta, name)
        assert doc.text_of(field.span) == field.text
    assert doc.text_of(doc.meta.date.span) == "2018年4月20日"
    assert doc.meta.issuer_mark.value == "云南省安全生产委员会办公室文件"
    assert doc.meta.print_date.value == "2018-04-20"
    assert any("联系人" in n.value for n in doc.meta.notes)


def test_wrapper_notice_exposes_the_embedded_plan():
    doc = docparse.read(seed("001"), steps=("structure",))
    assert doc.meta.doc_type.value == "通知"
    [plan] = doc.embedded
    assert plan.title.value == "昆明市重大事故隐患专项排查整治2023行动方案"
    assert plan.doc_type == "方案"
    assert len(doc.meta.attachments) == 3
    # the noise at the top of the web page is not the title
    assert doc.meta.title.value.startswith("昆明市安全生产委员会关于印发")


OWN_NOTICE = """四川省某某县安全生产委员会办公室文件

某安办〔2024〕7号

某某县安全生产委员会办公室
关于开展汛期安全生产大检查的通知

各乡（镇）人民政府，县安委会各成员单位：
为切实做好汛期安全防范工作，经县政府同意，决定在全县开展汛期安全生产大检查。现将有关事项通知如下。
一、检查范围
全县矿山、危险化学品、道路交通、建筑施工等行业领域。
二、工作要求
各单位要于6月30日前将检查情况报送县安委办。

附件：1.检查情况统计表
2.问题隐患清单

某某县安全生产委员会办公室
二〇二四年六月三日

抄送：县委办公室，县政府办公室。
某某县安全生产委员会办公室　　2024年6月4日印发
"""


def test_gbt9704_elements_of_a_notice_written_for_the_tests():
    doc = docparse.read(OWN_NOTICE.encode("gb18030"), name="notice.txt", steps=("structure",))
    meta = doc.meta
    assert doc.source.encoding == "gb18030"
    assert meta.doc_number.value == "某安办〔2024〕7号"
    assert meta.title.value == "某某县安全生产委员会办公室关于开展汛期安全生产大检查的通知"
    assert meta.doc_type.value == "通知"
    assert [r.value for r in meta.recipients] == ["各乡（镇）人民政府", "县安委会各成员单位"]
    assert meta.date.value == "2024-06-03"
    assert meta.issuer.value == "某某县安全生产委员会办公室"
    assert [a.value for a in meta.attachments] == ["1.检查情况统计表", "2.问题隐患清单"]
    assert meta.cc[0].value == "县委办公室，县政府办公室。"
    assert meta.printed_by.value == "某某县安全生产委员会办公室"
    assert meta.print_date.value == "2024-06-04"


@pytest.mark.parametrize(
    "number",
    ["云安办〔2018〕19号", "川安委[2021]3号", "冀安办(2022)15号", "黔安【2023】102号", "粤安〔2020〕第6号"],
)
def test_doc_number_bracket_variants(number):
    text = f"某某市安全生产委员会文件\n\n{number}\n\n关于加强安全生产工作的意见\n\n各县区：\n现提出如下意见。\n"
    doc = docparse.read(text.encode(), name="n.txt", steps=("structure",))
    assert doc.meta.doc_number is not None
    assert re.sub(r"\s", "", doc.meta.doc_number.value) == number
    assert doc.meta.doc_type.value == "意见"


def test_doc_type_from_content_when_there_is_no_title():
    text = "今年以来，全县上下认真贯彻落实安全生产决策部署。\n\n特此报告。\n"
    doc = docparse.read(text.encode(), name="r.txt", steps=("structure",))
    assert doc.meta.title is None
    assert doc.meta.doc_type.value == "报告"


MINUTES = """某市安全生产委员会会议纪要

某安委纪〔2022〕5号

某市安全生产委员会办公室                    2022年9月2日

市安委会2022年第二次全体会议纪要

2022年8月30日，市安委会副主任主持召开全体会议，研究部署下半年安全生产工作。现将会议议定事项纪要如下：

一、关于道路交通安全。由市公安局牵头，市交通运输局配合，完成时限：2022年10月31日前。
"""

SPEECH = """在全县安全生产工作会议上的讲话

某县人民政府副县长  王某某

（2023年2月10日）

同志们：

今天召开全县安全生产工作会议，总结去年工作，部署今年任务。
"""


def test_minutes_header_masthead_number_office_and_date():
    meta = docparse.read(MINUTES.encode(), name="minutes.txt").meta
    assert meta.title.value == "市安委会2022年第二次全体会议纪要"
    assert meta.issuer_mark.value == "某市安全生产委员会会议纪要"
    assert (meta.issuer.value, meta.date.value) == ("某市安全生产委员会办公室", "2022-09-02")
    assert meta.recipients == []  # 现将…纪要如下： is a body sentence, not an address line


def test_speech_byline_gives_speaker_and_date():
    meta = docparse.read(SPEECH.encode(), name="speech.txt").meta
    assert meta.doc_type.value == "讲话"
    assert meta.issuer.value == "某县人民政府副县长王某某" and meta.issuer.text == "某县人民政府副县长  王某某"
    assert meta.date.value == "2023-02-10"


BRIEFING = """安全生产工作简报

2022年第3期（总第41期）

某省应急管理厅办公室编                    2022年5月6日

全省汛前安全检查有序推进 各地排查隐患1.2万项

4月以来，全省各级应急管理部门按照部署开展汛前安全检查。现将有关情况简报如下。
"""


def test_briefing_masthead_issue_line_and_headline():
    meta = docparse.read(BRIEFING.encode(), name="briefing.txt").meta
    assert meta.doc_type.value == "信息" and meta.issuer_mark.value == "安全生产工作简报"  # 信息/简报 are one kind
    assert meta.title.text == "全省汛前安全检查有序推进 各地排查隐患1.2万项"
    assert (meta.issuer.value, meta.date.value) == ("某省应急管理厅办公室", "2022-05-06")
    assert meta.doc_number is None


def test_joint_issuers_bare_number_and_site_name_line():
    joint = (
        "某省人民政府门户网站\n首页 > 政务公开 > 通知公告\n\n"
        "榆林市应急管理局 榆林市能源局关于煤矿安全生产大检查情况的通报\n\n榆政应急发〔2019〕127号\n\n"
        "各县（市、区）应急管理局：\n\n现将有关情况通报如下。\n\n榆林市应急管理局          榆林市能源局\n2019年7月26日\n"
    )
    meta = docparse.read(joint.encode(), name="joint.txt").meta
    assert meta.title.value == "榆林市应急管理局榆林市能源局关于煤矿安全生产大检查情况的通报"
    assert meta.issuer.value == "榆林市应急管理局、榆林市能源局" and meta.issuer_mark is None
    minutes = MINUTES.replace("某安委纪〔2022〕5号", "〔2022〕5号")
    meta = docparse.read(minutes.encode(), name="minutes.txt").meta
    assert meta.doc_number.value == "〔2022〕5号" and meta.title.value == "市安委会2022年第二次全体会议纪要"


# Real news pages (corpora/real r129, r140): no title of their own, no 文种 phrase, page chrome that says 信息.
FISHERY_CHECK = (
    "今天小编鱼儿为大家分享渔业信息、水产养殖技术、淡水海水养殖经验!\n"
    "为进一步加强休闲渔船安全,及时排查和消除休闲渔船安全隐患,切实保障游客和船员生命财产安全。7月19日下午,"
    "浙江温州市海洋与渔业执法支队刘伟海科长带队到乐清南岳码头对伏休期间休闲渔船的安全情况进行检查。\n"
)
ACCIDENT_FIGURES = (
    "昆明信息港讯 记者李丽朱 据云南省应急管理厅消息,1月至7月,云南省发生各类生产安全事故641起、死亡687人、"
    "受伤216人,同比减少302起、307人、174人,下降32.03%、30.89%、44.62%。\n"
)


@pytest.mark.parametrize("text", [FISHERY_CHECK, ACCIDENT_FIGURES], ids=["inspection", "accident_figures"])
def test_a_news_page_of_work_done_is_filed_as_the_report_it_is(text):
    # 信息 in 渔业信息 or 昆明信息港 is the everyday word, not the kind; a page naming no kind reports work: 通报
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.doc_type.value == "通报"


def test_a_briefing_titled_as_such_keeps_its_kind():
    doc = docparse.read("全市安全生产工作信息\n\n今年以来，全市安全生产形势总体平稳。\n".encode(), name="x.txt", steps=("structure",))
    assert doc.meta.doc_type.value == "信息"


def test_a_title_may_end_in_its_period_or_status_after_the_kind():
    from docparse.structure.meta import kind_of_title

    assert kind_of_title("广元市安全生产治本攻坚三年行动方案(2024—2026年)") == "方案"
    assert kind_of_title("龙岗区城中村消防和燃气安全专项整治实施方案（2024年）") == "方案"
    assert kind_of_title("开封市消防工作目标考核办法（试行）") == "办法"
    assert kind_of_title("关于加强安全生产工作（2024年）的若干措施（一）") is None


# Real openings whose title line the page lost (corpora/real r303, r363): the notice names what it issues.
ISSUING_OPENING = (
    "各市人民政府，省安全生产委员会各成员单位，中央在皖及省属重点企业：\n"
    "《安徽省安全生产治本攻坚三年行动实施方案（2024—2026年）》已经省政府领导同意，现印发给你们，请结合实际认真贯彻落实。\n"
)
NEWS_OPENING = "近日，中共中央办公厅、国务院办公厅印发了《关于推进城市安全发展的意见》，并发出通知，要求各地区各部门结合实际认真贯彻落实。\n"


@pytest.mark.parametrize(("text", "title"), [
    (ISSUING_OPENING, "安徽省安全生产治本攻坚三年行动实施方案（2024—2026年）"),
    (NEWS_OPENING, "关于推进城市安全发展的意见"),
], ids=["issuing_notice", "news"])  # fmt: skip
def test_without_a_title_line_the_title_is_what_the_opening_says_is_issued(text, title):
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.title.value == title
    assert doc.text_of(doc.meta.title.span) == title


def test_a_cited_document_is_no_title():
    text = "为贯彻落实《安全生产法》和《关于推进城市安全发展的意见》，全市开展安全生产大检查，现将有关情况通报如下。\n"
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.title is None


@pytest.mark.parametrize(("line", "recipients"), [
    ("县政府有关部门、县直(驻县)有关单位：", ["县政府有关部门", "县直(驻县)有关单位"]),  # r338
    ("各村委会、镇属企事业单位：", ["各村委会", "镇属企事业单位"]),  # r356
    ("国务院各部委、各直属机构：", ["国务院各部委、各直属机构"]),  # r352: one prefix, two kinds
    ("各州、市人民政府，省直各委、办、厅、局：", ["各州、市人民政府", "省直各委、办、厅、局"]),  # r369
    ("各镇党委、人民政府：", ["各镇党委、人民政府"]),  # r600
], ids=["two_bodies", "village_and_town", "shared_prefix", "kind_list", "bare_kind"])  # fmt: skip
def test_recipients_split_at_the_enumeration_comma_only_between_whole_bodies(line, recipients):
    text = f"关于做好安全生产工作的通知\n\n{line}\n\n现将有关事项通知如下。\n"
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert [r.value for r in doc.meta.recipients] == recipients
