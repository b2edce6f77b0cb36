"""A small, safe arithmetic language for numbers in user files.

User files are data: their expressions are parsed with :mod:`ast` and evaluated by a whitelist
walker, never by ``eval``. Allowed: numbers (int, float, complex such as ``1e-6j``), names of
parameters and of the built-in constants below, ``+ - * / ** %``, unary ``±``, comparisons
(``< <= > >= == !=``, giving booleans, e.g. for scan cuts), parentheses and calls of the
whitelisted functions below. Everything else (attribute access, subscripts,
comparisons, lambdas, comprehensions, keyword arguments, strings...) is rejected with a
message saying what was found. Values may be numpy arrays (a batch of parameter points);
the result broadcasts.

Built-in names: ``pi``, ``v_EW`` (246.22 GeV), ``M_Pl`` (reduced Planck mass, 2.435e18 GeV),
``M_Pl_nonreduced`` (1.2209e19 GeV), ``M_W``, ``M_Z``, ``m_h``, ``m_e``, ``m_mu``, ``m_tau``,
``G_F``, and the unit factors ``eV``, ``keV``, ``MeV``, ``GeV``, ``TeV`` (in GeV). A user
parameter with the same name takes precedence.

Functions: ``sqrt exp log log10 sin cos tan arcsin arccos arctan sinh cosh tanh abs conj real
imag cis`` (``cis(x) = exp(i x)``), ``radians degrees`` (one argument), ``minimum maximum``
(two) and ``where(cond, a, b)`` (three).

>>> from darkseesaw.expressions import evaluate
>>> float(evaluate("eta * v_sigma**2 / (2*M_Pl)", {"eta": 1.0, "v_sigma": 1e10}))
20.53388090349076
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping

import numpy as np

from darkseesaw import physics as ph

__all__ = ["ExpressionError", "evaluate", "parse", "names_in", "BUILTIN_NAMES"]


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated (the message says why)."""


BUILTIN_NAMES: dict[str, float] = {
    "pi": math.pi,
    "v_EW": ph.v_EW,
    "M_Pl": ph.M_Pl_reduced,
    "M_Pl_nonreduced": ph.M_Pl,
    "M_W": ph.M_W,
    "M_Z": ph.M_Z,
    "m_h": ph.m_h,
    "m_e": ph.m_e,
    "m_mu": ph.m_mu,
    "m_tau": ph.m_tau,
    "G_F": ph.G_F,
    "eV": 1e-9,
    "keV": 1e-6,
    "MeV": 1e-3,
    "GeV": 1.0,
    "TeV": 1e3,
}

_FUNCS = {
    "sqrt": np.emath.sqrt,  # sqrt of a negative number gives an imaginary number
    "exp": np.exp,
    "log": np.log,
    "log10": np.log10,
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "arcsin": np.arcsin,
    "arccos": np.arccos,
    "arctan": np.arctan,
    "sinh": np.sinh,
    "cosh": np.cosh,
    "tanh": np.tanh,
    "abs": np.abs,
    "conj": np.conj,
    "real": np.real,
    "imag": np.imag,
    "cis": lambda x: np.exp(1j * np.asarray(x)),
    "radians": np.radians,
    "degrees": np.degrees,
    "minimum": np.minimum,
    "maximum": np.maximum,
    "where": np.where,
}
_ARITY = {"minimum": 2, "maximum": 2, "where": 3}

_BINOPS = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
    ast.Pow: np.power,
    ast.Mod: np.mod,
}
_UNARY = {ast.UAdd: np.positive, ast.USub: np.negative}
_CMP = {ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater,
        ast.GtE: np.greater_equal, ast.Eq: np.equal, ast.NotEq: np.not_equal}
_MAX_LEN = 2000


