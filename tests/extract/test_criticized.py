"""Criticized entities (被点名批评的单位) in circulars of other provinces (corpora/heldout_circulars)."""

from __future__ import annotations

import docparse
from tests.extract.test_problems import JIANGXI
from tests.extract.test_regions import CHONGQING, NEIMENGGU
from tests.helpers import ROOT


def read_text(text: str, name: str = "excerpt.txt"):
    return docparse.read(text.encode("utf-8"), name=name)


def entities(text: str) -> dict[str, object]:
    return {e.name: e for e in read_text(text).extraction.entities_criticized}


def test_a_place_starting_with_a_function_word_stays_whole_and_a_bare_bureau_takes_its_county():
    found = entities(JIANGXI)
    assert "于都县鑫达石材有限公司" in found  # not 都县鑫达… (于 of 于都县 stops a name elsewhere)
    bureau = found["于都县应急管理局"]
    assert (bureau.kind, bureau.text) == ("department", "县应急管理局")
    assert "吉安市应急管理局" not in found  # it enforces, nobody criticizes it


def test_2015_bureau_names_keep_their_county():
    text = (
        "湖北省安全生产监督管理局\n\n二、存在的主要问题\n\n（二）部分地方监管责任落实不力。京山县安监局对辖区烟花爆竹批发企业的"
        "检查流于形式；竹山县安全生产监督管理局、房县安监局对非煤矿山工作部署滞后，至今未开展专项检查。\n"
    )
    found = entities(text)
    assert {"京山县安监局", "竹山县安全生产监督管理局", "房县安监局"} <= set(found)
    assert found["竹山县安全生产监督管理局"].reason == found["房县安监局"].reason == "对非煤矿山工作部署滞后，至今未开展专项检查"


def test_other_enterprise_endings_and_bodies_only_the_endings_know():
    text = (
        "重庆市安全生产委员会办公室\n\n三、存在问题\n\n（三）企业主体责任落实不力。长寿区晨光液化气供应站违规销售瓶装液化气，"
        "博乐市金泉液化气站充装人员无证上岗。\n\n（四）部门监管合力不足。南岸区住房城乡建委与区市场监管局监管职责交叉，推诿扯皮问题突出。\n"
    )
    found = entities(text)
    assert found["晨光液化气供应站"].kind == "enterprise" and found["金泉液化气站"].kind == "enterprise"
    assert found["南岸区住房城乡建委"].kind == "department" and "南岸区市场监管局" in found


def test_a_penalty_in_the_measures_names_the_entity():
    found = entities(NEIMENGGU)
    assert any(e.reason and "予以通报批评" in e.reason for e in read_text(NEIMENGGU).extraction.entities_criticized)
    assert "宝丰萤石矿" in found


def test_a_measures_section_without_a_penalty_criticizes_no_entity():
    assert entities(CHONGQING) == {}


def test_departments_given_work_and_back_references_are_not_criticized():
    text = (
        "某市安全生产委员会办公室\n\n二、存在问题\n\n（一）隐患整改不到位。柳州市柳江区兴林木业加工厂无证经营，该加工厂至今未整改。\n\n"
        "三、下步要求\n\n（一）由市公安局交警支队牵头，市交通局、市应急局配合，对逾期未检验的重点车辆全部清零。"
        "对工作推进不力的，由市安委办提请市安委会进行约谈。\n"
    )
    assert set(entities(text)) == {"兴林木业加工厂"}


def test_blame_carried_by_a_reference_and_inspectors_are_not_blamed():
    text = (
        "哈尔滨市安全生产监督管理局关于约谈情况的通报\n\n一、约谈事由\n\n（一）尚志市。5月12日，尚志市鑫源木业有限公司烘干车间"
        "发生火灾，造成3人死亡。该企业违规在车间内设置员工宿舍，电气线路私拉乱接。\n\n（二）双城区。市质监局抽查发现，该区尚有14台锅炉"
        "未办理使用登记。市安监局会同市质监局、市国土资源局对隐患整改不力的双城区进行了约谈。\n\n哈尔滨市安全生产监督管理局\n2016年6月24日\n"
    )
    found = entities(text)
    assert set(found) == {"尚志市鑫源木业有限公司"}  # a company's registered name opens with its place
    assert found["尚志市鑫源木业有限公司"].reason.startswith("违规在车间内设置员工宿舍")


