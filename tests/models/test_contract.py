"""The model contract, checked on every built-in model: one Spectrum type (GeV, ascending),
registered observables in registry units, every declared link evaluated (or reported as not
applying, with the reason), a finite log-likelihood that equals −½ of the links' χ², each
benchmark point valid, and `darkseesaw benchmark MODEL --json` printing the margins."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from darkseesaw.constraints.links import link_names, total_chi2
from darkseesaw.models import available, builtin, get
from darkseesaw.observables import registry
from darkseesaw.sectors.base import Spectrum

MODELS = sorted(builtin())


def test_seven_models_are_built_in():
    assert set(MODELS) == {"alp-discrete", "alp-portal-dm", "hnl-inflaton", "bl-zprime",
                           "dark-u1", "typeI-bl", "iss-darkphoton"}
    assert set(MODELS) <= set(available())


@pytest.fixture(scope="module", params=MODELS)
def evaluated(request):
    m = get(request.param)
    return m, m.evaluate(m.parameters())


def test_spectrum_is_one_type_in_gev_ascending(evaluated):
    m, r = evaluated
    sp = r["spectrum"]
    assert isinstance(sp, Spectrum)
    assert len(sp.masses) == len(sp.labels) == len(sp.sectors) > 0
    assert np.all(np.diff(sp.masses) >= 0) and np.all(sp.masses >= 0)
    assert len(set(sp.labels)) == len(sp.labels)
    assert set(sp.sectors) <= {s.name for s in m.sectors} | {m.id}


def test_observables_are_registered_with_registry_units(evaluated):
    m, r = evaluated
    obs = r["observables"]
    registry.check(list(obs))                      # raises on an unregistered name
    for k, v in obs.items():
        o = registry.get(k)
        if o.kind == "float":
            assert isinstance(v, float | int | np.floating), (k, type(v))
    # the quantity conventions the registry fixes (one unit per quantity)
    fixed = {"sigma_SI_p": "cm^2", "omega_dm_h2": "", "M_Zp": "GeV", "m_nu1": "GeV",
             "tau_N1": "s", "ctau_N1": "m", "sigmav_ZpZp": "cm^3/s"}
    for k, unit in fixed.items():
        if k in obs:
            assert registry.unit_of(k) == unit, k


def test_every_declared_link_is_evaluated_or_says_why_not(evaluated):
    m, r = evaluated
    links = m.constraints()
    assert links, f"{m.id} declares no constraints"
    res = r["constraints"]
    assert [x.name for x in res] == [lk.name for lk in links]
    obs = set(r["observables"])
    for lk, x in zip(links, res, strict=True):
        missing = link_names(lk) - obs
        if missing:  # a link on observables the point lacks: reported, never silently dropped
            assert "not evaluated" in x.note and not x.counts, (lk.name, x.note)
        chi2 = np.asarray(x.chi2, float)
        assert np.all(np.isfinite(chi2)) and np.all(chi2 >= 0), (lk.name, chi2)
        if bool(x.applies) and x.counts:
            assert not np.isnan(x.margin), lk.name  # +inf: a vanishing prediction
            assert bool(x.passed) == (float(x.margin) >= 0), (lk.name, x.margin)


def test_log_likelihood_is_minus_half_the_total_chi2(evaluated):
    m, r = evaluated
    ll = r["log_likelihood"]
    assert np.isfinite(ll) and ll <= 0
    assert ll == pytest.approx(-0.5 * total_chi2(r["constraints"]), rel=1e-12, abs=1e-300)
    assert m.log_likelihood(r["observables"]) == pytest.approx(ll, rel=1e-12, abs=1e-300)


def test_benchmarks_are_valid_points(evaluated):
    m, _ = evaluated
    assert m.benchmarks
    for name, values in m.benchmarks.items():
        p = m.parameters(**values)
        assert m.observables(p), (m.id, name)


@pytest.mark.parametrize("model", ["typeI-bl", "iss-darkphoton", "dark-u1"])
def test_benchmark_command_prints_margins(model):
    r = subprocess.run([sys.executable, "-m", "darkseesaw", "benchmark", model, "--json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    cons = d["constraints"]
    assert len(cons) == len(get(model).constraints())
    assert any(c["margin"] is not None and c["counts"] for c in cons)
    assert d["log_likelihood"] == pytest.approx(-0.5 * sum(
        max(c["chi2"] for c in cons if c["group"] == g) for g in {c["group"] for c in cons}),
        rel=1e-9, abs=1e-12)
