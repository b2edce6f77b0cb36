"""Every assignment of Table 2's printed scalar masses to the states, and every sign branch.

Table 2 prints three CP-even dark masses under the headers H_D, S_D, S′_D (100 GeV, 272 MeV,
320 MeV) and two CP-odd ones under A_D, a_D (100 GeV, 272 MeV). The states of the model are
named by their dominant field (eq. 2.8): CP-even φ-, S₁-, S₂-like (H_D, S_D, S′_D of eq. 2.4),
CP-odd φ-, S₂-like (A_D, a_D of eqs. 2.5–2.6; the S₁ phase is the Z_D Goldstone). The numbers
alone do not say which printed mass belongs to which state, and the table prints magnitudes
only, so a fit of the lost Table 1 is a choice of

* an **assignment**: a bijection of the 3 printed CP-even dark masses onto the 3 CP-even dark
  states (3! = 6) and of the 2 printed CP-odd masses onto the 2 CP-odd dark states (2! = 2):
  12 assignments. h_SM (the 125 GeV H-like state), H_D^±, Z_D and N_D are unique;
* a **sign branch**: the signs of the six fitted inputs whose sign is free, `SIGNED`
  (λ_Hφ + λ′_Hφ, λ_HS1, λ_HS2, μ, μ′, α): 2⁶ = 64. The others are fixed: v_φ, ω₁, ω₂ > 0 by
  the field redefinitions φ, S₁, S₂ → −φ, −S₁, −S₂; g_D > 0 by convention; λ_H, λ_S1 > 0 for
  V to be bounded below along H and S₁.

That is 12 × 64 = 768 branches, and 6 × 64 = 384 fits (the CP-odd masses are predicted, not
fitted: the CP-odd assignment only changes the comparison). Each fit solves the 12 equations
of `darkseesaw.papers.dark_u1.fit` with the printed CP-even masses placed on the states of
its assignment (batched Levenberg–Marquardt in log|x|, all branches at once, the CP-even
spectrum from eq. (2.1) restricted to its four neutral CP-even directions, in closed form,
`darkseesaw.papers.dark_u1.potential7`). λ′_Hφ only moves
m_H± (the neutral spectrum depends on λ_Hφ + λ′_Hφ alone): it stays 0 where m_H± is within
its printed precision, else it is solved for the printed m_H± at fixed λ_Hφ + λ′_Hφ.

Each branch is then evaluated with the full engine (`table2_batch`); the residuals against
every Table-2 entry, perturbativity, the bare-mass signs, the local and global minimum
(`darkseesaw.papers.dark_u1.global_vacuum`) and the choice are in
`darkseesaw.papers.dark_u1.branch_report`.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import brentq

from darkseesaw import physics as ph
from darkseesaw.models.dark_u1 import (
    BARE,
    FIELDS,
    POT_KEYS,
    Parameters,
    scalar_potential,
)
from darkseesaw.papers.common import load_data
from darkseesaw.papers.dark_u1 import potential7 as P7
from darkseesaw.papers.dark_u1.fit import FIT_NAMES, FIXED
from darkseesaw.papers.dark_u1.gauge import CHARGES, gauge_sector
from darkseesaw.papers.dark_u1.neutrinos import neutrino_spectrum
from darkseesaw.papers.dark_u1.table2 import PRINTED_PRECISION, target_values
from darkseesaw.spectrum.gauge_mixing import neutral_gauge_mixing, sm_couplings
from darkseesaw.spectrum.scalars import mixing_angle

__all__ = ["EVEN_ENTRIES", "EVEN_STATES", "ODD_ENTRIES", "ODD_STATES", "SIGNED", "Branch",
           "enumerate_branches", "fit_keys", "PRINTED_LABELS", "even_outputs", "target_matrix",
           "invert", "signed_thetas", "VEV_FAMILIES", "solve_assignments", "table2_batch", "set_lambda_prime",
           "TIE_BREAK_SIGNS", "gev"]

EVEN_ENTRIES = ("m_HD_GeV", "m_SD_MeV", "m_SDp_MeV")
"""The printed CP-even dark masses (Table-2 keys, in the order of the table)."""
EVEN_STATES = ("phi", "S1", "S2")
"""CP-even dark states by dominant field: H_D, S_D, S′_D of eqs. (2.4), (2.8)."""
ODD_ENTRIES = ("m_AD_GeV", "m_aD_MeV")
"""The printed CP-odd masses."""
ODD_STATES = ("phi", "S2")
"""CP-odd non-Goldstone states by dominant field: A_D (eq. 2.5), a_D (eq. 2.6)."""
SIGNED = ("lam_Hphi", "lam_HS1", "lam_HS2", "mu", "mu_p", "alpha")
"""Fitted inputs whose sign is free (``lam_Hphi`` stands for λ_Hφ + λ′_Hφ)."""
PRINTED_LABELS = (EVEN_STATES, ODD_STATES)
"""The assignment of the table's headers read with the definitions of eqs. (2.4)–(2.8)."""

