"""Evaluation of one chunk of points: model batch call, failures with reasons, likelihood, limits.

Every model is reduced to one batch function ``f(dict name -> array) -> dict name -> array``:

- a neutral-lepton model file (``model_file:``) through ``darkseesaw.spectrum.modelfile.load``
  (its ``evaluate`` is vectorised over the batch; failed points come back as NaN with a reason);
- a built-in model (``model:``, registry `darkseesaw.models`), evaluated point by point through
  its pydantic ``Parameters``, ``observables(p)`` and ``log_likelihood(obs)``;
- a Python batch function (``python_function: module:function``), e.g. the analytic toy model
  `darkseesaw.scan.toy`. Naming a function imports its module, as a plugin: the scan runs the
  code the user points at (user data files are never evaluated).

`compute_chunk` is the unit of work shipped to executors: it is a pure, deterministic function
of (configuration, parameter arrays), so the stored table is identical on every executor.

Stored columns: ``point_id`` (int64), the parameters, the model's outputs (arrays of shape
(n, k) are split into ``name_0 .. name_{k-1}``, complex ones into ``name_re``/``name_im``),
derived quantities, ``loglike`` (natural log; 0 where no likelihood applies), one boolean
``allowed:<curve>`` per limit curve, ``allowed`` (ok and inside every curve), ``ok`` and
``reason`` ("ok", or a code: ``nan``, ``domain_error``, ``nonconvergence``,
``invalid_parameters``, ``exception:<Type>``, or the model's own reason).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from darkseesaw.scan import expr
from darkseesaw.scan.config import ScanConfig

_LOADED: dict[tuple, Any] = {}
OK = "ok"
REASON_KEYS = ("reason", "failure", "status_reason")


def classify_exception(e: BaseException) -> str:
    """Reason code of an exception raised while evaluating a point."""
    name = type(e).__name__
    if isinstance(e, FloatingPointError | ZeroDivisionError | OverflowError):
        return "domain_error"
    if name == "LinAlgError" or "converge" in str(e).lower():
        return "nonconvergence"
    if isinstance(e, ValueError) and "domain" in str(e).lower():
        return "domain_error"
    if name == "ValidationError":
        return "invalid_parameters"
    return f"exception:{name}"


class Target:
    """The batch function of a scan configuration (picklable; loads its model lazily)."""

    def __init__(self, cfg: ScanConfig):
        self.cfg_json = cfg.model_dump_json()
        self.kind = ("model_file" if cfg.model_file else
                     "model" if cfg.model else "python_function")
        self.ref = cfg.model_file or cfg.model or cfg.python_function
        self.use_model_likelihood = cfg.use_model_likelihood

    # -- loading ------------------------------------------------------------------------
    def _obj(self):
        key = (self.kind, self.ref)
        if key not in _LOADED:
            if self.kind == "model_file":
                from darkseesaw.spectrum import modelfile

                _LOADED[key] = modelfile.load(self.ref)
            elif self.kind == "model":
                from darkseesaw import models

                _LOADED[key] = models.get(self.ref)
            else:
                mod, _, attr = self.ref.partition(":")
                obj = importlib.import_module(mod)
                for part in attr.split("."):
                    obj = getattr(obj, part)
                if not callable(obj):
                    raise TypeError(f"{self.ref} is not callable")
                _LOADED[key] = obj
        return _LOADED[key]

    def parameter_names(self) -> list[str] | None:
        """Parameter names the model knows (None when it does not say)."""
        obj = self._obj()
        if self.kind == "model_file":
            return list(obj.parameters)
        if self.kind == "model":
            return list(obj.Parameters.model_fields)
        return None

    def defaults(self) -> dict[str, float]:
        obj = self._obj()
        if self.kind == "model_file":
            return {k: float(v) for k, v in obj.parameters.items()}
        return {}

    # -- evaluation ---------------------------------------------------------------------
    def __call__(self, params: Mapping[str, np.ndarray]) -> tuple[dict[str, np.ndarray],
                                                                    np.ndarray]:
        """Evaluate a batch: (outputs, reasons) with reasons an object array ("ok" or a code)."""
        n = len(next(iter(params.values())))
        full = {k: np.full(n, v) for k, v in self.defaults().items()}
        full.update({k: np.asarray(v, dtype=float) for k, v in params.items()})
        if self.kind == "model":
            return self._pointwise(full, n)
        fn: Callable = self._obj().evaluate if self.kind == "model_file" else self._obj()
        try:
            with np.errstate(all="ignore"):
                out = dict(fn(full))
            reasons = _pop_reasons(out, n)
            return _normalise(out, n), reasons
        except Exception:  # the batch failed as a whole: isolate the failing points
            if n == 1:
                raise
            return self._split(fn, full, n)

    def _split(self, fn, full, n):
        rows, reasons = [], np.full(n, OK, dtype=object)
        for i in range(n):
            one = {k: v[i:i + 1] for k, v in full.items()}
            try:
                with np.errstate(all="ignore"):
                    out = dict(fn(one))
                r = _pop_reasons(out, 1)
                rows.append(_normalise(out, 1))
                reasons[i] = r[0]
            except Exception as e:  # noqa: BLE001 - a failing point is data, not a crash
                rows.append(None)
                reasons[i] = classify_exception(e)
        return _stack_rows(rows, n), reasons

    def _pointwise(self, full, n):
        model = self._obj()
        rows, reasons = [], np.full(n, OK, dtype=object)
        ll = np.zeros(n)
        for i in range(n):
            vals = {k: float(v[i]) for k, v in full.items()}
            try:
                with np.errstate(all="ignore"):
                    p = model.parameters(**vals)
                    obs = model.observables(p)
                    if self.use_model_likelihood:
                        ll[i] = float(model.log_likelihood(obs))
                rows.append(_flatten_point(obs))
            except Exception as e:  # noqa: BLE001
                rows.append(None)
                reasons[i] = classify_exception(e)
                ll[i] = np.nan
        out = _stack_rows(rows, n)
        if self.use_model_likelihood:
            out["model_loglike"] = ll
        return out, reasons


def _pop_reasons(out: dict, n: int) -> np.ndarray:
    reasons = np.full(n, OK, dtype=object)
    for key in REASON_KEYS:
        if key in out:
            r = np.asarray(out.pop(key), dtype=object).reshape(-1)
            if r.size == 1 and n != 1:
                r = np.full(n, r[0], dtype=object)
            for i, v in enumerate(r):
                if v is not None and v == v and str(v) not in ("", "ok", "None"):
                    reasons[i] = str(v)
            break
    return reasons


def _normalise(out: Mapping[str, Any], n: int) -> dict[str, np.ndarray]:
    """Model outputs -> flat dict of 1-D columns of length n."""
    cols: dict[str, np.ndarray] = {}
    for k, v in out.items():
        a = np.asarray(v)
        if a.ndim == 0:
            a = np.full(n, a[()])
        if a.shape[0] != n:
            raise ValueError(f"output {k!r} has {a.shape[0]} rows for a batch of {n}")
        if a.ndim > 1:
            flat = a.reshape(n, -1)
            for j in range(flat.shape[1]):
                cols.update(_normalise({f"{k}_{j}": flat[:, j]}, n))
            continue
        if np.iscomplexobj(a):
            cols[f"{k}_re"], cols[f"{k}_im"] = a.real.astype(float), a.imag.astype(float)
        elif a.dtype.kind in "biuf":
            cols[k] = a if a.dtype.kind in "bi" else a.astype(float)
        else:
            cols[k] = np.array([None if x is None else str(x) for x in a], dtype=object)
    return cols


def _flatten_point(obs: Mapping[str, Any]) -> dict[str, Any]:
    """One point's observables -> flat dict of scalars."""
    flat: dict[str, Any] = {}
    for k, v in obs.items():
        a = np.asarray(v)
        if a.ndim == 0:
            x = a[()]
            if np.iscomplexobj(a):
                flat[f"{k}_re"], flat[f"{k}_im"] = float(x.real), float(x.imag)
            elif a.dtype.kind in "biuf":
                flat[k] = x.item()
            else:
                flat[k] = str(x)
        elif a.size <= 64:
            for j, x in enumerate(a.reshape(-1)):
                flat.update(_flatten_point({f"{k}_{j}": x}))
    return flat


