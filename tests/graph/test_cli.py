"""`docparse graph FILES -o …` and `docparse graph FILES --audit`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from docparse.cli import main
from docparse.graph import load
from tests.helpers import seed


def test_graph_to_graphml_and_back(tmp_path):
    out = tmp_path / "graph.graphml"
    result = CliRunner().invoke(main, ["graph", str(seed("001")), str(seed("000")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = load(out)
    assert "dept:昆明市应急管理局" in graph
    assert "written to" in result.stderr


def test_audit_as_json():
    result = CliRunner().invoke(main, ["graph", str(seed("001")), "--audit", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    topics = {f["topic"] for f in report["multi_head"]}
    assert {"道路运输", "建筑施工", "水上交通、渔业船舶"} <= topics


def test_audit_as_table():
    result = CliRunner().invoke(main, ["graph", str(seed("001")), "--audit"])
    assert result.exit_code == 0, result.output
    assert "道路运输" in result.stdout and "昆明市滇池管理局" in result.stdout


def test_nothing_asked_is_a_usage_error():
    result = CliRunner().invoke(main, ["graph", str(seed("001"))])
    assert result.exit_code == 2


def test_unreadable_file_is_reported_and_the_rest_is_done(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "g.json"
    result = CliRunner().invoke(main, ["graph", str(seed("001")), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and out.exists()


def test_pictures_by_suffix(tmp_path):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["graph", str(seed("001")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('class="node"') > 20