_SETUP = load_data("darkseesaw.papers.dark_u1", "fit.yaml")
TIE_BREAK_SIGNS: tuple[int, ...] = tuple(int(_SETUP["tie_break_signs"][k]) for k in SIGNED)
"""Signs taken among branches that Table 2 and the checks cannot tell apart (``fit.yaml``)."""

_UNIT = {"GeV": 1.0, "MeV": 1e-3}
_ANGLES = (("H", "phi"), ("H", "S1"), ("H", "S2"), ("phi", "S1"), ("phi", "S2"), ("S1", "S2"))
_SQ2 = math.sqrt(2.0)


def gev(entry: str) -> float:
    """Unit of a Table-2 mass key, in GeV (``m_SD_MeV`` → 1e-3)."""
    return _UNIT[entry.rsplit("_", 1)[1]]


@dataclass(frozen=True)
class Branch:
    """One assignment (state of each printed CP-even and CP-odd entry) and one sign branch."""

    even: tuple[str, str, str]
    odd: tuple[str, str]
    signs: tuple[int, ...]
    vevs: str = "induced"
    theta: tuple[int, ...] = ()

    @property
    def _vev_tag(self) -> str:
        """Empty for the induced vevs (one solution per sign branch); else the vev family and
        the θ signs of the solution (several solutions share their input signs there)."""
        if self.vevs == "induced":
            return ""
        return f"vevs[{self.vevs}]theta[{_sign_text(self.theta)}]"

    @property
    def fit_key(self) -> str:
        """Identifier of the fit (CP-even assignment, signs and vev family; the CP-odd
        assignment is not fitted)."""
        return f"even[{','.join(self.even)}]signs[{_sign_text(self.signs)}]{self._vev_tag}"

    @property
    def assignment(self) -> str:
        """Identifier of the assignment alone."""
        return f"even[{','.join(self.even)}]odd[{','.join(self.odd)}]"

    @property
    def id(self) -> str:
        return f"{self.assignment}signs[{_sign_text(self.signs)}]{self._vev_tag}"

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "cp_even": dict(zip(EVEN_ENTRIES, self.even, strict=True)),
                "cp_odd": dict(zip(ODD_ENTRIES, self.odd, strict=True)),
                "signs": dict(zip(SIGNED, self.signs, strict=True)), "vevs": self.vevs,
                "theta_signs": list(self.theta)}


def _sign_text(signs: tuple[int, ...]) -> str:
    return "".join("+" if s > 0 else "-" for s in signs)


def enumerate_branches() -> list[Branch]:
    """All 3!·2!·2⁶ = 768 branches (assignments × sign branches), printed labels first."""
    evens = list(itertools.permutations(EVEN_STATES))
    odds = list(itertools.permutations(ODD_STATES))
    signs = list(itertools.product((1, -1), repeat=len(SIGNED)))
    return [Branch(e, o, s) for e in evens for o in odds for s in signs]


def fit_keys(branches: list[Branch]) -> dict[str, Branch]:
    """One representative branch per distinct fit (CP-odd assignment dropped)."""
    out: dict[str, Branch] = {}
    for b in branches:
        out.setdefault(b.fit_key, b)
    return out