def test_kinds_of_business_headings_and_parent_companies_are_no_names():
    text = (
        "某市安委办关于督查情况的通报\n\n二、存在问题\n\n（二）加油站\n\n林周县宾馆酒店消防通道堵塞，辖区煤矿隐患整改不到位。"
        "府谷县恒泰煤矿（隶属陕西米脂恒泰矿业有限公司）超层越界开采，至今未整改。\n"
    )
    assert set(entities(text)) == {"恒泰煤矿"}


def test_departments_in_a_task_table_or_acting_on_a_schedule_are_not_blamed():
    text = (
        "某市安委办关于开展督查的通报\n\n二、存在问题\n\n（一）校车违法违规问题突出。\n\n"
        "序号\t工作内容\t责任单位\t完成时限\n1\t排查接送学生车辆违法违规情况\t市公安局、市教育体育局（牵头）\t2024年9月15日前\n\n"
        "三、工作要求\n\n市安委办每半月组织一次暗访督查，对工作不力的予以通报批评。市安委会将对事故反弹的区进行约谈。\n"
    )
    assert entities(text) == {}


# corpora/real r148, r180, r710, r702 (accident and 约谈 news, dev split)
ACCIDENT_LIST = ("今年以来，全省危化品领域共发生生产安全事故14起。12家企业（单位）发生了较大生产安全责任事故："
                 "临沂烨华焦化有限公司、冠县新瑞实业有限公司、山东海明化工有限公司。\n")
ACCIDENT_SUBJECT = ("11月9日17时01分许，位于宝山区蕴川路3735号的上海鑫德物流有限公司发生火灾，造成3人死亡、1人受伤。\n"
                    "11月10日8时58分许，金山工业区揽工路568号上海宝力投资发展有限公司出租的1号厂房发生火灾。\n")
SELF_CRITICISM = "约谈会上，榆中县政府做了表态发言，兰州兰石锻造有限公司、重庆黄埔建设有限公司做了检讨发言。\n"
ACCIDENT_REPORT = ("江西煤矿安全监察局30日对外公布了对江西煤业集团有限责任公司涌山煤矿“2.28”较大煤与瓦斯突出事故的调查报告。"
                   "今年2月28日，江西煤业集团有限责任公司涌山煤矿（以下简称涌山煤矿）发生一起较大煤与瓦斯突出事故。\n")


def test_enterprises_listed_under_an_accident_lead_in_are_criticized_with_their_registered_place():
    found = entities(ACCIDENT_LIST)
    assert set(found) == {"临沂烨华焦化有限公司", "冠县新瑞实业有限公司", "山东海明化工有限公司"}
    assert {e.kind for e in found.values()} == {"enterprise"}


def test_the_enterprise_an_accident_happened_at_is_criticized_and_a_house_number_is_no_part_of_it():
    assert set(entities(ACCIDENT_SUBJECT)) == {"上海鑫德物流有限公司", "上海宝力投资发展有限公司"}


def test_a_penalty_right_after_listed_enterprises_criticizes_each():
    assert set(entities(SELF_CRITICISM)) == {"兰州兰石锻造有限公司", "重庆黄埔建设有限公司"}


def test_an_accident_report_names_its_mine_once_and_an_alias_note_is_no_name():
    assert set(entities(ACCIDENT_REPORT)) == {"江西煤业集团有限责任公司涌山煤矿"}


def test_a_rescue_after_an_accident_blames_no_enterprise():
    text = "事故发生后，上海鑫德物流有限公司迅速组织救援，市应急管理局派出工作组赶赴现场。\n"
    assert entities(text) == {}


