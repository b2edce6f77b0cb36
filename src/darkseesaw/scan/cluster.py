"""Dask workers as SLURM or PBS batch jobs (dask-jobqueue), from a configuration file.

The file is dask-jobqueue's own ``jobqueue.yaml`` format for one batch system (copy
``examples/cluster/slurm.yaml`` or ``pbs.yaml`` and edit the account, queue and limits)::

    jobqueue:
      slurm:
        cores: 4            # cores per job ...
        processes: 4        # ... split into 4 single-threaded Dask workers
        memory: 8GB         # per job
        walltime: "04:00:00"

`jobqueue_cluster` builds the `dask_jobqueue.SLURMCluster` (or ``PBSCluster``, ...) from it:
the scheduler starts in this process, nothing is submitted until ``cluster.scale``. A scan
connects to it through its address (``run_scan(..., scheduler=cluster.scheduler_address)``, or
``darkseesaw scan ... --scheduler ADDRESS``). On the command line::

    python -m darkseesaw.scan.cluster slurm.yaml --job-script      # print the batch script
    python -m darkseesaw.scan.cluster slurm.yaml --workers 64      # submit, print the address

The second form keeps the scheduler running (and the jobs queued or running) until Ctrl-C,
which cancels the jobs. ``dask-jobqueue`` is an optional dependency (``pip install
"darkseesaw[cluster]"``). Keys are checked against dask-jobqueue's own settings of that system
(a misspelt key is a one-line error, not a silently ignored setting); hyphens and underscores
are interchangeable, as everywhere in Dask's configuration.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from darkseesaw.errors import InputError

__all__ = ["SYSTEMS", "read_jobqueue_config", "jobqueue_cluster", "main"]

SYSTEMS = {"slurm": "SLURMCluster", "pbs": "PBSCluster", "sge": "SGECluster",
           "lsf": "LSFCluster", "htcondor": "HTCondorCluster", "oar": "OARCluster",
           "moab": "MoabCluster"}
"""Batch systems of dask-jobqueue: the key under ``jobqueue:`` and its cluster class."""


def _import_jobqueue(file: str) -> Any:
    try:
        import dask_jobqueue
    except ImportError:
        raise InputError(file, None, "needs dask-jobqueue: pip install "
                         "'darkseesaw[cluster]' (or dask-jobqueue)") from None
    return dask_jobqueue


def read_jobqueue_config(path: str | Path) -> tuple[str, dict[str, Any]]:
    """``(system, settings)`` of a jobqueue.yaml file, settings with hyphenated keys.

    Raises `InputError` (file, key, problem) for a file that is not one ``jobqueue: {system:
    {...}}`` mapping, an unknown system, a key dask-jobqueue does not know for that system, or a
    missing ``cores`` or ``memory``.
    """
    import dask

    from darkseesaw.io import load_yaml, read_user_text

    file = str(path)
    data = load_yaml(read_user_text(path), file)
    if not isinstance(data, dict) or set(data) != {"jobqueue"} \
            or not isinstance(data["jobqueue"], dict) or len(data["jobqueue"]) != 1:
        raise InputError(file, None, "expected one mapping 'jobqueue: {SYSTEM: {settings}}' "
                         f"with one SYSTEM of {', '.join(SYSTEMS)}")
    (system, settings), = data["jobqueue"].items()
    if system not in SYSTEMS:
        raise InputError(file, "jobqueue", f"unknown batch system {system!r}: use one of "
                         f"{', '.join(SYSTEMS)}")
    key = f"jobqueue.{system}"
    if not isinstance(settings, dict):
        raise InputError(file, key, "expected a mapping of settings (cores, memory, ...)")
    _import_jobqueue(file)  # loads dask-jobqueue's defaults into dask.config
    known = set(dask.config.get(key, {}))
    out = {}
    for k, v in settings.items():
        name = str(k).replace("_", "-")
        if name not in known:
            raise InputError(file, f"{key}.{k}", "not a dask-jobqueue setting of "
                             f"{system} (known: {', '.join(sorted(known))})")
        out[name] = v
        _check_type(file, f"{key}.{k}", name, v, dask.config.get(key)[name])
    for need in ("cores", "memory"):
        if out.get(need) in (None, ""):
            raise InputError(file, f"{key}.{need}", "required (per job)")
    if not isinstance(out["cores"], int) or isinstance(out["cores"], bool) or out["cores"] < 1:
        raise InputError(file, f"{key}.cores", f"a positive integer, got {out['cores']!r}")
    procs = out.get("processes")
    if procs is not None and (not isinstance(procs, int) or isinstance(procs, bool)
                              or not 1 <= procs <= out["cores"]):
        raise InputError(file, f"{key}.processes", f"an integer from 1 to cores "
                         f"({out['cores']}), got {procs!r}")
    return system, out


def _check_type(file: str, where: str, name: str, value: Any, default: Any) -> None:
    """A setting's value of the kind dask-jobqueue uses it as (it does not check, and a wrong
    kind gives a traceback or, worse, a batch script that is silently wrong)."""
    if value is None:
        return
    if isinstance(default, list) or name in ("job-extra", "env-extra", "extra"):
        # a single string would be written one character per line (#SBATCH -, #SBATCH c, ...)
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise InputError(file, where, f"a list of strings, got {value!r}")
    elif isinstance(default, dict):
        if not isinstance(value, dict):
            raise InputError(file, where, f"a mapping, got {value!r}")
    elif name == "walltime":
        # unquoted 10:00:00 is YAML's base-60 integer 36000 (SLURM reads minutes: 25 days)
        if not isinstance(value, str):
            raise InputError(file, where, f"a quoted string such as \"04:00:00\", got {value!r}"
                             " (YAML reads an unquoted H:MM:SS as a base-60 number)")
    elif name == "memory":
        from dask.utils import parse_bytes

        try:
            ok = isinstance(value, str) and parse_bytes(value) > 0
        except (ValueError, TypeError):
            ok = False
        if not ok:
            raise InputError(file, where, f"an amount with a unit such as 8GB, got {value!r}")
    elif name == "death-timeout":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise InputError(file, where, f"a positive number of seconds, got {value!r}")
    elif isinstance(default, str) or name in ("queue", "account", "python", "interface",
                                              "local-directory", "log-directory"):
        if not isinstance(value, str):
            raise InputError(file, where, f"a string, got {value!r}")


def jobqueue_cluster(path: str | Path, **overrides: Any) -> Any:
    """The dask-jobqueue cluster described by the jobqueue.yaml file ``path``.

    ``overrides`` are keyword arguments of the cluster class (they win over the file). The
    scheduler starts now, in this process; no job is submitted until ``cluster.scale(n=...)``.
    Use it as a context manager (closing cancels the jobs).

    Examples
    --------
    >>> from darkseesaw.scan import run_scan                      # doctest: +SKIP
    >>> with jobqueue_cluster("slurm.yaml") as cluster:           # doctest: +SKIP
    ...     cluster.scale(n=64)
    ...     run_scan("iss.yaml", "/scratch/me/iss", scheduler=cluster.scheduler_address)
    """
    system, settings = read_jobqueue_config(path)
    cls = getattr(_import_jobqueue(str(path)), SYSTEMS[system])
    # every jobqueue setting is also a keyword of the cluster class (hyphens -> underscores);
    # as keywords they hold for the cluster's whole life, not only while it is built
    kwargs = {("job_name" if k == "name" else k.replace("-", "_")): v for k, v in settings.items()}
    if "scheduler_options" in overrides and isinstance(kwargs.get("scheduler_options"), dict):
        overrides = {**overrides,
                     "scheduler_options": {**kwargs["scheduler_options"],
                                           **overrides["scheduler_options"]}}
    return cls(**{**kwargs, **overrides})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m darkseesaw.scan.cluster",
                                 description="Start Dask workers as batch jobs (dask-jobqueue) "
                                             "for darkseesaw scan --scheduler.")
    ap.add_argument("config", help="jobqueue.yaml-style file (examples/cluster/slurm.yaml)")
    ap.add_argument("--workers", type=int, default=None,
                    help="Dask workers to submit (rounded up to whole jobs; default one job)")
    ap.add_argument("--job-script", action="store_true",
                    help="print the batch script of one job and exit (submits nothing)")
    a = ap.parse_args(argv)
    if a.workers is not None and a.workers < 1:
        ap.error(f"--workers: a positive integer, got {a.workers}")
    # printing the script needs a scheduler address, not a dashboard or a fixed port
    quiet = {"scheduler_options": {"port": 0, "dashboard_address": ":0"}} if a.job_script \
        else {}
    try:
        cluster = jobqueue_cluster(a.config, **quiet)
    except InputError as e:
        print(f"darkseesaw: error: {e}", file=sys.stderr)
        return 2
    with cluster:
        if a.job_script:
            print(cluster.job_script())
            return 0
        if a.workers:
            cluster.scale(n=a.workers)
        else:
            cluster.scale(jobs=1)
        jobs = len(cluster.worker_spec)
        print(cluster.scheduler_address, flush=True)
        print(f"darkseesaw: {jobs} job(s) submitted; scan with: darkseesaw scan CONFIG --out DIR "
              f"--scheduler {cluster.scheduler_address}\n"
              "Ctrl-C stops the scheduler and cancels the jobs.", file=sys.stderr, flush=True)
        try:
            _serve()
        except KeyboardInterrupt:
            pass
    return 0


def _serve() -> None:
    """Keep the scheduler (this process) alive until Ctrl-C."""
    import time

    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
