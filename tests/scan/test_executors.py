"""The same configuration and seed give identical stored results on every executor."""

from __future__ import annotations

import pyarrow.parquet as pq

from darkseesaw.scan import load_results, run_scan
from darkseesaw.scan.storage import ScanStore


def _rows(out):
    """Stored rows per chunk file (data only; the footer metadata holds timings)."""
    st = ScanStore(out)
    return {k: pq.read_table(st.chunk_path(k)).replace_schema_metadata(None)
            for k in st.completed_chunks()}


def test_serial_and_own_dask_cluster_store_identical_results(tmp_path, h):
    """``--executor dask`` without a scheduler starts its own local cluster (the process-pool and
    scheduler-address legs are in test_same_seed_same_numbers.py, bit for bit)."""
    cfg = h.toy_config(tmp_path / "c.yaml", n=400, chunk=100, sampler="sobol")
    run_scan(cfg, tmp_path / "serial", executor="serial", quiet=True)
    run_scan(cfg, tmp_path / "dask", executor="dask", workers=2, quiet=True)
    ref = _rows(tmp_path / "serial")
    assert len(ref) == 4
    got = _rows(tmp_path / "dask")
    assert got.keys() == ref.keys()
    for k in ref:
        assert got[k].schema.equals(ref[k].schema), k
        assert got[k].to_pandas().equals(ref[k].to_pandas()), k  # NaN == NaN
    df = load_results(tmp_path / "dask")
    assert df["point_id"].tolist() == list(range(400))
    assert ScanStore(tmp_path / "dask").read_manifest()["sessions"][0]["executor"].startswith(
        "dask")


def test_dask_scheduler_address(tmp_path, h):
    """``--scheduler ADDRESS``: connect to an already running cluster (here a local one)."""
    import logging

    from distributed import LocalCluster

    cfg = h.toy_config(tmp_path / "c.yaml", n=300, chunk=100)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        run_scan(cfg, tmp_path / "d", scheduler=cluster.scheduler_address, quiet=True)
    run_scan(cfg, tmp_path / "s", executor="serial", quiet=True)
    assert load_results(tmp_path / "d").equals(load_results(tmp_path / "s"))
