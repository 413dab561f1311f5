"""The corpus cache as a user meets it: `docparse cache info|clear`, and results of older code never served."""

from __future__ import annotations

import json

from click.testing import CliRunner

import docparse
from docparse.cli import main
from docparse.batch import file_sha256
from docparse.corpus import JsonCache, code_fingerprint
from docparse.model import SCHEMA_VERSION
from tests.helpers import seed


def test_cache_command_shows_and_clears_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCPARSE_CACHE_DIR", str(tmp_path / "cache"))
    docparse.Corpus([seed("000"), seed("002")], max_workers=1)
    info = CliRunner().invoke(main, ["cache", "info"])
    assert info.exit_code == 0 and str(tmp_path / "cache") in info.stdout and "2 documents" in info.stdout
    cleared = CliRunner().invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and "2 cached documents deleted" in cleared.stderr
    assert "0 documents" in CliRunner().invoke(main, ["cache", "info"]).stdout


def test_results_of_other_code_are_not_served(tmp_path):
    """The key holds a fingerprint of docparse's code and data: an extractor changed under the same
    version number gets a fresh cache instead of stale results."""
    store = JsonCache(tmp_path)
    assert store.version == f"{docparse.__version__}-{SCHEMA_VERSION}-{code_fingerprint()}"
    sha = file_sha256(str(seed("000")))
    stale = tmp_path / f"{docparse.__version__}-{SCHEMA_VERSION}-0123456789ab" / sha[:2] / f"{sha}.json"
    stale.parent.mkdir(parents=True)
    stale.write_text(json.dumps({"file": "x", "meta": {"doc_type": "STALE"}}), encoding="utf-8")
    corpus = docparse.Corpus([seed("000")], cache_dir=tmp_path, max_workers=1)
    assert corpus.documents()["doc_type"].tolist() == ["通报"]
    assert (tmp_path / store.version / sha[:2] / f"{sha}.json").exists()
    docparse.Corpus.clear_cache(tmp_path, all_versions=True)
    assert not any(tmp_path.rglob("*.json"))


def test_clearing_never_touches_other_files_in_the_cache_folder(tmp_path, monkeypatch):
    """DOCPARSE_CACHE_DIR may point at a shared folder: only docparse's version folders go."""
    monkeypatch.setenv("DOCPARSE_CACHE_DIR", str(tmp_path))
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "project-2024").mkdir()
    (tmp_path / "project-2024" / "data.json").write_text("{}", encoding="utf-8")
    docparse.Corpus([seed("000")], max_workers=1)
    assert CliRunner().invoke(main, ["cache", "clear"]).exit_code == 0
    assert (tmp_path / "notes.txt").exists() and (tmp_path / "project-2024" / "data.json").exists()
    assert JsonCache().usage() == (0, 0)
