"""`darkseesaw observables FILE.slha [--json] [--block UVMIX] [--pdg C1,C2,...] [--tolerance T]`.

Reads a neutral-lepton spectrum from an SLHA file — as SPheno writes it for a SARAH
inverse-seesaw model, or as ``darkseesaw spectrum/benchmark --slha`` writes it — and prints
darkseesaw's observables of its masses and mixing matrix
(`darkseesaw.modelfiles.slha.observables_from_slha`): light masses, PMNS angles and phases, Δm²,
Σm, m_β, m_ββ; the heavy states' masses, mixings and lifetimes; LFV rates with their limits;
non-unitarity η and the M_W bound. Bad input (missing file, a folder, malformed SLHA, a missing
MASS or mixing block, a non-unitary mixing matrix, NaN) is one line ``FILE: KEY: problem`` with
exit code 2. Conventions: docs/slha.md.

Example
-------
``darkseesaw observables examples/slha/iss-3x3.spheno.spc --json``
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer


def _parse_pdg(text: str | None) -> list[int] | None:
    from darkseesaw.errors import InputError

    if text is None:
        return None
    try:
        return [int(t) for t in text.replace(",", " ").split()]
    except ValueError:
        raise InputError(None, "--pdg", f"expected integers separated by commas, got {text!r}"
                         ) from None


def _e(x: Any, fmt: str = ".3e") -> str:
    return "" if x is None else format(x, fmt)


def print_report(rep: dict[str, Any]) -> None:
    """Rich tables of `observables_from_slha`'s result."""
    import math

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from darkseesaw.cli.spectrum_cmd import format_mass, format_phase_deg

    con = Console()
    prog = f"; written by {rep['program']}" if rep["program"] else ""
    con.print(f"[bold]{escape(rep['file'])}[/bold]  (SLHA: {rep['n_states']} neutral leptons, block "
              f"{rep['mixing_block']}, max|UV UV† − 1| = {rep['unitarity_defect']:.1e}{escape(prog)})")
    o = rep["observables"]
    t = Table(title="Neutral leptons (ascending mass)")
    for c in ("#", "PDG", "mass", "|U_e i|²", "|U_μ i|²", "|U_τ i|²"):
        t.add_column(c, justify="right")
    ht = Table(title="Heavy states (Majorana HNL decays)")
    for c in ("", "PDG", "mass", "Σ_α |U_α N|²", "τ (s)", "cτ (m)"):
        ht.add_column(c, justify="right")
    k = 0
    for s in rep["states"]:
        u2 = s["U2"]
        t.add_row(str(s["index"]), str(s["pdg"]),
                  format_mass(s["mass_GeV"]) + (" (ν)" if s["active"] else ""),
                  f"{u2['e']:.3e}", f"{u2['mu']:.3e}", f"{u2['tau']:.3e}")
        if not s["active"]:
            k += 1
            ht.add_row(f"N{k}", str(s["pdg"]), format_mass(s["mass_GeV"]),
                       f"{u2['e'] + u2['mu'] + u2['tau']:.3e}",
                       _e(o.get(f"tau_N{k}")), _e(o.get(f"ctau_N{k}")))
    con.print(t)
    if k:
        con.print(ht)
    L = rep["light"]
    lt = Table(title=f"Light neutrinos ({L['ordering']})")
    lt.add_column("observable")
    lt.add_column("value", justify="right")
    for r in (
        ("m₁, m₂, m₃", ", ".join(format_mass(x * 1e-9) for x in L["m_light_eV"])),
        ("sin²θ₁₂", f"{L['s12sq']:.5f}"),
        ("sin²θ₁₃", f"{L['s13sq']:.5f}"),
        ("sin²θ₂₃", f"{L['s23sq']:.5f}"),
        ("δ_CP", format_phase_deg(math.radians(L["delta_cp_deg"]))),
        ("α₂₁, α₃₁", f"{format_phase_deg(math.radians(L['alpha21_deg']))}, "
                     f"{format_phase_deg(math.radians(L['alpha31_deg']))}"),
        ("Δm²₂₁", f"{L['dm21sq_eV2']:.4e} eV²"),
        ("Δm²₃ℓ", f"{L['dm3lsq_eV2']:.4e} eV²"),
        ("Σm", f"{L['sum_m_eV'] * 1e3:.3f} meV"),
        ("m_β", f"{L['m_beta_eV'] * 1e3:.3f} meV"),
        ("m_ββ", f"{L['m_bb_eV'] * 1e3:.3f} meV"),
    ):
        lt.add_row(*r)
    con.print(lt)
    ft = Table(title="LFV and non-unitarity")
    for c in ("observable", "value", "limit", ""):
        ft.add_column(c, justify="right" if c else "left")
    for name, d in rep["lfv"].items():
        lim = d["limit"]
        verdict = "" if lim is None else ("allowed" if d["value"] <= lim else "EXCLUDED")
        ft.add_row(name, _e(d["value"]),
                   "" if lim is None else f"< {lim:.2g} ({d['cl'] * 100:.0f} % CL)", verdict)
    for key, label in (("ee", "η_ee"), ("mumu", "η_μμ"), ("tautau", "η_ττ"),
                       ("emu", "|η_eμ|"), ("etau", "|η_eτ|"), ("mutau", "|η_μτ|")):
        ft.add_row(label, f"{o[f'eta_{key}']:.3e}", "", "")
    e = rep["ewpd"]
    ft.add_row("η_ee + η_μμ (M_W)", f"{e['eta_ee_plus_mumu']:.3e}",
               f"< {e['bound_95']:.2e} (95 % CL)", "allowed" if e["pass"] else "EXCLUDED")
    con.print(ft)


