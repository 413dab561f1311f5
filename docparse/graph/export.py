"""Saving and loading a responsibility graph: GraphML and GEXF (for Gephi, yEd, Cytoscape) and JSON.

GraphML and GEXF declare every attribute with its type (string, long, double, boolean), as Gephi expects;
a graph from `build` holds only such scalars, and `check_attributes` says which attribute breaks the rule
in a graph put together another way. Edge keys (e1, e2, …) are kept, so a file reads back to the same
MultiDiGraph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from docparse.errors import DocparseError, check_writable, writing
from docparse.graph.build import GRAPH_SCHEMA, GRAPH_VERSION

FORMATS = ("graphml", "gexf", "json", "png", "html")


class GraphFormatError(DocparseError):
    """A graph that cannot be written in the format asked for, or a file that is not such a graph."""

    code = "E_GRAPH_FORMAT"


def check_attributes(graph: nx.MultiDiGraph) -> None:
    """Raise `GraphFormatError` naming the first attribute that GraphML/GEXF cannot hold (None, a list, …)."""
    for node, data in graph.nodes(data=True):
        for key, value in data.items():
            if not isinstance(value, (str, int, float, bool)):
                raise GraphFormatError(f"node {node!r}: attribute {key!r} is {type(value).__name__}, not a scalar")
    for u, v, k, data in graph.edges(keys=True, data=True):
        for key, value in data.items():
            if not isinstance(value, (str, int, float, bool)):
                raise GraphFormatError(f"edge {u!r} -> {v!r} ({k}): attribute {key!r} is {type(value).__name__}")


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise GraphFormatError(
            f"unknown graph format {suffix or '(none)'!r}: use .graphml, .gexf, .json, .png or .html", str(path)
        )
    return suffix


class GraphMLWriter(nx.readwrite.graphml.GraphMLWriter):
    """networkx's writer, with booleans written as XML Schema's `true`/`false` (it writes Python's `True`)."""

    def add_data(self, name, element_type, value, scope="all", default=None):  # type: ignore[no-untyped-def]
        element = super().add_data(name, element_type, value, scope, default)
        if element_type is bool:  # the value arrives as str(value): "True" or "False"
            element.text = "false" if str(value).lower() in ("false", "0") else "true"
        return element


def graph_to_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link JSON with the schema name and version: {"nodes": [{"id", …}], "edges": [{"source", "target", "key", …}]}."""
    return {
        "schema": GRAPH_SCHEMA,
        "version": GRAPH_VERSION,
        "directed": True,
        "multigraph": True,
        "nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
        "edges": [{"source": u, "target": v, "key": k, **d} for u, v, k, d in graph.edges(keys=True, data=True)],
    }


def graph_from_dict(data: dict[str, Any]) -> nx.MultiDiGraph:
    if data.get("schema") != GRAPH_SCHEMA:
        raise GraphFormatError(f"not a {GRAPH_SCHEMA} file (schema {data.get('schema')!r})")
    graph = nx.MultiDiGraph(schema=GRAPH_SCHEMA, version=data.get("version", GRAPH_VERSION))
    for node in data["nodes"]:
        attrs = dict(node)
        graph.add_node(attrs.pop("id"), **attrs)
    for edge in data["edges"]:
        attrs = dict(edge)
        graph.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs.pop("key"), **attrs)
    return graph


def save(graph: nx.MultiDiGraph, path: str | Path, *, document: str | None = None) -> Path:
    """Write the graph as .graphml, .gexf or .json, or draw it as .png (department × sector grid) or .html
    (interactive view), chosen by the file's suffix; `document` (a document node id) limits a picture to it."""
    path = Path(path)
    fmt = format_of(path)
    check_writable(path)
    with writing(path):
        return write_graph(graph, path, fmt, document)


def write_graph(graph: nx.MultiDiGraph, path: Path, fmt: str, document: str | None) -> Path:
    if fmt == "png":
        from docparse.graph.draw import draw_assignments

        return draw_assignments(graph, path, document=document)
    if fmt == "html":
        from docparse.graph.html import save_html

        return save_html(graph, path, document=document)
    check_attributes(graph)
    if fmt == "graphml":
        writer = GraphMLWriter(encoding="utf-8")  # key ids d0, d1…: a node and an edge attribute may share a name
        writer.add_graph_element(graph)
        writer.dump(str(path))
    elif fmt == "gexf":
        nx.write_gexf(graph, path, encoding="utf-8", version="1.2draft")
    else:
        path.write_text(json.dumps(graph_to_dict(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by `save`, with the same nodes, edges, keys and attributes."""
    path = Path(path)
    fmt = format_of(path)
    if fmt in ("png", "html"):
        raise GraphFormatError("a picture cannot be read back as a graph: use .graphml, .gexf or .json", str(path))
    try:
        if fmt == "graphml":
            graph = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
        elif fmt == "gexf":
            graph = gexf_as_saved(nx.read_gexf(path, node_type=str))
        else:
            return graph_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as err:
        raise GraphFormatError(f"cannot read graph: {err}", str(path)) from err
    graph = nx.MultiDiGraph(graph)
    for key in ("node_default", "edge_default"):  # GraphML's defaults, empty for a graph from `save`
        graph.graph.pop(key, None)
    return graph


def gexf_as_saved(graph: nx.Graph) -> nx.MultiDiGraph:
    """Undo what GEXF reading adds (each edge's GEXF `id`), and put back the schema GEXF has no place for."""
    out = nx.MultiDiGraph(schema=GRAPH_SCHEMA, version=GRAPH_VERSION)
    out.add_nodes_from(graph.nodes(data=True))
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((u, v, None, d) for u, v, d in graph.edges(data=True))
    for u, v, k, data in edges:
        attrs = dict(data)
        attrs.pop("id", None)
        out.add_edge(u, v, key=k, **attrs)
    return out