def test_two_companies_joined_by_he_are_two_names():
    # corpora/real r151
    text = ("共发现安全隐患问题198项，其中企业层面问题170项。其中，吉林斯普瑞酒业有限公司、吉林华众轿车门股份有限公司"
            "和长白山保护开发区盛源供热供水有限公司3户企业安全隐患比较突出，企业安全生产主体责任落实不到位。\n")
    found = entities(text)
    assert "吉林华众轿车门股份有限公司" in found
    assert not any("和" in name for name in found)


def test_a_bureau_answers_for_its_sanctioned_official_a_party_committee_does_not():
    # corpora/real r716 (dev split)
    text = ("经省纪委监委研究决定，给予吕梁市应急管理局原党委书记、局长高艳龙开除党籍、政务撤职处分；"
            "给予吕梁市离石区城北街道党工委书记孙宏勇政务记大过处分。\n")
    found = entities(text)
    assert "吕梁市应急管理局" in found
    assert not any(name.endswith(("党委", "党工委")) for name in found)


def test_an_officials_post_and_a_class_of_mines_name_no_mine():
    # corpora/real r718 and r748 (dev split): the post of an official runs into the mine's name; 乡镇煤矿 is a class
    text = ("山西检察机关已初步查明：灵石县安全生产监督管理局王禹乡南山煤矿安全特派员郭某对该矿长期非法生产不予制止，"
            "被依法立案侦查。淖尔壕煤矿为乡镇煤矿，事故发生后未按要求报告，此次约谈地区或企业因煤矿事故导致69人死亡。\n")
    found = entities(text)
    assert not any(name.startswith(("安全生产监督管理局", "企业因")) for name in found)
    assert "乡镇煤矿" not in found


def test_a_body_that_imposes_the_sanction_or_receives_the_report_is_not_criticized():
    # corpora/real r807 and r809 (dev split), as the pages write them (a pinyin gloss inside)
    text = ("因道路交通事故多发，5月6日，市纪委监委联合市安委办分别约谈沅江市新湾镇党政主要负责人。"
            "云南省安全生产委员会（huì ）决定对该起事故查处进行挂牌督办，事故调查报告报省安委会办公室审核。\n")
    found = entities(text)
    assert not any("安委" in name or "安全生产委员会" in name for name in found)


def test_a_short_bracket_inside_an_enterprise_name_keeps_the_name_whole():
    # corpora/real r170: both enterprises of the list get the penalty, 海之星（洋浦） is one name
    text = ("省安委办立即召开会议，梳理分类104项安全隐患，并对东方德森能源有限公司和海南海之星（洋浦）水产食品有限公司"
            "下发停产整顿通知书，责令停产并限期整改。\n")
    found = entities(text)
    assert {"东方德森能源有限公司", "海南海之星（洋浦）水产食品有限公司"} <= set(found)
    assert "水产食品有限公司" not in found


def test_a_commission_whose_deputy_head_is_suspended_is_criticized():
    # corpora/real r832: 工信委 is a government commission, not a party committee standing for its place
    text = (
        "新华社贵阳10月10日电 记者10日从黔南布依族苗族自治州人民政府了解到，因对“10·4”荔波安平煤矿事故负有直接领导责任，"
        "黔南州工信委副主任龙河云、荔波县副县长莫春继被责令停职检查。\n"
    )
    assert "黔南州工信委" in entities(text)


def test_a_works_named_by_its_kind_is_nobody_by_name():
    # corpora/real r833 (一起煤矿事故) and r851 (延福屯村一毛巾厂发生火灾)
    found = entities(
        "云南昭通21名公职人员因一起煤矿事故被建议追责问责\n"
        "前段时间西演镇延福屯村一毛巾厂发生火灾，死亡2人。这说明我县安全生产基础还十分薄弱。\n"
    )
    assert not any(name.endswith(("煤矿", "毛巾厂")) for name in found)


