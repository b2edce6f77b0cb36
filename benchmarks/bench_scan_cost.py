"""Cost model of a scan, measured, and the throughput it predicts on N workers of a cluster.

A chunk of ``n`` points of ``examples/scans/iss-3x3-random.yaml`` (exact 9×9 Takagi spectrum,
oscillation observables, NuFIT χ², DESI Σm term, HNL limit) costs

* on its worker: ``W(n) = a + b·n + r0`` — per-chunk fixed overhead ``a`` and per-point compute
  ``b`` (least-squares fit of the CPU time of `darkseesaw.scan.session.run_chunk` over several
  chunk sizes, fastest of ``--repeat`` runs each, relative weights), plus the Dask round trip
  ``r0`` of a trivial task (sequential submit → result on a local cluster of one
  single-threaded worker process; counted in full although the executor keeps 2 chunks per
  worker in flight, so it is an upper bound);
* in the driver, which is one process for the whole scan: ``D(n) = d0 + d1·n``, measured with
  the driver alone — workers hand back ready chunk-sized tables at once, as if there were very
  many of them, and the driver receives and writes every chunk as a scan does — at chunks of
  2 000, 10 000 and 20 000 points; its wall time less the time its thread waited for a core
  (Linux schedstat: other jobs). Its parts are timed too: the Parquet write of the chunk file
  (`ScanStore.write_chunk`: snappy, fsync, atomic rename; its CPU plus its I/O wait, fitted
  ``w = w0 + w1·n``), the transfer of the result table back to the driver ``h`` (the driver's
  extra CPU for a round trip returning a chunk-sized table) and the scheduler's and client's CPU
  per task ``s`` (2000 trivial tasks at once; a local cluster's scheduler runs in the driver
  process, a jobqueue cluster's too).

Model: workers run in parallel, the driver handles one chunk at a time, so

    throughput(N) = n / max(W(n) / N, D(n))          [points/s]

with the driver the bottleneck from ``N* = W/D`` workers on. Every cost is the fastest of its
repeats (the cost on an unloaded core; the load is recorded). The model is checked against the
steady-state throughput of the real `DaskExecutor` (local cluster; cluster start and warm-up
excluded; every chunk written as the scan runner does) with 1 and 2 workers. On a shared
machine the workers get only part of a core: the check scales the prediction by the share they
got during that very run (their CPU time over their wall time, from the chunks' metadata).
Predictions are for N = 1, 2, 16, 64, 256 workers with the default chunk size (dedicated cores
at this machine's speed, driver on its own core, the same file system; ``--dir`` times the
driver's writes on another one), and without the write's I/O wait (the most any file system can give).
Not a test: nothing is asserted.

Run: python benchmarks/bench_scan_cost.py [--repeat 3] [--chunks 12] [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

for _v in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from _results import save  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = (250, 1000, 2000, 4000, 10_000, 20_000)
DRIVER_SIZES = (2000, 10_000, 20_000)
PREDICT_N = (1, 2, 16, 64, 256)


def _config(chunk: int, n: int):
    from darkseesaw.scan.config import parse_config

    doc = yaml.safe_load((ROOT / "examples/scans/iss-3x3-random.yaml").read_text())
    doc["model_file"] = str(ROOT / "examples/iss-3x3.yaml")
    doc["chunk_size"] = chunk
    doc["sampler"] = {"name": "random", "n": n}
    return parse_config(doc, "iss-3x3-random.yaml")


def _chunk_args(chunk: int, k: int, n_chunks: int = 64):
    """(cfg_json, target, first_id, params) of chunk k, as the scan runner builds them."""
    from darkseesaw.scan.designs import Design
    from darkseesaw.scan.evaluate import Target
    from darkseesaw.scan.space import ParameterSpace

    cfg = _config(chunk, chunk * n_chunks)
    design, space = Design(cfg), ParameterSpace(cfg)
    a, _ = design.chunk_range(k)
    return cfg.model_dump_json(), Target(cfg), a, space.from_unit(design.unit_block(k))


def _fit(n, t) -> tuple[float, float]:
    """t = a + b n, least squares in relative error (weights 1/t)."""
    b, a = np.polyfit(np.asarray(n, float), np.asarray(t, float), 1, w=1 / np.asarray(t))
    return float(a), float(b)


def measure_compute(repeat: int) -> tuple[dict, dict]:
    from darkseesaw.scan.session import run_chunk

    args = {n: _chunk_args(n, 3) for n in SIZES}
    small = _chunk_args(100, 0)
    run_chunk(*small)  # numba caches, tables, model file
    cpu: dict[int, list[float]] = {n: [] for n in SIZES}
    wall: dict[int, list[float]] = {n: [] for n in SIZES}
    tables = {}
    for rep in range(repeat):
        for n in (SIZES if rep % 2 == 0 else SIZES[::-1]):
            c0, t0 = time.thread_time(), time.perf_counter()
            tables[n] = run_chunk(*args[n])
            wall[n].append(time.perf_counter() - t0)
            cpu[n].append(time.thread_time() - c0)
    a, b = _fit(SIZES, [min(cpu[n]) for n in SIZES])
    aw, bw = _fit(SIZES, [min(wall[n]) for n in SIZES])
    fig = {"sizes": list(SIZES), "cpu_s_min": [min(cpu[n]) for n in SIZES],
           "wall_s_min": [min(wall[n]) for n in SIZES],
           "wall_s_median": [statistics.median(wall[n]) for n in SIZES],
           "a_s": a, "b_s_per_point": b, "points_per_s_per_core": 1 / b,
           "a_wall_s": aw, "b_wall_s_per_point": bw,
           "fit_max_rel_err": max(abs(a + b * n - min(cpu[n])) / min(cpu[n]) for n in SIZES)}
    return fig, tables


def measure_storage(tables: dict, repeat: int, where: str | None = None) -> dict:
    """`ScanStore.write_chunk` per chunk size: its CPU (Parquet encoding, snappy; the fastest)
    plus its I/O wait (wall minus CPU: write, fsync, rename; the smallest), which is the wall
    time on an unloaded core and does not count the waits for a CPU on a shared machine."""
    from darkseesaw.scan.storage import ScanStore

    wall: dict[int, list[float]] = {n: [] for n in SIZES}
    cpu: dict[int, list[float]] = {n: [] for n in SIZES}
    with tempfile.TemporaryDirectory(prefix="bench_scan_cost_", dir=where) as d:
        store = ScanStore(d)
        store.create({"chunks": {}, "sessions": []})
        k = 0
        for _ in range(max(2 * repeat, 8)):
            for n in SIZES:
                table, meta = tables[n]
                t0, c0 = time.perf_counter(), time.process_time()
                store.write_chunk(k, table, meta)
                wall[n].append(time.perf_counter() - t0)
                cpu[n].append(time.process_time() - c0)
                k += 1
        size = {n: store.chunk_path(SIZES.index(n)).stat().st_size for n in SIZES}
    io = [min(w - c for w, c in zip(wall[n], cpu[n], strict=True)) for n in SIZES]
    est = [min(cpu[n]) + max(x, 0.0) for n, x in zip(SIZES, io, strict=True)]
    w0, w1 = _fit(SIZES, est)
    cw0, cw1 = _fit(SIZES, [min(cpu[n]) for n in SIZES])  # the encoding alone
    return {"write_s": est, "write_cpu_s_min": [min(cpu[n]) for n in SIZES], "write_io_s": io,
            "write_wall_s_min": [min(wall[n]) for n in SIZES],
            "write_wall_s_median": [statistics.median(wall[n]) for n in SIZES],
            "w0_s": w0, "w1_s_per_point": w1, "file_bytes": [size[n] for n in SIZES],
            "cpu_w0_s": cw0, "cpu_w1_s_per_point": cw1,
            "table_bytes": [tables[n][0].nbytes for n in SIZES]}


def _trivial(i):
    return i


def _identity(x):
    return x


def measure_dask(table, n_round: int = 300, n_burst: int = 2000) -> dict:
    """Round trips on a local cluster of one single-threaded worker process: wall time (the
    fastest) and the driver process's CPU (client + scheduler: a LocalCluster, like a
    dask-jobqueue cluster, runs its scheduler in the process that made it)."""
    import logging

    from distributed import Client, LocalCluster, wait

    def trips(fn, arg, n):
        wall = []
        c0 = time.process_time()
        for _ in range(n):
            t0 = time.perf_counter()
            client.submit(fn, arg, pure=False).result()
            wall.append(time.perf_counter() - t0)
        return wall, (time.process_time() - c0) / n

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        client.submit(_trivial, -1, pure=False).result()
        rt, rt_cpu = trips(_trivial, 0, n_round)
        remote = client.scatter(table)
        rp, rp_cpu = trips(_identity, remote, max(n_round // 5, 30))
        del remote
        t0, c0 = time.perf_counter(), time.process_time()
        futs = [client.submit(_trivial, i, pure=False) for i in range(n_burst)]
        wait(futs)
        burst, burst_cpu = time.perf_counter() - t0, time.process_time() - c0
        del futs
    return {"round_trip_s_min": min(rt), "round_trip_s_median": statistics.median(rt),
            "round_trip_driver_cpu_s": rt_cpu,
            "payload_round_trip_s_min": min(rp), "payload_round_trip_s_median": statistics.median(rp),
            "payload_round_trip_driver_cpu_s": rp_cpu,
            "payload_rows": table.num_rows, "payload_bytes": table.nbytes,
            "payload_bytes_per_point": table.nbytes / table.num_rows,
            # receiving a chunk's table: the driver's extra CPU over a trivial result
            "transfer_s": max(rp_cpu - rt_cpu, 0.0),
            "transfer_wall_s": max(min(rp) - min(rt), 0.0),
            "burst_tasks": n_burst, "burst_wall_s_per_task": burst / n_burst,
            "scheduler_s_per_task": burst_cpu / n_burst}


def driver_parts(n: int, cost: dict) -> float:
    """The driver's time per chunk as the sum of its parts timed one by one: write, receive,
    scheduler (bottom-up; the driver check shows what it leaves out)."""
    s, d = cost["storage"], cost["dask"]
    return s["w0_s"] + s["w1_s_per_point"] * n + d["transfer_s"] * n / d["payload_rows"] \
        + d["scheduler_s_per_task"]


def model(n: int, cost: dict, workers: int, share: float = 1.0, io: bool = True) -> dict:
    """Predicted steady-state throughput (points/s) of ``workers`` workers, chunks of n.

    ``W`` from the worker's costs; ``D`` as measured with the driver alone (fit d0 + d1 n).
    ``share``: the fraction of a core each process gets (1 on dedicated cores; on a shared
    machine, measured during the run as the workers' CPU time over their wall time).
    ``io=False``: the driver without the write's I/O wait (a file system that absorbs the writes
    at no cost: the most any file system can give)."""
    c, s, d = cost["compute"], cost["storage"], cost["dask"]
    W = c["a_s"] + c["b_s_per_point"] * n + d["round_trip_s_min"]
    D = cost["driver"]["d0_s"] + cost["driver"]["d1_s_per_point"] * n
    if not io:
        D -= max(s["w0_s"] - s["cpu_w0_s"] + (s["w1_s_per_point"] - s["cpu_w1_s_per_point"]) * n,
                 0.0)
    return {"W_s": W, "D_s": D, "points_per_s": share * n / max(W / workers, D),
            "bound": "driver" if D > W / workers else "workers"}


def measure_throughput(workers: int, chunk: int, n_chunks: int) -> tuple[float, float, float]:
    """Steady-state points/s of the real DaskExecutor + chunk writes (the runner's loop), and
    the share of a core the workers got meanwhile (their CPU time / wall time)."""
    from darkseesaw.scan.executors import DaskExecutor
    from darkseesaw.scan.session import run_chunk
    from darkseesaw.scan.storage import ScanStore

    args = [_chunk_args(chunk, k, n_chunks + 1) for k in range(n_chunks)]
    cfg_json, target = args[0][0], args[0][1]
    with tempfile.TemporaryDirectory(prefix="bench_scan_cost_") as d, \
            DaskExecutor(workers=workers) as ex:
        store = ScanStore(d)
        store.create({"chunks": {}, "sessions": []})
        warm = [(("w", i), run_chunk, (cfg_json, target, 0,
                                       {k: v[:200] for k, v in args[0][3].items()}))
                for i in range(2 * workers)]
        for _ in ex.run(warm):  # imports, numba caches and the model file in every worker
            pass
        tasks = [(k, run_chunk, args[k]) for k in range(n_chunks)]
        t0 = time.perf_counter()
        rows, cpu, wall = 0, 0.0, 0.0
        for k, (table, meta) in ex.run(tasks):
            store.write_chunk(k, table, meta)
            rows += table.num_rows
            cpu += meta["cpu_s"]
            wall += meta["compute_s"]
        return rows / (time.perf_counter() - t0), cpu / wall, wall / n_chunks


def _as_chunk(table, k):
    return table, {"rows": table.num_rows, "chunk": k}


def _runqueue_wait_s() -> float:
    """Time this thread has spent runnable but waiting for a core (Linux schedstat; 0 if
    unknown): on a shared machine, the part of its wall time that other jobs took."""
    import threading

    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def measure_driver_bound(table, n_chunks: int, workers: int = 2, where: str | None = None) -> dict:
    """The driver alone at full speed: workers hand back a ready chunk-sized table at once (as
    if there were very many of them), the driver receives and writes every chunk. Returns the
    chunks/s and the driver process's CPU per chunk."""
    from darkseesaw.scan.executors import DaskExecutor
    from darkseesaw.scan.storage import ScanStore

    with tempfile.TemporaryDirectory(prefix="bench_scan_cost_", dir=where) as d, \
            DaskExecutor(workers=workers) as ex:
        store = ScanStore(d)
        store.create({"chunks": {}, "sessions": []})
        remote = ex._client.scatter(table, broadcast=True)
        for _ in ex.run([(k, _as_chunk, (remote, k)) for k in range(2 * workers)]):
            pass
        t0, c0, q0 = time.perf_counter(), time.process_time(), _runqueue_wait_s()
        for k, (t, meta) in ex.run([(k, _as_chunk, (remote, k)) for k in range(n_chunks)]):
            store.write_chunk(k, t, meta)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        queued = _runqueue_wait_s() - q0
    own = wall - queued  # the driver's loop without its waits for a core
    return {"chunks": n_chunks, "chunk_s": wall / n_chunks, "driver_cpu_s_per_chunk": cpu / n_chunks,
            "runqueue_wait_s_per_chunk": queued / n_chunks, "own_chunk_s": own / n_chunks,
            "points_per_s": n_chunks * table.num_rows / wall,
            "own_points_per_s": n_chunks * table.num_rows / own, "load": list(os.getloadavg())}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chunks", type=int, default=12, help="chunks per validation run")
    ap.add_argument("--runs", type=int, default=2, help="validation runs per worker count")
    ap.add_argument("--dir", default=None, help="folder the driver writes to (default: the "
                    "temporary folder; give the file system your scans write to)")
    a = ap.parse_args()
    from darkseesaw.scan.config import ScanConfig

    chunk = int(ScanConfig.model_fields["chunk_size"].default)
    load0 = os.getloadavg()
    print(f"scan cost model: examples/scans/iss-3x3-random.yaml; {os.cpu_count()} CPUs; "
          f"load {load0}; default chunk {chunk:,}", flush=True)
    compute, tables = measure_compute(a.repeat)
    print(f"compute: a = {compute['a_s'] * 1e3:.2f} ms/chunk, b = {compute['b_s_per_point'] * 1e6:.2f}"
          f" µs/point ({compute['points_per_s_per_core']:,.0f} points/s/core; fit within "
          f"{compute['fit_max_rel_err']:.1%})", flush=True)
    storage = measure_storage(tables, a.repeat, a.dir)
    print(f"storage: w = {storage['w0_s'] * 1e3:.2f} ms + {storage['w1_s_per_point'] * 1e6:.3f} "
          f"µs/point (Parquet, fsync, rename)", flush=True)
    dask = measure_dask(tables[chunk][0])
    print(f"dask: round trip {dask['round_trip_s_min'] * 1e3:.2f} ms (median "
          f"{dask['round_trip_s_median'] * 1e3:.2f}), result transfer "
          f"{dask['transfer_s'] * 1e3:.2f} ms per {dask['payload_rows']:,}-row table "
          f"({dask['payload_bytes'] / 1e6:.1f} MB), scheduler + client "
          f"{dask['scheduler_s_per_task'] * 1e3:.2f} ms CPU/task", flush=True)
    cost = {"compute": compute, "storage": storage, "dask": dask}
    sims = {n: measure_driver_bound(tables[n][0], max(8, 4 * a.chunks * chunk // n), where=a.dir)
            for n in DRIVER_SIZES}
    d0, d1 = _fit(DRIVER_SIZES, [sims[n]["own_chunk_s"] for n in DRIVER_SIZES])
    cost["driver"] = {"sizes": list(DRIVER_SIZES), "d0_s": d0, "d1_s_per_point": d1,
                      "runs": {str(n): sims[n] for n in DRIVER_SIZES},
                      "parts_s": [driver_parts(n, cost) for n in DRIVER_SIZES]}
    sim = sims[chunk]
    for n in DRIVER_SIZES:
        r = sims[n]
        print(f"driver alone, chunks of {n:,} (workers return ready tables): "
              f"{r['chunk_s'] * 1e3:.1f} ms per chunk, of which {r['runqueue_wait_s_per_chunk'] * 1e3:.1f}"
              f" ms waiting for a core; {r['driver_cpu_s_per_chunk'] * 1e3:.1f} ms driver CPU; "
              f"sum of the parts {driver_parts(n, cost) * 1e3:.1f} ms", flush=True)
    print(f"driver: D = {d0 * 1e3:.1f} ms + {d1 * 1e6:.2f} µs/point", flush=True)
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for rep in range(a.runs):
        for nw in ((1, 2) if rep % 2 == 0 else (2, 1)):
            rate, share, busy = measure_throughput(nw, chunk, a.chunks)
            pred = model(chunk, cost, nw, share)["points_per_s"]
            # a worker's time per chunk, and how much of it run_chunk took (the rest: Dask's
            # worker, (de)serialising arguments and result, waiting for the next task)
            period = nw * chunk / rate
            runs[nw].append({"measured": rate, "predicted": pred, "cpu_share": share,
                             "ratio": rate / pred, "load": list(os.getloadavg()),
                             "chunk_period_s": period, "run_chunk_wall_s": busy,
                             "outside_run_chunk_s": period - busy,
                             # CPU per point inside the workers (vs b measured alone)
                             "cpu_us_per_point": busy * share / chunk * 1e6})
            print(f"  {nw} worker(s): measured {rate:,.0f} points/s, predicted {pred:,.0f} "
                  f"(workers got {share:.0%} of a core each; load {os.getloadavg()[0]:.2f})",
                  flush=True)
    sim.update(parts_s=driver_parts(chunk, cost),
               parts_over_measured=driver_parts(chunk, cost) / sim["own_chunk_s"])
    validation = {"driver_bound": sim}
    for nw in (1, 2):
        best = max(runs[nw], key=lambda r: r["cpu_share"])  # the run least disturbed
        validation[str(nw)] = {**best, "runs": runs[nw]}
        print(f"validation, {nw} worker(s): measured/predicted "
              + ", ".join(f"{r['ratio']:.2f}" for r in runs[nw]))
    prediction = {}
    for nw in PREDICT_N:
        m = model(chunk, cost, nw)
        prediction[str(nw)] = {"points_per_s": m["points_per_s"], "bound": m["bound"],
                               "efficiency": m["points_per_s"] / (nw * chunk / m["W_s"])}
        print(f"predicted, {nw:4d} workers: {m['points_per_s']:>12,.0f} points/s "
              f"({m['bound']}-bound)")
    for nw in PREDICT_N:
        m = model(chunk, cost, nw, io=False)
        prediction[str(nw)].update(no_io_points_per_s=m["points_per_s"], no_io_bound=m["bound"])
        print(f"  without the write's I/O wait: {m['points_per_s']:>12,.0f} points/s "
              f"({m['bound']}-bound)")
    m1 = model(chunk, cost, 1)
    m1_cpu = model(chunk, cost, 1, io=False)
    b = compute["b_s_per_point"]
    ov = compute["a_s"] + dask["round_trip_s_min"]
    d_per_point = cost["driver"]["d1_s_per_point"]
    figures = {
        **cost, "chunk": chunk,
        "W_s": m1["W_s"], "D_s": m1["D_s"], "saturation_workers": m1["W_s"] / m1["D_s"],
        "driver_max_points_per_s": chunk / m1["D_s"],
        "driver_limit_any_chunk_points_per_s": 1 / d_per_point,
        "driver_fixed_s": cost["driver"]["d0_s"],
        "driver_s_per_point": d_per_point,
        "overhead_fraction_default_chunk": ov / m1["W_s"],
        # worker overhead per chunk below 5 % (1 %) of its time: n > 19 (99) · overhead / b
        "worker_overhead_s": ov, "chunk_for_5pct": 19 * ov / b, "chunk_for_1pct": 99 * ov / b,
        "D_no_io_s": m1_cpu["D_s"], "saturation_workers_no_io": m1["W_s"] / m1_cpu["D_s"],
        "prediction": prediction, "validation": validation,
        # a chunk's table crosses the network once: points/s a 1 (10) Gbit/s link carries
        "link_1gbit_points_per_s": 125e6 / dask["payload_bytes_per_point"],
        "link_10gbit_points_per_s": 1.25e9 / dask["payload_bytes_per_point"],
        "by_chunk": {str(n): {"overhead_fraction": ov / model(n, cost, 1)["W_s"],
                              "chunk_s": model(n, cost, 1)["W_s"],
                              "saturation_workers": model(n, cost, 1)["W_s"]
                              / model(n, cost, 1)["D_s"],
                              "driver_max_points_per_s": n / model(n, cost, 1)["D_s"]}
                     for n in (1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000)},
    }
    tr = dask["transfer_s"]
    figures["quoted"] = {  # the same figures in the units the docs quote
        "b_us": b * 1e6, "a_ms": compute["a_s"] * 1e3, "r0_ms": dask["round_trip_s_min"] * 1e3,
        "r0_median_ms": dask["round_trip_s_median"] * 1e3, "w0_ms": storage["w0_s"] * 1e3,
        "w1_us": storage["w1_s_per_point"] * 1e6,
        "write_default_ms": (storage["w0_s"] + storage["w1_s_per_point"] * chunk) * 1e3,
        "transfer_ms": tr * 1e3, "transfer_wall_ms": dask["transfer_wall_s"] * 1e3,
        "scheduler_ms": dask["scheduler_s_per_task"] * 1e3, "W_ms": m1["W_s"] * 1e3,
        "D_ms": m1["D_s"] * 1e3, "payload_MB": dask["payload_bytes"] / 1e6,
        "driver_fixed_ms": figures["driver_fixed_s"] * 1e3,
        "driver_us_per_point": d_per_point * 1e6,
        "sim_chunk_ms": validation["driver_bound"]["chunk_s"] * 1e3,
        "sim_own_chunk_ms": validation["driver_bound"]["own_chunk_s"] * 1e3,
        "sim_runqueue_ms": validation["driver_bound"]["runqueue_wait_s_per_chunk"] * 1e3,
        "write_cpu_default_ms": storage["write_cpu_s_min"][SIZES.index(chunk)] * 1e3,
        "write_io_default_ms": storage["write_io_s"][SIZES.index(chunk)] * 1e3,
        "D_no_io_ms": m1_cpu["D_s"] * 1e3,
        "outside_1_ms": validation["1"]["outside_run_chunk_s"] * 1e3,
        "period_1_ms": validation["1"]["chunk_period_s"] * 1e3,
        "D_parts_ms": driver_parts(chunk, cost) * 1e3,
        "d0_ms": cost["driver"]["d0_s"] * 1e3, "d1_us": cost["driver"]["d1_s_per_point"] * 1e6,
        "sim_driver_cpu_ms": validation["driver_bound"]["driver_cpu_s_per_chunk"] * 1e3,
    }
    save("scan_cost", figures, load_before=load0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
