"""Scan configuration: the YAML file a user writes, validated into a `ScanConfig`.

A configuration names the model (a built-in model id, a neutral-lepton model file, or a Python
batch function ``module:function``), the parameters (a range with a linear or log prior, or a
fixed value), derived quantities (safe arithmetic expressions of stored columns), the
observables to keep, likelihood terms and limit curves to apply, the sampler and its settings,
the seed and the chunk size. Every problem is reported as one `darkseesaw.errors.InputError`
naming the file, the key and the problem.

Example
-------
>>> cfg = parse_config({
...     "python_function": "darkseesaw.scan.toy:evaluate",
...     "parameters": {"x": {"range": [-3, 3]}, "y": {"range": [0.01, 10], "prior": "log"}},
...     "sampler": {"name": "random", "n": 1000}, "seed": 1, "chunk_size": 250})
>>> cfg.sampler.name, cfg.varied_names()
('random', ['x', 'y'])
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from darkseesaw.errors import InputError

SAMPLERS = ("grid", "random", "lhs", "sobol", "mcmc", "nested")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ParameterSpec(_Strict):
    """One scanned or fixed parameter.

    ``range: [lo, hi]`` with ``prior: linear`` (uniform in the value) or ``prior: log``
    (uniform in log10 of the value, lo > 0); or ``value: v`` (fixed). ``n`` is the number of
    grid nodes for the grid sampler (default: the sampler's ``n``). ``unit`` is for labels.
    """

    range: tuple[float, float] | None = None
    prior: Literal["linear", "log"] = "linear"
    value: float | bool | str | None = None
    n: int | None = Field(default=None, ge=1)
    unit: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ParameterSpec:
        if (self.range is None) == (self.value is None):
            raise ValueError("give either 'range: [lo, hi]' or 'value: v'")
        if self.range is not None:
            lo, hi = self.range
            if not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError("range bounds must be finite numbers")
            if not lo < hi:
                raise ValueError(f"range must have lo < hi (got [{lo}, {hi}])")
            if self.prior == "log" and lo <= 0:
                raise ValueError(f"a log prior needs lo > 0 (got lo = {lo})")
        elif isinstance(self.value, float) and not math.isfinite(self.value):
            raise ValueError("value must be a finite number")
        return self

    @property
    def fixed(self) -> bool:
        return self.range is None


class SamplerSpec(_Strict):
    """Sampler and its settings.

    grid: ``n`` nodes per parameter (or ``n`` of each parameter); random, lhs, sobol: ``n``
    points; mcmc (emcee): ``walkers``, ``steps``, ``burn`` (steps dropped from the report's
    posterior, all stored), ``steps_per_chunk``; nested (dynesty): ``nlive``, ``dlogz``,
    ``max_calls``, ``checkpoint_s`` (seconds between checkpoints).
    """

    name: Literal["grid", "random", "lhs", "sobol", "mcmc", "nested"] = "random"
    n: int | None = Field(default=None, ge=1)
    walkers: int = Field(default=32, ge=4)
    steps: int = Field(default=1000, ge=1)
    burn: int = Field(default=0, ge=0)
    steps_per_chunk: int = Field(default=50, ge=1)
    nlive: int = Field(default=400, ge=10)
    dlogz: float = Field(default=0.5, gt=0)
    max_calls: int | None = Field(default=None, ge=1)
    checkpoint_s: float = Field(default=30.0, gt=0)

    @model_validator(mode="after")
    def _check(self) -> SamplerSpec:
        if self.name in ("random", "lhs", "sobol") and self.n is None:
            raise ValueError(f"sampler '{self.name}' needs 'n' (number of points)")
        if self.name == "mcmc" and self.burn >= self.steps:
            raise ValueError("burn must be smaller than steps")
        return self


class GaussianTerm(_Strict):
    """A likelihood term for one column (or expression of columns).

    ``measurement: NAME``: the χ² of `darkseesaw.constraints.likelihood.chi2` against
    ``darkseesaw.constraints.measurements.get(NAME)`` (Gaussian, asymmetric, or a one-sided
    limit at its CL), ln L = -χ²/2; the column must be in the measurement's unit.
    Otherwise ``kind: gaussian`` with ``mean``/``sigma``: ln L = -((x - mean)/sigma)^2/2;
    or ``kind: upper`` with ``value`` (and ``cl``, default 0.9): the half-Gaussian χ² of
    `darkseesaw.constraints.likelihood.upper_limit_chi2`.
    """

    observable: str
    kind: Literal["gaussian", "upper"] = "gaussian"
    mean: float | None = None
    sigma: float | None = Field(default=None, gt=0)
    value: float | None = Field(default=None, gt=0)
    cl: float = Field(default=0.9, gt=0, lt=1)
    measurement: str | None = None

    @model_validator(mode="after")
    def _check(self) -> GaussianTerm:
        if self.measurement is None:
            if self.kind == "gaussian" and (self.mean is None or self.sigma is None):
                raise ValueError("a gaussian term needs 'mean' and 'sigma' (or 'measurement')")
            if self.kind == "upper" and self.value is None:
                raise ValueError("an upper-limit term needs 'value' (or 'measurement')")
        return self


class NufitTerm(_Strict):
    """NuFIT χ² of the oscillation observables (`darkseesaw.constraints.likelihood.nufit_chi2`).

    ``columns`` maps the NuFIT names to stored columns; defaults are the model-file names:
    ``s12sq, s13sq, s23sq``, ``delta_cp`` [rad], ``dm21sq, dm3lsq`` [eV^2], and the ordering
    from ``is_NO`` (bool) or ``ordering`` ("NO"/"IO"). ``use_delta: false`` drops δ_CP.
    """

    version: str = "6.0"
    use_delta: bool = True
    columns: dict[str, str] = {}

    def column(self, key: str) -> str:
        return self.columns.get(key, key)


class CurveConstraint(_Strict):
    """A limit curve of `darkseesaw.constraints` applied in the plane of two columns.

    ``curve`` is its catalogue name (``topic/quantity/experiment``); ``x`` and ``y`` are column
    names or derived expressions, in the curve's units. (``constraints: auto`` instead takes
    the model's declared links, `darkseesaw.constraints.links`, with their unit conversions.)
    """

    curve: str
    x: str
    y: str
    likelihood: bool = False  # also add its chi^2 (limit_chi2) to ln L


class ScanConfig(_Strict):
    """A validated scan configuration (see the module docstring and ``docs/scans.md``)."""

    model: str | None = None
    model_file: str | None = None
    python_function: str | None = None
    parameters: dict[str, ParameterSpec]
    derived: dict[str, str] = {}
    observables: list[str] | None = None
    likelihood: list[GaussianTerm] = []
    nufit: NufitTerm | None = None
    use_model_likelihood: bool = True
    constraints: Literal["auto"] | list[CurveConstraint | Literal["auto"]] = []
    sampler: SamplerSpec = SamplerSpec(name="random", n=1000)
    seed: int = Field(default=0, ge=0)
    chunk_size: int = Field(default=10_000, ge=1)
    title: str | None = None

    @field_validator("parameters", mode="before")
    @classmethod
    def _shorthand(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return {k: ({"value": x} if isinstance(x, int | float | str | bool) else x)
                    for k, x in v.items()}
        return v

    @model_validator(mode="after")
    def _check(self) -> ScanConfig:
        given = [k for k in ("model", "model_file", "python_function") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("name exactly one of 'model', 'model_file', 'python_function'"
                             + (f" (got {', '.join(given)})" if given else ""))
        if not self.parameters:
            raise ValueError("no parameters given")
        if not self.varied_names():
            raise ValueError("every parameter is fixed: give at least one a range")
        if self.python_function and ":" not in self.python_function:
            raise ValueError("python_function must read 'module:function'")
        if self.python_function and self.auto_constraints():
            raise ValueError("constraints: auto needs a model (model: or model_file:), not a "
                             "python_function")
        return self

    @field_validator("constraints", mode="before")
    @classmethod
    def _auto(cls, v: Any) -> Any:
        if isinstance(v, str) and v != "auto":
            raise ValueError("constraints must be 'auto' or a list of {curve, x, y} entries "
                             "(and 'auto')")
        return v

    def auto_constraints(self) -> bool:
        """Whether the model's declared constraint links are applied (``constraints: auto``)."""
        return self.constraints == "auto" or (isinstance(self.constraints, list)
                                              and "auto" in self.constraints)

    def curve_constraints(self) -> list[CurveConstraint]:
        """The explicit ``{curve, x, y}`` entries."""
        if isinstance(self.constraints, str):
            return []
        return [c for c in self.constraints if isinstance(c, CurveConstraint)]

    def varied_names(self) -> list[str]:
        """Names of the parameters with a range, in file order."""
        return [k for k, p in self.parameters.items() if not p.fixed]

    def fixed_values(self) -> dict[str, float | bool | str]:
        """Fixed parameters: numbers as float; a string or boolean (e.g. a texture label) as is."""
        return {k: (p.value if isinstance(p.value, str | bool) else float(p.value))
                for k, p in self.parameters.items() if p.fixed}

    def n_points(self) -> int | None:
        """Number of points of a fixed-size design (grid/random/lhs/sobol); None otherwise."""
        s = self.sampler
        if s.name == "grid":
            n = 1
            for k in self.varied_names():
                n *= self.grid_nodes(k)
            return n
        if s.name in ("random", "lhs", "sobol"):
            return int(s.n)
        return None

    def grid_nodes(self, name: str) -> int:
        p = self.parameters[name]
        return int(p.n or self.sampler.n or 10)

    def canonical(self) -> dict[str, Any]:
        """A JSON-able dict of the full configuration (defaults filled in)."""
        return json.loads(self.model_dump_json())

    def hash(self) -> str:
        """SHA-256 of the canonical configuration: a resumed scan must match it."""
        blob = json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


def _loc(err: dict[str, Any]) -> str:
    parts = [str(p) for p in err.get("loc", ()) if not str(p).startswith(("function-", "tagged"))]
    # pydantic adds union/type tags to the location; keep the user's keys only
    return ".".join(p for p in parts if p not in ("ParameterSpec",)) or "(top level)"


def parse_config(data: Any, file: str | None = None) -> ScanConfig:
    """Validate a configuration mapping; raise `InputError` naming the first bad key."""
    if not isinstance(data, dict):
        raise InputError(file, None, "a scan configuration must be a YAML mapping")
    try:
        return ScanConfig.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        msg = err.get("msg", "invalid value")
        msg = msg.removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            msg = "unknown key"
        return _raise(file, _loc(err), msg)


def _raise(file: str | None, key: str, msg: str):
    raise InputError(file, key, msg)


def load_config(path: str | Path) -> ScanConfig:
    """Read and validate a scan configuration YAML file.

    Relative ``model_file`` paths are resolved against the current directory first, then
    against the configuration file's folder; the stored configuration holds the absolute path.
    """
    import yaml

    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), None, "no such file")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        raise InputError(str(path), where, f"malformed YAML: {getattr(e, 'problem', e)}") from None
    cfg = parse_config(data, str(path))
    if cfg.model_file:
        mf = Path(cfg.model_file)
        cands = [mf] if mf.is_absolute() else [Path.cwd() / mf, path.parent / mf]
        for c in cands:
            if c.is_file():
                cfg.model_file = str(c.resolve())
                break
        else:
            raise InputError(str(path), "model_file", f"no such file: {cfg.model_file}")
    return cfg
