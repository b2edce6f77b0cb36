"""`darkseesaw benchmark MODEL [--point NAME] [--set NAME=VALUE ...] [--json] [--slha OUT]`.

Evaluates one parameter point of any registered model (built-in or from an installed package):
validated parameters, the spectrum, the registered observables and every declared constraint
with its margin, through the model contract (`darkseesaw.models.base.Model.evaluate`). Values
given with ``--set`` are parsed as numbers (``1e4``, ``-0.5``) or kept as text (``texture=B``);
they are never evaluated. Bad input (unknown model, unknown parameter, value out of range,
malformed ``--set``) is reported on one line with exit code 2. ``--slha OUT`` also writes the
point's neutral-lepton spectrum as an SLHA file (`darkseesaw.modelfiles.slha`, docs/slha.md):
MASS, UVMIX/IMUVMIX, UPMNSIN, the pydantic parameters in EXTPAR, the model's other states in
DSMASS.

Phases (δ_CP, α₂₁, α₃₁) are printed in [0, 2π) rad with their degrees in [0°, 360°), wrapped
after rounding; a limit whose curve does not cover the point, or whose value or limit is not a
number, is printed "not constrained here", never PASS with an unknown margin.

Example
-------
``darkseesaw benchmark typeI-bl --set M_Zp=4000 --json``
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
        if len(text) > 100:
            raise InputError(None, f"--set {name}", "value longer than 100 characters")
        try:
            val: Any = float(text)
        except (ValueError, OverflowError):
            val = text
        if isinstance(val, float) and not math.isfinite(val):
            raise InputError(None, f"--set {name}", f"value must be finite, got {text!r}")
        out[name] = val
    return out


def _model_point(model_id: str, point: str | None, sets: dict[str, Any]):
    """(model, validated parameters) of one point; input errors as `InputError`."""
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
        msg = err.get("msg", "invalid value").removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            msg = f"unknown parameter; known: {', '.join(m.Parameters.model_fields)}"
        raise InputError(None, f"--set {key}", msg) from None
    return m, p


def write_point_slha(path, model_id: str, point: str | None, sets: dict[str, Any]) -> None:
    """Write the neutral-lepton spectrum of one point of a model as an SLHA file.

    EXTPAR holds the pydantic parameters (index = field position, unit in the comment), DSMASS
    the model's other states; conventions in `darkseesaw.modelfiles.slha`.
    """
    from darkseesaw.errors import InputError
    from darkseesaw.modelfiles.slha import write_slha
    from darkseesaw.models.base import parameter_unit

    m, p = _model_point(model_id, point, sets)
    names = [s.name for s in m.sectors]
    if "neutral_leptons" not in names:
        raise InputError(None, "--slha", f"{model_id} has no neutral-lepton sector")
    nl = m.sectors[names.index("neutral_leptons")]
    pt = m.point(p)
    d = pt.data("neutral_leptons")
    sp = m.spectrum(p, pt)
    others = [(lab, mass) for lab, mass, sec in zip(sp.labels, sp.masses, sp.sectors, strict=True)
              if sec != "neutral_leptons"]
    inputs = [(k, v, parameter_unit(m.Parameters, k)) for k, v in p.model_dump().items()]
    title = f"model {model_id}" + (f", benchmark {point}" if point else "") + (
        ", " + ", ".join(f"{k}={v}" for k, v in sets.items()) if sets else "")
    write_slha(path, d["m"], d["U"], inputs=inputs, title=title, n_N=nl.n_N, n_S=nl.n_S,
               other_states=others)


def evaluate(model_id: str, point: str | None, sets: dict[str, Any]) -> dict[str, Any]:
    """Parameters, spectrum, observables and constraint results of one point (plain data)."""
    from darkseesaw.io import plain
    from darkseesaw.models.base import parameter_unit
    from darkseesaw.observables import registry

    m, p = _model_point(model_id, point, sets)
    r = m.evaluate(p)
    obs = r["observables"]
    return plain({
        "model": model_id, "point": point,
        "parameters": {k: {"value": v, "unit": parameter_unit(m.Parameters, k)}
                       for k, v in p.model_dump().items()},
        "spectrum": r["spectrum"].table(),
        "observables": {k: {"value": v, "unit": registry.get(k).unit} for k, v in obs.items()},
        "constraints": [c.as_dict() for c in r["constraints"]],
        "all_pass": r["all_pass"], "log_likelihood": r["log_likelihood"]})


def _fmt(v: Any) -> str:
    if isinstance(v, bool) or v is None:
        return str(v)
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def _mass(x: float) -> str:
    """A mass in GeV with a readable unit."""
    from darkseesaw import physics as ph

    if x == 0:
        return "0"
    for u in ("TeV", "GeV", "MeV", "keV", "eV", "meV"):
        v = ph.convert(abs(x), "GeV", u)
        if v >= 1:
            return f"{ph.convert(x, 'GeV', u):.6g} {u}"
    return f"{x:.6g} GeV"


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _verdict(c: dict[str, Any]) -> tuple[str, str]:
    """(flag, margin text) of one constraint result.

    A link that does not apply, or whose margin is unknown because its value or limit is not a
    number (e.g. a curve that does not reach the point's mass), is "not constrained here" — never
    PASS/FAIL with an unknown margin. An upper limit on a vanishing prediction has margin inf.
    """
    note = f" ({c['note']})" if c["note"] else ""
    flag = ("PASS" if c["pass"] else "FAIL") if c["counts"] else "INFO"
    if not c["applies"]:
        return "  --", "not constrained here" + note
    mg = c["margin"]
    if mg is not None:
        unit = {"sigma": "σ", "dex": "dex"}.get(c["margin_unit"], c["margin_unit"])
        return flag, f"margin {mg:+.3g} {unit}" + (f"  ({c['note']})" if c["note"] else "")
    v, lim = c["value"], c["limit"]
    if c["pass"] and _finite(v) and v == 0 and (lim is None or _finite(lim)):
        return flag, "margin inf" + note
    if not _finite(v) or (lim is not None and not _finite(lim)):
        where = " (outside the curve's range)" if c.get("x") is not None and not _finite(lim) \
            else ""
        return "  --", "not constrained here" + where + note
    return flag, ("margin inf" if c["pass"] else "margin n/a") + note


def _margin(c: dict[str, Any]) -> str:
    return _verdict(c)[1]


def _phase(k: str, v: Any) -> str | None:
    """Phases printed in [0, 2π) rad with degrees in [0°, 360°), wrapped after rounding."""
    if k not in _PHASES or not _finite(v):
        return None
    from darkseesaw.cli.spectrum_cmd import format_phase_deg, format_phase_rad

    return f"{format_phase_rad(v):>14s} rad  ({format_phase_deg(v)})"


_PHASES = ("delta_cp", "alpha21", "alpha31")


def print_result(res: dict[str, Any]) -> None:
    """The human-readable tables of `evaluate`'s result."""
    typer.echo(f"== {res['model']}" + (f" (benchmark {res['point']})" if res["point"] else ""))
    typer.echo("-- parameters")
    for k, v in res["parameters"].items():
        typer.echo(f"  {k:22s} {_fmt(v['value'])} {v['unit']}".rstrip())
    typer.echo("-- spectrum")
    for s in res["spectrum"]:
        typer.echo(f"  {s['label']:8s} {_mass(s['mass_GeV']):>18s}   {s['sector']}")
    typer.echo("-- observables")
    for k, v in res["observables"].items():
        ph = _phase(k, v["value"])
        if ph is not None:
            typer.echo(f"  {k:22s} {ph}")
            continue
        typer.echo(f"  {k:22s} {_fmt(v['value']):>14s} {v['unit']}".rstrip())
    typer.echo("-- constraints (PASS/FAIL: can exclude; INFO: projections, hints)")
    for c in res["constraints"]:
        flag, margin = _verdict(c)
        typer.echo(f"  {flag} {c['name']:44s} {_fmt(c['value']):>12s} {c['unit']:7s} "
                   f"{margin}")
    typer.echo(f"-- all constraints pass: {res['all_pass']}   ln L = {res['log_likelihood']:.6g}")


def register(app: typer.Typer) -> None:
    @app.command("benchmark")
    def benchmark_cmd(
        model_id: str = typer.Argument(..., metavar="MODEL", help="model id (see `darkseesaw models`)"),
        point: str = typer.Option(None, "--point", help="start from a named benchmark point"),
        set_: list[str] = typer.Option([], "--set", help="NAME=VALUE, repeatable"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
        slha: str = typer.Option(None, "--slha", metavar="OUT.slha",
                                 help="also write the neutral-lepton spectrum as an SLHA file "
                                      "(docs/slha.md)"),
    ) -> None:
        """Evaluate one point: parameters, spectrum, observables, constraints with margins."""
        sets = _parse_sets(set_)
        res = evaluate(model_id, point, sets)
        if slha is not None:
            write_point_slha(slha, model_id, point, sets)
        if as_json:
            typer.echo(json.dumps(res, indent=1))
        else:
            print_result(res)
            if slha is not None:
                typer.echo(f"-- SLHA spectrum written to {slha}")
