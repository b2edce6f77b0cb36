"""Writing results: the one JSON conversion, JSON files, and figures as PNG + PDF.

Every command and every paper reproduction writes through these three functions, so that a
number looks the same everywhere (numpy scalars and arrays become plain floats and lists,
complex numbers ``{"re": …, "im": …}``, non-finite floats stay ``NaN``/``Infinity`` as Python's
json writes them) and every figure exists in both formats.

Example
-------
>>> import numpy as np
>>> plain({"m": np.float64(1.5), "U": np.eye(2), "ok": np.bool_(True), "z": 1 + 2j})
{'m': 1.5, 'U': [[1.0, 0.0], [0.0, 1.0]], 'ok': True, 'z': {'re': 1.0, 'im': 2.0}}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["plain", "write_json", "save_figure"]


def plain(v: Any) -> Any:
    """A JSON-ready copy of ``v`` (dicts, lists, numpy arrays and scalars, complex, Paths)."""
    if isinstance(v, Mapping):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [plain(x) for x in v]
    if isinstance(v, np.ndarray):
        if np.iscomplexobj(v):
            return {"re": v.real.tolist(), "im": v.imag.tolist()}
        if v.dtype == object:
            return [plain(x) for x in v.tolist()]
        return v.tolist()
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, (complex, np.complexfloating)):
        return {"re": float(v.real), "im": float(v.imag)}
    if isinstance(v, Path):
        return str(v)
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


def write_json(path: str | Path, data: Any, *, indent: int = 1) -> Path:
    """Write ``plain(data)`` as JSON (UTF-8); returns the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(plain(data), indent=indent), encoding="utf-8")
    return p


def save_figure(fig, out: str | Path, stem: str, *, formats: Iterable[str] = ("png", "pdf"),
                dpi: int = 150, close: bool = True) -> list[str]:
    """Save a matplotlib figure as ``out/stem.png`` and ``out/stem.pdf``; returns the paths.

    The figure is closed afterwards (``close=False`` keeps it), so that long reproductions do
    not accumulate open figures.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for ext in formats:
        p = out / f"{stem}.{ext}"
        fig.savefig(p, dpi=dpi)
        paths.append(str(p))
    if close:
        import matplotlib.pyplot as plt  # only to release the figure from pyplot's registry

        plt.close(fig)
    return paths
