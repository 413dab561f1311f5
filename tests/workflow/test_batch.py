import json
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from docparse.batch_run import OutputExistsError, run_batch
from docparse.cli import main
from tests.helpers import SEEDS


@pytest.fixture()
def docs(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_batch_writes_jsonl_and_parquet(docs, tmp_path):
    summary = run_batch([docs], tmp_path / "out")
    assert summary.done == 5 and [f.error_code for f in summary.failures] == ["E_EMPTY"]
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    tasks = pd.read_parquet(tmp_path / "out" / "tables" / "tasks.parquet")
    assert len(tasks) == summary.tables["tasks"] > 0


def test_one_process_and_two_give_the_same_documents(docs, tmp_path):
    outputs = []
    for jobs in (1, 2):
        summary = run_batch([docs], tmp_path / f"out{jobs}", jobs=jobs)
        assert summary.done == 5 and len(summary.failures) == 1
        outputs.append((tmp_path / f"out{jobs}" / "documents.jsonl").read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_interrupted_batch_resumes_without_redoing_or_losing_files(docs, tmp_path):
    out = tmp_path / "out"
    run_batch([docs], out)
    jsonl = out / "documents.jsonl"
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    # an interruption: two documents finished, the third half written
    jsonl.write_text(lines[0] + "\n" + lines[1] + "\n" + lines[2][:100], encoding="utf-8")
    summary = run_batch([docs], out)
    assert (summary.skipped, summary.done) == (2, 3)
    files = [json.loads(x)["file"] for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert sorted(files) == sorted(str(p) for p in docs.glob("0*.txt"))


def test_never_writes_into_a_folder_with_other_files(docs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.docx").write_bytes(b"mine")
    with pytest.raises(OutputExistsError):
        run_batch([docs], out)
    assert (out / "notes.docx").read_bytes() == b"mine"


def test_force_starts_over(docs, tmp_path):
    out = tmp_path / "out"
    run_batch([docs], out)
    summary = run_batch([docs], out, force=True)
    assert summary.done == 5 and summary.skipped == 0


def test_batch_command_reports_failures_and_exit_status(docs, tmp_path):
    result = CliRunner().invoke(main, ["batch", str(docs), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.stderr
    assert "5 done, 0 already done, 1 failed" in result.stderr
