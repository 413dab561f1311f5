"""The 三管三必须 audit on real plans: several leads, leads the reference does not expect, duty load, one sector
across plans, and the criticized."""

from __future__ import annotations

import json

from docparse.graph import audit, build, document_id, load, save
from docparse.graph.audit import Evidence, TaskView, division_of, lead_clauses


def by_topic(findings):
    return {f.topic: f for f in findings}


def test_sectors_with_several_leads(plan_graph):
    report = audit(plan_graph)
    multi = by_topic(report.multi_head)
    assert {"道路运输", "建筑施工", "水上交通、渔业船舶"} <= set(multi)
    assert set(multi["道路运输"].leads) == {"昆明市交通运输局", "昆明市农业农村局", "昆明市公安局交警支队"}
    # 按职责分别牵头 names a division without making one; 建筑施工 gives most leads their own works
    assert multi["道路运输"].division == "formulaic" and multi["道路运输"].risk
    assert multi["水上交通、渔业船舶"].division == "formulaic"
    assert multi["建筑施工"].division in ("explicit", "partial")
    for finding in report.multi_head:
        assert finding.evidence and all(e.doc == finding.doc for e in finding.evidence)
    assert "煤矿" not in multi and "消防" not in multi  # one lead each


def test_leads_that_differ_from_the_reference(plan_graph, plan):
    report = audit(plan_graph)
    unexpected = {(m.topic, m.department) for m in report.mismatches if m.kind == "unexpected_lead"}
    assert ("水上交通、渔业船舶", "昆明市滇池管理局") in unexpected  # a local body the reference has no kind for
    assert ("煤矿", "昆明市工业和信息化局") in unexpected
    # a lead judged against its whole topic: 交通运输 leading 水上交通和渔业船舶 is expected
    assert ("水上交通、渔业船舶", "昆明市交通运输局") not in unexpected
    assert ("道路运输", "昆明市公安局交警支队") not in unexpected
    for m in report.mismatches:
        for e in m.evidence:
            assert e.span_start is not None
    dianchi = next(m for m in report.mismatches if m.department == "昆明市滇池管理局")
    e = dianchi.evidence[0]
    assert plan.text[e.span_start : e.span_end] == e.text


def test_departments_carrying_the_most_duties(plan_graph):
    load_ = {d.department: d for d in audit(plan_graph).duty_load}
    emergency = load_["昆明市应急管理局"]
    assert emergency.tasks_led >= 5
    assert {"危险化学品", "烟花爆竹", "非煤矿山"} <= set(emergency.sectors_led)
    counts = [d.tasks_led for d in audit(plan_graph).duty_load]
    assert counts == sorted(counts, reverse=True)


def test_no_gap_where_every_sector_has_a_lead(plan_graph):
    gaps = audit(plan_graph).gaps
    assert not [g for g in gaps if g.kind in ("no_lead", "generic_lead_only")]


def test_one_sector_across_a_city_and_a_county_plan(plan, county_plan):
    report = audit(build([plan, county_plan]))
    compared = {c.sector: c for c in report.comparisons}
    assert {"危险化学品", "消防"} <= set(compared)
    fire = compared["消防"]
    assert {a.jurisdiction for a in fire.assignments} == {"昆明市", "宣汉县"}
    assert [a.level for a in fire.assignments] == ["prefecture", "county"]  # higher level first
    assert fire.consistent and fire.assignments[0].regulators == ["消防救援"]
    assert compared["危险化学品"].reference == ["应急管理"]


def test_criticisms_in_the_report(merged_graph, seeds):
    report = audit(merged_graph)
    doc = document_id(seeds["000"])
    targets = {(c.target, c.target_kind) for c in report.criticisms if c.doc == doc}
    assert ("曲靖市陆良县青山客运有限责任公司", "enterprise") in targets and ("迪庆州", "region") in targets
    assert report.documents == 3


def test_report_is_json_and_names_its_reference(plan_graph):
    data = audit(plan_graph).to_dict()
    assert data["schema"] == "docparse.graph.audit"
    assert any("安委〔2020〕10号" in line for line in data["reference"])
    json.dumps(data, ensure_ascii=False)


def test_audit_of_a_saved_graph_is_the_same(plan_graph, tmp_path):
    for suffix in ("graphml", "gexf", "json"):
        path = save(plan_graph, tmp_path / f"g.{suffix}")
        assert audit(load(path)).to_dict() == audit(plan_graph).to_dict(), suffix


def task(text, leads, start=0):
    """A task view for the clause helpers: leads as (node, start, end) found in `text`."""
    spans = []
    for node, written in leads:
        s = text.index(written)
        spans.append((node, start + s, start + s + len(written), written))
    return TaskView("t", "d", "x", ["x"], text, start, spans, [], False, [])


def test_lead_clauses_split_at_role_words():
    explicit = task("由A局负责房屋工程，B局负责交通工程，C局负责水利工程", [("a", "A局"), ("b", "B局"), ("c", "C局")], 100)
    assert lead_clauses(explicit) == [["a"], ["b"], ["c"]]
    assert division_of([explicit]) == "explicit"
    formula = task("道路运输由A局、B局按职责分别牵头，重点排查", [("a", "A局"), ("b", "B局")])
    assert lead_clauses(formula) == [["a", "b"]]
    assert division_of([formula]) == "formulaic"
    none = task("由A局、B局牵头", [("a", "A局"), ("b", "B局")])
    assert division_of([none]) == "none"
    assert Evidence("d", "x").span_start is None
