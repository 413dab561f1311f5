import json

from click.testing import CliRunner

from docparse.cli import main


def test_copycheck_against_json(copy_dir, seed_plan):
    result = CliRunner().invoke(main, ["copycheck", str(copy_dir / "county_copy.txt"), "--against", str(seed_plan), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"] == "copied" and data["references"][0]["score"] >= 0.9


def test_index_add_then_check(tmp_path, copy_dir, seed_plan, plan_dir):
    index = str(tmp_path / "ix.sqlite")
    runner = CliRunner()
    added = runner.invoke(main, ["index", "add", str(seed_plan), str(plan_dir), "--index", index])
    assert added.exit_code == 0, added.output
    checked = runner.invoke(main, ["copycheck", str(copy_dir / "county_copy.txt"), "--index", index, "--format", "html", "-o", str(tmp_path / "r.html")])
    assert checked.exit_code == 0, checked.output
    assert "<mark" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_copycheck_corpus_and_usage_errors(tmp_path, copy_dir):
    runner = CliRunner()
    result = runner.invoke(main, ["copycheck", "--corpus", str(copy_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == "docparse.copycheck.corpus"
    assert runner.invoke(main, ["copycheck", str(copy_dir / "county_copy.txt")]).exit_code == 2


def test_index_add_goes_on_past_a_bad_file_and_reports_it(tmp_path, seed_plan):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    index = str(tmp_path / "ix.sqlite")
    result = CliRunner().invoke(main, ["index", "add", str(empty), str(seed_plan), "--index", index])
    assert result.exit_code == 1
    assert f"docparse: {empty}: " in result.stderr and "1 added, 1 in" in result.stderr and "1 failed" in result.stderr


def test_copycheck_reads_the_checked_plan_from_stdin(copy_dir, seed_plan, tmp_path):
    plan = (copy_dir / "county_copy.txt").read_bytes()
    runner = CliRunner()
    result = runner.invoke(main, ["copycheck", "-", "--against", str(seed_plan), "--format", "json"], input=plan)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["checked"]["path"] == "<stdin>"
    assert data["checked"]["title"] == "嵩明县重大事故隐患专项排查整治2023行动方案"
    assert data["verdict"] == "copied" and data["references"][0]["score"] >= 0.9
    page = tmp_path / "r.html"
    html = runner.invoke(main, ["copycheck", "-", "--against", str(seed_plan), "--format", "html", "-o", str(page)], input=plan)
    assert html.exit_code == 0, html.output
    assert "<h1>嵩明县重大事故隐患专项排查整治2023行动方案" in page.read_text(encoding="utf-8")
    # stdin is one plan: it cannot also be a reference
    both = runner.invoke(main, ["copycheck", str(seed_plan), "--against", "-"], input=plan)
    assert both.exit_code == 2 and "stdin" in both.stderr
    empty = runner.invoke(main, ["copycheck", "-", "--against", str(seed_plan)], input=b"")
    assert empty.exit_code == 1 and "docparse: <stdin>: " in empty.stderr
