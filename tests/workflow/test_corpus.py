import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

import docparse
from tests.helpers import ROOT, SEEDS, seed


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    corpus = docparse.Corpus(SEEDS, cache_dir=cache, max_workers=2)
    return corpus, cache


def test_corpus_gives_tables_with_provenance(seed_corpus):
    corpus, _ = seed_corpus
    docs = corpus.documents()
    assert len(docs) == 5 and set(docs["doc_type"]) >= {"通报", "通知", "访谈"}
    tasks = corpus.tasks()
    plan = tasks[tasks["file"].str.contains("001_")]
    assert len(plan) >= 18
    regions = corpus.regions()
    assert {"file", "start", "end", "page", "text", "stance"} <= set(regions.columns)
    row = regions[regions["name"] == "红河州"].iloc[0]
    text = seed("000").read_text(encoding="utf-8")
    assert text[row["start"] : row["end"]] == row["text"]
    for name in ("departments", "problems", "metrics", "deadlines"):
        assert {"file", "start", "end", "page", "text"} <= set(getattr(corpus, name)().columns)


def test_second_run_reads_the_cache_and_parses_nothing(seed_corpus, monkeypatch):
    """An unchanged corpus is served from the cache: no document goes through the pipeline again (how much
    faster that is belongs to bench/bench_corpus.py, not to a timed test)."""
    import docparse.batch as batch_module

    corpus, cache = seed_corpus
    parsed: list[str] = []
    monkeypatch.setattr(batch_module, "parse_record", lambda path: parsed.append(path))
    again = docparse.Corpus(SEEDS, cache_dir=cache)
    assert parsed == []
    assert again.records == corpus.records


def test_changed_file_is_parsed_again_and_cache_can_be_cleared(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed("002"), docs / "a.txt")
    cache = tmp_path / "cache"
    first = docparse.Corpus(docs, cache_dir=cache, max_workers=1)
    (docs / "a.txt").write_text("关于开展汛期安全检查的通知\n\n各县区：\n请于6月30日前完成自查。\n", encoding="utf-8")
    second = docparse.Corpus(docs, cache_dir=cache, max_workers=1)
    assert first.documents()["title"][0] != second.documents()["title"][0]
    docparse.Corpus.clear_cache(cache)
    assert not any(p.suffix == ".json" for p in cache.rglob("*"))


def test_any_executor_can_run_the_corpus(tmp_path):
    with ThreadPoolExecutor(max_workers=2) as pool:
        corpus = docparse.Corpus([seed("000"), seed("002")], executor=pool, use_cache=False)
    assert len(corpus.records) == 2


def test_failures_are_listed_not_raised(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(seed("000"), tmp_path / "ok.txt")
    corpus = docparse.Corpus(tmp_path, use_cache=False, max_workers=1)
    failures = corpus.failures()
    assert list(failures["code"]) == ["E_EMPTY"]
    assert len(corpus.documents()) == 1


def test_shipped_corpus_is_all_readable():
    """Every shipped document reads; the real Word 97 and Excel 97 files need LibreOffice, and without it say so."""
    corpus = docparse.Corpus(ROOT / "corpora", use_cache=False, max_workers=2)
    failures = corpus.failures()
    legacy = failures["file"].str.endswith((".doc", ".wps", ".xls"))
    if shutil.which("soffice") or shutil.which("libreoffice"):
        assert failures.empty, failures.to_dict("records")
    else:
        assert legacy.all(), failures[~legacy].to_dict("records")
        assert failures["error"].str.contains("LibreOffice").all()
    assert len(corpus.records) >= 250
