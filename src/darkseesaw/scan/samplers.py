"""Sequential samplers driven by the model's log-likelihood: MCMC (emcee) and nested (dynesty).

Both work in the internal coordinates z of `darkseesaw.scan.space` (x for a linear prior, log10 x
for a log prior), where the prior is flat on a box.

MCMC (``sampler: {name: mcmc, walkers, steps, burn, steps_per_chunk}``)
    `emcee.EnsembleSampler` with the stretch move, vectorised over walkers; log posterior =
    ``loglike`` inside the box, -inf outside or for a failed point. Walkers start uniform in
    the box (seeded; failed starts are redrawn). Every ``steps_per_chunk`` steps the chain rows
    (``point_id = step * walkers + walker``, with the observables of each walker's current
    point) are stored as one chunk, after the sampler state (walkers, log-probabilities, random
    state) was saved under ``state/``: ``--resume`` continues from the last stored chunk and
    gives the same chain as an uninterrupted run. The batch of proposals of each half-step is
    split over the executor's workers.

Nested sampling (``sampler: {name: nested, nlive, dlogz, max_calls}``)
    `dynesty.NestedSampler` (multi-ellipsoid bounds), seeded with ``numpy.random.default_rng``,
    checkpointed under ``state/nested.save`` every ``checkpoint_s`` (30 s) (``--resume`` restores it). At the end
    the weighted posterior samples are re-evaluated in batch on the executor and stored with
    their importance ``weight``; ``logz`` and ``logzerr`` go into the manifest.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw.errors import InputError
from darkseesaw.scan.config import ScanConfig
from darkseesaw.scan.evaluate import Target, compute_chunk
from darkseesaw.scan.executors import cap_workers, make_executor
from darkseesaw.scan.info import summary
from darkseesaw.scan.progress import make_progress
from darkseesaw.scan.session import (
    ManifestWriter,
    chunk_summary,
    load_target,
    lock_folder,
    note,
    open_store,
    package_versions,
    probe_config,
)
from darkseesaw.scan.space import ParameterSpace
from darkseesaw.scan.storage import ScanStore, atomic_write_bytes


class BatchEvaluator:
    """Evaluate a batch of internal coordinates on an executor; returns one table in order."""

    def __init__(self, ex, cfg_json: str, target: Target, space: ParameterSpace):
        self.ex, self.cfg_json, self.target, self.space = ex, cfg_json, target, space
        self.calls = 0

    def __call__(self, z: np.ndarray):
        import pyarrow as pa

        z = np.atleast_2d(z)
        self.calls += len(z)
        params = self.space.as_columns(self.space.internal_to_values(z))
        nw = max(1, min(self.ex.workers, len(z)))
        bounds = np.linspace(0, len(z), nw + 1).astype(int)
        tasks = [(i, compute_chunk, (self.cfg_json, self.target, 0,
                                     {k: v[a:b] for k, v in params.items()}))
                 for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)) if b > a]
        if len(tasks) == 1:
            return tasks[0][1](*tasks[0][2])
        parts = dict(self.ex.run(tasks))
        return pa.concat_tables([parts[i] for i in sorted(parts)], promote_options="default")


def _loglike_of(table) -> np.ndarray:
    ll = table.column("loglike").to_numpy(zero_copy_only=False).astype(float)
    return np.where(np.isfinite(ll), ll, -np.inf)


class _MCMCLogProb:
    """Vectorised log posterior for emcee that remembers each proposal's row."""

    def __init__(self, ev: BatchEvaluator, space: ParameterSpace):
        self.ev, self.space = ev, space
        self.z: list[np.ndarray] = []
        self.tables: list = []

    def __call__(self, z: np.ndarray) -> np.ndarray:
        z = np.atleast_2d(z)
        lp = np.full(len(z), -np.inf)
        inside = self.space.in_box(z)
        if inside.any():
            t = self.ev(z[inside])
            self.z.append(z[inside].copy())
            self.tables.append(t)
            lp[inside] = _loglike_of(t)
        return lp


def _with_chain_columns(table, step: int, nwalkers: int):
    import pyarrow as pa

    n = table.num_rows
    ids = step * nwalkers + np.arange(n, dtype=np.int64)
    t = table.set_column(table.column_names.index("point_id"), "point_id", pa.array(ids))
    t = t.append_column("step", pa.array(np.full(n, step, dtype=np.int32)))
    return t.append_column("walker", pa.array(np.arange(n, dtype=np.int32)))


