"""Evaluation of one chunk of points: model batch call, failures with reasons, likelihood, limits.

Every model is reduced to one batch function ``f(dict name -> array) -> dict name -> array``:

- a neutral-lepton model file (``model_file:``) through `darkseesaw.modelfiles.neutral_leptons`
  (its ``evaluate`` is vectorised over the batch and returns the registered observables of the
  neutral-lepton sector; failed points come back as NaN with a reason);
- a model of the registry (``model:``, built-in or a plugin, `darkseesaw.models`), evaluated
  point by point through its pydantic ``Parameters`` and ``observables(p)``;
- a Python batch function (``python_function: module:function``), e.g. the analytic toy model
  `darkseesaw.scan.toy`. Naming a function imports its module, as a plugin: the scan runs the
  code the user points at (user data files are never evaluated).

`compute_chunk` is the unit of work shipped to executors: it is a pure, deterministic function
of (configuration, parameter arrays), so the stored table is identical on every executor.

Stored columns: ``point_id`` (int64), the parameters, the model's outputs (arrays of shape
(n, k) are split into ``name_0 .. name_{k-1}``, complex ones into ``name_re``/``name_im``),
derived quantities, ``loglike`` (natural log; 0 where no likelihood applies), one boolean
``allowed:<curve>`` per limit curve (with ``constraints: auto``, one ``allowed:<group>`` per
curve or measurement the model declares, `darkseesaw.constraints.links`, evaluated vectorised
over the chunk), ``allowed`` (ok and inside every curve), ``ok`` and
``reason`` ("ok", or a code: ``nan``, ``domain_error``, ``nonconvergence`` (a root finder,
minimiser or ODE solve that did not converge: `darkseesaw.errors.NonConvergence`),
``timeout`` (a solve past its wall-time cap, `darkseesaw.errors.SolveTimeout`, or a point past
``DARKSEESAW_POINT_TIMEOUT``), ``invalid_parameters``, ``precision_budget`` (the certified
Takagi recomputation exceeded its time budget), ``exception:<Type>``, or the model's own
reason).

Bounded time per point: points evaluated one at a time (built-in models, and the points of a
batch that failed as a whole) run under a wall-time cap, ``DARKSEESAW_POINT_TIMEOUT`` seconds
(default `POINT_TIMEOUT_DEFAULT_S` = 300; ``none`` switches it off), enforced with a timer
signal where the point runs in a process's main thread (serial and process-pool executors;
Dask worker threads rely on the per-solve caps).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from darkseesaw import models
from darkseesaw import physics as ph
from darkseesaw.constraints import curve as _curve
from darkseesaw.constraints import likelihood as L
from darkseesaw.constraints import measurements as M
from darkseesaw.constraints.links import (
    CurveLink,
    LimitLink,
    MeasurementLink,
    allowed_by_group,
    evaluate_links,
    expression_unit,
    link_names,
    total_chi2,
)
from darkseesaw.modelfiles import neutral_leptons as nl_file
from darkseesaw.models.base import Model
from darkseesaw.observables import registry
from darkseesaw.scan import expr
from darkseesaw.scan.config import ScanConfig
from darkseesaw.scan.failures import (  # noqa: F401 - re-exported
    OK,
    POINT_TIMEOUT_DEFAULT_S,
    REASON_KEYS,
    _PointClock,
    classify_exception,
    point_time_limit,
)

_LOADED: dict[tuple, Any] = {}
class Target:
    """The batch function of a scan configuration (picklable; loads its model lazily)."""

    def __init__(self, cfg: ScanConfig):
        self.cfg_json = cfg.model_dump_json()
        self.kind = ("model_file" if cfg.model_file else
                     "model" if cfg.model else "python_function")
        self.ref = cfg.model_file or cfg.model or cfg.python_function
        self.use_model_likelihood = cfg.use_model_likelihood and self.kind != "python_function"
        self.auto = cfg.auto_constraints()
        # which costly observable groups of a model file the configuration needs
        used = set(cfg.observables or []) | _expression_names(cfg)
        self.lfv = self.auto or self.use_model_likelihood or any(
            n.startswith(("BR_", "CR_")) for n in used)
        self.lifetimes = any(n.startswith(("tau_N", "ctau_N")) for n in used)
        # a python_function module may live in the folder the scan was started from
        self.cwd = os.getcwd() if self.kind == "python_function" else None

    # -- loading ------------------------------------------------------------------------
    def _obj(self):
        key = (self.kind, self.ref)
        if key not in _LOADED:
            if self.kind == "model_file":
                _LOADED[key] = nl_file.load(self.ref)
            elif self.kind == "model":
                _LOADED[key] = models.get(self.ref)
            else:
                mod, _, attr = self.ref.partition(":")
                cwd = getattr(self, "cwd", None)
                if cwd and cwd not in sys.path and os.path.isdir(cwd):
                    sys.path.append(cwd)  # after the installed packages: never shadows them
                obj = importlib.import_module(mod)
                for part in attr.split("."):
                    obj = getattr(obj, part)
                if not callable(obj):
                    raise TypeError(f"{self.ref} is not callable")
                _LOADED[key] = obj
        return _LOADED[key]

    def model(self):
        """The model on the contract (None for a python function)."""
        if self.kind == "model":
            return self._obj()
        if self.kind == "model_file":
            return self._obj().as_model()
        return None

    def links(self) -> list:
        """The model's declared constraint links (empty for a python function)."""
        m = self.model()
        return m.constraints() if m is not None else []

    def link_descriptions(self) -> list[dict[str, Any]]:
        """The links as plain data (stored in the manifest for the report)."""
        out = []
        for lk in self.links():
            d: dict[str, Any] = {"name": lk.name, "group": lk.group, "type": type(lk).__name__}
            if isinstance(lk, CurveLink):
                d.update(curve=lk.curve, x=lk.x, y=lk.y)
            elif isinstance(lk, MeasurementLink):
                d.update(measurement=lk.measurement, observable=lk.observable)
            elif isinstance(lk, LimitLink):
                d.update(y=lk.y, x=lk.x)
            out.append(d)
        return out

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
        with warnings.catch_warnings():  # a scan of a million points must not print a million
            warnings.simplefilter("ignore")
            return self._call(params)

    def _call(self, params):
        n = len(next(iter(params.values())))
        full = {k: np.full(n, v) for k, v in self.defaults().items()}
        full.update({k: _arr(v) for k, v in params.items()})
        if self.kind == "model":
            return self._pointwise(full, n)
        if self.kind == "model_file":
            obj = self._obj()

            def fn(cols, obj=obj):
                return obj.evaluate(cols, lfv=self.lfv, lifetimes=self.lifetimes)
        else:
            fn = self._obj()
        limit = point_time_limit()
        try:  # a batch that hangs is cut after n point caps and its points are retried alone
            with np.errstate(all="ignore"), _PointClock(None if limit is None else limit * n):
                out = dict(fn(full))
            reasons = _pop_reasons(out, n)
            return _normalise(out, n), reasons
        except Exception as e:  # noqa: BLE001 - the batch failed as a whole: isolate the points
            if n == 1:  # a one-point batch: that point failed (a failure is data, not a crash)
                return _stack_rows([None], 1), np.array([classify_exception(e)], dtype=object)
            return self._split(fn, full, n)

    def _split(self, fn, full, n):
        rows, reasons = [], np.full(n, OK, dtype=object)
        limit = point_time_limit()
        for i in range(n):
            one = {k: v[i:i + 1] for k, v in full.items()}
            try:
                with np.errstate(all="ignore"), _PointClock(limit):
                    out = dict(fn(one))
                r = _pop_reasons(out, 1)
                rows.append({k: v[0] for k, v in _normalise(out, 1).items()})  # scalars
                reasons[i] = r[0]
            except Exception as e:  # noqa: BLE001 - a failing point is data, not a crash
                rows.append(None)
                reasons[i] = classify_exception(e)
        return _stack_rows(rows, n), reasons

    def custom_likelihood(self) -> bool:
        """Whether the model overrides `Model.log_likelihood` (then it is called per point;
        otherwise the likelihood of its declared links is evaluated over the whole chunk)."""
        m = self.model()
        return (self.kind == "model" and m is not None
                and type(m).log_likelihood is not Model.log_likelihood)

    def _pointwise(self, full, n):
        model = self._obj()
        custom = self.use_model_likelihood and self.custom_likelihood()
        rows, reasons = [], np.full(n, OK, dtype=object)
        ll = np.zeros(n)
        limit = point_time_limit()
        for i in range(n):
            vals = {k: (v[i] if v.dtype == object else float(v[i])) for k, v in full.items()}
            try:
                with np.errstate(all="ignore"), _PointClock(limit):
                    p = model.parameters(**vals)
                    obs = model.observables(p)
                    if custom:
                        ll[i] = float(model.log_likelihood(obs))
                rows.append(_flatten_point(obs))
            except Exception as e:  # noqa: BLE001
                rows.append(None)
                reasons[i] = classify_exception(e)
                ll[i] = np.nan
        out = _stack_rows(rows, n)
        if custom:
            out["model_loglike"] = ll
        return out, reasons


