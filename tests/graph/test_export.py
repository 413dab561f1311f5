"""GraphML, GEXF and JSON: the same nodes, edges and attributes read back, every attribute declared with a type."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from docparse.graph import GraphFormatError, load, save
from docparse.graph.export import check_attributes

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"


def contents(graph):
    nodes = {n: dict(d) for n, d in graph.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    return nodes, edges, dict(graph.graph)


@pytest.mark.parametrize("suffix", ["graphml", "gexf", "json"])
def test_round_trip(merged_graph, tmp_path, suffix):
    path = save(merged_graph, tmp_path / f"graph.{suffix}")
    back = load(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert contents(back) == contents(merged_graph)


def test_graphml_declares_every_attribute_with_a_type(merged_graph, tmp_path):
    root = ET.parse(save(merged_graph, tmp_path / "g.graphml")).getroot()
    keys = {k.get("id"): k for k in root.iter(f"{GRAPHML}key")}
    assert len(keys) == len(root.findall(f"{GRAPHML}key"))  # ids unique, though node and edge share names
    parse = {"string": str, "long": int, "int": int, "double": float, "boolean": lambda v: v in ("true", "false")}
    for key in keys.values():
        assert key.get("attr.type") in parse and key.get("attr.name") and key.get("for") in ("node", "edge", "graph")
    graph = root.find(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    for element, kind in [(e, "node") for e in graph.iter(f"{GRAPHML}node")] + [(e, "edge") for e in graph.iter(f"{GRAPHML}edge")]:
        for data in element.findall(f"{GRAPHML}data"):
            key = keys[data.get("key")]
            assert key.get("for") == kind
            assert parse[key.get("attr.type")](data.text or "") is not False


def test_gexf_declares_every_attribute_with_a_type(merged_graph, tmp_path):
    root = ET.parse(save(merged_graph, tmp_path / "g.gexf")).getroot()
    assert root.get("version") == "1.2"
    graph = root.find(f"{GEXF}graph")
    declared = {}
    for block in graph.findall(f"{GEXF}attributes"):
        for attr in block.findall(f"{GEXF}attribute"):
            declared[(block.get("class"), attr.get("id"))] = attr.get("type")
    parse = {"string": str, "long": int, "integer": int, "double": float, "float": float,
             "boolean": lambda v: v in ("true", "false")}  # fmt: skip
    assert set(declared.values()) <= set(parse)
    for cls, tag in (("node", "node"), ("edge", "edge")):
        for element in graph.iter(f"{GEXF}{tag}"):
            for value in element.iter(f"{GEXF}attvalue"):
                kind = declared[(cls, value.get("for"))]
                assert parse[kind](value.get("value")) is not False
    labels = [n.get("label") for n in graph.iter(f"{GEXF}node")]
    assert "昆明市应急管理局" in labels  # Gephi shows the label, not the id


def test_unknown_format_and_bad_attributes_are_errors(plan_graph, tmp_path):
    with pytest.raises(GraphFormatError):
        save(plan_graph, tmp_path / "g.dot")
    with pytest.raises(GraphFormatError):
        load(tmp_path / "g.png")
    g = nx.MultiDiGraph()
    g.add_node("a", names=["x", "y"])
    with pytest.raises(GraphFormatError, match="names"):
        check_attributes(g)
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", reason=None)
    with pytest.raises(GraphFormatError, match="reason"):
        save(g, tmp_path / "bad.graphml")
