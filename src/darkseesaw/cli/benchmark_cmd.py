"""`darkseesaw benchmark MODEL [--point NAME] [--set NAME=VALUE ...] [--json]`.

Evaluates one parameter point of any registered model: validated parameters, spectrum,
observables and, where the model provides ``check(p, obs)``, which constraints pass and by what
margin. Values given with ``--set`` are parsed as numbers (``1e4``, ``-0.5``) or kept as text
(``texture=B``); they are never evaluated. Bad input (unknown model, unknown parameter, value out
of range, malformed ``--set``) is reported on one line with exit code 2.

Example
-------
``darkseesaw benchmark alp-portal-dm --point B-NO --set m_a=1.2e5 --json``
"""

from __future__ import annotations

import json
import math
from typing import Any

import typer


def _parse_sets(sets: list[str]) -> dict[str, Any]:
    from darkseesaw.errors import InputError

    out: dict[str, Any] = {}
    for item in sets:
        if "=" not in item:
            raise InputError(None, "--set", f"expected NAME=VALUE, got {item!r}")
        name, _, text = item.partition("=")
        name, text = name.strip(), text.strip()
        if not name.isidentifier():
            raise InputError(None, "--set", f"bad parameter name {name!r}")
        if text == "":
            raise InputError(None, f"--set {name}", "empty value")
        try:
            val: Any = float(text)
        except ValueError:
            val = text
        if isinstance(val, float) and not math.isfinite(val):
            raise InputError(None, f"--set {name}", f"value must be finite, got {text!r}")
        out[name] = val
    return out


def _plain(v: Any) -> Any:
    """JSON-safe copy (numpy arrays and scalars → lists and floats, complex → [re, im])."""
    import numpy as np

    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, np.ndarray):
        if np.iscomplexobj(v):
            return {"re": v.real.tolist(), "im": v.imag.tolist()}
        return v.tolist()
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, complex):
        return [v.real, v.imag]
    return v


def _spectrum_summary(sp) -> dict[str, Any]:
    """Masses and small numeric entries of a model's spectrum (matrices left out)."""
    import numpy as np

    out = {}
    for k, v in sp.items():
        a = np.asarray(v) if not isinstance(v, dict) else None
        if a is None or a.dtype == object or np.iscomplexobj(a):
            continue
        if a.ndim == 0 or (a.ndim == 1 and a.size <= 12):
            out[k] = a.tolist()
    return out


def evaluate(model_id: str, point: str | None, sets: dict[str, Any]) -> dict[str, Any]:
    """Parameters, spectrum, observables and constraint checks of one point (the command's data)."""
    from pydantic import ValidationError

    from darkseesaw import models
    from darkseesaw.errors import InputError

    if model_id not in models.available():
        raise InputError(None, "MODEL", f"unknown model {model_id!r}; known: "
                         f"{', '.join(models.available())}")
    m = models.get(model_id)
    values: dict[str, Any] = {}
    if point is not None:
        if point not in m.benchmarks:
            raise InputError(None, "--point", f"unknown benchmark {point!r} of {model_id}; known: "
                             f"{', '.join(m.benchmarks) or 'none'}")
        values.update(m.benchmarks[point])
    values.update(sets)
    try:
        p = m.parameters(**values)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(x) for x in err.get("loc", ())) or "parameters"
        msg = err.get("msg", "invalid value")
        if err.get("type") == "extra_forbidden":
            msg = f"unknown parameter; known: {', '.join(m.Parameters.model_fields)}"
        raise InputError(None, f"--set {key}", msg) from None
    sp = m.spectrum(p)
    obs = dict(m.observables(p))
    checks = m.check(p, obs) if hasattr(m, "check") else []
    return {"model": model_id, "point": point, "parameters": p.model_dump(),
            "spectrum": _spectrum_summary(sp), "observables": obs, "constraints": checks,
            "all_pass": all(bool(c["pass"]) for c in checks) if checks else None}


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    if isinstance(v, list):
        return "[" + ", ".join(_fmt(x) for x in v) + "]"
    return str(v)


def register(app: typer.Typer) -> None:
    @app.command("benchmark")
    def benchmark_cmd(
        model_id: str = typer.Argument(..., metavar="MODEL", help="model id (see `darkseesaw models`)"),
        point: str = typer.Option(None, "--point", help="start from a named benchmark point"),
        set_: list[str] = typer.Option([], "--set", help="NAME=VALUE, repeatable"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
    ) -> None:
        """Evaluate one point: parameters, spectrum, observables, constraints with margins."""
        res = _plain(evaluate(model_id, point, _parse_sets(set_)))
        if as_json:
            typer.echo(json.dumps(res, indent=1))
            return
        typer.echo(f"== {res['model']}" + (f" (benchmark {res['point']})" if res["point"] else ""))
        typer.echo("-- parameters")
        for k, v in res["parameters"].items():
            typer.echo(f"  {k:24s} {_fmt(v)}")
        typer.echo("-- spectrum")
        for k, v in res["spectrum"].items():
            typer.echo(f"  {k:24s} {_fmt(v)}")
        typer.echo("-- observables")
        for k, v in res["observables"].items():
            typer.echo(f"  {k:24s} {_fmt(v)}")
        if res["constraints"]:
            typer.echo("-- constraints (margin > 0: allowed)")
            for c in res["constraints"]:
                flag = "PASS" if c["pass"] else "FAIL"
                mg = "n/a" if c.get("margin") is None else f"{c['margin']:+.3g}"
                note = f"  ({c['note']})" if c.get("note") else ""
                typer.echo(f"  {flag} {c['name']:42s} value {_fmt(c['value']):>12s}  "
                           f"margin {mg}{note}")
            typer.echo(f"-- all constraints pass: {res['all_pass']}")