def _arr(v) -> np.ndarray:
    """A parameter column: float, or object for a fixed string/boolean parameter."""
    a = np.asarray(v)
    return a if a.dtype == object else a.astype(float)


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
def resolve_measurement(name: str):
    """The `Measurement` named ``name`` in `darkseesaw.constraints.measurements`."""
    return M.get(name)


def term_chi2(term, x: np.ndarray) -> np.ndarray:
    """χ² of one likelihood term of the configuration (see `GaussianTerm`).

    With ``measurement:`` the expression is converted from the registry unit of its first
    observable to the measurement's unit (``sum_m_nu`` in GeV against a limit in eV); an
    expression of unregistered columns is taken in the measurement's unit."""
    if term.measurement is not None:
        m = resolve_measurement(term.measurement)
        unit = expression_unit(term.observable)
        if unit and m.unit and unit != m.unit:
            x = ph.convert(x, unit, m.unit)
        return np.asarray(L.chi2(m, x), float)
    if term.kind == "gaussian":
        return np.asarray(L.gaussian_chi2(x, term.mean, term.sigma), float)
    return np.asarray(L.upper_limit_chi2(x, term.value, term.cl), float)


def _nufit_column(term, cols, key: str, nufit_unit: str) -> np.ndarray:
    """A NuFIT input column in NuFIT units: registered observables (model files and models
    store Δm² in GeV², δ in rad) are converted, other columns are taken as given (eV², rad)."""
    name = term.column(key)
    v = np.asarray(cols[name], float)
    try:
        unit = registry.get(name).unit
    except KeyError:
        return v
    return ph.convert(v, unit, nufit_unit)