def test_the_issuer_under_a_shorter_name_criticizes_nobody_by_it():
    # corpora/real r840: 省政府安办 tells the reporter, then 省安办指出 the shortcomings of others
    text = (
        "本报讯（记者 任鸿）7月25日记者从省政府安办获悉，今年1-6月，全省事故总量下降。\n"
        "省安办指出，当前影响安全生产的因素也有不少。全省较大生产安全事故有所反弹；个别地方和部门仍未树牢安全发展理念；"
        "个别地区和部门大检查及专项整治开展不力；部分企业安全生产法治意识仍比较淡薄。省安办提出抓整治、抓执法、抓问责、"
        "抓约谈、抓清单、抓应急六项具体举措，坚决遏制重特大生产安全事故发生。\n"
    )
    assert "省安办" not in entities(text)


def test_a_department_that_speaks_or_publishes_is_not_blamed_by_what_it_says():
    # corpora/real r156 (市安监局在…通报会上表示…没有得到根本解决) and r155 (市住建委表示，对排查不力的…)
    text = (
        "京华时报讯（记者翟烜）昨天，市安监局在全市前10个月安全生产情况通报会上表示，本市安全生产工作“政府热企业冷”"
        "的现象没有得到根本解决。\n市住建委表示，对排查不力的工程项目存在的严重安全隐患依法从严高限查处，并进行通报批评和媒体曝光。\n"
    )
    found = entities(text)
    assert "市安监局" not in found and "市住建委" not in found


def test_a_party_committee_stands_for_its_place_and_is_no_entity():
    # corpora/real r723: the county's and the town's party committees are blamed through their place
    text = (
        "经调查，阳新县委、县政府对安全生产工作重视不够，洋港镇党委、镇政府对辖区非法违法生产行为打击不力，"
        "对事故发生负有重要领导责任。\n"
    )
    found = entities(text)
    assert not any(name.endswith("委") for name in found)


def test_an_enterprise_named_after_the_body_that_investigates_it_starts_after_that_body():
    # corpora/real r745: 省人民政府浏阳市碧溪烟花制造有限公司“12·4”重大爆炸事故调查组
    text = (
        "12月5日，经省人民政府批准，成立了由省应急管理厅、省公安厅、省总工会、省市场监管局和长沙市人民政府有关负责同志"
        "组成的省人民政府浏阳市碧溪烟花制造有限公司“12·4”重大爆炸事故调查组（以下简称调查组）。\n"
        "经调查认定，浏阳市碧溪烟花制造有限公司“12·4”重大爆炸事故是一起生产安全责任事故。\n"
    )
    found = entities(text)
    assert "浏阳市碧溪烟花制造有限公司" in found and not any(name.startswith("省人民政府") for name in found)


def test_the_second_of_two_listed_enterprises_after_a_bracketed_registration():
    # corpora/real r196: the first company's bracket (注册地址：…；注册号：…) stands between the list's lead-in and the second
    text = (
        "发生重特大生产安全事故的2家生产经营单位分别是：辽宁连山钼业集团兴利矿业有限公司（注册地址：辽宁省葫芦岛市连山区"
        "钢屯镇钢西村；注册号：211402004015816）和河南省通许县通安烟花爆竹有限公司。\n"
    )
    found = entities(text)
    assert {"辽宁连山钼业集团兴利矿业有限公司", "河南省通许县通安烟花爆竹有限公司"} <= set(found)


