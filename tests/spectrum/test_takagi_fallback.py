"""Takagi engine beyond the fast path: exact zeros from the exact rank (rank-1 Dirac masses),
the python-flint certified fallback against the mpmath reference, the precision budget (NaN and
a reason instead of an unbounded computation), and chunked processing (bit-identical)."""

from __future__ import annotations

import importlib
import time

import numpy as np
import pytest

from darkseesaw.spectrum import takagi
from darkseesaw.spectrum.reference import takagi_mp, to_numpy
from darkseesaw.spectrum.takagi import last_info

from .matrices import democratic_iss, family, family_batch, hierarchical
from .test_takagi import check_against_reference

pytest.importorskip("flint")


def _needs_fallback():
    """A matrix (hierarchical Yukawas, not graded) whose double-precision light masses are
    off by ~1e-6: the certification flags it."""
    rng = np.random.default_rng(1)
    mats = [hierarchical(rng) for _ in range(12)]
    return mats[11]


def test_flint_fallback_matches_mpmath():
    A = _needs_fallback()
    m0, _ = takagi(A, certify=False)
    m, U = takagi(A, precision_budget=None)
    info = last_info()
    assert info["n_flagged"] == 1 and info["n_fallback"] == 1 and len(info["failed"]) == 0
    assert info["precision_bits"][0] >= 128
    mr, _ = to_numpy(*takagi_mp(A.tolist(), dps=60))
    nz = mr > 1e-40 * mr[-1]
    assert np.max(np.abs(m0[nz] - mr[nz]) / mr[nz]) > 1e-8  # the fast path alone is wrong
    assert check_against_reference(A, m, U) < 1e-12


def test_flint_eig_start_matches_mpmath():
    """Without a double-precision start the fallback begins from flint's eig."""
    from darkseesaw.spectrum._takagi_precise import takagi_certified

    A = _needs_fallback()
    m, U, bits = takagi_certified(A, 0, budget=None)
    assert bits >= 128
    assert check_against_reference(A, m, U) < 1e-12


def test_estimate_with_a_range_beyond_the_float_range():
    """A double-precision estimate whose mass range overflows a float (a subnormal light
    value, 1/5e-324 = inf) used to end in OverflowError when choosing the working precision;
    the range is now taken as a difference of logarithms (1074 bits)."""
    from darkseesaw.spectrum._takagi_precise import takagi_certified

    m, U, bits = takagi_certified(np.diag([1.0, 0.5]).astype(complex), 0,
                                  m_estimate=np.array([5e-324, 1.0]), budget=None)
    assert np.array_equal(m, [0.5, 1.0]) and bits > 1074
    assert np.abs(U.T @ np.diag([1.0, 0.5]) @ U - np.diag(m)).max() < 1e-15


def test_precision_budget_gives_nan_and_reason():
    rng = np.random.default_rng(5)
    bad = _needs_fallback()
    assert bad.shape == (8, 8)
    good = family_batch(rng, "ext23", np.array([1e-16, 1e-10]))  # 8×8 too
    batch = np.array([good[0], bad, good[1]])
    t = time.monotonic()
    m, U = takagi(batch, precision_budget=0.0)
    elapsed = time.monotonic() - t
    info = last_info()
    assert list(info["failed"]) == [1] and info["reason"] == "precision_budget"
    assert info["n_fallback"] == 1
    assert np.all(np.isnan(m[1])) and np.all(np.isnan(U[1]))
    assert np.all(np.isfinite(m[[0, 2]])) and np.all(np.isfinite(U[[0, 2]]))
    assert elapsed < 30.0  # a guard against hanging, not a timing requirement


def test_precision_budget_environment(monkeypatch):
    bad = _needs_fallback()
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "0")
    m, _ = takagi(bad)
    assert np.all(np.isnan(m)) and last_info()["reason"] == "precision_budget"
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "none")
    m, _ = takagi(bad)
    assert np.all(np.isfinite(m)) and last_info()["reason"] is None
    monkeypatch.setenv("DARKSEESAW_PRECISION_BUDGET", "soon")
    with pytest.raises(ValueError):
        takagi(bad)
    with pytest.raises(ValueError):
        takagi(bad, precision_budget=-1)


def test_rank1_dirac_mass_exact_zeros_no_fallback():
    """A democratic m_D (all entries equal) makes the given matrix exactly singular: two exact
    zero masses that the pattern does not show. They used to flag nearly every matrix for the
    arbitrary-precision fallback (noise masses compared relatively); now the exact rank of
    the entries sets them to zero and the other masses are certified in double precision."""
    rng = np.random.default_rng(8)
    mats = democratic_iss(rng, 40)
    m, U = takagi(mats, engine="numba")
    info = last_info()
    assert info["n_fallback"] == 0
    assert info["n_exact_zero"] == info["n_flagged"]
    assert np.all(m[:, :2] == 0.0) and np.all(m[:, 2:] > 0)
    for b in (0, 17):
        # the reference's two "zero" states are arbitrary vectors of the 4-dimensional null
        # space of its real embedding: compare the null space itself instead
        check_against_reference(mats[b], m[b], U[b], null_space=True)


