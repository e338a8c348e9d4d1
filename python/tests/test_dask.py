"""The Dask pipeline on a local cluster of 2 worker processes gives the single-process result."""
import os

import pytest

from sitrep import pipeline

distributed = pytest.importorskip("distributed")


def test_dask_two_workers_match_single_process(jsonl_file):
    partitions = pipeline.partition_lines(jsonl_file, lines_per_partition=2)
    assert len(partitions) == 5
    expected_events, expected_briefs = pipeline.run_local(partitions)
    assert len(expected_events) == 3
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
        events, briefs = pipeline.run_dask(partitions, client)
    assert events == expected_events
    assert briefs == expected_briefs
    assert all(b for b in briefs.values())


def test_dask_on_shared_data_matches_single_process():
    shared = os.environ.get("SITREP_SHARED_DIR")
    path = os.path.join(shared or "", "data", "duc2006", "duc2006.jsonl")
    if not shared or not os.path.exists(path):
        pytest.skip("SITREP_SHARED_DIR not set: no DUC 2006 clusters to run on")
    partitions = pipeline.partition_lines(path, lines_per_partition=5)[:4]  # 20 events
    expected_events, expected_briefs = pipeline.run_local(partitions)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        events, briefs = pipeline.run_dask(partitions, client)
    assert events == expected_events
    assert briefs == expected_briefs
