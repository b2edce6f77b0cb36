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


class NonConvergence(RuntimeError):
    """A root finder, minimiser or ODE solve inside one point did not converge.

    A scan records the point with reason ``nonconvergence`` and goes on
    (`darkseesaw.scan.failures.classify_exception`).
    """


class SolveTimeout(RuntimeError):
    """A solve (or one scan point) ran past its wall-time cap.

    The cap of a solve is `solve_time_limit` (``DARKSEESAW_SOLVE_TIMEOUT``, default 60 s); a
    scan records the point with reason ``timeout`` and goes on.
    """


SOLVE_TIMEOUT_DEFAULT_S = 60.0
"""Default wall-time cap [s] of one solve (ODE integration, root finding, minimisation)."""


def solve_time_limit() -> float | None:
    """The wall-time cap of one solve [s]: ``DARKSEESAW_SOLVE_TIMEOUT`` (seconds > 0, or
    ``none`` / ``off`` / ``inf`` / ``0`` for no cap), default `SOLVE_TIMEOUT_DEFAULT_S`.

    Any other value (``30s``, ``-1``, ``nan``) is a ValueError naming the variable, not a
    silent default (as for ``DARKSEESAW_PRECISION_BUDGET``).
    """
    import math
    import os

    raw = os.environ.get("DARKSEESAW_SOLVE_TIMEOUT", "")
    v = raw.strip().lower()
    if not v:
        return SOLVE_TIMEOUT_DEFAULT_S
    if v in ("none", "off", "inf", "0"):
        return None
    try:
        t = float(v)
    except ValueError:
        t = math.nan
    if not t >= 0:
        raise ValueError(f"DARKSEESAW_SOLVE_TIMEOUT: expected seconds > 0 or 'none', got {raw!r}")
    return t if 0 < t < math.inf else None


class Deadline:
    """A wall-time cap for a solve: call `check` inside its loop or right-hand side.

    >>> d = Deadline("toy solve", limit=10.0)
    >>> d.check()  # well within the cap: nothing happens
    """

    def __init__(self, what: str, limit: float | None = -1.0):
        import time

        self.what = what
        self.limit = solve_time_limit() if limit is not None and limit < 0 else limit
        self._clock = time.perf_counter
        self.t0 = self._clock()

    def check(self) -> None:
        """Raise `SolveTimeout` once the cap has passed."""
        if self.limit is not None and self._clock() - self.t0 > self.limit:
            raise SolveTimeout(f"{self.what} ran past its wall-time cap of {self.limit:g} s "
                               "(DARKSEESAW_SOLVE_TIMEOUT)")
