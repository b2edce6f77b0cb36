"""Scan configuration: the YAML file a user writes, validated into a `ScanConfig`.

A configuration names the model (a built-in model id, a neutral-lepton model file, or a Python
batch function ``module:function``), the parameters (a range with a linear or log prior, or a
fixed value), derived quantities (safe arithmetic expressions of stored columns), the
observables to keep, likelihood terms and limit curves to apply, the sampler and its settings,
the seed and the chunk size. Every problem is reported as one `darkseesaw.errors.InputError`
naming the file, the key and the problem.

Size limits (checked here, before anything is allocated; ``docs/robustness.md``): at most
``MAX_POINTS`` (10⁹) points in a grid/random/lhs/sobol design, ``MAX_CHUNKS`` (10⁶) chunks,
``MAX_CHUNK_SIZE`` (10⁶) points per chunk, ``MAX_LHS_BYTES`` (1 GiB) for the Latin hypercube
(generated at once: N × d × 8 bytes), ``MAX_PARAMETERS`` (1000) parameters, and for MCMC
walkers × steps ≤ 10⁹, walkers ≤ 10⁵, nested ``nlive`` ≤ 10⁵.

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
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from darkseesaw.errors import InputError

SAMPLERS = ("grid", "random", "lhs", "sobol", "mcmc", "nested")
MAX_POINTS = 10**9
"""Most points of a fixed-size design (grid, random, lhs, sobol)."""
MAX_CHUNKS = 10**6
"""Most chunks (stored files, executor tasks) of a scan."""
MAX_CHUNK_SIZE = 10**6
"""Most points per chunk (one chunk's arrays are held in memory by a worker)."""
MAX_LHS_BYTES = 2**30
"""Most memory of a Latin hypercube design, generated at once (N x d x 8 bytes)."""
MAX_PARAMETERS = 1000
"""Most parameters of a configuration."""
_FUNC_RE = re.compile(r"^[A-Za-z][\w]*(\.[A-Za-z][\w]*)*:[A-Za-z][\w]*(\.[A-Za-z][\w]*)*$")
MAX_WALKERS = 10**5
MAX_NLIVE = 10**5


def _count(n: int) -> str:
    """10000000000 -> '1e+10' (big counts), 2000 -> '2,000'."""
    return f"{n:,}" if n < 10**7 else f"{float(n):.3g}"


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
    walkers: int = Field(default=32, ge=4, le=MAX_WALKERS)
    steps: int = Field(default=1000, ge=1)
    burn: int = Field(default=0, ge=0)
    steps_per_chunk: int = Field(default=50, ge=1)
    nlive: int = Field(default=400, ge=10, le=MAX_NLIVE)
    dlogz: float = Field(default=0.5, gt=0)
    max_calls: int | None = Field(default=None, ge=1)
    checkpoint_s: float = Field(default=30.0, gt=0)

    @model_validator(mode="after")
    def _check(self) -> SamplerSpec:
        if self.name in ("random", "lhs", "sobol") and self.n is None:
            raise ValueError(f"sampler '{self.name}' needs 'n' (number of points)")
        if self.name == "mcmc" and self.burn >= self.steps:
            raise ValueError("burn must be smaller than steps")
        if self.name == "mcmc" and self.walkers * self.steps > MAX_POINTS:
            raise ValueError(f"walkers x steps = {_count(self.walkers * self.steps)} points; at "
                             f"most {_count(MAX_POINTS)}")
        if self.name in ("random", "lhs", "sobol") and self.n > MAX_POINTS:
            raise ValueError(f"n = {_count(self.n)} points is too many; at most "
                             f"{_count(MAX_POINTS)} per scan (split it into several scans)")
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
    seed: int = Field(default=0, ge=0, lt=2**63)
    chunk_size: int = Field(default=10_000, ge=1, le=MAX_CHUNK_SIZE)
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
        if len(self.parameters) > MAX_PARAMETERS:
            raise ValueError(f"{len(self.parameters)} parameters; at most {MAX_PARAMETERS}")
        if not self.varied_names():
            raise ValueError("every parameter is fixed: give at least one a range")
        if self.python_function and not _FUNC_RE.match(self.python_function):
            raise ValueError("python_function must read 'module:function' (dotted names, no "
                             "names starting with '_')")
        if self.python_function and self.auto_constraints():
            raise ValueError("constraints: auto needs a model (model: or model_file:), not a "
                             "python_function")
        return self

    def check_size(self, file: str | None = None) -> None:
        """Refuse designs too large to run or to hold in memory, before any allocation
        (`InputError` naming ``sampler`` or ``chunk_size``)."""
        n = self.n_points()
        if n is None:
            return
        if self.sampler.name == "grid" and n > MAX_POINTS:
            nodes = " x ".join(str(self.grid_nodes(k)) for k in self.varied_names())
            raise InputError(file, "sampler", f"the grid has {_count(n)} points ({nodes}); at most "
                             f"{_count(MAX_POINTS)} per scan: use fewer nodes ('n') or a "
                             "random/sobol sampler")
        if self.sampler.name == "lhs":
            nbytes = n * len(self.varied_names()) * 8
            if nbytes > MAX_LHS_BYTES:
                raise InputError(file, "sampler.n", f"a Latin hypercube of {_count(n)} points in "
                                 f"{len(self.varied_names())} dimensions is generated at once "
                                 f"({nbytes / 2**30:.3g} GiB); at most "
                                 f"{MAX_LHS_BYTES / 2**30:g} GiB: use the random or sobol "
                                 "sampler for this many points")
        chunks = -(-n // self.chunk_size)
        if chunks > MAX_CHUNKS:
            raise InputError(file, "chunk_size", f"{_count(n)} points in chunks of {self.chunk_size} make "
                             f"{_count(chunks)} chunk files; at most {_count(MAX_CHUNKS)}: "
                             "raise chunk_size")

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
        cfg = ScanConfig.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        msg = err.get("msg", "invalid value")
        msg = msg.removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            msg = "unknown key"
        return _raise(file, _loc(err), msg)
    cfg.check_size(file)
    return cfg


def _raise(file: str | None, key: str, msg: str):
    raise InputError(file, key, msg)


def load_config(path: str | Path) -> ScanConfig:
    """Read and validate a scan configuration YAML file.

    Relative ``model_file`` paths are resolved against the current directory first, then
    against the configuration file's folder; the stored configuration holds the absolute path.
    """
    from darkseesaw.io import load_yaml, read_user_text

    path = Path(path)
    data = load_yaml(read_user_text(path), str(path))
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
