"""The vacuum of a scalar potential and the spectrum around it (`darkseesaw.spectrum.scalars`).

Minimisation (batched saddle-free Newton on the tadpoles over the vevs, and the other
candidate vacua with some vevs set to zero), the Goldstone directions T_a·v of the broken
gauge generators, the CP-even, CP-odd, full neutral and charged mass matrices, their
diagonalisation and the minimum test. Conventions: the module notes of
`darkseesaw.spectrum.scalars`.

These are the methods of `VacuumMixin`, which `darkseesaw.spectrum.scalars.ScalarPotential`
inherits; they use what that class defines: the multiplets and their coordinate slices and
index sets (``multiplets``, ``slices``, ``labels``, ``n``, ``idx_even``, ``idx_odd``,
``idx_ch_re``, ``idx_ch_im``, ``idx_vev``, ``groups``, ``has_doublet``, ``rdtype``), the
coordinates (``fields``, ``x_from_vevs``, ``vevs_from_x``), ``potential`` and the
derivatives (``_derivatives``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from darkseesaw.errors import Deadline, NonConvergence
from darkseesaw.spectrum.scalar_fields import Doublet, MassBlock, ScalarSpectrum, Vacuum

if TYPE_CHECKING:
    from darkseesaw.spectrum.scalar_fields import Singlet

__all__ = ["VacuumMixin"]

_SQRT2 = np.sqrt(2.0)


class VacuumMixin:
    """Minimisation, Goldstones and mass spectrum of
    `darkseesaw.spectrum.scalars.ScalarPotential` (see the module docstring)."""

    if TYPE_CHECKING:  # what ScalarPotential provides (for the type checker only)
        multiplets: list[Doublet | Singlet]
        slices: dict[str, slice]
        labels: list[str]
        n: int
        idx_even: np.ndarray
        idx_odd: np.ndarray
        idx_ch_re: np.ndarray
        idx_ch_im: np.ndarray
        idx_vev: np.ndarray
        groups: list[str]
        has_doublet: bool
        rdtype: Any

        def fields(self, x: np.ndarray) -> dict[str, np.ndarray]: ...
        def x_from_vevs(self, vevs: Mapping[str, Any]) -> np.ndarray: ...
        def vevs_from_x(self, x: np.ndarray) -> dict[str, np.ndarray]: ...
        def potential(self, params: Mapping[str, Any], x: np.ndarray) -> np.ndarray: ...
        def _derivatives(self, params: Mapping[str, Any], x: np.ndarray, hess: bool
                         ) -> tuple[np.ndarray, np.ndarray, Any]: ...

    # ---------------------------------------------------------------- minimisation
    def _newton(self, params: Mapping[str, Any], x0: np.ndarray, free: np.ndarray, tol: float,
                maxiter: int) -> tuple[np.ndarray, np.ndarray]:
        """Batched damped saddle-free Newton on the tadpoles over the coordinates ``free``
        (at most ``maxiter`` iterations and the solve cap, `darkseesaw.errors.Deadline`)."""
        x = np.array(x0, dtype=self.rdtype)
        conv = np.zeros(x.shape[:-1], dtype=bool)
        deadline = Deadline("scalar-potential minimisation")
        for _ in range(maxiter):
            deadline.check()
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
                 check_candidates: bool = True, require_converged: bool = False) -> Vacuum:
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
        require_converged : bool
            Raise `darkseesaw.errors.NonConvergence` if the Newton iteration did not converge
            (for every point of a batch); by default the result says so in ``converged``.
            Either way an iteration past the solve cap (``DARKSEESAW_SOLVE_TIMEOUT``, 60 s)
            raises `darkseesaw.errors.SolveTimeout`.

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
        if require_converged and not np.all(conv):
            raise NonConvergence(f"scalar-potential minimisation did not converge in {maxiter} "
                                 f"Newton iterations ({int(np.size(conv) - np.sum(conv))} of "
                                 f"{np.size(conv)} points)")
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

    def _block(self, M: np.ndarray, labels: list[str], G: list[np.ndarray]) -> MassBlock:
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

        def gbases(idx: np.ndarray) -> list[np.ndarray]:
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
