"""The evaluator: matching rules a gold annotator relies on, and score arithmetic on real pipeline output."""

from __future__ import annotations

import json

import pytest

import docparse
from rich.cells import cell_len

from docparse.eval import (
    CompactText,
    Score,
    department_canonicalizer,
    deadline_matches,
    evaluate,
    format_report,
    max_matching,
    mentions_cue,
    metric_matches,
    names_match,
    plain_quantity,
    region_core,
    region_matches,
    topic_tier,
    values_match,
)
from docparse.model import Span

NOTICE = """某某县安全生产委员会办公室关于2024年第一季度安全生产检查情况的通报

某安办〔2024〕8号

各乡镇人民政府，县安委会各成员单位：

3月，县安委办组织开展了安全生产检查。现将有关情况通报如下。

一、基本情况

共检查企业20家，发现隐患45项。

某某县安全生产委员会办公室
2024年4月2日
"""


@pytest.fixture()
def corpus(tmp_path):
    """A one-document corpus whose gold is right on some meta elements and wrong on others."""
    docs, gold_dir = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold_dir.mkdir()
    (docs / "notice.txt").write_text(NOTICE, encoding="utf-8")
    gold = {
        "document": "notice.txt",
        "meta": {
            "doc_type": ["通报", "通知"],
            # Whitespace inside the title must not matter.
            "title": "某某县安全生产委员会办公室关于2024年第一季度 安全生产检查情况的通报",
            "doc_number": "某安办〔2024〕9号",  # deliberately wrong: the document says 8号
            "issuer": "某某县安全生产委员会办公室",
            "date": None,  # deliberately wrong: the document is dated
            "recipients": ["各乡镇人民政府", "县安委会各成员单位", "县直各部门"],  # one too many
        },
    }
    (gold_dir / "notice.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_dir, docs


def test_meta_scores_on_pipeline_output(corpus):
    report = evaluate(*corpus)
    fields = report.documents[0].fields
    assert (fields["meta.title"].score.tp, fields["meta.title"].score.fp) == (1, 0)
    assert fields["meta.doc_type"].score == Score(tp=1)
    assert fields["meta.issuer"].score == Score(tp=1)
    assert fields["meta.doc_number"].score == Score(tp=0, fp=1, fn=1)
    assert fields["meta.date"].score == Score(tp=0, fp=1, fn=0)
    assert fields["meta.recipients"].score == Score(tp=2, fp=0, fn=1)
    assert fields["meta.recipients"].missed == ["县直各部门"]
    meta = report.fields["meta"]
    # title, doc_type, issuer and two recipients right; doc_number and date wrong; one recipient missed.
    assert meta == Score(tp=5, fp=2, fn=2)
    assert meta.precision == pytest.approx(5 / 7)
    assert meta.recall == pytest.approx(5 / 7)
    assert meta.f1 == pytest.approx(5 / 7)


def test_a_title_annotated_as_written_matches_its_simplified_reading(tmp_path):
    # r869: a mirror's traditional-script headline with pinyin glosses; the gold copies it as written
    headline = "山西蘭花集團莒山煤礦被停產(chǎn)整頓"
    docs, gold_dir = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold_dir.mkdir()
    (docs / "page.txt").write_text(f"{headline}\n據(jù)山西省應急管理廳消息，該礦被責令停產(chǎn)整頓。\n", encoding="utf-8")
    for name, title in (("as_written", headline), ("simplified", "山西兰花集团莒山煤矿被停产整顿"), ("other", "山西兰花集团")):
        gold = {"document": "page.txt", "meta": {"title": title}}
        (gold_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate(gold_dir, docs)
    scores = {d.gold_file: d.fields["meta.title"].score for d in report.documents}
    assert scores["as_written.json"] == Score(tp=1)
    assert scores["simplified.json"] == Score(tp=1)
    assert scores["other.json"] == Score(tp=0, fp=1, fn=1)


def test_fields_absent_from_gold_are_not_scored(corpus):
    report = evaluate(*corpus)
    assert not any(name.startswith(("regions", "tasks", "metrics")) for name in report.fields)


def test_unreadable_document_counts_gold_as_missed(corpus):
    gold_dir, docs = corpus
    (docs / "notice.txt").unlink()
    report = evaluate(gold_dir, docs)
    doc = report.documents[0]
    assert doc.error
    assert report.fields["meta"].tp == 0
    assert report.fields["meta"].fn == 7


def test_report_renders_aligned_table_and_json(corpus):
    report = evaluate(*corpus)
    text = format_report(report, details=True)
    assert "meta.recipients" in text and "县直各部门" in text
    table_lines = [line for line in text.splitlines() if line.startswith("│")]
    assert len({cell_len(line) for line in table_lines[:7]}) == 1  # CJK cells counted double width
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["fields"]["meta"]["f1"] == round(5 / 7, 4)
    assert data["documents"][0]["fields"]["meta.doc_number"]["missed"] == ["某安办〔2024〕9号"]


def test_shipped_gold_files_load_and_score():
    from tests.helpers import GOLD, SEEDS

    report = evaluate(GOLD, SEEDS)
    assert len(report.documents) == 5
    assert all(d.error is None for d in report.documents)
    assert report.fields["regions.criticized"].gold == 13
    assert report.fields["tasks.lead"].gold == 28


# --- matching rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("红河州", "红河哈尼族彝族自治州", True),
        ("红河州", "红河", True),
        ("红河州", "红河县", False),  # a county of the same name is another region
        ("西双版纳州", "西双版纳傣族自治州", True),
        ("澜沧县", "澜沧拉祜族自治县", True),
        ("黔东南州", "黔东南苗族侗族自治州", True),
        ("昆明市", "昆明", True),
        ("南宫市", "南宫", True),
        ("威县", "威县", True),
        ("曲靖市", "昆明市", False),
    ],
)
def test_region_matching(gold, predicted, expected):
    assert region_matches(gold, (predicted,)) is expected


