"""The paper-era inputs of the ``hnl-inflaton`` reproduction (Cline, Puel, Toma 2020).

Kept apart from the model (`darkseesaw.models.hnl_inflaton`), whose defaults are today's data:

* `NU_OSC` — NuFIT 4.1 best fits without SK atmospheric data (the paper cites "PDG central
  values"); they reproduce the printed η_ν matrices, eqs. 4.11–4.15, to their 2–3 digits;
* the M_W inputs of eqs. 4.8–4.9 (PDG 2018 measurement and SM fit, Δr of PDG 2018), passed
  explicitly to `darkseesaw.observables.ewpd` (`eps_bound_paper`, `EWPD_PAPER`);
* η_B = 8.8 × 10⁻¹¹ (below eq. 3.13), f_n = 0.30 (eq. 6.1), M_N = 4.5 GeV (eq. 3.8);
* the paper's printed numbers (``data/paper.yaml``), read by `paper_values`.

Example
-------
>>> NU_OSC["NH"]["s23sq"], NU_OSC["IH"]["delta_deg"]
(0.558, 285.0)
>>> round(eps_bound_paper(), 6)
0.002621
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints.measurements import MEASUREMENTS as ME
from darkseesaw.constraints.measurements import NUFIT_BEST_FIT
from darkseesaw.observables.ewpd import eps_bound_from_mw
from darkseesaw.observables.neutrino import pmns_matrix
from darkseesaw.papers.common import load_data

__all__ = ["NU_OSC", "MN_MAX_PAPER", "ETA_B", "F_N_HIGGS", "EWPD_PAPER", "eps_bound_paper",
           "oscillation", "paper_values"]

MN_MAX_PAPER = 4.5
"""Largest DM mass quoted by the paper (eq. 3.8), used as its benchmark M_N."""

ETA_B = 8.8e-11
"""Baryon-to-entropy ratio n_B/s used by Cline et al. 2020 below eq. 3.13 (their value)."""

F_N_HIGGS = 0.30
"""Higgs–nucleon coupling f_n used by Cline et al. 2020 (eq. 6.1; refs. [77, 78] there)."""


def _nu_osc_inputs() -> dict[str, dict[str, float]]:
    fit = NUFIT_BEST_FIT["4.1-noSK"]
    return {o: {"s12sq": fit[k]["s12sq"], "s13sq": fit[k]["s13sq"], "s23sq": fit[k]["s23sq"],
                "delta_deg": fit[k]["delta_cp"], "dm21sq_eV2": fit[k]["dm21sq"],
                "dm3lsq_eV2": fit[k]["dm3lsq"]}
            for o, k in (("NH", "NO"), ("IH", "IO"))}


NU_OSC = _nu_osc_inputs()
"""Oscillation inputs of the reproduction: ``NUFIT_BEST_FIT["4.1-noSK"]`` of
`darkseesaw.constraints.measurements`; dm3lsq = Δm²₃₁ (NH), Δm²₃₂ (IH)."""

EWPD_PAPER: dict[str, float] = {
    "mw_exp": ME["m_w_pdg2018"].value, "mw_exp_err": ME["m_w_pdg2018"].sigma,
    "mw_sm": ME["m_w_sm_pdg2018"].value, "mw_sm_err": ME["m_w_sm_pdg2018"].sigma,
    "delta_r": ME["delta_r_sm_pdg2018"].value}
"""Inputs of eqs. 4.8–4.9: PDG 2018 M_W (80.379 ± 0.012), SM fit (80.363 ± 0.006), Δr."""


@cache
def eps_bound_paper() -> float:
    """95 % CL bound on ε_ee + ε_μμ from M_W with the paper's PDG 2018 inputs (2.62 × 10⁻³)."""
    return eps_bound_from_mw(**EWPD_PAPER)


def oscillation(ordering: str, inputs: dict | None = None):
    """(U_PMNS, D_ν [GeV]) with the massless lightest neutrino of eq. 4.3.

    NH: D = (0, √Δm²₂₁, √Δm²₃₁); IH: D = (√(|Δm²₃₂| − Δm²₂₁), √|Δm²₃₂|, 0).
    Defaults: `NU_OSC` (the inputs that reproduce the paper).
    """
    o = dict(NU_OSC[ordering]) if inputs is None else dict(inputs)
    U = pmns_matrix(o["s12sq"], o["s13sq"], o["s23sq"], math.radians(o["delta_deg"]))
    dm21, dm3l = o["dm21sq_eV2"], o["dm3lsq_eV2"]
    if ordering == "NH":
        D = np.array([0.0, math.sqrt(dm21), math.sqrt(dm3l)])
    else:
        D = np.array([math.sqrt(abs(dm3l) - dm21), math.sqrt(abs(dm3l)), 0.0])
    return U, ph.eV_to_GeV(D)


@cache
def _paper() -> dict[str, Any]:
    return load_data(__package__, "paper.yaml")


def paper_values() -> dict[str, Any]:
    """The numbers printed by the paper (``data/paper.yaml``): key numbers and η_ν tables."""
    return _paper()
