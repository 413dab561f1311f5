"""Faults an operator meets: output folders that are missing, files that are not docparse's own,
damaged or foreign index files, two writers on one index, cache entries edited by hand."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

import docparse
from docparse.batch_run import OutputExistsError, run_batch
from docparse.cli import main
from docparse.copycheck import CopyIndex
from docparse.batch import file_sha256
from docparse.corpus import JsonCache
from docparse.errors import DocparseError, OutputError
from docparse.export.excel import save_task_list
from tests.helpers import ROOT, SEEDS, seed

PLANS = sorted((ROOT / "bench" / "copycheck_data" / "plans").glob("*.txt"))


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("docparse:")]
    assert "Traceback" not in result.output and lines, result.output
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["tasks", str(seed("001")), "-o", "{missing}/任务清单.xlsx"],
        ["graph", str(seed("001")), "-o", "{missing}/g.graphml"],
        ["copycheck", str(seed("001")), "--against", str(seed("000")), "-o", "{missing}/r.html", "--format", "html"],
    ],
    ids=["tasks", "graph", "copycheck"],
)
def test_a_missing_output_folder_is_one_line_naming_it(tmp_path, args):
    missing = tmp_path / "no-such-folder"
    result = CliRunner().invoke(main, [a.replace("{missing}", str(missing)) for a in args])
    assert result.exit_code == 1
    line = one_line_error(result)
    assert str(missing) in line and "folder does not exist" in line


def test_batch_into_an_output_path_under_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(seed("000")), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert "cannot write there" in one_line_error(result)
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_the_library_raises_output_error_not_os_error(tmp_path):
    doc = docparse.read(seed("001"))
    with pytest.raises(OutputError):
        save_task_list(doc, tmp_path / "missing" / "t.csv")
    with pytest.raises(OutputError):
        save_task_list(doc, tmp_path / "t.txt")


@pytest.mark.parametrize("name", ["documents.jsonl", "batch.json", "failures.jsonl"])
def test_batch_never_touches_a_users_own_file_with_its_names(tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    own = out / name
    own.write_text("my own notes, not JSON\n", encoding="utf-8")
    for force in (False, True):
        with pytest.raises(OutputExistsError) as info:
            run_batch([seed("000")], out, force=force)
        assert info.value.path == str(own)
    assert own.read_text(encoding="utf-8") == "my own notes, not JSON\n"


def test_an_interrupted_first_batch_still_resumes(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    out = tmp_path / "out"
    run_batch([docs], out)
    manifest = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    (out / "batch.json").write_text(json.dumps({**manifest, "status": "running"}), encoding="utf-8")
    summary = run_batch([docs], out)
    assert summary.skipped == 5 and summary.done == 0


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_index_add_refuses_a_database_that_is_not_an_index(tmp_path):
    db_path = tmp_path / "mine.sqlite"
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE customers (name TEXT)")
    db.execute("INSERT INTO customers VALUES ('甲')")
    db.commit()
    db.close()
    before = sha(db_path)
    result = CliRunner().invoke(main, ["index", "add", str(seed("001")), "--index", str(db_path)])
    assert result.exit_code == 1 and "not a docparse index" in one_line_error(result)
    assert sha(db_path) == before


@pytest.mark.parametrize("content", [None, b""], ids=["missing", "empty"])
def test_a_query_against_a_missing_or_empty_index_is_an_error(tmp_path, content):
    path = tmp_path / "plans.db"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["copycheck", str(seed("001")), "--index", str(path)])
    assert result.exit_code == 1
    assert str(path) in one_line_error(result)
    with pytest.raises(DocparseError):
        CopyIndex(str(path)).check(seed("001"))


def test_a_damaged_index_is_one_line(tmp_path):
    path = tmp_path / "plans.db"
    index = CopyIndex(str(path))
    index.add([seed("001")])
    index.storage.close()  # checkpoints the write-ahead log into the file
    data = path.read_bytes()
    path.write_bytes(data[:16] + b"\xa5" * (len(data) - 16))  # the SQLite magic, then garbage
    result = CliRunner().invoke(main, ["copycheck", str(seed("000")), "--index", str(path)])
    assert result.exit_code == 1 and str(path) in one_line_error(result)


def add_plans(index_path: str, plans: list[str]) -> None:
    CopyIndex(index_path).add(plans)


def test_two_writer_processes_record_every_plan(tmp_path):
    path = str(tmp_path / "plans.db")
    halves = [[str(p) for p in PLANS[0::2]], [str(p) for p in PLANS[1::2]]]
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=add_plans, args=(path, half)) for half in halves]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=300)
        assert w.exitcode == 0
    index = CopyIndex(path)
    assert len(index) == len(PLANS)
    assert index.boilerplate().frequency.n_documents == len(PLANS)


@pytest.mark.parametrize("entry", ["{}", "[]", '{"schema": "docparse.document"}', "not json"])
def test_a_cache_entry_that_does_not_validate_is_recomputed(tmp_path, entry):
    path = seed("001")
    cache = JsonCache(tmp_path)
    fresh = docparse.Corpus([path], cache_dir=tmp_path, max_workers=1)
    n_tasks = len(fresh.tasks())
    assert n_tasks > 0
    target = cache._path(file_sha256(str(path)))
    target.write_text(entry, encoding="utf-8")
    again = docparse.Corpus([path], cache_dir=tmp_path, max_workers=1)
    assert len(again.tasks()) == n_tasks
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["sha256"] == file_sha256(str(path))


def test_a_file_over_its_time_budget_becomes_an_error_line(monkeypatch, tmp_path):
    import time

    from docparse.batch import read_one

    monkeypatch.setenv("DOCPARSE_FILE_TIMEOUT", "0.2")
    started = time.monotonic()
    result = read_one(lambda path: time.sleep(5), str(seed("000")))
    assert result.error_code == "E_TIMEOUT" and "DOCPARSE_FILE_TIMEOUT" in result.error
    assert time.monotonic() - started < 4


def test_the_time_budget_leaves_normal_files_alone(monkeypatch):
    monkeypatch.setenv("DOCPARSE_FILE_TIMEOUT", "600")
    results = list(docparse.read_many([seed("000"), seed("001")]))
    assert all(r.ok for r in results)
