import pytest

import docparse
from docparse.extract.tasks import charged, task_sector_wording
from docparse.extract.tasks import tasks as extract_tasks
from docparse.model import Cell, Deadline, RawDocument, Source, Span, Table
from docparse.pipeline import Pipeline, make_document
from tests.helpers import ROOT, gold, seed

# A county plan in the manner of 四川 (written for these tests): a lead with 依职责分工负责 support, a
# lead-and-配合 pair, a support list whose separators were lost, two leads 按职责分别牵头, and phases.
SICHUAN_COUNTY_PLAN = """旺苍县2024年燃气和校园安全专项整治工作方案

一、总体要求
坚持人民至上、生命至上，全面排查整治重大事故隐患。

二、重点任务
（一）城镇燃气。由县住房城乡建设局牵头，县市场监管局、县应急局、县消防救援大队等部门依职责分工负责，全面排查餐饮场所燃气使用隐患，于2024年6月30日前完成整改。
（二）道路交通。县交通运输局牵头，县公安局交警大队、县农业农村局配合，重点整治农村客运和货车超限超载。
（三）校园安全。由县教育和体育局负责，县公安局卫生健康局市场监管局等部门依职责分工负责，开展校园周边隐患排查。
（四）森林草原防火。县林草局、县应急管理局按职责分别牵头，县自然资源局配合，严查野外违规用火。

三、实施步骤
（一）动员部署（2024年3月31日前）
各乡镇、县级有关部门制定实施方案，县安委办汇总报送。
（二）集中整治（2024年4月至10月）
县应急局每月通报整治进展。
"""

# A city plan in the manner of 河北 (written for these tests): 会同, a lost-separator list, an old
# agency name, and a task table.
HEBEI_CITY_PLAN = """邢台市安全生产专项整治方案

二、主要任务
（一）工贸行业。由市应急管理局牵头，市发展改革委市工信局市国资委等部门依职责分工负责，深化粉尘涉爆企业治理。
（二）安全宣传。市委宣传部会同市网信办开展警示教育。
"""
TABLE_ROWS = [
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "开展危险化学品企业安全风险隐患排查", "市应急局", "市公安局、市生态环境局", "2024年9月30日前"],
    ["2", "整治电动自行车违规停放充电", "市消防救援支队", "市住建局、市市场监管局", "2024年12月31日前"],
]


def read(text: str):
    return docparse.read(text.encode("utf-8"), name="plan.txt")


def names(refs):
    return [r.name for r in refs if r.kind != "generic"]


def task_starting(doc, words):
    return next(t for t in doc.extraction.tasks if words in t.text[:30])


def f1(found: set, expected: set) -> float:
    hits = len(found & expected)
    if not found or not expected:
        return float(found == expected)
    precision, recall = hits / len(found), hits / len(expected)
    return 2 * precision * recall / (precision + recall) if hits else 0.0


def assignments_by_topic(doc, topics):
    """(topic, department) pairs for lead and support: the tasks of each topic's item, bracketed
    assignments of other sectors (水利（市水务局负责）) left out."""
    lead, support = set(), set()
    for topic in topics:
        sec = next(s for s in doc.sections if s.heading.startswith(topic))
        tasks = [t for t in doc.extraction.tasks if t.section == sec.id]
        tasks = [t for t in tasks if t.sector == tasks[0].sector]
        lead |= {(topic, n) for t in tasks for n in names(t.lead)}
        support |= {(topic, n) for t in tasks for n in names(t.support)}
    return lead, support


def gold_pairs(prefix):
    assignments = gold(prefix)["assignments"]
    lead = {(a["topic"], n) for a in assignments for n in a["lead"]}
    support = {(a["topic"], n) for a in assignments for n in a["support"]}
    return [a["topic"] for a in assignments], lead, support


def test_seed_001_lead_and_support_f1_against_gold():
    doc = docparse.read(seed("001"))
    topics, gold_lead, gold_support = gold_pairs("001")
    lead, support = assignments_by_topic(doc, topics)
    lead_f1, support_f1 = f1(lead, gold_lead), f1(support, gold_support)
    print(f"001 lead F1 {lead_f1:.3f} support F1 {support_f1:.3f}; extra lead {sorted(lead - gold_lead)}")
    assert lead_f1 >= 0.9
    assert support_f1 >= 0.8


def test_seed_001_sector_items_become_tasks_with_sectors():
    doc = docparse.read(seed("001"))
    coal = task_starting(doc, "煤矿由")
    assert coal.sector == "煤矿" and names(coal.lead) == ["市工业和信息化局"]
    water = task_starting(doc, "水上交通和渔业船舶")
    assert water.sector == "水上交通、渔业船舶"
    assert names(water.lead) == ["市交通运输局", "市农业农村局", "市滇池管理局"]
    # a later sentence with its own lead is a task of its own, in the same sector
    military = [t for t in doc.extraction.tasks if t.sector == "民爆、军工"]
    assert [names(t.lead) for t in military] == [["市工业和信息化局", "市公安局"], ["市公安局"], ["市国防动员办公室"]]


def test_seed_001_bracketed_sector_assignments_are_tasks():
    doc = docparse.read(seed("001"))
    by_sector = {t.sector: t for t in doc.extraction.tasks}
    assert names(by_sector["水利"].lead) == ["市水务局"]
    # 依职责分工负责 without a lead: the first of the responsible units leads (the blind gold of r345, r369, r383)
    assert (names(by_sector["电力"].lead), names(by_sector["电力"].support)) == (["市发展和改革委员会"], ["市工业和信息化局"])
    assert names(by_sector["危险废物"].lead) == ["市生态环境局"]
    muck = task_starting(doc, "渣土消纳")
    assert names(muck.lead) == ["市城市管理局"]  # the bracketed leads are not the item's


def test_seed_001_sectors_as_the_plan_writes_them():
    doc = docparse.read(seed("001"))
    written = {w.sector: w.text for t in doc.extraction.tasks for w in task_sector_wording(doc, t)}
    assert written["文化旅游"] == "文化和旅游" and written["医院"] == "医疗卫生"
    assert written["城市运行"] == "渣土消纳" and written["燃气"] == "城镇燃气" and written["水利"] == "水利"
    for task in doc.extraction.tasks:
        wording = task_sector_wording(doc, task)
        assert [w.sector for w in wording] == (task.sector.split("、") if task.sector else [])
        for w in wording:
            assert doc.text_of(w.span) == w.text


# A plan's sector lists may name a sector the lexicon does not know: 宣汉县's 矿山, a township's 水库.
def test_a_sector_the_lexicon_does_not_know_is_named_as_the_plan_writes_it():
    doc = docparse.read(ROOT / "corpora/own/docs/sc_xuanhan_2024_plan.txt")
    mines = task_starting(doc, "矿山。由县应急管理局")
    assert mines.sector == "矿山" and names(mines.lead) == ["县应急管理局", "县经济和信息化局"]
    assert [(w.sector, w.text) for w in task_sector_wording(doc, mines)] == [("矿山", "矿山")]
    township = docparse.read(ROOT / "corpora/heldout_blind2/docs/yn_township_2024_plan.txt")
    assert task_starting(township, "水库和农业生产安全").sector == "水库和农业生产安全"


def test_items_of_other_lists_take_no_sector_of_their_own():
    doc = read(SICHUAN_COUNTY_PLAN)  # the phases 动员部署, 集中整治 are not a list of sectors
    assert task_starting(doc, "各乡镇").sector is None
    minutes = docparse.read(ROOT / "corpora/heldout_mixed/docs/fj_zhangzhou_2021_minutes.txt")
    assert all(t.sector is None for t in minutes.extraction.tasks if "关于工作调度" in t.text[:12])


def test_seed_001_phase_tasks_carry_their_phase_and_acting_party():
    doc = docparse.read(seed("001"))
    first = task_starting(doc, "一是各级安委会制定印发")
    assert first.phase == "动员部署"
    assert [p.name for p in first.lead] == ["党委政府"] and first.lead[0].kind == "generic"
    supervision = task_starting(doc, "开展督导宣贯")
    assert supervision.phase == "自查自改和督导帮扶" and names(supervision.lead) == ["市安全生产委员会办公室"]


def test_task_text_and_party_spans_point_at_the_source():
    doc = docparse.read(seed("001"))
    assert len(doc.extraction.tasks) > 18
    for task in doc.extraction.tasks:
        assert doc.text_of(task.span) == task.text
        for ref in task.lead + task.support:
            assert doc.text_of(ref.span) == ref.text


def test_county_plan_roles_with_lost_separators_and_split_duties():
    doc = read(SICHUAN_COUNTY_PLAN)
    gas = task_starting(doc, "城镇燃气")
    assert gas.sector == "燃气"
    assert names(gas.lead) == ["县住房和城乡建设局"]
    assert names(gas.support) == ["县市场监督管理局", "县应急管理局", "县消防救援大队"]
    road = task_starting(doc, "道路交通")
    assert (road.sector, names(road.lead), names(road.support)) == (
        "道路运输",
        ["县交通运输局"],
        ["县公安局交警大队", "县农业农村局"],
    )
    school = task_starting(doc, "校园安全")
    assert names(school.lead) == ["县教育体育局"]
    assert names(school.support) == ["县公安局", "县卫生健康局", "县市场监督管理局"]
    fire = task_starting(doc, "森林草原防火")
    assert names(fire.lead) == ["县林业和草原局", "县应急管理局"] and names(fire.support) == ["县自然资源局"]


