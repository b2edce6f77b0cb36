"""One scan per folder (the lock), Ctrl-C with the command that resumes, the worker cap.

A real ``darkseesaw scan`` (process pool, 2 workers) of a slow model is started, a second scan
on its folder is refused in one line, SIGINT is sent to its process group as a terminal's
Ctrl-C would, and the command it prints is run to finish the scan (fast: the model's sleep is
set by an environment variable, not by the configuration): every point stored once. The model
is a module in the scan's folder, found without PYTHONPATH.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time

import yaml

from darkseesaw.scan import load_results
from darkseesaw.scan.storage import ScanLock, ScanStore

CODE = "import sys; from darkseesaw.cli import main; main(sys.argv[1:])"


SLOWISH = """
import os, time
import numpy as np

def f(p):
    time.sleep(float(os.environ.get("SLOWISH_S", "0")) * len(p["x"]))
    return {"r": np.hypot(p["x"], p["y"])}
"""


def _cli(*args, cwd, timeout=180, env=None):
    return subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)


def _config(path, n=3000, chunk=100, fn="darkseesaw.scan.toy:slow_evaluate"):
    path.write_text(yaml.safe_dump({
        "python_function": fn, "parameters": {"x": {"range": [-3, 3]}, "y": {"range": [0, 3]}},
        "sampler": {"name": "random", "n": n}, "seed": 3, "chunk_size": chunk}))
    return path


def test_second_scan_refused_then_ctrl_c_prints_the_resume_command(tmp_path):
    (tmp_path / "slowish.py").write_text(SLOWISH)
    _config(tmp_path / "c.yaml", fn="slowish:f")
    store = ScanStore(tmp_path / "o")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    p = subprocess.Popen([sys.executable, "-c", CODE, "scan", "c.yaml", "--out", "o",
                          "--workers", "2", "-q"], cwd=tmp_path, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, start_new_session=True,
                         env={**env, "SLOWISH_S": "0.01"},  # 1 s per chunk of 100 points
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        t_end = time.time() + 120
        while not store.completed_chunks() and p.poll() is None and time.time() < t_end:
            time.sleep(0.05)
        assert p.poll() is None, "the scan ended before it could be interrupted"
        assert (tmp_path / "o" / ".lock").is_file()
        for extra in ([], ["--resume"]):  # a new scan or a resume on a folder in use
            r = _cli("scan", "c.yaml", "--out", "o", "--executor", "serial", "-q", *extra,
                     cwd=tmp_path, env=env)
            assert r.returncode == 2, r.stderr
            lines = r.stderr.strip().splitlines()
            assert len(lines) == 1 and "in use by a running scan" in lines[0], r.stderr
            assert f"process {p.pid}" in lines[0]
        os.killpg(p.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert p.returncode == 130, err
    assert "Traceback" not in err
    line = [ln for ln in err.splitlines() if "interrupted" in ln]
    assert len(line) == 1, err
    assert "points stored" in line[0] and "of 3,000" in line[0]
    cmd = line[0].split("resume with: ", 1)[1]
    assert cmd == "darkseesaw scan c.yaml --out o --resume --workers 2"
    assert not (tmp_path / "o" / ".lock").exists(), "the lock outlived the scan"
    done_before = len(store.completed_chunks())
    assert 0 < done_before < 30
    argv = shlex.split(cmd)[1:] + ["-q"]
    r = _cli(*argv, cwd=tmp_path, env=env)  # the printed command finishes the scan (fast)
    assert r.returncode == 0, r.stderr
    df = load_results(tmp_path / "o")
    assert df["point_id"].tolist() == list(range(3000))


def test_stale_lock_is_taken_over_and_workers_are_capped(tmp_path):
    import socket

    _config(tmp_path / "c.yaml", n=40, chunk=20, fn="darkseesaw.scan.toy:evaluate")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / ".lock").write_text(f"{dead.pid} {socket.gethostname()} {time.time()}\n")
    r = _cli("scan", "c.yaml", "--out", "o", "--workers", "10000", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "--workers 10000 lowered to" in r.stderr and "2 chunks to compute" in r.stderr
    assert len(load_results(tmp_path / "o")) == 40
    assert not (tmp_path / "o" / ".lock").exists()
    sess = ScanStore(tmp_path / "o").read_manifest()["sessions"][0]
    assert sess["executor"] in ("processes (1 worker)", "processes (2 workers)")


def test_lock_from_another_host_names_the_file_to_delete(tmp_path):
    (tmp_path / ".lock").write_text(f"1 some-other-host {time.time()}\n")
    import pytest

    from darkseesaw.errors import InputError

    with pytest.raises(InputError, match="some-other-host.*delete"):
        ScanLock(tmp_path).acquire()
    lk = ScanLock(tmp_path / "new")
    (tmp_path / "new").mkdir()
    with lk:
        assert (tmp_path / "new" / ".lock").read_text().split()[0] == str(os.getpid())
        with pytest.raises(InputError, match="in use"):
            ScanLock(tmp_path / "new").acquire()
    assert not (tmp_path / "new" / ".lock").exists()
