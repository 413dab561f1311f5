"""The graph of real plans: one node per department and place, the gold assignments of seed 001, criticisms
of seed 000, and plans linked to the plans they carry out."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from docparse.extract.tasks import sector_of
from docparse.graph import build, document_id
from docparse.graph.build import regulator_kind, scalar_attrs, split_level_word


def nodes_of(graph, kind):
    return {n: d for n, d in graph.nodes(data=True) if d.get("kind") == kind}


def edges_of(graph, kind, doc=None):
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind and (doc is None or d.get("doc") == doc)]


def full_name(gold_name: str) -> str:
    """Gold names 001's bodies as the plan writes them (市应急管理局); the graph names them in full."""
    return "昆明" + gold_name


def sector_parties(graph, doc, role):
    out = defaultdict(set)
    for u, v, _ in edges_of(graph, role, doc):
        if graph.nodes[v]["kind"] == "sector" and graph.nodes[u]["kind"] == "department":
            out[graph.nodes[v]["label"]].add(graph.nodes[u]["label"])
    return out


def test_one_node_per_canonical_department(plan_graph, gold_001):
    departments = nodes_of(plan_graph, "department")
    labels = Counter(d["label"] for d in departments.values())
    assert all(count == 1 for count in labels.values()), labels
    by_alias = defaultdict(set)
    for node, data in departments.items():
        for alias in data["aliases"].split("|"):
            by_alias[alias].add(node)
    for canonical, aliases in gold_001["department_aliases"].items():
        written = [a for a in aliases if a in by_alias]
        assert written, canonical
        assert {n for a in written for n in by_alias[a]} == {f"dept:{full_name(canonical)}"}, canonical
    emergency = plan_graph.nodes["dept:昆明市应急管理局"]
    assert {"市应急局", "市应急管理局"} <= set(emergency["aliases"].split("|"))
    assert emergency["jurisdiction"] == "昆明市" and emergency["level"] == "prefecture"


def test_gold_leads_and_supports_of_the_18_sectors(plan_graph, plan_node, gold_001):
    leads = sector_parties(plan_graph, plan_node, "leads")
    supports = sector_parties(plan_graph, plan_node, "supports")
    assert len(gold_001["assignments"]) == 18
    for item in gold_001["assignments"]:
        sectors = sector_of(item["topic"]).split("、")
        for sector in sectors:
            assert f"sector:{sector}" in plan_graph, item["topic"]
            assert {full_name(n) for n in item["lead"]} <= leads[sector], (item["topic"], sector)
            assert {full_name(n) for n in item["support"]} <= supports[sector], (item["topic"], sector)
    gold_pairs = {(s, full_name(n)) for i in gold_001["assignments"] for s in sector_of(i["topic"]).split("、") for n in i["lead"]}
    found = {(s, n) for s, names in leads.items() for n in names if s in {s for s, _ in gold_pairs}}
    assert len(gold_pairs & found) / len(found) >= 0.9  # few leads beyond the gold's on its sectors


def test_leads_reach_tasks_and_sectors_with_evidence(plan, plan_graph, plan_node):
    for u, v, data in edges_of(plan_graph, "leads", plan_node):
        assert plan.text[data["span_start"] : data["span_end"]] == data["text"]
        if plan_graph.nodes[v]["kind"] == "sector":
            assert plan_graph.has_edge(u, data["task"])
            assert plan_graph.has_edge(data["task"], v)
    task = next(d for n, d in nodes_of(plan_graph, "task").items() if d.get("sector") == "道路运输")
    assert plan.text[task["span_start"] : task["span_end"]] == task["text"]


def test_issuer_and_jurisdiction_from_context(plan_graph, plan_node):
    issued = [v for _, v, _ in edges_of(plan_graph, "issued_by", plan_node)]
    assert issued == ["dept:昆明市安全生产委员会"]
    assert plan_graph.nodes[plan_node]["jurisdiction"] == "昆明市"
    # 省安委会 is written without a place: the issuer's province gives it one
    assert plan_graph.nodes["dept:云南省安全生产委员会"]["jurisdiction"] == "云南省"


def test_same_body_in_two_jurisdictions_stays_two_nodes(plan, county_plan):
    graph = build([plan, county_plan])
    emergency = {d["label"] for n, d in nodes_of(graph, "department").items() if d.get("body") == "应急管理局"}
    assert {"昆明市应急管理局", "宣汉县应急管理局"} <= emergency
    county = graph.nodes["dept:宣汉县应急管理局"]
    assert county["jurisdiction"] == "宣汉县" and county["level"] == "county"


def test_merged_graph_shows_what_000_criticizes(merged_graph, seeds, gold_000):
    doc = document_id(seeds["000"])
    criticized = {graph_label: d for _, v, d in edges_of(merged_graph, "criticizes", doc)
                  for graph_label in [merged_graph.nodes[v]["label"]]}  # fmt: skip
    regions = {merged_graph.nodes[v]["label"] for _, v, d in edges_of(merged_graph, "criticizes", doc) if d["target_kind"] == "region"}
    expected = set(gold_000["regions"]["criticized"])
    assert len(regions & expected) / len(expected) >= 0.9
    assert not regions & set(gold_000["regions"]["never"])
    assert "昆明市" not in regions  # 昆明 inside an enterprise name is no criticism of the city
    enterprises = {merged_graph.nodes[v]["label"] for _, v, d in edges_of(merged_graph, "criticizes", doc) if d["target_kind"] == "enterprise"}
    assert {e["name"] for e in gold_000["criticized_entities"] if e["kind"] == "enterprise"} <= enterprises
    # the department is criticized under its old name and found as today's body of the same city
    dept = next(d for _, v, d in edges_of(merged_graph, "criticizes", doc) if d["target_kind"] == "department")
    assert dept["text"] == "临沧市国土资源局" and dept["reason"]
    for _, v, d in edges_of(merged_graph, "criticizes", doc):
        assert d["reason"], merged_graph.nodes[v]["label"]
        assert seeds["000"].text[d["span_start"] : d["span_end"]] == d["text"]
    assert criticized["迪庆州"]["reason"] == "思想认识有偏差"


