"""Run a scan: plan the chunks, skip the stored ones, compute the rest, store them crash-safely.

`run_scan` is what ``darkseesaw scan CONFIG.yaml --out DIR`` calls. For grid/random/lhs/sobol
scans the driver generates the parameter arrays of each chunk (a pure function of the
configuration, the seed and the chunk index), ships them to the executor, and writes every
finished chunk atomically (`darkseesaw.scan.storage`). MCMC and nested sampling are sequential
algorithms; they live in `darkseesaw.scan.samplers` and use the same storage.

A running scan holds ``DIR/.lock`` (`darkseesaw.scan.storage.ScanLock`): a second scan or
``--resume`` on the folder is refused while it runs. Ctrl-C stops the workers, keeps every
stored chunk, and prints the points stored and the command that resumes the scan. The number of
workers is capped at the available cores and at the chunks left
(`darkseesaw.scan.executors.cap_workers`).
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from darkseesaw.scan import samplers
from darkseesaw.scan.config import ScanConfig, load_config
from darkseesaw.scan.designs import Design
from darkseesaw.scan.executors import cap_workers, make_executor
from darkseesaw.scan.failures import point_time_limit
from darkseesaw.scan.info import summary
from darkseesaw.scan.progress import make_progress
from darkseesaw.scan.session import (
    ManifestWriter,
    check_out,
    interrupted,
    load_target,
    lock_folder,
    note,
    open_store,
    package_versions,
    probe_config,
    run_chunk,
)
from darkseesaw.scan.space import ParameterSpace
from darkseesaw.scan.storage import ScanStore


def run_scan(config: str | Path | ScanConfig, out: str | Path, *, executor: str = "processes",
             workers: int | None = None, scheduler: str | None = None, resume: bool = False,
             quiet: bool | None = None, max_chunks: int | None = None) -> dict[str, Any]:
    """Run (or resume) a scan and return its summary (`darkseesaw.scan.info.summary`).

    Parameters
    ----------
    config : path or ScanConfig
        The YAML configuration (see ``docs/scans.md``).
    out : path
        Scan folder (created; must be new unless ``resume``).
    executor : {"processes", "serial", "dask"}
        Where chunks are computed; ``scheduler`` (a Dask address) implies ``"dask"``.
    workers : int, optional
        Worker processes (processes, local Dask cluster); default the CPU count.
    resume : bool
        Continue the scan stored in ``out`` (same configuration required).
    quiet : bool, optional
        Suppress the progress bar (default: quiet unless stderr is a terminal).
    max_chunks : int, optional
        Stop after computing this many chunks (tests, incremental runs).

    Examples
    --------
    ``run_scan("examples/scans/toy-random.yaml", "out/toy", workers=2)``
    """
    if isinstance(config, ScanConfig):
        cfg, config_path = config, "<config>"
    else:
        config_path = str(config)
        cfg = load_config(config_path)
    point_time_limit()  # a malformed DARKSEESAW_POINT_TIMEOUT: one line now, not in a worker
    out = Path(out)
    check_out(out)
    try:
        if cfg.sampler.name in ("mcmc", "nested"):
            return samplers.run_sequential(cfg, config_path, out, executor=executor,
                                           workers=workers, scheduler=scheduler, resume=resume,
                                           quiet=quiet)
        return _run_design(cfg, config_path, out, executor, workers, scheduler, resume, quiet,
                           max_chunks)
    except KeyboardInterrupt:
        interrupted(config_path, out, executor=executor, workers=workers, scheduler=scheduler)
        raise


def _workers_for(executor: str, workers: int | None, scheduler: str | None,
                 pending: int | None) -> int | None:
    """The capped worker count of a local executor (a note when a request is lowered)."""
    if scheduler or executor == "serial":
        return workers
    n, why = cap_workers(workers, pending)
    if why:
        note(why)
    return n


def _run_design(cfg, config_path, out, executor, workers, scheduler, resume, quiet, max_chunks):
    design, space = Design(cfg), ParameterSpace(cfg)
    target = load_target(cfg, config_path)
    probe_params = space.from_unit(design.unit_block(0)[:2])
    cfg_json = cfg.model_dump_json()
    stored = set(ScanStore(out).completed_chunks()) if resume else set()
    pending = sum(1 for k in range(design.n_chunks) if k not in stored)
    if max_chunks is not None:
        pending = min(pending, max_chunks)
    workers = _workers_for(executor, workers, scheduler, max(pending, 1))
    with ExitStack() as stack:
        ex = None
        if executor == "processes" and not scheduler and pending:
            # start the workers now: they import and load the model (numba caches, tables)
            # while this process checks the configuration
            ex = stack.enter_context(make_executor(executor, workers, scheduler))
            ex.warm_up(run_chunk, (cfg_json, target, 0, probe_params))
        probe_config(cfg, config_path, target, probe_params)
        plan = {"sampler": cfg.sampler.name, "n_points": design.n,
                "chunk_size": design.chunk_size, "n_chunks": design.n_chunks,
                "parameters": space.names}
        lock = lock_folder(out)
        stack.callback(lock.release)
        store, manifest = open_store(cfg, config_path, out, resume, plan)
        done = set(store.completed_chunks())
        todo = [k for k in range(design.n_chunks) if k not in done]
        if max_chunks is not None:
            todo = todo[:max_chunks]

        def tasks():
            for k in todo:
                a, _ = design.chunk_range(k)
                yield k, run_chunk, (cfg_json, target, a, space.from_unit(design.unit_block(k)))

        n_done = sum(design.chunk_range(k)[1] - design.chunk_range(k)[0] for k in done)
        t0 = time.time()
        if todo:
            if ex is None:
                ex = stack.enter_context(make_executor(executor, workers, scheduler))
            session = {"start": t0, "last": t0, "executor": ex.describe(), "chunks": 0,
                       "versions": package_versions()}
            manifest["sessions"].append(session)
            mw = ManifestWriter(store, manifest, session)
            mw.flush()
            try:
                with make_progress(design.n, f"scan {out.name}", quiet,
                                   completed=n_done) as bar:
                    for k, (table, meta) in ex.run(tasks()):
                        store.write_chunk(k, table, meta)
                        mw.chunk_done(k, meta)
                        bar.advance(table.num_rows)
            finally:  # also on Ctrl-C: the manifest records this session's time and chunks
                session["wall_s"] = time.time() - t0
                mw.flush()
    return summary(out)