def test_county_plan_phase_tasks_and_generic_leads():
    doc = read(SICHUAN_COUNTY_PLAN)
    mobilize = task_starting(doc, "各乡镇")
    assert mobilize.phase == "动员部署"
    assert [p.kind for p in mobilize.lead] == ["generic", "generic"]
    report = task_starting(doc, "县应急局每月")
    assert report.phase == "集中整治" and names(report.lead) == ["县应急管理局"]


def test_deadline_inside_the_task_text_or_in_its_phase_heading():
    doc = docparse.read(SICHUAN_COUNTY_PLAN.encode("utf-8"), name="plan.txt", disable=("tasks",))

    def deadline(text, date):
        start = doc.text.index(text)
        return Deadline(text, Span(start, start + len(text)), date=date)

    doc.extraction.deadlines = [deadline("2024年6月30日前", "2024-06-30"), deadline("2024年3月31日前", "2024-03-31")]
    found = extract_tasks(doc)
    gas = next(t for t in found if "城镇燃气" in t.text[:10])
    assert gas.deadline.date == "2024-06-30"
    road = next(t for t in found if "道路交通" in t.text[:10])
    assert road.deadline is None
    mobilize = next(t for t in found if "各乡镇" in t.text)
    assert mobilize.deadline.date == "2024-03-31"  # from the phase heading 动员部署（2024年3月31日前）


def test_city_plan_consults_and_old_names():
    doc = read(HEBEI_CITY_PLAN)
    trade = task_starting(doc, "工贸行业")
    assert trade.sector == "工贸"
    assert names(trade.lead) == ["市应急管理局"]
    assert names(trade.support) == ["市发展和改革委员会", "市工业和信息化局", "市国有资产监督管理委员会"]
    publicity = task_starting(doc, "安全宣传")
    assert names(publicity.lead) == ["市委宣传部"] and names(publicity.support) == ["市委网络安全和信息化委员会办公室"]


def plan_with_table() -> RawDocument:
    text = HEBEI_CITY_PLAN + "\n附件\n"
    rows = []
    for row in TABLE_ROWS:
        cells = []
        for value in row:
            start = len(text)
            text += value + "\t"
            cells.append(Cell(Span(start, start + len(value)), value))
        text = text[:-1] + "\n"
        rows.append(cells)
    table = Table(Span(rows[0][0].span.start, rows[-1][-1].span.end), rows)
    return RawDocument(text=text, source=Source(None, "0" * 64, "txt"), tables=[table])


def test_task_table_rows_become_tasks():
    doc = make_document(plan_with_table())
    doc = Pipeline(disable=("tasks",)).run(doc)
    start = doc.text.index("2024年9月30日前")
    doc.extraction.deadlines = [Deadline("2024年9月30日前", Span(start, start + 11), date="2024-09-30")]
    rows = [t for t in extract_tasks(doc) if t.section is None]
    assert [t.text for t in rows] == [TABLE_ROWS[1][1], TABLE_ROWS[2][1]]
    chemicals, bikes = rows
    assert chemicals.sector == "危险化学品"
    assert names(chemicals.lead) == ["市应急管理局"]
    assert names(chemicals.support) == ["市公安局", "市生态环境局"]
    assert chemicals.deadline.date == "2024-09-30" and bikes.deadline is None
    assert names(bikes.lead) == ["市消防救援支队"]
    assert names(bikes.support) == ["市住房和城乡建设局", "市市场监督管理局"]
    assert doc.text_of(chemicals.span) == chemicals.text


# --- held-out layouts (corpora/heldout): excerpts of plans of other provinces ------------------

# 湖南: tasks close with bracketed fields, or with a 责任单位 list whose first unit leads (下同: from here on).
HUNAN_CITY_PLAN = """株洲市2025年重点行业领域安全隐患“清源”行动方案

二、重点任务
（一）危险化学品。聚焦化工园区和重大危险源企业，严格特殊作业许可管理。（牵头单位：市应急管理局；配合单位：市公安局、市生态环境局、市交通运输局）
（二）城镇燃气。深化燃气管道老化更新改造。（责任单位：市住建局、市城管局、市市场监管局，排在首位的为牵头单位，下同）
（三）建筑施工。严格危险性较大的分部分项工程管控。（责任单位：市住建局、市交通运输局、市水利局）
（四）特种设备。对电梯、大型游乐设施开展全覆盖检查。（责任单位：市市场监管局）
"""

# 山东: a provincial notice whose first part has no role heading, abbreviated 厅/委 names, and supporting
# units written with 会同 or 依职责做好 after the lead.
SHANDONG_NOTICE = """山东省安全生产委员会办公室关于做好2024年岁末年初安全防范工作的通知

一、深入开展重大事故隐患排查整治
各市要组织对辖区内重点行业领域开展一次全覆盖排查。省应急厅、省公安厅、省交通运输厅按职责分工负责。

二、突出抓好重点行业领域安全防范
（一）城镇燃气。全面排查燃气管网老化问题。由省住房城乡建设厅牵头，省发展改革委、省市场监管局、省公安厅等部门配合。
（二）道路运输。严查客货运车辆超员超载。省公安厅、省交通运输厅分别牵头，省应急厅配合。
（三）建筑施工。重点检查冬季施工防火措施。省住建厅牵头负责，省交通运输厅、省水利厅依职责做好本行业建设工程安全监管。
（四）消防。开展冬春火灾防控专项行动。省消防救援总队牵头，省商务厅、省民政厅、省卫生健康委会同做好本行业领域消防安全工作。
"""

# 浙江: a task list (附表) written as text, cells apart by runs of spaces; 责任单位 beside 牵头单位 supports.
ZHEJIANG_TABLE_PLAN = """德清县2024年安全生产治本攻坚行动实施方案

三、工作要求
各乡镇（街道）、各有关单位要于每月25日前将工作进展报送县安委办。

附表

序号    工作任务    牵头单位    责任单位    完成时限
1    危险化学品企业特殊作业专项整治    县应急管理局    县公安局、县经信局    2024年6月30日前
2    工贸企业粉尘涉爆和有限空间作业治理    县应急管理局    县经信局、各乡镇（街道）    2024年9月30日前
3    “两客一危一货”重点车辆整治    县交通运输局、县公安局    县应急管理局    2024年12月31日前
4    旅游景区和游乐场所安全管理    县文化和广电旅游体育局    县市场监管局、县消防救援大队    长期坚持
"""

# 广东: the same kind of list with tab-separated cells, rows long enough for normalization to join them,
# and an empty 配合单位 cell.
GUANGDONG_TAB_TABLE = (
    "汛期安全生产重点任务分工表\n\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "1\t危险化学品企业防雷防静电隐患排查\t省应急管理厅\t省气象局\t5月31日前\n"
    "2\t在建工程深基坑和高边坡隐患排查\t省住房城乡建设厅\t\t6月30日前\n"
    "3\t水上交通和渔船防台风安全管理\t省交通运输厅、省农业农村厅\t广东海事局\t汛期内持续开展\n"
)


def test_bracketed_lead_and_support_fields_close_a_task():
    chemicals = task_starting(read(HUNAN_CITY_PLAN), "危险化学品")
    assert chemicals.sector == "危险化学品"
    assert names(chemicals.lead) == ["市应急管理局"]
    assert names(chemicals.support) == ["市公安局", "市生态环境局", "市交通运输局"]


def test_first_unit_of_a_responsible_list_leads_where_the_document_says_so():
    doc = read(HUNAN_CITY_PLAN)
    gas = task_starting(doc, "城镇燃气")
    assert names(gas.lead) == ["市住房和城乡建设局"]
    assert names(gas.support) == ["市城市管理局", "市市场监督管理局"]
    building = task_starting(doc, "建筑施工")  # 下同: the convention holds for later lists
    assert names(building.lead) == ["市住房和城乡建设局"] and names(building.support) == ["市交通运输局", "市水利局"]
    assert names(task_starting(doc, "特种设备").lead) == ["市市场监督管理局"]


def test_first_responsible_unit_leads_unless_one_is_marked():
    # the annotation guide: 责任单位 (first or only) leads; dev gold r102 (责任单位:魏都区,市消防支队) and r604 agree
    doc = read("二、重点任务\n（一）城镇燃气。开展排查。（责任单位：市住建局、市城管局）\n")
    gas = task_starting(doc, "城镇燃气")
    assert names(gas.lead) == ["市住房和城乡建设局"] and names(gas.support) == ["市城市管理局"]
    doc = read("二、重点任务\n（一）城镇燃气。开展排查。责任单位：市住建局、市城管局（牵头）、市应急局。\n")
    gas = task_starting(doc, "城镇燃气")
    assert names(gas.lead) == ["市城市管理局"]
    assert names(gas.support) == ["市住房和城乡建设局", "市应急管理局"]


