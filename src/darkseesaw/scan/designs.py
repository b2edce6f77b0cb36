"""Fixed-size designs: grid, random, Latin hypercube and Sobol points, chunk by chunk.

Point ``i`` of a scan belongs to chunk ``i // chunk_size``. Each design gives the unit-cube
coordinates of any chunk as a pure function of (configuration, seed, chunk index), so a resumed
scan regenerates exactly the points it has not stored yet, and every executor computes the same
points:

- ``grid``: nodes ``linspace(0, 1, n)`` per parameter (the centre 0.5 when n = 1), in the
  internal coordinate (log10 for a log prior), C order (first parameter slowest);
- ``random``: uniform, from ``numpy.random.default_rng(SeedSequence(seed, spawn_key=(chunk,)))``;
- ``lhs``: `scipy.stats.qmc.LatinHypercube` over all N points (stratified over the whole scan,
  generated once per run: memory N x d x 8 bytes), sliced per chunk;
- ``sobol``: scrambled `scipy.stats.qmc.Sobol` seeded by ``seed``, fast-forwarded to the chunk's
  first point (use N a power of 2 for the balance properties).

Example
-------
>>> from darkseesaw.scan.config import parse_config
>>> cfg = parse_config({"python_function": "m:f", "parameters": {"a": {"range": [0, 1]},
...     "b": {"range": [0, 1]}}, "sampler": {"name": "grid", "n": 3}, "chunk_size": 4})
>>> d = Design(cfg)
>>> d.n_chunks, d.unit_block(0).tolist()[:2]
(3, [[0.0, 0.0], [0.0, 0.5]])
"""

from __future__ import annotations

import warnings

import numpy as np

from darkseesaw.scan.config import ScanConfig


def _qmc_engine(cls, d: int, seed: int, **kw):
    rng = np.random.default_rng(seed)
    try:
        return cls(d, rng=rng, **kw)
    except TypeError:  # scipy < 1.15
        return cls(d, seed=rng, **kw)


class Design:
    """Chunked unit-cube points of a grid/random/lhs/sobol scan."""

    def __init__(self, cfg: ScanConfig):
        if cfg.sampler.name not in ("grid", "random", "lhs", "sobol"):
            raise ValueError(f"{cfg.sampler.name} is not a fixed-size design")
        cfg.check_size()  # size limits (config.MAX_POINTS, ...) before anything is allocated
        self.kind = cfg.sampler.name
        self.names = cfg.varied_names()
        self.d = len(self.names)
        self.seed = int(cfg.seed)
        self.n = int(cfg.n_points())
        self.chunk_size = int(cfg.chunk_size)
        self.n_chunks = -(-self.n // self.chunk_size)
        self.shape = tuple(cfg.grid_nodes(k) for k in self.names)
        self._lhs: np.ndarray | None = None

    def chunk_range(self, k: int) -> tuple[int, int]:
        """First and one-past-last point id of chunk ``k``."""
        a = k * self.chunk_size
        return a, min(a + self.chunk_size, self.n)

    def unit_block(self, k: int) -> np.ndarray:
        """Unit-cube coordinates (m, d) of the points of chunk ``k``."""
        a, b = self.chunk_range(k)
        if not 0 <= a < b:
            raise IndexError(f"chunk {k} outside 0..{self.n_chunks - 1}")
        if self.kind == "grid":
            idx = np.unravel_index(np.arange(a, b), self.shape)
            cols = [np.full(b - a, 0.5) if n == 1 else i / (n - 1)
                    for i, n in zip(idx, self.shape, strict=True)]
            return np.stack(cols, axis=1).astype(float)
        if self.kind == "random":
            rng = np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=(k,)))
            return rng.random((b - a, self.d))
        from scipy.stats import qmc

        if self.kind == "lhs":
            if self._lhs is None:
                self._lhs = _qmc_engine(qmc.LatinHypercube, self.d, self.seed).random(self.n)
            return self._lhs[a:b]
        eng = _qmc_engine(qmc.Sobol, self.d, self.seed, scramble=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            if a:
                eng.fast_forward(a)
            return eng.random(b - a)
