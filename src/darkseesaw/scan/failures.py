"""Failure reasons of a scan point and the wall-time cap of one point.

Reason codes stored in a scan's ``reason`` column: ``ok``, ``nan``, ``domain_error``,
``nonconvergence`` (`darkseesaw.errors.NonConvergence`), ``timeout``
(`darkseesaw.errors.SolveTimeout`, or a point past ``DARKSEESAW_POINT_TIMEOUT``),
``invalid_parameters``, ``precision_budget`` (`darkseesaw.errors.PrecisionBudgetExceeded`),
``exception:<Type>``, or the model's own reason.
"""

from __future__ import annotations

import math
import os
import signal

from darkseesaw.errors import InputError, NonConvergence, SolveTimeout

OK = "ok"
REASON_KEYS = ("reason", "failure", "status_reason")


POINT_TIMEOUT_DEFAULT_S = 300.0
"""Default wall-time cap [s] of one point evaluated on its own (``DARKSEESAW_POINT_TIMEOUT``)."""


def point_time_limit() -> float | None:
    """``DARKSEESAW_POINT_TIMEOUT`` in seconds (``none``: no cap), default 300 s.

    Raises `InputError` for a value that is not a positive number of seconds (``5m``, ``-1``,
    ``nan``): silently using 300 s, or a negative cap timing out every point, would be wrong.
    """
    raw = os.environ.get("DARKSEESAW_POINT_TIMEOUT", "").strip()
    v = raw.lower()
    if not v:
        return POINT_TIMEOUT_DEFAULT_S
    if v in ("none", "off", "inf", "0"):
        return None
    try:
        t = float(v)
    except ValueError:
        t = math.nan
    if not (math.isfinite(t) and t > 0):
        raise InputError(None, "DARKSEESAW_POINT_TIMEOUT", f"a positive number of seconds or "
                         f"'none', got {raw!r}")
    return max(t, 1e-3)


class _PointClock:
    """Context manager: raise `SolveTimeout` in this thread when one point runs too long.

    Uses ``SIGALRM`` (``setitimer``), so only in the main thread of a process; elsewhere (Dask
    worker threads) it does nothing and the per-solve caps apply.
    """

    def __init__(self, limit: float | None):
        import threading

        self.limit = limit
        self.active = (limit is not None and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread())

    def _fire(self, signum, frame):
        raise SolveTimeout(f"point ran past its wall-time cap of {self.limit:g} s "
                           "(DARKSEESAW_POINT_TIMEOUT)")

    def __enter__(self):
        if self.active:
            self._old = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.limit)
        return self

    def __exit__(self, *exc):
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)


def classify_exception(e: BaseException) -> str:
    """Reason code of an exception raised while evaluating a point."""
    name = type(e).__name__
    if name == "PrecisionBudgetExceeded":
        return "precision_budget"
    if isinstance(e, SolveTimeout):
        return "timeout"
    if isinstance(e, NonConvergence):
        return "nonconvergence"
    if isinstance(e, FloatingPointError | ZeroDivisionError | OverflowError):
        return "domain_error"
    if name == "LinAlgError" or "converge" in str(e).lower():
        return "nonconvergence"
    if isinstance(e, ValueError) and "domain" in str(e).lower():
        return "domain_error"
    if name in ("ValidationError", "InputError"):
        return "invalid_parameters"
    return f"exception:{name}"
