"""Bounded time for one point: a solve that does not converge or runs past its cap is a failed
point with its reason (``nonconvergence``, ``timeout``), and the scan goes on."""

from __future__ import annotations

import textwrap

import numpy as np
import pytest

from darkseesaw.errors import Deadline, NonConvergence, SolveTimeout

STUBBORN = textwrap.dedent('''
    """A batch model whose points fail the ways a solver inside a point can fail."""
    import time

    import numpy as np

    from darkseesaw.errors import Deadline, NonConvergence


    def f(p):
        x = np.asarray(p["x"], dtype=float)
        if x.size > 1 and np.any(x > 0.55):
            raise RuntimeError("the batch fails: its points are retried one by one")
        if x[0] > 0.95:      # a solve that checks its deadline (ODE right-hand side, Newton)
            d = Deadline("toy solve")
            while True:
                d.check()
                time.sleep(0.005)
        if x[0] > 0.85:      # a solve that never looks at the clock: the point cap stops it
            while True:
                time.sleep(0.005)
        if x[0] > 0.55:
            raise NonConvergence("toy root finder: no sign change")
        return {"y": 2 * x}
''')


def _config(path, **extra):
    import yaml

    cfg = {"python_function": "stubborn_model:f",
           "parameters": {"x": {"range": [0.0, 1.0], "n": 11}},
           "derived": {"y2": "y**2"}, "sampler": {"name": "grid"}, "chunk_size": 4, **extra}
    path.write_text(yaml.safe_dump(cfg))
    return path


@pytest.mark.parametrize("executor,workers", [("serial", None), ("processes", 2)])
def test_failing_points_are_recorded_and_the_scan_goes_on(tmp_path, monkeypatch, executor,
                                                          workers):
    from darkseesaw.scan import load_results, run_scan

    monkeypatch.chdir(tmp_path)  # the python_function module lives in the current folder
    (tmp_path / "stubborn_model.py").write_text(STUBBORN)
    monkeypatch.setenv("DARKSEESAW_SOLVE_TIMEOUT", "0.3")
    monkeypatch.setenv("DARKSEESAW_POINT_TIMEOUT", "0.6")
    s = run_scan(_config(tmp_path / "c.yaml"), tmp_path / "out", executor=executor,
                 workers=workers, quiet=True)
    df = load_results(tmp_path / "out")
    assert s["complete"] and df["point_id"].tolist() == list(range(11))
    want = {0.6: "nonconvergence", 0.7: "nonconvergence", 0.8: "nonconvergence",
            0.9: "timeout", 1.0: "timeout"}
    for x, reason in zip(df["x"].round(6), df["reason"], strict=True):
        assert reason == want.get(x, "ok"), (x, reason)
    good = df["reason"] == "ok"
    assert np.allclose(df.loc[good, "y2"], (2 * df.loc[good, "x"]) ** 2)
    assert df.loc[~good, ["y", "y2", "loglike"]].isna().all().all()
    assert s["failed"] == {"nonconvergence": 3, "timeout": 2}


def test_solvers_raise_named_exceptions(monkeypatch):
    from darkseesaw.cosmo.boltzmann import omega_h2_reference
    from darkseesaw.scan.failures import classify_exception
    from darkseesaw.spectrum.scalars import Doublet, ScalarPotential

    assert classify_exception(NonConvergence("x")) == "nonconvergence"
    assert classify_exception(SolveTimeout("x")) == "timeout"
    with pytest.raises(SolveTimeout, match="DARKSEESAW_SOLVE_TIMEOUT"):
        Deadline("t", limit=0.0).check()
    # the Radau reference relic solve under a cap it cannot meet
    monkeypatch.setenv("DARKSEESAW_SOLVE_TIMEOUT", "1e-4")
    with pytest.raises(SolveTimeout, match="omega_h2_reference"):
        omega_h2_reference(100.0, 2.1e-26)
    monkeypatch.delenv("DARKSEESAW_SOLVE_TIMEOUT")
    # a Newton minimisation given one iteration cannot converge: flagged, or raised on request
    pot = ScalarPotential([Doublet("H")], lambda f, p: p["m2"] / 2 * (abs(f["H"])**2).sum(-1)
                          + p["l"] / 2 * ((abs(f["H"])**2).sum(-1))**2)
    par = {"m2": -0.26 * 246.0**2, "l": 0.26}
    assert not bool(pot.minimise(par, {"H": 100.0}, maxiter=1).converged)
    with pytest.raises(NonConvergence, match="did not converge"):
        pot.minimise(par, {"H": 100.0}, maxiter=1, require_converged=True)
    vac = pot.minimise(par, {"H": 100.0}, require_converged=True)  # converges: no change
    assert round(float(vac.vevs["H"]), 6) == 246.0


def test_eps_bound_without_root_is_nonconvergence():
    from darkseesaw.observables.ewpd import eps_bound_from_mw

    with pytest.raises(NonConvergence, match="no root"):  # M_W^exp far below the SM: no root
        eps_bound_from_mw(70.0, 0.01, 80.36, 0.01, delta_r=0.0365)


@pytest.mark.parametrize("value", ["5m", "-1", "nan", "soon"])
def test_malformed_point_timeout_is_one_line_before_the_scan(tmp_path, monkeypatch, value):
    """Before: '5m' silently meant 300 s and '-1' a 1 ms cap that timed out every point."""
    from darkseesaw.errors import InputError
    from darkseesaw.scan import run_scan

    monkeypatch.chdir(tmp_path)
    (tmp_path / "stubborn_model.py").write_text(STUBBORN)
    monkeypatch.setenv("DARKSEESAW_POINT_TIMEOUT", value)
    with pytest.raises(InputError, match="DARKSEESAW_POINT_TIMEOUT: a positive number"):
        run_scan(_config(tmp_path / "c.yaml"), tmp_path / "out", executor="serial", quiet=True)
    assert not (tmp_path / "out").exists()
