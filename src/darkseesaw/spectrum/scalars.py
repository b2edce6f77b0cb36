"""General scalar-potential engine: vacua, tadpoles, mass matrices, mixing, Goldstones.

The engine knows nothing about a particular model. A model declares its scalar multiplets
(SU(2)_L doublets and complex or real singlets, each with its charges under the abelian gauge
groups) and gives its tree-level potential as an ordinary, vectorised Python function. The
engine then

* solves the tadpole equations ∂V/∂φ_i = 0 for chosen (bare mass) parameters at given vevs
  (`ScalarPotential.solve_tadpoles`) — V is linear in every coupling, so this is an exact linear
  solve — or for the vevs at given parameters (`ScalarPotential.minimise`, batched Newton);
* checks that a stationary point is a minimum (Hessian positive semi-definite, the only zero
  modes being Goldstone bosons, and V below the origin and the other candidate vacua tried);
* builds the CP-even, CP-odd and charged mass matrices (and the full neutral one when CP is
  violated), diagonalises them and returns masses, rotation matrices and mixing angles;
* identifies the Goldstone bosons from the broken gauge generators, G_a ∝ T_a·v, and checks
  that they are exact zero modes of the Hessian (a test of the gauge invariance of V).

Conventions
-----------
Masses in GeV, squared masses in GeV², V in GeV⁴.

* A doublet Φ = (φ⁺, φ⁰)ᵀ with φ⁺ = (w₁ + i w₂)/√2 and φ⁰ = (v + h + i a)/√2: the vev sits in
  the lower (neutral) component, is real, and H = (G⁺, (v + h + i G_Z)/√2) for the SM Higgs,
  so that v = 246.22 GeV is the SM value (paper 1707.08606, below eq. 2.7).
* A complex singlet φ = (v + ϕ + i a)/√2 (same paper, below eq. 2.7); a real singlet s = v + s'.
* Real coordinates x are ordered multiplet by multiplet as declared: doublet (w₁, w₂, h, a),
  complex singlet (ϕ, a), real singlet (s'). `ScalarPotential.labels` names them.
* The potential function receives ``fields``, a dict name → complex array (doublets with a last
  axis of length 2, singlets without it; real singlets as real arrays) and ``params``, a dict
  name → float or array broadcasting against the batch shape, and returns the real potential:

  >>> def V(f, p):
  ...     HH = (abs(f["H"]) ** 2).sum(-1)           # H†H
  ...     return p["mH2"] / 2 * HH + p["lH"] / 2 * HH ** 2

  It must use numpy operations only (no Python ``if`` on field values) so that it works on
  whole batches, and on ``numpy.longdouble`` when ``precision="long"`` is asked for.
* Derivatives are computed from 5-point stencils along coordinate directions and their pairwise
  sums. The stencils are exact (up to rounding) for polynomials of degree ≤ 4 in the fields —
  any renormalisable tree-level potential — so the step may be as large as the largest vev and
  the rounding error is ≈ ε·|V|/h², i.e. ~1e-16 of the largest mass² in double precision. A
  non-polynomial V (e.g. a Coleman–Weinberg term) makes them ordinary O(h⁴) finite differences.
* Mass eigenvalues are ascending; rotation matrices O satisfy Oᵀ M² O = diag(m²) for the real
  blocks (columns are eigenvectors: the physical state k is Σ_i O[i, k] x_i), and
  U† M² U = diag(m²) for the (Hermitian) charged block.

Quick start
-----------
>>> import numpy as np
>>> from darkseesaw.spectrum.scalars import Doublet, Singlet, ScalarPotential
>>> def V(f, p):
...     HH = (abs(f["H"]) ** 2).sum(-1); SS = abs(f["S"]) ** 2
...     return (p["mH2"] / 2 * HH + p["lH"] / 2 * HH**2 + p["mS2"] / 2 * SS
...             + p["lS"] / 2 * SS**2 + p["lHS"] / 2 * HH * SS)
>>> pot = ScalarPotential([Doublet("H", {"Y": 0.5}), Singlet("S", {"X": 1.0})], V)
>>> p = pot.solve_tadpoles({"lH": 0.26, "lS": 0.5, "lHS": 0.01}, {"H": 246.0, "S": 1000.0},
...                        unknowns=["mH2", "mS2"])
>>> sp = pot.spectrum(p, {"H": 246.0, "S": 1000.0})
>>> bool(sp.is_minimum), sp.cp_odd.n_goldstone, sp.charged.n_goldstone
(True, 2, 1)

API
---
`Doublet(name, charges)`, `Singlet(name, charges, real=False)`
    Multiplets; ``charges`` maps an abelian group name → charge (doublets: include ``"Y"``,
    the hypercharge, 1/2 for the SM Higgs; SU(2)_L acts on every doublet).
`ScalarPotential(multiplets, V, precision="double")`
    ``.labels``; ``.potential(params, x)``; ``.gradient(params, x)``; ``.hessian(params, x)``;
    ``.x_from_vevs(vevs)``; ``.tadpoles(params, vevs)``;
    ``.solve_tadpoles(params, vevs, unknowns)`` → params with the unknowns filled in;
    ``.minimise(params, guess, ...)`` → `Vacuum`;
    ``.goldstone_directions(vevs)``; ``.spectrum(params, vevs)`` → `ScalarSpectrum`.
`mixing_angle(O, i, j)`
    The rotation angle between interaction states i and j read off a rotation matrix.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from darkseesaw.spectrum.scalar_fields import (
    Doublet,
    MassBlock,
    ScalarSpectrum,
    Singlet,
    Vacuum,
    mixing_angle,
)
from darkseesaw.spectrum.scalar_vacuum import VacuumMixin

__all__ = [
    "Doublet",
    "Singlet",
    "ScalarPotential",
    "Vacuum",
    "MassBlock",
    "ScalarSpectrum",
    "mixing_angle",
]

_SQRT2 = np.sqrt(2.0)


# --------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------
class ScalarPotential(VacuumMixin):
    """A scalar potential of doublets and singlets; see the module docstring for conventions.

    This class defines the fields, the potential, its derivatives and the tadpoles; the
    vacuum and the spectrum around it (`minimise`, `goldstone_directions`, `spectrum`) are
    inherited from `darkseesaw.spectrum.scalar_vacuum.VacuumMixin`.

    Parameters
    ----------
    multiplets : sequence of Doublet | Singlet
        The fields, in the order of the real coordinates.
    V : callable (fields: dict, params: dict) -> ndarray
        Tree-level potential [GeV⁴], vectorised over leading batch axes.
    precision : {"double", "long"}
        ``"long"`` evaluates V in numpy.longdouble (80-bit on x86: ε ≈ 1e-19) for extreme
        hierarchies of vevs; results are returned as float64.

    Examples
    --------
    See the module docstring.
    """

    def __init__(self, multiplets: Sequence[Doublet | Singlet],
                 V: Callable[[dict, dict], Any], precision: str = "double"):
        names = [m.name for m in multiplets]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate multiplet names in {names}")
        for m in multiplets:
            if isinstance(m, Singlet) and m.real and any(q != 0 for q in m.charges.values()):
                raise ValueError(f"real singlet {m.name!r} cannot carry an abelian charge")
        if precision not in ("double", "long"):
            raise ValueError("precision must be 'double' or 'long'")
        self.multiplets = list(multiplets)
        self.V = V
        self.rdtype = np.float64 if precision == "double" else np.longdouble
        self.cdtype = np.complex128 if precision == "double" else np.clongdouble
        self.slices: dict[str, slice] = {}
        labels: list[str] = []
        i = 0
        for m in self.multiplets:
            self.slices[m.name] = slice(i, i + m.n_real)
            labels += m.labels()
            i += m.n_real
        self.labels = labels
        self.n = i
        # index sets of the blocks
        even, odd, ch_re, ch_im, vev_dirs = [], [], [], [], []
        for m in self.multiplets:
            s = self.slices[m.name].start
            if isinstance(m, Doublet):
                ch_re.append(s)
                ch_im.append(s + 1)
                even.append(s + 2)
                odd.append(s + 3)
                vev_dirs.append(s + 2)
            elif m.real:
                even.append(s)
                vev_dirs.append(s)
            else:
                even.append(s)
                odd.append(s + 1)
                vev_dirs.append(s)
        self.idx_even = np.array(even, dtype=int)
        self.idx_odd = np.array(odd, dtype=int)
        self.idx_ch_re = np.array(ch_re, dtype=int)
        self.idx_ch_im = np.array(ch_im, dtype=int)
        self.idx_vev = np.array(vev_dirs, dtype=int)
        self.groups = sorted({g for m in self.multiplets for g in m.charges})
        self.has_doublet = any(isinstance(m, Doublet) for m in self.multiplets)

    # ---------------------------------------------------------------- coordinates
    def fields(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Complex field values from real coordinates x (..., n)."""
        out: dict[str, np.ndarray] = {}
        for m in self.multiplets:
            c = x[..., self.slices[m.name]]
            if isinstance(m, Doublet):
                out[m.name] = np.stack([(c[..., 0] + 1j * c[..., 1]) / _SQRT2,
                                        (c[..., 2] + 1j * c[..., 3]) / _SQRT2], axis=-1)
            elif m.real:
                out[m.name] = c[..., 0]
            else:
                out[m.name] = (c[..., 0] + 1j * c[..., 1]) / _SQRT2
        return out

    def x_from_vevs(self, vevs: Mapping[str, Any]) -> np.ndarray:
        """Real coordinates (batch..., n) of the vacuum with the given vevs [GeV].

        Multiplets missing from ``vevs`` get zero vev.
        """
        for k in vevs:
            if k not in self.slices:
                raise KeyError(f"unknown multiplet {k!r}; known: {list(self.slices)}")
        shape = np.broadcast_shapes(*[np.shape(v) for v in vevs.values()]) if vevs else ()
        x = np.zeros((*shape, self.n), dtype=self.rdtype)
        for name, v in vevs.items():
            x[..., self.idx_vev[[m.name for m in self.multiplets].index(name)]] = v
        return x

    def vevs_from_x(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Vevs [GeV] by multiplet name from coordinates (the neutral real components)."""
        return {m.name: np.asarray(x[..., self.idx_vev[k]], dtype=float)
                for k, m in enumerate(self.multiplets)}

    # ---------------------------------------------------------------- derivatives
    def _params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        return {k: (np.asarray(v, dtype=self.rdtype) if np.ndim(v) else self.rdtype(v))
                for k, v in params.items()}

    def potential(self, params: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
        """V [GeV⁴] at coordinates x (..., n)."""
        x = np.asarray(x, dtype=self.rdtype)
        return np.real(self.V(self.fields(x), self._params(params)))

    def _stencil(self, fun: Callable[[np.ndarray], np.ndarray], x: np.ndarray, steps: np.ndarray,
                 hess: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Gradient and Hessian of ``fun`` at x from 5-point stencils (exact for quartics).

        ``steps`` (..., n): step of each coordinate direction; mixed derivatives use the
        line x + t (h_i e_i + h_j e_j).
        """
        n = self.n
        f0 = fun(x)
        g = np.zeros(x.shape, dtype=self.rdtype)
        d2 = np.zeros(x.shape, dtype=self.rdtype)
        E = np.eye(n, dtype=self.rdtype)

        def line(d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            # differences first: exact zeros stay zero, rounding stays relative to the changes
            fp1, fm1 = fun(x + d) - f0, fun(x - d) - f0
            fp2, fm2 = fun(x + 2 * d) - f0, fun(x - 2 * d) - f0
            return ((8 * (fp1 - fm1) - (fp2 - fm2)) / 12,
                    (16 * (fp1 + fm1) - (fp2 + fm2)) / 12)

        for i in range(n):
            hi = steps[..., i]
            d1, dd = line(E[i] * steps[..., i : i + 1])
            g[..., i] = d1 / hi
            d2[..., i] = dd / hi**2
        if not hess:
            return f0, g, None
        H = np.zeros((*x.shape, n), dtype=self.rdtype)
        for i in range(n):
            H[..., i, i] = d2[..., i]
        for i, j in itertools.combinations(range(n), 2):
            hi, hj = steps[..., i], steps[..., j]
            d = E[i] * steps[..., i : i + 1] + E[j] * steps[..., j : j + 1]
            _, dd = line(d)
            H[..., i, j] = H[..., j, i] = (dd - hi**2 * d2[..., i] - hj**2 * d2[..., j]) / (
                2 * hi * hj)
        return f0, g, H

    def _derivatives(self, params: Mapping[str, Any], x: np.ndarray, hess: bool
                     ) -> tuple[np.ndarray, np.ndarray, Any]:
        """V, ∇V, ∇²V at x, term by term.

        V is split as V = V₀(x) + Σ_k p_k B_k(x) (V is linear in each coupling); each piece is
        differentiated with steps matched to the coordinates (h_i = |x_i|, or the largest |x|
        for a zero coordinate), so that huge terms (λ₁v₁⁴) do not swamp the derivatives of
        small ones (the induced-vev direction). If V is not linear in its parameters (checked
        at x), the whole V is differentiated at once with one common step.
        """
        x = np.asarray(x, dtype=self.rdtype)
        p = self._params(params)
        big = np.maximum(np.max(np.abs(x), axis=-1, keepdims=True), 1.0)
        steps = np.where(np.abs(x) > 0, np.abs(x), big)
        steps = np.maximum(steps, big * 1e-30)
        zero = {k: self.rdtype(0) for k in p}

        def piece(pk: dict[str, Any]) -> Callable[[np.ndarray], np.ndarray]:
            return lambda y: np.real(self.V(self.fields(y), pk)).astype(self.rdtype)

        V0 = piece(zero)
        pieces = []
        for k in p:
            pk = dict(zero)
            pk[k] = self.rdtype(1)
            fk = piece(pk)
            pieces.append((p[k], (lambda y, fk=fk: fk(y) - V0(y))))
        # linearity check at x and at a displaced point
        ok = True
        for y in (x, x + steps * 0.37):
            full = piece(p)(y)
            lin = V0(y) + sum(c * f(y) for c, f in pieces)
            scale = np.abs(V0(y)) + sum(np.abs(c * f(y)) for c, f in pieces) + 1e-300
            if np.any(np.abs(full - lin) > 1e-9 * scale):
                ok = False
        if not ok:
            return self._stencil(piece(p), x, np.broadcast_to(big, x.shape), hess)
        f0, g, H = self._stencil(V0, x, steps, hess)
        for c, f in pieces:
            fk0, gk, Hk = self._stencil(f, x, steps, hess)
            c = np.asarray(c)
            f0 = f0 + c * fk0
            g = g + c[..., None] * gk
            if hess:
                H = H + c[..., None, None] * Hk
        return f0, g, H

    def gradient(self, params: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
        """∂V/∂x [GeV³] at x (..., n) (exact for polynomial V of degree ≤ 4)."""
        return np.asarray(self._derivatives(params, x, hess=False)[1], dtype=float)

    def hessian(self, params: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
        """∂²V/∂x_i∂x_j [GeV²] at x (..., n, n) (exact for polynomial V of degree ≤ 5)."""
        return np.asarray(self._derivatives(params, x, hess=True)[2], dtype=float)

    # ---------------------------------------------------------------- tadpoles
    def tadpoles(self, params: Mapping[str, Any], vevs: Mapping[str, Any]) -> np.ndarray:
        """∂V/∂x at the point with the given vevs [GeV³], shape (..., n)."""
        return self.gradient(params, self.x_from_vevs(vevs))

    def solve_tadpoles(self, params: Mapping[str, Any], vevs: Mapping[str, Any],
                       unknowns: Sequence[str]) -> dict[str, Any]:
        """Fill in the parameters ``unknowns`` so that the vevs are a stationary point.

        V is linear in each of its parameters, so the tadpoles T_i = ∂V/∂x_i are linear in
        the unknowns: T(p) = T(p|unknowns=0) + J p_unknown with J_ik = ∂B_k/∂x_i, B_k the
        term of V multiplying p_k (V with p_k = 1 and every other parameter 0).
        The system (all n coordinates) is solved by least squares; with as many unknowns as
        non-vanishing vevs (e.g. the bare masses m² of eqs. 2.8–2.10 of 1707.08606) it is
        square on the vev directions and exact.

        Parameters
        ----------
        params : dict
            Known parameters (floats or arrays with the batch shape).
        vevs : dict
            Vevs [GeV] by multiplet name.
        unknowns : list of str
            Parameter names to solve for (each must appear linearly — any coupling of V).

        Returns
        -------
        dict
            ``params`` with the unknowns added (arrays with the batch shape).

        Raises
        ------
        ValueError
            If the tadpoles cannot all be cancelled (relative residual > 1e-8).
        """
        x = self.x_from_vevs(vevs)
        base = dict(params)
        for u in unknowns:
            base[u] = 0.0
        T0 = self.gradient(base, x)
        zero = {k: 0.0 for k in base}
        Tz = self.gradient(zero, x)
        cols = []
        for u in unknowns:
            pu = dict(zero)
            pu[u] = 1.0  # the term of V multiplying u alone: no cancellation against others
            cols.append(np.broadcast_to(self.gradient(pu, x) - Tz, T0.shape))
        J = np.stack(cols, axis=-1)  # (..., n, k)
        shape = T0.shape[:-1]
        Jf = J.reshape(-1, *J.shape[-2:])
        Tf = T0.reshape(-1, T0.shape[-1])
        sol = np.empty((Jf.shape[0], len(unknowns)))
        for b in range(Jf.shape[0]):
            # column scaling for conditioning
            sc = np.linalg.norm(Jf[b], axis=0)
            sc[sc == 0] = 1.0
            s, *_ = np.linalg.lstsq(Jf[b] / sc, -Tf[b], rcond=None)
            sol[b] = s / sc
        out = dict(params)
        for k, u in enumerate(unknowns):
            val = sol[:, k].reshape(shape)
            out[u] = float(val) if val.ndim == 0 else val
        res = self.gradient(out, x)
        scale = np.max(np.abs(T0), axis=-1) + np.max(np.abs(J), axis=(-1, -2)) * np.max(
            np.abs(sol), axis=-1).reshape(shape) + 1e-300
        if np.any(np.max(np.abs(res), axis=-1) > 1e-8 * scale):
            raise ValueError("tadpoles cannot be cancelled with the unknowns "
                             f"{list(unknowns)} (wrong unknowns, or vevs incompatible)")
        return out
