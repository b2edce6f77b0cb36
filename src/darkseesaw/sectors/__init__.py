"""Reusable sectors of a model: each a component with its spectrum, observables and links.

=========================================  =====================================================
`NeutralLeptons`                           type-I / inverse / linear / extended seesaw
`U1Gauge`                                  a gauged U(1)′ (charges, anomalies, kinetic mixing)
`ALP`                                      an axion-like particle (anomaly coefficients → g_aγγ)
`ScalarSinglet`                            a singlet that mixes with the Higgs
`FermionDM`                                Dirac or Majorana dark matter through mediators
=========================================  =====================================================

A model composes them (`darkseesaw.models.base.Model`); see ``docs/models.md``.
"""

from darkseesaw.sectors.alp import ALP
from darkseesaw.sectors.base import Point, Sector, SectorSpectrum, Spectrum, resolve
from darkseesaw.sectors.fermion_dm import FermionDM
from darkseesaw.sectors.neutral_leptons import NeutralLeptons, casas_ibarra, dirac_mass
from darkseesaw.sectors.scalar_singlet import ScalarSinglet
from darkseesaw.sectors.u1_gauge import Fermion, U1Gauge

__all__ = ["Point", "Sector", "SectorSpectrum", "Spectrum", "resolve", "NeutralLeptons",
           "dirac_mass", "casas_ibarra", "U1Gauge", "Fermion", "ALP", "ScalarSinglet",
           "FermionDM"]
