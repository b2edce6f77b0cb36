"""The alp-discrete model on the contract (Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069):
registered observables, every declared link evaluated, benchmarks, and its numbers against
independent values (mpmath eigenvalues, the curvature of the σ^D potential, eqs. 11, 14, 39)."""

import math

import mpmath as mp
import pytest

from darkseesaw import physics as ph
from darkseesaw.cli.benchmark_cmd import evaluate as benchmark
from darkseesaw.constraints.links import link_names
from darkseesaw.models import get
from darkseesaw.models.alp_discrete import M_PL, TAU_LONG_LIVED_S
from darkseesaw.observables import alp, registry

VARIANTS = ("Z13", "model_I", "model_II")


@pytest.fixture(scope="module")
def model():
    return get("alp-discrete")


@pytest.fixture(scope="module")
def points(model):
    """Observables and link results of each benchmark (evaluated once)."""
    out = {}
    for name, values in model.benchmarks.items():
        p = model.parameters(**values)
        obs = model.observables(p)
        out[name] = (p, obs, model.check(obs=obs))
    return out


def test_observables_registered_and_every_link_evaluated(model, points):
    links = model.constraints()
    assert {p.variant for p, _, _ in points.values()} == set(VARIANTS)
    for name, (p, obs, res) in points.items():
        registry.check(list(obs))
        assert all(isinstance(v, (float, bool)) for v in obs.values())
        assert [r.name for r in res] == [lk.name for lk in links]
        for lk, r in zip(links, res, strict=True):
            assert link_names(lk) <= set(obs), (name, lk.name)
            assert not r.note.startswith("not evaluated"), (name, r.name, r.note)
        # the second ALP and E' exist only in the two-ALP models (NaN: the links do not apply)
        two = p.variant != "Z13"
        assert math.isfinite(obs["m_a_prime"]) == two and math.isfinite(obs["M_E_prime"]) == two
        applied = {r.name for r in res if bool(r.applies)}
        assert ("alp/gagamma/hb [a']" in applied) == (p.variant == "model_I")


def test_benchmarks_through_the_cli_evaluator(model):
    for name in model.benchmarks:
        r = benchmark("alp-discrete", name, {})
        labels = {s["label"] for s in r["spectrum"]}
        assert {"nu1", "N6", "a", "E"} <= labels
        assert ("a'" in labels) == (model.benchmarks[name]["variant"] != "Z13")
        assert r["constraints"] and all("margin" in c for c in r["constraints"])
    # A-nufit: realistic flavour structure and M_E = 1.5 F(2): every excluding link passes
    assert benchmark("alp-discrete", "A-nufit", {})["all_pass"]


def test_alp_numbers_of_the_variants(points):
    # C_aγ (eq. 15) and D of the paper: Z13 C = 4, D = 13 (eq. 35); models I, II C = C' = 2,
    # D = 8; D' = 11 (model I, eq. 44) and 5 (model II, see docs/alp-discrete.md)
    got = {p.variant: (o["C_agamma_X"], o["D_sigma"], o["C_agamma_Xprime"], o["D_sigma_prime"])
           for p, o, _ in points.values() if p.texture == "universal"}
    assert got["Z13"][:2] == (4.0, 13.0) and all(math.isnan(x) for x in got["Z13"][2:])
    assert got["model_I"] == (2.0, 8.0, 2.0, 11.0)
    assert got["model_II"] == (2.0, 8.0, 2.0, 5.0)


def test_g_agamma_is_eq14(points):
    # eq. (14): g = α C_aγ/(2π v_σ), with the package's α(0)
    for p, o, _ in points.values():
        assert o["g_agamma"] == pytest.approx(ph.alpha_0 * o["C_agamma_X"] / (2 * math.pi * p.v_sigma),
                                              rel=1e-14)
        if p.variant != "Z13":
            assert o["g_agamma_prime"] == pytest.approx(
                ph.alpha_0 * o["C_agamma_Xprime"] / (2 * math.pi * p.v_sigma_prime), rel=1e-14)