def test_responsible_units_after_a_lead_field_in_one_bracket_support():
    doc = read("二、重点任务\n1.严格安全准入。组织安全条件审查。（牵头单位：市行政审批局；责任单位：市应急局、市工信局）\n")
    entry = task_starting(doc, "1.严格安全准入")
    assert names(entry.lead) == ["市行政审批局"]
    assert names(entry.support) == ["市应急管理局", "市工业和信息化局"]
    assert len(doc.extraction.tasks) == 1  # the ； inside the brackets ends no sentence


def test_an_assignment_bracket_closing_an_item_opens_no_task_of_its_own():
    doc = read("二、重点任务\n5.加强危险货物道路运输管理。市交通局每旬开展一次抽查。（市交通局牵头，市公安局、市应急局配合）\n")
    assert len(doc.extraction.tasks) == 1
    assert names(doc.extraction.tasks[0].support) == ["市公安局", "市应急管理局"]


def test_provincial_notice_roles_after_the_lead():
    doc = read(SHANDONG_NOTICE)
    sweep = task_starting(doc, "深入开展重大事故隐患排查整治")  # a part the outline gives no role
    assert names(sweep.lead) == ["省应急管理厅"] and names(sweep.support) == ["省公安厅", "省交通运输厅"]
    gas = task_starting(doc, "（一）城镇燃气")
    assert names(gas.lead) == ["省住房和城乡建设厅"]
    assert names(gas.support) == ["省发展和改革委员会", "省市场监督管理局", "省公安厅"]
    road = task_starting(doc, "（二）道路运输")
    assert (names(road.lead), names(road.support)) == (["省公安厅", "省交通运输厅"], ["省应急管理厅"])
    building = task_starting(doc, "（三）建筑施工")
    assert names(building.lead) == ["省住房和城乡建设厅"]
    assert names(building.support) == ["省交通运输厅", "省水利厅"]
    fire = task_starting(doc, "（四）消防")
    assert names(fire.lead) == ["省消防救援总队"]
    assert names(fire.support) == ["省商务厅", "省民政厅", "省卫生健康委员会"]


def test_kinds_of_department_are_generic_parties():
    doc = read("二、重点任务\n（一）道路运输。由应急管理、公安、交通运输等部门按职责分工负责。\n")
    road = task_starting(doc, "道路运输")
    assert [(p.name, p.kind) for p in road.lead + road.support] == [
        ("应急管理部门", "generic"),
        ("公安部门", "generic"),
        ("交通运输部门", "generic"),
    ]
    assert doc.extraction.departments == []


def test_a_list_goes_on_across_a_body_the_lexicon_does_not_know():
    doc = read("二、重点任务\n（一）消防。由市消防救援支队牵头，市公安局、株洲海事处、市水利局配合。\n")
    fire = task_starting(doc, "消防")
    assert names(fire.support)[0] == "市公安局" and names(fire.support)[-1] == "市水利局"


def test_task_table_written_with_runs_of_spaces():
    doc = read(ZHEJIANG_TABLE_PLAN)
    rows = [t for t in doc.extraction.tasks if t.section is None]
    assert [t.text for t in rows] == [
        "危险化学品企业特殊作业专项整治",
        "工贸企业粉尘涉爆和有限空间作业治理",
        "“两客一危一货”重点车辆整治",
        "旅游景区和游乐场所安全管理",
    ]
    chemicals, dust, vehicles, scenic = rows
    assert (names(chemicals.lead), names(chemicals.support)) == (["县应急管理局"], ["县公安局", "县经济和信息化局"])
    assert [p.kind for p in dust.support] == ["department", "generic"]  # 各乡镇（街道）
    assert names(vehicles.lead) == ["县交通运输局", "县公安局"]
    assert names(scenic.lead) == ["县文化和广电旅游体育局"]
    for task in rows:
        assert doc.text_of(task.span) == task.text
        assert all(doc.text_of(p.span) == p.text for p in task.lead + task.support)


def test_table_rows_are_not_part_of_the_section_above_them():
    doc = read(ZHEJIANG_TABLE_PLAN)
    requirements = task_starting(doc, "三、工作要求")
    assert "县应急管理局" not in requirements.text and "序号" not in requirements.text


def test_task_table_written_with_tabs_and_an_empty_cell():
    doc = read(GUANGDONG_TAB_TABLE)
    rows = [t for t in doc.extraction.tasks if t.section is None]
    assert [t.text for t in rows] == [
        "危险化学品企业防雷防静电隐患排查",
        "在建工程深基坑和高边坡隐患排查",
        "水上交通和渔船防台风安全管理",
    ]
    lightning, pits, water = rows
    assert (names(lightning.lead), names(lightning.support)) == (["省应急管理厅"], ["省气象局"])
    assert (names(pits.lead), pits.support) == (["省住房和城乡建设厅"], [])
    assert water.sector == "水上交通、渔业船舶"
    assert names(water.lead) == ["省交通运输厅", "省农业农村厅"] and names(water.support) == ["广东海事局"]


ONE_CELL_A_LINE = (
    "2021年某市安全生产专项整治三年行动工作任务清单\n主要任务 |\n重点工作和要求 |\n责任单位 |\n完成时限 |\n完成进展 |\n一、加强安排部署 |\n||||\n"
    "(一)制定工作任务清单。 |\n1.制定全市工作任务清单,分解落实到县区、部门。 |\n市应急管理局 |\n1月20日前 |\n|\n"
    "2.制定行业领域工作任务清单,并报市安委办。 |\n市住房和城乡建设局、市交通运输局 |\n2月10日前 |\n|\n|\n"
)


@pytest.mark.parametrize(
    "line_end",
    ["\n", "\r\n", "\r", "\n\n"],
    ids=["LF", "CRLF (a Windows file)", "CR (an old Mac file)", "a blank line after every line"],
)
def test_task_table_a_page_saved_one_cell_a_line(line_end):
    # a prefecture's task list as a portal page saved it (r615 of corpora/real): each cell closed by a bar, the
    # merged 主要任务 cell written once for its rows, so the rows are of unequal length
    doc = read(ONE_CELL_A_LINE.replace("\n", line_end))
    rows = [t for t in doc.extraction.tasks if t.section is None]
    assert [t.text for t in rows] == ["1.制定全市工作任务清单，分解落实到县区、部门。", "2.制定行业领域工作任务清单，并报市安委办。"]
    assert [names(t.lead) for t in rows] == [["市应急管理局"], ["市住房和城乡建设局"]]
    assert names(rows[1].support) == ["市交通运输局"]
    assert [t.deadline.text for t in rows] == ["1月20日前", "2月10日前"]


def test_a_field_label_in_running_text_is_no_table_header():
    doc = read("二、重点任务\n（一）消防。开展整治。\n牵头单位：市消防救援支队  配合单位：市公安局\n")
    assert all(t.section is not None for t in doc.extraction.tasks)


def test_kinds_of_department_name_who_acts_in_a_division_of_duties():
    doc = read("二、整治内容及责任分工\n（一）学校和医院消防安全。开展消防安全检查。教育、卫生健康部门牵头。\n")
    schools = task_starting(doc, "学校和医院")  # 责任分工 keeps only items that name who acts
    assert [p.name for p in schools.lead] == ["教育部门", "卫生健康部门"]


def test_role_words_right_after_parties_in_a_responsible_field():
    doc = read(
        "二、重点任务\n（四）燃气老旧管网更新改造。\n责任单位：市住房城乡建设局牵头，市发展改革委、市财政局按职责分工负责；"
        "各县（市）区教育体育局落实属地责任。\n（六）人员密集场所消防检查。\n责任单位：市消防救援支队\n重点检查商场市场。\n"
    )
    pipes = task_starting(doc, "（四）燃气老旧管网")
    assert names(pipes.lead)[0] == "市住房和城乡建设局"
    assert names(pipes.support) == ["市发展和改革委员会", "市财政局"]
    assert "各县（市）区教育体育局" in [p.name for p in pipes.lead + pipes.support if p.kind == "generic"]
    assert names(task_starting(doc, "（六）人员密集场所").lead) == ["市消防救援支队"]  # （六）人员… is a heading


def test_the_generic_party_a_requirement_is_addressed_to_leads_the_item():
    """A real school notice: 一、提高认识，明确安全管理责任 … 各学校要提高思想认识 (no department anywhere)."""
    from tests.helpers import ROOT

    doc = docparse.read(ROOT / "corpora" / "real" / "docs" / "r350_tongzhi.txt")
    leads = {t.text.split("\n")[0][:12]: [p.name for p in t.lead] for t in doc.extraction.tasks}
    assert any(names == ["各学校"] for names in leads.values()), leads


def test_a_generic_party_that_only_receives_is_no_lead():
    text = "关于开展检查的通知\n一、工作要求\n（一）及时报送。检查结果报送有关部门，由市应急局汇总。\n"
    doc = docparse.read(text.encode("utf-8"), name="n.txt")
    assert all("有关部门" not in [p.name for p in t.lead] for t in doc.extraction.tasks)


# r604 (运城市 责任分解, 2017): the responsibility line under the last sub-item holds for the whole item.
YUNCHENG_SPLIT = """运城市突发事件应急体系建设“十三五”规划责任分解
一、具体建设任务
1.完善应急预案体系
(1)加强应急预案管理,规范应急预案编制、审批、发布、备案、修订和评估工作。
(2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案。
(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)
2.健全应急管理体制和运行机制
(1)深入推进市、县、乡三级政府应急管理办事机构建设。
"""

