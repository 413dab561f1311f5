"""The interactive view: one self-contained file that a headless browser renders with its nodes, and that
counts the graph as the CLI does."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from docparse.cli import main
from docparse.graph.html import graph_html, save_html
from tests.helpers import seed

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def browser() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


def counts(page: str) -> dict[str, int]:
    """The counts the page states in its header (data-nodes="214" …)."""
    head = re.search(r'<div id="counts"([^>]*)>', page).group(1)
    return {k: int(v) for k, v in re.findall(r'data-([a-z-]+)="(\d+)"', head)}


def kind_rows(page: str, what: str) -> dict[str, tuple[int, int]]:
    """Per kind of node or edge: (in the graph, drawn), from the page's table of what is not drawn."""
    rows = re.findall(rf'<tr data-{what}-kind="(\w+)"><td>[^<]*</td><td class="n">(\d+)</td><td class="n">(\d+)', page)
    return {k: (int(total), int(drawn)) for k, total, drawn in rows}


def test_page_counts_the_graph_as_the_cli_does(tmp_path):
    """The header's totals are the CLI's; what is drawn is told apart, kind by kind, so no two totals clash."""
    out = tmp_path / "graph.html"
    files = [str(seed(p)) for p in ("000", "001", "002")]
    result = CliRunner().invoke(main, ["graph", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    cli_nodes, cli_edges = map(int, re.search(r"(\d+) nodes, (\d+) edges written", result.stderr).groups())
    page = out.read_text(encoding="utf-8")
    stated = counts(page)
    assert (stated["nodes"], stated["edges"]) == (cli_nodes, cli_edges)
    assert f"<b>{cli_nodes}</b> 个节点 nodes，<b>{cli_edges}</b> 条边 edges" in page
    # what the drawing has: fewer, said so, and each kind adds up to the graph's count
    assert stated["drawn-nodes"] == page.count('class="node"') < cli_nodes
    assert stated["drawn-lines"] == page.count('class="edge"') <= stated["drawn-edges"] < cli_edges
    nodes, edges = kind_rows(page, "node"), kind_rows(page, "edge")
    assert sum(t for t, _ in nodes.values()) == cli_nodes and sum(d for _, d in nodes.values()) == stated["drawn-nodes"]
    assert sum(t for t, _ in edges.values()) == cli_edges and sum(d for _, d in edges.values()) == stated["drawn-edges"]
    assert nodes["task"][1] == 0 and "并入“部门→行业领域”连线" in page


def test_page_of_a_graph_states_its_counts(merged_graph, plan_node):
    for page in (graph_html(merged_graph), graph_html(merged_graph, document=plan_node)):
        stated = counts(page)
        assert (stated["nodes"], stated["edges"]) == (merged_graph.number_of_nodes(), merged_graph.number_of_edges())
        assert stated["drawn-nodes"] == page.count('class="node"')
    assert "本页只画文件" in graph_html(merged_graph, document=plan_node)


def test_sector_nodes_show_the_plans_own_names(plan_graph):
    page = graph_html(plan_graph)
    assert "<title>文化旅游（文件写作 written as：文化和旅游）</title>" in page


def test_page_loads_nothing_from_outside(merged_graph):
    page = graph_html(merged_graph)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert page.count('class="node"') > 50
    assert "昆明市应急管理局" in page and "青山客运有限责任公司" in page


def test_page_of_one_document(merged_graph, plan_node):
    page = graph_html(merged_graph, document=plan_node)
    assert "昆明市应急管理局" in page and "青山客运有限责任公司" not in page


def test_chromium_renders_the_nodes(merged_graph, tmp_path):
    exe = browser()
    if exe is None:
        pytest.skip("chromium not installed (apt-get install -y chromium): cannot open the HTML view headless")
    path = save_html(merged_graph, tmp_path / "graph.html")
    nodes = path.read_text(encoding="utf-8").count('class="node"')
    profile = tmp_path / "profile"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1600,1200",
           "--dump-dom", path.as_uri()]  # fmt: skip
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=90).stdout
    rendered = re.search(r'data-rendered="(\d+)"', dom)
    assert rendered, "the page's script did not run"
    assert int(rendered.group(1)) == nodes == counts(dom)["drawn-nodes"] > 50
    assert int(re.search(r'data-rendered-lines="(\d+)"', dom).group(1)) == counts(dom)["drawn-lines"]
    assert counts(dom)["nodes"] == merged_graph.number_of_nodes()