def test_region_matches_either_name_or_full_name():
    assert region_matches("楚雄州", ("楚雄", "楚雄彝族自治州"))


def test_region_core_keeps_two_characters():
    assert region_core("沙县") == ("沙县", None)
    assert region_core("大理白族自治州") == ("大理", "prefecture")


def test_metric_value_tolerance_and_units():
    assert values_match(1000, 1004.9)
    assert not values_match(1000, 1006)
    assert values_match(0, 0) and not values_match(0, 0.1)
    assert plain_quantity(369.21, "万元") == pytest.approx((3692100, "元"))
    assert metric_matches({"value": 3692100, "unit": "元"}, 369.21, "万元")
    assert metric_matches({"value": 276000, "unit": "项"}, 27.6, "万项")
    assert metric_matches({"value": 16, "unit": "人"}, 16, "名")  # 16名责任人: sixteen people either way
    assert not metric_matches({"value": 16, "unit": "人"}, 16, "起")
    assert not metric_matches({"value": 38, "unit": "起"}, 38, "人")


def test_deadline_matching():
    assert deadline_matches({"date": "2023-06-30"}, "2023-06-30", None, None)
    assert deadline_matches({"date": "2023-06-30"}, None, None, "2023-06-30")
    assert not deadline_matches({"date": "2023-06-30"}, None, "2023-06-01", "2023-06-30")
    period = {"start": "2024-07-01", "end": "2024-09-30"}
    assert deadline_matches(period, None, "2024-07-01", "2024-09-30")
    assert not deadline_matches(period, None, "2024-07-01", "2024-08-31")


def test_matching_is_one_to_one():
    # Two predictions that both fit the first gold item must not both count.
    pairs = max_matching(2, 2, lambda i, j: (i, j) in {(0, 0), (0, 1), (1, 0)})
    assert pairs == {0: 1, 1: 0}
    assert len(max_matching(1, 3, lambda i, j: True)) == 1


def test_entity_names_match_by_canonical_name():
    assert names_match("勐满曼纳金矿", "澜沧县勐满曼纳金矿")  # the place written before the name
    assert names_match("恒泰煤矿", "恒泰煤矿（隶属某某有限公司）")
    assert not names_match("金矿", "澜沧县勐满曼纳金矿")
    assert not names_match("曼纳金矿", "勐满曼纳金矿")  # a part of the name is another name
    assert not names_match("大理州国土资源局", "临沧市国土资源局")


def test_cue_found_across_line_breaks_and_widths():
    text = "整改率\n87％，\n每月向市安委办报送"
    spans = CompactText(text).find_all("整改率87%")
    assert spans == [Span(0, 7)]
    assert mentions_cue("每月向市安委办报送", "每月", Span(11, 13), CompactText(text).find_all("每月向市安委办报送"))
    assert not mentions_cue("每月向市安委办报送", "每月", Span(30, 32), [])


