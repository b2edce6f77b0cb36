"""Same seed, same numbers: a model-file scan (exact Takagi spectrum, oscillation observables,
NuFIT chi^2, heavy-light mixing) stored by 1 worker, 2 workers and a local Dask cluster is
bit for bit the same table; the manifest records the package versions that made it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from darkseesaw.scan import run_scan
from darkseesaw.scan.storage import ScanStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _table(out: Path) -> pa.Table:
    """Every stored row, sorted by point_id, without the footer metadata (timings)."""
    st = ScanStore(out)
    t = pa.concat_tables([pq.read_table(st.chunk_path(k)).replace_schema_metadata(None)
                          for k in st.completed_chunks()])
    return t.sort_by("point_id")


def _bits(col: pa.ChunkedArray):
    a = col.to_numpy(zero_copy_only=False)
    if a.dtype.kind == "f":
        return a.view(np.uint64)  # bit patterns: NaN payloads and signed zeros included
    return a


def test_one_two_workers_and_dask_store_bit_identical_tables(tmp_path):
    cfg = tmp_path / "iss.yaml"
    cfg.write_text(yaml.safe_dump({
        "model_file": str(EXAMPLES / "iss-3x3.yaml"),
        "parameters": {"M1": {"range": [300.0, 3000.0], "prior": "log"},
                       "y2": {"range": [0.01, 0.1], "prior": "log"}},
        "nufit": {"version": "6.0", "use_delta": False},
        "sampler": {"name": "random", "n": 240}, "seed": 5, "chunk_size": 60}))
    import logging

    from distributed import LocalCluster

    runs = {"1 worker": dict(executor="processes", workers=1),
            "2 workers": dict(executor="processes", workers=2),
            "dask": dict(executor="dask")}
    tables = {}
    # the Dask leg: a local cluster of 2 single-threaded in-process workers (processes=False),
    # reached through --scheduler as a remote cluster would be
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        runs["dask"]["scheduler"] = cluster.scheduler_address
        for name, kw in runs.items():
            out = tmp_path / name.replace(" ", "_")
            run_scan(cfg, out, quiet=True, **kw)
            tables[name] = _table(out)
    ref = tables["1 worker"]
    assert ref.num_rows == 240 and ref.column("point_id").to_pylist() == list(range(240))
    assert sum(ref.column("ok").to_pylist()) > 200  # real spectra, not a table of failures
    for name, t in tables.items():
        assert t.schema.equals(ref.schema), name
        for col in ref.column_names:
            assert np.array_equal(_bits(t.column(col)), _bits(ref.column(col))), (name, col)
    m = ScanStore(tmp_path / "dask").read_manifest()
    assert m["sessions"][0]["executor"].startswith("dask")
    for key in ("darkseesaw", "numpy", "scipy", "numba", "python-flint", "pyarrow", "dask",
                "python"):
        assert m["versions"][key], key
        assert m["sessions"][0]["versions"][key] == m["versions"][key]
