"""`darkseesaw spectrum FILE.yaml [--json] [--set NAME=VALUE ...] [--slha OUT.slha]`.

Also home of the display helpers the other table-printing commands share: `format_mass` (a mass
with a unit for its scale) and `format_phase_deg` / `format_phase_rad` (a phase in the half-open
range [0°, 360°), wrapped *after* rounding, so 359.9999° prints as 0.00°, never 360.00°).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import typer

_DISPLAY = ("TeV", "GeV", "MeV", "keV", "eV", "meV")  # units of `darkseesaw.physics.UNITS`


def format_mass(m_GeV: float) -> str:
    """A mass with a unit chosen for its scale: 1.234 TeV, 56.7 keV, 8.60 meV, 0 (exact)."""
    from darkseesaw import physics as ph

    if m_GeV == 0.0:
        return "0 (exact)"
    for name in _DISPLAY:
        v = ph.convert(m_GeV, "GeV", name)
        if v >= 1.0:
            return f"{v:.6g} {name}"
    return f"{ph.convert(m_GeV, 'GeV', 'meV'):.4g} meV"


def format_phase_deg(rad: float, digits: int = 2) -> str:
    """A phase [rad] in degrees in [0°, 360°), wrapped after rounding to ``digits`` decimals.

    >>> format_phase_deg(2 * math.pi - 1e-6), format_phase_deg(-0.5 * math.pi)
    ('0.00°', '270.00°')
    """
    if not math.isfinite(rad):
        return "nan"
    s = f"{math.degrees(rad) % 360.0:.{digits}f}"
    if float(s) >= 360.0:
        s = f"{0.0:.{digits}f}"
    return s + "°"


def format_phase_rad(rad: float, sig: int = 6) -> str:
    """A phase [rad] in [0, 2π) with ``sig`` significant digits, wrapped after rounding.

    >>> format_phase_rad(2 * math.pi - 1e-7), format_phase_rad(3.7000958815918934)
    ('0', '3.7001')
    """
    if not math.isfinite(rad):
        return "nan"
    s = f"{rad % (2.0 * math.pi):.{sig}g}"
    if float(s) >= float(f"{2.0 * math.pi:.{sig}g}"):
        s = "0"
    return s


def _parse_sets(sets: list[str], path: str) -> dict[str, float]:
    from darkseesaw.errors import InputError
    from darkseesaw.expressions import ExpressionError, evaluate

    out = {}
    for s in sets:
        if "=" not in s:
            raise InputError(path, f"--set {s}", "expected NAME=VALUE")
        k, v = s.split("=", 1)
        try:
            val = evaluate(v.strip())
        except ExpressionError as e:
            raise InputError(path, f"--set {k.strip()}", str(e)) from None
        if val.ndim != 0 or not math.isfinite(float(val.real)) or val.imag != 0:
            raise InputError(path, f"--set {k.strip()}", "expected one real number")
        out[k.strip()] = float(val.real)
    return out


def spectrum_report(path: Path, sets: dict[str, float] | None = None, *,
                    slha: Path | None = None) -> dict:
    """The JSON-able result of `darkseesaw spectrum` (see the command's help for the keys).

    With ``slha``, the spectrum is also written there as an SLHA file
    (`darkseesaw.modelfiles.slha.write_slha`; inputs: the file's parameters in ``EXTPAR``).
    """
    import numpy as np

    from darkseesaw.modelfiles.neutral_leptons import load

    mf = load(path)
    m, U, o = mf.spectrum(sets)
    if slha is not None:
        from darkseesaw.modelfiles.slha import write_slha

        params = {**mf.parameters, **(sets or {})}
        write_slha(slha, m, U, inputs=[(k, v, "") for k, v in params.items()],
                   title=f"{mf.name} ({path})", n_N=mf.n_N, n_S=mf.n_S)
    light = {
        "m_light_eV": [float(x) * 1e9 for x in o["m_light"]],
        "s12sq": float(o["s12sq"]),
        "s13sq": float(o["s13sq"]),
        "s23sq": float(o["s23sq"]),
        "delta_cp_deg": float(np.degrees(o["delta_cp"])),
        "alpha21_deg": float(np.degrees(o["alpha21"])),
        "alpha31_deg": float(np.degrees(o["alpha31"])),
        "J": float(o["J"]),
        "dm21sq_eV2": float(o["dm21sq"]) * 1e18,
        "dm3lsq_eV2": float(o["dm3lsq"]) * 1e18,
        "ordering": str(o["ordering"]),
        "sum_m_eV": float(o["sum_m"]) * 1e9,
        "m_beta_eV": float(o["m_beta"]) * 1e9,
        "m_bb_eV": float(o["m_bb"]) * 1e9,
    }
    heavy = []
    for k in range(o["m_heavy"].shape[-1]):
        u2 = o["U2_heavy"][:, k]
        heavy.append({"mass_GeV": float(o["m_heavy"][k]),
                      "U2": {"e": float(u2[0]), "mu": float(u2[1]), "tau": float(u2[2])}})
    from darkseesaw.observables.neutrino import select_light

    return {
        "file": str(path),
        "name": mf.name,
        "n_N": mf.n_N,
        "n_S": mf.n_S,
        "parameters": {**mf.parameters, **(sets or {})},
        "masses_GeV": [float(x) for x in m],
        "light": light,
        "heavy": heavy,
        "eta_abs": np.abs(o["eta"]).tolist(),
        "light_index": [int(i) for i in select_light(m, U)],
        "U2_all": (np.abs(U[:3, :]) ** 2).T.tolist(),
        "U2_heavy_sum": {"e": float(o["U2_heavy_sum"][0]), "mu": float(o["U2_heavy_sum"][1]),
                         "tau": float(o["U2_heavy_sum"][2])},
    }


def _print_table(rep: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    con.print(f"[bold]{rep['name']}[/bold]  ({rep['file']}: 3 ν_L + {rep['n_N']} N_R + "
              f"{rep['n_S']} S; exact Takagi factorisation)")
    t = Table(title="Masses (ascending)", show_lines=False)
    t.add_column("#", justify="right")
    t.add_column("mass", justify="right")
    t.add_column("|U_e i|²", justify="right")
    t.add_column("|U_μ i|²", justify="right")
    t.add_column("|U_τ i|²", justify="right")
    light_ix = set(rep["light_index"])
    for i, mass in enumerate(rep["masses_GeV"]):
        u2 = rep["U2_all"][i]
        tag = " (ν)" if i in light_ix else ""
        t.add_row(str(i + 1), format_mass(mass) + tag, f"{u2[0]:.3e}", f"{u2[1]:.3e}",
                  f"{u2[2]:.3e}")
    con.print(t)
    L = rep["light"]
    o = Table(title=f"Light neutrinos ({L['ordering']})")
    o.add_column("observable")
    o.add_column("value", justify="right")
    rows = [
        ("m₁, m₂, m₃", ", ".join(format_mass(x * 1e-9) for x in L["m_light_eV"])),
        ("sin²θ₁₂", f"{L['s12sq']:.5f}"),
        ("sin²θ₁₃", f"{L['s13sq']:.5f}"),
        ("sin²θ₂₃", f"{L['s23sq']:.5f}"),
        ("δ_CP", format_phase_deg(math.radians(L["delta_cp_deg"]))),
        ("α₂₁, α₃₁", f"{format_phase_deg(math.radians(L['alpha21_deg']))}, "
                     f"{format_phase_deg(math.radians(L['alpha31_deg']))}"),
        ("Jarlskog J", f"{L['J']:.4e}"),
        ("Δm²₂₁", f"{L['dm21sq_eV2']:.4e} eV²"),
        ("Δm²₃ℓ", f"{L['dm3lsq_eV2']:.4e} eV²"),
        ("Σm", f"{L['sum_m_eV'] * 1e3:.3f} meV"),
        ("m_β", f"{L['m_beta_eV'] * 1e3:.3f} meV"),
        ("m_ββ", f"{L['m_bb_eV'] * 1e3:.3f} meV"),
    ]
    for r in rows:
        o.add_row(*r)
    con.print(o)
    s = rep["U2_heavy_sum"]
    con.print(f"Σ_heavy |U_αi|²: e {s['e']:.3e}, μ {s['mu']:.3e}, τ {s['tau']:.3e}; "
              f"max |η_αβ| = {max(max(r) for r in rep['eta_abs']):.3e}")


def register(app: typer.Typer) -> None:
    @app.command("spectrum")
    def spectrum_cmd(
        file: Path = typer.Argument(..., help="neutral-lepton model file (YAML)"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
        sets: list[str] = typer.Option([], "--set", help="override a parameter: NAME=VALUE"),
        slha: Path = typer.Option(None, "--slha", metavar="OUT.slha",
                                  help="also write the spectrum as an SLHA file (docs/slha.md)"),
    ) -> None:
        """Exact spectrum, oscillation observables and heavy-light mixing of a model file.

        JSON keys: masses_GeV (ascending), light {s12sq, s13sq, s23sq, delta_cp_deg,
        dm21sq_eV2, dm3lsq_eV2, ordering, sum_m_eV, m_beta_eV, m_bb_eV, ...},
        heavy [{mass_GeV, U2 {e, mu, tau}}], eta_abs, U2_heavy_sum.

        --slha OUT writes MASS (PDG 12, 14, 16, 8810012 ...), UVMIX/IMUVMIX (SARAH's UV =
        U^dagger), UPMNSIN (SLHA2) and EXTPAR (the file's parameters); see docs/slha.md.
        """
        rep = spectrum_report(file, _parse_sets(sets, str(file)) or None, slha=slha)
        if as_json:
            typer.echo(json.dumps(rep, indent=2))
        else:
            _print_table(rep)
            if slha is not None:
                typer.echo(f"SLHA spectrum written to {slha}")