def test_task_topic_tiers():
    assert topic_tier("消防", "消防", "") == 0
    assert topic_tier("危险化学品和烟花爆竹", "危险化学品、烟花爆竹", "") == 0
    assert topic_tier("城镇燃气", "城镇燃气和自建房", "") == 3
    assert topic_tier("煤矿", None, "（一）煤矿由市工业和信息化局牵头") == 1
    assert topic_tier("煤矿", None, "（二）非煤矿山由市应急局牵头") == 2
    # a specific topic picks the task that names it before every task of its sector
    assert topic_tier("老旧燃气管道更新改造", "燃气", "二是年内完成老旧燃气管道更新改造") == 2
    assert topic_tier("老旧燃气管道更新改造", "燃气", "一是整治瓶装液化石油气") == 3
    assert topic_tier("渣土消纳", None, "（一）煤矿由市工业和信息化局牵头") is None


def test_department_canonicalizer_uses_aliases_and_suffixes():
    canonical = department_canonicalizer({"市应急管理局": ["市应急局", "应急局"]}, ["市公安局交警支队", "市公安局"])
    assert canonical("市应急局", "市应急局") == "市应急管理局"
    assert canonical("昆明市应急管理局", "市应急局") == "市应急管理局"
    assert canonical("昆明市公安局交警支队", "市公安局交警支队") == "市公安局交警支队"
    assert canonical("市民政局", "民政局") == "市民政局"


def test_score_is_undefined_without_items():
    assert Score().f1 is None and Score().precision is None
    assert Score(fn=2).recall == 0 and Score(fn=2).precision is None and Score(fn=2).f1 == 0
    assert (Score(1, 2, 3) + Score(1, 0, 0)) == Score(2, 2, 3)


def test_a_deadline_counts_only_at_its_own_task():
    from docparse.eval import evaluate_document

    text = "一、动员部署。2024年5月15日前完成部署。\n二、自查自改。2024年6月30日前完成自查。\n三、总结。2024年5月15日前报送上年总结。\n"
    doc = docparse.read(text.encode("utf-8"), name="plan.txt")
    gold = {"deadlines": [{"date": "2024-06-30", "cue": "2024年6月30日前", "task": "自查自改"}]}
    assert evaluate_document(gold, doc).fields["deadlines"].score.tp == 1
    elsewhere = {"deadlines": [{"date": "2024-06-30", "cue": "6月30日前", "task": "总结"}]}
    elsewhere_doc = docparse.read(text.replace("三、总结。2024年5月15日前", "三、总结。").encode("utf-8"), name="p.txt")
    result = evaluate_document(elsewhere, elsewhere_doc).fields["deadlines"]
    assert result.score.tp == 1  # the cue's own line holds the predicted deadline
    wrong_task = {"deadlines": [{"date": "2024-05-15", "cue": "上年总结", "task": "总结"}]}
    assert evaluate_document(wrong_task, doc).fields["deadlines"].score.tp == 1
    detached = {"deadlines": [{"date": "2024-06-30", "cue": "总结", "task": "报送上年总结"}]}
    assert evaluate_document(detached, doc).fields["deadlines"].score.tp == 0


def test_a_problem_counts_by_overlap_with_where_its_cue_is_written():
    from docparse.eval import evaluate_document

    text = "一、存在问题\n（一）隐患排查不彻底。部分企业自查走过场，重大隐患整改不到位。\n"
    doc = docparse.read(text.encode("utf-8"), name="t.txt")
    assert doc.extraction.problems, "the fixture must yield a problem"
    gold = {"problems": [{"cue": "自查走过场", "regions": []}]}
    assert evaluate_document(gold, doc).fields["problems"].score.tp == 1
    absent = {"problems": [{"cue": "台账不健全", "regions": []}]}
    assert evaluate_document(absent, doc).fields["problems"].score.tp == 0


def test_the_parties_of_a_task_no_gold_topic_names_are_false_positives():
    from docparse.eval import evaluate_document

    text = "一、加强燃气安全\n（一）排查燃气管道。市住建局要开展排查。\n二、加强消防安全\n（一）整治电动自行车。市消防救援支队要开展整治。\n"
    doc = docparse.read(text.encode("utf-8"), name="plan.txt")
    assert len([t for t in doc.extraction.tasks if t.lead]) == 2, "the fixture must yield two tasks with leads"
    one = {"assignments": [{"topic": "排查燃气管道", "lead": ["市住建局"], "support": []}]}
    lead = evaluate_document(one, doc).fields["tasks.lead"]
    assert (lead.score.tp, lead.score.fp) == (1, 1)
    assert any(s.startswith("(no gold task)") for s in lead.spurious)
    # a gold topic naming the part a task stands in takes the task under it
    part = {"assignments": [{"topic": "加强消防安全", "lead": ["市消防救援支队"], "support": []}]}
    assert evaluate_document(part, doc).fields["tasks.lead"].score.tp == 1
    nothing = {"assignments": []}
    assert evaluate_document(nothing, doc).fields["tasks.lead"].score.fp == 2