# r358 (望江县 安全生产月 方案): a sub-item 组织单位： names who organizes its parent activity.
WANGJIANG_MONTH = """望江县2016年“安全生产月”活动方案
二、活动安排
(一)开展安全生产事故警示教育周活动
1.活动时间:6月1日至6月7日。
2.活动内容:各乡镇、各有关部门和单位组织动员辖区内的企业观看警示教育片。
3.组织单位:各乡镇人民政府,县直有关部门和单位。
(二)开展安全生产宣传咨询日活动
1.活动时间:6月16日。
2.活动内容:开展安全生产政策法规咨询。
3.组织单位:县安办、各乡镇人民政府。(参加单位:县安监局、交通局、住建局。各乡镇自行设定咨询日宣传点。)
"""


def parties(refs):
    return [r.text for r in refs]


def test_closing_responsibility_line_assigns_the_parent_item():
    doc = read(YUNCHENG_SPLIT)
    task = task_starting(doc, "1.完善应急预案体系")
    assert parties(task.lead) == ["市直各有关单位"]
    assert parties(task.support) == ["各县(市、区)人民政府", "各开发区管委会"]
    assert [t.text[:10] for t in doc.extraction.tasks if t.lead] == ["1.完善应急预案体系"]  # not (2) alone


def test_organizer_sub_item_assigns_the_activity_first_listed_leading():
    doc = read(WANGJIANG_MONTH)
    week = task_starting(doc, "(一)开展安全生产事故警示教育周")
    assert parties(week.lead) == ["各乡镇人民政府"] and parties(week.support) == ["县直有关部门和单位"]
    day = task_starting(doc, "(二)开展安全生产宣传咨询日")
    assert parties(day.lead) == ["县安办"]
    assert parties(day.support) == ["各乡镇人民政府", "县安监局", "交通局", "住建局"]


def test_lead_responsible_label_is_no_responsible_field():
    doc = read(
        "一、重点任务\n1.广泛开展专题宣传教育培训。组织观看电视专题片。"
        "（牵头责任单位：县委宣传部、县应急管理局，协同责任单位：县安委会各成员单位）\n"
    )
    task = task_starting(doc, "1.广泛开展")
    assert parties(task.lead) == ["县委宣传部", "县应急管理局"]
    assert parties(task.support) == ["县安委会各成员单位"]


# r304 (国务院安委会办公室 notice, 2024): the requirements of a notice's opening paragraph, one task each.
STATE_COUNCIL_NOTICE = """各省、自治区、直辖市及新疆生产建设兵团安全生产委员会，国务院安委会各成员单位：
各省级安委会要加强组织领导，认真研究制定本地区实施方案，确定重点任务措施。各有关成员单位要加强本系统三年行动的统筹指导，细化年度目标任务。
请各地区、各部门和单位分别明确1名联络员，于2024年2月2日前反馈国务院安委会办公室。
一、工作目标
通过三年治本攻坚，师生安全意识进一步增强。
"""


def test_requirement_sentences_outside_items_are_tasks_of_their_subject():
    doc = read(STATE_COUNCIL_NOTICE)
    assert parties(task_starting(doc, "各省级安委会要").lead) == ["各省级安委会"]
    assert parties(task_starting(doc, "各有关成员单位要").lead) == ["各有关成员单位"]
    contacts = task_starting(doc, "请各地区")
    assert parties(contacts.lead) == ["各地区", "各部门和单位"]  # 国务院安委会办公室 only receives


def test_a_heading_sentence_joins_the_requirement_after_it():
    # r315 (a 通知 whose outline was lost in one line): （一）高度重视，加强领导。各级、各部门要…
    doc = read("[接上页] 三、有关要求 （一）高度重视，加强领导。各级、各部门要充分认识安全生产大检查的重要意义。")
    task = task_starting(doc, "（一）高度重视")
    assert parties(task.lead) == ["各级", "各部门"]


def test_a_list_joined_with_huitong_supports_though_responsible_follows():
    # r375 (区 2023 plan): （区安委会办公室会同区各有关部门负责）: the office leads, the departments it joins support
    doc = read(
        "一、重点任务\n2.强化党政领导责任。每季度至少组织研究1次安全生产突出问题。（区安委会办公室会同区各有关部门负责）\n"
    )
    task = task_starting(doc, "2.强化党政领导责任")
    assert ([p.name for p in task.lead], [p.name for p in task.support]) == (["区安全生产委员会办公室"], ["区各有关部门"])


def test_a_list_sharing_the_work_without_a_lead_is_led_by_its_first_unit():
    # r383 (自治区 2023 plan) and r388 (省 2021 分工): 分工负责 after a lead supports; without one, the first leads
    doc = read(
        "一、重点任务\n1.生产安全事故死亡人数下降15%（省应急厅牵头，省公安厅、省交通运输厅按职责分工负责）。\n"
        "2.较大以上生产安全事故起数下降10%（省公安厅、省交通运输厅按职责分工负责）。\n"
    )
    led = task_starting(doc, "1.生产安全事故")
    assert (names(led.lead), names(led.support)) == (["省应急管理厅"], ["省公安厅", "省交通运输厅"])
    shared = task_starting(doc, "2.较大以上")
    assert (names(shared.lead), names(shared.support)) == (["省公安厅"], ["省交通运输厅"])


def test_a_body_in_a_later_clause_needs_a_modal_to_be_required():
    # r370: 为…，内蒙古自治区应急管理厅于2022年3月11日发布了…: a past event, not a requirement
    doc = read("为扎实做好黄河流域生态保护工作，内蒙古自治区应急管理厅于2022年3月11日发布了《实施方案》。\n一、工作目标\n加强监管。\n")
    assert doc.extraction.tasks == []


def test_a_list_goes_on_over_a_comma_to_the_role_word_after_it():
    # r369 (云南 opinions on coal mines, 2017): the units before the comma share the role of the last one
    doc = read(
        "一、主要任务\n（三）对发生较大及以上责任事故的9万吨/年及以下煤矿，依法实施关闭。"
        "（省工业和信息化委、能源局、安全监管局、国土资源厅，云南煤监局按照职责分工负责）\n"
    )
    task = task_starting(doc, "（三）对发生较大")
    # without a lead among them the first of the responsible units leads, the others support (as the gold has it)
    assert parties(task.lead) == ["省工业和信息化委"]
    assert parties(task.support) == ["能源局", "安全监管局", "国土资源厅", "云南煤监局"]


# r741 (漳州市安委会 挂牌督办 notice, 2023): the addressee called 你区 in the body of the letter.
ZHANGZHOU_SUPERVISION = """漳州市安全生产委员会关于
生产安全事故查处挂牌督办的通知
龙文区人民政府：
2023年11月17日上午9时许，在龙文区梧桥中路3号厂房屋顶发生一起高处坠落事故，造成1人死亡。
事故结案后，事故调查报告及事故决定落实情况你区要及时报市安办。你区要在批复事故调查报告后一年内组织开展评估，评估情况要及时报市安办并向社会公开，接受社会监督。督办事项完成后，你区安委会应向市安办提出解除挂牌报告，经市安办审核同意后予以解除挂牌。
"""


def test_the_addressee_called_by_a_pronoun_is_the_recipient():
    doc = read(ZHANGZHOU_SUPERVISION)
    report = task_starting(doc, "事故结案后")
    assert [p.name for p in report.lead] == ["龙文区人民政府"]
    assert parties(report.lead) == ["你区"]
    release = task_starting(doc, "督办事项完成后")
    assert [p.name for p in release.lead] == ["龙文区安全生产委员会"]  # 市安办 only receives


def test_a_pronoun_without_a_single_recipient_stays_as_written():
    doc = read("你区要在批复事故调查报告后一年内组织开展评估，评估情况要及时报市安办。\n")
    (task,) = doc.extraction.tasks
    assert [(p.name, p.kind) for p in task.lead] == [("你区", "generic")]


def test_an_assignment_bracket_left_at_the_head_of_a_sentence_closes_the_item_before():
    # r345 (山西 城市建设 plan, 2020, written on one line): the sentence splitter leaves each closing bracket
    # at the head of the next item's sentence; it closes the sub-item before, and the next one is a task of its own
    doc = read(
        "1科学评价城市安全韧性情况，合理布局防灾减灾用地和设施。（省住建厅、省自然资源厅等按职责分工负责） "
        "2开展城市公共设施安全专项体检，查找安全隐患和突出短板。（省教育厅、省民政厅等按职责分工负责） "
        "3加强城市综合管理服务平台建设，建设省级平台。\n"
    )
    tasks = doc.extraction.tasks
    assert [t.text[:5] for t in tasks] == ["1科学评价", "2开展城市", "3加强城市"]
    assert [(parties(t.lead), parties(t.support)) for t in tasks[:2]] == [
        (["省住建厅"], ["省自然资源厅"]),
        (["省教育厅"], ["省民政厅"]),
    ]


