"""Built-in models (`darkseesaw.models.base.Model`) plug into scans point by point."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, Field

from darkseesaw.models.base import Model
from darkseesaw.scan import evaluate as ev
from darkseesaw.scan import load_results, run_scan


class _Params(BaseModel):
    a: float = Field(1.0, gt=0, description="must be positive")
    b: float = Field(0.5, description="anything")
    texture: str = "A"


class _Fake(Model):
    id = "fake-for-tests"
    paper = "none"
    Parameters = _Params

    def spectrum(self, p):
        return {}

    def observables(self, p):
        if p.b > 0.9:
            raise ZeroDivisionError("pole at b > 0.9")
        return {"s": p.a + p.b, "v": np.array([p.a, 2 * p.b]), "ordering": "NO",
                "tag": p.texture, "c": complex(p.a, p.b)}

    def log_likelihood(self, obs):
        return -0.5 * (obs["s"] - 1.0) ** 2

    def reproduce(self, out, fast=False):
        return {}


def test_builtin_model_scan_reasons_likelihood_and_flattening(tmp_path, h, monkeypatch):
    monkeypatch.setitem(ev._LOADED, ("model", "fake-for-tests"), _Fake())
    cfg = h.write_config(tmp_path / "c.yaml", model="fake-for-tests",
                         parameters={"a": {"range": [-0.5, 2.0]}, "b": {"range": [0.0, 1.0]},
                                     "texture": "B"},
                         sampler={"name": "random", "n": 400}, seed=4, chunk_size=100)
    s = run_scan(cfg, tmp_path / "o", executor="serial", quiet=True)
    df = load_results(tmp_path / "o")
    a, b = df["a"].to_numpy(), df["b"].to_numpy()
    inval, pole = a <= 0, (a > 0) & (b > 0.9)
    assert (df.loc[inval, "reason"] == "invalid_parameters").all()
    assert (df.loc[pole, "reason"] == "domain_error").all()
    good = ~inval & ~pole
    assert (df.loc[good, "reason"] == "ok").all() and good.sum() > 100
    assert np.allclose(df.loc[good, "s"], a[good] + b[good])
    assert np.allclose(df.loc[good, "v_1"], 2 * b[good])
    assert np.allclose(df.loc[good, "c_im"], b[good])
    assert set(df.loc[good, "ordering"]) == {"NO"} and set(df.loc[good, "tag"]) == {"B"}
    assert np.allclose(df.loc[good, "loglike"], -0.5 * (a[good] + b[good] - 1) ** 2)
    assert s["failed"] == {"domain_error": int(pole.sum()), "invalid_parameters": int(inval.sum())}


def test_unknown_parameter_of_a_builtin_model(tmp_path, h, monkeypatch):
    monkeypatch.setitem(ev._LOADED, ("model", "fake-for-tests"), _Fake())
    from darkseesaw.errors import InputError

    cfg = h.write_config(tmp_path / "c.yaml", model="fake-for-tests",
                         parameters={"a": {"range": [0.1, 2.0]}, "zz": 1.0},
                         sampler={"name": "random", "n": 4})
    import pytest

    with pytest.raises(InputError) as ei:
        run_scan(cfg, tmp_path / "o", executor="serial", quiet=True)
    assert ei.value.key == "parameters.zz" and "unknown parameter" in ei.value.problem