def nufit_chi2(term, cols: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    """NuFIT χ² of the stored oscillation columns, per point ordering (see `NufitTerm`)."""
    vals = {k: np.asarray(cols[term.column(k)], float) for k in ("s12sq", "s13sq", "s23sq")}
    vals["dm21sq"] = _nufit_column(term, cols, "dm21sq", "eV^2")
    vals["dm3lsq"] = _nufit_column(term, cols, "dm3lsq", "eV^2")
    if term.use_delta:
        vals["delta_cp"] = np.degrees(_nufit_column(term, cols, "delta_cp", "rad"))
    if term.column("is_NO") in cols:
        no = np.asarray(cols[term.column("is_NO")]).astype(bool)
    elif term.column("ordering") in cols:
        no = np.asarray(cols[term.column("ordering")]) == "NO"
    else:
        no = np.asarray(vals["dm3lsq"]) > 0
    c_no = L.nufit_chi2(vals, version=term.version, ordering="NO")
    c_io = L.nufit_chi2(vals, version=term.version, ordering="IO")
    return np.broadcast_to(np.where(no, c_no, c_io), (n,))


def constraint_column(name: str) -> str:
    return f"allowed:{name}"


_CFG_CACHE: dict[str, ScanConfig] = {}


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
    cfg = _parsed(cfg_json)
    cols = {k: _arr(v) for k, v in params.items()}
    n = len(next(iter(cols.values())))
    out, reasons = target(cols)
    for k, v in out.items():
        if k not in cols:
            cols[k] = v
    if np.any(reasons != OK):  # failed points may leave no column at all: NaN, not a crash
        for k in _referenced_columns(cfg):
            if k not in cols:
                cols[k] = np.full(n, np.nan)
    for name, text in cfg.derived.items():
        cols[name] = np.broadcast_to(expr.evaluate(text, cols), (n,)).astype(float)

    ll = np.zeros(n)
    if "model_loglike" in cols:  # a model with its own log_likelihood (per point)
        ll = ll + cols.pop("model_loglike")
        out.pop("model_loglike", None)
    chi2 = np.zeros(n)
    link_cols: dict[str, np.ndarray] = {}
    use_links = target.use_model_likelihood and not target.custom_likelihood()
    if target.auto or use_links:
        links = target.links()
        have = {lk for lk in links if link_names(lk) <= set(cols)}
        res = evaluate_links([lk for lk in links if lk in have], cols)
        if use_links:
            chi2 = chi2 + np.broadcast_to(total_chi2(res), (n,))
        if target.auto:
            link_cols = {constraint_column(g): np.broadcast_to(a, (n,))
                         for g, a in allowed_by_group(res).items()}
    for term in cfg.likelihood:
        chi2 = chi2 + term_chi2(term, np.asarray(expr.evaluate(term.observable, cols), float))
    if cfg.nufit is not None:
        chi2 = chi2 + nufit_chi2(cfg.nufit, cols, n)
    for c in cfg.curve_constraints():
        if c.likelihood:
            x = np.asarray(expr.evaluate(c.x, cols), dtype=float)
            y = np.asarray(expr.evaluate(c.y, cols), dtype=float)
            chi2 = chi2 + L.limit_chi2(_curve(c.curve), x, y)
    ll = ll - 0.5 * chi2
    # a batch function's point without a reason but with NaN outputs failed silently: call it
    # "nan". (A model on the contract reports failures by raising; a NaN among its observables
    # means "does not apply here", e.g. σ(pp → Z′) of a 3 GeV Z′.)
    silent_nan = np.isnan(ll)
    if target.kind != "model":
        for v in out.values():
            if isinstance(v, np.ndarray) and v.dtype.kind == "f":
                silent_nan |= np.isnan(v)
    reasons = np.where((reasons == OK) & silent_nan, "nan", reasons)
    ok = reasons == OK
    ll = np.where(ok, ll, np.nan)

    allowed = ok.copy()
    limit_cols = {}
    for c in cfg.curve_constraints():
        x = np.asarray(expr.evaluate(c.x, cols), dtype=float)
        y = np.asarray(expr.evaluate(c.y, cols), dtype=float)
        a = np.asarray(_curve(c.curve).allowed(x, y), dtype=bool)
        limit_cols[constraint_column(c.curve)] = a
        allowed &= a
    for k, a in link_cols.items():
        limit_cols[k] = limit_cols[k] & a if k in limit_cols else np.asarray(a, bool)
        allowed &= a

    keep = list(params)
    if cfg.observables is None:
        keep += [k for k in cols if k not in params]
    else:
        keep += [k for k in cfg.observables if k not in params] + \
            [k for k in cfg.derived if k not in cfg.observables]
    arrays = {"point_id": np.arange(first_id, first_id + n, dtype=np.int64)}
    for k in keep:
        arrays[k] = cols[k]
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
    cols = {k: _arr(v) for k, v in params.items()}
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
            except KeyError as e:
                raise KeyError((f"likelihood.{i}.measurement", _key_message(e))) from None
    if target.auto:
        for lk in target.links():
            missing = link_names(lk) - avail
            if missing and target.kind == "model_file" and not cfg.observables:
                raise KeyError(("constraints", f"the model's link {lk.name!r} needs "
                                f"{', '.join(sorted(missing))}, which the model did not produce"))
    if cfg.nufit is not None:
        if cfg.nufit.version not in M.NUFIT:
            raise KeyError(("nufit.version", f"unknown NuFIT version; known: {sorted(M.NUFIT)}"))
        need = ["s12sq", "s13sq", "s23sq", "dm21sq", "dm3lsq"] + \
            (["delta_cp"] if cfg.nufit.use_delta else [])
        for k in need:
            if cfg.nufit.column(k) not in avail:
                raise KeyError((f"nufit.columns.{k}", f"column {cfg.nufit.column(k)!r} not "
                                f"produced by the model; available: {', '.join(sorted(avail))}"))
    for i, c in enumerate(cfg.curve_constraints()):
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
            raise KeyError((f"constraints.{i}.curve", f"unknown limit curve: "
                            f"{_key_message(e)}")) from None
    if cfg.observables is not None:
        for i, k in enumerate(cfg.observables):
            if k not in avail:
                raise KeyError((f"observables.{i}", f"unknown observable {k!r}; available: "
                                f"{', '.join(sorted(avail))}"))
    return sorted(avail)



_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key_message(e: BaseException) -> str:
    """The message of a KeyError without the quotes its ``str`` adds."""
    return str(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)


def _referenced_columns(cfg: ScanConfig) -> set[str]:
    """Model columns the configuration reads (expressions, ``observables``, NuFIT inputs)."""
    names = set()
    texts = [t.observable for t in cfg.likelihood] + list(cfg.derived.values())
    for c in cfg.curve_constraints():
        texts += [c.x, c.y]
    for t in texts:
        try:
            names |= expr.names(t)
        except expr.ExpressionError:
            pass
    names |= set(cfg.observables or [])
    if cfg.nufit is not None:
        names |= {cfg.nufit.column(k) for k in ("s12sq", "s13sq", "s23sq", "dm21sq", "dm3lsq",
                                                "delta_cp")}
    return names - set(cfg.derived) - set(cfg.parameters)


def _expression_names(cfg: ScanConfig) -> set[str]:
    """Every identifier the configuration's expressions mention (cheap, no parsing)."""
    texts = list(cfg.derived.values()) + [t.observable for t in cfg.likelihood]
    for c in cfg.curve_constraints():
        texts += [c.x, c.y]
    return {tok for t in texts for tok in _IDENT.findall(t)}
