"""A small, safe arithmetic language for numbers in user files.

User files are data: their expressions are parsed with :mod:`ast` and evaluated by a whitelist
walker, never by ``eval``. Allowed: numbers (int, float, complex such as ``1e-6j``), names of
parameters and of the built-in constants below, ``+ - * / ** %``, unary ``±``, comparisons
(``< <= > >= == !=``, giving booleans, e.g. for scan cuts), parentheses and calls of the
whitelisted functions below. Everything else (attribute access, subscripts,
lambdas, comprehensions, keyword arguments, strings...) is rejected with a message saying what
was found. Values may be numpy arrays (a batch of parameter points); the result broadcasts.

Limits (hostile input gets a one-line error, never a crash or a hang): at most 2000
characters and 100 levels of nesting (a chain ``1+1+…`` counts one level per operator), no
integer literal beyond the float range, exponents |b| ≤ 1000. `evaluate` refuses a boolean
result (a comparison where a number is expected) unless ``allow_bool=True`` (scan cuts), and
non-finite values unless ``check_finite=False``; `evaluate_real` also refuses a complex value.

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

__all__ = ["ExpressionError", "evaluate", "evaluate_real", "parse", "names_in",
           "BUILTIN_NAMES", "MAX_LENGTH", "MAX_DEPTH"]


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
MAX_LENGTH = 2000
"""Longest expression accepted (characters)."""
MAX_DEPTH = 100
"""Deepest nesting of an expression's syntax tree accepted (levels)."""
_MAX_LEN = MAX_LENGTH


