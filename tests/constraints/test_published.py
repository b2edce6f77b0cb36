"""The shipped curves recover numbers quoted in the abstracts of the papers they digitise,
and their units are consistent (mass units of each file, kinematic end points, fb vs pb)."""

import numpy as np
import pytest

from darkseesaw import physics as ph
from darkseesaw.constraints import curve

EV = 1e-9  # GeV


@pytest.mark.parametrize("m_ev", [1e-9, 1e-6, 1e-4, 1e-3, 5e-3])
def test_cast_2017_bound(m_ev):
    # CAST, Nature Phys. 13 (2017) 584: g < 0.66e-10 GeV^-1 (95 % CL) for m_a <~ 0.02 eV
    assert curve("alp/gagamma/cast")(m_ev * EV) == pytest.approx(0.66e-10, rel=0.02)


def test_cast_weakens_above_the_coherence_mass():
    c = curve("alp/gagamma/cast")
    assert c(0.5 * EV) > 2 * c(1e-3 * EV)


def test_stellar_and_astro_alp_bounds():
    # HB stars: Dolan et al. 2022 (AxionLimits file) 0.47e-10; Ayala et al. 2014 0.66e-10
    assert curve("alp/gagamma/hb")(1e-6 * EV) == pytest.approx(0.47e-10, rel=0.01)
    assert curve("alp/gagamma/hb-iaxo-group")(1e-6 * EV) == pytest.approx(0.66e-10, rel=0.02)
    # SN1987A gamma rays (Payez et al. 2015): 5.3e-12 GeV^-1 for m_a < 4.4e-10 eV
    assert curve("alp/gagamma/sn1987a")(1e-10 * EV) == pytest.approx(5.3e-12, rel=0.03)
    # H.E.S.S. PKS 2155-304: g <~ 2.1e-11 GeV^-1 around m_a ~ 2-3e-8 eV
    assert curve("alp/gagamma/hess")(2.5e-8 * EV) == pytest.approx(2.1e-11, rel=0.1)


def test_alp_projections_and_hints():
    # ALPS II design sensitivity ~2e-11 GeV^-1 at low mass; IAXO < BabyIAXO < CAST
    assert curve("alp/gagamma/alps-ii")(1e-6 * EV) == pytest.approx(2e-11, rel=0.06)
    m = 1e-4 * EV
    iaxo, baby, cast = (curve(f"alp/gagamma/{n}")(m) for n in ("iaxo", "babyiaxo", "cast"))
    assert iaxo < baby < cast
    assert curve("alp/gagamma/iaxo").kind == "projection"
    hb = curve("alp/gagamma/hint-hb")  # box 0.11-0.47 x 1e-10 GeV^-1
    assert hb.kind == "hint"
    assert hb.inside(1e-3 * EV, 0.3e-10) and not hb.inside(1e-3 * EV, 0.6e-10)
    assert not hb.inside(1e-3 * EV, 0.1e-10)


@pytest.mark.parametrize("name,mass,value,rel", [
    ("dd/si/lux-2016", 50.0, 1.1e-46, 0.05),       # LUX 1608.07648
    ("dd/si/xenon1t", 30.0, 4.1e-47, 0.02),        # XENON1T 1805.12562
    ("dd/si/lz-2022-non-power-constrained", 30.0, 5.9e-48, 0.05),  # LZ 2207.03764 v1
    ("dd/si/lz-2024", 40.0, 2.2e-48, 0.06),        # LZ 2410.17036
    ("dd/si/xenonnt-2023", 28.0, 2.58e-47, 0.03),  # XENONnT 2303.14729
    ("dd/si/xenonnt-2025", 30.0, 1.7e-47, 0.03),   # XENONnT 2502.18005
    ("dd/si/pandax-4t-2024", 40.0, 1.6e-47, 0.03), # PandaX-4T 2408.00664
])
def test_direct_detection_minima(name, mass, value, rel):
    assert curve(name)(mass) == pytest.approx(value, rel=rel)


def test_direct_detection_units_and_fog():
    for n in ("dd/si/lz-2024", "dd/si/all-2024", "dd/si/darwin-projection", "dd/si/nufog-n2-xe"):
        c = curve(n)
        assert c.y_unit == "cm^2" and c.x_unit == "GeV"
        assert 1e-52 < np.nanmin(c.y) and np.nanmax(c.y) < 1e-30
    # the repo envelope is never weaker than LZ 2024 (one of its inputs)
    x = np.geomspace(10, 1e4, 50)
    assert np.all(curve("dd/si/all-2024")(x) <= curve("dd/si/lz-2024")(x) * 1.001)
    # neutrino fog lies below the current limits at 30 GeV
    assert curve("dd/si/nufog-n2-xe")(30.0) < curve("dd/si/lz-2024")(30.0)
    assert curve("dd/si/dama1").kind == "hint"


