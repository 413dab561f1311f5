"""The interactive view: one self-contained file that a headless browser renders with its nodes."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from docparse.graph.html import graph_html, save_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def browser() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


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
    assert int(rendered.group(1)) == nodes > 50
    assert re.search(r'<span id="status">\d+ nodes, \d+ edges', dom)
