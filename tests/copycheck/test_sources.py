"""Corpus mode tells direct copying from common-source inheritance, on real plan families of
bench/copycheck_real (labelled there by reading): 重庆's 2025 要点 and its districts'; 云南's 安全工程三年行动
and its counties'."""

from __future__ import annotations

from pathlib import Path

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


def test_corpus_mode_on_a_local_dask_cluster_gives_the_same_pairs():
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'docparse[scale]')")
    files = sorted(REAL.glob("cq_*.txt"))

    def summary(report):
        return sorted((names(p), round(p.score, 6), p.relation, p.common_source and p.common_source.sha256) for p in report.pairs)

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_cluster = check_corpus(files, executor=client.get_executor())
    assert summary(on_cluster) == summary(check_corpus(files))
    assert on_cluster.pairs