def test_gamma_line_limits_and_units():
    # H.E.S.S. 2018 (1805.05741): <sigma v>_gg < 4e-28 cm^3/s at 1 TeV (Einasto)
    hess = curve("id/gammaline/hess")
    assert hess(1000.0) == pytest.approx(4e-28, rel=0.12)
    # the file's masses are in TeV: the curve starts at 0.303 TeV = 303 GeV
    assert hess.x_range[0] == pytest.approx(303.137, rel=1e-4)
    assert hess.y_unit == "cm^3/s" and "Majorana" in hess.notes
    cta = curve("id/gammaline/cta")
    assert cta.kind == "projection" and cta(1000.0) < hess(1000.0)
    # decay lifetimes are lower limits
    assert curve("id/tau-gammagamma/magic-2018-perseuscluster").region == "below"


def test_hnl_units_and_kinematics():
    mK, mpi = ph.meson_masses["K+"], ph.meson_masses["pi+"]
    # peak searches in MeV files (header of NA62_2021_mu.dat wrongly says GeV)
    lo, hi = curve("hnl/Umu2/na62").x_range
    assert hi < mK - ph.m_mu and lo > 0.1
    lo, hi = curve("hnl/Ue2/na62").x_range
    assert hi < mK - ph.m_e
    assert curve("hnl/Ue2/pienu-2017").x_range[1] < mpi - ph.m_e
    # envelope of current |U_e|^2: NA62/PIENU reach ~1e-9 around 0.3 GeV
    cur = curve("hnl/Ue2/current")
    assert 1e-10 < cur(0.3) < 3e-9
    # closed contour: Borexino excludes (5 MeV, 1e-3) but not (5 MeV, 0.5)
    b = curve("hnl/Ue2/borexino")
    assert not b.allowed(5e-3, 1e-3) and b.allowed(5e-3, 0.5)


def test_hnl_current_envelope_never_weaker_than_members():
    env = curve("hnl/Umu2/current")
    x = np.geomspace(1e-3, 1e3, 400)
    e = env(x)
    for m in env.members:
        v = m(x)
        ok = np.isfinite(v) & np.isfinite(e)
        assert np.all(e[ok] <= v[ok] * (1 + 1e-9)), m.name
        assert not np.any(np.isnan(e[np.isfinite(v)]))


def test_dark_sector_curves():
    # E137 (Bjorken 2009 / Andreas 2012) excludes eps ~ 1e-7 for m_A' ~ 50 MeV, not eps = 1e-3
    e137 = curve("darkphoton/epsilon/darkcast-e137-andreas2012mt")
    assert not e137.allowed(0.05, 1e-7) and e137.allowed(0.05, 1e-3)
    s = curve("scalar/sintheta/foresee-charm")
    assert s.x_unit == "GeV" and s.region == "inside"
    assert curve("zprime/gBL/foresee-babar").quantity == "gBL"


def test_atlas_dilepton_is_in_fb():
    c = curve("collider/sigmaB-ll/atlas-139ifb")
    assert c.y_unit == "fb"
    # zero-background regime at 6 TeV: the 95 % CL limit is ~3 signal events divided by the
    # efficiency; with 139 fb^-1 and ee+mumu (2 channels) the limit must correspond to
    # 3-10 events. In pb the same numbers would be ~1000x more events.
    events = c(6000.0) * 139.0 * 2
    assert 3.0 < events < 10.0
    assert c(250.0) > c(3000.0)


def test_hnl_rescaling_conventions():
    from darkseesaw.constraints.hnl import cl_factor, hnl_envelope, nature_factor

    # HNLimits hnl_tools.py: 95 % -> 90 % with 2-dof quantiles, sqrt(4.61/5.99)
    assert cl_factor("95", 0.90, dof=2) == pytest.approx(np.sqrt(4.61 / 5.99), rel=1e-3)
    assert cl_factor("90", 0.90) == 1.0 and cl_factor("3 events", 0.90) == 1.0
    assert nature_factor("Majorana", "BD", "dirac") == pytest.approx(np.sqrt(2))
    assert nature_factor("Dirac", "C", "majorana") == pytest.approx(0.5)
    assert nature_factor("Majorana", "PS", "dirac") == 1.0
    # no rescaling requested: identical to the shipped envelope
    x = np.geomspace(2e-3, 5e2, 60)
    np.testing.assert_allclose(hnl_envelope("tau")(x), curve("hnl/Utau2/current")(x),
                               rtol=1e-12)


def test_dark_photon_envelope_keeps_the_gap_between_beam_dumps_and_babar():
    env = curve("darkphoton/epsilon/darkcast-visible")
    # BaBar 2014 (1406.2980): eps <~ 7e-4 around 0.5 GeV; vetoed phi window gives no limit
    babar = curve("darkphoton/epsilon/darkcast-babar-lees2014xha")
    assert 4e-4 < babar(0.5) < 1e-3 and np.isnan(babar(1.02))
    assert not env.allowed(0.5, 2e-3)          # excluded by BaBar
    assert env.allowed(0.5, 1e-5)              # the classic gap above the beam dumps
    assert not env.allowed(0.05, 1e-7)         # excluded by the beam dumps (E137, ...)