def test_exact_rank():
    from darkseesaw.spectrum._takagi_precise import exact_rank

    rng = np.random.default_rng(2)
    assert exact_rank(democratic_iss(rng, 1)[0]) == 7
    assert exact_rank(family(rng, "iss", 1e-20)) == 9
    A = family(rng, "iss", 1e-20).real  # real input; a structural zero: ext22 has one
    assert exact_rank(A) == 9
    assert exact_rank(family(rng, "ext22", 1e-12)) == 6
    assert exact_rank(np.zeros((4, 4))) == 0


def test_chunked_equals_unchunked(monkeypatch):
    """Chunks (bounded working memory) change nothing: bit-identical results, for complex and
    real input and a batch mixing zero patterns."""
    T = importlib.import_module("darkseesaw.spectrum.takagi")  # the module, not the function

    rng = np.random.default_rng(4)
    mats = family_batch(rng, "iss", 10 ** rng.uniform(-26, -8, 50))
    mats[::7, 0, 3] = mats[::7, 3, 0] = 0.0  # other patterns for some of them
    for M in (mats, np.ascontiguousarray(mats.real), mats.reshape(5, 10, 9, 9)):
        m1, U1 = takagi(M, engine="numba")
        monkeypatch.setattr(T, "_CHUNK_BYTES", 3 * 9 * 9 * 16)  # 3 matrices per chunk
        m2, U2 = takagi(M, engine="numba")
        monkeypatch.undo()
        assert np.array_equal(m1, m2) and np.array_equal(U1, U2)


def test_last_info_keys():
    takagi(np.eye(3))
    info = last_info()
    for k in ("n_fallback", "n_flagged", "n_exact_zero", "failed", "reason", "engine",
              "fallback_seconds", "precision_bits"):
        assert k in info


def test_budget_refuses_a_large_matrix_up_front():
    """The cost of each arbitrary-precision step is predicted from the size and precision
    before it starts: a 123×123 matrix with a 0.5 s budget is refused at once (it would take
    several seconds), instead of running past the budget."""
    from darkseesaw.spectrum._takagi_precise import PrecisionBudgetExceeded, takagi_certified

    rng = np.random.default_rng(0)
    A = rng.normal(size=(123, 123)) + 1j * rng.normal(size=(123, 123))
    A = A + A.T
    t = time.monotonic()
    with pytest.raises(PrecisionBudgetExceeded):
        takagi_certified(A, 0, budget=0.5)
    assert time.monotonic() - t < 30.0  # a guard against hanging, not a timing requirement


def test_module_callable_like_the_function():
    """pytest's doctest collection (importlib mode) rebinds ``darkseesaw.spectrum.takagi`` to
    the submodule; `from darkseesaw.spectrum import takagi` must still give a callable."""
    T = importlib.import_module("darkseesaw.spectrum.takagi")
    m, U = T(np.diag([1.0, 2.0]))
    assert np.array_equal(m, [1.0, 2.0])


def test_roundoff_asymmetric_input_certifies():
    """M = U* diag(0, m2, m3) U† built in floats is symmetric only to round-off and its
    lightest mass is 1e-17 of the scale. The certified recomputation used to stall at ε
    (the real embedding's XᵀKX is then not symmetric) and returned NaN; it now factorises
    (M + Mᵀ)/2 and agrees with the 60-digit reference."""
    from darkseesaw.observables import neutrino as nu

    M = np.asarray(nu.light_matrix([0.0, 8.65e-12, 5.01e-11], 0.307, 0.0220, 0.561,
                                   np.radians(177.0)))
    assert not np.array_equal(M, M.T)  # the case: round-off asymmetry
    m, U = takagi(M, precision_budget=None)
    assert last_info()["n_fallback"] == 1 and len(last_info()["failed"]) == 0
    Ms = 0.5 * (M + M.T)
    mr, _ = to_numpy(*takagi_mp(Ms.tolist(), dps=60))
    np.testing.assert_allclose(m, mr, rtol=1e-12)
    assert check_against_reference(Ms, m, U) < 1e-12


@pytest.mark.parametrize("engine", ["numba", "python"])
def test_uncertified_exact_zero_beyond_the_pattern_has_null_vectors(engine):
    """Uncertified, a democratic m_D gives singular values that are exactly 0.0 although the
    pattern counts no zero: their Takagi vectors used to be read from unfilled memory
    (6.9e-310 entries, run-dependent). They are now null vectors: U unitary, UᵀMU = diag(m)."""
    if engine == "numba":
        pytest.importorskip("numba")
    rng = np.random.default_rng(3)
    mats = democratic_iss(rng, 40)
    m, U = takagi(mats, certify=False, engine=engine)
    assert np.all(np.isfinite(U))
    n = mats.shape[-1]
    for k in range(len(mats)):
        big = m[k, -1]
        assert np.abs(U[k].conj().T @ U[k] - np.eye(n)).max() < 1e-10, k
        D = U[k].T @ mats[k] @ U[k]
        assert np.abs(D - np.diag(m[k])).max() < 1e-10 * big, k
