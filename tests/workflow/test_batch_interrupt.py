"""A `docparse batch` killed in the middle of a corpus resumes without redoing or losing a file."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

from docparse.batch_run import run_batch
from tests.helpers import SEEDS


def many_documents(folder, count: int) -> list[str]:
    """`count` distinct documents made from the seeds (each with its own closing line, so its own hash)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:04d}.txt").write_text(f"{seeds[i % len(seeds)].rstrip()}\n\n（副本 {i:04d}）\n", encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.txt"))


def complete_lines(path) -> int:
    data = path.read_bytes() if path.exists() else b""
    return data.count(b"\n")


def test_killed_batch_resumes_where_it_stopped(tmp_path):
    files = many_documents(tmp_path / "docs", 120)
    out = tmp_path / "out"
    jsonl = out / "documents.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "docparse", "batch", str(tmp_path / "docs"), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    while complete_lines(jsonl) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = complete_lines(jsonl)
    assert 10 <= finished < len(files), "the batch should have been stopped part-way"

    summary = run_batch([tmp_path / "docs"], out)

    assert summary.skipped == finished and summary.done == len(files) - finished and not summary.failures
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["file"] for line in lines) == files  # each file once, none lost
    assert summary.tables["documents"] == len(files)