def test_an_assignment_bracket_as_a_sentence_of_its_own_closes_its_sub_item():
    # r345 as the corpus gives it: the bracket is a sentence of its own, the next sub-item's sentence follows
    doc = read(
        "（一）加强对城市规划建设管理工作的指导。\n1科学评价城市安全韧性情况，合理布局防灾减灾用地和设施。"
        "（省住建厅、省自然资源厅等按职责分工负责）2开展城市公共设施安全专项体检，查找安全隐患和突出短板；"
        "开展城市公共卫生安全专项体检。（省教育厅、省民政厅等按职责分工负责）\n"
    )
    checkup = task_starting(doc, "2开展城市")
    assert (parties(checkup.lead), parties(checkup.support)) == (["省教育厅"], ["省民政厅"])
    assert "省教育厅" not in parties(doc.extraction.tasks[0].support)


def test_a_role_label_line_after_an_item_assigns_it_and_opens_no_task():
    # r819 (县 安全生产月 plan): 责任单位 on a line of its own under each item
    doc = read(
        "二、活动安排\n(八)6月13日,县安委办、县安监局牵头,会同有关单位开展安全生产宣传咨询活动。上午在水西广场进行安全宣传咨询。\n"
        "责任单位:县安委办及县安委会成员单位。\n"
        "(九)6月1日至30日,县电视台每天滚动播出宣传标语。\n责任单位:县文广局、电视台。\n"
    )
    day = task_starting(doc, "(八)6月13日")
    assert len(doc.extraction.tasks) == 2
    assert parties(day.lead) == ["县安委办", "县安监局"]
    assert sorted(parties(day.support)) == ["安委会成员单位", "有关单位"]


# r347 (莆田 涵东街道 消防 plan, 2021): township units the lexicon does not know, listed as the subject.
HANDONG_FIRE_PLAN = """三、工作任务
(一)深化人员密集场所消防安全隐患治理。街道宣教办、文体站、涵东派出所、社事办、卫计办、安监站、消防大队包涵东片等部门要深化人员密集场所消防安全隐患治理,形成工作常态化机制。
(三)提升革命文物建筑消防安全水平。要加大对党史学习教育参观学习点场馆消防安全检查力度,及时发现整改隐患。街道文体站要加强对红色文物建筑的隐患排查。
"""


def test_units_the_lexicon_does_not_know_lead_as_the_subject_list():
    doc = read(HANDONG_FIRE_PLAN)
    crowded = task_starting(doc, "(一)深化人员密集场所")
    assert parties(crowded.lead) == ["街道宣教办", "文体站", "涵东派出所", "社事办", "卫计办", "安监站", "消防大队"]
    assert parties(task_starting(doc, "(三)提升革命文物").lead) == ["街道文体站"]


def test_an_object_or_a_longer_name_is_no_unknown_subject():
    # xz_lhasa (拉萨 2020): the enterprises 责令…整改 are objects; r612: 由街道办事处应急管理办公室组织…
    doc = read(
        "一、工作任务\n（一）整改。责令林周县春堆加油站、墨竹工卡县甲玛加油站于2020年8月25日前整改到位，由县应急管理局跟踪督办。\n"
        "（二）排查隐患。由街道办事处应急管理办公室组织开展安全生产大检查活动。\n"
    )
    assert parties(task_starting(doc, "（一）整改").lead) == ["县应急管理局"]
    assert all("街道办事处" != p.text for t in doc.extraction.tasks for p in t.lead)


def test_a_class_of_parties_opening_a_requirement_leads():
    # r331 (汛期 notice): 水利工程运行管理单位要…, 项目法人要…; r304: 中央企业要…; a member list joined by 和
    doc = read(
        "二是做好水利工程汛期安全工作。\n水利工程运行管理单位要结合汛期特点立即组织开展各类水利工程安全隐患专项整治。"
        "项目法人要对在建建筑施工工地加强安全隐患排查。\n"
        "中央企业和省属企业要按照相关部门和行业领域子方案的要求加强安全生产管理。\n"
    )
    leads = [[(p.name, p.kind) for p in t.lead] for t in doc.extraction.tasks]
    assert [("水利工程运行管理单位", "generic")] in leads
    assert [("项目法人", "generic")] in leads
    assert [("中央企业", "generic"), ("省属企业", "generic")] in leads


def test_the_provincial_formula_for_prefectures_and_counties_and_a_township_committee_lead():
    # r368 (山东 opinions, 2011): 各市、县（市、区）政府应…; r613 (街道 plan): 街道安委会各成员单位要…
    doc = read(
        "一、主要任务\n2.加大政策支持力度。积极争取国家补助资金。各市、县（市、区）政府应研究制定财政扶持政策。\n"
        "（一）街道安委会各成员单位要按照“一岗双责”的工作要求，加强各自领域的安全监管工作。\n"
    )
    policy = next(t for t in doc.extraction.tasks if "研究制定财政扶持政策" in t.text)
    assert [p.name for p in policy.lead] == ["各市、县（市、区）政府"]
    assert [p.name for p in task_starting(doc, "（一）街道安委会").lead] == ["街道安委会各成员单位"]


def test_an_article_number_is_no_part_of_a_subject():
    doc = read("第七条事故发生单位应当按照规定及时统计直接经济损失。\n")
    assert all(not p.name.startswith("第") for t in doc.extraction.tasks for p in t.lead)


def test_units_the_lexicon_does_not_know_in_a_role_field():
    # r358 (望江县 安全生产月 plan, 2019): the 参加单位 field names county offices and enterprises
    doc = read(WANGJIANG_MONTH.replace("(参加单位:县安监局、交通局、住建局。", "(参加单位:县安监局、交通局、住建局、长江华阳海事处、港航管理处、中国人寿望江公司。"))
    day = task_starting(doc, "(二)开展安全生产宣传咨询日")
    assert parties(day.support)[-3:] == ["长江华阳海事处", "港航管理处", "中国人寿望江公司"]
    assert [p.kind for p in day.support][-1] == "enterprise"


# r336 (黄石市安委会 notice, 2022): the title, the 主送 line and the signature name who sends and who receives.
HUANGSHI_NOTICE = """市安委会关于印发2022年
全市安全生产工作要点的通知
各县(市、区)安委会,市安全生产各专业委员会,市安委会各成员单位:
经市政府同意,现将《2022年全市安全生产工作要点》印发给你们。各单位要按照任务分工,细化责任,加强协作,认真抓好贯彻落实。市安委办要加强统筹协调和督促检查,确保各项任务落实到位。
黄石市安全生产委员会
2022年4月20日
"""


def test_the_address_and_the_signature_name_no_one_who_acts():
    doc = read(HUANGSHI_NOTICE)
    leads = [p.text for t in doc.extraction.tasks for p in t.lead]
    assert "各县(市、区)安委会" not in leads and "黄石市安全生产委员会" not in leads
    assert {"各单位", "市安委办"} <= set(leads)


def test_an_issuer_read_from_a_sentence_still_acts_in_it():
    # a field of the metadata counts as the address only where it fills its line
    doc = read("市安委会办公室向各有关成员单位印发警示函，要求各成员单位立即开展隐患排查。\n市应急局要组织专项检查。\n")
    assert "市安委会办公室" in [p.text for t in doc.extraction.tasks for p in t.lead]


def test_a_body_with_its_own_lead_after_a_generic_subject_opens_a_task():
    # r336: 各单位要…。市安委办要…: two requirements, two subjects
    doc = read(HUANGSHI_NOTICE)
    assert [parties(t.lead) for t in doc.extraction.tasks] == [["各单位"], ["市安委办"]]
    assert doc.extraction.tasks[1].text.startswith("市安委办要加强统筹协调")


def test_a_role_field_bracket_holding_a_sentence_stays_with_its_item():
    # r334 (a county plan, 2023): the closing bracket has a full stop inside, yet it assigns item 1
    doc = read(
        "一、重点任务\n1.广泛开展专题宣传教育培训。推动各镇(园区)、各有关部门和单位党委(党组)专题学习。"
        "各级有关部门及各行业主要媒体开设专题专栏,做好权威解读。"
        "(牵头责任单位:县委宣传部、县应急管理局,协同责任单位:县安委会各成员单位。各镇(园区)落实属地管理责任)\n"
    )
    (task,) = doc.extraction.tasks
    assert parties(task.lead)[:2] == ["县委宣传部", "县应急管理局"]  # after a generic subject (各级有关部门)
    assert parties(task.support) == ["县安委会各成员单位"]


def test_generic_parties_written_as_one_are_one_party():
    # r379 (新疆 notice, 2023): 各地各部门各单位要结合工作实际抓好贯彻落实; r314: 各级各部门应聘请相关专家
    doc = read("各地各部门各单位要结合工作实际抓好贯彻落实。\n各级各部门应聘请相关专家参加检查和督查活动。\n各地、各部门要加强协作。\n")
    assert [parties(t.lead) for t in doc.extraction.tasks] == [["各地各部门各单位"], ["各级各部门"], ["各地", "各部门"]]