def test_a_body_whose_official_takes_part_or_speaks_is_not_blamed_unless_the_official_is():
    """r727 (省安委办约谈南昌市): the bodies of those who hold and attend the 约谈 are not blamed; r115: a speaker's
    body; r718, r724: a body whose head failed or is penalized is."""
    found = entities(
        "江西省通报\n2月12日，省安委办对南昌市政府进行安全生产约谈。省安委办主任、江西省应急管理厅厅长徐卫明主约谈。\n"
        "青海省交警总队副总队长陶学斌介绍，1-8月生产经营领域的交通事故违法违规行为突出。\n"
        "阳新县安监局局长梁再华被全省通报批评。\n"
    )
    assert "江西省应急管理厅" not in found and "青海省交警总队" not in found
    assert "阳新县安监局" in found
    r718 = docparse.read(ROOT / "corpora" / "real" / "docs" / "r718_tongbao.txt").extraction.entities_criticized
    assert "王禹乡安全生产监督管理站" in {e.name for e in r718}  # 站长王某…未采取有效措施予以制止
    # r913: an official left unnamed (省安委办相关负责人指出，…暴露出…等问题) speaks for the body as well
    r913 = docparse.read(ROOT / "corpora" / "real" / "docs" / "r913_tongbao.txt").extraction.entities_criticized
    assert "省安委办" not in {e.name for e in r913}


def test_a_body_holding_its_meeting_or_addressed_is_not_blamed():
    """r328 (a 讲话): 市安委会第一次全体（扩大）会议 is the body's meeting."""
    found = entities(
        "在全市安全生产会议上的讲话\n同志们，今天我们召开2022年市安委会第一次全体（扩大）会议，主要原因是春节马上来临，"
        "部分企业安全责任不落实。\n"
    )
    assert "市安委会" not in found


def test_a_headline_short_of_the_legal_form_names_the_same_company():
    """r869: 山西兰花集团莒山煤矿被停产整顿 (the headline) is 山西兰花集团莒山煤矿有限公司."""
    found = entities(
        "山西兰花集团莒山煤矿被停产整顿\n2月1日，山西省应急管理厅下发通知，责令山西兰花集团莒山煤矿有限公司停产整顿。\n"
    )
    assert list(found) == ["山西兰花集团莒山煤矿有限公司"]


def test_a_penalty_naming_a_campaign_is_imposed_on_nobody():
    """r872 (a city's 停产整顿 notice): 成立太原市煤矿停产整顿工作领导组 names a campaign's leading group."""
    found = entities(
        "太原市关于煤矿停产整顿的通知\n为加强对煤矿停产整顿工作的领导，成立太原市煤矿停产整顿工作领导组。"
        "要健全机构，落实责任，确保煤矿停产整顿工作顺利进行。\n"
    )
    assert found == {}


def test_a_body_convening_a_meeting_holds_it():
    """r198: 四川省政府安委会办公室召集…相关负责人召开重点煤矿企业事故约谈会."""
    found = entities(
        "四川省召开重点煤矿企业事故约谈会\n6月29日，四川省政府安委会办公室召集华蓥山广能集团公司、四川芙蓉集团公司相关负责人"
        "召开重点煤矿企业事故约谈会，这是四川省首次召开重点煤矿企业事故约谈会。\n"
    )
    assert "四川省政府安委会办公室" not in found


def test_enterprises_listed_with_the_dates_of_their_accidents_are_blamed():
    """r892 (齐鲁晚报): 相继发生了临沂三德特钢有限公司“4·1”铁水外溢、…“4·2”较大中毒和联化科技（德州）有限公司废水处理
    装置“4·3”爆炸等三起生产安全事故: an accident's date label names it, its kind told at the end of the list; the 和 after
    较大中毒 ends the list item before the next name."""
    found = entities(
        "近期，山东省相继发生了临沂三德特钢有限公司“4·1”铁水外溢、青岛市市北区李村河下游胜利桥段市政工程“4·2”较大中毒和"
        "联化科技（德州）有限公司废水处理装置“4·3”爆炸等三起生产安全事故，造成多人伤亡。\n"
    )
    assert set(found) == {"临沂三德特钢有限公司", "联化科技（德州）有限公司"}


