"""Designs (grid, random, LHS, Sobol), prior transforms, and the safe expression evaluator."""

from __future__ import annotations

import numpy as np
import pytest

from darkseesaw.scan import expr
from darkseesaw.scan.config import parse_config
from darkseesaw.scan.designs import Design
from darkseesaw.scan.space import ParameterSpace


def _cfg(sampler, params=None, chunk=7, seed=5):
    return parse_config({"python_function": "m:f", "seed": seed, "chunk_size": chunk,
                         "parameters": params or {"a": {"range": [-1, 1]},
                                                  "b": {"range": [1e-3, 1e3], "prior": "log"}},
                         "sampler": sampler})


def _all(d: Design) -> np.ndarray:
    return np.concatenate([d.unit_block(k) for k in range(d.n_chunks)])


def test_grid_nodes_match_linspace_and_logspace():
    cfg = _cfg({"name": "grid", "n": 5})
    d, sp = Design(cfg), ParameterSpace(cfg)
    assert d.n == 25 and d.n_chunks == 4
    vals = sp.from_unit(_all(d))
    assert np.allclose(np.unique(vals["a"]), np.linspace(-1, 1, 5))
    assert np.allclose(np.unique(vals["b"]), np.logspace(-3, 3, 5), rtol=1e-12)
    # C order: first parameter slowest
    assert np.allclose(vals["a"][:5], -1) and np.allclose(vals["b"][:5], np.logspace(-3, 3, 5))


def test_random_chunks_are_pure_functions_of_seed_and_index():
    cfg = _cfg({"name": "random", "n": 50})
    d1, d2 = Design(cfg), Design(cfg)
    assert np.array_equal(d1.unit_block(3), d2.unit_block(3))
    assert not np.array_equal(d1.unit_block(3), d1.unit_block(4))
    d3 = Design(_cfg({"name": "random", "n": 50}, seed=6))
    assert not np.array_equal(d1.unit_block(0), d3.unit_block(0))


def test_latin_hypercube_is_stratified():
    n = 97
    u = _all(Design(_cfg({"name": "lhs", "n": n})))
    assert u.shape == (n, 2)
    for j in range(2):  # exactly one point in each of the n strata of every dimension
        assert np.array_equal(np.sort(np.floor(u[:, j] * n).astype(int)), np.arange(n))


def test_sobol_is_balanced_and_chunk_independent():
    n = 256
    u = _all(Design(_cfg({"name": "sobol", "n": n}, chunk=37)))
    for j in range(2):  # a (t, m, s)-net projects onto one point per interval 1/n
        assert np.array_equal(np.sort(np.floor(u[:, j] * n).astype(int)), np.arange(n))
    v = _all(Design(_cfg({"name": "sobol", "n": n}, chunk=256)))
    assert np.allclose(u, v)  # fast-forwarding gives the same sequence as one block


def test_log_prior_is_uniform_in_log10():
    cfg = _cfg({"name": "random", "n": 20000}, chunk=20000)
    vals = ParameterSpace(cfg).from_unit(Design(cfg).unit_block(0))
    lb = np.log10(vals["b"])
    assert lb.min() >= -3 and lb.max() <= 3
    assert abs(np.median(lb)) < 0.1  # median of log-uniform on [1e-3, 1e3] is 1
    assert abs(np.mean(vals["a"])) < 0.03


def test_expressions_evaluate_and_refuse_code():
    cols = {"a": np.array([1.0, 4.0]), "b": np.array([2.0, 3.0])}
    assert np.allclose(expr.evaluate("sqrt(a) * b - 1", cols), [1.0, 5.0])
    assert np.allclose(expr.evaluate("10**-a", cols), [0.1, 1e-4])
    assert expr.evaluate("a > b", cols).tolist() == [False, True]
    assert expr.names("log10(a) + pi*b") == {"a", "b"}
    for bad in ("__import__('os').system('true')", "a.real", "[a]", "lambda: 1", "'s'",
                "open('x')", "a if b else a"):
        with pytest.raises(expr.ExpressionError):
            expr.evaluate(bad, cols)
    with pytest.raises(expr.ExpressionError, match="unknown name .c."):
        expr.evaluate("c + 1", cols)
