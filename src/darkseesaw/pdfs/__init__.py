"""Parton distribution functions: an LHAPDF6 grid reader, a shipped default set, luminosities.

Default set
-----------
``MSTW2008nlo_hoppet``: the published MSTW 2008 NLO input parametrisation at Q0 = 1 GeV
(A.D. Martin, W.J. Stirling, R.S. Thorne, G. Watt, Eur. Phys. J. C63 (2009) 189,
arXiv:0901.0002, eqs. 6–12 and Table 4; α_S(1 GeV) = 0.49128) evolved at NLO with HOPPET
(arXiv:0804.3755) by ``tools/make_pdf_grid.py`` and shipped in LHAPDF6 format as package data.
Its α_S(M_Z) = 0.12018 equals MSTW's, and the quark-number and momentum sum rules hold to 1e-4.
Difference from the official MSTW2008nlo68cl grid: zero-mass instead of general-mass heavy-flavour
scheme (per-cent effects on light-quark luminosities at the TeV scale). The paper 1707.08606 used
MSTW2008NLO for its LHC recast (eq. 4.1).

Using your own LHAPDF6 set
--------------------------
``load("CT18NLO")`` looks for ``CT18NLO/CT18NLO.info`` and ``CT18NLO/CT18NLO_0000.dat`` in the
folders of ``$LHAPDF_DATA_PATH`` (colon-separated; ``$LHAPATH`` too), or give the path of a set
folder: ``load("/path/to/NNPDF40_nlo_as_01180")``. Only the central member (``_0000``) is read.
No ``lhapdf`` installation is needed: the text format is parsed here and interpolated
log-bicubically in (ln x, ln Q²) per subgrid, like LHAPDF's default.

Conventions: ``xfxQ(pid, x, Q)`` returns x·f(x, Q) (momentum density) with PDG ids (1..5 quarks,
−1..−5 antiquarks, 21 gluon), Q in GeV.

Example
-------
>>> from darkseesaw.pdfs import load
>>> pdf = load()
>>> round(float(pdf.alphas(91.1876)), 4)
0.1202
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from darkseesaw.errors import InputError

DEFAULT_SET = "MSTW2008nlo_hoppet"
_DATA = Path(__file__).parent / "data"

__all__ = ["PDFSet", "load", "parton_luminosity", "DEFAULT_SET"]


def _parse_info(path: Path) -> dict:
    import yaml

    try:
        return yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise InputError(str(path), None, f"not a valid LHAPDF .info file: {e}") from None


class PDFSet:
    """One member of an LHAPDF6 set (``lhagrid1`` format).

    Parameters
    ----------
    folder : path
        The set folder containing ``NAME.info`` and ``NAME_0000.dat``.
    member : int
        Member number (0 = central).
    """

    def __init__(self, folder: str | os.PathLike, member: int = 0):
        folder = Path(folder)
        name = folder.name
        info_file = folder / f"{name}.info"
        dat_file = folder / f"{name}_{member:04d}.dat"
        for f in (info_file, dat_file):
            if not f.is_file():
                raise InputError(str(f), None, "LHAPDF6 file not found")
        self.name = name
        self.info = _parse_info(info_file)
        self._subgrids = self._read_dat(dat_file)
        self._splines: dict = {}
        qs = self.info.get("AlphaS_Qs")
        vals = self.info.get("AlphaS_Vals")
        self._as = (np.log(np.asarray(qs, float)), np.asarray(vals, float)) if qs and vals else None

    @staticmethod
    def _read_dat(path: Path):
        text = path.read_text().split("---")
        blocks = []
        for chunk in text[1:]:
            lines = [ln for ln in chunk.strip().splitlines() if ln.strip()]
            if len(lines) < 4:
                continue
            try:
                xs = np.array(lines[0].split(), float)
                qs = np.array(lines[1].split(), float)
                pids = [int(p) for p in lines[2].split()]
                vals = np.array(" ".join(lines[3:]).split(), float)
            except ValueError:
                raise InputError(str(path), None, "malformed lhagrid1 block") from None
            if vals.size != xs.size * qs.size * len(pids):
                raise InputError(str(path), None, "grid size does not match its x/Q/flavour axes")
            blocks.append((xs, qs, pids, vals.reshape(xs.size, qs.size, len(pids))))
        if not blocks:
            raise InputError(str(path), None, "no grid blocks found")
        return blocks

    def _spline(self, ib: int, pid: int):
        key = (ib, pid)
        if key not in self._splines:
            from scipy.interpolate import RectBivariateSpline

            xs, qs, pids, vals = self._subgrids[ib]
            if pid in pids:
                z = vals[:, :, pids.index(pid)]
            elif pid == 21 and 0 in pids:
                z = vals[:, :, pids.index(0)]
            else:
                z = np.zeros((xs.size, qs.size))
            kx = min(3, xs.size - 1)
            ky = min(3, qs.size - 1)
            self._splines[key] = RectBivariateSpline(np.log(xs), np.log(qs**2), z, kx=kx, ky=ky)
        return self._splines[key]

    @property
    def x_min(self) -> float:
        return float(min(b[0][0] for b in self._subgrids))

    @property
    def q_range(self) -> tuple[float, float]:
        return float(self._subgrids[0][1][0]), float(self._subgrids[-1][1][-1])

    def xfxQ(self, pid: int, x, Q) -> np.ndarray:
        """x·f_pid(x, Q) (momentum density), vectorised over x and Q (broadcast).

        Outside the grid: x and Q are clamped to its edges (no extrapolation).
        """
        x = np.asarray(x, float)
        Q = np.asarray(Q, float)
        x, Q = np.broadcast_arrays(x, Q)
        out = np.zeros(x.shape)
        qlo, qhi = self.q_range
        Qc = np.clip(Q, qlo, qhi)
        xc = np.clip(x, self.x_min, 1.0)
        for ib, (_, qs, _, _) in enumerate(self._subgrids):
            last = ib == len(self._subgrids) - 1
            sel = (Qc >= qs[0]) & ((Qc < qs[-1]) | last)
            if ib > 0:  # the lower subgrid owns Q exactly at a threshold? LHAPDF: the upper one
                sel &= Qc >= qs[0]
            if not np.any(sel):
                continue
            sp = self._spline(ib, pid)
            out[sel] = sp.ev(np.log(xc[sel]), np.log(Qc[sel] ** 2))
        out[x >= 1.0] = 0.0
        return out

    def alphas(self, Q) -> np.ndarray:
        """α_S(Q) interpolated (log Q) from the set's AlphaS_Qs/AlphaS_Vals."""
        if self._as is None:
            raise InputError(self.name, "AlphaS_Qs", "set has no alpha_s table")
        return np.interp(np.log(np.asarray(Q, float)), *self._as)


