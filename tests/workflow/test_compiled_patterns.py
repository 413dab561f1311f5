"""Compiled regular expressions kept between processes (docparse.compiled_patterns)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "corpora" / "real" / "docs" / "r393_tongzhi.txt"

READ_AND_REPORT = """
import json, re, sys
import docparse
import docparse.compiled_patterns as saved
from docparse.export.json import to_jsonable
doc = docparse.read(sys.argv[1])
print(json.dumps({"loaded": len(saved._loaded), "extraction": to_jsonable(doc.extraction)}, ensure_ascii=False))
"""


def fresh_read(cache_dir: Path) -> dict:
    env = {**os.environ, "DOCPARSE_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_REPORT, str(REAL)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_a_later_process_uses_the_saved_programs_and_extracts_the_same(tmp_path):
    first = fresh_read(tmp_path)
    saved = list((tmp_path / "built").glob("regex-*.marshal"))
    second = fresh_read(tmp_path)
    assert first["loaded"] == 0
    assert len(saved) == 1
    assert second["loaded"] > 200  # docparse compiles about 300 patterns
    assert second["extraction"] == first["extraction"]
    assert second["extraction"]["tasks"] or second["extraction"]["deadlines"]


def test_a_damaged_file_is_ignored(tmp_path):
    fresh_read(tmp_path)
    (saved,) = (tmp_path / "built").glob("regex-*.marshal")
    saved.write_bytes(saved.read_bytes()[:1000])
    again = fresh_read(tmp_path)
    assert again["loaded"] == 0
    assert again["extraction"] == fresh_read(tmp_path)["extraction"]
