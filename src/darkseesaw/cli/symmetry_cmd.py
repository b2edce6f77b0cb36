"""`darkseesaw symmetry FILE.yaml [--json]`: anomalies, solved charges, lowest operators."""

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
            L.append(f"  {t['term']:30s} {'invariant' if not v else 'violates ' + v}")
    if rep["operators"]:
        L += ["", "lowest invariant operators:"]
        for k, o in rep["operators"].items():
            ops = " | ".join(o["bilinear"] if x == "1" else f"{x} {o['bilinear']}"
                             for x in o["operators"]) or "never invariant (exact U(1))"
            L.append(f"  {k:6s} order {o['order']}  dim {o['dimension']}:  {ops}")
    if rep["singlet_operators"]:
        L += ["", "lowest pure singlet operators (U(1)_X breaking, ALP mass):"]
        for k, o in rep["singlet_operators"].items():
            L.append(f"  {k:8s} D={o['order']}: {' | '.join(o['operators'])}")
    if rep["C_agamma"]:
        L += ["", "ALP-photon coefficient C_agamma = 2 sum (X_L - X_R) Q^2:"]
        for k, v in rep["C_agamma"].items():
            L.append(f"  {k}: {v}")
    return "\n".join(L)


def register(app: typer.Typer) -> None:
    @app.command("symmetry")
    def symmetry_cmd(
        file: Path = typer.Argument(..., metavar="FILE.yaml", help="model file (see docs/symmetry.md)"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
    ) -> None:
        """Anomaly table, solved charges and the lowest invariant operators of a model file."""
        import json

        from darkseesaw.modelfiles.symmetry import run_model_file

        rep = run_model_file(file)
        typer.echo(json.dumps(rep, indent=2, default=str) if as_json else _text(rep))
