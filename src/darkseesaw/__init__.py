"""darkseesaw: inverse-seesaw neutrino-mass models tied to a dark sector.

Exact neutral-lepton spectra (`darkseesaw.spectrum`), observables (`darkseesaw.observables`),
early-universe cosmology (`darkseesaw.cosmo`), experimental constraints
(`darkseesaw.constraints`), symmetry bookkeeping (`darkseesaw.symmetry`), the models of the
seed papers (`darkseesaw.models`), parameter scans (`darkseesaw.scan`) and figures/reports
(`darkseesaw.report`).

Importing the top-level package is cheap: sub-packages import numpy/scipy only when used.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
