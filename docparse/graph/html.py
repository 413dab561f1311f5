"""An interactive view of a responsibility graph as one self-contained HTML file (inline SVG and a little JS).

Nothing is loaded from a network, so the page works on an intranet machine. Columns, left to right:
documents, departments, sectors, then the regions and enterprises criticized. Tasks are folded into their
department → sector edges (the count of tasks is the edge's weight). Hover a node to see its links, click it
for its attributes and evidence, untick an edge kind to hide it, type in the box to find a name.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import networkx as nx

COLUMNS = {"document": 0, "department": 1, "sector": 2, "region": 3, "enterprise": 3}
COLUMN_X = (330, 620, 850, 1060)
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


@dataclass(slots=True)
class ViewEdge:
    source: str
    target: str
    kind: str
    count: int = 0
    evidence: list[str] = field(default_factory=list)


def view_edges(graph: nx.MultiDiGraph, document: str | None) -> list[ViewEdge]:
    """The edges shown: one per (source, target, kind), counting the tasks or mentions folded into it."""
    folded: dict[tuple[str, str, str], ViewEdge] = {}
    for u, v, d in graph.edges(data=True):
        kind = d["kind"]
        if kind not in SHOWN_EDGES or (document is not None and d.get("doc") != document):
            continue
        if kind in ("leads", "supports") and graph.nodes[v].get("kind") != "sector":
            continue
        edge = folded.setdefault((u, v, kind), ViewEdge(u, v, kind))
        edge.count += 1
        text = d.get("context") or d.get("text")
        if d.get("reason"):
            text = f"{d['reason']}：{text or ''}"
        if text and len(edge.evidence) < EVIDENCE_PER_EDGE and text not in edge.evidence:
            edge.evidence.append(str(text))
    return list(folded.values())


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


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def graph_html(graph: nx.MultiDiGraph, *, document: str | None = None, title: str | None = None) -> str:
    """The page, as a string: inline SVG for the drawing, inline JSON for the details, no external resource."""
    edges = view_edges(graph, document)
    documents = [document] if document else [n for n, d in graph.nodes(data=True) if d.get("kind") == "document" and not d.get("external")]
    columns = column_order(graph, edges, documents)
    longest = max((len(short(str(graph.nodes[n].get("label", n)))) for n in columns[3]), default=0)
    width = COLUMN_X[3] + 20 + longest * CHAR_WIDTH
    xy: dict[str, tuple[int, int, int]] = {}
    for c, col in enumerate(columns):
        for i, n in enumerate(col):
            xy[n] = (COLUMN_X[c], TOP + i * ROW_HEIGHT, c)
    height = TOP + max((len(c) for c in columns), default=1) * ROW_HEIGHT + 40
    index = {n: i for i, n in enumerate(xy)}
    title = title or (str(graph.nodes[document].get("label")) if document else "责任图 responsibility graph")

    paths = []
    for k, e in enumerate(edges):
        x1, y1, c1 = xy[e.source]
        x2, y2, c2 = xy[e.target]
        if c1 == c2:  # plan -> plan, or a document criticizing a document's column: an arc on the left
            bend = 60 + abs(y2 - y1) // 4
            d = f"M{x1},{y1} C{x1 - bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        else:
            mid = (x1 + x2) / 2
            d = f"M{x1},{y1} C{mid:.0f},{y1} {mid:.0f},{y2} {x2},{y2}"
        stroke = min(1 + e.count * 0.6, 5)
        dash = ' stroke-dasharray="4 3"' if e.kind == "supports" else ""
        paths.append(
            f'<path class="edge" data-k="{k}" data-kind="{e.kind}" data-s="{index[e.source]}" data-t="{index[e.target]}" '
            f'd="{d}" stroke="{EDGE_STYLE[e.kind]}" stroke-width="{stroke:.1f}"{dash}/>'
        )
    circles = []
    for n, (x, y, c) in xy.items():
        data = graph.nodes[n]
        kind = data.get("kind", "")
        label = str(data.get("label", n))
        anchor = LABEL_SIDE[c]
        dx = -9 if anchor == "end" else 9
        color = "#bbbbbb" if data.get("external") else NODE_COLOR.get(kind, "#666666")
        circles.append(
            f'<g class="node" data-i="{index[n]}" data-kind="{escape(kind)}" transform="translate({x},{y})">'
            f'<circle r="6" fill="{color}"/><text x="{dx}" dy="4" text-anchor="{anchor}">{escape(short(label))}</text>'
            f"<title>{escape(label)}</title></g>"
        )
    headers = "".join(
        f'<text class="head" x="{x}" y="{TOP - 30}" text-anchor="middle">{escape(h)}</text>'
        for x, h in zip(COLUMN_X, ("文件 documents", "部门 departments", "行业领域 sectors", "被通报 criticized"))
    )
    payload = {
        "nodes": [{"id": n, **{k: v for k, v in graph.nodes[n].items()}} for n in xy],
        "edges": [{"kind": e.kind, "s": index[e.source], "t": index[e.target], "count": e.count, "evidence": e.evidence}
                  for e in edges],
    }  # fmt: skip
    data = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    toggles = "".join(
        f'<label><input type="checkbox" data-edge-kind="{k}" checked> <span style="color:{EDGE_STYLE[k]}">{k}</span></label> '
        for k in SHOWN_EDGES
    )
    return PAGE.format(
        title=escape(title), width=width, height=height, headers=headers, edges="\n".join(paths),
        nodes="\n".join(circles), data=data, toggles=toggles, script=SCRIPT, count=len(xy),
    )  # fmt: skip


def save_html(graph: nx.MultiDiGraph, path: str | Path, *, document: str | None = None) -> Path:
    path = Path(path)
    path.write_text(graph_html(graph, document=document), encoding="utf-8")
    return path


PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; }}
header {{ padding: 8px 14px; border-bottom: 1px solid #ddd; }}
header h1 {{ font-size: 16px; margin: 0 0 6px 0; }}
header label {{ font-size: 13px; margin-right: 8px; }}
#find {{ font-size: 13px; padding: 2px 6px; width: 180px; }}
main {{ display: flex; }}
#canvas {{ flex: 1; overflow: auto; }}
#details {{ width: 340px; border-left: 1px solid #ddd; padding: 8px 12px; font-size: 13px; overflow: auto; max-height: 95vh; }}
#details td {{ vertical-align: top; padding: 1px 4px; }}
#details li {{ margin-bottom: 4px; }}
svg text {{ font-size: 12px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }}
svg text.head {{ font-weight: bold; font-size: 13px; }}
.edge {{ fill: none; opacity: .45; }}
.node {{ cursor: pointer; }}
.dim {{ opacity: .08; }}
.node.dim {{ opacity: .2; }}
.hit circle {{ stroke: #000; stroke-width: 2px; }}
.hidden {{ display: none; }}
</style></head>
<body>
<header><h1>{title}</h1>{toggles}<input id="find" placeholder="查找 find a name"> <span id="status">{count} nodes</span></header>
<main><div id="canvas"><svg id="graph" width="{width}" height="{height}" viewBox="0 0 {width} {height}">
{headers}
<g id="edges">
{edges}
</g>
<g id="nodes">
{nodes}
</g>
</svg></div>
<aside id="details"><p>Click a node for its attributes and evidence.</p></aside></main>
<script type="application/json" id="graph-data">{data}</script>
<script>{script}</script>
</body></html>
"""

SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = Array.prototype.slice.call(document.querySelectorAll('.node'));
  var edges = Array.prototype.slice.call(document.querySelectorAll('.edge'));
  var hiddenKinds = {};
  var pinned = null;
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function visible(e) { return !hiddenKinds[e.getAttribute('data-kind')]; }
  function highlight(i) {
    if (i === null) {
      nodes.forEach(function (n) { n.classList.remove('dim'); });
      edges.forEach(function (e) { e.classList.remove('dim'); });
      return;
    }
    var near = {}; near[i] = true;
    edges.forEach(function (e) {
      var s = e.getAttribute('data-s'), t = e.getAttribute('data-t');
      var on = visible(e) && (s == i || t == i);
      if (on) { near[s] = true; near[t] = true; }
      e.classList.toggle('dim', !on);
    });
    nodes.forEach(function (n) { n.classList.toggle('dim', !near[n.getAttribute('data-i')]); });
  }
  function details(i) {
    var node = data.nodes[i], rows = '';
    Object.keys(node).forEach(function (k) { rows += '<tr><td>' + esc(k) + '</td><td>' + esc(node[k]) + '</td></tr>'; });
    var items = '';
    data.edges.forEach(function (e) {
      if (e.s != i && e.t != i) return;
      var other = data.nodes[e.s == i ? e.t : e.s];
      var dir = e.s == i ? '→' : '←';
      items += '<li><b>' + esc(e.kind) + '</b> ' + dir + ' ' + esc(other.label || other.id) +
        (e.count > 1 ? ' ×' + e.count : '') +
        (e.evidence.length ? '<br><small>' + e.evidence.map(esc).join('<br>') + '</small>' : '') + '</li>';
    });
    document.getElementById('details').innerHTML =
      '<h3>' + esc(node.label || node.id) + '</h3><table>' + rows + '</table><ul>' + items + '</ul>';
  }
  nodes.forEach(function (n) {
    var i = n.getAttribute('data-i');
    n.addEventListener('mouseenter', function () { if (pinned === null) highlight(i); });
    n.addEventListener('mouseleave', function () { if (pinned === null) highlight(null); });
    n.addEventListener('click', function () {
      pinned = pinned === i ? null : i;
      highlight(pinned);
      if (pinned !== null) details(i);
    });
  });
  document.querySelectorAll('input[data-edge-kind]').forEach(function (box) {
    box.addEventListener('change', function () {
      hiddenKinds[box.getAttribute('data-edge-kind')] = !box.checked;
      edges.forEach(function (e) { e.classList.toggle('hidden', !visible(e)); });
      highlight(pinned);
    });
  });
  document.getElementById('find').addEventListener('input', function (ev) {
    var q = ev.target.value.trim();
    nodes.forEach(function (n) {
      var label = data.nodes[n.getAttribute('data-i')].label || '';
      n.classList.toggle('hit', q !== '' && label.indexOf(q) >= 0);
    });
  });
  document.getElementById('status').textContent = nodes.length + ' nodes, ' + edges.length + ' edges';
  // How many nodes the browser laid out inside the drawing: what a reader can see, for tests and checks.
  var box = document.getElementById('graph').getBoundingClientRect();
  var shown = nodes.filter(function (n) {
    var r = n.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    return r.width > 0 && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }).length;
  document.documentElement.setAttribute('data-rendered', String(shown));
})();
"""
