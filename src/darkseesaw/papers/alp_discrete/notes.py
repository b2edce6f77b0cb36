"""The notes of the alp-discrete reproduction: inputs, and where the faithful computation differs
from Carvajal, Dias, Nishi, Sánchez-Vega, JHEP 05 (2015) 069 (each with its evidence; the
details are in ``docs/alp-discrete.md``). They are the ``notes`` list of the JSON.
"""

from __future__ import annotations

from typing import Any

from darkseesaw import physics as ph

__all__ = ["notes"]


def notes(z13: dict[str, Any], two: dict[str, Any], z11: dict[str, Any]) -> list[str]:
    """The notes, with the numbers of the Z13 block, the two-ALP blocks and the Z11 record."""
    return [
        "Inputs as in the paper: reduced M_Pl = 2.4e18 GeV, m_h = 125 GeV in eq. (39); "
        "alpha = alpha(0) and v_w = 246.22 GeV from PDG 2024 (the paper: 1/137 and 246 GeV; "
        "no printed digit changes).",
        "Table I: g/C = alpha/(2 pi v) at the exact v reproduces the printed column except "
        "D = 8 (4.77e-14 vs printed 4.76e-14) and D = 9 (3.38e-15 vs 3.39e-15), which the paper "
        "computed from the v rounded to three digits (g_over_C_rounded_v); differences <= 0.2 %.",
        f"Eq. (38): mu = zeta x {ph.GeV_to_eV(z13['mu_per_zeta']) * 1e-3:.3f} keV with "
        "M_Pl = 2.4e18 GeV; the paper prints 1.6 keV (truncated; 1.66 rounds to 1.7).",
        "Model II (Z8 x Z10): sigma' has Z10 charge 2 (Table VII), so sigma'^5 is already "
        "Z8 x Z10 invariant: the lowest U(1)_X'-breaking operator has D' = 5, not 10. With |g'| = 1 "
        f"this gives m_a' = {two['model_II']['m_a_eV'][1]:.3g} eV instead of the paper's "
        "1.81e-10 eV (eq. 49), which is the D = 10 value (reported as m_a_eV_paper_D10). "
        "No Z10 generator avoids this: L'(sigma') = 2 makes every Z10 charge of sigma' even. "
        "Benchmark C.2 is drawn at the paper's value, marked as such.",
        "Model I: the gravitational anomaly of Z8 = 6B+2L is Agrav = 1, not 0 mod 4: "
        "uncancelled, as the paper states (eq. 42); Z11 is anomaly free.",
        "Model II, erratum: the lowest L H S operator is sigma^4 sigma' (tied with "
        "sigma*^4 sigma'); the original text's sigma*^2 sigma' is not Z8 x Z10 invariant.",
        "Search: r = 1 as in the paper; r enters none of the five conditions (only the E_R "
        "charge and the E lifetime), so r = 0 or -1 give the same (p, q, s, N).",
        "Search: condition 4 uses |k_E| <= 5 (the paper's order-one range, 'eta ~ 5'); this "
        "reproduces the paper's 'the |s| = 3 option needs v_sigma >~ 1e13 GeV'.",
        "Search: Z26 = Z13 x (-1)^F passes every condition but is the same symmetry as Z13 on "
        "bosons with fermion parity attached; it is flagged redundant, not listed as a survivor.",
        "Z11 (the paper's runner-up, failing 'only the gravitational anomaly'): the engine also "
        "finds Agrav = 13 != 0 mod 11/2, and in addition D = 11 gives m_a ~ 1e-8 eV at "
        "v_sigma ~ 3e10 GeV (|g| = 1), too heavy for the Coma hint (m_a <~ 1e-12 eV): "
        f"failed = {z11['failed']}.",
        "Hint regions: Coma and the 3.55 keV line are boxes transcribed from the paper's text "
        "(darkseesaw.constraints.measurements); the gamma-ray transparency region of the search "
        "is the Meyer-Horns-Raue 2013 contour of the catalogue (their conservative result).",
        "Fig. 2 as the paper drew it (paper_era): its transparency region is the optimistic "
        "result of the same paper (g >~ 1e-12 GeV^-1, containing B.2 and C.2), and it draws "
        "PIXIE/PRISM (Tashiro, Silk, Marsh 2013) and massive stars (Friedland, Giannotti, Wise "
        "2013) and no HB or CAST. These three exist only as printed numbers: they are boxes "
        "transcribed from the sources' abstracts (data/fig2_paper_era.yaml, assumed edges "
        "marked), not digitised curves. HB and CAST 2017 are drawn as today's curves.",
    ]
