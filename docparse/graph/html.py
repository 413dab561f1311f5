"""An interactive view of a responsibility graph as one self-contained HTML file (inline SVG and a little JS).

Nothing is loaded from a network, so the page works on an intranet machine. Columns, left to right:
documents, departments, sectors, then the regions and enterprises criticized. Tasks are folded into their
department → sector edges (the count of tasks is the edge's weight). Hover a node to see its links, click it
for its attributes and evidence, untick an edge kind to hide it, type in the box to find a name. The page is
templates/graph.html.j2; its header gives the whole graph's counts (those `docparse graph` prints) next to
what it draws, and a table says, kind by kind, what is not drawn and why.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from docparse.graph.build import ALIAS_SEP, EDGE_KINDS, NODE_KINDS

COLUMNS = {"document": 0, "department": 1, "sector": 2, "region": 3, "enterprise": 3}
COLUMN_X = (330, 620, 850, 1060)
COLUMN_HEADS = ("文件 documents", "部门 departments", "行业领域 sectors", "被通报 criticized")
LABEL_SIDE = ("end", "end", "start", "start")
ROW_HEIGHT = 22
TOP = 70
SHOWN_EDGES = ("leads", "supports", "issued_by", "criticizes", "implements")
EDGE_STYLE = {
    "leads": "#b2182b", "supports": "#2166ac", "issued_by": "#7f7f7f", "criticizes": "#e08214", "implements": "#1b7837",
}  # fmt: skip
NODE_COLOR = {"document": "#444444", "department": "#b2182b", "sector": "#2166ac", "region": "#e08214", "enterprise": "#8c510a"}
LABEL_CHARS = 24
CHAR_WIDTH = 12  # px of one CJK character at the label size
EVIDENCE_PER_EDGE = 5
NAMES_LEFT_OUT = 200  # names listed per kind of node the drawing leaves out
NODE_NAMES = {
    "document": "文件 documents", "department": "部门 departments", "sector": "行业领域 sectors", "task": "任务 tasks",
    "region": "地区 regions", "enterprise": "企业 enterprises",
}  # fmt: skip
EDGE_NAMES = {
    "leads": "牵头 leads", "supports": "配合 supports", "covers": "属于行业 covers", "contains": "含任务 contains",
    "mentions": "提及行业 mentions", "criticizes": "通报 criticizes", "issued_by": "发文 issued_by",
    "implements": "落实 implements",
}  # fmt: skip
# Why a node or edge of a kind is not drawn (shown where some are not).
NODE_LEFT_OUT = {
    "task": "并入“部门→行业领域”连线 folded into the department → sector lines",
    "department": "未牵头或配合任何行业领域（只负责无行业领域的任务，或只被提及），未发文，未被通报 "
                  "leads or supports no sector (only tasks without one, or only named), issues nothing, not criticized",
    "sector": "无部门牵头或配合，只被提及 no department leads or supports it; only mentioned",
    "document": "本页只画一份文件，或被引用的文件无连线 another document, or a cited plan with no line",
}  # fmt: skip
FOLDED_ROLE = "部门→任务的边并入部门→行业领域连线；同一对节点间的多条边合为一条 to tasks: folded; parallel edges: one line"
EDGE_LEFT_OUT = {
    "leads": FOLDED_ROLE,
    "supports": FOLDED_ROLE,
    "covers": "随任务并入连线 folded with the tasks",
    "contains": "随任务并入连线 folded with the tasks",
    "mentions": "未画出，见行业领域节点的详情 not drawn; see a sector's details",
}  # fmt: skip
PARALLEL = "同一对节点间的多条边合为一条 parallel edges: one line"
OTHER_DOCUMENTS = "属于其他文件；或 of other documents; or: "


@dataclass(slots=True)
class ViewEdge:
    source: str
    target: str
    kind: str
    count: int = 0
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class KindCount:
    """One kind of node or edge: how many the graph has, how many the page draws, and why not the rest."""

    kind: str
    name: str
    total: int
    drawn: int
    lines: int = 0  # for edges: the lines that draw them
    note: str = ""
    left_out: tuple[str, ...] = ()  # names of the nodes not drawn


@dataclass(frozen=True, slots=True)
class Counts:
    """The whole graph's counts, as `docparse graph` prints them, and what the page draws of it."""

    nodes: int
    edges: int
    drawn_nodes: int
    drawn_lines: int
    drawn_edges: int  # the graph's edges that the drawn lines stand for
    node_kinds: tuple[KindCount, ...]
    edge_kinds: tuple[KindCount, ...]