def test_a_time_word_or_a_verb_before_a_name_is_no_part_of_it():
    """r896: 近三年以来晋能控股集团所属煤矿事故情况 names 晋能控股集团, not 来晋能控股集团; r835: 确认龙窝煤矿 is the mine
    named in full before, not a second one."""
    r896 = docparse.read(ROOT / "corpora" / "real" / "docs" / "r896_tongbao.txt").extraction.entities_criticized
    assert {e.name for e in r896} == {"晋能控股集团"}
    r835 = docparse.read(ROOT / "corpora" / "real" / "docs" / "r835_tongbao.txt").extraction.entities_criticized
    assert {e.name for e in r835} == {"贵州浙商矿业集团有限公司修文县六广镇龙窝煤矿"}


def test_a_mine_written_after_a_bare_province_is_the_mine_named_without_it():
    """r897 (法制日报): the headline's 黑龙江富华煤矿“9.20”火灾 and the text's 黑龙江省鹤岗市兴山区富华煤矿 are one mine,
    富华煤矿: the bare province (no 省) is no part of its name."""
    r897 = docparse.read(ROOT / "corpora" / "real" / "docs" / "r897_tongbao.txt").extraction.entities_criticized
    names = {e.name for e in r897}
    assert "富华煤矿" in names and "黑龙江富华煤矿" not in names


def test_an_enterprise_answers_for_its_officer_held_for_a_crime():
    """r716 (山西永聚煤业 fire): 东泰公司副总经理闫展望，陈熙吊篮公司总经理陈瑞强等10人…被检察机关批准逮捕."""
    found = entities(
        "采取刑事强制措施的18人中，东泰公司副总经理闫展望，陈熙吊篮公司总经理陈瑞强等10人涉嫌重大劳动安全事故罪"
        "被检察机关批准逮捕。\n东泰公司总经理介绍了公司的发展情况。\n"
    )
    assert set(found) == {"东泰公司", "陈熙吊篮公司"}


def test_an_example_marker_before_a_placed_name_is_no_part_of_it():
    text = (
        "（一）马山县自然资源、应急管理部门对安全生产专项整治三年行动的宣传不足。个别企业未曾听闻专项整治三年行动工作,"
        "如马山县罗裕矿业有限公司不清楚安全生产专项整治三年行动。\n"
    )
    found = entities(text)
    assert "马山县罗裕矿业有限公司" in found
    assert not any(name.startswith("如") for name in found)


def test_names_qualified_by_what_they_caused_or_were_found_to_have_are_blamed():
    text = (
        "3家检查发言的生产企业分别是：因燃气泄漏导致地铁1号线广西大学站封闭1小时的南宁中燃城市燃气发展有限公司，"
        "造成13人蒸汽灼烫或挫裂伤的广西金川有色金属有限公司。\n"
        "截至目前，共计检查煤矿企业11家，查处隐患105条，对存在问题较多的龙洞沟煤矿、红稗地煤矿2家煤矿企业责令停产整改。\n"
    )
    found = entities(text)
    assert {"南宁中燃城市燃气发展有限公司", "广西金川有色金属有限公司", "龙洞沟煤矿", "红稗地煤矿"} <= set(found)


def test_a_rule_naming_where_an_accident_happened_blames_no_unit():
    text = (
        "第十条 煤矿发生事故后，煤矿负责人接到报告后，应当于1小时内报告事故发生地县级以上人民政府安全生产监督管理部门、"
        "负责煤矿安全生产监督管理的部门和驻地煤矿安全监察机构。\n"
    )
    assert not [name for name in entities(text) if "煤矿" in name]


def test_the_items_of_a_list_a_line_of_its_own_leads_in_are_blamed():
    text = (
        "青海省公安厅交警总队召开新闻发布会对今年以来的4起客运企业道路运输责任交通事故进行曝光。\n"
        "此次曝光的典型案例有：\n"
        "2月22日下午，青海省汽车运输集团有限公司李某某驾驶青A73396号大型客车在共和县境内国道214线170公里处的冰雪路面"
        "发生侧翻，造成2名乘客当场死亡、31人受伤；8月2日清晨，西宁金圣地旅游公司沈某某驾驶青A65878号大型普通客车"
        "行至国道109线2123公里处时，与对向行驶的小型轿车发生碰撞，造成小型轿车内1人死亡、4人受伤。\n"
    )
    assert {"青海省汽车运输集团有限公司", "西宁金圣地旅游公司"} <= set(entities(text))


