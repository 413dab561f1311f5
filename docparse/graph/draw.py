"""A picture of who leads and supports which sector: a department × sector grid (PNG, matplotlib).

A grid reads better than a node-link drawing when thirty departments meet thirty sectors: one row per
department, one column per sector in the plan's order, ● for a lead, ○ for a support. A column with several
leads (多头) has a tinted header, and a lead the reference does not expect for the sector is drawn in orange.
Chinese labels need a CJK font: `cjk_font()` finds one or says how to install it.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

from docparse.errors import DocparseError
from docparse.graph.audit import reference_kinds
from docparse.graph.build import SECTOR_SEP

# Fonts that cover simplified Chinese, best first; any font whose name says CJK also does.
CJK_FONT_NAMES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans CJK JP",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Source Han Serif SC", "SimHei",
    "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback",
)  # fmt: skip
FONT_ENV = "DOCPARSE_CJK_FONT"
LEAD, SUPPORT = "lead", "support"
COLORS = {"lead": "#b2182b", "unexpected": "#e08214", "support": "#2166ac", "multi": "#fde0dd", "grid": "#dddddd"}


class FontNotFoundError(DocparseError):
    """No font with Chinese characters: the labels would be empty boxes."""

    code = "E_NO_CJK_FONT"


class MissingDependencyError(DocparseError):
    code = "E_MISSING_DEPENDENCY"


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Path of a font with Chinese glyphs: $DOCPARSE_CJK_FONT, else the best installed one matplotlib knows."""
    from matplotlib import font_manager

    path = os.environ.get(FONT_ENV)
    if path:
        if not Path(path).is_file():
            raise FontNotFoundError(f"{FONT_ENV}={path} is not a file")
        return path
    # a font removed since matplotlib cached its list stays in that list: only files still on disk count
    fonts = {f.name: f.fname for f in font_manager.fontManager.ttflist if os.path.isfile(f.fname)}
    for name in CJK_FONT_NAMES:
        if name in fonts:
            return fonts[name]
    for name, fname in sorted(fonts.items()):
        if "CJK" in name or "Han Sans" in name or "WenQuanYi" in name:
            return fname
    found = font_installed_since_cache(set(fonts.values()))
    if found:
        return found
    raise FontNotFoundError(
        "no CJK font found for Chinese labels: install one (Debian/Ubuntu: apt-get install -y fonts-noto-cjk), "
        f"or set {FONT_ENV} to a .ttf/.otf/.ttc file"
    )


def font_installed_since_cache(known: set[str]) -> str | None:
    """A font file on disk with Chinese glyphs that matplotlib's font cache does not list yet.

    matplotlib builds its font list once and caches it, so `apt-get install fonts-noto-cjk` after that
    (the step our own error message recommends) is invisible to it until the cache is rebuilt.
    """
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    for fname in sorted(set(font_manager.findSystemFonts()) - known):
        try:
            if FT2Font(fname).get_char_index(ord("安")):
                font_manager.fontManager.addfont(fname)
                return fname
        except (OSError, RuntimeError, ValueError):
            continue
    return None


@dataclass(slots=True)
class AssignmentGrid:
    """Rows (department nodes), columns (sector names) and the role in each cell."""

    title: str
    departments: list[str]  # node ids
    labels: list[str]
    sectors: list[str]
    cells: dict[tuple[int, int], str]  # (row, column) -> lead / support
    unexpected: set[tuple[int, int]]  # lead cells the reference does not expect
    multi_head: set[int]  # columns that one document gives several leads (多头), not several plans one lead each


