"""Hostile input never gives a traceback, a hang or code execution: the corpus of `corpus.py`.

Every case runs the real command line (`darkseesaw.cli.main`) in-process, in a child Python
that runs the whole corpus (one interpreter start for ~150 cases: seconds, not minutes) under
a memory limit (so that a regression that reads /dev/zero or allocates a 1e11-point design
fails the test instead of the machine) and a per-case alarm. Each case must exit with code 2
and print exactly one line ``darkseesaw: error: ...`` naming the file, the key and the
problem, within the time limit, and must not create the ``CANARY`` file that its hostile
expressions would create if they were ever executed.

Run one case by hand: ``python tests/robustness/test_corpus.py --case ID`` (prints its result).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASE_LIMIT_S = 60          # per case (the alarm in the child; hangs end here)
TOTAL_LIMIT_S = 900        # the whole child (a safety net; the corpus takes ~30 s)
MEMORY_LIMIT = 8 * 2**30   # address space of the child


def _corpus():
    spec = importlib.util.spec_from_file_location("darkseesaw_robustness_corpus",
                                                  HERE / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


CASES = _corpus().CASES


# ------------------------------------------------------------------------------ the child
class CaseTimeout(BaseException):
    """Raised by the alarm in the child (a BaseException: no `except Exception` swallows it)."""


def _setup(kind: str, d: Path) -> None:
    import socket

    from darkseesaw.cli import main

    if kind == "huge_file":
        (d / "m.yaml").write_bytes(b"# padding\n" * (11 * 2**20 // 10))
    elif kind == "live_lock":  # a scan in progress: the lock of a live process (our parent)
        (d / "o").mkdir()
        (d / "o" / ".lock").write_text(f"{os.getppid()} {socket.gethostname()} {time.time()}\n")
    elif kind in ("scan_done", "damaged_chunk"):
        try:
            main(["scan", "c.yaml", "--out", "o", "--executor", "serial", "-q"])
        except SystemExit as e:
            assert not e.code, f"setup scan failed ({e.code})"
        if kind == "damaged_chunk":
            (d / "o" / "points" / "chunk-000000.parquet").write_bytes(b"not parquet at all")
    else:
        raise ValueError(f"unknown setup {kind!r}")


def _run_case(case: dict, root: Path) -> dict:
    import contextlib
    import io
    import signal

    from darkseesaw.cli import main

    d = root / case["id"]
    d.mkdir(parents=True)
    for name, text in case.get("files", {}).items():
        p = d / name
        if name.endswith("/"):
            p.mkdir(parents=True, exist_ok=True)
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text)
    os.chdir(d)
    out, err = io.StringIO(), io.StringIO()

    def fire(signum, frame):
        raise CaseTimeout()

    old = signal.signal(signal.SIGALRM, fire)
    t0 = time.perf_counter()
    signal.alarm(CASE_LIMIT_S)
    try:
        if case.get("setup"):
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                _setup(case["setup"], d)
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(list(case["argv"]))
        code: object = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except CaseTimeout:
        code = "timeout"
    except BaseException as e:  # noqa: BLE001 - an exception escaped main: a traceback
        code = f"escaped {type(e).__name__}: {e}"[:300]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        os.chdir(root)
    return {"code": code, "stderr": err.getvalue(), "stdout": out.getvalue()[-300:],
            "seconds": round(time.perf_counter() - t0, 3),
            "canary": (d / "CANARY").exists() or (root / "CANARY").exists()}


def child(ids: list[str] | None, root: Path, results: Path) -> None:
    """Run the cases (all, or ``ids``) in this process; write ``results`` (JSON)."""
    import resource
    import warnings

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    warnings.simplefilter("default")
    import darkseesaw.cli  # noqa: F401 - imports once, before the clock of the first case

    res = {}
    for case in CASES:
        if ids is None or case["id"] in ids:
            res[case["id"]] = _run_case(case, root)
            results.write_text(json.dumps(res))  # as we go: a crash keeps what was done


# ------------------------------------------------------------------------------ the tests
import pytest  # noqa: E402


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    out = root / "results.json"
    env = {**os.environ, "DARKSEESAW_POINT_TIMEOUT": "30", "PYTHONUNBUFFERED": "1"}
    env.pop("DARKSEESAW_DEBUG", None)
    t0 = time.time()
    r = subprocess.run([sys.executable, str(Path(__file__)), "--child", str(root), str(out)],
                       capture_output=True, text=True, timeout=TOTAL_LIMIT_S, env=env)
    res = json.loads(out.read_text()) if out.exists() else {}
    res["__child__"] = {"rc": r.returncode, "stderr": r.stderr[-3000:],
                        "seconds": round(time.time() - t0, 1)}
    return res


def test_corpus_size_and_time(results):
    """At least 60 cases, all run; the child exits cleanly (time is printed, not asserted)."""
    info = results["__child__"]
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES), "duplicate case ids"
    assert info["rc"] == 0, f"the corpus child failed: {info['stderr']}"
    assert len(results) - 1 == len(CASES), "cases missing from the results"
    print(f"\n{len(CASES)} hostile-input cases in {info['seconds']} s")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, results):
    r = results.get(case["id"])
    assert r is not None, f"not run (child: {results['__child__']['stderr'][-800:]})"
    lines = r["stderr"].strip().splitlines()
    assert not r["canary"], "an expression was executed: CANARY exists"
    assert r["code"] == 2, f"exit {r['code']!r}; stderr: {r['stderr'][-1500:]}"
    assert "Traceback" not in r["stderr"]
    assert len(lines) == 1, f"{len(lines)} stderr lines: {r['stderr'][-1500:]}"
    line = lines[0]
    assert line.startswith("darkseesaw: error: "), line
    assert len(line) < 1500, f"error line of {len(line)} characters"
    for frag in case["expect"]:
        assert frag in line, f"{frag!r} not in: {line}"
    assert r["seconds"] < CASE_LIMIT_S


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(None, Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["--case"]:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            child([sys.argv[2]], Path(tmp), Path(tmp) / "r.json")
            print(json.dumps(json.loads((Path(tmp) / "r.json").read_text()), indent=1))
    else:
        sys.exit("usage: test_corpus.py --child ROOT RESULTS | --case ID")
