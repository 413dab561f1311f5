"""Criticized entities (被点名批评的单位) in circulars of other provinces (corpora/heldout_circulars)."""

from __future__ import annotations

import docparse
from tests.extract.test_problems import JIANGXI
from tests.extract.test_regions import CHONGQING, NEIMENGGU


def read_text(text: str, name: str = "excerpt.txt"):
    return docparse.read(text.encode("utf-8"), name=name)


def entities(text: str) -> dict[str, object]:
    return {e.name: e for e in read_text(text).extraction.entities_criticized}


def test_a_place_starting_with_a_function_word_stays_whole_and_a_bare_bureau_takes_its_county():
    found = entities(JIANGXI)
    assert "鑫达石材有限公司" in found  # not 都县鑫达… (于 of 于都县 stops a name elsewhere)
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
    assert set(found) == {"鑫源木业有限公司"}
    assert found["鑫源木业有限公司"].reason.startswith("违规在车间内设置员工宿舍")


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