def test_a_bar_separated_schedule_of_campaigns_gives_each_trade_its_units():
    # a township plan as a web page gives its table (corpora/real r813): cells apart by bars, no task column
    text = (
        "徐庄镇2017年度安全生产专项整治工作计划\n\n一、专项整治安排表\n"
        "专项整治行业名称 | 时间安排 | 责任单位 |\n"
        "烟花爆竹 | 1月份 | 安监站 安监所 |\n"
        "电力设施 | 3月份 | 电管所 |\n"
        "交通运输 | 12月份 | 超限站 公路站 交警六中队 |\n"
        "二、工作要求\n各有关责任单位要按照时间安排，制定专项整治方案。\n"
    )
    tasks = {t.text: t for t in docparse.read(text.encode(), name="plan.txt").extraction.tasks}
    # a 责任单位 cell reads as a 责任单位 field: the first unit leads, the others support
    assert [p.name for p in tasks["烟花爆竹"].lead] == ["安监站"]
    assert [p.name for p in tasks["烟花爆竹"].support] == ["安监所"]
    assert [p.name for p in tasks["电力设施"].lead] == ["电管所"]
    assert [p.name for p in tasks["交通运输"].lead] == ["超限站"]
    assert [p.name for p in tasks["交通运输"].support] == ["公路站", "交警六中队"]


def test_the_body_a_notice_tells_to_act_leads_what_it_is_told():
    # a 挂牌督办 notice as a web page gives it (corpora/real r809)
    text = ("较大事故查处挂牌督办通知书\n\n云南省安委会通知玉溪市人民政府，依照有关法律法规，组成事故调查组，"
            "抓紧组织开展事故调查，迅速查明事故原因。\n")
    tasks = docparse.read(text.encode(), name="n.txt").extraction.tasks
    leads = [[p.text for p in t.lead] for t in tasks]
    assert leads and all(names == ["玉溪市人民政府"] for names in leads)  # not the 省安委会 that tells it


def test_requirements_without_a_subject_go_on_with_the_subject_before():
    # r803 (渭南 督查反馈 report, 2020): 各级各部门要…。要正视问题…。要持续用力…: one subject, three requirements
    doc = read(
        "王晓军指出,各级各部门要提高站位、深化认识,主动认领、认真对待督查组反馈的问题。"
        "要正视问题、坚决整改,对标整改要求,逐项分解任务,制定工作台账。要持续用力、扎实推进,健全完善应急预案。\n"
        "会议强调,要加强宣传。\n"
    )
    (task,) = doc.extraction.tasks
    assert parties(task.lead) == ["各级各部门"]
    assert "逐项分解任务" in task.text and "健全完善应急预案" in task.text and "加强宣传" not in task.text


def test_a_subject_opens_a_sentence_after_blanks_or_a_full_stop_written_as_a_point():
    # r816 (web page, blanks after each stop): 2. 构建共建共治体系。 各成员单位要…;
    # r314 (a 方案 with points for full stops): (一)提高认识,加强领导.…各地、各相关部门和单位要…
    doc = read(
        "一、工作措施\n2. 构建共建共治体系。 各成员单位要加强协同联动, 强化资源共享。\n"
        "二、要求\n(二)明确职责,精心组织.各地、各相关部门和单位要认真分析本辖区的安全生产情况.\n"
    )
    assert parties(task_starting(doc, "2. 构建").lead) == ["各成员单位"]
    assert parties(task_starting(doc, "(二)明确职责").lead) == ["各地", "各相关部门和单位"]


def test_the_body_a_notice_asks_to_act_leads_what_it_is_asked():
    # 038 (国务院安委办 通报): 三是请广东省安委会督促有关部门…; r817: 四、考核要求:请各企业认真按照…
    doc = read(
        "二、有关工作要求\n三是请广东省安委会督促有关部门,尽快向社会公布2起重大事故调查报告。\n"
        "四、考核要求:\n请各企业认真按照年初签订的责任书,及时完善、总结和归档相关资料。\n"
        "五、其他\n邀请市应急局专家参加座谈。\n"
    )
    leads = {t.text[:6]: parties(t.lead) for t in doc.extraction.tasks}
    assert leads["三是请广东省"] == ["广东省安委会"]
    assert ["各企业"] in leads.values()
    assert all("市应急局" not in lead for lead in leads.values())


def test_a_report_tells_what_bodies_did_and_gives_them_no_task():
    # wording of 通报 and news reports of corpora/real (r811, r745 of the dev split)
    report = (
        "关于全市安全生产督导工作情况的通报\n\n"
        "会上，市安委办汇报全市安全生产工作情况。市教育局、市住建局、市交通运输局等部门作工作交流。\n\n"
        "省公安厅成立了公安专案组，对事故单位及相关人员涉嫌违法犯罪问题开展调查。\n\n"
        "市住建局要在6月20日前完成剩余隐患整改。\n\n湖北省人民政府\n"
    )
    doc = docparse.read(report.encode(), name="report.txt")
    assert doc.analysis.is_report
    leads = [[p.name for p in t.lead] for t in doc.extraction.tasks if t.lead]
    assert leads == [["市住房和城乡建设局"]]


def test_running_text_under_a_page_title_is_read_sentence_by_sentence():
    # r850 (海南 通知 under its page title, one unmarked heading over the whole notice)
    doc = read(
        "海南省安全生产“十一五”规划[2007]\n\n  海南省人民政府办公厅关于印发海南省安全生产“十一五”规划的通知\n\n"
        "  《规划》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "  各市、县和各部门要将《规划》相关内容纳入本地区、本行业“十一五”发展规划。"
        "负有安全生产监管监察职责的各有关部门要按照职责分工，加强《规划》实施工作的组织指导和协调。\n"
    )
    task = task_starting(doc, "负有安全生产监管监察职责")
    assert parties(task.lead) == ["负有安全生产监管监察职责的各有关部门"]
    assert not task.text.startswith("海南省安全生产")


def test_a_body_charged_with_由_leads_whatever_verb_follows():
    # r833 (新华社 on an accident report): 由昭通市人民政府对沟头煤矿…进行论证
    doc = read(
        "云南昭通21名公职人员因一起煤矿事故被建议追责问责\n新华社·2026-01-22 09:55\n"
        "调查报告显示，对沟头煤矿处600万元的罚款；移送自然资源管理部门依法查处；"
        "由昭通市人民政府对沟头煤矿办矿能力、灾害治理能力进行论证，根据论证结果作出是否关闭决定。\n"
    )
    task = task_starting(doc, "由昭通市人民政府")
    assert parties(task.lead) == ["昭通市人民政府"]
    assert "移送" not in task.text


def test_a_subject_after_a_report_opener_or_a_teller_leads():
    # r857: 下一步，安全监管总局将…; r847: 按照要求，各巡查组要…; r199: 四川省政府安办要求，各地区、各单位要…
    doc = read(
        "下一步，安全监管总局将研究推进暗查工作制度化、常态化。\n"
        "按照要求，各巡查组要加大函告和约谈力度。\n"
        "对此，四川省政府安办要求，各地区、各单位要深刻汲取近期省内外事故教训。\n"
    )
    assert parties(task_starting(doc, "下一步").lead) == ["安全监管总局"]
    assert parties(task_starting(doc, "按照要求").lead) == ["各巡查组"]
    assert parties(task_starting(doc, "对此").lead) == ["各地区", "各单位"]


def test_the_host_of_an_office_leads_its_work_and_an_organization_part_is_read_by_sentence():
    # r814 (镇 方案, 二、组织领导) and r853 (四、组织机构: 办公室设在镇安监办，具体负责…, a unit the lexicon does not know)
    doc = read(
        "一、工作任务\n（一）开展排查。各村要全面排查隐患。\n"
        "二、组织领导\n成立领导小组。领导小组办公室设在镇应急办,由曹东辉同志任办公室主任,负责日常的组织协调和监督检查任务。\n"
        "各行政村(社区)和单位要成立相应的领导小组,细化方案。\n"
        "三、组织机构\n活动领导小组由镇政府工会主席任组长,领导小组办公室设在镇安监办,具体负责业务指导。\n"
    )
    assert parties(task_starting(doc, "领导小组办公室设在镇应急办").lead) == ["镇应急办"]
    assert parties(task_starting(doc, "各行政村").lead) == ["各行政村(社区)和单位"]
    assert parties(task_starting(doc, "活动领导小组由").lead) == ["镇安监办"]


def test_a_contact_line_assigns_nothing():
    # hainan 2022 typhoon notice: 联系人：省应急管理厅应急指挥中心 陈××: the 应 of 应急 is no modal
    doc = read(
        "一、严格值班值守\n各市县要于9月1日20时前将防御部署落实情况报省安委办。\n"
        "联系人：省应急管理厅应急指挥中心 陈××，联系电话：0898-65203715。\n"
    )
    assert all("联系人" not in t.text[:4] for t in doc.extraction.tasks)
    assert all("省应急管理厅" not in parties(t.lead) for t in doc.extraction.tasks)


def test_a_later_sentence_with_a_subject_of_its_own_opens_its_own_task():
    # r322 (烟花爆竹 打非 方案): the 乡(镇) are required in a sentence of their own, not with the heading's subject
    doc = read(
        "二、工作措施\n(三)突出重点,落实责任。各级人民政府和有关部门要对行政区内所有乡(镇)进行全面地排查摸底。"
        "将“打非”专项整治工作任务层层分解。各乡(镇)和有关部门要按照各自分工认真履行职责。\n"
    )
    assert parties(task_starting(doc, "(三)突出重点").lead) == ["各级人民政府", "有关部门"]
    assert parties(task_starting(doc, "各乡(镇)和有关部门要").lead) == ["各乡(镇)", "有关部门"]


