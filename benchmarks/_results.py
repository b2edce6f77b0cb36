"""Where benchmark figures go: ``benchmarks/results/<name>.json``.

Every benchmark ends with `save`, which records its figures (ratios measured in the same run,
rates, errors) with the machine they came from: CPU count, load average before and after, Python
and library versions, date. README and docs quote these numbers through markers that
``python tools/quoted_numbers.py --write`` fills in and the test suite checks
(``tests/test_quoted_numbers.py``), so a figure in prose cannot drift from its measurement.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine(load_before: tuple[float, float, float] | None = None) -> dict:
    """Description of this machine and its load (os.getloadavg: 1, 5, 15 min)."""
    import numpy

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count()
    info = {"cpus": cores, "platform": platform.platform(), "python": platform.python_version(),
            "numpy": numpy.__version__, "load_after": list(os.getloadavg())}
    if load_before is not None:
        info["load_before"] = list(load_before)
    try:
        import darkseesaw

        info["darkseesaw"] = darkseesaw.__version__
    except Exception:  # noqa: BLE001 - a benchmark of another checkout
        pass
    return info


def save(name: str, figures: dict, *, load_before=None, argv=None) -> Path:
    """Write ``results/<name>.json`` and say where."""
    RESULTS.mkdir(exist_ok=True)
    doc = {"benchmark": name,
           "date": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "command": " ".join(["python", f"benchmarks/bench_{name}.py",
                                *(sys.argv[1:] if argv is None else argv)]),
           "machine": machine(load_before), "figures": figures}
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n")
    print(f"figures written to {path.relative_to(RESULTS.parents[1])}")
    return path
