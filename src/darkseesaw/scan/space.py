"""Parameter space: the map from the unit cube to physical parameter values.

A parameter with a linear prior on [lo, hi] maps u in [0, 1] to x = lo + u (hi - lo); a log prior
maps u to x = 10**(log10 lo + u (log10 hi - log10 lo)). Samplers work in the unit cube (grid,
random, Latin hypercube, Sobol, nested sampling) or in the "internal" coordinates z (x for a
linear prior, log10 x for a log prior; MCMC), in which every prior is flat on a box.

Example
-------
>>> from darkseesaw.scan.config import parse_config
>>> cfg = parse_config({"python_function": "m:f", "parameters": {
...     "a": {"range": [1, 100], "prior": "log"}, "b": 2.0}})
>>> sp = ParameterSpace(cfg)
>>> import numpy as np
>>> sp.from_unit(np.array([[0.5]]))["a"]
array([10.])
"""

from __future__ import annotations

import numpy as np

from darkseesaw.scan.config import ScanConfig


class ParameterSpace:
    """Varied parameters (unit-cube transforms) plus fixed values of a `ScanConfig`."""

    def __init__(self, cfg: ScanConfig):
        self.names = cfg.varied_names()
        self.fixed = cfg.fixed_values()
        self.log = np.array([cfg.parameters[k].prior == "log" for k in self.names])
        lo = np.array([cfg.parameters[k].range[0] for k in self.names], dtype=float)
        hi = np.array([cfg.parameters[k].range[1] for k in self.names], dtype=float)
        self.lo = np.where(self.log, np.log10(np.where(self.log, lo, 1.0)), lo)
        self.hi = np.where(self.log, np.log10(np.where(self.log, hi, 1.0)), hi)
        self.units = {k: cfg.parameters[k].unit for k in cfg.parameters}

    @property
    def ndim(self) -> int:
        return len(self.names)

    def unit_to_internal(self, u: np.ndarray) -> np.ndarray:
        """Unit cube (n, d) -> internal coordinates z (n, d)."""
        return self.lo + np.asarray(u, dtype=float) * (self.hi - self.lo)

    def internal_to_values(self, z: np.ndarray) -> np.ndarray:
        """Internal coordinates (n, d) -> physical values (n, d)."""
        z = np.asarray(z, dtype=float)
        with np.errstate(over="ignore"):  # 10**z of the linear coordinates is discarded
            return np.where(self.log, 10.0 ** z, z)

    def in_box(self, z: np.ndarray) -> np.ndarray:
        """Whether internal coordinates lie inside the prior box (n,) bool."""
        return np.all((z >= self.lo) & (z <= self.hi), axis=-1)

    def as_columns(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Physical values (n, d) -> dict name -> array, fixed parameters included."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        n = x.shape[0]
        cols = {k: np.ascontiguousarray(x[:, i]) for i, k in enumerate(self.names)}
        for k, v in self.fixed.items():
            cols[k] = np.full(n, v, dtype=object if isinstance(v, str | bool) else float)
        return cols

    def from_unit(self, u: np.ndarray) -> dict[str, np.ndarray]:
        """Unit cube (n, d) -> dict of physical parameter arrays."""
        return self.as_columns(self.internal_to_values(self.unit_to_internal(u)))

    def log_prior_volume(self) -> float:
        """ln of the prior box volume in internal coordinates."""
        return float(np.sum(np.log(self.hi - self.lo)))
