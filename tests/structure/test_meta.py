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
    assert meta.issuer.value == "四川省某某县安全生产委员会办公室"  # the signature's organ as the masthead writes it in full
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
    # the lead organ is the issuer; the signature as written keeps both
    assert meta.issuer.value == "榆林市应急管理局" and meta.issuer_mark is None
    assert "榆林市能源局" in meta.issuer.text
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


@pytest.mark.parametrize("text", [
    # r867: a reporter's byline over the lede, a mirror's spam run into it
    "海报新闻记者 孙佃潇 北京报说念开云体育\n2月28日，海报新闻记者从救急管制部获悉，国务院安委会办公室近日初始2025年危化品重心县大家指点管事。\n",
    # r879: a weekly report's period over its first heading
    "（10月11日至10月17日）\n一、生产安全事故总体情况\n截至10月17日，全市共发生生产安全事故59起，死亡61人。\n",
], ids=["byline", "period"])
def test_a_byline_or_a_period_over_the_text_is_no_headline(text):
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.title is None


def test_a_sites_trending_box_is_no_headline():
    # r883 (traditional script on the page), r820: the site's 热门 box over the article
    text = ("menu-icon\n熱門時事巨亨號巨亨買幣\nsearch icon\n"
            "《駐京專電》22個中央巡查組陸續進駐，開展一季度安全生產查訪經濟通新聞 2025-03-19 13:51\n"
            "2025年度中央安全生產考核巡查一季度安全生產明查暗訪近日正式啟動。\n")
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.title is None or not doc.meta.title.value.startswith("热门")


@pytest.mark.parametrize(("line", "recipients"), [
    ("县政府有关部门、县直(驻县)有关单位：", ["县政府有关部门", "县直(驻县)有关单位"]),  # r338
    ("各村委会、镇属企事业单位：", ["各村委会", "镇属企事业单位"]),  # r356
    ("国务院各部委、各直属机构：", ["国务院各部委、各直属机构"]),  # r352: one prefix, two kinds
    ("各州、市人民政府，省直各委、办、厅、局：", ["各州、市人民政府", "省直各委、办、厅、局"]),  # r369
    ("各镇党委、人民政府：", ["各镇党委、人民政府"]),  # r600
    ("各市州住建局、兰州新区城交局、甘肃矿区建委：", ["各市州住建局", "兰州新区城交局", "甘肃矿区建委"]),  # r626
    ("各乡镇人民政府、大通街道办事处，区安委会各成员单位：", ["各乡镇人民政府", "大通街道办事处", "区安委会各成员单位"]),  # 003
    ("各镇人民政府、街道办事处：", ["各镇人民政府、街道办事处"]),  # r603: the bare kind shares 各
    ("各部门、各主力店、各店铺：", ["各部门", "各主力店", "各店铺"]),  # r925: each addressed with its own 各
    ("各行政村、各有关单位：", ["各行政村", "各有关单位"]),  # r813
], ids=["two_bodies", "village_and_town", "shared_prefix", "kind_list", "bare_kind", "named_places", "named_subdistrict",
        "bare_subdistrict", "each_with_ge", "village_and_units"])  # fmt: skip
def test_recipients_split_at_the_enumeration_comma_only_between_whole_bodies(line, recipients):
    text = f"关于做好安全生产工作的通知\n\n{line}\n\n现将有关事项通知如下。\n"
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert [r.value for r in doc.meta.recipients] == recipients


# corpora/real r637: a notice a web page flattened into one line, pieces apart by spaces.
FLATTENED_NOTICE = (
    "湖北省人民政府办公厅关于加强中央在鄂企业和省属企业安全生产工作的通知 各市、州、县人民政府，省政府各部门： "
    "为贯彻落实《国务院办公厅关于加强中央企业安全生产工作的通知》（国办发（2004）52号）精神，进一步加强中央在鄂企业和"
    "省属企业安全生产工作，保护人民群众生命财产安全，经省人民政府同意，现就有关事项通知如下： "
    "一、切实落实企业安全生产主体责任 （一）企业是安全生产的责任主体。中央在鄂企业和省属企业必须认真贯彻执行国家和地方"
    "有关安全生产的法律、法规和标准。 （二）企业主要负责人是企业安全生产的第一责任人。\n"
)


def test_a_flattened_notice_yields_its_title_recipients_and_outline():
    doc = docparse.read(FLATTENED_NOTICE.encode(), name="flat.txt", steps=("structure",))
    assert doc.meta.title.value == "湖北省人民政府办公厅关于加强中央在鄂企业和省属企业安全生产工作的通知"
    assert doc.meta.issuer.value == "湖北省人民政府办公厅"
    assert [r.value for r in doc.meta.recipients] == ["各市、州、县人民政府", "省政府各部门"]
    assert [s.heading[:8] for s in doc.sections][:3] == ["切实落实企业安全", "企业是安全生产的", "企业主要负责人是"]
    assert doc.text_of(doc.meta.title.span) == doc.meta.title.text  # the spans still point into the file


def test_a_long_paragraph_with_spaces_is_not_taken_apart():
    text = ("今年以来，全市各级各部门认真贯彻落实安全生产决策部署，深入开展隐患排查整治， 共检查企业1200家，"
            "发现隐患3400项， 已整改3300项，整改率97%，约谈企业负责人45人，关闭取缔非法违法企业12家，"
            "安全生产形势持续稳定向好， 事故起数和死亡人数实现双下降， 未发生较大以上生产安全事故。" * 2)
    doc = docparse.read(text.encode(), name="p.txt", steps=("normalize",))
    assert "\n" not in doc.norm_text.strip()