def _stack_rows(rows: list[dict | None], n: int) -> dict[str, np.ndarray]:
    keys: dict[str, Any] = {}
    for r in rows:
        if r:
            for k, v in r.items():
                keys.setdefault(k, v)
    cols: dict[str, np.ndarray] = {}
    for k, proto in keys.items():
        if isinstance(proto, str):
            cols[k] = np.array([(r or {}).get(k) for r in rows], dtype=object)
        else:
            cols[k] = np.array([float((r or {}).get(k, np.nan)) for r in rows], dtype=float)
    return cols


# -- likelihood and limits ------------------------------------------------------------------
def resolve_measurement(name: str) -> tuple[float, float]:
    """(central value, 1 sigma) of a named measurement in `darkseesaw.constraints.measurements`."""
    from darkseesaw.constraints import measurements as M

    getter = getattr(M, "get", None)
    m = getter(name) if callable(getter) else getattr(M, name)
    if isinstance(m, Mapping):
        central = m.get("value", m.get("central", m.get("mean")))
        sigma = m.get("sigma", m.get("error", m.get("uncertainty")))
    elif isinstance(m, tuple | list):
        central, sigma = m[0], m[1]
    else:
        central = getattr(m, "value", getattr(m, "central", None))
        sigma = getattr(m, "sigma", getattr(m, "error", None))
    if central is None or sigma is None:
        raise KeyError(f"measurement {name!r} has no central value and sigma")
    return float(central), float(sigma)


