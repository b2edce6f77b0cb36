"""Parameter scans at scale: samplers, executors, crash-safe Parquet storage.

A scan is described by a YAML configuration (`darkseesaw.scan.config`), sampled by a design
(grid, random, Latin hypercube, Sobol: `darkseesaw.scan.designs`) or a sequential sampler
(MCMC with emcee, nested sampling with dynesty: `darkseesaw.scan.samplers`), evaluated chunk by
chunk on an executor (serial, local processes, Dask: `darkseesaw.scan.executors`) and stored as
one Parquet file per chunk with a manifest (`darkseesaw.scan.storage`).

>>> from darkseesaw.scan import run_scan, load_results            # doctest: +SKIP
>>> run_scan("examples/scans/toy-random.yaml", "out/toy", workers=2)  # doctest: +SKIP
>>> df = load_results("out/toy")                                   # doctest: +SKIP

Importing this package is cheap; numpy/pyarrow/dask load when a scan runs.
"""

from __future__ import annotations

__all__ = ["load_config", "run_scan", "summary", "load_results"]


def load_config(path):
    """Read and validate a scan configuration (see `darkseesaw.scan.config.load_config`)."""
    from darkseesaw.scan.config import load_config as _f

    return _f(path)


def run_scan(config, out, **kw):
    """Run or resume a scan (see `darkseesaw.scan.runner.run_scan`)."""
    from darkseesaw.scan.runner import run_scan as _f

    return _f(config, out, **kw)


def summary(out):
    """Summary of a scan folder (see `darkseesaw.scan.info.summary`)."""
    from darkseesaw.scan.info import summary as _f

    return _f(out)


def load_results(out, columns=None):
    """All stored points of a scan folder as a pandas DataFrame, sorted by point id."""
    from darkseesaw.scan.storage import ScanStore

    return ScanStore(out).read_pandas(columns)