def _search_paths() -> list[Path]:
    paths = []
    for var in ("LHAPDF_DATA_PATH", "LHAPATH"):
        for p in os.environ.get(var, "").split(":"):
            if p:
                paths.append(Path(p))
    return paths


@lru_cache(maxsize=8)
def load(name: str | None = None, member: int = 0) -> PDFSet:
    """Load a PDF set: the shipped default, a set name on $LHAPDF_DATA_PATH, or a folder path.

    Parameters
    ----------
    name : str, optional
        ``None`` (default set ``MSTW2008nlo_hoppet``), an LHAPDF set name, or a folder.
    member : int
        Member number.

    Returns
    -------
    PDFSet

    Raises
    ------
    InputError
        If the set cannot be found or parsed.
    """
    if name is None or name == DEFAULT_SET:
        return PDFSet(_DATA / DEFAULT_SET, member)
    p = Path(name)
    if p.is_dir():
        return PDFSet(p, member)
    for base in _search_paths():
        if (base / name).is_dir():
            return PDFSet(base / name, member)
    raise InputError(None, "pdf", f"PDF set {name!r} not found (looked in $LHAPDF_DATA_PATH, "
                     f"$LHAPATH and the shipped {DEFAULT_SET})")


def parton_luminosity(pdf: PDFSet, pid_a: int, pid_b: int, tau, mu, *, n: int = 96):
    """Luminosity L_ab(τ, μ) = ∫_τ^1 dx/x [f_a(x) f_b(τ/x) + f_b(x) f_a(τ/x)] (a ≠ b).

    For a = b the symmetrisation is not doubled: L_aa = ∫ dx/x f_a(x) f_a(τ/x).
    A hadronic cross section of a narrow s-channel resonance is then
    σ = Σ_q (4π²/3) Γ(V→qq̄)/(M s) · L_qq̄(M²/s, M) (e.g. eq. 4.1 of arXiv:1707.08606 with
    C_qq = (4π²/3) L_qq̄).

    Parameters
    ----------
    pdf : PDFSet
    pid_a, pid_b : int
        PDG ids of the two partons.
    tau : float or array
        τ = ŝ/s.
    mu : float or array
        Factorisation scale [GeV] (broadcast with tau).
    n : int
        Gauss–Legendre points in ln x.

    Returns
    -------
    ndarray
        L (dimensionless).
    """
    tau, mu = np.broadcast_arrays(np.asarray(tau, float), np.asarray(mu, float))
    t, w = np.polynomial.legendre.leggauss(n)
    lt = np.log(tau)[..., None]
    # y = ln x from ln τ to 0
    y = lt * (1 - t) / 2
    wy = -lt / 2 * w
    x1 = np.exp(y)
    x2 = tau[..., None] / x1
    m = mu[..., None]
    fa1 = pdf.xfxQ(pid_a, x1, m)
    fb2 = pdf.xfxQ(pid_b, x2, m)
    # dx/x f_a(x1) f_b(x2) = dy (x1 f_a)(x2 f_b)/(x1 x2) = dy XF_a XF_b / τ
    integrand = fa1 * fb2
    if pid_a != pid_b:
        integrand = integrand + pdf.xfxQ(pid_b, x1, m) * pdf.xfxQ(pid_a, x2, m)
    return np.sum(wy * integrand, axis=-1) / tau
