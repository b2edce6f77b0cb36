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
class ScalarPotential:
    """A scalar potential of doublets and singlets; see the module docstring for conventions.

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

    def _stencil(self, fun, x, steps, hess: bool):
        """Gradient and Hessian of ``fun`` at x from 5-point stencils (exact for quartics).

        ``steps`` (..., n): step of each coordinate direction; mixed derivatives use the
        line x + t (h_i e_i + h_j e_j).
        """
        n = self.n
        f0 = fun(x)
        g = np.zeros(x.shape, dtype=self.rdtype)
        d2 = np.zeros(x.shape, dtype=self.rdtype)
        E = np.eye(n, dtype=self.rdtype)

        def line(d):
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

    def _derivatives(self, params, x, hess: bool):
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

        def piece(pk):
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

    # ---------------------------------------------------------------- minimisation
    def _newton(self, params, x0, free, tol, maxiter):
        """Batched damped saddle-free Newton on the tadpoles over the coordinates ``free``."""
        x = np.array(x0, dtype=self.rdtype)
        conv = np.zeros(x.shape[:-1], dtype=bool)
        for _ in range(maxiter):
            V0, g, H = self._derivatives(params, x, hess=True)
            gf = np.asarray(g[..., free], dtype=float)
            Hf = np.asarray(H[..., free[:, None], free[None, :]], dtype=float)
            # saddle-free Newton: invert |H| so that every step goes downhill in V and the
            # iteration converges to minima, not to maxima or saddles (at a minimum it is
            # plain Newton, quadratically convergent)
            w, Q = np.linalg.eigh(Hf)
            aw = np.abs(w)
            aw = np.maximum(aw, 1e-14 * np.max(aw, axis=-1, keepdims=True) + 1e-300)
            dx = -np.einsum("...ij,...j->...i", Q, np.einsum("...ji,...j->...i", Q, gf) / aw)
            xf = np.abs(np.asarray(x[..., free], dtype=float))
            # converged: every free vev moves by less than tol relative to itself
            conv = np.all(np.abs(dx) <= tol * np.maximum(xf, 1e-300), axis=-1)
            if np.all(conv):
                break
            dx = np.where(conv[..., None], 0.0, dx)
            # damping: accept at most a step of the size of the current point (or 1 GeV)
            lim = np.maximum(np.max(np.abs(np.asarray(x, dtype=float)), axis=-1), 1.0)
            big = np.max(np.abs(dx), axis=-1)
            fac = np.where(big > lim, lim / np.maximum(big, 1e-300), 1.0)
            x[..., free] = x[..., free] + (dx * fac[..., None]).astype(self.rdtype)
        return x, conv

    def minimise(self, params: Mapping[str, Any], guess: Mapping[str, Any], *,
                 tol: float = 1e-12, maxiter: int = 100,
                 check_candidates: bool = True) -> Vacuum:
        """Solve the tadpoles for the vevs (given all parameters) and check the minimum.

        Batched Newton iteration on ∂V/∂v = 0 over the neutral CP-even directions, started at
        ``guess``; Newton is affine invariant, so hierarchies such as v₂/v₁ ~ 1e-10 (the
        induced vev of eq. 2.11 of 1707.08606) converge without rescaling. Then every subset of
        the guessed vevs set to zero is tried as another starting point, and the vacuum is
        flagged `is_deepest` if its V is the lowest.

        Parameters
        ----------
        params : dict
            All parameters of V.
        guess : dict
            Starting vevs [GeV] by multiplet name (a multiplet absent or 0 keeps zero vev).
        tol : float
            Convergence: the Newton step of every vev is below tol times that vev.
        maxiter : int
            Newton iterations.
        check_candidates : bool
            Also search the other candidate vacua (2^k starts for k non-zero guesses).

        Returns
        -------
        Vacuum

        Examples
        --------
        >>> from darkseesaw.spectrum.scalars import Doublet, ScalarPotential
        >>> pot = ScalarPotential([Doublet("H")], lambda f, p: p["m2"] / 2 * (abs(f["H"])**2).sum(-1)
        ...                       + p["l"] / 2 * ((abs(f["H"])**2).sum(-1))**2)
        >>> vac = pot.minimise({"m2": -0.26 * 246.0**2, "l": 0.26}, {"H": 200.0})
        >>> round(float(vac.vevs["H"]), 6), bool(vac.is_minimum)
        (246.0, True)
        """
        x0 = self.x_from_vevs(guess)
        # the batch shape comes from the guesses and the parameters together
        bshape = np.broadcast_shapes(x0.shape[:-1], *[np.shape(v) for v in params.values()])
        x0 = np.array(np.broadcast_to(x0, (*bshape, self.n)))
        nz = [k for k, m in enumerate(self.multiplets)
              if m.name in guess and np.any(np.asarray(guess[m.name]) != 0)]
        free = self.idx_vev[nz] if nz else self.idx_vev[:0]
        if free.size == 0:
            x, conv = x0, np.ones(x0.shape[:-1], dtype=bool)
        else:
            x, conv = self._newton(params, x0, free, tol, maxiter)
        Vx = np.asarray(self.potential(params, x), dtype=float)
        sp = self.spectrum(params, self.vevs_from_x(x))
        deepest = np.ones_like(Vx, dtype=bool)
        cands: list[dict[str, Any]] = []
        if check_candidates:
            for r in range(len(nz)):
                for keep in itertools.combinations(nz, r):
                    xs = np.array(x0, copy=True)
                    for k in nz:
                        if k not in keep:
                            xs[..., self.idx_vev[k]] = 0.0
                    fr = self.idx_vev[list(keep)]
                    if fr.size:
                        xs, _ = self._newton(params, xs, fr, tol, min(maxiter, 40))
                    Vs = np.asarray(self.potential(params, xs), dtype=float)
                    cands.append({"vevs": self.vevs_from_x(xs), "V": Vs})
                    deepest &= Vx <= Vs + 1e-12 * np.abs(Vs)
        return Vacuum(vevs=self.vevs_from_x(x), V=Vx, converged=conv,
                      is_minimum=sp.is_minimum & conv, is_deepest=deepest, candidates=cands)

    # ---------------------------------------------------------------- Goldstones
    def goldstone_directions(self, vevs: Mapping[str, Any]) -> np.ndarray:
        """Directions T_a·v of the broken gauge generators, shape (..., n, n_gen).

        Generators: the three SU(2)_L generators σ_a/2 on every doublet and one generator
        per abelian group (charge q: δφ = i q φ). Unbroken combinations give zero vectors.
        The span of the non-zero columns is the Goldstone subspace.
        """
        x = np.asarray(self.x_from_vevs(vevs), dtype=float)
        z = self.fields(x)  # complex fields
        gens: list[dict[str, np.ndarray]] = []
        sig = [np.array([[0, 1], [1, 0]]), np.array([[0, -1j], [1j, 0]]),
               np.array([[1, 0], [0, -1]])]
        if self.has_doublet:
            for s in sig:
                gens.append({m.name: (1j * z[m.name] @ (s / 2).T) if isinstance(m, Doublet)
                             else np.zeros_like(z[m.name]) for m in self.multiplets})
        for gname in self.groups:
            gens.append({m.name: 1j * m.charges.get(gname, 0.0) * z[m.name]
                         for m in self.multiplets})
        cols = []
        for dz in gens:
            dx = np.zeros(x.shape)
            for m in self.multiplets:
                sl = self.slices[m.name]
                c = dz[m.name]
                if isinstance(m, Doublet):
                    dx[..., sl] = _SQRT2 * np.stack([c[..., 0].real, c[..., 0].imag,
                                                     c[..., 1].real, c[..., 1].imag], -1)
                elif m.real:
                    dx[..., sl] = np.real(c)[..., None]
                else:
                    dx[..., sl] = _SQRT2 * np.stack([c.real, c.imag], -1)
            cols.append(dx)
        if not cols:
            return np.zeros((*x.shape, 0))
        return np.stack(cols, axis=-1)

    # ---------------------------------------------------------------- spectrum
    @staticmethod
    def _goldstone_projector(Gdirs: np.ndarray, idx: np.ndarray) -> np.ndarray:
        """Orthonormal basis (n_b, k) of the Goldstone subspace restricted to block idx."""
        if Gdirs.shape[-1] == 0 or idx.size == 0:
            return np.zeros((idx.size, 0))
        A = Gdirs[idx, :]
        u, s, _ = np.linalg.svd(A, full_matrices=False)
        keep = s > 1e-9 * max(np.max(s, initial=0.0), 1e-300)
        return u[:, keep]

    def _block(self, M, labels, G):
        """Diagonalise real symmetric blocks (batched) and flag Goldstones via basis G."""
        n = M.shape[-1]
        if n == 0:
            z = np.zeros(M.shape[:-1])
            return MassBlock(labels=labels, matrix=M, m2=z, rotation=M,
                             goldstone=z.astype(bool))
        m2, O = np.linalg.eigh(M)
        gold = np.zeros(m2.shape, dtype=bool)
        Mf = M.reshape(-1, n, n)
        Of = O.reshape(-1, n, n)
        m2f = m2.reshape(-1, n)
        gf = gold.reshape(-1, n)
        for b in range(Mf.shape[0]):
            Gb = G[b]
            k = Gb.shape[-1]
            if k == 0:
                continue
            # overlap of each eigenvector with the Goldstone subspace; take the k largest
            ov = np.linalg.norm(Gb.conj().T @ Of[b], axis=0)
            sel = np.argsort(-ov)[:k]
            gf[b, sel] = True
        return MassBlock(labels=labels, matrix=M, m2=m2f.reshape(m2.shape),
                         rotation=Of.reshape(O.shape), goldstone=gf.reshape(m2.shape))

    def spectrum(self, params: Mapping[str, Any], vevs: Mapping[str, Any], *,
                 rtol: float = 1e-9) -> ScalarSpectrum:
        """Mass matrices, eigenstates, mixing and Goldstones at the point ``vevs``.

        Parameters
        ----------
        params : dict
            Parameters of V.
        vevs : dict
            Vevs [GeV] by multiplet name (batch arrays allowed).
        rtol : float
            Relative tolerance for the minimum check (eigenvalues ≥ −rtol·max|M²|, tadpoles
            ≤ rtol·max|M²|·max|v|) and for counting zero modes.

        Returns
        -------
        ScalarSpectrum
        """
        x = self.x_from_vevs(vevs)
        _, g, H = self._derivatives(params, x, hess=True)
        g = np.asarray(g, dtype=float)
        H = np.asarray(H, dtype=float)
        H = (H + np.swapaxes(H, -1, -2)) / 2
        batch = H.shape[:-2]
        Hf = H.reshape(-1, self.n, self.n)
        Gd = self.goldstone_directions(vevs)
        Gd = np.broadcast_to(Gd, (*batch, *Gd.shape[-2:])).reshape(
            Hf.shape[0], *Gd.shape[-2:])

        def gbases(idx):
            return [self._goldstone_projector(Gd[b], idx) for b in range(Hf.shape[0])]

        ie, io = self.idx_even, self.idx_odd
        ineu = np.concatenate([ie, io])
        lab = np.array(self.labels)
        even = self._block(H[..., ie[:, None], ie[None, :]], list(lab[ie]), gbases(ie))
        odd = self._block(H[..., io[:, None], io[None, :]], list(lab[io]), gbases(io))
        neu = self._block(H[..., ineu[:, None], ineu[None, :]], list(lab[ineu]), gbases(ineu))
        # charged block: φ⁺_a = (w1_a + i w2_a)/√2; M²_ab = ∂²V/∂φ⁻_a ∂φ⁺_b
        ir, ii = self.idx_ch_re, self.idx_ch_im
        if ir.size:
            Hrr = H[..., ir[:, None], ir[None, :]]
            Hii = H[..., ii[:, None], ii[None, :]]
            Hri = H[..., ir[:, None], ii[None, :]]
            Mch = (Hrr + Hii) / 2 + 1j * (Hri - np.swapaxes(Hri, -1, -2)) / 2
            m2c, Uc = np.linalg.eigh(Mch)
            # Goldstone of the charged block: complex direction from the real basis
            gold_c = np.zeros(m2c.shape, dtype=bool).reshape(-1, ir.size)
            Ucf = Uc.reshape(-1, ir.size, ir.size)
            for b in range(Hf.shape[0]):
                Gb = Gd[b]
                cvec = Gb[ir, :] + 1j * Gb[ii, :]
                u, s, _ = np.linalg.svd(cvec, full_matrices=False)
                keep = s > 1e-9 * max(np.max(s, initial=0.0), 1e-300)
                u = u[:, keep]
                k = u.shape[-1]
                if k:
                    ov = np.linalg.norm(u.conj().T @ Ucf[b], axis=0)
                    gold_c[b, np.argsort(-ov)[:k]] = True
            charged = MassBlock(labels=[lb.replace("Re ", "") for lb in lab[ir]], matrix=Mch,
                                m2=m2c, rotation=Uc, goldstone=gold_c.reshape(m2c.shape))
        else:
            z = np.zeros((*batch, 0))
            charged = MassBlock(labels=[], matrix=np.zeros((*batch, 0, 0)), m2=z,
                                rotation=np.zeros((*batch, 0, 0)), goldstone=z.astype(bool))
        # CP violation measure, Goldstone residual, minimum test
        Hmax = np.max(np.abs(H), axis=(-1, -2)) + 1e-300
        cpv = np.max(np.abs(H[..., ie[:, None], io[None, :]]), axis=(-1, -2),
                     initial=0.0) / Hmax
        w = np.linalg.eigvalsh(H)
        res = np.zeros(Hf.shape[0])
        nzero = np.zeros(Hf.shape[0], dtype=int)
        for b in range(Hf.shape[0]):
            Gb = self._goldstone_projector(Gd[b], np.arange(self.n))
            nzero[b] = Gb.shape[-1]
            if Gb.shape[-1]:
                res[b] = np.max(np.abs(Hf[b] @ Gb)) / Hmax.reshape(-1)[b]
        res = res.reshape(batch)
        nzero = nzero.reshape(batch)
        wf = w.reshape(-1, self.n)
        # physical eigenvalues: drop the nzero smallest |w|
        ok = np.zeros(wf.shape[0], dtype=bool)
        Hm = Hmax.reshape(-1)
        for b in range(wf.shape[0]):
            order = np.argsort(np.abs(wf[b]))
            phys = wf[b][order[nzero.reshape(-1)[b]:]]
            ok[b] = np.all(phys > rtol * Hm[b]) and np.all(wf[b] > -rtol * Hm[b])
        xs = np.max(np.abs(np.asarray(x, dtype=float)), axis=-1) + 1e-300
        tad_ok = np.max(np.abs(g), axis=-1) <= 1e-7 * Hmax * xs
        is_min = ok.reshape(batch) & tad_ok
        return ScalarSpectrum(cp_even=even, cp_odd=odd, charged=charged, neutral=neu,
                              cp_violation=cpv, hessian=H, gradient=g, is_minimum=is_min,
                              goldstone_residual=res)
