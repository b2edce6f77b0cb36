"""Chemical equilibrium solver: exact rationals against Harvey-Turner and Cline et al. eq. 3.7."""

from fractions import Fraction

import pytest

from darkseesaw.cosmo.chemical_equilibrium import (
    Plasma,
    Species,
    parse_reaction,
    sm_plus_hnl_plasma,
)
from darkseesaw.errors import InputError


def test_harvey_turner_sm_ratio():
    """SM above T_EW with N = 3 generations, one Higgs doublet: B = 28/79 (B - L)."""
    pl = sm_plus_hnl_plasma(n_unstable=0, with_dm=False)
    pl.add_relation({"l_e": 1, "l_mu": -1})  # flavour-universal asymmetries, as Harvey-Turner
    pl.add_relation({"l_mu": 1, "l_tau": -1})
    bml = {k: v for k, v in pl.charge_form("B").items()}
    for k, v in pl.charge_form("L").items():
        bml[k] = bml.get(k, 0) - v
    sol = pl.solve({"BmL": bml})
    assert pl.charge("B", sol)["BmL"] == Fraction(28, 79)
    assert pl.charge("L", sol)["BmL"] == Fraction(-51, 79)


def test_underdetermined_and_errors():
    sp = [Species("a", 1), Species("b", 1), Species("c", 2, fermion=False)]
    pl = Plasma(sp, ["a + b -> c"])
    with pytest.raises(ValueError):
        pl.solve({"x": {"a": 1}})  # two free parameters needed
    sol = pl.solve({"x": {"a": 1}, "y": {"b": 1}})
    assert sol["c"] == {"x": 1, "y": 1}
    with pytest.raises(InputError):
        parse_reaction("a + b = c")
    with pytest.raises(InputError):
        Plasma(sp, ["a -> zz"])
    assert parse_reaction("2 a + ~b -> c") == {"a": 2, "b": -1, "c": -1}
