"""Run a scan: plan the chunks, skip the stored ones, compute the rest, store them crash-safely.

`run_scan` is what ``darkseesaw scan CONFIG.yaml --out DIR`` calls. For grid/random/lhs/sobol
scans the driver generates the parameter arrays of each chunk (a pure function of the
configuration, the seed and the chunk index), ships them to the executor, and writes every
finished chunk atomically (`darkseesaw.scan.storage`). MCMC and nested sampling are sequential
algorithms; they live in `darkseesaw.scan.samplers` and use the same storage.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import __version__
from darkseesaw.errors import InputError
from darkseesaw.scan.config import ScanConfig, load_config
from darkseesaw.scan.evaluate import Target, probe
from darkseesaw.scan.storage import ScanStore


def run_chunk(cfg_json: str, target: Target, first_id: int, params: dict[str, np.ndarray]):
    """Executor task: compute one chunk; return (table, metadata)."""
    from darkseesaw.scan.evaluate import compute_chunk

    t0, c0 = time.perf_counter(), time.thread_time()
    table = compute_chunk(cfg_json, target, first_id, params)
    meta = chunk_summary(table, time.perf_counter() - t0)
    meta["cpu_s"] = round(time.thread_time() - c0, 6)  # CPU of the computing thread
    return table, meta


def chunk_summary(table, seconds: float) -> dict[str, Any]:
    """rows, failures by reason, best log-likelihood and compute time of a chunk table."""
    reasons = Counter(table.column("reason").to_pylist())
    ok = reasons.pop("ok", 0)
    ll = table.column("loglike").to_numpy(zero_copy_only=False)
    best = float(np.nanmax(ll)) if ok and np.isfinite(ll).any() else None
    best_id = int(table.column("point_id")[int(np.nanargmax(ll))].as_py()) if best is not None \
        else None
    allowed = int(np.asarray(table.column("allowed").to_numpy(zero_copy_only=False)).sum())
    return {"rows": table.num_rows, "ok": ok, "failed": dict(reasons), "allowed": allowed,
            "best_loglike": best, "best_point_id": best_id, "compute_s": round(seconds, 6)}


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _model_fingerprint(cfg: ScanConfig) -> str | None:
    return file_sha256(cfg.model_file) if cfg.model_file else None


def open_store(cfg: ScanConfig, config_path: str, out: Path, resume: bool,
               plan: dict[str, Any]) -> tuple[ScanStore, dict[str, Any]]:
    """Create the scan folder, or reopen it for ``--resume`` after checking it is the same scan."""
    store = ScanStore(out)
    if store.exists():
        if not resume:
            raise InputError(str(out), None, "folder already holds a scan: pass --resume to "
                             "continue it, or choose another --out")
        manifest = store.read_manifest()
        if manifest.get("config_hash") != cfg.hash():
            raise InputError(config_path, None, f"differs from the configuration of the scan in "
                             f"{out} (see {out / 'config.yaml'}); resume needs the same file")
        fp = _model_fingerprint(cfg)
        if fp != manifest.get("model_sha256"):
            raise InputError(cfg.model_file, None, f"model file changed since the scan in {out} "
                             "started; resume needs the same model")
        store.clean_temporaries()
        manifest = store.reconcile(manifest)
        return store, manifest
    if out.exists() and not _is_skeleton(out):
        raise InputError(str(out), None, "folder exists and is not empty (not a scan folder)")
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"darkseesaw": __version__, "created": time.time(), "config_hash": cfg.hash(),
                "config": cfg.canonical(), "model_sha256": _model_fingerprint(cfg),
                "config_file": str(config_path), **plan}
    if cfg.auto_constraints():  # the model's declared links, for scan-info and the report
        manifest["constraint_links"] = Target(cfg).link_descriptions()
    text = Path(config_path).read_text() if Path(config_path).is_file() else \
        json.dumps(cfg.canonical(), indent=1)
    store.create(manifest, text)
    return store, store.read_manifest()


def _is_skeleton(out: Path) -> bool:
    """Empty, or what a scan killed before writing its first manifest leaves (no chunk)."""
    for p in out.iterdir():
        if p.name in ("points", "state") and p.is_dir():
            if any(not q.name.startswith(".") for q in p.iterdir()):
                return False
        elif not (p.name == "config.yaml" or p.name.startswith(".")):
            return False
    return True


def _load_target(cfg: ScanConfig, config_path: str) -> Target:
    target = Target(cfg)
    try:
        target._obj()
    except InputError:
        raise
    except (ImportError, AttributeError, TypeError) as e:
        key = target.kind
        raise InputError(config_path, key, f"cannot load {target.ref!r}: {e}") from None
    except KeyError as e:
        raise InputError(config_path, target.kind, str(e).strip("'\"")) from None
    return target


def _probe(cfg: ScanConfig, config_path: str, target: Target, params: dict) -> None:
    try:
        probe(cfg, target, params)
    except KeyError as e:
        key, msg = e.args[0] if isinstance(e.args[0], tuple) else (None, str(e))
        raise InputError(config_path, key, msg) from None


class _ManifestWriter:
    """Rewrites the manifest at most every ``period`` seconds (and at the end)."""

    def __init__(self, store: ScanStore, manifest: dict, session: dict, period: float = 1.0):
        self.store, self.manifest, self.session, self.period = store, manifest, session, period
        self._last = 0.0

    def chunk_done(self, k: int, meta: dict) -> None:
        self.manifest["chunks"][str(k)] = meta
        self.session["chunks"] += 1
        self.flush(force=False)

    def flush(self, force: bool = True) -> None:
        t = time.time()
        if force or t - self._last >= self.period:
            self.session["last"] = t
            self.store.write_manifest(self.manifest)
            self._last = t


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
    from darkseesaw.scan.info import summary

    if isinstance(config, ScanConfig):
        cfg, config_path = config, "<config>"
    else:
        config_path = str(config)
        cfg = load_config(config_path)
    out = Path(out)
    if cfg.sampler.name in ("mcmc", "nested"):
        from darkseesaw.scan import samplers

        return samplers.run_sequential(cfg, config_path, out, executor=executor,
                                       workers=workers, scheduler=scheduler, resume=resume,
                                       quiet=quiet)

    from darkseesaw.scan.designs import Design
    from darkseesaw.scan.executors import make_executor
    from darkseesaw.scan.progress import make_progress
    from darkseesaw.scan.space import ParameterSpace

    design, space = Design(cfg), ParameterSpace(cfg)
    target = _load_target(cfg, config_path)
    probe_params = space.from_unit(design.unit_block(0)[:2])
    cfg_json = cfg.model_dump_json()
    with ExitStack() as stack:
        ex = None
        if executor == "processes" and not scheduler:
            # start the workers now: they import and load the model (numba caches, tables)
            # while this process checks the configuration
            ex = stack.enter_context(make_executor(executor, workers, scheduler))
            ex.warm_up(run_chunk, (cfg_json, target, 0, probe_params))
        _probe(cfg, config_path, target, probe_params)
        plan = {"sampler": cfg.sampler.name, "n_points": design.n,
                "chunk_size": design.chunk_size, "n_chunks": design.n_chunks,
                "parameters": space.names}
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
            session = {"start": t0, "last": t0, "executor": ex.describe(), "chunks": 0}
            manifest["sessions"].append(session)
            mw = _ManifestWriter(store, manifest, session)
            mw.flush()
            with make_progress(design.n, f"scan {out.name}", quiet, completed=n_done) as bar:
                for k, (table, meta) in ex.run(tasks()):
                    store.write_chunk(k, table, meta)
                    mw.chunk_done(k, meta)
                    bar.advance(table.num_rows)
            session["wall_s"] = time.time() - t0
            mw.flush()
    return summary(out)