def test_the_generic_words_that_sum_up_a_list_name_no_party():
    # r854: (责任单位:县公安局、…、县消防救援大队等相关部门和单位,各乡镇人民政府)
    doc = read(
        "二、主要任务\n1.城市安全事故指标有效控制。年内全县各类生产安全事故数同比下降10%以上。"
        "(责任单位:县公安局、县交通运输局、县消防救援大队等相关部门和单位,各乡镇人民政府)\n"
    )
    task = task_starting(doc, "1.城市安全")
    assert parties(task.lead) == ["县公安局"]
    assert parties(task.support) == ["县交通运输局", "县消防救援大队", "各乡镇人民政府"]


def test_a_name_the_end_of_an_excerpt_cut_off_is_the_body_it_begins():
    # r844 (长宁区 意见, a web excerpt ending inside the last field): …(责任单位:区应急
    doc = read("一、主要任务\n2.以“重责任担当保一方平安”为主题,组织开展“谈安全话责任抓落实”活动。(责任单位:区应急")
    assert [(p.name, p.text) for p in task_starting(doc, "2.以").lead] == [("区应急管理局", "区应急")]


def test_a_group_the_plan_charges_is_a_subject_with_its_quoted_campaign():
    # r322: (六)加强协作,认真履职。省“打非”协调领导小组要及时协调…。有关部门要认真履行工作职责…
    doc = read(
        "二、工作措施\n(六)加强协作,认真履职。省“打非”协调领导小组要及时协调、通报有关工作情况。"
        "有关部门要认真履行工作职责,密切配合。\n"
    )
    assert parties(task_starting(doc, "(六)加强协作").lead) == ["省“打非”协调领导小组"]
    assert parties(task_starting(doc, "有关部门要").lead) == ["有关部门"]


def test_a_roster_of_bodies_ending_its_sentence_names_no_one_who_acts():
    # r361 (考核办法: 一类单位 安监局、公安局、…、供电公司。), r831 (通报: a body's name on each line under 达标单位)
    doc = read(
        "一、考核对象\n(一)一类单位(15个)\n\n安监局、公安局、住建局、交通局、消防大队、交警大队、供电公司。\n\n"
        "(二)三类单位(5个)\n\n监察局、财政局、宣传部、工会、县社。\n\n"
        "(三)达标单位\n\n  龙岩市人民政府\n  \n  平潭综合实验区管委会\n\n"
        "二、考核办法\n(一)组织考核。县安委会每半年组成考核组,对各责任单位进行考核。\n"
    )
    leads = [parties(t.lead) for t in doc.extraction.tasks if t.lead]
    assert leads == [["县安委会"]]


def test_in_a_report_a_body_opening_a_sentence_acts_only_with_a_modal_or_role_word():
    # r130, r159 (通报 and news of corpora/real): who opens a sentence of a report tells what it did; r842: what
    # it will do (将), and a kind of department before its modal (交通运输部门要…), still acts
    report = (
        "关于全市燃气安全大排查工作情况的通报\n\n"
        "市住建局持续开展直管企业的安全检查,同时邀请3名外市专家,参与指导全市燃气安全检查工作。\n\n"
        "市安委会办公室向各有关成员单位印发《关于深刻吸取江苏省常州市武进区粉尘爆炸事故教训的警示函》。\n\n"
        "下一步,荆门市安委会将对存在的隐患进行梳理,在新闻媒体上进行公示,并督促企业抓好整改。\n\n"
        "交通运输部门要督促危险货物运输企业每日对车辆动态监控数据进行分析研判。\n\n"
        "镇安委会至少每季度组织安全生产大检查一次;班子成员对分工范围内的安全生产带队检查每年两次。\n"  # r890
    )
    doc = docparse.read(report.encode(), name="report.txt")
    assert doc.analysis.is_report
    leads = [[p.name for p in t.lead] for t in doc.extraction.tasks if t.lead]
    assert leads == [["市安全生产委员会"], ["交通运输部门"], ["镇安全生产委员会"]]


def test_the_articles_of_a_rule_are_standing_duties_not_tasks():
    # r500 (公安部 火灾事故调查规定), r503 (煤矿生产安全事故报告和调查处理规定): 第X条 … 由…负责 / …应当…
    doc = read(
        "火灾事故调查规定\n\n第一章 总则\n"
        "第五条 火灾事故调查由县级以上人民政府公安机关主管,并由本级公安机关消防机构实施。\n"
        "第十四条 事故报告后出现新情况的,应当及时补报或者续报。事故伤亡人数发生变化的,有关单位应当在发生的当日内及时补报或者续报。\n"
        "第四十七条 执行本规定所需要的法律文书式样,由公安部制定。\n"
    )
    assert [t for t in doc.extraction.tasks if t.lead] == []


def test_the_issuer_before_the_title_of_its_document_does_not_act():
    # r388 (辽宁 分工方案 on a web page, the title of its notice not read as the title): 辽宁省应急管理厅关于印发《…》的通知
    doc = read(
        "热搜: 食品  烟台  奶粉  保健品\n \n当前位置: 首页 » 食品法规 » 地方食品法规 » 正文\n\n"
        "辽宁省应急管理厅关于印发《辽宁省“十四五”安全生产规划目标、主要任务和重点工程分工方案》的通知 (辽安委办〔2021〕101号)\n\n"
        "放大字体  缩小字体 发布日期:2022-10-12  来源:辽宁省应急管理厅\n"
        "核心提示:《辽宁省“十四五”安全生产规划》已经省政府同意印发。为做好规划的实施工作,按照有关要求,"
        "省安委会办公室编制完成了《辽宁省“十四五”安全生产规划目标、主要任务和重点工程分工方案》,现印发给你们,请遵照执行。\n\n"
        "各市人民政府,省(中)直有关部门(单位),沈抚示范区管委会:\n"
    )
    assert not [t for t in doc.extraction.tasks if "关于印发" in t.text[:20] and t.lead]


def test_the_members_that_make_up_a_group_after_由_are_not_charged():
    # seed 001: 市安委办成立工作专班,由市应急局领导和相关内设机构组成工作专班,负责…; r842 (通报): 由市安监局执法人员和…
    # 专家以及新闻媒体记者组成的暗访组; r872: 成立由主要领导担任组长的…领导组
    doc = read(
        "株洲市安全生产专项整治三年行动实施方案\n\n二、工作机制\n1.工作专班制度。市安委办成立工作专班,由市应急局领导和相关内设机构组成工作专班,负责综合协调和督查考核工作。\n"
        "2.督查制度。由市公安局牵头,每季度开展一次联合督查。\n"
    )
    assert parties(task_starting(doc, "1.工作专班").lead) == ["市安委办"]
    assert parties(task_starting(doc, "2.督查制度").lead) == ["市公安局"]


def test_a_list_of_bodies_goes_on_through_the_ones_the_lexicon_lacks():
    # r899 (黑龙江 分工方案): 卫生厅 and 煤炭生产安全管理局 are unknown to the lexicon; the list still supports
    doc = read(
        "黑龙江省安全生产工作分工方案\n\n一、主要任务\n"
        "47.积极配合国家有关部门做好鹤岗国家级矿山救援基地建设。(省政府安委会办公室牵头,省发改委、财政厅、安全监管局、"
        "卫生厅、交通运输厅、煤炭生产安全管理局、黑龙江煤监局配合)\n"
    )
    task = task_starting(doc, "47.")
    assert parties(task.lead) == ["省政府安委会办公室"]
    assert parties(task.support) == [
        "省发改委", "财政厅", "安全监管局", "卫生厅", "交通运输厅", "煤炭生产安全管理局", "黑龙江煤监局"
    ]


def test_news_of_a_meeting_reports_what_the_speakers_required_and_assigns_nothing():
    # r630 (永湖镇 meeting news, a 纪要 by its content): 一是各部门、村(社区)要…; a minute titled 纪要 still assigns
    news = (
        "2019年12月2日,永湖镇召开“奋战50天全年保平安”安全生产重点攻坚行动工作会议,镇领导班子、各部门、村(社区)负责人参加了会议。\n"
        "会上,副镇长郑钰胜通报了近期各地的安全事故,要求各部门、村(社区)吸取教训,严格落实上级部门文件精神。\n"
        "随后,镇长魏荣坤指出:一是各部门、村(社区)要根据文件精神,认真履行职责,结合实际做好安全生产相关工作;"
        "二是加强对鸿海园区周边各村烟花爆竹燃放、出租屋电动车充电等安全监管。\n"
    )
    doc = read(news)
    assert doc.meta.doc_type.value == "纪要"
    assert [t for t in doc.extraction.tasks if t.lead] == []
    minute = read("永湖镇安全生产工作会议纪要\n\n" + news)
    assert [parties(t.lead) for t in minute.extraction.tasks if t.lead]


def test_a_responsible_field_reads_units_with_a_bracketed_word_and_township_institutions():
    # r910 (卢市镇 检查督导组): 责任单位:政法(应急)办、派出所…; 卫生院, 福利院, 中心学校 are units of a 镇
    doc = read(
        "卢市镇关于做好安全生产大检查的通知\n三、分组情况\n(一)第一检查督导组;\n责任单位:政法(应急)办、派出所、市场监督管理所\n"
        "检查范围:消防易爆物品。\n(二)第四检查督导组;\n责任单位:派出所、市场监督管理所、卫生院、中心学校\n检查范围:校园安全。\n"
    )
    first, second = (t for t in doc.extraction.tasks if t.lead)
    assert parties(first.lead) == ["政法(应急)办"] and parties(first.support) == ["派出所", "市场监督管理所"]
    assert parties(second.support) == ["市场监督管理所", "卫生院", "中心学校"]