def test_light_masses_against_mpmath_eigenvalues(model):
    # universal diagonal textures: three copies of the 3×3 block [[0, mD, 0], [mD, 0, M], [0, M, μ]]
    # (ν_L, N_R^c, S); its smallest |eigenvalue| at 50 digits is the light mass, independent of
    # the Takagi engine and of the seesaw expansion
    mp.mp.dps = 50
    for values in ({"variant": "Z13", "v_sigma": 3e10},
                   {"variant": "model_II", "v_sigma": 2.44e10, "y": 0.3, "eta": 2.0, "zeta": 3.0}):
        p = model.parameters(**values)
        obs = model.observables(p)
        mD = mp.mpf(p.y) * mp.mpf(ph.v_EW) / mp.sqrt(2)
        M, mu = mp.mpf(p.eta) * mp.mpf(obs["M_per_eta"]), mp.mpf(p.zeta) * mp.mpf(obs["mu_per_zeta"])
        ev = sorted(abs(x) for x in mp.eigsy(mp.matrix([[0, mD, 0], [mD, 0, M], [0, M, mu]]))[0])
        for i in (1, 2, 3):
            assert obs[f"m_nu{i}"] == pytest.approx(float(ev[0]), rel=1e-9)
        assert obs["m_N1"] == pytest.approx(float(ev[1]), rel=1e-9)
        assert obs["m_N6"] == pytest.approx(float(ev[2]), rel=1e-9)
        # m_ν = μ m_D²/(M² + m_D²) up to O(μ/M); eq. (11), (y²ζ/η²)(v_w²/2)F(q)/F(p)², is its
        # m_D ≪ M limit (off by (m_D/M)² = 4 % at the second point)
        assert obs["m_nu1"] == pytest.approx(float(mu * mD**2 / (M**2 + mD**2)), rel=1e-9)
        lo = p.y**2 * p.zeta / p.eta**2 * obs["mnu_scale_iss"]
        assert obs["m_nu1"] == pytest.approx(lo, rel=2 * float(mD / M) ** 2)


def test_light_neutrino_scale_identity():
    # q = 2p - 1: (v_w^2/2) F(q)/F(p)^2 = v_w^2/(sqrt(2) v_sigma), independent of M_Pl (eq. 11)
    for v in (2.5e10, 3e10, 5e10):
        Ms, mus = alp.scale_function(2, v, M_PL), alp.scale_function(3, v, M_PL)
        assert alp.light_neutrino_scale(Ms, mus) == pytest.approx(ph.v_EW**2 / (math.sqrt(2) * v),
                                                                 rel=1e-13)


def test_E_lifetime_and_the_long_lived_heavy_lepton_link(model):
    # eq. (39) written out: Γ = 3 λ² (m² − m_h²)²/(16π m³), λ = k v_σ/(√2 M_Pl) (Z13, r = 1);
    # two-ALP models (erratum eq. 54): λ = k v_σ v_σ′/(2 M_Pl²)
    for values, lam in (({"variant": "Z13", "v_sigma": 3e10, "k_E": 1.4, "k": 0.7},
                         0.7 * 3e10 / (math.sqrt(2) * M_PL)),
                        ({"variant": "model_I", "v_sigma": 2.44e10, "v_sigma_prime": 1e9},
                         2.44e10 * 1e9 / (2 * M_PL**2))):
        p = model.parameters(**values)
        o = model.observables(p)
        m = o["M_E"]
        gam = 3 * lam**2 * (m**2 - ph.m_h**2) ** 2 / (16 * math.pi * m**3)
        assert o["tau_E"] == pytest.approx(ph.hbar_GeV_s / gam, rel=1e-12)
    res = {r.name: r for r in model.check(model.parameters(variant="Z13", v_sigma=3e10))}
    r = res["m_heavy_lepton_cms2013 [E]"]       # M_E = 187.5 GeV, τ_E = 2.5 ns: excluded
    assert bool(r.applies) and not bool(r.passed) and float(r.limit) == 574.0
    o = model.observables(model.parameters(variant="Z13", v_sigma=3e10, k_E=1.5))
    assert o["tau_E"] < TAU_LONG_LIVED_S          # 281 GeV decays promptly: the bound lifts
    # below m_h the two-body channel E → ℓh is closed: τ_E = inf, the bound applies
    o = model.observables(model.parameters(variant="Z13", v_sigma=3e10, k_E=0.5))
    assert o["M_E"] < ph.m_h and o["tau_E"] == math.inf


