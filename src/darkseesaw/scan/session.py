"""A scan session: the stored folder, its manifest, the model target and one chunk's work.

Shared by the fixed designs (`darkseesaw.scan.runner`) and the sequential samplers
(`darkseesaw.scan.samplers`): create or reopen the scan folder (`open_store`, with the checks
that a resumed scan is the same scan), load and probe the model (`load_target`, `probe_config`),
compute one chunk (`run_chunk`, the executor task) and keep the manifest current
(`ManifestWriter`), hold the folder's lock (`lock_folder`: one scan per folder), and say
where an interrupted scan stands and how to resume it (`interrupted`).
"""

from __future__ import annotations

import hashlib
import json
import shlex
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import __version__
from darkseesaw.errors import InputError
from darkseesaw.scan.config import ScanConfig
from darkseesaw.scan.evaluate import Target, compute_chunk, probe
from darkseesaw.scan.storage import ScanLock, ScanStore

__all__ = ["run_chunk", "chunk_summary", "file_sha256", "open_store", "load_target",
           "probe_config", "ManifestWriter", "check_out", "lock_folder", "interrupted",
           "package_versions", "note"]

_VERSIONED = ("darkseesaw", "numpy", "scipy", "numba", "python-flint", "pyarrow", "dask",
              "distributed", "pandas", "mpmath")


def package_versions() -> dict[str, str]:
    """Versions of Python and of the packages that shape the stored numbers (manifest)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": sys.version.split()[0]}
    for name in _VERSIONED:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def note(text: str) -> None:
    """A one-line note on stderr (``darkseesaw: note: ...``)."""
    print(f"darkseesaw: note: {text}", file=sys.stderr, flush=True)


def check_out(out: Path) -> None:
    """``--out`` must be a folder or a new path (an existing file is an `InputError`)."""
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "--out", "exists and is not a folder: give a new or a scan "
                         "folder")


def lock_folder(out: Path) -> ScanLock:
    """Create ``out`` if needed and take its lock (`InputError` if a running scan holds it,
    or if the folder cannot be created)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(str(out), "--out", f"cannot create the scan folder "
                         f"({e.strerror or type(e).__name__})") from None
    try:
        return ScanLock(out).acquire()
    except PermissionError as e:
        raise InputError(str(out), "--out", f"cannot write in the scan folder "
                         f"({e.strerror})") from None


def interrupted(config_path: str, out: Path, *, executor: str = "processes",
                workers: int | None = None, scheduler: str | None = None) -> None:
    """After Ctrl-C: print where the scan stands and the exact command that resumes it."""
    from darkseesaw.scan.info import summary

    try:
        s = summary(out)
        stand = (f"{s['points']:,} of {s['n_points_planned']:,} points stored"
                 if s.get("n_points_planned") else f"{s['points']:,} points stored")
        if s.get("n_chunks"):
            stand += f" ({s['chunks_done']} of {s['n_chunks']} chunks)"
    except Exception:  # noqa: BLE001 - nothing stored yet, or no manifest: still say how to go on
        stand = "no points stored yet"
    cmd = ["darkseesaw", "scan", config_path, "--out", str(out), "--resume"]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    elif executor != "processes":
        cmd += ["--executor", executor]
    if workers and not scheduler:
        cmd += ["--workers", str(workers)]
    print(f"darkseesaw: interrupted: {out}: {stand}; resume with: {shlex.join(cmd)}",
          file=sys.stderr, flush=True)


def run_chunk(cfg_json: str, target: Target, first_id: int, params: dict[str, np.ndarray]):
    """Executor task: compute one chunk; return (table, metadata)."""
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
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(str(out), "--out", f"cannot create the scan folder "
                         f"({e.strerror or type(e).__name__})") from None
    manifest = {"darkseesaw": __version__, "created": time.time(), "config_hash": cfg.hash(),
                "config": cfg.canonical(), "model_sha256": _model_fingerprint(cfg),
                "config_file": str(config_path), "versions": package_versions(), **plan}
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


def load_target(cfg: ScanConfig, config_path: str) -> Target:
    target = Target(cfg)
    try:
        target._obj()
    except InputError:
        raise
    except (ImportError, AttributeError, TypeError) as e:
        key = target.kind
        raise InputError(config_path, key, f"cannot load {target.ref!r}: {e}") from None
    except KeyError as e:
        raise InputError(config_path, target.kind, str(e.args[0]) if e.args else str(e)) \
            from None
    return target


def probe_config(cfg: ScanConfig, config_path: str, target: Target, params: dict) -> None:
    try:
        probe(cfg, target, params)
    except KeyError as e:
        key, msg = e.args[0] if isinstance(e.args[0], tuple) else (None, str(e))
        raise InputError(config_path, key, msg) from None


class ManifestWriter:
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
