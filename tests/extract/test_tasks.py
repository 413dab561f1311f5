import docparse
from docparse.extract.tasks import tasks as extract_tasks
from docparse.model import Cell, Deadline, RawDocument, Source, Span, Table
from docparse.pipeline import Pipeline, make_document
from tests.helpers import gold, seed

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
    assert names(by_sector["电力"].lead) == ["市发展和改革委员会", "市工业和信息化局"]
    assert names(by_sector["危险废物"].lead) == ["市生态环境局"]
    muck = task_starting(doc, "渣土消纳")
    assert names(muck.lead) == ["市城市管理局"]  # the bracketed leads are not the item's


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
