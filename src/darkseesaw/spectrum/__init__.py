"""Mass matrices → physical states.

`takagi` (exact Takagi factorisation of complex symmetric matrices), `builders` (neutral-lepton
mass matrices in the basis (ν_L, N_Rᶜ, S)), `reference` (60-digit mpmath reference), scalar
potentials and gauge-boson mixing. User model files live in `darkseesaw.modelfiles`.
"""

from darkseesaw.spectrum.takagi import structural_rank, takagi

__all__ = ["takagi", "structural_rank"]
