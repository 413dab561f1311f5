import pytest

from docparse.copycheck import CopyIndex, check_corpus
from docparse.copycheck.check import AlignSettings, CopyCheckSettings
from docparse.copycheck.index import MemoryStorage
from docparse.errors import DocparseError


def test_sqlite_index_finds_the_copied_plan(tmp_path, copy_dir, seed_plan, plan_dir):
    path = str(tmp_path / "plans.sqlite")
    index = CopyIndex(path)
    assert index.add([seed_plan, *sorted(plan_dir.glob("*.txt"))]) == 14
    assert index.add([seed_plan]) == 0  # same sha256: skipped
    reopened = CopyIndex(path)
    assert len(reopened) == 14
    report = reopened.check(copy_dir / "county_copy.txt")
    best = report.results[0]
    assert best.reference.path == str(seed_plan)
    assert best.score >= 0.9
    # Spans point into the reference's source text, rebuilt from the index.
    text = seed_plan.read_text(encoding="utf-8")
    p = next(p for p in best.passages if p.kind == "copied")
    assert text[p.reference.start : p.reference.end] == p.reference_text


def test_memory_index_and_unrelated_plan(copy_dir, seed_plan, plan_dir):
    index = CopyIndex(storage=MemoryStorage())
    index.add([seed_plan, plan_dir / "p06_city_fire.txt"])
    report = index.check(plan_dir / "p13_guizhou_road.txt")
    assert report.score <= 0.2


def test_index_refuses_other_shingle_settings(tmp_path, seed_plan):
    path = str(tmp_path / "plans.sqlite")
    CopyIndex(path).add([seed_plan])
    with pytest.raises(DocparseError):
        CopyIndex(path, settings=CopyCheckSettings(align=AlignSettings(k=6)))


def test_corpus_pairs_with_direction(copy_dir, seed_plan, plan_dir):
    files = [copy_dir / "county_copy.txt", copy_dir / "partial_copy.txt", seed_plan, *sorted(plan_dir.glob("p0*.txt"))]
    report = check_corpus(files)
    pairs = {(p.checked.path, p.reference.path): p for p in report.pairs}
    full = pairs[(str(copy_dir / "county_copy.txt"), str(seed_plan))]
    assert full.score >= 0.9 and full.source_known and full.evidence == "hierarchy"  # 昆明市 above 嵩明县
    assert (str(copy_dir / "partial_copy.txt"), str(seed_plan)) in pairs
    # the partial copy took the opening of 保山市's plan too: neither place lies under the other, so neither is
    # called the other's copy; their shared text came from a source not in the collection
    from_other_city = [p for p in report.pairs if str(plan_dir) in p.checked.path and p.score >= 0.2]
    assert [(p.relation, p.common_source) for p in from_other_city] == [("common source", None)]
    assert list(report.pairs_frame().columns)[:3] == ["checked", "reference", "score"]


def test_plans_are_added_in_batches_and_a_bad_file_keeps_the_ones_before_it(tmp_path, seed_plan, plan_dir, monkeypatch):
    monkeypatch.setattr(CopyIndex, "ADD_BATCH", 2)  # batches of two plans: one frequency read and write each
    plans = sorted(plan_dir.glob("*.txt"))[:5]
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    index = CopyIndex(str(tmp_path / "plans.sqlite"))
    with pytest.raises(DocparseError):
        index.add([*plans[:3], bad, plans[3]])
    assert len(index) == 3  # the two of the first batch and the one read before the bad file
    assert index.add(plans) == 2
    assert index.storage.load_frequency().n_documents == 5
