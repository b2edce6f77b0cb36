"""`darkseesaw symmetry FILE.yaml [--json] [--no-strict]`: anomalies, solved charges, lowest
operators.

A declared Lagrangian term that is not invariant under a declared symmetry is an error (one line
``FILE: terms[i]: ...``, exit code 2) unless ``--no-strict`` is given, which reports it as
"violates ..." and goes on (exit code 0).
"""

from __future__ import annotations

from pathlib import Path

import typer


def _text(rep: dict) -> str:
    L = [f"model: {rep['name']}", "", "fields:"]
    for f in rep["fields"]:
        ch = ", ".join(f"{k}={v}" for k, v in {**f["u1"], **f["zn"]}.items())
        L.append(f"  {f['name']:10s} {f['kind']:15s} ({f['su3']}, {f['su2']}) x{f['generations']}  {ch}")
    if rep["solved_charges"]:
        L += ["", "solved U(1) charges:"]
        for u, ch in rep["solved_charges"].items():
            L.append(f"  {u}: " + ", ".join(f"{k}={v}" for k, v in ch.items()))
    L += ["", "U(1) anomaly coefficients  [SU3]^2  [SU2]^2  [Y]^2  Y[U1]^2  [U1]^3  grav"]
    for u, t in rep["u1_anomalies"].items():
        L.append(f"  {u:10s} " + "  ".join(f"{t[k]:>7s}" for k in ("SU3^2", "SU2^2", "Y^2", "Y", "cubic", "grav")))
    L += ["", "gauge anomalies (must vanish):"]
    for k, v in rep["gauge_anomalies"].items():
        L.append(f"  {k:28s} {v:>8s}  {'ok' if v == '0' else 'ANOMALOUS'}")
    if rep["discrete_anomalies"]:
        L += ["", "discrete anomalies (A = 0 mod N/2):"]
        for z, a in rep["discrete_anomalies"].items():
            c = a["cancelled"]
            L.append(f"  {z} (N={a['N']}): A2={a['A2']} [{'ok' if c['A2'] else 'X'}]  "
                     f"A3={a['A3']} [{'ok' if c['A3'] else 'X'}]  Agrav={a['Agrav']} "
                     f"[{'ok' if c['Agrav'] else 'X'}]  -> {'anomaly free' if a['anomaly_free'] else 'ANOMALOUS'}")
    if rep["terms"]:
        L += ["", "Lagrangian terms:"]
        for t in rep["terms"]:
            v = ", ".join(t["violates"])
            note = "" if t.get("lorentz_scalar", True) else "  (not a Lorentz scalar)"
            L.append(f"  {t['term']:30s} {'invariant' if not v else 'violates ' + v}{note}")
    if rep["operators"]:
        L += ["", "lowest invariant operators:"]
        for k, o in rep["operators"].items():
            if o["order"] is None:
                why = (o.get("forbidden_by") or {}).get("reason", "no singlet power works")
                note = "" if o.get("lorentz_scalar", True) else " (and not a Lorentz scalar)"
                L.append(f"  {k:6s} never invariant: {why}{note}")
                continue
            ops = " | ".join(o["bilinear"] if x == "1" else f"{x} {o['bilinear']}"
                             for x in o["operators"])
            dim = f"dim {o['dimension']}" if o["dimension"] is not None else \
                "not a Lorentz scalar"
            L.append(f"  {k:6s} order {o['order']}  {dim}:  {ops}")
    if rep["singlet_operators"]:
        L += ["", "lowest pure singlet operators (U(1)_X breaking, ALP mass):"]
        for k, o in rep["singlet_operators"].items():
            L.append(f"  {k:8s} D={o['order']}: {' | '.join(o['operators'])}")
    if rep["C_agamma"]:
        L += ["", "ALP-photon coefficient C_agamma = 2 sum (X_L - X_R) Q^2:"]
        for k, v in rep["C_agamma"].items():
            L.append(f"  {k}: {v}")
    return "\n".join(L)


def check_terms(rep: dict, file: str) -> None:
    """Raise `darkseesaw.errors.InputError` (``FILE: terms[i]: ...``) for the first declared
    term of the report ``rep`` that violates a declared symmetry."""
    from darkseesaw.errors import InputError

    Ns = {z: a["N"] for z, a in rep.get("discrete_anomalies", {}).items()}
    for i, t in enumerate(rep["terms"]):
        if t["violates"]:
            what = ", ".join(f"{k} (charge {t['charges'][k]}"
                             + (f" mod {Ns[k]})" if k in Ns else ")") for k in t["violates"])
            raise InputError(file, f"terms[{i}]",
                             f"declared term '{t['term']}' violates {what}: a declared term must "
                             "be invariant (--no-strict reports it instead)")


def register(app: typer.Typer) -> None:
    @app.command("symmetry")
    def symmetry_cmd(
        file: Path = typer.Argument(..., metavar="FILE.yaml", help="model file (see docs/symmetry.md)"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
        strict: bool = typer.Option(
            True, "--strict/--no-strict",
            help="a declared term that violates a declared symmetry is an error (exit 2); "
                 "--no-strict reports it as 'violates ...' and goes on"),
    ) -> None:
        """Anomaly table, solved charges and the lowest invariant operators of a model file."""
        import json

        from darkseesaw.modelfiles.symmetry import run_model_file

        rep = run_model_file(file)
        if strict:
            check_terms(rep, str(file))
        typer.echo(json.dumps(rep, indent=2, default=str) if as_json else _text(rep))
