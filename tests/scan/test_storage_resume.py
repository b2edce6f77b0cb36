"""Crash safety: a real `darkseesaw scan` killed with SIGKILL at random moments, then resumed,
stores every point exactly once; failed points keep their reason; the summary counts them."""

from __future__ import annotations

import os
import random
import signal
import time

import numpy as np
import pytest

from darkseesaw.scan import load_results, run_scan, summary
from darkseesaw.scan.storage import ScanStore


def _check_values(df):
    """Stored outputs against the toy model's closed forms (independent of the scan code)."""
    ok = df["ok"].to_numpy()
    x, y = df["x"].to_numpy(), df["y"].to_numpy()
    assert np.array_equal(ok, y >= 0)
    assert set(df.loc[~ok, "reason"]) <= {"domain_error"}
    assert (df.loc[ok, "reason"] == "ok").all()
    assert np.allclose(df.loc[ok, "r"], np.hypot(x[ok], y[ok]), rtol=1e-14)
    assert np.allclose(df.loc[ok, "r2"], x[ok] ** 2 + y[ok] ** 2, rtol=1e-12)
    assert np.allclose(df.loc[ok, "loglike"], -0.5 * (x[ok] ** 2 + y[ok] ** 2), rtol=1e-12)
    assert df.loc[~ok, "loglike"].isna().all()


def test_failures_are_stored_with_reason_and_counted(tmp_path, h):
    cfg = h.toy_config(tmp_path / "c.yaml", n=1000, chunk=128)
    s = run_scan(cfg, tmp_path / "o", executor="serial", quiet=True)
    df = load_results(tmp_path / "o")
    assert len(df) == 1000 and df["point_id"].tolist() == list(range(1000))
    _check_values(df)
    n_bad = int((df["y"] < 0).sum())
    assert 0 < n_bad < 1000
    assert s["failed"] == {"domain_error": n_bad} and s["ok"] == 1000 - n_bad
    assert s["complete"] and s["chunks_done"] == 8
    best = df.loc[df["loglike"].idxmax()]
    assert s["best_point_id"] == int(best["point_id"])
    assert s["best_loglike"] == pytest.approx(float(best["loglike"]))


def test_partial_run_then_resume_equals_uninterrupted(tmp_path, h):
    cfg = h.toy_config(tmp_path / "c.yaml", n=900, chunk=100, sampler="lhs")
    run_scan(cfg, tmp_path / "a", executor="serial", quiet=True, max_chunks=4)
    s = summary(tmp_path / "a")
    assert s["points"] == 400 and not s["complete"]
    run_scan(cfg, tmp_path / "a", executor="serial", quiet=True, resume=True)
    run_scan(cfg, tmp_path / "b", executor="serial", quiet=True)
    a, b = load_results(tmp_path / "a"), load_results(tmp_path / "b")
    assert a.equals(b)
    # Latin-hypercube stratification survives the interruption
    u = (a["x"].to_numpy() + 3.0) / 6.0
    assert np.array_equal(np.sort(np.floor(u * 900).astype(int)), np.arange(900))


def test_sigkill_at_random_moments_then_resume_exactly_once(tmp_path, h):
    """Kill a real `darkseesaw scan` (process pool, 2 workers) with SIGKILL several times at
    random moments, resume each time, and check every point is stored exactly once."""
    n, chunk = 3000, 60  # slow toy: 2 ms per point -> 0.12 s per chunk, ~3 s per worker total
    cfg = h.toy_config(tmp_path / "c.yaml", n=n, chunk=chunk, fn=h.SLOW_TOY)
    out = tmp_path / "o"
    seed = int(os.environ.get("DARKSEESAW_KILL_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    kills = mid_scan_kills = 0
    store = ScanStore(out)
    stalled = 0  # attempts killed before any new chunk: wait longer next time (slow machines)
    for _attempt in range(8):
        args = ["scan", str(cfg), "--out", str(out), "--workers", "2", "-q"]
        if store.exists():
            args.append("--resume")
        p = h.cli_popen(*args, start_new_session=True)
        before = len(store.completed_chunks()) if store.exists() else 0
        # wait for this session's first stored chunk (start-up time depends on the machine's
        # load), then kill at a random moment of the following ~1.5 s
        t_end = time.time() + 60
        while (p.poll() is None and time.time() < t_end
               and (len(store.completed_chunks()) if store.exists() else 0) <= before):
            time.sleep(0.02)
        delay = rng.uniform(0.0, 1.5) + 0.5 * stalled
        try:
            p.wait(timeout=delay)
        except Exception:  # still running: kill it hard, mid-flight
            p.send_signal(signal.SIGKILL)
            p.wait()
            kills += 1
        finally:
            time.sleep(0.2)
            try:  # the workers exit by themselves (parent watchdog); make sure of it
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if p.returncode == 0:
            break
        done = store.completed_chunks() if store.exists() else []
        stalled = stalled + 1 if len(done) == before else 0
        df = load_results(out) if done else None
        if df is not None:  # after every crash: the stored points are whole and unique
            assert df["point_id"].is_unique, f"seed {seed}"
            mid_scan_kills += 0 < len(done) < n // chunk
    assert kills >= 1, f"the scan finished before any kill (seed {seed})"
    assert mid_scan_kills >= 1, f"no kill landed while chunks were being stored (seed {seed})"
    r = h.cli("scan", str(cfg), "--out", str(out), "--workers", "2", "-q", "--resume",
              timeout=120)
    assert r.returncode == 0, r.stderr
    df = load_results(out)
    assert len(df) == n, f"seed {seed}"
    assert df["point_id"].tolist() == list(range(n)), f"seed {seed}"
    _check_values(df)
    ref_cfg = h.toy_config(tmp_path / "ref.yaml", n=n, chunk=chunk)  # same points, fast model
    run_scan(ref_cfg, tmp_path / "ref", executor="serial", quiet=True)
    ref = load_results(tmp_path / "ref")
    assert df[["point_id", "x", "y"]].equals(ref[["point_id", "x", "y"]]), f"seed {seed}"
    assert not list(out.rglob(".*.tmp-*")), "temporary files left after a completed resume"
    s = summary(out)
    assert s["complete"] and s["sessions"] >= 2
    info = h.cli("scan-info", str(out))
    assert info.returncode == 0 and f"{n:,} of {n:,}" in info.stdout
