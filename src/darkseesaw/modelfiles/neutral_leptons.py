"""Neutral-lepton models written by a user as YAML files.

Format
------
.. code-block:: yaml

    name: ISS with three N_R and three S          # optional
    description: free text                         # optional
    unit: GeV                                      # unit of the blocks: eV, keV, MeV, GeV, TeV
    parameters:                                    # named numbers usable in expressions
      y: 0.05
      Lambda: 1000.0
      mu0: 1.0e-6
    blocks:                                        # basis (ν_L, N_Rᶜ, S): see spectrum.builders
      mD:   [[ "y*v_EW/sqrt(2)", 0, 0 ], ...]     # 3 × n_N (required)
      M:    { diag: [ Lambda, "2*Lambda", "3*Lambda" ] }   # n_S × n_N
      mu_S: { diag: [ mu0, mu0, mu0 ] }            # n_S × n_S, symmetric
      mu_R: ...                                    # n_N × n_N, symmetric (type I: mD + mu_R)
      m_DS: ...                                    # 3 × n_S (linear seesaw: mD + M + m_DS)
      mL:   ...                                    # 3 × 3, symmetric (ν_L Majorana mass)

Which blocks are given selects the seesaw: type I (``mD``, ``mu_R``), inverse (``mD``, ``M``,
``mu_S``), linear (``mD``, ``M``, ``m_DS``), or any extension; ``mD`` and one more block are
required.

A loaded file is a model on the contract (`NeutralLeptonModelFile.as_model`): a
`darkseesaw.models.base.Model` with the file's parameters and one
`darkseesaw.sectors.NeutralLeptons` sector, so that ``darkseesaw scan`` with ``model_file:``
gets the registered observables and ``constraints: auto`` gets the sector's links; the batch
path `NeutralLeptonModelFile.evaluate` computes the same observables vectorised over a chunk.

A block is a list of rows (numbers, complex numbers written as expressions such as
``"1e-6*cis(0.3)"`` or ``"(1+2j)*1e-7"``, or expression strings), or ``{diag: [...]}``, or a
single entry for a 1×1 block. Expressions use the safe grammar of `darkseesaw.expressions`
(never ``eval``). Every problem is reported as ``FILE: KEY: problem`` through
`darkseesaw.errors.InputError`.

Limits: the file is read through `darkseesaw.io.read_user_text` (a regular file of at most
10 MiB) and `darkseesaw.io.load_yaml`; at most ``MAX_FIELDS`` (100) N_R and 100 S; every
entry must be finite, a parameter real (``"1+2j"`` is an error, not truncated), and a
comparison is not a number. A spectrum must have three light neutrinos
(`darkseesaw.observables.neutrino.light_states_ok`: the three most active states below
1 keV): `NeutralLeptonModelFile.spectrum` refuses one that has fewer, saying what it has, and
`NeutralLeptonModelFile.evaluate` marks such points ``fewer than 3 light neutrinos``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from darkseesaw import physics as ph
from darkseesaw.errors import InputError
from darkseesaw.expressions import (
    BUILTIN_NAMES,
    ExpressionError,
    evaluate,
    evaluate_real,
    names_in,
)
from darkseesaw.io import load_yaml, read_user_text
from darkseesaw.models.base import Model, ModelParameters
from darkseesaw.observables.neutrino import LIGHT_MASS_MAX, light_states_ok, select_light
from darkseesaw.observables.neutrino import observables as neutrino_observables
from darkseesaw.sectors.neutral_leptons import NeutralLeptons, neutral_lepton_observables
from darkseesaw.spectrum.builders import neutral_lepton_matrix
from darkseesaw.spectrum.takagi import last_info as takagi_last_info
from darkseesaw.spectrum.takagi import takagi

__all__ = ["NeutralLeptonModelFile", "load", "loads"]

_TOP_KEYS = {"name", "description", "unit", "parameters", "blocks"}
_BLOCKS = ("mD", "M", "mu_S", "mu_R", "m_DS", "mL")
_SYMMETRIC = ("mu_S", "mu_R", "mL")
MAX_FIELDS = 100
"""Most N_R (columns of mD) and most S (rows of M) a model file may declare."""
LIGHT_FAILURE = "fewer than 3 light neutrinos"


@dataclass
class NeutralLeptonModelFile:
    """A validated neutral-lepton model file.

    Attributes
    ----------
    path : str
        File name (for messages).
    name, description : str
    unit : float
        GeV per unit of the block entries.
    parameters : dict[str, float]
        Default values of the named parameters.
    blocks : dict[str, list[list]]
        Raw entries (numbers or expression strings) of each block present.
    n_N, n_S : int
        Numbers of N_R and S fields.
    """

    path: str
    name: str
    description: str
    unit: float
    parameters: dict[str, float]
    blocks: dict[str, list[list[Any]]]
    n_N: int
    n_S: int
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        """Dimension of the full mass matrix, 3 + n_N + n_S."""
        return 3 + self.n_N + self.n_S

    def _values(self, params: Mapping[str, Any] | None):
        vals: dict[str, Any] = dict(self.parameters)
        if params:
            for k, v in params.items():
                if k not in self.parameters:
                    raise InputError(self.path, f"parameters.{k}",
                                     f"unknown parameter (known: {', '.join(self.parameters)})")
                vals[k] = np.asarray(v, dtype=float)
        return vals

    def block_arrays(self, params: Mapping[str, Any] | None = None, *, check_finite=True):
        """Numerical blocks [GeV] as arrays of shape (batch..., rows, cols)."""
        vals = self._values(params)
        shape = np.broadcast_shapes(*(np.shape(v) for v in vals.values())) if vals else ()
        out = {}
        for bname, rows in self.blocks.items():
            nr, nc = len(rows), len(rows[0])
            arr = np.zeros(shape + (nr, nc), dtype=complex)
            for i, row in enumerate(rows):
                for j, entry in enumerate(row):
                    try:
                        v = evaluate(entry, vals, check_finite=check_finite)
                    except ExpressionError as e:
                        raise InputError(self.path, f"blocks.{bname}[{i}][{j}]", str(e)) from None
                    arr[..., i, j] = v * self.unit
            out[bname] = arr
        for sym in _SYMMETRIC:
            if sym in out:
                a = out[sym]
                at = np.swapaxes(a, -1, -2)
                bad = np.abs(a - at) > 1e-12 * np.maximum(np.abs(a), np.abs(at))
                if np.any(bad):
                    i, j = np.argwhere(bad.reshape((-1,) + bad.shape[-2:]).any(axis=0))[0]
                    raise InputError(self.path, f"blocks.{sym}",
                                     f"Majorana block is not symmetric ([{i}][{j}] != [{j}][{i}])")
        return out

    def matrix(self, params: Mapping[str, Any] | None = None, *, check_finite=True):
        """Full mass matrix [GeV], shape (batch..., n, n), basis (ν_L, N_Rᶜ, S)."""
        b = self.block_arrays(params, check_finite=check_finite)
        if "M" not in b:  # type I or a file without N–S block: M = 0 (n_S × n_N)
            b["M"] = np.zeros(np.shape(b["mD"])[:-2] + (self.n_S, self.n_N), complex)
        return neutral_lepton_matrix(b["mD"], b["M"], b.get("mu_S"), b.get("mu_R"),
                                     b.get("m_DS"), b.get("mL"), check_symmetric=False)

    def spectrum(self, params: Mapping[str, Any] | None = None):
        """(m, U, observables) of the model at the given parameter values (defaults otherwise).

        Raises `InputError` (key ``blocks``) when the spectrum does not have three light
        neutrinos, naming the states that would have been labelled light.
        """
        M = self.matrix(params)
        if not np.all(np.isfinite(M)):
            raise InputError(self.path, "blocks", "the mass matrix has non-finite entries at "
                             "these parameter values")
        m, U = takagi(M)
        if not np.all(np.isfinite(m)):
            info = takagi_last_info()
            raise InputError(self.path, "blocks", f"the spectrum could not be computed "
                             f"({info.get('reason') or 'non-finite result'})")
        if not np.all(light_states_ok(m, U)):
            raise InputError(self.path, "blocks", self._light_problem(m, U))
        if np.all(np.take_along_axis(m, select_light(m, U, warn=False), axis=-1) == 0.0):
            raise InputError(self.path, "blocks", "the three light neutrinos are exactly "
                             "massless (is mD, or every lepton-number-breaking block, zero?): "
                             "the oscillation observables are undefined")
        return m, U, neutrino_observables(m, U)

    def _light_problem(self, m, U) -> str:
        """What a spectrum without three light neutrinos has instead (one line)."""
        idx = select_light(m, U, warn=False)
        act = np.sum(np.abs(U[:3, :]) ** 2, axis=0)
        shown = ", ".join(f"{m[i]:.3g} GeV (active content {act[i]:.2g})" for i in idx)
        n_below = int(np.sum(m <= LIGHT_MASS_MAX))
        return (f"{LIGHT_FAILURE}: the three most active states weigh {shown}; a light "
                f"neutrino must be below {LIGHT_MASS_MAX * 1e6:g} keV, and {n_below} of the "
                f"{self.size} states are (active or sterile); e.g. an N_R without a partner S "
                "or a Majorana mass pairs with a ν_L into a Dirac state")

    def as_model(self) -> Model:
        """The file as a model on the contract (see the module notes)."""
        if "model" not in self._cache:
            self._cache["model"] = _file_model(self)
        return self._cache["model"]

    def evaluate(self, params: Mapping[str, Any], *, lfv: bool = False,
                 lifetimes: bool = False) -> dict[str, np.ndarray]:
        """Vectorised evaluation for scans: registered observables for a batch of points.

        Points whose matrix is not finite, or whose diagonalisation fails, get NaN and a
        reason in the column ``failure`` ('' for good points).

        Parameters
        ----------
        params : mapping name → array (B,)
        lfv, lifetimes : bool
            Also compute the LFV rates / HNL lifetimes (the costly observables).

        Returns
        -------
        dict name → array (B,)
            The observables of `darkseesaw.sectors.neutral_leptons.neutral_lepton_observables`
            (registry names and units: masses in GeV, Δm² in GeV², phases in rad), and
            ``failure``.
        """
        vals = self._values(params)
        B = int(np.prod(np.broadcast_shapes(*(np.shape(v) for v in vals.values())))) if vals else 1
        M = self.matrix(params, check_finite=False).reshape(B, self.size, self.size)
        failure = np.full(B, "", dtype=object)
        bad = ~np.all(np.isfinite(M), axis=(-2, -1))
        failure[bad] = "non-finite mass matrix"
        good = ~bad
        names = self.as_model().observable_names(lfv=lfv, lifetimes=lifetimes)
        out: dict[str, np.ndarray] = {k: np.full(B, np.nan) for k in names}
        out["is_NO"] = np.zeros(B, dtype=bool)
        if np.any(good):
            m, U = takagi(M[good])
            info = takagi_last_info()
            if len(info["failed"]):
                # the arbitrary-precision fallback ran out of its time budget: NaN, with the reason
                idx = np.flatnonzero(good)[info["failed"]]
                failure[idx] = (f"{info['reason']}: double precision not certified and the "
                                f"arbitrary-precision recomputation exceeded its budget "
                                f"(DARKSEESAW_PRECISION_BUDGET)")
            done = np.all(np.isfinite(m), axis=-1)
            light = np.zeros_like(done)
            if np.any(done):
                light[done] = light_states_ok(m[done], U[done])
            short = done & ~light
            if np.any(short):  # a state labelled light would be heavy: no light observables
                failure[np.flatnonzero(good)[short]] = LIGHT_FAILURE
                done = done & light
            if np.any(done):
                o = neutral_lepton_observables(m[done], U[done], lfv=lfv, lifetimes=lifetimes)
                idx = np.flatnonzero(good)[done]
                for k, v in o.items():
                    out[k][idx] = v
        out["failure"] = failure.astype(str)
        return out


def _as_matrix(path, key, value):
    """Turn a YAML block (list of rows, {diag: [...]}, or a scalar) into a list of rows."""
    if isinstance(value, Mapping):
        if set(value) != {"diag"}:
            raise InputError(path, key, f"a mapping block must be {{diag: [...]}}, got keys "
                                        f"{sorted(value)}")
        d = value["diag"]
        if not isinstance(d, list) or not d:
            raise InputError(path, f"{key}.diag", "expected a non-empty list")
        if len(d) > MAX_FIELDS:
            raise InputError(path, f"{key}.diag", f"{len(d)} entries: too large (at most "
                                                  f"{MAX_FIELDS})")
        return [[d[i] if i == j else 0 for j in range(len(d))] for i in range(len(d))]
    if isinstance(value, list):
        if not value:
            raise InputError(path, key, "empty block")
        if len(value) > MAX_FIELDS or any(isinstance(r, list) and len(r) > MAX_FIELDS
                                          for r in value):
            big = max([len(value)] + [len(r) for r in value if isinstance(r, list)])
            raise InputError(path, key, f"{big} rows or columns: too large (at most "
                                        f"{MAX_FIELDS} N_R and {MAX_FIELDS} S)")
        if all(not isinstance(r, list) for r in value):
            raise InputError(path, key, "expected a list of rows (a list of lists)")
        if not all(isinstance(r, list) for r in value):
            raise InputError(path, key, "every row must be a list")
        ncol = len(value[0])
        for i, r in enumerate(value):
            if len(r) != ncol:
                raise InputError(path, f"{key}[{i}]", f"row has {len(r)} entries, row 0 has {ncol}")
        return value
    return [[value]]


def loads(text: str, path: str = "<string>") -> NeutralLeptonModelFile:
    """Parse and validate a model file from a YAML string (see module notes)."""
    doc = load_yaml(text, path)
    if not isinstance(doc, Mapping):
        raise InputError(path, None, "expected a mapping with 'parameters' and 'blocks'")
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        raise InputError(path, sorted(map(str, unknown))[0],
                         f"unknown key (allowed: {', '.join(sorted(_TOP_KEYS))})")
    unit_name = doc.get("unit", "GeV")
    if not isinstance(unit_name, str) or unit_name not in ph.MASS_UNITS:
        raise InputError(path, "unit", f"unknown unit {unit_name!r} (allowed: "
                                       f"{', '.join(ph.MASS_UNITS)})")
    params_raw = doc.get("parameters") or {}
    if not isinstance(params_raw, Mapping):
        raise InputError(path, "parameters", "expected a mapping name: value")
    params: dict[str, float] = {}
    for k, v in params_raw.items():
        if not isinstance(k, str) or not k.isidentifier():
            raise InputError(path, f"parameters.{k}", "parameter names must be identifiers")
        if k in BUILTIN_NAMES:
            raise InputError(path, f"parameters.{k}", "shadows a built-in constant; rename it")
        if k.startswith("__"):
            raise InputError(path, f"parameters.{k}", "names starting with '__' are reserved")
        try:
            v = evaluate_real(v, params)
        except ExpressionError as e:
            raise InputError(path, f"parameters.{k}", f"not a real number ({e})") from None
        if v.ndim != 0:
            raise InputError(path, f"parameters.{k}", "expected one number")
        params[k] = float(v)
    blocks_raw = doc.get("blocks")
    if not isinstance(blocks_raw, Mapping):
        raise InputError(path, "blocks", "missing or not a mapping (needs mD, M, mu_S)")
    for k in blocks_raw:
        if k not in _BLOCKS:
            raise InputError(path, f"blocks.{k}", f"unknown block (allowed: {', '.join(_BLOCKS)})")
    if "mD" not in blocks_raw:
        raise InputError(path, "blocks.mD", "missing block")
    if len(blocks_raw) < 2:
        raise InputError(path, "blocks", "give mD and at least one more block (mu_R for type I; "
                                         "M and mu_S for the inverse seesaw)")
    blocks = {k: _as_matrix(path, f"blocks.{k}", v) for k, v in blocks_raw.items()}
    # entries: numbers or valid expressions naming known parameters
    known = set(params) | set(BUILTIN_NAMES)
    for bname, rows in blocks.items():
        for i, row in enumerate(rows):
            for j, e in enumerate(row):
                key = f"blocks.{bname}[{i}][{j}]"
                if isinstance(e, bool) or not isinstance(e, int | float | str):
                    raise InputError(path, key, f"not a number or expression: {e!r}")
                if isinstance(e, str):
                    try:
                        unknown_names = names_in(e) - known
                    except ExpressionError as err:
                        raise InputError(path, key, str(err)) from None
                    if unknown_names:
                        raise InputError(path, key, f"unknown name {sorted(unknown_names)[0]!r} "
                                                    f"in {e!r}")
    # shapes
    nN = len(blocks["mD"][0])
    if "M" in blocks:
        nS = len(blocks["M"])
    elif "mu_S" in blocks:
        nS = len(blocks["mu_S"])
    elif "m_DS" in blocks:
        nS = len(blocks["m_DS"][0])
    else:
        nS = 0
    expect = {"mD": (3, nN), "M": (nS, nN), "mu_S": (nS, nS), "mu_R": (nN, nN),
              "m_DS": (3, nS), "mL": (3, 3)}
    for bname, rows in blocks.items():
        shp = (len(rows), len(rows[0]))
        if shp != expect[bname]:
            raise InputError(path, f"blocks.{bname}",
                             f"wrong shape {shp[0]}x{shp[1]}, expected "
                             f"{expect[bname][0]}x{expect[bname][1]} (n_N={nN} from mD, "
                             f"n_S={nS})")
    model = NeutralLeptonModelFile(
        path=path,
        name=str(doc.get("name", Path(path).stem)),
        description=str(doc.get("description", "")),
        unit=ph.to_GeV(1.0, unit_name),
        parameters=params,
        blocks=blocks,
        n_N=nN,
        n_S=nS,
    )
    # evaluate once at the defaults: catches non-finite values and asymmetric μ blocks now
    model.block_arrays()
    return model


def load(path) -> NeutralLeptonModelFile:
    """Read and validate a model file (see module notes); errors as `InputError`."""
    return loads(read_user_text(path), str(path))


class _FileModel(Model):
    """A neutral-lepton model file on the contract (built by `NeutralLeptonModelFile.as_model`)."""

    def observable_names(self, *, lfv: bool = True, lifetimes: bool = True) -> list[str]:
        """Names of the observables the file's model produces."""
        k = self.sectors[0].n_heavy
        names = [f"m_nu{i}" for i in (1, 2, 3)] + [
            "s12sq", "s13sq", "s23sq", "delta_cp", "alpha21", "alpha31", "dm21sq", "dm3lsq",
            "is_NO", "m_beta", "m_bb", "sum_m_nu", "eta_ee", "eta_mumu", "eta_tautau", "eta_emu",
            "eta_etau", "eta_mutau", "U2_e_heavy", "U2_mu_heavy", "U2_tau_heavy"]
        for i in range(1, k + 1):
            names += [f"m_N{i}"] + [f"U2{e}_{fl}_N{i}" for fl in ("e", "mu", "tau")
                                    for e in ("", "eff")]
            if lifetimes:
                names += [f"tau_N{i}", f"ctau_N{i}"]
        if lfv:
            names += ["BR_mu_egamma", "BR_mu_3e", "CR_mu_e_Al", "CR_mu_e_Au", "BR_tau_egamma",
                      "BR_tau_mugamma"]
        return names


def _file_model(f: NeutralLeptonModelFile) -> Model:
    from pydantic import create_model

    fields = {k: (float, v) for k, v in f.parameters.items()}
    P = create_model(f"Parameters_{Path(f.path).stem}".replace("-", "_"),
                     __base__=ModelParameters, **fields)

    def block(name):
        return lambda p: f.block_arrays(p.model_dump())[name]

    def M_block(p):
        b = f.block_arrays(p.model_dump())
        return b["M"] if "M" in b else np.zeros((f.n_S, f.n_N))

    sector = NeutralLeptons(mD=block("mD"), M=M_block,
                            **{k: block(k) for k in ("mu_S", "mu_R", "m_DS", "mL") if k in f.blocks},
                            n_N=f.n_N, n_S=f.n_S)
    cls = type("FileModel", (_FileModel,), {
        "id": f"file:{Path(f.path).name}", "description": f.description or f.name,
        "references": (), "Parameters": P, "benchmarks": {"defaults": {}},
        "sectors": (sector,)})
    return cls()
