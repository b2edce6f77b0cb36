"""Table 1 of the paper: the field content, its anomalies, and the 11×11 matrix of eq. 2.6.

The content is data (``data/table1.yaml``); `anomalies` runs it through the anomaly engine
(`darkseesaw.symmetry.anomalies.gauge_anomaly_check`) with the paper's charge name ``BL``.
The model (`darkseesaw.models.bl_zprime`) declares the same content to its U(1)′ sector (the
N_R–N′_R pairs as Dirac fermions of vector charge −1, anomaly-equivalent); the tests check
that both agree. `eq26_matrix` is the neutral-fermion matrix of eq. 2.6 in the paper's basis
(ν_Lᶜ, N_R, N′_R, χ_Lᶜ, χ_R): a cross-check of the model's sectors (its Takagi masses are the
neutral-lepton sector's plus the Dirac χ twice).

Example
-------
>>> anomalies(dark_sector=False)["grav^2 BL"], Q_CHI, Q_MAX
('-3', (4.0, 5.0), 5.0)
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.papers.common import load_data
from darkseesaw.spectrum.builders import neutral_lepton_matrix
from darkseesaw.symmetry.anomalies import gauge_anomaly_check
from darkseesaw.symmetry.fields import Field

__all__ = ["TABLE1", "fields", "anomalies", "charge", "Q_CHI", "Q_OMEGA", "Q_MAX",
           "eq26_matrix"]

TABLE1: list[dict[str, Any]] = load_data(__package__, "table1.yaml")["fields"]
"""Rows of Table 1 (with the SM fields): name, kind, su3, su2, generations, Y, BL, dark."""


def charge(name: str) -> Fraction:
    """B−L charge of a field of Table 1."""
    for row in TABLE1:
        if row["name"] == name:
            return Fraction(str(row["BL"]))
    raise KeyError(f"no field {name!r} in Table 1")


Q_CHI: tuple[float, float] = (float(charge("chi_L")), float(charge("chi_R")))
"""(q_L, q_R) of χ: (4, 5)."""
Q_OMEGA: float = float(charge("omega"))
Q_MAX: float = float(max(abs(Fraction(str(r["BL"]))) for r in TABLE1))
"""The largest B−L charge (5, χ_R): perturbativity g_BL q_max ≤ √(2π)."""


def fields(dark_sector: bool = True) -> list[Field]:
    """Weyl fermions and scalars of Table 1 with Y and B−L charges (`darkseesaw.symmetry`)."""
    return [Field(r["name"], r["kind"], r["su3"], r["su2"], r["generations"],
                  {"Y": Fraction(str(r["Y"])), "BL": Fraction(str(r["BL"]))})
            for r in TABLE1 if dark_sector or not r.get("dark", False)]


def anomalies(dark_sector: bool = True) -> dict[str, str]:
    """All gauge anomalies of SU(3)×SU(2)×U(1)_Y×U(1)_{B−L} (exact fractions, as strings)."""
    return {k: str(v) for k, v in gauge_anomaly_check(fields(dark_sector), ["Y", "BL"]).items()}


def eq26_matrix(p: Any) -> np.ndarray:
    """The symmetric 11×11 mass matrix of eq. 2.6 [GeV] at the model's parameters ``p``.

    Basis (ν_Lᶜ(3), N_R(3), N′_R(3), χ_Lᶜ, χ_R): the ISS block from
    `darkseesaw.spectrum.builders.neutral_lepton_matrix` (m_D = Y_ν v/√2, M = M_N,
    μ_S = Y′_N v₂/√2, μ_R = Y_N v₂/√2, unit matrices) and the Dirac χ, m_χ = Y_χ v₁/√2.
    """
    s2 = math.sqrt(2.0)
    eye = np.eye(3)
    iss = neutral_lepton_matrix(p.y_nu * ph.v_EW / s2 * eye, p.M_N * eye,
                                p.Yp_N * p.v2 / s2 * eye, p.Y_N * p.v2 / s2 * eye)
    out = np.zeros((11, 11), dtype=complex)
    out[:9, :9] = iss
    out[9, 10] = out[10, 9] = p.Y_chi * p.v1 / s2
    return out
