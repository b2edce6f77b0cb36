"""The inputs of arXiv:2502.13002 as the paper used them (data files and named measurements).

Numbers that are measurements live in `darkseesaw.constraints.measurements` (one place, with
their source); this module names the ones the paper used, including the older ones that today's
model no longer links (the 2023 Δa_μ, Σm < 0.13 eV, KamLAND-Zen 2023). The paper's own choices
and tables are the YAML files of ``data/``: ``scan.yaml`` (eq. 4.1 ranges, the Fig. 3 grid, the
freeze-out shortcut), ``table2.yaml`` and ``table3.yaml`` (as printed).

Example
-------
>>> NUFIT60_3SIGMA["NO"]["delta_deg"]
(212.0, 124.0, 364.0)
>>> FIT_RANGES["phi"][1] == 2 * math.pi
True
"""

from __future__ import annotations

import math
from typing import Any

from darkseesaw.constraints.measurements import MEASUREMENTS as _ME
from darkseesaw.constraints.measurements import NUFIT as _NUFIT
from darkseesaw.papers.common import load_data

__all__ = ["NUFIT60_3SIGMA", "DELTA_A_MU_2023", "DELTA_A_MU_2025", "OMEGA_DM_H2",
           "NEUTRINO_MASS_BOUNDS", "SIGMAV_THERMAL", "SIN_THETA_MAX", "FIT_RANGES", "PARS",
           "FIG3", "TABLE2", "TABLE3", "data"]

PACKAGE = "darkseesaw.papers.alp_portal_dm"


def data(name: str) -> Any:
    """A YAML file of ``darkseesaw/papers/alp_portal_dm/data``."""
    return load_data(PACKAGE, name)


def _value_sigma(name: str) -> tuple[float, float]:
    m = _ME[name]
    return (m.value, m.sigma)


def _nufit_3sigma(version: str, ordering: str) -> dict[str, tuple[float, float, float]]:
    """(best fit, 3σ low, 3σ high) of NuFIT ``version`` in the paper's Table 2 form: keys
    ``dm21sq_eV2``, ``dm3lsq_eV2`` (|Δm²_3l|: m3² − m1² for NO, m2² − m3² for IO) and
    ``delta_deg`` (the NO window wraps past 360°)."""
    t = _NUFIT[version][ordering]
    out = {k: (t[k].best, t[k].lo3, t[k].hi3) for k in ("s12sq", "s13sq", "s23sq")}
    out["dm21sq_eV2"] = (t["dm21sq"].best, t["dm21sq"].lo3, t["dm21sq"].hi3)
    d = t["dm3lsq"]
    out["dm3lsq_eV2"] = (d.best, d.lo3, d.hi3) if d.best > 0 else (-d.best, -d.hi3, -d.lo3)
    out["delta_deg"] = (t["delta_cp"].best, t["delta_cp"].lo3, t["delta_cp"].hi3)
    return out


NUFIT60_3SIGMA: dict[str, dict[str, tuple[float, float, float]]] = {
    o: _nufit_3sigma("6.0", o) for o in ("NO", "IO")}
"""Table 2 = NuFIT 6.0 (``NUFIT["6.0"]``): (best fit, 3σ low, 3σ high) per ordering."""

DELTA_A_MU_2023: tuple[float, float] = _value_sigma("delta_a_mu_2023")
"""Δa_μ (central, 1σ) of eq. 3.14: measurement ``delta_a_mu_2023`` (249 ± 48) × 10⁻¹¹."""

DELTA_A_MU_2025: tuple[float, float] = _value_sigma("delta_a_mu_2025")
"""Δa_μ (central, 1σ) today: measurement ``delta_a_mu_2025`` (38 ± 63) × 10⁻¹¹."""

OMEGA_DM_H2: tuple[float, float] = _value_sigma("omega_dm_h2_planck2018_lensing")
"""Ω_DM h² = 0.120 ± 0.0012 of eq. 3.13 (Planck 2018)."""

NEUTRINO_MASS_BOUNDS: dict[str, float] = {
    "sum_m_eV": _ME["sum_mnu_alp_portal_dm"].value,
    "m_beta_eV": _ME["m_beta_katrin_2025"].value,
    "m_bb_eV": _ME["m_bb_kamland_zen_2023"].value,
}
"""Upper bounds quoted in §3.1: Σm < 130 meV, m_β < 450 meV, m_ββ < 36 meV (the aggressive end
of KamLAND-Zen 2023's 36–156 meV)."""

SIN_THETA_MAX: float = _ME["sin_theta_higgs_lhc"].value
"""|sin θ| ≤ 0.12 from the Higgs couplings (ATLAS, CMS), as quoted by the paper."""

_SCAN = data("scan.yaml")

SIGMAV_THERMAL: tuple[float, float] = tuple(_SCAN["sigmav_thermal_cm3s"])
"""Freeze-out shortcut ⟨σv⟩ = (2.6 ± 0.4) × 10⁻²⁶ cm³/s of §3.2 (the paper's choice)."""

PARS: tuple[str, ...] = ("kappa", "y1", "y2", "y3", "alpha", "beta", "phi")
"""The seven neutrino-sector parameters (κ in eV), the column order of the fit; names of the
model's parameters."""

FIT_RANGES: dict[str, tuple[float, float]] = {
    **{k: tuple(_SCAN["fit_ranges"][k]) for k in PARS[:6]},
    "phi": tuple(x * math.pi for x in _SCAN["fit_ranges"]["phi_over_pi"])}
"""Scan ranges of eq. 4.1."""

FIG3: dict[str, Any] = _SCAN["fig3"]
"""The benchmark plane of Fig. 3 (``data/scan.yaml``)."""

TABLE2: dict[str, dict[str, list[float]]] = data("table2.yaml")
"""Table 2 as printed (best, +3σ, −3σ), for the tests against `NUFIT60_3SIGMA`."""

TABLE3: dict[str, Any] = data("table3.yaml")
"""Table 3 as printed (normal ordering) and the orderings the paper finds."""