def _run_mcmc(cfg: ScanConfig, config_path: str, out: Path, ex, target: Target,
              resume: bool, quiet: bool | None) -> None:
    import emcee
    import pyarrow as pa


    s = cfg.sampler
    space = ParameterSpace(cfg)
    nw, d = s.walkers, space.ndim
    if nw < 2 * d:
        raise InputError(config_path, "sampler.walkers", f"emcee needs at least 2 x "
                         f"{d} = {2 * d} walkers for {d} parameters")
    n_chunks = -(-s.steps // s.steps_per_chunk)
    plan = {"sampler": "mcmc", "n_points": nw * s.steps, "chunk_size": nw * s.steps_per_chunk,
            "n_chunks": n_chunks, "parameters": space.names, "walkers": nw, "burn": s.burn}
    store, manifest = open_store(cfg, config_path, out, resume, plan)
    cfg_json = cfg.model_dump_json()
    ev = BatchEvaluator(ex, cfg_json, target, space)
    logp = _MCMCLogProb(ev, space)

    done = store.completed_chunks()
    # resume from the state saved with the last contiguous chunk
    k0 = 0
    while k0 in done:
        k0 += 1
    if k0:
        st = pickle.loads((store.state / f"mcmc-{k0 - 1:06d}.pkl").read_bytes())
        coords, lp0, rstate = st["coords"], st["log_prob"], st["random_state"]
        cur = pa.ipc.open_stream(st["current"]).read_all()
    else:
        rng = np.random.default_rng(np.random.SeedSequence(cfg.seed, spawn_key=(0xC0FFEE,)))
        coords = space.unit_to_internal(rng.random((nw, d)))
        cur = ev(coords)
        lp0 = _loglike_of(cur)
        for _ in range(100):
            bad = ~np.isfinite(lp0)
            if not bad.any():
                break
            coords[bad] = space.unit_to_internal(rng.random((int(bad.sum()), d)))
            t_new = ev(coords[bad])
            idx = np.arange(nw)
            idx[bad] = nw + np.arange(int(bad.sum()))
            cur = pa.concat_tables([cur, t_new], promote_options="default").take(pa.array(idx))
            lp0 = _loglike_of(cur)
        else:
            raise InputError(config_path, "parameters", "no walker start with a finite "
                             "likelihood found in 100 tries: check ranges and likelihood")
        rstate = np.random.RandomState(cfg.seed).get_state()

    sampler = emcee.EnsembleSampler(nw, d, logp, vectorize=True)
    state = emcee.State(coords, log_prob=lp0, random_state=rstate)
    session = {"start": time.time(), "last": time.time(), "executor": ex.describe(), "chunks": 0,
               "versions": package_versions()}
    manifest["sessions"].append(session)
    mw = ManifestWriter(store, manifest, session)
    total = nw * s.steps
    with make_progress(total, f"mcmc {out.name}", quiet, completed=k0 * nw * s.steps_per_chunk) \
            as bar:
        for k in range(k0, n_chunks):
            t0 = time.perf_counter()
            steps = range(k * s.steps_per_chunk, min((k + 1) * s.steps_per_chunk, s.steps))
            rows = []
            for step in steps:
                prev = state.coords.copy()
                logp.z, logp.tables = [], []
                state = sampler.sample(state, iterations=1, store=False,
                                       skip_initial_state_check=True).__next__()
                moved = np.any(state.coords != prev, axis=1)
                pool = pa.concat_tables([cur, *logp.tables], promote_options="default")
                idx = np.arange(nw)
                if moved.any():
                    zs = np.concatenate(logp.z)
                    for w in np.flatnonzero(moved):
                        hit = np.flatnonzero(np.all(zs == state.coords[w], axis=1))
                        idx[w] = nw + int(hit[-1])
                cur = pool.take(pa.array(idx))
                rows.append(_with_chain_columns(cur, step, nw))
                bar.advance(nw)
            table = pa.concat_tables(rows, promote_options="default")
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, cur.schema) as w:
                w.write_table(cur)
            atomic_write_bytes(store.state / f"mcmc-{k:06d}.pkl", pickle.dumps({
                "coords": state.coords, "log_prob": state.log_prob,
                "random_state": state.random_state, "current": sink.getvalue().to_pybytes()}))
            meta = chunk_summary(table, time.perf_counter() - t0)
            store.write_chunk(k, table, meta)
            mw.chunk_done(k, meta)
    session["wall_s"] = time.time() - session["start"]
    manifest["evaluations"] = manifest.get("evaluations", 0) + ev.calls
    mw.flush()


class _NestedLike:
    """Picklable scalar log-likelihood for dynesty (one point per call, in this process)."""

    def __init__(self, cfg_json: str, target: Target, space: ParameterSpace):
        self.cfg_json, self.target, self.space = cfg_json, target, space

    def __call__(self, z: np.ndarray) -> float:
        params = self.space.as_columns(self.space.internal_to_values(np.atleast_2d(z)))
        t = compute_chunk(self.cfg_json, self.target, 0, params)
        ll = float(_loglike_of(t)[0])
        return ll if np.isfinite(ll) else -1e300