def register(app: typer.Typer) -> None:
    @app.command("observables")
    def observables_cmd(
        file: Path = typer.Argument(..., help="SLHA spectrum file (SPheno/SARAH or darkseesaw)"),
        as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
        block: str = typer.Option("UVMIX", "--block",
                                  help="name of the mixing block (imaginary part: IM + name)"),
        pdg: str = typer.Option(None, "--pdg", metavar="C1,C2,...",
                                help="PDG codes of Fv_1 ... Fv_n in block MASS (default: from "
                                     "the '# Fv_k' comments or SARAH's numbering)"),
        tolerance: float = typer.Option(1e-6, "--tolerance",
                                        help="largest accepted max|UV UV^dagger - 1|"),
        no_lfv: bool = typer.Option(False, "--no-lfv", help="skip the LFV rates"),
        no_lifetimes: bool = typer.Option(False, "--no-lifetimes",
                                          help="skip the HNL lifetimes"),
    ) -> None:
        """Observables of a neutral-lepton spectrum read from an SLHA file.

        JSON keys: states [{index, pdg, name, mass_GeV, active, U2 {e, mu, tau}}],
        observables (registry names, registry units: GeV, GeV^2, rad, s, m), units,
        light {s12sq, ..., delta_cp_deg, dm21sq_eV2, sum_m_eV, m_beta_eV, m_bb_eV}, lfv
        {name: {value, limit, cl}}, ewpd {eta_ee_plus_mumu, bound_95, pass}, inputs,
        unitarity_defect.
        """
        try:
            import pyslha  # noqa: F401
        except ImportError:
            typer.echo("darkseesaw: error: pyslha is not installed (pip install pyslha)",
                       err=True)
            raise typer.Exit(1) from None
        from darkseesaw.modelfiles.slha import observables_from_slha

        rep = observables_from_slha(file, lfv=not no_lfv, lifetimes=not no_lifetimes,
                                    mixing_block=block, pdg=_parse_pdg(pdg),
                                    tolerance=tolerance)
        if as_json:
            typer.echo(json.dumps(rep, indent=1))
        else:
            print_report(rep)
