"""Safe arithmetic over scan columns (``derived:`` quantities, likelihood observables and
constraint axes): the package's one expression grammar, `darkseesaw.expressions`, applied to
columns. Column names take precedence over the built-in constants; nothing is passed to `eval`.

Example
-------
>>> import numpy as np
>>> evaluate("log10(a) + 2*b", {"a": np.array([10.0, 100.0]), "b": np.array([1.0, 0.5])})
array([3., 3.])
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from darkseesaw.expressions import BUILTIN_NAMES, ExpressionError, names_in, parse
from darkseesaw.expressions import evaluate as _evaluate

__all__ = ["ExpressionError", "parse", "names", "evaluate"]


def names(text: str) -> set[str]:
    """Column names an expression uses (built-in constants such as ``pi`` or ``eV`` excluded)."""
    return names_in(text) - set(BUILTIN_NAMES)


def evaluate(text: str, columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """Evaluate an expression over a mapping of column arrays (vectorised; NaN propagates)."""
    return np.asarray(_evaluate(text, columns, check_finite=False, allow_bool=True))
