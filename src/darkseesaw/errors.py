"""Errors that reach a user as one clear line."""

from __future__ import annotations


class InputError(ValueError):
    """A problem with user input: names the file, the key and the problem.

    The command line prints ``str(err)`` as a single line and exits with code 2.

    >>> str(InputError("m.yaml", "blocks.mu", "matrix is not symmetric"))
    'm.yaml: blocks.mu: matrix is not symmetric'
    """

    def __init__(self, file: str | None, key: str | None, problem: str):
        self.file = file
        self.key = key
        self.problem = problem
        parts = [p for p in (file, key) if p]
        super().__init__(": ".join([*parts, problem]))


class PrecisionBudgetExceeded(RuntimeError):
    """The certified arbitrary-precision recomputation of a matrix would exceed its time budget.

    Raised inside `darkseesaw.spectrum.takagi` (which then returns NaN for that matrix and
    reports it in ``last_info()``) and by model sectors for a single point, so that a scan records
    the point with reason ``precision_budget`` and goes on.
    """
