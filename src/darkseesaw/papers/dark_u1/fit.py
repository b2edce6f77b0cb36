"""Recovery of the lost Table 1 of arXiv:1808.02500 by a fit to its Table 2.

Table 2 (masses and mixings of the MiniBooNE benchmark) survives; Table 1 (the inputs) was lost.
The scalar + gauge outputs depend on 12 effective inputs

    λ_H, λ_S1, λ_Hφ, λ_HS1, λ_HS2, μ, μ′, α, v_φ, ω₁, ω₂, g_D

(v fixed by G_F; the bare masses follow from the tadpoles; λ′_Hφ = 0 because m_H± = m_HD within
the printed precision), matched to 12 printed outputs

    m_hSM, m_HD, m_SD, m_SD′, m_ZD, θ_Hφ, θ_HS1, θ_HS2, θ_φS1, θ_φS2, θ_S1S2, ε′

by least squares in log space (`scipy.optimize.least_squares`; outputs and Jacobian from the
closed-form CP-even block, `darkseesaw.papers.dark_u1.potential7`, which the tests check against
the engine). The system is square, so for a fixed *assignment* of the printed masses to the
states (``assignment``) the fit is unique up to the signs of the mixings (the table prints
magnitudes); every assignment and sign branch is explored in `darkseesaw.papers.dark_u1.branches`
and `.branch_report`, which choose the branch (272 MeV on the S₂-like state reproduces all of
Table 2, m_aD included). Signs: λ_Hφ + λ′_Hφ < 0 and λ_HS2 < 0, on which the bare masses of φ
and S₂ are positive as the paper states below eq. (2.1). m_A, m_H±, m_aD are *predicted*. ε is an input. The neutrino sector
(m_ND, |U_αN|²) is separate: m = m_ND 1, y_ν from oscillation data through eq. (2.13).

Not determined by Table 2 (degenerate; fixed to values that keep V bounded below and the vacuum
global, and respect footnote 2 where possible): λ_φ, λ_S2, λ_φS1, λ_φS2, λ_S1S2, y_N — they and
the neutrino inputs are those of the model's benchmark ``table2-fit`` (`FIXED`), whose fitted
values (`stored_inputs`) are what the fit returns (checked by the full reproduction and a test).
The fit set-up (names, signs, targets) is ``data/fit.yaml``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy.optimize import least_squares

from darkseesaw.models.dark_u1 import MODEL
from darkseesaw.papers.common import load_data
from darkseesaw.papers.dark_u1.formulas import starting_point
from darkseesaw.papers.dark_u1.table2 import PRINTED_PRECISION, target_values

__all__ = ["FIT_NAMES", "FIT_SIGNS", "FIT_TARGETS", "FIXED", "stored_inputs", "fit_table2",
           "jacobian", "input_ranges"]

_SETUP = load_data("darkseesaw.papers.dark_u1", "fit.yaml")
FIT_NAMES: tuple[str, ...] = tuple(_SETUP["fitted_inputs"])
FIT_SIGNS: dict[str, float] = {k: float(v) for k, v in _SETUP["signs"].items()}
FIT_TARGETS: tuple[str, ...] = tuple(_SETUP["targets"])
FIXED: dict[str, float] = {k: v for k, v in MODEL.benchmarks["table2-fit"].items()
                           if k not in FIT_NAMES}
"""Inputs not fitted (degenerate or neutrino sector): those of the benchmark ``table2-fit``."""


def stored_inputs() -> dict[str, float]:
    """The stored fit result: the model's benchmark ``table2-fit`` (fixed + fitted inputs)."""
    return dict(MODEL.benchmarks["table2-fit"])


def _batch_outputs(points: list[dict[str, float]]) -> np.ndarray:
    """The 12 fitted outputs for a batch of points, columns (m_h [GeV], m of the φ-, S₁-,
    S₂-like CP-even states [GeV, MeV, MeV], m_ZD [MeV], |θ|'s, |ε′|): the closed-form CP-even
    block (`darkseesaw.papers.dark_u1.branches.even_outputs`, checked against the engine)."""
    from darkseesaw.papers.dark_u1.branches import even_outputs  # imports this module

    X = np.array([[pt[k] for k in FIT_NAMES] for pt in points])
    out = even_outputs(X)
    out[:, 2:5] *= 1e3
    return out


def _target_logs(assignment: tuple[str, str, str]) -> tuple[list[str], np.ndarray]:
    """The Table-2 keys and the log of the 12 targets in the columns of `_batch_outputs` for a
    CP-even assignment (states of the printed m_HD, m_SD, m_SD′)."""
    t = target_values()
    by_state = dict(zip(assignment, ("m_HD_GeV", "m_SD_MeV", "m_SDp_MeV"), strict=True))
    keys = ["m_hSM_GeV", by_state["phi"], by_state["S1"], by_state["S2"], *FIT_TARGETS[4:]]
    scale = [1.0, 1.0 if keys[1].endswith("GeV") else 1e-3,
             1e3 if keys[2].endswith("GeV") else 1.0, 1e3 if keys[3].endswith("GeV") else 1.0]
    return keys, np.log(np.array([t[k] * (scale[i] if i < 4 else 1.0)
                                  for i, k in enumerate(keys)]))