def parse(text: str) -> ast.Expression:
    """Parse and whitelist-check an expression; raise ExpressionError if not allowed."""
    if not isinstance(text, str):
        raise ExpressionError(f"expected a number or an expression string, got {type(text).__name__}")
    if len(text) > _MAX_LEN:
        raise ExpressionError(f"expression longer than {_MAX_LEN} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as e:
        raise ExpressionError(f"cannot parse expression {text!r} ({e.msg})") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.cmpop):
            if type(node) not in _CMP:
                raise ExpressionError(f"comparison {type(node).__name__} not allowed in {text!r}")
            continue
        if isinstance(node, ast.Expression | ast.Load | ast.operator | ast.unaryop):
            if isinstance(node, ast.operator) and type(node) not in _BINOPS:
                raise ExpressionError(f"operator {type(node).__name__} not allowed in {text!r}")
            if isinstance(node, ast.unaryop) and type(node) not in _UNARY:
                raise ExpressionError(f"operator {type(node).__name__} not allowed in {text!r}")
            continue
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float | complex):
                raise ExpressionError(f"only numbers are allowed as constants in {text!r}")
        elif isinstance(node, ast.BinOp | ast.UnaryOp | ast.Name | ast.Compare):
            pass
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCS:
                what = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
                raise ExpressionError(
                    f"call of {what!r} not allowed in {text!r} (allowed: {', '.join(_FUNCS)})")
            nargs = _ARITY.get(node.func.id, 1)
            if node.keywords or len(node.args) != nargs:
                raise ExpressionError(f"function {node.func.id!r} takes exactly {nargs} "
                                      f"argument{'s' if nargs > 1 else ''}")
        elif isinstance(node, ast.Attribute):
            raise ExpressionError(f"attribute access not allowed in {text!r}")
        else:
            raise ExpressionError(f"{type(node).__name__} not allowed in {text!r}")
    return tree


def names_in(text: str) -> set[str]:
    """Names (parameters/constants) an expression refers to, excluding function names."""
    tree = parse(text)
    funcs = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - funcs


def evaluate(text, names: Mapping[str, object] | None = None, *, check_finite: bool = True):
    """Evaluate a number or an expression string with the given parameter values.

    Parameters
    ----------
    text : str or number
    names : mapping name → number or numpy array (batch), optional
    check_finite : bool
        Raise ExpressionError if any value is inf/NaN (default). Scans pass False and record
        the failing points instead.

    Returns
    -------
    numpy scalar or array (float or complex)
    """
    if isinstance(text, bool):
        raise ExpressionError("a boolean is not a number")
    if isinstance(text, int | float | complex):
        return np.asarray(text, dtype=complex if isinstance(text, complex) else float)
    tree = parse(text)
    env = dict(BUILTIN_NAMES)
    if names:
        env.update(names)

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            v = node.value
            return np.asarray(v, dtype=complex if isinstance(v, complex) else float)
        if isinstance(node, ast.Name):
            if node.id not in env:
                raise ExpressionError(f"unknown name {node.id!r} in {text!r}")
            return np.asarray(env[node.id])
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Pow) and np.any(np.abs(b) > 1000):
                raise ExpressionError(f"exponent too large in {text!r}")
            return _BINOPS[type(node.op)](a, b)
        if isinstance(node, ast.UnaryOp):
            return _UNARY[type(node.op)](ev(node.operand))
        if isinstance(node, ast.Compare):
            left, out = ev(node.left), None
            for op, right in zip(node.ops, node.comparators, strict=True):
                r = ev(right)
                c = _CMP[type(op)](left, r)
                out = c if out is None else out & c
                left = r
            return out
        if isinstance(node, ast.Call):
            return _FUNCS[node.func.id](*[ev(a) for a in node.args])
        raise ExpressionError(f"{type(node).__name__} not allowed")  # unreachable after parse

    with np.errstate(all="ignore"):
        val = ev(tree)
    if check_finite and not np.all(np.isfinite(val)):
        raise ExpressionError(f"{text!r} evaluates to a non-finite number")
    return val