def _q(text: str, limit: int = 60) -> str:
    """``repr`` of an expression for a message, shortened to about ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _check_depth(tree: ast.AST, text: str) -> None:
    """Refuse trees nested deeper than MAX_DEPTH (iteratively: no recursion on user input)."""
    stack = [(tree, 0)]
    while stack:
        node, d = stack.pop()
        if d > MAX_DEPTH:
            raise ExpressionError(f"expression nested too deeply (more than {MAX_DEPTH} levels; "
                                  f"each operator of a chain such as 1+1+... is one level) in "
                                  f"{_q(text)}")
        stack.extend((c, d + 1) for c in ast.iter_child_nodes(node))


def _constant(v, text: str):
    """A literal as a numpy scalar; integers beyond the float range are refused."""
    if isinstance(v, int) and v.bit_length() > 1023:
        raise ExpressionError(f"integer with {len(str(abs(v)))} digits is beyond the float range "
                              f"(about 1.8e308) in {_q(text)}")
    return np.asarray(v, dtype=complex if isinstance(v, complex) else float)


def parse(text: str) -> ast.Expression:
    """Parse and whitelist-check an expression; raise ExpressionError if not allowed."""
    if not isinstance(text, str):
        raise ExpressionError(f"expected a number or an expression string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression longer than {MAX_LENGTH} characters "
                              f"({len(text)} given)")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as e:
        raise ExpressionError(f"cannot parse expression {_q(text)} ({e.msg})") from None
    except (RecursionError, MemoryError, ValueError) as e:  # parser limits on hostile input
        raise ExpressionError(f"cannot parse expression {_q(text)} "
                              f"({type(e).__name__}: nested too deeply or too large)") from None
    _check_depth(tree, text)
    for node in ast.walk(tree):
        if isinstance(node, ast.cmpop):
            if type(node) not in _CMP:
                raise ExpressionError(f"comparison {type(node).__name__} not allowed in {_q(text)}")
            continue
        if isinstance(node, ast.Expression | ast.Load | ast.operator | ast.unaryop):
            if isinstance(node, ast.operator) and type(node) not in _BINOPS:
                raise ExpressionError(f"operator {type(node).__name__} not allowed in {_q(text)}")
            if isinstance(node, ast.unaryop) and type(node) not in _UNARY:
                raise ExpressionError(f"operator {type(node).__name__} not allowed in {_q(text)}")
            continue
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float | complex):
                raise ExpressionError(f"only numbers are allowed as constants in {_q(text)}")
        elif isinstance(node, ast.BinOp | ast.UnaryOp | ast.Compare):
            pass
        elif isinstance(node, ast.Name):
            if node.id.startswith("__"):
                raise ExpressionError(f"name {node.id!r} not allowed in {_q(text)}")
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCS:
                what = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
                raise ExpressionError(
                    f"call of {_q(what, 40)} not allowed in {_q(text)} (allowed: {', '.join(_FUNCS)})")
            nargs = _ARITY.get(node.func.id, 1)
            if node.keywords or len(node.args) != nargs:
                raise ExpressionError(f"function {node.func.id!r} takes exactly {nargs} "
                                      f"argument{'s' if nargs > 1 else ''}")
        elif isinstance(node, ast.Attribute):
            raise ExpressionError(f"attribute access not allowed in {_q(text)}")
        else:
            raise ExpressionError(f"{type(node).__name__} not allowed in {_q(text)}")
    return tree


def names_in(text: str) -> set[str]:
    """Names (parameters/constants) an expression refers to, excluding function names."""
    tree = parse(text)
    funcs = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - funcs


def evaluate(text, names: Mapping[str, object] | None = None, *, check_finite: bool = True,
             allow_bool: bool = False):
    """Evaluate a number or an expression string with the given parameter values.

    Parameters
    ----------
    text : str or number
    names : mapping name → number or numpy array (batch), optional
    check_finite : bool
        Raise ExpressionError if any value is inf/NaN (default). Scans pass False and record
        the failing points instead.
    allow_bool : bool
        Accept a boolean result (a comparison, e.g. a scan cut); by default a comparison where
        a number is expected is an error.

    Returns
    -------
    numpy scalar or array (float or complex; bool with ``allow_bool``)
    """
    if isinstance(text, bool) or isinstance(text, np.bool_):
        raise ExpressionError("a boolean is not a number")
    if isinstance(text, int | float | complex):
        val = _constant(text, str(text)[:40])
        if check_finite and not np.all(np.isfinite(val)):
            raise ExpressionError(f"{text!r} is not a finite number")
        return val
    tree = parse(text)
    env = dict(BUILTIN_NAMES)
    if names:
        env.update(names)

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return _constant(node.value, text)
        if isinstance(node, ast.Name):
            if node.id not in env:
                raise ExpressionError(f"unknown name {node.id!r} in {_q(text)}")
            return np.asarray(env[node.id])
        if isinstance(node, ast.BinOp):
            a, b = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Pow) and np.any(np.abs(b) > 1000):
                raise ExpressionError(f"exponent too large in {_q(text)}")
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
        try:
            val = np.asarray(ev(tree))
        except ExpressionError:
            raise
        except (TypeError, ValueError, OverflowError, ZeroDivisionError) as e:
            # e.g. a fixed text parameter in arithmetic, shapes that do not broadcast
            raise ExpressionError(f"cannot evaluate {_q(text)} ({e})") from None
    if val.dtype == bool and not allow_bool:
        raise ExpressionError(f"{_q(text)} is a comparison (true/false), not a number")
    if val.dtype.kind not in "biufc" and not allow_bool:
        raise ExpressionError(f"{_q(text)} does not evaluate to a number")
    if check_finite and not np.all(np.isfinite(val)):
        raise ExpressionError(f"{_q(text)} evaluates to a non-finite number")
    return val


def evaluate_real(text, names: Mapping[str, object] | None = None, *,
                  check_finite: bool = True):
    """`evaluate` where a real number is required: a complex value with a non-zero imaginary
    part is an error (not silently truncated); returns a float array.

    >>> float(evaluate_real("2*pi"))
    6.283185307179586
    >>> evaluate_real("1+2j")
    Traceback (most recent call last):
    ...
    darkseesaw.expressions.ExpressionError: '1+2j' is complex ((1+2j)); a real number is required here
    """
    val = evaluate(text, names, check_finite=check_finite)
    if np.iscomplexobj(val):
        if np.any(val.imag != 0):
            show = complex(val.reshape(-1)[np.flatnonzero(val.reshape(-1).imag != 0)[0]])
            raise ExpressionError(f"{_q(str(text))} is complex ({show}); a real number is "
                                  "required here")
        val = val.real
    return np.asarray(val, dtype=float)
