"""Scans with ``constraints: auto``: the model's declared links give the stored allowed:<group>
columns and a non-zero model log-likelihood (new models, a model file, explicit lists)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from darkseesaw import models
from darkseesaw.constraints.links import all_pass, evaluate_links
from darkseesaw.scan import load_results, run_scan
from darkseesaw.scan.config import load_config


@pytest.mark.parametrize("model_id, pars", [
    ("typeI-bl", {"g_BL": {"range": [0.15, 0.25]}, "m_chi": {"range": [2300.0, 2500.0]}}),
    ("iss-darkphoton", {"epsilon": {"range": [1e-8, 1e-4], "prior": "log"}}),
])
def test_auto_constraints_of_a_new_model(tmp_path, h, model_id, pars):
    cfg = h.write_config(tmp_path / "c.yaml", model=model_id, parameters=pars,
                         constraints="auto", sampler={"name": "random", "n": 3}, seed=2,
                         chunk_size=3)
    run_scan(cfg, tmp_path / "o", executor="serial", quiet=True)
    df = load_results(tmp_path / "o")
    m = models.get(model_id)
    groups = {lk.group for lk in m.constraints()}
    cols = {c[len("allowed:"):] for c in df.columns if c.startswith("allowed:")}
    assert cols and cols <= groups
    assert {"nufit-6.0", "omega_dm_h2", "dd/si/lz-2024", "hnl/Ue2/current"} <= cols
    assert df["ok"].all()
    ll = df["loglike"].to_numpy()
    assert np.all(np.isfinite(ll)) and np.all(ll != 0)
    # the stored verdict is the contract's verdict (one evaluator) point by point
    for _, row in df.iterrows():
        p = m.parameters(**{k: row[k] for k in pars})
        res = evaluate_links(m.constraints(), m.observables(p))
        assert bool(row["allowed"]) == bool(all_pass(res))


def test_model_file_auto_and_explicit_mixed(tmp_path, h):
    from darkseesaw.scan import evaluate as ev

    root = Path(__file__).resolve().parents[2]
    cfg = h.write_config(tmp_path / "c.yaml", model_file=str(root / "examples/iss-3x3.yaml"),
                         parameters={"M1": {"range": [300.0, 3000.0], "prior": "log"}},
                         constraints=["auto", {"curve": "hnl/Ue2/current", "x": "m_N1",
                                               "y": "U2eff_e_N1"}],
                         sampler={"name": "random", "n": 50}, seed=1, chunk_size=25)
    run_scan(cfg, tmp_path / "o", executor="serial", quiet=True)
    df = load_results(tmp_path / "o")
    assert {"allowed:nufit-6.0", "allowed:br_mu_egamma_megii_2025", "allowed:hnl/Ue2/current",
            "allowed:sum_mnu_desi_dr2"} <= set(df.columns)
    assert np.all(df["loglike"] < 0)
    assert ev._LOADED  # model loaded once per process


def test_auto_needs_a_model(tmp_path, h):
    from darkseesaw.errors import InputError

    cfg = h.toy_config(tmp_path / "c.yaml", constraints="auto")
    with pytest.raises(InputError, match="needs a model"):
        load_config(cfg)