def test_alp_mass_is_curvature_of_the_sigma_D_potential(model):
    # eq. (16): V = -(g sigma^D / M^(D-4) + h.c.), sigma = v e^{i a/v}/sqrt(2); m_a^2 = V''(0)
    mp.mp.dps = 50
    M = mp.mpf("2.4e18")
    for D, v, g in ((13, mp.mpf("3e10"), 1), (8, mp.mpf("2.44e10"), mp.mpf("0.3")), (11, mp.mpf(1e9), 2)):
        def V(a, D=D, v=v, g=g):
            return -2 * g * (v / mp.sqrt(2)) ** D / M ** (D - 4) * mp.cos(D * a / v)

        m2 = mp.diff(V, 0, 2)
        assert float(mp.sqrt(m2)) == pytest.approx(
            float(alp.alp_mass(D, float(v), M_Pl=2.4e18, g_abs=float(g))), rel=1e-12)
    # and the model uses it with the computed D: Z13 (D = 13) and model I's a' (D' = 11)
    o = model.observables(model.parameters(variant="model_I", v_sigma=2.44e10, g_abs=0.3,
                                           v_sigma_prime=1e9, g_abs_prime=2.0))
    assert o["m_a"] == pytest.approx(float(alp.alp_mass(8, 2.44e10, M_Pl=M_PL, g_abs=0.3)), rel=1e-14)
    assert o["m_a_prime"] == pytest.approx(float(alp.alp_mass(11, 1e9, M_Pl=M_PL, g_abs=2.0)),
                                           rel=1e-14)


def test_eq35_scaling_exponent():
    # m_a ∝ v^{D/2 - 1} = v^{5.5} for D = 13
    m1, m2 = alp.alp_mass(13, 3e10, M_Pl=2.4e18), alp.alp_mass(13, 6e10, M_Pl=2.4e18)
    assert math.log(m2 / m1, 2) == pytest.approx(5.5, rel=1e-12)


def test_alp_helpers_inverse_and_consistency():
    for D in range(5, 16):
        v = alp.vev_for_alp_mass(1e-12, D, M_Pl=2.4e18, g_abs=0.5)
        assert alp.alp_mass(D, v, M_Pl=2.4e18, g_abs=0.5) == pytest.approx(1e-12, rel=1e-12)
    for k in (1, 2, 3, -3, 5):
        assert alp.singlet_scale([k], [3e10], M_Pl=2.4e18) == pytest.approx(
            alp.scale_function(k, 3e10, M_Pl=2.4e18), rel=1e-14)
        lo, hi = alp.vev_window(k, 1e-7, 1e-5, M_Pl=2.4e18)
        assert alp.scale_function(k, lo, M_Pl=2.4e18) == pytest.approx(1e-7, rel=1e-12)
        assert alp.scale_function(k, hi, M_Pl=2.4e18) == pytest.approx(1e-5, rel=1e-12)
    # C_agamma = 2 sum (X_L - X_R) Q^2 (eq. 15): E of the Z13 model
    assert alp.C_agamma([4.5], [2.5], [-1]) == 4.0


def test_bad_parameters_name_the_field(model):
    from pydantic import ValidationError

    for bad in ({"variant": "Z12"}, {"v_sigma": -1.0}, {"eta": 0.0}, {"texture": "random"}):
        with pytest.raises(ValidationError) as e:
            model.parameters(**bad)
        assert next(iter(bad)) in str(e.value)
