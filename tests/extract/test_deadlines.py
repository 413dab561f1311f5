"""Deadlines: gold 001 and the own corpus's plan, and short excerpts for the grammar's harder cases."""

from __future__ import annotations

import pytest

import docparse
from docparse.eval import deadline_matches
from docparse.extract.deadlines import chinese_integer
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
        ("从即日起至6月30日，在全县开展专项检查。", (None, "2021-03-01", "2021-06-30")),
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