def view_edges(graph: nx.MultiDiGraph, document: str | None) -> list[ViewEdge]:
    """The edges shown: one per (source, target, kind), counting the tasks or mentions folded into it."""
    folded: dict[tuple[str, str, str], ViewEdge] = {}
    for u, v, d in graph.edges(data=True):
        if not drawn(graph, v, d, document):
            continue
        kind = d["kind"]
        edge = folded.setdefault((u, v, kind), ViewEdge(u, v, kind))
        edge.count += 1
        text = d.get("context") or d.get("text")
        if d.get("reason"):
            text = f"{d['reason']}：{text or ''}"
        if text and len(edge.evidence) < EVIDENCE_PER_EDGE and text not in edge.evidence:
            edge.evidence.append(str(text))
    return list(folded.values())


def drawn(graph: nx.MultiDiGraph, target: str, data: dict, document: str | None) -> bool:
    """Whether an edge is part of a drawn line: a shown kind, of the document, a lead or support of a sector."""
    kind = data["kind"]
    if kind not in SHOWN_EDGES or (document is not None and data.get("doc") != document):
        return False
    return kind not in ("leads", "supports") or graph.nodes[target].get("kind") == "sector"


def column_order(graph: nx.MultiDiGraph, edges: list[ViewEdge], documents: list[str]) -> list[list[str]]:
    """Nodes of each column, ordered so edges cross little: departments by load, others by their neighbours.
    `documents` are shown even when no edge of theirs is."""
    nodes = {e.source for e in edges} | {e.target for e in edges} | set(documents)
    columns: list[list[str]] = [[] for _ in COLUMN_X]
    for n in nodes:
        columns[COLUMNS.get(graph.nodes[n].get("kind", ""), 3)].append(n)
    load: dict[str, int] = defaultdict(int)
    for e in edges:
        if e.kind == "leads":
            load[e.source] += 2 * e.count
        elif e.kind == "supports":
            load[e.source] += e.count
    columns[0].sort(key=lambda n: (bool(graph.nodes[n].get("external")), graph.nodes[n].get("label", n)))
    columns[1].sort(key=lambda n: (-load[n], graph.nodes[n].get("label", n)))
    position = {n: i for col in columns[:2] for i, n in enumerate(col)}
    for c in (2, 3):
        neighbours: dict[str, list[int]] = defaultdict(list)
        for e in edges:
            if e.target in columns[c] and e.source in position:
                neighbours[e.target].append(position[e.source])
        columns[c].sort(key=lambda n: (sum(neighbours[n]) / len(neighbours[n]) if neighbours[n] else 1e9, n))
    return columns


def view_counts(graph: nx.MultiDiGraph, shown: set[str], edges: list[ViewEdge], document: str | None = None) -> Counts:
    """What the page draws of the graph, kind by kind, against the graph's own counts. The page of one
    document leaves out the other documents' nodes too: it gives their numbers, not their names."""
    node_total = Counter(d.get("kind", "") for _, d in graph.nodes(data=True))
    node_drawn = Counter(graph.nodes[n].get("kind", "") for n in shown)
    left_out: dict[str, list[str]] = defaultdict(list)
    for n, d in graph.nodes(data=True):
        if n not in shown and d.get("kind") != "task" and document is None:
            left_out[d.get("kind", "")].append(str(d.get("label", n)))
    other = OTHER_DOCUMENTS if document is not None else ""
    edge_total = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    edge_drawn = Counter()
    lines = Counter()
    for e in edges:
        edge_drawn[e.kind] += e.count
        lines[e.kind] += 1
    node_kinds = tuple(
        KindCount(k, NODE_NAMES.get(k, k), node_total[k], node_drawn[k],
                  note=other + NODE_LEFT_OUT.get(k, "") if node_drawn[k] < node_total[k] else "",
                  left_out=names_once(left_out[k]))
        for k in ordered(node_total, NODE_KINDS)
    )  # fmt: skip
    edge_kinds = tuple(
        KindCount(k, EDGE_NAMES.get(k, k), edge_total[k], edge_drawn[k], lines[k],
                  other + EDGE_LEFT_OUT.get(k, PARALLEL) if lines[k] < edge_total[k] else "")
        for k in ordered(edge_total, EDGE_KINDS)
    )  # fmt: skip
    return Counts(graph.number_of_nodes(), graph.number_of_edges(), len(shown), len(edges),
                  sum(e.count for e in edges), node_kinds, edge_kinds)  # fmt: skip


