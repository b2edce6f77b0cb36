"""Executors: where chunks are computed. Serial, a local process pool (default), or Dask.

All three run the same pure function on the same arguments, so the stored results do not
depend on the executor. Each keeps a bounded number of chunks in flight (2 per worker) and
hands results back in completion order; the driver process writes the files.

Worker counts are capped (`cap_workers`): never more than the cores this process may run on
(``os.sched_getaffinity``, else ``os.cpu_count``) nor than the chunks left to compute, with a
note on stderr when a requested ``--workers N`` is lowered. Workers ignore SIGINT: Ctrl-C
reaches the driver, which stops the pool (running chunks are abandoned; stored ones stay).

- ``serial``: in this process (debugging, tiny scans);
- ``processes``: `concurrent.futures.ProcessPoolExecutor` with the ``spawn`` start method,
  ``--workers N`` processes (default: the CPU count), one BLAS thread each; workers exit when
  the driver dies (a watchdog thread), so a killed scan leaves no orphans behind;
- ``dask``: `distributed.Client` on an existing scheduler (``--scheduler tcp://host:8786``, e.g.
  a SLURM/PBS cluster started with dask-jobqueue: `darkseesaw.scan.cluster`, ``docs/scans.md``)
  or a `LocalCluster` of ``--workers N`` single-threaded worker processes. On an existing
  scheduler it waits for the first worker without a time limit (batch jobs may be queued) and
  recounts the workers every second, so that workers joining later get chunks too.

Example
-------
>>> with make_executor("serial") as ex:
...     list(ex.run([("a", pow, (2, 3))]))
[('a', 8)]
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "NUMBA_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")

Task = tuple[Any, Callable, tuple]


def _single_threaded_env() -> None:
    for v in _THREAD_VARS:
        os.environ.setdefault(v, "1")


def _watch_parent(ppid: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != ppid:
            os._exit(3)


def _worker_init(ppid: int) -> None:
    _single_threaded_env()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    threading.Thread(target=_watch_parent, args=(ppid,), daemon=True).start()


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity; the CPU count where that is unknown)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def cap_workers(requested: int | None, pending: int | None = None) -> tuple[int, str | None]:
    """Workers to start for ``requested`` (None: as many as useful) and ``pending`` chunks.

    Returns ``(n, note)``: n ≤ the available cores and ≤ the pending chunks (at least 1); the
    note says why a requested number was lowered (None otherwise).

    >>> cap_workers(10_000, 2)[0] == min(2, available_cores())
    True
    """
    cores = available_cores()
    n = int(requested) if requested else cores
    cap = max(1, min(n, cores, pending if pending is not None else n))
    note = None
    if requested and cap < requested:
        why = [f"{cores} core{'s' if cores != 1 else ''} available"]
        if pending is not None and pending < requested:
            why.append(f"{pending} chunk{'s' if pending != 1 else ''} to compute")
        note = f"--workers {requested} lowered to {cap} ({', '.join(why)})"
    return cap, note


class Executor:
    """Base: ``run(tasks)`` yields ``(key, result)`` as tasks finish."""

    name = "base"
    workers = 1

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(abort=exc_type is not None and issubclass(exc_type, KeyboardInterrupt))

    def close(self, abort: bool = False) -> None:
        """Release the workers; ``abort`` (Ctrl-C) stops running tasks instead of waiting."""

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[Any, Any]]:
        raise NotImplementedError

    def warm_up(self, fn: Callable, args: tuple) -> None:
        """Start the workers and let each run ``fn(*args)`` once (imports, model loading),
        without waiting; results are discarded."""

    def describe(self) -> str:
        return f"{self.name} ({self.workers} worker{'s' if self.workers != 1 else ''})"


class SerialExecutor(Executor):
    name = "serial"

    def run(self, tasks):
        for key, fn, args in tasks:
            yield key, fn(*args)


class ProcessExecutor(Executor):
    name = "processes"

    def __init__(self, workers: int | None = None):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.workers = int(workers or os.cpu_count() or 1)
        self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                         mp_context=mp.get_context("spawn"),
                                         initializer=_worker_init, initargs=(os.getpid(),))

    def warm_up(self, fn, args):
        self._warm = [self._pool.submit(fn, *args) for _ in range(self.workers)]

    def run(self, tasks):
        from concurrent.futures import FIRST_COMPLETED, wait

        it = iter(tasks)
        pending: dict[Any, Any] = {}
        window = 2 * self.workers
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    key, fn, args = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending[self._pool.submit(fn, *args)] = key
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                key = pending.pop(fut)
                yield key, fut.result()

    def close(self, abort: bool = False):
        if abort:  # Ctrl-C: do not wait for the chunks in flight (their results are lost)
            procs = list((getattr(self._pool, "_processes", None) or {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for pr in procs:
                pr.terminate()
            for pr in procs:
                pr.join(timeout=5)
            return
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        import logging

        from distributed import Client, LocalCluster

        self._cluster = None
        if scheduler:
            self._client = Client(scheduler, timeout="30s")
        else:
            import dask

            _single_threaded_env()
            n = int(workers or os.cpu_count() or 1)
            # Dask sets MALLOC_TRIM_THRESHOLD_=65536 in its workers, which also switches off
            # glibc's adaptive mmap threshold: every large temporary array of a vectorised
            # chunk is then mmap'ed and page-faulted afresh (measured: ~5 % CPU on iss-3x3).
            env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
            env.pop("MALLOC_TRIM_THRESHOLD_", None)
            with dask.config.set({"distributed.nanny.pre-spawn-environ": env}):
                self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        self.address = self._client.scheduler.address
        if scheduler and not self._client.nthreads():
            # workers of a batch cluster (dask-jobqueue) may wait in the queue for a long time
            print(f"darkseesaw: note: waiting for the first Dask worker at {self.address} "
                  "(batch jobs may still be queued; Ctrl-C stops)", file=sys.stderr, flush=True)
        self._client.wait_for_workers(1, timeout=None if scheduler else 60)
        info = self._client.scheduler_info(n_workers=-1) if _accepts_n_workers(self._client) \
            else self._client.scheduler_info()
        self.workers = max(1, sum(w.get("nthreads", 1) for w in info["workers"].values()))

    def _refresh_workers(self) -> None:
        """Count the worker threads again: on a batch cluster, workers join (and leave) while
        the scan runs, and the chunks in flight (2 per worker thread) follow them."""
        try:
            n = sum(self._client.nthreads().values())
        except Exception:  # noqa: BLE001 - a scheduler hiccup: keep the last count
            return
        if n:
            self.workers = n

    def run(self, tasks):
        from distributed import as_completed

        it = iter(tasks)
        keys: dict[str, Any] = {}
        ac = as_completed()
        n_pending = 0
        exhausted = False
        counted = time.monotonic()

        def fill() -> None:  # keep 2 chunks per worker thread in flight
            nonlocal n_pending, exhausted
            while not exhausted and n_pending < 2 * self.workers:
                try:
                    key, fn, args = next(it)
                except StopIteration:
                    exhausted = True
                    return
                fut = self._client.submit(fn, *args, pure=False)
                keys[fut.key] = key
                ac.add(fut)
                n_pending += 1

        fill()
        while n_pending:
            fut = next(ac)
            n_pending -= 1
            res = fut.result()
            key = keys.pop(fut.key)
            fut.release()
            if time.monotonic() - counted >= 1.0:
                self._refresh_workers()
                counted = time.monotonic()
            fill()
            yield key, res

    def describe(self) -> str:
        where = "local cluster" if self._cluster is not None else self.address
        return f"dask ({self.workers} worker threads, {where})"

    def close(self, abort: bool = False):
        try:
            self._client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()


def _accepts_n_workers(client) -> bool:
    import inspect

    try:
        return "n_workers" in inspect.signature(client.scheduler_info).parameters
    except (TypeError, ValueError):
        return False


def make_executor(kind: str = "processes", workers: int | None = None,
                  scheduler: str | None = None) -> Executor:
    """An executor by name: ``serial``, ``processes`` or ``dask``."""
    if scheduler and kind != "dask":
        kind = "dask"
    if kind == "serial":
        return SerialExecutor()
    if kind == "processes":
        return ProcessExecutor(workers)
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    raise ValueError(f"unknown executor {kind!r}: use serial, processes or dask")