def _unpack(x: np.ndarray) -> dict[str, float]:
    return {n: FIT_SIGNS.get(n, 1.0) * float(np.exp(xi)) for n, xi in zip(FIT_NAMES, x,
                                                                          strict=True)}


def _pack(d: dict[str, float]) -> np.ndarray:
    return np.array([math.log(abs(d[n])) for n in FIT_NAMES])


def fit_table2(start: dict[str, float] | None = None, *, max_nfev: int = 40,
               upper: dict[str, float] | None = None, verbose: bool = False,
               assignment: tuple[str, str, str] = ("phi", "S1", "S2")) -> dict[str, Any]:
    """Least-squares fit (log space) of the 12 effective inputs to the 12 Table-2 outputs.

    Parameters
    ----------
    start : dict, optional
        Starting inputs (default `darkseesaw.papers.dark_u1.formulas.starting_point`).
    max_nfev : int
        Maximum number of (batched) evaluations.
    upper : dict, optional
        Upper bounds on the magnitudes of fitted inputs, e.g. ``{"lam_S1": 4π}`` (the
        perturbative variant). Then the residuals are weighted by the printed precision
        (χ²-like) and a bounded trust-region solver is used.
    assignment : (str, str, str)
        States (``phi``, ``S1``, ``S2``) of the printed m_HD, m_SD, m_SD′
        (`darkseesaw.papers.dark_u1.branches`); default: the headers read with eq. (2.4).

    Returns
    -------
    dict
        ``inputs`` (fitted + fixed), ``residuals`` (log(pred/target) per fitted output),
        ``cost``, ``nfev``, ``success``, ``start``, ``jacobian`` (d log out / d log|in|).
    """
    names, y = _target_logs(assignment)
    t = target_values()
    st = start
    if st is None:
        ms = dict(zip(assignment, (t["m_HD_GeV"], t["m_SD_MeV"] * 1e-3, t["m_SDp_MeV"] * 1e-3),
                      strict=True))
        st = starting_point((ms["phi"], ms["S1"], ms["S2"]))
    cache: dict[bytes, np.ndarray] = {}

    def eval_batch(X):
        return np.log(_batch_outputs([_unpack(xx) for xx in X]))

    def fun(x):
        key = x.tobytes()
        if key not in cache:
            cache[key] = eval_batch(x[None, :])[0]
        return cache[key] - y

    def jac(x):
        h = 1e-6
        X = np.vstack([x] + [x + h * e for e in np.eye(len(x))])
        F = eval_batch(X)
        cache[x.tobytes()] = F[0]
        return (F[1:] - F[0]).T / h

    if upper:
        w = 1.0 / np.log1p(np.array([PRINTED_PRECISION[k] for k in names]))
        hi = np.array([math.log(upper[n]) if n in upper else np.inf for n in FIT_NAMES])
        x0 = np.minimum(_pack(st), hi - 1e-9)
        res = least_squares(lambda x: w * fun(x), x0, jac=lambda x: w[:, None] * jac(x),
                            bounds=(-np.inf, hi), method="trf", max_nfev=max_nfev,
                            xtol=1e-12, ftol=1e-12, gtol=1e-12)
    else:
        res = least_squares(fun, _pack(st), jac=jac, method="lm", max_nfev=max_nfev,
                            xtol=1e-14, ftol=1e-14, gtol=1e-14)
    fitted = _unpack(res.x)
    r = fun(res.x)
    if verbose:
        print("fit:", res.message, "nfev", res.nfev, "max|log resid|", np.max(np.abs(r)))
    return {"inputs": {**FIXED, **fitted}, "residuals": dict(zip(names, r.tolist(), strict=True)),
            "cost": float(res.cost), "nfev": int(res.nfev), "success": bool(res.success),
            "start": st, "jacobian": res.jac}


def jacobian(inputs: dict[str, float], h: float = 1e-6) -> np.ndarray:
    """d log(outputs)/d log|inputs| (12×12) at ``inputs`` by forward differences (one batch)."""
    x0 = _pack(inputs)
    X = [x0] + [x0 + h * e for e in np.eye(len(x0))]
    F = np.log(_batch_outputs([_unpack(xx) for xx in X]))
    return (F[1:] - F[0]).T / h


def input_ranges(J: np.ndarray, assignment: tuple[str, str, str] = ("phi", "S1", "S2")
                 ) -> dict[str, Any]:
    """Singular values, condition number and the relative ranges of the inputs that the printed
    precision of the 12 targets allows (|J⁻¹| · precision); columns of `_batch_outputs`, the
    printed masses on the states of ``assignment``."""
    prec = np.array([PRINTED_PRECISION[k] for k in _target_logs(assignment)[0]])
    rng = np.abs(np.linalg.inv(J)) @ prec
    return {"jacobian_singular_values": np.linalg.svd(J, compute_uv=False),
            "condition_number": float(np.linalg.cond(J)),
            "input_rel_range_from_printed_precision": dict(zip(FIT_NAMES, rng.tolist(),
                                                               strict=True))}