def test_a_company_told_working_when_an_accident_happened_is_not_blamed_by_its_casualties():
    text = (
        "龙文区人民政府:\n2023年11月17日上午9时许，在龙文区梧桥中路3号漳州市明盛工贸有限公司2号厂房屋顶，福建臣讯通信技术有限公司"
        "进行移动通信设备配套设施安装施工时，发生触电事故，造成1名施工人员受伤经抢救无效死亡。\n"
        "根据有关规定，决定对这起事故实行挂牌督办。\n"
    )
    assert "福建臣讯通信技术有限公司" not in entities(text)


def test_a_quantified_body_its_member_units_and_a_cited_documents_issuer_are_not_blamed():
    text = (
        "海南省个别地区安委会成员单位未明确安全生产职责；安全生产投入长效机制不完善。\n"
        "完善了《对市州政府和省安委会成员单位安全生产目标责任制考核办法》，全年问责党政领导干部57人。\n"
        "自治区安委办发出《广西壮族自治区安全生产委员会关于2019年度自治区重点监督整改18项生产安全事故隐患的通知》，"
        "将存在生产安全事故隐患的项目列为重点监督整改项目。\n"
    )
    found = entities(text)
    assert not [name for name in found if "安委" in name or "安全生产委员会" in name]


def test_a_mine_ending_that_opens_a_safety_inspection_bodys_name_is_no_enterprise():
    text = (
        "一、接到群众举报已关闭的小煤窑有偷采现象，河南煤矿安全监察局局长指示商丘煤矿安全监察办事处立即查办，"
        "复查中发现小煤窑没有炸毁井筒。\n"
    )
    found = entities(text)
    assert "河南煤矿" not in found and "商丘煤矿" not in found


def test_a_company_keeps_the_province_its_registered_name_opens_with_and_no_role_before_it():
    text = (
        "国务院安委会办公室通报了新疆八一钢铁（600581）股份有限公司“10·18”较大中毒窒息事故。事故发生在八一钢铁（600581）"
        "股份有限公司能源环保部制氧工序，承包单位西安陕鼓动力（601369）股份有限公司违规开展空气压缩机润滑油箱清理作业，"
        "造成4人死亡。\n"
    )
    found = entities(text)
    assert "新疆八一钢铁（600581）股份有限公司" in found
    assert "八一钢铁（600581）股份有限公司" not in found
    assert "西安陕鼓动力（601369）股份有限公司" in found


def test_a_three_character_body_and_an_accident_named_by_its_date_before_the_mine():
    text = (
        "此次检查中，雁塔区、市建委、市质监局存在部分隐患没有按期限进行整改，整改力度不大。\n"
        "记者10日从黔南布依族苗族自治州人民政府了解到，因对“10·4”荔波安平煤矿事故负有直接领导责任，黔南州工信委副主任"
        "龙河云被责令停职检查。\n"
    )
    found = entities(text)
    assert {"市建委", "市质监局", "荔波安平煤矿"} <= set(found)


def test_a_committees_units_named_after_it_are_not_the_committee():
    text = "检查发现，区安委会各成员单位安全生产职责落实不到位，部分企业隐患整改不彻底。\n"
    assert not [name for name in entities(text) if "安委" in name]



def test_bodies_whose_officials_a_meeting_is_held_with_are_blamed():
    text = (
        "7月28日，省安委办对南昌市政府相关负责人和南昌市交通运输局、南昌市公安局交管局、南昌市应急管理局以及南昌县、新建区、"
        "进贤县政府主要负责人进行安全生产约谈。\n"
    )
    found = entities(text)
    assert {"南昌市交通运输局", "南昌市公安局交管局", "南昌市应急管理局"} <= set(found)
    assert "省安委办" not in found
