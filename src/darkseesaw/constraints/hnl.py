"""HNL mixing limits with a common confidence level and Dirac/Majorana nature.

The shipped ``hnl/U*2/*`` curves are as published (90 % or 95 % CL, Dirac or Majorana HNL).
`hnl_envelope` rescales every member before combining, with the conventions of the HNLimits
code (Fernandez-Martinez et al., arXiv:2304.06772, ``hnl_tools.py``):

* nature: a Dirac-HNL limit on |U|² is weaker than the Majorana one by √2 for beam-dump /
  decay searches (``BD``: a Majorana HNL has twice the decay width, the signal ∝ |U|⁴ doubles)
  and by 2 for cosmology (``C``); peak searches (``PS``) and unitarity (``UPMNS``) are
  unchanged.
  Majorana → Dirac multiplies by (√2, 2); Dirac → Majorana divides.
* CL: |U|² scales with √Δχ², Δχ² the χ² quantile for ``dof`` parameters (default 1, as the
  curves are one-parameter limits at fixed mass; HNLimits itself uses 2-dof quantiles, pass
  ``dof=2`` to reproduce it). "3 events" sensitivities and unknown CLs are not rescaled.

Examples
--------
>>> env = hnl_envelope("e", nature="majorana", cl=0.90)
>>> env.name, env.y_unit
('hnl/Ue2/current-majorana-90cl', '')
"""

from __future__ import annotations

import math

from darkseesaw.constraints.curves import Envelope
from darkseesaw.constraints.likelihood import delta_chi2
from darkseesaw.constraints.registry import _catalog_data, curve

_FLAV = {"e": "Ue2", "mu": "Umu2", "tau": "Utau2"}
_DIRAC_OVER_MAJORANA = {"PS": 1.0, "BD": math.sqrt(2.0), "C": 2.0, "UPMNS": 1.0}


def _cl_number(cl: str) -> float | None:
    s = str(cl).strip().lower()
    if s in ("90", "0.9", "0.90"):
        return 0.90
    if s in ("95", "0.95"):
        return 0.95
    if s in ("2sigma", "95.45"):
        return 0.9545
    if s in ("1sigma", "68.27"):
        return 0.6827
    if s in ("99",):
        return 0.99
    return None


def nature_factor(hnl_type: str, bound_type: str, nature: str | None) -> float:
    """Factor (dimensionless) on a published |U|² limit to express it for a ``nature``
    ('dirac'/'majorana') HNL, given the published ``hnl_type`` and ``bound_type`` (PS, BD, C, UPMNS, COLLIDER)."""
    if nature is None or hnl_type not in ("Dirac", "Majorana"):
        return 1.0
    f = _DIRAC_OVER_MAJORANA.get(bound_type, 1.0)
    if nature.lower() == "dirac" and hnl_type == "Majorana":
        return f
    if nature.lower() == "majorana" and hnl_type == "Dirac":
        return 1.0 / f
    return 1.0


def cl_factor(cl_from: str, cl_to: float | None, dof: int = 1) -> float:
    """Factor (dimensionless) on a |U|² limit from the published CL (string of the index) to
    ``cl_to``."""
    c = _cl_number(cl_from)
    if cl_to is None or c is None:
        return 1.0

    return math.sqrt(delta_chi2(cl_to, dof) / delta_chi2(c, dof))


def hnl_envelope(flavour: str = "e", *, status: str = "current", nature: str | None = None,
                 cl: float | None = None, dof: int = 1, include_cosmology: bool = False
                 ) -> Envelope:
    """Envelope of the HNLimits curves of one flavour, rescaled to a common CL and nature.

    Parameters
    ----------
    flavour : {'e', 'mu', 'tau'}
    status : str
        ``current`` (default), ``future`` (projections), ``superseded`` or ``alternative``.
    nature : {'dirac', 'majorana'} or None
        HNL nature to convert to (None: as published).
    cl : float or None
        Common confidence level (e.g. 0.90); None: as published.
    dof : int
        Degrees of freedom of the CL conversion (1; HNLimits uses 2).
    include_cosmology : bool
        Include the BBN/CMB region (bound type ``C``).

    Returns
    -------
    Envelope
        Named ``hnl/U{flavour}2/{status}[-{nature}][-{cl}cl]``; its members are the rescaled
        curves (their ``notes`` record the factors).
    """
    if flavour not in _FLAV:
        raise ValueError(f"flavour must be one of {list(_FLAV)}")
    q = _FLAV[flavour]
    members = []
    for name, e in _catalog_data()["curves"].items():
        if not name.startswith(f"hnl/{q}/") or e.get("status") != status:
            continue
        if e.get("bound_type") == "C" and not include_cosmology:
            continue
        c = curve(name)
        f = nature_factor(e.get("hnl_type", ""), e.get("bound_type", ""), nature) * \
            cl_factor(e.get("cl", ""), cl, dof)
        if f != 1.0:
            c = c.scaled(y_factor=f, notes=c.notes + f" | rescaled by {f:.4g} (nature={nature}, "
                         f"cl={cl}, dof={dof})")
        members.append(c)
    if not members:
        raise ValueError(f"no HNL curves with status {status!r} for flavour {flavour!r}")
    tag = status + (f"-{nature.lower()}" if nature else "") + (f"-{round(cl * 100):d}cl" if cl
                                                                else "")
    first = members[0]
    cl_txt = f", {round(cl * 100)}% CL" if cl else ""
    return Envelope(f"hnl/{q}/{tag}", members, label=f"{status} ({nature or 'as published'}"
                    f"{cl_txt})", x_label=first.x_label,
                    y_label=first.y_label, kind="projection" if status == "future"
                    else "upper_limit",
                    notes="HNLimits curves rescaled by darkseesaw.constraints.hnl.hnl_envelope")
