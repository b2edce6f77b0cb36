"""Constraint links: which observables go on which limit curve or measurement, and one function
that evaluates them.

A model does not test its predictions by hand: it *declares* links (data-like, frozen
dataclasses), and `evaluate_links` — the only evaluator, used by ``darkseesaw benchmark``, by
scans (``constraints: auto``) and by the report — turns them into pass/fail, margins and χ²:

* `CurveLink` — a catalogue limit curve (``darkseesaw constraints list``) and the observables on
  its axes, e.g. ``CurveLink("dd/si/lz-2024", x="m_chi", y="sigma_SI_p * xi_dm")`` (the
  relic-abundance weighting is part of the axis expression);
* `MeasurementLink` — a measurement or one-sided limit of `darkseesaw.constraints.measurements`
  and the observable it measures, e.g. ``MeasurementLink("m_bb_kamland_zen_2024", "m_bb")``;
* `NufitLink` — the NuFIT χ² of the oscillation observables;
* `LimitLink` — a limit that an engine computes from the observables (e.g. the width-dependent
  LHC dilepton recast), for the rare case a curve alone cannot say it.

Axes and observables are expressions of registered observables (`darkseesaw.observables.registry`,
safe grammar of `darkseesaw.expressions`) in registry units; `evaluate_links` converts them to
the units of the curve or measurement through the one unit table `darkseesaw.physics.UNITS`.
The unit of an expression is the registry unit of its first observable unless the link says
``x_unit``/``y_unit``/``unit``.

Conventions of the results (`LinkResult`):

* ``passed``: True where the point is allowed **or the link does not apply** (``applies`` False:
  outside the curve's mass range, observable missing);
* ``margin``: for curves and one-sided limits the signed distance in decades (log10) to the
  boundary, positive when allowed; for Gaussian measurements ``n_sigma − |pull|`` in σ
  (allowed within ``n_sigma``, default 2); for NuFIT ``3 − max |n_σ|`` over the parameters;
* ``chi2``: −2 ln L of the link (`darkseesaw.constraints.likelihood`), 0 where it does not
  apply or ``likelihood=False``;
* ``counts``: whether the link can exclude (limits and measurements); projections, hints and
  bands are reported (within reach / in the favoured region) but never exclude.

Everything is vectorised: observables may be arrays of one batch shape.

Examples
--------
>>> links = [CurveLink("alp/gagamma/cast", x="m_a", y="g_agamma"),
...          MeasurementLink("delta_a_mu_2025", "delta_a_mu")]
>>> res = evaluate_links(links, {"m_a": 1e-12, "g_agamma": 1e-11, "delta_a_mu": 2e-10})
>>> [(r.name, bool(r.passed), round(float(r.margin), 2)) for r in res]
[('alp/gagamma/cast', True, 0.82), ('delta_a_mu_2025', True, 1.71)]
>>> round(log_likelihood(res), 3)
-0.084
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.constraints import likelihood as L
from darkseesaw.constraints import measurements as M
from darkseesaw.constraints.registry import curve as _curve
from darkseesaw.expressions import BUILTIN_NAMES, ExpressionError, names_in
from darkseesaw.expressions import evaluate as _evaluate
from darkseesaw.observables import registry as R

__all__ = ["CurveLink", "MeasurementLink", "NufitLink", "LimitLink", "Link", "LinkResult",
           "evaluate_links", "total_chi2", "log_likelihood", "all_pass", "allowed_by_group", "link_names",
           "expression_unit", "check_links"]

#: kinds that can exclude a point; the others are informative
EXCLUDING = ("upper_limit", "lower_limit", "measurement", "nufit")


@dataclass(frozen=True)
class CurveLink:
    """A catalogue limit curve and the observable expressions on its axes.

    Parameters
    ----------
    curve : str
        Catalogue name ``topic/quantity/experiment`` (`darkseesaw.constraints.curve`).
    x, y : str
        Expressions of registered observables (registry units).
    label : str
        Distinguishes several links to one curve (e.g. ``"N2"``: the curve applied to the
        second heavy state); shown as ``curve [label]``.
    x_unit, y_unit : str, optional
        Units of the expressions when not those of their first observable.
    likelihood : bool
        Add the curve's one-sided χ² (`darkseesaw.constraints.likelihood.limit_chi2`) to the
        model log-likelihood (only limits do; projections and hints never).
    note : str
        Shown next to the result.
    """

    curve: str
    x: str
    y: str
    label: str = ""
    x_unit: str | None = None
    y_unit: str | None = None
    likelihood: bool = True
    note: str = ""

    @property
    def name(self) -> str:
        return self.curve + (f" [{self.label}]" if self.label else "")

    @property
    def group(self) -> str:
        return self.curve


@dataclass(frozen=True)
class MeasurementLink:
    """A measurement (Gaussian, asymmetric) or one-sided limit and the observable it tests.

    Parameters
    ----------
    measurement : str
        Name in `darkseesaw.constraints.measurements.MEASUREMENTS`.
    observable : str
        Expression of registered observables.
    unit : str, optional
        Unit of the expression when not that of its first observable.
    side : {"both", "upper", "lower"}
        For Gaussian measurements: which deviations beyond ``n_sigma`` exclude (``"upper"``:
        only an excess, e.g. a relic density that may be a fraction of the dark matter).
    n_sigma : float
        Width of the allowed window of Gaussian measurements.
    """

    measurement: str
    observable: str
    unit: str | None = None
    label: str = ""
    side: str = "both"
    n_sigma: float = 2.0
    likelihood: bool = True
    note: str = ""

    @property
    def name(self) -> str:
        return self.measurement + (f" [{self.label}]" if self.label else "")

    @property
    def group(self) -> str:
        return self.measurement


@dataclass(frozen=True)
class NufitLink:
    """NuFIT χ² of ``s12sq, s13sq, s23sq, dm21sq, dm3lsq, delta_cp, is_NO`` (registry units).

    Allowed when every parameter lies within ``n_sigma`` (3σ, the ranges the NuFIT tables
    quote); the χ² is the Gaussianised NuFIT χ² of `darkseesaw.constraints.likelihood`.
    """

    version: str = "6.0"
    use_delta: bool = True
    n_sigma: float = 3.0
    likelihood: bool = True
    note: str = ""

    @property
    def name(self) -> str:
        return f"nufit-{self.version}"

    @property
    def group(self) -> str:
        return self.name


@dataclass(frozen=True)
class LimitLink:
    """A limit computed by an engine function of the observables.

    Parameters
    ----------
    name : str
        Shown name (the catalogue family it comes from, e.g. ``collider/sigmaB-ll/atlas-139ifb``).
    limit : callable
        ``limit(obs) -> array`` giving the limit on ``y`` in ``y_unit`` (NaN where it does not
        apply).
    y : str
        Expression of the tested quantity.
    kind : {"upper_limit", "lower_limit"}
    """

    name: str
    limit: Callable[[Mapping[str, Any]], Any]
    y: str
    y_unit: str | None = None
    kind: str = "upper_limit"
    cl: float = 0.95
    x: str | None = None
    likelihood: bool = True
    note: str = ""
    source: str = ""

    @property
    def group(self) -> str:
        return self.name


Link = CurveLink | MeasurementLink | NufitLink | LimitLink


@dataclass
class LinkResult:
    """The verdict of one link on one point or a batch (arrays of the batch shape).

    Attributes
    ----------
    name, group, kind : str
        The link's name, the experimental result it belongs to, and its kind (``upper_limit``,
        ``lower_limit``, ``measurement``, ``nufit``, ``projection``, ``hint``, ``band``).
    value, limit : ndarray
        The tested quantity and the limit (or measured value) it is compared with, in ``unit``.
    unit : str
        Unit of ``value`` and ``limit`` (a key of `darkseesaw.physics.UNITS`).
    applies, passed : ndarray of bool
        Whether the link covers the point, and its verdict there.
    margin : ndarray
        Distance to failing, in ``margin_unit``: decades (log10) for limits, σ for
        measurements; positive when allowed.
    chi2 : ndarray
        −2 ln L of the link (dimensionless; 0 where it does not apply).
    x : ndarray or None
        The x-axis quantity of a curve link, in ``x_unit``.
    counts, likelihood : bool
        Whether the link can exclude, and whether its χ² enters the log-likelihood.
    """

    name: str
    group: str
    kind: str
    value: np.ndarray
    limit: np.ndarray
    unit: str
    applies: np.ndarray
    passed: np.ndarray
    margin: np.ndarray
    margin_unit: str
    chi2: np.ndarray
    x: np.ndarray | None = None
    x_unit: str = ""
    source: str = ""
    note: str = ""
    counts: bool = True
    likelihood: bool = True

    def as_dict(self, i: int | None = None) -> dict[str, Any]:
        """Plain values (point ``i`` of a batch, or the scalar result)."""
        def pick(a: Any) -> Any:
            if a is None:
                return None
            a = np.asarray(a)
            v = a[()] if i is None or a.ndim == 0 else a.reshape(-1)[i]
            return v.item() if hasattr(v, "item") else v

        mg = pick(self.margin)
        return {"name": self.name, "group": self.group, "kind": self.kind,
                "value": pick(self.value), "limit": pick(self.limit), "unit": self.unit,
                "x": pick(self.x), "x_unit": self.x_unit, "applies": bool(pick(self.applies)),
                "pass": bool(pick(self.passed)),
                "margin": None if mg is None or not np.isfinite(mg) else float(mg),
                "margin_unit": self.margin_unit, "chi2": float(pick(self.chi2)),
                "counts": self.counts, "source": self.source, "note": self.note}


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def expression_unit(expr: str, explicit: str | None = None) -> str:
    """Unit of an axis expression: ``explicit``, else the registry unit of its first observable."""
    if explicit is not None:
        return explicit
    for tok in _IDENT.findall(expr):
        if tok in BUILTIN_NAMES:
            continue
        try:
            return R.get(tok).unit
        except KeyError:
            continue
    return ""


def link_names(link: Link) -> set[str]:
    """Observable names a link needs."""
    if isinstance(link, CurveLink):
        exprs = [link.x, link.y]
    elif isinstance(link, MeasurementLink):
        exprs = [link.observable]
    elif isinstance(link, NufitLink):
        return {"s12sq", "s13sq", "s23sq", "dm21sq", "dm3lsq", "is_NO"} | (
            {"delta_cp"} if link.use_delta else set())
    else:
        exprs = [link.y] + ([link.x] if link.x else [])
    out: set[str] = set()
    for e in exprs:
        out |= names_in(e) - set(BUILTIN_NAMES)
    return out


def check_links(links: Sequence[Link]) -> None:
    """Validate links once (curve and measurement names, registered observables, units).

    Raises
    ------
    KeyError or ValueError
        Naming the link and the problem.
    """
    for lk in links:
        where = f"constraint link {lk.name!r}"
        for n in link_names(lk):
            try:
                R.get(n)
            except KeyError as e:
                raise KeyError(f"{where}: {e.args[0]}") from None
        if isinstance(lk, CurveLink):
            c = _curve(lk.curve)
            ph.convert(1.0, expression_unit(lk.x, lk.x_unit), c.x_unit)
            ph.convert(1.0, expression_unit(lk.y, lk.y_unit), c.y_unit)
        elif isinstance(lk, MeasurementLink):
            m = M.get(lk.measurement)
            ph.convert(1.0, expression_unit(lk.observable, lk.unit), m.unit)
            if lk.side not in ("both", "upper", "lower"):
                raise ValueError(f"{where}: side must be both, upper or lower")
        elif isinstance(lk, NufitLink) and lk.version not in M.NUFIT:
            raise KeyError(f"{where}: unknown NuFIT version {lk.version!r}")


def _eval(expr: str, obs: Mapping[str, Any]) -> np.ndarray:
    return np.asarray(_evaluate(expr, obs, check_finite=False, allow_bool=True), dtype=float)


def _shape(obs: Mapping[str, Any]) -> tuple[int, ...]:
    shapes = [np.shape(v) for v in obs.values() if not isinstance(v, str)]
    return np.broadcast_shapes(*shapes) if shapes else ()


def _cl_of(text: str, default: float = 0.90) -> float:
    try:
        c = float(str(text).split()[0].split("/")[0].rstrip("%"))
        return c / 100.0 if c > 1 else c
    except (ValueError, IndexError):
        return default


def _missing(link: Link, shape: tuple[int, ...], missing: set[str]) -> LinkResult:
    nan = np.full(shape, np.nan)
    kind = "measurement" if isinstance(link, MeasurementLink) else (
        "nufit" if isinstance(link, NufitLink) else "upper_limit")
    return LinkResult(link.name, link.group, kind, nan, nan, "", np.zeros(shape, bool),
                      np.ones(shape, bool), nan, "", np.zeros(shape),
                      note=f"not evaluated: no {', '.join(sorted(missing))}", counts=False,
                      likelihood=False)


def _curve_result(lk: CurveLink, obs: Mapping[str, Any], shape: tuple[int, ...]) -> LinkResult:
    c = _curve(lk.curve)
    x = ph.convert(_eval(lk.x, obs), expression_unit(lk.x, lk.x_unit), c.x_unit)
    y = ph.convert(_eval(lk.y, obs), expression_unit(lk.y, lk.y_unit), c.y_unit)
    x, y = np.broadcast_arrays(np.broadcast_to(x, shape), np.broadcast_to(y, shape))
    lim = np.asarray(c(x), float)
    margin = np.asarray(c.margin(x, y), float)
    inside = np.asarray(c.inside(x, y), bool)
    # a vanishing prediction (y = 0, e.g. sigma_SI of Majorana DM) is allowed by an upper limit
    zero = np.isfinite(y) & (y <= 0)
    applies = (np.isfinite(lim) | np.isfinite(margin)) & np.isfinite(x)
    if c.region == "above":
        applies = applies & (np.isfinite(y) | zero)
        margin = np.where(zero & np.isfinite(lim), np.inf, margin)
    counts = c.kind in ("upper_limit", "lower_limit")
    passed = np.where(applies & counts, ~inside, True)
    chi2 = np.zeros(shape)
    if lk.likelihood and counts:
        chi2 = np.where(applies, np.nan_to_num(L.limit_chi2(c, x, np.where(zero, 0.0, y),
                                                            cl=_cl_of(c.cl)), nan=0.0), 0.0)
    note = lk.note
    if not counts:
        word = {"projection": "within reach", "hint": "in the hint region",
                "band": "inside the band"}.get(c.kind, "inside")
        note = (note + "; " if note else "") + f"informative ({c.kind}): True = not {word}"
    return LinkResult(lk.name, lk.group, c.kind, y, lim, c.y_unit, applies, passed,
                      np.where(applies, margin, np.nan), "dex", chi2, x=x, x_unit=c.x_unit,
                      source=c.source, note=note, counts=counts, likelihood=lk.likelihood and counts)


def _measurement_result(lk: MeasurementLink, obs: Mapping[str, Any], shape: tuple[int, ...]
                        ) -> LinkResult:
    m = M.get(lk.measurement)
    x = np.broadcast_to(ph.convert(_eval(lk.observable, obs),
                                   expression_unit(lk.observable, lk.unit), m.unit), shape)
    applies = np.isfinite(x)
    chi2 = np.zeros(shape)
    if m.kind in ("upper_limit", "lower_limit"):
        lim = np.full(shape, m.value)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.log10(np.where(x > 0, lim / x, np.inf))
        margin = r if m.kind == "upper_limit" else -r
        passed = np.where(applies, margin >= 0, True)
        kind, mu = m.kind, "dex"
        if lk.likelihood:
            chi2 = np.where(applies, np.nan_to_num(L.chi2(m, np.where(applies, x, 0.0))), 0.0)
    elif m.kind == "range":
        lo, hi = m.bounds
        inside = (x >= lo) & (x <= hi)
        lim = np.full(shape, hi)
        margin = np.where(inside, 1.0, -1.0) * np.fmin(np.abs(x - lo), np.abs(hi - x))
        passed = np.ones(shape, bool)
        kind, mu = "hint", m.unit
    else:
        mean = m.value
        sig = np.where(x >= mean, m.err_up or m.sigma, m.err_down or m.sigma)
        pull = (x - mean) / sig
        dev = {"both": np.abs(pull), "upper": np.maximum(pull, 0.0),
               "lower": np.maximum(-pull, 0.0)}[lk.side]
        margin = lk.n_sigma - dev
        passed = np.where(applies, margin >= 0, True)
        lim = np.full(shape, mean + (lk.n_sigma * m.err_up if lk.side != "lower"
                                     else -lk.n_sigma * m.err_down))
        kind, mu = "measurement", "sigma"
        if lk.likelihood:
            chi2 = np.where(applies, np.nan_to_num(L.chi2(m, np.where(applies, x, mean))), 0.0)
    counts = kind != "hint"
    return LinkResult(lk.name, lk.group, kind, x, lim, m.unit, applies, passed,
                      np.where(applies, margin, np.nan), mu, chi2, source=m.source,
                      note=lk.note, counts=counts, likelihood=lk.likelihood and counts)


def _nufit_result(lk: NufitLink, obs: Mapping[str, Any], shape: tuple[int, ...]) -> LinkResult:
    vals = {k: np.broadcast_to(np.asarray(obs[k], float), shape)
            for k in ("s12sq", "s13sq", "s23sq")}
    vals["dm21sq"] = ph.convert(np.asarray(obs["dm21sq"], float), R.unit_of("dm21sq"), "eV^2")
    vals["dm3lsq"] = ph.convert(np.asarray(obs["dm3lsq"], float), R.unit_of("dm3lsq"), "eV^2")
    if lk.use_delta:
        vals["delta_cp"] = ph.convert(np.asarray(obs["delta_cp"], float),
                                      R.unit_of("delta_cp"), "deg")
    no = np.broadcast_to(np.asarray(obs["is_NO"]).astype(bool), shape)
    tot_no, parts_no = L.nufit_chi2(vals, version=lk.version, ordering="NO", per_parameter=True)
    tot_io, parts_io = L.nufit_chi2(vals, version=lk.version, ordering="IO", per_parameter=True)
    tot = np.where(no, tot_no, tot_io)
    worst = np.max([np.sqrt(np.where(no, parts_no[k], parts_io[k])) for k in parts_no], axis=0)
    applies = np.isfinite(tot)
    margin = lk.n_sigma - worst
    passed = np.where(applies, margin >= 0, True)
    return LinkResult(lk.name, lk.group, "nufit", np.asarray(tot), np.full(shape, np.nan),
                      "chi2", applies, passed, np.where(applies, margin, np.nan), "sigma",
                      np.where(applies & lk.likelihood, tot, 0.0),
                      source=f"NuFIT {lk.version} (Gaussianised ranges)", note=lk.note,
                      likelihood=lk.likelihood)


def _limit_result(lk: LimitLink, obs: Mapping[str, Any], shape: tuple[int, ...]) -> LinkResult:
    y = np.broadcast_to(_eval(lk.y, obs), shape)
    lim = np.broadcast_to(np.asarray(lk.limit(obs), float), shape)
    x = np.broadcast_to(_eval(lk.x, obs), shape) if lk.x else None
    applies = np.isfinite(lim) & np.isfinite(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.log10(np.where(y > 0, lim / y, np.inf))
    margin = r if lk.kind == "upper_limit" else -r
    passed = np.where(applies, margin >= 0, True)
    chi2 = np.zeros(shape)
    if lk.likelihood:
        f = L.upper_limit_chi2 if lk.kind == "upper_limit" else L.lower_limit_chi2
        chi2 = np.where(applies, np.nan_to_num(f(np.where(applies, y, 0.0),
                                                 np.where(applies, lim, 1.0), lk.cl)), 0.0)
    return LinkResult(lk.name, lk.group, lk.kind, y, lim, expression_unit(lk.y, lk.y_unit),
                      applies, passed, np.where(applies, margin, np.nan), "dex", chi2, x=x,
                      source=lk.source, note=lk.note, likelihood=lk.likelihood)


def evaluate_links(links: Sequence[Link], obs: Mapping[str, Any]) -> list[LinkResult]:
    """Evaluate constraint links on observables (one point or a batch).

    Parameters
    ----------
    links : sequence of links
        A model's declared constraints (`darkseesaw.models.base.Model.constraints`).
    obs : mapping name → value
        Registered observables in registry units; arrays of one batch shape for a batch.
        A link whose observables are missing is reported as not evaluated (it passes).

    Returns
    -------
    list of LinkResult
        One per link, in the order given.
    """
    shape = _shape(obs)
    out = []
    for lk in links:
        need = link_names(lk)
        missing = {n for n in need if n not in obs}
        if missing:
            out.append(_missing(lk, shape, missing))
            continue
        with np.errstate(all="ignore"):
            try:
                if isinstance(lk, CurveLink):
                    r = _curve_result(lk, obs, shape)
                elif isinstance(lk, MeasurementLink):
                    r = _measurement_result(lk, obs, shape)
                elif isinstance(lk, NufitLink):
                    r = _nufit_result(lk, obs, shape)
                else:
                    r = _limit_result(lk, obs, shape)
            except ExpressionError as e:
                raise ValueError(f"constraint link {lk.name!r}: {e}") from None
        out.append(r)
    return out


def total_chi2(results: Sequence[LinkResult]) -> np.ndarray | float:
    """Σ over experimental results (groups) of the largest χ² among the links to each.

    One published limit or measurement enters the likelihood once. A model links one curve to
    several states (an HNL limit to each heavy neutrino, where the two members of a
    pseudo-Dirac pair carry the same mass and mixing); summing their χ² would count the same
    data two or six times. The most constraining link of a group stands for it (the states'
    signals are not combined: a conservative, documented choice).

    >>> r = evaluate_links([CurveLink("hnl/Ue2/current", x="m_N1", y="U2_e_N1", label="N1"),
    ...                     CurveLink("hnl/Ue2/current", x="m_N2", y="U2_e_N2", label="N2")],
    ...                    {"m_N1": 1.0, "m_N2": 1.0, "U2_e_N1": 1e-5, "U2_e_N2": 1e-5})
    >>> bool(np.isclose(total_chi2(r), r[0].chi2))
    True
    """
    best: dict[str, np.ndarray] = {}
    for r in results:
        if not r.likelihood:
            continue
        c = np.asarray(r.chi2, float)
        best[r.group] = np.maximum(best[r.group], c) if r.group in best else c
    tot = np.asarray(sum(best.values(), np.zeros(())), float)
    return float(tot) if tot.ndim == 0 else tot


def log_likelihood(results: Sequence[LinkResult]) -> np.ndarray | float:
    """ln L = −½ `total_chi2` (each experimental result once, its most constraining link)."""
    tot = -0.5 * np.asarray(total_chi2(results), float)
    return float(tot) if tot.ndim == 0 else tot


def all_pass(results: Sequence[LinkResult]) -> np.ndarray | bool:
    """True where every excluding link passes."""
    ok = np.asarray(True)
    for r in results:
        if r.counts:
            ok = ok & np.asarray(r.passed, bool)
    return bool(ok) if ok.ndim == 0 else ok


def allowed_by_group(results: Sequence[LinkResult]) -> dict[str, np.ndarray]:
    """AND of ``passed`` over the results of each group (excluding links only)."""
    out: dict[str, np.ndarray] = {}
    for r in results:
        if not r.counts:
            continue
        p = np.asarray(r.passed, bool)
        out[r.group] = out[r.group] & p if r.group in out else p
    return out
