"""Corpus on a cluster: the same code with a Dask executor whose workers are separate processes."""

from __future__ import annotations

import pytest

import docparse
from tests.helpers import SEEDS


def test_local_dask_cluster_of_processes_parses_the_corpus(tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'docparse[scale]')")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        corpus = docparse.Corpus(SEEDS, executor=client.get_executor(), cache_dir=tmp_path)
    local = docparse.Corpus(SEEDS, max_workers=1, use_cache=False)
    assert corpus.failures().empty
    assert corpus.tasks().equals(local.tasks())
