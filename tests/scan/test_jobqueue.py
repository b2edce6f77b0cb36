"""The shipped dask-jobqueue configurations (examples/cluster/) build SLURM and PBS clusters
whose batch scripts carry the expected directives — generated, never submitted — and the Dask
executor follows workers that join a running scan (batch jobs start one by one)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("dask_jobqueue")  # in the test extra: CI runs these

from darkseesaw.errors import InputError  # noqa: E402
from darkseesaw.scan.cluster import jobqueue_cluster, main, read_jobqueue_config  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "cluster"
QUIET = {"scheduler_options": {"port": 0, "dashboard_address": ":0"}}


def _script(name: str) -> str:
    with jobqueue_cluster(EXAMPLES / name, **QUIET) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        assert not cluster.workers  # nothing submitted
        return cluster.job_script()


def test_slurm_job_script_has_the_directives():
    s = _script("slurm.yaml")
    for line in ("#SBATCH -J darkseesaw-worker", "#SBATCH -p compute", "#SBATCH -A myproject",
                 "#SBATCH --cpus-per-task=8", "#SBATCH --mem=15G", "#SBATCH -t 04:00:00",
                 "#SBATCH --constraint=cpu", "source $HOME/venvs/darkseesaw/bin/activate"):
        assert line in s, line
    worker = next(ln for ln in s.splitlines() if "dask_worker" in ln)
    for arg in ("--nthreads 1", "--nworkers 8", "--local-directory $TMPDIR",
                "--death-timeout 120"):
        assert arg in worker, arg
    assert s.index("export OMP_NUM_THREADS=1") < s.index("dask_worker")


def test_pbs_job_script_has_the_directives():
    s = _script("pbs.yaml")
    for line in ("#PBS -N darkseesaw-worker", "#PBS -q workq", "#PBS -A myproject",
                 "#PBS -l select=1:ncpus=8:mem=16GB", "#PBS -l walltime=04:00:00", "#PBS -j oe"):
        assert line in s, line
    worker = next(ln for ln in s.splitlines() if "dask_worker" in ln)
    assert "--nthreads 1" in worker and "--nworkers 8" in worker


def test_command_line_prints_the_job_script(capsys):
    assert main([str(EXAMPLES / "slurm.yaml"), "--job-script"]) == 0
    assert "#SBATCH --cpus-per-task=8" in capsys.readouterr().out


def test_command_line_submits_whole_jobs_and_cancels_them(tmp_path, monkeypatch, capsys):
    """--workers 12 with 8 workers per job: 2 jobs through sbatch (a stand-in here that only
    records its calls), the scheduler address on stdout, scancel of both on Ctrl-C."""
    from darkseesaw.scan import cluster as mod

    log = tmp_path / "calls.log"
    for cmd, out in (("sbatch", "Submitted batch job 4242"), ("scancel", "")):
        f = tmp_path / cmd
        f.write_text(f'#!/bin/sh\necho "{cmd} $(grep -c SBATCH "$1" 2>/dev/null)" >> {log}\n'
                     f'echo "{out}"\n')
        f.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{__import__('os').environ['PATH']}")

    def serve():  # until both jobs are submitted, then Ctrl-C
        t0 = time.monotonic()
        while time.monotonic() - t0 < 20:
            if log.is_file() and log.read_text().count("sbatch") == 2:
                break
            time.sleep(0.05)
        raise KeyboardInterrupt

    monkeypatch.setattr(mod, "_serve", serve)
    cfg = tmp_path / "slurm.yaml"
    cfg.write_text((EXAMPLES / "slurm.yaml").read_text().replace("dask-logs", str(tmp_path)))
    assert main([str(cfg), "--workers", "12"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("tcp://") and "2 job(s) submitted" in err
    calls = log.read_text().splitlines()
    assert [c.split()[0] for c in calls].count("sbatch") == 2
    assert all(c == "sbatch 10" for c in calls if c.startswith("sbatch"))  # 10 #SBATCH lines
    assert any(c.startswith("scancel") for c in calls)


@pytest.mark.parametrize("text, key", [
    ("jobqueue: {slurm: {cores: 1, memory: 1GB, walltme: '01:00:00'}}", "jobqueue.slurm.walltme"),
    ("jobqueue: {slurm: {cores: 1}}", "jobqueue.slurm.memory"),
    ("jobqueue: {slurm: {cores: 2, processes: 3, memory: 1GB}}", "jobqueue.slurm.processes"),
    ("jobqueue: {cobalt: {cores: 1, memory: 1GB}}", "jobqueue"),
    ("slurm: {cores: 1, memory: 1GB}", None),
    # wrong kinds of value: a traceback of dask-jobqueue's, or a silently wrong batch script
    ("jobqueue: {slurm: {cores: 1, memory: 8}}", "jobqueue.slurm.memory"),
    ("jobqueue: {slurm: {cores: 1, memory: eight}}", "jobqueue.slurm.memory"),
    ("jobqueue:\n  slurm:\n    cores: 1\n    memory: 1GB\n    walltime: 10:00:00\n",
     "jobqueue.slurm.walltime"),  # YAML's base-60 integer 36000: `#SBATCH -t 36000`
    ("jobqueue: {slurm: {cores: 1, memory: 1GB, job_extra_directives: --constraint=cpu}}",
     "jobqueue.slurm.job_extra_directives"),  # one #SBATCH line per character
    ("jobqueue: {slurm: {cores: 1, memory: 1GB, scheduler-options: 5}}",
     "jobqueue.slurm.scheduler-options"),
    ("jobqueue: {slurm: {cores: 1, memory: 1GB, death_timeout: soon}}",
     "jobqueue.slurm.death_timeout"),
])
def test_mistakes_are_one_line_errors(tmp_path, text, key, capsys):
    f = tmp_path / "c.yaml"
    f.write_text(text)
    with pytest.raises(InputError) as e:
        read_jobqueue_config(f)
    assert e.value.key == key and e.value.file == str(f)
    assert main([str(f), "--job-script"]) == 2
    assert capsys.readouterr().err.startswith(f"darkseesaw: error: {f}")


def test_underscores_and_hyphens_are_the_same_setting(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text("jobqueue: {pbs: {cores: 2, memory: 2GB, job-extra-directives: ['-V'],"
                 " local_directory: /tmp}}")
    system, settings = read_jobqueue_config(f)
    assert system == "pbs"
    assert settings["job-extra-directives"] == ["-V"] and settings["local-directory"] == "/tmp"


def _busy(seconds: float) -> tuple[float, float]:
    t0 = time.perf_counter()
    time.sleep(seconds)
    return t0, time.perf_counter()


def test_dask_executor_uses_workers_that_join_during_the_scan():
    from distributed import LocalCluster

    from darkseesaw.scan.executors import make_executor

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster:
        with make_executor("dask", scheduler=cluster.scheduler_address) as ex:
            assert ex.workers == 1
            tasks = [(k, _busy, (0.25,)) for k in range(24)]
            spans = []
            for i, (_, span) in enumerate(ex.run(tasks)):
                spans.append(span)
                if i == 0:  # a second batch job starts: 3 more workers
                    threading.Thread(target=cluster.scale, args=(4,), daemon=True).start()
            assert ex.workers == 4
    # tasks that ran at the same time: more than the 2 in flight of the first worker
    events = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    running = peak = 0
    for _, d in events:
        running += d
        peak = max(peak, running)
    assert peak >= 3


def test_workers_must_be_positive(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main([str(EXAMPLES / "slurm.yaml"), "--workers", "0"])
    assert e.value.code == 2 and "--workers: a positive integer" in capsys.readouterr().err
