"""Constants and unit conversions against independent identities."""

import math

from darkseesaw import physics as ph


def test_derived_constants():
    assert abs(ph.v_EW - 246.21965) < 1e-3  # PDG: v = (√2 G_F)^-1/2 = 246.21965 GeV
    assert abs(ph.M_Pl / ph.M_Pl_reduced - math.sqrt(8 * math.pi)) / math.sqrt(8 * math.pi) < 1e-3
    assert abs(ph.sin2_theta_W_onshell - 0.2234) < 5e-4


def test_unit_conversions():
    # 1 GeV⁻² = 0.3894 mb = 3.894e-28 cm²
    assert abs(ph.invGeV2_to_cm2(1.0) - 3.8938e-28) / 3.8938e-28 < 1e-4
    assert abs(ph.cm2_to_invGeV2(ph.invGeV2_to_cm2(2.5)) - 2.5) < 1e-14
    # 1 GeV⁻² × c = 1.1673e-17 cm³/s
    assert abs(ph.invGeV2_to_cm3_per_s(1.0) - 1.1673e-17) / 1.1673e-17 < 1e-4
    # ħ = 6.582e-25 GeV s: a width of 1 GeV is a lifetime of 6.58e-25 s
    assert abs(ph.width_to_lifetime_s(1.0) - 6.582119569e-25) < 1e-33
    # ħc = 197.327 MeV fm: 1 GeV⁻¹ = 0.1973 fm = 1.973e-16 m
    assert abs(ph.invGeV_to_m(1.0) - 1.973269804e-16) < 1e-24
    assert abs(ph.m_to_invGeV(ph.invGeV_to_m(3.0)) - 3.0) < 1e-13
    assert math.isclose(ph.GeV_to_eV(ph.eV_to_GeV(7.0)), 7.0, rel_tol=1e-15)


def test_solve_timeout_environment(monkeypatch):
    """DARKSEESAW_SOLVE_TIMEOUT: seconds, or no cap; a value that is not a duration used to
    fall back silently to 60 s ('30s') or give a cap that never fires ('nan')."""
    import pytest

    from darkseesaw.errors import SOLVE_TIMEOUT_DEFAULT_S, solve_time_limit

    monkeypatch.delenv("DARKSEESAW_SOLVE_TIMEOUT", raising=False)
    assert solve_time_limit() == SOLVE_TIMEOUT_DEFAULT_S
    for v, want in (("2.5", 2.5), (" none ", None), ("0", None), ("inf", None), ("1e400", None)):
        monkeypatch.setenv("DARKSEESAW_SOLVE_TIMEOUT", v)
        assert solve_time_limit() == want, v
    for v in ("30s", "-1", "nan"):
        monkeypatch.setenv("DARKSEESAW_SOLVE_TIMEOUT", v)
        with pytest.raises(ValueError, match="DARKSEESAW_SOLVE_TIMEOUT"):
            solve_time_limit()