class _PriorTransform:
    def __init__(self, space: ParameterSpace):
        self.space = space

    def __call__(self, u: np.ndarray) -> np.ndarray:
        return self.space.unit_to_internal(u)


def _run_nested(cfg: ScanConfig, config_path: str, out: Path, ex, target: Target,
                resume: bool, quiet: bool | None) -> None:
    import dynesty
    import pyarrow as pa


    s = cfg.sampler
    space = ParameterSpace(cfg)
    plan = {"sampler": "nested", "n_points": None, "chunk_size": cfg.chunk_size,
            "n_chunks": None, "parameters": space.names, "nlive": s.nlive}
    store, manifest = open_store(cfg, config_path, out, resume, plan)
    if manifest.get("complete"):
        return
    ckpt = store.state / "nested.save"
    cfg_json = cfg.model_dump_json()
    session = {"start": time.time(), "last": time.time(), "executor": ex.describe(), "chunks": 0,
               "versions": package_versions()}
    manifest["sessions"].append(session)
    mw = ManifestWriter(store, manifest, session)
    mw.flush()
    if resume and ckpt.is_file():
        sampler = dynesty.NestedSampler.restore(str(ckpt))
        manifest.setdefault("nested_restored_at_iteration", []).append(int(sampler.it))
        sampler.run_nested(resume=True, dlogz=s.dlogz, maxcall=s.max_calls,
                           print_progress=not (quiet if quiet is not None else True),
                           checkpoint_file=str(ckpt), checkpoint_every=s.checkpoint_s)
    else:
        sampler = dynesty.NestedSampler(_NestedLike(cfg_json, target, space),
                                        _PriorTransform(space), space.ndim, nlive=s.nlive,
                                        rstate=np.random.default_rng(cfg.seed))
        sampler.run_nested(dlogz=s.dlogz, maxcall=s.max_calls,
                           print_progress=not (quiet if quiet is not None else True),
                           checkpoint_file=str(ckpt), checkpoint_every=s.checkpoint_s)
    res = sampler.results
    z = np.asarray(res.samples)
    logwt = np.asarray(res.logwt)
    w = np.exp(logwt - float(res.logz[-1]))
    w = w / w.sum()
    ev = BatchEvaluator(ex, cfg_json, target, space)
    cs = cfg.chunk_size
    n_chunks = -(-len(z) // cs)
    for k in range(n_chunks):
        t0 = time.perf_counter()
        a, b = k * cs, min((k + 1) * cs, len(z))
        t = ev(z[a:b])
        t = t.set_column(t.column_names.index("point_id"), "point_id",
                         pa.array(np.arange(a, b, dtype=np.int64)))
        t = t.append_column("weight", pa.array(w[a:b]))
        t = t.append_column("nested_logl", pa.array(np.asarray(res.logl)[a:b]))
        meta = chunk_summary(t, time.perf_counter() - t0)
        store.write_chunk(k, t, meta)
        mw.chunk_done(k, meta)
    manifest.update({"n_points": int(len(z)), "n_chunks": n_chunks, "complete": True,
                     "logz": float(res.logz[-1]), "logzerr": float(res.logzerr[-1]),
                     "ncall": int(np.sum(res.ncall)), "niter": int(res.niter)})
    session["wall_s"] = time.time() - session["start"]
    mw.flush()


def run_sequential(cfg: ScanConfig, config_path: str, out: Path, *, executor: str,
                   workers: int | None, scheduler: str | None, resume: bool,
                   quiet: bool | None) -> dict[str, Any]:
    """Run an MCMC or nested-sampling scan (see the module docstring)."""

    space = ParameterSpace(cfg)
    target = load_target(cfg, config_path)
    mid = space.unit_to_internal(np.full((1, space.ndim), 0.5))
    probe_config(cfg, config_path, target, space.as_columns(space.internal_to_values(mid)))
    if not (cfg.likelihood or cfg.nufit or any(c.likelihood for c in cfg.curve_constraints())
            or ((cfg.model or cfg.model_file) and cfg.use_model_likelihood)):
        raise InputError(config_path, "likelihood", f"sampler '{cfg.sampler.name}' needs a "
                         "likelihood: add 'likelihood:' terms or use a built-in model's")
    out = Path(out)
    store = ScanStore(out)
    if store.exists() and resume and cfg.sampler.name == "mcmc":
        m = store.read_manifest()
        if len(store.completed_chunks()) >= m.get("n_chunks", 0):
            return summary(out)
    if executor != "serial" and not scheduler:
        workers, why = cap_workers(workers)
        if why:
            note(why)
    lock = lock_folder(out)
    try:
        with make_executor(executor, workers, scheduler) as ex:
            if cfg.sampler.name == "mcmc":
                _run_mcmc(cfg, config_path, out, ex, target, resume, quiet)
            else:
                _run_nested(cfg, config_path, out, ex, target, resume, quiet)
    finally:
        lock.release()
    return summary(out)