def likelihood_terms(cfg: ScanConfig) -> list[tuple[str, str, float, float]]:
    """(observable, kind, centre, sigma) of the configuration's likelihood terms."""
    terms = []
    for t in cfg.likelihood:
        if t.measurement is not None:
            c, s = resolve_measurement(t.measurement)
            c = c if t.kind == "gaussian" or t.value is None else t.value
            s = t.sigma or s
        elif t.kind == "gaussian":
            c, s = t.mean, t.sigma
        else:
            c, s = t.value, (t.sigma or t.value / 1.6448536269514722)
        terms.append((t.observable, t.kind, float(c), float(s)))
    return terms


def _curve(name: str):
    from darkseesaw import constraints

    return constraints.curve(name)


def constraint_column(name: str) -> str:
    return f"allowed:{name}"


_CFG_CACHE: dict[str, ScanConfig] = {}
_TERMS_CACHE: dict[str, list] = {}


def _parsed(cfg_json: str) -> ScanConfig:
    if cfg_json not in _CFG_CACHE:
        _CFG_CACHE.clear()
        _CFG_CACHE[cfg_json] = ScanConfig.model_validate_json(cfg_json)
    return _CFG_CACHE[cfg_json]


def compute_chunk(cfg_json: str, target: Target, first_id: int,
                  params: Mapping[str, np.ndarray]):
    """Evaluate one chunk and return it as a `pyarrow.Table` (the stored rows).

    Parameters
    ----------
    cfg_json : str
        The canonical configuration (`ScanConfig.model_dump_json`).
    target : Target
        The batch function of the configuration.
    first_id : int
        Point id of the first row (ids are consecutive).
    params : mapping of str to ndarray
        Parameter arrays of the chunk (varied and fixed), shape (n,).
    """
    import pyarrow as pa

    cfg = _parsed(cfg_json)
    cols = {k: np.asarray(v, dtype=float) for k, v in params.items()}
    n = len(next(iter(cols.values())))
    out, reasons = target(cols)
    for k, v in out.items():
        if k not in cols:
            cols[k] = v
    for name, text in cfg.derived.items():
        cols[name] = np.broadcast_to(expr.evaluate(text, cols), (n,)).astype(float)

    ll = np.zeros(n)
    if "model_loglike" in cols:
        ll = ll + cols.pop("model_loglike")
    if cfg_json not in _TERMS_CACHE:
        _TERMS_CACHE.clear()
        _TERMS_CACHE[cfg_json] = likelihood_terms(cfg)
    for obs, kind, c, s in _TERMS_CACHE[cfg_json]:
        x = np.asarray(expr.evaluate(obs, cols), dtype=float)
        if kind == "gaussian":
            ll = ll - 0.5 * ((x - c) / s) ** 2
        else:
            ll = ll - 0.5 * (np.maximum(x - c, 0.0) / s) ** 2
    # a point without a reason but with NaN outputs failed silently: call it "nan"
    silent_nan = np.zeros(n, bool)
    for k, v in out.items():
        if isinstance(v, np.ndarray) and v.dtype.kind == "f" and k != "model_loglike":
            silent_nan |= np.isnan(v)
    silent_nan |= np.isnan(ll)
    reasons = np.where((reasons == OK) & silent_nan, "nan", reasons)
    ok = reasons == OK
    ll = np.where(ok, ll, np.nan)

    allowed = ok.copy()
    limit_cols = {}
    for c in cfg.constraints:
        x = np.asarray(expr.evaluate(c.x, cols), dtype=float)
        y = np.asarray(expr.evaluate(c.y, cols), dtype=float)
        a = np.asarray(_curve(c.curve).allowed(x, y), dtype=bool)
        limit_cols[constraint_column(c.curve)] = a
        allowed &= a

    keep = list(params)
    if cfg.observables is None:
        keep += [k for k in cols if k not in params]
    else:
        keep += [k for k in cfg.observables if k not in params] + \
            [k for k in cfg.derived if k not in cfg.observables]
    arrays = {"point_id": np.arange(first_id, first_id + n, dtype=np.int64)}
    for k in keep:
        v = cols[k]
        arrays[k] = v
    arrays["loglike"] = ll
    arrays.update(limit_cols)
    arrays["allowed"] = allowed
    arrays["ok"] = ok
    arrays["reason"] = reasons.astype(str)
    return pa.table({k: pa.array(v.tolist() if v.dtype == object else v)
                     for k, v in arrays.items()})


