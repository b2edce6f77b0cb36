"""Early-universe cosmology: g*(T), thermal averages, relic densities, dark radiation.

Public API (heavy dependencies such as scipy are imported inside the functions):

* ``thermo`` — g_eff(T), h_eff(T) (Saikawa–Shirai 2018 table), their derivatives, H(T), s(T),
  equilibrium densities and yields (MB, FD, BE).
* ``thermal_average(sigma, mass, x, ...)`` — Gondolo–Gelmini ⟨σv⟩ from σ(s), with
  resonances and thresholds; ``sigma_v_partial_wave``, ``sigma_v_narrow_resonance``,
  ``thermal_average_interpolator``.
* ``omega_h2(mass, sigma_v, *, g=2, self_conjugate=True)`` — Boltzmann-equation relic density
  (vectorised); ``omega_h2_reference`` (tight-tolerance Radau solution of the same equation).
* ``omega_h2_asymmetric(mass, sigma_v, eta, *, g=2) -> (omega_h2, r)`` — asymmetric relics.
* ``freeze_out`` — the x_f iteration and the freeze-out estimates of Ωh².
* ``dark_radiation`` — ΔN_eff of a decoupled species and the decoupling temperature.

Conventions (see ``darkseesaw.cosmo.boltzmann``): masses in GeV, ⟨σv⟩ in cm³/s at the API of
the relic solvers; for Dirac dark matter ⟨σv⟩ is that of χχ̄ annihilation and Ωh² is the total
of χ and χ̄.

Examples
--------
>>> from darkseesaw.cosmo import omega_h2
>>> round(omega_h2(100.0, 2.1e-26), 2)   # Majorana WIMP
0.12
"""

from __future__ import annotations

from darkseesaw.cosmo import thermo
from darkseesaw.cosmo.asymmetric import omega_h2_asymmetric, omega_h2_asymmetric_reference
from darkseesaw.cosmo.boltzmann import (
    omega_h2,
    omega_h2_reference,
    relic_yield,
    yield_to_omega_h2,
)
from darkseesaw.cosmo.dark_radiation import (
    decoupling_temperature,
    delta_neff,
)
from darkseesaw.cosmo.freeze_out import (
    omega_h2_freeze_out,
    x_freeze_out,
)
from darkseesaw.cosmo.thermal_average import (
    breit_wigner_sigma,
    sigma_from_partial_wave,
    sigma_v_narrow_resonance,
    sigma_v_partial_wave,
    thermal_average,
    thermal_average_interpolator,
)

__all__ = [
    "thermo",
    "omega_h2",
    "omega_h2_reference",
    "omega_h2_asymmetric",
    "omega_h2_asymmetric_reference",
    "relic_yield",
    "yield_to_omega_h2",
    "thermal_average",
    "thermal_average_interpolator",
    "sigma_v_partial_wave",
    "sigma_from_partial_wave",
    "sigma_v_narrow_resonance",
    "breit_wigner_sigma",
    "x_freeze_out",
    "omega_h2_freeze_out",
    "delta_neff",
    "decoupling_temperature",
]
