import docparse
from tests.helpers import seed


def outline(prefix: str):
    return docparse.read(seed(prefix), steps=("structure",)).sections


def test_circular_outline_levels_and_roles():
    sections = outline("000")
    top = [s for s in sections if s.level == 1]
    assert [s.heading for s in top] == ["基本评价", "存在的问题", "下步工作措施"]
    assert [s.role for s in top] == ["evaluation", "problems", "measures"]
    problems = [s for s in sections if s.parent == top[1].id]
    assert len(problems) == 6
    assert problems[0].marker == "（一）" and problems[0].heading == "思想认识有偏差"
    # half-width (四) after full-width (三) is the same level
    assert sections[top[0].children[3]].marker == "（四）"


def test_plan_outline_has_sectors_under_key_tasks_and_phases_under_steps():
    sections = outline("001")
    by_heading = {s.heading: s for s in sections}
    key = by_heading["整治重点"]
    assert key.role == "tasks" and len(key.children) == 18
    steps = by_heading["方法步骤"]
    assert steps.role == "phases"
    assert [sections[c].heading for c in steps.children][0] == "动员部署（2023年5月15日前）"
    assert by_heading["组织领导"].role == "organization"
    # the attachment list after the body is not part of the outline
    assert not any("任务清单" in s.heading for s in sections)


def test_inline_enumerations_become_sections():
    sections = outline("002")
    problems = next(s for s in sections if s.heading == "存在问题")
    items = [sections[c] for c in problems.children]
    assert [s.marker for s in items] == ["一是", "二是", "三是", "四是", "五是"]
    assert all(s.role == "problems" for s in items)
    first = next(s for s in sections if s.heading == "以落实责任制为牵引，专项整治三年行动扎实推进")
    assert [sections[c].marker for c in first.children] == ["一是", "二是", "三是", "四是"]


def test_section_spans_point_at_their_text():
    doc = docparse.read(seed("000"), steps=("structure",))
    for sec in doc.sections:
        assert doc.text_of(sec.heading_span).replace(" ", "") in doc.text_of(sec.span)
        assert doc.text_of(sec.span).lstrip().startswith(doc.text[sec.span.start])


def test_outline_of_a_county_plan_written_for_the_tests():
    text = """某某县燃气安全专项整治实施方案

为深入排查整治燃气安全隐患，制定本方案。
第一章 总体要求
第一条 坚持人民至上、生命至上。
第二条 坚持问题导向。
第二章 主要任务
第三条 开展餐饮场所燃气安全排查，由县住房城乡建设局牵头，县市场监管局配合。
第三章 保障措施
第四条 加强组织领导。
"""
    doc = docparse.read(text.encode(), name="plan.txt", steps=("structure",))
    chapters = [s for s in doc.sections if s.style == "chapter"]
    assert [s.role for s in chapters] == ["other", "tasks", "organization"]
    articles = [s for s in doc.sections if s.style == "article"]
    assert [doc.sections[a.parent].heading for a in articles] == ["总体要求", "总体要求", "主要任务", "保障措施"]


def test_interview_questions_open_its_parts():
    sections = outline("003")
    turns = [s for s in sections if s.style == "turn"]
    assert len(turns) == 11
    problems = next(s for s in turns if "问题和困难" in s.heading)
    assert problems.heading.endswith("？") and problems.role == "problems"
    assert [sections[c].marker for c in problems.children] == ["一是", "二是", "三是", "四是"]
    assert turns[-1].role == "other"  # the goodbye is not a part of the work


def test_a_speechs_ordinal_points_are_sections_with_roles():
    speech = (
        "在全县安全生产工作会议上的讲话\n\n同志们：\n\n一、去年工作取得明显成效\n\n全年事故起数同比下降。\n\n"
        "二、清醒认识面临的严峻形势\n\n第一，事故多发的势头没有得到有效遏制。某些乡镇事故起数上升。\n\n"
        "第二，重大事故隐患整改不彻底。仍有隐患未销号。\n\n三、扎实做好今年重点工作\n\n要压实责任。\n"
    )
    sections = docparse.read(speech.encode(), name="speech.txt").sections
    found = [(s.marker, s.role, s.heading) for s in sections]
    assert ("第一，", "problems", "事故多发的势头没有得到有效遏制") in found
    assert ("第二，", "problems", "重大事故隐患整改不彻底") in found
    assert [s.role for s in sections if s.level == 1] == ["evaluation", "problems", "tasks"]


def test_enumeration_written_on_in_the_paragraph_that_yi_shi_opens():
    text = (
        "某省安全生产工作简报\n\n三、存在的主要问题\n\n一是部分地区事故出现反弹。某地事故起数上升。二是隐患整改质量不高。"
        "部分企业一查了之。三是道路交通形势依然严峻。\n\n四、下一步工作\n\n要压实责任。\n"
    )
    sections = docparse.read(text.encode(), name="b.txt").sections
    items = [(s.marker, s.heading, s.role) for s in sections if s.style == "cn_enum"]
    assert items == [
        ("一是", "部分地区事故出现反弹", "problems"),
        ("二是", "隐患整改质量不高", "problems"),
        ("三是", "道路交通形势依然严峻", "problems"),
    ]


def test_a_text_taken_from_inside_an_outline_keeps_its_later_parts_at_the_top():
    # r632 (青海 任务分工, an excerpt opening at (三)…43.): 五、 heads a part of its own, not a sub-item of 43.
    text = (
        "(三)完善企业应急预案\n43.督促企业认真落实应急预案管理办法。(省安全监管局牵头,各行业主管部门分工负责)\n"
        "五、严格行业安全准入\n(一)加快完善安全生产技术标准\n44.督促各行业管理部门严格执行国家和行业安全技术标准。\n"
    )
    sections = docparse.read(text.encode(), name="a.txt", steps=("structure",)).sections
    part = next(s for s in sections if s.marker == "五、")
    assert part.parent is None and part.level == 1
    item = next(s for s in sections if s.marker.startswith("43"))
    assert item.children == []