def test_graph_of_many_plans_keeps_each_documents_edges_apart(merged_graph, seeds):
    for prefix, doc in seeds.items():
        node = document_id(doc)
        assert merged_graph.nodes[node]["kind"] == "document"
        tasks = [v for _, v, _ in edges_of(merged_graph, "contains", node)]
        assert len(tasks) == len(doc.extraction.tasks)
        assert all(merged_graph.nodes[t]["doc"] == node for t in tasks)


def test_a_county_plan_implements_the_city_plan_it_cites(plan, derived_county_plan):
    graph = build([plan, derived_county_plan])
    county, city = document_id(derived_county_plan), document_id(plan)
    links = [(v, d) for _, v, d in edges_of(graph, "implements", county)]
    assert (city, "citation") in {(v, d["evidence"]) for v, d in links}
    assert "dept:嵩明县应急管理局" in graph and "dept:昆明市应急管理局" in graph


def test_citations_outside_the_set_become_external_plans(merged_graph, seeds):
    doc = document_id(seeds["000"])
    targets = [merged_graph.nodes[v] for _, v, _ in edges_of(merged_graph, "implements", doc)]
    assert any(t.get("external") and "专项行动总体方案" in t["title"] for t in targets)


@pytest.mark.parametrize(("name", "has_level", "expected"), [
    ("市应急管理局", True, ("市", "应急管理局")),
    ("市委宣传部", True, ("市委", "宣传部")),
    ("市场监督管理局", False, ("", "市场监督管理局")),
    ("市市场监督管理局", True, ("市", "市场监督管理局")),
    ("国务院安全生产委员会", True, ("国务院", "安全生产委员会")),
])  # fmt: skip
def test_split_level_word(name, has_level, expected):
    assert split_level_word(name, has_level) == expected


@pytest.mark.parametrize(("body", "kind"), [
    ("公安局交警支队", "公安交管"), ("公安局", "公安"), ("消防救援支队", "消防救援"), ("水务局", "水利"),
    ("市场监督管理局", "市场监管"), ("住房和城乡建设局", "住房城乡建设"), ("人民政府", None), ("滇池管理局", None),
])  # fmt: skip
def test_regulator_kind(body, kind):
    assert regulator_kind(body) == kind


def test_attributes_are_scalars_or_left_out():
    assert scalar_attrs({"a": None, "b": 1, "c": "x", "d": True}) == {"b": 1, "c": "x", "d": True}
    with pytest.raises(TypeError):
        scalar_attrs({"a": ["x"]})


def test_places_above_the_issuer(county_plan):
    from docparse.graph.build import document_place

    place = document_place(county_plan)
    assert place.home == "宣汉县"
    assert place.by_level == {"county": "宣汉县", "prefecture": "达州市", "province": "四川省"}


def test_copy_check_links_a_copied_plan_to_its_source(plan, derived_county_plan):
    graph = build([plan, derived_county_plan], copycheck=True)
    links = [d for _, v, d in edges_of(graph, "implements", document_id(derived_county_plan)) if v == document_id(plan)]
    copied = [d for d in links if d["evidence"].startswith("copycheck:")]
    assert copied and copied[0]["score"] > 0.9


def test_sector_nodes_keep_the_plans_own_names(plan, plan_graph, plan_node):
    """A sector node is the canonical sector (linking plans), and keeps what the plan calls it, with evidence."""
    written = {n: d.get("written_as", "").split("|") for n, d in nodes_of(plan_graph, "sector").items()}
    assert "文化和旅游" in written["sector:文化旅游"] and "医疗卫生" in written["sector:医院"]
    assert "渣土消纳" in written["sector:城市运行"] and "城镇燃气" in written["sector:燃气"]
    covers = [d for _, v, d in edges_of(plan_graph, "covers", plan_node) if v == "sector:文化旅游"]
    assert covers and all(plan.text[d["span_start"] : d["span_end"]] == d["written_as"] == "文化和旅游" for d in covers)
    leads = {(u, d["written_as"]) for u, v, d in edges_of(plan_graph, "leads", plan_node) if v == "sector:医院"}
    assert leads == {("dept:昆明市卫生健康委员会", "医疗卫生")}


def test_a_sector_the_lexicon_does_not_know_is_a_node_of_its_own(plan, county_plan):
    graph = build([plan, county_plan])
    mines = graph.nodes["sector:矿山"]
    assert mines["label"] == mines["written_as"] == "矿山" and mines["in_lexicon"] is False
    leads = {graph.nodes[u]["label"] for u, v, _ in edges_of(graph, "leads") if v == "sector:矿山"}
    assert leads == {"宣汉县应急管理局", "宣汉县经济和信息化局"}
    assert graph.nodes["sector:文化旅游"]["in_lexicon"] is True
    # both plans' names of one canonical sector on its one node
    assert {"道路运输", "道路交通"} <= set(graph.nodes["sector:道路运输"]["written_as"].split("|"))
