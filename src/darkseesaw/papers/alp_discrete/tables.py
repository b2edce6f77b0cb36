r"""Symmetry tables and benchmark numbers of Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015)
069: the one-ALP Z13 model (Sec. II B: Tables III–IV, eqs. 34–38) and the two-ALP models I and II
(Sec. II C + erratum: Tables V–VIII, eqs. 42–52).

Charges are solved from the Lagrangian terms, Z_N charges follow from the generators, anomalies,
C_aγ and the lowest operators are computed (`darkseesaw.symmetry`, through
`darkseesaw.models.alp_discrete_content`); the scales come from the model ``alp-discrete``
(`darkseesaw.models.alp_discrete`) at the paper's benchmark vevs (``data/inputs.yaml``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.models.alp_discrete import M_PL, MODEL
from darkseesaw.models.alp_discrete_content import VARIANTS, symmetry_model
from darkseesaw.observables import alp
from darkseesaw.symmetry import anomaly_grav

from .scales import inputs

__all__ = ["z13_block", "two_alp_block"]


def _charges_table(sm, zname: str, names: list[str]) -> dict[str, int]:
    return {n: sm.field(n).zcharge(zname) for n in names}


def z13_block(v: float | None = None) -> dict[str, Any]:
    """Section II B: Tables III, IV, eqs. (34)–(38) at v_σ = ``v`` (default 3e10 GeV)."""
    v = inputs()["z13_v_sigma"] if v is None else v
    fields = inputs()["table_fields"]
    sm = symmetry_model("Z13")
    an = sm.discrete_anomalies()["Z13"]
    ops = sm.lowest_operators()
    D = sm.singlet_operators()["sigma"].order
    C = sm.C_agamma("X")
    p = MODEL.parameters(variant="Z13", v_sigma=v)
    obs = MODEL.observables(p)
    Ms, mus = obs["M_per_eta"], obs["mu_per_zeta"]
    return {
        "charges": _charges_table(sm, "Z13", fields),
        "x_charges": {n: str(sm.field(n).charge("X")) for n in fields},
        "L_charges": {n: str(sm.field(n).charge("L")) for n in fields},
        "generator": VARIANTS["Z13"]["generators"]["Z13"][1],
        "anomalies": {"A2": float(an.A2), "A3": float(an.A3), "Agrav": float(an.Agrav)},
        "anomalies_exact": {"A2": str(an.A2), "A3": str(an.A3), "Agrav": str(an.Agrav),
                            "N_over_2": "13/2", "anomaly_free": an.free},
        "C_agamma": float(C),
        "lowest_operators": {"NcN": ops["NcN"].order, "LHS": ops["LHS"].order, "alp_mass": D},
        "lowest_operators_detail": {k: o.as_dict()["operators"] for k, o in ops.items()},
        "v_sigma": v,
        "M_per_eta": Ms,
        "mu_per_zeta": mus,
        "mu_per_zeta_eV": ph.GeV_to_eV(mus),
        "mnu_scale": obs["mnu_scale_iss"],
        "mnu_scale_eV": ph.GeV_to_eV(obs["mnu_scale_iss"]),
        "m_a_eV": ph.GeV_to_eV(obs["m_a"]),
        "g_agamma": obs["g_agamma"],
        "M_E_per_kE": float(alp.heavy_lepton_mass(2, v, M_Pl=M_PL)),
        "m_light_example_eV": [ph.GeV_to_eV(obs[f"m_nu{i}"]) for i in (1, 2, 3)],
        "m_light_example_inputs": {"y": p.y, "eta": p.eta, "zeta": p.zeta},
    }


def two_alp_block(variant: str, v: float | None = None, vp: float | None = None
                  ) -> dict[str, Any]:
    """Section II C: Tables V–VIII, eqs. (42)–(52) at (v_σ, v_σ′) (default 2.44e10, 1e9 GeV)."""
    d = inputs()
    v = d["two_alp_v_sigma"] if v is None else v
    vp = d["two_alp_v_sigma_prime"] if vp is None else vp
    fields = d["table_fields_2alp"]
    sm = symmetry_model(variant)
    p = MODEL.parameters(variant=variant, v_sigma=v, v_sigma_prime=vp)
    obs = MODEL.observables(p)
    dan = sm.discrete_anomalies()
    gens = VARIANTS[variant]["generators"]
    ops = sm.lowest_operators()
    sing = sm.singlet_operators()
    D = [int(obs["D_sigma"]), int(obs["D_sigma_prime"])]
    block = {
        "v_sigma": v, "v_sigma_prime": vp,
        "generators": {z: g for z, (_, g) in gens.items()},
        "discrete_charges": {z: _charges_table(sm, z, fields) for z in gens},
        "x_charges": {x: {n: str(sm.field(n).charge(x)) for n in fields}
                      for x in ("X", "X'")},
        "C_agamma": [obs["C_agamma_X"], obs["C_agamma_Xprime"]],
        "g_agamma": [obs["g_agamma"], obs["g_agamma_prime"]],
        "D": D,
        "m_a_eV": [ph.GeV_to_eV(obs["m_a"]), ph.GeV_to_eV(obs["m_a_prime"])],
        "M_per_eta": obs["M_per_eta"],
        "mu_per_zeta_eV": ph.GeV_to_eV(obs["mu_per_zeta"]),
        "mnu_scale_eV": ph.GeV_to_eV(obs["mnu_scale_iss"]),
        "M_E_per_kE": [obs["M_E"], obs["M_E_prime"]],
        "anomalies": {z: {"A2": float(a.A2), "A3": float(a.A3), "Agrav": float(a.Agrav),
                          "cancelled": {"A2": a.ok2, "A3": a.ok3, "Agrav": a.okgrav},
                          "anomaly_free": a.free}
                      for z, a in dan.items()},
        "lowest_operators": {k: ops[k].as_dict()["operators"] for k in ("NcN", "LHS")},
        "lowest_singlet_operators": {k: o.as_dict()["operators"] for k, o in sing.items()},
    }
    # gravitational anomaly of c2 L and c2' L' alone (eq. 42)
    block["Agrav_c2L"] = {}
    for lname in ("L", "L'"):
        c, _ = sm.integer_charges(lname)
        block["Agrav_c2L"][f"{c}{lname}"] = float(c * anomaly_grav(sm.fields, lname))
    if variant == "model_II":
        # eq. (52): mu_N from N N sigma^2 sigma'* and m_DS from L H S (orig. sigma*^2 sigma')
        block["mu_N_eV"] = ph.GeV_to_eV(float(alp.singlet_scale([2, 1], [v, vp], M_Pl=M_PL)))
        block["m_DS_paper_op_eV"] = ph.GeV_to_eV(float(
            ph.v_EW / np.sqrt(2.0) * alp.singlet_scale([2, 1], [v, vp], M_Pl=M_PL) / M_PL))
        block["m_DS_erratum_op_eV"] = ph.GeV_to_eV(float(
            ph.v_EW / np.sqrt(2.0) * alp.singlet_scale([4, 1], [v, vp], M_Pl=M_PL) / M_PL))
        block["m_a_eV_paper_D10"] = [ph.GeV_to_eV(obs["m_a"]), ph.GeV_to_eV(float(
            alp.alp_mass(d["model_II_paper_D_prime"], vp, M_Pl=M_PL)))]
    return block
