"""Table 3 of arXiv:2502.13002 and the checks of the accepted neutrino region.

* `ranges` — the ranges of δ_CP, Σm, m_β and m_ee over the accepted points (Table 3);
* `empirical_relations` — how well eqs. 4.3 (A) and 4.4 (B), m_ee ≈ s²₁₂c²₁₃√Δm²₂₁ ±
  s²₁₃√Δm²₃₁ cos δ, hold on them, and the φ–δ correlation of Fig. 2a;
* `takagi_check` — the closed-form fast path of the fit against the exact Takagi spectrum of
  the model's full 7×7 matrix (eq. 2.18) on accepted points.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from darkseesaw.models.alp_portal_dm import MODEL
from darkseesaw.observables import neutrino as nu
from darkseesaw.papers.alp_portal_dm.inputs import PARS
from darkseesaw.papers.alp_portal_dm.texture_fit import fast_observables, light_matrix
from darkseesaw.spectrum import takagi

__all__ = ["delta_window", "ranges", "empirical_relations", "full_matrix", "takagi_check"]

_NEUTRAL_LEPTONS = next(s for s in MODEL.sectors if s.name == "neutral_leptons")


def delta_window(d):
    """δ [deg] mapped into the NO window convention [124°, 484°) (values below 124° + 360°)."""
    return np.where(d < 124.0, d + 360.0, d)


def ranges(o: dict[str, np.ndarray]) -> dict[str, list[float]] | None:
    """[min, max] of δ_CP [deg, window convention], Σm, m_β, m_ee [meV] (None: no points)."""
    if not len(o.get("m_ee", [])):
        return None
    d = delta_window(o["delta_deg"]) if o["delta_deg"].max() < 500 else o["delta_deg"]

    def r(v, f=1.0):
        return [float(np.min(v) * f), float(np.max(v) * f)]

    return {"delta_cp_deg": r(d), "sum_m_meV": r(o["sum_m"], 1e3),
            "m_beta_meV": r(o["m_beta"], 1e3), "m_ee_meV": r(o["m_ee"], 1e3)}


def empirical_relations(fits: dict) -> dict[str, dict[str, Any]]:
    """Relative deviation of m_ee from eqs. 4.3/4.4 (percentiles) and corr(cos φ, cos δ), NO."""
    emp = {}
    for tex, sgn in (("A", 1.0), ("B", -1.0)):
        o = fits[(tex, "NO")]["obs"]
        if len(o.get("m_ee", [])):
            X = o["s12sq"] * (1 - o["s13sq"]) * np.sqrt(o["dm21"])
            Y = o["s13sq"] * np.sqrt(o["dm3l"])
            rel = (o["m_ee"] - (X + sgn * Y * np.cos(np.radians(o["delta_deg"])))) / o["m_ee"]
            emp[tex] = {"equation": "4.3" if tex == "A" else "4.4",
                        "rel_dev_percentiles_0_5_50_95_100":
                            [float(v) for v in np.percentile(rel, [0, 5, 50, 95, 100])],
                        "corr_cos_phi_cos_delta": float(np.corrcoef(
                            np.cos(fits[(tex, "NO")]["params"][:, 6]),
                            np.cos(np.radians(o["delta_deg"])))[0, 1])}
    return emp


def full_matrix(p) -> np.ndarray:
    """The model's 7×7 neutral-lepton matrix [GeV] of eq. 2.18 at parameters ``p``."""
    return _NEUTRAL_LEPTONS.matrix(MODEL.point(p))


def takagi_check(texture: str, ordering: str, P: np.ndarray, n: int = 100, seed: int = 0
                 ) -> dict[str, Any] | None:
    """Closed-form fast path vs exact Takagi of the full 7×7 matrix on ``n`` accepted points.

    (m_D)₁₁ is set so that max|m_D| = 10⁻³ (M_N)₁₁ min(1, γ): the O(m_D²/M²) corrections of
    eq. 2.20 are then ~10⁻⁶, below the differences tested. Returns the largest deviations.
    """
    if len(P) == 0:
        return None
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(P), min(n, len(P)), replace=False)
    Ms = []
    for i in idx:
        q = dict(zip(PARS, P[i], strict=False))
        p = MODEL.parameters(texture=texture, **q,
                             mD11=1e-3 * 1e4 / max(1.0, q["y1"], q["y2"], q["y3"]))
        Ms.append(full_matrix(p))
    m, U = takagi(np.array(Ms))
    ex = nu.observables(m, U)
    fa = fast_observables(light_matrix(texture, *P[idx].T), ordering)
    dd = np.abs((np.degrees(ex["delta_cp"]) - fa["delta_deg"] + 180) % 360 - 180)
    return {"n_points": int(len(idx)),
            "ordering_agrees": bool(np.all(ex["ordering"] == ordering)),
            "max_abs_diff_s12sq": float(np.max(np.abs(ex["s12sq"] - fa["s12sq"]))),
            "max_abs_diff_s13sq": float(np.max(np.abs(ex["s13sq"] - fa["s13sq"]))),
            "max_abs_diff_s23sq": float(np.max(np.abs(ex["s23sq"] - fa["s23sq"]))),
            "max_abs_diff_delta_deg": float(np.max(dd)),
            "max_rel_diff_m_ee": float(np.max(np.abs(ex["m_bb"] * 1e9 / fa["m_ee"] - 1))),
            "max_rel_diff_sum_m": float(np.max(np.abs(ex["sum_m"] * 1e9 / fa["sum_m"] - 1)))}