def test_a_list_opening_a_later_clause_with_a_lead_word_is_charged_unless_the_work_is_told_done():
    # r903 (开封 方案): 按照安委会要求,各县区负责组织开展…; r600 (五华 计划): …要求，县安委办牵头制定了《…》
    doc = read(
        "开封市安全生产专项整治工作方案\n此次专项行动时间为2016年12月1日至2017年2月28日。按照安委会要求,各县区负责组织开展本辖区十大重点"
        "行业领域安全生产专项整治工作。\n"
    )
    assert [parties(t.lead) for t in doc.extraction.tasks if t.lead] == [["各县区"]]
    assert charged("负责组织开展本辖区专项整治工作。")
    assert not charged("牵头制定了《五华县安全生产专项整治三年行动实施计划》，经县委同意")


# r938 of corpora/real (dev split): an office's task list whose units (处, 办, 中心) the lexicon does not know,
# each charged by 由…负责 / 由…牵头负责, one with its other name in brackets.
CHARGED_UNITS_PLAN = """省局开展2015年“安全生产月”活动任务分工方案
一、开展集中宣传活动
（一）副省长与吉煤集团面对面交流、谈心对话。由煤监一处牵头负责，办公室配合。
二、播放安全生产公益广告
6月份每天黄金时段，在吉林卫视播放公益广告。由宣教办和教育中心负责。
三、打造网络专题精品节目
继续办好三个平台和栏目，在省政府网站进行在线访谈。由人事处（宣教办）和教育中心负责。
"""


def test_units_charged_by_you_lead_though_the_lexicon_lacks_them():
    doc = read(CHARGED_UNITS_PLAN)
    assert [p.name for p in task_starting(doc, "（一）副省长").lead] == ["煤监一处"]
    assert [p.name for p in task_starting(doc, "二、播放").lead] == ["宣教办", "教育中心"]
    assert [p.name for p in task_starting(doc, "三、打造").lead] == ["人事处（宣教办）", "教育中心"]


def test_a_list_made_up_by_you_is_not_charged():
    doc = read("一、工作措施\n（一）成立联合调查组。由督查一处和执法二处人员组成调查组，开展调查。\n")
    assert not any(p.name in ("督查一处", "执法二处") for t in doc.extraction.tasks for p in t.lead)


# r928, r927 of corpora/real (dev split): a company's notice to its departments and shops, 各店铺 and 各网格
# being classes of units beside 各部门 that the lexicon does not know.
def test_quantified_members_beside_a_generic_party_lead():
    doc = read("关于开展隐患排查的通知\n各部门、各店铺：\n（一）加强组织领导。各部门、各店铺要高度重视重大事故隐患判定标准宣贯工作，精心组织。\n")
    assert [p.name for p in task_starting(doc, "（一）").lead] == ["各部门", "各店铺"]


def test_a_list_of_the_units_heads_names_no_units():
    doc = read("一、工作要求\n（一）压实责任。各部门、各主力店、各店铺负责人要在岗在位，切实履行职责。\n")
    assert not any(p.name in ("各主力店", "各店铺负责人") for t in doc.extraction.tasks for p in t.lead)


# r947 of corpora/real (dev split): a kind list under the city's level word, with kinds the lexicon lacks
# (文化, 卫生, 民防) between known ones.
def test_a_kind_list_goes_on_through_unknown_kinds_after_its_level_word():
    doc = read(
        "一、主要任务\n（一）加强消防安全监管。市公安局要依法组织开展消防安全专项整治行动。"
        "市商务、旅游、文化、卫生、教育、民防、安全监管等部门要依法组织对人员密集场所进行防火安全检查。\n"
    )
    task = task_starting(doc, "市商务")
    assert [p.text for p in task.lead] == ["市商务", "旅游", "文化", "卫生", "教育", "民防", "安全监管"]


# r939 of corpora/real (dev split): an item whose heading is its requirement sentence, the subject right after
# the outline marker, and a second sentence with a subject of its own.
def test_a_subject_right_after_the_outline_marker_leads_its_sentence():
    doc = read(
        "关于开展汛期检查的通知\n"
        "一、各县区安监局要进一步加大汛期检查力度，对辖区内所有矿山和尾矿库逐一进行检查。"
        "市安监局重点对重点县区和重点矿山企业进行抽查。\n"
    )
    assert [p.name for p in task_starting(doc, "一、各县区").lead] == ["各县区安监局"]
    assert [p.name for p in task_starting(doc, "市安监局").lead] == ["市应急管理局"]


# sx_taiyuan of corpora/heldout_mixed: 由 A 会同 B: who is charged leads, though 会同 alone would make A support.
def test_the_body_charged_by_you_leads_before_hui_tong():
    doc = read("一、主要任务\n（一）严格安全准入。新建化工项目，由市行政审批服务管理局会同市应急局组织安全条件审查。\n")
    task = task_starting(doc, "（一）")
    assert "市行政审批服务管理局" in [p.name for p in task.lead]


# r938 of corpora/real (dev split): 由A、B配合C、D开展…: the bodies assisted lead, the assistants support.
def test_who_is_assisted_leads_and_the_assistants_support():
    doc = read(CHARGED_UNITS_PLAN + "四、开展行业性活动\n深入开展“安康杯”竞赛等传统活动。由协调处、宣教办配合工会、妇联等部门开展。\n")
    task = task_starting(doc, "四、开展")
    assert [p.name for p in task.lead] == ["总工会", "妇女联合会"]
    assert [p.name for p in task.support] == ["协调处", "宣教办"]


# r816 of corpora/real (dev split): a kind list with the blanks of a web page after its 、, one member
# (公安交警) only beginning with a known kind.
def test_a_kind_list_with_blanks_after_its_separators_leads_as_one():
    doc = read(
        "道路运输安全专项整治三年行动实施方案\n二、 主要任务\n"
        "1. 督促落实企业主责。 交通运输、 公安交警、 应急管理部门要强化道路运输企业安全生产主体责任。\n"
    )
    task = task_starting(doc, "1. 督促")
    assert [p.text for p in task.lead] == ["交通运输", "公安交警", "应急管理"]


# r872 of corpora/real (dev split): 也 between a subject list and its modal; an unknown company whose name holds 经.
def test_a_scope_adverb_before_the_modal_keeps_the_subject():
    doc = read("关于煤矿停产整顿的通知\n一、加强领导\n各县（市、区）政府、工业资产经营公司也要相应成立停产整顿工作领导组，制定工作方案。\n")
    assert [p.name for p in task_starting(doc, "各县").lead] == ["各县（市、区）政府", "工业资产经营公司"]


# r813 of corpora/real (dev split): a township's committee members, and a later sentence of the item whose
# subject 也要 acts opens a task of its own.
def test_a_township_committees_members_and_a_later_subject_with_ye_yao():
    doc = read(
        "镇安全生产专项整治工作计划\n二、工作要求\n"
        "（三）镇安委会有关成员单位要按照有关专项整治工作安排，制定相关的安全生产专项整治工作方案。\n"
        "本计划未列出的有关行业专项整治工作，相关责任单位也要按照职责分工，及时组织并开展工作。\n"
    )
    assert [p.name for p in task_starting(doc, "（三）").lead] == ["镇安委会有关成员单位"]
    assert [p.name for p in task_starting(doc, "本计划").lead] == ["相关责任单位"]


# r892 of corpora/real (dev split): 还要求 tells others to act; the teller is no subject of 要.
def test_who_also_demands_is_no_subject():
    doc = read("山东省通报三起事故\n近日，山东省政府安委会对三起典型生产安全事故进行通报。同时，省政府安委会还要求开展金属冶炼等行业领域安全生产专项检查。\n")
    assert not any(t.lead for t in doc.extraction.tasks)


# r940 of corpora/real (dev split): classes of bodies sharing the work (分工负责) all lead; a list that names one
# body first keeps its convention (the first leads: r383, r369 of corpora/real).
def test_classes_of_bodies_that_share_the_work_all_lead():
    doc = read(
        "学习宣传贯彻工作方案\n一、深入学习宣传贯彻\n"
        "（一）集中开展学习教育。分级分批组织各级党政领导干部轮训（自治区各部门、各州市人民政府、各行政公署分工负责）。\n"
    )
    task = task_starting(doc, "（一）")
    assert [p.name for p in task.lead] == ["自治区各部门", "各州市人民政府", "各行政公署"]
    assert task.support == []


# r925 of corpora/real (dev split): a list of 各-classes written on over a comma before its modal.
def test_classes_over_a_comma_share_the_modal_after_the_last():
    doc = read("关于做好防汛防台风工作的通知\n一、工作内容\n1、各部门、各主力店，各店铺要严格落实主体责任，认真开展防汛防台风自查工作。\n")
    assert [p.name for p in task_starting(doc, "1、").lead] == ["各部门", "各主力店", "各店铺"]