def names_once(names: list[str]) -> tuple[str, ...]:
    """Names in order, each once, with how many nodes bear it (安全生产委员会 ×5: one per plan that names it)."""
    counted = Counter(names)
    return tuple(f"{n} ×{c}" if c > 1 else n for n, c in sorted(counted.items())[:NAMES_LEFT_OUT])


def ordered(counts: Counter, known: tuple[str, ...]) -> list[str]:
    """The kinds present, known ones in their usual order, then any other."""
    return [k for k in known if counts[k]] + sorted(k for k in counts if k not in known)


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_title(data: dict, label: str) -> str:
    """A node's tooltip: its full label, and for a sector the names the documents write it with."""
    written = [w for w in str(data.get("written_as", "")).split(ALIAS_SEP) if w and w != label]
    return f"{label}（文件写作 written as：{'、'.join(written)}）" if written else label


def edge_path(x1: int, y1: int, c1: int, x2: int, y2: int, c2: int) -> str:
    if c1 == c2:  # plan -> plan, or a document criticizing a document's column: an arc on the left
        bend = 60 + abs(y2 - y1) // 4
        return f"M{x1},{y1} C{x1 - bend},{y1} {x2 - bend},{y2} {x2},{y2}"
    mid = (x1 + x2) / 2
    return f"M{x1},{y1} C{mid:.0f},{y1} {mid:.0f},{y2} {x2},{y2}"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("docparse.graph", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def script_json(payload: object) -> Markup:
    """JSON safe inside a <script> element: no `</` or `<!--` that would end or hide it."""
    return Markup(json.dumps(payload, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--"))


def graph_html(graph: nx.MultiDiGraph, *, document: str | None = None, title: str | None = None) -> str:
    """The page, as a string: inline SVG for the drawing, inline JSON for the details, no external resource."""
    edges = view_edges(graph, document)
    documents = [document] if document else [n for n, d in graph.nodes(data=True) if d.get("kind") == "document" and not d.get("external")]
    columns = column_order(graph, edges, documents)
    longest = max((len(short(str(graph.nodes[n].get("label", n)))) for n in columns[3]), default=0)
    xy = {n: (COLUMN_X[c], TOP + i * ROW_HEIGHT, c) for c, col in enumerate(columns) for i, n in enumerate(col)}
    index = {n: i for i, n in enumerate(xy)}
    nodes = []
    for n, (x, y, c) in xy.items():
        data = graph.nodes[n]
        label = str(data.get("label", n))
        color = "#bbbbbb" if data.get("external") else NODE_COLOR.get(data.get("kind", ""), "#666666")
        nodes.append({"i": index[n], "kind": data.get("kind", ""), "x": x, "y": y, "anchor": LABEL_SIDE[c],
                      "dx": -9 if LABEL_SIDE[c] == "end" else 9, "color": color, "label": short(label),
                      "title": node_title(data, label)})  # fmt: skip
    lines = [
        {"k": k, "kind": e.kind, "s": index[e.source], "t": index[e.target],
         "d": edge_path(*xy[e.source], *xy[e.target]), "color": EDGE_STYLE[e.kind],
         "width": f"{min(1 + e.count * 0.6, 5):.1f}", "dashed": e.kind == "supports"}
        for k, e in enumerate(edges)
    ]  # fmt: skip
    payload = {
        "nodes": [{"id": n, **graph.nodes[n]} for n in xy],
        "edges": [{"kind": e.kind, "s": index[e.source], "t": index[e.target], "count": e.count, "evidence": e.evidence}
                  for e in edges],
    }  # fmt: skip
    return environment().get_template("graph.html.j2").render(
        title=title or (str(graph.nodes[document].get("label")) if document else "责任图 responsibility graph"),
        document=str(graph.nodes[document].get("label", document)) if document else None,
        width=COLUMN_X[3] + 20 + longest * CHAR_WIDTH,
        height=TOP + max((len(c) for c in columns), default=1) * ROW_HEIGHT + 40,
        heads=[{"x": x, "y": TOP - 30, "text": h} for x, h in zip(COLUMN_X, COLUMN_HEADS, strict=True)],
        nodes=nodes, lines=lines, data=script_json(payload), counts=view_counts(graph, set(xy), edges, document),
        toggles=[(k, EDGE_NAMES[k], EDGE_STYLE[k]) for k in SHOWN_EDGES],
    )  # fmt: skip


def save_html(graph: nx.MultiDiGraph, path: str | Path, *, document: str | None = None) -> Path:
    path = Path(path)
    path.write_text(graph_html(graph, document=document), encoding="utf-8")
    return path
