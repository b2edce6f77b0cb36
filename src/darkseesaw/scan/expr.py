"""Safe arithmetic expressions over scan columns (for ``derived:`` quantities and constraint axes).

User text is parsed with `ast` and only a whitelist is evaluated: numbers, column names, the
operators ``+ - * / ** %``, unary minus, comparisons, and the functions ``log, log10, exp, sqrt,
abs, sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, minimum, maximum, where`` and
the constant ``pi``. Nothing is ever passed to `eval`.

Example
-------
>>> import numpy as np
>>> evaluate("log10(a) + 2*b", {"a": np.array([10.0, 100.0]), "b": np.array([1.0, 0.5])})
array([3., 3.])
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Mapping

import numpy as np

_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Pow: operator.pow, ast.Mod: operator.mod,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_CMP = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
        ast.Eq: operator.eq, ast.NotEq: operator.ne}
_FUNCS = {name: getattr(np, name) for name in (
    "log", "log10", "exp", "sqrt", "abs", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
    "sinh", "cosh", "tanh", "minimum", "maximum", "where")}
_CONSTS = {"pi": np.pi}


class ExpressionError(ValueError):
    """An expression that is not in the allowed subset, or names an unknown column."""


def parse(text: str) -> ast.Expression:
    """Parse and check an expression; raise `ExpressionError` for anything not allowed."""
    try:
        tree = ast.parse(str(text), mode="eval")
    except SyntaxError as e:
        raise ExpressionError(f"cannot parse {text!r}: {e.msg}") from None
    for node in ast.walk(tree):
        ok = isinstance(node, ast.Expression | ast.BinOp | ast.UnaryOp | ast.Compare | ast.Name
                        | ast.Load | ast.Call | ast.Constant) or type(node) in _BINOPS \
            or type(node) in _UNARY or type(node) in _CMP
        if not ok:
            raise ExpressionError(f"{type(node).__name__} not allowed in {text!r}")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            raise ExpressionError(f"only numbers are allowed as constants in {text!r}")
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCS or node.keywords:
                raise ExpressionError(f"unknown function in {text!r}; allowed: "
                                      f"{', '.join(sorted(_FUNCS))}")
    return tree


def names(text: str) -> set[str]:
    """Column names an expression uses."""
    tree = parse(text)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - called - set(_CONSTS)


def evaluate(text: str, columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """Evaluate an expression over a mapping of column arrays (vectorised)."""
    tree = parse(text)

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id in _CONSTS:
                return _CONSTS[node.id]
            if node.id not in columns:
                raise ExpressionError(f"unknown column {node.id!r} in {text!r}")
            return np.asarray(columns[node.id])
        if isinstance(node, ast.BinOp):
            return _BINOPS[type(node.op)](ev(node.left), ev(node.right))
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
        raise ExpressionError(f"{type(node).__name__} not allowed")  # pragma: no cover

    with np.errstate(all="ignore"):
        return np.asarray(ev(tree))
