"""Random neutral-lepton mass matrices of the seesaw families, for the Takagi tests.

Each generator draws complex blocks with random O(1) coefficients (log-uniform spread of one
decade) times the block scale, so that the hierarchy of the spectrum is set by the scales.
"""

from __future__ import annotations

import numpy as np

from darkseesaw.spectrum.builders import neutral_lepton_matrix


def _blk(rng, shape, scale, real=False):
    mag = scale * 10 ** rng.uniform(-0.5, 0.5, size=shape)
    ph = 0.0 if real else rng.uniform(0, 2 * np.pi, size=shape)
    return mag * np.exp(1j * ph) * rng.choice([-1, 1], size=shape)


def _sym(rng, n, scale):
    a = _blk(rng, (n, n), scale)
    return 0.5 * (a + a.T)


def family(rng, kind, ratio):
    """One matrix of family ``kind`` whose light/heavy scale ratio is about ``ratio``.

    kinds: iss (3N+3S), lss (linear seesaw), double (double seesaw), iss_muR (ISS + μ_R),
    ext22 (2N+2S: one exact zero), ext32 (3N+2S), ext23 (2N+3S: one exact zero).
    """
    M = 10 ** rng.uniform(2, 5)            # heavy scale [GeV]
    # light ≈ mD² μ / M²  → choose mD/M = 10^-0.5..10^-2 and μ from the ratio
    r = 10 ** rng.uniform(-2, -0.5)
    mD = r * M
    if kind in ("iss", "iss_muR", "ext22", "ext32", "ext23"):
        nN, nS = {"iss": (3, 3), "iss_muR": (3, 3), "ext22": (2, 2), "ext32": (3, 2),
                  "ext23": (2, 3)}[kind]
        mu = ratio * M / r**2
        return neutral_lepton_matrix(
            _blk(rng, (3, nN), mD), _blk(rng, (nS, nN), M), _sym(rng, nS, mu),
            mu_R=_sym(rng, nN, mu) if kind == "iss_muR" else None)
    if kind == "lss":
        # light ≈ 2 mD m_DS / M → m_DS = ratio M / r
        mDS = ratio * M / r
        return neutral_lepton_matrix(_blk(rng, (3, 3), mD), _blk(rng, (3, 3), M),
                                     np.zeros((3, 3)), m_DS=_blk(rng, (3, 3), mDS))
    if kind == "double":
        # N_R with a heavy S: μ_S ≫ M. light N ≈ M²/μ_S, ν ≈ mD² μ_S/M²·(1/μ_S²)... use
        # μ_S = M/ratio^(1/2), so that ν/μ_S ≈ ratio·r²
        muS = M / np.sqrt(ratio) * r
        return neutral_lepton_matrix(_blk(rng, (3, 3), mD), _blk(rng, (3, 3), M),
                                     _sym(rng, 3, muS))
    raise ValueError(kind)


KINDS = ("iss", "lss", "double", "iss_muR", "ext22", "ext32", "ext23")


NATIVE_SIZES = {"iss": (3, 3), "lss": (3, 3), "double": (3, 3), "iss_muR": (3, 3),
                "ext22": (2, 2), "ext32": (3, 2), "ext23": (2, 3)}


def _blk_b(rng, shape, scale, real=False):
    """Batched `_blk`: scale has shape (B,), the block shape (B, ...)."""
    mag = scale.reshape((-1,) + (1,) * (len(shape) - 1)) * 10 ** rng.uniform(-0.5, 0.5, shape)
    ph = 0.0 if real else rng.uniform(0, 2 * np.pi, size=shape)
    return mag * np.exp(1j * ph) * rng.choice([-1, 1], size=shape)


def _sym_b(rng, B, n, scale):
    a = _blk_b(rng, (B, n, n), scale)
    return 0.5 * (a + np.swapaxes(a, 1, 2))


def family_batch(rng, kind, ratios, nN=None, nS=None):
    """B matrices of family ``kind`` (the same recipe as `family`), light/heavy ratio
    ``ratios[b]``, with ``nN`` right-handed neutrinos and ``nS`` singlets (default: the
    family's own numbers, `NATIVE_SIZES`; larger ones give matrices up to 18×18)."""
    ratios = np.asarray(ratios, dtype=float)
    B = ratios.shape[0]
    dN, dS = NATIVE_SIZES[kind]
    nN = dN if nN is None else nN
    nS = dS if nS is None else nS
    M = 10 ** rng.uniform(2, 5, B)
    r = 10 ** rng.uniform(-2, -0.5, B)
    mD = r * M
    if kind in ("iss", "iss_muR", "ext22", "ext32", "ext23"):
        mu = ratios * M / r**2
        return neutral_lepton_matrix(
            _blk_b(rng, (B, 3, nN), mD), _blk_b(rng, (B, nS, nN), M), _sym_b(rng, B, nS, mu),
            mu_R=_sym_b(rng, B, nN, mu) if kind == "iss_muR" else None)
    if kind == "lss":
        mDS = ratios * M / r
        return neutral_lepton_matrix(_blk_b(rng, (B, 3, nN), mD), _blk_b(rng, (B, nS, nN), M),
                                     np.zeros((B, nS, nS)), m_DS=_blk_b(rng, (B, 3, nS), mDS))
    if kind == "double":
        muS = M / np.sqrt(ratios) * r
        return neutral_lepton_matrix(_blk_b(rng, (B, 3, nN), mD), _blk_b(rng, (B, nS, nN), M),
                                     _sym_b(rng, B, nS, muS))
    raise ValueError(kind)


def democratic_iss(rng, B, ratio=1e-14):
    """B inverse-seesaw matrices (3 N + 3 S) with a rank-1, democratic Dirac mass
    m_D = y (1 1 1)ᵀ(1 1 1) (all nine entries equal, so the given matrix is exactly singular:
    two massless neutrinos, not visible in the pattern)."""
    M = 10 ** rng.uniform(2, 5, B)
    r = 10 ** rng.uniform(-2, -0.5, B)
    y = r * M * np.exp(1j * rng.uniform(0, 2 * np.pi, B))
    mD = y[:, None, None] * np.ones((B, 3, 3))
    mu = ratio * M / r**2
    return neutral_lepton_matrix(mD, _blk_b(rng, (B, 3, 3), M), _sym_b(rng, B, 3, mu))


def hierarchical(rng):
    """A matrix outside the graded class: entries log-uniform over many decades inside each
    block (not of the form D B D); some need the arbitrary-precision fallback."""
    def blk(shape, lo, hi):
        return 10 ** rng.uniform(lo, hi, size=shape) * np.exp(1j * rng.uniform(0, 2 * np.pi,
                                                                                shape))

    nN, nS = rng.integers(2, 4), rng.integers(2, 4)
    mu = blk((nS, nS), -13, -5)
    extra = {}
    if rng.random() < 0.3:
        extra["m_DS"] = blk((3, nS), -14, -8)
    if rng.random() < 0.3:
        r = blk((nN, nN), -13, -6)
        extra["mu_R"] = r + r.T
    return neutral_lepton_matrix(blk((3, nN), -3, 2.4), blk((nS, nN), 1, 5), mu + mu.T, **extra)
