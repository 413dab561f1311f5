import json

from click.testing import CliRunner

from docparse.cli import main
from tests.helpers import seed

TOP_KEYS = {
    "meta", "sections", "tasks", "deadlines", "recurrences", "departments",
    "regions", "problems", "entities_criticized", "metrics", "checks",
}


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_text_prints_the_source_text_spans_point_into():
    result = run("text", str(seed("000")))
    assert result.exit_code == 0
    assert result.stdout == seed("000").read_text(encoding="utf-8")


def test_extract_prints_one_json_object_with_the_contract_keys():
    result = run("extract", str(seed("000")), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert TOP_KEYS <= set(data)
    assert data["meta"]["date"] == "2018-04-20"
    assert set(data["meta"]) >= {"title", "doc_type", "doc_number", "issuer", "date", "recipients"}
    text = seed("000").read_text(encoding="utf-8")
    for section in data["sections"]:
        start, end = section["span"]
        assert section["heading"].replace("（", "(")[:2] in text[start:end].replace("（", "(")


def test_batch_goes_on_after_a_failure_and_exits_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 20)
    result = run("extract", str(seed("002")), str(empty), str(junk), str(seed("003")))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert lines[1] == {"file": str(empty), "error": {"code": "E_EMPTY", "message": "file is empty"}}
    assert lines[2]["error"]["code"] == "E_NOT_DOCUMENT"
    assert lines[3]["meta"]["doc_type"] == "访谈"
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"docparse: {empty}: file is empty"
    assert errors[-1] == "docparse: 2 of 4 file(s) failed"
    assert "Traceback" not in result.stderr


def test_directory_gives_json_lines(tmp_path):
    for prefix in ("000", "002"):
        (tmp_path / seed(prefix).name).write_bytes(seed(prefix).read_bytes())
    result = run("extract", str(tmp_path))
    assert result.exit_code == 0
    assert [json.loads(x)["file"].rsplit("/", 1)[-1] for x in result.stdout.splitlines()] == sorted(
        seed(p).name for p in ("000", "002")
    )


def test_missing_file_is_one_line_error():
    result = run("text", "no/such/file.pdf")
    assert result.exit_code == 1
    assert result.stderr.strip() == "docparse: no/such/file.pdf: no such file"


def test_stdin_is_read_when_the_path_is_dash():
    result = run("extract", "-", input=seed("000").read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["meta"]["doc_number"] == "云安办〔2018〕19号"


def test_parse_table_shows_outline_roles():
    result = run("parse", str(seed("002")), "--format", "table")
    assert result.exit_code == 0
    assert "存在问题" in result.stdout and "problems" in result.stdout


def test_unknown_stage_is_a_usage_error():
    result = run("extract", str(seed("000")), "--disable", "nonsense")
    assert result.exit_code == 2
    assert "nonsense" in result.stderr


def test_relative_directory_above_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "docs" / ".hidden").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_bytes(seed("000").read_bytes())
    (tmp_path / "docs" / ".hidden" / "b.txt").write_bytes(seed("000").read_bytes())
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    from docparse.batch import collect_files

    assert collect_files(["../docs"]) == ["../docs/a.txt"]