def assignment_grid(graph: nx.MultiDiGraph, document: str | None = None) -> AssignmentGrid:
    """The department × sector grid of one document (node id), or of the whole graph; a graph of one
    document is that document's grid. Rows are grouped by jurisdiction, then ordered by load."""
    if document is None:
        documents = [n for n, d in graph.nodes(data=True) if d.get("kind") == "document" and not d.get("external")]
        document = documents[0] if len(documents) == 1 else None
    edges = [
        (u, v, d) for u, v, d in graph.edges(data=True)
        if d["kind"] in ("leads", "supports") and graph.nodes[v].get("kind") == "sector"
        and (document is None or d.get("doc") == document)
    ]  # fmt: skip
    first: dict[str, tuple[int, int]] = {}
    role: dict[tuple[str, str], str] = {}
    expected: dict[tuple[str, str], bool] = {}
    leads_in_doc: dict[tuple[str, str], set[str]] = {}  # (document, sector) -> lead departments
    for u, v, d in edges:
        name = graph.nodes[v]["label"]
        task = graph.nodes.get(d.get("task", ""), {})
        topic = str(task.get("sector", name)).split(SECTOR_SEP)
        place = (task.get("span_start", 1 << 59), topic.index(name) if name in topic else 0)
        first[name] = min(first.get(name, place), place)
        key = (u, name)
        if d["kind"] == "leads" or key not in role:
            role[key] = LEAD if d["kind"] == "leads" else SUPPORT
        if d["kind"] == "leads":
            leads_in_doc.setdefault((d.get("doc", ""), name), set()).add(u)
            # judged against the whole topic, as the audit does: 交通运输 leading 水上交通和渔业船舶 is expected
            allowed = reference_kinds(topic)
            fits = not allowed or graph.nodes[u].get("regulator") in allowed
            expected[key] = expected.get(key, False) or fits
    sectors = sorted(first, key=lambda s: (first[s], s))
    load = {u: sum(2 if r == LEAD else 1 for (n, _), r in role.items() if n == u) for u, _ in role}
    places = Counter()  # jurisdiction -> total load, so the busiest place's bodies come first
    for n, w in load.items():
        places[graph.nodes[n].get("jurisdiction", "")] += w
    departments = sorted(load, key=lambda n: (-places[graph.nodes[n].get("jurisdiction", "")],
                                              graph.nodes[n].get("jurisdiction", ""), -load[n], graph.nodes[n].get("label", n)))
    row = {n: i for i, n in enumerate(departments)}
    col = {s: j for j, s in enumerate(sectors)}
    cells = {(row[n], col[s]): r for (n, s), r in role.items()}
    unexpected = {(row[n], col[s]) for (n, s), r in role.items() if r == LEAD and not expected.get((n, s), True)}
    multi_head = {col[s] for (_, s), leads in leads_in_doc.items() if len(leads) > 1}
    title = str(graph.nodes[document].get("label", document)) if document else "责任分工 (all documents)"
    labels = [str(graph.nodes[n].get("label", n)) for n in departments]
    return AssignmentGrid(title, departments, labels, sectors, cells, unexpected, multi_head)


def draw_assignments(graph: nx.MultiDiGraph, path: str | Path, *, document: str | None = None,
                     font: str | None = None, dpi: int = 150) -> Path:  # fmt: skip
    """Save the department × sector grid of a document (node id; default: the whole graph) as a PNG."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.font_manager import FontProperties
        from matplotlib.lines import Line2D
        from matplotlib.patches import Rectangle
    except ImportError as err:
        raise MissingDependencyError("pictures need matplotlib: pip install 'docparse[viz]'") from err
    grid = assignment_grid(graph, document)
    if not grid.sectors:
        raise DocparseError("no department leads or supports a sector here: nothing to draw", str(path))
    fp = FontProperties(fname=font or cjk_font())
    n_rows, n_cols = len(grid.departments), len(grid.sectors)
    label_width = max(len(s) for s in grid.labels) * 0.16 + 0.4
    width = label_width + n_cols * 0.36 + 0.6
    height = 2.2 + n_rows * 0.3
    fig = Figure(figsize=(width, height), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((label_width / width, 0.9 / height, (n_cols * 0.36) / width, (n_rows * 0.3) / height))
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    for c in sorted(grid.multi_head):
        ax.add_patch(Rectangle((c - 0.5, -0.5), 1, n_rows, color=COLORS["multi"], zorder=0))
    for r in range(n_rows):
        ax.axhline(r, color=COLORS["grid"], lw=0.5, zorder=1)
    for c in range(n_cols):
        ax.axvline(c, color=COLORS["grid"], lw=0.5, zorder=1)
    for (r, c), role in grid.cells.items():
        if role == LEAD:
            color = COLORS["unexpected"] if (r, c) in grid.unexpected else COLORS["lead"]
            ax.plot(c, r, "o", ms=8, color=color, zorder=3)
        else:
            ax.plot(c, r, "o", ms=7, mfc="white", mec=COLORS["support"], mew=1.5, zorder=3)
    ax.set_yticks(range(n_rows), grid.labels, fontproperties=fp, fontsize=9)
    ax.set_xticks(range(n_cols), grid.sectors, fontproperties=fp, fontsize=9, rotation=60, ha="left")
    ax.xaxis.tick_top()
    for c, tick in enumerate(ax.get_xticklabels()):
        if c in grid.multi_head:
            tick.set_color(COLORS["lead"])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.suptitle(grid.title, fontproperties=fp, fontsize=11, y=1 - 0.15 / height, va="top")
    legend = [
        Line2D([], [], marker="o", ls="", color=COLORS["lead"], label="牵头 lead"),
        Line2D([], [], marker="o", ls="", color=COLORS["unexpected"], label="牵头, 与参照不符 lead not in reference"),
        Line2D([], [], marker="o", ls="", mfc="white", mec=COLORS["support"], label="配合 support"),
        Rectangle((0, 0), 1, 1, color=COLORS["multi"], label="多头牵头 several leads"),
    ]
    fig.legend(handles=legend, loc="lower center", ncol=4, prop=fp, frameon=False, fontsize=8)
    path = Path(path)
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    return path
