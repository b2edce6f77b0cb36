"""Fermi-LAT 2015 line limits (arXiv:1506.00013, MadDM's tables): units, J-factors, conventions.

Independent checks: the two columns of each file (⟨σv⟩ and the line flux Φ) must satisfy
Φ = 2⟨σv⟩ J/(8π m²) with the J-factor the catalogue states (self-conjugate convention, two photons
per annihilation); values spot-checked against the published table as transcribed.
"""

import math
import re

import numpy as np
import pytest

from darkseesaw.constraints import curve
from darkseesaw.constraints.readers import data_dir

ROIS = {"r16-einasto": "R16_Einasto", "r3-nfwcontracted": "R3_NFWcontracted",
        "r41-nfw": "R41_NFW", "r90-isothermal": "R90_Isothermal"}


@pytest.mark.parametrize("slug,stem", sorted(ROIS.items()))
def test_flux_and_sigmav_columns_imply_the_stated_j_factor(slug, stem):
    c = curve(f"id/gammaline/lat-2015-gc-{slug}")
    raw = np.loadtxt(data_dir() / f"indirect_detection/maddm_fermi_lines/Fermi_2015_lines_{stem}.dat")
    m, sv, flux = raw.T
    np.testing.assert_array_equal(c.x, m)          # GeV, no rescaling
    np.testing.assert_array_equal(c.y, sv)         # cm^3/s as published (self-conjugate)
    j = flux * 8 * math.pi * m**2 / (2 * sv)       # GeV^2 cm^-5
    stated = float(re.search(r"J = ([0-9.e+]+) GeV", c.notes).group(1))
    assert np.median(j) == pytest.approx(stated, rel=5e-3)
    assert np.max(np.abs(j / np.median(j) - 1)) < 0.02  # three-digit rounding of both columns
    assert c.region == "above" and c.kind == "upper_limit" and c.x_unit == "GeV"
    assert (len(m), m[0], m[-1]) == (121, 0.214, 462.0)


def test_alias_and_published_values():
    a, b = curve("id/gammaline/fermi-lat"), curve("id/gammaline/lat-2015-gc-r16-einasto")
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    # rows of the table (R16, Einasto): 0.214 GeV -> 2.79e-30, 131 GeV -> 7.17e-28 cm^3/s
    assert float(b(0.214)) == pytest.approx(2.79e-30, rel=1e-9)
    assert float(b(131.0)) == pytest.approx(7.17e-28, rel=1e-9)
    # a Dirac chi (n_chi = n_chibar = rho/2m): the limit on <sigma v>(chi chibar) is 2x weaker
    assert float(b.scaled(y_factor=2)(131.0)) == pytest.approx(2 * 7.17e-28, rel=1e-9)
    # the contracted-NFW ROI (largest J) gives the strongest limit at every mass
    r3 = curve("id/gammaline/lat-2015-gc-r3-nfwcontracted")
    assert np.median(r3.y / b.y) < 1