# ------------------------------------------------------------------ the fitted CP-even outputs
def _pot_params(X: np.ndarray, lam_p: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Couplings of `potential` for signed fitted inputs X (N, 12) (FIT_NAMES order)."""
    N = X.shape[0]
    d = {k: np.full(N, float(FIXED[k])) for k in POT_KEYS if k not in FIT_NAMES}
    d.update({k: X[:, i] for i, k in enumerate(FIT_NAMES) if k in POT_KEYS})
    if lam_p is not None:  # split lam_Hphi (= lam_Hphi + lam'_Hphi in the fit) into the two
        d["lam_Hphi"] = d["lam_Hphi"] - lam_p
        d["lam_Hphi_p"] = np.asarray(lam_p, dtype=float)
    return {POT_KEYS[k]: v for k, v in d.items()}


def _vevs(X: np.ndarray) -> np.ndarray:
    i = {k: FIT_NAMES.index(k) for k in ("v_phi", "omega1", "omega2")}
    return np.column_stack([np.full(len(X), ph.v_EW), X[:, i["v_phi"]], X[:, i["omega1"]],
                            X[:, i["omega2"]]])


def even_outputs(X: np.ndarray) -> np.ndarray:
    """The 12 fitted outputs for signed inputs X (N, 12), per state, in GeV.

    Columns: m_h, m(φ-like), m(S₁-like), m(S₂-like), m_ZD, |θ_Hφ| … |θ_S1S2| (eq. 2.8, the
    order of `fit.FIT_TARGETS`), |ε′|. NaN where a mass² is negative or two fields share their
    dominant state (no assignment of states is possible there).
    """
    X = np.atleast_2d(np.asarray(X, dtype=float))
    vev = _vevs(X)
    m2, O = np.linalg.eigh(_even_matrix(X))
    dom = np.argmax(np.abs(O), axis=-1)  # dominant state of each field (N, 4)
    distinct = np.array([len(set(r)) == 4 for r in dom])
    mass = np.sqrt(np.where(m2 > 0, m2, np.nan))
    mdom = np.take_along_axis(mass, dom, -1)
    th = np.column_stack([np.abs(mixing_angle(O, FIELDS.index(a), FIELDS.index(b)))
                          for a, b in _ANGLES])
    g, gp = sm_couplings()
    gm = neutral_gauge_mixing(g, gp, X[:, FIT_NAMES.index("g_D")], vev, CHARGES)
    out = np.column_stack([mdom, gm.masses[:, 2], th, np.abs(gm.eps_Z[:, 2])])
    out[~distinct] = np.nan
    return out


def _targets(even: tuple[str, str, str]) -> np.ndarray:
    """The 12 targets [GeV] of `even_outputs` for a CP-even assignment."""
    t = target_values()
    by_state = {s: t[e] * gev(e) for e, s in zip(EVEN_ENTRIES, even, strict=True)}
    return np.array([t["m_hSM_GeV"], by_state["phi"], by_state["S1"], by_state["S2"],
                     t["m_ZD_MeV"] * 1e-3, *[t[f"theta_{a}{b}"] for a, b in _ANGLES],
                     t["epsilon_prime"]])


def target_matrix(even: tuple[str, str, str], theta_signs: tuple[int, ...]) -> np.ndarray:
    """The CP-even mass matrix [GeV²] (rows H, φ, S₁, S₂) with the printed spectrum on the states
    of ``even`` and the printed |θ| with ``theta_signs`` (order of `_ANGLES`).

    θ_ab is read from the a-like state k: tan θ_ab = O[b,k]/O[a,k]
    (`darkseesaw.spectrum.scalars.mixing_angle`). The H-like state is fixed by its three θ's,
    the φ-like one by θ_φS1, θ_φS2 and orthogonality, the S₁-like one by θ_S1S2 and
    orthogonality, the S₂-like one by orthogonality: M² = O diag(m²) Oᵀ.
    """
    t = target_values()
    m = _targets(even)[:4]
    tn = {a + b: sg * math.tan(t[f"theta_{a}{b}"])
          for (a, b), sg in zip(_ANGLES, theta_signs, strict=True)}
    uH = np.array([1.0, tn["Hphi"], tn["HS1"], tn["HS2"]])
    uP = np.array([-(tn["Hphi"] + tn["HS1"] * tn["phiS1"] + tn["HS2"] * tn["phiS2"]), 1.0,
                   tn["phiS1"], tn["phiS2"]])
    # (y, z) of uS1 = (y, z, 1, t_S1S2): orthogonal to uH and uP
    A = np.array([[uH[0], uH[1]], [uP[0], uP[1]]])
    rhs = -np.array([uH[2] + uH[3] * tn["S1S2"], uP[2] + uP[3] * tn["S1S2"]])
    y, z = np.linalg.solve(A, rhs)
    uS1 = np.array([y, z, 1.0, tn["S1S2"]])
    uS2 = np.linalg.svd(np.array([uH, uP, uS1]))[2][-1]
    uS2 *= np.sign(uS2[3])
    O = np.column_stack([u / np.linalg.norm(u) for u in (uH, uP, uS1, uS2)])
    return O @ np.diag(m**2) @ O.T


def _cubic_roots(A: np.ndarray, R: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """Positive roots of y (A − 2λ y²) = R (vectorised over A, R): (small, large), NaN where
    absent. 'small' lies below the turning point y² = |A|/(6λ) (the vev induced by R, as the
    paper assumes), 'large' above it (a vev driven by the field's own quartic)."""
    p, q = -A / (2 * lam), R / (2 * lam)  # y³ + p y + q = 0
    small = np.full(np.shape(A), np.nan)
    large = np.full(np.shape(A), np.nan)
    with np.errstate(all="ignore"):
        three = 4 * p**3 + 27 * q**2 < 0
        m = 2 * np.sqrt(-p / 3)
        th = np.arccos(np.clip(3 * q / (2 * p) * np.sqrt(-3 / p), -1, 1)) / 3
        roots3 = [m * np.cos(th - 2 * np.pi * k / 3) for k in range(3)]
        sq = np.sqrt(q**2 / 4 + p**3 / 27)
        one = np.cbrt(-q / 2 + sq) + np.cbrt(-q / 2 - sq)
        ystar = np.sqrt(np.abs(A) / (6 * lam))
    cands = [np.where(three, r, np.nan) for r in roots3] + [np.where(three, np.nan, one)]
    for y in cands:
        # one Newton step in the form y = R/(A − 2λy²), exact for the small root
        with np.errstate(all="ignore"):
            pos = np.isfinite(y) & (y > 0)
            small = np.where(pos & (y < ystar) & np.isnan(small), y, small)
            large = np.where(pos & (y >= ystar) & np.isnan(large), y, large)
    return small, large


VEV_FAMILIES = ("induced", "large-omega2", "large-vphi", "large-vphi-omega2")
"""Roots of the φ and S₂ tadpole cubics: ``induced`` = the small roots of both (v_φ, ω₂ induced
by μ, μ′, α as in eqs. 2.2–2.3); the others take the large root of one or both."""


def invert(even: tuple[str, str, str], theta_signs: tuple[int, ...]
           ) -> list[tuple[str, np.ndarray]]:
    """Every set of signed fitted inputs (12) whose CP-even M² is `target_matrix`, with the
    family (`VEV_FAMILIES`) of its vevs.

    Eq. (2.1) on the neutral CP-even directions, with the tadpoles solved for the bare masses,
    gives the ten entries of M² in closed form; the off-diagonal φS₂, φS₁, S₁S₂ entries give α,
    μ, μ′, and the diagonal φφ and S₂S₂ entries then fix the vevs through two cubics:

        v_φ (M²_φφ − 2λ_φ v_φ² − λ_φS1 ω₁²) = −ω₁ M²_φS1,
        ω₂ (M²_S2S2 − 2λ_S2 ω₂² − λ_S1S2 ω₁²/2 − λ_φS2 v_φ²/2) = −(ω₁ M²_S1S2 + v_φ M²_φS2)/2,

    each with up to two positive roots (`_cubic_roots`: small = induced, large); ω₁ then solves
    ε′(ω₁) = printed ε′ with g_D from m_ZD (exact gauge mixing,
    `darkseesaw.spectrum.gauge_mixing`): every zero on a log grid of ω₁ ∈ [1e-13, 1e3] GeV,
    located with eqs. (2.18), (2.19) (g_D then from the exact mixing). The other couplings are
    linear in the remaining entries. The batched fit (`_lm`) then makes each exact on the
    exact outputs (or reports it as formal).
    """
    M = target_matrix(even, theta_signs)
    f = {k: float(FIXED[k]) for k in ("lam_phi", "lam_S2", "lam_phiS1", "lam_phiS2",
                                       "lam_S1S2")}
    t = target_values()
    v, mZD, epst = ph.v_EW, t["m_ZD_MeV"] * 1e-3, t["epsilon_prime"]
    g, gp = sm_couplings()
    gZ = math.hypot(g, gp)

    def vevs(w1, fam):
        w1 = np.asarray(w1, dtype=float)
        vs, vl = _cubic_roots(M[1, 1] - f["lam_phiS1"] * w1**2, -w1 * M[1, 2], f["lam_phi"])
        vp = vl if "vphi" in fam else vs
        A = M[3, 3] - f["lam_S1S2"] * w1**2 / 2 - f["lam_phiS2"] * vp**2 / 2
        w2s, w2l = _cubic_roots(A, -(w1 * M[2, 3] + vp * M[1, 3]) / 2, f["lam_S2"])
        return vp, (w2l if "omega2" in fam else w2s)

    def err_exact(lw1, fam):
        w1 = math.exp(lw1)
        vp, w2 = (float(x) for x in vevs(w1, fam))
        if not (vp > 0 and w2 > 0):
            return math.nan, None
        gD = mZD / math.sqrt(w1**2 + vp**2 + 4 * w2**2)  # eq. (2.18), then exact
        for _ in range(3):
            gm = neutral_gauge_mixing(g, gp, gD, [v, vp, w1, w2], CHARGES)
            gD *= mZD / float(gm.masses[2])
        return math.log(abs(float(gm.eps_Z[2])) / epst), (w1, vp, w2, gD)

    def err_approx(lw1, fam):
        w1 = np.exp(lw1)
        vp, w2 = vevs(w1, fam)
        with np.errstate(all="ignore"):  # eqs. (2.18), (2.19)
            gD = mZD / np.sqrt(w1**2 + vp**2 + 4 * w2**2)
            return np.log(2 * gD * vp**2 / (gZ * v**2) / epst)

    out = []
    grid = np.linspace(math.log(1e-13), math.log(1e3), 221)
    for fam in VEV_FAMILIES:
        e = err_approx(grid, fam)
        for i in np.flatnonzero(np.isfinite(e[:-1]) & np.isfinite(e[1:]) & (e[:-1] * e[1:] < 0)):
            try:  # the zero of eqs. (2.18), (2.19); the polish (`_lm`) makes it exact
                lw = brentq(lambda x, fam=fam: float(err_approx(x, fam)), grid[i], grid[i + 1],
                            xtol=1e-14, rtol=1e-15, maxiter=100)
            except ValueError:  # NaN inside the cell
                continue
            em, sol = err_exact(lw, fam)
            if sol is not None and abs(em) < 1e-3:
                out.append((fam, _linear_rest(M, f, *sol)))
    return out


def _linear_rest(M: np.ndarray, f: dict[str, float], w1: float, vp: float, w2: float,
                 gD: float) -> np.ndarray:
    """The couplings linear in the entries of M² at the vevs (see `invert`)."""
    v = ph.v_EW
    al = 4 * (f["lam_phiS2"] * vp * w2 - M[1, 3]) / (v * w1)
    P = (f["lam_phiS1"] * vp * w1 - M[1, 2] - al * v * w2 / 4) / v  # mu/(2 sqrt2)
    mup = _SQ2 * (f["lam_S1S2"] * w1 * w2 - M[2, 3] - al * v * vp / 4) / w1
    out = {
        "lam_H": (M[0, 0] - (P * w1 * vp + al * vp * w1 * w2 / 4) / v) / (2 * v**2),
        "lam_S1": (M[2, 2] - (P * v * vp + al * v * vp * w2 / 4) / w1) / (2 * w1**2),
        "lam_Hphi": (M[0, 1] + P * w1 + al * w1 * w2 / 4) / (v * vp),
        "lam_HS1": (M[0, 2] + P * vp + al * vp * w2 / 4) / (v * w1),
        "lam_HS2": (M[0, 3] + al * vp * w1 / 4) / (v * w2),
        "mu": 2 * _SQ2 * P, "mu_p": mup, "alpha": al,
        "v_phi": vp, "omega1": w1, "omega2": w2, "g_D": gD}
    return np.array([out[k] for k in FIT_NAMES])


def _even_matrix(X: np.ndarray) -> np.ndarray:
    """CP-even M² [GeV²] (N, 4, 4) (rows H, φ, S₁, S₂) at signed inputs X, bare masses from the
    tadpoles (closed form, `darkseesaw.papers.dark_u1.potential7`)."""
    p = _pot_params(X)
    vev = _vevs(X)
    p.update(P7.bare_masses(p, vev))
    x = np.zeros((len(X), len(P7.COORDS)))
    x[:, P7.EVEN] = vev
    H = P7.hessian(p, x)
    return H[:, P7.EVEN][:, :, P7.EVEN]


def signed_thetas(X: np.ndarray) -> np.ndarray:
    """Signed θ's (N, 6) (order of `_ANGLES`) at signed inputs X."""
    O = np.linalg.eigh(_even_matrix(np.atleast_2d(X)))[1]
    return np.column_stack([mixing_angle(O, FIELDS.index(a), FIELDS.index(b))
                            for a, b in _ANGLES])


def _lm(X0: np.ndarray, Y: np.ndarray, *, max_iter: int, tol: float, time_limit_s: float
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Batched Levenberg–Marquardt on log(even_outputs) − Y in log|x| at the signs of X0.

    The Jacobian is by forward differences (step 1e-6), evaluated with each trial point in one
    batched call. A problem stops when max|residual| < ``tol``, when its damping exceeds 1e12,
    or at ``max_iter`` / ``time_limit_s``. Returns (signed inputs, residuals, iterations).
    """
    B, n = X0.shape
    sgn = np.where(X0 < 0, -1.0, 1.0)
    x = np.log(np.maximum(np.abs(X0), 1e-300))
    h = 1e-6
    steps = np.vstack([np.zeros(n), h * np.eye(n)])

    def evaluate(xs, idx):
        P = (xs[:, None, :] + steps[None]).reshape(-1, n)
        S = np.repeat(sgn[idx], n + 1, axis=0)
        with np.errstate(all="ignore"):
            L = np.log(even_outputs(S * np.exp(P))).reshape(len(idx), n + 1, -1)
        r = L[:, 0] - Y[idx]
        J = np.swapaxes(L[:, 1:] - L[:, :1], 1, 2) / h
        bad = ~np.all(np.isfinite(r), axis=1) | ~np.all(np.isfinite(J), axis=(1, 2))
        cost = np.where(bad, np.inf, np.sum(np.where(np.isfinite(r), r, 0.0) ** 2, axis=1))
        return r, J, cost

    r, J, cost = evaluate(x, np.arange(B))
    lam = np.full(B, 1e-3)
    iters = np.zeros(B, dtype=int)
    active = np.isfinite(cost) & (np.max(np.abs(r), axis=1) > tol)
    t0 = time.monotonic()
    for _ in range(max_iter):
        idx = np.flatnonzero(active)
        if idx.size == 0 or time.monotonic() - t0 > time_limit_s:
            break
        Ji, ri = J[idx], r[idx]
        A = np.swapaxes(Ji, 1, 2) @ Ji
        gvec = np.einsum("bji,bj->bi", Ji, ri)
        D = np.einsum("bii->bi", A) + 1e-30
        dx = -np.linalg.solve(A + lam[idx, None, None] * D[:, :, None] * np.eye(n),
                              gvec[..., None])[..., 0]
        big = np.max(np.abs(dx), axis=1, keepdims=True)
        dx *= np.minimum(1.0, 2.0 / np.maximum(big, 1e-300))  # at most a factor e² per step
        rt, Jt, ct = evaluate(x[idx] + dx, idx)
        acc = ct < cost[idx]
        a = idx[acc]
        x[a] += dx[acc]
        r[a], J[a], cost[a] = rt[acc], Jt[acc], ct[acc]
        lam[a] /= 3.0
        lam[idx[~acc]] *= 4.0
        iters[idx] += 1
        done = (np.max(np.abs(r[idx]), axis=1) < tol) | (lam[idx] > 1e12)
        active[idx[done]] = False
    r = np.where(np.isfinite(cost)[:, None], r, np.inf)
    return sgn * np.exp(x), r, iters


def solve_assignments(evens: list[tuple[str, str, str]] | None = None, *, max_iter: int = 30,
                      tol: float = 1e-10, time_limit_s: float = 600.0) -> dict[str, Any]:
    """Every solution of the 12 equations, for each CP-even assignment.

    For a CP-even assignment and one of the 2⁶ sign patterns of the printed θ's the target
    M² is fixed (`target_matrix`), and with it the inputs: its φ and S₂ tadpole entries fix
    the vevs through two cubics (a small, induced root and a large one each), ε′ and m_ZD fix
    ω₁ and g_D, the rest is linear. The inversions of the 64 patterns (`invert`, every root
    family and every zero in ω₁), polished by the batched Levenberg–Marquardt on the exact
    outputs, find all solutions. They are grouped by the signs of their `SIGNED` inputs and
    their vev family (the fit key of `Branch`).

    Returns
    -------
    dict
        ``fits``: fit key → ``inputs`` (12 signed), ``log_residuals``, ``iterations``,
        ``theta_signs`` (of the solution), ``n_patterns`` (θ patterns that led to it),
        ``n_distinct`` (distinct solutions with these signs: 1 expected);
        ``vevs`` (family, `VEV_FAMILIES`);
        ``patterns_without_positive_vevs`` (no v_φ, ω₂ > 0 for these θ signs: no solution) and
        ``patterns_not_converged`` (inverted, but the polish did not reach 1e-9: the inversion
        is an algebraic solution with couplings so large, g_D ≳ 1e4, |λ| ≳ 1e12, that double
        precision cannot confirm it), per CP-even assignment; ``formal``: those inversions
        (θ signs, residual at the inversion, g_D, ω₁, largest |λ|), per CP-even assignment.
    """
    evens = list(itertools.permutations(EVEN_STATES)) if evens is None else evens
    pats = list(itertools.product((1, -1), repeat=len(_ANGLES)))
    no_vevs = {",".join(e): 0 for e in evens}  # no v_phi, omega2 > 0 for these theta signs
    no_fit = {",".join(e): 0 for e in evens}   # inversion found, the polish failed
    jobs = []
    for e in evens:
        for p in pats:
            sols = invert(e, p)
            no_vevs[",".join(e)] += not sols
            jobs += [(e, p, fam, x) for fam, x in sols]
    fits: dict[str, dict[str, Any]] = {}
    formal: dict[str, list[dict[str, Any]]] = {",".join(e): [] for e in evens}
    if not jobs:
        return {"fits": fits, "patterns_without_positive_vevs": no_vevs,
                "patterns_not_converged": no_fit, "formal": formal}
    X0 = np.array([j[3] for j in jobs])
    Y = np.log(np.array([_targets(j[0]) for j in jobs]))
    X, R, iters = _lm(X0, Y, max_iter=max_iter, tol=tol, time_limit_s=time_limit_s)
    conv = np.max(np.abs(R), axis=1) < 1e-9
    th = np.full((len(jobs), len(_ANGLES)), np.nan)
    if conv.any():
        th[conv] = signed_thetas(X[conv])
    for i, (e, p, fam, _) in enumerate(jobs):
        if not conv[i]:
            no_fit[",".join(e)] += 1
            d = dict(zip(FIT_NAMES, X0[i].tolist(), strict=True))
            with np.errstate(all="ignore"):
                r0 = np.log(even_outputs(X0[i][None])[0]) - Y[i]
            formal[",".join(e)].append({
                "theta_signs": list(p), "vevs": fam,
                "max_abs_log_residual": float(np.nanmax(np.abs(r0))),
                "g_D": d["g_D"], "omega1_GeV": d["omega1"],
                "max_abs_quartic": max(abs(d[k]) for k in FIT_NAMES
                                       if k.startswith("lam_") or k == "alpha")})
            continue
        inp = dict(zip(FIT_NAMES, X[i].tolist(), strict=True))
        key = Branch(e, ODD_STATES, tuple(int(np.sign(inp[k])) for k in SIGNED), fam,
                     tuple(int(np.sign(v)) for v in th[i])).fit_key
        new = {"inputs": inp, "log_residuals": R[i].tolist(), "iterations": int(iters[i]),
               "theta_signs": [int(np.sign(v)) for v in th[i]], "start_theta_signs": list(p),
               "start_rel_dev": float(np.max(np.abs(X[i] / X0[i] - 1))), "n_patterns": 1,
               "n_distinct": 1, "vevs": fam}
        old = fits.get(key)
        if old is None:
            fits[key] = new
        else:
            old["n_patterns"] += 1
            same = all(abs(inp[k] / old["inputs"][k] - 1) < 1e-6 for k in FIT_NAMES)
            if not same:
                old["n_distinct"] += 1
    return {"fits": fits, "patterns_without_positive_vevs": no_vevs,
            "patterns_not_converged": no_fit, "formal": formal}


# ------------------------------------------------------------------ full-engine evaluation
def table2_batch(inputs: list[dict[str, float]]) -> list[dict[str, Any]]:
    """Every Table-2 quantity per state, with the full engine, for a list of input points.

    Each point gives the fitted inputs (and optionally ``lam_Hphi_p``; ``lam_Hphi`` is then
    λ_Hφ itself); the other inputs are `fit.FIXED`. Returns per point: ``m_hSM``,
    ``even``/``odd`` (state → mass [GeV]), ``m_HDpm``, ``theta`` (pair → |θ|), ``m_ZD``,
    ``epsilon``, ``eps_prime``, ``m_ND`` [GeV], ``U_aN_sq`` (max over α), ``max_abs_y_nu``,
    ``bare`` (m² [GeV²]), ``is_minimum``, ``params`` (the `Parameters`).
    """
    pot = scalar_potential()
    full = [{**FIXED, **pt} for pt in inputs]
    pp = {k2: np.array([f[k1] for f in full]) for k1, k2 in POT_KEYS.items()}
    vev = {"H": np.full(len(full), ph.v_EW), "phi": np.array([f["v_phi"] for f in full]),
           "S1": np.array([f["omega1"] for f in full]),
           "S2": np.array([f["omega2"] for f in full])}
    sol = pot.solve_tadpoles(pp, vev, list(BARE))
    sp = pot.spectrum(sol, vev)
    out = []
    for b, f in enumerate(full):
        O, m2e = sp.cp_even.rotation[b], sp.cp_even.m2[b]
        dom = np.argmax(np.abs(O), axis=1)
        even = {s: _sqrt(m2e[dom[FIELDS.index(s)]]) for s in EVEN_STATES}
        go, m2o, Oo = sp.cp_odd.goldstone[b], sp.cp_odd.m2[b], sp.cp_odd.rotation[b]
        phys = np.flatnonzero(~go)
        odd = {s: _sqrt(m2o[phys[int(np.argmax(np.abs(Oo[FIELDS.index(s), phys])))]])
               for s in ODD_STATES}
        mch = sp.charged.m2[b][~sp.charged.goldstone[b]]
        p = Parameters(**f)
        g = gauge_sector(p)
        nu = neutrino_spectrum(p)
        out.append({
            "m_hSM": _sqrt(m2e[dom[0]]), "even": even, "odd": odd,
            "m_HDpm": _sqrt(float(np.max(mch))),
            "theta": {a + c: abs(float(mixing_angle(O, FIELDS.index(a), FIELDS.index(c))))
                      for a, c in _ANGLES},
            "m_ZD": g["m_ZD"], "epsilon": g["epsilon"], "eps_prime": g["eps_prime"],
            "m_ND": nu["m_ND"], "U_aN_sq": float(np.max(nu["U_aN_sq"])),
            "max_abs_y_nu": float(np.max(np.abs(nu["y_nu"]))),
            "bare": {k: float(sol[k][b]) for k in BARE},
            "is_minimum": bool(sp.is_minimum[b]),
            "distinct_states": len(set(dom.tolist())) == 4, "params": p})
    return out


def _sqrt(m2: float) -> float:
    return math.sqrt(m2) if m2 >= 0 else math.nan


def set_lambda_prime(fitted: dict[str, dict[str, float]], iterations: int = 4
                     ) -> dict[str, float]:
    """λ′_Hφ per fit: 0 where m_H± is within its printed precision, else the value that gives
    the printed m_H± at fixed λ_Hφ + λ′_Hφ (secant steps in m_H±², linear in λ′)."""
    t = target_values()["m_HDpm_GeV"]
    prec = PRINTED_PRECISION["m_HDpm_GeV"]
    keys = list(fitted)
    lp = dict.fromkeys(keys, 0.0)

    def mch(ks, vals):
        pts = [{**fitted[k], "lam_Hphi": fitted[k]["lam_Hphi"] - v, "lam_Hphi_p": v}
               for k, v in zip(ks, vals, strict=True)]
        return np.array([r["m_HDpm"] for r in table2_batch(pts)])

    m0 = mch(keys, [0.0] * len(keys))
    need = [k for k, m in zip(keys, m0, strict=True) if not abs(m / t - 1) <= prec]
    if not need:
        return lp
    # M_H±² = m_φ² + λ_Hφ v²/2 + … : dM²/dλ′ = −v²/2 at fixed λ_Hφ + λ′
    cur = {k: (t**2 - m0[keys.index(k)] ** 2) / (-ph.v_EW**2 / 2) for k in need}
    for _ in range(iterations):
        m = mch(need, [cur[k] for k in need])
        for k, mk in zip(need, m, strict=True):
            if np.isfinite(mk):
                cur[k] += (t**2 - mk**2) / (-ph.v_EW**2 / 2)
    lp.update(cur)
    return lp
