"""Experimental limits and measurements as data, with provenance, behind one API.

* `catalog`, `curve`, `envelope`, `names`, `files`: shipped limit curves (HNL mixing, ALP–photon
  coupling, direct detection, gamma-ray lines, dark photons, Higgs-mixed scalars, Z' couplings,
  LHC dilepton resonances), log–log interpolation, ``allowed``/``margin`` tests, envelopes.
* `darkseesaw.constraints.measurements`: every experimental number (NuFIT, Planck, N_eff,
  KATRIN, KamLAND-Zen, LFV, g-2, W mass, invisible Z width) with its source and date.
* `darkseesaw.constraints.likelihood`: Gaussian / asymmetric-Gaussian / one-sided-limit
  likelihoods, CL conversions and a NuFIT χ².

Masses are in GeV everywhere (ALP masses too: ``curve("alp/gagamma/cast")(1e-12)`` is the CAST
limit at m_a = 1 meV). See ``docs/constraints.md``.
"""

from darkseesaw.constraints.curves import Curve, Envelope
from darkseesaw.constraints.registry import catalog, curve, envelope, files, names, resolve

__all__ = ["Curve", "Envelope", "catalog", "curve", "envelope", "files", "names", "resolve"]