@pytest.mark.parametrize(("opening", "issuer"), [
    # corpora/real r125, r140, r702, r111
    (("【城市信息网】哈尔滨1月24日电 （通讯员 荣家莹 记者 解培华）24日，记者从黑龙江省安监局获悉，黑龙江省2013年共发生"
     "各类生产安全事故3542起，死亡1436人。\n"), "黑龙江省安监局"),
    ("昆明信息港讯 记者李丽朱 据云南省应急管理厅消息，1月至7月，云南省发生各类生产安全事故641起。\n", "云南省应急管理厅"),
    (("中新网南昌4月30日电 （记者 刘占昆）江西煤矿安全监察局30日对外公布了对江西煤业集团有限责任公司涌山煤矿"
     "“2.28”较大煤与瓦斯突出事故的调查报告。\n"), "江西煤矿安全监察局"),
    (("新华社武汉4月16日电（记者侯文坤）湖北省应急管理厅近日组织的一次企业安全突击检查发现，20家危险化学品生产企业"
     "存在257项安全隐患。\n"), "湖北省应急管理厅"),
], ids=["source_learned_from", "source_news", "publishes_on_a_day", "acts_after_byline"])  # fmt: skip
def test_a_news_page_issuer_is_the_body_it_reports_or_quotes(opening, issuer):
    doc = docparse.read(opening.encode(), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


def test_a_function_word_does_not_start_an_issuer():
    # corpora/real r101: 并以国务院安委办名义…发出整改通知, 按照国务院安委会部署
    text = ("党的十九大召开期间，按照国务院安委会部署，由国家安全监管总局牵头组成督查组，"
            "并以国务院安委办名义向各省级政府安委会发出整改通知。\n")
    doc = docparse.read(text.encode(), name="news.txt", steps=("structure",))
    assert doc.meta.issuer is None or not doc.meta.issuer.value.startswith(("并", "按照", "由"))


def test_a_title_in_traditional_script_gives_its_issuer():
    # corpora/real 031, as the page served it
    text = "01\n2014-08\n市城建委關于2014年全市建設工程安全生產大檢查暨第二季度安全生產檢查的通報\n各區建設局，各建設、施工、監理單位：\n按照工作安排，市城建委對全市建設工程安全生產情況進行了督查。\n"
    doc = docparse.read(text.encode(), name="t.txt", steps=("structure",))
    assert doc.meta.issuer.value == "市城建委"


def test_a_stray_mark_and_a_category_label_above_the_title_are_no_header():
    # corpora/real r738: a lone ？ before the title, and the portal's 规范性文件 category
    text = ("？\n南宁市兴宁区人民政府办公室关于2017年度安全生产考核情况的通报\n<<返回\n规范性文件\n"
            "南宁市兴宁区人民政府办公室关于2017年度安全生产考核情况的通报\n南兴府办〔2018〕20号\n"
            "各镇人民政府，各街道办事处，城区安委会各成员单位：\n2017年，各镇（街道）深入学习贯彻党的十九大精神。\n")
    doc = docparse.read(text.encode(), name="t.txt", steps=("structure",))
    assert doc.meta.title.value == "南宁市兴宁区人民政府办公室关于2017年度安全生产考核情况的通报"
    assert doc.meta.issuer.value == "南宁市兴宁区人民政府办公室"
    assert doc.meta.issuer_mark is None
    # the portal repeats the title and prints its 文号 between the first title and the 主送
    assert [r.value for r in doc.meta.recipients] == ["各镇人民政府", "各街道办事处", "城区安委会各成员单位"]


@pytest.mark.parametrize(("head", "title", "number"), [
    # corpora/real 062 and r119: the 文号 on the title's line with page chrome after it, or in brackets below
    (("省人民政府办公厅关于印发湖北省安全生产“十三五”规划的通知（鄂政办发〔2017〕49号）扫描二维码 分享好友和朋友圈\n"
     "放大字体  缩小字体 2017-08-24 10:41:27  来源：湖北省人民政府\n"),
     "省人民政府办公厅关于印发湖北省安全生产“十三五”规划的通知", "鄂政办发〔2017〕49号"),
    ("吐鲁番地区行政公署关于表彰2009年度地区安全生产工作先进单位和先进个人的决定\n（吐地行〔2010〕26号）\n",
     "吐鲁番地区行政公署关于表彰2009年度地区安全生产工作先进单位和先进个人的决定", "吐地行〔2010〕26号"),
    # r388: the bracketed 文号 ends the title's line, the page's widgets on the line below
    ("辽宁省应急管理厅关于印发《辽宁省安全生产规划分工方案》的通知 （辽安委办〔2021〕101号）\n放大字体  缩小字体 发布日期：2022-10-12  来源：辽宁省应急管理厅\n",
     "辽宁省应急管理厅关于印发《辽宁省安全生产规划分工方案》的通知", "辽安委办〔2021〕101号"),
], ids=["on_the_title_line", "bracketed_below", "ending_the_title_line"])  # fmt: skip
def test_a_portal_prints_the_number_beside_or_below_the_title(head, title, number):
    text = head + "各县（市）人民政府，地直有关单位：\n现将有关事项通知如下。\n"
    doc = docparse.read(text.encode(), name="portal.txt", steps=("structure",))
    assert doc.meta.title.value == title
    assert doc.meta.doc_number.value == number
    assert doc.text_of(doc.meta.doc_number.span) == number


# corpora/real r720 and r730: a portal's metadata table, labels spaced out and without colons
PORTAL_TABLE = (
    "索 引 号 主题分类 市场监管、安全生产监管 \\ 安全生产监管\n"
    "发布机构 自治区人民政府办公厅 文  号 内政办发电[2009]109号\n"
    "成文日期 2009-12-14\n"
    "内蒙古自治区人民政府办公厅关于考核各盟市2009年安全生产工作的通知\n"
    "各盟行政公署、市人民政府，自治区各有关委、办、厅、局：\n"
    "为全面掌握各盟市安全生产工作情况，自治区决定对各盟市2009年安全生产工作进行考核。\n"
)


def test_a_portal_table_with_spaced_labels_gives_number_and_date_and_stays_out_of_the_title():
    doc = docparse.read(PORTAL_TABLE.encode(), name="portal.txt", steps=("structure",))
    assert doc.meta.title.value == "内蒙古自治区人民政府办公厅关于考核各盟市2009年安全生产工作的通知"
    assert doc.meta.doc_number.value == "内政办发电[2009]109号"
    assert doc.meta.date.value == "2009-12-14"
    assert doc.meta.issuer.value == "内蒙古自治区人民政府办公厅"


@pytest.mark.parametrize(("head", "title"), [
    ("名 称：关于核销一起生产安全事故的公示\n", "关于核销一起生产安全事故的公示"),  # r730
    ("法搜网--中国法律信息搜索网\n重庆市人民政府办公厅关于印发《2009年全市安全生产重点任务》的通知\n",
     "重庆市人民政府办公厅关于印发《2009年全市安全生产重点任务》的通知"),  # r709
    ("（甘谷县召开安委会第六次全体会议）\n", "甘谷县召开安委会第六次全体会议"),  # r628
    ("工地溺亡事故被泉州挂牌督办2024-01-15历史\n", "工地溺亡事故被泉州挂牌督办"),  # r744
], ids=["label", "site_name_above", "brackets", "page_date_after"])  # fmt: skip
def test_what_a_page_prints_around_a_title_is_no_part_of_it(head, title):
    text = head + "近日，有关部门对此进行了通报，要求各地认真吸取教训。\n"
    doc = docparse.read(text.encode(), name="page.txt", steps=("structure",))
    assert doc.meta.title.value == title
    assert doc.meta.doc_type.value is not None


# Address lines the 主送 window under the title missed (corpora/real r622, r376, r320, r104).
GLUED_ADDRESS = (
    "宁夏回族自治区应急管理厅关于印发《宁夏回族自治区安全生产“十四五”规划》的通知\n"
    "各市、县（区）人民政府，宁东管委会，自治区安委会各成员单位： 《宁夏回族自治区安全生产“十四五”规划》已经自治区人民政府"
    "第130次常务会议审定，现印发给你们，请认真贯彻执行。\n"
)
TABLE_CELL_ADDRESS = (
    "文号： | 崇川政办发〔2020〕11号 |\n"
    "名称： | 区政府办公室印发《关于推进城市安全发展的实施办法》的通知 |各街道、开发区，区相关部门和单位：\n"
    "《关于推进城市安全发展的实施办法》已经区政府常务会讨论通过，现印发给你们，请结合实际认真抓好贯彻执行。\n"
)
ABOVE_PRINTED_PLAN = (
    "皖安〔2022〕4号\n各市人民政府，省安委会各成员单位：\n经省政府同意，现将《安徽省“十四五”安全生产规划》印发你们，"
    "请认真贯彻执行。\n安徽省安全生产委员会\n2022年2月28日\n安徽省“十四五”安全生产规划\n"
    "为贯彻落实党中央、国务院及省委、省政府关于安全生产工作的决策部署，制定本规划。\n"
)


# r866: a mirror masks a word of a recipient with asterisks, which are no chrome glued before the address
MASKED_ADDRESS = (
    "四川省安全生产委员会 关于印发进一步推进安全生产清单制管理 工作方案的通知\n（川安委〔2020〕1号）\n"
    "各市（州）安委会，省安委会各成员单位、省直有关部门，有关中央在川和省属******企事业单位：\n"
    "经省政府领导同志同意，现将《进一步推进安全生产清单制管理工作方案》印发给你们，请结合实际认真贯彻落实。\n"
)


@pytest.mark.parametrize(("text", "recipients"), [
    (GLUED_ADDRESS, ["各市、县（区）人民政府", "宁东管委会", "自治区安委会各成员单位"]),
    (TABLE_CELL_ADDRESS, ["各街道、开发区", "区相关部门和单位"]),
    (ABOVE_PRINTED_PLAN, ["各市人民政府", "省安委会各成员单位"]),
    (MASKED_ADDRESS, ["各市（州）安委会", "省安委会各成员单位", "省直有关部门", "有关中央在川和省属******企事业单位"]),
], ids=["first_paragraph_glued_on", "table_cell_glued_before", "above_the_printed_plans_title", "masked_word"])  # fmt: skip
def test_an_address_line_sharing_its_line_or_above_the_title_found(text, recipients):
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert [r.value for r in doc.meta.recipients] == recipients


def test_a_portal_tables_title_cell_loses_its_label_and_bars():
    # r376: the 名称 row of a portal's table, the 主送 line under it
    text = (
        "文号： | 崇川政办发〔2020〕11号 |\n名称： | 区政府办公室印发《关于推进城市安全发展的实施办法》的通知 |\n"
        "各街道、开发区，区相关部门和单位：\n《关于推进城市安全发展的实施办法》已经区政府常务会讨论通过，现印发给你们。\n"
    )
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == "区政府办公室印发《关于推进城市安全发展的实施办法》的通知"


@pytest.mark.parametrize(("text", "title"), [
    # r371: the mirror's headline over the notice's own title, its 文号 and 主送
    ("新余国家矿山安全监察局关于印发《关于加强 非煤矿山安全生产工作的指导意见》的通知\n国家矿山安全监察局关于印发《关于加强\n"
     "非煤矿山安全生产工作的指导意见》的通知\n矿安〔2022〕4号\n各省、自治区、直辖市应急管理厅（局），有关中央企业：\n"
     "为进一步提高非煤矿山安全生产水平，现印发给你们，请认真贯彻执行。\n",
     "国家矿山安全监察局关于印发《关于加强非煤矿山安全生产工作的指导意见》的通知"),
    # r360: a law site's page title and issuer label over the notice's title with its 文号
    ("开封市消防工作目标考核办法\n河南省开封市人民政府办公室\n开封市人民政府办公室关于印发开封市消防工作目标考核办法的通知 汴政办〔2005〕5号\n"
     "各县、区人民政府，市政府各部门：\n《开封市消防工作目标考核办法》已经市政府同意，现印发给你们，请认真遵守执行。\n",
     "开封市人民政府办公室关于印发开封市消防工作目标考核办法的通知"),
    # r615: a portal table's label cell on its own line over the title cell
    ("文件名称 |\n安康市安全生产委员会办公室关于印发《2021年安康市安全生产专项整治三年行动工作任务清单》的通知 |\n||\n"
     "各县区安委会，市安委会各成员单位：\n现将《任务清单》印发给你们，请认真抓好落实。\n",
     "安康市安全生产委员会办公室关于印发《2021年安康市安全生产专项整治三年行动工作任务清单》的通知"),
], ids=["above_its_number", "organ_named_in_it", "table_label"])  # fmt: skip
def test_the_notices_own_title_under_a_pages_headline_or_labels(text, title):
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == title


def test_a_portals_number_and_bracketed_title_line_over_the_notice():
    # r346: the 文号 and the bracketed title on the page's first line, then the notice's own title
    text = ("琼府办〔2018〕48号《海南省人民政府办公厅关于印发海南省道路交通安全专项整治三年攻坚战工作方案( 试行)的通知》\n"
            "海南省人民政府办公厅关于印发海南省道路交通安全专项整治三年攻坚战工作方案(试行)的通知\n"
            "各市、县、自治县人民政府,省政府直属各单位:\n《海南省道路交通安全专项整治三年攻坚战工作方案(试行)》已经省政府同意,现印发给你们。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == "海南省人民政府办公厅关于印发海南省道路交通安全专项整治三年攻坚战工作方案(试行)的通知"
    assert doc.meta.doc_number.value == "琼府办〔2018〕48号"


def test_a_portal_table_written_as_bar_rows_names_the_issuer():
    # r325: the portal's metadata table, each row opening with its bar
    text = ("| 索引号 | llajj-/2022-0110001 | 发布机构 | 龙陵县应急管理局 |\n| 公开目录 | 事故通报 | 发布日期 | 2022-01-10 |\n"
            "| 文号 | 浏览量 |\n现将全县2021年度安全生产工作情况通报如下。\n一、2021年主要工作情况\n")
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.issuer.value == "龙陵县应急管理局"
    assert doc.meta.date is None  # the page's 发布日期


def test_a_title_whose_last_line_spaces_out_its_kind():
    # 052: a GB/T masthead's 文号, then the title with its 文种 spaced out on the last line, under a page's headline
    text = ("17号 十三五安全生产规划\n2017-02-14    点击：8次\n菏定安发〔2016〕17号\n关于印发安全生产“十三五”规划的\n通    知\n"
            "各镇街，区直各有关部门：\n《菏泽市定陶区安全生产“十三五”规划》已经区政府安委会审议通过，现印发给你们，请认真贯彻执行。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == "关于印发安全生产“十三五”规划的通知"
    assert doc.meta.doc_type.value == "通知"


def test_a_doc_number_glued_before_the_address_is_the_doc_number():
    # r881: the page lost the break between the 文号 and the 主送 under it
    text = (
        "中卫市城市管理综合执法监督局 关于开展2018年上半年安全生产工作考核的通知\n"
        "卫城管函发〔2018〕27号局机关各科室、市城市公用事业管理所:\n"
        "为全面落实全国、区、市安全生产工作会议精神，市局决定于2018年7月11日进行考核。现就有关事项通知如下：\n"
    )
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.doc_number.value == "卫城管函发〔2018〕27号"
    assert [r.value for r in doc.meta.recipients][0].startswith("局机关各科室")


def test_a_sentence_introducing_a_list_is_no_address():
    text = "河北省20家单位安全生产目标管理考核优秀\n安全生产目标管理合格单位为：张家口市政府。\n通报要求，各地要认真落实。\n"
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.recipients == []


# The issuer of a news page, from its opening (corpora/real r703, r135, r710, r737, r363, r156).
@pytest.mark.parametrize(("text", "issuer"), [
    (("安源煤矿“9·19”顶板事故：16名相关责任人被处理\n记者获悉，近日江西煤矿安全监察局发布江西煤业集团有限责任公司"
     "安源煤矿“9·19”顶板事故调查报告。\n"), "江西煤矿安全监察局"),
    (("贵州新恒基矿业有限公司太平洞金矿存在重大事故隐患。兴仁市安全生产委员会办公室，于2026年1月28日发布正式公示，"
     "启动挂牌督办程序。\n"), "兴仁市安全生产委员会办公室"),
    ("市安委办约谈上半年发生事故单位\n兰州晚报讯 为进一步落实企业安全生产主体责任，对上半年发生事故的单位进行约谈。\n", "市安委办"),
    ("我市全面开展安全生产考核巡查\n本报讯 昨天，记者从市安委会了解到，近日，市安委会组织9个工作组分赴各县区开展考核巡查。\n",
     "市安委会"),
    ("近日，中共中央办公厅、国务院办公厅印发了《关于推进城市安全发展的意见》，要求各地区各部门结合实际认真贯彻落实。\n",
     "中共中央办公厅"),  # joint issuers: the lead one
    (("北京市安监局：“8·12”后非法违法企业关闭708家\n京华时报讯 昨天，市安监局在全市前10个月安全生产情况通报会上表示，"
     "今年以来全市共关闭非法违法企业708家。\n"), "北京市安监局"),
], ids=["time_before_organ", "organ_on_date", "headline_short_organ", "source_then_actor", "joint", "written_in_full"])  # fmt: skip
def test_the_issuer_of_a_news_page(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


@pytest.mark.parametrize(("text", "issuer"), [
    # r733: the headline's place holds the meeting; the lede's 湖南省宁乡县 does not make it a fuller name
    ("宁乡县召开安全生产隐患大排查工作会\n红网时刻11月15日讯（宁乡分站记者 刘畅）昨日，湖南省宁乡县召开安全生产隐患大排查工作会议。\n", "宁乡县"),
    # r887: the place acting comes before the office it sends (区政府组织…)
    ("进入烟花爆竹销售旺季以来，颍州区多措并举全面开展烟花爆竹“打非治违”专项行动。\n1月24日区政府组织区安监局对销售户进行了严厉打击。\n", "颍州区"),
    # r120: the place commends at its meeting
    ("利辛奖励安全生产先进单位\n本报讯 利辛县在今年的三级干部大会上，表彰了2011年度安全生产工作先进单位和个人。\n", "利辛县"),
], ids=["headline", "before_its_office", "at_its_meeting"])  # fmt: skip
def test_a_place_a_news_page_reports_acting_is_its_issuer(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


def test_a_newspapers_dateline_gives_no_issuer_or_date():
    # r873: the newspaper and its date over the report, where a 纪要 prints its office and date
    text = ("凉山州西昌市“3·30”森林火灾事件调查结果公布\n四川日报    2020年12月22日\n"
            "本网讯 2020年3月30日15时35分许，凉山州西昌市经久乡和安哈镇交界的皮家山山脊处发生森林火灾。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.date is None
    assert doc.meta.issuer is None or doc.meta.issuer.value != "四川日报"


def test_an_issuer_named_short_is_given_as_the_text_writes_it_in_full():
    # r502: the title's organ is short (安监局), the signature writes it out
    text = ("国家煤矿安监局关于印发\n《防治煤矿冲击地压细则》的通知\n煤安监技装﹝2018﹞8号\n各省级煤矿安全监察局，有关中央企业：\n"
            "《防治煤矿冲击地压细则》已经国家煤矿安监局第14次局长办公会议审议通过，现予印发，请认真贯彻落实。\\n\n"
            "原煤炭工业部发布的《冲击地压煤层安全开采暂行规定》同时废止。\\n\n国家煤矿安全监察局\n2018年5月2日\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "国家煤矿安全监察局"
    # 国务院安委办督导组 names a group of the office, not the office written out
    text = "国务院安委办督导组赴我省督导\n近日，国务院安委办督导组来我省督导安全生产工作。\n"
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer is None or doc.meta.issuer.value != "国务院安委办督导组赴"


@pytest.mark.parametrize(("text", "issuer"), [
    # r864: the body opening the lede after the byline, with no verb the issuer patterns know
    ("本报讯（记者赵梦怡）市住建局联合相关部门，邀请省机械设备专家，对全市建筑施工项目进行联合执法专项检查。\n", "市住建局"),
    # r629: after the byline's date
    ("福州开展安全生产大检查\n本报讯 7月25日，福州市督察组深入各县（市）区，就安全生产工作情况进行督察。\n", "福州市督察组"),
], ids=["after_the_reporter", "after_the_date"])  # fmt: skip
def test_the_body_opening_a_news_lede_is_its_issuer(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


def test_the_group_a_named_leader_heads_is_the_issuer_of_its_inspection():
    # corpora/real r836: …带队的国务院安委会第十二督查组，对我省…进行综合督查
    text = ("国务院安委会第十二督导检查组来青海省督查安全生产工作\n7月4日至7日，交通运输部运输服务司副司长李华强带队的"
            "国务院安委会第十二督查组，对我省道路运输安全生产情况进行综合督查，并将督查情况向省政府反馈。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == "国务院安委会第十二督查组"


def test_a_party_list_or_a_recurring_duty_names_no_acting_organ():
    # corpora/real r844: 组织部 in a 责任单位 list is no 区委 organizing; r361: 县安委会每半年组成考核组 is no organ's name
    duty = "1.加强党对安全发展的全面领导。（责任单位：区委宣传部、区委组织部、区应急局）\n2.组织各部门开展学习。\n"
    doc = docparse.read(duty.encode("utf-8"), name="plan.txt", steps=("structure",))
    assert doc.meta.issuer is None or doc.meta.issuer.value != "区委宣传部"
    text = "各单位报县安委办。县安委会每半年组成考核组，对各责任单位进行考核。\n"
    doc = docparse.read(text.encode("utf-8"), name="rules.txt", steps=("structure",))
    assert doc.meta.issuer is None or "每" not in doc.meta.issuer.value


def test_an_organ_inside_running_text_or_an_inspection_team_is_no_issuer():
    text = ("会议强调，安委会各成员单位如果还有什么意见，通过一定的方式向办公室反馈。\n"
            "国家煤监局检查组在对我省煤矿进行抽查的过程中发现隐患。其中，市政府考核的内容包括五个方面。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer is None


def test_the_title_names_the_issuer_in_full_where_the_masthead_abbreviates():
    text = ("您的位置：省政府办公厅文件\n云南省人民政府办公厅关于2019年度安全生产目标责任考核结果的通报\n云政办函〔2020〕22号\n"
            "各州、市人民政府，省直各委、办、厅、局：\n现将考核结果通报如下。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "云南省人民政府办公厅"


def test_a_portal_table_names_the_issuer_the_page_does_not():
    text = ("发布机构 | 自治区人民政府办公厅 | 文 号 | 内政办发电[2009]15号 |\n成文日期 | 2009-02-18 |\n"
            "各盟行政公署、市人民政府，自治区各委、办、厅、局：\n经自治区人民政府同意，现将《内蒙古自治区“安全生产年”活动实施方案》"
            "印发给你们，请结合实际，认真贯彻执行。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "自治区人民政府办公厅"


def test_joint_organs_signing_one_a_line():
    text = ("关于全市安全生产情况的通报\n各县（市）区人民政府：\n现将全市安全生产情况通报如下。\n一、总体情况\n全市安全生产形势平稳。\n"
            "中共洛阳市委办公室\n洛阳市人民政府办公室\n2012年11月23日\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "中共洛阳市委办公室" and "洛阳市人民政府办公室" in doc.meta.issuer.text
    assert doc.text[doc.sections[-1].span.end :].strip().startswith("中共洛阳市委办公室")  # the section ends at the signature


def test_joint_organs_of_one_place_run_together_sign_with_the_lead_one():
    # corpora/real r923: a PDF's text runs the two signing committees into one line
    text = ("关于切实做好消防安全防控工作的紧急通知\n各市人民政府：\n现将有关事项通知如下。\n一、压实责任\n严肃责任追究。\n"
            "山东省人民政府安全生产委员会山东省人民政府消防安全委员会\n2024年1月21日\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "山东省人民政府安全生产委员会"


# Page chrome around a headline (corpora/real r154, r196, r164, r722, r388).
@pytest.mark.parametrize(("text", "title"), [
    (("您当前的位置:网站首页 > 宣教动态 > 吉林省开展高危领域重点企业场所抽查暗访工作\n\n吉林省开展高危领域重点企业场所抽查暗访工作\n\n"
     "www.waka8s.com时间:2014/9/1 18:14:28来源:国家安全监管总局政府网站 次浏览\n"
     "按照国务院安委办要求，吉林省安委办派出5个暗访组开展抽查暗访。\n"), "吉林省开展高危领域重点企业场所抽查暗访工作"),
    (("国务院安委办公布2016年第一批国家级生产经营单位安全生产不良记录“黑名单”信息\n安全生产不良记录“黑名单”信息\n"
     "近日，国务院安委会办公室发布2016年第一批国家级生产经营单位安全生产不良记录“黑名单”信息。\n"),
     "国务院安委办公布2016年第一批国家级生产经营单位安全生产不良记录“黑名单”信息"),
    (("西安新闻 长安新闻 高陵新闻 蓝田新闻 周至新闻 户县新闻\n西安市进行安全生产督导检查 首批安全隐患中198项整改到位\n"
     "本报讯 8月13日至15日，市政府督查室会同市安委办对全市安全生产重点工作进行督导检查。\n"),
     "西安市进行安全生产督导检查首批安全隐患中198项整改到位"),
    (("微信\n新闻频道 > 政务频道\n湖北去年发生48起较大事故 170名责任人被处理\n"
     "楚天都市报讯 昨日，省安监局召开新闻通报会，去年我省发生较大事故48起。\n"), "湖北去年发生48起较大事故170名责任人被处理"),
], ids=["printed_twice", "tail_printed_twice", "menu_above", "breadcrumb_above"])  # fmt: skip
def test_a_headline_without_the_pages_chrome(text, title):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.title.value == title


# A forum's widgets or a site's greeting over a headline, a mirror's blurb over the copy it serves
# (corpora/real r118, r175, r337, r361).
@pytest.mark.parametrize(("text", "title"), [
    (("注册安全工程师论坛\n找回密码\n注 册\n查看： 1156|回复： 0\n重庆通报致3死23伤大客车事故 肇事司机被刑拘\n[复制链接]\n"
      "发表于 2011-5-17 08:31 | 显示全部楼层 |阅读模式重庆晨报讯 前天上午9点多，合川区燕窝镇发生一起较大道路交通事故。\n"),
     "重庆通报致3死23伤大客车事故肇事司机被刑拘"),
    ("您好！欢迎来到煤矿安全生产网！\n新疆通报上半年全区安全生产情况\n8月12日上午，新疆维吾尔自治区安全生产委员会召开第二次全体会议。\n",
     "新疆通报上半年全区安全生产情况"),
    (("市安委会工作要点（全文）\n下面是小编为大家整理的市安委会工作要点（全文），供大家参考。\n市安委会工作要点（全文）\n"
      "市安委会2021年工作要点\n2021年是中国共产党成立一百周年，做好今年的安全生产工作意义十分重大。\n"), "市安委会2021年工作要点"),
    (("美章网 资料文库 安全生产责任制目标考核办法范文\n安全生产责任制目标考核办法范文\n"
      "本站小编为你精心准备了安全生产责任制目标考核办法参考范文，愿这些范文能点燃您思维的火花。\n安全生产责任制目标考核办法\n"
      "为全面落实安全生产责任制管理目标，特制定本办法。\n"), "安全生产责任制目标考核办法"),
], ids=["forum_widgets", "greeting", "blurb_and_repeat", "blurb"])  # fmt: skip
def test_a_headline_under_a_sites_widgets_greeting_or_blurb(text, title):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.title.value == title


# A title that opens with its organ and the year it covers names the issuer (corpora/real r377, r337); a place does not.
@pytest.mark.parametrize(("text", "issuer"), [
    ("区应急局2023年一季度安全生产工作情况汇报\n2022年，我区严格贯彻落实省委、省政府的决策部署。\n", "区应急局"),
    ("市安委会2021年工作要点\n2021年是“十四五”开局之年，做好今年的安全生产工作意义十分重大。\n", "市安委会"),
    ("南丰县桑田镇2021年度安全生产工作计划\n为切实做好全镇安全生产工作，特制定本计划。\n", None),
], ids=["report", "key_points", "place"])  # fmt: skip
def test_the_organ_a_dated_title_opens_with(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert (doc.meta.issuer.value if doc.meta.issuer else None) == issuer


def test_an_undated_signature_over_the_plan_a_notice_issues():
    # corpora/real r379: the page lost the 成文日期; the organ signs alone under the closing sentence
    text = ("关于印发《2023年自治区安全生产工作要点》的通知\n"
            "各地、州、市安全生产委员会，自治区安全生产委员会成员单位：\n"
            "《2023年自治区安全生产工作要点》已经自治区人民政府同意，现印发给你们，请认真抓好贯彻落实。\n"
            "自治区安全生产委员会\n2023年自治区安全生产工作要点\n2023年，自治区安全生产工作的主要任务是：坚持人民至上。\n"
            "一、深化安全生产专项整治\n各地各部门要持续推进专项整治。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "自治区安全生产委员会" and doc.meta.date is None


# A headline the page ran into its lede (corpora/real r132, r740); a byline or an open clause before the lede is none.
@pytest.mark.parametrize(("text", "title"), [
    ("广东通报安全生产和消防工作考核巡查结果，这些地市、单位获评优秀近日，经广东省委、省政府同意，省安委会通报了考核巡查结果。\n",
     "广东通报安全生产和消防工作考核巡查结果，这些地市、单位获评优秀"),
    (("当前位置:首页 > 政务公开 > 安全生产\n南宁市安委会考评组莅临西乡塘区开展2015年度安全生产目标管理考评工作1月12日，"
      "南宁市安委会第六考评组到西乡塘区开展考评工作。\n"), "南宁市安委会考评组莅临西乡塘区开展2015年度安全生产目标管理考评工作"),
    ("本报讯（大连新闻传媒集团记者吉存） 近日，各区市县在对辖区燃气用户开展安全检查时发现隐患。\n", None),
    ("宜章县迅速启动责任追究机制，9月21日下午，宜章县委常委会研究决定对相关人员免职。\n", None),
], ids=["comma_inside", "date_lede", "byline", "open_clause"])  # fmt: skip
def test_a_headline_run_into_the_lede(text, title):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert (doc.meta.title.value if doc.meta.title else None) == title


def test_a_title_and_its_number_cut_out_of_the_widgets_after_them():
    text = ("热搜： 食品  烟台  奶粉  保健品  海产品  周黑  黑窝点  黑作坊  全聚德  小龙虾\n"
            "辽宁省应急管理厅关于印发《辽宁省“十四五”安全生产规划目标、主要任务和重点工程分工方案》的通知 "
            "（辽安委办〔2021〕101号）放大字体  缩小字体 发布日期：2022-01-10 来源：辽宁省应急管理厅 浏览次数：386\n"
            "各市人民政府，省（中）直有关部门（单位），沈抚示范区管委会：\n现将分工方案印发给你们，请认真贯彻执行。\n")
    meta = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",)).meta
    assert meta.title.value.startswith("辽宁省应急管理厅关于印发") and meta.title.value.endswith("的通知")
    assert meta.doc_number.value == "辽安委办〔2021〕101号"


@pytest.mark.parametrize(("line", "iso"), [
    ("202535日", "2025-03-05"),  # corpora/real r618
    ("2025年516", "2025-05-16"),  # r395
    ("2024613日", "2024-06-13"),  # r631
    ("2024111日", None),  # 1-11 or 11-1: left unread
], ids=["no_year_or_month_mark", "no_month_or_day_mark", "month_and_day_split_one_way", "ambiguous"])  # fmt: skip
def test_a_signed_date_that_lost_its_marks(line, iso):
    text = f"关于做好安全生产工作的通知\n\n各街道：\n\n现将有关事项通知如下。\n\n闵行区古美路街道办事处\n\n{line}\n"
    meta = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",)).meta
    assert (meta.date.value if meta.date else None) == iso


@pytest.mark.parametrize(("text", "title"), [
    # corpora/real r840: a site's menu of city names is a long line but no sentence; the headline is under it
    (("今日四川 成都市 绵阳市 自贡市 攀枝花市 泸州市 德阳市 广元市 遂宁市 内江市 乐山市 资阳市 宜宾市 南充市 达州市 雅安市 "
      "阿坝州 甘孜州 凉山州 广安市 巴中市 眉山市\n地方网 > 四川 > 今日四川 > 正文\n1-6月 全省生产安全事故总量同比下降31.1%\n"
      "来源：四川日报 2019-07-26 06:22\n本报讯（记者 任鸿）7月25日记者从省政府安办获悉，今年1-6月事故起数下降。\n"),
     "1-6月全省生产安全事故总量同比下降31.1%"),
    # r841: a newspaper's page label is no part of the title under it
    ("第01版：头版要闻\n国务院安委会第三考核巡查组向我省反馈安全生产和消防巡查意见\n本报讯 5月5日至14日，巡查组对我省进行考核巡查。\n",
     "国务院安委会第三考核巡查组向我省反馈安全生产和消防巡查意见"),
    # r853: a page's category over the title
    ("活动方案\n\n乡镇安全生产月实施方案\n\n发布时间:2023-09-17 17:12:20\n\n为深化“安全生产年”活动，结合我镇实际，制定本方案。\n",
     "乡镇安全生产月实施方案"),
    # 038 and r711: a breadcrumb ends in its category, which is no part of the headline under it
    ("人民网>>时政\n\n广东有2起重大生产安全事故未按规定全文发布调查报告【2】\n\n2014年08月08日18:26    来源:人民网\n\n"
     "（三）有关省级安全监管监察部门发布国务院安委会办公室跟踪督办的生产安全事故调查报告7份。\n",
     "广东有2起重大生产安全事故未按规定全文发布调查报告"),
    ("您当前的位置 : 每日甘肃网  >  甘肃  >  甘肃播报  >  社会\n\n2021年甘肃矿山安全生产形势持续稳定向好\n\n"
     " 2022/04/14/ 22:26 来源:新甘肃 记者 顾丽娟\n\n近日，甘肃省应急管理厅印发《2022年全省矿山安全生产工作要点》。\n",
     "2021年甘肃矿山安全生产形势持续稳定向好"),
    # r125: a headline reporting figures is a line of Chinese all the same
    ("城市信息网\n黑龙江2013年发生各类生产安全事故3542起 死亡1436人\n文章来源：城市信息网 / PostTime：2014-1-27 / 点击：106\n"
     "【城市信息网】哈尔滨1月24日电 记者从黑龙江省安监局获悉，黑龙江省2013年共发生各类生产安全事故3542起。\n",
     "黑龙江2013年发生各类生产安全事故3542起死亡1436人"),
    # r145: 出席并讲话 under a headline reports a speech; it is no 讲话 title
    ("省安委会第二巡查组安全生产巡查反馈会召开\n李军出席并讲话\n8月19日，省安委会第二巡查组安全生产巡查反馈会召开，"
     "第二巡查组组长李军出席会议并讲话。\n", "省安委会第二巡查组安全生产巡查反馈会召开"),
], ids=["under_a_menu", "under_a_page_label", "under_a_category", "under_a_short_breadcrumb", "under_a_breadcrumb",
        "with_figures", "over_a_speaker_line"])  # fmt: skip
def test_the_title_under_a_page_s_menu_label_or_category(text, title):
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert re.sub(r"\s", "", doc.meta.title.value) == title


@pytest.mark.parametrize(("text", "issuer"), [
    # corpora/real r832: the body that told the reporter, before a 通报 the article quotes further on
    (("新华社贵阳10月10日电 记者10日从黔南布依族苗族自治州人民政府了解到，荔波县副县长被责令停职检查。\n"
      "国家安全生产监督管理总局公布的安平煤矿事故通报称，该煤矿并不具备联合试生产条件。\n"), "黔南布依族苗族自治州人民政府"),
    # r808: a body's website is where the news was read; the body it reports issuing is the issuer
    ("中新网1月25日电 据安监总局网站消息，国务院安委会办公室近日发布《关于全国安全生产大检查情况的通报》。\n",
     "国务院安委会办公室"),
    # r898: the source's own sentence goes on to the body that issued
    ("中新网3月23日电 据国家安监总局消息，国务院安委会办公室日前发出关于山西省晋城市苗匠联办煤矿瞒报事故的通报。\n",
     "国务院安委会办公室"),
], ids=["source_before_quoted_issuer", "website_then_issuer", "source_relays_issuer"])  # fmt: skip
def test_the_issuer_of_a_news_page_its_source_or_the_body_it_reports(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


@pytest.mark.parametrize(("text", "issuer"), [
    # corpora/real r801: the body that decides on those it commends
    ("为表彰先进，弘扬正气，振奋精神，市政府决定对罗山县人民政府等10个单位予以表彰。\n", "市政府"),
    # 049: the body that will act by a month's end
    ("根据国务院安委会办公室指导意见和省委、省政府工作要求，省政府安委会将于2025年6月底前，在全省开展化工行业安全生产治本攻坚行动。\n",
     "省政府安委会"),
], ids=["decides_on", "acts_by_a_month_end"])  # fmt: skip
def test_the_body_that_decides_or_acts_by_a_date_issues(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


def test_the_office_forwarding_a_notice_issues_it():
    # corpora/real r821
    text = "安徽省人民政府办公厅转发国务院办公厅关于认真抓好今冬明春安全生产工作的通知\n各市、县人民政府，省政府各部门：\n现转发给你们。\n"
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.issuer.value == "安徽省人民政府办公厅"


@pytest.mark.parametrize(("text", "issuer"), [
    # corpora/real r897: two bureaus joined by 和 report together; the lead one issues
    ("安监总局和煤监局通报煤矿事故 严格落实生产责任\n2008-09-24 来源:法制日报\n", "安监总局"),
    # r913: a body reporting publicly (公开通报)
    ("近日，海南省安全生产委员会公开通报近期发生的3起生产安全事故。\n5月11日凌晨1时，中鑫海六号船在洋浦作业时发生事故。\n",
     "海南省安全生产委员会"),
], ids=["joined_by_he", "reports_publicly"])  # fmt: skip
def test_joint_bodies_and_a_public_report_on_a_news_page(text, issuer):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == issuer


def test_a_name_written_in_full_is_not_cut_inside_its_last_word():
    # corpora/real r914: 安委办 written out is …委员会办公室, not …委员会办 with 公室 left over
    text = ("海南省安委办通报两起事故 强调抓好重点行业领域安全防范\n"
            "南海网消息 1月14日，海南省安全生产委员会办公室召开全省安全生产工作会议。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.issuer.value == "海南省安全生产委员会办公室"


def test_the_documents_own_title_over_its_address_under_a_news_headline():
    # corpora/real r891: a headline naming no 关于, then the page pointing down (↓↓↓) at the 通报 it reprints
    text = ("秦皇岛传媒\n事关安全生产！河北省人民政府最新通报\n2024-04-10 访问量:69\n"
            "河北省人民政府最新发布关于2023年安全生产目标管理考核结果的通报↓↓↓河北省人民政府关于2023年安全生产目标管理考核结果的通报\n"
            "各市（含定州、辛集市）人民政府，雄安新区管委会，省政府各部门：\n根据安全生产责任制目标管理考核要求，省政府进行了考核。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.title.value == "河北省人民政府关于2023年安全生产目标管理考核结果的通报"
    assert doc.meta.issuer.value == "河北省人民政府"


@pytest.mark.parametrize(("text", "title"), [
    # corpora/real r901: the category of the page's breadcrumb, on its own line over the title
    ("您所在的位置：首页 >> 资讯中心 >> 政策法规\n政策法规\n关于2014年全省非煤矿山管理工作的通报\n发布日期：2015-02-25 10:13:12\n"
     "各市、省直管县非煤矿山管理部门：\n", "关于2014年全省非煤矿山管理工作的通报"),
    # an organ's name over the 关于 line is the title's first part
    ("汾西县人民政府\n关于做好2024年全县安全生产工作的通知\n各乡镇人民政府：\n", "汾西县人民政府关于做好2024年全县安全生产工作的通知"),
], ids=["category_label", "organ"])  # fmt: skip
def test_only_an_organ_leads_into_a_title_opening_with_guanyu(text, title):
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == title


@pytest.mark.parametrize(("text", "iso"), [
    # corpora/real r135: the day in the issuing body's clause
    (("贵州新恒基矿业有限公司太平洞金矿存在重大事故隐患。兴仁市安全生产委员会办公室，于2026年1月28日发布正式公示，"
      "启动挂牌督办程序。\n"), "2026-01-28"),
    # r630: the day opening the lede before the place it reports acting
    ("2019年12月2日，永湖镇召开“奋战50天全年保平安”安全生产重点攻坚行动工作会议，镇领导班子参加了会议。\n", "2019-12-02"),
    # a day without its year is no document's date
    ("7月25日，福州市督察组深入各县（市）区，就安全生产工作情况进行督察。\n", None),
    # r950: …unless the page's date of publication gives it
    ("辽宁将集中整治一批非法生产经营行为\n2018-04-13 21:33:03 信息来源：新华网\n"
     "4月12日，省安委会下发《全省集中开展重点行业领域安全生产系列专项整治行动工作方案》，从4月到12月底开展专项整治行动。\n",
     "2018-04-12"),
    # a day after the page's date is of the year before (a page of 2021-01-05 on 12月28日)
    ("全省安全生产会议召开\n2021-01-05 10:00 来源：本网\n12月28日，省安委会召开全体会议，部署岁末年初安全生产工作。\n",
     "2020-12-28"),
    # r728: …or the 文号 of the document it reports
    ("江西省政府研究部署安全生产工作\n9月13日，江西省政府对安全生产工作进行了专题研究。9月14日，省政府办公厅下发《关于进一步落实责任，"
     "坚决防范和遏制安全生产事故的通知》（赣府厅明〔2011〕166号，以下简称《通知》）。\n", "2011-09-14"),
], ids=["in_the_clause", "opening_the_lede", "no_year", "published", "year_before", "doc_number"])  # fmt: skip
def test_the_date_of_the_act_a_news_page_reports(text, iso):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert (doc.meta.date.value if doc.meta.date else None) == iso


def test_a_notice_whose_title_was_an_image_is_known_by_its_phrase():
    # corpora/real r926: red head and title were pictures; 现将具体事项通知如下 is a notice's own phrase
    text = ("泰旅爱物字〔2024〕12号\n各部门、各店铺：\n为全面做好清明节期间各项安全工作，确保节日期间安全稳定，\n"
            "结合公司实际，现将具体事项通知如下：\n一、扎实做好假期安全管理工作。\n各部门负责人要在岗、在位。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.doc_type.value == "通知"


def test_a_body_a_speech_tells_of_is_no_issuer():
    # corpora/real r400: the speaker tells what the county office reported at the meeting
    text = ("县长在全县安全生产工作会议上的讲话\n同志们：\n"
            "刚才，县安委办通报了全县安全生产形势，对下步工作提出了意见，我完全同意。\n")
    doc = docparse.read(text.encode("utf-8"), name="speech.txt", steps=("structure",))
    assert doc.meta.issuer is None


@pytest.mark.parametrize("text", [
    # corpora/real r841: the inspectors' 意见 is what the 通报-like news reports, not the page's kind
    "国务院安委会第三考核巡查组向我省反馈安全生产和消防巡查意见\n近日，巡查组向我省反馈巡查意见。现将有关情况通报如下。\n",
    # 038: the 调查报告 a province failed to publish
    "广东有2起重大生产安全事故未按规定全文发布调查报告\n国务院安委会办公室近日予以通报。现将有关情况通报如下。\n",
], ids=["feedback", "publish"])  # fmt: skip
def test_a_headline_on_a_document_made_public_does_not_give_its_kind(text):
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.doc_type.value == "通报"


def news(text: str) -> docparse.Document:
    return docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))


@pytest.mark.parametrize("text, title", [
    # corpora/real r950: a site's greeting and menu over the headline, its dateline under it
    ("香港声音 直达真相 欢迎关注中国社会新闻社官方网站艾森网！\n读新闻 新闻 本港消息 国际新闻 国内新闻 港澳新闻 台湾新闻\n"
     "辽宁将集中整治一批非法生产经营行为\n2018-04-13 21:33:03 信息来源：新华网发布者：isen点击量：\n"
     "4月12日，省安委会下发《全省集中开展重点行业领域安全生产系列专项整治行动工作方案》，从4月到12月底，我省将统一组织开展专项整治行动。\n",
     "辽宁将集中整治一批非法生产经营行为"),
    # r959: a portal's menu, one item a line, fills the lines a headline is looked for in
    ("首页\n新闻中心\n电视节目\n微视频\n融媒直播\n融媒大喇叭\n高新技术产业区\n空港经济开发区\n新时代文明实践\n延吉摄影\n"
     "您当前的位置：延吉新闻网 > 新闻中心 > 吉林新闻 > 正文\n吉林省连续22个月无安全生产重特大事故\n"
     "2018-02-08  标签：吉林省 安全生产 事故  来源：吉网\n近日，省政府通报2017年全省安全生产工作目标责任制考核情况。\n",
     "吉林省连续22个月无安全生产重特大事故"),
    # r941: an app's accounts one a line, and no dateline: the headline right above the lede
    ("微号有特色\n南国早报\nngzbnews\n南国微生活\nnanguowei\n南国小记者\nngxiaojizhe\n车广西\nngzbqczk\n"
     "广西18项安全事故隐患被挂牌督办\n4月29日记者获悉，自治区安全生产委员会办公室发出《广西壮族自治区安全生产委员会关于"
     "2019年度自治区重点监督整改18项生产安全事故隐患的通知》，并挂牌督办。\n",
     "广西18项安全事故隐患被挂牌督办"),
], ids=["dateline", "menu-items", "over-lede"])  # fmt: skip
def test_a_news_headline_under_the_site_s_chrome(text, title):
    assert news(text).meta.title.value == title


def test_a_headline_under_a_menu_bar_is_not_glued_to_it():
    # corpora/real r902: the menu's last item (供稿) does not run on into the headline
    text = ("首页| 滚动| 国内| 国际| 军事| 社会| 财经| 产经\nEnglish| 图片| 视频| 直播| 娱乐| 体育| 新媒体| 供稿\n\n"
            "北京城乡结合部开查安全隐患\n\n2013年12月27日 09:19 来源：北京晨报 参与互动(0)\n\n"
            "  本市城乡结合部安全生产专项整治工作已经开始，将持续到明年9月。市安监局昨天介绍，每周将选择一天进行突击检查。\n")
    meta = news(text).meta
    assert meta.title.value == "北京城乡结合部开查安全隐患"
    assert meta.doc_type.value == "方案"  # a campaign that has begun and goes on: its plan is reported


def test_a_news_page_takes_the_kind_and_issuer_of_the_document_its_lede_reports():
    # corpora/real r941: the lede names the notice issued; its title names the body in full
    text = ("广西18项安全事故隐患被挂牌督办\n来源：南国早报客户端 发布时间：\n"
            "4月29日记者获悉，自治区安全生产委员会办公室（以简称“安委办”）发出《广西壮族自治区安全生产委员会关于"
            "2019年度自治区重点监督整改18项生产安全事故隐患的通知》，将上述项目列为重点监督整改项目，并挂牌督办。\n"
            "据了解，本次挂牌督办的项目一共有18个。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt")
    assert doc.meta.doc_type.value == "通知"
    assert doc.meta.issuer.value == "广西壮族自治区安全生产委员会"
    assert doc.analysis.is_report  # the page itself still reports


def test_a_document_issued_further_on_is_not_the_page_s_kind():
    # corpora/real r159: the 警示函 is issued in the second paragraph, not the lede
    text = ("天津市深入开展粉尘涉爆企业专项执法检查\n"
            "近期，天津市应急管理局认真吸取其他省市相关事故教训，深入组织开展粉尘涉爆企业专项执法检查。\n"
            "市安委会办公室向各有关成员单位印发《关于深刻吸取江苏省常州市武进区粉尘爆炸事故教训的警示函》。\n")
    assert news(text).meta.doc_type.value != "函"


@pytest.mark.parametrize("text, kind", [
    # corpora/real r884: an inspection round from a day on, for a period
    ("河南省安全生产委员会开展安全生产明查暗访\n行业资讯\n自4月9日起，河南省安全生产委员会在全省范围开展为期15天的安全生产明查暗访。\n"
     "此次安全生产明查暗访由省安委会成员单位工作人员组成18个明查暗访组。\n", "方案"),
    # r847: the teams go out from one month to another
    ("11月下旬起河北分两批对各市安全生产工作开展巡查\n发表时间：2019-11-28 10:27来源：河北新闻网\n"
     "河北新闻网11月27日讯（记者宋平）今天，全省安全生产巡查工作动员电视电话会议在石家庄召开。从会上获悉，按照统一安排，"
     "河北省安委会组成6个巡查组，从11月下旬开始到明年1月中旬结束，分两批对各市安全生产工作开展巡查。\n", "方案"),
    # r937: a round done, with its findings, is reported as a 通报
    ("国务院安委会巡查组反馈第四批巡查情况\n来源：新华网\n今年6月至7月，国务院安委会8个巡查组先后进驻内蒙古、上海等地区开展为期一个月的"
     "安全生产巡查，发现各地区在落实安全生产责任制等方面存在突出问题。国务院安委会通报了巡查情况。\n", "通报"),
], ids=["from-a-day", "from-to", "findings"])  # fmt: skip
def test_a_news_page_announcing_a_campaign_reports_its_plan(text, kind):
    assert news(text).meta.doc_type.value == kind


@pytest.mark.parametrize("text, recipients", [
    # corpora/real r951
    ("国务院安委办通报一起典型中毒窒息事故\n2025-11-18 12:38 来源：云财经\n"
     "云财经讯，近日，国务院安委会办公室向各地区、各有关部门和中央企业通报了新疆八一钢铁股份有限公司“10·18”较大中毒窒息事故。\n",
     ["各地区", "各有关部门", "中央企业"]),
    # r118: people told, no body addressed
    ("全市客运企业交通安全整治大会召开\n来源：本报\n"
     "昨日下午，市公安交巡警总队向全市客运企业的上百名负责人通报了近期事故情况。\n", []),
], ids=["notified", "people"])  # fmt: skip
def test_the_bodies_a_news_lede_says_were_sent_the_document(text, recipients):
    assert [f.value for f in news(text).meta.recipients] == recipients


def test_a_portal_s_note_on_the_authoritative_copy_and_a_lost_dash_leave_the_title_whole():
    # corpora/real r603: （此件为准） after the title; the plan printed under it lost its period's dash
    text = ("关于印发《余杭区创建国家安全发展示范城市三年行动计划（2018—2020年）》的通知（此件为准）\n余政办〔2018〕130号\n"
            "各镇人民政府、街道办事处，区直各单位：\n"
            "《余杭区创建国家安全发展示范城市三年行动计划（20182020年）》已经区政府同意，现予印发，请认真组织实施。\n"
            "杭州市余杭区人民政府办公室\n余杭区创建国家安全发展示范城市三年行动计划（20182020年）\n"
            "为强化城市安全运行，有效防范各类事故发生，制定本计划。\n一、指导思想\n全面贯彻落实党的十九大精神。\n")
    doc = docparse.read(text.encode("utf-8"), name="notice.txt", steps=("structure",))
    assert doc.meta.title.value == "关于印发《余杭区创建国家安全发展示范城市三年行动计划（2018—2020年）》的通知"
    assert doc.embedded and doc.embedded[0].doc_type == "计划"
    assert doc.meta.issuer.value == "杭州市余杭区人民政府办公室"


def test_a_title_a_portal_quoted_whole():
    # corpora/real r952: the portal's 标题 field quotes the headline
    text = ("本篇文章481字，读完约1分钟\n湘潭在线10月20日电 10月19日，市安委办公室就多起生产安全事故发出警示。\n"
            "标题：“安全生产曝光台丨湘潭市安委办发布往年同期安全事故警示通报”\n")
    doc = docparse.read(text.encode("utf-8"), name="page.txt", steps=("structure",))
    assert doc.meta.title.value == "安全生产曝光台丨湘潭市安委办发布往年同期安全事故警示通报"


def test_an_organ_alone_over_the_address_issues_the_letter():
    # corpora/real r368: a letter-form head, the organ's name with no 文件 and no title
    text = ("山东省人民政府\n各市人民政府，各县（市、区）人民政府，省政府各部门、各直属机构：\n"
            "为认真贯彻落实国务院关于煤矿安全生产的部署，现提出如下意见。\n")
    meta = news(text).meta
    assert meta.issuer.value == "山东省人民政府"


@pytest.mark.parametrize("text, number", [
    # corpora/real r320: the text's first paragraph printed above its 文号 and 主送
    ("为贯彻落实党中央、国务院关于安全生产工作的决策部署，制定本规划。\n皖安〔2022〕4号\n各市人民政府，省安委会各成员单位：\n"
     "经省政府同意，现将《安徽省“十四五”安全生产规划》印发你们，请认真贯彻执行。\n", "皖安〔2022〕4号"),
    # r395: the closing bracket and 号 lost with a glyph, under the masthead
    ("闵行区古美路街道办事处文件\n闵古办〔202518\n关于印发《古美路街道2025年安全生产工作要点》的通知\n街道机关科室、相关企事业单位：\n"
     "现将《古美路街道2025年安全生产工作要点》印发给你们，请认真贯彻执行。\n", "闵古办〔202518"),
    # r379: …beside 签发人
    ("新疆维吾尔自治区应急管理厅\n安〔20231号  签发人：艾尔肯·吐尼亚孜\n关于印发《2023年自治区安全生产工作要点》的通知\n"
     "各地、州、市安全生产委员会：\n现将《2023年自治区安全生产工作要点》印发给你们，请认真贯彻落实。\n", "安〔20231号"),
    # r615: a portal's table saved one cell a line
    ("索引号 |\n610900-2021-0001 |\n文号 |\n安市安委办发〔2021〕3号 |\n成文日期 |\n2021年1月18日 |\n"
     "安康市安全生产委员会办公室关于印发《2021年安康市安全生产专项整治三年行动工作任务清单》的通知\n"
     "各县区安委会：\n现将《2021年安康市安全生产专项整治三年行动工作任务清单》印发给你们，请认真抓好落实。\n",
     "安市安委办发〔2021〕3号"),
    # r728: the number a news lede brackets after the notice it reports issued
    ("江西省政府研究部署安全生产工作\n9月13日，江西省政府对安全生产工作进行了专题研究。9月14日，省政府办公厅下发《关于进一步落实责任，"
     "坚决防范和遏制安全生产事故的通知》（赣府厅明〔2011〕166号，以下简称《通知》）。\n《通知》指出，今年以来形势平稳。\n",
     "赣府厅明〔2011〕166号"),
    # r369: a document the text cites is not its own
    ("山东省煤矿安全工作意见\n为贯彻落实《国务院办公厅关于进一步加强煤矿安全生产工作的意见》（国办发〔2013〕99号），"
     "提出以下意见。\n一、总体要求\n", None),
], ids=["over-address", "lost-glyphs", "beside-signer", "table-cell", "news-lede", "cited"])  # fmt: skip
def test_the_doc_number_where_a_page_moved_or_marred_it(text, number):
    meta = news(text).meta
    assert (meta.doc_number.value if meta.doc_number else None) == number


@pytest.mark.parametrize("text, issuer", [
    # corpora/real r110: a relative day with its date in brackets, and 动员部署
    ("硝酸铵安全隐患大排查启动\n国务院安委办、应急管理部昨日（21日）动员部署硝酸铵等危险化学品安全隐患大排查。\n", "国务院安委办"),
    # r161: the page's time stamp run into the lede
    ("仓储物流企业安全执法\n2019年03月25日 23:38市安委会办公室日前组织全市开展了仓储物流企业场所安全生产执法检查。\n", "市安委会办公室"),
    # r612: 办事处 in the lede is the 街道办事处 the headline names
    ("木城街道办事处多措并举全面加强安全生产工作\n一是压实责任。办事处组织召开专题会议，对安全生产工作再部署。\n", "木城街道办事处"),
], ids=["bracketed-day", "time-stamp", "street-office"])  # fmt: skip
def test_the_body_a_news_page_reports_acting(text, issuer):
    assert news(text).meta.issuer.value == issuer


def test_a_row_of_names_is_no_address():
    # corpora/real r946: a list of units under a group label, blanks between the names
    text = ("吉林省安全生产工作先进单位名单\n省直：\n吉林省安全生产监督管理局办公室\n"
            "吉林省安全生产监督管理局危险化学品安全监管处 吉林省安全生产执法监察总队 长春市：\n"
            "长春市双阳区安全生产监督管理局 长春市九台市安全生产监督管理局\n")
    meta = news(text).meta
    assert meta.recipients == [] and meta.issuer is None


def test_a_news_lede_reporting_a_notice_sent_without_its_title():
    # corpora/real r869: 下发通知，责令… names the kind without a title
    text = ("山西兰花集团莒山煤矿被停产整顿\n（资料图片）\n2月1日，山西省应急管理厅、山西省地方煤矿安全监督管理局下发通知，"
            "责令山西兰花集团莒山煤矿有限公司停产整顿。\n2023年1月27日，该煤矿发生一起死亡4人的安全事故。\n")
    meta = news(text).meta
    assert meta.doc_type.value == "通知" and meta.issuer.value == "山西省应急管理厅"


def test_a_portal_s_viewing_advice_and_footer_are_not_the_document_s():
    # corpora/real r624: the advice is no first paragraph; the footer's 主办 line does not lengthen the issuer's name
    text = ("主办：山西省临汾市汾西县人民政府 © 版权所有 2018\n承办：汾西县人民政府办公室\n涉密文件严禁上网\n"
            "汾西县人民政府门户网站提示：使用大于1366*768分辨率/IE10.0或以上浏览器可以获得最佳浏览效果！\n汾西县人民政府\n"
            "关于做好2024年全县安全生产工作的通知\n各乡镇人民政府，县直各单位：\n2024年，全县安全生产工作要坚持人民至上。\n")
    meta = news(text).meta
    assert meta.title.value == "汾西县人民政府关于做好2024年全县安全生产工作的通知"
    assert meta.issuer.value == "汾西县人民政府"


def test_a_formal_title_run_into_its_first_paragraph():
    # corpora/real r934: joint ministry departments' 公示, its title glued to the paragraph under it
    text = ("农业农村部农业机械化管理司 应急管理部安全生产综合协调司关于2023年度全国“平安农机” 示范市、县名单的公示"
            "2023年，农业农村部和应急管理部继续组织开展“平安农机”创建活动，现予以公示。\n"
            "农业农村部农业机械化管理司 应急管理部安全生产综合协调司\n2024年1月9日\n")
    meta = news(text).meta
    assert meta.title.value == ("农业农村部农业机械化管理司应急管理部安全生产综合协调司关于2023年度全国“平安农机”"
                                "示范市、县名单的公示")
    assert meta.issuer.value == "农业农村部农业机械化管理司"


def test_the_day_a_news_lede_reports_does_not_end_the_outline():
    # corpora/real r950: 4月12日 opens the lede's sentence; it is no 成文日期 closing the text
    text = ("首页 新闻 本港消息 国际新闻 国内新闻 港澳新闻 台湾新闻 军事新闻 财经新闻 世界经济 股市新闻 社会 娱乐 体育世界 民生大观\n" * 3
            + "辽宁将集中整治一批非法生产经营行为\n2018-04-13 21:33:03 信息来源：新华网\n"
            "4月12日，省安委会下发《全省集中开展重点行业领域安全生产系列专项整治行动工作方案》，从4月到12月底开展专项整治行动。\n")
    doc = docparse.read(text.encode("utf-8"), name="news.txt", steps=("structure",))
    assert doc.meta.date.value == "2018-04-12"
    assert doc.sections == [] or doc.sections[-1].span.end >= doc.meta.date.span.end


def test_a_portal_s_value_under_its_label_is_no_headline():
    # corpora/real r392: each value on the line under its label, the next label run onto the value
    text = ("索引号：\nSY7543421111202300007主题分类：\n市场监管、安全生产监督-安全生产监管\n公开主体：\n上海市崇明区应急管理局\n"
            "发文字号：\n沪崇安委会〔2022〕4号\n各乡镇人民政府，区安委会成员单位、有关单位：\n"
            "《上海市崇明区关于进一步强化安全生产责任落实坚决防范遏制重特大事故的81条具体措施》已经区委、区政府同意，现印发给你们。\n")
    meta = news(text).meta
    assert meta.title is None or "市场监管" not in meta.title.value


def test_a_notice_addressed_to_a_corps_alone():
    # corpora/real r102: 市消防支队： is the whole 主送
    text = ("督办通知〔2017〕22号\n市消防支队：\n9月11日至13日，督查组对我市安全生产大检查工作进行督导检查时发现了一些问题和隐患。\n"
            "请你们制定具体整改措施，迅速进行整改。\n2017年9月14日\n")
    assert [f.value for f in news(text).meta.recipients] == ["市消防支队"]
