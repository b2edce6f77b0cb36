"""Publication figures of experimental limits: one style per experiment family, one way to draw a curve.

`darkseesaw.plots.limits` draws registry curves (excluded regions filled, projections hatched,
hints dotted); `darkseesaw.plots.style` fixes colours and rc settings so the same experiment looks
the same in every figure. Papers and the scan report both draw through here.
"""
