"""Reading user files safely; writing results: the one JSON conversion, JSON files, figures.

User files (model files, symmetry files, scan configurations) are read through
`read_user_text` and `load_yaml`, which bound what a hostile file can cost before anything is
parsed: a regular file (not a folder, device, pipe or socket) of at most
``MAX_INPUT_BYTES`` (10 MiB), UTF-8, YAML read with ``safe_load`` only, at most
``MAX_YAML_DEPTH`` (100) levels of nesting and ``MAX_YAML_VALUES`` (10⁶) values after YAML
aliases are expanded (a "billion laughs" file stops there). Every problem is an
`darkseesaw.errors.InputError` (``FILE: KEY: problem``).

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

from darkseesaw.errors import InputError

__all__ = ["plain", "write_json", "save_figure", "read_user_text", "load_yaml",
           "MAX_INPUT_BYTES", "MAX_YAML_DEPTH", "MAX_YAML_VALUES"]

MAX_INPUT_BYTES = 10 * 2**20
"""Largest user file read (bytes): checked before reading, so ``/dev/zero`` costs nothing."""
MAX_YAML_DEPTH = 100
"""Deepest nesting of lists and mappings accepted in a user YAML file."""
MAX_YAML_VALUES = 1_000_000
"""Most values (scalars, lists, mappings; aliases counted as often as used) in a YAML file."""


def read_user_text(path: str | Path, *, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """The text of a user file, refusing folders, devices, pipes and files over ``max_bytes``.

    Raises `InputError` ``PATH: problem`` (not found, a folder, not a regular file, too large,
    unreadable, not UTF-8 text).
    """
    import stat

    name = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(name, None, "file not found") from None
    except OSError as e:
        raise InputError(name, None, f"cannot read file ({e.strerror or type(e).__name__})") \
            from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, None, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, None, "not a regular file (a device, pipe or socket): give a "
                                     "file on disk")
    if st.st_size > max_bytes:
        raise InputError(name, None, f"file too large ({st.st_size:,} bytes; user files are "
                                     f"limited to {max_bytes:,} bytes)")
    try:
        with open(p, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(name, None, f"cannot read file ({e.strerror or type(e).__name__})") \
            from None
    if len(data) > max_bytes:
        raise InputError(name, None, f"file too large (more than {max_bytes:,} bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(name, None, f"not a UTF-8 text file (byte {e.start})") from None


def load_yaml(text: str, file: str | None = None) -> Any:
    """``yaml.safe_load`` of a user file's text, with its problems as `InputError`.

    Malformed YAML names the line (key ``line N``); nesting deeper than ``MAX_YAML_DEPTH``
    or more than ``MAX_YAML_VALUES`` values (aliases expanded) is refused.
    """
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        problem = getattr(e, "problem", None) or (str(e).splitlines() or ["invalid"])[0]
        raise InputError(file, where, f"malformed YAML: {problem}") from None
    except (RecursionError, MemoryError):
        raise InputError(file, None, "malformed YAML: nested too deeply or too large") from None
    except ValueError as e:  # e.g. an integer beyond Python's digit limit
        raise InputError(file, None, f"malformed YAML: {str(e).splitlines()[0]}") from None
    check_yaml_size(data, file)
    return data


def check_yaml_size(data: Any, file: str | None = None) -> None:
    """Refuse data nested deeper than MAX_YAML_DEPTH or with more than MAX_YAML_VALUES values
    (counted with multiplicity, so that recursive or alias-bombed YAML stops early)."""
    count = 0
    stack = [(data, 0)]
    while stack:
        v, depth = stack.pop()
        count += 1
        if count > MAX_YAML_VALUES:
            raise InputError(file, None, f"more than {MAX_YAML_VALUES:,} values (YAML aliases "
                                         "expanded): too large for a user file")
        if depth > MAX_YAML_DEPTH:
            raise InputError(file, None, f"nested deeper than {MAX_YAML_DEPTH} levels "
                                         "(or a recursive YAML alias)")
        if isinstance(v, dict):
            stack.extend((x, depth + 1) for kv in v.items() for x in kv)
        elif isinstance(v, list | tuple):
            stack.extend((x, depth + 1) for x in v)


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