def probe(cfg: ScanConfig, target: Target, params: Mapping[str, np.ndarray]) -> list[str]:
    """Evaluate a few points in this process and check every name the configuration uses.

    Returns the stored column names. Raises `KeyError` with the config key of the first name
    that does not exist (the caller turns it into an `InputError`).
    """
    known = target.parameter_names()
    if known is not None:
        for k in cfg.parameters:
            if k not in known:
                raise KeyError((f"parameters.{k}", f"unknown parameter; the model has: "
                                f"{', '.join(known)}"))
    cols = {k: np.asarray(v, dtype=float) for k, v in params.items()}
    out, _ = target(cols)
    avail = set(cols) | set(out)
    for name, text in cfg.derived.items():
        try:
            missing = expr.names(text) - avail
        except expr.ExpressionError as e:
            raise KeyError((f"derived.{name}", str(e))) from None
        if missing:
            raise KeyError((f"derived.{name}", f"unknown column(s) {', '.join(sorted(missing))}"
                            f"; available: {', '.join(sorted(avail))}"))
        avail.add(name)
    for i, t in enumerate(cfg.likelihood):
        try:
            missing = expr.names(t.observable) - avail
        except expr.ExpressionError as e:
            raise KeyError((f"likelihood.{i}.observable", str(e))) from None
        if missing:
            raise KeyError((f"likelihood.{i}.observable", f"unknown column(s) "
                            f"{', '.join(sorted(missing))}; available: {', '.join(sorted(avail))}"))
        if t.measurement is not None:
            try:
                resolve_measurement(t.measurement)
            except Exception as e:  # noqa: BLE001
                raise KeyError((f"likelihood.{i}.measurement", f"unknown measurement: {e}")) \
                    from None
    for i, c in enumerate(cfg.constraints):
        for ax in ("x", "y"):
            try:
                missing = expr.names(getattr(c, ax)) - avail
            except expr.ExpressionError as e:
                raise KeyError((f"constraints.{i}.{ax}", str(e))) from None
            if missing:
                raise KeyError((f"constraints.{i}.{ax}", f"unknown column(s) "
                                f"{', '.join(sorted(missing))}"))
        try:
            _curve(c.curve)
        except Exception as e:  # noqa: BLE001
            raise KeyError((f"constraints.{i}.curve", f"unknown limit curve: {e}")) from None
    if cfg.observables is not None:
        for i, k in enumerate(cfg.observables):
            if k not in avail:
                raise KeyError((f"observables.{i}", f"unknown observable {k!r}; available: "
                                f"{', '.join(sorted(avail))}"))
    return sorted(avail)


def finite_or_nan(x: float) -> float:
    return x if math.isfinite(x) else float("nan")
