"""Parameter scans at scale: samplers, executors, crash-safe Parquet storage.

A scan is described by a YAML configuration (`darkseesaw.scan.config`), sampled by a design
(grid, random, Latin hypercube, Sobol: `darkseesaw.scan.designs`) or a sequential sampler
(MCMC with emcee, nested sampling with dynesty: `darkseesaw.scan.samplers`), evaluated chunk by
chunk on an executor (serial, local processes, Dask: `darkseesaw.scan.executors`) and stored as
one Parquet file per chunk with a manifest (`darkseesaw.scan.storage`).

>>> from darkseesaw.scan import run_scan, load_results            # doctest: +SKIP
>>> run_scan("examples/scans/toy-random.yaml", "out/toy", workers=2)  # doctest: +SKIP
>>> df = load_results("out/toy")                                   # doctest: +SKIP

Importing this package loads the engines it runs (numpy, pyarrow); the command line imports it only
for the scan commands.
"""

from __future__ import annotations

from darkseesaw.scan.config import load_config
from darkseesaw.scan.info import summary
from darkseesaw.scan.runner import run_scan
from darkseesaw.scan.storage import ScanStore

__all__ = ["load_config", "run_scan", "summary", "load_results"]


def load_results(out, columns=None):
    """All stored points of a scan folder as a pandas DataFrame, sorted by point id."""
    return ScanStore(out).read_pandas(columns)
