"""Model files a user writes as YAML: the neutral-lepton model file and the symmetry file.

* `darkseesaw.modelfiles.neutral_leptons` — blocks of a type-I-family seesaw with named
  parameters and safe expressions (``darkseesaw spectrum FILE.yaml``, scans with
  ``model_file:``); a loaded file is a model on the contract (``as_model()``).
* `darkseesaw.modelfiles.symmetry` — fields, charges, Z_N factors and Lagrangian terms
  (``darkseesaw symmetry FILE.yaml``).

This package sits above the engines (it builds models from them); nothing below imports it.
"""
