"""Corpus mode tells direct copying from common-source inheritance, on real plan families of
bench/copycheck_real (labelled there by reading): 重庆's 2025 要点 and its districts'; 云南's 安全工程三年行动
and its counties'."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import docparse
from docparse.copycheck import check_corpus
from docparse.copycheck.check import prepare
from docparse.copycheck.direction import issuing_place

from .conftest import ROOT

REAL = ROOT / "bench/copycheck_real/docs"


def names(pair) -> tuple[str, str]:
    return Path(pair.checked.path).stem, Path(pair.reference.path).stem


def test_districts_inherit_from_the_municipal_plan_they_all_copied():
    report = check_corpus(sorted(REAL.glob("cq_*.txt")))
    pairs = {frozenset(names(p)): p for p in report.pairs}
    from_city = pairs[frozenset(("cq_dazu", "cq_province_chongqing"))]
    assert from_city.relation == "copied" and names(from_city) == ("cq_dazu", "cq_province_chongqing")
    siblings = pairs[frozenset(("cq_dazu", "cq_wulong"))]
    assert siblings.relation == "common source"
    assert Path(siblings.common_source.path).stem == "cq_province_chongqing"


def test_counties_of_different_prefectures_never_copied_each_other():
    report = check_corpus([REAL / f"aqgc_{name}.txt" for name in ("yn_shiping", "yn_eshan", "province_yunnan")])
    pairs = {frozenset(names(p)): p for p in report.pairs}
    siblings = pairs[frozenset(("aqgc_yn_shiping", "aqgc_yn_eshan"))]
    assert siblings.relation == "common source"
    assert Path(siblings.common_source.path).stem == "aqgc_province_yunnan"
    assert pairs[frozenset(("aqgc_yn_shiping", "aqgc_province_yunnan"))].relation == "copied"


def test_without_the_parent_siblings_share_a_source_not_in_the_collection():
    report = check_corpus([REAL / "aqgc_yn_shiping.txt", REAL / "aqgc_yn_eshan.txt"])
    assert [(p.relation, p.common_source) for p in report.pairs] == [("common source", None)]
    assert report.pairs_frame()["relation"].tolist() == ["common source"]


def test_the_level_is_read_from_the_issuer_innermost_place_first():
    def place(name: str):
        return issuing_place(prepare(docparse.read(REAL / name, steps=("structure",)), 8))

    assert place("cq_wulong.txt").rank == 3  # 重庆市武隆区人民政府: the district, not the municipality
    assert place("cq_province_chongqing.txt").rank == 1
    assert place("sw_province_ningxia.txt").rank == 1  # 自治区安全生产委员会 names its level only
    assert place("cq_province_chongqing.txt").is_above(place("cq_wulong.txt"))
    assert not place("aqgc_province_yunnan.txt").is_above(place("cq_wulong.txt"))


def test_a_place_is_read_from_the_title_or_the_opening_when_the_issuer_does_not_name_it():
    def place(name: str):
        return issuing_place(prepare(docparse.read(REAL / name, steps=("structure",)), 8))

    ningxia, hubei = place("sw_province_ningxia.txt"), place("ss_province_hubei.txt")
    # 自治区安全生产委员会 and 省人民政府办公厅 name a level only; their titles say which
    assert ningxia.rank == 1 and ningxia.units and hubei.rank == 1 and hubei.units
    assert not ningxia.is_above(place("sw_yn_longling.txt"))  # a 云南 county
    # the title was not read from 淮北's page; its opening line is the issuer's: 淮北市人民政府办公室关于印发…
    assert place("wh_ah_huaibei.txt").rank == 2
    assert not place("sw_province_anhui.txt").is_above(place("wh_js_huaian.txt"))


def test_a_name_several_places_bear_lies_under_a_province_only_if_one_of_them_does():
    def place(name: str):
        return issuing_place(prepare(docparse.read(REAL / name, steps=("structure",)), 8))

    changan = place("csaq_sn_changan.txt")  # 长安区: 西安's and 石家庄's
    assert changan.rank == 3 and len(changan.units) == 2
    assert not place("csaq_province_jiangsu.txt").is_above(changan)
    assert place("sw_national.txt").is_above(changan)


def test_a_plan_of_unknown_place_inherits_from_the_plan_issued_before_it():
    # 重庆高新区管委会 names no place of the gazetteer; its 要点 came out after the municipal one that it and
    # the districts copied: its text shared with a district is the municipality's
    report = check_corpus(sorted(REAL.glob("cq_*.txt")))
    pairs = {frozenset(names(p)): p for p in report.pairs}
    for district in ("cq_wulong", "cq_dazu", "cq_shapingba", "cq_yuzhong"):
        siblings = pairs[frozenset(("cq_gaoxin", district))]
        assert siblings.relation == "common source", district
        assert Path(siblings.common_source.path).stem == "cq_province_chongqing"


def test_corpus_mode_on_a_local_dask_cluster_gives_the_same_pairs():
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'docparse[scale]')")
    files = sorted(REAL.glob("cq_*.txt"))

    def summary(report):
        return sorted((names(p), round(p.score, 6), p.relation, p.common_source and p.common_source.sha256) for p in report.pairs)

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_cluster = check_corpus(files, executor=client.get_executor())
        # the inverted index sharded by fingerprint across the workers' dask partitions
        partitioned = check_corpus(files, executor=client.get_executor(), partitions=3)
    local = check_corpus(files)
    assert summary(on_cluster) == summary(local) == summary(partitioned)
    assert on_cluster.pairs and partitioned.candidates == local.candidates


def test_the_index_partitioned_by_fingerprint_gives_the_same_candidate_pairs(monkeypatch):
    pytest.importorskip("dask.dataframe", reason="dask is not installed (pip install 'docparse[scale]')")
    from docparse.copycheck import corpus
    from docparse.copycheck.check import CopyCheckSettings, default_boilerplate
    from docparse.copycheck.corpus import (
        CandidateSettings,
        candidate_pairs,
        candidate_pairs_partitioned,
        passage_fingerprints,
    )

    settings = CopyCheckSettings()
    model = default_boilerplate(settings)
    texts = [prepare(docparse.read(p, steps=("structure",)), 8) for p in sorted(REAL.glob("*.txt"))]
    no_fingerprint = texts[0].hashes[:0]  # a plan too short for one pairs with nothing, in every shard
    fps = [passage_fingerprints(t, model, settings.align) for t in texts] + [no_fingerprint]
    for max_postings in (200, 3):  # 3: the lists of the fingerprints most plans share are dropped in their shard
        local = candidate_pairs(fps, CandidateSettings(), max_postings)
        assert len(local) > 10
        for partitions in (1, 4):
            assert np.array_equal(candidate_pairs_partitioned(fps, CandidateSettings(), max_postings, partitions), local)
        with monkeypatch.context() as m:  # posting pairs expanded a few plans at a time: the same counts
            m.setattr(corpus, "PAIRS_PER_BLOCK", 50)
            assert np.array_equal(candidate_pairs(fps, CandidateSettings(), max_postings), local)
    assert len(candidate_pairs(fps, CandidateSettings(), 3)) < len(candidate_pairs(fps, CandidateSettings(), 200))
